//! Co-authoring through the real `rapporteur-cli`: two co-authors, each with a database
//! of their own, share a report, edit it apart (`update`, as a script edits), send each
//! other their copies and merge them.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;

#[path = "../../storage/tests/support/dump.rs"]
mod dump;

use common::{Env, EXAMPLE_PATH};
use dump::dump;

/// A co-author: a database of their own holding the report, under their name.
fn co_author(name: &str) -> Env {
    let env = Env::new();
    env.ok(&["author", name]);
    assert_eq!(env.ok(&["author"]), format!("{name}\n"));
    env
}

fn share(env: &Env, id: &str, name: &str) -> PathBuf {
    let file = env.path(name);
    env.ok(&["share", id, "-o", file.to_str().unwrap()]);
    file
}

/// Report `id` of `env` as its report file, edited by `edit`, saved with `update`.
fn update(env: &Env, id: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut report: Value = serde_json::from_str(&env.ok(&["export", id])).unwrap();
    edit(&mut report);
    let file = env.path("edited.report.json");
    std::fs::write(&file, serde_json::to_string_pretty(&report).unwrap()).unwrap();
    env.ok(&["update", id, file.to_str().unwrap()])
}

fn report(env: &Env, id: &str) -> Value {
    serde_json::from_str(&env.ok(&["export", id])).unwrap()
}

/// The example's Question 10 (the first Question of Working Party 1).
fn question_10(report: &mut Value) -> &mut Value {
    &mut report["sections"][2]["sections"][0]["blocks"][0]
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn two_co_authors_share_edit_apart_and_merge_with_what_changed_and_who() {
    let aoki = co_author("青木");
    assert_eq!(aoki.ok(&["import", EXAMPLE_PATH]), "1\n");
    let brown = co_author("Brown");

    let from_aoki = share(&aoki, "1", "aoki.rapporteur");
    assert_eq!(
        brown.ok(&["import", arg(&from_aoki)]),
        "1\n  a new report, linked to its co-authors' copies\n"
    );
    assert_eq!(report(&brown, "1"), report(&aoki, "1"));
    // The same file again opens the same report: nothing is added.
    assert_eq!(
        brown.ok(&["import", arg(&from_aoki)]),
        "1\n  a copy of this report: nothing new in it\n"
    );
    assert_eq!(brown.ok(&["list"]).lines().count(), 1);

    // Each edits apart: the title both, the rest each their own part.
    assert_eq!(
        update(&aoki, "1", |r| {
            r["title"] = "青木の題".into();
            r["meeting"]["city"] = "東京".into();
        }),
        "report 1: saved as revision 2\n"
    );
    update(&brown, "1", |r| {
        r["title"] = "Brown の題".into();
        question_10(r)["outcomes"][1]["title"] = "Mutual authentication, revised".into();
    });

    let from_brown = share(&brown, "1", "brown.rapporteur");
    let merged = aoki.ok(&["merge", "1", arg(&from_brown)]);
    let lines: Vec<&str> = merged.lines().collect();
    assert_eq!(
        lines[0],
        "report 1: merged as revision 3, with the edits of Brown"
    );
    assert!(
        lines.contains(&"changed\tQuestion 10, outcome 2 (X.1280rev)\ttitle\t“Framework for out-of-band mutual authentication using mobile…” → “Mutual authentication, revised”\tby Brown"),
        "{merged}"
    );
    let both = lines
        .iter()
        .find(|l| l.starts_with("changed in both copies\tthe report\ttitle\tkept "))
        .unwrap_or_else(|| panic!("{merged}"));
    let mine = report(&aoki, "1");
    assert!(both.contains(&format!("kept “{}”", mine["title"].as_str().unwrap())));
    assert_eq!(mine["meeting"]["city"], "東京");
    assert_eq!(
        question_10(&mut mine.clone())["outcomes"][1]["title"],
        "Mutual authentication, revised"
    );
    // The history names who made each revision.
    let history = aoki.ok(&["history", "1"]);
    let authors: Vec<&str> = history
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap_or(""))
        .collect();
    assert_eq!(authors, ["Brown", "青木", "青木"], "{history}");

    // Merging the same file twice changes nothing.
    let before = dump(&aoki.db());
    assert_eq!(
        aoki.ok(&["merge", "1", arg(&from_brown)]),
        "report 1: the file holds nothing new; nothing changed\n"
    );
    assert_eq!(dump(&aoki.db()), before);

    // Brown takes Aoki's merged copy back: both hold the same report.
    brown.ok(&["merge", "1", arg(&share(&aoki, "1", "aoki2.rapporteur"))]);
    assert_eq!(report(&brown, "1"), report(&aoki, "1"));
}

#[test]
fn copies_merged_in_either_order_give_the_same_report() {
    let aoki = co_author("青木");
    aoki.ok(&["import", EXAMPLE_PATH]);
    let shared = share(&aoki, "1", "start.rapporteur");
    let brown = co_author("Brown");
    let chen = co_author("陳");
    for env in [&brown, &chen] {
        env.ok(&["import", arg(&shared)]);
    }
    update(&aoki, "1", |r| r["meeting"]["city"] = "大阪".into());
    update(&brown, "1", |r| {
        question_10(r)["outcomes"].as_array_mut().unwrap().push(
            serde_json::json!({"id": "X.brown", "title": "From Brown", "action": "new_work_item"}),
        );
    });
    update(&chen, "1", |r| {
        r["sections"][0]["blocks"][1]["text"] = "陳が書き直した段落。".into();
        question_10(r)["outcomes"].as_array_mut().unwrap().push(
            serde_json::json!({"id": "X.chen", "title": "From Chen", "action": "new_work_item"}),
        );
    });
    let files = [
        share(&aoki, "1", "a.rapporteur"),
        share(&brown, "1", "b.rapporteur"),
        share(&chen, "1", "c.rapporteur"),
    ];
    // Two fresh libraries take the three copies in opposite orders.
    let forward = Env::new();
    let backward = Env::new();
    forward.ok(&["import", arg(&files[0])]);
    forward.ok(&["merge", "1", arg(&files[1])]);
    forward.ok(&["merge", "1", arg(&files[2])]);
    backward.ok(&["import", arg(&files[2])]);
    backward.ok(&["merge", "1", arg(&files[1])]);
    backward.ok(&["merge", "1", arg(&files[0])]);
    let merged = report(&forward, "1");
    assert_eq!(merged, report(&backward, "1"));
    assert_eq!(merged["meeting"]["city"], "大阪");
    assert_eq!(
        merged["sections"][0]["blocks"][1]["text"],
        "陳が書き直した段落。"
    );
    let outcomes = question_10(&mut merged.clone())["outcomes"].clone();
    let ids: Vec<&str> = outcomes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"X.brown") && ids.contains(&"X.chen"),
        "both outcomes added are kept: {ids:?}"
    );
}

#[test]
fn a_foreign_or_damaged_file_is_refused_saying_what_it_is_and_changes_nothing() {
    let env = co_author("青木");
    env.ok(&["import", EXAMPLE_PATH, EXAMPLE_PATH]);
    update(&env, "1", |r| r["title"] = "一つ目".into());
    let own = std::fs::read(share(&env, "1", "own.rapporteur")).unwrap();
    let other = share(&env, "2", "other.rapporteur");
    let newer = env.path("newer.rapporteur");
    let mut bytes = own.clone();
    bytes[b"rapporteur.share\n".len()] = 9;
    std::fs::write(&newer, bytes).unwrap();
    let cut = env.path("cut.rapporteur");
    std::fs::write(&cut, &own[..own.len() / 2]).unwrap();
    let before = dump(&env.db());
    let cases = [
        (
            other.clone(),
            "holds another report, not a copy of this one",
        ),
        (
            newer,
            "made by a newer version of Rapporteur (share format 9)",
        ),
        (cut.clone(), "damaged or incomplete"),
        (PathBuf::from(EXAMPLE_PATH), "not a Rapporteur share file"),
    ];
    for (file, what) in &cases {
        let message = env.user_error(&["merge", "1", arg(file)]);
        assert!(message.contains(arg(file)), "names the file: {message}");
        assert!(message.contains(what), "{what}: {message}");
        assert_eq!(dump(&env.db()), before, "{message}");
    }
    // Opened with `import`, a damaged share file adds none of the files beside it.
    let message = env.user_error(&["import", EXAMPLE_PATH, arg(&cut)]);
    assert!(message.contains("damaged or incomplete"), "{message}");
    assert_eq!(dump(&env.db()), before);
    // A share file of a report this library has opens that report.
    assert_eq!(
        env.ok(&["import", arg(&other)]),
        "2\n  a copy of this report: nothing new in it\n"
    );
}

#[test]
fn update_saves_a_file_as_the_next_edit_and_an_unchanged_file_as_nothing() {
    let env = co_author("青木");
    env.ok(&["import", EXAMPLE_PATH]);
    // A script's file without the identities: the elements keep theirs by place.
    let file = env.path("plain.report.json");
    let mut plain: Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE_PATH).unwrap()).unwrap();
    std::fs::write(&file, plain.to_string()).unwrap();
    assert_eq!(
        env.ok(&["update", "1", arg(&file)]),
        "report 1: the file says what revision 1 says; nothing changed\n"
    );
    plain["meeting"]["site"] = "国際会議場".into();
    std::fs::write(&file, plain.to_string()).unwrap();
    assert_eq!(
        env.ok(&["update", "1", arg(&file)]),
        "report 1: saved as revision 2\n"
    );
    // Recorded as an edit of the document: a fresh library opening the share file
    // reads the edit.
    let other = Env::new();
    other.ok(&["import", arg(&share(&env, "1", "s.rapporteur"))]);
    assert_eq!(report(&other, "1")["meeting"]["site"], "国際会議場");
    assert_eq!(report(&other, "1"), report(&env, "1"));
    let bad = env.path("bad.report.json");
    std::fs::write(&bad, "{}").unwrap();
    let before = dump(&env.db());
    env.user_error(&["update", "1", arg(&bad)]);
    assert_eq!(dump(&env.db()), before);
}

#[test]
fn two_co_authors_linked_to_one_folder_sync_with_link_and_sync() {
    let aoki = co_author("青木");
    assert_eq!(aoki.ok(&["import", EXAMPLE_PATH]), "1\n");
    let brown = co_author("Brown");
    brown.ok(&["import", arg(&share(&aoki, "1", "aoki.rapporteur"))]);
    let folder = aoki.path("Dropbox/SG17");
    std::fs::create_dir_all(&folder).unwrap();

    let linked = aoki.ok(&["link", "1", arg(&folder)]);
    assert!(
        linked.starts_with("report 1: nothing new in the shared folder\nwrote\t"),
        "{linked}"
    );
    assert_eq!(
        brown.ok(&["link", "1", arg(&folder)]),
        "report 1: nothing new in the shared folder\n"
    );
    update(&aoki, "1", |r| r["title"] = "青木の題".into());
    let synced = aoki.ok(&["sync", "1"]);
    assert!(synced.contains("\nwrote\t"), "{synced}");
    let before = dump(&brown.db());
    let came = brown.ok(&["sync", "--all"]);
    assert!(
        came.starts_with("report 1: merged as revision 2, with the edits of 青木\n"),
        "{came}"
    );
    assert!(came.contains("changed\tthe report\ttitle\t"), "{came}");
    assert_ne!(dump(&brown.db()), before);
    assert_eq!(report(&brown, "1")["title"], "青木の題");
    // Read again: nothing changes, not a row.
    let after = dump(&brown.db());
    assert_eq!(
        brown.ok(&["sync", "1"]),
        "report 1: nothing new in the shared folder\n"
    );
    let mut again = dump(&brown.db());
    let mut kept = after.clone();
    // Only the time of the look moves.
    for rows in [&mut again, &mut kept] {
        rows.retain(|line| !line.starts_with("collab_folders"));
    }
    assert_eq!(again, kept);
    let shown = brown.ok(&["link", "1"]);
    assert!(
        shown.starts_with(&format!("folder\t{}\nlast sync\t", folder.display())),
        "{shown}"
    );
    assert!(shown.contains("\nlast edits in\t"), "{shown}");
    assert!(shown.ends_with("\t青木\n"), "{shown}");

    // A half-synced file is named, and taken once whole.
    update(&brown, "1", |r| r["meeting"]["city"] = "ソウル".into());
    let wrote = brown.ok(&["sync", "1"]);
    let file = PathBuf::from(
        wrote
            .lines()
            .find_map(|l| l.strip_prefix("wrote\t"))
            .expect(&wrote),
    );
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let half = aoki.ok(&["sync", "1"]);
    assert!(
        half.contains(&format!(
            "not taken yet\t{}: not taken this time",
            file.display()
        )),
        "{half}"
    );
    assert_ne!(report(&aoki, "1")["meeting"]["city"], "ソウル");
    std::fs::write(&file, &whole).unwrap();
    let whole_now = aoki.ok(&["sync", "1"]);
    assert!(whole_now.contains("with the edits of Brown"), "{whole_now}");
    assert_eq!(report(&aoki, "1"), report(&brown, "1"));

    brown.ok(&["unlink", "1"]);
    assert_eq!(
        brown.ok(&["link", "1"]),
        "report 1 is linked to no shared folder\n"
    );
    let err = brown.user_error(&["sync", "1"]);
    assert!(err.contains("linked to no shared folder"), "{err}");
}

#[test]
fn import_dir_takes_share_files_as_import_does() {
    let aoki = co_author("青木");
    assert_eq!(aoki.ok(&["import", EXAMPLE_PATH]), "1\n");
    let brown = co_author("Brown");
    let dir = brown.path("mail");
    std::fs::create_dir(&dir).unwrap();
    let first = share(&aoki, "1", "first.rapporteur");
    std::fs::copy(&first, dir.join("1-aoki.rapporteur")).unwrap();
    update(&aoki, "1", |r| r["title"] = "青木の題".into());
    std::fs::copy(
        share(&aoki, "1", "second.rapporteur"),
        dir.join("2-aoki.rapporteur"),
    )
    .unwrap();
    std::fs::copy(&first, dir.join("3-again.rapporteur")).unwrap();
    std::fs::write(
        dir.join("4-cut.rapporteur"),
        &std::fs::read(&first).unwrap()[..40],
    )
    .unwrap();

    let lines = brown.ok(&["import", "--dir", arg(&dir)]);
    let lines: Vec<&str> = lines.lines().collect();
    assert!(
        lines[0].starts_with("1-aoki.rapporteur\timported\t1\t"),
        "{lines:?}"
    );
    assert_eq!(lines[1], "2-aoki.rapporteur\tmerged\t1\tthe edits of 青木");
    assert_eq!(lines[2], "3-again.rapporteur\tmerged\t1\tnothing new in it");
    assert!(
        lines[3].starts_with("4-cut.rapporteur\trefused\t"),
        "{lines:?}"
    );
    assert!(lines[3].contains("damaged or incomplete"), "{lines:?}");
    assert_eq!(lines.len(), 4);
    assert_eq!(brown.ok(&["list"]).lines().count(), 1);
    assert_eq!(report(&brown, "1"), report(&aoki, "1"));
}
