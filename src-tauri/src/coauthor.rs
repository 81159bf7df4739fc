//! Co-authoring (docs/collaboration.md): sharing a report as a file and merging a
//! colleague's copy, each through the shell's own file dialog (the page never names the
//! file), and the author name recorded with this installation's changes.

use crate::files::{Dialogs, FileFilter, Request, Use};
use crate::AppState;
use rapporteur_core::{CommandError, Merged};
use rapporteur_storage::ReportId;
use tauri::State;

/// The extension a share file is offered with (`NAME.rapporteur`); files are recognised
/// by their content, never by it.
const SHARE_EXTENSION: &str = "rapporteur";

library_commands! {
    /// The author name this installation records with its changes; `None` until the user
    /// gives one (asked when they first share or merge).
    pub async fn author_name() -> Option<String> => |library| library.author_name();

    /// Sets the author name recorded with this installation's changes; gives it back as kept
    /// (trimmed). An empty name is refused.
    pub async fn set_author_name(name: String) -> String => |library| {
        library.set_author_name(&name)?;
        Ok(library.author_name()?.unwrap_or_default())
    };
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
    let filter = FileFilter::new(filter_name, &[SHARE_EXTENSION]);
    let request = Request::save(title, file_name, vec![filter]);
    dialogs.choose_then(&state.chosen, request, |file| {
        state.library()?.share(id, &file)?;
        Ok(file.to_string_lossy().into_owned())
    })
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
    let filter = FileFilter::new(filter_name, &[SHARE_EXTENSION]);
    let request = Request::open(Use::Read, title, vec![filter]);
    dialogs.choose_then(&state.chosen, request, |file| {
        state.library()?.merge_share_file(id, &file)
    })
}
