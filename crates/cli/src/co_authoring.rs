//! What `merge` and `import` print of a co-author's copy: one line a change, the kind
//! first, then the place as the report names it, tab-separated.

use crate::terminal::Field;
use rapporteur_collab::{FieldValue, MergeChange, MergeConflict};
use rapporteur_core::Merged;
use rapporteur_storage::{MergeSummary, ReportId, SharedImport};
use std::io::{self, Write};

/// Who the edits that came in are by, as the sentence names them.
fn by(summary: &MergeSummary) -> String {
    match summary.from.as_slice() {
        [] => "a co-author who gave no name".to_owned(),
        names => names.join(", "),
    }
}

pub(crate) fn print_merged(id: ReportId, merged: &Merged, out: &mut impl Write) -> io::Result<()> {
    if merged.changed {
        let by = by(&merged.summary);
        writeln!(
            out,
            "report {id}: merged as revision {}, with the edits of {}",
            merged.revision,
            Field(&by)
        )?;
    } else {
        writeln!(
            out,
            "report {id}: the file holds nothing new; nothing changed"
        )?;
    }
    print_summary(&merged.summary, "", out)
}

/// Under the id `import` printed for a share file: what opening it did.
pub(crate) fn print_opened(shared: &SharedImport, out: &mut impl Write) -> io::Result<()> {
    if shared.created {
        return writeln!(out, "  a new report, linked to its co-authors' copies");
    }
    if shared.summary.is_empty() {
        return writeln!(out, "  a copy of this report: nothing new in it");
    }
    let by = by(&shared.summary);
    writeln!(
        out,
        "  a copy of this report: merged, with the edits of {}",
        Field(&by)
    )?;
    print_summary(&shared.summary, "  ", out)
}

fn print_summary(summary: &MergeSummary, indent: &str, out: &mut impl Write) -> io::Result<()> {
    let value = |v: &Option<FieldValue>| FieldValue::describe(v.as_ref());
    for change in &summary.changes {
        match change {
            MergeChange::Added { place, .. } => writeln!(out, "{indent}added\t{}", Field(place))?,
            MergeChange::Removed { place, .. } => {
                writeln!(out, "{indent}removed\t{}", Field(place))?
            }
            MergeChange::Moved { place, .. } => writeln!(out, "{indent}moved\t{}", Field(place))?,
            MergeChange::Edited {
                place,
                field,
                before,
                after,
                ..
            } => writeln!(
                out,
                "{indent}changed\t{}\t{field}\t{} → {}",
                Field(place),
                Field(&value(before)),
                Field(&value(after))
            )?,
        }
    }
    for conflict in &summary.conflicts {
        match conflict {
            MergeConflict::BothChanged {
                place,
                field,
                kept,
                other,
                ..
            } => writeln!(
                out,
                "{indent}changed in both copies\t{}\t{field}\tkept {}; the other copy had {}",
                Field(place),
                Field(&value(kept)),
                Field(&value(other))
            )?,
            MergeConflict::DeletedWhileEdited {
                place,
                deleted_here,
                ..
            } => {
                let what = match deleted_here {
                    true => "deleted in this copy, edited in the other: the edit is not kept",
                    false => "deleted in the other copy, edited in this one: the edit is not kept",
                };
                writeln!(
                    out,
                    "{indent}deleted while edited\t{}\t{what}",
                    Field(place)
                )?
            }
        }
    }
    Ok(())
}
