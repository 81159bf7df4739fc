//! Parts of the document with nothing in them.

use crate::findings::{FindingKind, Found};
use rapporteur_model::{visit_sections, Block, Report};

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let mut found = Vec::new();
    visit_sections(&report.sections, &mut |path, _, section| {
        if section.blocks.is_empty() && section.sections.is_empty() {
            found.push((path.to_owned(), FindingKind::EmptySection));
        }
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        for (b, block) in section.blocks.iter().enumerate() {
            // A Question that did not meet is reported as such, with nothing else.
            if let Block::Question(q) = block {
                if q.discussed && q.outcomes.is_empty() && blank(&q.text) && blank(&q.note) {
                    let kind = FindingKind::EmptyQuestion { number: q.number };
                    found.push((format!("{path}.blocks[{b}]"), kind));
                }
            }
        }
    });
    found
}
