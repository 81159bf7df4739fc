//! The database's rolling backups, in the `backups` folder beside it. These work on the
//! file, not on an opened `Library`: a damaged database, which opening refuses, is the
//! one to restore.

use crate::CommandError;
use rapporteur_storage::{BackupInfo, BackupReason};
use std::path::{Path, PathBuf};

/// The backups of the database at `db`, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>, CommandError> {
    Ok(rapporteur_storage::list_backups(db)?)
}

/// Backs the database up now; returns the new backup's path.
pub fn back_up_now(db: &Path) -> Result<PathBuf, CommandError> {
    Ok(rapporteur_storage::back_up(db, BackupReason::Manual)?)
}

/// Puts the backup `name` back as the database, after backing up the database as it
/// was (whose backup's path it returns, when there was a database). Refused while the
/// app or another process has the database open.
pub fn restore_backup(db: &Path, name: &str) -> Result<Option<PathBuf>, CommandError> {
    Ok(rapporteur_storage::restore_backup(db, name)?)
}
