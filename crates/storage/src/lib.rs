//! The SQLite store: many reports in one file, every save a revision, and the indexes
//! derived from the newest revision (the library list, the work-item registry, search),
//! and templates.
//!
//! One `Store` owns one connection. Every write is one transaction: a refused or failed
//! save leaves the file exactly as it was.

mod backup;
mod collab;
mod entries;
mod error;
mod folders;
mod history;
mod migrations;
mod registry;
mod search;
mod store;
mod templates;
mod word_templates;

pub use backup::{
    back_up, backups_dir, daily_backup, is_database_file, list_backups, restore_backup, BackupInfo,
    BackupPace, BackupReason, DAILY, KEPT_BACKUPS,
};
pub use collab::{compact_documents, compact_documents_after, SharedImport};
pub use entries::{EntryStart, HistoryEntry, ENTRY_PAUSE, KEPT_ENTRIES};
pub use error::StoreError;
pub use folders::{FolderLink, FolderMerge};
pub use migrations::SCHEMA_VERSION;
pub use rapporteur_collab::MergeSummary;
pub use registry::{ItemSuggestion, ItemUse, RegistryItem};
pub use search::{marked, snippet, SearchHit, Segment, TextPart};
pub use store::{
    checkpoint, ItemTitle, ReportId, ReportSummary, RevisionInfo, Store, StoredReport,
    KEPT_REVISIONS,
};
pub use templates::TemplateSummary;
pub use word_templates::{StoredWordTemplate, WordTemplateUse};

use std::path::PathBuf;

/// The app's identifier; the data folder is named after it, as Tauri would name it.
pub const APP_IDENTIFIER: &str = "org.rapporteur.app";

/// The environment variable that points the app and the CLI at another database.
pub const DB_ENV: &str = "RAPPORTEUR_DB";

/// The database the app and the CLI share unless told otherwise: `RAPPORTEUR_DB`, else
/// `rapporteur.sqlite3` in the app's folder under the XDG data directory.
pub fn default_db_path() -> Result<PathBuf, StoreError> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    dirs::data_dir()
        .map(|dir| dir.join(APP_IDENTIFIER).join("rapporteur.sqlite3"))
        .ok_or(StoreError::NoDataDir)
}
