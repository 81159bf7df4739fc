//! The library: the database of reports opened for use, and what a user does with a
//! report in it.

use crate::CommandError;
use rapporteur_checks::Finding;
use rapporteur_model::{Language, Report};
use rapporteur_storage::{ReportId, ReportSummary, RevisionInfo, Store, StoredReport};
use std::path::Path;

type Result<T> = std::result::Result<T, CommandError>;

/// The database of reports, opened: one connection, every write a transaction.
pub struct Library {
    pub(crate) store: Store,
}

impl Library {
    /// Opens (creating when missing) the database at `path` and brings it up to date.
    pub fn open(path: &Path) -> Result<Library> {
        Ok(Library {
            store: Store::open(path)?,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Every report, most recently saved first.
    pub fn list(&self) -> Result<Vec<ReportSummary>> {
        Ok(self.store.list_reports()?)
    }

    /// Report `id` as last saved.
    pub fn report(&self, id: ReportId) -> Result<StoredReport> {
        Ok(self.store.report(id)?)
    }

    /// Stores `report` as the newest revision of report `id`; returns the revision's
    /// number (a save of an unchanged report adds none). A report the file format would
    /// refuse is refused.
    pub fn save(&mut self, id: ReportId, report: &Report) -> Result<u32> {
        Ok(self.store.save_report(id, report)?)
    }

    /// A new, blank report for an ITU-T study group's meeting, opening with the
    /// introduction and its summary of the meeting; returns its id.
    pub fn create_blank(&mut self) -> Result<ReportId> {
        Ok(self.store.create_report(&Report::blank())?)
    }

    /// A copy of report `id` as a new report, its title marked as the copy; returns the
    /// copy's id.
    pub fn duplicate(&mut self, id: ReportId) -> Result<ReportId> {
        let mut report = self.store.report(id)?.report;
        report.title = duplicate_title(&report.title, report.language);
        Ok(self.store.create_report(&report)?)
    }

    /// Takes report `id` out of the library; `undelete` brings it back.
    pub fn delete(&mut self, id: ReportId) -> Result<()> {
        Ok(self.store.delete_report(id)?)
    }

    pub fn undelete(&mut self, id: ReportId) -> Result<()> {
        Ok(self.store.undelete_report(id)?)
    }

    /// The kept revisions of report `id`, newest first.
    pub fn history(&self, id: ReportId) -> Result<Vec<RevisionInfo>> {
        Ok(self.store.history(id)?)
    }

    /// Report `id` as it was at `revision`.
    pub fn revision(&self, id: ReportId, revision: u32) -> Result<Report> {
        Ok(self.store.revision(id, revision)?)
    }

    /// Makes `revision` of report `id` the newest again; returns the newest revision's
    /// number (unchanged when `revision` is the same as the newest).
    pub fn restore(&mut self, id: ReportId, revision: u32) -> Result<u32> {
        Ok(self.store.restore(id, revision)?)
    }

    /// The findings on `report` (as it is being edited, or as stored), worded in
    /// `language`; work-item titles are compared with the other reports of the library,
    /// `except` (the report's own stored copy) left out.
    pub fn check(
        &self,
        report: &Report,
        except: Option<ReportId>,
        language: Language,
    ) -> Result<Vec<Finding>> {
        let history = self.store.earlier_titles(report, except)?;
        Ok(rapporteur_checks::check_in(report, &history, language))
    }
}

/// A duplicate's title: the original's, marked as a copy in the report's language.
fn duplicate_title(title: &str, language: Language) -> String {
    let suffix = match language {
        Language::Ja => "（複製）",
        Language::En => " (copy)",
    };
    format!("{title}{suffix}")
}
