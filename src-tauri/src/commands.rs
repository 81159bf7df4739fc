//! The commands the UI calls about reports. Each one takes the library and calls its use
//! case (`rapporteur_core`); the result goes to the window as data or a `CommandError`.

use crate::files::Use;
use crate::AppState;
use chrono::NaiveDate;
use rapporteur_checks::{Finding, TypedDate};
use rapporteur_core::{
    CommandError, ExportNotice, ExportRequest, ImportedFile, PreviewRequest, PreviewUpdate,
    TemplateChoice,
};
use rapporteur_export::ExportFormat;
use rapporteur_model::{Language, Report};
use rapporteur_storage::{EntryStart, ReportId, ReportSummary, StoredReport};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};

library_commands! {
    /// Every report in the library, most recently saved first.
    pub async fn list_reports() -> Vec<ReportSummary> => |library| library.list();

    /// One report, as last saved, opened for editing: its next save starts a new entry of
    /// its history.
    pub async fn open_report(id: ReportId) -> StoredReport
        => |library| library.open_for_editing(id);

    /// A new, blank report for an ITU-T study group meeting; returns its id.
    pub async fn create_report() -> ReportId => |library| library.create_blank();

    /// A copy of report `id` as a new report; returns the copy's id.
    pub async fn duplicate_report(id: ReportId) -> ReportId => |library| library.duplicate(id);

    /// Takes report `id` out of the library; `undelete_report` brings it back.
    pub async fn delete_report(id: ReportId) -> () => |library| library.delete(id);

    /// Brings a deleted report back into the library.
    pub async fn undelete_report(id: ReportId) -> () => |library| library.undelete(id);

    /// Report `id` as it was at `revision`, for the editor to bring back as an ordinary
    /// (undoable, autosaved) edit.
    pub async fn revision_report(id: ReportId, revision: u32) -> Report
        => |library| library.revision(id, revision);

    /// Makes `revision` of report `id` the newest again; returns the new revision's number.
    pub async fn restore_revision(id: ReportId, revision: u32) -> Saved => |library| {
        Ok(Saved { revision: library.restore(id, revision)? })
    };

    /// The findings on `report`, the report being edited as it is on screen (unsaved edits
    /// included), worded in `language`, the editor's; titles are compared with the other
    /// reports of the library, `id` (its own stored copy) left out. An id that is not in the
    /// library leaves nothing out.
    pub async fn check_report(id: ReportId, report: Report, language: Language) -> Vec<Finding>
        => |library| library.check(&report, Some(id), language);
}

/// Writes report `id` in `format` to `path`, the file the user named in the export
/// dialog (`choose_export_file`); any other path is refused, as is the database itself
/// or one of its backups. A Word file goes into the report's kept Word template, if any;
/// what the user is told of the export comes back.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    state: State<'_, AppState>,
    id: ReportId,
    format: ExportFormat,
    path: String,
) -> Result<ExportNotice, CommandError> {
    let path = state.chosen.allowed(Use::Write, &path)?;
    let mut library = state.library()?;
    let request = ExportRequest {
        format,
        template: TemplateChoice::Kept,
    };
    let export = library.export(id, &request)?;
    library.write_export(&path, &export.bytes)?;
    library.new_entry_after(id, EntryStart::Export);
    Ok(export.notice())
}

/// What a date typed into a date field or a schedule cell means: `2026/12/1`,
/// `2026年12月1日`, `令和8年12月1日`, a month, or a range typed in one field; or why it
/// is not a date. `near` (the meeting's start) gives a date typed without its year one.
#[tauri::command]
#[specta::specta]
pub async fn read_date(text: String, near: Option<NaiveDate>) -> Result<TypedDate, CommandError> {
    Ok(rapporteur_core::read_date(&text, near))
}

/// What an autosave reports back.
#[derive(Debug, Serialize, Type)]
pub struct Saved {
    pub revision: u32,
}

/// Stores `report` as the newest revision of report `id` (a save of an unchanged report
/// adds no revision). A report the file format would refuse is refused, with the path.
/// A report linked to a shared folder then writes its new edits there.
#[tauri::command]
#[specta::specta]
pub async fn save_report(
    app: AppHandle,
    state: State<'_, AppState>,
    id: ReportId,
    report: Report,
) -> Result<Saved, CommandError> {
    let revision = state.library()?.save(id, &report)?;
    crate::shared_folder::write_after_save(&app, id);
    Ok(Saved { revision })
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
    state.library()?.import_file(&path)
}

/// The report as the journal will print it, for the live preview: the document tree every
/// export is written from, and where each of its nodes comes from. The preview keeps the
/// report it was last sent, so the editor sends it whole once, then only what each edit
/// changed, and hears back only the nodes that changed (`rapporteur_core::Previewer`).
#[tauri::command]
#[specta::specta]
pub async fn preview_report(
    state: State<'_, AppState>,
    request: PreviewRequest,
) -> Result<PreviewUpdate, CommandError> {
    Ok(state.preview().follow(request))
}
