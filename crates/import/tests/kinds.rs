//! Files are read as what they are, through the one reader the CLI and the app share:
//! a report file however it starts, JSON that is not a report refused as such, text only
//! when it reads as a published report, and regular files only.

use rapporteur_import::{read_path, ImportError, ReadError};
use std::path::{Path, PathBuf};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const SEED: &[u8] = include_bytes!("../../../tests/fixtures/sg17-2025-12-report.txt");

fn written(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The error's message with the file's path taken off the front.
fn refusal(path: &Path) -> String {
    let err = read_path(path).expect_err("refused");
    let message = err.to_string();
    let prefix = format!("{}: ", path.display());
    message
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{message:?} names the file"))
        .to_owned()
}

#[test]
fn a_report_file_with_white_space_first_is_read_as_a_report_file() {
    let dir = tempfile::tempdir().unwrap();
    let example = rapporteur_format::read_report(EXAMPLE).unwrap();
    let spaced = written(dir.path(), "a", format!("\n \t{EXAMPLE}").as_bytes());
    let (report, notice) = read_path(&spaced).unwrap();
    assert_eq!(report, example);
    assert!(notice.is_none(), "a report file, not an import");
}

#[test]
fn a_report_file_with_a_byte_order_mark_is_never_taken_for_published_text() {
    let dir = tempfile::tempdir().unwrap();
    let bom = written(dir.path(), "b", format!("\u{feff}{EXAMPLE}").as_bytes());
    // Read as a report file: the file format's own verdict, not an imported report whose
    // title is the whole JSON text.
    match read_path(&bom) {
        Ok((report, notice)) => {
            assert!(notice.is_none());
            assert_eq!(report, rapporteur_format::read_report(EXAMPLE).unwrap());
        }
        Err(ReadError::File(rapporteur_format::FileError::Format { .. })) => {}
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn json_that_is_not_a_report_is_refused_as_a_report_file() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("null", "null"),
        ("number", " 12\n"),
        ("array", "[1, 2]"),
        ("string", "\"課題\""),
        (
            "comment",
            "// exported by hand\n{\"format\": \"rapporteur.report\"}",
        ),
        ("block comment", "/* x */ {}"),
        ("object", "{\"title\": \"t\"}"),
    ] {
        let path = written(dir.path(), name, text.as_bytes());
        let err = read_path(&path).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::File(rapporteur_format::FileError::Format { .. })
            ),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn text_that_is_not_a_published_report_is_refused_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let passwd = written(
        dir.path(),
        "passwd",
        b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
    );
    assert_eq!(
        refusal(&passwd),
        "the text does not read as a published report: after its title (\"root:x:0:0:root:/root:/bin/bash daemon:x…\") \
         there is no numbered section heading (such as \"1. はじめに\"), no meeting facts and no Question"
    );
    for path in ["/etc/passwd", "/proc/self/environ"] {
        let err = read_path(Path::new(path)).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::Import {
                    source: ImportError::NotAReport { .. }
                        | ImportError::Empty
                        | ImportError::NotUtf8 { .. },
                    ..
                }
            ),
            "{path}: {err:?}"
        );
    }
    // A letter with bullets is no report either; a title and one numbered heading is.
    let letter = written(
        dir.path(),
        "letter",
        "お知らせ\n\n- 会議室の予約\n- 備品\n".as_bytes(),
    );
    assert!(refusal(&letter).starts_with("the text does not read as a published report"));
    let least = written(
        dir.path(),
        "least",
        "題\n\n1. はじめに\n\n本文。\n".as_bytes(),
    );
    assert_eq!(read_path(&least).unwrap().0.sections.len(), 1);
    let seed = written(dir.path(), "seed.txt", SEED);
    assert!(read_path(&seed).unwrap().1.is_some(), "the seed imports");
}

#[test]
fn a_fifo_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let started = std::time::Instant::now();
    assert_eq!(
        refusal(&fifo),
        "a named pipe (FIFO), not a regular file; only regular files are read"
    );
    assert!(started.elapsed().as_secs() < 2);
    assert_eq!(
        refusal(dir.path()),
        "a folder, not a regular file; only regular files are read"
    );
}
