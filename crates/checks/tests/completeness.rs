//! What is still to fill is a finding until it is filled: a blank report's missing facts,
//! everything "new from a past report" or a template lists to fill, empty schedule tables
//! and a Question number used twice.

use rapporteur_checks::{check, EarlierTitle, Finding};
use rapporteur_format::read_report;
use rapporteur_model::{Block, Question, Report, Schedule, Section, WorkingParty};
use rapporteur_reuse::{from_template, next_report};
use std::collections::HashMap;

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn findings(report: &Report) -> Vec<Finding> {
    check(report, &HashMap::<String, Vec<EarlierTitle>>::new())
}

fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {} {}", f.severity.as_str(), f.code, f.path))
        .collect()
}

#[test]
fn a_blank_report_lists_every_fact_to_fill_errors_first_where_the_journal_needs_them() {
    let found = findings(&Report::blank());
    assert_eq!(
        summary(&found),
        [
            "error missing.title title",
            "error missing.authors authors",
            "error missing.group meeting.group",
            "warning missing.ordinal meeting.ordinal",
            "error missing.dates meeting.start",
            "warning missing.place meeting.city",
            "warning missing.mode meeting.mode",
            "warning missing.participants meeting.participants.total",
            "warning missing.contributions meeting.contributions.total",
            "warning missing.temporary_documents meeting.temporary_documents",
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[4].message,
        "会期がありません(要旨に日付が入りません)。"
    );
    let mut english = Report::blank();
    english.language = rapporteur_model::Language::En;
    assert_eq!(
        findings(&english)[4].message,
        "The meeting's dates are not given (the summary will have none)."
    );
}

/// Whether one path is the other or lies inside it.
fn related(a: &str, b: &str) -> bool {
    let inside = |inner: &str, outer: &str| {
        inner == outer
            || inner.starts_with(&format!("{outer}."))
            || inner.starts_with(&format!("{outer}["))
    };
    inside(a, b) || inside(b, a)
}

#[test]
fn everything_a_new_report_lists_to_fill_is_a_finding_at_its_place() {
    let example = read_report(EXAMPLE).unwrap();
    for new in [next_report(&example), from_template(&example)] {
        let found = findings(&new.report);
        assert!(!new.to_fill.is_empty());
        for fill in &new.to_fill {
            let mut path = serde_json::to_value(fill).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_owned();
            // A title to fill is one that names no ordinal: the meeting's ordinal is
            // what is missing.
            if path == "title" {
                path = "meeting.ordinal".to_owned();
            }
            assert!(
                found.iter().any(|f| related(&f.path, &path)),
                "nothing found at {path} ({fill:?}): {:#?}",
                summary(&found)
            );
        }
    }
}

#[test]
fn the_example_filled_in_has_nothing_left_to_fill() {
    let found = findings(&read_report(EXAMPLE).unwrap());
    assert!(
        !found
            .iter()
            .any(|f| f.code.starts_with("missing.") || f.code == "structure.empty_schedule"),
        "{found:#?}"
    );
}

#[test]
fn an_empty_schedule_and_a_question_number_used_twice_are_found() {
    let mut report = read_report(EXAMPLE).unwrap();
    // A second Working Party that also has a Question 10 (the first WP's), and a table
    // with no rows yet.
    report.sections[2].sections.push(Section {
        working_party: Some(WorkingParty {
            number: 9,
            title: "新設".to_owned(),
            intro: None,
        }),
        blocks: vec![
            Block::Question(Question {
                number: 10,
                discussed: false,
                ..Question::default()
            }),
            Block::Schedule(Schedule::default()),
        ],
        ..Section::default()
    });
    let found = findings(&report);
    let last = report.sections[2].sections.len() - 1;
    assert_eq!(
        summary(&found),
        [
            format!(
                "error structure.duplicate_question sections[2].sections[{last}].blocks[0].number"
            ),
            format!("warning structure.empty_schedule sections[2].sections[{last}].blocks[1].rows"),
        ]
    );
    assert_eq!(
        found[0].message,
        "課題10は3.1節にもあります。課題番号は報告書の中で重複できません。"
    );
}

#[test]
fn a_question_with_nothing_reported_is_to_fill_unless_it_did_not_meet() {
    let mut report = read_report(EXAMPLE).unwrap();
    let Block::Question(q) = &mut report.sections[2].sections[0].blocks[0] else {
        panic!("the example's first Question");
    };
    q.outcomes.clear();
    q.note = None;
    q.text = None;
    assert_eq!(
        summary(&findings(&report)),
        ["warning structure.empty_question sections[2].sections[0].blocks[0]"]
    );
    let Block::Question(q) = &mut report.sections[2].sections[0].blocks[0] else {
        unreachable!()
    };
    q.discussed = false;
    assert_eq!(summary(&findings(&report)), Vec::<String>::new());
}
