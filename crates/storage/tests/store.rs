//! The store against real SQLite files in a temporary folder.

use chrono::NaiveDate;
use rapporteur_model::uid::cleared;
use rapporteur_model::{Action, Block, Report};
use rapporteur_storage::{Store, StoreError, KEPT_REVISIONS, SCHEMA_VERSION};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;
use common::{
    count, db_with_examples, dump::dump, example, retitled, temp_db, temp_store, EXAMPLE,
};

fn outcome_rows(path: &Path) -> i64 {
    count(path, "SELECT count(*) FROM outcomes")
}

#[test]
fn a_report_is_stored_listed_and_read_back_whole_across_reopening() {
    let (_dir, path) = temp_db();
    let id = Store::open(&path)
        .unwrap()
        .create_report(&example())
        .unwrap();

    let store = Store::open(&path).unwrap();
    let list = store.list_reports().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].title, "ITU-T SG17第2回会合報告");
    assert_eq!(list[0].group, "SG17");
    assert_eq!(list[0].ordinal, Some(2));
    assert_eq!(list[0].start, NaiveDate::from_ymd_opt(2025, 12, 3));
    assert_eq!(list[0].revision, 1);
    let stored = store.report(id).unwrap();
    // What the report says, and every element with the identity the store gave it.
    assert_eq!(cleared(&stored.report), example());
    assert!(!rapporteur_model::uid::any_missing(&stored.report));
    assert_eq!(stored.revision, 1);
    assert_eq!(
        outcome_rows(&path),
        99,
        "every outcome of the example is in the registry index"
    );
}

#[test]
fn the_database_uses_wal_and_enforces_foreign_keys() {
    let (_dir, path, _store) = temp_store();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn every_save_adds_a_revision_and_any_kept_one_can_be_restored() {
    let (_dir, _, mut store) = temp_store();
    let original = example();
    let id = store.create_report(&original).unwrap();

    let mut edited = original.clone();
    edited.title = "ITU-T SG17第2回会合報告（改訂）".to_owned();
    assert_eq!(store.save_report(id, &edited).unwrap(), 2);
    assert_eq!(
        store.save_report(id, &edited).unwrap(),
        2,
        "saving the same report again adds no revision"
    );
    let stored = store.report(id).unwrap();
    assert_eq!(stored.revision, 2);
    assert!(
        stored.created_at < stored.saved_at,
        "created with revision 1, saved as 2"
    );

    let history = store.history(id).unwrap();
    let numbers: Vec<u32> = history.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(history[0].title, "ITU-T SG17第2回会合報告（改訂）");
    assert_eq!(cleared(&store.revision(id, 1).unwrap()), original);

    assert_eq!(
        store.restore(id, 1).unwrap(),
        3,
        "restoring is itself a new revision"
    );
    // The report as it was, its elements' identities included.
    assert_eq!(
        store.report(id).unwrap().report,
        store.revision(id, 1).unwrap()
    );
    assert_eq!(
        store.history(id).unwrap().len(),
        3,
        "the revision restored over stays in the history"
    );
    assert_eq!(
        store.list_reports().unwrap()[0].title,
        original.title,
        "the library shows the restored title"
    );

    assert!(
        matches!(store.restore(id, 99), Err(StoreError::NoSuchRevision { report, revision: 99 }) if report == id)
    );
}

#[test]
fn only_the_last_revisions_are_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let mut report = Report::new("T", "ITU-T", "SG17");
    let id = store.create_report(&report).unwrap();
    for n in 0..KEPT_REVISIONS + 5 {
        report.title = format!("T{n}");
        store.save_report(id, &report).unwrap();
    }
    let history = store.history(id).unwrap();
    assert_eq!(history.len() as u32, KEPT_REVISIONS);
    assert_eq!(history[0].number, KEPT_REVISIONS + 6);
    assert_eq!(history.last().unwrap().number, 7);
}

#[test]
fn a_refused_save_leaves_the_database_exactly_as_it_was() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let before = dump(&path);

    let mut bad = example();
    bad.sections[1].sections[0].heading = None;
    let err = store.save_report(id, &bad).unwrap_err();
    assert_eq!(err.to_string(), "the report is not valid: sections[1].sections[0].heading: missing; expected a string (only a section with a working_party may omit its heading)");
    assert_eq!(dump(&path), before);
}

/// A report whose file would be larger than a report file may be (the red team's 30 MiB
/// Word import): a paragraph of `bytes` bytes added to the example.
fn too_large(bytes: usize) -> Report {
    let mut report = example();
    report.sections[0]
        .blocks
        .push(rapporteur_model::Block::Paragraph {
            uid: Default::default(),
            text: "量".repeat(bytes / 3),
            boilerplate: false,
        });
    report
}

#[path = "../../format/tests/support/nested.rs"]
mod nested;

/// The example with sections nested `levels` deep beside its own.
fn nested(levels: usize) -> Report {
    nested::with_sections_nested(example(), levels)
}

#[test]
fn a_report_too_large_or_too_deep_for_a_file_is_refused_by_every_way_in() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let before = dump(&path);
    let limit = rapporteur_format::MAX_REPORT_FILE as usize;

    let large = too_large(limit);
    let err = store.save_report(id, &large).unwrap_err();
    // The size of the file the store would write: every element with an identity.
    let mut sized = large.clone();
    rapporteur_model::uid::complete(&mut sized);
    let bytes = rapporteur_format::write_report(&sized).len();
    assert_eq!(
        err.to_string(),
        format!("the report is not valid: (top level): the report file would be {bytes} bytes; a report file holds at most {limit} bytes: shorten the report or split it in two")
    );
    assert!(matches!(
        err,
        StoreError::Invalid(rapporteur_format::FormatError::TooLarge { .. })
    ));
    let err = store.add_reports(&[example(), large.clone()]).unwrap_err();
    assert!(
        err.to_string().contains("a report file holds at most"),
        "{err}"
    );
    assert!(store.create_report(&large).is_err());
    assert!(store.add_once("large", &large).is_err());
    assert!(store.save_template("大きすぎる", &large).is_err());

    let deep = nested(70);
    let err = store.save_report(id, &deep).unwrap_err();
    let path_of_deepest = format!(
        "sections[{}]{}",
        example().sections.len(),
        ".sections[0]".repeat(69)
    );
    assert!(
        err.to_string().starts_with(&format!(
            "the report is not valid: {path_of_deepest}: sections are nested too deeply"
        )),
        "{err}"
    );
    assert!(store.create_report(&deep).is_err());

    assert_eq!(dump(&path), before, "nothing changed");
    assert_eq!(cleared(&store.report(id).unwrap().report), example());
}

#[test]
fn a_report_just_within_the_limits_is_stored_and_exports_as_a_file_that_reads_back() {
    let mut store = Store::open_in_memory().unwrap();
    // Deep nesting, and close to the largest size a report file may have.
    let mut report = nested(60);
    report.sections[0]
        .blocks
        .push(rapporteur_model::Block::Paragraph {
            uid: Default::default(),
            text: "量".repeat((rapporteur_format::MAX_REPORT_FILE as usize - 200_000) / 3),
            boilerplate: false,
        });
    let id = store.create_report(&report).unwrap();
    let stored = store.report(id).unwrap().report;
    let file = rapporteur_format::write_report(&stored);
    assert!(file.len() as u64 <= rapporteur_format::MAX_REPORT_FILE);
    assert_eq!(
        cleared(&rapporteur_format::read_report(&file).unwrap()),
        report
    );
}

#[test]
fn a_save_that_fails_half_way_leaves_the_database_exactly_as_it_was() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    // Make the last write of a save fail, after the revision and the summary were written.
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TRIGGER fail_index BEFORE INSERT ON outcomes BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;")
        .unwrap();
    let before = dump(&path);

    let edited = retitled("新しい題名");
    let err = store.save_report(id, &edited).unwrap_err();
    assert!(err.to_string().contains("disk on fire"), "{err}");
    assert_eq!(dump(&path), before);
    assert_eq!(cleared(&store.report(id).unwrap().report), example());
}

#[test]
fn adding_several_reports_is_all_or_nothing() {
    let (_dir, path, mut store) = temp_store();
    store.create_report(&example()).unwrap();
    let before = dump(&path);
    let mut bad = example();
    bad.sections[0].heading = None;
    let err = store.add_reports(&[example(), bad]).unwrap_err();
    assert!(err.to_string().contains("sections[0].heading"), "{err}");
    assert_eq!(dump(&path), before);
    let ids = store.add_reports(&[example(), example()]).unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(store.list_reports().unwrap().len(), 3);
}

#[test]
fn a_deleted_report_leaves_the_library_and_can_come_back() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_report(&example()).unwrap();
    store.delete_report(id).unwrap();
    assert!(store.list_reports().unwrap().is_empty());
    assert!(matches!(store.report(id), Err(StoreError::NotFound(n)) if n == id));
    assert!(matches!(
        store.save_report(id, &example()),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.delete_report(id),
        Err(StoreError::NotFound(_))
    ));
    store.undelete_report(id).unwrap();
    assert_eq!(cleared(&store.report(id).unwrap().report), example());
}

#[test]
fn the_example_is_added_once_in_the_life_of_a_database() {
    let (_dir, path, mut store) = temp_store();
    let id = store
        .add_once("example", &example())
        .unwrap()
        .expect("added the first time");
    assert_eq!(store.add_once("example", &example()).unwrap(), None);
    store.delete_report(id).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.add_once("example", &example()).unwrap(),
        None,
        "a deleted example does not come back"
    );
}

#[test]
fn the_registry_index_follows_the_newest_revision() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let mut edited = example();
    let Block::Question(q) = &mut edited.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    q.outcomes.truncate(1);
    q.outcomes[0].action = Action::Determined;
    store.save_report(id, &edited).unwrap();
    assert_eq!(outcome_rows(&path), 99 - 16);
    let action: String = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT action FROM outcomes WHERE item_id = 'X.1250rev'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(action, "determined");
    store.restore(id, 1).unwrap();
    assert_eq!(outcome_rows(&path), 99);
}

/// The example with its meeting's dates, its title and the title of X.1250rev changed.
fn variant(title: &str, start: Option<&str>, item_title: &str) -> Report {
    let mut report = example();
    report.title = title.to_owned();
    report.meeting.start = start.map(|s| s.parse().unwrap());
    report.meeting.end = report.meeting.start;
    let Block::Question(q) = &mut report.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    assert_eq!(q.outcomes[0].id.as_deref(), Some("X.1250rev"));
    q.outcomes[0].title = item_title.to_owned();
    report
}

#[test]
fn the_titles_of_an_item_come_from_the_other_reports_newest_meeting_first() {
    let mut store = Store::open_in_memory().unwrap();
    let current = store.create_report(&example()).unwrap();
    let mut april = variant("第1回", Some("2025-04-08"), "Old title");
    // Listed twice with the same title: one row for the report.
    let Block::Question(q) = &mut april.sections[2].sections[0].blocks[1] else {
        panic!()
    };
    let mut twice = q.outcomes[0].clone();
    twice.id = Some("X.1250rev".to_owned());
    twice.title = "Old title".to_owned();
    q.outcomes.push(twice);
    let april = store.create_report(&april).unwrap();
    let undated = store
        .create_report(&variant("日付なし", None, "Undated title"))
        .unwrap();
    let older = store
        .create_report(&variant("第9回", Some("2023-09-01"), "Oldest title"))
        .unwrap();
    let deleted = store
        .create_report(&variant("削除", Some("2025-09-01"), "Deleted title"))
        .unwrap();
    store.delete_report(deleted).unwrap();

    let titles = store.item_titles("X.1250rev", Some(current)).unwrap();
    let seen: Vec<(i64, &str, Option<String>, &str)> = titles
        .iter()
        .map(|t| {
            (
                t.report,
                t.report_title.as_str(),
                t.meeting_start.map(|d| d.to_string()),
                t.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (april, "第1回", Some("2025-04-08".to_owned()), "Old title"),
            (
                older,
                "第9回",
                Some("2023-09-01".to_owned()),
                "Oldest title"
            ),
            (undated, "日付なし", None, "Undated title"),
        ]
    );
    let all = store.item_titles("X.1250rev", None).unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].report, current);
    assert_eq!(
        all[0].title,
        "Baseline capabilities for enhanced identity management and interoperability"
    );
    assert!(store.item_titles("X.9999", None).unwrap().is_empty());
}

/// The history the checks compare titles with: every work item of the checked report,
/// from the other reports only, with the report's title and meeting start.
#[test]
fn the_checks_history_has_every_item_of_the_report_from_the_other_reports() {
    let mut store = Store::open_in_memory().unwrap();
    let current = store.create_report(&example()).unwrap();
    store
        .create_report(&variant("第1回", Some("2025-04-08"), "Old title"))
        .unwrap();
    let history = store.earlier_titles(&example(), Some(current)).unwrap();
    let report = example();
    let ids: BTreeSet<String> = report
        .outcomes()
        .into_iter()
        .filter_map(|(_, _, o)| o.id.clone())
        .collect();
    assert!(ids.len() > 5);
    assert_eq!(history.keys().cloned().collect::<BTreeSet<_>>(), ids);
    let titles = &history["X.1250rev"];
    assert_eq!(
        titles.len(),
        1,
        "its own stored copy is left out: {titles:?}"
    );
    assert_eq!(titles[0].title, "Old title");
    assert_eq!(titles[0].report_title, "第1回");
    assert_eq!(titles[0].meeting_start, Some("2025-04-08".parse().unwrap()));
    // Without an exception the report's own stored copy counts too.
    assert_eq!(
        store.earlier_titles(&example(), None).unwrap()["X.1250rev"].len(),
        2
    );
}

#[test]
fn a_database_of_every_earlier_schema_opens_and_keeps_its_reports() {
    // Schema 0 is a new, empty file; for every later one, fill the database the way
    // that schema's build would have, then open it with this build.
    for version in 0..=SCHEMA_VERSION {
        let (_dir, path) = temp_db();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let conn = Connection::open(&path).unwrap();
        for sql in &rapporteur_storage_migrations()[..version as usize] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        if version >= 1 {
            // Schema 7 renamed the library's `updated_at` to `saved_at`.
            let saved_at = if version >= 7 {
                "saved_at"
            } else {
                "updated_at"
            };
            conn.execute_batch(&format!(
                "INSERT INTO reports (id, created_at, {saved_at}, head_revision, title, organization, group_name)
                 VALUES (7, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', 1, 'ITU-T SG17第2回会合報告', 'ITU-T', 'SG17');
                 INSERT INTO revisions (report_id, number, saved_at, document)
                 VALUES (7, 1, '2026-01-01 00:00:00+00:00', '{}');",
                EXAMPLE.replace('\'', "''")
            ))
            .unwrap();
        }
        drop(conn);
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        if version >= 1 {
            assert_eq!(
                cleared(&store.report(7).unwrap().report),
                example(),
                "schema {version}"
            );
            store.save_report(7, &example()).unwrap();
            if version < 2 {
                // Reports stored before search existed are indexed when it arrives.
                let found = store.search("量子ベース", 10).unwrap();
                assert_eq!(found.len(), 2, "schema {version}");
                assert!(found.iter().all(|hit| hit.report == 7));
            }
        } else {
            assert!(store.list_reports().unwrap().is_empty());
        }
        let now: i64 = Connection::open(&path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(now, SCHEMA_VERSION);
    }
}

/// The migrations as released, read from the files this build embeds.
fn rapporteur_storage_migrations() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len() as i64, SCHEMA_VERSION, "one file per migration");
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let (_dir, path) = db_with_examples(1);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1));
    assert!(
        err.to_string()
            .contains("made by a newer version of Rapporteur"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(
        !rapporteur_storage::backups_dir(&path).exists(),
        "not even a backup was written"
    );
}

#[test]
fn a_file_that_is_not_ours_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "これはデータベースではありません。".repeat(300)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(
        err.to_string()
            .ends_with("not a Rapporteur database (the file is not an SQLite database)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let other = path.with_file_name("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (n INTEGER);")
        .unwrap();
    let err = Store::open(&other).err().expect("refused");
    assert!(
        err.to_string()
            .contains("it holds 1 table(s) of another program and no Rapporteur schema"),
        "{err}"
    );
}

#[test]
fn a_second_writer_holding_the_database_too_long_gives_a_clear_error_and_loses_nothing() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let before = dump(&path);

    let edited = retitled("待たされた編集");
    let err = store.save_report(id, &edited).unwrap_err();
    assert!(
        matches!(&err, StoreError::Busy { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("this change was not saved: try again"),
        "{err}"
    );
    assert_eq!(dump(&path), before);

    // Once the other writer is done, the same save goes through.
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.save_report(id, &edited).unwrap(), 2);
}

#[test]
fn a_full_disk_refuses_the_save_and_keeps_everything_saved_before() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let pages: u32 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    // Room for nothing more: the next revision (60 KB) needs new pages.
    store.cap_pages_for_tests(pages).unwrap();
    let before = dump(&path);

    let edited = retitled("入らない編集");
    let err = store.save_report(id, &edited).unwrap_err();
    assert!(
        matches!(&err, StoreError::DiskFull { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string().ends_with(
            "the disk is full; this change was not saved and the database is as it was: free some space and try again"
        ),
        "{err}"
    );
    assert_eq!(dump(&path), before);
    assert_eq!(cleared(&store.report(id).unwrap().report), example());
}

/// Makes `dir` and the files in it read-only for this process. Permissions do not bind
/// root (as these tests may run), so for root the immutable attribute is set as well,
/// which binds everyone; `writable_again` undoes both.
fn make_read_only(dir: &Path) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    set_mode(dir, &files, 0o555, 0o444);
    let probe = dir.join("probe");
    if std::fs::write(&probe, "").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        let status = std::process::Command::new("chattr")
            .arg("+i")
            .args(&files)
            .arg(dir)
            .status()
            .expect("chattr, to make a folder read-only for root");
        assert!(status.success(), "chattr +i failed");
        assert!(
            std::fs::write(&probe, "").is_err(),
            "{}: cannot make the folder read-only for this process",
            dir.display()
        );
    }
}

fn writable_again(dir: &Path) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // Fails harmlessly where the attribute was never set (not root).
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(dir)
        .args(&files)
        .stderr(std::process::Stdio::null())
        .status();
    set_mode(dir, &files, 0o755, 0o644);
}

fn set_mode(dir: &Path, files: &[PathBuf], dir_mode: u32, file_mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    for file in files {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(file_mode)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(dir_mode)).unwrap();
}

#[test]
fn a_read_only_data_folder_is_refused_with_a_clear_message_and_left_as_it_is() {
    let (_dir, path) = db_with_examples(1);
    let folder = path.parent().unwrap();
    let before = std::fs::read(&path).unwrap();
    make_read_only(folder);

    let opened = Store::open(&path);
    let fresh = Store::open(&folder.join("new.sqlite3"));
    let after = std::fs::read(&path).unwrap();
    writable_again(folder);

    let err = opened.err().expect("refused");
    assert!(
        matches!(&err, StoreError::ReadOnly { path: p } if *p == path),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("the database cannot be written (the file or its folder is read-only); nothing was changed"),
        "{err}"
    );
    assert_eq!(after, before);
    let err = fresh.err().expect("refused");
    assert!(
        matches!(&err, StoreError::CannotOpen { .. }),
        "a new database in a read-only folder: {err:?}"
    );
    assert!(err.to_string().contains("new.sqlite3"), "{err}");
}

#[test]
fn a_damaged_database_is_refused_and_left_byte_for_byte_as_it_was() {
    let (_dir, path) = db_with_examples(3);
    let good = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(good.len() > 20 * page);

    // Garbage over a page in the middle; then a file cut short.
    let mut scribbled = good.clone();
    scribbled[10 * page..11 * page].fill(0x5a);
    let cut = good[..good.len() / 2].to_vec();
    for (what, bytes) in [("scribbled", scribbled), ("cut short", cut)] {
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).err().expect(what);
        assert!(
            matches!(&err, StoreError::Damaged { path: p, .. } if *p == path),
            "{what}: {err:?}"
        );
        assert!(
            err.to_string().contains("the database is damaged")
                && err.to_string().contains("backup restore"),
            "{what}: {err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}");
    }
}

#[test]
fn a_database_made_by_every_released_schema_opens_upgrades_and_keeps_its_reports() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut tried = Vec::new();
    for version in 1..=SCHEMA_VERSION {
        let fixture = fixtures.join(format!("schema-{version}.sqlite3"));
        if !fixture.exists() {
            continue; // Not released yet.
        }
        tried.push(version);
        let (_dir, path) = temp_db();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::copy(&fixture, &path).unwrap();

        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        let list = store.list_reports().unwrap();
        assert_eq!(list.len(), 1, "schema {version}");
        assert_eq!(
            cleared(&store.report(1).unwrap().report),
            example(),
            "schema {version}"
        );
        assert!(matches!(store.report(2), Err(StoreError::NotFound(2))));
        // Search and the id suggestions read what the upgrade derived from the reports:
        // search in document order, every id with its title.
        let hits: Vec<String> = store
            .search("量子ベース", 50)
            .unwrap()
            .into_iter()
            .map(|h| format!("{} {}", h.report, h.path))
            .collect();
        assert_eq!(
            hits,
            [
                "1 sections[2].sections[0].working_party.title",
                "1 sections[2].sections[0].blocks[2].scope"
            ],
            "schema {version}"
        );
        let ids: BTreeSet<String> = example()
            .outcomes()
            .into_iter()
            .filter_map(|(_, _, o)| o.id.clone())
            .collect();
        for id in &ids {
            let found = store.item_suggestions(id, None, 50).unwrap();
            assert!(found.iter().any(|s| &s.id == id), "schema {version}: {id}");
        }
        store.undelete_report(2).unwrap();
        assert_eq!(cleared(&store.report(2).unwrap().report), example());
        let edited = retitled("改訂");
        assert_eq!(store.save_report(1, &edited).unwrap(), 2);
        // The history lists what stands beside each revision, upgraded ones included.
        let titles: Vec<String> = store
            .history(1)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect();
        assert_eq!(
            titles,
            ["改訂", example().title.as_str()],
            "schema {version}"
        );
        let entries: Vec<(u32, u32, String)> = store
            .entries(1)
            .unwrap()
            .into_iter()
            .map(|e| (e.first, e.last, e.title))
            .collect();
        assert_eq!(
            entries,
            [(2, 2, "改訂".to_owned()), (1, 1, example().title)],
            "schema {version}"
        );
        let now: i64 = Connection::open(&path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(now, SCHEMA_VERSION);

        // An upgrade keeps a backup of the database as the older build left it.
        let upgrades: Vec<_> = rapporteur_storage::list_backups(&path)
            .unwrap()
            .into_iter()
            .filter(|b| b.name.ends_with("-before-upgrade.sqlite3"))
            .collect();
        assert_eq!(upgrades.len(), usize::from(version < SCHEMA_VERSION));
        for backup in upgrades {
            let kept: i64 =
                Connection::open(rapporteur_storage::backups_dir(&path).join(backup.name))
                    .unwrap()
                    .pragma_query_value(None, "user_version", |r| r.get(0))
                    .unwrap();
            assert_eq!(kept, version);
        }
    }
    assert!(tried.contains(&1), "the fixture of schema 1 is there");
}
