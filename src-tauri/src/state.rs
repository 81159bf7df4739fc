use crate::CommandError;
use rapporteur_format::read_report;
use rapporteur_storage::{default_db_path, Store, StoreError};
use std::sync::{Mutex, MutexGuard, OnceLock};

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
pub struct AppState {
    store: OnceLock<Mutex<Store>>,
}

impl AppState {
    pub fn open() -> AppState {
        let state = AppState {
            store: OnceLock::new(),
        };
        // Opened now, so the first start adds the example before the UI asks; a failure
        // is told to the UI when it asks.
        drop(state.store());
        state
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        let store = match self.store.get() {
            Some(store) => store,
            None => {
                let opened = open_store().map_err(CommandError::from)?;
                // Two commands may both have opened it: the first one kept is used.
                let _ = self.store.set(Mutex::new(opened));
                self.store.get().expect("set just above")
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
    let structure = rapporteur_reuse::structure_of(&example);
    store.add_template_once(BUILTIN_TEMPLATE_KEY, BUILTIN_TEMPLATE, &structure)?;
    Ok(store)
}
