//! Co-authoring (docs/collaboration.md): sharing a report as a file and merging a
//! colleague's copy, each through the shell's own file dialog (the page never names the
//! file), and the author name recorded with this installation's changes.

use crate::files::{Dialogs, FileFilter, Request, Use};
use crate::AppState;
use rapporteur_core::{CommandError, Merged};
use rapporteur_storage::ReportId;
use std::path::PathBuf;
use tauri::State;

/// The extension a share file is offered with (`NAME.rapporteur`); files are recognised
/// by their content, never by it.
const SHARE_EXTENSION: &str = "rapporteur";

/// The author name this installation records with its changes; `None` until the user
/// gives one (asked when they first share or merge).
#[tauri::command]
#[specta::specta]
pub async fn author_name(state: State<'_, AppState>) -> Result<Option<String>, CommandError> {
    state.library()?.author_name()
}

/// Sets the author name recorded with this installation's changes; gives it back as kept
/// (trimmed). An empty name is refused.
#[tauri::command]
#[specta::specta]
pub async fn set_author_name(
    state: State<'_, AppState>,
    name: String,
) -> Result<String, CommandError> {
    let mut library = state.library()?;
    library.set_author_name(&name)?;
    Ok(library.author_name()?.unwrap_or_default())
}

/// Shows the dialog for a share file (its type the only one offered) and gives the file
/// the user chose, remembered for `purpose`; `None` when they cancelled.
fn choose_share_file(
    dialogs: &Dialogs,
    state: &AppState,
    purpose: Use,
    title: String,
    file_name: Option<String>,
    filter_name: String,
) -> Result<Option<PathBuf>, CommandError> {
    let request = Request {
        purpose,
        title,
        file_name,
        filters: vec![FileFilter {
            name: filter_name,
            extensions: vec![SHARE_EXTENSION.to_owned()],
        }],
    };
    Ok(dialogs.choose(&state.chosen, request)?.map(PathBuf::from))
}

/// "Share for co-authoring…": shows the save dialog with `file_name` proposed and writes
/// report `id`'s share file (the report with its whole history) there. Gives the file
/// written, or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn share_report(
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    id: ReportId,
    title: String,
    file_name: String,
    filter_name: String,
) -> Result<Option<String>, CommandError> {
    let chosen = choose_share_file(
        &dialogs,
        &state,
        Use::Write,
        title,
        Some(file_name),
        filter_name,
    )?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    state.library()?.share(id, &chosen)?;
    Ok(Some(chosen.to_string_lossy().into_owned()))
}

/// "Merge a colleague's copy…": shows the open dialog and merges the share file chosen
/// into report `id`; gives what the merge did, or `None` when the user cancelled. A file
/// that is not a whole copy of this report is refused, naming it, and nothing changes.
#[tauri::command]
#[specta::specta]
pub async fn merge_copy(
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    id: ReportId,
    title: String,
    filter_name: String,
) -> Result<Option<Merged>, CommandError> {
    let chosen = choose_share_file(&dialogs, &state, Use::Read, title, None, filter_name)?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    state.library()?.merge_share_file(id, &chosen).map(Some)
}
