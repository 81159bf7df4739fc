//! Each kind of break a journal's layout or a PDF puts in a report's text, on small texts
//! written for the purpose: the import reads the same outcomes as from the unbroken text.

use rapporteur_import::{import_text, import_text_with, Known};
use rapporteur_model::{Action, Outcome, Report};

/// A report's text with one Question paragraph, `lines` as printed.
fn report(lines: &str) -> String {
    format!("ITU-T SG17会合報告\n\n1. はじめに\n\n本文。\n\n2. 結果\n\n{lines}\n\n3. おわりに\n\n以上。\n")
}

fn outcomes(report: &Report) -> Vec<Outcome> {
    report
        .outcomes()
        .into_iter()
        .map(|(_, _, outcome)| outcome.clone())
        .collect()
}

type Read = (Option<String>, String, Action);

/// The (id, title, action) of each outcome read from `lines`.
fn read(lines: &str) -> Vec<Read> {
    let imported = import_text(report(lines).as_bytes()).unwrap();
    outcomes(&imported.report)
        .into_iter()
        .map(|o| (o.id, o.title, o.action))
        .collect()
}

/// Each of `cases` (the lines as printed, then the id, title and action of the one
/// outcome they hold) read as its outcome.
#[track_caller]
fn each_reads_as_its_outcome(cases: &[(&str, &str, &str, Action)]) {
    for &(lines, id, title, action) in cases {
        let wanted = vec![(Some(id.to_owned()), title.to_owned(), action)];
        assert_eq!(read(lines), wanted, "{lines}");
    }
}

#[test]
fn an_id_broken_after_its_dot_is_joined_whole() {
    each_reads_as_its_outcome(&[
        (
            "●課題3では、TR.\niot (Security of things) が合意された。",
            "TR.iot",
            "Security of things",
            Action::Agreed,
        ),
        (
            "●課題3では、X.\n1252 (Baseline) がコンセントされた。",
            "X.1252",
            "Baseline",
            Action::Consented,
        ),
        // Broken at its second dot, and the next line starting like a heading `1080.1 (`.
        (
            "●課題3では、X.1080.\n1 (Telebiometrics) がコンセントされた。",
            "X.1080.1",
            "Telebiometrics",
            Action::Consented,
        ),
    ]);
}

#[test]
fn an_id_broken_after_its_hyphen_keeps_it() {
    each_reads_as_its_outcome(&[
        (
            "●課題3では、XSTR.SEC-\nZT (Zero trust) が合意された。",
            "XSTR.SEC-ZT",
            "Zero trust",
            Action::Agreed,
        ),
        (
            "●課題3では、X.sg-\ndfivc (Data format) を新規ワークアイテムとして設立した。",
            "X.sg-dfivc",
            "Data format",
            Action::NewWorkItem,
        ),
    ]);
}

#[test]
fn a_title_broken_at_a_space_or_inside_a_word() {
    each_reads_as_its_outcome(&[
        // At a space, and inside a word with a hyphen the dictionary says is no word's.
        (
            "●課題3では、X.1252 (Age assur-\nance systems for\nservices) がコンセントされた。",
            "X.1252",
            "Age assurance systems for services",
            Action::Consented,
        ),
        // A compound's own hyphen at the line end stays.
        (
            "●課題3では、X.1252 (Face anti-\nspoofing) がコンセントされた。",
            "X.1252",
            "Face anti-spoofing",
            Action::Consented,
        ),
        // Japanese broken anywhere, with no hyphen.
        (
            "●課題3では、勧告草\n案X.1252 (Base) がコン\nセントされた。",
            "X.1252",
            "Base",
            Action::Consented,
        ),
    ]);
}

#[test]
fn nested_brackets_of_either_width() {
    each_reads_as_its_outcome(&[
        (
            "●課題3では、X.1373（Secure software update for Vehicle-to-\nEverything（V2X）communication）をコンセントした。",
            "X.1373",
            "Secure software update for Vehicle-to-Everything（V2X）communication",
            Action::Consented,
        ),
        // Mixed widths: a half-width pair inside a full-width one.
        (
            "●課題3では、X.1373（Update for V2X (Vehicle-to-\nEverything) systems）をコンセントした。",
            "X.1373",
            "Update for V2X (Vehicle-to-Everything) systems",
            Action::Consented,
        ),
    ]);
}

#[test]
fn page_numbers_headers_and_form_feeds_between_any_two_lines() {
    let lines = "●課題3では、X.1252 (Baseline identity\n- 12 -\n\u{c}情報通信ジャーナル 2026年1月号\nmanagement) と X.\n13\n\u{c}情報通信ジャーナル 2026年1月号\n1253 (Trust) がコンセントされた。";
    let text = format!(
        "{}\n\n14\n\u{c}情報通信ジャーナル 2026年1月号\n\n以上。\n",
        report(lines)
    );
    let imported = import_text(text.as_bytes()).unwrap();
    let read: Vec<_> = outcomes(&imported.report)
        .into_iter()
        .map(|o| (o.id.unwrap_or_default(), o.title))
        .collect();
    assert_eq!(
        read,
        [
            (
                "X.1252".to_owned(),
                "Baseline identity management".to_owned()
            ),
            ("X.1253".to_owned(), "Trust".to_owned())
        ]
    );
    assert!(imported.notice.dropped.contains(&"- 12 -".to_owned()));
    assert!(imported
        .notice
        .dropped
        .contains(&"情報通信ジャーナル 2026年1月号".to_owned()));
}

#[test]
fn a_number_alone_on_a_line_inside_an_id_is_no_page_number() {
    // The page numbers are `- N -`; the bare 1097 continues the id.
    each_reads_as_its_outcome(&[(
        "●課題3では、X.\n- 18 -\n\u{c}1097\n(Telebiometrics) がコンセントされた。\n- 19 -\n\u{c}",
        "X.1097",
        "Telebiometrics",
        Action::Consented,
    )]);
}

#[test]
fn an_undecided_hyphen_is_read_one_way_and_shown_both() {
    let text = report("●課題3では、X.1252 (Qzx-\nvwk systems) がコンセントされた。");
    let imported = import_text(text.as_bytes()).unwrap();
    assert_eq!(outcomes(&imported.report)[0].title, "Qzxvwk systems");
    assert_eq!(imported.notice.hyphens.len(), 1);
    assert_eq!(imported.notice.hyphens[0].read, "Qzxvwk");
    assert_eq!(imported.notice.hyphens[0].other, "Qzx-vwk");
    // The library's registry decides it.
    let known = Known::from_titles(["Qzx-vwk systems for the home"]);
    let imported = import_text_with(text.as_bytes(), &known).unwrap();
    assert_eq!(outcomes(&imported.report)[0].title, "Qzx-vwk systems");
    assert!(imported.notice.hyphens.is_empty());
}
