//! The contracts between prose and the UI, which computes some of prose's output on
//! every keystroke without asking Rust. The editor's outline (`ui/src/lib/editor/outline.ts`):
//! `tests/fixtures/contract/outline.json` holds sections and, per language and preset,
//! the headings prose prints for them; the UI's `outline.test.ts` checks that the editor
//! shows the same. The dates as the app shows them (`ui/src/lib/format.ts`):
//! `tests/fixtures/contract/dates.json`, checked by `format.test.ts`. These tests check
//! that prose still prints what the fixtures say. Regenerate with
//! `UPDATE_CONTRACTS=1 cargo test -p rapporteur-prose --test contract` after a change
//! to the style (then the UI's test says whether the editor follows).

use rapporteur_format::read_report;
use rapporteur_model::{Language, Preset, Section};
use serde_json::{json, Value};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/contract/outline.json"
);
const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

/// Every kind of heading: numbered at each level, a Working Party without a heading of
/// its own, one with a heading, and a section with none.
fn sections() -> Value {
    json!([
        { "heading": "はじめに", "blocks": [] },
        { "heading": "全体の結果", "blocks": [], "sections": [
            { "heading": "特別セッション", "blocks": [], "sections": [
                { "heading": "第三階層", "blocks": [] }
            ] }
        ] },
        { "heading": "会合の主な審議内容と結果", "blocks": [], "sections": [
            { "working_party": { "number": 1, "title": "デジタルID" }, "blocks": [] },
            { "heading": "WP2 見出しのある作業部会", "working_party": { "number": 2, "title": "PKI" }, "blocks": [] }
        ] },
        { "heading": "", "blocks": [] }
    ])
}

fn outline_of(language: Language, preset: Preset, sections: &Value) -> Value {
    let mut report = read_report(EXAMPLE).expect("the example is valid");
    report.language = language;
    report.style.preset = preset;
    report.sections = serde_json::from_value::<Vec<Section>>(sections.clone()).expect("sections");
    rapporteur_prose::outline(&report)
        .into_iter()
        .map(|e| {
            json!({
                "path": e.path,
                "number": e.heading.number,
                "separator": e.heading.separator,
                "text": e.heading.text,
            })
        })
        .collect()
}

#[test]
fn the_outline_contract_is_what_prose_prints() {
    let sections = sections();
    let cases: Vec<Value> = [
        (Language::Ja, Preset::JaKatakana),
        (Language::Ja, Preset::JaKanji),
        (Language::En, Preset::JaKatakana),
        (Language::En, Preset::JaKanji),
    ]
    .into_iter()
    .map(|(language, preset)| {
        json!({
            "language": language,
            "preset": preset,
            "outline": outline_of(language, preset, &sections),
        })
    })
    .collect();
    let expected = json!({
        "about": "Headings as prose prints them; written by crates/prose/tests/contract.rs, read by ui/src/lib/editor/outline.test.ts",
        "sections": sections,
        "cases": cases,
    });
    let text = serde_json::to_string_pretty(&expected).unwrap() + "\n";
    if std::env::var_os("UPDATE_CONTRACTS").is_some() {
        std::fs::write(FIXTURE, &text).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(FIXTURE).expect("the fixture is committed");
    assert_eq!(
        committed, text,
        "prose's headings changed: UPDATE_CONTRACTS=1 cargo test -p rapporteur-prose --test contract, then make the UI follow"
    );
}

const DATES_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/contract/dates.json"
);

/// Days of every weekday (1 to 7 December 2025), leap days and century years.
const DAYS: &[&str] = &[
    "2025-12-01",
    "2025-12-02",
    "2025-12-03",
    "2025-12-04",
    "2025-12-05",
    "2025-12-06",
    "2025-12-07",
    "2024-02-29",
    "2000-01-01",
    "2100-03-01",
    "1999-12-31",
];

/// Dates and ranges of every other shape the app shows: a range in one month, across
/// months and years, an end out of order, an end equal to the start, months and days of
/// them mixed, an end without start.
const RANGES: &[(Option<&str>, Option<&str>)] = &[
    (Some("2025-12-03"), Some("2025-12-11")),
    (Some("2026-03-30"), Some("2026-04-02")),
    (Some("2025-12-29"), Some("2026-01-02")),
    (Some("2026-06-03"), Some("2026-06-01")),
    (Some("2026-06-03"), Some("2025-06-04")),
    (Some("2024-02-29"), Some("2024-02-29")),
    (Some("2026-05"), None),
    (Some("2026-05"), Some("2026-06")),
    (Some("2026-05"), Some("2026-05")),
    (Some("2026-12"), Some("2027-01")),
    (Some("2026-05"), Some("2026-05-01")),
    (Some("2026-05"), Some("2026-05-20")),
    (Some("2026-05"), Some("2026-07-20")),
    (Some("2026-05-10"), Some("2026-05")),
    (Some("2026-05-10"), Some("2026-06")),
    (Some("2026-06"), Some("2026-05")),
    (Some("2026-06"), Some("2026-05-31")),
    (Some("2026-06-01"), Some("2026-05")),
    (None, Some("2026-05-01")),
    (None, Some("2026-05")),
    (None, None),
];

#[test]
fn the_dates_contract_is_what_prose_prints() {
    use rapporteur_model::ScheduleDate;
    use rapporteur_prose::dates::{in_order, shown};
    let date = |text: Option<&str>| text.map(|t| ScheduleDate::parse(t).expect("a date"));
    let days = DAYS.iter().map(|&day| (Some(day), None));
    let cases: Vec<Value> = days
        .chain(RANGES.iter().copied())
        .map(|(start, end)| {
            let (s, e) = (date(start), date(end));
            json!({
                "start": start,
                "end": end,
                "ja": shown(Language::Ja, s, e),
                "en": shown(Language::En, s, e),
                "in_order": s.zip(e).map(|(s, e)| in_order(s, e)),
            })
        })
        .collect();
    let expected = json!({
        "about": "Dates as the app shows them (rapporteur_prose::dates::shown) and whether an end is in order with its start; written by crates/prose/tests/contract.rs, read by ui/src/lib/format.test.ts",
        "cases": cases,
    });
    let text = serde_json::to_string_pretty(&expected).unwrap() + "\n";
    if std::env::var_os("UPDATE_CONTRACTS").is_some() {
        std::fs::write(DATES_FIXTURE, &text).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(DATES_FIXTURE).unwrap_or_default();
    assert_eq!(
        committed, text,
        "prose's dates changed: UPDATE_CONTRACTS=1 cargo test -p rapporteur-prose --test contract, then make the UI follow"
    );
}
