//! Full-text search across the newest revision of every report: the index (written with
//! each save) and the query, with a snippet whose matches are marked as segments.

use crate::{ReportId, Store, StoreError};
use rapporteur_format::read_report;
use rapporteur_model::{free_texts, Report};
use rusqlite::{params_from_iter, types::Value, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// The shortest term the trigram index can find; shorter ones are matched with LIKE.
const TRIGRAM: usize = 3;

/// The length of the terms `search_pairs` finds: two characters.
const PAIR: usize = 2;

/// Characters of context kept before the first match in a snippet.
const CONTEXT_BEFORE: usize = 20;

/// The longest snippet, in characters (ellipses aside).
const SNIPPET_CHARS: usize = 80;

/// Which part of a report a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TextPart {
    Title,
    HomeNote,
    Heading,
    WorkingPartyTitle,
    WorkingPartyIntro,
    Paragraph,
    Bullet,
    QuestionScope,
    QuestionNote,
    QuestionText,
    OutcomeId,
    OutcomeTitle,
    OutcomeGloss,
    ScheduleCaption,
    ScheduleCell,
}

impl TextPart {
    const ALL: [TextPart; 15] = [
        TextPart::Title,
        TextPart::HomeNote,
        TextPart::Heading,
        TextPart::WorkingPartyTitle,
        TextPart::WorkingPartyIntro,
        TextPart::Paragraph,
        TextPart::Bullet,
        TextPart::QuestionScope,
        TextPart::QuestionNote,
        TextPart::QuestionText,
        TextPart::OutcomeId,
        TextPart::OutcomeTitle,
        TextPart::OutcomeGloss,
        TextPart::ScheduleCaption,
        TextPart::ScheduleCell,
    ];

    /// The name stored in `search_parts.part`, the same as in the UI.
    fn as_str(self) -> &'static str {
        match self {
            TextPart::Title => "title",
            TextPart::HomeNote => "home_note",
            TextPart::Heading => "heading",
            TextPart::WorkingPartyTitle => "working_party_title",
            TextPart::WorkingPartyIntro => "working_party_intro",
            TextPart::Paragraph => "paragraph",
            TextPart::Bullet => "bullet",
            TextPart::QuestionScope => "question_scope",
            TextPart::QuestionNote => "question_note",
            TextPart::QuestionText => "question_text",
            TextPart::OutcomeId => "outcome_id",
            TextPart::OutcomeTitle => "outcome_title",
            TextPart::OutcomeGloss => "outcome_gloss",
            TextPart::ScheduleCaption => "schedule_caption",
            TextPart::ScheduleCell => "schedule_cell",
        }
    }

    fn parse(text: &str) -> Option<TextPart> {
        TextPart::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The part a JSON path of free text names, from its last field.
    fn of_path(path: &str) -> TextPart {
        let last = path.rsplit('.').next().unwrap_or(path);
        let field = last.split('[').next().unwrap_or(last);
        let in_outcome = path.contains(".outcomes[");
        let in_row = path.contains(".rows[");
        match field {
            "title" if path == "title" => TextPart::Title,
            "home_note" => TextPart::HomeNote,
            "heading" => TextPart::Heading,
            "title" if in_outcome => TextPart::OutcomeTitle,
            "title" => TextPart::WorkingPartyTitle,
            "intro" => TextPart::WorkingPartyIntro,
            "items" => TextPart::Bullet,
            "scope" => TextPart::QuestionScope,
            "note" => TextPart::QuestionNote,
            "text" => TextPart::Paragraph,
            "gloss" => TextPart::OutcomeGloss,
            "id" => TextPart::OutcomeId,
            "caption" => TextPart::ScheduleCaption,
            _ if in_row => TextPart::ScheduleCell,
            _ => TextPart::Paragraph,
        }
    }
}

/// A piece of a snippet: the text as is, and whether it is what was searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// One place in one report where the query was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchHit {
    pub report: ReportId,
    pub report_title: String,
    /// The JSON path of the text (`sections[2].blocks[1].outcomes[0].title`).
    pub path: String,
    pub part: TextPart,
    /// The number and heading of the section it is in (`3.1 WP1: …`).
    pub section: Option<String>,
    /// The Question it belongs to.
    pub question: Option<u32>,
    /// Some text around the first match, `…` where it was cut, matches marked.
    pub snippet: Vec<Segment>,
}

/// One piece of text of a report, as the index holds it.
struct Piece {
    path: String,
    part: TextPart,
    section: Option<String>,
    question: Option<u32>,
    text: String,
}

/// Every piece of searchable text of `report`: its free text and its work items' ids.
fn pieces(report: &Report) -> Vec<Piece> {
    // Each section named as the journal prints its heading (`3.1 WP1: …`).
    let sections: HashMap<String, String> = rapporteur_prose::outline(report)
        .into_iter()
        .map(|entry| (entry.path, entry.heading.line()))
        .collect();
    let questions: HashMap<String, u32> = question_paths(report);
    let place = |path: &str| {
        (
            enclosing(path, &sections).cloned(),
            enclosing(path, &questions).copied(),
        )
    };
    let mut found = Vec::new();
    for text in free_texts(report) {
        if text.text.trim().is_empty() {
            continue;
        }
        let (section, question) = place(&text.path);
        let mut part = TextPart::of_path(&text.path);
        // Paragraphs and Questions both have a `text`.
        if part == TextPart::Paragraph && question.is_some() {
            part = TextPart::QuestionText;
        }
        found.push(Piece {
            part,
            section,
            question,
            text: text.text.to_owned(),
            path: text.path,
        });
    }
    for (path, question, outcome) in report.outcomes() {
        let Some(id) = outcome.id.as_ref().filter(|id| !id.trim().is_empty()) else {
            continue;
        };
        let path = format!("{path}.id");
        let (section, _) = place(&path);
        found.push(Piece {
            path,
            part: TextPart::OutcomeId,
            section,
            question: Some(question.number),
            text: id.clone(),
        });
    }
    found
}

/// The value for the nearest path that `path` is inside, if any.
fn enclosing<'a, T>(path: &str, places: &'a HashMap<String, T>) -> Option<&'a T> {
    let mut end = path.len();
    while let Some(dot) = path[..end].rfind('.') {
        if let Some(found) = places.get(&path[..dot]) {
            return Some(found);
        }
        end = dot;
    }
    None
}

/// The JSON path of every Question block, with its number.
fn question_paths(report: &Report) -> HashMap<String, u32> {
    let mut found = HashMap::new();
    rapporteur_model::visit_sections(&report.sections, &mut |path, _, section| {
        for (b, block) in section.blocks.iter().enumerate() {
            if let rapporteur_model::Block::Question(q) = block {
                found.insert(format!("{path}.blocks[{b}]"), q.number);
            }
        }
    });
    found
}

/// Whether the `ascii` tokenizer of `search_pairs` keeps `c` in a token: every character
/// but ASCII punctuation, spaces and controls.
fn in_token(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric()
}

/// Whether `term` is one token of `search_pairs`: two characters, each kept in a token.
/// Other short terms (`X.`, `鍵`) are found by scanning.
fn is_pair(term: &str) -> bool {
    term.chars().count() == PAIR && term.chars().all(in_token)
}

/// What `search_pairs` holds for `text`: every two neighbouring characters that make a
/// token, once each, spaces between.
fn pairs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for pair in chars.windows(PAIR) {
        if pair.iter().all(|c| in_token(*c)) && seen.insert(pair) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(pair);
        }
    }
    out
}

/// Adds the pairs of the `search_parts` row `row`, whose text is `text`.
fn add_pairs(tx: &Transaction, row: i64, text: &str) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO search_pairs (rowid, pairs) VALUES (?1, ?2)")?
        .execute(rusqlite::params![row, pairs(text)])?;
    Ok(())
}

/// Pairs every row already stored: the data step of the migration that adds
/// `search_pairs` (schema 11).
pub(crate) fn pair_every_part(tx: &Transaction) -> Result<(), StoreError> {
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT id, text FROM search_parts")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row, text) in rows {
        add_pairs(tx, row, &text)?;
    }
    Ok(())
}

/// Brings the indexed text of report `id` in step with `report`, its newest revision; a
/// template is not indexed.
///
/// Search takes the newest rows first, so a report's rows must all be newer than those of
/// every report saved before it. When that already holds (the report saved last is saved
/// again, as autosave does), only the parts whose text changed are written: a part whose
/// text is still there keeps its row and its place in the full-text index, and only its
/// place in the document is brought up to date. Otherwise every row is written anew, at
/// the top.
pub(crate) fn index_report(
    tx: &Transaction,
    id: ReportId,
    report: &Report,
) -> Result<(), StoreError> {
    let template: bool = tx.query_row(
        "SELECT template_name IS NOT NULL FROM reports WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if template {
        tx.execute("DELETE FROM search_parts WHERE report_id = ?1", [id])?;
        return Ok(());
    }
    let mut kept: HashMap<String, Vec<StoredPiece>> = HashMap::new();
    if is_newest(tx, id)? {
        let mut stmt = tx.prepare_cached(
            "SELECT id, path, part, section, question, position, text
             FROM search_parts WHERE report_id = ?1 ORDER BY position DESC",
        )?;
        let rows = stmt.query_map([id], |row| {
            Ok(StoredPiece {
                row: row.get(0)?,
                place: (
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ),
                text: row.get(6)?,
            })
        })?;
        for stored in rows {
            let stored = stored?;
            kept.entry(stored.text.clone()).or_default().push(stored);
        }
    } else {
        tx.execute("DELETE FROM search_parts WHERE report_id = ?1", [id])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO search_parts (report_id, path, part, section, question, position, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut moved = tx.prepare_cached(
        "UPDATE search_parts SET path = ?2, part = ?3, section = ?4, question = ?5, position = ?6
         WHERE id = ?1",
    )?;
    let mut gone = tx.prepare_cached("DELETE FROM search_parts WHERE id = ?1")?;
    let mut added = Vec::new();
    for (position, piece) in pieces(report).into_iter().enumerate() {
        let place = (
            piece.path,
            piece.part.as_str().to_owned(),
            piece.section,
            piece.question,
            position as i64,
        );
        // The same text found again: the earliest in the document first (popped from
        // the end of a list read latest first).
        match kept.get_mut(&piece.text).and_then(Vec::pop) {
            Some(stored) if stored.place == place => {}
            Some(stored) => {
                let (path, part, section, question, position) = place;
                moved.execute(rusqlite::params![
                    stored.row, path, part, section, question, position
                ])?;
            }
            None => added.push((place, piece.text)),
        }
    }
    // What is left of the old text goes before the new is added, so that the index never
    // holds a row twice.
    for stored in kept.into_values().flatten() {
        gone.execute([stored.row])?;
    }
    for ((path, part, section, question, position), text) in added {
        insert.execute(rusqlite::params![
            id, path, part, section, question, position, text
        ])?;
        add_pairs(tx, tx.last_insert_rowid(), &text)?;
    }
    Ok(())
}

/// Where a stored part is: its path, part, section, Question and position.
type Place = (String, String, Option<String>, Option<u32>, i64);

/// A row of `search_parts` of the report being saved.
struct StoredPiece {
    row: i64,
    place: Place,
    text: String,
}

/// Whether every indexed row of report `id` is newer than every other report's: the
/// condition for rewriting only its changed rows. A report with no rows yet counts as
/// not newest (its rows are then all added, at the top, which is the same).
fn is_newest(tx: &Transaction, id: ReportId) -> Result<bool, StoreError> {
    let oldest_own: Option<i64> = tx.query_row(
        "SELECT min(id) FROM search_parts WHERE report_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let Some(oldest_own) = oldest_own else {
        return Ok(false);
    };
    // Walks down from the newest row past this report's own: a few hundred at most.
    let newest_other: Option<i64> = tx
        .query_row(
            "SELECT id FROM search_parts WHERE report_id <> ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(newest_other.is_none_or(|other| other < oldest_own))
}

/// Indexes every report already stored: the data step of the migration that adds search
/// (schema 2). It writes the rows as that schema has them, in document order; the next
/// migration numbers them from that order.
pub(crate) fn index_every_report(tx: &Transaction) -> Result<(), StoreError> {
    let heads: Vec<(ReportId, String)> = tx
        .prepare(
            "SELECT r.id, v.document FROM reports r
             JOIN revisions v ON v.report_id = r.id AND v.number = r.head_revision
             WHERE r.template_name IS NULL",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare(
        "INSERT INTO search_parts (report_id, path, part, section, question, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (id, document) in heads {
        for piece in pieces(&read_report(&document)?) {
            insert.execute(rusqlite::params![
                id,
                piece.path,
                piece.part.as_str(),
                piece.section,
                piece.question,
                piece.text
            ])?;
        }
    }
    Ok(())
}

/// `%`, `_` and the escape itself taken literally in a LIKE pattern (ESCAPE '\').
pub(crate) fn like_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Store {
    /// The places in the newest revision of every report in the library where every
    /// whitespace-separated term of `query` occurs, as a substring, ignoring case: at
    /// most `limit`, the most recently saved reports first, each report's in document
    /// order. Terms of 3 characters or more use the trigram index; shorter ones (`課題`)
    /// are matched with LIKE over the same text, found through the index of character
    /// pairs when the query has a two-character term and no longer one.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        self.located(self.read_search(query, limit))
    }

    fn read_search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let (long, short): (Vec<&str>, Vec<&str>) =
            terms.iter().partition(|t| t.chars().count() >= TRIGRAM);
        let paired: Vec<&str> = short.iter().copied().filter(|t| is_pair(t)).collect();
        // The index that finds the rows: the trigram one for terms of three characters
        // or more, else the one of pairs for terms of two; with neither, a scan.
        let index = match (long.is_empty(), paired.is_empty()) {
            (false, _) => Some(("search_index", &long)),
            (true, false) => Some(("search_pairs", &paired)),
            (true, true) => None,
        };
        let mut args: Vec<Value> = Vec::new();
        // The newest matching rows, newest first, and no more than `limit` of them: the
        // full-text index hands its matches over newest first (rowid order), so a word
        // found in every report costs as little as a rare one. Rows are newest for the
        // most recently saved report (see `index_report`).
        let (mut found, newest) = match index {
            None => (
                String::from("SELECT p.id AS id FROM search_parts p"),
                "p.id",
            ),
            Some((index, indexed)) => {
                // Each term a phrase (quotes doubled): the trigram index finds it
                // anywhere, the pairs' as its one token.
                let phrases: Vec<String> = indexed
                    .iter()
                    .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                    .collect();
                args.push(Value::Text(phrases.join(" AND ")));
                // CROSS JOIN keeps the index the outer loop, so that it gives the order.
                (
                    format!(
                        "SELECT s.rowid AS id FROM {index} s CROSS JOIN search_parts p ON p.id = s.rowid"
                    ),
                    "s.rowid",
                )
            }
        };
        found.push_str(" CROSS JOIN reports r ON r.id = p.report_id WHERE r.deleted_at IS NULL");
        if let Some((index, _)) = index {
            found.push_str(&format!(" AND {index} MATCH ?"));
        }
        // Every short term is tested on the rows found, those the pairs found included:
        // the same test whichever index found them.
        for term in &short {
            if term.chars().any(|c| c.is_ascii_alphabetic()) {
                found.push_str(" AND p.text LIKE ? ESCAPE '\\'");
                args.push(Value::Text(format!("%{}%", like_literal(term))));
            } else {
                // LIKE folds ASCII letters only: without one, a plain substring test is
                // the same, and several times faster over the rows a short term scans.
                found.push_str(" AND instr(p.text, ?) > 0");
                args.push(Value::Text((*term).to_owned()));
            }
        }
        found.push_str(&format!(" ORDER BY {newest} DESC LIMIT ?"));
        args.push(Value::Integer(i64::from(limit)));
        // Then the most recently saved report first, each report's in document order.
        let sql = format!(
            "SELECT p.report_id, r.title, p.path, p.part, p.section, p.question, p.text
             FROM ({found}) found JOIN search_parts p ON p.id = found.id
             JOIN reports r ON r.id = p.report_id
             ORDER BY max(p.id) OVER (PARTITION BY p.report_id) DESC, p.position"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let hits = stmt.query_map(params_from_iter(args), |row| {
            let part: String = row.get(3)?;
            let text: String = row.get(6)?;
            Ok(SearchHit {
                report: row.get(0)?,
                report_title: row.get(1)?,
                path: row.get(2)?,
                part: TextPart::parse(&part).unwrap_or(TextPart::Paragraph),
                section: row.get(4)?,
                question: row.get(5)?,
                snippet: snippet(&text, &terms),
            })
        })?;
        Ok(hits.collect::<rusqlite::Result<_>>()?)
    }
}

/// A snippet as one line, each match between `open` and `close` (the CLI's « and »).
pub fn marked(snippet: &[Segment], open: &str, close: &str) -> String {
    snippet
        .iter()
        .map(|s| match s.hit {
            true => format!("{open}{}{close}", s.text),
            false => s.text.clone(),
        })
        .collect()
}

/// Some of `text` around the first match of any of `terms`, every match in it marked.
/// Works on characters, never bytes, so Japanese is never cut inside a character.
pub fn snippet(text: &str, terms: &[&str]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let term: Vec<char> = term.chars().map(fold).collect();
        if term.is_empty() || term.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - term.len() {
            if folded[start..start + term.len()] == term[..] {
                marked[start..start + term.len()].fill(true);
            }
        }
    }
    let first = marked.iter().position(|m| *m).unwrap_or(0);
    let from = first.saturating_sub(CONTEXT_BEFORE);
    let to = (from + SNIPPET_CHARS).min(chars.len());
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |text: String, hit: bool| match segments.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(&text),
        _ => segments.push(Segment { text, hit }),
    };
    if from > 0 {
        push("…".to_owned(), false);
    }
    for i in from..to {
        // A line break shows as a space: a snippet is one line.
        let c = if chars[i] == '\n' { ' ' } else { chars[i] };
        push(c.to_string(), marked[i]);
    }
    if to < chars.len() {
        push("…".to_owned(), false);
    }
    segments
}

/// One character, case folded the simple way (one character to one), as the index does.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bracketed(segments: &[Segment]) -> String {
        marked(segments, "[", "]")
    }

    #[test]
    fn a_snippet_marks_every_match_and_cuts_at_characters() {
        let text = format!(
            "{}量子鍵配送の勧告X.1714を承認。量子{}",
            "あ".repeat(30),
            "い".repeat(100)
        );
        let snip = snippet(&text, &["量子", "x.1714"]);
        let shown = bracketed(&snip);
        assert!(shown.starts_with("…"), "{shown}");
        assert!(shown.ends_with("…"), "{shown}");
        assert!(
            shown.contains("[量子]鍵配送の勧告[X.1714]を承認。[量子]"),
            "{shown}"
        );
        let body: usize = snip.iter().map(|s| s.text.chars().count()).sum();
        assert_eq!(body, SNIPPET_CHARS + 2, "two ellipses and the window");
    }

    #[test]
    fn a_short_text_is_shown_whole_and_line_breaks_become_spaces() {
        let snip = snippet("課題1中間会合\nWP1", &["wp"]);
        assert_eq!(bracketed(&snip), "課題1中間会合 [WP]1");
    }

    #[test]
    fn parts_are_named_from_their_paths() {
        for (path, part) in [
            ("title", TextPart::Title),
            ("sections[0].heading", TextPart::Heading),
            (
                "sections[2].sections[0].working_party.title",
                TextPart::WorkingPartyTitle,
            ),
            ("sections[0].blocks[1].text", TextPart::Paragraph),
            ("sections[0].blocks[1].items[2]", TextPart::Bullet),
            (
                "sections[2].sections[0].blocks[0].outcomes[3].title",
                TextPart::OutcomeTitle,
            ),
            (
                "sections[3].blocks[2].rows[0].venue",
                TextPart::ScheduleCell,
            ),
            ("sections[3].blocks[2].caption", TextPart::ScheduleCaption),
            ("meeting.contributions.home_note", TextPart::HomeNote),
        ] {
            assert_eq!(TextPart::of_path(path), part, "{path}");
            assert_eq!(TextPart::parse(part.as_str()), Some(part));
        }
    }
}
