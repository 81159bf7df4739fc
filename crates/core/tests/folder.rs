//! A folder of past reports imported at once, on a real database file: good files of
//! each kind, the same report twice, and files that are no reports; one bad file stops
//! none of the others, and the registry and search know the imported reports at once.

use rapporteur_core::{FolderResult, Library};
use std::fs;

const PUBLISHED_TEXT: &str = include_str!("../../../tests/fixtures/sg17-2025-12-report.txt");
const KANJI: &str = include_str!("../../../tests/fixtures/sg17-2020-03-kanji.report.json");

#[test]
fn a_folder_of_good_duplicate_and_bad_files_imports_each_on_its_own() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("past reports");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("2025-12 sg17.txt"), PUBLISHED_TEXT).unwrap();
    // The same published text under another name: recognised, not added twice.
    fs::write(dir.join("2025-12 sg17 (copy).txt"), PUBLISHED_TEXT).unwrap();
    fs::write(dir.join("2020-03 kanji.report.json"), KANJI).unwrap();
    fs::write(
        dir.join("letter.txt"),
        "Dear colleagues,\n\nsee you in Geneva.\n",
    )
    .unwrap();
    fs::write(dir.join("broken.docx"), b"PK\x03\x04 not really a zip").unwrap();
    fs::write(dir.join("latin1.txt"), b"caf\xe9\n\n1. x\n").unwrap();
    fs::write(dir.join(".hidden.txt"), PUBLISHED_TEXT).unwrap();
    fs::create_dir(dir.join("older")).unwrap();

    let mut library = Library::open(&home.path().join("library.sqlite3")).unwrap();
    let mut seen = Vec::new();
    let files = library
        .import_folder(&dir, |done, total, file| {
            seen.push((done, total, file.to_owned()))
        })
        .unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        names,
        [
            "2020-03 kanji.report.json",
            "2025-12 sg17 (copy).txt",
            "2025-12 sg17.txt",
            "broken.docx",
            "latin1.txt",
            "letter.txt"
        ]
    );
    assert_eq!(
        seen.first(),
        Some(&(0, 6, "2020-03 kanji.report.json".to_owned()))
    );
    assert_eq!(seen.last(), Some(&(6, 6, String::new())));

    let FolderResult::Imported {
        questions,
        outcomes,
        group,
        ..
    } = &files[0].result
    else {
        panic!("the report file is imported: {:?}", files[0].result);
    };
    assert_eq!(group, "ITU-T SG17");
    assert!(*questions > 0 && *outcomes > 0);
    let FolderResult::Imported {
        id,
        questions,
        outcomes,
        ordinal,
        ..
    } = &files[1].result
    else {
        panic!("the published text is imported: {:?}", files[1].result);
    };
    assert_eq!((*ordinal, *questions, *outcomes), (Some(2), 12, 99));
    match &files[2].result {
        FolderResult::AlreadyThere { id: existing, .. } => assert_eq!(existing, id),
        other => panic!("the same text again is recognised: {other:?}"),
    }
    for bad in &files[3..] {
        assert!(
            matches!(bad.result, FolderResult::Refused { .. }),
            "{} is refused: {:?}",
            bad.file,
            bad.result
        );
    }
    let FolderResult::Refused { error } = &files[5].result else {
        unreachable!()
    };
    assert!(
        error
            .message
            .contains("does not read as a published report"),
        "{}",
        error.message
    );

    // Two reports in the library, known to search and the registry at once.
    assert_eq!(library.list().unwrap().len(), 2);
    assert!(!library.search("X.1250rev", 10).unwrap().is_empty());
    assert!(!library.items("X.1250rev", 10).unwrap().is_empty());

    // The whole folder again adds nothing.
    let again = library.import_folder(&dir, |_, _, _| {}).unwrap();
    assert!(again
        .iter()
        .take(3)
        .all(|f| matches!(f.result, FolderResult::AlreadyThere { .. })));
    assert_eq!(library.list().unwrap().len(), 2);
}

#[test]
fn a_folder_that_cannot_be_read_is_refused_saying_which() {
    let home = tempfile::tempdir().unwrap();
    let mut library = Library::open(&home.path().join("library.sqlite3")).unwrap();
    let missing = home.path().join("no such folder");
    let error = library.import_folder(&missing, |_, _, _| {}).unwrap_err();
    assert!(
        error.message.contains("no such folder"),
        "{}",
        error.message
    );
}
