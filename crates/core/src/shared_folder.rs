//! A report linked to a folder its co-authors already sync among themselves (OneDrive,
//! Dropbox, Syncthing, a network drive, a git repository): each installation writes its
//! edits there as files of its own and merges the others'. No server; the sync service
//! never sees two writers of one file. Layout and rules: docs/collaboration.md, "A
//! shared folder".
//!
//! ```text
//! DIR/<document>/<peer>/000001.rapporteur-update
//! ```
//! `<document>` is the report's document identity (the same in every co-author's copy),
//! `<peer>` the installation's: it writes only under its own, each file once, never
//! changing it afterwards.

use crate::co_authoring::{read_share_file, Merged};
use crate::error::collab_error;
use crate::{CommandError, Library};
use rapporteur_collab::gather;
use rapporteur_storage::{FolderLink, ReportId};
use serde::Serialize;
use specta::Type;
use std::io::Write;
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, CommandError>;

/// The extension of a shared folder's files (`000001.rapporteur-update`).
pub const UPDATE_EXTENSION: &str = "rapporteur-update";

/// What a look at a report's shared folder did.
#[derive(Debug, Clone, Serialize, Type)]
pub struct FolderSync {
    /// What the co-authors' files brought in, merged as a co-author's copy is.
    pub merged: Merged,
    /// The file this installation wrote there (its path), when its copy held edits the
    /// folder lacked.
    pub wrote: Option<String>,
    /// Files not taken this time, each with why; they stay where they are and are read
    /// again at the next look (one a sync service is still writing is whole by then).
    pub refused: Vec<CommandError>,
    pub link: FolderLink,
}

/// One file of a shared folder: where, and its number in its writer's series.
struct FolderFile {
    path: PathBuf,
    number: u64,
}

/// The number of a shared folder's file from its name (`000001.rapporteur-update`);
/// `None` for any other file (a sync service's own, a file being written).
fn number_of(path: &Path) -> Option<u64> {
    let name = path.file_name()?.to_str()?;
    let digits = name.strip_suffix(UPDATE_EXTENSION)?.strip_suffix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The files under `dir` (the report's folder in the shared folder): every writer's,
/// each writer a folder of its own. A folder not there yet holds none.
fn folder_files(dir: &Path) -> Result<Vec<FolderFile>> {
    let list = |dir: &Path| -> Result<Vec<PathBuf>> {
        match std::fs::read_dir(dir) {
            Ok(entries) => Ok(entries.filter_map(|e| Some(e.ok()?.path())).collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(CommandError::file(dir, e)),
        }
    };
    let mut files = Vec::new();
    for writer in list(dir)?.into_iter().filter(|p| p.is_dir()) {
        for path in list(&writer)? {
            if let Some(number) = number_of(&path) {
                files.push(FolderFile { path, number });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Writes `bytes` as the next file of this installation's series in `dir`, never over
/// one there (a second process of this installation may have taken the number).
fn write_next(dir: &Path, bytes: &[u8], after: u64) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| CommandError::not_writable(dir, e))?;
    let mut number = after + 1;
    loop {
        let path = dir.join(format!("{number:06}.{UPDATE_EXTENSION}"));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match file {
            Ok(mut file) => {
                file.write_all(bytes)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| CommandError::not_writable(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => number += 1,
            Err(e) => return Err(CommandError::not_writable(&path, e)),
        }
    }
}

/// Whether `name` (a document's identity, from a co-author's file) is safe as the name
/// of a folder: letters, digits and hyphens only.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Library {
    /// Links report `id` to the shared folder `dir` (one its co-authors sync) and takes
    /// a first look at it: what is there is merged, this copy's edits are written.
    pub fn link_folder(&mut self, id: ReportId, dir: &Path) -> Result<FolderSync> {
        if !dir.is_dir() {
            return Err(CommandError::folder_missing(dir));
        }
        let dir = std::path::absolute(dir).map_err(|e| CommandError::file(dir, e))?;
        self.store.link_folder(id, &dir.to_string_lossy())?;
        self.sync_folder(id)
    }

    /// Unlinks report `id` from its shared folder; whether it had one. What this
    /// installation wrote there stays, for its co-authors.
    pub fn unlink_folder(&mut self, id: ReportId) -> Result<bool> {
        Ok(self.store.unlink_folder(id)?)
    }

    /// The shared folder report `id` is linked to, and what the last look found.
    pub fn linked_folder(&self, id: ReportId) -> Result<Option<FolderLink>> {
        Ok(self.store.linked_folder(id)?)
    }

    /// The reports linked to a shared folder.
    pub fn linked_reports(&self) -> Result<Vec<ReportId>> {
        Ok(self.store.linked_reports()?)
    }

    /// The folder under which report `id`'s files are kept in its shared folder (every
    /// co-author's installation writes its own folder within it): what to watch.
    pub fn report_folder(&mut self, id: ReportId) -> Result<PathBuf> {
        let link = self
            .store
            .linked_folder(id)?
            .ok_or_else(|| CommandError::folder_not_linked(id))?;
        let (document, _) = self.store.folder_names(id)?;
        if !is_plain_name(&document) {
            return Err(CommandError::folder_missing(Path::new(&link.dir)));
        }
        Ok(PathBuf::from(link.dir).join(document))
    }

    /// Reads report `id`'s shared folder: every writer's files, gathered. A file that
    /// cannot be taken now is listed, with why, and left for the next look.
    fn look(&mut self, id: ReportId) -> Result<Look> {
        let here = self.report_folder(id)?;
        let root = here.parent().unwrap_or(&here).to_path_buf();
        if !root.is_dir() {
            return Err(CommandError::folder_missing(&root));
        }
        let (document, peer) = self.store.folder_names(id)?;
        let own = here.join(&peer);
        let files = folder_files(&here)?;
        let mut refused = Vec::new();
        let mut read = Vec::new();
        let mut paths = Vec::new();
        for file in &files {
            match read_share_file(&file.path) {
                Ok(bytes) => {
                    read.push(bytes);
                    paths.push(&file.path);
                }
                Err(err) => refused.push(err),
            }
        }
        let gathered = gather(&read, &document).map_err(|e| collab_error(Some(&here), &e))?;
        refused.extend(
            gathered
                .refused
                .iter()
                .map(|(i, err)| CommandError::folder_file_refused(paths[*i], err)),
        );
        let last = files
            .iter()
            .filter(|f| f.path.parent() == Some(own.as_path()))
            .map(|f| f.number)
            .max()
            .unwrap_or(0);
        Ok(Look {
            here,
            own,
            last,
            gathered,
            refused,
        })
    }

    /// Looks at report `id`'s shared folder: the co-authors' files (whatever their
    /// order, each read once or many times alike) are merged into the report as a
    /// co-author's copy is (the same summary, conflicts and history entry), then this
    /// copy's edits the folder lacks are written as this installation's next file. A
    /// damaged or half-synced file is left out, listed with why, and read again next time.
    pub fn sync_folder(&mut self, id: ReportId) -> Result<FolderSync> {
        let look = self.look(id)?;
        let before = self.store.report(id)?.revision;
        let merged = self
            .store
            .merge_folder(id, &look.gathered)
            .map_err(crate::co_authoring::share_file_error(&look.here))?;
        let wrote = look.write(merged.file.as_deref())?;
        Ok(FolderSync {
            merged: Merged {
                revision: merged.revision,
                changed: merged.revision != before,
                summary: merged.summary,
            },
            wrote,
            refused: look.refused,
            link: merged.link,
        })
    }

    /// Writes this copy's edits that report `id`'s shared folder lacks, as this
    /// installation's next file, without merging the co-authors' (after a save in the
    /// app, whose editor takes merges in when it asks for them); the file written, if any.
    pub fn write_folder(&mut self, id: ReportId) -> Result<Option<String>> {
        let look = self.look(id)?;
        let file = self.store.folder_file(id, &look.gathered.version)?;
        look.write(file.as_deref())
    }
}

/// What a look at a report's shared folder read.
struct Look {
    /// The report's folder in the shared folder.
    here: PathBuf,
    /// This installation's folder within it, and the number of its last file there.
    own: PathBuf,
    last: u64,
    gathered: rapporteur_collab::Gathered,
    refused: Vec<CommandError>,
}

impl Look {
    /// Writes `file` (when there is one) as this installation's next file; its path.
    fn write(&self, file: Option<&[u8]>) -> Result<Option<String>> {
        let Some(bytes) = file else {
            return Ok(None);
        };
        let path = write_next(&self.own, bytes, self.last)?;
        Ok(Some(path.to_string_lossy().into_owned()))
    }
}
