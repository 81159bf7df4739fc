//! What changed between two states of a report.
//!
//! Two views of one comparison: [`changes`], what changed in the user's terms (the
//! Question's outcomes, the meeting's dates, a Working Party's text), from which the
//! history labels each entry; and [`difference`], every field that differs, side by side
//! with the changed characters marked, for the history's comparison of two revisions.
//! Places are named by the outline's headings as `rapporteur_prose` prints them and by
//! Question numbers; fields by their JSON paths, which the editor names as its checks
//! panel does.

mod changes;
mod difference;
mod sequence;

pub use changes::{changes, Change, ChangeKind, ChangePlace, ReportPart};
pub use difference::{difference, DiffSegment, FieldChange};
