//! `new`, `template`, `items` and `search` through the real binary on a real database.

mod common;

use common::{Env, EXAMPLE_PATH};

#[test]
fn new_from_a_past_report_carries_the_questions_and_clears_the_outcomes() {
    let env = Env::with_example();
    let out = env.ok(&["new", "--from", "1"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("2"), "{out}");
    for expected in [
        "  title: ITU-T SG17第3回会合報告 (from ITU-T SG17第2回会合報告)",
        "  dates: 2026-06-02 .. 2026-06-11 (from the schedule, sections[3].blocks[3].rows[18])",
        "  Questions with their scopes: 12",
        "to fill:",
        "  meeting.participants\tthe participants",
        "  sections[2].sections[0].blocks[0].outcomes\twhat Question 10 did with its work items",
        "  sections[4].blocks\tthe text of おわりに",
    ] {
        assert!(out.lines().any(|l| l == expected), "{expected:?} in\n{out}");
    }
    let show = env.ok(&["show", "2"]);
    assert!(show.starts_with("ITU-T SG17第3回会合報告\n"), "{show}");
    assert!(show.contains("dates: 2026-06-02 .. 2026-06-11"), "{show}");
    assert!(
        !show.contains("participants:"),
        "the figures are cleared: {show}"
    );

    let file = env.ok(&["export", "2"]);
    let report = rapporteur_format::read_report(&file).unwrap();
    let outcomes = report.outcomes();
    assert!(outcomes.is_empty(), "{outcomes:?}");
    let scopes: Vec<(u32, Option<String>)> = report.sections[2].sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            rapporteur_model::Block::Question(q) => Some((q.number, q.scope.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(scopes[2], (15, Some("量子ベースのセキュリティ".to_owned())));
    assert_eq!(
        env.user_error(&["new", "--from", "9"]),
        "rapporteur-cli: no report with id 9"
    );
    assert_eq!(
        env.run(&["new"]).status.code(),
        Some(2),
        "--from or --template"
    );
}

#[test]
fn templates_are_saved_listed_used_exported_imported_and_deleted() {
    let env = Env::with_example();
    assert_eq!(
        env.ok(&["template", "save", "1", "SG17会合"]),
        "template \"SG17会合\" saved from report 1 (2)\n"
    );
    assert_eq!(
        env.ok(&["template", "list"]),
        "2\tSG17会合\tITU-T SG17会合報告\n"
    );
    assert_eq!(
        env.user_error(&["template", "save", "1", "SG17会合"]),
        "rapporteur-cli: a template named \"SG17会合\" already exists; choose another name or delete it first"
    );
    // Not a report of the library.
    assert_eq!(env.ok(&["list"]).lines().count(), 1);

    let out = env.ok(&["new", "--template", "SG17会合"]);
    assert!(out.starts_with("3\ncarried over:\n"), "{out}");
    assert!(
        out.contains("  title\tthe title: it names no meeting ordinal\n"),
        "{out}"
    );
    assert!(env.ok(&["show", "3"]).starts_with("ITU-T SG17会合報告\n"));

    let file = env.path("template.report.json");
    env.ok(&[
        "template",
        "export",
        "SG17会合",
        "-o",
        file.to_str().unwrap(),
    ]);
    let exported =
        rapporteur_format::read_report(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported.meeting.participants, None);
    assert_eq!(
        env.ok(&["template", "import", file.to_str().unwrap(), "写し"]),
        format!("template \"写し\" imported from {} (4)\n", file.display())
    );
    // Importing a full report keeps only its structure.
    env.ok(&["template", "import", EXAMPLE_PATH, "例から"]);
    // The same structure, each template's elements with identities of their own.
    let structure = |name: &str| {
        let text = env.ok(&["template", "export", name]);
        rapporteur_model::uid::cleared(&rapporteur_format::read_report(&text).unwrap())
    };
    assert_eq!(structure("例から"), structure("SG17会合"));
    assert_eq!(
        env.ok(&["template", "delete", "写し"]),
        "template \"写し\" deleted\n"
    );
    assert_eq!(env.ok(&["template", "list"]).lines().count(), 2);
    assert_eq!(
        env.user_error(&["template", "delete", "写し"]),
        "rapporteur-cli: no template named \"写し\""
    );
}

#[test]
fn items_lists_matching_ids_with_their_history() {
    let env = Env::with_example();
    env.ok(&["import", EXAMPLE_PATH]);
    let out = env.ok(&["items", "x.1250"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "X.1250rev\tBaseline capabilities for enhanced identity management and interoperability"
    );
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[1].starts_with("  2025-12-03\tapproved\tBaseline capabilities"),
        "{out}"
    );
    assert!(
        lines[1].ends_with("\treport 2: ITU-T SG17第2回会合報告"),
        "{out}"
    );
    assert!(
        lines[2].ends_with("\treport 1: ITU-T SG17第2回会合報告"),
        "{out}"
    );
    assert_eq!(env.ok(&["items", "no-such-item"]), "");
}

#[test]
fn search_prints_the_place_and_the_snippet_with_the_match_marked() {
    let env = Env::with_example();
    let out = env.ok(&["search", "量子ベース"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(fields[0], "1");
    assert_eq!(fields[1], "sections[2].sections[0].blocks[2].scope");
    assert!(
        fields[2].starts_with("ITU-T SG17第2回会合報告 › 3.1 WP1: "),
        "{out}"
    );
    assert!(fields[2].ends_with(" › Question 15"), "{out}");
    assert_eq!(fields[3], "«量子ベース»のセキュリティ");
    // Two characters: no trigram, still found.
    let short = env.ok(&["search", "鍵"]);
    assert!(!short.is_empty());
    assert!(short.lines().all(|l| l.contains("«鍵»")), "{short}");
    assert_eq!(env.ok(&["search", "存在しない語句"]), "");
}
