use crate::FORMAT_VERSION;

/// Why a report file (or a report being saved) was refused. Every variant names where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The text is not JSON at all.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not describe a report: `path` names the value, `message` says
    /// what was expected and what was found.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// The file was written by a newer Rapporteur.
    #[error(
        "version: this file was made by a newer version of Rapporteur (report format \
         version {found}); this version reads up to version {FORMAT_VERSION}"
    )]
    NewerVersion { found: u64 },
    /// The report would make a file larger than a report file may be.
    #[error(
        "(top level): the report file would be {bytes} bytes; a report file holds at most \
         {limit} bytes: shorten the report or split it in two"
    )]
    TooLarge { bytes: u64, limit: u64 },
    /// The sections are nested more deeply than a report file may nest.
    #[error(
        "{path}: sections are nested too deeply: the report file would nest {depth} levels \
         of arrays and objects, and a report file nests at most {limit}"
    )]
    TooDeep {
        path: String,
        depth: usize,
        limit: usize,
    },
}

impl FormatError {
    pub(crate) fn invalid(path: &str, message: impl Into<String>) -> FormatError {
        FormatError::Invalid {
            path: if path.is_empty() {
                "(top level)".to_owned()
            } else {
                path.to_owned()
            },
            message: message.into(),
        }
    }

    /// The JSON path of the offending value, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            FormatError::Invalid { path, .. } => Some(path),
            FormatError::NewerVersion { .. } => Some("version"),
            FormatError::TooDeep { path, .. } => Some(path),
            FormatError::Syntax { .. } | FormatError::TooLarge { .. } => None,
        }
    }
}
