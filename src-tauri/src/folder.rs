//! "Import past reports…": a whole folder, chosen in the shell's folder dialog (the page
//! never names it), imported by the core's `Library::import_folder` off the window's
//! thread. Its progress goes to the page through a channel the page passes with the
//! call: the messages belong to that one call and arrive in order, with nothing to
//! subscribe to or poll. The user can stop it between two files.

use crate::files::{Dialogs, Use};
use crate::AppState;
use rapporteur_core::{CommandError, FolderFile, FolderProgress};
use serde::Serialize;
use specta::Type;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

/// Whether the user asked to stop the folder import under way.
#[derive(Default)]
pub struct StopImport(AtomicBool);

/// A folder imported: its path, and what became of each of its files.
#[derive(Debug, Serialize, Type)]
pub struct FolderImport {
    pub folder: String,
    pub files: Vec<FolderFile>,
}

/// Shows the folder dialog and imports every file of the folder chosen (a report file,
/// a Word file or the text of a published report, each on its own), telling `progress`
/// before each file; `None` when the user cancelled the dialog. The library knows each
/// report as soon as it is added (list, registry, search).
#[tauri::command]
#[specta::specta]
pub async fn import_past_reports(
    app: AppHandle,
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    title: String,
    progress: Channel<FolderProgress>,
) -> Result<Option<FolderImport>, CommandError> {
    let Some(dir) = dialogs.choose_folder(&state.chosen, Use::ReadFolder, title)? else {
        return Ok(None);
    };
    let folder = dir.to_string_lossy().into_owned();
    app.state::<StopImport>().0.store(false, Ordering::SeqCst);
    // Reading and storing a hundred files takes seconds: on a thread of its own, so the
    // async runtime's workers stay free for the window's other commands.
    let files = tauri::async_runtime::spawn_blocking(move || {
        let stop = &app.state::<StopImport>().0;
        let state = app.state::<AppState>();
        let mut library = state.library()?;
        library.import_folder(&dir, |at| {
            // A page that went away no longer listens; the import goes on regardless.
            let _ = progress.send(at.clone());
            if stop.load(Ordering::SeqCst) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
    })
    .await
    // A panic in the import is a fault of the app's, as in any command: passed on.
    .unwrap_or_else(|e| panic!("the folder import failed: {e}"))?;
    Ok(Some(FolderImport { folder, files }))
}

/// Stops the folder import under way after the file being read: the files left are not
/// read (and are listed so).
#[tauri::command]
#[specta::specta]
pub async fn stop_importing_past_reports(stop: State<'_, StopImport>) -> Result<(), CommandError> {
    stop.0.store(true, Ordering::SeqCst);
    Ok(())
}
