//! Mangled co-authors' files through the merge path and the update path, on a real
//! database: a share file truncated, its bytes flipped, spliced with another report's,
//! made "newer", bytes inserted or cut out; a co-author's file in a shared folder and a
//! report file given to `update` mangled alike. No panic escapes; a refused file (for
//! the shared folder, one the look leaves out) changes nothing (the revisions, the
//! reports, the co-authoring documents and the settings stay byte for byte as they
//! were); a file taken is a valid edit that the document and the head agree on.
//! `make fuzz` runs 100,000 cases of each (`RAPPORTEUR_FUZZ_CASES`); `make test`, a few
//! hundred.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rapporteur_core::Library;
use rusqlite::Connection;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../../storage/tests/support/dump.rs"]
mod dump;
#[path = "../../format/tests/support/fuzz_cases.rs"]
mod fuzz_cases;
use fuzz_cases::fuzz_cases;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

/// What a refusal must leave as it was.
const KEPT: &[&str] = &[
    "reports",
    "revisions",
    "collab_documents",
    "collab_updates",
    "settings",
];

/// A library holding the example twice (reports 1 and 2), and the files a co-author
/// sends back: their copy of report 1 with edits of their own, another report's copy,
/// and report files for `update`.
struct Bench {
    dir: tempfile::TempDir,
    library: Library,
    /// The database as it was before any case, to put back after a file was taken.
    pristine: Vec<u8>,
    kept: Vec<String>,
    theirs: Vec<u8>,
    foreign: Vec<u8>,
    edited: Vec<u8>,
    other_report: Vec<u8>,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mine.sqlite3");
        let mut library = Library::open(&db).unwrap();
        library.set_author_name("青木").unwrap();
        let ids = library
            .import_files(&[PathBuf::from(EXAMPLE), PathBuf::from(EXAMPLE)])
            .unwrap();
        let (id, other) = (ids[0].id, ids[1].id);

        let mut colleague = Library::open(&dir.path().join("theirs.sqlite3")).unwrap();
        colleague.set_author_name("Brown").unwrap();
        let share = dir.path().join("mine.rapporteur");
        library.share(id, &share).unwrap();
        let copy = colleague.open_share_file(&share).unwrap().id;
        let mut report = colleague.report(copy).unwrap().report;
        report.title = "Brown の題".into();
        report.meeting.city = Some("東京".into());
        report.sections[0].blocks.pop();
        colleague.save(copy, &report).unwrap();
        let theirs = colleague.share_file(copy).unwrap();
        let foreign = library.share_file(other).unwrap();

        let mut edited = library.report(id).unwrap().report;
        edited.meeting.site = Some("国際会議場".into());
        let edited = rapporteur_format::write_report(&edited).into_bytes();
        let other_report = std::fs::read(EXAMPLE).unwrap();

        drop(library);
        let pristine = std::fs::read(&db).unwrap();
        let library = Library::open(&db).unwrap();
        let kept = dump::dump_tables(&Connection::open(&db).unwrap(), KEPT);
        Bench {
            dir,
            library,
            pristine,
            kept,
            theirs,
            foreign,
            edited,
            other_report,
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("mine.sqlite3")
    }

    fn kept_now(&self) -> Vec<String> {
        dump::dump_tables(&Connection::open(self.db()).unwrap(), KEPT)
    }

    /// Puts the database back as it was before the cases.
    fn reset(&mut self) {
        let db = self.db();
        self.library = Library::open(&self.dir.path().join("scratch.sqlite3")).unwrap();
        for end in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{end}", db.display()));
        }
        std::fs::write(&db, &self.pristine).unwrap();
        self.library = Library::open(&db).unwrap();
    }

    /// Runs `attempt` on a file holding `bytes`; a panic fails the case, a refusal must
    /// leave the database as it was, and a file taken must leave it consistent.
    fn attempt(
        &mut self,
        bytes: &[u8],
        attempt: impl FnOnce(&mut Library, &Path) -> Result<(), rapporteur_core::CommandError>,
    ) -> Result<(), TestCaseError> {
        let file = self.dir.path().join("mangled");
        std::fs::write(&file, bytes).unwrap();
        let library = &mut self.library;
        let outcome = catch_unwind(AssertUnwindSafe(|| attempt(library, &file)));
        match outcome {
            Err(_) => Err(TestCaseError::fail("a panic escaped")),
            Ok(Err(refused)) => {
                prop_assert!(!refused.message.is_empty());
                prop_assert!(self.kept_now() == self.kept, "{}", refused.message);
                Ok(())
            }
            Ok(Ok(())) => {
                // Taken: the head reads as a valid report, and a library of its own
                // reading the report's document gets the same report.
                let head = self.library.report(1).unwrap().report;
                let share = self.dir.path().join("check.rapporteur");
                self.library.share(1, &share).unwrap();
                let mut reader = Library::open(&self.dir.path().join("reader.sqlite3")).unwrap();
                let id = reader.open_share_file(&share).unwrap().id;
                prop_assert_eq!(reader.report(id).unwrap().report, head);
                drop(reader);
                std::fs::remove_file(self.dir.path().join("reader.sqlite3")).unwrap();
                self.reset();
                Ok(())
            }
        }
    }
}

/// One way of mangling a file.
#[derive(Debug, Clone)]
enum Mangle {
    Truncate(prop::sample::Index),
    Flip(Vec<(prop::sample::Index, u8)>),
    /// The start of this file and the rest of the other one, cut at these places.
    Splice(prop::sample::Index, prop::sample::Index),
    /// The version byte after the first line set to this.
    Version(u8),
    Insert(prop::sample::Index, Vec<u8>),
    Cut(prop::sample::Index, usize),
}

fn mangle() -> impl Strategy<Value = Mangle> {
    use prop::sample::Index;
    prop_oneof![
        any::<Index>().prop_map(Mangle::Truncate),
        prop::collection::vec((any::<Index>(), 1..=255u8), 1..8).prop_map(Mangle::Flip),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mangle::Splice(a, b)),
        (2..=255u8).prop_map(Mangle::Version),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Mangle::Insert(at, bytes)),
        (any::<Index>(), 1..4096usize).prop_map(|(at, len)| Mangle::Cut(at, len)),
    ]
}

fn mangled(file: &[u8], other: &[u8], how: &Mangle) -> Vec<u8> {
    let mut bytes = file.to_vec();
    match how {
        Mangle::Truncate(at) => bytes.truncate(at.index(file.len())),
        Mangle::Flip(flips) => {
            for (at, mask) in flips {
                bytes[at.index(file.len())] ^= mask;
            }
        }
        Mangle::Splice(mine, theirs) => {
            bytes.truncate(mine.index(file.len()));
            bytes.extend_from_slice(&other[theirs.index(other.len())..]);
        }
        Mangle::Version(version) => {
            let first_line = bytes.iter().position(|&b| b == b'\n').map_or(0, |n| n + 1);
            let at = first_line.min(bytes.len() - 1);
            bytes[at] = *version;
        }
        Mangle::Insert(at, inserted) => {
            let at = at.index(file.len());
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mangle::Cut(at, len) => {
            let at = at.index(file.len());
            bytes.drain(at..(at + len).min(file.len()));
        }
    }
    bytes
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: fuzz_cases(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn mangled_share_files_are_merged_whole_or_refused_changing_nothing() {
    let bench = Bench::new();
    let (theirs, foreign) = (bench.theirs.clone(), bench.foreign.clone());
    // Shared by the cases, which proptest runs through a `Fn`.
    let bench = RefCell::new(bench);
    proptest!(config(), |(how in mangle(), from_foreign in any::<bool>())| {
        let (file, other) = if from_foreign { (&foreign, &theirs) } else { (&theirs, &foreign) };
        let bytes = mangled(file, other, &how);
        bench.borrow_mut().attempt(&bytes, |library, path| library.merge_share_file(1, path).map(drop))?;
    });
}

#[test]
fn mangled_report_files_are_saved_whole_as_the_next_edit_or_refused_changing_nothing() {
    let bench = Bench::new();
    let (edited, other) = (bench.edited.clone(), bench.other_report.clone());
    let bench = RefCell::new(bench);
    proptest!(config(), |(how in mangle())| {
        let bytes = mangled(&edited, &other, &how);
        bench.borrow_mut().attempt(&bytes, |library, path| library.update_from_file(1, path).map(drop))?;
    });
}

/// The bench with report 1 linked to a shared folder that holds this installation's first
/// file, and where each case puts a co-author's first file; with two real files for the
/// cases to mangle: the colleague's (their copy with their edits) and another report's.
fn linked_bench() -> (Bench, PathBuf, Vec<u8>, Vec<u8>) {
    let mut bench = Bench::new();
    let root = bench.dir.path().to_path_buf();
    let at = |name: &str| root.join(name);
    let mut colleague = Library::open(&at("colleague.sqlite3")).unwrap();
    colleague.set_author_name("Brown").unwrap();
    let mut first_file = |share: &[u8], name: &str| {
        std::fs::write(at(name), share).unwrap();
        let copy = colleague.open_share_file(&at(name)).unwrap().id;
        let folder = at(&format!("{name}.folder"));
        std::fs::create_dir(&folder).unwrap();
        let wrote = colleague.link_folder(copy, &folder).unwrap().wrote.unwrap();
        std::fs::read(wrote).unwrap()
    };
    let theirs = first_file(&bench.theirs.clone(), "theirs.rapporteur");
    let foreign = first_file(&bench.foreign.clone(), "foreign.rapporteur");

    let shared = at("shared");
    std::fs::create_dir(&shared).unwrap();
    let linked = bench.library.link_folder(1, &shared).unwrap();
    assert!(linked.wrote.is_some(), "this installation's first file");
    let case = bench
        .library
        .report_folder(1)
        .unwrap()
        .join("00000000000000b0")
        .join("000001.rapporteur-update");
    std::fs::create_dir_all(case.parent().unwrap()).unwrap();
    // The database as linked is the one each case starts from.
    let db = bench.db();
    bench.library = Library::open(&at("scratch.sqlite3")).unwrap();
    bench.pristine = std::fs::read(&db).unwrap();
    bench.library = Library::open(&db).unwrap();
    bench.kept = bench.kept_now();
    (bench, case, theirs, foreign)
}

/// Removes from the report's folder every file but each writer's first: what a case
/// taken made this installation write, which the next case's database (put back as it
/// was) does not hold.
fn forget_later_files(report_folder: &Path) {
    for writer in std::fs::read_dir(report_folder).unwrap() {
        for file in std::fs::read_dir(writer.unwrap().path()).unwrap() {
            let file = file.unwrap().path();
            if !file.ends_with("000001.rapporteur-update") {
                std::fs::remove_file(file).unwrap();
            }
        }
    }
}

#[test]
fn mangled_shared_folder_files_are_merged_whole_or_left_out_changing_nothing() {
    let (mut bench, case, theirs, foreign) = linked_bench();
    // Unmangled, the colleague's file is taken and another report's left out: the cases'
    // file is where a look reads it.
    std::fs::write(&case, &foreign).unwrap();
    let synced = bench.library.sync_folder(1).unwrap();
    assert_eq!(synced.refused.len(), 1, "{:?}", synced.refused);
    assert!(!synced.merged.changed);
    std::fs::write(&case, &theirs).unwrap();
    let synced = bench.library.sync_folder(1).unwrap();
    assert!(synced.refused.is_empty() && synced.merged.changed);
    bench.reset();
    let bench = RefCell::new(bench);
    proptest!(config(), |(how in mangle(), from_foreign in any::<bool>())| {
        let (file, other) = if from_foreign { (&foreign, &theirs) } else { (&theirs, &foreign) };
        let bytes = mangled(file, other, &how);
        bench.borrow_mut().attempt(&bytes, |library, path| {
            forget_later_files(case.parent().unwrap().parent().unwrap());
            std::fs::copy(path, &case).unwrap();
            // A file left out is this path's refusal: the look goes on without it.
            let synced = library.sync_folder(1)?;
            match synced.refused.into_iter().next() {
                Some(left_out) => Err(left_out),
                None => Ok(()),
            }
        })?;
    });
}
