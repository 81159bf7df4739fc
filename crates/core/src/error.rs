//! Every error a user can meet, as a stable code with its facts: the desktop app sends it
//! to the window, which words it in the user's language; the CLI prints its English
//! `message`. The use cases return it, so both shells report a failure the same way.

use rapporteur_storage::StoreError;
use serde::Serialize;
use specta::Type;

/// What went wrong, as a stable code the UI renders in the user's language (its table of
/// messages is keyed by this enum, so a code without a message does not compile there).
/// The first three are broad: a failure that has no code of its own yet takes one of
/// them, and the UI shows it with its English detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A report (a file, or one being saved) that is not valid.
    InvalidReport,
    /// SQLite failed for a reason it names.
    Database,
    /// A file could not be read or written.
    Io,
    ReportNotFound,
    RevisionNotFound,
    TemplateNotFound,
    TemplateExists,
    TemplateNameMissing,
    DatabaseNewer,
    NotADatabase,
    FolderNotCreatable,
    NoDataFolder,
    DatabaseBusy,
    DiskFull,
    DatabaseReadOnly,
    DatabaseCannotOpen,
    DatabaseDamaged,
    DatabaseInUse,
    BackupEmpty,
    BackupNotFound,
    BackupDiskFull,
    BackupsReadOnly,
    DatabaseNotReplaceable,
    /// A path the user did not choose in a file dialog (or hand to the app from the
    /// desktop): the page cannot name files.
    NotChosen,
    /// A file that cannot serve as a Word template (not Word, damaged, hostile): the
    /// report's template stays as it was.
    WordTemplateRefused,
}

/// The facts a message is made of; each code uses some of them (the UI's table says
/// which). Paths are as the user's system writes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ErrorParams {
    /// The file or database concerned.
    pub path: Option<String>,
    /// A report's id, a template's or backup's name, as the user knows it.
    pub name: Option<String>,
    /// A report's revision number.
    pub revision: Option<u32>,
    /// What was found and what this version knows (a database's schema versions).
    pub found: Option<String>,
    pub known: Option<String>,
    /// The system's or the reader's own words on the cause, in English (an I/O error, a
    /// JSON path and what was expected there).
    pub detail: Option<String>,
}

/// Every use case's error, as the UI receives it: `{ "code", "params", "message" }`. The
/// UI shows `code` with `params` in its own language; `message` is the same in English,
/// for logs and for the codes the UI has no words of its own for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CommandError {
    pub code: ErrorCode,
    /// Boxed: every command returns this, and most of them succeed.
    pub params: Box<ErrorParams>,
    pub message: String,
}

impl CommandError {
    /// An error with only its English message as detail.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        let message = message.into();
        CommandError {
            code,
            params: Box::new(ErrorParams {
                detail: Some(message.clone()),
                ..ErrorParams::default()
            }),
            message,
        }
    }

    /// A file that could not be read or written, and the system's words on why.
    pub fn file(path: &std::path::Path, detail: impl std::fmt::Display) -> CommandError {
        CommandError {
            code: ErrorCode::Io,
            params: Box::new(ErrorParams {
                path: Some(path.display().to_string()),
                detail: Some(detail.to_string()),
                ..ErrorParams::default()
            }),
            message: format!("{}: {detail}", path.display()),
        }
    }

    fn with(code: ErrorCode, params: ErrorParams, err: &StoreError) -> CommandError {
        CommandError {
            code,
            params: Box::new(params),
            message: err.to_string(),
        }
    }
}

fn path(p: &std::path::Path) -> Option<String> {
    Some(p.display().to_string())
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        use ErrorCode as C;
        let p = ErrorParams::default;
        let (code, params) = match &err {
            StoreError::NotFound(id) => (
                C::ReportNotFound,
                ErrorParams {
                    name: Some(id.to_string()),
                    ..p()
                },
            ),
            StoreError::NoSuchRevision { report, revision } => (
                C::RevisionNotFound,
                ErrorParams {
                    name: Some(report.to_string()),
                    revision: Some(*revision),
                    ..p()
                },
            ),
            StoreError::NoSuchTemplate(name) => (
                C::TemplateNotFound,
                ErrorParams {
                    name: Some(name.clone()),
                    ..p()
                },
            ),
            StoreError::TemplateExists(name) => (
                C::TemplateExists,
                ErrorParams {
                    name: Some(name.clone()),
                    ..p()
                },
            ),
            StoreError::TemplateName => (C::TemplateNameMissing, p()),
            StoreError::Invalid(e) => (
                C::InvalidReport,
                ErrorParams {
                    detail: Some(e.to_string()),
                    ..p()
                },
            ),
            StoreError::NewerSchema {
                path: at,
                found,
                known,
            } => (
                C::DatabaseNewer,
                ErrorParams {
                    path: path(at),
                    found: Some(found.to_string()),
                    known: Some(known.to_string()),
                    ..p()
                },
            ),
            StoreError::NotADatabase { path: at, reason } => (
                C::NotADatabase,
                ErrorParams {
                    path: path(at),
                    detail: Some(reason.clone()),
                    ..p()
                },
            ),
            StoreError::CreateDir { path: at, source } => (
                C::FolderNotCreatable,
                ErrorParams {
                    path: path(at),
                    detail: Some(source.to_string()),
                    ..p()
                },
            ),
            StoreError::NoDataDir => (C::NoDataFolder, p()),
            StoreError::Busy { path: at } => (
                C::DatabaseBusy,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::DiskFull { path: at } => (
                C::DiskFull,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::ReadOnly { path: at } => (
                C::DatabaseReadOnly,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::CannotOpen { path: at, reason } => (
                C::DatabaseCannotOpen,
                ErrorParams {
                    path: path(at),
                    detail: Some(reason.clone()),
                    ..p()
                },
            ),
            StoreError::Damaged { path: at, reason } => (
                C::DatabaseDamaged,
                ErrorParams {
                    path: path(at),
                    detail: Some(reason.clone()),
                    ..p()
                },
            ),
            StoreError::BackupDiskFull { dir } => (
                C::BackupDiskFull,
                ErrorParams {
                    path: path(dir),
                    ..p()
                },
            ),
            StoreError::BackupsReadOnly { dir } => (
                C::BackupsReadOnly,
                ErrorParams {
                    path: path(dir),
                    ..p()
                },
            ),
            StoreError::CannotReplace { path: at } => (
                C::DatabaseNotReplaceable,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::InUse { path: at } => (
                C::DatabaseInUse,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::EmptyBackup { path: at } => (
                C::BackupEmpty,
                ErrorParams {
                    path: path(at),
                    ..p()
                },
            ),
            StoreError::NoSuchBackup { name, dir } => (
                C::BackupNotFound,
                ErrorParams {
                    path: path(dir),
                    name: Some(name.clone()),
                    ..p()
                },
            ),
            StoreError::File { path: at, source } => (
                C::Io,
                ErrorParams {
                    path: path(at),
                    detail: Some(source.to_string()),
                    ..p()
                },
            ),
            // A save that could not be made this time, for a reason SQLite names.
            StoreError::Sqlite(e) => (
                C::Database,
                ErrorParams {
                    detail: Some(e.to_string()),
                    ..p()
                },
            ),
        };
        CommandError::with(code, params, &err)
    }
}

impl From<rapporteur_format::FileError> for CommandError {
    fn from(err: rapporteur_format::FileError) -> Self {
        let code = match err {
            rapporteur_format::FileError::Io { .. } => ErrorCode::Io,
            _ => ErrorCode::InvalidReport,
        };
        CommandError::new(code, err.to_string())
    }
}

impl From<rapporteur_import::ReadError> for CommandError {
    fn from(err: rapporteur_import::ReadError) -> Self {
        match err {
            rapporteur_import::ReadError::File(err) => err.into(),
            err => CommandError::new(ErrorCode::InvalidReport, err.to_string()),
        }
    }
}

impl From<rapporteur_export::ExportError> for CommandError {
    fn from(err: rapporteur_export::ExportError) -> Self {
        CommandError::new(ErrorCode::Io, err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI relies on this exact shape.
    #[test]
    fn an_error_reaches_the_ui_as_code_params_and_message() {
        let err = CommandError::from(StoreError::NotFound(12));
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "code": "report_not_found",
                "params": {
                    "path": null, "name": "12", "revision": null,
                    "found": null, "known": null, "detail": null
                },
                "message": "no report with id 12"
            })
        );
        let err = CommandError::from(StoreError::Busy {
            path: "/home/a/報告.sqlite3".into(),
        });
        assert_eq!(serde_json::to_value(&err).unwrap()["code"], "database_busy");
        assert_eq!(err.params.path.as_deref(), Some("/home/a/報告.sqlite3"));
        let err = CommandError::new(ErrorCode::Io, "x.docx: cannot write");
        assert_eq!(err.params.detail.as_deref(), Some("x.docx: cannot write"));
    }
}
