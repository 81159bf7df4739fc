//! Rolling backups of the database: whole, consistent copies in a `backups` folder
//! beside it, the newest `KEPT_BACKUPS` kept, and a restore that puts one back through
//! SQLite's backup API after backing up what it replaces. A backup someone waits for is
//! written at once (`VACUUM INTO`); the app's daily one, made while the user may be
//! saving, is copied in small steps with pauses between them, so that it never holds
//! the disk or a processor long enough to slow a save (`BackupPace`).
//!
//! These work on the database's path rather than an open `Store`, because a damaged
//! database, which `Store::open` refuses, is exactly the one to restore over.

use crate::migrations::{user_version, SCHEMA_VERSION};
use crate::StoreError;
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

type Result<T> = std::result::Result<T, StoreError>;

/// How many backups are kept; the oldest go as new ones come.
pub const KEPT_BACKUPS: usize = 10;

/// How old the newest backup may be before opening the database makes another.
pub const DAILY: Duration = Duration::from_secs(24 * 60 * 60);

/// The time in a backup's name: sorts as it reads, and is safe in any file system.
const STAMP: &str = "%Y-%m-%dT%H-%M-%S%.3fZ";

/// Why a backup was made; the last part of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// The first opening of the database in a day.
    Daily,
    /// Before the schema is upgraded by a newer build.
    BeforeUpgrade,
    /// Before a backup is restored over the database.
    BeforeRestore,
    /// Asked for (`rapporteur-cli backup now`).
    Manual,
}

/// How a backup shares the disk and the processors with the work beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupPace {
    /// As fast as the disk allows: someone waits for it (a backup asked for, before an
    /// upgrade or a restore, the command line's daily backup before it exits).
    AtOnce,
    /// In small steps with pauses between them, taking longer: the app's daily backup,
    /// made while the user may be saving, nobody waiting for it.
    BesideSaves,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeUpgrade => "before-upgrade",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::Manual => "manual",
        }
    }
}

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// The file's name in the backups folder: what `restore_backup` takes.
    pub name: String,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
}

/// The folder the backups of the database at `db` go to.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The database's file name without `.sqlite3`: every backup's name starts with it.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rapporteur".to_owned())
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::File {
        path: path.to_owned(),
        source,
    }
}

/// The backups of the database at `db`, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backups_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(file_error(&dir)(e)),
    };
    let prefix = format!("{}-", stem(db));
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(file_error(&dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(taken_at) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".sqlite3"))
            .and_then(|rest| rest.get(..STAMP_LEN))
            .and_then(|stamp| NaiveDateTime::parse_from_str(stamp, STAMP).ok())
        else {
            continue;
        };
        let bytes = entry.metadata().map_err(file_error(&entry.path()))?.len();
        found.push(BackupInfo {
            name,
            taken_at: taken_at.and_utc(),
            bytes,
        });
    }
    found.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(found)
}

/// The length of a formatted `STAMP`, e.g. `2026-11-23T15-25-01.123Z`.
const STAMP_LEN: usize = 24;

/// Writes a consistent copy of the database at `db` into the backups folder (other
/// processes may go on reading and writing meanwhile), then drops the oldest beyond
/// `KEPT_BACKUPS`. Returns the new backup's path.
pub fn back_up(db: &Path, reason: BackupReason) -> Result<PathBuf> {
    let conn = open_existing(db)?;
    back_up_from(&conn, db, reason, None, BackupPace::AtOnce)
}

/// Makes the day's backup of the database at `db` if it is due (see `daily_backup_due`)
/// and the database holds a report (a backup without one could not be restored); returns
/// its path, or `None`. Its own connection reads the database: saves go on meanwhile,
/// as a backup holds no lock a save waits for. The app calls it once its window shows,
/// beside the saves; the CLI after its command, at once.
pub fn daily_backup(db: &Path, pace: BackupPace) -> Result<Option<PathBuf>> {
    if !daily_backup_due(db)? {
        return Ok(None);
    }
    let conn = open_existing(db)?;
    let any: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM reports)", [], |r| r.get(0))
        .map_err(|e| StoreError::from(e).at(db))?;
    if !any {
        return Ok(None);
    }
    back_up_from(&conn, db, BackupReason::Daily, None, pace).map(Some)
}

/// Opens a database file that must exist, for reading only. Without SQLite's CREATE
/// flag a missing file is an error, never a new empty database.
fn open_existing(path: &Path) -> Result<Connection> {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::from(e).at(path))
}

/// Backs up the database at `db` through `conn`; `keep` names a backup that the
/// housekeeping afterwards must not drop (the one a restore is about to copy).
pub(crate) fn back_up_from(
    conn: &Connection,
    db: &Path,
    reason: BackupReason,
    keep: Option<&Path>,
    pace: BackupPace,
) -> Result<PathBuf> {
    new_backup(db, reason, keep, |partial| {
        let written = match pace {
            BackupPace::AtOnce => conn
                .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
                .map(drop),
            BackupPace::BesideSaves => copy_in_steps(conn, partial),
        };
        written.map_err(|e| match e.sqlite_error_code() {
            // The disk that filled is the backups folder's: the database is untouched.
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::BackupDiskFull {
                dir: backups_dir(db),
            },
            _ => StoreError::from(e).at(db),
        })
    })
}

/// How many pages (of 4 KB) a background backup copies at a time: about 1 ms of work.
const STEP_PAGES: i32 = 64;

/// The pause between two steps of a background backup, in which a save has the disk and
/// a processor to itself. A 13 MB database takes about 0.55 s; a library of 1,000
/// reports (400 MB) about 20 s, in the background.
const STEP_PAUSE: Duration = Duration::from_millis(10);

/// Copies the database of `conn` into the new file `to` in steps of `STEP_PAGES`, with
/// a pause after each. Measured beside saves (`save_bench`, 20 backups each way), a
/// backup written at once (`VACUUM INTO`, 35–70 ms of reading and writing) slowed their
/// median 1.2–2.6× and their p99 to 9–16 ms; in steps, the saves beside it take what
/// they take alone.
fn copy_in_steps(conn: &Connection, to: &Path) -> rusqlite::Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    // One read transaction across all the steps: the copy is the database as it was when
    // the backup began, whatever is saved meanwhile (without it, SQLite starts the copy
    // over after every save another connection makes).
    conn.execute_batch("BEGIN; SELECT count(*) FROM sqlite_schema;")?;
    let copied = (|| {
        let mut copy = Connection::open(to)?;
        // A backup cut short is removed, never used: it needs neither journal nor sync.
        copy.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
        let backup = Backup::new(conn, &mut copy)?;
        while backup.step(STEP_PAGES)? != StepResult::Done {
            std::thread::sleep(STEP_PAUSE);
        }
        drop(backup);
        // The pages copied say the database is in WAL mode; a backup is a file on its
        // own, opened read-only to be checked and restored, as `VACUUM INTO` writes it.
        copy.pragma_update(None, "journal_mode", "DELETE")
    })();
    let ended = conn.execute_batch("COMMIT");
    copied.and(ended)
}

/// The end of the name a backup has while it is written.
const PARTIAL: &str = ".partial";

/// How long a `.partial` file must have been left alone before another process takes it
/// for the remains of a killed backup: it covers the moment between creating the file
/// and locking it.
const STALE_PARTIAL: Duration = Duration::from_secs(60);

/// Makes a backup named for `reason` with `write`, which writes the file it is given.
/// That file is renamed to the backup's name only when complete: a backup cut short by
/// a crash is never taken for a whole one. It is locked (an advisory lock) while written,
/// so that another process's housekeeping can tell it from the remains of a killed one.
/// Then drops the oldest beyond `KEPT_BACKUPS`, never `keep`.
fn new_backup(
    db: &Path,
    reason: BackupReason,
    keep: Option<&Path>,
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<PathBuf> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| backup_folder_error(&dir, e))?;
    remove_stale_partials(&dir);
    let name = format!(
        "{}-{}-{}.sqlite3",
        stem(db),
        Utc::now().format(STAMP),
        reason.as_str()
    );
    let path = dir.join(&name);
    let partial = dir.join(format!("{name}{PARTIAL}"));
    let lock = std::fs::File::create_new(&partial).map_err(|e| backup_folder_error(&dir, e))?;
    let written = lock
        .lock()
        .map_err(file_error(&partial))
        .and_then(|()| write(&partial))
        .and_then(|()| std::fs::rename(&partial, &path).map_err(file_error(&path)));
    if written.is_err() {
        // What a failed backup wrote (on a full disk, most of a copy) is of no use.
        let _ = std::fs::remove_file(&partial);
    }
    drop(lock);
    written?;
    for old in list_backups(db)?.iter().skip(KEPT_BACKUPS) {
        let old = dir.join(&old.name);
        if Some(old.as_path()) != keep {
            std::fs::remove_file(&old).map_err(file_error(&old))?;
        }
    }
    Ok(path)
}

/// Names what keeps a backup from being written in `dir`: a full disk, a folder that
/// cannot be written, or the system's own error.
fn backup_folder_error(dir: &Path, source: std::io::Error) -> StoreError {
    use std::io::ErrorKind;
    let dir = dir.to_owned();
    match source.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreError::BackupDiskFull { dir },
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            StoreError::BackupsReadOnly { dir }
        }
        _ => StoreError::File { path: dir, source },
    }
}

/// Removes the `.partial` files of backups that were killed or failed before they could
/// clean up: those no process holds locked and none has touched for `STALE_PARTIAL`.
/// Best effort: a file that cannot be judged or removed is left for the next backup.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().ends_with(PARTIAL) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let recent = file
            .metadata()
            .and_then(|m| m.modified())
            .map(|modified| modified.elapsed().map_or(true, |age| age < STALE_PARTIAL))
            .unwrap_or(true);
        // Holding the lock while removing: a writer cannot take the file meanwhile.
        if !recent && file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Whether a daily backup is due for the database at `db`: its newest backup taken
/// before now is older than `DAILY`, or there is none. A backup named with a date still
/// to come (made while the clock was wrong) does not count, or it would stop the daily
/// backups until that date.
fn daily_backup_due(db: &Path) -> Result<bool> {
    let now = Utc::now();
    Ok(match list_backups(db)?.iter().find(|b| b.taken_at <= now) {
        Some(newest) => (now - newest.taken_at).to_std().unwrap_or_default() >= DAILY,
        None => true,
    })
}

/// Puts the backup `name` back as the database at `db`. The database as it was is
/// backed up first (that backup's path is returned; none when there was no database),
/// and nothing happens while another process has the database open. The backup is
/// checked before anything changes: a Rapporteur database, whole, holding reports.
pub fn restore_backup(db: &Path, name: &str) -> Result<Option<PathBuf>> {
    let source_path = list_backups(db)?
        .into_iter()
        .find(|b| b.name == name)
        .map(|b| backups_dir(db).join(b.name))
        .ok_or_else(|| StoreError::NoSuchBackup {
            name: name.to_owned(),
            dir: backups_dir(db),
        })?;
    // One connection to the backup from the check to the copy: what is copied is what
    // was checked, and an open file stays readable even if something removed its name.
    let source = open_existing(&source_path)?;
    check_backup(&source, &source_path)?;

    let existed = db.exists();
    let mut conn = Connection::open(db).map_err(|e| StoreError::from(e).at(db))?;
    // SQLite opens a file it may not write (immutable, read-only) for reading instead;
    // say so now rather than fail halfway with an I/O error.
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::CannotReplace {
            path: db.to_owned(),
        });
    }
    // SQLite leaves WAL mode only when no other connection has the file open: the one
    // check for other Rapporteur windows or CLI runs there is, and the mode the backup
    // API needs to write pages of another size.
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::InUse {
                    path: db.to_owned(),
                }
            }
            _ => StoreError::from(e).at(db),
        })?;
    if mode != "delete" {
        return Err(StoreError::InUse {
            path: db.to_owned(),
        });
    }
    // The backup being restored is kept out of the housekeeping of this one: with a full
    // rotation it is the oldest, the next to go.
    let keep = Some(source_path.as_path());
    let saved = if existed {
        // A damaged database cannot be copied by SQLite; its file is kept as it is
        // instead (whole: out of WAL mode, the main file holds every committed change).
        Some(
            match back_up_from(
                &conn,
                db,
                BackupReason::BeforeRestore,
                keep,
                BackupPace::AtOnce,
            ) {
                Err(StoreError::Damaged { .. }) => {
                    new_backup(db, BackupReason::BeforeRestore, keep, |copy| {
                        std::fs::copy(db, copy).map(drop).map_err(file_error(db))
                    })?
                }
                saved => saved?,
            },
        )
    } else {
        None
    };
    copy_database(&source, &mut conn).map_err(|e| StoreError::from(e).at(db))?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| StoreError::from(e).at(db))?;
    Ok(saved)
}

/// Replaces the database of `to` with that of `from`, all pages in one step: one write
/// transaction on `to`, so a failure leaves it as it was.
fn copy_database(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(from, to)?;
    match backup.step(-1)? {
        StepResult::Done => Ok(()),
        _ => Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        )),
    }
}

/// Refuses a backup that is damaged, not Rapporteur's, of a newer schema, or without
/// reports (restoring it would leave an empty database).
fn check_backup(conn: &Connection, path: &Path) -> Result<()> {
    let at = |e: rusqlite::Error| StoreError::from(e).at(path);
    let version = user_version(conn).map_err(at)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
            reason: "it has no Rapporteur schema".to_owned(),
        });
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(at)?;
    if verdict != "ok" {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            reason: verdict,
        });
    }
    let (reports, documents): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(v.document) FROM reports r
             LEFT JOIN revisions v ON v.report_id = r.id AND v.number = r.head_revision",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| StoreError::NotADatabase {
            path: path.to_owned(),
            reason: format!("its reports cannot be read: {e}"),
        })?;
    if reports == 0 {
        return Err(StoreError::EmptyBackup {
            path: path.to_owned(),
        });
    }
    if documents < reports {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            reason: format!(
                "{} of its {reports} reports have no newest revision",
                reports - documents
            ),
        });
    }
    Ok(())
}

/// Whether writing to `path` would write over the database at `db` or its backups: the
/// database file, its WAL, shared-memory or rollback journal, or anything in its backups
/// folder, under whatever name `path` gives them (`..`, a symbolic link, a hard link):
/// compared by canonical path, then by file identity.
pub fn is_database_file(db: &Path, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let mut own: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect();
    let target = resolved(path);
    let backups = resolved(&backups_dir(db));
    if target.is_some() && own.iter().any(|file| resolved(file) == target) {
        return true;
    }
    if let (Some(target), Some(backups)) = (&target, &backups) {
        if target.starts_with(backups) {
            return true;
        }
    }
    // Another name of one of those files: a hard link elsewhere.
    let Ok(written) = std::fs::metadata(path) else {
        return false;
    };
    if let Ok(entries) = std::fs::read_dir(backups_dir(db)) {
        own.extend(entries.flatten().map(|e| e.path()));
    }
    own.iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .any(|m| m.dev() == written.dev() && m.ino() == written.ino())
}

/// `path` with its links and `..` resolved: the whole path when it exists, else its
/// folder's, with its file name.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = path.canonicalize() {
        return Some(path);
    }
    let name = path.file_name()?;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.unwrap_or(Path::new(".")).canonicalize().ok()?;
    Some(folder.join(name))
}
