//! Generated inputs through the report file reader: it refuses or reads every one, and
//! never panics; what it reads, it writes back and reads again the same. `make fuzz`
//! runs 100,000 cases of each property (`RAPPORTEUR_FUZZ_CASES`); `make test`, a few
//! hundred.

use proptest::prelude::*;
use rapporteur_format::{read_report, read_report_value, write_report};
use serde_json::Value;

#[path = "support/fuzz_cases.rs"]
mod fuzz_cases;
use fuzz_cases::fuzz_cases;

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: fuzz_cases(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any JSON value, a few levels deep, with Japanese text among the strings.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9_]{0,8}".prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        Just(Value::from("2025-12-03")),
        Just(Value::from("第2回")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change somewhere in the report: the value at a random place replaced by any
/// JSON value, or removed.
#[derive(Debug, Clone)]
struct Change {
    at: prop::sample::Index,
    new: Option<Value>,
}

fn places(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let place = format!("{here}/{key}");
                places(child, place.clone(), out);
                out.push(place);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let place = format!("{here}/{i}");
                places(child, place.clone(), out);
                out.push(place);
            }
        }
        _ => {}
    }
}

fn apply(value: &mut Value, change: &Change) {
    let mut all = Vec::new();
    places(value, String::new(), &mut all);
    let place = &all[change.at.index(all.len())];
    let (parent, key) = place.rsplit_once('/').unwrap();
    match (value.pointer_mut(parent).unwrap(), &change.new) {
        (Value::Object(map), Some(new)) => {
            map.insert(key.to_owned(), new.clone());
        }
        (Value::Object(map), None) => {
            map.shift_remove(key);
        }
        (Value::Array(items), Some(new)) => items[key.parse::<usize>().unwrap()] = new.clone(),
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => unreachable!("places are inside objects and arrays"),
    }
}

fn change() -> impl Strategy<Value = Change> {
    (any::<prop::sample::Index>(), prop::option::of(any_json()))
        .prop_map(|(at, new)| Change { at, new })
}

/// What is read is written back and read again as the same report.
fn round_trips(read: rapporteur_model::Report) {
    let again = read_report(&write_report(&read)).expect("a report written is read again");
    assert_eq!(again, read);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
        if let Ok(report) = read_report(&text) {
            round_trips(report);
        }
    }

    #[test]
    fn any_json_is_read_or_refused(value in any_json()) {
        if let Ok(report) = read_report_value(&value) {
            round_trips(report);
        }
    }

    #[test]
    fn the_example_changed_anywhere_is_read_or_refused(
        changes in prop::collection::vec(change(), 1..4)
    ) {
        let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
        for change in &changes {
            apply(&mut value, change);
        }
        // Through the text, as a file is read.
        match read_report(&value.to_string()) {
            Ok(report) => round_trips(report),
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
