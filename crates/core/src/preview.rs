//! The live preview of the report being edited, kept from one edit to the next: the
//! editor sends the report whole once, then only the parts each edit replaced, and hears
//! back only the nodes of the document that changed. A keystroke in a 100-page report
//! then crosses to the shell and back in a few hundred bytes, not the whole report one
//! way and the whole document the other (docs/performance.md).

use rapporteur_model::{Author, Language, Preset, Report};
use rapporteur_prose::{Node, Origin, Preview};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;

/// A part of the report an edit replaced.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct ReportChange {
    /// Where, as a JSON Pointer into the report's JSON (`/sections/0/blocks/1/text`);
    /// empty for the whole report. The place must exist: a key added or removed is sent
    /// as its whole object.
    pub pointer: String,
    /// The part's new value, as JSON text.
    pub value: String,
}

/// What the editor asks the preview to follow.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewRequest {
    /// The report whole: on opening, and whenever the preview answered `Stale`.
    Whole { report: Box<Report> },
    /// The parts replaced since the report whose preview was numbered `base`.
    Changes {
        base: u32,
        changes: Vec<ReportChange>,
    },
}

/// The preview's answer, numbered: the next request's `base`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewUpdate {
    /// The whole preview of a whole report.
    Whole { version: u32, preview: Preview },
    /// What changed: the document's head as it is now, and the body's nodes from
    /// `start` on, `removed` of them replaced by `nodes` (with their `origins`).
    Changed {
        version: u32,
        title: String,
        authors: Vec<Author>,
        language: Language,
        preset: Preset,
        meeting_start: Option<chrono::NaiveDate>,
        start: u32,
        removed: u32,
        nodes: Vec<Node>,
        origins: Vec<Origin>,
    },
    /// The preview no longer holds the report `base` named (another report was opened
    /// since, or a change did not apply to it): the editor sends the report whole.
    Stale,
}

/// The report the preview follows, and its last preview.
#[derive(Debug, Default)]
pub struct Previewer {
    held: Option<Held>,
    last_version: u32,
}

#[derive(Debug)]
struct Held {
    version: u32,
    /// As JSON, where the changes apply.
    report: Value,
    preview: Preview,
}

impl Previewer {
    pub fn follow(&mut self, request: PreviewRequest) -> PreviewUpdate {
        match request {
            PreviewRequest::Whole { report } => self.whole(&report),
            PreviewRequest::Changes { base, changes } => self.changes(base, &changes),
        }
    }

    fn whole(&mut self, report: &Report) -> PreviewUpdate {
        self.held = None;
        let Ok(json) = serde_json::to_value(report) else {
            // A report the model itself serialises cannot fail; should it, the preview is
            // still shown, only not followed by changes.
            return PreviewUpdate::Whole {
                version: 0,
                preview: rapporteur_prose::preview(report),
            };
        };
        let preview = rapporteur_prose::preview(report);
        let version = self.next_version();
        self.held = Some(Held {
            version,
            report: json,
            preview: preview.clone(),
        });
        PreviewUpdate::Whole { version, preview }
    }

    fn changes(&mut self, base: u32, changes: &[ReportChange]) -> PreviewUpdate {
        if self.held.as_ref().map(|held| held.version) != Some(base) {
            return PreviewUpdate::Stale;
        }
        // Taken out: a change that does not apply may leave it half-changed, and then
        // nothing more is built on it.
        let Some(mut held) = self.held.take() else {
            return PreviewUpdate::Stale;
        };
        let applied = changes.iter().all(|change| apply(&mut held.report, change));
        let Some(report) = applied
            .then(|| Report::deserialize(&held.report).ok())
            .flatten()
        else {
            return PreviewUpdate::Stale;
        };
        let preview = rapporteur_prose::preview(&report);
        let (start, removed) = spliced(&held.preview, &preview);
        let end =
            preview.document.body.len() - (held.preview.document.body.len() - start - removed);
        let version = self.next_version();
        let document = &preview.document;
        let update = PreviewUpdate::Changed {
            version,
            title: document.title.clone(),
            authors: document.authors.clone(),
            language: document.language,
            preset: document.preset,
            meeting_start: document.meeting_start,
            start: start as u32,
            removed: removed as u32,
            nodes: document.body[start..end].to_vec(),
            origins: preview.origins[start..end].to_vec(),
        };
        self.held = Some(Held {
            version,
            report: held.report,
            preview,
        });
        update
    }

    fn next_version(&mut self) -> u32 {
        // Zero is never a version, so an editor's first request cannot match by chance.
        self.last_version = self.last_version.wrapping_add(1).max(1);
        self.last_version
    }
}

/// Puts `change` into `report`; false when its place or its value cannot be read.
fn apply(report: &mut Value, change: &ReportChange) -> bool {
    let Ok(value) = serde_json::from_str::<Value>(&change.value) else {
        return false;
    };
    match report.pointer_mut(&change.pointer) {
        Some(place) => {
            *place = value;
            true
        }
        None => false,
    }
}

/// Where `after`'s body differs from `before`'s: the first node that differs, and how
/// many of `before`'s nodes from there are replaced (the rest, at the end, are alike).
fn spliced(before: &Preview, after: &Preview) -> (usize, usize) {
    fn node(preview: &Preview, i: usize) -> (&Node, &Origin) {
        (&preview.document.body[i], &preview.origins[i])
    }
    let (old, new) = (before.document.body.len(), after.document.body.len());
    let shorter = old.min(new);
    let start = (0..shorter)
        .find(|&i| node(before, i) != node(after, i))
        .unwrap_or(shorter);
    let same_tail = (0..shorter - start)
        .take_while(|&k| node(before, old - 1 - k) == node(after, new - 1 - k))
        .count();
    (start, old - start - same_tail)
}
