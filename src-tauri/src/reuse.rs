//! The commands that reuse past meetings: a new report from a past one or a template,
//! templates, search, and the registry of work items for autocomplete.

use crate::AppState;
use rapporteur_core::{CommandError, NewReportMade, Templates, ITEM_LIMIT, SEARCH_LIMIT};
use rapporteur_model::Report;
use rapporteur_storage::{ItemSuggestion, RegistryItem, ReportId, SearchHit};
use tauri::State;

/// A new report for the meeting after report `id`'s.
#[tauri::command]
#[specta::specta]
pub async fn new_report_from(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<NewReportMade, CommandError> {
    state.library()?.new_from(id)
}

/// A new report from the template `name`.
#[tauri::command]
#[specta::specta]
pub async fn new_report_from_template(
    state: State<'_, AppState>,
    name: String,
) -> Result<NewReportMade, CommandError> {
    state.library()?.new_from_template(&name)
}

/// Saves the structure of report `id` as the template `name`.
#[tauri::command]
#[specta::specta]
pub async fn save_as_template(
    state: State<'_, AppState>,
    id: ReportId,
    name: String,
) -> Result<ReportId, CommandError> {
    state.library()?.save_as_template(id, &name)
}

#[tauri::command]
#[specta::specta]
pub async fn list_templates(state: State<'_, AppState>) -> Result<Templates, CommandError> {
    state.library()?.templates()
}

/// Deletes the template `name`; the UI keeps its structure for `restore_template`.
#[tauri::command]
#[specta::specta]
pub async fn delete_template(state: State<'_, AppState>, name: String) -> Result<(), CommandError> {
    state.library()?.delete_template(&name)
}

/// Brings back the template `name` just deleted, with `structure`, its report as it was.
#[tauri::command]
#[specta::specta]
pub async fn restore_template(
    state: State<'_, AppState>,
    name: String,
    structure: Report,
) -> Result<ReportId, CommandError> {
    state.library()?.restore_template(&name, &structure)
}

/// Shows the built-in template again after it was hidden (a no-op when it is there).
#[tauri::command]
#[specta::specta]
pub async fn show_built_in_template(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.library()?.show_built_in_template()
}

/// The places in every report where the query's terms occur.
#[tauri::command]
#[specta::specta]
pub async fn search_reports(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, CommandError> {
    state.library()?.search(&query, SEARCH_LIMIT)
}

/// The work items whose id contains `query`, with their titles and histories.
#[tauri::command]
#[specta::specta]
pub async fn find_items(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<RegistryItem>, CommandError> {
    state.library()?.items(&query, ITEM_LIMIT)
}

/// The ids of work items that contain `query`, each with its latest title, for the
/// outcome id cell's suggestions as the user types in report `report` (whose own ids,
/// half typed, are not offered).
#[tauri::command]
#[specta::specta]
pub async fn suggest_items(
    state: State<'_, AppState>,
    query: String,
    report: ReportId,
) -> Result<Vec<ItemSuggestion>, CommandError> {
    state.library()?.suggest_items(&query, report)
}
