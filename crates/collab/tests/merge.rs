//! The named cases of co-authoring: two copies of the example edited apart, then merged
//! both ways.

mod support;

use rapporteur_collab::{CollabError, MergeChange, MergeConflict, ReportDoc};
use rapporteur_model::{Outcome, ScheduleRow};
use support::*;

/// The two co-authors send each other their share files at the same time, and each
/// merges the other's; both must end with the same report.
fn merge_both_ways(
    a: &ReportDoc,
    b: &ReportDoc,
) -> (
    rapporteur_collab::MergeSummary,
    rapporteur_collab::MergeSummary,
) {
    let (from_a, from_b) = (a.share_file().unwrap(), b.share_file().unwrap());
    let into_a = a.merge(&from_b).unwrap();
    let into_b = b.merge(&from_a).unwrap();
    assert_eq!(
        a.report().unwrap(),
        b.report().unwrap(),
        "the copies converge"
    );
    (into_a, into_b)
}

#[test]
fn a_report_reads_back_from_its_document_as_it_was_written() {
    let report = example();
    let doc = ReportDoc::create(&report, 7).unwrap();
    assert_eq!(doc.report().unwrap(), report);
    assert!(
        !doc.apply(&report).unwrap(),
        "saving the same report adds nothing"
    );
    let copy = ReportDoc::open_share_file(&doc.share_file().unwrap(), 8).unwrap();
    assert_eq!(copy.report().unwrap(), report);
    assert_eq!(copy.document_id(), doc.document_id());
}

#[test]
fn a_section_moved_by_one_while_the_other_edits_its_paragraph_keeps_both() {
    let (a, b) = two_copies();
    // A moves "おわりに" (the last section) under "SG17全体に関わる結果", first.
    edit(&a, |r| {
        let moved = r.sections.remove(4);
        r.sections[1].sections.insert(0, moved);
    });
    edit(&b, |r| {
        *first_paragraph(&mut r.sections[4]) = "B が書き直した結び".into()
    });
    let (into_a, into_b) = merge_both_ways(&a, &b);
    let mut merged = a.report().unwrap();
    assert_eq!(merged.sections.len(), 4);
    let moved = &mut merged.sections[1].sections[0];
    assert_eq!(moved.heading.as_deref(), Some("おわりに"));
    assert_eq!(first_paragraph(moved), "B が書き直した結び");
    assert!(into_a.conflicts.is_empty() && into_b.conflicts.is_empty());
    assert_eq!(into_a.from, vec!["Brown".to_owned()]);
    assert!(
        into_a
            .changes
            .iter()
            .any(|c| matches!(c, MergeChange::Edited { place, field, .. } if place == "paragraph 1 of section \u{201c}おわりに\u{201d}" && field == "text")),
        "{:#?}",
        into_a.changes
    );
    assert!(into_b.changes.iter().any(
        |c| matches!(c, MergeChange::Moved { place, .. } if place == "section \u{201c}おわりに\u{201d}")
    ));
}

fn outcome(id: &str, title: &str) -> Outcome {
    Outcome {
        uid: Default::default(),
        id: Some(id.into()),
        title: title.into(),
        action: rapporteur_model::Action::Agreed,
        process: None,
        document: None,
        gloss: None,
    }
}

#[test]
fn both_adding_an_outcome_to_the_same_question_keeps_both() {
    let (a, b) = two_copies();
    let before = first_question(&mut a.report().unwrap()).outcomes.len();
    edit(&a, |r| {
        first_question(r).outcomes.push(outcome("X.a", "from A"))
    });
    edit(&b, |r| {
        first_question(r).outcomes.push(outcome("X.b", "from B"))
    });
    let (into_a, _) = merge_both_ways(&a, &b);
    let mut merged = a.report().unwrap();
    let outcomes = &first_question(&mut merged).outcomes;
    assert_eq!(outcomes.len(), before + 2);
    let ids: Vec<_> = outcomes[before..]
        .iter()
        .map(|o| o.id.clone().unwrap())
        .collect();
    assert!(ids.contains(&"X.a".to_owned()) && ids.contains(&"X.b".to_owned()));
    assert!(into_a.conflicts.is_empty());
    let added = into_a
        .changes
        .iter()
        .find_map(|c| match c {
            MergeChange::Added { place, path, .. }
                if place.starts_with("Question 10, outcome") && place.ends_with("(X.b)") =>
            {
                Some(path)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:#?}", into_a.changes));
    // The path leads to that outcome in the merged report, as the app's checks panel
    // reads a finding's path.
    assert_eq!(at(&merged, added)["id"], "X.b");
}

/// The value at a JSON path (`sections[3].blocks[0].outcomes[1]`) of `report`'s file.
fn at(report: &rapporteur_model::Report, path: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(report).unwrap();
    for step in path.split('.') {
        let (name, index) = match step.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (step, None),
        };
        value = value[name].clone();
        if let Some(i) = index {
            value = value[i].clone();
        }
    }
    value
}

#[test]
fn a_row_deleted_by_one_and_edited_by_the_other_is_deleted_and_both_are_told() {
    let (a, b) = two_copies();
    let row: ScheduleRow = first_schedule(&mut a.report().unwrap()).rows[0].clone();
    edit(&a, |r| {
        first_schedule(r).rows.remove(0);
    });
    edit(&b, |r| {
        first_schedule(r).rows[0].venue = Some("B の会場".into())
    });
    let (into_a, into_b) = merge_both_ways(&a, &b);
    let mut merged = a.report().unwrap();
    assert!(
        first_schedule(&mut merged)
            .rows
            .iter()
            .all(|r| r.uid != row.uid),
        "the deletion wins"
    );
    let told = |summary: &rapporteur_collab::MergeSummary, here: bool| {
        summary.conflicts.iter().any(|c| {
            matches!(c, MergeConflict::DeletedWhileEdited { place, deleted_here, .. } if place.ends_with("row 1") && *deleted_here == here)
        })
    };
    assert!(told(&into_a, true), "{:#?}", into_a.conflicts);
    assert!(told(&into_b, false), "{:#?}", into_b.conflicts);
}

#[test]
fn a_title_both_changed_is_marked_with_the_value_kept_and_the_other() {
    let (a, b) = two_copies();
    edit(&a, |r| r.title = "A の題".into());
    edit(&b, |r| r.title = "B の題".into());
    let (into_a, into_b) = merge_both_ways(&a, &b);
    let title = a.report().unwrap().title;
    for summary in [&into_a, &into_b] {
        let found = summary.conflicts.iter().find_map(|c| match c {
            MergeConflict::BothChanged {
                place,
                path,
                field,
                kept,
                other,
            } if place == "the report" && field == "title" => {
                assert_eq!(path, "title");
                Some((kept.clone(), other.clone()))
            }
            _ => None,
        });
        let (kept, other) = found.unwrap_or_else(|| panic!("{:#?}", summary.conflicts));
        assert_eq!(kept, Some(title.clone().into()));
        let other = other.unwrap();
        assert_ne!(other.as_str(), Some(title.as_str()));
        assert!(["A の題", "B の題"].contains(&other.as_str().unwrap()));
    }
}

#[test]
fn a_copy_that_receives_an_already_merged_file_sees_the_outcome_as_a_change() {
    // B's file reaches A, A merges it (and is told of the conflict), then sends the merged
    // copy back: B sees the value kept, as a change when it was not B's.
    let (a, b) = two_copies();
    edit(&a, |r| r.title = "A の題".into());
    edit(&b, |r| r.title = "B の題".into());
    let into_a = a.merge(&b.share_file().unwrap()).unwrap();
    assert_eq!(into_a.conflicts.len(), 1, "{:#?}", into_a.conflicts);
    let into_b = b.merge(&a.share_file().unwrap()).unwrap();
    assert!(into_b.conflicts.is_empty());
    let title = a.report().unwrap().title;
    assert_eq!(b.report().unwrap().title, title);
    let told = into_b
        .changes
        .iter()
        .any(|c| matches!(c, MergeChange::Edited { field, .. } if field == "title"));
    assert_eq!(told, title == "A の題");
}

/// The co-authors `summary` names for its one change that is `wanted`.
fn made_by(
    summary: &rapporteur_collab::MergeSummary,
    wanted: impl Fn(&MergeChange) -> bool,
) -> Vec<String> {
    let found = summary.changes.iter().find(|c| wanted(c));
    let found = found.unwrap_or_else(|| panic!("{:#?}", summary.changes));
    found.by().to_vec()
}

/// Whether `change` is an edit of the report's own `name` field.
fn report_field(change: &MergeChange, name: &str) -> bool {
    matches!(change, MergeChange::Edited { place, field, .. } if place == "the report" && field == name)
}

#[test]
fn each_change_relayed_by_a_second_co_author_is_named_by_the_one_who_made_it() {
    // A edits the title and adds an outcome; B merges A's copy, then changes the city,
    // removes a schedule row and moves an author; C, who only ever hears from B, merges
    // B's copy: every change is named by whoever made it, not by B who sent them all.
    let (a, b) = two_copies();
    let c = ReportDoc::open_share_file(&a.share_file().unwrap(), 3).unwrap();
    c.set_author_name("Chen").unwrap();
    edit(&a, |r| {
        r.title = "A の題".into();
        first_question(r).outcomes.push(outcome("X.a", "from A"));
    });
    b.merge(&a.share_file().unwrap()).unwrap();
    let removed_row = first_schedule(&mut b.report().unwrap()).rows.len();
    edit(&b, |r| {
        r.meeting.city = Some("東京".into());
        first_schedule(r).rows.pop();
        r.authors.swap(0, 1);
    });
    let into_c = c.merge(&b.share_file().unwrap()).unwrap();
    assert_eq!(into_c.from, vec!["Aoki".to_owned(), "Brown".to_owned()]);
    assert_eq!(made_by(&into_c, |c| report_field(c, "title")), ["Aoki"]);
    assert_eq!(
        made_by(&into_c, |c| report_field(c, "meeting.city")),
        ["Brown"]
    );
    let added =
        |c: &MergeChange| matches!(c, MergeChange::Added { place, .. } if place.ends_with("(X.a)"));
    assert_eq!(made_by(&into_c, added), ["Aoki"]);
    let row = format!("row {removed_row}");
    let removed =
        |c: &MergeChange| matches!(c, MergeChange::Removed { place, .. } if place.ends_with(&row));
    assert_eq!(made_by(&into_c, removed), ["Brown"]);
    let moved = |c: &MergeChange| matches!(c, MergeChange::Moved { place, .. } if place.starts_with("author"));
    assert_eq!(made_by(&into_c, moved), ["Brown"]);
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let (a, b) = two_copies();
    edit(&b, |r| r.meeting.city = Some("東京".into()));
    let file = b.share_file().unwrap();
    let first = a.merge(&file).unwrap();
    assert!(!first.is_empty());
    let snapshot = a.report().unwrap();
    let again = a.merge(&file).unwrap();
    assert!(again.is_empty(), "{again:#?}");
    assert_eq!(a.report().unwrap(), snapshot);
}

#[test]
fn a_file_that_is_not_a_copy_of_this_report_is_refused_and_changes_nothing() {
    let (a, _) = two_copies();
    let before = a.snapshot().unwrap();
    let other = ReportDoc::create(&example(), 3)
        .unwrap()
        .share_file()
        .unwrap();
    let good = a.share_file().unwrap();
    let mut newer = good.clone();
    newer[rapporteur_collab::SHARE_MAGIC.len()] = 9;
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (other, "another report"),
        (
            b"{\"format\": \"rapporteur.report\"}".to_vec(),
            "not a Rapporteur share file",
        ),
        (good[..good.len() / 2].to_vec(), "damaged or incomplete"),
        (
            good[..rapporteur_collab::SHARE_MAGIC.len() + 1].to_vec(),
            "damaged or incomplete",
        ),
        (newer, "newer version"),
    ];
    for (file, expected) in cases {
        let err: CollabError = a.merge(&file).unwrap_err();
        assert!(err.to_string().contains(expected), "{err}");
        assert_eq!(
            a.snapshot().unwrap(),
            before,
            "nothing changed on {expected}"
        );
    }
}
