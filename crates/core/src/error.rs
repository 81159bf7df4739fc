//! Every error a user can meet, as a stable code with its facts: the desktop app sends it
//! to the window, which words it in the user's language; the CLI prints its English
//! `message`. The use cases return it, so both shells report a failure the same way.

use rapporteur_collab::CollabError;
use rapporteur_export::{ExportError, TemplateError};
use rapporteur_format::{FileError, FormatError};
use rapporteur_import::{ImportError, ReadError};
use rapporteur_storage::StoreError;
use rapporteur_wordzip::PackageError;
use serde::Serialize;
use specta::Type;
use std::path::Path;

/// Declares `ErrorCode` and `ErrorCode::ALL`, its every value, from one list: the UI's
/// tables are checked against `ALL` (`tests/contract.rs`), so it cannot miss one.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $code:ident,)*) => {
        /// What went wrong, as a stable code the UI renders in the user's language (its
        /// table of messages is keyed by this enum, so a code without a message does not
        /// compile there).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $code,)*
        }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$code),*];
        }
    };
}

error_codes! {
    /// A report that is not what a report file may hold: `place` is the JSON path of
    /// the value, `detail` what was expected there (in English).
    InvalidReport,
    /// A report file that is not JSON, at `line` and `column`.
    ReportFileNotJson,
    /// A report file of a newer format version (`found`, `known`).
    ReportFileNewer,
    /// A report larger (`found` bytes) than a report file may be (`limit`).
    ReportTooLarge,
    /// Sections nested deeper (`found` levels, at `place`) than a report file nests.
    ReportTooDeep,
    /// SQLite failed for a reason it names.
    Database,
    /// A file could not be read or written, for a reason in `detail`.
    Io,
    /// A file that could not be read (`detail`: the system's words).
    FileNotReadable,
    /// A path that is a folder, a device, a pipe (`found`: folder, named_pipe, socket,
    /// device, special_file), not a file.
    NotAFile,
    /// A file larger than is read (`limit` bytes).
    FileTooLarge,
    /// A file that should be UTF-8 text and is not, from byte `found`.
    FileNotUtf8,
    /// A file with no text in it.
    FileEmpty,
    /// An export that could not be written to `path`.
    FileNotWritable,
    /// An export aimed at the database or one of its backups.
    ExportOverDatabase,
    /// The Word file could not be made (a fault of Rapporteur's, `detail`).
    ExportFailed,
    /// Text that does not read as a published report; `name` is its first line.
    NotAPublishedReport,
    /// A published report holding more text (`found` bytes) than a report may (`limit`).
    ImportTooLarge,
    /// A file taken for a Word file that is not one (`detail`).
    WordNotZip,
    /// A Word file of more parts (`found`) than are read (`limit`).
    WordTooManyParts,
    /// A Word file's part (`place`) that unpacks larger than is read (`limit` bytes).
    WordPartTooLarge,
    /// A Word file's part (`place`) compressed `found`:1, more than `limit`:1.
    WordZipBomb,
    /// A Word file without its document part.
    WordNoDocument,
    /// A Word file whose XML declares a DOCTYPE.
    WordXmlDoctype,
    /// A Word file whose XML uses an undeclared entity (`name`).
    WordXmlEntity,
    /// A Word file whose XML nests `found` levels, more than `limit`.
    WordXmlTooDeep,
    /// A Word file whose XML is not well-formed at byte `found`.
    WordXmlMalformed,
    /// A file that cannot serve as a Word template (not Word, damaged, hostile; why in
    /// `detail`): the report's template stays as it was.
    WordTemplateRefused,
    /// A Word template asked for an export that is not a Word file.
    TemplateNeedsWord,
    /// The Word template kept for a report (`name`) that can no longer be read.
    KeptTemplateUnusable,
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
    /// A file offered as a co-author's share file that is not one.
    ShareFileNotOne,
    /// A share file made by a newer version (its format `found`; this one reads `known`).
    ShareFileNewer,
    /// A share file damaged or cut short (`found`: what is wrong with it, one of
    /// `cut_short`, `unreadable`, `missing_history`, `no_report`, `invalid_report`; the
    /// technical detail is in the English `message` only).
    ShareFileDamaged,
    /// A share file of another report, not a copy of the one it is merged into.
    ShareFileOtherReport,
    /// A report's co-authoring document that could not be read or changed (`detail`).
    CoAuthoringFailed,
    /// An author name that is empty: co-authors are told apart by it.
    AuthorNameMissing,
    /// A shared folder (`path`) that is not there, or not a folder: not yet synced, or
    /// a network drive not mounted.
    SharedFolderMissing,
    /// A report (`name`: its id) linked to no shared folder.
    SharedFolderNotLinked,
    /// A co-author's file in a shared folder (`path`) not taken this time (`found`: what
    /// is wrong, as for `share_file_damaged`, or `foreign` for a file that is not one
    /// of Rapporteur's): read again at the next look, so one still being synced is taken
    /// once whole.
    SharedFolderFileRefused,
    /// A path the user did not choose in a file dialog (or hand to the app from the
    /// desktop): the page cannot name files.
    NotChosen,
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
    /// What was found (a version, a size, a count, a kind of file) and what this version
    /// knows.
    pub found: Option<String>,
    pub known: Option<String>,
    /// The most that is read: bytes, levels, parts, a compression ratio.
    pub limit: Option<u32>,
    /// Where in the file: a report file's JSON path, a Word file's part.
    pub place: Option<String>,
    /// Where in a text file.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The system's or the reader's own words on the cause, in English (an I/O error,
    /// what was expected at a JSON path).
    pub detail: Option<String>,
}

impl ErrorParams {
    fn path(mut self, path: &Path) -> Self {
        self.path = Some(path.display().to_string());
        self
    }

    fn name(mut self, name: impl ToString) -> Self {
        self.name = Some(name.to_string());
        self
    }

    fn found(mut self, found: impl ToString) -> Self {
        self.found = Some(found.to_string());
        self
    }

    fn known(mut self, known: impl ToString) -> Self {
        self.known = Some(known.to_string());
        self
    }

    fn limit(mut self, limit: impl TryInto<u32>) -> Self {
        self.limit = Some(limit.try_into().unwrap_or(u32::MAX));
        self
    }

    fn place(mut self, place: impl ToString) -> Self {
        self.place = Some(place.to_string());
        self
    }

    fn detail(mut self, detail: impl ToString) -> Self {
        self.detail = Some(detail.to_string());
        self
    }
}

/// Every use case's error, as the UI receives it: `{ "code", "params", "message" }`. The
/// UI shows `code` with `params` in its own language; `message` is the same in English,
/// for logs and for the CLI.
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
        let params = ErrorParams::default().detail(&message);
        CommandError::with(code, params, message)
    }

    fn with(code: ErrorCode, params: ErrorParams, message: impl ToString) -> CommandError {
        CommandError {
            code,
            params: Box::new(params),
            message: message.to_string(),
        }
    }

    /// Report `id`, linked to no shared folder.
    pub(crate) fn folder_not_linked(id: i64) -> CommandError {
        CommandError::with(
            ErrorCode::SharedFolderNotLinked,
            ErrorParams::default().name(id),
            format!("report {id} is linked to no shared folder: link it first (link {id} DIR)"),
        )
    }

    /// A shared folder at `path` that is not there, or is no folder.
    pub(crate) fn folder_missing(path: &Path) -> CommandError {
        CommandError::with(
            ErrorCode::SharedFolderMissing,
            ErrorParams::default().path(path),
            format!(
                "{}: no such folder (not synced yet, or a network drive not mounted?)",
                path.display()
            ),
        )
    }

    /// A co-author's file at `path` in a shared folder, not taken this time.
    pub(crate) fn folder_file_refused(path: &Path, err: &CollabError) -> CommandError {
        let found = match err {
            CollabError::Damaged { damage, .. } => damage.code(),
            CollabError::NewerVersion { .. } => "newer",
            _ => "foreign",
        };
        CommandError::with(
            ErrorCode::SharedFolderFileRefused,
            ErrorParams::default().path(path).found(found),
            format!("{}: not taken this time: {err}", path.display()),
        )
    }

    /// An author name left empty.
    pub(crate) fn author_name_missing() -> CommandError {
        CommandError::with(
            ErrorCode::AuthorNameMissing,
            ErrorParams::default(),
            "the author name is empty: give the name co-authors know you by",
        )
    }

    /// A file or folder at `path` that could not be read or written, and the system's
    /// words on why.
    pub fn file(path: &Path, detail: impl std::fmt::Display) -> CommandError {
        let message = format!("{}: {detail}", path.display());
        let params = ErrorParams::default().path(path).detail(detail);
        CommandError::with(ErrorCode::Io, params, message)
    }

    /// An export that could not be written to `path`, and the system's words on why.
    pub(crate) fn not_writable(path: &Path, err: std::io::Error) -> CommandError {
        let message = format!("{}: cannot write: {err}", path.display());
        let params = ErrorParams::default().path(path).detail(err);
        CommandError::with(ErrorCode::FileNotWritable, params, message)
    }

    /// An export aimed at the database at `path`, or one of its backups.
    pub(crate) fn over_database(path: &Path) -> CommandError {
        let message = format!(
            "{}: this is the database or one of its backups; nothing was written: choose another file",
            path.display()
        );
        CommandError::with(
            ErrorCode::ExportOverDatabase,
            ErrorParams::default().path(path),
            message,
        )
    }

    /// A template given for an export that is not a Word file.
    pub(crate) fn template_needs_word() -> CommandError {
        CommandError::with(
            ErrorCode::TemplateNeedsWord,
            ErrorParams::default(),
            "a Word template is for Word files: export as Word (docx)",
        )
    }

    /// The Word template kept for report `id` (named `file_name`) that cannot be read.
    pub(crate) fn kept_template(id: i64, file_name: &str, err: TemplateError) -> CommandError {
        let message = format!(
            "the Word template {file_name} kept for report {id} cannot be used ({err}): choose another (word-template set {id} FILE) or Rapporteur's own style (word-template own {id})"
        );
        let params = ErrorParams::default().name(file_name).detail(err);
        CommandError::with(ErrorCode::KeptTemplateUnusable, params, message)
    }

    /// The file at `path` that cannot serve as a Word template.
    pub(crate) fn template(path: &Path, err: TemplateError) -> CommandError {
        let message = format!("{}: {err}", path.display());
        let params = ErrorParams::default().path(path).detail(err);
        CommandError::with(ErrorCode::WordTemplateRefused, params, message)
    }
}

/// A report the file format refuses, in the file at `path` if it is one.
fn format_error(path: Option<&Path>, err: &FormatError, message: String) -> CommandError {
    let mut p = ErrorParams::default();
    if let Some(path) = path {
        p = p.path(path);
    }
    let (code, params) = match err {
        FormatError::Syntax {
            line,
            column,
            message,
        } => {
            let mut p = p.detail(message);
            p.line = u32::try_from(*line).ok();
            p.column = u32::try_from(*column).ok();
            (ErrorCode::ReportFileNotJson, p)
        }
        FormatError::Invalid { path, message } => {
            (ErrorCode::InvalidReport, p.place(path).detail(message))
        }
        FormatError::NewerVersion { found } => (
            ErrorCode::ReportFileNewer,
            p.found(found).known(rapporteur_format::FORMAT_VERSION),
        ),
        FormatError::TooLarge { bytes, limit } => {
            (ErrorCode::ReportTooLarge, p.found(bytes).limit(*limit))
        }
        FormatError::TooDeep { path, depth, limit } => (
            ErrorCode::ReportTooDeep,
            p.place(path).found(depth).limit(*limit),
        ),
    };
    CommandError::with(code, params, message)
}

/// A Word file's package (an import's or a template's) that is refused.
fn package_error(path: &Path, err: PackageError) -> CommandError {
    let message = format!("{}: {err}", path.display());
    let p = ErrorParams::default().path(path);
    let (code, params) = match err {
        PackageError::TooLarge { size, limit } => {
            (ErrorCode::FileTooLarge, p.found(size).limit(limit))
        }
        PackageError::NotZip { reason } => (ErrorCode::WordNotZip, p.detail(reason)),
        PackageError::TooManyEntries { count, limit } => {
            (ErrorCode::WordTooManyParts, p.found(count).limit(limit))
        }
        PackageError::EntryTooLarge { name, size, limit } => (
            ErrorCode::WordPartTooLarge,
            p.place(name).found(size).limit(limit),
        ),
        PackageError::CompressionRatio { name, ratio, limit } => (
            ErrorCode::WordZipBomb,
            p.place(name).found(ratio).limit(limit),
        ),
    };
    CommandError::with(code, params, message)
}

impl From<FileError> for CommandError {
    fn from(err: FileError) -> Self {
        let message = err.to_string();
        let (code, params) = match err {
            FileError::Io { path, source } => (
                ErrorCode::FileNotReadable,
                ErrorParams::default().path(&path).detail(source),
            ),
            FileError::NotAFile { path, kind } => (
                ErrorCode::NotAFile,
                ErrorParams::default().path(&path).found(kind.as_str()),
            ),
            FileError::TooLarge { path, limit } => (
                ErrorCode::FileTooLarge,
                ErrorParams::default().path(&path).limit(limit),
            ),
            FileError::NotUtf8 { path, byte } => (
                ErrorCode::FileNotUtf8,
                ErrorParams::default().path(&path).found(byte),
            ),
            FileError::Format { path, source } => {
                return format_error(Some(&path), &source, message)
            }
        };
        CommandError::with(code, params, message)
    }
}

impl From<ReadError> for CommandError {
    fn from(err: ReadError) -> Self {
        let (path, source) = match err {
            ReadError::File(err) => return err.into(),
            ReadError::Import { path, source } => (path, source),
        };
        let message = format!("{}: {source}", path.display());
        let p = ErrorParams::default().path(&path);
        let (code, params) = match source {
            ImportError::TooLarge { size, limit } => {
                (ErrorCode::FileTooLarge, p.found(size).limit(limit))
            }
            ImportError::NotUtf8 { offset } => (ErrorCode::FileNotUtf8, p.found(offset)),
            ImportError::Package(err) => return package_error(&path, err),
            ImportError::NoDocumentPart => (ErrorCode::WordNoDocument, p),
            ImportError::Doctype => (ErrorCode::WordXmlDoctype, p),
            ImportError::Entity { name } => (ErrorCode::WordXmlEntity, p.name(name)),
            ImportError::TooDeep { depth, limit } => {
                (ErrorCode::WordXmlTooDeep, p.found(depth).limit(limit))
            }
            ImportError::Xml { position, message } => (
                ErrorCode::WordXmlMalformed,
                p.found(position).detail(message),
            ),
            ImportError::Empty => (ErrorCode::FileEmpty, p),
            ImportError::NotAReport { title } => (ErrorCode::NotAPublishedReport, p.name(title)),
            ImportError::TextTooLarge { size, limit }
            | ImportError::ReportTooLarge { size, limit } => {
                (ErrorCode::ImportTooLarge, p.found(size).limit(limit))
            }
        };
        CommandError::with(code, params, message)
    }
}

impl From<ExportError> for CommandError {
    fn from(err: ExportError) -> Self {
        let params = ErrorParams::default().detail(&err);
        CommandError::with(ErrorCode::ExportFailed, params, err)
    }
}

/// A co-authoring failure: a share file (read from `path`, when the use case read it)
/// refused as what it is, or a report's own document that failed.
pub(crate) fn collab_error(path: Option<&Path>, err: &CollabError) -> CommandError {
    let mut p = ErrorParams::default();
    if let Some(path) = path {
        p = p.path(path);
    }
    let (code, params) = match err {
        CollabError::NotAShareFile => (ErrorCode::ShareFileNotOne, p),
        CollabError::NewerVersion { found } => (
            ErrorCode::ShareFileNewer,
            p.found(found).known(rapporteur_collab::SHARE_VERSION),
        ),
        CollabError::Damaged { damage, .. } => {
            (ErrorCode::ShareFileDamaged, p.found(damage.code()))
        }
        CollabError::OtherReport => (ErrorCode::ShareFileOtherReport, p),
        CollabError::Unreadable(_)
        | CollabError::Incomplete
        | CollabError::Loro(_)
        | CollabError::Export(_) => (ErrorCode::CoAuthoringFailed, p.detail(err)),
    };
    let message = match path {
        Some(path) => format!("{}: {err}", path.display()),
        None => err.to_string(),
    };
    CommandError::with(code, params, message)
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        use ErrorCode as C;
        let message = err.to_string();
        let p = ErrorParams::default();
        let (code, params) = match err {
            StoreError::NotFound(id) => (C::ReportNotFound, p.name(id)),
            StoreError::NoSuchRevision { report, revision } => {
                let mut p = p.name(report);
                p.revision = Some(revision);
                (C::RevisionNotFound, p)
            }
            StoreError::NoSuchTemplate(name) => (C::TemplateNotFound, p.name(name)),
            StoreError::TemplateExists(name) => (C::TemplateExists, p.name(name)),
            StoreError::TemplateName => (C::TemplateNameMissing, p),
            StoreError::Collab(e) => return collab_error(None, &e),
            StoreError::Invalid(e) => return format_error(None, &e, message),
            StoreError::NewerSchema { path, found, known } => {
                (C::DatabaseNewer, p.path(&path).found(found).known(known))
            }
            StoreError::NotADatabase { path, reason } => {
                (C::NotADatabase, p.path(&path).detail(reason))
            }
            StoreError::CreateDir { path, source } => {
                (C::FolderNotCreatable, p.path(&path).detail(source))
            }
            StoreError::NoDataDir => (C::NoDataFolder, p),
            StoreError::Busy { path } => (C::DatabaseBusy, p.path(&path)),
            StoreError::DiskFull { path } => (C::DiskFull, p.path(&path)),
            StoreError::ReadOnly { path } => (C::DatabaseReadOnly, p.path(&path)),
            StoreError::CannotOpen { path, reason } => {
                (C::DatabaseCannotOpen, p.path(&path).detail(reason))
            }
            StoreError::Damaged { path, reason } => {
                (C::DatabaseDamaged, p.path(&path).detail(reason))
            }
            StoreError::BackupDiskFull { dir } => (C::BackupDiskFull, p.path(&dir)),
            StoreError::BackupsReadOnly { dir } => (C::BackupsReadOnly, p.path(&dir)),
            StoreError::CannotReplace { path } => (C::DatabaseNotReplaceable, p.path(&path)),
            StoreError::InUse { path } => (C::DatabaseInUse, p.path(&path)),
            StoreError::EmptyBackup { path } => (C::BackupEmpty, p.path(&path)),
            StoreError::NoSuchBackup { name, dir } => (C::BackupNotFound, p.path(&dir).name(name)),
            StoreError::File { path, source } => (C::Io, p.path(&path).detail(source)),
            // A save that could not be made this time, for a reason SQLite names.
            StoreError::Sqlite(e) => (C::Database, p.detail(e)),
        };
        CommandError::with(code, params, message)
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
                    "found": null, "known": null, "limit": null, "place": null,
                    "line": null, "column": null, "detail": null
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
