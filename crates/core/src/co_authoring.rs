//! Co-authoring: a report shared with co-authors as one file, their copies merged back,
//! and a report file's content saved as the report's next edit (see
//! docs/collaboration.md). The CRDT work is in `rapporteur-collab` and the store; here
//! are the files: read within bounds, recognised by their first bytes, refusals named
//! with the file's path.

use crate::error::collab_error;
use crate::{CommandError, Library};
use rapporteur_collab::{MAX_SHARE_FILE, SHARE_MAGIC};
use rapporteur_storage::{MergeSummary, ReportId, SharedImport, StoreError};
use serde::Serialize;
use specta::Type;
use std::io::Read;
use std::path::Path;

type Result<T> = std::result::Result<T, CommandError>;

/// What merging a co-author's copy did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Merged {
    /// The report's newest revision now: the merge's, or the one before when the file
    /// held nothing new.
    pub revision: u32,
    /// Whether the merge added a revision.
    pub changed: bool,
    pub summary: MergeSummary,
}

/// Whether the file at `path` begins as a share file does. A file that cannot be read,
/// or is no regular file (a pipe would block the read), is not one; reading it as
/// anything else then says why.
pub(crate) fn is_share_file(path: &Path) -> bool {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut start = [0u8; SHARE_MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut start))
        .is_ok_and(|()| &start == SHARE_MAGIC)
}

/// The bytes of the share file at `path`: a regular file of bounded size.
pub(crate) fn read_share_file(path: &Path) -> Result<Vec<u8>> {
    Ok(rapporteur_format::read_file(path, MAX_SHARE_FILE)?)
}

/// A store's failure on the share file read from `path`, named with it.
pub(crate) fn share_file_error(path: &Path) -> impl Fn(StoreError) -> CommandError + '_ {
    move |err| match err {
        StoreError::Collab(err) => collab_error(Some(path), &err),
        err => err.into(),
    }
}

impl Library {
    /// The author name recorded with this installation's edits and revisions, if set.
    pub fn author_name(&self) -> Result<Option<String>> {
        Ok(self.store.author_name()?)
    }

    /// Sets the author name recorded with this installation's edits from now on
    /// (trimmed); an empty name is refused: co-authors are told apart by it.
    pub fn set_author_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError::author_name_missing());
        }
        Ok(self.store.set_author_name(name)?)
    }

    /// Report `id`'s share file: the report with its whole history of edits, for its
    /// co-authors, signed with the author name (so that the edits made before the name
    /// was given are told as this author's too).
    pub fn share_file(&mut self, id: ReportId) -> Result<Vec<u8>> {
        self.store.sign(id)?;
        Ok(self.store.share_file(id)?)
    }

    /// Writes report `id`'s share file to `path`, never over the database or one of its
    /// backups.
    pub fn share(&mut self, id: ReportId, path: &Path) -> Result<()> {
        let bytes = self.share_file(id)?;
        self.write_export(path, &bytes)
    }

    /// Merges a co-author's copy of report `id`, the share file at `path`. Merging the
    /// same file again changes nothing; a file that is not a whole copy of this report
    /// is refused, saying what it is, and nothing changes.
    pub fn merge_share_file(&mut self, id: ReportId, path: &Path) -> Result<Merged> {
        let bytes = read_share_file(path)?;
        let before = self.store.report(id)?.revision;
        let (revision, summary) = self
            .store
            .merge_file(id, &bytes)
            .map_err(share_file_error(path))?;
        Ok(Merged {
            revision,
            changed: revision != before,
            summary,
        })
    }

    /// Opens the share file at `path`: the report it is a copy of, merged, when the
    /// library has it; else a new report linked to the same document.
    pub fn open_share_file(&mut self, path: &Path) -> Result<SharedImport> {
        let bytes = read_share_file(path)?;
        self.store
            .import_share_file(&bytes)
            .map_err(share_file_error(path))
    }

    /// Saves the content of the report file at `path` as the next edit of report `id`
    /// (as a script edits a report: recorded in its co-authoring document like an edit
    /// in the app). Elements the file gives without an identity keep the ones they have
    /// at the same place in the report. Returns the newest revision's number, the same
    /// as before when the file holds nothing new.
    pub fn update_from_file(&mut self, id: ReportId, path: &Path) -> Result<u32> {
        let report = crate::read_report_file(path)?;
        self.save(id, &report)
    }
}
