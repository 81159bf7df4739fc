//! A whole folder of past reports imported at once: each file read or refused on its own
//! (one bad file stops none of the others), a file whose report the library has already
//! recognised and not added twice, and what was read of each given back for a summary.
//! The library's work-item titles, and those of the files read before in the same
//! folder, are the evidence for the hyphens at line ends.

use crate::co_authoring::is_share_file;
use crate::files::{read_with_evidence, same_report};
use crate::{CommandError, Library};
use rapporteur_import::Known;
use rapporteur_model::{visit_sections, Block, Report};
use rapporteur_storage::ReportId;
use serde::Serialize;
use specta::Type;
use std::ops::ControlFlow;
use std::path::Path;

/// One file of the folder and what became of it.
#[derive(Debug, Serialize, Type)]
pub struct FolderFile {
    /// The file's name in the folder.
    pub file: String,
    pub result: FolderResult,
}

#[derive(Debug, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FolderResult {
    /// Added to the library: what was recognised of it.
    Imported {
        id: ReportId,
        title: String,
        /// The meeting as `ITU-T SG17`, its ordinal and dates beside it.
        group: String,
        ordinal: Option<u32>,
        start: Option<chrono::NaiveDate>,
        end: Option<chrono::NaiveDate>,
        questions: u32,
        outcomes: u32,
        /// Paragraphs kept as free text (not recognised as a part of a report).
        free_text: u32,
    },
    /// The report of the same meeting (same title, group, ordinal and dates) is in the
    /// library already, imported before or written there: not added again.
    AlreadyThere { id: ReportId, title: String },
    /// A co-author's share file of a report the library has: merged into it, as
    /// "Merge a colleague's copy…" does (`changed`: it brought something new), with the
    /// edits of `from`.
    Merged {
        id: ReportId,
        title: String,
        from: Vec<String>,
        changed: bool,
    },
    /// Not read: why, as every refusal says it.
    Refused { error: CommandError },
    /// Not read: the user stopped the import before this file.
    Stopped,
}

/// How far a folder's import has gone: `done` of `total` files, `file` being read next
/// (empty once all are done).
#[derive(Debug, Clone, Serialize, Type)]
pub struct FolderProgress {
    pub done: u32,
    pub total: u32,
    pub file: String,
}

/// How many Questions the report has, and how many outcomes they hold.
fn count(report: &Report) -> (u32, u32) {
    let mut questions = 0;
    visit_sections(&report.sections, &mut |_, _, section| {
        questions += section
            .blocks
            .iter()
            .filter(|block| matches!(block, Block::Question(_)))
            .count() as u32;
    });
    (questions, report.outcomes().len() as u32)
}

impl Library {
    /// Imports every file of the folder `dir` (not its sub-folders, nor hidden files),
    /// in the order of their names. `progress` is told before each file, and once all
    /// are done; when it answers `Break`, the files left are not read (`Stopped`).
    /// Fails only when the folder cannot be read.
    pub fn import_folder(
        &mut self,
        dir: &Path,
        mut progress: impl FnMut(&FolderProgress) -> ControlFlow<()>,
    ) -> Result<Vec<FolderFile>, CommandError> {
        let entries = std::fs::read_dir(dir).map_err(|e| CommandError::file(dir, e))?;
        let mut files: Vec<(String, std::path::PathBuf)> = entries
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_type().is_ok_and(|t| !t.is_dir()))
            .map(|entry| {
                (
                    entry.file_name().to_string_lossy().into_owned(),
                    entry.path(),
                )
            })
            .filter(|(name, _)| !name.starts_with('.'))
            .collect();
        files.sort();
        let mut known = self.known_words()?;
        let total = files.len() as u32;
        let mut done = Vec::with_capacity(files.len());
        let mut stopped = false;
        for (index, (name, path)) in files.into_iter().enumerate() {
            let at = FolderProgress {
                done: index as u32,
                total,
                file: name.clone(),
            };
            stopped = stopped || progress(&at).is_break();
            let result = if stopped {
                FolderResult::Stopped
            } else {
                // A failure to store one file (the disk full, say) is that file's: the
                // user sees it beside the file, and the others are still tried.
                self.import_one(&path, &mut known)
                    .unwrap_or_else(|error| FolderResult::Refused { error })
            };
            done.push(FolderFile { file: name, result });
        }
        let _ = progress(&FolderProgress {
            done: total,
            total,
            file: String::new(),
        });
        Ok(done)
    }

    fn import_one(&mut self, path: &Path, known: &mut Known) -> Result<FolderResult, CommandError> {
        if is_share_file(path) {
            // A co-author's copy: the report it is a copy of, merged, or a new one
            // linked to the same document, as a share file opened alone does.
            let shared = self.open_share_file(path)?;
            let report = self.store.report(shared.id)?.report;
            if shared.created {
                return Ok(imported(shared.id, report, 0));
            }
            return Ok(FolderResult::Merged {
                id: shared.id,
                title: report.title,
                changed: !shared.summary.is_empty(),
                from: shared.summary.from,
            });
        }
        let (report, notice) = read_with_evidence(path, known)?;
        if let Some(existing) = self.list()?.into_iter().find(|r| same_report(r, &report)) {
            return Ok(FolderResult::AlreadyThere {
                id: existing.id,
                title: existing.title,
            });
        }
        let id = self.store.create_report(&report)?;
        let free_text = notice.map_or(0, |a| a.free_text.len() as u32);
        Ok(imported(id, report, free_text))
    }
}

/// The line of a file that added report `id`, `report`, with `free_text` paragraphs
/// kept as free text.
fn imported(id: ReportId, report: Report, free_text: u32) -> FolderResult {
    let (questions, outcomes) = count(&report);
    let meeting = &report.meeting;
    FolderResult::Imported {
        id,
        group: format!("{} {}", meeting.organization, meeting.group)
            .trim()
            .to_owned(),
        ordinal: meeting.ordinal,
        start: meeting.start,
        end: meeting.end,
        title: report.title,
        questions,
        outcomes,
        free_text,
    }
}
