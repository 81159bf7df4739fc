//! The history as people read it: the saves of a working session as one entry, on real
//! SQLite files.

use rapporteur_compare::{ChangeKind, ReportPart};
use rapporteur_model::Report;
use rapporteur_storage::{EntryStart, Store, KEPT_ENTRIES, KEPT_REVISIONS, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::Path;

mod common;
use common::{example, retitled, temp_db, temp_store};

fn titled(n: u32) -> Report {
    retitled(&format!("ITU-T SG17第2回会合報告（{n}）"))
}

/// Moves every save of report `id` an hour back, as if the user had paused that long.
fn pause(path: &Path, id: i64) {
    Connection::open(path)
        .unwrap()
        .execute(
            "UPDATE revisions SET saved_at = '2026-01-01 00:00:00+00:00' WHERE report_id = ?1",
            [id],
        )
        .unwrap();
}

/// Each entry of report `id`'s history, newest first, as its first and last revision and
/// what began it.
fn spans(store: &mut Store, id: i64) -> Vec<(u32, u32, Option<EntryStart>)> {
    store
        .entries(id)
        .unwrap()
        .iter()
        .map(|e| (e.first, e.last, e.began))
        .collect()
}

#[test]
fn the_saves_of_a_session_make_one_entry_and_a_pause_starts_the_next() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    for n in 1..=5 {
        store.save_report(id, &titled(n)).unwrap();
    }
    let entries = store.entries(id).unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(
        (entries[0].first, entries[0].last, entries[0].saves),
        (1, 6, 6)
    );
    assert_eq!(entries[0].began, Some(EntryStart::Created));
    assert_eq!(entries[0].title, "ITU-T SG17第2回会合報告（5）");

    pause(&path, id);
    for n in 6..=8 {
        store.save_report(id, &titled(n)).unwrap();
    }
    let entries = store.entries(id).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0].first, entries[0].last, entries[0].saves),
        (7, 9, 3)
    );
    assert_eq!(entries[0].began, Some(EntryStart::Pause));
    // Every save is still a revision of its own, and says which entry it is in.
    let history = store.history(id).unwrap();
    assert_eq!(history.len(), 9);
    assert_eq!(history[0].title, "ITU-T SG17第2回会合報告（8）");
    assert_eq!(history[0].entry, 7);
    assert_eq!(history[3].entry, 1);
    assert_eq!(history[0].author, None);
}

#[test]
fn each_entry_says_what_changed_in_it_and_says_it_again_when_it_grows() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    store.start_entry(id, EntryStart::Opened).unwrap();
    let mut report = example();
    report.meeting.end = report.meeting.end.map(|d| d.succ_opt().unwrap());
    store.save_report(id, &report).unwrap();
    let parts = |store: &mut Store| -> Vec<Vec<(ReportPart, ChangeKind)>> {
        store
            .entries(id)
            .unwrap()
            .iter()
            .map(|e| e.changes.iter().map(|c| (c.part, c.how)).collect())
            .collect()
    };
    assert_eq!(
        parts(&mut store),
        [
            vec![(ReportPart::Dates, ChangeKind::Edited)],
            vec![(ReportPart::Report, ChangeKind::Added)]
        ]
    );
    // Read again from what was kept, the same.
    assert_eq!(
        parts(&mut store)[0],
        [(ReportPart::Dates, ChangeKind::Edited)]
    );
    report.title.push_str("（案）");
    store.save_report(id, &report).unwrap();
    assert_eq!(
        parts(&mut store)[0],
        [
            (ReportPart::Title, ChangeKind::Edited),
            (ReportPart::Dates, ChangeKind::Edited)
        ]
    );
    // Another process's connection (the CLI) reads the same.
    assert_eq!(
        parts(&mut Store::open(&path).unwrap())[0],
        [
            (ReportPart::Title, ChangeKind::Edited),
            (ReportPart::Dates, ChangeKind::Edited)
        ]
    );
}

#[test]
fn opening_exporting_restoring_and_merging_each_start_a_new_entry() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let mut n = 0;
    for why in [EntryStart::Opened, EntryStart::Export, EntryStart::Merge] {
        store.start_entry(id, why).unwrap();
        for _ in 0..2 {
            n += 1;
            store.save_report(id, &titled(n)).unwrap();
        }
    }
    store.restore(id, 1).unwrap();
    store.save_report(id, &titled(99)).unwrap();
    assert_eq!(
        spans(&mut store, id),
        [
            (8, 9, Some(EntryStart::Restore)),
            (6, 7, Some(EntryStart::Merge)),
            (4, 5, Some(EntryStart::Export)),
            (2, 3, Some(EntryStart::Opened)),
            (1, 1, Some(EntryStart::Created)),
        ]
    );
    // An entry asked for and not yet begun survives reopening the database.
    store.start_entry(id, EntryStart::Export).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    store.save_report(id, &titled(100)).unwrap();
    assert_eq!(
        store.entries(id).unwrap()[0].began,
        Some(EntryStart::Export)
    );
    assert!(store.start_entry(id + 1, EntryStart::Opened).is_err());
}

#[test]
fn a_save_of_nothing_new_starts_no_entry() {
    let (_dir, _, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    store.start_entry(id, EntryStart::Opened).unwrap();
    assert_eq!(store.save_report(id, &example()).unwrap(), 1);
    assert_eq!(store.entries(id).unwrap().len(), 1);
    // The entry asked for still starts with the next real edit.
    store.save_report(id, &titled(1)).unwrap();
    assert_eq!(
        store.entries(id).unwrap()[0].began,
        Some(EntryStart::Opened)
    );
}

#[test]
fn old_sessions_keep_their_last_revision_when_the_raw_saves_are_dropped() {
    let (_dir, _, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    // Three sessions of 110 saves each: 331 revisions, more than the kept 200.
    let mut n = 0;
    let mut ends = Vec::new();
    for _ in 0..3 {
        store.start_entry(id, EntryStart::Opened).unwrap();
        for _ in 0..110 {
            n += 1;
            store.save_report(id, &titled(n)).unwrap();
        }
        ends.push(n + 1);
    }
    let history = store.history(id).unwrap();
    let numbers: Vec<u32> = history.iter().map(|r| r.number).collect();
    let head = 331;
    // The newest 200 saves, every one of them…
    assert!((head - KEPT_REVISIONS + 1..=head).all(|r| numbers.contains(&r)));
    // …and, before them, only the end of the first session (and the created report, an
    // entry of its own).
    let older: Vec<u32> = numbers
        .iter()
        .copied()
        .filter(|&r| r <= head - KEPT_REVISIONS)
        .collect();
    assert_eq!(older, [ends[0], 1]);
    let entries = store.entries(id).unwrap();
    assert_eq!(
        entries.iter().map(|e| e.last).collect::<Vec<_>>(),
        [ends[2], ends[1], ends[0], 1]
    );
    let kept = store.revision(id, ends[0]).unwrap();
    assert_eq!(rapporteur_model::uid::cleared(&kept), titled(110));
}

#[test]
fn only_the_newest_entries_are_kept() {
    let (_dir, _, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    for n in 1..=KEPT_ENTRIES + 3 {
        store.start_entry(id, EntryStart::Export).unwrap();
        store.save_report(id, &titled(n)).unwrap();
    }
    let entries = store.entries(id).unwrap();
    assert_eq!(entries.len() as u32, KEPT_ENTRIES);
    assert_eq!(entries.last().unwrap().first, 5);
}

/// A database of schema 2, whose revisions were saved at the given minutes past 10:00.
fn schema_2_database(path: &Path, minutes: &[u32]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let conn = Connection::open(path).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/migrations");
    for file in ["0001_reports.sql", "0002_search_and_templates.sql"] {
        conn.execute_batch(&std::fs::read_to_string(dir.join(file)).unwrap())
            .unwrap();
    }
    conn.pragma_update(None, "user_version", 2).unwrap();
    conn.execute(
        "INSERT INTO reports (id, created_at, updated_at, head_revision, title, organization, group_name)
         VALUES (3, '2026-01-01 10:00:00+00:00', '2026-01-01 10:00:00+00:00', ?1, 't', 'ITU-T', 'SG17')",
        [minutes.len() as i64],
    )
    .unwrap();
    for (i, minute) in minutes.iter().enumerate() {
        let n = i as u32 + 1;
        conn.execute(
            "INSERT INTO revisions (report_id, number, saved_at, document) VALUES (3, ?1, ?2, ?3)",
            rusqlite::params![
                n,
                format!(
                    "2026-01-01 {:02}:{:02}:00.5+00:00",
                    10 + minute / 60,
                    minute % 60
                ),
                rapporteur_format::write_report(&titled(n))
            ],
        )
        .unwrap();
    }
}

#[test]
fn the_upgrade_fills_titles_and_groups_earlier_saves_by_their_pauses() {
    let (_dir, path) = temp_db();
    // Saves at 10:00…10:09, then after 11 minutes, then an hour later.
    schema_2_database(&path, &[0, 1, 5, 9, 20, 21, 85]);
    let mut store = Store::open(&path).unwrap();
    let history = store.history(3).unwrap();
    assert_eq!(history.len(), 7);
    assert_eq!(history[0].title, "ITU-T SG17第2回会合報告（7）");
    assert_eq!(history[6].title, "ITU-T SG17第2回会合報告（1）");
    assert!(history.iter().all(|r| r.author.is_none()));
    assert_eq!(
        spans(&mut store, 3),
        [
            (7, 7, Some(EntryStart::Pause)),
            (5, 6, Some(EntryStart::Pause)),
            (1, 4, Some(EntryStart::Created)),
        ]
    );
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}
