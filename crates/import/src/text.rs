//! Plain text read into paragraphs and tables, as pdftotext or copy-paste gives it: hard
//! line breaks inside sentences are joined, page numbers and running headers dropped
//! wherever they stand, paragraphs cut by a page break joined again, tab-separated lines
//! read as a table. The same text wrapped at any width reads the same: ids broken after
//! a dot or a hyphen are joined whole, and a hyphen at a line end is kept or dropped by
//! the evidence (`words`).

use std::collections::{HashMap, HashSet};

use crate::error::ImportError;
use crate::piece::{Paragraph, Piece, Role};
use crate::recognise::heading;
use crate::words::{join_hyphen, latin_words, HyphenReading, Known};

/// The largest text read.
pub const MAX_TEXT: u64 = 16 << 20;

/// What the text reader gives: the pieces, the lines it dropped as page furniture, and
/// the line-end hyphens the evidence did not decide.
pub(crate) struct ReadText {
    pub pieces: Vec<Piece>,
    pub dropped: Vec<String>,
    pub hyphens: Vec<HyphenReading>,
}

pub(crate) fn read_text(bytes: &[u8], library: &Known) -> Result<ReadText, ImportError> {
    if bytes.len() as u64 > MAX_TEXT {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_TEXT,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Two passes over the lines, each made as it is needed (borrowing the text): the
    // first learns which lines recur as running headers and which words the document
    // writes whole, the second makes the pieces. Nothing per line is kept, so a text of
    // a million short lines takes little memory.
    let furniture = Furniture::learn(lines(&text));
    let mut reader = Pieces::new(library, &furniture.words);
    let mut dropped = Vec::new();
    // The block being read (lines between blank lines), and the index of its first line.
    let mut block: Vec<&str> = Vec::new();
    let mut block_start = 0;
    let flush = |block: &mut Vec<&str>, start, reader: &mut Pieces, dropped: &mut Vec<_>| {
        let taken = std::mem::take(block);
        if let Some(taken) = furniture.without(start, taken, dropped) {
            for part in split_at_structure(taken) {
                reader.add(part);
            }
        }
    };
    for (index, line) in lines(&text).enumerate() {
        match line {
            Line::Blank if !block.is_empty() => {
                flush(&mut block, block_start, &mut reader, &mut dropped)
            }
            Line::Blank | Line::PageBreak => {}
            Line::PageNumber(number) if !furniture.content_numbers.contains(&index) => {
                dropped.push(number.trim().to_owned())
            }
            Line::Text(text) if furniture.is_running_header(index, text) => {
                dropped.push(text.trim().to_owned())
            }
            Line::Text(text) | Line::PageNumber(text) => {
                if block.is_empty() {
                    block_start = index;
                }
                block.push(text);
            }
        }
    }
    if !block.is_empty() {
        flush(&mut block, block_start, &mut reader, &mut dropped);
    }
    Ok(ReadText {
        pieces: reader.pieces,
        dropped,
        hyphens: reader.hyphens,
    })
}

/// A line of the text as the reader sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line<'a> {
    Blank,
    /// A form feed: pdftotext's page break.
    PageBreak,
    PageNumber(&'a str),
    Text(&'a str),
}

/// The text's lines, each without its trailing spaces (a trailing tab is an empty last
/// cell and stays). Page breaks and page numbers are told apart here: they may stand
/// between any two lines, even inside a sentence, and end no block.
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.split_inclusive(['\n', '\u{c}']).flat_map(|piece| {
        let (content, page_break) = match piece.strip_suffix('\u{c}') {
            Some(content) => (content, true),
            None => (piece.strip_suffix('\n').unwrap_or(piece), false),
        };
        let content = content.trim_end_matches([' ', '\u{3000}']);
        let line = if content.trim().is_empty() {
            // The empty text before a form feed is no blank line.
            (!page_break).then_some(Line::Blank)
        } else if is_page_number(content) {
            Some(Line::PageNumber(content))
        } else {
            Some(Line::Text(content))
        };
        line.into_iter()
            .chain(page_break.then_some(Line::PageBreak))
    })
}

/// Running headers (a short line heading most pages, or recurring alone as a block after
/// the first heading), and the words the document writes whole.
struct Furniture<'a> {
    /// The line index of the first level-1 heading: running headers come after it.
    first_heading: usize,
    /// Short lines standing alone as a block after the first heading, by how often.
    alone: HashMap<&'a str, usize>,
    /// Short lines heading a page (right after a page break or number), by how often.
    page_tops: HashMap<&'a str, usize>,
    /// How many pages were broken (page breaks, or numbers where there are none).
    breaks: usize,
    /// The Latin words the document writes whole, for the line-end hyphens.
    words: Known,
    /// Lines of a bare number that are no page number: not in a sequence of them
    /// (`1097` alone on a line, the rest of the id `X.` on the line before).
    content_numbers: HashSet<usize>,
}

impl<'a> Furniture<'a> {
    fn learn(lines: impl Iterator<Item = Line<'a>>) -> Furniture<'a> {
        let mut first_heading = None;
        let mut alone: HashMap<&str, usize> = HashMap::new();
        let mut page_tops: HashMap<&str, usize> = HashMap::new();
        let (mut form_feeds, mut numbers) = (0, 0);
        let mut bare: Vec<(usize, u32)> = Vec::new();
        // Bare numbers right before or after a form feed, and the last line seen.
        let mut beside_feed: HashSet<usize> = HashSet::new();
        let mut last: Option<(usize, Line)> = None;
        let mut other_beside_feed = 0;
        let mut words = Known::default();
        // The block being read: its only line so far, if it has one line.
        let mut block: Option<Option<&str>> = None;
        let mut after_break = false;
        let mut previous_hyphen = false;
        let mut end_block = |block: &mut Option<Option<&'a str>>, after_heading: bool| {
            if let Some(Some(line)) = block.take() {
                if after_heading && short_plain(line) {
                    *alone.entry(line.trim()).or_default() += 1;
                }
            }
        };
        // Bare numbers standing alone between blank lines (page numbers whatever else),
        // and the line before this one.
        let mut alone_numbers: HashSet<usize> = HashSet::new();
        let mut raw_previous = Line::Blank;
        let mut alone_candidate = None;
        for (index, line) in lines.enumerate() {
            if let (Some(number), Line::Blank) = (alone_candidate, line) {
                alone_numbers.insert(number);
            }
            alone_candidate = (matches!(line, Line::PageNumber(_)) && raw_previous == Line::Blank)
                .then_some(index);
            raw_previous = line;
            let previous = last;
            if line != Line::Blank {
                last = Some((index, line));
            }
            match line {
                Line::Blank => end_block(&mut block, first_heading.is_some()),
                Line::PageBreak | Line::PageNumber(_) => {
                    // A page number beside a form feed, either side: bare or of another
                    // style (`- 12 -`, `Page 12`).
                    let beside = match (previous, line) {
                        (Some((_, Line::PageBreak)), Line::PageNumber(n)) => Some((index, n)),
                        (Some((i, Line::PageNumber(n))), Line::PageBreak) => Some((i, n)),
                        _ => None,
                    };
                    match beside {
                        Some((i, n)) if n.trim().parse::<u32>().is_ok() => {
                            beside_feed.insert(i);
                        }
                        Some(_) => other_beside_feed += 1,
                        None => {}
                    }
                    match line {
                        Line::PageNumber(number) => {
                            numbers += 1;
                            if let Ok(value) = number.trim().parse() {
                                bare.push((index, value));
                            }
                        }
                        _ => form_feeds += 1,
                    }
                    after_break = true;
                }
                Line::Text(text) => {
                    if block.is_none() && first_heading.is_none() && level_one(text) {
                        first_heading = Some(index);
                    }
                    block = Some(match block {
                        None => Some(text),
                        Some(_) => None,
                    });
                    if after_break && short_plain(text) {
                        *page_tops.entry(text.trim()).or_default() += 1;
                    }
                    after_break = false;
                    // Whole words only: not the halves of a word hyphenated at a line end.
                    let mut found: Vec<&str> = latin_words(text).collect();
                    if previous_hyphen && !found.is_empty() {
                        found.remove(0);
                    }
                    previous_hyphen = text.ends_with('-');
                    if previous_hyphen {
                        found.pop();
                    }
                    for word in found {
                        words.insert(word);
                    }
                }
            }
        }
        end_block(&mut block, first_heading.is_some());
        alone_numbers.extend(alone_candidate);
        Furniture {
            first_heading: first_heading.unwrap_or(usize::MAX),
            alone,
            page_tops,
            breaks: if form_feeds > 0 { form_feeds } else { numbers },
            words,
            // Where pages are marked by form feeds, a page number stands beside one;
            // elsewhere it is one of a sequence.
            content_numbers: if form_feeds > 0 {
                let (paged, unpaged): (Vec<_>, Vec<_>) = bare
                    .iter()
                    .partition(|(index, _)| beside_feed.contains(index));
                // The document's style of page number is another one (`Page 12`).
                let other_style = other_beside_feed > paged.len();
                let mut content: HashSet<usize> = unpaged.iter().map(|&(i, _)| i).collect();
                if other_style {
                    content.extend(paged.iter().map(|&(i, _)| i));
                } else {
                    content.extend(out_of_sequence(&paged));
                }
                &content - &alone_numbers
            } else {
                &out_of_sequence(&bare) - &alone_numbers
            },
        }
    }

    /// Whether line number `index` is a running header: after the first heading, a
    /// short line heading at least two pages, and half of them.
    fn is_running_header(&self, index: usize, line: &str) -> bool {
        let tops = self.page_tops.get(line.trim()).copied().unwrap_or(0);
        index > self.first_heading && short_plain(line) && tops >= 2 && tops * 2 >= self.breaks
    }

    /// The block starting at line `start`, or none when it is a running header standing
    /// alone after the first heading (added to `dropped`).
    fn without<'b>(
        &self,
        start: usize,
        block: Vec<&'b str>,
        dropped: &mut Vec<String>,
    ) -> Option<Vec<&'b str>> {
        if let [line] = block[..] {
            let recurring = self.alone.get(line.trim()).copied().unwrap_or(0) >= 2;
            if start > self.first_heading && recurring && short_plain(line) {
                dropped.push(line.trim().to_owned());
                return None;
            }
        }
        Some(block)
    }
}

/// The lines of bare numbers (`12`) that are in no sequence of page numbers: none of
/// the three before or after it in the list is one or two pages away in the right
/// direction.
fn out_of_sequence(bare: &[(usize, u32)]) -> HashSet<usize> {
    let near = |i: usize| {
        let (_, value) = bare[i];
        let before = bare[i.saturating_sub(3)..i]
            .iter()
            .any(|&(_, v)| (1..=2).contains(&value.wrapping_sub(v)));
        let after = bare[i + 1..(i + 4).min(bare.len())]
            .iter()
            .any(|&(_, v)| (1..=2).contains(&v.wrapping_sub(value)));
        before || after
    };
    (0..bare.len())
        .filter(|&i| !near(i))
        .map(|i| bare[i].0)
        .collect()
}

fn level_one(line: &str) -> bool {
    heading::parse(line).is_some_and(|h| h.number.len() == 1)
}

/// A short plain line: what a running header looks like.
fn short_plain(line: &str) -> bool {
    let line = line.trim();
    !line.contains('\t')
        && !line.contains('。')
        && line.chars().count() <= 60
        && heading::parse(line).is_none()
        && !is_structural(line)
}

/// `12`, `- 12 -`, `— 12 —`, `Page 12`, `12 / 30`.
fn is_page_number(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_prefix("Page ").unwrap_or(line);
    let inner = line.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' '));
    let (a, b) = inner.split_once(" / ").unwrap_or((inner, "1"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    digits(a) && digits(b)
}

/// A line that starts something of its own: a heading, a bullet, a table caption.
pub(crate) fn is_structural(line: &str) -> bool {
    let line = line.trim_start();
    heading::parse(line).is_some()
        || crate::recognise::bullet::strip(line).is_some()
        || line.starts_with('■')
        || line.starts_with("Table ")
}

/// A block split before each line that starts something of its own (a bullet right
/// under the last line of a paragraph), unless the block is a table; and after a
/// heading's line when what follows does not continue the heading. A line continuing a
/// word or an id broken at the line before (`X.` / `509.1 (…)`), or a Japanese line
/// starting with `・` inside a sentence (`51か国` / `・諸機関`), starts nothing.
fn split_at_structure(block: Vec<&str>) -> Vec<Vec<&str>> {
    if is_table(&block) {
        return vec![block];
    }
    let mut out: Vec<Vec<&str>> = Vec::new();
    for line in block {
        let Some(current) = out.last_mut() else {
            out.push(vec![line]);
            continue;
        };
        let previous = current.last().copied().unwrap_or_default();
        let middle_dot_inside = line.trim_start().starts_with('・') && !ends_sentence(previous);
        let starts_own = is_structural(line) && !tight_join(previous, line) && !middle_dot_inside;
        let heading_ends = current.len() == 1 && heading::parse(current[0]).is_some() && {
            let mut joined = current[0].trim().to_owned();
            join_plain(&mut joined, line);
            heading::parse(&joined).is_none()
        };
        if starts_own || heading_ends {
            out.push(vec![line]);
        } else {
            current.push(line);
        }
    }
    out
}

fn is_table(block: &[&str]) -> bool {
    block.iter().filter(|line| line.contains('\t')).count() * 2 > block.len()
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| "。．.!?！？」』".contains(c))
}

/// Blocks made into pieces one by one; a paragraph cut by a page break (it does not end
/// a sentence and the next block starts nothing of its own) is joined with the next one.
struct Pieces<'e> {
    pieces: Vec<Piece>,
    previous_open: bool,
    /// The title and byline come before the first heading: never joined.
    seen_heading: bool,
    /// A paragraph has been made: the title.
    seen_title: bool,
    /// Past the byline (a level-1 heading after the title): the lines of a paragraph,
    /// which only the byline reads, are no longer kept.
    past_byline: bool,
    /// The evidence for line-end hyphens: the library's words, the document's.
    library: &'e Known,
    document: &'e Known,
    hyphens: Vec<HyphenReading>,
}

impl<'e> Pieces<'e> {
    fn new(library: &'e Known, document: &'e Known) -> Pieces<'e> {
        Pieces {
            pieces: Vec::new(),
            previous_open: false,
            seen_heading: false,
            seen_title: false,
            past_byline: false,
            library,
            document,
            hyphens: Vec::new(),
        }
    }

    fn add(&mut self, block: Vec<&str>) {
        if is_table(&block) {
            let rows = block
                .iter()
                .map(|line| line.split('\t').map(|c| c.trim().to_owned()).collect())
                .collect();
            self.pieces.push(Piece::Table(rows));
            self.previous_open = false;
            return;
        }
        let starts_own = is_structural(block[0]);
        if self.previous_open && !starts_own {
            if let Some(Piece::Paragraph(mut paragraph)) = self.pieces.pop() {
                for line in &block {
                    self.join(&mut paragraph.text, line);
                }
                if !self.past_byline {
                    paragraph.lines.extend(block.iter().map(|l| l.to_string()));
                }
                self.previous_open = !ends_sentence(&paragraph.text);
                self.pieces.push(Piece::Paragraph(paragraph));
                return;
            }
        }
        let mut text = String::new();
        for line in &block {
            self.join(&mut text, line);
        }
        // A heading wrapped over lines is a heading still.
        let heading = heading::parse(block[0]).and_then(|_| heading::parse(&text));
        self.past_byline |=
            self.seen_title && heading.as_ref().is_some_and(|h| h.number.len() == 1);
        self.seen_title = true;
        self.seen_heading |= heading.is_some();
        self.previous_open = heading.is_none()
            && !block[0].trim_start().starts_with('■')
            && !ends_sentence(&text)
            && self.seen_heading;
        let lines = if self.past_byline {
            Vec::new()
        } else {
            block.iter().map(|l| l.to_string()).collect()
        };
        self.pieces
            .push(Piece::Paragraph(Paragraph::new(text, lines, Role::Unknown)));
    }

    /// The next line added to `text`, a hyphen at the line end kept or dropped by the
    /// evidence (an undecided one is listed with both readings).
    fn join(&mut self, text: &mut String, line: &str) {
        let line = line.trim();
        if let Some((left, right)) = hyphenated(text, line) {
            let (joined, other) = join_hyphen(left, right, self.library, self.document);
            let left_start = text.trim_end().len() - left.len() - 1;
            if let Some(other) = other {
                self.hyphens.push(HyphenReading {
                    read: joined.clone(),
                    other,
                });
            }
            text.truncate(left_start);
            text.push_str(&joined);
            text.push_str(&line[right.len()..]);
            return;
        }
        join_plain(text, line);
    }
}

/// The word before a hyphen ending `text` and the word starting `line`, when the line
/// break split a Latin word at a hyphen (`assur-` / `ance`, `anti-` / `spoofing`): a
/// hyphen right after a letter, a lower-case letter after it, and no id before it. An upper-case letter
/// or a digit after it (`Vehicle-to-` / `Everything`, `SEC-` / `ZT`) keeps the hyphen
/// whatever the evidence, and is joined by `join_plain`.
fn hyphenated<'t, 'l>(text: &'t str, line: &'l str) -> Option<(&'t str, &'l str)> {
    let before = text.trim_end().strip_suffix('-')?;
    if !line.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let left_start = before
        .rfind(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let left = &before[left_start..];
    if left.is_empty() || !left.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // An id's own hyphen (`X.sg-` / `dfivc`): ids are broken at their hyphens, never
    // hyphenated inside a part.
    if before[..left_start].ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
    {
        return None;
    }
    let right_end = line
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(line.len());
    Some((left, &line[..right_end]))
}

/// Whether `line` continues the last word of `previous` with nothing between: a hyphen
/// at the line end (`Vehicle-to-` / `Everything`, `XSTR.SEC-` / `ZT`), or an id broken
/// after a dot (`TR.` / `iot`, `X.` / `1252`, `X.1080.` / `1`).
fn tight_join(previous: &str, line: &str) -> bool {
    let previous = previous.trim_end();
    let line = line.trim_start();
    let Some(next) = line.chars().next() else {
        return false;
    };
    let last_word = previous
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .next()
        .unwrap_or_default();
    if let Some(before) = previous.strip_suffix('-') {
        // A hyphen attached to what precedes it (`SEC-`, `(DLT)-`), not a dash.
        return before.ends_with(|c: char| !c.is_whitespace()) && next.is_ascii_alphanumeric();
    }
    // A version number (`FAPI 2.` / `0`): a year ending a sentence (`2025.`) is longer.
    let version = last_word
        .strip_suffix('.')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
    if version && next.is_ascii_digit() {
        return true;
    }
    last_word.ends_with('.') && next.is_ascii_alphanumeric() && id_prefix(last_word) && {
        // `X.` then `1252`, not `X.` then the next id `X.1253`.
        let first_word: &str = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .next()
            .unwrap_or_default();
        !id_prefix(first_word.split_inclusive('.').next().unwrap_or_default())
            || !first_word.contains('.')
    }
}

/// An id up to a dot at its end, as ITU-T's series are named: one or two capitals, or
/// a capital and `STR`/`STP` (`X.`, `TR.`, `XSTR.`, `Y.3800.`), then parts.
fn id_prefix(word: &str) -> bool {
    let Some(body) = word.strip_suffix('.') else {
        return false;
    };
    let series = body.split('.').next().unwrap_or_default();
    let series_ok = match series.len() {
        1 | 2 => series.chars().all(|c| c.is_ascii_uppercase()),
        4 => {
            series.starts_with(|c: char| c.is_ascii_uppercase())
                && (series.ends_with("STR") || series.ends_with("STP"))
        }
        _ => false,
    };
    series_ok
        && body[series.len()..]
            .split('.')
            .skip(1)
            .all(|p| !p.is_empty())
}

/// The next line of a sentence added to `text` in place (so that a paragraph of many
/// lines is built in linear time): directly between Japanese characters, with a space
/// between Latin words, and nothing between the halves of an id or a hyphenated word
/// broken at the line end.
fn join_plain(text: &mut String, line: &str) {
    let line = line.trim();
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    text.truncate(text.trim_end().len());
    let before = text.chars().last().unwrap_or(' ');
    let after = line.chars().next().unwrap_or(' ');
    let tight = tight_join(text, line) || before == '(' || after == ')';
    if before.is_ascii() && after.is_ascii() && !tight {
        text.push(' ');
    }
    text.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> (Vec<String>, Vec<String>) {
        let read = read_text(text.as_bytes(), &Known::default()).unwrap();
        let texts = read
            .pieces
            .into_iter()
            .map(|piece| match piece {
                Piece::Paragraph(p) => p.text,
                Piece::Table(rows) => format!("{rows:?}"),
            })
            .collect();
        (texts, read.dropped)
    }

    #[test]
    fn page_furniture_goes_and_the_cut_sentence_is_joined() {
        let (texts, dropped) = paragraphs(
            "題\n\n著者\n\n1. はじめに\n\n本文であり、ページを\n\n12\n\n情報誌 2026年1月号\n\nまたいで続く。次は require-\n\nments for (Technical\n\nReport) です。\n\n2. 次\n\n段落。\n\n情報誌 2026年1月号\n\n- 3 -\n",
        );
        assert_eq!(
            texts,
            [
                "題",
                "著者",
                "1. はじめに",
                "本文であり、ページをまたいで続く。次は requirements for (Technical Report) です。",
                "2. 次",
                "段落。",
            ]
        );
        assert_eq!(
            dropped,
            ["12", "情報誌 2026年1月号", "情報誌 2026年1月号", "- 3 -"]
        );
    }

    #[test]
    fn a_bullet_under_a_paragraph_starts_its_own_and_tabs_make_a_table() {
        let (texts, _) = paragraphs(
            "t\n\n1. h\n\n- 課題3では、A。\n- 課題4では、B。\n\n■表1. c\n\n会合名\t開催期間\nX\t\n",
        );
        assert_eq!(
            texts,
            [
                "t",
                "1. h",
                "- 課題3では、A。",
                "- 課題4では、B。",
                "■表1. c",
                r#"[["会合名", "開催期間"], ["X", ""]]"#,
            ]
        );
    }

    #[test]
    fn line_ends_of_every_kind_and_a_bom_are_read() {
        let (texts, _) = paragraphs("\u{feff}a\r\n\r\nb\rc\u{c}d");
        assert_eq!(texts, ["a", "b c d"]);
    }
}
