//! What `merge` and `import` print of a co-author's copy: one line a change, the kind
//! first, then the place as the report names it, and last who made it, tab-separated.

use crate::terminal::Field;
use rapporteur_collab::{FieldValue, MergeChange, MergeConflict};
use rapporteur_core::{FolderSync, Merged};
use rapporteur_storage::{FolderLink, MergeSummary, ReportId, SharedImport};
use std::io::{self, Write};

/// Who the edits that came in are by, as the sentence names them.
pub(crate) fn by(from: &[String]) -> String {
    match from {
        [] => "a co-author who gave no name".to_owned(),
        names => names.join(", "),
    }
}

pub(crate) fn print_merged(id: ReportId, merged: &Merged, out: &mut impl Write) -> io::Result<()> {
    if merged.changed {
        let by = by(&merged.summary.from);
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

/// What a look at a report's shared folder did: what came in (as `merge` prints it), the
/// file written, and each file not taken this time, with why.
pub(crate) fn print_synced(
    id: ReportId,
    synced: &FolderSync,
    out: &mut impl Write,
) -> io::Result<()> {
    if synced.merged.changed || !synced.merged.summary.is_empty() {
        print_merged(id, &synced.merged, out)?;
    } else {
        writeln!(out, "report {id}: nothing new in the shared folder")?;
    }
    if let Some(file) = &synced.wrote {
        writeln!(out, "wrote\t{}", Field(file))?;
    }
    for refused in &synced.refused {
        writeln!(out, "not taken yet\t{}", Field(&refused.message))?;
    }
    Ok(())
}

/// The shared folder a report is linked to, and what the last look at it found.
pub(crate) fn print_link(link: &FolderLink, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "folder\t{}", Field(&link.dir))?;
    if let Some(at) = link.synced_at {
        writeln!(out, "last sync\t{}", at.to_rfc3339())?;
    }
    if let Some(at) = link.arrived_at {
        let from = by(&link.arrived_from);
        writeln!(out, "last edits in\t{}\t{}", at.to_rfc3339(), Field(&from))?;
    }
    Ok(())
}

/// Under the id `import` printed for a share file: what opening it did.
pub(crate) fn print_opened(shared: &SharedImport, out: &mut impl Write) -> io::Result<()> {
    if shared.created {
        return writeln!(out, "  a new report, linked to its co-authors' copies");
    }
    if shared.summary.is_empty() {
        return writeln!(out, "  a copy of this report: nothing new in it");
    }
    let by = by(&shared.summary.from);
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
        let what = match change {
            MergeChange::Added { place, .. } => format!("added\t{}", Field(place)),
            MergeChange::Removed { place, .. } => format!("removed\t{}", Field(place)),
            MergeChange::Moved { place, .. } => format!("moved\t{}", Field(place)),
            MergeChange::Edited {
                place,
                field,
                before,
                after,
                ..
            } => format!(
                "changed\t{}\t{field}\t{} → {}",
                Field(place),
                Field(&value(before)),
                Field(&value(after))
            ),
        };
        writeln!(out, "{indent}{what}\tby {}", Field(&by(change.by())))?;
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
