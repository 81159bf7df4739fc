//! Plain text read into paragraphs and tables, as pdftotext or copy-paste gives it: hard
//! line breaks inside sentences are joined, page numbers and running headers dropped,
//! paragraphs cut by a page break joined again, tab-separated lines read as a table.

use crate::error::ImportError;
use crate::piece::{Paragraph, Piece, Role};
use crate::recognise::heading;

/// The largest text read.
pub const MAX_TEXT: u64 = 16 << 20;

/// What the text reader gives: the pieces, and the lines it dropped as page furniture.
pub(crate) struct ReadText {
    pub pieces: Vec<Piece>,
    pub dropped: Vec<String>,
}

pub(crate) fn read_text(bytes: &[u8]) -> Result<ReadText, ImportError> {
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
    // A form feed is pdftotext's page break: a line end like any other here.
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
    // Two passes over the blocks, each made as it is needed (borrowing the text): the
    // first learns which lines recur as running headers, the second makes the pieces.
    // Nothing per line is kept, so a text of a million short lines takes little memory.
    let furniture = Furniture::learn(blocks(&text));
    let mut reader = Pieces::default();
    let mut dropped = Vec::new();
    for (index, block) in blocks(&text).enumerate() {
        if let Some(block) = furniture.without(index, block, &mut dropped) {
            for block in split_at_structure(block) {
                reader.add(block);
            }
        }
    }
    Ok(ReadText {
        pieces: reader.pieces,
        dropped,
    })
}

/// The text's blocks (runs of lines between blank lines), each line without its
/// trailing spaces; a trailing tab is an empty last cell and stays.
fn blocks(text: &str) -> impl Iterator<Item = Vec<&str>> {
    let mut lines = text
        .split('\n')
        .map(|line| line.trim_end_matches([' ', '\u{3000}']));
    std::iter::from_fn(move || {
        let mut block = Vec::new();
        for line in lines.by_ref() {
            if !line.trim().is_empty() {
                block.push(line);
            } else if !block.is_empty() {
                return Some(block);
            }
        }
        (!block.is_empty()).then_some(block)
    })
}

/// Page numbers, and running headers: a short line standing alone that recurs after
/// the first heading.
struct Furniture<'a> {
    first_heading: usize,
    counts: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Furniture<'a> {
    fn learn(blocks: impl Iterator<Item = Vec<&'a str>>) -> Furniture<'a> {
        let mut first_heading = None;
        let mut counts = std::collections::HashMap::new();
        for (index, block) in blocks.enumerate() {
            if first_heading.is_none() {
                let level_one =
                    |line: &str| heading::parse(line).is_some_and(|h| h.number.len() == 1);
                if block.len() == 1 && level_one(block[0]) {
                    first_heading = Some(index);
                } else {
                    continue;
                }
            }
            if let Some(line) = standalone(&block) {
                *counts.entry(line).or_default() += 1;
            }
        }
        Furniture {
            first_heading: first_heading.unwrap_or(usize::MAX),
            counts,
        }
    }

    /// Block number `index` without its page numbers, or none when nothing else is
    /// left or it is a running header; what is dropped is added to `dropped`.
    fn without<'b>(
        &self,
        index: usize,
        mut block: Vec<&'b str>,
        dropped: &mut Vec<String>,
    ) -> Option<Vec<&'b str>> {
        block.retain(|line| {
            let page_number = is_page_number(line);
            if page_number {
                dropped.push(line.trim().to_owned());
            }
            !page_number
        });
        if block.is_empty() {
            return None;
        }
        if index >= self.first_heading {
            if let Some(line) = standalone(&block) {
                if self.counts.get(line).copied().unwrap_or(0) >= 2 {
                    dropped.push(line.to_owned());
                    return None;
                }
            }
        }
        Some(block)
    }
}

/// The block's one line, when it is a short plain line standing alone: what a running
/// header looks like.
fn standalone<'a>(block: &[&'a str]) -> Option<&'a str> {
    let [line] = block else {
        return None;
    };
    let line = line.trim();
    let plain = !line.contains('\t')
        && !line.contains('。')
        && line.chars().count() <= 60
        && heading::parse(line).is_none()
        && !is_structural(line);
    plain.then_some(line)
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
/// under the last line of a paragraph), unless the block is a table.
fn split_at_structure(block: Vec<&str>) -> Vec<Vec<&str>> {
    if is_table(&block) {
        return vec![block];
    }
    let mut out: Vec<Vec<&str>> = Vec::new();
    for line in block {
        match out.last_mut() {
            Some(current) if !is_structural(line) => current.push(line),
            _ => out.push(vec![line]),
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
#[derive(Default)]
struct Pieces {
    pieces: Vec<Piece>,
    previous_open: bool,
    /// The title and byline come before the first heading: never joined.
    seen_heading: bool,
    /// A paragraph has been made: the title.
    seen_title: bool,
    /// Past the byline (a level-1 heading after the title): the lines of a paragraph,
    /// which only the byline reads, are no longer kept.
    past_byline: bool,
}

impl Pieces {
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
            if let Some(Piece::Paragraph(paragraph)) = self.pieces.last_mut() {
                for line in &block {
                    join(&mut paragraph.text, line);
                }
                if !self.past_byline {
                    paragraph.lines.extend(block.iter().map(|l| l.to_string()));
                }
                self.previous_open = !ends_sentence(&paragraph.text);
                return;
            }
        }
        let heading = (block.len() == 1)
            .then(|| heading::parse(block[0]))
            .flatten();
        self.past_byline |=
            self.seen_title && heading.as_ref().is_some_and(|h| h.number.len() == 1);
        self.seen_title = true;
        self.seen_heading |= heading.is_some();
        let mut text = String::new();
        for line in &block {
            join(&mut text, line);
        }
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
}

/// The next line of a sentence added to `text` in place (so that a paragraph of many
/// lines is built in linear time): directly between Japanese characters, with a space
/// between Latin words, and a word hyphenated at the line end joined whole.
fn join(text: &mut String, line: &str) {
    let line = line.trim();
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    text.truncate(text.trim_end().len());
    let before = text.chars().last().unwrap_or(' ');
    let after = line.chars().next().unwrap_or(' ');
    if before == '-' && after.is_ascii_lowercase() {
        let before_hyphen = text[..text.len() - 1].chars().last().unwrap_or(' ');
        if before_hyphen.is_ascii_alphabetic() {
            text.pop();
            text.push_str(line);
            return;
        }
    }
    if before.is_ascii() && after.is_ascii() && before != '(' && after != ')' {
        text.push(' ');
    }
    text.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> (Vec<String>, Vec<String>) {
        let read = read_text(text.as_bytes()).unwrap();
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
