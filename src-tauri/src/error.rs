use rapporteur_storage::StoreError;
use serde::Serialize;
use specta::Type;

/// What the UI can tell apart about a failed command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidReport,
    Database,
    DatabaseUnavailable,
    /// A file could not be read or written.
    Io,
    /// A name is blank or already taken (a template's).
    InvalidName,
}

/// Every command's error, as the UI receives it: `{ "code": …, "message": … }`, the
/// message ready to show to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError {
            code,
            message: message.into(),
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        let code = match &err {
            StoreError::NotFound(_)
            | StoreError::NoSuchRevision { .. }
            | StoreError::NoSuchTemplate(_) => ErrorCode::NotFound,
            StoreError::TemplateExists(_) | StoreError::TemplateName => ErrorCode::InvalidName,
            StoreError::Invalid(_) => ErrorCode::InvalidReport,
            StoreError::NewerSchema { .. }
            | StoreError::NotADatabase { .. }
            | StoreError::CreateDir { .. }
            | StoreError::NoDataDir
            | StoreError::ReadOnly { .. }
            | StoreError::CannotOpen { .. }
            | StoreError::Damaged { .. }
            | StoreError::InUse { .. }
            | StoreError::NoSuchBackup { .. }
            | StoreError::EmptyBackup { .. }
            | StoreError::BackupDiskFull { .. }
            | StoreError::BackupsReadOnly { .. }
            | StoreError::CannotReplace { .. } => ErrorCode::DatabaseUnavailable,
            StoreError::File { .. } => ErrorCode::Io,
            // A save that could not be made this time: the message says why and what to do.
            StoreError::Busy { .. } | StoreError::DiskFull { .. } | StoreError::Sqlite(_) => {
                ErrorCode::Database
            }
        };
        CommandError::new(code, err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI relies on this exact shape.
    #[test]
    fn an_error_reaches_the_ui_as_code_and_message() {
        let err = CommandError::from(StoreError::NotFound(12));
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({ "code": "not_found", "message": "no report with id 12" })
        );
        let err = CommandError::from(StoreError::NoDataDir);
        assert_eq!(
            serde_json::to_value(&err).unwrap()["code"],
            "database_unavailable"
        );
    }
}
