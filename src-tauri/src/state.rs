use crate::files::Chosen;
use rapporteur_core::{backups, database_path, CommandError, Library, Previewer};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// The app's one library (database connection), opened when the app starts or, if that
/// failed, at the next command (the UI's "retry"): a database that cannot be opened is
/// shown to the user as a message, never a crash, and once the user has put it right
/// (closed the other program, freed disk space, restored a backup) the app goes on
/// without a restart.
#[derive(Default)]
pub struct AppState {
    library: OnceLock<Mutex<Library>>,
    /// Held while the database is being opened: a command that comes meanwhile waits
    /// for that opening instead of starting a second one.
    opening: Mutex<()>,
    /// The files the user chose in a dialog, which alone the commands read or write.
    pub chosen: Chosen,
    /// When a command last used the database: the housekeeping waits for a quiet moment.
    last_use: Mutex<Option<Instant>>,
    /// Whether the window's page has loaded: the housekeeping waits for it.
    shown: (Mutex<bool>, Condvar),
    /// The report the live preview follows (the one open in the editor).
    preview: Mutex<Previewer>,
}

/// How long the housekeeping waits for the window's page before it goes on regardless.
const SHOWN_AT_LATEST: Duration = Duration::from_secs(20);

/// How long without a command the app must have been before it checkpoints.
const IDLE: Duration = Duration::from_secs(2);

impl AppState {
    /// Opens the library on a thread of its own, started as the window opens: the
    /// window paints without waiting for the migrations or the first run's example and
    /// template, and the UI's first command waits for them. A failure is told to the UI
    /// when it asks. The housekeeping (`keep_house`) starts on another thread.
    pub fn open_in_background(app: &AppHandle) {
        let opener = app.clone();
        std::thread::spawn(move || drop(opener.state::<AppState>().library()));
        let keeper = app.clone();
        std::thread::spawn(move || keep_house(&keeper.state::<AppState>()));
    }

    /// Tells the housekeeping that the window's page has loaded.
    pub fn window_shown(&self) {
        *self.shown.0.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.shown.1.notify_all();
    }

    fn wait_until_shown(&self, at_most: Duration) {
        let shown = self.shown.0.lock().unwrap_or_else(|p| p.into_inner());
        let _ = self
            .shown
            .1
            .wait_timeout_while(shown, at_most, |shown| !*shown);
    }

    fn last_use(&self) -> Option<Instant> {
        *self.last_use.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The live preview; it needs no database.
    pub fn preview(&self) -> MutexGuard<'_, Previewer> {
        // A panic while holding it leaves at worst a report to be sent whole again.
        self.preview.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn library(&self) -> Result<MutexGuard<'_, Library>, CommandError> {
        *self.last_use.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
        let library = match self.library.get() {
            Some(library) => library,
            None => {
                let _opening = self.opening.lock().unwrap_or_else(|p| p.into_inner());
                match self.library.get() {
                    // Opened by the command this one waited for.
                    Some(library) => library,
                    None => {
                        let _ = self.library.set(Mutex::new(open_library()?));
                        self.library.get().expect("set just above")
                    }
                }
            }
        };
        // A panic while holding the lock cannot leave the database half-written (every
        // write is a transaction), so the library stays usable.
        Ok(library
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

/// What must not delay the window or a save, once the window's page has loaded: the
/// day's backup (a copy of the whole database, on a connection of its own, so saves go
/// on meanwhile), then, whenever the app has been idle for a moment after using the
/// database, the compaction of co-authoring documents whose updates piled up and a
/// checkpoint of its write-ahead log, which the saves leave to it. Failures
/// are left for the next try: neither may keep the user from their reports.
fn keep_house(state: &AppState) {
    state.wait_until_shown(SHOWN_AT_LATEST);
    // The database the app opened; until it opens (the UI shows why not), nothing to do.
    let path = loop {
        match state.library() {
            Ok(library) => break library.path().to_owned(),
            Err(_) => std::thread::sleep(IDLE),
        }
    };
    let _ = backups::daily_backup(&path, backups::BackupPace::BesideSaves);
    let mut checkpointed = None;
    loop {
        std::thread::sleep(IDLE / 2);
        let last = state.last_use();
        if last != checkpointed && last.is_some_and(|t| t.elapsed() >= IDLE) {
            // Compaction first: what it writes goes into the checkpoint too.
            let _ = backups::compact_documents(&path);
            let _ = backups::checkpoint(&path);
            checkpointed = last;
        }
    }
}

/// The app's database, with the example and the built-in template on the first run.
fn open_library() -> Result<Library, CommandError> {
    let mut library = Library::open(&database_path(None)?)?;
    library.seed_first_run()?;
    Ok(library)
}
