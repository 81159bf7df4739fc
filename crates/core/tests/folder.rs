//! A folder of past reports imported at once, on a real database file: good files of
//! each kind, the same report twice, and files that are no reports; one bad file stops
//! none of the others, and the registry and search know the imported reports at once.

use rapporteur_core::{FolderResult, Library};
use std::fs;
use std::ops::ControlFlow;
use std::path::PathBuf;

const PUBLISHED_TEXT: &str = include_str!("../../../tests/fixtures/sg17-2025-12-report.txt");
const KANJI: &str = include_str!("../../../tests/fixtures/sg17-2020-03-kanji.report.json");

/// A folder for past reports, empty, in a home folder of its own (given first).
fn past_reports() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("past reports");
    fs::create_dir(&dir).unwrap();
    (home, dir)
}

#[test]
fn a_folder_of_good_duplicate_and_bad_files_imports_each_on_its_own() {
    let (home, dir) = past_reports();
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
        .import_folder(&dir, |at| {
            seen.push((at.done, at.total, at.file.clone()));
            ControlFlow::Continue(())
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
    let again = library
        .import_folder(&dir, |_| ControlFlow::Continue(()))
        .unwrap();
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
    let error = library
        .import_folder(&missing, |_| ControlFlow::Continue(()))
        .unwrap_err();
    assert!(
        error.message.contains("no such folder"),
        "{}",
        error.message
    );
}

#[test]
fn an_import_stopped_by_the_user_reads_no_file_after() {
    let (home, dir) = past_reports();
    fs::write(dir.join("1 kanji.report.json"), KANJI).unwrap();
    fs::write(dir.join("2 sg17.txt"), PUBLISHED_TEXT).unwrap();
    fs::write(dir.join("3 letter.txt"), "Dear colleagues,\n").unwrap();
    let mut library = Library::open(&home.path().join("library.sqlite3")).unwrap();
    // The user presses Cancel while the first file is read.
    let files = library
        .import_folder(&dir, |at| {
            if at.done >= 1 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
    assert!(matches!(files[0].result, FolderResult::Imported { .. }));
    assert!(matches!(files[1].result, FolderResult::Stopped));
    assert!(matches!(files[2].result, FolderResult::Stopped));
    assert_eq!(library.list().unwrap().len(), 1);
}

/// A report's text with one Question whose outcome's title is `title` as printed.
fn one_question(meeting: u32, title: &str) -> String {
    format!(
        "ITU-T SG17第{meeting}回会合報告\n\n1. はじめに\n\n本文。\n\n2. 結果\n\n\
         ●課題3では、X.19{meeting:02} ({title}) がコンセントされた。\n\n3. おわりに\n\n以上。\n"
    )
}

fn first_title(library: &Library, id: i64) -> String {
    let report = library.report(id).unwrap().report;
    report.outcomes()[0].2.title.clone()
}

/// One file imported alone (the app's import, the desktop's open, `rapporteur-cli
/// import FILE`) takes the library's registry as evidence, as the folder's import does:
/// `test-` / `bed`, which the dictionary leaves undecided, is read as the library wrote it.
#[test]
fn a_registry_title_decides_a_line_end_hyphen_when_one_file_is_imported() {
    let home = tempfile::tempdir().unwrap();
    let broken = home.path().join("broken at test-.txt");
    fs::write(&broken, one_question(5, "Security test-\nbed for vehicles")).unwrap();
    let earlier = home.path().join("earlier.txt");
    fs::write(&earlier, one_question(4, "Testbed federation")).unwrap();

    // Without the evidence: read as a compound, with the other reading in the notice.
    let mut empty = Library::open(&home.path().join("empty.sqlite3")).unwrap();
    let undecided = empty.import_file(&broken).unwrap();
    assert_eq!(
        first_title(&empty, undecided.id),
        "Security test-bed for vehicles"
    );
    let hyphens = &undecided.notice.unwrap().hyphens;
    assert_eq!(
        (hyphens[0].read.as_str(), hyphens[0].other.as_str()),
        ("test-bed", "testbed")
    );

    // A library whose registry holds `Testbed federation` reads `testbed`, undoubted.
    let mut library = Library::open(&home.path().join("library.sqlite3")).unwrap();
    library.import_file(&earlier).unwrap();
    let decided = library.import_file(&broken).unwrap();
    assert_eq!(
        first_title(&library, decided.id),
        "Security testbed for vehicles"
    );
    assert!(decided.notice.unwrap().hyphens.is_empty());

    // The command line's import of several files, and a file opened from the desktop.
    let mut cli = Library::open(&home.path().join("cli.sqlite3")).unwrap();
    let both = cli
        .import_files(&[earlier.clone(), broken.clone()])
        .unwrap();
    assert_eq!(
        first_title(&cli, both[1].id),
        "Security testbed for vehicles"
    );
    let rapporteur_core::OpenedFile::Imported { file } = library.open_file(&broken).unwrap() else {
        panic!("a published report's text is imported when opened");
    };
    assert_eq!(
        first_title(&library, file.id),
        "Security testbed for vehicles"
    );
}
