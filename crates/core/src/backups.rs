//! The database's rolling backups, in the `backups` folder beside it, and the other
//! housekeeping done on the file beside the app's work. These work on the file, not on
//! an opened `Library`: a damaged database, which opening refuses, is the
//! one to restore.

use crate::CommandError;
pub use rapporteur_storage::BackupPace;
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

/// The day's backup, when it is due, as housekeeping after the work the user waits for
/// (the app's first paint, beside the saves that follow; the CLI's command, at once
/// before it exits): saves go on while it is written. One that cannot be made (a full
/// disk, a read-only backups folder) must not keep the user from their reports, so its
/// failure is only returned, for the next try.
pub fn daily_backup(db: &Path, pace: BackupPace) -> Result<Option<PathBuf>, CommandError> {
    Ok(rapporteur_storage::daily_backup(db, pace)?)
}

/// Copies the saves in the write-ahead log into the database file, which the saves leave
/// to an idle moment (see `rapporteur_storage::checkpoint`).
pub fn checkpoint(db: &Path) -> Result<(), CommandError> {
    rapporteur_storage::checkpoint(db)?;
    Ok(())
}

/// Compacts the co-authoring documents whose updates have piled up (see
/// `rapporteur_storage::compact_documents`): housekeeping for an idle moment, like the
/// checkpoint, since it loads each such document's whole history. Returns how many.
pub fn compact_documents(db: &Path) -> Result<usize, CommandError> {
    Ok(rapporteur_storage::compact_documents(db)?)
}

/// Puts the backup `name` back as the database, after backing up the database as it
/// was (whose backup's path it returns, when there was a database). Refused while the
/// app or another process has the database open.
pub fn restore_backup(db: &Path, name: &str) -> Result<Option<PathBuf>, CommandError> {
    Ok(rapporteur_storage::restore_backup(db, name)?)
}
