//! The journal's Word template a report is exported into, kept in the database as the
//! file's bytes (the file may move or go afterwards): chosen per report, with a library
//! default for the reports that chose none, or Rapporteur's own style.

use crate::{CommandError, ErrorCode, Library};
use rapporteur_export::Template;
use rapporteur_storage::{ReportId, WordTemplateUse};
use std::path::Path;

type Result<T> = std::result::Result<T, CommandError>;

/// A Word template file chosen for a report, as kept.
#[derive(Debug)]
pub struct WordTemplateSet {
    /// The file's name, as the user knows it (`journal.dotx`).
    pub file_name: String,
    /// The styles the template lacks (Rapporteur's own will be used for them), in the
    /// names Word shows.
    pub missing_styles: Vec<&'static str>,
}

/// The Word template file at `path`, read within the limits every file given is read
/// in: its bytes, and what the export takes from them.
pub(crate) fn read_template(path: &Path) -> Result<(Vec<u8>, Template)> {
    let bytes = rapporteur_export::read_template_file(path)?;
    let template = Template::read(&bytes)
        .map_err(|e| CommandError::new(ErrorCode::Io, format!("{}: {e}", path.display())))?;
    Ok((bytes, template))
}

impl Library {
    /// Report `id` is exported into the Word template at `file` from now on, which also
    /// becomes the library default (for the reports that chose none). The file is
    /// checked first: a refused one changes nothing.
    pub fn set_word_template(&mut self, id: ReportId, file: &Path) -> Result<WordTemplateSet> {
        let (bytes, template) = read_template(file)?;
        let file_name = file
            .file_name()
            .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy())
            .into_owned();
        self.store.set_word_template(id, &file_name, &bytes, true)?;
        Ok(WordTemplateSet {
            file_name,
            missing_styles: template.missing_styles(),
        })
    }

    /// Report `id` is exported in Rapporteur's own style from now on, whatever the
    /// library default.
    pub fn use_own_style(&mut self, id: ReportId) -> Result<()> {
        Ok(self.store.use_own_style(id)?)
    }

    /// The Word template report `id` is exported into.
    pub fn word_template(&self, id: ReportId) -> Result<WordTemplateUse> {
        Ok(self.store.word_template(id)?)
    }

    /// The template report `id` keeps, read for an export; `None` for Rapporteur's own
    /// style.
    pub(crate) fn kept_template(
        &self,
        id: ReportId,
    ) -> Result<Option<(WordTemplateUse, Template)>> {
        let used = self.store.word_template(id)?;
        let Some(stored) = used.template() else {
            return Ok(None);
        };
        let template = Template::read(&stored.content).map_err(|e| {
            CommandError::new(
                ErrorCode::Io,
                format!(
                    "the Word template {} kept for report {id} cannot be used ({e}): choose another (word-template set {id} FILE) or Rapporteur's own style (word-template own {id})",
                    stored.file_name
                ),
            )
        })?;
        Ok(Some((used, template)))
    }
}
