//! Every kind of rejection names the JSON path and what was expected, and the text of
//! the message is pinned here because users read it.

use rapporteur_format::{read_report, read_report_value, FormatError};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The example with the value at `pointer` replaced (or removed when `new` is None).
fn with(pointer: &str, new: Option<Value>) -> Value {
    let mut value = example();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = value
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match (parent, new) {
        (Value::Object(map), Some(new)) => {
            map.insert(key.to_owned(), new);
        }
        (Value::Object(map), None) => {
            assert!(map.shift_remove(key).is_some(), "no {pointer}");
        }
        (Value::Array(items), Some(new)) => items[key.parse::<usize>().unwrap()] = new,
        _ => panic!("cannot change {pointer}"),
    }
    value
}

fn refusal(value: Value) -> String {
    match read_report_value(&value) {
        Ok(_) => panic!("must be refused"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn invalid_json_names_line_and_column() {
    let err =
        read_report("{\n  \"format\": \"rapporteur.report\",\n  \"version\": 1,,\n}").unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::Syntax {
                line: 3,
                column: 16,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "not valid JSON at line 3, column 16: key must be a string"
    );
    let empty = read_report("").unwrap_err();
    assert!(
        empty
            .to_string()
            .starts_with("not valid JSON at line 1, column 0: EOF while parsing"),
        "{empty}"
    );
}

#[test]
fn a_missing_field_is_named_with_what_it_should_be() {
    assert_eq!(
        refusal(with("/meeting/group", None)),
        "meeting.group: missing; expected a string"
    );
    assert_eq!(
        refusal(with("/sections/2/sections/0/blocks/0/outcomes/3/action", None)),
        "sections[2].sections[0].blocks[0].outcomes[3].action: missing; expected one of approved, determined, consented, agreed, new_work_item, postponed, deleted"
    );
    assert_eq!(
        refusal(with("/authors", None)),
        "authors: missing; expected an array"
    );
    assert_eq!(
        refusal(with("/format", None)),
        "format: missing; expected \"rapporteur.report\" (is this a Rapporteur report file?)"
    );
}

#[test]
fn an_unknown_field_is_named_with_the_fields_that_are_allowed() {
    assert_eq!(
        refusal(with("/authors/1/email", Some(json!("a@b.example")))),
        "authors[1].email: unknown field; expected one of name, reading, organization, department, position, uid"
    );
    assert_eq!(
        refusal(with("/sections/0/blocks/1/style", Some(json!("bold")))),
        "sections[0].blocks[1].style: unknown field; expected one of type, text, boilerplate, uid"
    );
}

#[test]
fn a_wrong_type_is_named_with_what_was_found() {
    assert_eq!(
        refusal(with("/title", Some(json!(42)))),
        "title: expected a string; found 42"
    );
    assert_eq!(
        refusal(with("/meeting/participants/total", Some(json!("408")))),
        "meeting.participants.total: expected a whole number from 0 to 4294967295; found \"408\""
    );
    assert_eq!(
        refusal(with("/meeting/participants/on_site", Some(json!(-3)))),
        "meeting.participants.on_site: expected a whole number from 0 to 4294967295; found -3"
    );
    assert_eq!(
        refusal(with("/meeting/temporary_documents", Some(json!(6.5)))),
        "meeting.temporary_documents: expected a whole number from 0 to 4294967295; found 6.5"
    );
    assert_eq!(
        refusal(with("/sections/0", Some(json!([])))),
        "sections[0]: expected an object; found an array"
    );
    assert_eq!(
        refusal(with("/sections/1/blocks", Some(json!({})))),
        "sections[1].blocks: expected an array; found an object"
    );
    assert_eq!(
        refusal(json!([1, 2])),
        "(top level): expected an object; found an array"
    );
}

#[test]
fn an_unknown_enum_value_lists_the_values_allowed() {
    let path = "/sections/2/sections/0/blocks/0/outcomes/3/action";
    assert_eq!(
        refusal(with(path, Some(json!("aproved")))),
        "sections[2].sections[0].blocks[0].outcomes[3].action: expected one of approved, determined, consented, agreed, new_work_item, postponed, deleted; found \"aproved\""
    );
    assert_eq!(
        refusal(with("/language", Some(json!("fr")))),
        "language: expected one of ja, en; found \"fr\""
    );
    assert_eq!(
        refusal(with("/style/preset", Some(json!("ja-romaji")))),
        "style.preset: expected one of ja-katakana, ja-kanji; found \"ja-romaji\""
    );
    assert_eq!(
        refusal(with("/sections/0/blocks/0/type", Some(json!("summery")))),
        "sections[0].blocks[0].type: expected one of summary, paragraph, bullets, question, schedule; found \"summery\""
    );
}

#[test]
fn an_impossible_date_is_refused() {
    assert_eq!(refusal(with("/meeting/start", Some(json!("2025-02-30")))), "meeting.start: expected a date YYYY-MM-DD that exists in the calendar; found \"2025-02-30\"");
    assert_eq!(
        refusal(with("/meeting/start", Some(json!("2025/12/03")))),
        "meeting.start: expected a date YYYY-MM-DD; found \"2025/12/03\""
    );
    assert_eq!(
        refusal(with("/sections/3/blocks/2/rows/0/start", Some(json!("2026-13")))),
        "sections[3].blocks[2].rows[0].start: expected a date YYYY-MM-DD, or YYYY-MM for a month, that exists in the calendar; found \"2026-13\""
    );
}

#[test]
fn an_end_before_its_start_is_read_as_written() {
    // A contradiction between facts is the checks' to report (date.order), not a reason
    // to refuse the file: the editor saves such a report while the user mends it.
    let meeting = read_report_value(&with("/meeting/end", Some(json!("2025-12-01")))).unwrap();
    assert_eq!(meeting.meeting.end.unwrap().to_string(), "2025-12-01");
    let row = with("/sections/3/blocks/2/rows/1/end", Some(json!("2026-02")));
    assert!(read_report_value(&row).is_ok());
}

#[test]
fn a_newer_version_is_named_as_such() {
    let err = read_report_value(&with("/version", Some(json!(2)))).unwrap_err();
    assert_eq!(err, FormatError::NewerVersion { found: 2 });
    assert_eq!(err.to_string(), "version: this file was made by a newer version of Rapporteur (report format version 2); this version reads up to version 1");
    // Even with fields this version does not know: the version is judged first.
    let mut newer = with("/version", Some(json!(3)));
    newer["reviewers"] = json!([]);
    assert_eq!(
        read_report_value(&newer).unwrap_err(),
        FormatError::NewerVersion { found: 3 }
    );
    assert_eq!(
        refusal(with("/version", Some(json!(0)))),
        "version: expected 1; found 0"
    );
    assert_eq!(
        refusal(with("/version", Some(json!("1")))),
        "version: expected 1; found \"1\""
    );
}

#[test]
fn a_file_of_another_kind_is_named_as_such() {
    assert_eq!(
        refusal(with("/format", Some(json!("something.else")))),
        "format: expected \"rapporteur.report\"; found \"something.else\""
    );
}

#[test]
fn a_heading_is_optional_only_for_a_working_party() {
    assert_eq!(
        refusal(with("/sections/1/sections/0/heading", None)),
        "sections[1].sections[0].heading: missing; expected a string (only a section with a working_party may omit its heading)"
    );
}

#[test]
fn long_or_multiline_values_stay_on_one_line_in_the_message() {
    let long = "課題".repeat(50) + "\n次の行";
    let message = refusal(with("/language", Some(json!(long))));
    assert!(!message.contains('\n'), "{message}");
    assert!(message.ends_with("found \"課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題課題…\""), "{message}");
}

#[test]
fn optional_fields_may_be_null_or_absent_and_discussed_defaults_to_true() {
    let report = read_report_value(&with("/meeting/city", Some(Value::Null))).unwrap();
    assert_eq!(report.meeting.city, None);
    let report = read_report_value(&example()).unwrap();
    let rapporteur_model::Block::Question(q) = &report.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    assert!(q.discussed);
    let report = read_report_value(&with(
        "/sections/2/sections/0/blocks/0/discussed",
        Some(json!(false)),
    ))
    .unwrap();
    let rapporteur_model::Block::Question(q) = &report.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    assert!(!q.discussed);
    assert_eq!(
        rapporteur_format::to_value(&report)["sections"][2]["sections"][0]["blocks"][0]
            ["discussed"],
        json!(false)
    );
}

/// A key given twice is refused with its path, wherever it is: serde_json alone would keep
/// the last (`"version": 2, "version": 1` read as version 1).
#[test]
fn a_repeated_key_is_refused_with_its_path() {
    let err =
        read_report(&EXAMPLE.replacen("\"version\": 1,", "\"version\": 2,\n  \"version\": 1,", 1))
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "version: the key appears twice in its object (again at line 4, column 11); a key may appear once"
    );
    assert_eq!(err.path(), Some("version"));

    let nested = EXAMPLE.replacen("\"city\":", "\"city\": \"x\", \"city\":", 1);
    let err = read_report(&nested).unwrap_err();
    assert_eq!(err.path(), Some("meeting.city"), "{err}");

    // In an array's object: the index is part of the path.
    let text = EXAMPLE.replacen("\"action\":", "\"action\": \"approved\", \"action\":", 1);
    let err = read_report(&text).unwrap_err();
    let path = err.path().unwrap();
    assert!(
        path.ends_with(".action") && path.contains("outcomes["),
        "{err}"
    );

    // Equal values repeated are refused too: the file is ambiguous either way.
    let same = EXAMPLE.replacen("\"version\": 1,", "\"version\": 1,\n  \"version\": 1,", 1);
    assert!(read_report(&same).is_err());
    // Keys that only look alike are distinct keys.
    assert!(read_report(EXAMPLE).is_ok());
}

#[path = "support/nested.rs"]
mod nested;

/// The example with sections nested `levels` deep beside its own.
fn nested(levels: usize) -> rapporteur_model::Report {
    nested::with_sections_nested(read_report(EXAMPLE).unwrap(), levels)
}

/// The writer refuses exactly what the reader would refuse: around the nesting limit,
/// the checked writer and the reader agree on every depth.
#[test]
fn the_checked_writer_and_the_reader_agree_on_the_nesting_limit() {
    let mut accepted = 0;
    for levels in 55..70 {
        let report = nested(levels);
        let written = rapporteur_format::write_report_checked(&report);
        let read = read_report(&rapporteur_format::write_report(&report));
        assert_eq!(
            written.is_ok(),
            read.is_ok(),
            "{levels} levels: {written:?} / {read:?}"
        );
        if let Err(err) = written {
            assert!(
                err.to_string()
                    .contains("sections are nested too deeply: the report file would nest"),
                "{err}"
            );
        } else {
            accepted = levels;
        }
    }
    assert!(
        (55..69).contains(&accepted),
        "the limit lies within the range tried"
    );
}

#[test]
fn the_checked_writer_refuses_a_report_larger_than_a_report_file() {
    let limit = rapporteur_format::MAX_REPORT_FILE as usize;
    let mut report = read_report(EXAMPLE).unwrap();
    let room = limit - rapporteur_format::write_report(&report).len();
    // "量" is 3 bytes: a paragraph that fits, then one byte more than fits.
    report.sections[0]
        .blocks
        .push(rapporteur_model::Block::Paragraph {
            uid: Default::default(),
            text: "量".repeat((room - 200) / 3),
            boilerplate: false,
        });
    let text = rapporteur_format::write_report_checked(&report).unwrap();
    assert!(
        text.len() <= limit && text.len() > limit - 200,
        "{}",
        text.len()
    );
    let rapporteur_model::Block::Paragraph {
        text: paragraph, ..
    } = report.sections[0].blocks.last_mut().unwrap()
    else {
        unreachable!()
    };
    paragraph.push_str(&"x".repeat(limit - text.len() + 1));
    let err = rapporteur_format::write_report_checked(&report).unwrap_err();
    assert_eq!(
        err,
        FormatError::TooLarge {
            bytes: limit as u64 + 1,
            limit: limit as u64
        }
    );
}
