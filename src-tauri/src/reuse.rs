//! The commands that reuse past meetings: a new report from a past one or a template,
//! templates, search, and the registry of work items for autocomplete.

use crate::state::built_in_template;
use crate::{AppState, CommandError};
use rapporteur_model::Report;
use rapporteur_reuse::{from_template, next_report, structure_of, Carried, NewReport, ToFill};
use rapporteur_storage::{ItemSuggestion, RegistryItem, ReportId, SearchHit, TemplateSummary};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// The most results a search shows.
const SEARCH_LIMIT: u32 = 50;

/// The most work items a registry lookup gives.
const ITEM_LIMIT: u32 = 12;

/// The most ids the outcome id cell offers as the user types.
const SUGGESTION_LIMIT: u32 = 20;

/// A report just made from a past one or a template, and what the user should know.
#[derive(Debug, Serialize, Type)]
pub struct NewReportMade {
    pub id: ReportId,
    pub carried: Vec<Carried>,
    pub to_fill: Vec<ToFill>,
}

fn store_new(state: &AppState, new: NewReport) -> Result<NewReportMade, CommandError> {
    let id = state.store()?.create_report(&new.report)?;
    Ok(NewReportMade {
        id,
        carried: new.carried,
        to_fill: new.to_fill,
    })
}

/// A new report for the meeting after report `id`'s.
#[tauri::command]
#[specta::specta]
pub async fn new_report_from(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<NewReportMade, CommandError> {
    let past = state.store()?.report(id)?.report;
    store_new(&state, next_report(&past))
}

/// A new report from the template `name`.
#[tauri::command]
#[specta::specta]
pub async fn new_report_from_template(
    state: State<'_, AppState>,
    name: String,
) -> Result<NewReportMade, CommandError> {
    let template = state.store()?.template(&name)?.report;
    store_new(&state, from_template(&template))
}

/// Saves the structure of report `id` as the template `name`.
#[tauri::command]
#[specta::specta]
pub async fn save_as_template(
    state: State<'_, AppState>,
    id: ReportId,
    name: String,
) -> Result<ReportId, CommandError> {
    let mut store = state.store()?;
    let structure = structure_of(&store.report(id)?.report);
    Ok(store.save_template(&name, &structure)?)
}

/// The templates, and which of them is built in.
#[derive(Debug, Serialize, Type)]
pub struct Templates {
    /// Every template, by name.
    pub templates: Vec<TemplateSummary>,
    /// The name of the built-in template (the example's structure): it is hidden rather
    /// than deleted, and can be shown again (`show_built_in_template`).
    pub built_in: String,
}

#[tauri::command]
#[specta::specta]
pub async fn list_templates(state: State<'_, AppState>) -> Result<Templates, CommandError> {
    Ok(Templates {
        templates: state.store()?.templates()?,
        built_in: built_in_template().0.to_owned(),
    })
}

/// Deletes the template `name`; the UI keeps its structure for `restore_template`.
#[tauri::command]
#[specta::specta]
pub async fn delete_template(state: State<'_, AppState>, name: String) -> Result<(), CommandError> {
    Ok(state.store()?.delete_template(&name)?)
}

/// Brings back the template `name` just deleted, with `structure`, its report as it was.
#[tauri::command]
#[specta::specta]
pub async fn restore_template(
    state: State<'_, AppState>,
    name: String,
    structure: Report,
) -> Result<ReportId, CommandError> {
    Ok(state.store()?.save_template(&name, &structure)?)
}

/// Shows the built-in template again after it was hidden (a no-op when it is there).
#[tauri::command]
#[specta::specta]
pub async fn show_built_in_template(state: State<'_, AppState>) -> Result<(), CommandError> {
    let (name, structure) = built_in_template();
    let mut store = state.store()?;
    if store.templates()?.iter().all(|t| t.name != name) {
        store.save_template(name, &structure)?;
    }
    Ok(())
}

/// The places in every report where the query's terms occur.
#[tauri::command]
#[specta::specta]
pub async fn search_reports(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, CommandError> {
    Ok(state.store()?.search(&query, SEARCH_LIMIT)?)
}

/// The work items whose id contains `query`, with their titles and histories.
#[tauri::command]
#[specta::specta]
pub async fn find_items(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<RegistryItem>, CommandError> {
    Ok(state.store()?.items(&query, ITEM_LIMIT)?)
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
    Ok(state
        .store()?
        .item_suggestions(&query, Some(report), SUGGESTION_LIMIT)?)
}
