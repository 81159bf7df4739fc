use crate::files::Chosen;
use rapporteur_core::{database_path, CommandError, Library};
use std::sync::{Mutex, MutexGuard, OnceLock};
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
}

impl AppState {
    /// Opens the library on a thread of its own, started as the window opens: the
    /// window paints without waiting for the migrations, the first run's example and
    /// template, or the daily backup (all in the opening), and the UI's first command
    /// waits for them. A failure is told to the UI when it asks.
    pub fn open_in_background(app: &AppHandle) {
        let app = app.clone();
        std::thread::spawn(move || drop(app.state::<AppState>().library()));
    }

    pub fn library(&self) -> Result<MutexGuard<'_, Library>, CommandError> {
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

/// The app's database, with the example and the built-in template on the first run.
fn open_library() -> Result<Library, CommandError> {
    let mut library = Library::open(&database_path(None)?)?;
    library.seed_first_run()?;
    Ok(library)
}
