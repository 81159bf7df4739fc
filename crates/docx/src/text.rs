//! User text made safe for XML: whatever a report holds, the file must open.
//!
//! docx-rs escapes `<&>"'` itself but passes every other character through, so a stray
//! control character pasted from another program would make Word refuse the file. Here
//! the characters XML 1.0 forbids are dropped and line ends are normalised, before any
//! text reaches docx-rs or the package layer.

/// Whether XML 1.0 (§2.2, `Char`) allows `c`. Surrogates cannot occur in a Rust `char`.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML forbids, with `\r\n` and lone `\r` turned into `\n`
/// (docx-rs would silently drop a `\r`, joining two lines).
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// The lines of `text` once cleaned: each `\n` is a line break inside one paragraph.
pub(crate) fn lines(text: &str) -> Vec<String> {
    clean(text).split('\n').map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_every_character_xml_forbids() {
        let forbidden: String = (0u32..0x20)
            .filter(|c| ![0x09, 0x0A, 0x0D].contains(c))
            .chain([0xFFFE, 0xFFFF])
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(forbidden.chars().count(), 31);
        assert_eq!(clean(&format!("a{forbidden}b")), "ab");
    }

    #[test]
    fn keeps_what_xml_allows() {
        let allowed = "tab\there 日本語 \u{7F}\u{85} \u{D7FF}\u{E000}\u{FFFD} 😀 עברית <&>\"' ]]>";
        assert_eq!(clean(allowed), allowed);
    }

    #[test]
    fn normalises_line_ends() {
        assert_eq!(clean("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(lines("a\r\nb\n"), ["a", "b", ""]);
        assert_eq!(lines(""), [""]);
    }
}
