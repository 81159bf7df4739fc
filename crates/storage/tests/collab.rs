//! Each report's co-authoring document, kept with its revisions: saves recorded as its
//! edits, share files, merges and imports between two databases (two co-authors).

use rapporteur_collab::MergeConflict;
use rapporteur_model::Report;
use rapporteur_storage::{EntryStart, Store};

mod common;
use common::{count, dump::dump, example, retitled, temp_store};

/// The store of co-author `name`: a database of their own, `name.sqlite3` in `dir`.
fn co_author(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(format!("{name}.sqlite3"))).unwrap()
}

/// Saves report `id` of `store` with `change` made to it, as the editor saves an edit.
fn edit(store: &mut Store, id: i64, change: impl FnOnce(&mut Report)) {
    let mut report = store.report(id).unwrap().report;
    change(&mut report);
    store.save_report(id, &report).unwrap();
}

/// Opens in `into` a copy of report `id` of `from`, as a co-author does with its share
/// file; gives the copy's id.
fn copy_of(from: &Store, id: i64, into: &mut Store) -> i64 {
    into.import_share_file(&from.share_file(id).unwrap())
        .unwrap()
        .id
}

#[test]
fn each_save_appends_one_update_in_the_transaction_of_its_revision() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    assert_eq!(count(&path, "SELECT count(*) FROM collab_documents"), 1);
    assert_eq!(count(&path, "SELECT count(*) FROM collab_updates"), 0);
    // The editor's report has no identities: they are taken from the last save.
    let report = retitled("改");
    assert_eq!(store.save_report(id, &report).unwrap(), 2);
    assert_eq!(count(&path, "SELECT count(*) FROM collab_updates"), 1);
    assert_eq!(
        store.save_report(id, &report).unwrap(),
        2,
        "the same report adds nothing"
    );
    assert_eq!(count(&path, "SELECT count(*) FROM collab_updates"), 1);
    let stored = store.report(id).unwrap().report;
    assert_eq!(rapporteur_model::uid::cleared(&stored), report);
}

#[test]
fn a_shared_report_is_imported_linked_and_merged_back_with_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut aoki = co_author(&dir, "aoki");
    let mut brown = co_author(&dir, "brown");
    aoki.set_author_name("Aoki").unwrap();
    brown.set_author_name("Brown").unwrap();
    let id = aoki.create_report(&example()).unwrap();

    let file = aoki.share_file(id).unwrap();
    let opened = brown.import_share_file(&file).unwrap();
    let copy = opened.id;
    assert!(opened.created);
    assert_eq!(
        brown.report(copy).unwrap().report,
        aoki.report(id).unwrap().report
    );
    let again = brown.import_share_file(&file).unwrap();
    assert_eq!(
        (again.id, again.created),
        (copy, false),
        "the same document opens the same report"
    );
    assert!(again.summary.is_empty());

    edit(&mut aoki, id, |r| r.title = "Aoki の題".into());
    edit(&mut brown, copy, |r| {
        r.title = "Brown の題".into();
        r.meeting.city = Some("東京".into());
    });

    let (revision, summary) = aoki
        .merge_file(id, &brown.share_file(copy).unwrap())
        .unwrap();
    assert_eq!(revision, 3);
    assert_eq!(summary.from, vec!["Brown".to_owned()]);
    assert!(summary
        .conflicts
        .iter()
        .any(|c| matches!(c, MergeConflict::BothChanged { field, .. } if field == "title")));
    let merged = aoki.report(id).unwrap().report;
    assert_eq!(merged.meeting.city.as_deref(), Some("東京"));
    // Merging the same file again changes nothing, not even the revision.
    let (same, summary) = aoki
        .merge_file(id, &brown.share_file(copy).unwrap())
        .unwrap();
    assert_eq!(same, 3);
    assert!(summary.is_empty());
    brown
        .merge_file(copy, &aoki.share_file(id).unwrap())
        .unwrap();
    assert_eq!(
        brown.report(copy).unwrap().report,
        aoki.report(id).unwrap().report
    );
}

#[test]
fn a_refused_file_changes_nothing_in_the_database() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let other = store.create_report(&example()).unwrap();
    let before = dump(&path);
    let foreign = store.share_file(other).unwrap();
    let err = store.merge_file(id, &foreign).unwrap_err();
    assert!(err.to_string().contains("another report"), "{err}");
    let err = store
        .merge_file(id, b"rapporteur.share\n\x01garbage")
        .unwrap_err();
    assert!(err.to_string().contains("damaged or incomplete"), "{err}");
    assert_eq!(dump(&path), before);
}

/// Report `id` as its co-authoring document holds it, read by a store of its own (the
/// snapshot and every update in the database, not what a store kept loaded).
fn from_document(path: &std::path::Path, id: i64) -> Report {
    let file = Store::open(path).unwrap().share_file(id).unwrap();
    let mut reader = Store::open_in_memory().unwrap();
    let copy = reader.import_share_file(&file).unwrap().id;
    reader.report(copy).unwrap().report
}

#[test]
fn each_revision_names_its_author_and_a_merge_starts_an_entry_in_the_co_authors_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut aoki = co_author(&dir, "aoki");
    let mut brown = co_author(&dir, "brown");
    let id = aoki.create_report(&example()).unwrap();
    aoki.set_author_name("青木").unwrap();
    brown.set_author_name("Brown").unwrap();
    let report = retitled("青木の題");
    aoki.save_report(id, &report).unwrap();
    let authors = |store: &Store, id| -> Vec<Option<String>> {
        store
            .history(id)
            .unwrap()
            .into_iter()
            .map(|r| r.author)
            .collect()
    };
    assert_eq!(authors(&aoki, id), [Some("青木".to_owned()), None]);

    let copy = copy_of(&aoki, id, &mut brown);
    assert_eq!(authors(&brown, copy), [Some("青木".to_owned())]);
    edit(&mut brown, copy, |r| r.meeting.city = Some("東京".into()));

    let (revision, _) = aoki
        .merge_file(id, &brown.share_file(copy).unwrap())
        .unwrap();
    let history = aoki.history(id).unwrap();
    assert_eq!(
        (history[0].number, history[0].author.as_deref()),
        (revision, Some("Brown"))
    );
    let entries = aoki.entries(id).unwrap();
    assert_eq!(
        (entries[0].first, entries[0].began),
        (revision, Some(EntryStart::Merge))
    );
    assert_eq!(entries[0].author.as_deref(), Some("Brown"));
}

#[test]
fn a_report_saved_by_another_process_meanwhile_is_recorded_from_the_database() {
    let (_dir, path, mut window) = temp_store();
    let id = window.create_report(&example()).unwrap();
    edit(&mut window, id, |r| r.title = "窓で".into());

    // A script (the CLI) saves the same report through a connection of its own.
    let mut script = Store::open(&path).unwrap();
    edit(&mut script, id, |r| r.meeting.city = Some("大阪".into()));

    // The window's next save builds on what the script saved, not on what it kept.
    edit(&mut window, id, |r| r.meeting.site = Some("会議場".into()));
    let head = window.report(id).unwrap().report;
    assert_eq!(head.meeting.city.as_deref(), Some("大阪"));
    assert_eq!(from_document(&path, id), head);
}

#[test]
fn a_save_that_fails_leaves_the_document_as_the_database_has_it() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let mut report = store.report(id).unwrap().report;
    report.title = "一".into();
    store.save_report(id, &report).unwrap();

    // The disk fills during the next save, after the document was changed in memory.
    let pages = count(&path, "PRAGMA page_count") as u32;
    store.cap_pages_for_tests(pages).unwrap();
    let mut large = report.clone();
    large.sections[0]
        .blocks
        .push(rapporteur_model::Block::Paragraph {
            uid: Default::default(),
            text: "量".repeat(200_000),
            boilerplate: false,
        });
    store.save_report(id, &large).unwrap_err();
    store.cap_pages_for_tests(1_000_000).unwrap();

    report.title = "二".into();
    store.save_report(id, &report).unwrap();
    let head = store.report(id).unwrap().report;
    assert_eq!(head.title, "二");
    assert_eq!(
        head.sections[0].blocks.len(),
        report.sections[0].blocks.len()
    );
    assert_eq!(from_document(&path, id), head);
}

#[test]
fn a_share_signed_after_the_edits_tells_the_co_author_whose_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut aoki = co_author(&dir, "aoki");
    let mut suzuki = co_author(&dir, "suzuki");
    let id = aoki.create_report(&example()).unwrap();
    let copy = copy_of(&aoki, id, &mut suzuki);
    // Suzuki edits before giving a name (the app asks for it at the first share).
    edit(&mut suzuki, copy, |r| r.title = "鈴木の題".into());
    let unsigned = suzuki.share_file(copy).unwrap();
    // A third copy merging it is not told whose the edit is: no name was known.
    let mut other = co_author(&dir, "other");
    let third = copy_of(&aoki, id, &mut other);
    let (_, told) = other.merge_file(third, &unsigned).unwrap();
    assert!(told.from.is_empty(), "no name known yet: {told:?}");

    suzuki.set_author_name("鈴木 一郎").unwrap();
    suzuki.sign(copy).unwrap();
    let updates = count(
        &dir.path().join("suzuki.sqlite3"),
        "SELECT count(*) FROM collab_updates",
    );
    suzuki.sign(copy).unwrap();
    assert_eq!(
        count(
            &dir.path().join("suzuki.sqlite3"),
            "SELECT count(*) FROM collab_updates"
        ),
        updates,
        "signing again writes nothing"
    );
    let (_, summary) = aoki
        .merge_file(id, &suzuki.share_file(copy).unwrap())
        .unwrap();
    assert_eq!(summary.from, ["鈴木 一郎"]);
    assert_eq!(aoki.report(id).unwrap().report.title, "鈴木の題");
}

#[test]
fn a_compacted_document_loses_no_edit_and_saves_go_on_from_its_state() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let mut report = store.report(id).unwrap().report;
    for n in 0..5 {
        report.title = format!("題 {n}");
        store.save_report(id, &report).unwrap();
    }
    assert_eq!(count(&path, "SELECT count(*) FROM collab_updates"), 5);
    // Not yet due at the threshold the app uses; due at one update.
    assert_eq!(rapporteur_storage::compact_documents(&path).unwrap(), 0);
    assert_eq!(
        rapporteur_storage::compact_documents_after(&path, 1).unwrap(),
        1
    );
    assert_eq!(count(&path, "SELECT count(*) FROM collab_updates"), 0);
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM collab_documents WHERE state IS NOT NULL AND state_seq = 5 AND snapshot_seq = 5"
        ),
        1
    );
    assert_eq!(from_document(&path, id), store.report(id).unwrap().report);

    // The store that kept the document goes on from it: the compaction changed nothing in it.
    report.meeting.city = Some("東京".into());
    store.save_report(id, &report).unwrap();
    assert_eq!(
        count(&path, "SELECT max(seq) FROM collab_updates"),
        6,
        "update numbers go on across a compaction"
    );
    // Another store loads the state and the update after it, and records its edit there.
    let mut other = Store::open(&path).unwrap();
    edit(&mut other, id, |r| r.meeting.site = Some("会議場".into()));
    let head = other.report(id).unwrap().report;
    assert_eq!(head.meeting.city.as_deref(), Some("東京"));
    assert_eq!(from_document(&path, id), head);
    // And the first store, after the other's save, builds on it.
    edit(&mut store, id, |r| r.title = "題 最後".into());
    assert_eq!(from_document(&path, id), store.report(id).unwrap().report);
}

#[test]
fn a_merge_after_a_compaction_writes_the_state_the_next_saves_build_on() {
    let dir = tempfile::tempdir().unwrap();
    let aoki_db = dir.path().join("aoki.sqlite3");
    let mut aoki = Store::open(&aoki_db).unwrap();
    let mut brown = co_author(&dir, "brown");
    let id = aoki.create_report(&example()).unwrap();
    let copy = copy_of(&aoki, id, &mut brown);
    // Concurrent edits on both sides, Aoki's compacted: Brown's changes build on
    // history that Aoki's state no longer holds.
    edit(&mut aoki, id, |r| r.title = "青木の題".into());
    edit(&mut brown, copy, |r| r.meeting.city = Some("東京".into()));
    rapporteur_storage::compact_documents_after(&aoki_db, 1).unwrap();

    aoki.merge_file(id, &brown.share_file(copy).unwrap())
        .unwrap();
    let merged = aoki.report(id).unwrap().report;
    assert_eq!(
        (merged.title.as_str(), merged.meeting.city.as_deref()),
        ("青木の題", Some("東京"))
    );
    // A store of its own loads the state the merge wrote, and records its edit on it.
    let mut later = Store::open(&aoki_db).unwrap();
    edit(&mut later, id, |r| r.meeting.site = Some("会議場".into()));
    assert_eq!(
        count(
            &aoki_db,
            "SELECT count(*) FROM collab_documents WHERE state_seq = 2"
        ),
        1,
        "the merge's update wrote the state"
    );
    let head = later.report(id).unwrap().report;
    assert_eq!(from_document(&aoki_db, id), head);
    // And Brown takes all of it back.
    brown
        .merge_file(copy, &later.share_file(id).unwrap())
        .unwrap();
    assert_eq!(brown.report(copy).unwrap().report, head);
}
