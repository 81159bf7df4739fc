//! The journal's Word template a report is exported into, kept in the database as the
//! file's bytes (the file may move or go afterwards): chosen per report, with a library
//! default for the reports that chose none, or Rapporteur's own style.

use crate::{CommandError, Export, Library};
use rapporteur_export::{Template, TemplateLook};
use rapporteur_storage::{ReportId, WordTemplateUse};
use serde::Serialize;
use specta::Type;
use std::path::Path;

type Result<T> = std::result::Result<T, CommandError>;

/// Where a report's Word template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WordTemplateSource {
    /// Rapporteur's own style: chosen for the report, or nothing chosen and no default.
    OwnStyle,
    /// A template chosen for this report.
    Chosen,
    /// The library default; the report chose nothing.
    LibraryDefault,
}

/// The Word template a report is exported into, as the app's export menu and live
/// preview show it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct WordTemplateInfo {
    pub source: WordTemplateSource,
    /// The template file's name when it was chosen; `None` for Rapporteur's own style.
    pub file_name: Option<String>,
    /// The styles the report may use that the template lacks (Rapporteur's own are used
    /// for them), in the names Word shows.
    pub missing_styles: Vec<String>,
    /// What the live preview follows of the template.
    pub look: Option<TemplateLook>,
}

/// What an export tells the user, once: the kept template the Word file went into and
/// the styles it lacked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ExportNotice {
    pub template: Option<String>,
    pub own_styles: Vec<String>,
}

impl Export {
    /// What the user is told of this export.
    pub fn notice(&self) -> ExportNotice {
        ExportNotice {
            template: self
                .kept_template
                .as_ref()
                .and_then(|used| used.template())
                .map(|stored| stored.file_name.clone()),
            own_styles: self.own_styles.iter().map(|&s| s.to_owned()).collect(),
        }
    }
}

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
/// A file that cannot be read is refused as every file is; one that is not a usable
/// template, as `word_template_refused`, naming it.
pub(crate) fn read_template(path: &Path) -> Result<(Vec<u8>, Template)> {
    let bytes = rapporteur_format::read_file(path, rapporteur_wordzip::MAX_FILE)?;
    let template = Template::read(&bytes).map_err(|e| CommandError::template(path, e))?;
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

    /// The Word template report `id` is exported into, with what the preview follows of
    /// it and the styles it lacks.
    pub fn word_template_info(&self, id: ReportId) -> Result<WordTemplateInfo> {
        let (used, template) = match self.kept_template(id)? {
            Some((used, template)) => (used, Some(template)),
            None => (self.store.word_template(id)?, None),
        };
        Ok(WordTemplateInfo {
            source: match used {
                WordTemplateUse::OwnStyle { .. } => WordTemplateSource::OwnStyle,
                WordTemplateUse::Chosen(_) => WordTemplateSource::Chosen,
                WordTemplateUse::LibraryDefault(_) => WordTemplateSource::LibraryDefault,
            },
            file_name: used.template().map(|stored| stored.file_name.clone()),
            missing_styles: template.as_ref().map_or_else(Vec::new, |template| {
                template
                    .missing_styles()
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            }),
            look: template.as_ref().map(Template::look),
        })
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
        let template = Template::read(&stored.content)
            .map_err(|e| CommandError::kept_template(id, &stored.file_name, e))?;
        Ok(Some((used, template)))
    }
}
