//! What the report still lacks: the facts the journal's title page and the generated
//! summary print (title, byline, group, dates, place, counts), an empty schedule table,
//! and Questions numbered twice. A new report from a past one or a template starts with
//! all of these to fill; as findings they stay in the checks panel until they are done,
//! rather than in a list shown once when the report is made.

use crate::findings::{FindingKind, Found};
use rapporteur_model::{visit_sections, Block, Report};
use std::collections::HashMap;

/// A fact of the report that is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    Title,
    Authors,
    Group,
    Ordinal,
    Dates,
    Place,
    Mode,
    Participants,
    Contributions,
    TemporaryDocuments,
}

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let m = &report.meeting;
    let blank = |s: &str| s.trim().is_empty();
    let facts = [
        (blank(&report.title), "title", Fact::Title),
        (report.authors.is_empty(), "authors", Fact::Authors),
        (blank(&m.group), "meeting.group", Fact::Group),
        (m.ordinal.is_none(), "meeting.ordinal", Fact::Ordinal),
        (m.start.is_none(), "meeting.start", Fact::Dates),
        (m.place_parts().is_empty(), "meeting.city", Fact::Place),
        (m.mode.is_none(), "meeting.mode", Fact::Mode),
        (
            m.participants.as_ref().and_then(|p| p.total).is_none(),
            "meeting.participants.total",
            Fact::Participants,
        ),
        (
            m.contributions.as_ref().and_then(|c| c.total).is_none(),
            "meeting.contributions.total",
            Fact::Contributions,
        ),
        (
            m.temporary_documents.is_none(),
            "meeting.temporary_documents",
            Fact::TemporaryDocuments,
        ),
    ];
    let mut found: Vec<Found> = facts
        .into_iter()
        .filter(|(missing, _, _)| *missing)
        .map(|(_, path, fact)| (path.to_owned(), FindingKind::Missing(fact)))
        .collect();

    // Question numbers are the study group's: one number, one Question, in every Working
    // Party. The first place a number is used is where the others point.
    let mut first_place: HashMap<u32, String> = HashMap::new();
    visit_sections(&report.sections, &mut |path, number, section| {
        let section_number = number
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        for (b, block) in section.blocks.iter().enumerate() {
            match block {
                Block::Schedule(s) if s.rows.is_empty() => {
                    found.push((
                        format!("{path}.blocks[{b}].rows"),
                        FindingKind::EmptySchedule,
                    ));
                }
                Block::Question(q) => match first_place.get(&q.number) {
                    Some(first) => found.push((
                        format!("{path}.blocks[{b}].number"),
                        FindingKind::DuplicateQuestion {
                            number: q.number,
                            first_section: first.clone(),
                        },
                    )),
                    None => {
                        first_place.insert(q.number, section_number.clone());
                    }
                },
                _ => {}
            }
        }
    });
    found
}
