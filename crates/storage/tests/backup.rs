//! Rolling backups and their restore, on real files in a temporary folder.

use rapporteur_format::read_report;
use rapporteur_model::Report;
use rapporteur_storage::{
    back_up, backups_dir, list_backups, restore_backup, BackupReason, Store, StoreError,
    KEPT_BACKUPS,
};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn example() -> Report {
    read_report(EXAMPLE).unwrap()
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapporteur.sqlite3");
    (dir, path)
}

/// The titles of the reports in a database file, read without the store (which would
/// back up the backup).
fn titles(path: &Path) -> Vec<String> {
    Connection::open(path)
        .unwrap()
        .prepare("SELECT title FROM reports ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn retitled(title: &str) -> Report {
    let mut report = example();
    report.title = title.to_owned();
    report
}

#[test]
fn opening_a_database_backs_it_up_once_a_day() {
    let (_dir, path) = temp_db();
    Store::open(&path)
        .unwrap()
        .create_report(&retitled("初版"))
        .unwrap();
    assert!(
        list_backups(&path).unwrap().is_empty(),
        "a new, empty database has nothing to back up"
    );

    let mut store = Store::open(&path).unwrap();
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert!(backups[0].name.starts_with("rapporteur-"), "{backups:?}");
    assert!(backups[0].name.ends_with("-daily.sqlite3"), "{backups:?}");
    let backup = backups_dir(&path).join(&backups[0].name);
    assert_eq!(titles(&backup), ["初版"]);

    store.save_report(1, &retitled("第二版")).unwrap();
    drop(store);
    Store::open(&path).unwrap();
    assert_eq!(
        list_backups(&path).unwrap().len(),
        1,
        "not again the same day"
    );
}

#[test]
fn only_the_newest_backups_are_kept() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
    assert_eq!(store.report(2).unwrap().report, example());
}

#[test]
fn a_missing_or_bad_backup_is_refused_before_anything_changes() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
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
