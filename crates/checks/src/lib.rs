//! The checks a careful journal editor makes before a report goes out: dates and their
//! weekdays, counts that must add up, work-item ids and their titles, misspelt fixed
//! terms, "今回" where the next meeting is meant, empty parts, and what is still to fill.
//!
//! [`check`] reads a report (and, for titles, what other reports called the same work
//! item) and returns [`Finding`]s, each with a stable code, a severity, the JSON path of
//! the field it concerns and a message in the report's language. Every check and its
//! wording is listed in one place, `findings.rs`.
//!
//! Severities: an **error** is certainly wrong (a date whose weekday is not the one
//! written, counts that do not add up) or stops the journal printing the report (no
//! title, no dates); a **warning** is very probably wrong but may be meant (an id of an
//! unknown shape, a title that changed since the last report) or is still to fill (the
//! number of participants, a Question with nothing reported); a **hint** points at
//! something worth a look.

mod completeness;
mod counts;
mod dates;
mod findings;
mod ids;
mod next_meeting;
mod path;
mod spelling;
mod structure;
mod typed_date;

pub use spelling::term_slips;
pub use typed_date::{read_typed_date, TypedDate};

use chrono::NaiveDate;
use rapporteur_model::{Language, Report};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// How sure a finding is that something is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    /// Every severity, the surest first (the order the UI lists findings in).
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Hint];

    /// The word used in the serialized form and by the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Finding {
    pub severity: Severity,
    /// Stable across versions: `date.weekday`, `count.sum`, …
    pub code: &'static str,
    /// The JSON path of the field concerned, as the file format names it:
    /// `meeting.participants.total`, `sections[2].sections[0].blocks[1].outcomes[0].id`.
    pub path: String,
    /// In the report's language, or the one asked for ([`check_in`]).
    pub message: String,
}

/// The title a work item had in another report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct EarlierTitle {
    pub title: String,
    /// The title of the report it was in.
    pub report_title: String,
    /// When that report's meeting started, if it says.
    pub meeting_start: Option<NaiveDate>,
}

/// What other reports called a work item: the store, in the app and the command line.
pub trait History {
    /// The titles `item_id` had in other reports, with each report's title and meeting
    /// start. It may return reports of any date: [`check`] keeps those of meetings that
    /// started before the checked report's (all of them when the checked report has no
    /// start date yet).
    fn earlier_titles(&self, item_id: &str) -> Vec<EarlierTitle>;
}

/// A history read ahead of time, by item id; empty when there is no database.
impl History for HashMap<String, Vec<EarlierTitle>> {
    fn earlier_titles(&self, item_id: &str) -> Vec<EarlierTitle> {
        self.get(item_id).cloned().unwrap_or_default()
    }
}

/// Every finding on `report`, in the order of the fields in the document, worded in the
/// report's language.
pub fn check(report: &Report, history: &dyn History) -> Vec<Finding> {
    check_in(report, history, report.language)
}

/// As [`check`], worded in `language` (the editor's, which may not be the report's).
pub fn check_in(report: &Report, history: &dyn History, language: Language) -> Vec<Finding> {
    let mut found = Vec::new();
    found.extend(dates::check(report));
    found.extend(counts::check(report));
    found.extend(ids::check(report, history));
    found.extend(spelling::check(report));
    found.extend(next_meeting::check(report));
    found.extend(structure::check(report));
    found.extend(completeness::check(report));
    // Stable: findings on one field keep the order of the checks above.
    found.sort_by_cached_key(|(path, _)| path::document_order(path));
    found
        .into_iter()
        .map(|(path, kind)| Finding {
            severity: kind.severity(),
            code: kind.code(),
            message: kind.message(language),
            path,
        })
        .collect()
}
