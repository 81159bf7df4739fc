//! Bullet markers as printed or as pdftotext renders them.

use rapporteur_model::{Language, Preset, Spelled};
use rapporteur_prose::phrases;

/// What other programs turn the bullets prose prints (`●`, `◦`, `•`) into.
const RENDERED: &[char] = &['○', '・', '◆', '■', '-', '－', '‐', '*'];

fn is_marker(c: char) -> bool {
    let printed = || {
        Language::ALL
            .iter()
            .any(|&l| Preset::ALL.iter().any(|&p| phrases::bullet(l, p) == c))
    };
    RENDERED.contains(&c) || printed()
}

/// The text after a bullet marker, if `text` starts with one. `■` starts a bullet only
/// when it does not start a table caption (`■表`).
pub(crate) fn strip(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !is_marker(first) || text.starts_with("■表") {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    // An ASCII marker needs a space after it, or it is a hyphenated word's end.
    if first.is_ascii() && !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    (!rest.is_empty()).then_some(rest)
}
