//! The history of a report as people read it: its entries (the saves of each working
//! session, with what changed), the comparison of two revisions, and what starts a new
//! entry (opening the report, exporting it, bringing a revision back, merging a
//! co-author's edits).

use crate::{CommandError, Library};
use rapporteur_compare::{difference, FieldChange};
use rapporteur_model::Report;
use rapporteur_storage::{EntryStart, HistoryEntry, ReportId, StoredReport};
use serde::Serialize;
use specta::Type;

type Result<T> = std::result::Result<T, CommandError>;

/// Two revisions of a report and every field that differs between them.
#[derive(Debug, Serialize, Type)]
pub struct Comparison {
    pub before: Report,
    pub after: Report,
    pub fields: Vec<FieldChange>,
}

impl Library {
    /// Report `id` as last saved, opened for editing: what is saved from now on is a new
    /// entry of its history.
    pub fn open_for_editing(&mut self, id: ReportId) -> Result<StoredReport> {
        let stored = self.report(id)?;
        self.new_entry_after(id, EntryStart::Opened);
        Ok(stored)
    }

    /// The history of report `id`, newest entry first, each entry with what changed in it.
    pub fn entries(&mut self, id: ReportId) -> Result<Vec<HistoryEntry>> {
        Ok(self.store.entries(id)?)
    }

    /// Report `id` at revision `before` and at revision `after`, side by side.
    pub fn compare(&self, id: ReportId, before: u32, after: u32) -> Result<Comparison> {
        let before = self.revision(id, before)?;
        let after = self.revision(id, after)?;
        let fields = difference(&before, &after);
        Ok(Comparison {
            before,
            after,
            fields,
        })
    }

    /// Makes the next save of report `id` start a new history entry, because of `why`
    /// (the editor brings a revision back, a co-author's edits are merged).
    pub fn start_entry(&mut self, id: ReportId, why: EntryStart) -> Result<()> {
        Ok(self.store.start_entry(id, why)?)
    }

    /// As `start_entry`, after an opening or an export that has happened whatever comes
    /// of this: only where the history's entries part depends on it, so a database busy
    /// with another process's write does not fail the opening or the export.
    pub fn new_entry_after(&mut self, id: ReportId, why: EntryStart) {
        let _ = self.store.start_entry(id, why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapporteur_compare::{ChangeKind, ReportPart};

    #[test]
    fn an_opening_starts_an_entry_and_two_revisions_compare_field_by_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(&dir.path().join("r.sqlite3")).unwrap();
        let id = library.create_blank().unwrap();
        let mut report = library.open_for_editing(id).unwrap().report;
        report.title = "ITU-T SG17第2回会合報告".to_owned();
        library.save(id, &report).unwrap();
        let entries = library.entries(id).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].began, Some(EntryStart::Opened));
        assert_eq!(
            (entries[0].changes[0].part, entries[0].changes[0].how),
            (ReportPart::Title, ChangeKind::Edited)
        );
        let compared = library.compare(id, 1, 2).unwrap();
        assert_eq!(compared.fields.len(), 1);
        assert_eq!(compared.fields[0].after_path.as_deref(), Some("title"));
        assert_eq!(compared.after.title, "ITU-T SG17第2回会合報告");
        assert!(library.compare(id, 1, 9).is_err());
    }
}
