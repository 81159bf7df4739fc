//! Files in and out of the library: any file a user gives is read by its content (a
//! report file, a Word file or the text of a published report); exports are written
//! with the Word file's dates taken from the report's stored ones, never over the
//! database or its backups.

use crate::co_authoring::{is_share_file, read_share_file};
use crate::error::collab_error;
use crate::word_templates::read_template;
use crate::{CommandError, Library};
use rapporteur_export::{DocxOptions, ExportFormat};
use rapporteur_import::{ImportNotice, Known};
use rapporteur_model::Report;
use rapporteur_storage::{ReportId, ReportSummary, SharedImport, StoreError, WordTemplateUse};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, CommandError>;

/// A report file, or a published report (a Word file or its text) with its import
/// notice: told apart by content, never by the file's name.
pub fn read_any_file(path: &Path) -> Result<(Report, Option<ImportNotice>)> {
    Ok(rapporteur_import::read_path(path)?)
}

/// A file read by content as `read_any_file` reads it, with `known` as the evidence for
/// the hyphens at line ends of a published report's text; the titles of its outcomes
/// then join `known`, as evidence for the files read after it.
pub(crate) fn read_with_evidence(
    path: &Path,
    known: &mut Known,
) -> Result<(Report, Option<ImportNotice>)> {
    let (report, notice) = rapporteur_import::read_path_with(path, known)?;
    known.add_titles(report.outcomes().iter().map(|(_, _, o)| o.title.as_str()));
    Ok((report, notice))
}

/// The report file at `path`, checked as the file format demands.
pub fn read_report_file(path: &Path) -> Result<Report> {
    Ok(rapporteur_format::read_report_file(path)?)
}

/// A file added to the library: its new id and, for a published report (a Word file or
/// its text), its import notice, for the user to review; for a
/// co-author's share file, whether it made a new report or was merged into the one
/// already here, and what the merge changed.
#[derive(Debug, Serialize, Type)]
pub struct ImportedFile {
    pub id: ReportId,
    pub notice: Option<ImportNotice>,
    pub shared: Option<SharedImport>,
}

/// What opening a file from the desktop did.
#[derive(Debug, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpenedFile {
    /// The file is in the library now: a report file new to it, or a published report
    /// read back (with its notice, for the user to review).
    Imported { file: ImportedFile },
    /// A report of the same meeting (same title, body and dates) is in the library
    /// already: the user chooses to open it or to add the file as a copy.
    InLibrary { existing: ReportSummary },
}

/// What to export a report as.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The journal's Word template the Word file takes its styles, page setup, headers
    /// and footers from; for a Word file only.
    pub template: TemplateChoice,
}

/// Which Word template an export uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateChoice {
    /// The report's: the one it chose, else the library default, else Rapporteur's own
    /// style.
    Kept,
    /// The template file (.docx or .dotx) at this path, this time.
    File(PathBuf),
    /// Rapporteur's own style, this time.
    OwnStyle,
}

/// An export's bytes, and what the user should be told of it.
#[derive(Debug)]
pub struct Export {
    pub bytes: Vec<u8>,
    /// The styles the template lacked (Rapporteur's own were used for them), in the
    /// names Word shows.
    pub own_styles: Vec<&'static str>,
    /// The report's kept template, when the export used it.
    pub kept_template: Option<WordTemplateUse>,
}

impl Library {
    /// The words the library knows, those of the titles in its work-item registry: the
    /// strongest evidence for a hyphen at a line end (`Test-` / `bed` is `Testbed` in a
    /// library that wrote it so), for every import of a published report's text.
    pub(crate) fn known_words(&self) -> Result<Known> {
        let titles = self.store.all_item_titles()?;
        Ok(Known::from_titles(titles.iter().map(String::as_str)))
    }

    /// A file read by content, with the library's words as the evidence for hyphens.
    fn read_file(&self, path: &Path) -> Result<(Report, Option<ImportNotice>)> {
        read_with_evidence(path, &mut self.known_words()?)
    }

    /// Adds the files at `paths` to the library, all or none (each read by content, a
    /// published report with the library's words and those of the files before it as
    /// the evidence for hyphens; a co-author's share file opens the report it is a copy
    /// of, or adds it); returns them in order.
    pub fn import_files(&mut self, paths: &[PathBuf]) -> Result<Vec<ImportedFile>> {
        let is_share: Vec<bool> = paths.iter().map(|path| is_share_file(path)).collect();
        let of_kind = |share: bool| {
            paths
                .iter()
                .zip(&is_share)
                .filter(move |(_, is)| **is == share)
                .map(|(path, _)| path)
        };
        let shares: Vec<&PathBuf> = of_kind(true).collect();
        let mut known = self.known_words()?;
        let read = of_kind(false)
            .map(|path| read_with_evidence(path, &mut known))
            .collect::<Result<Vec<_>>>()?;
        let shared = shares
            .iter()
            .map(|path| read_share_file(path))
            .collect::<Result<Vec<_>>>()?;
        // Each share file is judged on its own first, so a refusal names its file.
        for (path, bytes) in shares.iter().zip(&shared) {
            rapporteur_collab::check_share_file(bytes).map_err(|e| collab_error(Some(path), &e))?;
        }
        let reports: Vec<Report> = read.iter().map(|(report, _)| report.clone()).collect();
        let files: Vec<&[u8]> = shared.iter().map(Vec::as_slice).collect();
        // All in one transaction: one file refused, none is added.
        let (ids, opened) = self
            .store
            .add_reports_and_shares(&reports, &files)
            .map_err(|err| match (err, shares.as_slice()) {
                (StoreError::Collab(err), [only]) => collab_error(Some(only), &err),
                (err, _) => CommandError::from(err),
            })?;
        // Back in the order of `paths`: the store returns one answer per file of each kind.
        let mut read = ids.into_iter().zip(read);
        let mut opened = opened.into_iter();
        Ok(is_share
            .into_iter()
            .filter_map(|share| match share {
                true => opened.next().map(|shared| ImportedFile {
                    id: shared.id,
                    notice: None,
                    shared: Some(shared),
                }),
                false => read.next().map(|(id, (_, notice))| ImportedFile {
                    id,
                    notice,
                    shared: None,
                }),
            })
            .collect())
    }

    /// Adds the file at `path` to the library, read by content (a published report with
    /// the library's words as the evidence for hyphens).
    pub fn import_file(&mut self, path: &Path) -> Result<ImportedFile> {
        Ok(self.import_files(&[path.to_owned()])?.remove(0))
    }

    /// Opens the file at `path` as the desktop asks (a double-click, `rapporteur FILE`):
    /// a report file is added unless the report of the same meeting is in the library
    /// already; a published report is read back as an import.
    pub fn open_file(&mut self, path: &Path) -> Result<OpenedFile> {
        if is_share_file(path) {
            // A co-author's copy: the report it is a copy of, with the copy merged in.
            let file = self.import_file(path)?;
            return Ok(OpenedFile::Imported { file });
        }
        let (report, notice) = self.read_file(path)?;
        if notice.is_none() {
            if let Some(existing) = self.list()?.into_iter().find(|r| same_report(r, &report)) {
                return Ok(OpenedFile::InLibrary { existing });
            }
        }
        let id = self.store.create_report(&report)?;
        Ok(OpenedFile::Imported {
            file: ImportedFile {
                id,
                notice,
                shared: None,
            },
        })
    }

    /// Report `id` as `request` asks. The Word file's created and modified dates are the
    /// report's own (first stored, last saved), so the same report exports to the same
    /// bytes.
    pub fn export(&self, id: ReportId, request: &ExportRequest) -> Result<Export> {
        let (template, kept_template) = match (&request.template, request.format) {
            (TemplateChoice::File(_), ExportFormat::Json | ExportFormat::Text) => {
                return Err(CommandError::template_needs_word())
            }
            (TemplateChoice::File(path), ExportFormat::Docx) => {
                (Some(read_template(path)?.1), None)
            }
            (TemplateChoice::Kept, ExportFormat::Docx) => match self.kept_template(id)? {
                Some((used, template)) => (Some(template), Some(used)),
                None => (None, None),
            },
            (TemplateChoice::Kept | TemplateChoice::OwnStyle, _) => (None, None),
        };
        let stored = self.store.report(id)?;
        let options = DocxOptions {
            created: stored.created_at,
            modified: stored.saved_at,
        };
        Ok(match &template {
            Some(template) => {
                let exported = rapporteur_export::export_docx_with_template(
                    &stored.report,
                    &options,
                    template,
                )?;
                Export {
                    bytes: exported.bytes,
                    own_styles: exported.own_styles,
                    kept_template,
                }
            }
            None => Export {
                bytes: rapporteur_export::export(&stored.report, request.format, &options)?,
                own_styles: Vec::new(),
                kept_template: None,
            },
        })
    }

    /// Writes `bytes` (an export) to the file `path`, never over the database or one of
    /// its backups (under any name): the export would destroy what it was made from.
    pub fn write_export(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        if rapporteur_storage::is_database_file(self.path(), path) {
            return Err(CommandError::over_database(path));
        }
        std::fs::write(path, bytes).map_err(|e| CommandError::not_writable(path, e))
    }
}

/// Whether `stored` is the report of the same meeting as `report`: the same title, for
/// the same body and group, at the same dates.
pub(crate) fn same_report(stored: &ReportSummary, report: &Report) -> bool {
    let meeting = &report.meeting;
    stored.title == report.title
        && stored.organization == meeting.organization
        && stored.group == meeting.group
        && stored.ordinal == meeting.ordinal
        && stored.start == meeting.start
        && stored.end == meeting.end
}
