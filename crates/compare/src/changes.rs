//! What changed between two states of a report, in the user's terms: "Question 10: two
//! outcomes added", "the dates changed", "WP2: text edited". The history labels each
//! entry with these (worded by the UI, in its language).

use crate::sequence::{counts, Counts};
use rapporteur_model::uid::for_each_uid;
use rapporteur_model::{visit_sections, Block, Meeting, Question, Report, Section, Uid};
use rapporteur_prose::outline;
use serde::{Deserialize, Serialize};
use specta::Type;

/// One change: what part of the report, how, how many of them, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Change {
    pub part: ReportPart,
    pub how: ChangeKind,
    /// How many items (outcomes, rows, paragraphs…) were added, removed or edited.
    pub count: u32,
    pub place: ChangePlace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Edited,
}

/// The parts of a report a change can concern, as the user sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportPart {
    /// The report as a whole: created (nothing before it).
    Report,
    Title,
    Language,
    Style,
    Authors,
    /// The meeting's start and end.
    Dates,
    /// Site, city and country.
    Venue,
    Mode,
    /// Participants, contributions, temporary documents.
    Counts,
    /// The other facts of the meeting: organisation, group, its topic, the ordinal, the
    /// home country.
    Meeting,
    Section,
    Heading,
    WorkingParty,
    Summary,
    Paragraphs,
    Bullets,
    Question,
    /// A Question's scope, note, own text, or whether it met.
    QuestionText,
    Outcomes,
    Schedule,
    ScheduleRows,
    /// Sections or blocks moved, nothing else changed.
    Order,
}

/// Where a change is: the section as the outline prints its heading (`3.1 WP2: …`), and
/// the Question by its number. Neither for the title page and the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ChangePlace {
    pub section: Option<String>,
    pub question: Option<u32>,
}

/// What changed from `before` to `after`, in document order; `before` is `None` for a
/// report's first revision. Equal reports give no changes.
pub fn changes(before: Option<&Report>, after: &Report) -> Vec<Change> {
    let mut found = Found::default();
    let Some(before) = before else {
        found.add(
            ReportPart::Report,
            ChangeKind::Added,
            1,
            ChangePlace::default(),
        );
        return found.0;
    };
    // Identities are the editor's bookkeeping, not the user's text: an element that only
    // gained one (a report of the first release, opened) has not changed.
    let (before, after) = (&without_uids(before), &without_uids(after));
    let top = ChangePlace::default();
    found.edited(ReportPart::Title, before.title != after.title, &top);
    found.edited(
        ReportPart::Language,
        before.language != after.language,
        &top,
    );
    found.edited(ReportPart::Style, before.style != after.style, &top);
    found.counted(
        ReportPart::Authors,
        counts(&before.authors, &after.authors),
        &top,
    );
    meeting(&mut found, &before.meeting, &after.meeting);
    sections(&mut found, before, after);
    if found.0.is_empty() && before != after {
        found.add(ReportPart::Order, ChangeKind::Edited, 1, top);
    }
    found.0
}

fn without_uids(report: &Report) -> Report {
    let mut report = report.clone();
    for_each_uid(&mut report, &mut |uid| *uid = Uid::default());
    report
}

/// The changes found so far; the same part, change and place found twice is counted once
/// with both counts.
#[derive(Default)]
struct Found(Vec<Change>);

impl Found {
    fn add(&mut self, part: ReportPart, how: ChangeKind, count: u32, place: ChangePlace) {
        if count == 0 {
            return;
        }
        match self
            .0
            .iter_mut()
            .find(|c| c.part == part && c.how == how && c.place == place)
        {
            Some(same) => same.count += count,
            None => self.0.push(Change {
                part,
                how,
                count,
                place,
            }),
        }
    }

    fn edited(&mut self, part: ReportPart, differs: bool, place: &ChangePlace) {
        self.add(part, ChangeKind::Edited, u32::from(differs), place.clone());
    }

    fn counted(&mut self, part: ReportPart, counts: Counts, place: &ChangePlace) {
        self.add(part, ChangeKind::Added, counts.added, place.clone());
        self.add(part, ChangeKind::Removed, counts.removed, place.clone());
        self.add(part, ChangeKind::Edited, counts.edited, place.clone());
    }
}

fn meeting(found: &mut Found, b: &Meeting, a: &Meeting) {
    let top = ChangePlace::default();
    found.edited(
        ReportPart::Dates,
        (b.start, b.end) != (a.start, a.end),
        &top,
    );
    found.edited(
        ReportPart::Venue,
        (&b.site, &b.city, &b.country) != (&a.site, &a.city, &a.country),
        &top,
    );
    found.edited(ReportPart::Mode, b.mode != a.mode, &top);
    found.edited(
        ReportPart::Counts,
        (&b.participants, &b.contributions, b.temporary_documents)
            != (&a.participants, &a.contributions, a.temporary_documents),
        &top,
    );
    let facts = |m: &Meeting| {
        (
            m.organization.clone(),
            m.group.clone(),
            m.group_topic.clone(),
            m.ordinal,
            m.home_country.clone(),
        )
    };
    found.edited(ReportPart::Meeting, facts(b) != facts(a), &top);
}

/// A section with what the outline says of it.
struct Entry<'a> {
    path: String,
    number: Vec<u32>,
    heading: String,
    section: &'a Section,
}

fn entries(report: &Report) -> Vec<Entry<'_>> {
    let headings = outline(report);
    let mut out = Vec::with_capacity(headings.len());
    visit_sections(&report.sections, &mut |path, number, section| {
        out.push(Entry {
            path: path.to_owned(),
            number: number.to_vec(),
            heading: String::new(),
            section,
        })
    });
    // `outline` visits the sections in the same order.
    for (entry, printed) in out.iter_mut().zip(headings) {
        entry.heading = printed.heading.line();
    }
    out
}

/// What makes a section the same one across two revisions: its Working Party's number,
/// else its heading.
fn key(section: &Section) -> (Option<u32>, Option<&str>) {
    match &section.working_party {
        Some(wp) => (Some(wp.number), None),
        None => (None, section.heading.as_deref()),
    }
}

fn sections(found: &mut Found, before: &Report, after: &Report) {
    let old = entries(before);
    let new = entries(after);
    // For each section after, the section before it was: the same key first, then (a
    // section renamed) the one left at the same number.
    let mut pair: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for (n, entry) in new.iter().enumerate() {
        let same = (0..old.len()).find(|&o| !taken[o] && key(old[o].section) == key(entry.section));
        if let Some(o) = same {
            pair[n] = Some(o);
            taken[o] = true;
        }
    }
    for (n, entry) in new.iter().enumerate() {
        if pair[n].is_none() {
            let at = (0..old.len()).find(|&o| !taken[o] && old[o].number == entry.number);
            if let Some(o) = at {
                pair[n] = Some(o);
                taken[o] = true;
            }
        }
    }
    let mut added: Vec<&str> = Vec::new();
    for (n, entry) in new.iter().enumerate() {
        let place = ChangePlace {
            section: Some(entry.heading.clone()),
            question: None,
        };
        match pair[n] {
            Some(o) => section(found, old[o].section, entry.section, &place),
            None => {
                // A section added with its subsections is one change.
                if !added.iter().any(|p| within(&entry.path, p)) {
                    found.add(ReportPart::Section, ChangeKind::Added, 1, place);
                }
                added.push(&entry.path);
            }
        }
    }
    let mut removed: Vec<&str> = Vec::new();
    for (o, entry) in old.iter().enumerate() {
        if !taken[o] {
            if !removed.iter().any(|p| within(&entry.path, p)) {
                let place = ChangePlace {
                    section: Some(entry.heading.clone()),
                    question: None,
                };
                found.add(ReportPart::Section, ChangeKind::Removed, 1, place);
            }
            removed.push(&entry.path);
        }
    }
}

/// Whether the section at `path` is inside the one at `outer`.
fn within(path: &str, outer: &str) -> bool {
    path.strip_prefix(outer)
        .is_some_and(|rest| rest.starts_with(".sections["))
}

fn section(found: &mut Found, b: &Section, a: &Section, place: &ChangePlace) {
    let before = found.0.len();
    found.edited(ReportPart::Heading, b.heading != a.heading, place);
    found.edited(
        ReportPart::WorkingParty,
        b.working_party != a.working_party,
        place,
    );
    let summaries = |s: &Section| {
        s.blocks
            .iter()
            .filter(|b| matches!(b, Block::Summary { .. }))
            .count()
    };
    found.counted(
        ReportPart::Summary,
        counts(&vec![(); summaries(b)], &vec![(); summaries(a)]),
        place,
    );
    let paragraphs = |s| blocks(s, |b| matches!(b, Block::Paragraph { .. }).then_some(b));
    found.counted(
        ReportPart::Paragraphs,
        counts(&paragraphs(b), &paragraphs(a)),
        place,
    );
    let lists = |s| {
        blocks(s, |b| match b {
            Block::Bullets { items, .. } => Some(items),
            _ => None,
        })
    };
    let items = |s| lists(s).into_iter().flatten().collect::<Vec<_>>();
    found.counted(ReportPart::Bullets, counts(&items(b), &items(a)), place);
    questions(found, b, a, place);
    let schedules = |s| {
        blocks(s, |b| match b {
            Block::Schedule(table) => Some(table),
            _ => None,
        })
    };
    let (old, new) = (schedules(b), schedules(a));
    for (o, n) in old.iter().zip(&new) {
        found.edited(ReportPart::Schedule, o.caption != n.caption, place);
        found.counted(ReportPart::ScheduleRows, counts(&o.rows, &n.rows), place);
    }
    let extra = new.len().abs_diff(old.len()) as u32;
    let how = if new.len() > old.len() {
        ChangeKind::Added
    } else {
        ChangeKind::Removed
    };
    found.add(ReportPart::Schedule, how, extra, place.clone());
    // Blocks moved within the section, or between subsections, and nothing else.
    if found.0.len() == before && b.blocks != a.blocks {
        found.add(ReportPart::Order, ChangeKind::Edited, 1, place.clone());
    }
}

/// What `pick` takes from the blocks of `section`, in order.
fn blocks<'a, T>(section: &'a Section, pick: impl Fn(&'a Block) -> Option<T>) -> Vec<T> {
    section.blocks.iter().filter_map(pick).collect()
}

fn questions(found: &mut Found, b: &Section, a: &Section, place: &ChangePlace) {
    let questions = |s| {
        blocks(s, |b| match b {
            Block::Question(q) => Some(q),
            _ => None,
        })
    };
    let (old, new) = (questions(b), questions(a));
    let at = |number: u32| ChangePlace {
        section: place.section.clone(),
        question: Some(number),
    };
    for q in &new {
        match old.iter().find(|o| o.number == q.number) {
            Some(o) => {
                found.counted(
                    ReportPart::Outcomes,
                    counts(&o.outcomes, &q.outcomes),
                    &at(q.number),
                );
                let text =
                    |q: &Question| (q.scope.clone(), q.discussed, q.note.clone(), q.text.clone());
                found.edited(ReportPart::QuestionText, text(o) != text(q), &at(q.number));
            }
            None => found.add(ReportPart::Question, ChangeKind::Added, 1, at(q.number)),
        }
    }
    for o in &old {
        if !new.iter().any(|q| q.number == o.number) {
            found.add(ReportPart::Question, ChangeKind::Removed, 1, at(o.number));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapporteur_model::{Outcome, Schedule, ScheduleRow};

    const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

    fn example() -> Report {
        rapporteur_format::read_report(EXAMPLE).unwrap()
    }

    /// The first Question numbered `number`, wherever it is.
    fn question(report: &mut Report, number: u32) -> &mut Question {
        fn find(sections: &mut [Section], number: u32) -> Option<&mut Question> {
            for section in sections {
                for block in &mut section.blocks {
                    if let Block::Question(q) = block {
                        if q.number == number {
                            return Some(q);
                        }
                    }
                }
                if let Some(q) = find(&mut section.sections, number) {
                    return Some(q);
                }
            }
            None
        }
        find(&mut report.sections, number).expect("the example has the Question")
    }

    /// The printed heading of the section holding Question `number`.
    fn heading_of(report: &Report, number: u32) -> String {
        let mut found = None;
        for entry in entries(report) {
            let holds = entry
                .section
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Question(q) if q.number == number));
            if holds {
                found = Some(entry.heading);
            }
        }
        found.unwrap()
    }

    fn outcome(id: &str) -> Outcome {
        Outcome {
            uid: Uid::default(),
            id: Some(id.to_owned()),
            title: format!("Title of {id}"),
            action: rapporteur_model::Action::Agreed,
            process: None,
            document: None,
            gloss: None,
        }
    }

    #[test]
    fn two_outcomes_added_to_a_question_are_one_change_counting_two() {
        let before = example();
        let mut after = before.clone();
        let q = question(&mut after, 10);
        q.outcomes.push(outcome("X.9991"));
        q.outcomes.insert(0, outcome("X.9992"));
        let found = changes(Some(&before), &after);
        assert_eq!(
            found,
            [Change {
                part: ReportPart::Outcomes,
                how: ChangeKind::Added,
                count: 2,
                place: ChangePlace {
                    section: Some(heading_of(&after, 10)),
                    question: Some(10),
                },
            }]
        );
        assert!(found[0].place.section.as_deref().unwrap().contains("WP"));
    }

    #[test]
    fn the_meetings_dates_and_title_page_are_named_without_a_place() {
        let before = example();
        let mut after = before.clone();
        after.meeting.end = after.meeting.end.map(|d| d.succ_opt().unwrap());
        after.title.push_str("（案）");
        after.meeting.participants.get_or_insert_default().total = Some(1);
        let parts: Vec<(ReportPart, ChangeKind, ChangePlace)> = changes(Some(&before), &after)
            .into_iter()
            .map(|c| (c.part, c.how, c.place))
            .collect();
        assert_eq!(
            parts,
            [
                (
                    ReportPart::Title,
                    ChangeKind::Edited,
                    ChangePlace::default()
                ),
                (
                    ReportPart::Dates,
                    ChangeKind::Edited,
                    ChangePlace::default()
                ),
                (
                    ReportPart::Counts,
                    ChangeKind::Edited,
                    ChangePlace::default()
                ),
            ]
        );
    }

    #[test]
    fn a_paragraph_edited_is_named_by_its_sections_heading() {
        let before = example();
        let mut after = before.clone();
        let has_paragraph = |s: &Section| {
            s.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph { .. }))
        };
        let index = after.sections.iter().position(has_paragraph).unwrap();
        for block in &mut after.sections[index].blocks {
            if let Block::Paragraph { text, .. } = block {
                text.push_str("追記。");
                break;
            }
        }
        let path = format!("sections[{index}]");
        let heading = entries(&after)
            .into_iter()
            .find(|e| e.path == path)
            .map(|e| e.heading)
            .unwrap();
        let found = changes(Some(&before), &after);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].part, found[0].how, found[0].count),
            (ReportPart::Paragraphs, ChangeKind::Edited, 1)
        );
        assert_eq!(found[0].place.section.as_deref(), Some(heading.as_str()));
        assert!(heading.starts_with(char::is_numeric), "{heading}");
    }

    #[test]
    fn sections_questions_and_rows_added_or_removed_are_counted_where_they_are() {
        let before = example();
        let mut after = before.clone();
        // A new last section with a subsection: one section added.
        after.sections.push(Section {
            heading: Some("おわりに".to_owned()),
            blocks: vec![Block::Paragraph {
                uid: Uid::default(),
                text: "以上".to_owned(),
                boilerplate: false,
            }],
            sections: vec![Section {
                heading: Some("謝辞".to_owned()),
                ..Default::default()
            }],
            ..Default::default()
        });
        // A Question taken away.
        let removed = {
            let mut number = None;
            visit_sections(&before.sections, &mut |_, _, s| {
                for b in &s.blocks {
                    if let Block::Question(q) = b {
                        number.get_or_insert(q.number);
                    }
                }
            });
            number.unwrap()
        };
        remove_question(&mut after.sections, removed);
        let found = changes(Some(&before), &after);
        let parts: Vec<(ReportPart, ChangeKind, u32, Option<u32>)> = found
            .iter()
            .map(|c| (c.part, c.how, c.count, c.place.question))
            .collect();
        assert_eq!(
            parts,
            [
                (ReportPart::Question, ChangeKind::Removed, 1, Some(removed)),
                (ReportPart::Section, ChangeKind::Added, 1, None),
            ]
        );
        assert!(found[1]
            .place
            .section
            .as_deref()
            .unwrap()
            .ends_with("おわりに"));
    }

    fn remove_question(sections: &mut [Section], number: u32) {
        for section in sections {
            section
                .blocks
                .retain(|b| !matches!(b, Block::Question(q) if q.number == number));
            remove_question(&mut section.sections, number);
        }
    }

    #[test]
    fn schedule_rows_are_counted_and_a_first_revision_is_the_report_created() {
        let mut before = Report::new("t", "ITU-T", "SG17");
        before.sections.push(Section {
            heading: Some("今後の予定".to_owned()),
            blocks: vec![Block::Schedule(Schedule {
                uid: Uid::default(),
                caption: None,
                rows: vec![ScheduleRow::default()],
            })],
            ..Default::default()
        });
        let mut after = before.clone();
        let Block::Schedule(table) = &mut after.sections[0].blocks[0] else {
            unreachable!()
        };
        table.rows.push(ScheduleRow {
            meeting: "SG17".to_owned(),
            ..Default::default()
        });
        table.rows.push(ScheduleRow::default());
        let found = changes(Some(&before), &after);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].part, found[0].how, found[0].count),
            (ReportPart::ScheduleRows, ChangeKind::Added, 2)
        );
        assert_eq!(found[0].place.section.as_deref(), Some("1. 今後の予定"));
        assert_eq!(changes(None, &after)[0].part, ReportPart::Report);
        assert!(changes(Some(&after), &after).is_empty());
    }

    #[test]
    fn sections_moved_and_nothing_else_are_a_change_of_order() {
        let before = example();
        let mut after = before.clone();
        after.sections.swap(0, 1);
        let found = changes(Some(&before), &after);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].part, ReportPart::Order);
    }
}
