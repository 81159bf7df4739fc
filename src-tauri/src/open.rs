//! Files handed to the app from the desktop: `rapporteur FILE`, a double-click on a report
//! file, or a second launch while the app is open. The shell keeps them until the window
//! asks (it may not be listening yet when they arrive), and tells the window when one
//! arrives later.

use crate::files::Use;
use crate::AppState;
use rapporteur_core::{CommandError, OpenedFile};
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, State};

/// The event that tells the window a file is waiting: it calls `take_files_to_open`.
pub const FILES_TO_OPEN: &str = "files-to-open";

/// The files handed to the app that the window has not taken yet.
#[derive(Default)]
pub struct FilesToOpen(Mutex<Vec<PathBuf>>);

impl FilesToOpen {
    pub fn new(first: Option<PathBuf>) -> FilesToOpen {
        FilesToOpen(Mutex::new(first.into_iter().collect()))
    }

    fn push(&self, file: PathBuf) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(file);
    }

    fn take(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// A second launch: its file (if any) goes to this window, which comes to the front.
pub fn second_launch(app: &AppHandle, file: Option<PathBuf>) {
    if let Some(file) = file {
        app.state::<FilesToOpen>().push(file);
        // The window takes the file when it hears this, or at its start if it has not
        // started listening yet.
        let _ = app.emit(FILES_TO_OPEN, ());
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The files handed to the app since the window last asked, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn take_files_to_open(
    files: State<'_, FilesToOpen>,
    state: State<'_, AppState>,
) -> Result<Vec<String>, CommandError> {
    // Chosen by the user on the desktop: the page may have them read (opened, or added
    // as a copy), as a file chosen in the import dialog.
    Ok(files
        .take()
        .into_iter()
        .map(|f| state.chosen.remember(Use::Read, f))
        .collect())
}

/// Opens the file at `path`, one handed to the app from the desktop (`take_files_to_open`;
/// any other path is refused), as the desktop asked: a report file is added to the library
/// unless the same report is there already; a published report is read back as the
/// import does.
#[tauri::command]
#[specta::specta]
pub async fn open_file(
    state: State<'_, AppState>,
    path: String,
) -> Result<OpenedFile, CommandError> {
    let path = state.chosen.allowed(Use::Read, &path)?;
    state.library()?.open_file(&path)
}
