//! A shared folder's files (docs/collaboration.md, "A shared folder"): each installation
//! writes its edits of a report as a series of files of its own, each holding what the
//! folder lacked when it was written. Read together, in whatever order they arrived, the
//! files are a copy of the report's document, merged as a share file is.

use crate::{checked, damaged, guarded, CollabError, Damage, ReportDoc};
use loro::{ExportMode, LoroDoc, VersionVector};

/// What a shared folder's file starts with.
pub const FOLDER_MAGIC: &[u8; 18] = b"rapporteur.update\n";
/// The version of the folder file this build writes, and the newest it reads.
pub const FOLDER_VERSION: u8 = 1;

impl ReportDoc {
    /// The next file this installation writes to a shared folder: what this document
    /// holds beyond `folder` (the version the folder's files hold together); `None`
    /// when the folder has it all.
    pub fn folder_file(&self, folder: &VersionVector) -> Result<Option<Vec<u8>>, CollabError> {
        if !self.holds_changes_since(folder) {
            return Err(CollabError::Incomplete);
        }
        let ours = self.doc.oplog_vv();
        let ahead = ours
            .iter()
            .any(|(peer, &counter)| folder.get(peer).is_none_or(|&c| c < counter));
        if !ahead {
            return Ok(None);
        }
        let updates = self.doc.export(ExportMode::updates(folder))?;
        let mut bytes = Vec::with_capacity(FOLDER_MAGIC.len() + 1 + updates.len());
        bytes.extend_from_slice(FOLDER_MAGIC);
        bytes.push(FOLDER_VERSION);
        bytes.extend_from_slice(&updates);
        Ok(Some(bytes))
    }

    /// Whether this document holds every change made after `version`: a whole one does;
    /// one loaded from its state only when `version` is not older than the state (the
    /// changes before it are not in the document, and an export would leave them out).
    pub fn holds_changes_since(&self, version: &VersionVector) -> bool {
        self.doc
            .shallow_since_vv()
            .iter()
            .all(|(peer, &counter)| version.get(peer).copied().unwrap_or(0) >= counter)
    }
}

/// What a shared folder's files of one report hold together.
pub struct Gathered {
    /// The copy of the document they make, checked whole; `None` while they hold no
    /// report yet (the file that starts it has not arrived).
    pub copy: Option<ReportDoc>,
    /// The version they hold together: what this installation need not write again.
    pub version: VersionVector,
    /// The files refused, by their index in the list given, with why. They are left
    /// where they are and read again next time (a file a sync service has not finished
    /// writing is whole by then).
    pub refused: Vec<(usize, CollabError)>,
}

/// Reads a shared folder's files of one report together. Each file is judged alone
/// first (its header, then its content decoded into a scratch document, a panic inside
/// the CRDT library caught), so a damaged or half-written one is refused without
/// touching what the others hold. A file that builds on one not arrived yet waits
/// inside the copy until that one comes. The order of `files` does not matter.
/// A file that names another document than `document` (another report's, put in this
/// one's folder) is refused alone: taken, it would make the copy another report's and
/// every look fail. Fails when what the files hold together is not a report this build
/// can read.
pub fn gather(files: &[Vec<u8>], document: &str) -> Result<Gathered, CollabError> {
    let doc = LoroDoc::new();
    let mut refused = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let read = content(file).and_then(|updates| {
            guarded(|| {
                let alone = LoroDoc::new();
                alone.import(updates)?;
                match crate::doc::document_id(&alone) {
                    Some(named) if named != document => Err(CollabError::OtherReport),
                    _ => Ok(updates),
                }
            })
        });
        let taken = read.and_then(|updates| {
            guarded(|| {
                doc.import(updates)?;
                Ok(())
            })
        });
        if let Err(err) = taken {
            refused.push((i, err));
        }
    }
    let version = doc.oplog_vv();
    let copy = match crate::doc::layout_version(&doc) {
        None => None,
        Some(_) => Some(checked(doc)?),
    };
    Ok(Gathered {
        copy,
        version,
        refused,
    })
}

/// A folder file's content: the updates after its header.
fn content(file: &[u8]) -> Result<&[u8], CollabError> {
    let Some(rest) = file.strip_prefix(FOLDER_MAGIC.as_slice()) else {
        return Err(match FOLDER_MAGIC.starts_with(file) {
            true => damaged(Damage::CutShort, "it ends within its first line"),
            false => CollabError::NotAShareFile,
        });
    };
    match rest.split_first() {
        None => Err(damaged(Damage::CutShort, "it ends after its first line")),
        Some((&version, _)) if version > FOLDER_VERSION => Err(CollabError::NewerVersion {
            found: version.into(),
        }),
        Some((0, _)) => Err(damaged(Damage::Unreadable, "its version is 0")),
        Some((_, updates)) => Ok(updates),
    }
}
