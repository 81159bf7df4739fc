//! Fixed terms of the domain misspelt: a katakana word one slip away from a term (one
//! kana wrong, missing or extra, or two swapped: `データミネーション` for
//! `デターミネーション`, `コンセンド` for `コンセント`).
//!
//! Kept from false alarms three ways: a term written correctly (or with its long vowel
//! mark at the end added or dropped, `ラポーター`) is never a slip; words of their own one
//! slip from a term (`コンセプト`, `ターミネーション`) are listed as such; and short terms
//! are compared with whole katakana words only, since a short term is one slip from
//! many pieces of longer words (`ポータル` holds `ラポータ` less its first kana).

use crate::findings::{FindingKind, Found};
use rapporteur_model::{free_texts, Report};

/// The fixed terms of the domain, as the journal spells them; each of 4 kana or more.
const TERMS: &[&str] = &[
    "デターミネーション",
    "コンセント",
    "ワークアイテム",
    "テクニカルレポート",
    "テクニカルペーパー",
    "ワーキングパーティ",
    "ラポータ",
    "プレナリ",
    "リエゾン",
];

/// Ordinary words one slip from a term: never a misspelling of it.
const NEIGHBOURS: &[&str] = &[
    "ターミネーション",
    "コンセプト",
    "コンテント",
    "テクニカルサポート",
    "ラポート",
    "サポータ",
    "サポーター",
    "レポータ",
    "レポーター",
];

/// Terms of at least this many kana are also looked for inside longer katakana words
/// (`ワークアイテムリスト`); shorter ones only as whole words.
const INSIDE_WORDS: usize = 7;

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let mut found = Vec::new();
    for text in free_texts(report) {
        for (found_text, term) in term_slips(text.text) {
            let kind = FindingKind::Spelling {
                found: found_text,
                term,
            };
            found.push((text.path.clone(), kind));
        }
    }
    found
}

/// Each fixed term misspelt in `text`, once: the piece as written and the term it
/// misses (`("データミネーション", "デターミネーション")`). The importer reads through them.
pub fn term_slips(text: &str) -> Vec<(String, &'static str)> {
    let mut slips = Vec::new();
    // A set beside the list, so that a text with thousands of different slips is not
    // compared slip by slip.
    let mut seen = std::collections::HashSet::new();
    for word in katakana_words(text) {
        if let Some(slip) = misspelling(&word) {
            if seen.insert(slip.clone()) {
                slips.push(slip);
            }
        }
    }
    slips
}

/// The misspelt piece of `word` and the term it misses, if any. Linear in the word's
/// length: each term is compared with the pieces of about its length only, and each
/// comparison stops at the second difference.
fn misspelling(word: &[char]) -> Option<(String, &'static str)> {
    for (term, forms) in FORMS.iter() {
        if forms.iter().any(|form| contains(word, form)) {
            continue;
        }
        for form in forms {
            // Long terms: pieces as long as the term first, so that a kana replaced or
            // swapped shows the whole misspelt word rather than a piece of it.
            let lengths = if form.len() >= INSIDE_WORDS {
                vec![form.len(), form.len() + 1, form.len() - 1]
            } else {
                vec![word.len()]
            };
            for piece in lengths.into_iter().flat_map(|len| word.windows(len)) {
                if one_slip(piece, form) {
                    let text: String = piece.iter().collect();
                    if !NEIGHBOURS.contains(&text.as_str()) {
                        return Some((text, term));
                    }
                }
            }
        }
    }
    None
}

/// A term, and the forms it is written in.
type Forms = (&'static str, Vec<Vec<char>>);

/// Each term with its forms, made once.
static FORMS: std::sync::LazyLock<Vec<Forms>> =
    std::sync::LazyLock::new(|| TERMS.iter().map(|&term| (term, forms(term))).collect());

/// A term as written, and with the long vowel mark at its end added or dropped: both
/// spellings are in use (`ラポータ`, `ラポーター`).
fn forms(term: &str) -> Vec<Vec<char>> {
    let written: Vec<char> = term.chars().collect();
    let mut other = written.clone();
    if other.last() == Some(&'ー') {
        other.pop();
    } else {
        other.push('ー');
    }
    vec![written, other]
}

fn contains(word: &[char], form: &[char]) -> bool {
    word.windows(form.len()).any(|piece| piece == form)
}

/// The runs of katakana in `text`; the middle dot `・` separates words.
fn katakana_words(text: &str) -> impl Iterator<Item = Vec<char>> + '_ {
    let is_katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | 'ヽ' | 'ヾ');
    text.split(move |c| !is_katakana(c))
        .filter(|word| !word.is_empty())
        .map(|word| word.chars().collect())
}

/// Whether `a` is exactly one slip from `b` (kana replaced, left out, added, or two
/// neighbours swapped): what the tests' `distance(a, b) == 1` says, in one pass without a table.
fn one_slip(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(at) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // Equal, or one kana added at the end.
        return short.len() != long.len();
    };
    if short.len() != long.len() {
        return short[at..] == long[at + 1..];
    }
    let replaced = short[at + 1..] == long[at + 1..];
    let swapped = at + 1 < short.len()
        && short[at] == long[at + 1]
        && short[at + 1] == long[at]
        && short[at + 2..] == long[at + 2..];
    replaced || swapped
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The number of slips between `a` and `b`: kana replaced, left out, added, or two
    /// neighbours swapped (optimal string alignment distance).
    fn distance(a: &[char], b: &[char]) -> usize {
        let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in rows.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in rows[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (rows[i - 1][j] + 1)
                    .min(rows[i][j - 1] + 1)
                    .min(rows[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(rows[i - 2][j - 2] + 1);
                }
                rows[i][j] = best;
            }
        }
        rows[a.len()][b.len()]
    }

    fn slip(text: &str) -> Option<(String, &'static str)> {
        katakana_words(text).find_map(|word| misspelling(&word))
    }

    #[test]
    fn every_term_is_long_enough_to_check() {
        for term in TERMS {
            assert!(term.chars().count() >= 4, "{term}");
        }
    }

    #[test]
    fn slips_of_one_kana_are_found() {
        for (text, found, term) in [
            (
                "がデータミネーションされた",
                "データミネーション",
                "デターミネーション",
            ),
            (
                "がデタミネーションされた",
                "デタミネーション",
                "デターミネーション",
            ),
            ("がコンセンドされた", "コンセンド", "コンセント"),
            (
                "新規ワークアイテンとして",
                "ワークアイテン",
                "ワークアイテム",
            ),
            (
                "ワークアイテムリストとテクニカルレポードXSTR",
                "テクニカルレポード",
                "テクニカルレポート",
            ),
            (
                "新規ワーカアイテムとして",
                "ワーカアイテム",
                "ワークアイテム",
            ),
            ("レポーターとラポーダ", "ラポーダ", "ラポータ"),
            ("プレナル会合", "プレナル", "プレナリ"),
        ] {
            assert_eq!(slip(text), Some((found.to_owned(), term)), "{text}");
        }
    }

    #[test]
    fn correct_forms_and_ordinary_words_are_not_slips() {
        for text in [
            "デターミネーションされ、コンセントされた",
            "ラポータ、ラポーター、アソシエイトラポータ、プレナリー、プレナリセッション",
            "テクニカルペーパ、ワーキングパーティー、リエゾンステートメント",
            "コンセプト、コンテント、ターミネーション、テクニカルサポート、サポーター、レポーター",
            "ポータル、コンセンサス、パーセント、ワークショップ、セキュリティ・コンセント",
            "ネットワークアイテム",
        ] {
            assert_eq!(slip(text), None, "{text}");
        }
    }

    #[test]
    fn distance_counts_slips() {
        let d = |a: &str, b: &str| {
            distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("データミネーション", "デターミネーション"), 1);
        assert_eq!(d("コンセンド", "コンセント"), 1);
        assert_eq!(d("コンセント", "コンセント"), 0);
        assert_eq!(d("", "コン"), 2);
        assert_eq!(d("テクニカルノート", "テクニカルレポート"), 2);
    }

    proptest! {
        /// The one-pass comparison agrees with the full distance on short words over a
        /// few kana, where slips of every kind are frequent.
        #[test]
        fn one_slip_is_a_distance_of_one(a in "[アイウー]{0,7}", b in "[アイウー]{0,7}") {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prop_assert_eq!(one_slip(&a, &b), distance(&a, &b) == 1);
        }
    }
}
