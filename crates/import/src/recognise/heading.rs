//! Numbered headings: `1. はじめに`, `1．はじめに`, `2.1 …`, `2.1　…`, and the Working
//! Party's `WP1: title` / `WP1：title` / `WP4 : title`.

/// A numbered heading as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// `[2, 1]` for 2.1.
    pub number: Vec<u32>,
    pub text: String,
}

/// `line` as a numbered heading, if it reads as one: a short line, not a sentence.
pub(crate) fn parse(line: &str) -> Option<Heading> {
    let line = line.trim();
    if line.chars().count() > 120 || line.ends_with('。') || line.contains('\t') {
        return None;
    }
    let digits_end = line.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (number_text, rest) = line.split_at(digits_end);
    let mut number = Vec::new();
    for part in number_text.split('.') {
        if part.is_empty() {
            continue;
        }
        if part.len() > 3 {
            return None;
        }
        number.push(part.parse::<u32>().ok()?);
    }
    if number.is_empty() || number.len() > 6 || number.contains(&0) {
        return None;
    }
    let trailing_dot = number_text.ends_with('.');
    // Level 1 reads `1.` then a space, or `1．`; deeper levels `2.1` then a space.
    let text = if number.len() == 1 {
        if let Some(text) = rest.strip_prefix('．') {
            text
        } else if trailing_dot && rest.starts_with([' ', '\u{3000}']) {
            rest
        } else {
            return None;
        }
    } else if !trailing_dot && rest.starts_with([' ', '\u{3000}']) {
        rest
    } else {
        return None;
    };
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(Heading {
        number,
        text: text.to_owned(),
    })
}

/// `WP1: title` as the Working Party's number and title.
pub(crate) fn working_party(text: &str) -> Option<(u32, String)> {
    let rest = text.strip_prefix("WP")?;
    let digits_end = rest.find(|c: char| !c.is_ascii_digit())?;
    let number = rest[..digits_end].parse().ok()?;
    let rest = rest[digits_end..].trim_start();
    let title = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))?
        .trim();
    (!title.is_empty()).then(|| (number, title.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_presets_numbers() {
        let h = |n: &[u32], t: &str| {
            Some(Heading {
                number: n.to_vec(),
                text: t.to_owned(),
            })
        };
        assert_eq!(parse("1. はじめに"), h(&[1], "はじめに"));
        assert_eq!(parse("1．はじめに"), h(&[1], "はじめに"));
        assert_eq!(parse("2.1 課題"), h(&[2, 1], "課題"));
        assert_eq!(parse("2.1　WP1：x"), h(&[2, 1], "WP1：x"));
        for no_heading in ["2.1に述べた", "2025年", "1) セキュリティ", "3. 文。"] {
            assert_eq!(parse(no_heading), None, "{no_heading}");
        }
    }

    #[test]
    fn reads_working_party_headings() {
        assert_eq!(working_party("WP1: a b"), Some((1, "a b".to_owned())));
        assert_eq!(working_party("WP4 : AI"), Some((4, "AI".to_owned())));
        assert_eq!(working_party("WP2：x"), Some((2, "x".to_owned())));
        assert_eq!(working_party("WPx: a"), None);
    }
}
