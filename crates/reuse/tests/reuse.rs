//! A new report from the example, the real report of SG17's second meeting.

use chrono::NaiveDate;
use rapporteur_format::{read_report, validate};
use rapporteur_model::{Block, MeetingMode, Report, ScheduleDate, ScheduleRow};
use rapporteur_prose::outline;
use rapporteur_reuse::{from_template, next_report, structure_of, Carried, ToFill};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn example() -> Report {
    read_report(EXAMPLE).unwrap()
}

fn blocks(report: &Report) -> Vec<&Block> {
    let mut all = Vec::new();
    rapporteur_model::visit_sections(&report.sections, &mut |_, _, s| all.extend(&s.blocks));
    all
}

fn questions(report: &Report) -> Vec<(u32, Option<String>, usize)> {
    blocks(report)
        .into_iter()
        .filter_map(|b| match b {
            Block::Question(q) => Some((q.number, q.scope.clone(), q.outcomes.len())),
            _ => None,
        })
        .collect()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn the_next_report_keeps_the_structure_and_clears_the_meeting() {
    let past = example();
    let new = next_report(&past);
    let report = &new.report;
    validate(report).expect("a new report is a valid report");
    assert_eq!(report.title, "ITU-T SG17第3回会合報告");
    assert_eq!(report.meeting.ordinal, Some(3));
    assert_eq!(report.authors, past.authors);
    assert_eq!(report.style, past.style);
    assert_eq!(report.meeting.group_topic.as_deref(), Some("セキュリティ"));
    assert_eq!(
        outline(report),
        outline(&past),
        "the same sections, headings and WPs"
    );

    let kept = questions(report);
    let before = questions(&past);
    assert_eq!(kept.len(), 12);
    for ((n, scope, outcomes), (n0, scope0, _)) in kept.iter().zip(&before) {
        assert_eq!((n, scope), (n0, scope0));
        assert_eq!(*outcomes, 0, "Question {n}'s outcomes are cleared");
    }
    let m = &report.meeting;
    assert_eq!(
        (
            m.participants.as_ref(),
            m.contributions.as_ref(),
            m.temporary_documents
        ),
        (None, None, None)
    );
    // The example's paragraphs are all about its own meeting; none is marked boilerplate.
    assert!(!blocks(report)
        .iter()
        .any(|b| matches!(b, Block::Paragraph { .. } | Block::Bullets { .. })));
    // The last row of its second schedule is the next SG17 meeting: same city, so the
    // same site and country.
    assert_eq!(
        (m.start, m.end),
        (Some(date("2026-06-02")), Some(date("2026-06-11")))
    );
    assert_eq!(
        (m.city.as_deref(), m.site.as_deref(), m.country.as_deref()),
        (Some("ジュネーブ"), Some("ITU本部"), Some("スイス"))
    );
    let row = "sections[3].blocks[3].rows[18]".to_owned();
    assert!(new.carried.contains(&Carried::Dates {
        row: row.clone(),
        start: date("2026-06-02"),
        end: Some(date("2026-06-11"))
    }));
    assert!(new.carried.contains(&Carried::Place {
        row,
        venue: "ジュネーブ".into()
    }));
    assert!(
        !new.to_fill
            .iter()
            .any(|f| matches!(f, ToFill::Dates { .. } | ToFill::Place { .. })),
        "{:?}",
        new.to_fill
    );
    assert!(new.to_fill.contains(&ToFill::Mode {
        path: "meeting.mode".into()
    }));
    assert!(new.to_fill.contains(&ToFill::Outcomes {
        path: "sections[2].sections[0].blocks[0].outcomes".into(),
        question: 10
    }));
    // The section's paragraphs are gone: its first schedule is its first block now.
    assert!(new.to_fill.contains(&ToFill::Schedule {
        path: "sections[3].blocks[0].rows".into(),
        caption: Some("今後のプレナリ会合の予定".into())
    }));
    assert_eq!(
        new.carried[..3],
        [
            Carried::Title {
                from: "ITU-T SG17第2回会合報告".into(),
                to: "ITU-T SG17第3回会合報告".into()
            },
            Carried::Authors { count: 2 },
            Carried::Group {
                organization: "ITU-T".into(),
                group: "SG17".into()
            },
        ]
    );
    assert!(new.carried.contains(&Carried::Questions { count: 12 }));
    assert!(new.carried.contains(&Carried::WorkingParties { count: 4 }));
    // Sections whose paragraphs were all about the past meeting are left to write.
    assert!(new.to_fill.contains(&ToFill::Section {
        path: "sections[4].blocks".into(),
        heading: "おわりに".into()
    }));
    let intro_kept = !new
        .to_fill
        .iter()
        .any(|f| matches!(f, ToFill::Section { path, .. } if path == "sections[0].blocks"));
    assert!(intro_kept, "はじめに keeps its summary");
}

#[test]
fn boilerplate_paragraphs_and_lists_carry_over_and_nothing_else_does() {
    let mut past = example();
    let Block::Paragraph { boilerplate, .. } = &mut past.sections[0].blocks[1] else {
        panic!("the example's second block of section 1 is a paragraph");
    };
    *boilerplate = true;
    past.sections[4].blocks.push(Block::Bullets {
        uid: Default::default(),
        item_uids: Default::default(),
        items: vec!["毎回の定型".into()],
        boilerplate: true,
    });
    let new = next_report(&past);
    let kept: Vec<&Block> = blocks(&new.report)
        .into_iter()
        .filter(|b| matches!(b, Block::Paragraph { .. } | Block::Bullets { .. }))
        .collect();
    assert_eq!(
        kept,
        [
            &past.sections[0].blocks[1],
            past.sections[4].blocks.last().unwrap()
        ]
    );
    assert!(new.carried.contains(&Carried::Boilerplate { count: 2 }));
}

#[test]
fn only_a_row_of_the_groups_next_meeting_gives_dates_and_place() {
    let mut past = example();
    let Block::Schedule(schedule) = &mut past.sections[3].blocks[3] else {
        panic!("the example's second schedule");
    };
    schedule.rows.pop();
    let new = next_report(&past);
    assert_eq!(
        (new.report.meeting.start, new.report.meeting.city.as_ref()),
        (None, None)
    );
    assert!(new.to_fill.contains(&ToFill::Dates {
        path: "meeting.start".into()
    }));

    let Block::Schedule(schedule) = &mut past.sections[3].blocks[3] else {
        unreachable!()
    };
    let row = |meeting: &str, start: &str, end: &str, venue: &str| ScheduleRow {
        uid: Default::default(),
        meeting: meeting.into(),
        start: Some(ScheduleDate::parse(start).unwrap()),
        end: Some(ScheduleDate::parse(end).unwrap()),
        venue: Some(venue.into()),
        content: None,
    };
    // The wrong ordinal, a later meeting, then the next one.
    schedule
        .rows
        .push(row("第4回 SG17会合", "2026-05-01", "2026-05-02", "東京"));
    schedule
        .rows
        .push(row("SG17会合", "2026-12-01", "2026-12-10", "東京"));
    schedule.rows.push(row(
        "第3回 SG17会合",
        "2026-06-02",
        "2026-06-11",
        "東京+e-meeting",
    ));
    let new = next_report(&past);
    let m = &new.report.meeting;
    assert_eq!(
        (m.start, m.end),
        (Some(date("2026-06-02")), Some(date("2026-06-11")))
    );
    assert_eq!(m.city.as_deref(), Some("東京"));
    // Another city than the past meeting's: its site and country are not guessed.
    assert_eq!((m.site.as_deref(), m.country.as_deref()), (None, None));
    assert_eq!(m.mode, Some(MeetingMode::Hybrid));
    assert!(new.to_fill.contains(&ToFill::Place {
        path: "meeting.city".into()
    }));
    assert!(new.carried.contains(&Carried::Place {
        row: "sections[3].blocks[3].rows[20]".into(),
        venue: "東京+e-meeting".into()
    }));
    validate(&new.report).unwrap();
}

#[test]
fn a_template_is_the_structure_with_nothing_of_one_meeting() {
    let structure = structure_of(&example());
    assert_eq!(structure.title, "ITU-T SG17会合報告");
    assert_eq!(structure.meeting.ordinal, None);
    assert_eq!(structure.meeting.start, None);
    assert_eq!(
        structure_of(&structure),
        structure,
        "applied twice, nothing more changes"
    );
    let new = from_template(&structure);
    assert_eq!(new.report, structure);
    assert!(new.to_fill.contains(&ToFill::Title {
        path: "title".into()
    }));
    assert!(new.to_fill.contains(&ToFill::Ordinal {
        path: "meeting.ordinal".into()
    }));
    assert_eq!(questions(&new.report).len(), 12);
    validate(&new.report).unwrap();
}
