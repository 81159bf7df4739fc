use rapporteur_format::FormatError;
use std::path::PathBuf;

/// What can go wrong with the store, each saying which report, revision or file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no report with id {0}")]
    NotFound(i64),
    #[error("report {report} has no revision {revision} (see its history)")]
    NoSuchRevision { report: i64, revision: u32 },
    #[error("no template named \"{0}\"")]
    NoSuchTemplate(String),
    #[error("a template named \"{0}\" already exists; choose another name or delete it first")]
    TemplateExists(String),
    #[error("a template needs a name")]
    TemplateName,
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
    #[error("{path}: another Rapporteur window or rapporteur-cli kept the database busy for more than 5 s; this change was not saved: try again")]
    Busy { path: PathBuf },
    #[error("{path}: the disk is full; this change was not saved and the database is as it was: free some space and try again")]
    DiskFull { path: PathBuf },
    #[error("{path}: the database cannot be written (the file or its folder is read-only); nothing was changed: make them writable, or set RAPPORTEUR_DB to a database in a writable folder")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the database cannot be opened ({reason}); nothing was changed: check that its folder exists and can be written, or set RAPPORTEUR_DB")]
    CannotOpen { path: PathBuf, reason: String },
    #[error("{path}: the database is damaged ({reason}); it was left as it is: put back a backup (rapporteur-cli backup list, then backup restore NAME)")]
    Damaged { path: PathBuf, reason: String },
    #[error("{path}: another Rapporteur window or rapporteur-cli has the database open; nothing was changed: close them and try again")]
    InUse { path: PathBuf },
    #[error("{dir}: the disk is full; no backup was made and the database is as it was: free some space and try again")]
    BackupDiskFull { dir: PathBuf },
    #[error("{dir}: the backups folder cannot be written; no backup was made and the database is as it was: make the folder writable and try again")]
    BackupsReadOnly { dir: PathBuf },
    #[error("{path}: the database file cannot be replaced (it is read-only or immutable); nothing was changed: make it writable (chmod u+w, chattr -i) and try again")]
    CannotReplace { path: PathBuf },
    #[error("{path}: the backup holds no reports; restoring it would empty the database, so nothing was changed")]
    EmptyBackup { path: PathBuf },
    #[error("no backup named {name} in {dir} (see rapporteur-cli backup list)")]
    NoSuchBackup { name: String, dir: PathBuf },
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Collab(#[from] rapporteur_collab::CollabError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Names the conditions a user can act on (busy, full, read-only, damaged), with the
    /// database's path; any other SQLite error stays as it is.
    pub(crate) fn at(self, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode as Code;
        let StoreError::Sqlite(err) = self else {
            return self;
        };
        let path = path.to_owned();
        match err.sqlite_error_code() {
            Some(Code::DatabaseBusy | Code::DatabaseLocked) => StoreError::Busy { path },
            Some(Code::DiskFull) => StoreError::DiskFull { path },
            Some(Code::ReadOnly) => StoreError::ReadOnly { path },
            Some(Code::CannotOpen) => StoreError::CannotOpen {
                path,
                reason: err.to_string(),
            },
            Some(Code::DatabaseCorrupt) => StoreError::Damaged {
                path,
                reason: err.to_string(),
            },
            _ => StoreError::Sqlite(err),
        }
    }
}
