//! The sentence that opens a Working Party's section: `WP1は、…を検討する課題10、…を検討
//! する課題11及び…を検討する課題15から構成されている。` gives each Question its scope.

use regex::Regex;
use std::sync::LazyLock;

static QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"課題(\d{1,3})").expect("a valid pattern"));

/// How a scope is tied to its Question: the presets' `を検討する`, and what people write.
const VERBS: &[&str] = &[
    "について検討する",
    "を検討する",
    "を主な目的とする",
    "を担当する",
    "を扱う",
];

/// The Questions a sentence names, in order, each with its scope if it has one.
pub(crate) type Scopes = Vec<(u32, Option<String>)>;

/// The Questions the sentence names, in order, each with its scope if it has one.
pub(crate) fn read(text: &str, number: u32) -> Option<Scopes> {
    let body = text
        .trim()
        .strip_prefix(&format!("WP{number}は、"))?
        .strip_suffix("から構成されている。")?;
    let mut questions = Vec::new();
    let mut previous_end = 0;
    let (mut depth, mut scanned) = (0usize, 0usize);
    for caps in QUESTION.captures_iter(body) {
        let whole = caps.get(0)?;
        depth = depth_after_text(depth, &body[scanned..whole.start()]);
        scanned = whole.start();
        if depth > 0 {
            continue;
        }
        let between = body[previous_end..whole.start()].trim();
        let between = ["と、", "及び", "、", "と"]
            .iter()
            .find_map(|j| between.strip_prefix(j))
            .unwrap_or(between)
            .trim();
        let scope = VERBS
            .iter()
            .find_map(|verb| between.strip_suffix(verb))
            .map(|scope| scope.trim().to_owned());
        if scope.is_none() && !between.is_empty() {
            return None;
        }
        questions.push((caps[1].parse().ok()?, scope));
        previous_end = whole.end();
    }
    (previous_end == body.len() && !questions.is_empty()).then_some(questions)
}

/// How many brackets are open after `text`, `depth` being open before it.
fn depth_after_text(depth: usize, text: &str) -> usize {
    text.chars().fold(depth, super::depth_after)
}
