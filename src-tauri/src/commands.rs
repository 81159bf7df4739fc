//! The commands the UI calls. Each one locks the store, calls the core, and turns the
//! result into data or a `CommandError`.

use crate::files::Use;
use crate::{AppState, CommandError, ErrorCode};
use chrono::{DateTime, NaiveDate, Utc};
use rapporteur_checks::{Finding, TypedDate};
use rapporteur_export::{export, DocxOptions, ExportFormat};
use rapporteur_import::{ImportReport, ReadError};
use rapporteur_model::{Language, Report};
use rapporteur_storage::{ReportId, ReportSummary, RevisionInfo, Store};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// A report opened in the window.
#[derive(Debug, Serialize, Type)]
pub struct ReportView {
    pub id: ReportId,
    pub revision: u32,
    pub saved_at: DateTime<Utc>,
    pub report: Report,
}

/// Every report in the library, most recently edited first.
#[tauri::command]
#[specta::specta]
pub async fn list_reports(state: State<'_, AppState>) -> Result<Vec<ReportSummary>, CommandError> {
    Ok(state.store()?.list_reports()?)
}

/// One report, as last saved.
#[tauri::command]
#[specta::specta]
pub async fn open_report(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<ReportView, CommandError> {
    let stored = state.store()?.report(id)?;
    Ok(ReportView {
        id: stored.id,
        revision: stored.revision,
        saved_at: stored.saved_at,
        report: stored.report,
    })
}

/// Writes report `id` in `format` to `path`, the file the user named in the export
/// dialog (`choose_export_file`); any other path is refused, as is the database itself
/// or one of its backups.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    state: State<'_, AppState>,
    id: ReportId,
    format: ExportFormat,
    path: String,
) -> Result<(), CommandError> {
    let path = state.chosen.allowed(Use::Write, &path)?;
    let store = state.store()?;
    if rapporteur_storage::is_database_file(store.path(), &path) {
        return Err(CommandError::file(
            &path,
            "this is the library's database or one of its backups; choose another file",
        ));
    }
    let stored = store.report(id)?;
    drop(store);
    let options = DocxOptions {
        created: stored.created_at,
        modified: stored.saved_at,
    };
    let bytes = export(&stored.report, format, &options)
        .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))?;
    std::fs::write(&path, bytes)
        .map_err(|e| CommandError::file(&path, format!("cannot write: {e}")))
}

/// The findings on `report`, the report being edited as it is on screen (unsaved edits
/// included), worded in `language`, the editor's; titles are compared with the other
/// reports of the library, `id` (its own stored copy) left out. An id that is not in the
/// library leaves nothing out.
#[tauri::command]
#[specta::specta]
pub async fn check_report(
    state: State<'_, AppState>,
    id: ReportId,
    report: Report,
    language: Language,
) -> Result<Vec<Finding>, CommandError> {
    let history = state.store()?.earlier_titles(&report, Some(id))?;
    Ok(rapporteur_checks::check_in(&report, &history, language))
}

/// What a date typed into a date field or a schedule cell means: `2026/12/1`,
/// `2026年12月1日`, `令和8年12月1日`, a month, or a range typed in one field; or why it
/// is not a date. `near` (the meeting's start) gives a date typed without its year one.
#[tauri::command]
#[specta::specta]
pub async fn read_date(text: String, near: Option<NaiveDate>) -> Result<TypedDate, CommandError> {
    Ok(rapporteur_checks::read_typed_date(&text, near))
}

/// What an autosave reports back.
#[derive(Debug, Serialize, Type)]
pub struct Saved {
    pub revision: u32,
}

/// Stores `report` as the newest revision of report `id` (a save of an unchanged report
/// adds no revision). A report the file format would refuse is refused, with the path.
#[tauri::command]
#[specta::specta]
pub async fn save_report(
    state: State<'_, AppState>,
    id: ReportId,
    report: Report,
) -> Result<Saved, CommandError> {
    let revision = state.store()?.save_report(id, &report)?;
    Ok(Saved { revision })
}

/// A new, empty report for an ITU-T study group meeting; returns its id.
#[tauri::command]
#[specta::specta]
pub async fn create_report(state: State<'_, AppState>) -> Result<ReportId, CommandError> {
    let mut report = Report::new("", "ITU-T", "");
    report.sections.push(rapporteur_model::Section {
        heading: Some("はじめに".to_owned()),
        blocks: vec![rapporteur_model::Block::summary()],
        ..Default::default()
    });
    Ok(state.store()?.create_report(&report)?)
}

/// A copy of report `id` as a new report; returns the copy's id.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_report(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<ReportId, CommandError> {
    let mut store = state.store()?;
    let mut report = store.report(id)?.report;
    let suffix = match report.language {
        Language::Ja => "（複製）",
        Language::En => " (copy)",
    };
    report.title.push_str(suffix);
    Ok(store.create_report(&report)?)
}

/// Takes report `id` out of the library; `undelete_report` brings it back.
#[tauri::command]
#[specta::specta]
pub async fn delete_report(state: State<'_, AppState>, id: ReportId) -> Result<(), CommandError> {
    Ok(state.store()?.delete_report(id)?)
}

/// Brings a deleted report back into the library.
#[tauri::command]
#[specta::specta]
pub async fn undelete_report(state: State<'_, AppState>, id: ReportId) -> Result<(), CommandError> {
    Ok(state.store()?.undelete_report(id)?)
}

/// A file added to the library: its new id and, for a published report (a Word file or
/// its text), the account of what was read of it, for the user to review.
#[derive(Debug, Serialize, Type)]
pub struct ImportedFile {
    pub id: ReportId,
    pub account: Option<ImportReport>,
}

/// Adds the file at `path`, the one the user chose in the import dialog
/// (`choose_import_file`; any other path is refused), to the library: a report file, or
/// a published report (.docx or text), told apart by content.
#[tauri::command]
#[specta::specta]
pub async fn import_report_file(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportedFile, CommandError> {
    let path = state.chosen.allowed(Use::Read, &path)?;
    let (report, account) = read_file(&path)?;
    let mut store = state.store()?;
    import_file(&mut store, report, account)
}

/// Adds a file read by `read_file` to the library.
pub(crate) fn import_file(
    store: &mut Store,
    report: Report,
    account: Option<ImportReport>,
) -> Result<ImportedFile, CommandError> {
    let id = store.create_report(&report)?;
    Ok(ImportedFile { id, account })
}

/// A report file, or a published report (a Word file or its text) with the account of
/// what was read of it: told apart by content, as the CLI does.
pub(crate) fn read_file(
    path: &std::path::Path,
) -> Result<(Report, Option<ImportReport>), CommandError> {
    rapporteur_import::read_path(path).map_err(|e| {
        let code = match e {
            ReadError::File(rapporteur_format::FileError::Io { .. }) => ErrorCode::Io,
            _ => ErrorCode::InvalidReport,
        };
        CommandError::new(code, e.to_string())
    })
}

/// The kept revisions of report `id`, newest first.
#[tauri::command]
#[specta::specta]
pub async fn report_history(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<Vec<RevisionInfo>, CommandError> {
    Ok(state.store()?.history(id)?)
}

/// Report `id` as it was at `revision`, for the editor to bring back as an ordinary
/// (undoable, autosaved) edit.
#[tauri::command]
#[specta::specta]
pub async fn revision_report(
    state: State<'_, AppState>,
    id: ReportId,
    revision: u32,
) -> Result<Report, CommandError> {
    Ok(state.store()?.revision(id, revision)?)
}

/// Makes `revision` of report `id` the newest again; returns the new revision's number.
#[tauri::command]
#[specta::specta]
pub async fn restore_revision(
    state: State<'_, AppState>,
    id: ReportId,
    revision: u32,
) -> Result<Saved, CommandError> {
    let revision = state.store()?.restore(id, revision)?;
    Ok(Saved { revision })
}

/// The report as the journal will print it: the document tree every export is written
/// from, for the live preview.
#[tauri::command]
#[specta::specta]
pub async fn preview_report(report: Report) -> Result<rapporteur_prose::Document, CommandError> {
    Ok(rapporteur_prose::generate(&report))
}
