//! A whole folder of past reports imported at once: each file read or refused on its own
//! (one bad file stops none of the others), a file whose report the library has already
//! recognised and not added twice, and what was read of each given back for a summary.
//! The library's work-item titles, and those of the files imported before in the same
//! folder, are the evidence for the hyphens at line ends.

use crate::files::same_report;
use crate::{CommandError, Library};
use rapporteur_import::Known;
use rapporteur_model::{Block, Report, Section};
use rapporteur_storage::ReportId;
use serde::Serialize;
use specta::Type;
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
        questions: u32,
        outcomes: u32,
        /// Paragraphs kept as free text (not recognised as a part of a report).
        free_text: u32,
    },
    /// The report of the same meeting (same title, group, ordinal and dates) is in the
    /// library already, imported before or written there: not added again.
    AlreadyThere { id: ReportId, title: String },
    /// Not read: why, as every refusal says it.
    Refused { error: CommandError },
}

fn count(sections: &[Section], questions: &mut u32, outcomes: &mut u32) {
    for section in sections {
        for block in &section.blocks {
            if let Block::Question(q) = block {
                *questions += 1;
                *outcomes += q.outcomes.len() as u32;
            }
        }
        count(&section.sections, questions, outcomes);
    }
}

fn titles(report: &Report) -> Vec<String> {
    fn walk(sections: &[Section], out: &mut Vec<String>) {
        for section in sections {
            for block in &section.blocks {
                if let Block::Question(q) = block {
                    out.extend(q.outcomes.iter().map(|o| o.title.clone()));
                }
            }
            walk(&section.sections, out);
        }
    }
    let mut out = Vec::new();
    walk(&report.sections, &mut out);
    out
}

impl Library {
    /// Imports every file of the folder `dir` (not its sub-folders, nor hidden files),
    /// in the order of their names; `progress(done, total, file)` is called before each.
    /// Fails only when the folder cannot be read.
    pub fn import_folder(
        &mut self,
        dir: &Path,
        mut progress: impl FnMut(usize, usize, &str),
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
        let mut known =
            Known::from_titles(self.store.all_item_titles()?.iter().map(String::as_str));
        let total = files.len();
        let mut done = Vec::with_capacity(total);
        for (index, (name, path)) in files.into_iter().enumerate() {
            progress(index, total, &name);
            let result = match rapporteur_import::read_path_with(&path, &known) {
                Err(e) => FolderResult::Refused { error: e.into() },
                Ok((report, account)) => self.add_unless_there(report, account, &mut known)?,
            };
            done.push(FolderFile { file: name, result });
        }
        progress(total, total, "");
        Ok(done)
    }

    fn add_unless_there(
        &mut self,
        report: Report,
        account: Option<rapporteur_import::ImportReport>,
        known: &mut Known,
    ) -> Result<FolderResult, CommandError> {
        if let Some(existing) = self.list()?.into_iter().find(|r| same_report(r, &report)) {
            return Ok(FolderResult::AlreadyThere {
                id: existing.id,
                title: existing.title,
            });
        }
        let id = self.store.create_report(&report)?;
        let outcome_titles = titles(&report);
        known.add_titles(outcome_titles.iter().map(String::as_str));
        let (mut questions, mut outcomes) = (0, 0);
        count(&report.sections, &mut questions, &mut outcomes);
        let meeting = &report.meeting;
        Ok(FolderResult::Imported {
            id,
            group: format!("{} {}", meeting.organization, meeting.group)
                .trim()
                .to_owned(),
            ordinal: meeting.ordinal,
            start: meeting.start,
            title: report.title,
            questions,
            outcomes,
            free_text: account.map_or(0, |a| a.free_text.len() as u32),
        })
    }
}
