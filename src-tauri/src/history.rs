//! The commands of the history: its entries (the saves of each working session, with
//! what changed), the comparison of two revisions, and what starts a new entry.

use crate::{AppState, CommandError};
use rapporteur_core::Comparison;
use rapporteur_storage::{EntryStart, HistoryEntry, ReportId};
use tauri::State;

/// The history of report `id`, newest entry first.
#[tauri::command]
#[specta::specta]
pub async fn report_history(
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<Vec<HistoryEntry>, CommandError> {
    state.library()?.entries(id)
}

/// Report `id` at revision `before` and at revision `after`, side by side.
#[tauri::command]
#[specta::specta]
pub async fn compare_revisions(
    state: State<'_, AppState>,
    id: ReportId,
    before: u32,
    after: u32,
) -> Result<Comparison, CommandError> {
    state.library()?.compare(id, before, after)
}

/// Makes the next save of report `id` start a new history entry, because of `why` (the
/// editor brings an earlier revision back, or merges a co-author's edits).
#[tauri::command]
#[specta::specta]
pub async fn start_history_entry(
    state: State<'_, AppState>,
    id: ReportId,
    why: EntryStart,
) -> Result<(), CommandError> {
    state.library()?.start_entry(id, why)
}
