//! The checks on the example report: silent on it as shipped, and finding, each at its
//! path, the seed's own errors put back and one mistake for every other check.

use chrono::NaiveDate;
use rapporteur_checks::{check, EarlierTitle, Finding, Severity};
use rapporteur_format::read_report;
use rapporteur_model::{Action, Block, Language, Question, Report, ScheduleDate, Section};
use std::collections::HashMap;

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn example() -> Report {
    read_report(EXAMPLE).unwrap()
}

fn no_history() -> HashMap<String, Vec<EarlierTitle>> {
    HashMap::new()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The block at `sections[s].sections[sub].blocks[b]` (or `sections[s].blocks[b]`).
fn block(report: &mut Report, s: usize, sub: Option<usize>, b: usize) -> &mut Block {
    let section = &mut report.sections[s];
    let section = match sub {
        Some(sub) => &mut section.sections[sub],
        None => section,
    };
    &mut section.blocks[b]
}

fn question(report: &mut Report, wp: usize, b: usize) -> &mut Question {
    match block(report, 2, Some(wp), b) {
        Block::Question(q) => q,
        other => panic!("not a Question: {other:?}"),
    }
}

fn text(report: &mut Report, s: usize, sub: Option<usize>, b: usize) -> &mut String {
    match block(report, s, sub, b) {
        Block::Paragraph { text, .. } => text,
        other => panic!("not a paragraph: {other:?}"),
    }
}

fn schedule_rows(report: &mut Report, b: usize) -> &mut Vec<rapporteur_model::ScheduleRow> {
    match block(report, 3, None, b) {
        Block::Schedule(s) => &mut s.rows,
        other => panic!("not a schedule: {other:?}"),
    }
}

/// Each finding as `severity code path`.
fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {} {}", f.severity.as_str(), f.code, f.path))
        .collect()
}

/// The message of the first finding with `code`.
fn message_of<'a>(findings: &'a [Finding], code: &str) -> &'a str {
    let finding = findings.iter().find(|f| f.code == code);
    &finding.unwrap_or_else(|| panic!("no {code}")).message
}

#[test]
fn the_example_as_shipped_has_no_finding() {
    let findings = check(&example(), &no_history());
    assert_eq!(summary(&findings), Vec::<String>::new(), "{findings:#?}");
}

#[test]
fn the_seeds_errors_put_back_are_found() {
    let mut report = example();
    // Question 10 of the seed: "…X.1286 (…) がデータミネーションされ、…".
    question(&mut report, 0, 0).note =
        Some("X.1286 (Access control platform) がデータミネーションされた。".to_owned());
    let future = text(&mut report, 3, None, 0);
    assert!(future.starts_with("次回のSG17会合は、2026年6月2日(火)～11日(木)に"));
    *future = future.replacen("次回", "今回", 1);

    let findings = check(&report, &no_history());
    assert_eq!(
        summary(&findings),
        [
            "warning text.spelling sections[2].sections[0].blocks[0].note",
            "warning text.next_meeting sections[3].blocks[0].text",
        ]
    );
    assert_eq!(
        findings[0].message,
        "「データミネーション」は「デターミネーション」の誤記ではありませんか。"
    );
    assert_eq!(
        findings[1].message,
        "「今回の…会合」の日付「2026年6月2日(火)」が今回の会合の終了日(2025年12月11日)より後です。「次回」の誤りではありませんか。"
    );
}

#[test]
fn one_mistake_for_every_check_is_found_at_its_path_in_document_order() {
    let mut report = example();
    report.meeting.end = Some(day("2025-12-01"));
    let participants = report.meeting.participants.as_mut().unwrap();
    participants.remote = Some(180);
    participants.home = Some(500);
    report.meeting.contributions.as_mut().unwrap().home = Some(300);
    let intro = text(&mut report, 0, None, 1);
    *intro = format!("2025年12月3日(木)に始まった。{intro}");
    question(&mut report, 0, 0).outcomes[0].id = Some("X.1250 rev".to_owned());
    let mut again = question(&mut report, 0, 0).outcomes[1].clone();
    assert_eq!(
        (again.id.as_deref(), again.action),
        (Some("X.1280rev"), Action::Determined)
    );
    again.action = Action::Consented;
    question(&mut report, 0, 2).outcomes.push(again);
    question(&mut report, 2, 1).outcomes.clear();
    let rows = schedule_rows(&mut report, 2);
    rows[0].start = None;
    rows[2].start = Some(ScheduleDate::Month {
        year: 2025,
        month: 11,
    });
    rows[1].end = Some(ScheduleDate::Day(day("2026-03-29")));
    report.sections.push(Section {
        heading: Some("補足".to_owned()),
        ..Section::default()
    });
    let history = HashMap::from([(
        "X.1901".to_owned(),
        vec![EarlierTitle {
            title: "Age assurance systems".to_owned(),
            report_title: "ITU-T SG17第1回会合報告".to_owned(),
            meeting_start: Some(day("2025-04-08")),
        }],
    )]);

    let findings = check(&report, &history);
    assert_eq!(
        summary(&findings),
        [
            "error date.order meeting.end",
            "error count.sum meeting.participants.total",
            "error count.home meeting.participants.home",
            "error count.home_contributions meeting.contributions.home",
            "error date.weekday sections[0].blocks[1].text",
            "warning id.shape sections[2].sections[0].blocks[0].outcomes[0].id",
            "warning id.title_changed sections[2].sections[0].blocks[0].outcomes[2].title",
            "error id.conflict sections[2].sections[0].blocks[2].outcomes[5].action",
            "warning structure.empty_question sections[2].sections[2].blocks[1]",
            "warning date.missing sections[3].blocks[2].rows[0].start",
            "error date.order sections[3].blocks[2].rows[1].end",
            "error date.before_meeting sections[3].blocks[2].rows[2].start",
            "warning structure.empty_section sections[5]",
        ],
        "{findings:#?}"
    );
    let message = |code| message_of(&findings, code);
    assert_eq!(
        message("date.weekday"),
        "「2025年12月3日(木)」: 2025年12月3日は水曜日です。"
    );
    assert_eq!(
        message("count.sum"),
        "参加者の合計408名が、現地参加224名とリモート参加180名の和(404名)と一致しません。"
    );
    assert_eq!(
        message("id.conflict"),
        "X.1280revは課題10で「デターミネーション」とされていますが、ここでは「コンセント」です。"
    );
    assert_eq!(
        message("id.title_changed"),
        "X.1901のタイトルが、以前の報告「ITU-T SG17第1回会合報告」(2025年4月8日)での「Age assurance systems」と異なります。"
    );

    report.language = Language::En;
    let findings = check(&report, &history);
    let english = |code| message_of(&findings, code);
    assert_eq!(
        english("date.weekday"),
        "“2025年12月3日(木)”: 3 December 2025 is a Wednesday."
    );
    assert_eq!(
        english("date.before_meeting"),
        "This future meeting (November 2025) is dated before this meeting started (3 December 2025)."
    );
}

#[test]
fn weekdays_are_checked_in_every_kind_of_free_text() {
    let mut report = example();
    let wrong = "2026年4月9日(金)";
    report.sections[0].blocks.push(Block::Bullets {
        uid: Default::default(),
        item_uids: Default::default(),
        items: vec!["正しい: 2026年4月9日(木)".to_owned(), wrong.to_owned()],
        boilerplate: false,
    });
    question(&mut report, 0, 0).note = Some(format!("{wrong}に審議する。"));
    question(&mut report, 0, 1).text = Some(format!("課題11では、{wrong}に審議する。"));
    schedule_rows(&mut report, 3)[0].content = Some(format!("X.cdc-csirt\n{wrong}"));
    // A range whose end takes the year and month of its start, in full-width brackets.
    let future = text(&mut report, 3, None, 0);
    *future = future.replacen("～4月2日(木)", "〜4月2日（水）", 1);

    assert_eq!(
        summary(&check(&report, &no_history())),
        [
            "error date.weekday sections[0].blocks[2].items[1]",
            "error date.weekday sections[2].sections[0].blocks[0].note",
            "error date.weekday sections[2].sections[0].blocks[1].text",
            "error date.weekday sections[3].blocks[0].text",
            "error date.weekday sections[3].blocks[3].rows[0].content",
        ]
    );
}

#[test]
fn a_title_is_compared_with_the_latest_earlier_meeting_only() {
    let report = example();
    let id = "X.1250rev";
    let current = "Baseline capabilities for enhanced identity management and interoperability";
    let earlier = |title: &str, report_title: &str, start: Option<&str>| EarlierTitle {
        title: title.to_owned(),
        report_title: report_title.to_owned(),
        meeting_start: start.map(day),
    };
    let codes = |titles: Vec<EarlierTitle>| {
        let history = HashMap::from([(id.to_owned(), titles)]);
        summary(&check(&report, &history))
    };
    let changed = ["warning id.title_changed sections[2].sections[0].blocks[0].outcomes[0].title"];

    // Spaces and line breaks aside, the same title.
    let spaced = current.replace(" and ", "\n and  ");
    assert!(codes(vec![earlier(&spaced, "第1回", Some("2025-04-08"))]).is_empty());
    // A change of case is a change.
    assert_eq!(
        codes(vec![earlier(
            &current.to_uppercase(),
            "第1回",
            Some("2025-04-08")
        )]),
        changed
    );
    // Only the latest earlier meeting counts; later reports, and undated ones when the
    // checked report has a date, do not.
    assert!(codes(vec![
        earlier(current, "第1回", Some("2025-04-08")),
        earlier("Old", "第8回", Some("2023-09-01")),
        earlier("Later", "第3回", Some("2026-06-02")),
        earlier("Same meeting", "写し", Some("2025-12-03")),
        earlier("Undated", "下書き", None),
    ])
    .is_empty());
    assert_eq!(
        codes(vec![
            earlier("Old", "第1回", Some("2025-04-08")),
            earlier(current, "第8回", Some("2023-09-01")),
        ]),
        changed
    );
    // The same meeting may have listed it under two titles: either will do.
    assert!(codes(vec![
        earlier("Other", "第1回", Some("2025-04-08")),
        earlier(current, "第1回", Some("2025-04-08")),
    ])
    .is_empty());

    // A report not dated yet is compared with every other one.
    let mut undated = example();
    undated.meeting.start = None;
    undated.meeting.end = None;
    let history = HashMap::from([(id.to_owned(), vec![earlier("Undated", "下書き", None)])]);
    let findings: Vec<Finding> = check(&undated, &history)
        .into_iter()
        .filter(|f| f.code != "missing.dates")
        .collect();
    assert_eq!(summary(&findings), changed);
    assert_eq!(
        findings[0].message,
        format!("{id}のタイトルが、以前の報告「下書き」での「Undated」と異なります。")
    );
}

#[test]
fn severities_are_errors_for_contradictions_only() {
    let mut report = example();
    report.meeting.participants.as_mut().unwrap().total = Some(1);
    let findings = check(&report, &no_history());
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(
        summary(&findings),
        [
            "error count.sum meeting.participants.total",
            "error count.home meeting.participants.home",
        ]
    );
}
