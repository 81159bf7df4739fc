//! The real `rapporteur-cli` binary against a real database file.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::{Env, EXAMPLE_PATH};

fn json_of(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn import_list_show_export_history_restore_delete() {
    let env = Env::new();
    assert_eq!(env.ok(&["import", EXAMPLE_PATH]), "1\n");
    assert_eq!(env.ok(&["import", EXAMPLE_PATH, EXAMPLE_PATH]), "2\n3\n");

    let list = env.ok(&["list"]);
    assert_eq!(list.lines().count(), 3);
    assert!(
        list.lines().all(|l| l
            .contains("ITU-T SG17第2回会合報告\tITU-T SG17 第2回\t2025-12-03..2025-12-11\trev 1")),
        "{list}"
    );

    let show = env.ok(&["show", "1"]);
    for expected in [
        "ITU-T SG17第2回会合報告",
        "磯原 隆将 — 株式会社KDDI総合研究所",
        "meeting: ITU-T SG17 (セキュリティ) 第2回",
        "dates: 2025-12-03 .. 2025-12-11",
        "participants: 408 total, 224 on site, 184 remote, 28 home, 54 delegations",
        "1. はじめに",
        "  3.4 WP4: AI及びクラウド",
    ] {
        assert!(show.contains(expected), "{expected:?} in\n{show}");
    }

    let exported = env.path("out.report.json");
    env.ok(&[
        "export",
        "1",
        "--format",
        "json",
        "-o",
        exported.to_str().unwrap(),
    ]);
    // The file gives back the imported one, its elements now with their identities.
    let exported = json_of(&exported);
    assert!(exported["sections"][0]["uid"].is_string());
    assert_eq!(
        without_uids(exported),
        json_of(Path::new(EXAMPLE_PATH)),
        "export gives back the imported file"
    );
    let stdout: Value = serde_json::from_str(&env.ok(&["export", "2"])).unwrap();
    assert_eq!(without_uids(stdout), json_of(Path::new(EXAMPLE_PATH)));
    let text = env.ok(&["export", "2", "--format", "text"]);
    assert!(
        text.starts_with("ITU-T SG17第2回会合報告\n\n株式会社KDDI総合研究所\n"),
        "{text}"
    );
    assert!(text.contains("\n\n●課題10では、X.1250rev (Baseline capabilities for enhanced identity management and interoperability) がTAP投票を経て合意された。"), "{text}");
    assert!(
        text.contains("\n\n■表2. 今後の中間会合の予定\n\n会合名\t開催期間\t開催地\t会合内容\n"),
        "{text}"
    );
    let docx = env.path("out.docx");
    env.ok(&[
        "export",
        "2",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"),
        "a zip package"
    );
    assert_eq!(
        env.user_error(&["export", "2", "--format", "docx"]),
        "rapporteur-cli: a Word file needs a file to go to: add -o FILE.docx"
    );
    // An earlier article serves as the journal's template: all its styles are there.
    let in_template = env.path("in-template.docx");
    let out = env.run(&[
        "export",
        "2",
        "--format",
        "docx",
        "--template",
        docx.to_str().unwrap(),
        "-o",
        in_template.to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    assert!(std::fs::read(&in_template)
        .unwrap()
        .starts_with(b"PK\x03\x04"));
    let not_word = env.path("notes.txt");
    std::fs::write(&not_word, "a text file").unwrap();
    let refused = env.path("refused.docx");
    let not_word = not_word.to_str().unwrap();
    let template_error = env.user_error(&[
        "export",
        "2",
        "--format",
        "docx",
        "--template",
        not_word,
        "-o",
        refused.to_str().unwrap(),
    ]);
    assert!(
        template_error.starts_with(&format!("rapporteur-cli: {not_word}: not a Word file:")),
        "{template_error}"
    );
    assert!(!refused.exists(), "nothing written from a refused template");
    assert_eq!(
        env.user_error(&["export", "2", "--template", not_word]),
        "rapporteur-cli: --template is for Word files: add --format docx"
    );

    // The app saves an edit to the same file; the CLI sees its history and restores.
    let mut store = rapporteur_storage::Store::open(&env.db()).unwrap();
    let mut edited = store.report(1).unwrap().report;
    edited.title = "改訂版".to_owned();
    assert_eq!(store.save_report(1, &edited).unwrap(), 2);
    drop(store);
    let history = env.ok(&["history", "1"]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(
        // No author: none was set in this database.
        lines[0].starts_with("2\t") && lines[0].ends_with("\t改訂版\t"),
        "{history}"
    );
    assert!(
        lines[1].starts_with("1\t") && lines[1].ends_with("\tITU-T SG17第2回会合報告\t"),
        "{history}"
    );
    assert_eq!(
        env.ok(&["restore", "1", "1"]),
        "report 1: revision 1 restored as revision 3\n"
    );
    assert!(env
        .ok(&["show", "1"])
        .starts_with("ITU-T SG17第2回会合報告\n"));
    assert_eq!(
        env.ok(&["restore", "1", "3"]),
        "report 1: revision 3 is the same as the newest, revision 3; nothing changed\n"
    );
    assert_eq!(
        env.user_error(&["restore", "1", "9"]),
        "rapporteur-cli: report 1 has no revision 9 (see its history)"
    );

    assert_eq!(env.ok(&["delete", "2"]), "report 2 deleted\n");
    assert_eq!(env.ok(&["list"]).lines().count(), 2);
    assert_eq!(
        env.user_error(&["show", "2"]),
        "rapporteur-cli: no report with id 2"
    );
}

#[test]
fn validate_names_the_file_and_the_json_path() {
    let env = Env::new();
    assert_eq!(
        env.ok(&["validate", EXAMPLE_PATH]),
        format!("{EXAMPLE_PATH}: a valid report: ITU-T SG17第2回会合報告\n")
    );
    let mut bad = json_of(Path::new(EXAMPLE_PATH));
    bad["sections"][2]["sections"][0]["blocks"][0]["outcomes"][3]["action"] =
        Value::from("aproved");
    let bad_path = env.path("bad.report.json");
    std::fs::write(&bad_path, serde_json::to_string(&bad).unwrap()).unwrap();
    let message = env.user_error(&["validate", bad_path.to_str().unwrap()]);
    assert_eq!(message, format!("rapporteur-cli: {}: sections[2].sections[0].blocks[0].outcomes[3].action: expected one of approved, determined, consented, agreed, new_work_item, postponed, deleted; found \"aproved\"", bad_path.display()));
    assert!(!env.db().exists(), "validate does not touch the database");
}

/// Writes `report` as a file in the environment's folder and gives its path.
fn write_json(env: &Env, name: &str, report: &Value) -> String {
    let path = env.path(name);
    std::fs::write(&path, serde_json::to_string(report).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn check_prints_one_finding_a_line_and_exits_1_on_an_error() {
    let env = Env::new();
    assert_eq!(
        env.ok(&["check", EXAMPLE_PATH]),
        "",
        "the example has no finding"
    );
    assert!(!env.db().exists(), "checking a file creates no database");

    // The seed's 今回 for 次回 put back, and a weekday that is not the date's.
    let mut bad = json_of(Path::new(EXAMPLE_PATH));
    let future = &mut bad["sections"][3]["blocks"][0]["text"];
    *future = Value::from(
        future
            .as_str()
            .unwrap()
            .replacen("次回", "今回", 1)
            .replacen("～4月2日(木)", "～4月2日(金)", 1),
    );
    let bad = write_json(&env, "bad.report.json", &bad);
    let out = env.run(&["check", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "error\tsections[3].blocks[0].text\tdate.weekday\t「4月2日(金)」: 2026年4月2日は木曜日です。\n\
         warning\tsections[3].blocks[0].text\ttext.next_meeting\t「今回の…会合」の日付「2026年6月2日(火)」が今回の会合の終了日(2025年12月11日)より後です。「次回」の誤りではありませんか。\n"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "rapporteur-cli: 1 error in the report\n"
    );

    // Titles are compared with the reports of earlier meetings in the database.
    let mut april = json_of(Path::new(EXAMPLE_PATH));
    april["title"] = Value::from("ITU-T SG17第1回会合報告");
    april["meeting"]["start"] = Value::from("2025-04-08");
    april["meeting"]["end"] = Value::from("2025-04-17");
    april["sections"][2]["sections"][0]["blocks"][0]["outcomes"][0]["title"] =
        Value::from("Baseline capabilities for identity management");
    let april = write_json(&env, "april.report.json", &april);
    assert_eq!(env.ok(&["import", EXAMPLE_PATH, &april]), "1\n2\n");
    let drift = "warning\tsections[2].sections[0].blocks[0].outcomes[0].title\tid.title_changed\t\
                 X.1250revのタイトルが、以前の報告「ITU-T SG17第1回会合報告」(2025年4月8日)での\
                 「Baseline capabilities for identity management」と異なります。\n";
    assert_eq!(env.ok(&["check", "1"]), drift, "a warning is not an error");
    assert_eq!(env.ok(&["check", EXAMPLE_PATH]), drift);
    assert_eq!(
        env.ok(&["check", "2"]),
        "",
        "a later report is not compared"
    );
    assert_eq!(
        env.user_error(&["check", "99"]),
        "rapporteur-cli: no report with id 99"
    );
    let invalid = env.path("invalid.report.json");
    std::fs::write(&invalid, "{}").unwrap();
    let message = env.user_error(&["check", invalid.to_str().unwrap()]);
    assert!(message.contains("invalid.report.json: "), "{message}");
}

#[test]
fn a_rejected_import_adds_nothing_even_with_good_files_beside_it() {
    let env = Env::new();
    env.ok(&["import", EXAMPLE_PATH]);
    let before = std::fs::read(env.db()).unwrap();
    let bad = env.path("bad.report.json");
    std::fs::write(&bad, "{\"format\": \"rapporteur.report\", \"version\": 2}").unwrap();
    let message = env.user_error(&["import", EXAMPLE_PATH, bad.to_str().unwrap()]);
    assert!(message.ends_with("version: this file was made by a newer version of Rapporteur (report format version 2); this version reads up to version 1"), "{message}");
    assert_eq!(env.ok(&["list"]).lines().count(), 1);
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let env = Env::new();
    for args in [
        &["frobnicate"][..],
        &["show"],
        &["show", "abc"],
        &["export", "1", "--format", "pdf"],
        &["import"],
        &["check"],
        &["check", "neither-a-file-nor-an-id"],
        &[],
    ] {
        assert_eq!(env.run(args).status.code(), Some(2), "{args:?}");
    }
    assert_eq!(env.run(&["--help"]).status.code(), Some(0));
}

#[test]
fn hostile_inputs_give_one_line_errors_never_a_panic() {
    let env = Env::new();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("binary", vec![0xff, 0xfe, 0x00, 0x01, 0x9c]),
        ("deep", "[".repeat(100_000).into_bytes()),
        (
            "huge-number",
            br#"{"format":"rapporteur.report","version":1e999}"#.to_vec(),
        ),
        (
            "nul",
            b"{\"format\":\"rapporteur.report\",\"version\":1,\"title\":\"\\u0000\"}".to_vec(),
        ),
        ("not-an-object", b"\"just a string\"".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = env.path(name);
        std::fs::write(&path, bytes).unwrap();
        for command in ["validate", "import"] {
            let message = env.user_error(&[command, path.to_str().unwrap()]);
            assert!(message.contains(name), "{name}: {message}");
        }
    }
    let missing = env.user_error(&["import", "/no/such/file.report.json"]);
    assert!(
        missing.contains("/no/such/file.report.json: cannot read"),
        "{missing}"
    );
    let dir = env.user_error(&["validate", env.dir.path().to_str().unwrap()]);
    assert!(
        dir.ends_with("a folder, not a regular file; only regular files are read"),
        "{dir}"
    );
    assert_eq!(
        env.user_error(&["show", "999999999999"]),
        "rapporteur-cli: no report with id 999999999999"
    );
}

#[test]
fn the_database_comes_from_rapporteur_db_or_the_xdg_data_dir() {
    let env = Env::new();
    let from_env = env.path("from-env.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_rapporteur-cli"))
        .args(["import", EXAMPLE_PATH])
        .env("RAPPORTEUR_DB", &from_env)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(from_env.exists());

    let xdg = env.path("xdg");
    let out = Command::new(env!("CARGO_BIN_EXE_rapporteur-cli"))
        .args(["import", EXAMPLE_PATH])
        .env_remove("RAPPORTEUR_DB")
        .env("XDG_DATA_HOME", &xdg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(xdg.join("org.rapporteur.app/rapporteur.sqlite3").exists());
}

#[test]
fn a_database_that_cannot_be_opened_is_a_one_line_error() {
    let env = Env::new();
    std::fs::write(
        env.db(),
        "not a database at all, just some text that is long enough".repeat(100),
    )
    .unwrap();
    let message = env.user_error(&["list"]);
    assert!(
        message.ends_with("not a Rapporteur database (the file is not an SQLite database)"),
        "{message}"
    );
}

#[test]
fn published_reports_import_from_word_and_text_with_what_was_read() {
    let env = Env::new();
    env.ok(&["import", EXAMPLE_PATH]);
    let docx = env.path("published.docx");
    env.ok(&[
        "export",
        "1",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/sg17-2025-12-report.txt"
    );
    // Named for neither: told apart by content.
    let text = env.path("published.bin");
    std::fs::copy(seed, &text).unwrap();
    let out = env.ok(&["import", docx.to_str().unwrap(), text.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "2", "{out}");
    assert!(lines.contains(&"3"), "{out}");
    assert!(
        out.contains("recognised\tsections[2].sections[0].blocks[0]\t課題10: 17 outcomes"),
        "{out}"
    );
    assert!(
        out.contains(
            "typo\tsections[2].sections[0].blocks[0]\tデータミネーション → デターミネーション"
        ),
        "{out}"
    );
    assert!(
        out.contains("free text\tsections[0].blocks[1]\tなお、第1回会合同様に"),
        "{out}"
    );
    let shown = env.ok(&["show", "2"]);
    assert_eq!(
        shown,
        env.ok(&["show", "1"]),
        "the Word file reads back as the report"
    );
    assert!(env
        .ok(&["show", "3"])
        .starts_with("ITU-T SG17第2回会合報告\n"));
    // A published report that cannot be read adds nothing, even beside good files.
    let truncated = env.path("truncated.docx");
    let bytes = std::fs::read(&docx).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let message = env.user_error(&["import", seed, truncated.to_str().unwrap()]);
    assert!(
        message.contains("truncated.docx: not a Word file"),
        "{message}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 3);
}

#[test]
fn backup_now_list_and_restore() {
    let env = Env::new();
    assert_eq!(env.ok(&["import", EXAMPLE_PATH]), "1\n");
    let made = env.ok(&["backup", "now"]);
    let made = PathBuf::from(made.trim_end());
    assert_eq!(made.parent().unwrap(), env.path("backups"));
    let name = made.file_name().unwrap().to_str().unwrap().to_owned();
    assert!(name.ends_with("-manual.sqlite3"), "{name}");

    let list = env.ok(&["backup", "list"]);
    let line = list.lines().next().unwrap();
    let columns: Vec<&str> = line.split('\t').collect();
    assert_eq!(columns[0], name);
    assert!(
        columns[1].ends_with(" UTC") && columns[2].ends_with(" bytes"),
        "{line}"
    );

    env.ok(&["delete", "1"]);
    assert_eq!(env.ok(&["list"]), "");
    let restored = env.ok(&["backup", "restore", &name]);
    assert!(
        restored.starts_with(&format!("{name} restored; the database as it was is in ")),
        "{restored}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 1, "the report is back");

    let err = env.user_error(&["backup", "restore", "nothing.sqlite3"]);
    assert!(
        err.contains("no backup named nothing.sqlite3") && err.contains("backup list"),
        "{err}"
    );
}

/// The red team's case, from the command line: ten daily backups, then `backup restore`
/// of the oldest exits 0 and must have put its reports back.
#[test]
fn restoring_the_oldest_of_ten_backups_brings_its_reports_back() {
    let env = Env::new();
    assert_eq!(env.ok(&["import", EXAMPLE_PATH]), "1\n");
    for _ in 0..10 {
        env.ok(&["backup", "now"]);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    env.ok(&["delete", "1"]);
    let list = env.ok(&["backup", "list"]);
    assert_eq!(list.lines().count(), 10);
    let oldest = list.lines().last().unwrap().split('\t').next().unwrap();

    env.ok(&["backup", "restore", oldest]);
    let reports = env.ok(&["list"]);
    assert_eq!(reports.lines().count(), 1, "the report is back: {reports}");
    assert!(reports.starts_with("1\t"), "{reports}");
    assert!(
        env.ok(&["backup", "list"]).contains(oldest),
        "the restored backup is kept"
    );
}

/// A report's text reaches the terminal with its control characters escaped: an ESC
/// sequence in a title cannot recolour, retitle or clear the user's terminal.
#[test]
fn control_characters_are_escaped_in_what_the_cli_prints() {
    let env = Env::new();
    let mut hostile = json_of(Path::new(EXAMPLE_PATH));
    hostile["title"] = Value::from("報告\u{1b}[2J\u{1b}]0;pwned\u{7}\tof\nSG17\u{9b}31m");
    hostile["sections"][0]["heading"] = Value::from("はじめに\u{1b}[31m");
    let file = write_json(&env, "hostile.report.json", &hostile);
    assert_eq!(env.ok(&["import", &file]), "1\n");
    let shown_title = "報告\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\tof\\nSG17\\u{9b}31m";

    let list = env.ok(&["list"]);
    assert!(list.starts_with(&format!("1\t{shown_title}\t")), "{list}");
    assert_eq!(list.lines().count(), 1, "the title stays on its line");
    let show = env.ok(&["show", "1"]);
    assert!(show.starts_with(&format!("{shown_title}\n")), "{show}");
    assert!(show.contains("1. はじめに\\u{1b}[31m\n"), "{show}");
    let validated = env.ok(&["validate", &file]);
    assert_eq!(
        validated,
        format!("{file}: a valid report: {shown_title}\n")
    );
    for output in [&list, &show, &validated, &env.ok(&["history", "1"])] {
        assert!(
            !output.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "no raw control character: {output:?}"
        );
    }

    // An error naming a file escapes its name; one quoting a value shows it escaped.
    let named = env.path("\u{1b}[31mmissing.report.json");
    let err = env.user_error(&["validate", named.to_str().unwrap()]);
    assert!(
        err.contains("/\\u{1b}[31mmissing.report.json: cannot read"),
        "{err}"
    );
    hostile["meeting"]["mode"] = Value::from("\u{1b}[31mred");
    let bad = write_json(&env, "bad.report.json", &hostile);
    let err = env.user_error(&["validate", &bad]);
    assert!(err.contains("found \"\\u001b[31mred\""), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");

    // An export is the file's content: to a pipe or a file it is left as it is.
    let exported = env.path("out.report.json");
    env.ok(&["export", "1", "-o", exported.to_str().unwrap()]);
    let piped = env.run(&["export", "1"]);
    assert_eq!(piped.stdout, std::fs::read(&exported).unwrap());
}

/// `export -o` over the database, its WAL or its backups, under any name, is refused
/// before anything is written: the red team destroyed the database this way.
#[test]
fn an_export_is_never_written_over_the_database_or_its_backups() {
    let env = Env::new();
    assert_eq!(env.ok(&["import", EXAMPLE_PATH]), "1\n");
    env.ok(&["template", "save", "1", "SG17"]);
    let backup = PathBuf::from(env.ok(&["backup", "now"]).trim_end());
    let db = env.db();
    let other = env.path("elsewhere");
    std::fs::create_dir(&other).unwrap();
    std::os::unix::fs::symlink(&db, other.join("link.sqlite3")).unwrap();
    std::fs::hard_link(&db, other.join("hard.sqlite3")).unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let before = std::fs::read(&db).unwrap();
    let backup_before = std::fs::read(&backup).unwrap();

    for target in [
        db.clone(),
        other.join("../reports.sqlite3"),
        other.join("link.sqlite3"),
        other.join("hard.sqlite3"),
        wal,
        PathBuf::from(format!("{}-shm", db.display())),
        backup.clone(),
        env.path("backups/new.txt"),
    ] {
        let target = target.to_str().unwrap();
        for args in [
            vec!["export", "1", "--format", "text", "-o", target],
            vec!["template", "export", "SG17", "-o", target],
        ] {
            let err = env.user_error(&args);
            assert_eq!(
                err,
                format!("rapporteur-cli: {target}: this is the database or one of its backups; nothing was written: choose another file")
            );
        }
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
    assert!(!env.path("backups/new.txt").exists());
    assert_eq!(
        env.ok(&["list"]).lines().count(),
        1,
        "the database still works"
    );
    // Beside it, any other name is fine.
    env.ok(&[
        "export",
        "1",
        "-o",
        env.path("reports.sqlite3.txt").to_str().unwrap(),
    ]);
}

/// A report file's JSON without the elements' identities (`uid`, `item_uids`).
fn without_uids(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.shift_remove("uid");
                map.shift_remove("item_uids");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}
