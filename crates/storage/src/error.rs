use rapporteur_format::FormatError;
use std::path::PathBuf;

/// What can go wrong with the store, each saying which report, revision or file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no report with id {0}")]
    NotFound(i64),
    #[error("report {report} has no revision {revision} (see its history)")]
    NoSuchRevision { report: i64, revision: u32 },
    #[error("the report is not valid: {0}")]
    Invalid(#[from] FormatError),
    #[error("{path}: the database was made by a newer version of Rapporteur (schema {found}; this version knows up to {known}); it was left untouched")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: not a Rapporteur database ({reason})")]
    NotADatabase { path: PathBuf, reason: String },
    #[error("cannot create the database folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no data directory: set RAPPORTEUR_DB or XDG_DATA_HOME")]
    NoDataDir,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
