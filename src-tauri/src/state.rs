use crate::files::Chosen;
use crate::CommandError;
use rapporteur_format::read_report;
use rapporteur_storage::{default_db_path, Store, StoreError};
use std::sync::{Mutex, MutexGuard, OnceLock};
use tauri::{AppHandle, Manager};

/// The example report the app ships, added to the library on the first run.
const EXAMPLE: &str = include_str!("../../examples/sg17-2025-12.report.json");
const EXAMPLE_KEY: &str = "example_report_added";

/// The built-in template: the structure of the example report.
const BUILTIN_TEMPLATE: &str = "ITU-T 研究委員会会合報告";
const BUILTIN_TEMPLATE_KEY: &str = "builtin_template_added";

/// The app's one database connection, opened when the app starts or, if that failed,
/// at the next command (the UI's "retry"): a database that cannot be opened is shown to
/// the user as a message, never a crash, and once the user has put it right (closed the
/// other program, freed disk space, restored a backup) the app goes on without a restart.
#[derive(Default)]
pub struct AppState {
    store: OnceLock<Mutex<Store>>,
    /// Held while the database is being opened: a command that comes meanwhile waits
    /// for that opening instead of starting a second one.
    opening: Mutex<()>,
    /// The files the user chose in a dialog, which alone the commands read or write.
    pub chosen: Chosen,
}

impl AppState {
    /// Opens the database on a thread of its own, started as the window opens: the
    /// window paints without waiting for the migrations, the first run's example and
    /// template, or the daily backup (all in the opening), and the UI's first command
    /// waits for them. A failure is told to the UI when it asks.
    pub fn open_in_background(app: &AppHandle) {
        let app = app.clone();
        std::thread::spawn(move || drop(app.state::<AppState>().store()));
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        let store = match self.store.get() {
            Some(store) => store,
            None => {
                let _opening = self.opening.lock().unwrap_or_else(|p| p.into_inner());
                match self.store.get() {
                    // Opened by the command this one waited for.
                    Some(store) => store,
                    None => {
                        let opened = open_store().map_err(CommandError::from)?;
                        let _ = self.store.set(Mutex::new(opened));
                        self.store.get().expect("set just above")
                    }
                }
            }
        };
        // A panic while holding the lock cannot leave the database half-written (every
        // write is a transaction), so the store stays usable.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

fn open_store() -> Result<Store, StoreError> {
    let mut store = Store::open(&default_db_path()?)?;
    let example = read_report(EXAMPLE).expect("the shipped example is a valid report");
    store.add_once(EXAMPLE_KEY, &example)?;
    let (name, structure) = built_in_template();
    store.add_template_once(BUILTIN_TEMPLATE_KEY, name, &structure)?;
    Ok(store)
}

/// The built-in template's name and structure (the example report's). Deleted, it is
/// not added again at the next start, but the user can show it again.
pub fn built_in_template() -> (&'static str, rapporteur_model::Report) {
    let example = read_report(EXAMPLE).expect("the shipped example is a valid report");
    (BUILTIN_TEMPLATE, rapporteur_reuse::structure_of(&example))
}
