//! Schedule tables: the caption (`■表1. …`, `■表1．…`, `■表．…`) and the rows of meeting,
//! period, venue and content, from a Word table or tab-separated lines.

use rapporteur_model::{Language, Preset, ScheduleRow};
use rapporteur_prose::phrases;
use regex::Regex;
use std::sync::LazyLock;

use super::dates;

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:■\s*表\s*\d*\s*[.．]?|Table\s+\d+\.)\s*(?P<caption>.*)$")
        .expect("a valid pattern")
});

/// The caption's text if `text` is a table caption (`None` inside: a caption without text).
pub(crate) fn caption(text: &str) -> Option<Option<String>> {
    let caps = CAPTION.captures(text.trim())?;
    let caption = caps["caption"].trim();
    Some((!caption.is_empty()).then(|| caption.to_owned()))
}

/// The rows of a schedule table, or `None` when a row does not read as one (then the
/// table is kept as text). The header row is left out.
pub(crate) fn rows(
    table: &[Vec<String>],
    language: Language,
    preset: Preset,
) -> Option<Vec<ScheduleRow>> {
    let header = phrases::table_header(language, preset);
    let mut rows = table;
    if rows.first().is_some_and(|first| trimmed(first) == header) {
        rows = &rows[1..];
    }
    rows.iter()
        .map(|cells| row(cells, language, preset))
        .collect()
}

fn trimmed(cells: &[String]) -> Vec<String> {
    let mut cells: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
    while cells.len() > 4 && cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

fn row(cells: &[String], language: Language, preset: Preset) -> Option<ScheduleRow> {
    let mut cells = trimmed(cells);
    if cells.len() > 4 {
        return None;
    }
    cells.resize(4, String::new());
    let (start, end) = dates::period(&cells[1])?;
    // Read only what prints back the same, in either preset's range mark.
    let printed = |p| phrases::table_period(language, p, start, end);
    if printed(preset) != cells[1] && printed(super::other_preset(preset)) != cells[1] {
        return None;
    }
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    Some(ScheduleRow {
        uid: Default::default(),
        meeting: cells[0].clone(),
        start,
        end,
        venue: optional(&cells[2]),
        content: optional(&cells[3]),
    })
}
