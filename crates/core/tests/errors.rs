//! Failures a user meets, each with its own code and the facts its message is made of:
//! files refused at import, a report file that is not valid, an export with nowhere to go.

use rapporteur_core::{CommandError, ErrorCode, ExportRequest, Library, TemplateChoice};
use rapporteur_export::ExportFormat;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

struct Folder(tempfile::TempDir);

impl Folder {
    fn new() -> Folder {
        Folder(tempfile::tempdir().unwrap())
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    fn library(&self) -> Library {
        Library::open(&self.0.path().join("library.sqlite3")).unwrap()
    }
}

fn import_error(library: &mut Library, path: &Path) -> CommandError {
    let err = library.import_file(path).unwrap_err();
    assert_eq!(err.params.path.as_deref(), path.to_str(), "{err:?}");
    assert!(err.message.contains(path.to_str().unwrap()), "{err:?}");
    err
}

#[test]
fn a_refused_file_says_why_by_code_with_its_path() {
    let folder = Folder::new();
    let mut library = folder.library();

    let letter = folder.file(
        "letter.txt",
        "拝啓\n\n先日はありがとうございました。\n".as_bytes(),
    );
    let err = import_error(&mut library, &letter);
    assert_eq!(err.code, ErrorCode::NotAPublishedReport);
    assert_eq!(err.params.name.as_deref(), Some("拝啓"));

    let err = import_error(&mut library, folder.0.path());
    assert_eq!(err.code, ErrorCode::NotAFile);
    assert_eq!(err.params.found.as_deref(), Some("folder"));

    let broken = folder.file("broken.docx", b"PK\x03\x04 not really a zip archive");
    assert_eq!(
        import_error(&mut library, &broken).code,
        ErrorCode::WordNotZip
    );

    let empty = folder.file("empty.txt", b"  \n\n");
    assert_eq!(
        import_error(&mut library, &empty).code,
        ErrorCode::FileEmpty
    );

    let latin1 = folder.file("latin1.txt", b"caf\xe9 report\n");
    let err = import_error(&mut library, &latin1);
    assert_eq!(err.code, ErrorCode::FileNotUtf8);
    assert_eq!(err.params.found.as_deref(), Some("3"));

    let missing = folder.0.path().join("missing.report.json");
    assert_eq!(
        import_error(&mut library, &missing).code,
        ErrorCode::FileNotReadable
    );
    assert!(library.list().unwrap().is_empty(), "nothing was added");
}

#[test]
fn a_report_file_that_is_not_valid_names_the_place_in_it() {
    let folder = Folder::new();
    let mut library = folder.library();
    let not_json = folder.file("a.report.json", b"{\n  \"format\": ");
    let err = import_error(&mut library, &not_json);
    assert_eq!(err.code, ErrorCode::ReportFileNotJson);
    assert_eq!(err.params.line, Some(2));

    let example = std::fs::read_to_string(EXAMPLE).unwrap();
    let bad_date = example.replacen("\"start\": \"2025-12-03\"", "\"start\": \"3 Dec\"", 1);
    assert_ne!(bad_date, example);
    let err = import_error(
        &mut library,
        &folder.file("b.report.json", bad_date.as_bytes()),
    );
    assert_eq!(err.code, ErrorCode::InvalidReport);
    assert_eq!(err.params.place.as_deref(), Some("meeting.start"));

    let newer = example.replacen("\"version\": 1", "\"version\": 7", 1);
    let err = import_error(
        &mut library,
        &folder.file("c.report.json", newer.as_bytes()),
    );
    assert_eq!(err.code, ErrorCode::ReportFileNewer);
    assert_eq!(err.params.found.as_deref(), Some("7"));
    assert_eq!(err.params.known.as_deref(), Some("1"));
}

#[test]
fn an_export_that_cannot_be_written_is_not_an_io_error_of_no_kind() {
    let folder = Folder::new();
    let mut library = folder.library();
    let id = library.import_file(Path::new(EXAMPLE)).unwrap().id;
    let docx = |template| ExportRequest {
        format: ExportFormat::Docx,
        template,
    };
    let bytes = library
        .export(id, &docx(TemplateChoice::OwnStyle))
        .unwrap()
        .bytes;

    let over = library.write_export(library.path(), &bytes).unwrap_err();
    assert_eq!(over.code, ErrorCode::ExportOverDatabase);
    let nowhere = folder.0.path().join("no/such/folder/out.docx");
    let err = library.write_export(&nowhere, &bytes).unwrap_err();
    assert_eq!(err.code, ErrorCode::FileNotWritable);
    assert_eq!(err.params.path.as_deref(), nowhere.to_str());

    let text = ExportRequest {
        format: ExportFormat::Text,
        template: TemplateChoice::File(EXAMPLE.into()),
    };
    assert_eq!(
        library.export(id, &text).unwrap_err().code,
        ErrorCode::TemplateNeedsWord
    );
    let not_word = library
        .export(id, &docx(TemplateChoice::File(EXAMPLE.into())))
        .unwrap_err();
    assert_eq!(not_word.code, ErrorCode::WordTemplateRefused);
    assert_eq!(not_word.params.path.as_deref(), Some(EXAMPLE));
}
