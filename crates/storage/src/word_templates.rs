//! The journal Word templates reports are exported into, kept as the file's bytes (see
//! migration 0003 and docs/storage.md). The store does not read them: the caller checks
//! a file is a usable template before it is stored, so a refused one changes nothing.

use crate::store::{ensure_report, ReportId};
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

type Result<T> = std::result::Result<T, StoreError>;

/// A Word template as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredWordTemplate {
    /// The file's name when it was chosen (`journal.dotx`).
    pub file_name: String,
    pub added_at: DateTime<Utc>,
    pub content: Vec<u8>,
}

/// Which Word template a report is exported into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordTemplateUse {
    /// Rapporteur's own style: the report chose it, or it chose nothing and the library
    /// has no default.
    OwnStyle { chosen: bool },
    /// A template the report chose.
    Chosen(StoredWordTemplate),
    /// The library default, the report having chosen nothing.
    LibraryDefault(StoredWordTemplate),
}

impl WordTemplateUse {
    /// The template, if the export uses one.
    pub fn template(&self) -> Option<&StoredWordTemplate> {
        match self {
            WordTemplateUse::OwnStyle { .. } => None,
            WordTemplateUse::Chosen(template) | WordTemplateUse::LibraryDefault(template) => {
                Some(template)
            }
        }
    }
}

impl Store {
    /// Makes `content` (a template file already checked by the caller, named
    /// `file_name`) report `id`'s Word template and, when `library_default`, the one of
    /// every report that chose none.
    pub fn set_word_template(
        &mut self,
        id: ReportId,
        file_name: &str,
        content: &[u8],
        library_default: bool,
    ) -> Result<()> {
        self.write(|tx| {
            ensure_report(tx, id)?;
            let template = store_content(tx, file_name, content)?;
            if library_default {
                tx.execute(
                    "UPDATE word_templates SET library_default = 0 WHERE library_default = 1",
                    [],
                )?;
                tx.execute(
                    "UPDATE word_templates SET library_default = 1 WHERE id = ?1",
                    [template],
                )?;
            }
            choose(tx, id, Some(template))
        })
    }

    /// Report `id` is exported in Rapporteur's own style, whatever the library default.
    pub fn use_own_style(&mut self, id: ReportId) -> Result<()> {
        self.write(|tx| {
            ensure_report(tx, id)?;
            choose(tx, id, None)
        })
    }

    /// The Word template report `id` is exported into.
    pub fn word_template(&self, id: ReportId) -> Result<WordTemplateUse> {
        self.located(self.read_word_template(id))
    }

    fn read_word_template(&self, id: ReportId) -> Result<WordTemplateUse> {
        ensure_report(&self.conn, id)?;
        let read = |row: &rusqlite::Row| {
            Ok(StoredWordTemplate {
                file_name: row.get(0)?,
                added_at: row.get(1)?,
                content: row.get(2)?,
            })
        };
        let choice: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT template_id FROM report_word_templates WHERE report_id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        Ok(match choice {
            Some(None) => WordTemplateUse::OwnStyle { chosen: true },
            Some(Some(template)) => WordTemplateUse::Chosen(self.conn.query_row(
                "SELECT file_name, added_at, content FROM word_templates WHERE id = ?1",
                [template],
                read,
            )?),
            None => self
                .conn
                .query_row(
                    "SELECT file_name, added_at, content FROM word_templates
                     WHERE library_default = 1",
                    [],
                    read,
                )
                .optional()?
                .map_or(
                    WordTemplateUse::OwnStyle { chosen: false },
                    WordTemplateUse::LibraryDefault,
                ),
        })
    }
}

/// The id of a stored template with exactly `content`, stored now if none has it; the
/// name is the one last chosen.
fn store_content(tx: &Transaction, file_name: &str, content: &[u8]) -> Result<i64> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM word_templates WHERE length(content) = ?1 AND content = ?2",
            params![content.len() as i64, content],
            |row| row.get(0),
        )
        .optional()?;
    match found {
        Some(id) => {
            tx.execute(
                "UPDATE word_templates SET file_name = ?2 WHERE id = ?1",
                params![id, file_name],
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO word_templates (file_name, added_at, content) VALUES (?1, ?2, ?3)",
                params![file_name, Utc::now(), content],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// Records report `id`'s choice, then drops the templates nothing uses any more.
fn choose(tx: &Transaction, id: ReportId, template: Option<i64>) -> Result<()> {
    tx.execute(
        "INSERT INTO report_word_templates (report_id, template_id) VALUES (?1, ?2)
         ON CONFLICT (report_id) DO UPDATE SET template_id = excluded.template_id",
        params![id, template],
    )?;
    tx.execute(
        "DELETE FROM word_templates WHERE library_default = 0 AND id NOT IN
         (SELECT template_id FROM report_word_templates WHERE template_id IS NOT NULL)",
        [],
    )?;
    Ok(())
}
