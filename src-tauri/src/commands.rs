//! The commands the UI calls. Each one locks the store, calls the core, and turns the
//! result into data or a `CommandError`.

use crate::{AppState, CommandError};
use chrono::{DateTime, Utc};
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
