//! The commands the UI calls. Each one locks the store, calls the core, and turns the
//! result into data or a `CommandError`.

use crate::{AppState, CommandError, ErrorCode};
use chrono::{DateTime, Utc};
use rapporteur_export::{export, Dates, ExportFormat};
use rapporteur_model::{OutlineEntry, Report};
use rapporteur_storage::{ReportId, ReportSummary};
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
    pub outline: Vec<OutlineEntry>,
}

/// Every report in the library, most recently edited first.
#[tauri::command]
#[specta::specta]
pub async fn list_reports(state: State<'_, AppState>) -> Result<Vec<ReportSummary>, CommandError> {
    Ok(state.store()?.list_reports()?)
}

/// One report, with its outline.
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
        outline: stored.report.outline(),
        report: stored.report,
    })
}

/// Writes report `id` in `format` to `path`, a file the user chose in the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    state: State<'_, AppState>,
    id: ReportId,
    format: ExportFormat,
    path: String,
) -> Result<(), CommandError> {
    let stored = state.store()?.report(id)?;
    let dates = Dates {
        created: stored.created_at,
        modified: stored.saved_at,
    };
    let bytes = export(&stored.report, format, dates)
        .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))?;
    std::fs::write(&path, bytes)
        .map_err(|e| CommandError::new(ErrorCode::Io, format!("{path}: cannot write: {e}")))
}
