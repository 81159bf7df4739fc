//! Reusing past meetings: a new report from a past one or from a template, templates,
//! search across every report, and the registry of work items.

use crate::{built_in_template, read_report_file, CommandError, Library, SUGGESTION_LIMIT};
use rapporteur_model::Report;
use rapporteur_reuse::{from_template, next_report, structure_of, Carried, NewReport, ToFill};
use rapporteur_storage::{
    ItemSuggestion, RegistryItem, ReportId, SearchHit, StoredReport, TemplateSummary,
};
use serde::Serialize;
use specta::Type;
use std::path::Path;

type Result<T> = std::result::Result<T, CommandError>;

/// A report just made from a past one or a template, and what the user should know of
/// it: what was carried over, what is left to fill.
#[derive(Debug, Serialize, Type)]
pub struct NewReportMade {
    pub id: ReportId,
    pub carried: Vec<Carried>,
    pub to_fill: Vec<ToFill>,
}

/// The templates, and which of them is built in.
#[derive(Debug, Serialize, Type)]
pub struct Templates {
    /// Every template, by name.
    pub templates: Vec<TemplateSummary>,
    /// The name of the built-in template (the example's structure): it is hidden rather
    /// than deleted, and can be shown again.
    pub built_in: String,
}

impl Library {
    fn store_new(&mut self, new: NewReport) -> Result<NewReportMade> {
        let id = self.store.create_report(&new.report)?;
        Ok(NewReportMade {
            id,
            carried: new.carried,
            to_fill: new.to_fill,
        })
    }

    /// A new report for the meeting after report `id`'s.
    pub fn new_from(&mut self, id: ReportId) -> Result<NewReportMade> {
        let past = self.store.report(id)?.report;
        self.store_new(next_report(&past))
    }

    /// A new report from the template `name`.
    pub fn new_from_template(&mut self, name: &str) -> Result<NewReportMade> {
        let template = self.store.template(name)?.report;
        self.store_new(from_template(&template))
    }

    /// Saves the structure of report `id` (nothing of its meeting) as the template
    /// `name`; returns the template's id.
    pub fn save_as_template(&mut self, id: ReportId, name: &str) -> Result<ReportId> {
        let structure = structure_of(&self.store.report(id)?.report);
        Ok(self.store.save_template(name, &structure)?)
    }

    /// Saves the structure of the report file at `file` as the template `name`.
    pub fn template_from_file(&mut self, file: &Path, name: &str) -> Result<ReportId> {
        let structure = structure_of(&read_report_file(file)?);
        Ok(self.store.save_template(name, &structure)?)
    }

    /// Brings back the template `name` the user just deleted, with `structure`, its
    /// report as it was.
    pub fn restore_template(&mut self, name: &str, structure: &Report) -> Result<ReportId> {
        Ok(self.store.save_template(name, structure)?)
    }

    pub fn templates(&self) -> Result<Templates> {
        Ok(Templates {
            templates: self.store.templates()?,
            built_in: built_in_template().0.to_owned(),
        })
    }

    /// The template `name`, as stored.
    pub fn template(&self, name: &str) -> Result<StoredReport> {
        Ok(self.store.template(name)?)
    }

    /// Deletes the template `name` (reports made from it keep what they took).
    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        Ok(self.store.delete_template(name)?)
    }

    /// The places in every report where the query's terms occur, at most `limit`.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        Ok(self.store.search(query, limit)?)
    }

    /// The work items whose id contains `query`, with their titles and what each
    /// meeting did with them; at most `limit`.
    pub fn items(&self, query: &str, limit: u32) -> Result<Vec<RegistryItem>> {
        Ok(self.store.items(query, limit)?)
    }

    /// The ids of work items that contain `query`, each with its latest title, offered
    /// as the user types an outcome's id in report `report` (whose own ids, half typed,
    /// are not offered).
    pub fn suggest_items(&self, query: &str, report: ReportId) -> Result<Vec<ItemSuggestion>> {
        Ok(self
            .store
            .item_suggestions(query, Some(report), SUGGESTION_LIMIT)?)
    }
}
