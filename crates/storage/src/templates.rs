//! Templates: a report's structure saved under a name, in the same database as reports.
//! A template is a row of `reports` with `template_name` set (see docs/storage.md).

use crate::store::{insert_report, Document};
use crate::{ReportId, Store, StoreError, StoredReport};
use chrono::{DateTime, Utc};
use rapporteur_model::Report;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One template of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TemplateSummary {
    /// Its id as a report: `report`, `save_report` and export work on it.
    pub id: ReportId,
    pub name: String,
    /// The title of the reports made from it.
    pub title: String,
    /// When its newest revision was saved.
    pub saved_at: DateTime<Utc>,
}

impl Store {
    /// Saves `structure` (see `rapporteur_reuse::structure_of`) as the template `name`;
    /// refuses a blank name or one already taken.
    pub fn save_template(
        &mut self,
        name: &str,
        structure: &Report,
    ) -> Result<ReportId, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::TemplateName);
        }
        let document = Document::of(structure)?;
        self.write_with_docs(|tx, docs| {
            if template_id(tx, name)?.is_some() {
                return Err(StoreError::TemplateExists(name.to_owned()));
            }
            insert_report(tx, docs, &document, Utc::now(), Some(name), None)
        })
    }

    /// Every template, by name.
    pub fn templates(&self) -> Result<Vec<TemplateSummary>, StoreError> {
        self.located(self.read_templates())
    }

    fn read_templates(&self) -> Result<Vec<TemplateSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, template_name, title, saved_at FROM reports
             WHERE template_name IS NOT NULL ORDER BY template_name",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(TemplateSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                title: row.get(2)?,
                saved_at: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The template `name`, its newest revision.
    pub fn template(&self, name: &str) -> Result<StoredReport, StoreError> {
        let id = self
            .template_id(name)?
            .ok_or_else(|| StoreError::NoSuchTemplate(name.to_owned()))?;
        self.report(id)
    }

    /// Deletes the template `name` with its revisions. Reports made from it keep
    /// everything they took from it.
    pub fn delete_template(&mut self, name: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            let deleted = tx.execute(
                "DELETE FROM reports WHERE template_name = ?1",
                params![name.trim()],
            )?;
            if deleted == 0 {
                return Err(StoreError::NoSuchTemplate(name.to_owned()));
            }
            Ok(())
        })
    }

    pub(crate) fn template_id(&self, name: &str) -> Result<Option<ReportId>, StoreError> {
        template_id(&self.conn, name.trim())
    }
}

fn template_id(conn: &rusqlite::Connection, name: &str) -> Result<Option<ReportId>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id FROM reports WHERE template_name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?)
}
