//! The Word templates reports are exported into, against a real SQLite file.

use rapporteur_storage::{Store, StoreError, WordTemplateUse};
use std::path::Path;

mod common;
use common::{count, example};

fn two_reports(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    store.add_reports(&[example(), example()]).unwrap();
    store
}

fn file_name(used: &WordTemplateUse) -> Option<&str> {
    used.template().map(|template| template.file_name.as_str())
}

fn stored_templates(path: &Path) -> i64 {
    count(path, "SELECT count(*) FROM word_templates")
}

#[test]
fn a_report_follows_the_library_default_until_it_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapporteur.sqlite3");
    let mut store = two_reports(&path);
    assert_eq!(
        store.word_template(1).unwrap(),
        WordTemplateUse::OwnStyle { chosen: false }
    );

    store
        .set_word_template(1, "journal.dotx", b"journal", true)
        .unwrap();
    let first = store.word_template(1).unwrap();
    assert!(matches!(first, WordTemplateUse::Chosen(_)));
    assert_eq!(first.template().unwrap().content, b"journal");
    // Report 2 chose nothing: it takes the library default.
    let second = store.word_template(2).unwrap();
    assert!(matches!(second, WordTemplateUse::LibraryDefault(_)));
    assert_eq!(file_name(&second), Some("journal.dotx"));

    // Rapporteur's own style, chosen for report 2, wins over the default.
    store.use_own_style(2).unwrap();
    assert_eq!(
        store.word_template(2).unwrap(),
        WordTemplateUse::OwnStyle { chosen: true }
    );
    assert_eq!(
        file_name(&store.word_template(1).unwrap()),
        Some("journal.dotx")
    );

    // A template chosen for one report only leaves the default as it was.
    store
        .set_word_template(2, "other.docx", b"other", false)
        .unwrap();
    assert_eq!(
        file_name(&store.word_template(2).unwrap()),
        Some("other.docx")
    );
    let third = store.create_report(&example()).unwrap();
    assert_eq!(
        file_name(&store.word_template(third).unwrap()),
        Some("journal.dotx")
    );

    // Kept in the file: the template's bytes, whatever became of the file chosen.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.word_template(1).unwrap().template().unwrap().content,
        b"journal"
    );
}

#[test]
fn the_same_bytes_are_stored_once_and_an_unused_template_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapporteur.sqlite3");
    let mut store = two_reports(&path);
    store
        .set_word_template(1, "a.docx", b"same", false)
        .unwrap();
    store
        .set_word_template(2, "renamed.docx", b"same", false)
        .unwrap();
    assert_eq!(stored_templates(&path), 1);
    // The name is the one chosen last.
    assert_eq!(
        file_name(&store.word_template(1).unwrap()),
        Some("renamed.docx")
    );

    store.use_own_style(1).unwrap();
    assert_eq!(stored_templates(&path), 1, "report 2 still uses it");
    store.use_own_style(2).unwrap();
    assert_eq!(stored_templates(&path), 0, "nothing uses it any more");

    // The library default is kept though no report chose it.
    store
        .set_word_template(1, "d.docx", b"default", true)
        .unwrap();
    store.use_own_style(1).unwrap();
    assert_eq!(stored_templates(&path), 1);
    assert_eq!(file_name(&store.word_template(2).unwrap()), None);
    let third = store.create_report(&example()).unwrap();
    assert_eq!(
        file_name(&store.word_template(third).unwrap()),
        Some("d.docx")
    );

    // A new default replaces the old, which goes when nothing uses it.
    store
        .set_word_template(1, "e.docx", b"newer", true)
        .unwrap();
    assert_eq!(
        file_name(&store.word_template(third).unwrap()),
        Some("e.docx")
    );
    assert_eq!(stored_templates(&path), 1);
}

#[test]
fn a_report_not_in_the_library_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapporteur.sqlite3");
    let mut store = two_reports(&path);
    store.delete_report(2).unwrap();
    for id in [2, 99] {
        assert!(matches!(
            store.set_word_template(id, "t.docx", b"t", true),
            Err(StoreError::NotFound(found)) if found == id
        ));
        assert!(matches!(
            store.use_own_style(id),
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            store.word_template(id),
            Err(StoreError::NotFound(_))
        ));
    }
    assert_eq!(stored_templates(&path), 0);
    assert_eq!(
        store.word_template(1).unwrap(),
        WordTemplateUse::OwnStyle { chosen: false }
    );
}
