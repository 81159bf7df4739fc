//! Report files read from disk: bounded in size and nesting, each refusal naming the file.

use rapporteur_format::{read_report, read_report_file, FileError, FormatError, MAX_REPORT_FILE};
use std::io::{Seek, SeekFrom, Write};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

#[test]
fn a_report_file_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("例.report.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    assert_eq!(
        read_report_file(&path).unwrap(),
        read_report(EXAMPLE).unwrap()
    );
}

#[test]
fn a_file_beyond_the_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.report.json");
    // A sparse 2 GB file: no disk used, and nothing of it may be read into memory.
    let mut file = std::fs::File::create(&path).unwrap();
    file.seek(SeekFrom::Start(2 << 30)).unwrap();
    file.write_all(b"}").unwrap();
    drop(file);
    let err = read_report_file(&path).unwrap_err();
    assert!(matches!(err, FileError::TooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: more than {MAX_REPORT_FILE} bytes, too large to be a report",
            path.display()
        )
    );
}

#[test]
fn a_deeply_nested_file_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.report.json");
    let depth = 1_000_000;
    std::fs::write(&path, "[".repeat(depth) + &"]".repeat(depth)).unwrap();
    let err = read_report_file(&path).unwrap_err();
    let FileError::Format {
        source: FormatError::Syntax { message, .. },
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(message, "recursion limit exceeded");
    assert!(err
        .to_string()
        .starts_with(&format!("{}: not valid JSON", path.display())));
}

#[test]
fn a_file_that_is_not_text_or_not_there_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binary.report.json");
    std::fs::write(&path, b"{\"title\": \"\xff\xfe\"}").unwrap();
    let err = read_report_file(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: not UTF-8 text (byte 11)", path.display())
    );
    let missing = dir.path().join("missing.report.json");
    let err = read_report_file(&missing).unwrap_err();
    assert!(matches!(err, FileError::Io { .. }), "{err:?}");
    assert!(err
        .to_string()
        .starts_with(&format!("{}: cannot read: ", missing.display())));
}

#[test]
fn only_a_regular_file_is_read() {
    // A FIFO too, refused before it is opened (rapporteur-import's tests show it).
    let dir = tempfile::tempdir().unwrap();
    for (path, kind) in [
        (dir.path().to_owned(), "a folder"),
        ("/dev/zero".into(), "a device"),
    ] {
        let err = read_report_file(&path).unwrap_err();
        assert!(
            matches!(&err, FileError::NotAFile { kind: k, .. } if k.to_string() == kind),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}: {kind}, not a regular file; only regular files are read",
                path.display()
            )
        );
    }
}
