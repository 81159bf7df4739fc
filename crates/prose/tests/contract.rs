//! The contract between prose and the editor's outline (`ui/src/lib/editor/outline.ts`),
//! which computes headings on every keystroke without asking Rust: the fixture
//! `tests/fixtures/contract/outline.json` holds sections and, per language and preset,
//! the headings prose prints for them. This test checks that prose still prints them;
//! the UI's `outline.test.ts` checks that the editor shows the same. Regenerate with
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
