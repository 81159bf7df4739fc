//! The elements' identities (`uid`, `item_uids`): optional, kept through writing and
//! reading, given to a file of the first release by `complete`, and refused with the
//! path when malformed or repeated.

use rapporteur_format::{read_report, read_report_value, write_report, write_report_checked};
use rapporteur_model::uid::{complete, for_each_uid};
use rapporteur_model::{Block, Uid};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

fn uids(report: &mut rapporteur_model::Report) -> Vec<Uid> {
    let mut found = Vec::new();
    for_each_uid(report, &mut |uid| found.push(uid.clone()));
    found
}

#[test]
fn a_file_without_identities_gets_one_per_element_and_keeps_them_through_a_file() {
    let mut report = read_report(EXAMPLE).unwrap();
    assert!(uids(&mut report).iter().all(Uid::is_empty));
    assert!(complete(&mut report));
    let given = uids(&mut report);
    // Authors, sections, blocks, outcomes, rows and bullet items: the example has 99
    // outcomes alone.
    assert!(given.len() > 150, "{}", given.len());
    let distinct: std::collections::HashSet<_> = given.iter().collect();
    assert_eq!(distinct.len(), given.len());
    assert!(!complete(&mut report), "a complete report is left as it is");

    let text = write_report_checked(&report).unwrap();
    let mut again = read_report(&text).unwrap();
    assert_eq!(again, report);
    assert_eq!(uids(&mut again), given);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(value["sections"][0]["uid"].is_string());
    assert!(value["sections"][0]["blocks"][0]["uid"].is_string());
}

#[test]
fn a_bullet_list_carries_one_identity_per_item() {
    let mut report = read_report(EXAMPLE).unwrap();
    report.sections[0].blocks.push(Block::Bullets {
        uid: Uid::default(),
        items: vec!["一".into(), "二".into()],
        boilerplate: false,
        item_uids: Vec::new(),
    });
    complete(&mut report);
    let mut lists = 0;
    rapporteur_model::visit_sections(&report.sections, &mut |_, _, section| {
        for block in &section.blocks {
            if let Block::Bullets {
                items, item_uids, ..
            } = block
            {
                assert_eq!(items.len(), item_uids.len());
                lists += 1;
            }
        }
    });
    assert_eq!(lists, 1);
    let again = read_report(&write_report_checked(&report).unwrap()).unwrap();
    assert_eq!(again, report);
}

#[test]
fn a_repeated_identity_is_given_a_new_one_by_complete_and_refused_in_a_file() {
    let mut report = read_report(EXAMPLE).unwrap();
    complete(&mut report);
    let copied = report.sections[0].clone();
    report.sections.push(copied);
    let err = write_report_checked(&report).unwrap_err().to_string();
    let last = report.sections.len() - 1;
    assert_eq!(
        err,
        format!("sections[{last}].uid: this identity is already the one of sections[0].uid; each element needs its own")
    );
    assert!(read_report(&write_report(&report)).is_err());
    assert!(complete(&mut report));
    assert_ne!(report.sections[last].uid, report.sections[0].uid);
    write_report_checked(&report).unwrap();
}

fn with(pointer: &str, new: Value) -> Value {
    let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = value.pointer_mut(parent).unwrap();
    match key.parse::<usize>() {
        Ok(index) => parent[index] = new,
        Err(_) => parent[key] = new,
    }
    value
}

#[test]
fn a_malformed_identity_is_refused_with_its_path() {
    let refusal = |value: Value| read_report_value(&value).unwrap_err().to_string();
    assert_eq!(
        refusal(with("/sections/1/uid", json!("a b"))),
        "sections[1].uid: expected an identity of 1 to 64 letters, digits, - or _; found \"a b\""
    );
    assert_eq!(
        refusal(with("/authors/0/uid", json!(7))),
        "authors[0].uid: expected a string; found 7"
    );
    assert_eq!(
        refusal(with("/sections/0/blocks/0/uid", json!(""))),
        "sections[0].blocks[0].uid: expected an identity of 1 to 64 letters, digits, - or _; found \"\""
    );
    let bullets = json!({"type": "bullets", "items": ["a", "b"], "item_uids": ["x1"]});
    assert_eq!(
        refusal(with("/sections/0/blocks/0", bullets)),
        "sections[0].blocks[0].item_uids: expected one identity per item (2); found 1"
    );
}
