use crate::{CommandError, ErrorCode};
use rapporteur_format::read_report;
use rapporteur_storage::{default_db_path, Store, StoreError};
use std::sync::{Mutex, MutexGuard};

/// The example report the app ships, added to the library on the first run.
const EXAMPLE: &str = include_str!("../../examples/sg17-2025-12.report.json");
const EXAMPLE_KEY: &str = "example_report_added";

/// The app's one database connection, or why there is none: a database that cannot be
/// opened is shown to the user as a message, never a crash.
pub struct AppState {
    store: Result<Mutex<Store>, CommandError>,
}

impl AppState {
    pub fn open() -> AppState {
        let store = open_store().map(Mutex::new).map_err(|e| {
            CommandError::new(
                ErrorCode::DatabaseUnavailable,
                format!("the database could not be opened: {e}"),
            )
        });
        AppState { store }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
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
    Ok(store)
}
