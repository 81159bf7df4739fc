//! Rapporteur's use cases, between the core crates and the two shells: what the desktop
//! app (`src-tauri/`) and the command line (`crates/cli`) do with a report is written
//! here once, so that each shell only takes the user's request (a command from the
//! window, a subcommand's arguments) and shows the result in its own way. Behaviour the
//! app has, the CLI has; the tests of this crate cover it on a real database file,
//! without a window.
//!
//! A `Library` is the database opened for use. Every use case returns a `CommandError`
//! on failure: a stable code with its facts, which the window words in the user's
//! language and the CLI prints in English.

pub mod backups;
mod co_authoring;
mod error;
mod files;
mod folder;
mod history;
mod library;
mod preview;
mod reuse;
mod seed;
mod shared_folder;
mod word_templates;

pub use co_authoring::Merged;
pub use error::{CommandError, ErrorCode, ErrorParams};
pub use files::{
    read_any_file, read_report_file, Export, ExportRequest, ImportedFile, OpenedFile,
    TemplateChoice,
};
pub use folder::{FolderFile, FolderProgress, FolderResult};
pub use history::Comparison;
pub use library::Library;
pub use preview::{PreviewRequest, PreviewUpdate, Previewer, ReportChange};
pub use reuse::{NewReportMade, Templates};
pub use seed::built_in_template;
pub use shared_folder::{FolderSync, UPDATE_EXTENSION};
pub use word_templates::{ExportNotice, WordTemplateInfo, WordTemplateSet, WordTemplateSource};

use chrono::NaiveDate;
use rapporteur_checks::{Finding, TypedDate};
use rapporteur_model::{Language, Report};
use std::collections::HashMap;
use std::path::PathBuf;

/// How many results a search gives unless asked for more.
pub const SEARCH_LIMIT: u32 = 50;

/// How many work items a look-up in the registry gives unless asked for more.
pub const ITEM_LIMIT: u32 = 20;

/// How many ids the outcome id cell offers as the user types.
pub const SUGGESTION_LIMIT: u32 = 20;

/// The database to work on: `given` (the CLI's `--db`), else `RAPPORTEUR_DB`, else the
/// app's file under the XDG data directory.
pub fn database_path(given: Option<PathBuf>) -> Result<PathBuf, CommandError> {
    match given {
        Some(path) => Ok(path),
        None => Ok(rapporteur_storage::default_db_path()?),
    }
}

/// What a date typed into a date field or a schedule cell means, or why it is not one;
/// `near` (the meeting's start) gives a date typed without its year one.
pub fn read_date(text: &str, near: Option<NaiveDate>) -> TypedDate {
    rapporteur_checks::read_typed_date(text, near)
}

/// The findings on a report checked without a library (a file, with no database at
/// hand): no earlier titles to compare with.
pub fn check_alone(report: &Report, language: Language) -> Vec<Finding> {
    rapporteur_checks::check_in(report, &HashMap::new(), language)
}
