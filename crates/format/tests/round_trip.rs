use rapporteur_format::{read_report, to_value, write_report};
use rapporteur_model::visit_sections;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

#[test]
fn the_example_round_trips_to_the_same_json_value() {
    let report = read_report(EXAMPLE).expect("the example is a valid report");
    let original: Value = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(to_value(&report), original);
    let written: Value = serde_json::from_str(&write_report(&report)).unwrap();
    assert_eq!(written, original);
}

#[test]
fn the_written_file_reads_back_to_the_same_report() {
    let report = read_report(EXAMPLE).unwrap();
    let again = read_report(&write_report(&report)).unwrap();
    assert_eq!(again, report);
}

#[test]
fn the_written_file_starts_with_its_envelope_and_keeps_japanese_as_is() {
    let report = read_report(EXAMPLE).unwrap();
    let text = write_report(&report);
    assert!(text.starts_with("{\n  \"format\": \"rapporteur.report\",\n  \"version\": 1,\n  \"title\": \"ITU-T SG17第2回会合報告\""), "{}", &text[..120]);
    assert!(text.ends_with("}\n"));
}

#[test]
fn the_example_has_what_the_published_report_has() {
    let report = read_report(EXAMPLE).unwrap();
    assert_eq!(report.authors.len(), 2);
    assert_eq!(
        report.meeting.participants.as_ref().unwrap().total,
        Some(408)
    );
    let outcomes = report.outcomes();
    assert_eq!(outcomes.len(), 99, "outcomes in the example");
    let (path, question, first) = &outcomes[0];
    assert_eq!(path, "sections[2].sections[0].blocks[0].outcomes[0]");
    assert_eq!(question.number, 10);
    assert_eq!(first.id.as_deref(), Some("X.1250rev"));
    let mut sections = Vec::new();
    visit_sections(&report.sections, &mut |_, _, s| {
        let wp = s
            .working_party
            .as_ref()
            .map(|wp| (wp.number, wp.title.clone()));
        sections.push((s.heading.clone(), wp));
    });
    assert_eq!(sections[0].0.as_deref(), Some("はじめに"));
    let wp4 = "AI及びクラウドコンピューティングサービスとアプリケーションのセキュリティ";
    assert!(sections.contains(&(None, Some((4, wp4.to_owned())))));
}

#[test]
fn the_serde_derives_agree_with_the_strict_reader() {
    // The UI and the database use the model's derives; files use the strict reader.
    // Both must mean the same report.
    let strict = read_report(EXAMPLE).unwrap();
    let value: Value = serde_json::from_str(EXAMPLE).unwrap();
    let derived: rapporteur_model::Report = serde_json::from_value(value).unwrap();
    assert_eq!(derived, strict);
}

#[test]
fn boilerplate_is_read_written_only_when_true_and_refused_when_not_a_boolean() {
    let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
    let blocks = value.pointer_mut("/sections/0/blocks").unwrap();
    blocks[1]["boilerplate"] = Value::Bool(true);
    blocks
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "bullets", "items": ["定型"], "boilerplate": false}));
    let report = read_report(&value.to_string()).unwrap();
    let kinds: Vec<bool> = report.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            rapporteur_model::Block::Paragraph { boilerplate, .. }
            | rapporteur_model::Block::Bullets { boilerplate, .. } => Some(*boilerplate),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [true, false]);
    let written = to_value(&report);
    assert_eq!(
        written.pointer("/sections/0/blocks/1/boilerplate"),
        Some(&Value::Bool(true))
    );
    // `false` is the default and is not written, so files without the mark stay as they were.
    assert_eq!(written.pointer("/sections/0/blocks/2/boilerplate"), None);

    value.pointer_mut("/sections/0/blocks/1").unwrap()["boilerplate"] = Value::from("yes");
    let refusal = read_report(&value.to_string()).unwrap_err().to_string();
    assert!(
        refusal.contains("sections[0].blocks[1].boilerplate"),
        "{refusal}"
    );
}
