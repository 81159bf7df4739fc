//! What decides a hyphen at a line end: is `assur-`/`ance` one word split for the line
//! (`assurance`) or a compound that keeps its hyphen (`anti-`/`spoofing`)? The evidence,
//! strongest first: the words the library already knows (titles in its registry), the
//! rest of the document, and the word list of an English dictionary. When none decides,
//! both readings are kept in the import's notice.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Serialize;
use specta::Type;

/// The system's English word lists: American and British (ITU-T texts spell British),
/// Debian's and Ubuntu's `wamerican` and `wbritish`, which `scripts/deps.sh` installs and
/// the Linux packages depend on (`words`, macOS's, is the same list).
const WORD_LISTS: &[&str] = &[
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
    "/usr/share/dict/words",
];

/// The dictionaries' words, lower-cased; empty where the system has no word list, and
/// then only the library and the document decide.
static DICTIONARY: LazyLock<HashSet<String>> = LazyLock::new(|| {
    WORD_LISTS
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .flat_map(|list| {
            list.lines()
                .filter(|w| !w.contains('\''))
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
});

/// Whether the system's dictionary was found (the tests require it).
pub fn dictionary_found() -> bool {
    !DICTIONARY.is_empty()
}

fn in_dictionary(word: &str) -> bool {
    DICTIONARY.contains(&word.to_lowercase())
}

/// Endings a word list may leave out (`messaging` of `message`).
const ENDINGS: &[&str] = &[
    "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ity", "ment", "ments",
];

/// Combining forms that English writes closed up (`photovoltaic`, `telebiometric`,
/// `cybersecurity`), though each is a word of the list alone: before a break they are
/// never a compound's first half. (`multi-`, `non-`, `anti-`, `self-` often keep their
/// hyphen and are not here.)
const CLOSED_FORMS: &[&str] = &[
    "photo", "tele", "bio", "micro", "cyber", "electro", "geo", "hydro", "nano", "thermo",
    "crypto", "meta", "inter", "intra",
];

/// A dictionary word, or one of its forms with a common ending.
fn is_word(word: &str) -> bool {
    in_dictionary(word)
        || ENDINGS.iter().any(|ending| {
            word.strip_suffix(ending).is_some_and(|stem| {
                stem.len() >= 3 && (in_dictionary(stem) || in_dictionary(&format!("{stem}e")))
            })
        })
}

/// The words the library knows already: those of the titles in its work-item registry,
/// hyphenated compounds included. The strongest evidence for a line-end hyphen.
#[derive(Debug, Clone, Default)]
pub struct Known {
    words: HashSet<String>,
}

impl Known {
    pub fn from_titles<'a>(titles: impl IntoIterator<Item = &'a str>) -> Known {
        let mut known = Known::default();
        known.add_titles(titles);
        known
    }

    /// The words of more titles (those of a report just imported).
    pub fn add_titles<'a>(&mut self, titles: impl IntoIterator<Item = &'a str>) {
        for title in titles {
            for word in latin_words(title) {
                self.insert(word);
            }
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }

    pub(crate) fn insert(&mut self, word: &str) {
        if word.len() <= 64 {
            self.words.insert(word.to_lowercase());
        }
    }
}

/// The Latin words of `text`, with the hyphens inside them (`anti-spoofing`).
pub(crate) fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.len() > 1)
}

/// A line-end hyphen that the evidence did not decide: how it was read, and the other
/// reading, both shown in the import notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HyphenReading {
    pub read: String,
    pub other: String,
}

/// How `left-` at a line end joins `right` on the next line: the joined text, and the
/// other reading when the evidence did not decide. `library` is the registry's words,
/// `document` the whole words of the text being read.
pub(crate) fn join_hyphen(
    left: &str,
    right: &str,
    library: &Known,
    document: &Known,
) -> (String, Option<String>) {
    let kept = format!("{left}-{right}");
    let joined = format!("{left}{right}");
    for known in [library, document] {
        if known.contains(&kept) {
            return (kept, None);
        }
        if known.contains(&joined) {
            return (joined, None);
        }
    }
    // The dictionary speaks of the parts either side of the break: `assur`+`ance`.
    let left_part = left.rsplit('-').next().unwrap_or(left);
    let right_part = right.split('-').next().unwrap_or(right);
    if is_word(&format!("{left_part}{right_part}")) {
        return (joined, None);
    }
    // Inside a chain (`End-` / `to-End`, `out-of-` / `band`), where the short word is
    // no syllable.
    if right.contains('-') || (left.contains('-') && left_part.len() <= 3) {
        return (kept, None);
    }
    if CLOSED_FORMS.contains(&left_part.to_lowercase().as_str()) {
        return (joined, None);
    }
    // Undecided. Two words that make no word joined are most often a compound
    // (`zero-trust`, `in-vehicle`), but may be one the list lacks (`testbed`); else a
    // break inside a word is more common than a compound of a non-word.
    let word = |part: &str| part.len() >= 2 && in_dictionary(part);
    if word(left_part) && word(right_part) {
        (kept, Some(joined))
    } else {
        (joined, Some(kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_decides_a_split_word_from_a_compound() {
        assert!(
            dictionary_found(),
            "no word list in {WORD_LISTS:?}: install wamerican"
        );
        let none = Known::default();
        // The two halves, the word read and the other reading offered, if any.
        for (before, after, read, other) in [
            ("assur", "ance", "assurance", None),
            ("anti", "spoofing", "anti-spoofing", Some("antispoofing")),
            ("require", "ments", "requirements", None),
            ("End", "to-End", "End-to-End", None),
            ("out-of", "band", "out-of-band", None),
            ("photo", "voltaic", "photovoltaic", None),
            // Not in the list, but `message` is.
            ("mess", "aging", "messaging", None),
        ] {
            assert_eq!(
                join_hyphen(before, after, &none, &none),
                (read.into(), other.map(Into::into)),
                "{before}-{after}"
            );
        }
    }

    #[test]
    fn the_library_and_the_document_come_before_the_dictionary() {
        let library = Known::from_titles(["Guidelines for e-mail security"]);
        let none = Known::default();
        // `email` is no dictionary word, but `e-mail` is in the registry.
        assert_eq!(
            join_hyphen("e", "mail", &library, &none),
            ("e-mail".into(), None)
        );
        let mut document = Known::default();
        document.insert("cybersecurity");
        assert_eq!(
            join_hyphen("cyber", "security", &none, &document),
            ("cybersecurity".into(), None)
        );
    }

    #[test]
    fn undecided_hyphens_keep_both_readings() {
        let none = Known::default();
        let (read, other) = join_hyphen("qzx", "vwk", &none, &none);
        assert_eq!(read, "qzxvwk");
        assert_eq!(other.as_deref(), Some("qzx-vwk"));
    }
}
