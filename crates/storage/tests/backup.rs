//! Rolling backups and their restore, on real files in a temporary folder.

use rapporteur_model::Report;
use rapporteur_storage::{
    back_up, backups_dir, daily_backup, list_backups, restore_backup, BackupPace, BackupReason,
    Store, StoreError, KEPT_BACKUPS,
};
use rusqlite::Connection;
use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

mod common;
use common::{db_with_examples, example, retitled, temp_db, temp_store, texts};

/// The titles of the reports in a database file, read without the store (which would
/// back up the backup).
fn titles(path: &Path) -> Vec<String> {
    texts(path, "SELECT title FROM reports ORDER BY id")
}

#[test]
fn the_daily_backup_is_made_once_a_day_after_opening() {
    let (_dir, path, mut store) = temp_store();
    assert_eq!(
        daily_backup(&path, BackupPace::BesideSaves).unwrap(),
        None,
        "a new, empty database has nothing to back up"
    );
    store.create_report(&retitled("初版")).unwrap();
    assert!(
        list_backups(&path).unwrap().is_empty(),
        "opening and saving make no backup"
    );

    let made = daily_backup(&path, BackupPace::BesideSaves)
        .unwrap()
        .expect("due");
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups_dir(&path).join(&backups[0].name), made);
    assert!(backups[0].name.starts_with("rapporteur-"), "{backups:?}");
    assert!(backups[0].name.ends_with("-daily.sqlite3"), "{backups:?}");
    // A file on its own, copied in steps from a database in WAL mode: nothing beside it.
    assert_eq!(file_names(&backups_dir(&path)), [backups[0].name.clone()]);
    let mode: String = Connection::open(&made)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert_eq!(titles(&made), ["初版"]);

    store.save_report(1, &retitled("第二版")).unwrap();
    drop(store);
    Store::open(&path).unwrap();
    assert_eq!(
        daily_backup(&path, BackupPace::BesideSaves).unwrap(),
        None,
        "not again the same day"
    );
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

/// The daily backup runs beside the app's saves: on a connection of its own, holding no
/// lock a save waits for, and copying the database as it was when it began.
#[test]
fn saves_go_on_while_the_daily_backup_is_written() {
    let (_dir, path, mut store) = temp_store();
    let reports: Vec<Report> = (0..80).map(|n| retitled(&format!("報告 {n}"))).collect();
    let newest = *store.add_reports(&reports).unwrap().last().unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let backup = {
        let (path, done) = (path.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let made = daily_backup(&path, BackupPace::BesideSaves);
            done.store(true, Ordering::SeqCst);
            made
        })
    };
    // Until the backup has begun writing its file.
    let partial = || {
        std::fs::read_dir(backups_dir(&path))
            .map(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            })
            .unwrap_or(false)
    };
    while !partial() && !done.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let mut during = 0;
    let mut n = 0;
    while !done.load(Ordering::SeqCst) {
        n += 1;
        store
            .save_report(newest, &retitled(&format!("保存 {n}")))
            .expect("a save during the backup");
        during += usize::from(!done.load(Ordering::SeqCst));
    }
    let made = backup.join().unwrap().unwrap().expect("due");
    assert!(during > 0, "no save finished while the backup was written");
    assert_eq!(
        titles(&made)[78..],
        ["報告 78", "報告 79"],
        "the backup holds the database as it was when it began"
    );
    assert_eq!(
        store.report(newest).unwrap().report.title,
        format!("保存 {n}")
    );
}

#[test]
fn only_the_newest_backups_are_kept() {
    let (_dir, path, mut store) = temp_store();
    store.create_report(&retitled("0")).unwrap();
    let mut made = Vec::new();
    for n in 1..=KEPT_BACKUPS + 2 {
        store.save_report(1, &retitled(&n.to_string())).unwrap();
        made.push(back_up(&path, BackupReason::Manual).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let kept = list_backups(&path).unwrap();
    assert_eq!(kept.len(), KEPT_BACKUPS);
    let newest = &made[made.len() - 1];
    assert_eq!(
        backups_dir(&path).join(&kept[0].name),
        *newest,
        "newest first"
    );
    assert_eq!(titles(newest), [(KEPT_BACKUPS + 2).to_string()]);
    assert!(
        !made[0].exists() && !made[1].exists(),
        "the two oldest went"
    );
    assert!(made[2].exists());
    // Only whole backups: no partial file is left behind.
    let files = std::fs::read_dir(backups_dir(&path)).unwrap().count();
    assert_eq!(files, KEPT_BACKUPS);
}

#[test]
fn a_restore_puts_the_backup_back_and_keeps_the_database_it_replaced() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&retitled("バックアップ時")).unwrap();
    let backup = back_up(&path, BackupReason::Manual).unwrap();
    store.save_report(id, &retitled("後の編集")).unwrap();
    drop(store);

    let name = backup.file_name().unwrap().to_str().unwrap();
    let saved = restore_backup(&path, name).unwrap().unwrap();
    assert!(saved
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .ends_with("-before-restore.sqlite3"));
    assert_eq!(titles(&saved), ["後の編集"], "what was replaced is kept");

    let store = Store::open(&path).unwrap();
    assert_eq!(store.report(id).unwrap().report.title, "バックアップ時");
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "back in WAL mode after the restore");
}

/// The red team's case: with ten backups kept, restoring the oldest. The backup the
/// restore makes first used to drop the oldest (the one being restored) in its
/// housekeeping, and SQLite then opened the missing path as a new, empty database and
/// copied that over the live one.
#[test]
fn restoring_the_oldest_of_a_full_rotation_brings_its_reports_back() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&retitled("0")).unwrap();
    let mut made = Vec::new();
    for n in 1..=KEPT_BACKUPS {
        store.save_report(id, &retitled(&n.to_string())).unwrap();
        made.push(back_up(&path, BackupReason::Manual).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    store.save_report(id, &retitled("最新")).unwrap();
    drop(store);
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), KEPT_BACKUPS, "a full rotation");
    let oldest = &backups.last().unwrap().name;
    assert_eq!(backups_dir(&path).join(oldest), made[0]);

    let saved = restore_backup(&path, oldest).unwrap().unwrap();
    assert_eq!(titles(&saved), ["最新"], "what was replaced is kept");
    assert!(made[0].exists(), "the restored backup is still there");
    assert_eq!(list_backups(&path).unwrap().len(), KEPT_BACKUPS + 1);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.report(id).unwrap().report.title,
        "1",
        "its data is back"
    );
    assert_eq!(store.history(id).unwrap().len(), 2, "revisions 0 and 1");
    drop(store);

    // The next backup's housekeeping brings the rotation back to ten.
    back_up(&path, BackupReason::Manual).unwrap();
    assert_eq!(list_backups(&path).unwrap().len(), KEPT_BACKUPS);
    assert!(!made[0].exists());
}

#[test]
fn a_backup_without_reports_is_not_restored_over_the_database() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    let empty = back_up(&path, BackupReason::Manual).unwrap();
    let mut store = Store::open(&path).unwrap();
    store.create_report(&example()).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();

    let err = restore_backup(&path, empty.file_name().unwrap().to_str().unwrap()).unwrap_err();
    assert!(
        matches!(&err, StoreError::EmptyBackup { path: p } if *p == empty),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .ends_with("the backup holds no reports; restoring it would empty the database, so nothing was changed"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(list_backups(&path).unwrap().len(), 1, "no backup was made");
}

#[test]
fn a_restore_is_refused_while_another_process_has_the_database_open() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&retitled("バックアップ時")).unwrap();
    let backup = back_up(&path, BackupReason::Manual).unwrap();
    store
        .save_report(id, &retitled("開いている間の編集"))
        .unwrap();
    let before = list_backups(&path).unwrap();

    let name = backup.file_name().unwrap().to_str().unwrap();
    let err = restore_backup(&path, name).unwrap_err();
    assert!(
        matches!(&err, StoreError::InUse { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("has the database open; nothing was changed: close them and try again"),
        "{err}"
    );
    assert_eq!(store.report(id).unwrap().report.title, "開いている間の編集");
    assert_eq!(list_backups(&path).unwrap(), before, "no backup was made");
}

#[test]
fn a_damaged_database_is_restored_from_a_backup_and_kept_as_it_was() {
    let (_dir, path, mut store) = temp_store();
    for _ in 0..3 {
        store.create_report(&example()).unwrap();
    }
    let backup = back_up(&path, BackupReason::Manual).unwrap();
    drop(store);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[10 * 4096..11 * 4096].fill(0x5a);
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Damaged { .. })
    ));

    let name = backup.file_name().unwrap().to_str().unwrap();
    let saved = restore_backup(&path, name).unwrap().unwrap();
    // Kept byte for byte but for the file header's bookkeeping: the restore takes the
    // database out of WAL mode before copying it, which SQLite records (journal mode,
    // change counter) in the first 100 bytes.
    let kept = std::fs::read(&saved).unwrap();
    assert_eq!((kept[18], kept[19]), (1, 1), "out of WAL mode");
    assert!(
        kept.len() == bytes.len() && kept[100..] == bytes[100..] && kept[..18] == bytes[..18],
        "the damaged file is kept as it was"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_reports().unwrap().len(), 3);
    let restored = store.report(2).unwrap().report;
    assert_eq!(rapporteur_model::uid::cleared(&restored), example());
}

#[test]
fn a_missing_or_bad_backup_is_refused_before_anything_changes() {
    let (_dir, path, mut store) = temp_store();
    store.create_report(&example()).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();

    let err = restore_backup(&path, "rapporteur-nothing.sqlite3").unwrap_err();
    assert!(matches!(err, StoreError::NoSuchBackup { .. }), "{err:?}");
    assert!(err.to_string().contains("see rapporteur-cli backup list"));

    let newer = back_up(&path, BackupReason::Manual).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let err = restore_backup(&path, newer.file_name().unwrap().to_str().unwrap()).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 999, .. }),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(list_backups(&path).unwrap().len(), 1, "no backup was made");
}

/// What a command changed on this machine (it needs root, as these tests run), undone by
/// another command when dropped, whatever the test's outcome.
struct Changed(Vec<OsString>);

impl Changed {
    fn by(command: &[&OsStr], undo: &[&OsStr]) -> Changed {
        let status = Command::new(command[0])
            .args(&command[1..])
            .status()
            .unwrap_or_else(|e| panic!("{command:?}: {e}"));
        assert!(status.success(), "{command:?}");
        Changed(undo.iter().map(|arg| arg.to_os_string()).collect())
    }
}

impl Drop for Changed {
    fn drop(&mut self) {
        let _ = Command::new(&self.0[0]).args(&self.0[1..]).status();
    }
}

/// `path` given the immutable attribute, which binds root too.
fn immutable(path: &Path) -> Changed {
    let (os, path) = (OsStr::new, path.as_os_str());
    Changed::by(
        &[os("chattr"), os("+i"), path],
        &[os("chattr"), os("-i"), path],
    )
}

/// A small file system mounted over `dir`: how a test meets a full disk without filling
/// the real one.
fn small_disk(dir: &Path, size: &str) -> Changed {
    std::fs::create_dir_all(dir).unwrap();
    let (os, dir, options) = (OsStr::new, dir.as_os_str(), format!("size={size}"));
    Changed::by(
        &[
            os("mount"),
            os("-t"),
            os("tmpfs"),
            os("-o"),
            os(&options),
            os("tmpfs"),
            dir,
        ],
        &[os("umount"), os("-l"), dir],
    )
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_remains_of_killed_backups_are_removed_but_not_one_being_written() {
    let (_dir, path) = db_with_examples(1);
    let dir = backups_dir(&path);
    std::fs::create_dir_all(&dir).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let partial = |name: &str| {
        let file = std::fs::File::create(dir.join(name)).unwrap();
        std::io::Write::write_all(&mut &file, &[0x5a; 4096]).unwrap();
        file.set_modified(an_hour_ago).unwrap();
        file
    };
    drop(partial(
        "rapporteur-2026-01-01T00-00-00.000Z-daily.sqlite3.partial",
    ));
    // Another process's backup in progress holds its lock, however long it takes.
    let writing = partial("rapporteur-2026-01-02T00-00-00.000Z-manual.sqlite3.partial");
    let other =
        std::fs::File::open(dir.join("rapporteur-2026-01-02T00-00-00.000Z-manual.sqlite3.partial"))
            .unwrap();
    other.lock().unwrap();
    // One just created, not locked yet: too recent to judge.
    std::fs::write(
        dir.join("rapporteur-2026-01-03T00-00-00.000Z-manual.sqlite3.partial"),
        "",
    )
    .unwrap();

    let made = back_up(&path, BackupReason::Manual).unwrap();
    assert_eq!(
        file_names(&dir),
        [
            "rapporteur-2026-01-02T00-00-00.000Z-manual.sqlite3.partial".to_owned(),
            "rapporteur-2026-01-03T00-00-00.000Z-manual.sqlite3.partial".to_owned(),
            made.file_name().unwrap().to_string_lossy().into_owned(),
        ]
    );
    drop((writing, other));
}

#[test]
fn a_backup_dated_in_the_future_does_not_stop_the_daily_backups() {
    let (_dir, path) = db_with_examples(1);
    // Made while the clock was wrong: its name says 2099.
    let made = back_up(&path, BackupReason::Manual).unwrap();
    let future = backups_dir(&path).join("rapporteur-2099-01-01T00-00-00.000Z-daily.sqlite3");
    std::fs::rename(&made, &future).unwrap();
    assert_eq!(
        list_backups(&path).unwrap()[0].name,
        "rapporteur-2099-01-01T00-00-00.000Z-daily.sqlite3"
    );

    assert!(daily_backup(&path, BackupPace::BesideSaves)
        .unwrap()
        .is_some());
    let backups = list_backups(&path).unwrap();
    assert_eq!(
        backups.len(),
        2,
        "today's daily backup was made: {backups:?}"
    );
    assert!(backups[1].name.ends_with("-daily.sqlite3"), "{backups:?}");
    assert_eq!(
        daily_backup(&path, BackupPace::BesideSaves).unwrap(),
        None,
        "and only once a day"
    );
    assert_eq!(list_backups(&path).unwrap().len(), 2);
}

#[test]
fn a_backup_on_a_full_disk_says_so_and_leaves_nothing_behind() {
    let (_dir, path) = db_with_examples(4);
    let before = std::fs::read(&path).unwrap();
    let dir = backups_dir(&path);
    let _disk = small_disk(&dir, "64k");

    // Written at once (asked for) and in steps (the app's daily one, beside the saves).
    for pace in [BackupPace::AtOnce, BackupPace::BesideSaves] {
        let err = match pace {
            BackupPace::AtOnce => back_up(&path, BackupReason::Manual).unwrap_err(),
            BackupPace::BesideSaves => daily_backup(&path, pace).unwrap_err(),
        };
        assert!(
            matches!(&err, StoreError::BackupDiskFull { dir: d } if *d == dir),
            "{pace:?}: {err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}: the disk is full; no backup was made and the database is as it was: free some space and try again",
                dir.display()
            )
        );
        assert!(
            file_names(&dir).is_empty(),
            "no partial backup is left: {:?}",
            file_names(&dir)
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

#[test]
fn a_read_only_backups_folder_says_so() {
    let (_dir, path) = db_with_examples(1);
    let dir = backups_dir(&path);
    std::fs::create_dir_all(&dir).unwrap();
    let _immutable = immutable(&dir);

    let err = back_up(&path, BackupReason::Manual).unwrap_err();
    assert!(
        matches!(&err, StoreError::BackupsReadOnly { dir: d } if *d == dir),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the backups folder cannot be written; no backup was made and the database is as it was: make the folder writable and try again",
            dir.display()
        )
    );
}

#[test]
fn a_restore_onto_an_immutable_database_says_so_and_changes_nothing() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&retitled("バックアップ時")).unwrap();
    let backup = back_up(&path, BackupReason::Manual).unwrap();
    store.save_report(id, &retitled("後の編集")).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let _immutable = immutable(&path);

    let err = restore_backup(&path, backup.file_name().unwrap().to_str().unwrap()).unwrap_err();
    assert!(
        matches!(&err, StoreError::CannotReplace { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string().ends_with(
            "the database file cannot be replaced (it is read-only or immutable); nothing was changed: make it writable (chmod u+w, chattr -i) and try again"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(list_backups(&path).unwrap().len(), 1, "no backup was made");
}
