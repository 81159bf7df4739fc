//! Bullet markers as printed or as pdftotext renders them.

/// `●` and `◦` are the presets' own; the rest are what other programs turn them into.
const MARKERS: &[char] = &['●', '◦', '•', '○', '・', '◆', '■', '-', '－', '‐', '*'];

/// The text after a bullet marker, if `text` starts with one. `■` starts a bullet only
/// when it does not start a table caption (`■表`).
pub(crate) fn strip(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !MARKERS.contains(&first) || text.starts_with("■表") {
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
