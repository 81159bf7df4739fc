//! The journal's Word template kept in the database, through the real `rapporteur-cli`
//! on a real database file, with a template made by tests/templates/make_templates.py.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapporteur-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RAPPORTEUR_DB")
        .output()
        .unwrap()
}

/// Standard output and error of a command that must succeed.
fn ok(db: &Path, args: &[&str]) -> (String, String) {
    let out = cli(db, args);
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        text(out.stderr.clone())
    );
    (text(out.stdout), text(out.stderr))
}

/// Exports report `id` as a Word file with `extra` arguments; its bytes and stderr.
fn export(db: &Path, dir: &Path, id: &str, extra: &[&str]) -> (Vec<u8>, String) {
    let out = dir.join("out.docx");
    let mut args = vec![
        "export",
        id,
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let (_, stderr) = ok(db, &args);
    (std::fs::read(&out).unwrap(), stderr)
}

#[test]
fn a_report_keeps_its_word_template_and_later_exports_use_it() {
    let python = workspace().join(".venv/bin/python");
    assert!(
        python.exists(),
        "the test tools are missing: run `make deps`"
    );
    let dir = tempfile::tempdir().unwrap();
    let (dir, db) = (dir.path(), dir.path().join("reports.sqlite3"));
    let templates = dir.join("templates");
    let made = Command::new(&python)
        .arg(workspace().join("tests/templates/make_templates.py"))
        .arg(&templates)
        .status()
        .unwrap();
    assert!(made.success());
    ok(&db, &["import", EXAMPLE]);

    let (own, stderr) = export(&db, dir, "1", &[]);
    assert_eq!(
        stderr, "",
        "no template yet: Rapporteur's own style, nothing to tell"
    );

    // The template is checked and kept; the file can then go.
    let file = dir.join("journal.dotx");
    std::fs::copy(templates.join("b5-two-columns.dotx"), &file).unwrap();
    let (with_file, _) = export(&db, dir, "1", &["--template", file.to_str().unwrap()]);
    let (said, _) = ok(&db, &["word-template", "set", "1", file.to_str().unwrap()]);
    assert_eq!(
        said,
        "report 1: exported into journal.dotx from now on; also the library default\n\
         the template lacks Affiliation, Author, Table Text: Rapporteur's own used for them\n"
    );
    std::fs::remove_file(&file).unwrap();
    let (stored, stderr) = export(&db, dir, "1", &[]);
    assert!(
        stored == with_file,
        "the export without --template uses the kept template"
    );
    assert_eq!(
        stderr,
        "into the Word template journal.dotx (chosen for this report)\n\
         the template lacks Affiliation, Author, Table Text: Rapporteur's own used for them\n"
    );

    // A report that chose nothing takes the library default.
    ok(&db, &["import", EXAMPLE]);
    assert_eq!(
        ok(&db, &["word-template", "show", "2"]).0,
        "journal.dotx (the library default)\n"
    );

    // A refused file says why and leaves the report's template as it was.
    let not_word = dir.join("notes.docx");
    std::fs::write(&not_word, "a text file").unwrap();
    let refused = cli(
        &db,
        &["word-template", "set", "1", not_word.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8(refused.stderr).unwrap();
    assert!(
        message.starts_with(&format!(
            "rapporteur-cli: {}: not a Word file",
            not_word.display()
        )),
        "{message}"
    );
    assert_eq!(
        ok(&db, &["word-template", "show", "1"]).0,
        "journal.dotx (chosen for this report)\n"
    );

    // A template lacking styles says which, once.
    let half = templates.join("half-styles.docx");
    let (said, _) = ok(&db, &["word-template", "set", "2", half.to_str().unwrap()]);
    assert!(said.ends_with("\nthe template lacks Title, Heading 2, Heading 3, List Bullet, Caption, Table Grid, Affiliation, Author, Table Text: Rapporteur's own used for them\n"), "{said}");

    // Rapporteur's own style, this time or from now on.
    let (once, _) = export(&db, dir, "1", &["--own-style"]);
    assert!(once == own);
    ok(&db, &["word-template", "own", "1"]);
    let (back, stderr) = export(&db, dir, "1", &[]);
    assert!(back == own && stderr.is_empty());
    assert_eq!(
        ok(&db, &["word-template", "show", "1"]).0,
        "none: Rapporteur's own style, chosen for this report\n"
    );
}
