//! The use cases both shells call, on a real database file in a temporary folder: what
//! the app's window and rapporteur-cli do, without either.

use rapporteur_core::{
    read_any_file, CommandError, ErrorCode, ExportNotice, ExportRequest, Library, OpenedFile,
    TemplateChoice, WordTemplateSource,
};
use rapporteur_export::ExportFormat;
use rapporteur_model::{Block, Language, Report};
use rapporteur_storage::WordTemplateUse;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);
const PUBLISHED_TEXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/sg17-2025-12-report.txt"
);
const EXAMPLE_TITLE: &str = "ITU-T SG17第2回会合報告";

struct Folder(tempfile::TempDir);

impl Folder {
    fn new() -> Folder {
        Folder(tempfile::tempdir().unwrap())
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.path("library.sqlite3")
    }

    fn open(&self) -> Library {
        Library::open(&self.db()).unwrap()
    }

    /// The library, with the example report imported (its id).
    fn open_with_example(&self) -> (Library, i64) {
        let mut library = self.open();
        let id = library.import_file(Path::new(EXAMPLE)).unwrap().id;
        (library, id)
    }

    /// A copy of `from` under the name `name`: files are read by content, not by name.
    fn copy(&self, from: &str, name: &str) -> PathBuf {
        let to = self.path(name);
        std::fs::copy(from, &to).unwrap();
        to
    }
}

fn titles(library: &Library) -> Vec<String> {
    library
        .list()
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

fn code<T: std::fmt::Debug>(result: Result<T, CommandError>) -> ErrorCode {
    result.unwrap_err().code
}

#[test]
fn the_first_run_adds_the_example_and_the_built_in_template_once() {
    let folder = Folder::new();
    let mut library = folder.open();
    library.seed_first_run().unwrap();
    library.seed_first_run().unwrap();
    assert_eq!(titles(&library), [EXAMPLE_TITLE]);
    let templates = library.templates().unwrap();
    assert_eq!(templates.templates.len(), 1);
    assert_eq!(templates.templates[0].name, templates.built_in);

    // Deleted by the user, neither comes back at the next start.
    let example = library.list().unwrap()[0].id;
    library.delete(example).unwrap();
    library.delete_template(&templates.built_in).unwrap();
    drop(library);
    let mut library = folder.open();
    library.seed_first_run().unwrap();
    assert!(titles(&library).is_empty());
    assert!(library.templates().unwrap().templates.is_empty());

    // The built-in template is shown again when asked, once.
    library.show_built_in_template().unwrap();
    library.show_built_in_template().unwrap();
    assert_eq!(library.templates().unwrap().templates.len(), 1);
}

#[test]
fn a_blank_report_opens_with_the_introduction_and_its_summary() {
    let folder = Folder::new();
    let mut library = folder.open();
    let id = library.create_blank().unwrap();
    let stored = library.report(id).unwrap();
    assert_eq!(stored.revision, 1);
    let report = stored.report;
    assert_eq!(report.title, "");
    assert_eq!(report.meeting.organization, "ITU-T");
    assert_eq!(report.sections.len(), 1);
    assert_eq!(report.sections[0].heading.as_deref(), Some("はじめに"));
    let blocks = &report.sections[0].blocks;
    assert!(matches!(blocks[..], [Block::Summary { ref uid }] if !uid.is_empty()));
}

#[test]
fn a_duplicate_is_titled_as_a_copy_in_the_reports_language() {
    let folder = Folder::new();
    let (mut library, ja) = folder.open_with_example();
    let copy = library.duplicate(ja).unwrap();
    assert_eq!(
        library.report(copy).unwrap().report.title,
        format!("{EXAMPLE_TITLE}（複製）")
    );
    assert_eq!(library.report(ja).unwrap().report.title, EXAMPLE_TITLE);

    let mut english = Report::new("SG17 meeting", "ITU-T", "SG17");
    english.language = Language::En;
    let id = library.create_blank().unwrap();
    library.save(id, &english).unwrap();
    let copy = library.duplicate(id).unwrap();
    assert_eq!(
        library.report(copy).unwrap().report.title,
        "SG17 meeting (copy)"
    );
    assert_eq!(code(library.duplicate(999)), ErrorCode::ReportNotFound);
}

#[test]
fn any_file_is_read_by_its_content_not_its_name() {
    let folder = Folder::new();
    let mut library = folder.open();
    // A report file named as text, the published text named as a report file.
    let report_file = folder.copy(EXAMPLE, "notes.txt");
    let published = folder.copy(PUBLISHED_TEXT, "report.report.json");
    let imported = library.import_file(&report_file).unwrap();
    assert!(imported.notice.is_none(), "a report file has no notice");
    let imported = library.import_file(&published).unwrap();
    let notice = imported.notice.expect("a published report has an notice");
    assert!(!notice.recognised.is_empty());
    assert_eq!(
        library.report(imported.id).unwrap().report.title,
        EXAMPLE_TITLE
    );

    // A Word file, whatever its name.
    let exported = library
        .export(
            imported.id,
            &ExportRequest {
                format: ExportFormat::Docx,
                template: TemplateChoice::OwnStyle,
            },
        )
        .unwrap();
    let word = folder.path("word.json");
    std::fs::write(&word, &exported.bytes).unwrap();
    let (report, notice) = read_any_file(&word).unwrap();
    assert!(notice.is_some());
    assert_eq!(report.title, EXAMPLE_TITLE);
}

#[test]
fn files_are_imported_all_or_none() {
    let folder = Folder::new();
    let mut library = folder.open();
    let bad = folder.path("bad.report.json");
    std::fs::write(&bad, r#"{"format": "rapporteur.report", "version": 1}"#).unwrap();
    let err = library
        .import_files(&[PathBuf::from(EXAMPLE), bad.clone()])
        .unwrap_err();
    assert!(err.message.contains("bad.report.json"), "{}", err.message);
    assert!(titles(&library).is_empty(), "nothing was added");

    let both = library
        .import_files(&[PathBuf::from(EXAMPLE), PathBuf::from(PUBLISHED_TEXT)])
        .unwrap();
    assert_eq!(both.len(), 2);
    assert!(both[0].notice.is_none() && both[1].notice.is_some());
    assert_eq!(titles(&library).len(), 2);
}

#[test]
fn a_file_opened_from_the_desktop_is_added_unless_its_report_is_there() {
    let folder = Folder::new();
    let mut library = folder.open();
    let OpenedFile::Imported { file } = library.open_file(Path::new(EXAMPLE)).unwrap() else {
        panic!("the first opening adds the report");
    };
    match library.open_file(Path::new(EXAMPLE)).unwrap() {
        OpenedFile::InLibrary { existing } => assert_eq!(existing.id, file.id),
        other => panic!("the same meeting's report is found: {other:?}"),
    }
    // A published report is always read back as a new report, with its notice.
    for _ in 0..2 {
        let OpenedFile::Imported { file } = library.open_file(Path::new(PUBLISHED_TEXT)).unwrap()
        else {
            panic!("a published report is imported");
        };
        assert!(file.notice.is_some());
    }
    assert_eq!(titles(&library).len(), 3);
}

#[test]
fn an_export_takes_the_reports_stored_dates_so_it_is_the_same_each_time() {
    let folder = Folder::new();
    let (library, id) = folder.open_with_example();
    let word = ExportRequest {
        format: ExportFormat::Docx,
        template: TemplateChoice::OwnStyle,
    };
    let first = library.export(id, &word).unwrap().bytes;
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(library.export(id, &word).unwrap().bytes, first);

    let json = library
        .export(
            id,
            &ExportRequest {
                format: ExportFormat::Json,
                template: TemplateChoice::OwnStyle,
            },
        )
        .unwrap();
    let back = rapporteur_format::read_report(std::str::from_utf8(&json.bytes).unwrap()).unwrap();
    assert_eq!(back, library.report(id).unwrap().report);

    // Written anywhere but over the database.
    let out = folder.path("sg17.docx");
    library.write_export(&out, &first).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), first);
    let refused = library.write_export(&folder.db(), &first).unwrap_err();
    assert!(refused.message.contains("database"), "{}", refused.message);
    assert!(library.report(id).is_ok(), "the database is untouched");
}

#[test]
fn a_template_is_for_word_files_only() {
    let folder = Folder::new();
    let (library, id) = folder.open_with_example();
    let request = ExportRequest {
        format: ExportFormat::Text,
        template: TemplateChoice::File(PathBuf::from(EXAMPLE)),
    };
    assert!(library.export(id, &request).is_err());
    let request = ExportRequest {
        format: ExportFormat::Docx,
        template: TemplateChoice::File(PathBuf::from(EXAMPLE)),
    };
    let err = library.export(id, &request).unwrap_err();
    assert!(
        err.message.contains("sg17-2025-12.report.json"),
        "{}",
        err.message
    );
}

#[test]
fn a_check_compares_titles_with_the_other_reports_but_not_its_own_copy() {
    let folder = Folder::new();
    let (mut library, id) = folder.open_with_example();
    let stored = library.report(id).unwrap().report;
    let (_, _, outcome) = stored
        .outcomes()
        .into_iter()
        .find(|(_, _, o)| o.id.is_some())
        .expect("the example has work items");
    let text = rapporteur_format::write_report(&stored).replace(
        &format!("\"title\": \"{}\"", outcome.title),
        "\"title\": \"A title no report gave it\"",
    );
    let mut report = rapporteur_format::read_report(&text).unwrap();
    // The next year's meeting, so that the example's is an earlier one.
    report.meeting.start = report.meeting.start.map(|d| d + chrono::Days::new(365));
    report.meeting.end = report.meeting.end.map(|d| d + chrono::Days::new(365));
    let title_findings = |findings: Vec<rapporteur_checks::Finding>| {
        findings
            .into_iter()
            .filter(|f| f.code == "id.title_changed")
            .count()
    };
    // Only its own stored copy knows the item: nothing to compare with.
    let alone = library.check(&report, Some(id), Language::En).unwrap();
    assert_eq!(title_findings(alone), 0);
    // Another report of the library gave it its other title.
    library.import_file(Path::new(EXAMPLE)).unwrap();
    let checked = library.check(&report, Some(id), Language::En).unwrap();
    assert!(title_findings(checked) > 0);
}

#[test]
fn reuse_makes_the_next_meetings_report_and_templates() {
    let folder = Folder::new();
    let (mut library, id) = folder.open_with_example();
    let next = library.new_from(id).unwrap();
    assert!(!next.carried.is_empty() && !next.to_fill.is_empty());
    assert_ne!(next.id, id);

    library.save_as_template(id, "SG17").unwrap();
    assert_eq!(
        code(library.save_as_template(id, "SG17")),
        ErrorCode::TemplateExists
    );
    let made = library.new_from_template("SG17").unwrap();
    assert_eq!(
        library.report(made.id).unwrap().report.sections.len(),
        library.report(id).unwrap().report.sections.len()
    );
    assert_eq!(
        code(library.new_from_template("none")),
        ErrorCode::TemplateNotFound
    );
    let hits = library
        .search("量子", rapporteur_core::SEARCH_LIMIT)
        .unwrap();
    assert!(hits.len() > 1, "{hits:?}");
    assert_eq!(library.search("量子", 1).unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_code() {
    let folder = Folder::new();
    let path = folder.path("notes.sqlite3");
    std::fs::write(
        &path,
        "these are notes, not a database, and long enough to tell",
    )
    .unwrap();
    let err = Library::open(&path).err().expect("refused");
    assert_eq!(err.code, ErrorCode::NotADatabase);
    assert_eq!(err.params.path.as_deref(), path.to_str());
}

#[test]
fn a_reports_word_template_is_kept_and_used_until_it_chooses_its_own_style() {
    let folder = Folder::new();
    let (mut library, id) = folder.open_with_example();
    let other = library.import_file(Path::new(EXAMPLE)).unwrap().id;
    let word = |template| ExportRequest {
        format: ExportFormat::Docx,
        template,
    };
    let own = library.export(id, &word(TemplateChoice::Kept)).unwrap();
    assert!(own.kept_template.is_none(), "no template kept yet");

    // Any Word file serves as a template; this one is the report's own export.
    let template = folder.path("journal.docx");
    std::fs::write(&template, &own.bytes).unwrap();
    let set = library.set_word_template(id, &template).unwrap();
    assert_eq!(set.file_name, "journal.docx");
    std::fs::remove_file(&template).unwrap();
    let kept = library.export(id, &word(TemplateChoice::Kept)).unwrap();
    assert!(matches!(
        kept.kept_template,
        Some(WordTemplateUse::Chosen(ref t)) if t.file_name == "journal.docx"
    ));
    // The library default, for the report that chose none.
    assert!(matches!(
        library.word_template(other).unwrap(),
        WordTemplateUse::LibraryDefault(_)
    ));
    let this_time = library.export(id, &word(TemplateChoice::OwnStyle)).unwrap();
    assert_eq!(this_time.bytes, own.bytes);

    // What the user is told: the template, and the styles it lacked.
    let notice = kept.notice();
    assert_eq!(notice.template.as_deref(), Some("journal.docx"));
    assert_eq!(
        notice.own_styles,
        Vec::<String>::new(),
        "its own export has every style"
    );
    let info = library.word_template_info(id).unwrap();
    assert_eq!(info.source, WordTemplateSource::Chosen);
    let page = info.look.unwrap().page.unwrap();
    assert_eq!((page.width_mm, page.columns), (210.0, 1), "Rapporteur's A4");
    assert_eq!(
        library.word_template_info(other).unwrap().source,
        WordTemplateSource::LibraryDefault
    );

    // A file that is no template is refused, naming it, and changes nothing.
    let err = library
        .set_word_template(id, Path::new(EXAMPLE))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WordTemplateRefused);
    assert_eq!(err.params.path.as_deref(), Some(EXAMPLE));
    assert!(matches!(
        library.word_template(id).unwrap(),
        WordTemplateUse::Chosen(_)
    ));
    library.use_own_style(id).unwrap();
    let back = library.export(id, &word(TemplateChoice::Kept)).unwrap();
    assert!(back.kept_template.is_none());
    assert_eq!(back.notice(), ExportNotice::default());
    assert_eq!(back.bytes, own.bytes);
    let info = library.word_template_info(id).unwrap();
    assert_eq!(
        (info.source, info.file_name, info.look.is_none()),
        (WordTemplateSource::OwnStyle, None, true)
    );
}
