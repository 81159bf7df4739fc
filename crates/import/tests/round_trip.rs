//! Round trip: a report exported as a Word file or as text imports back to the same
//! structured data — ids, titles, actions (and process, gloss, kind), Questions and
//! their scopes, meeting facts, authors, headings and schedule rows.

use rapporteur_export::{export, DocxOptions, ExportFormat};
use rapporteur_format::read_report;
use rapporteur_import::{import, import_docx, import_text};
use rapporteur_model::{Block, Meeting, Report, Section};

const FIXTURES: &[(&str, &str)] = &[
    (
        "examples/sg17-2025-12.report.json",
        include_str!("../../../examples/sg17-2025-12.report.json"),
    ),
    (
        "tests/fixtures/sg17-2020-03-kanji.report.json",
        include_str!("../../../tests/fixtures/sg17-2020-03-kanji.report.json"),
    ),
];

/// The meeting's facts as printed: the mode is not printed, so not compared.
fn printed_facts(meeting: &Meeting) -> Meeting {
    Meeting {
        mode: None,
        ..meeting.clone()
    }
}

/// Each section's heading (or Working Party) and blocks, depth first, as printed: a
/// Question's scope is printed only in its Working Party's sentence, and with
/// `flatten_cells` a schedule cell's line breaks compare as the spaces the text export
/// prints for them.
fn sections(sections: &[Section], flatten_cells: bool, out: &mut Vec<String>) {
    for section in sections {
        out.push(format!(
            "section {:?} {:?}",
            section.heading, section.working_party
        ));
        for block in &section.blocks {
            let block = match block {
                Block::Schedule(schedule) if flatten_cells => {
                    let mut schedule = schedule.clone();
                    for row in &mut schedule.rows {
                        row.content = row.content.as_ref().map(|c| c.replace('\n', " "));
                    }
                    Block::Schedule(schedule)
                }
                Block::Question(question) if section.working_party.is_none() => {
                    Block::Question(rapporteur_model::Question {
                        scope: None,
                        ..question.clone()
                    })
                }
                other => other.clone(),
            };
            out.push(format!("{block:?}"));
        }
        self::sections(&section.sections, flatten_cells, out);
    }
}

fn options() -> DocxOptions {
    let at = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    DocxOptions {
        created: at,
        modified: at,
    }
}

/// Each fixture exported in `format`: its name, the report it holds and the export.
fn exported(format: ExportFormat) -> impl Iterator<Item = (&'static str, Report, Vec<u8>)> {
    FIXTURES.iter().map(move |(name, json)| {
        let report = read_report(json).unwrap();
        let bytes = export(&report, format, &options()).unwrap();
        (*name, report, bytes)
    })
}

fn assert_same(original: &Report, imported: &Report, flatten_cells: bool, what: &str) {
    assert_eq!(imported.title, original.title, "{what}: title");
    assert_eq!(imported.language, original.language, "{what}: language");
    assert_eq!(imported.style, original.style, "{what}: preset");
    assert_eq!(imported.authors, original.authors, "{what}: authors");
    assert_eq!(
        printed_facts(&imported.meeting),
        printed_facts(&original.meeting),
        "{what}: meeting facts"
    );
    let (mut want, mut got) = (Vec::new(), Vec::new());
    sections(&original.sections, flatten_cells, &mut want);
    sections(&imported.sections, flatten_cells, &mut got);
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "{what}: body line {i}");
    }
    assert_eq!(got.len(), want.len(), "{what}: as many sections and blocks");
}

#[test]
fn a_word_export_imports_back_to_the_same_report() {
    for (name, report, bytes) in exported(ExportFormat::Docx) {
        let imported = import_docx(&bytes).unwrap();
        assert_same(
            &report,
            &imported.report,
            false,
            &format!("{name} as .docx"),
        );
        // Told apart by content.
        assert_eq!(import(&bytes).unwrap(), imported);
    }
}

#[test]
fn a_text_export_imports_back_to_the_same_report() {
    for (name, report, bytes) in exported(ExportFormat::Text) {
        let imported = import_text(&bytes).unwrap();
        assert_same(&report, &imported.report, true, &format!("{name} as text"));
        assert!(
            imported.notice.typos.is_empty(),
            "{name}: no typos in generated text"
        );
    }
}
