//! A Question's paragraph read back into outcomes: `課題Nでは、` then sentences of clauses
//! `items + predicate`, each item `gloss + id + (title)`, in either preset's phrasing and
//! the older passive/active forms. Sentences that are not outcome sentences are the note.

use rapporteur_model::{
    Action, DocumentKind, Language, Outcome, Preset, Process, Question, Spelled,
};
use rapporteur_prose::phrases;

use super::{bracket, depth_after};
use regex::Regex;
use std::sync::LazyLock;

/// What a predicate says: one action, or `を合意した`/`が合意された`, which the presets
/// use for both consented and agreed texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    Action(Action, Option<Process>),
    Agreement,
}

/// Older forms, not generated any more, that reports still use.
const OLDER_FORMS: &[(&str, Says)] = &[
    ("が凍結され", Says::Action(Action::Determined, None)),
    (
        "をデターミネーションし",
        Says::Action(Action::Determined, None),
    ),
    ("をコンセントし", Says::Action(Action::Consented, None)),
    ("が合意され", Says::Agreement),
    ("の発行を合意し", Says::Action(Action::Agreed, None)),
    ("を設立し", Says::Action(Action::NewWorkItem, None)),
    (
        "が新規ワークアイテムとして設立され",
        Says::Action(Action::NewWorkItem, None),
    ),
    (
        "がTAP承認され",
        Says::Action(Action::Approved, Some(Process::Tap)),
    ),
    (
        "がAAP承認され",
        Says::Action(Action::Approved, Some(Process::Aap)),
    ),
];

/// Every predicate stem (the sentence-final form less its `た`), longest first: those
/// the presets generate, from `rapporteur-prose`, then the older forms.
static PREDICATES: LazyLock<Vec<(String, Says)>> = LazyLock::new(|| {
    let mut stems: Vec<(String, Says)> = Vec::new();
    let mut add = |stem: String, says: Says| match stems.iter_mut().find(|(s, _)| *s == stem) {
        Some(entry) if entry.1 != says => entry.1 = Says::Agreement,
        Some(_) => {}
        None => stems.push((stem, says)),
    };
    for &preset in Preset::ALL {
        for (action, process) in phrases::outcome_kinds() {
            let text = phrases::predicate_ja(preset, action, process);
            let stem = text.strip_suffix('た').unwrap_or(text).to_owned();
            add(stem, Says::Action(action, process));
        }
    }
    for (stem, says) in OLDER_FORMS {
        add((*stem).to_owned(), *says);
    }
    stems.sort_by_key(|(stem, _)| std::cmp::Reverse(stem.len()));
    stems
});

static OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^課題\s*(\d{1,3})\s*(では|は)、").expect("a valid pattern"));

const LINKS: &[&str] = &["また、", "さらに、", "なお、", "加えて、", "その他、"];
const NEW_WORK_ITEMS: &str = "新規ワークアイテムとして";

/// A Question's paragraph as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadQuestion {
    pub question: Question,
    /// Misspelt terms read through: (as written, the term).
    pub typos: Vec<(String, &'static str)>,
    /// Whether any of it was understood beyond its number.
    pub understood: bool,
}

/// The Question's number, if `text` opens a Question's paragraph.
pub(crate) fn number(text: &str) -> Option<u32> {
    OPENING.captures(text)?.get(1)?.as_str().parse().ok()
}

/// `text` (without its bullet) as a Question's paragraph, in `preset`.
pub(crate) fn read(text: &str, preset: Preset) -> Option<ReadQuestion> {
    let n = number(text)?;
    let typos = rapporteur_checks::term_slips(text);
    let corrected = typos.iter().fold(text.to_owned(), |t, (found, term)| {
        t.replace(found.as_str(), term)
    });
    let base = Question {
        number: n,
        ..Question::default()
    };
    let presets = [preset, super::other_preset(preset)];
    let generated = |q: &Question| {
        presets
            .iter()
            .any(|&p| super::same_text(&phrases::question(Language::Ja, p, q), &corrected))
    };
    let not_discussed = Question {
        discussed: false,
        ..base.clone()
    };
    if generated(&not_discussed) {
        return Some(done(not_discussed, typos, true));
    }
    if generated(&base) {
        return Some(done(base, typos, true));
    }
    // `課題Nは、` opens only the generated sentences recognised above.
    let body = OPENING
        .captures(&corrected)
        .filter(|caps| &caps[2] == "では")
        .and_then(|caps| caps.get(0))
        .map_or("", |m| &corrected[m.end()..]);
    let mut clauses: Vec<(Says, Vec<Item>)> = Vec::new();
    let mut note = String::new();
    for sentence in super::split_outside(body, '。', true) {
        match read_sentence(sentence.trim_end_matches('。')) {
            Some(found) if note.is_empty() => clauses.extend(found),
            _ => note.push_str(sentence),
        }
    }
    let outcomes = outcomes(clauses);
    let understood = !outcomes.is_empty();
    let mut question = Question {
        outcomes,
        note: (!note.is_empty()).then_some(note),
        ..base
    };
    if !generated(&question) {
        question.note = None;
        question.text = Some(text.to_owned());
    }
    Some(done(question, typos, understood))
}

fn done(question: Question, typos: Vec<(String, &'static str)>, understood: bool) -> ReadQuestion {
    ReadQuestion::new(question, typos, understood)
}

impl ReadQuestion {
    pub(crate) fn new(
        question: Question,
        typos: Vec<(String, &'static str)>,
        understood: bool,
    ) -> ReadQuestion {
        ReadQuestion {
            question,
            typos,
            understood,
        }
    }
}

/// One item of a clause: an id with its title in brackets and the gloss before it, or a
/// document named without id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    id: Option<String>,
    title: String,
    gloss: Option<String>,
}

/// A sentence of clauses `items + predicate`, or `None` when it is not one.
fn read_sentence(sentence: &str) -> Option<Vec<(Says, Vec<Item>)>> {
    let mut text = sentence.trim();
    if let Some(link) = LINKS.iter().find(|link| text.starts_with(*link)) {
        text = &text[link.len()..];
    }
    // `新規ワークアイテムとして、` opens the sentence; its predicate says the action.
    if let Some(rest) = text.strip_prefix(NEW_WORK_ITEMS) {
        text = rest.trim_start_matches('、');
    }
    let mut clauses = Vec::new();
    let mut clause_start = 0;
    let mut depth = 0usize;
    let mut finished = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if finished {
            return None;
        }
        match bracket(c) {
            Some(_) => depth = depth_after(depth, c),
            None if depth == 0 => {
                let rest = &text[i..];
                let Some((stem, says)) = PREDICATES
                    .iter()
                    .find(|(stem, _)| rest.starts_with(stem.as_str()))
                else {
                    continue;
                };
                let after = &rest[stem.len()..];
                let end = if after == "た" {
                    finished = true;
                    text.len()
                } else if after.starts_with('、') {
                    i + stem.len() + '、'.len_utf8()
                } else {
                    continue;
                };
                let items = items(text[clause_start..i].trim())?;
                clauses.push((*says, items));
                clause_start = end;
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    (finished && !clauses.is_empty()).then_some(clauses)
}

/// `、`, `と`, `及び` between items.
fn strip_joiner(text: &str) -> &str {
    let text = text.trim();
    let text = ["、", "及び", "と", ","]
        .iter()
        .find_map(|j| text.strip_prefix(j))
        .unwrap_or(text);
    text.trim()
}

/// Documents named without id: `A、B及びC`.
fn unnumbered(text: &str) -> Vec<Item> {
    let mut parts: Vec<&str> = super::split_outside(text, '、', false);
    if let Some(last) = parts.pop() {
        match last.rsplit_once("及び") {
            Some((a, b)) => parts.extend([a, b]),
            None => parts.push(last),
        }
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|title| Item {
            id: None,
            title: title.to_owned(),
            gloss: None,
        })
        .collect()
}

/// The items of a clause, or `None` if it holds none.
fn items(clause: &str) -> Option<Vec<Item>> {
    let mut found = Vec::new();
    let mut previous_end = 0;
    let mut i = 0;
    while i < clause.len() {
        let Some((id_start, id, title, end)) = next_item(clause, i) else {
            break;
        };
        let between = strip_joiner(&clause[previous_end..id_start]);
        let mut parts = super::split_outside(between, '、', false);
        let gloss = parts.pop().map(str::trim).filter(|g| !g.is_empty());
        for part in parts {
            found.extend(unnumbered(part));
        }
        found.push(Item {
            id: Some(id),
            title,
            gloss: gloss.map(str::to_owned),
        });
        previous_end = end;
        i = end;
    }
    found.extend(unnumbered(strip_joiner(&clause[previous_end..])));
    (!found.is_empty() && found.iter().all(|item| !item.title.is_empty())).then_some(found)
}

/// The next `id (title)` from byte `from`: where the id starts, the id, the title, and
/// where the closing bracket ends.
pub(super) fn next_item(text: &str, from: usize) -> Option<(usize, String, String, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_id_byte(bytes[i - 1]);
        if bytes[i].is_ascii_uppercase() && starts_word {
            let mut end = i;
            while end < bytes.len() && is_id_byte(bytes[end]) {
                end += 1;
            }
            let id = &text[i..end];
            let dot = id.find('.');
            let shaped = dot
                .is_some_and(|d| d > 0 && id[..d].chars().all(|c| c.is_ascii_alphabetic()))
                && !id.ends_with(['.', '-', '_']);
            if shaped {
                let after = text[end..].trim_start_matches(' ');
                let open = end + (text.len() - end - after.len());
                if let Some(close) = closing_bracket(text, open) {
                    let title = text[open..close].chars().skip(1).collect::<String>();
                    let title = title.trim();
                    let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
                    return Some((i, id.to_owned(), title.to_owned(), close + close_len));
                }
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')
}

/// The byte index of the bracket closing the one at `open`, if `open` opens one.
fn closing_bracket(text: &str, open: usize) -> Option<usize> {
    let first = text[open..].chars().next()?;
    if bracket(first) != Some(true) {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        depth = depth_after(depth, c);
        if depth == 0 {
            return Some(open + i);
        }
    }
    None
}

/// The kind of document an id names: `XSTR.` technical report, `XSTP.` technical paper,
/// `X.Sup`/`X.sup` supplement, `TR.` (older reports) technical report.
pub(crate) fn document_kind(id: Option<&str>) -> DocumentKind {
    let Some(id) = id else {
        return DocumentKind::Other;
    };
    let (series, rest) = id.split_once('.').unwrap_or((id, ""));
    match series {
        "XSTR" | "TR" => DocumentKind::TechnicalReport,
        "XSTP" => DocumentKind::TechnicalPaper,
        _ if rest.to_ascii_lowercase().starts_with("sup") => DocumentKind::Supplement,
        _ => DocumentKind::Recommendation,
    }
}

/// The clauses' items as outcomes; `を合意した`/`が合意された` is read as consented when
/// a second such clause follows (the presets list consented before agreed), else by what
/// the items are: Recommendations are consented, other documents agreed.
fn outcomes(clauses: Vec<(Says, Vec<Item>)>) -> Vec<Outcome> {
    let agreements = clauses
        .iter()
        .filter(|(says, _)| *says == Says::Agreement)
        .count();
    let mut seen_agreement = false;
    let mut outcomes = Vec::new();
    for (says, items) in clauses {
        let (action, process) = match says {
            Says::Action(action, process) => (action, process),
            Says::Agreement => {
                let first = !seen_agreement;
                seen_agreement = true;
                let recommendations = items
                    .iter()
                    .all(|item| document_kind(item.id.as_deref()) == DocumentKind::Recommendation);
                if (agreements >= 2 && first) || (agreements == 1 && recommendations) {
                    (Action::Consented, None)
                } else {
                    (Action::Agreed, None)
                }
            }
        };
        outcomes.extend(items.into_iter().map(|item| Outcome {
            uid: Default::default(),
            document: Some(document_kind(item.id.as_deref())),
            id: item.id,
            title: item.title,
            action,
            process,
            gloss: item.gloss,
        }));
    }
    outcomes
}
