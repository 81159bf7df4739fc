//! Sharing as the app does it, between two libraries (two real database files): the
//! author name is asked only when the user first shares, after the edits, and the share
//! file is signed with it so the colleague is told whose edits came in; an empty name is
//! refused; a share file is never written over the database.

use rapporteur_core::{ErrorCode, Library};
use std::path::PathBuf;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

#[test]
fn a_share_made_after_the_edits_names_their_author_to_the_colleague() {
    let dir = tempfile::tempdir().unwrap();
    let mut aoki = Library::open(&dir.path().join("aoki.sqlite3")).unwrap();
    let mut suzuki = Library::open(&dir.path().join("suzuki.sqlite3")).unwrap();
    let id = aoki.import_files(&[PathBuf::from(EXAMPLE)]).unwrap()[0].id;
    let first = dir.path().join("first.rapporteur");
    aoki.share(id, &first).unwrap();
    let copy = suzuki.import_file(&first).unwrap().id;

    let mut report = suzuki.report(copy).unwrap().report;
    report.title = "鈴木の題".into();
    suzuki.save(copy, &report).unwrap();
    // The name is asked for at the share, after the edit.
    let err = suzuki.set_author_name("   ").unwrap_err();
    assert_eq!(err.code, ErrorCode::AuthorNameMissing);
    assert_eq!(suzuki.author_name().unwrap(), None);
    suzuki.set_author_name(" 鈴木 一郎 ").unwrap();
    assert_eq!(suzuki.author_name().unwrap().as_deref(), Some("鈴木 一郎"));
    let back = dir.path().join("back.rapporteur");
    suzuki.share(copy, &back).unwrap();

    let merged = aoki.merge_share_file(id, &back).unwrap();
    assert!(merged.changed);
    assert_eq!(merged.summary.from, ["鈴木 一郎"]);
    assert_eq!(aoki.report(id).unwrap().report.title, "鈴木の題");

    let db = aoki.path().to_owned();
    let err = aoki.share(id, &db).unwrap_err();
    assert_eq!(err.code, ErrorCode::ExportOverDatabase);
}
