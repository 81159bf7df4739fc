//! A report linked to a shared folder (docs/collaboration.md, "A shared folder"): the
//! folder is chosen in the shell's folder dialog (the page never names it); the folders
//! of the linked reports are watched, and the page is told when one changes, so that the
//! editor, which must not save a report older than the merge, asks for the look itself
//! (`sync_folder`) between two saves. After each save of a linked report the shell
//! writes this installation's new edits there. The looks and writes are the core's.

use crate::files::{Dialogs, Use};
use crate::AppState;
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use rapporteur_core::{CommandError, FolderSync};
use rapporteur_storage::{FolderLink, ReportId};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, State};

/// The event that tells the window a linked report's folder changed (its payload: the
/// report's id): the editor that has it open looks at the folder (`sync_folder`).
pub const FOLDER_CHANGED: &str = "shared-folder-changed";

/// How long a folder must be quiet before the window is told: a sync service writes a
/// file in several steps, and a look at a file half-written is only a look wasted.
const QUIET: Duration = Duration::from_millis(300);

/// The watched folders of the linked reports, each report's `DIR/<document>`.
#[derive(Default)]
pub struct FolderWatch(Mutex<Option<Watching>>);

struct Watching {
    watcher: RecommendedWatcher,
    folders: Arc<Mutex<HashMap<ReportId, PathBuf>>>,
}

impl FolderWatch {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Watching>> {
        // A map of folders cannot be left inconsistent by a panic elsewhere.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Watches report `id`'s folder in its shared folder. A folder that cannot be watched
    /// (a network drive not mounted) is left: the look when the report is opened says why.
    fn watch(&self, app: &AppHandle, id: ReportId) {
        let folder = match app.state::<AppState>().library() {
            Ok(mut library) => library.report_folder(id),
            Err(err) => Err(err),
        };
        let Ok(folder) = folder else { return };
        // Created before the first co-author writes in it, so that it can be watched.
        if std::fs::create_dir_all(&folder).is_err() {
            return;
        }
        let mut watching = self.lock();
        if watching.is_none() {
            *watching = start(app.clone());
        }
        let Some(watching) = watching.as_mut() else {
            return;
        };
        let mut folders = watching.folders.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(old) = folders.remove(&id) {
            let _ = watching.watcher.unwatch(&old);
        }
        if watching
            .watcher
            .watch(&folder, RecursiveMode::Recursive)
            .is_ok()
        {
            folders.insert(id, folder);
        }
    }

    fn unwatch(&self, id: ReportId) {
        if let Some(watching) = self.lock().as_mut() {
            let old = watching
                .folders
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&id);
            if let Some(old) = old {
                let _ = watching.watcher.unwatch(&old);
            }
        }
    }
}

/// Starts the watcher, and the thread that tells the window which reports' folders
/// changed once they are quiet; `None` when the system gives no watcher.
fn start(app: AppHandle) -> Option<Watching> {
    let (sender, changes) = channel::<PathBuf>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // A file created, written or renamed into place; not the app's own reading of them.
        let written = matches!(
            event.kind,
            EventKind::Create(_)
                | EventKind::Modify(_)
                | EventKind::Access(AccessKind::Close(AccessMode::Write))
        );
        if written {
            for path in event.paths {
                let _ = sender.send(path);
            }
        }
    })
    .ok()?;
    let folders = Arc::new(Mutex::new(HashMap::new()));
    let watched = folders.clone();
    std::thread::spawn(move || tell_when_quiet(&app, &changes, &watched));
    Some(Watching { watcher, folders })
}

/// Gathers the changed paths until none came for `QUIET`, then tells the window each
/// report whose folder they are in, once.
fn tell_when_quiet(
    app: &AppHandle,
    changes: &Receiver<PathBuf>,
    folders: &Mutex<HashMap<ReportId, PathBuf>>,
) {
    let mut changed = BTreeSet::new();
    loop {
        let next = if changed.is_empty() {
            changes.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            changes.recv_timeout(QUIET)
        };
        match next {
            Ok(path) => {
                let folders = folders.lock().unwrap_or_else(|p| p.into_inner());
                changed.extend(
                    folders
                        .iter()
                        .filter(|(_, folder)| path.starts_with(folder))
                        .map(|(id, _)| *id),
                );
            }
            Err(RecvTimeoutError::Timeout) => {
                for id in std::mem::take(&mut changed) {
                    let _ = app.emit(FOLDER_CHANGED, id);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Watches the folders of every linked report, once the library is open (on a thread of
/// its own: the window does not wait for it).
pub fn watch_linked(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || {
        let linked = app
            .state::<AppState>()
            .library()
            .and_then(|library| library.linked_reports());
        for id in linked.unwrap_or_default() {
            app.state::<FolderWatch>().watch(&app, id);
        }
    });
}

/// Writes report `id`'s edits its shared folder lacks, if it is linked to one: after a
/// save, on a thread of its own so that the save's answer does not wait for it. A folder
/// that cannot be written now is written at the next save or look, which writes all that
/// the folder lacks.
pub fn write_after_save(app: &AppHandle, id: ReportId) {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let Ok(mut library) = state.library() else {
            return;
        };
        if matches!(library.linked_folder(id), Ok(Some(_))) {
            let _ = library.write_folder(id);
        }
    });
}

library_commands! {
    /// The shared folder report `id` is linked to, and what the last look found; `None` when
    /// it is linked to none.
    pub async fn linked_folder(id: ReportId) -> Option<FolderLink>
        => |library| library.linked_folder(id);
}

/// "Link to a shared folder…": shows the folder dialog and links report `id` to the
/// folder chosen, taking a first look at it (what is there merged, this copy's edits
/// written), and watches it from then on; `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn link_folder(
    app: AppHandle,
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    id: ReportId,
    title: String,
) -> Result<Option<FolderSync>, CommandError> {
    let Some(dir) = dialogs.choose_folder(&state.chosen, Use::SharedFolder, title)? else {
        return Ok(None);
    };
    let synced = state.library()?.link_folder(id, &dir)?;
    app.state::<FolderWatch>().watch(&app, id);
    Ok(Some(synced))
}

/// Unlinks report `id` from its shared folder and stops watching it; whether it had one.
/// What this installation wrote there stays, for its co-authors.
#[tauri::command]
#[specta::specta]
pub async fn unlink_folder(
    watch: State<'_, FolderWatch>,
    state: State<'_, AppState>,
    id: ReportId,
) -> Result<bool, CommandError> {
    let unlinked = state.library()?.unlink_folder(id)?;
    watch.unwatch(id);
    Ok(unlinked)
}

library_commands! {
    /// Looks at report `id`'s shared folder: the co-authors' files merged into the report as
    /// a colleague's copy is, this copy's edits written. Files that cannot be taken yet (a
    /// sync service still writing them) are listed and read again at the next look.
    pub async fn sync_folder(id: ReportId) -> FolderSync => |library| library.sync_folder(id);
}
