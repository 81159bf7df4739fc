#![allow(dead_code)] // Each test file uses part of these.

use rapporteur_collab::ReportDoc;
use rapporteur_model::{Block, Report, Section};

pub const EXAMPLE: &str = include_str!("../../../../examples/sg17-2025-12.report.json");

/// The example with every element given its identity.
pub fn example() -> Report {
    let mut report = rapporteur_format::read_report(EXAMPLE).unwrap();
    rapporteur_model::uid::complete(&mut report);
    report
}

/// Co-author A's document of the example, and B's copy opened from A's share file.
pub fn two_copies() -> (ReportDoc, ReportDoc) {
    let a = ReportDoc::create(&example(), 1).unwrap();
    a.set_author_name("Aoki").unwrap();
    let b = ReportDoc::open_share_file(&a.share_file().unwrap(), 2).unwrap();
    b.set_author_name("Brown").unwrap();
    (a, b)
}

/// Edits the document's report as the app would: the whole report saved after `change`.
pub fn edit(doc: &ReportDoc, change: impl FnOnce(&mut Report)) {
    let mut report = doc.report().unwrap();
    change(&mut report);
    rapporteur_model::uid::complete(&mut report);
    doc.apply(&report).unwrap();
}

/// The text of the first paragraph block of `section`, mutable.
pub fn first_paragraph(section: &mut rapporteur_model::Section) -> &mut String {
    section
        .blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text),
            _ => None,
        })
        .expect("a paragraph")
}

/// The first Question of the report, mutable.
pub fn first_question(report: &mut Report) -> &mut rapporteur_model::Question {
    first_block(&mut report.sections, |block| match block {
        Block::Question(q) => Some(q),
        _ => None,
    })
    .expect("a Question")
}

/// The first schedule table of the report, mutable.
pub fn first_schedule(report: &mut Report) -> &mut rapporteur_model::Schedule {
    first_block(&mut report.sections, |block| match block {
        Block::Schedule(s) => Some(s),
        _ => None,
    })
    .expect("a schedule table")
}

/// The first block of `sections` that `pick` takes, in document order (a section's own
/// blocks before its subsections').
fn first_block<T>(
    sections: &mut [Section],
    pick: fn(&mut Block) -> Option<&mut T>,
) -> Option<&mut T> {
    for section in sections {
        if let Some(found) = section.blocks.iter_mut().find_map(pick) {
            return Some(found);
        }
        if let Some(found) = first_block(&mut section.sections, pick) {
            return Some(found);
        }
    }
    None
}
