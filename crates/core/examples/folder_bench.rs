//! Figures, not a test: a delegate's folder of 100 past reports imported at once into a
//! new library (`Library::import_folder`, as "Import past reports…" and `rapporteur-cli
//! import --dir` do), the reports generated from the example in varied years, groups and
//! presets and written as the journal's text, Word files and report files. (Not in
//! English: the example's paragraphs are Japanese, so its English export is a mixed
//! text; the English reader is measured by `tests/rewrap.rs` of the import.) `make
//! bench` runs it in release; docs/performance.md keeps the figures.

use rapporteur_core::{FolderResult, Library};
use rapporteur_export::{DocxOptions, ExportFormat};
use rapporteur_format::read_report;
use rapporteur_model::{Preset, Report};
use std::ops::ControlFlow;
use std::time::Instant;

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const REPORTS: usize = 100;

const GROUPS: [&str; 5] = ["SG13", "SG16", "SG17", "SG20", "TSAG"];

/// The example as the report of another meeting: group, year, ordinal and preset vary
/// with `i`.
fn variant(example: &Report, i: usize) -> Report {
    let mut report = example.clone();
    let group = GROUPS[i % GROUPS.len()];
    let year = 2005 + (i / GROUPS.len()) as i32;
    let ordinal = (i % 7) as u32 + 1;
    report.title = format!("ITU-T {group}第{ordinal}回会合報告（{year}年）");
    report.style.preset = if i.is_multiple_of(2) {
        Preset::JaKatakana
    } else {
        Preset::JaKanji
    };
    let meeting = &mut report.meeting;
    meeting.group = group.to_owned();
    meeting.ordinal = Some(ordinal);
    let start = chrono::NaiveDate::from_ymd_opt(year, (i % 12) as u32 + 1, 3).unwrap();
    meeting.start = Some(start);
    meeting.end = Some(start + chrono::Days::new(8));
    report
}

fn main() {
    let example = read_report(EXAMPLE).expect("the example reads");
    let home = tempfile::tempdir().expect("a temporary folder");
    let folder = home.path().join("past reports");
    std::fs::create_dir(&folder).unwrap();
    let options = DocxOptions {
        created: chrono::DateTime::UNIX_EPOCH,
        modified: chrono::DateTime::UNIX_EPOCH,
    };
    let mut bytes = 0;
    for i in 0..REPORTS {
        let (format, name) = match i % 3 {
            0 => (ExportFormat::Text, format!("{i:03}.txt")),
            1 => (ExportFormat::Docx, format!("{i:03}.docx")),
            _ => (ExportFormat::Json, format!("{i:03}.report.json")),
        };
        let written = rapporteur_export::export(&variant(&example, i), format, &options)
            .expect("the variant exports");
        bytes += written.len();
        std::fs::write(folder.join(name), written).unwrap();
    }

    let mut library = Library::open(&home.path().join("library.sqlite3")).expect("a new library");
    let started = Instant::now();
    let files = library
        .import_folder(&folder, |_| ControlFlow::Continue(()))
        .expect("the folder reads");
    let seconds = started.elapsed().as_secs_f64();

    // Each file is read whole (as its report file, which reads back exactly), or the
    // figure would time less than the work.
    let mut read = std::collections::BTreeSet::new();
    for file in &files {
        match &file.result {
            FolderResult::Imported {
                questions,
                outcomes,
                ..
            } => read.insert((*questions, *outcomes)),
            other => panic!("{} was not imported: {other:?}", file.file),
        };
    }
    let whole: Vec<_> = read.into_iter().collect();
    assert_eq!(whole.len(), 1, "every file read as much: {whole:?}");
    let (questions, outcomes) = whole[0];
    assert_eq!(outcomes as usize, example.outcomes().len());
    assert_eq!(files.len(), REPORTS);
    assert_eq!(library.list().unwrap().len(), REPORTS);
    println!(
        "\nA folder of {REPORTS} past reports ({:.1} MiB: text, Word and report files; both presets) \
         imported into a new library: {seconds:.2} s ({:.0} ms a file), each with its {} Questions \
         and {} outcomes",
        bytes as f64 / (1 << 20) as f64,
        seconds * 1000.0 / REPORTS as f64,
        questions,
        outcomes,
    );
    println!(
        r#"bench: {{"name": "import a folder of {REPORTS} reports (s)", "value": {seconds:.3}, "unit": "s", "aim": 5}}"#
    );
}
