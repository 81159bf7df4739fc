//! The journal's Word template kept in the database, through the real `rapporteur-cli`
//! on a real database file, with a template made by tests/templates/make_templates.py.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{Env, EXAMPLE_PATH};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Exports report `id` as a Word file with `extra` arguments; its bytes and stderr.
fn export(env: &Env, id: &str, extra: &[&str]) -> (Vec<u8>, String) {
    let out = env.path("out.docx");
    let mut args = vec![
        "export",
        id,
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let (_, stderr) = env.ok_telling(&args);
    (std::fs::read(&out).unwrap(), stderr)
}

#[test]
fn a_report_keeps_its_word_template_and_later_exports_use_it() {
    let python = workspace().join(".venv/bin/python");
    assert!(
        python.exists(),
        "the test tools are missing: run `make deps`"
    );
    let env = Env::new();
    let templates = env.path("templates");
    let made = Command::new(&python)
        .arg(workspace().join("tests/templates/make_templates.py"))
        .arg(&templates)
        .status()
        .unwrap();
    assert!(made.success());
    env.ok(&["import", EXAMPLE_PATH]);

    let (own, stderr) = export(&env, "1", &[]);
    assert_eq!(
        stderr, "",
        "no template yet: Rapporteur's own style, nothing to tell"
    );

    // The template is checked and kept; the file can then go.
    let file = env.path("journal.dotx");
    std::fs::copy(templates.join("b5-two-columns.dotx"), &file).unwrap();
    let (with_file, _) = export(&env, "1", &["--template", file.to_str().unwrap()]);
    let said = env.ok(&["word-template", "set", "1", file.to_str().unwrap()]);
    assert_eq!(
        said,
        "report 1: exported into journal.dotx from now on; also the library default\n\
         the template lacks Affiliation, Author, Table Text: Rapporteur's own used for them\n"
    );
    std::fs::remove_file(&file).unwrap();
    let (stored, stderr) = export(&env, "1", &[]);
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
    env.ok(&["import", EXAMPLE_PATH]);
    assert_eq!(
        env.ok(&["word-template", "show", "2"]),
        "journal.dotx (the library default)\n"
    );

    // A refused file says why and leaves the report's template as it was.
    let not_word = env.path("notes.docx");
    std::fs::write(&not_word, "a text file").unwrap();
    let message = env.user_error(&["word-template", "set", "1", not_word.to_str().unwrap()]);
    assert!(
        message.starts_with(&format!(
            "rapporteur-cli: {}: not a Word file",
            not_word.display()
        )),
        "{message}"
    );
    assert_eq!(
        env.ok(&["word-template", "show", "1"]),
        "journal.dotx (chosen for this report)\n"
    );

    // A template lacking styles says which, once.
    let half = templates.join("half-styles.docx");
    let said = env.ok(&["word-template", "set", "2", half.to_str().unwrap()]);
    assert!(said.ends_with("\nthe template lacks Title, Heading 2, Heading 3, List Bullet, Caption, Table Grid, Affiliation, Author, Table Text: Rapporteur's own used for them\n"), "{said}");

    // Rapporteur's own style, this time or from now on.
    let (once, _) = export(&env, "1", &["--own-style"]);
    assert!(once == own);
    env.ok(&["word-template", "own", "1"]);
    let (back, stderr) = export(&env, "1", &[]);
    assert!(back == own && stderr.is_empty());
    assert_eq!(
        env.ok(&["word-template", "show", "1"]),
        "none: Rapporteur's own style, chosen for this report\n"
    );
}
