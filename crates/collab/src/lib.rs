//! Co-authoring: a report as a Loro CRDT document, so that two or three co-authors can
//! edit their own copies offline and merge them without losing an edit.
//!
//! Every CRDT operation happens here, in Rust. A saved report becomes the document's
//! next edit by comparing it with the document's state element by element (by `uid`);
//! the merged document is read back as a report through the strict file reader, so the
//! rest of the app only ever sees reports. A colleague's file is untrusted: it is read
//! into a scratch document first, any panic inside Loro is caught, and nothing changes
//! unless the whole file is a valid copy of the same report. See `docs/collaboration.md`.

mod authorship;
mod doc;
mod folder;
mod shape;
mod summary;

pub use doc::{ReportDoc, LAYOUT_VERSION};
pub use folder::{gather, Gathered, FOLDER_MAGIC, FOLDER_VERSION};
pub use loro::VersionVector;
pub use summary::{FieldValue, MergeChange, MergeConflict, MergeSummary};

use loro::LoroDoc;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a share file starts with.
pub const SHARE_MAGIC: &[u8; 17] = b"rapporteur.share\n";
/// The version of the share file this build writes, and the newest it reads.
pub const SHARE_VERSION: u8 = 1;
/// The largest share file read: a report file is at most 16 MiB, and its history of
/// edits, compacted as Loro stores it, is rarely larger than the report itself.
pub const MAX_SHARE_FILE: u64 = 64 << 20;
/// The extension a share file is written with (`NAME.rapporteur`); files are told apart
/// by their first bytes, never by this.
pub const SHARE_EXTENSION: &str = "rapporteur";

/// Why a document cannot be written, read or merged.
#[derive(Debug, thiserror::Error)]
pub enum CollabError {
    #[error("not a Rapporteur share file (a report shared for co-authoring)")]
    NotAShareFile,
    #[error("this share file was made by a newer version of Rapporteur (share format {found}); update Rapporteur to merge it")]
    NewerVersion { found: u32 },
    #[error("this file is damaged or incomplete ({detail}); ask for it again")]
    Damaged {
        /// What is wrong, as the user is told it.
        damage: Damage,
        /// The technical detail (the CRDT library's or the file reader's words, in
        /// English): for logs and the command line, not for the user's message.
        detail: String,
    },
    #[error("this share file holds another report, not a copy of this one")]
    OtherReport,
    #[error("the co-authoring document lacks part of the history its edits build on")]
    Incomplete,
    #[error("the co-authoring document does not read as a report: {0}")]
    Unreadable(rapporteur_format::FormatError),
    #[error("the co-authoring document could not be changed: {0}")]
    Loro(#[from] loro::LoroError),
    #[error("the co-authoring document could not be written: {0}")]
    Export(#[from] loro::LoroEncodeError),
}

/// What is wrong with a damaged share file or shared-folder file, as the user is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// It ends before its content begins (cut short while copied or synced).
    CutShort,
    /// Its content does not decode: damaged, or cut short within it.
    Unreadable,
    /// It builds on history that is not in it.
    MissingHistory,
    /// It holds no report.
    NoReport,
    /// What it holds, alone or merged with this copy, is not a valid report.
    InvalidReport,
}

impl Damage {
    /// The stable name the user's message is chosen by.
    pub fn code(self) -> &'static str {
        match self {
            Damage::CutShort => "cut_short",
            Damage::Unreadable => "unreadable",
            Damage::MissingHistory => "missing_history",
            Damage::NoReport => "no_report",
            Damage::InvalidReport => "invalid_report",
        }
    }
}

pub(crate) fn damaged(damage: Damage, detail: impl ToString) -> CollabError {
    CollabError::Damaged {
        damage,
        detail: detail.to_string(),
    }
}

impl ReportDoc {
    /// The share file: the report with its whole history, for a co-author.
    pub fn share_file(&self) -> Result<Vec<u8>, CollabError> {
        if !self.is_whole() {
            return Err(CollabError::Incomplete);
        }
        let snapshot = self.snapshot()?;
        let mut bytes = Vec::with_capacity(SHARE_MAGIC.len() + 1 + snapshot.len());
        bytes.extend_from_slice(SHARE_MAGIC);
        bytes.push(SHARE_VERSION);
        bytes.extend_from_slice(&snapshot);
        Ok(bytes)
    }

    /// The document of a share file, read as a new copy (`import` of a shared report):
    /// checked whole before it is returned. `peer` is this installation's.
    pub fn open_share_file(bytes: &[u8], peer: u64) -> Result<ReportDoc, CollabError> {
        let theirs = read_share_file(bytes)?;
        let snapshot = theirs.snapshot()?;
        ReportDoc::load(&snapshot, &[], peer)
    }

    /// Merges a co-author's share file into this document and says what it changed and
    /// what both copies changed at once. Merging the same file again changes nothing.
    /// A file that is not a whole, valid copy of this same report is refused and the
    /// document is left as it was.
    pub fn merge(&self, bytes: &[u8]) -> Result<MergeSummary, CollabError> {
        self.merge_copy(&read_share_file(bytes)?)
    }

    /// Merges another copy of this document, checked whole (a share file's, or what a
    /// shared folder's files hold together), as [`ReportDoc::merge`] does. This document
    /// must hold its whole history (loaded for merging, not only its state).
    pub fn merge_copy(&self, theirs: &ReportDoc) -> Result<MergeSummary, CollabError> {
        if !self.is_whole() {
            return Err(CollabError::Incomplete);
        }
        if theirs.document_id() != self.document_id() {
            return Err(CollabError::OtherReport);
        }
        let snapshot = theirs.snapshot()?;
        // The merge is made on a scratch copy first: only a result that reads as a
        // report is brought into this document.
        let merged = guarded(|| {
            let merged = self.doc.fork();
            merged.import(&snapshot)?;
            Ok(merged)
        })?;
        let merged_report = doc::file_value(&merged);
        rapporteur_format::read_report_value(&merged_report).map_err(|e| {
            damaged(
                Damage::InvalidReport,
                format!("merged, it would not be a valid report: {e}"),
            )
        })?;
        let ours_vv = self.doc.oplog_vv();
        let theirs_vv = theirs.doc.oplog_vv();
        let mut base_vv = VersionVector::new();
        for (peer, &counter) in ours_vv.iter() {
            if let Some(&theirs_counter) = theirs_vv.get(peer) {
                base_vv.insert(*peer, counter.min(theirs_counter));
            }
        }
        let base = guarded(|| Ok(merged.fork_at(&merged.vv_to_frontiers(&base_vv))?))?;
        let records = |doc: &LoroDoc| summary::records(&doc::file_value(doc));
        let (base, ours, theirs_records, merged_records) = (
            records(&base),
            records(&self.doc),
            records(&theirs.doc),
            summary::records(&merged_report),
        );
        let names = theirs.author_names();
        let mut from: Vec<String> = theirs_vv
            .iter()
            .filter(|(peer, &counter)| ours_vv.get(peer).is_none_or(|&o| o < counter))
            .filter_map(|(peer, _)| names.get(peer).cloned())
            .collect();
        from.sort();
        from.dedup();
        let authors = authorship::Authorship::new(&self.doc, &merged, doc::author_names(&merged));
        let summary = MergeSummary {
            from,
            changes: summary::changes(&ours, &merged_records, &authors),
            conflicts: summary::conflicts(&base, &ours, &theirs_records, &merged_records),
        };
        guarded(|| Ok(self.doc.import(&snapshot)?))?;
        Ok(summary)
    }
}

/// Whether `bytes` are a whole share file of a report's document this build can read
/// (whatever report it is a copy of); why not, when they are not.
pub fn check_share_file(bytes: &[u8]) -> Result<(), CollabError> {
    read_share_file(bytes).map(drop)
}

/// Reads a share file into a document of its own, refusing anything that is not a whole
/// share file of a report's document this build can read.
fn read_share_file(bytes: &[u8]) -> Result<ReportDoc, CollabError> {
    let Some(rest) = bytes.strip_prefix(SHARE_MAGIC.as_slice()) else {
        return Err(CollabError::NotAShareFile);
    };
    let Some((&version, snapshot)) = rest.split_first() else {
        return Err(damaged(Damage::CutShort, "it ends after its first line"));
    };
    if version > SHARE_VERSION {
        return Err(CollabError::NewerVersion {
            found: version.into(),
        });
    }
    if version == 0 {
        return Err(damaged(Damage::Unreadable, "its version is 0"));
    }
    let doc = guarded(|| {
        let doc = LoroDoc::new();
        let status = doc.import(snapshot)?;
        if status.pending.is_some() {
            return Err(damaged(
                Damage::MissingHistory,
                "it lacks part of the history it builds on",
            ));
        }
        Ok(doc)
    })?;
    checked(doc)
}

/// `doc` as a report's document this build can read, or why not.
pub(crate) fn checked(doc: LoroDoc) -> Result<ReportDoc, CollabError> {
    match doc::layout_version(&doc) {
        None => Err(damaged(Damage::NoReport, "it holds no report")),
        Some(found) if found > LAYOUT_VERSION => Err(CollabError::NewerVersion {
            found: u32::try_from(found).unwrap_or(u32::MAX),
        }),
        Some(_) => {
            doc::read_report(&doc).map_err(|e| damaged(Damage::InvalidReport, e))?;
            Ok(ReportDoc { doc })
        }
    }
}

/// Runs `f`, turning a panic inside Loro (on a hostile file) into a refusal.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, CollabError>) -> Result<T, CollabError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Err(CollabError::Loro(e))) => Err(damaged(Damage::Unreadable, e)),
        Ok(result) => result,
        Err(_) => Err(damaged(Damage::Unreadable, "the CRDT library failed on it")),
    }
}
