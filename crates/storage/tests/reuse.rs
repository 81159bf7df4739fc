//! Search, the registry of work items and templates, against real SQLite files.

use rapporteur_model::{free_texts, Action, Block, Report};
use rapporteur_storage::{SearchHit, Store, StoreError, TextPart};
use rusqlite::Connection;

mod common;
use common::{example, fresh_index_rows, index_rows, retitled, temp_store, texts};

fn shown(hit: &SearchHit) -> String {
    rapporteur_storage::marked(&hit.snippet, "[", "]")
}

fn paths(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.path.as_str()).collect()
}

/// The paths of the free texts of `report` that contain `word`, as search must find them.
/// The ids of the work items the registry finds for `query`, in its order.
fn item_ids(store: &Store, query: &str, limit: u32) -> Vec<String> {
    store
        .items(query, limit)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect()
}

fn texts_with(report: &Report, word: &str) -> Vec<String> {
    free_texts(report)
        .into_iter()
        .filter(|t| t.text.contains(word))
        .map(|t| t.path)
        .collect()
}

#[test]
fn a_japanese_word_is_found_with_its_place_and_a_marked_snippet() {
    let (_dir, _, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let hits = store.search("量子ベース", 50).unwrap();
    // In WP1's title, then in the scope of its Question 15, in document order.
    assert_eq!(
        paths(&hits),
        [
            "sections[2].sections[0].working_party.title",
            "sections[2].sections[0].blocks[2].scope"
        ]
    );
    assert_eq!(hits[0].part, TextPart::WorkingPartyTitle);
    assert_eq!(hits[0].question, None);
    let hit = &hits[1];
    assert_eq!(hit.report, id);
    assert_eq!(hit.report_title, "ITU-T SG17第2回会合報告");
    assert_eq!(hit.path, "sections[2].sections[0].blocks[2].scope");
    assert_eq!(hit.part, TextPart::QuestionScope);
    assert_eq!(hit.question, Some(15));
    assert!(
        hit.section.as_deref().unwrap().starts_with("3.1 WP1: "),
        "{:?}",
        hit.section
    );
    assert_eq!(shown(hit), "[量子ベース]のセキュリティ");
}

#[test]
fn words_of_one_or_two_characters_are_found_too() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_report(&example()).unwrap();
    let report = example();
    for word in ["量子", "鍵", "課題"] {
        let hits = store.search(word, 10_000).unwrap();
        let mut found: Vec<&str> = paths(&hits);
        found.sort();
        let mut expected = texts_with(&report, word);
        expected.sort();
        assert!(!expected.is_empty(), "{word} is in the example");
        assert_eq!(found, expected, "{word}");
        assert!(
            hits.iter().all(|h| shown(h).contains(&format!("[{word}]"))),
            "{word}"
        );
    }
}

#[test]
fn terms_of_two_characters_together_find_every_text_holding_them_all() {
    let (_dir, path, mut store) = temp_store();
    let older = store.create_report(&example()).unwrap();
    // Both terms in one text, one of them at its very end.
    let mut newer = retitled("課題と鍵の報告：量子");
    let id = store.create_report(&newer).unwrap();
    // The texts holding every term, ASCII letters in any case (as LIKE matches them):
    // the newest report's first, each report's in document order.
    let holding = |query: &str, reports: &[(i64, &Report)]| -> Vec<(i64, String)> {
        let terms: Vec<String> = query
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        let mut found = Vec::new();
        for (report, content) in reports {
            for text in free_texts(content) {
                let folded = text.text.to_ascii_lowercase();
                if terms.iter().all(|t| folded.contains(t.as_str())) {
                    found.push((*report, text.path));
                }
            }
        }
        found
    };
    let found = |store: &Store, query: &str| -> Vec<(i64, String)> {
        let hits = store.search(query, 10_000).unwrap();
        hits.into_iter().map(|h| (h.report, h.path)).collect()
    };
    let example = example();
    // Pairs of Japanese, of ASCII letters in another case than the text's, and with a
    // term the pairs do not hold (`X.`, `鍵`: found by scanning the rows).
    for query in ["量子 課題", "課題 wp", "Wp 会合", "X. 課題", "量子 鍵"] {
        let expected = holding(query, &[(id, &newer), (older, &example)]);
        assert!(!expected.is_empty(), "{query} is in the reports");
        assert_eq!(found(&store, query), expected, "{query}");
    }
    assert_eq!(found(&store, "量子 課題")[0], (id, "title".to_owned()));

    // The pairs follow a save and a deletion.
    newer.title = "報告".to_owned();
    store.save_report(id, &newer).unwrap();
    let expected = holding("量子 課題", &[(id, &newer), (older, &example)]);
    assert_eq!(found(&store, "量子 課題"), expected);
    assert!(!expected.iter().any(|(_, p)| p == "title"));
    store.delete_report(older).unwrap();
    assert_eq!(
        found(&store, "量子 課題"),
        holding("量子 課題", &[(id, &newer)])
    );
    index_rows(&path, id);
}

#[test]
fn ids_are_found_ignoring_case_and_every_term_must_occur() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_report(&example()).unwrap();
    let hits = store.search("x.1250REV", 50).unwrap();
    let ids: Vec<&SearchHit> = hits
        .iter()
        .filter(|h| h.part == TextPart::OutcomeId)
        .collect();
    assert_eq!(ids.len(), 1, "{hits:?}");
    assert_eq!(
        ids[0].path,
        "sections[2].sections[0].blocks[0].outcomes[0].id"
    );
    assert_eq!(ids[0].question, Some(10));
    assert_eq!(shown(ids[0]), "[X.1250rev]");
    // Both terms in the same text: a long one through the index, a short one by LIKE.
    let both = store.search("ジュネーブ e-", 50).unwrap();
    let report = example();
    let expected: Vec<String> = texts_with(&report, "ジュネーブ")
        .into_iter()
        .filter(|p| texts_with(&report, "e-").contains(p))
        .collect();
    assert_eq!(paths(&both), expected);
    assert!(both.iter().all(|h| shown(h).contains("[ジュネーブ]")));
    let cells: Vec<&SearchHit> = both
        .iter()
        .filter(|h| h.part == TextPart::ScheduleCell)
        .collect();
    assert!(cells.len() > 5);
    assert!(cells.iter().all(|h| shown(h) == "[ジュネーブ]+[e-]meeting"));
    // Quotes and LIKE's wildcards are taken as they are.
    assert!(store.search("\"量子", 50).unwrap().is_empty());
    let percent = store.search("%", 50).unwrap();
    assert_eq!(paths(&percent), texts_with(&report, "%"));
    assert_eq!(percent.len(), 1);
    assert!(store.search("   ", 50).unwrap().is_empty());
}

#[test]
fn the_index_follows_every_save_restore_delete_and_undelete() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let other = store.create_report(&example()).unwrap();
    assert_eq!(store.search("量子ベース", 50).unwrap().len(), 4);
    // The most recently saved report first.
    let mut edited = example();
    edited.sections[0].heading = Some("まえがき（量子ベース）".to_owned());
    store.save_report(id, &edited).unwrap();
    let hits = store.search("量子ベース", 50).unwrap();
    let reports: Vec<i64> = hits.iter().map(|h| h.report).collect();
    assert_eq!(reports, [id, id, id, other, other]);
    assert_eq!(
        hits[0].path, "sections[0].heading",
        "document order within a report"
    );
    assert!(store
        .search("はじめに", 50)
        .unwrap()
        .iter()
        .all(|h| h.report == other));

    store.restore(id, 1).unwrap();
    assert_eq!(store.search("まえがき", 50).unwrap(), []);
    store.delete_report(other).unwrap();
    assert!(store
        .search("はじめに", 50)
        .unwrap()
        .iter()
        .all(|h| h.report == id));
    store.undelete_report(other).unwrap();
    assert_eq!(store.search("はじめに", 50).unwrap().len(), 2);
    // The same after reopening the file.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.search("量子ベース", 50).unwrap().len(), 4);
    assert_eq!(
        store.search("量子ベース", 1).unwrap().len(),
        1,
        "the limit holds"
    );
}

#[test]
fn a_save_rewrites_only_the_parts_whose_text_changed() {
    let (_dir, path, mut store) = temp_store();
    let older = store.create_report(&example()).unwrap();
    let id = store.create_report(&example()).unwrap();
    let row_ids = |path: &std::path::Path| -> Vec<i64> {
        Connection::open(path)
            .unwrap()
            .prepare("SELECT id FROM search_parts WHERE report_id = ?1")
            .unwrap()
            .query_map([id], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = row_ids(&path);

    // A new paragraph at the top moves every part after it; one text changes, one goes.
    let mut edited = example();
    edited.title = "量子の報告（改訂）".to_owned();
    edited.sections[0].blocks.insert(
        0,
        Block::Paragraph {
            text: "追加された段落：ゼロトラスト".to_owned(),
            boilerplate: false,
            uid: Default::default(),
        },
    );
    edited.sections.remove(4);
    store.save_report(id, &edited).unwrap();
    let after = row_ids(&path);
    let kept = after.iter().filter(|r| before.contains(r)).count();
    assert!(
        kept + 4 >= before.len().min(after.len()),
        "{kept} of {} rows kept",
        before.len()
    );
    assert_eq!(index_rows(&path, id), fresh_index_rows(&edited));
    let hits = store.search("追加された段落", 50).unwrap();
    assert_eq!(paths(&hits), ["sections[0].blocks[0].text"]);
    assert_eq!(store.search("量子の報告", 50).unwrap().len(), 1);
    assert!(store
        .search("SG17第2回会合報告", 50)
        .unwrap()
        .iter()
        .all(|h| h.report == older));

    // Saved after the other report, the older one's rows are all written anew: newest first.
    store.save_report(older, &edited).unwrap();
    assert_eq!(index_rows(&path, older), fresh_index_rows(&edited));
    let reports: Vec<i64> = store
        .search("量子の報告", 50)
        .unwrap()
        .iter()
        .map(|h| h.report)
        .collect();
    assert_eq!(reports, [older, id]);
    // Back to the example: the same rows as a whole index of it.
    store.save_report(id, &example()).unwrap();
    store.save_report(id, &edited).unwrap();
    store.save_report(id, &example()).unwrap();
    assert_eq!(index_rows(&path, id), fresh_index_rows(&example()));
}

#[test]
fn a_save_whose_indexing_fails_changes_nothing() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TRIGGER fail_search BEFORE INSERT ON search_parts BEGIN SELECT RAISE(ABORT, 'index full'); END;")
        .unwrap();
    let edited = retitled("量子の題名");
    let err = store.save_report(id, &edited).unwrap_err();
    assert!(err.to_string().contains("index full"), "{err}");
    let kept = store.report(id).unwrap().report;
    assert_eq!(rapporteur_model::uid::cleared(&kept), example());
    assert_eq!(store.history(id).unwrap().len(), 1);
    assert_eq!(store.search("会合報告", 50).unwrap().len(), 1);
}

#[test]
fn the_registry_lists_ids_with_their_history_prefix_matches_first() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.create_report(&example()).unwrap();
    let mut later = example();
    later.title = "ITU-T SG17第3回会合報告".to_owned();
    later.meeting.start = Some("2026-06-02".parse().unwrap());
    later.meeting.end = Some("2026-06-11".parse().unwrap());
    let Block::Question(q) = &mut later.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    assert_eq!(q.outcomes[0].action, Action::Approved);
    q.outcomes[0].action = Action::Determined;
    q.outcomes[0].title = "Entity authentication assurance framework (new)".to_owned();
    let second = store.create_report(&later).unwrap();

    let items = store.items("x.1250", 10).unwrap();
    assert_eq!(items[0].id, "X.1250rev", "{items:?}");
    let item = &items[0];
    assert_eq!(
        item.title,
        "Entity authentication assurance framework (new)"
    );
    let history: Vec<(i64, Action)> = item.history.iter().map(|u| (u.report, u.action)).collect();
    assert_eq!(
        history,
        [(second, Action::Determined), (first, Action::Approved)]
    );
    assert_eq!(
        item.history[1].path,
        "sections[2].sections[0].blocks[0].outcomes[0]"
    );

    // A substring; ids starting with the query come before those containing it.
    let found: Vec<String> = item_ids(&store, "1250", 10);
    assert!(found.contains(&"X.1250rev".to_owned()), "{found:?}");
    let starting = store.items("X.", 200).unwrap();
    let containing = store.items(".", 200).unwrap();
    assert!(starting.iter().all(|i| i.id.starts_with("X.")));
    let first_other = containing
        .iter()
        .position(|i| !i.id.starts_with('.'))
        .unwrap();
    assert!(containing[..first_other]
        .iter()
        .all(|i| i.id.starts_with('.')));
    assert_eq!(store.items("x.1250", 0).unwrap(), []);
    assert_eq!(store.items("%", 10).unwrap(), []);

    store.delete_report(second).unwrap();
    let item = store.items("X.1250rev", 1).unwrap().remove(0);
    assert_eq!(item.history.len(), 1);
    assert_eq!(item.title, example().outcomes()[0].2.title);
}

#[test]
fn suggestions_give_each_matching_id_once_with_its_latest_title() {
    let (_dir, path, mut store) = temp_store();
    let first = store.create_report(&example()).unwrap();
    let mut later = example();
    later.meeting.start = Some("2026-06-02".parse().unwrap());
    later.meeting.end = Some("2026-06-11".parse().unwrap());
    let Block::Question(q) = &mut later.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    q.outcomes[0].title = "Entity authentication assurance framework (new)".to_owned();
    let second = store.create_report(&later).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();

    let found = store.item_suggestions("x.125", None, 20).unwrap();
    let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids.iter().filter(|id| **id == "X.1250rev").count(),
        1,
        "{ids:?}"
    );
    assert!(
        ids.iter()
            .all(|id| id.to_ascii_lowercase().contains("x.125")),
        "{ids:?}"
    );
    let x1250 = found.iter().find(|s| s.id == "X.1250rev").unwrap();
    assert_eq!(
        x1250.title,
        "Entity authentication assurance framework (new)"
    );
    // The same ids in the same order as the registry's full lookup.
    let items: Vec<String> = item_ids(&store, "x.125", 20);
    assert_eq!(ids, items);
    // The registry's ranking (ids starting with the query first), over every id with a dot.
    let dotted: Vec<String> = store
        .item_suggestions(".", None, 200)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let items: Vec<String> = item_ids(&store, ".", 200);
    assert!(dotted.len() > 5);
    assert_eq!(dotted, items);
    assert_eq!(store.item_suggestions("X.", None, 2).unwrap().len(), 2);
    assert_eq!(store.item_suggestions("  ", None, 20).unwrap(), []);
    assert_eq!(store.item_suggestions("%", None, 20).unwrap(), []);

    // Nor are the report's own ids, while it is being typed in.
    let x1250 = store
        .item_suggestions("X.1250rev", Some(second), 20)
        .unwrap()
        .remove(0);
    assert_eq!(x1250.title, example().outcomes()[0].2.title);
    assert_eq!(
        store
            .item_suggestions("X.1250rev", Some(first), 20)
            .unwrap()[0]
            .title,
        "Entity authentication assurance framework (new)"
    );

    // A deleted report's titles are not offered.
    store.delete_report(second).unwrap();
    let x1250 = store
        .item_suggestions("X.1250rev", None, 20)
        .unwrap()
        .remove(0);
    assert_eq!(x1250.title, example().outcomes()[0].2.title);
}

#[test]
fn an_id_no_report_uses_any_more_is_no_longer_suggested() {
    let (_dir, path, mut store) = temp_store();
    let id = store.create_report(&example()).unwrap();
    let work_items = || {
        texts(
            &path,
            "SELECT item_id FROM work_items WHERE item_id LIKE 'X.1250%'",
        )
    };
    assert_eq!(work_items(), ["X.1250rev"]);
    let mut renamed = example();
    let Block::Question(q) = &mut renamed.sections[2].sections[0].blocks[0] else {
        panic!()
    };
    q.outcomes[0].id = Some("X.1250new".to_owned());
    q.outcomes[0].title = "Renamed".to_owned();
    store.save_report(id, &renamed).unwrap();
    assert_eq!(work_items(), ["X.1250new"]);
    let found = store.item_suggestions("1250", None, 20).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].id.as_str(), found[0].title.as_str()),
        ("X.1250new", "Renamed")
    );
    // A second report using the old id, then deleted: the id stays known but is not offered.
    let other = store.create_report(&example()).unwrap();
    assert_eq!(work_items(), ["X.1250new", "X.1250rev"]);
    store.delete_report(other).unwrap();
    assert!(store
        .item_suggestions("X.1250rev", None, 20)
        .unwrap()
        .is_empty());
    assert!(store.items("X.1250rev", 20).unwrap().is_empty());
}

#[test]
fn templates_are_saved_listed_read_and_deleted_apart_from_the_library() {
    let (_dir, path, mut store) = temp_store();
    let structure = retitled("ITU-T SG17会合報告（型）");
    let id = store.save_template("SG17 会合", &structure).unwrap();
    assert!(matches!(
        store.save_template(" SG17 会合 ", &structure),
        Err(StoreError::TemplateExists(name)) if name == "SG17 会合"
    ));
    assert!(matches!(
        store.save_template("  ", &structure),
        Err(StoreError::TemplateName)
    ));

    let templates = store.templates().unwrap();
    assert_eq!(templates.len(), 1);
    assert_eq!(
        (templates[0].id, templates[0].name.as_str()),
        (id, "SG17 会合")
    );
    assert_eq!(templates[0].title, "ITU-T SG17会合報告（型）");
    let stored = store.template("SG17 会合").unwrap().report;
    assert_eq!(rapporteur_model::uid::cleared(&stored), structure);
    // Not a report of the library: not listed, not searched, not in the registry.
    assert!(store.list_reports().unwrap().is_empty());
    assert!(store.search("量子ベース", 50).unwrap().is_empty());
    assert!(store.items("X.1250", 10).unwrap().is_empty());
    assert!(matches!(
        store.delete_report(id),
        Err(StoreError::NotFound(_))
    ));

    store.delete_template("SG17 会合").unwrap();
    assert!(store.templates().unwrap().is_empty());
    assert!(matches!(
        store.delete_template("SG17 会合"),
        Err(StoreError::NoSuchTemplate(_))
    ));
    assert!(matches!(
        store.template("SG17 会合"),
        Err(StoreError::NoSuchTemplate(_))
    ));
    let rows: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM revisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "its revisions went with it");
}

#[test]
fn a_built_in_template_is_added_once_and_stays_deleted() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .add_template_once("builtin", "ITU-T", &example())
        .unwrap();
    assert!(id.is_some());
    assert_eq!(
        store
            .add_template_once("builtin", "ITU-T", &example())
            .unwrap(),
        None
    );
    store.delete_template("ITU-T").unwrap();
    assert_eq!(
        store
            .add_template_once("builtin", "ITU-T", &example())
            .unwrap(),
        None
    );
    assert!(store.templates().unwrap().is_empty());
    // A template of the user's under that name is left alone.
    let mut store = Store::open_in_memory().unwrap();
    store.save_template("ITU-T", &example()).unwrap();
    assert_eq!(
        store
            .add_template_once("builtin", "ITU-T", &example())
            .unwrap(),
        None
    );
    assert_eq!(store.templates().unwrap().len(), 1);
}
