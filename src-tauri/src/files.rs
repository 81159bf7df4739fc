//! The files the app reads and writes: only those the user chose in a native file dialog
//! in this session, or handed to the app from the desktop. The page asks the shell to
//! show the dialog (`choose_import_file`, `choose_export_file`); the shell remembers what
//! the user chose, and the commands that read or write a file (`import_report_file`,
//! `open_file`, `export_report`) take only a path remembered there, for the use it was
//! chosen for. A page made to run hostile script can still ask for a dialog, but it
//! cannot name a file the user did not pick.

use crate::AppState;
use rapporteur_core::{CommandError, ErrorCode};
use serde::Deserialize;
use specta::Type;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// What a chosen file may be used for: a file picked to import is never written, a file
/// named to export to is never read, a folder picked to import from is read only as a
/// folder (each file in it on its own), a folder picked to link a report to is only
/// that report's shared folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Use {
    Read,
    Write,
    ReadFolder,
    SharedFolder,
}

/// The paths the user chose in this session, each for its use.
#[derive(Default)]
pub struct Chosen(Mutex<HashSet<(Use, String)>>);

impl Chosen {
    /// Remembers `path` as chosen for `purpose`; gives it as the page will send it back.
    pub fn remember(&self, purpose: Use, path: PathBuf) -> String {
        // The page sends back the string it got; a path that is not UTF-8 would come back
        // as another one, so it is remembered as that string.
        let shown = path.to_string_lossy().into_owned();
        self.lock().insert((purpose, shown.clone()));
        shown
    }

    /// `path` as the file to use for `purpose`, if the user chose it for that; otherwise
    /// the command is refused.
    pub fn allowed(&self, purpose: Use, path: &str) -> Result<PathBuf, CommandError> {
        if self.lock().contains(&(purpose, path.to_owned())) {
            return Ok(PathBuf::from(path));
        }
        let dialog = match purpose {
            Use::Read => "the import dialog",
            Use::Write => "the export dialog",
            Use::ReadFolder | Use::SharedFolder => "the folder dialog",
        };
        Err(CommandError::new(
            ErrorCode::NotChosen,
            format!("{path}: not a file chosen in {dialog}; choose the file there"),
        ))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<(Use, String)>> {
        // A set of paths cannot be left inconsistent by a panic elsewhere.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One entry of a dialog's file-type list.
#[derive(Debug, Deserialize, Type)]
pub struct FileFilter {
    pub name: String,
    /// Without the dot; the dialog matches the last extension (`json` for `.report.json`).
    pub extensions: Vec<String>,
}

impl FileFilter {
    /// The entry `name` (in the user's language, from the page) for `extensions`.
    pub fn new(name: String, extensions: &[&str]) -> FileFilter {
        FileFilter {
            name,
            extensions: extensions.iter().map(|e| (*e).to_owned()).collect(),
        }
    }
}

/// What a dialog is asked to show.
pub struct Request {
    pub purpose: Use,
    pub title: String,
    /// The file name proposed in a save dialog.
    pub file_name: Option<String>,
    pub filters: Vec<FileFilter>,
}

impl Request {
    /// An open dialog (a file or a folder to read from), showing `filters`.
    pub fn open(purpose: Use, title: String, filters: Vec<FileFilter>) -> Request {
        Request {
            purpose,
            title,
            file_name: None,
            filters,
        }
    }

    /// A save dialog (a file to write), with `file_name` proposed, showing `filters`.
    pub fn save(title: String, file_name: String, filters: Vec<FileFilter>) -> Request {
        Request {
            purpose: Use::Write,
            title,
            file_name: Some(file_name),
            filters,
        }
    }
}

/// Who answers the file dialogs: the user through the native dialogs, in the app. Kept in
/// the app's state so that the commands do not depend on the window's runtime (and the
/// tests can call them through Tauri's mock runtime with a stand-in for the user).
pub struct Dialogs(Box<dyn Fn(Request) -> Result<Option<PathBuf>, CommandError> + Send + Sync>);

impl Dialogs {
    /// The native dialogs, over the main window.
    pub fn native<R: Runtime>(app: AppHandle<R>) -> Dialogs {
        Dialogs(Box::new(move |request| {
            #[cfg(debug_assertions)]
            if let Some(answer) = test_answer() {
                return Ok(answer);
            }
            let mut dialog = app.dialog().file().set_title(request.title);
            if let Some(window) = app.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            if let Some(name) = request.file_name {
                dialog = dialog.set_file_name(name);
            }
            for filter in &request.filters {
                let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
                dialog = dialog.add_filter(&filter.name, &extensions);
            }
            // Blocks this command's thread, not the window's: the dialog runs on the
            // main thread.
            let chosen = match request.purpose {
                Use::Read => dialog.blocking_pick_file(),
                Use::Write => dialog.blocking_save_file(),
                Use::ReadFolder | Use::SharedFolder => dialog.blocking_pick_folder(),
            };
            chosen
                .map(|path| {
                    path.into_path()
                        .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))
                })
                .transpose()
        }))
    }

    /// Dialogs answered by `answer` instead of a user: for the tests.
    pub fn answered_by(
        answer: impl Fn(&Request) -> Option<PathBuf> + Send + Sync + 'static,
    ) -> Dialogs {
        Dialogs(Box::new(move |request| Ok(answer(&request))))
    }

    /// Shows the dialog for `request`; remembers and gives back the file chosen.
    pub(crate) fn choose(
        &self,
        chosen: &Chosen,
        request: Request,
    ) -> Result<Option<String>, CommandError> {
        let purpose = request.purpose;
        Ok((self.0)(request)?.map(|path| chosen.remember(purpose, path)))
    }

    /// Shows the dialog for `request` and does `then` at once with the file or folder the
    /// user chose; `None` when they cancelled.
    pub(crate) fn choose_then<T>(
        &self,
        chosen: &Chosen,
        request: Request,
        then: impl FnOnce(PathBuf) -> Result<T, CommandError>,
    ) -> Result<Option<T>, CommandError> {
        self.choose(chosen, request)?
            .map(|path| then(PathBuf::from(path)))
            .transpose()
    }

    /// Shows the folder dialog for `purpose`; the folder chosen, to be used at once
    /// (`None` when the user cancelled).
    pub(crate) fn choose_folder(
        &self,
        chosen: &Chosen,
        purpose: Use,
        title: String,
    ) -> Result<Option<PathBuf>, CommandError> {
        self.choose_then(chosen, Request::open(purpose, title, Vec::new()), Ok)
    }
}

/// Shows the open dialog; returns the file the user chose (`None` when they cancelled),
/// which `import_report_file` will then read.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_file(
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    title: String,
    filters: Vec<FileFilter>,
) -> Result<Option<String>, CommandError> {
    dialogs.choose(&state.chosen, Request::open(Use::Read, title, filters))
}

/// Shows the save dialog with `file_name` proposed; returns the file the user named
/// (`None` when they cancelled), which `export_report` will then write.
#[tauri::command]
#[specta::specta]
pub async fn choose_export_file(
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    title: String,
    file_name: String,
    filter: FileFilter,
) -> Result<Option<String>, CommandError> {
    dialogs.choose(&state.chosen, Request::save(title, file_name, vec![filter]))
}

/// The end-to-end tests' stand-in for the user at a file dialog, honoured by debug builds
/// only: the path of a file holding the answer the next dialog gives (a path, or nothing
/// for a cancelled dialog). Each answer is used once (the file is removed); with no such
/// file the real dialog shows. A native dialog cannot be driven through WebDriver; with
/// this the tests still go through the choice, the allow-list and its refusals. A
/// release build has no such code.
#[cfg(debug_assertions)]
pub const TEST_DIALOG_ENV: &str = "RAPPORTEUR_TEST_DIALOG_ANSWER";

/// The answer waiting for the next dialog, if the end-to-end tests left one.
#[cfg(debug_assertions)]
fn test_answer() -> Option<Option<PathBuf>> {
    let file = std::env::var_os(TEST_DIALOG_ENV)?;
    let answer = std::fs::read_to_string(&file).ok()?;
    let _ = std::fs::remove_file(&file);
    let answer = answer.trim_end_matches('\n');
    Some((!answer.is_empty()).then(|| PathBuf::from(answer)))
}
