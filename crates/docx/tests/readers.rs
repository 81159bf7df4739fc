//! Every test document is opened by independent readers: LibreOffice converts it to PDF
//! (all documents in one call: it is slow to start), `pdftotext` reads the PDF and
//! `pdfinfo` its page size, python-docx reads styles, outline levels, tables, sections,
//! headers and footers, fonts and core properties (`inspect_docx.py`), and
//! `openxml-audit` validates it against the Office 2016 schema.
//!
//! Besides Rapporteur's own style, the example report is exported into each of the
//! journal templates `tests/templates/make_templates.py` makes.
//!
//! A missing tool fails the tests with a message to run `make deps`. Set
//! `RAPPORTEUR_DOCX_OUT=DIR` to keep the files (.docx, .pdf, the templates) for a look.

mod fixtures;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use rapporteur_prose::Document;
use serde_json::Value;

/// What the readers made of one document.
struct Rendered {
    /// `pdftotext -layout`, pages separated by form feeds.
    pdf_text: String,
    /// `pdftotext` in reading order (columns one after the other) of the text area
    /// only (the page less its top and bottom margins: no running header or footer),
    /// pages separated by form feeds.
    pdf_flow: String,
    /// For a document set in two columns: the text area read one column after the
    /// other, page by page (pdftotext's reading order mixes the columns where a one-column
    /// head stands above them).
    pdf_columns: Option<String>,
    /// The page size `pdfinfo` gives, in points, rounded.
    page_points: (i64, i64),
    /// The styles the template lacked, for an export with one.
    own_styles: Vec<&'static str>,
    /// `inspect_docx.py`'s report.
    inspect: Value,
    /// Violations `openxml-audit` reports that the allowlist does not excuse.
    violations: Vec<String>,
}

impl Rendered {
    /// The text of each page, squeezed; pdftotext ends every page with a form feed.
    fn pages(&self) -> Vec<String> {
        let text = self
            .pdf_text
            .strip_suffix('\u{c}')
            .unwrap_or(&self.pdf_text);
        text.split('\u{c}').map(squeeze).collect()
    }

    /// Fails unless the PDF holds each of `sentences`, ignoring line breaks and spaces.
    fn assert_pdf_contains(&self, sentences: &[&str]) {
        let text = squeeze(&self.pdf_text);
        for sentence in sentences {
            assert!(
                text.contains(&squeeze(sentence)),
                "the PDF lacks {sentence:?}"
            );
        }
    }

    fn assert_valid(&self) {
        assert!(
            self.violations.is_empty(),
            "openxml-audit reports:\n{}",
            self.violations.join("\n")
        );
    }
}

/// `text` without whitespace: pdftotext breaks and spaces lines as the layout does.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn documents() -> Vec<(&'static str, Document)> {
    vec![
        ("every-node-kind", fixtures::every_node_kind()),
        ("hostile", fixtures::hostile()),
        ("thirty-pages", fixtures::thirty_pages()),
        ("sg17-2025-12", fixtures::example_report()),
    ]
}

/// The journal templates the example is exported into: (export name, template file).
const TEMPLATES: [(&str, &str); 4] = [
    ("template-a4-mincho", "a4-mincho.docx"),
    ("template-b5-two-columns", "b5-two-columns.dotx"),
    ("template-letter-english", "letter-english.docx"),
    ("template-half-styles", "half-styles.docx"),
];

/// The journal templates, made by their generator into `dir`.
fn make_templates(python: &Path, dir: &Path) {
    run(Command::new(python)
        .arg(workspace().join("tests/templates/make_templates.py"))
        .arg(dir));
}

fn read_template(dir: &Path, file: &str) -> rapporteur_docx::Template {
    let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    rapporteur_docx::Template::read(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tool` (a path, or a name looked up in PATH), or a failure that says how to get it.
fn require(tool: PathBuf) -> PathBuf {
    let found = if tool.components().count() > 1 {
        tool.is_file()
    } else {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(&tool).is_file()))
    };
    assert!(
        found,
        "{} is missing: run `make deps` (it installs LibreOffice, poppler-utils and the Python tools in .venv)",
        tool.display()
    );
    tool
}

fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("could not run {command:?}: {error}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).expect("tools print UTF-8")
}

fn allowlist() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openxml-audit-allowlist.txt");
    std::fs::read_to_string(path)
        .expect("tests/openxml-audit-allowlist.txt exists")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn render_all() -> HashMap<&'static str, Rendered> {
    let venv = workspace().join(".venv/bin");
    let python = require(venv.join("python"));
    let audit = require(venv.join("openxml-audit"));
    let soffice = require("soffice".into());
    let pdftotext = require("pdftotext".into());

    let temp = tempfile::tempdir().expect("a temporary directory");
    let out = std::env::var_os("RAPPORTEUR_DOCX_OUT")
        .map_or_else(|| temp.path().to_owned(), PathBuf::from);
    let (docx_dir, pdf_dir) = (out.join("docx"), out.join("pdf"));
    std::fs::create_dir_all(&docx_dir).unwrap();
    std::fs::create_dir_all(&pdf_dir).unwrap();

    let template_dir = out.join("templates");
    make_templates(&python, &template_dir);
    let mut exports: Vec<(&'static str, Vec<u8>, Vec<&'static str>)> = documents()
        .into_iter()
        .map(|(name, doc)| {
            let bytes = rapporteur_docx::write_docx(&doc, &fixtures::options())
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, bytes, Vec::new())
        })
        .collect();
    let example = fixtures::example_report();
    for (name, file) in TEMPLATES {
        let exported = rapporteur_docx::write_docx_with_template(
            &example,
            &fixtures::options(),
            &read_template(&template_dir, file),
        )
        .unwrap_or_else(|error| panic!("{name}: {error}"));
        exports.push((name, exported.bytes, exported.own_styles));
    }
    let paths: Vec<PathBuf> = exports
        .iter()
        .map(|(name, bytes, _)| {
            let path = docx_dir.join(format!("{name}.docx"));
            std::fs::write(&path, bytes).unwrap();
            // A PDF left from an earlier run must not pass for this one.
            let _ = std::fs::remove_file(pdf_dir.join(format!("{name}.pdf")));
            path
        })
        .collect();

    // One LibreOffice for all files, with a private profile so that parallel runs do
    // not share its lock.
    run(Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            temp.path().join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf_dir)
        .args(&paths));
    let inspected: Value = serde_json::from_str(&run(Command::new(python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inspect_docx.py"))
        .args(&paths)))
    .expect("inspect_docx.py prints JSON");
    let mut violations = audit_all(&audit, &docx_dir);

    let pdfinfo = require("pdfinfo".into());
    exports
        .into_iter()
        .zip(&paths)
        .map(|((name, _, own_styles), path)| {
            let pdf = pdf_dir.join(format!("{name}.pdf"));
            assert!(pdf.is_file(), "LibreOffice did not convert {name}.docx");
            let inspect = inspected[path.to_str().unwrap()].clone();
            let page_points = page_points(&run(Command::new(&pdfinfo).arg(&pdf)));
            let margin = |index: usize| {
                points(
                    inspect["sections"][0]["margins_mm"][index]
                        .as_f64()
                        .unwrap(),
                )
            };
            let (top, bottom) = (margin(0), margin(2));
            let area = |x: i64, y: i64, width: i64| {
                [
                    "-x".to_owned(),
                    x.to_string(),
                    "-y".to_owned(),
                    y.to_string(),
                    "-W".to_owned(),
                    width.to_string(),
                    "-H".to_owned(),
                    (page_points.1 - y - bottom).to_string(),
                ]
            };
            let text_area = area(0, top, page_points.0);
            let two_columns = inspect["sections"]
                .as_array()
                .unwrap()
                .iter()
                .any(|section| section["columns"] == 2);
            let half = page_points.0 / 2;
            // On page 1 the columns start below the one-column head, at the first heading.
            let pdf_columns = two_columns.then(|| {
                let body_top = first_word_top(
                    &run(Command::new(&pdftotext)
                        .args(["-f", "1", "-l", "1", "-bbox"])
                        .arg(&pdf)
                        .arg("-")),
                    "1.",
                );
                let read = |x, y, pages: [&str; 4]| {
                    run(Command::new(&pdftotext)
                        .args(area(x, y, half))
                        .args(pages)
                        .arg(&pdf)
                        .arg("-"))
                };
                let (first, rest) = (["-f", "1", "-l", "1"], ["-f", "2", "-l", "9999"]);
                let pages = [
                    (read(0, body_top, first), read(half, body_top, first)),
                    (read(0, top, rest), read(half, top, rest)),
                ];
                pages
                    .iter()
                    .flat_map(|(left, right)| {
                        left.split('\u{c}')
                            .zip(right.split('\u{c}'))
                            .map(|(left, right)| format!("{left}{right}"))
                    })
                    .collect()
            });
            let rendered = Rendered {
                pdf_text: run(Command::new(&pdftotext).arg("-layout").arg(&pdf).arg("-")),
                pdf_flow: run(Command::new(&pdftotext).args(text_area).arg(&pdf).arg("-")),
                pdf_columns,
                page_points,
                own_styles,
                inspect,
                violations: violations
                    .remove(name)
                    .expect("openxml-audit read every file"),
            };
            (name, rendered)
        })
        .collect()
}

/// The top (in points, rounded down) of the first word `word` in `pdftotext -bbox`'s
/// report of a page.
fn first_word_top(bbox: &str, word: &str) -> i64 {
    let line = bbox
        .lines()
        .find(|line| line.trim_end().ends_with(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("no word {word:?} on the page"));
    let top = line
        .split("yMin=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|value| value.parse::<f64>().ok())
        .expect("a word's yMin");
    top.floor() as i64
}

/// The page size in `pdfinfo`'s report ("Page size: 595.304 x 841.89 pts (A4)").
fn page_points(info: &str) -> (i64, i64) {
    let line = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .expect("pdfinfo gives the page size");
    let numbers: Vec<f64> = line
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    (numbers[0].round() as i64, numbers[1].round() as i64)
}

/// What `openxml-audit` finds (errors and warnings alike) in each file of `dir`, by file stem,
/// less what the allowlist excuses.
fn audit_all(audit: &Path, dir: &Path) -> HashMap<String, Vec<String>> {
    let audited: Value = serde_json::from_str(&run(Command::new(audit)
        .args(["-f", "office2016", "-o", "json", "-m", "0", "-r"])
        .arg(dir)))
    .expect("openxml-audit prints JSON");
    let allowed = allowlist();
    let mut violations = HashMap::new();
    for file in audited.as_array().expect("a list of files") {
        let name = Path::new(file["file"].as_str().expect("a file name"))
            .file_stem()
            .expect("a .docx file")
            .to_string_lossy()
            .into_owned();
        // `errors` holds the findings of every severity, warnings included.
        let found: Vec<String> = file["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|finding| {
                let description = finding["description"].as_str().unwrap_or_default();
                !allowed.iter().any(|rule| rule == description)
            })
            .map(|finding| {
                format!(
                    "{} ({} {})",
                    finding["description"].as_str().unwrap_or_default(),
                    finding["part_uri"].as_str().unwrap_or_default(),
                    finding["path"].as_str().unwrap_or_default()
                )
            })
            .collect();
        violations.insert(name, found);
    }
    violations
}

fn rendered(name: &str) -> &'static Rendered {
    static RENDERED: OnceLock<HashMap<&'static str, Rendered>> = OnceLock::new();
    &RENDERED.get_or_init(render_all)[name]
}

/// The example exported into the template `name`, after checking what every export into
/// a template keeps, whatever the template: journal-ready, every sentence printed.
fn rendered_in_template(name: &str) -> &'static Rendered {
    let doc = rendered(name);
    doc.assert_journal_ready();
    doc.assert_every_sentence();
    doc
}

fn paragraphs(inspect: &Value) -> Vec<(String, Value, String)> {
    inspect["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["style"].as_str().unwrap_or_default().to_owned(),
                p["outline_level"].clone(),
                p["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_node_kind_reads_back_in_every_reader() {
    let doc = rendered("every-node-kind");
    doc.assert_valid();
    doc.assert_pdf_contains(&[
        "ITU-T SG17第2回会合報告",
        "株式会社KDDI総合研究所",
        "グループリーダー",
        "磯原",
        "隆将",
        "Example Corp.",
        "Jane Doe",
        "1. はじめに",
        fixtures::SUMMARY,
        fixtures::ENGLISH,
        fixtures::SECOND_LINE,
        fixtures::QUESTION_10,
        "2.1 課題再編に関するSG17での合意形成",
        "■表1. 今後のプレナリ会合の予定",
        "会合 期間 場所 内容",
        "ジュネーブ",
        "6. おわりに",
    ]);

    let inspect = &doc.inspect;
    let core = &inspect["core"];
    assert_eq!(core["title"], "ITU-T SG17第2回会合報告");
    assert_eq!(core["author"], "磯原 隆将; 三宅 優; Jane Doe");
    assert_eq!(core["last_modified_by"], "磯原 隆将; 三宅 優; Jane Doe");
    assert_eq!(core["language"], "ja-JP");
    assert_eq!(core["created"], "2025-12-12T09:30:00+00:00");
    assert_eq!(core["modified"], "2025-12-15T18:45:10+00:00");

    let styles = &inspect["styles"];
    for (id, name, outline) in [
        ("Normal", "Normal", Value::Null),
        ("Title", "Title", Value::Null),
        ("Heading1", "Heading 1", 0.into()),
        ("Heading2", "Heading 2", 1.into()),
        ("Heading3", "Heading 3", 2.into()),
        ("BodyText", "Body Text", Value::Null),
        ("ListBullet", "List Bullet", Value::Null),
        ("Caption", "Caption", Value::Null),
    ] {
        assert_eq!(styles[id]["name"], name, "style {id}");
        assert_eq!(styles[id]["type"], "PARAGRAPH", "style {id}");
        assert_eq!(styles[id]["outline_level"], outline, "style {id}");
    }
    assert_eq!(styles["TableGrid"]["name"], "Table Grid");
    assert_eq!(styles["TableGrid"]["type"], "TABLE");
    assert_eq!(inspect["default_paragraph_style"], "Normal");

    let paragraphs = paragraphs(inspect);
    let styled = |style: &str| -> Vec<String> {
        paragraphs
            .iter()
            .filter(|(s, _, _)| s == style)
            .map(|(_, _, text)| text.clone())
            .collect()
    };
    assert_eq!(styled("Title"), ["ITU-T SG17第2回会合報告"]);
    assert_eq!(
        styled("Heading 1"),
        ["1. はじめに", "5. 今後の会合予定", "6. おわりに"]
    );
    assert_eq!(
        styled("Heading 2"),
        ["2.1 課題再編に関するSG17での合意形成"]
    );
    assert_eq!(
        styled("Heading 3"),
        [
            "2.1.1 第三レベルの見出し",
            "2.1.1.1 深い見出しは第三レベルに収める"
        ]
    );
    assert_eq!(styled("List Bullet").len(), 3);
    assert_eq!(
        styled("List Bullet")[0],
        fixtures::QUESTION_10,
        "no typed bullet"
    );
    assert_eq!(styled("Caption"), ["■表1. 今後のプレナリ会合の予定"]);
    assert!(styled("Body Text").contains(&format!(
        "{}\n{}",
        fixtures::ENGLISH,
        fixtures::SECOND_LINE
    )));
    assert!(inspect["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["style"] == "List Bullet")
        .all(|p| p["numbered"] == true));
    let bullets = inspect["bullets"].as_array().unwrap();
    assert!(
        bullets.contains(&"●".into()) && bullets.contains(&"◦".into()),
        "{bullets:?}"
    );

    let ruby: Vec<(String, String)> = inspect["ruby"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["reading"].as_str().unwrap().into(),
                r["base"].as_str().unwrap().into(),
            )
        })
        .collect();
    let pair = |reading: &str, base: &str| (reading.to_owned(), base.to_owned());
    assert_eq!(
        ruby,
        [
            pair("いそはら", "磯原"),
            pair("たかまさ", "隆将"),
            pair("みやけ", "三宅"),
            pair("ゆたか", "優"),
            pair("ジェーン", "Jane"),
            pair("ドウ", "Doe"),
        ]
    );

    let table = &inspect["tables"][0];
    assert_eq!(table["style"], "Table Grid");
    assert_eq!(
        table["header_rows"],
        serde_json::json!([true, false, false, false])
    );
    assert_eq!(
        table["cells"][0],
        serde_json::json!(["会合", "期間", "場所", "内容"])
    );
    assert_eq!(table["cells"][1][1], "2026年3月30日～4月2日\n(第1週)");

    let page = &inspect["page"];
    assert_eq!(
        (page["width_mm"].as_i64(), page["height_mm"].as_i64()),
        (Some(210), Some(297))
    );
    assert_eq!(page["footer_fields"], serde_json::json!(["PAGE"]));
}

#[test]
fn hostile_text_is_written_and_opens() {
    let doc = rendered("hostile");
    doc.assert_valid();
    doc.assert_pdf_contains(&[
        "Controlsremoved",
        fixtures::MARKUP,
        "日本語の段落。",
        "Windows line end.",
        "Old Mac line end.",
        "悪意 <名前>",
    ]);

    let inspect = &doc.inspect;
    assert_eq!(
        inspect["core"]["title"],
        format!("Hostile title {}", fixtures::MARKUP)
    );
    assert_eq!(inspect["core"]["author"], "悪意 <名前>");
    assert_eq!(inspect["core"]["language"], "en-US");
    let texts: Vec<String> = paragraphs(inspect)
        .into_iter()
        .map(|(_, _, text)| text)
        .collect();
    for expected in [
        "Controlsremoved".to_owned(),
        fixtures::MARKUP.to_owned(),
        format!("{} {}", fixtures::EMOJI, fixtures::RTL),
        "長い文章ABC。".repeat(1250),
        "日本語の段落。\nWindows line end.\nOld Mac line end.".to_owned(),
    ] {
        assert!(texts.contains(&expected), "python-docx lacks {expected:?}");
    }
    assert!(!texts
        .iter()
        .any(|text| text.contains("injected") && !text.contains("<w:p>")));
    assert_eq!(
        inspect["ruby"],
        serde_json::json!([
            {"reading": "あくい", "base": "悪意"},
            {"reading": "&なまえ", "base": "<名前>"}
        ])
    );
    assert_eq!(inspect["bullets"], serde_json::json!(["<", "", "&"]));
    let table = &inspect["tables"][0];
    assert_eq!(
        table["cells"][0],
        serde_json::json!([fixtures::MARKUP, "", ""])
    );
    assert_eq!(table["cells"][2], serde_json::json!(["short row", "", ""]));
    assert_eq!(
        inspect["tables"].as_array().unwrap().len(),
        1,
        "no table without columns"
    );
}

#[test]
fn thirty_pages_repeat_the_table_header_on_each_page() {
    let doc = rendered("thirty-pages");
    doc.assert_valid();
    let pages = doc.pages();
    assert!(pages.len() >= 30, "{} pages", pages.len());
    let header = squeeze("会合 期間 場所 内容");
    let long_table = pages
        .iter()
        .position(|page| page.contains(&squeeze("■表2. 長い表")))
        .expect("the long table's caption");
    let repeated = pages[long_table..]
        .iter()
        .filter(|page| page.contains(&header))
        .count();
    assert!(
        repeated >= 2,
        "the header row is on {repeated} of the long table's pages"
    );
    // Page numbers in the footer: each page ends with its number.
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.ends_with(&(index + 1).to_string()),
            "page {}: {page}",
            index + 1
        );
    }
}

#[test]
fn the_example_report_reads_back_as_the_journal_prints_it() {
    let doc = rendered("sg17-2025-12");
    doc.assert_valid();
    doc.assert_pdf_contains(&[
        "ITU-T SG17第2回会合報告",
        "リスクマネジメント・DX推進部",
        "1. はじめに",
        "この会合には、日本からの28名を含む、54か国・諸機関の408名(現地参加224名、リモート参加184名)が参加した。",
        "3.1 WP1: デジタルID、量子ベースのセキュリティ、PKI 及びセキュリティ基盤技術",
        fixtures::QUESTION_10,
        "■表1. 今後のプレナリ会合の予定",
        "会合名 開催期間 開催地 会合内容",
        "第1回 SG17 Content Week",
        "5. おわりに",
    ]);
    let inspect = &doc.inspect;
    assert_eq!(inspect["core"]["title"], "ITU-T SG17第2回会合報告");
    assert_eq!(inspect["core"]["author"], "磯原 隆将; 三宅 優");
    let headings: Vec<(String, Value)> = paragraphs(inspect)
        .into_iter()
        .filter(|(style, _, _)| style.starts_with("Heading"))
        .map(|(_, level, text)| (text, level))
        .collect();
    assert!(headings.contains(&(
        "3.1 WP1: デジタルID、量子ベースのセキュリティ、PKI 及びセキュリティ基盤技術".to_owned(),
        1.into()
    )));
    assert!(headings.contains(&("5. おわりに".to_owned(), 0.into())));
    let question_10 = paragraphs(inspect)
        .into_iter()
        .find(|(_, _, text)| text.starts_with("課題10では"))
        .expect("Question 10's paragraph");
    assert_eq!(question_10.0, "List Bullet");
    let tables = inspect["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    assert!(tables.iter().all(|table| table["header_rows"][0] == true));
}

/// The sentences the example generates: the title, every heading, paragraph, bullet
/// and caption.
fn example_sentences() -> Vec<String> {
    let doc = fixtures::example_report();
    std::iter::once(doc.title.clone())
        .chain(doc.body.iter().map(|node| match node {
            rapporteur_prose::Node::Heading(heading) => heading.line(),
            rapporteur_prose::Node::Paragraph { text }
            | rapporteur_prose::Node::Bullet { text, .. } => text.clone(),
            rapporteur_prose::Node::Table(table) => table.caption.clone(),
        }))
        .collect()
}

impl Rendered {
    /// Fails unless every sentence of the example is in the PDF's text area, read in
    /// reading order or, in two columns, column by column: a sentence may run from one
    /// page (or column) onto the next.
    fn assert_every_sentence(&self) {
        // In reading order pdftotext takes a hyphen that ends a line for a word broken
        // there, and drops it: hyphens are left out of the comparison.
        let key = |text: &str| squeeze(text).replace('-', "");
        let flow = key(&self.pdf_flow);
        let columns = self.pdf_columns.as_deref().map(key).unwrap_or_default();
        for sentence in example_sentences() {
            let sentence = key(&sentence);
            assert!(
                flow.contains(&sentence) || columns.contains(&sentence),
                "the PDF lacks {sentence:?}"
            );
        }
    }

    /// What every export into a template keeps whatever the template: fields updated on
    /// open, kinsoku on, both languages, ruby over the names, repeating header rows,
    /// and each bullet list numbered by an instance of its own that restarts.
    fn assert_journal_ready(&self) {
        self.assert_valid();
        let inspect = &self.inspect;
        assert_eq!(inspect["update_fields"], "true");
        assert_eq!(inspect["defaults"]["kinsoku"], "1");
        assert_eq!(inspect["defaults"]["lang"]["eastAsia"], "ja-JP");
        assert_eq!(
            inspect["ruby"][0],
            serde_json::json!({"reading": "いそはら", "base": "磯原"})
        );
        let tables = inspect["tables"].as_array().unwrap();
        assert_eq!(tables.len(), 2);
        assert!(tables.iter().all(|table| table["header_rows"][0] == true));
        // Lists apart: the example has bullet lists under several Questions.
        let mut lists: Vec<String> = Vec::new();
        let mut previous_was_bullet = false;
        for paragraph in inspect["paragraphs"].as_array().unwrap() {
            match paragraph["list"].as_i64().map(|id| id.to_string()) {
                Some(list) => {
                    if !previous_was_bullet {
                        assert!(
                            !lists.contains(&list),
                            "list {list} continues an earlier one"
                        );
                        lists.push(list.clone());
                    }
                    assert_eq!(inspect["numbering"][&list]["restarts"], true, "list {list}");
                    previous_was_bullet = true;
                }
                None => previous_was_bullet = false,
            }
        }
        assert!(lists.len() >= 3, "{lists:?}");
    }

    fn style(&self, name: &str) -> &Value {
        self.inspect["styles"]
            .as_object()
            .unwrap()
            .values()
            .find(|style| style["name"] == name)
            .unwrap_or_else(|| panic!("no style {name}"))
    }

    /// The style names of the body paragraphs whose text starts with `start`.
    fn style_of_paragraph(&self, start: &str) -> String {
        paragraphs(&self.inspect)
            .into_iter()
            .find(|(_, _, text)| text.starts_with(start))
            .unwrap_or_else(|| panic!("no paragraph {start:?}"))
            .0
    }
}

/// Points in `mm` millimetres, as pdfinfo rounds them.
fn points(mm: f64) -> i64 {
    (mm * 72.0 / 25.4).round() as i64
}

#[test]
fn an_a4_mincho_template_gives_its_styles_fonts_grid_and_bullets() {
    let doc = rendered_in_template("template-a4-mincho");
    assert_eq!(doc.page_points, (points(210.0), points(297.0)));
    assert_eq!(doc.own_styles, ["Table Text"]);
    let inspect = &doc.inspect;
    let section = &inspect["sections"][0];
    assert_eq!(inspect["sections"].as_array().unwrap().len(), 1);
    assert_eq!(section["margins_mm"], serde_json::json!([30, 25, 30, 25]));
    assert_eq!(section["columns"], 1);
    assert_eq!(section["grid"], serde_json::json!(["lines", "360"]));
    assert_eq!(section["footer"]["fields"], serde_json::json!(["PAGE"]));
    // Headings matched by their built-in names under Japanese Word's ids.
    assert_eq!(inspect["styles"]["1"]["name"], "Heading 1");
    assert_eq!(doc.style_of_paragraph("1. はじめに"), "Heading 1");
    assert_eq!(doc.style("Heading 1")["fonts"]["eastAsia"], "游ゴシック");
    assert_eq!(doc.style("Heading 1")["fonts"]["size"], 28);
    assert_eq!(doc.style("Title")["fonts"]["eastAsia"], "游ゴシック");
    assert_eq!(doc.style("Normal")["fonts"]["eastAsia"], "游明朝");
    assert_eq!(doc.style("Author")["fonts"]["eastAsia"], "游明朝");
    assert_eq!(doc.style_of_paragraph("磯原"), "Author");
    let fonts = inspect["fonts"].as_array().unwrap();
    assert!(fonts.contains(&"游明朝".into()) && fonts.contains(&"游ゴシック".into()));
    // The template's bullet, not the report's ●.
    let list = paragraphs(inspect)
        .into_iter()
        .position(|(style, _, _)| style == "List Bullet")
        .expect("a bullet");
    let list = inspect["paragraphs"][list]["list"]
        .as_i64()
        .unwrap()
        .to_string();
    assert_eq!(inspect["numbering"][&list]["text"], "・");
}

#[test]
fn a_b5_two_column_dotx_keeps_its_one_column_head_and_line_grid() {
    let doc = rendered_in_template("template-b5-two-columns");
    assert_eq!(doc.page_points, (points(182.0), points(257.0)));
    let sections = doc.inspect["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0]["columns"], 1);
    assert_eq!(sections[1]["columns"], 2);
    assert_eq!(sections[1]["column_space_mm"], 8);
    assert_eq!(sections[1]["start"], "continuous");
    for section in sections {
        assert_eq!(
            (section["width_mm"].as_i64(), section["height_mm"].as_i64()),
            (Some(182), Some(257))
        );
        assert_eq!(section["grid"], serde_json::json!(["lines", "330"]));
    }
    // The title and byline in the first section, the body in the second.
    let paragraphs = paragraphs(&doc.inspect);
    let body_starts = paragraphs
        .iter()
        .position(|(_, _, text)| text == "1. はじめに")
        .unwrap();
    assert!(paragraphs[..body_starts].iter().all(|(style, _, _)| [
        "Title",
        "Affiliation",
        "Author"
    ]
    .contains(&style.as_str())));
    assert_eq!(doc.style("Normal")["fonts"]["eastAsia"], "ＭＳ 明朝");
    assert_eq!(doc.style("Heading 1")["fonts"]["eastAsia"], "ＭＳ ゴシック");
    // Tables fit the column.
    assert_eq!(doc.inspect["tables"][0]["cells"][0][0], "会合名");
}

#[test]
fn a_letter_template_gives_its_running_header_with_logo_and_page_footer() {
    let doc = rendered_in_template("template-letter-english");
    let pages = doc.pages();
    assert!(pages.len() > 5);
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.starts_with(&squeeze("Journal of Standards Reports")),
            "page {}",
            index + 1
        );
        assert!(
            page.ends_with(&format!("Page{}", index + 1)),
            "page {}",
            index + 1
        );
    }
    assert_eq!(doc.page_points, (612, 792));
    let section = &doc.inspect["sections"][0];
    assert_eq!(section["header"]["text"], "  Journal of Standards Reports");
    assert_eq!(
        section["header"]["images"],
        serde_json::json!(["image/png"])
    );
    assert_eq!(section["footer"]["fields"], serde_json::json!(["PAGE"]));
    assert_eq!(section["footer"]["text"], "Page 1");
    assert_eq!(doc.inspect["defaults"]["lang"]["val"], "en-US");
    assert_eq!(doc.style("Normal")["fonts"]["ascii"], "Georgia");
    assert_eq!(doc.style("Heading 1")["fonts"]["ascii"], "Helvetica");
}

#[test]
fn a_template_missing_half_the_styles_gets_ours_for_those_and_says_which() {
    let doc = rendered_in_template("template-half-styles");
    assert_eq!(
        doc.own_styles,
        [
            "Title",
            "Heading 2",
            "List Bullet",
            "Caption",
            "Table Grid",
            "Affiliation",
            "Author",
            "Table Text"
        ]
    );
    // Ours, based on the template's Normal, beside the template's own.
    assert_eq!(doc.style("Title")["fonts"]["eastAsia"], "MS Gothic");
    assert_eq!(doc.style("Heading 1")["fonts"]["eastAsia"], Value::Null);
    assert_eq!(doc.style("Normal")["fonts"]["eastAsia"], "HG明朝B");
    assert_eq!(doc.style_of_paragraph("ITU-T SG17第2回会合報告"), "Title");
    assert_eq!(doc.inspect["tables"][0]["style"], "Table Grid");
    assert_eq!(
        doc.inspect["sections"][0]["margins_mm"],
        serde_json::json!([25, 30, 25, 30])
    );
}

#[test]
fn exporting_into_a_template_gives_the_same_bytes_twice() {
    let python = require(workspace().join(".venv/bin/python"));
    let dir = tempfile::tempdir().unwrap();
    make_templates(&python, dir.path());
    let example = fixtures::example_report();
    for (_, file) in TEMPLATES {
        let export = || {
            rapporteur_docx::write_docx_with_template(
                &example,
                &fixtures::options(),
                &read_template(dir.path(), file),
            )
            .unwrap()
        };
        let first = export();
        assert!(first == export(), "{file}: differs");
    }
}

#[test]
fn the_preview_look_is_read_from_each_template() {
    let python = require(workspace().join(".venv/bin/python"));
    let dir = tempfile::tempdir().unwrap();
    make_templates(&python, dir.path());
    let look = |file| read_template(dir.path(), file).look();
    let text = |latin: &str, east_asian: &str, size: f64| rapporteur_docx::TextLook {
        latin: Some(latin.to_owned()),
        east_asian: Some(east_asian.to_owned()),
        size_pt: Some(size),
        bold: None,
    };

    // Styles as Japanese Word names them, matched by built-in name; Body Text takes
    // Normal's fonts and size (it is based on it).
    let a4 = look("a4-mincho.docx");
    let page = a4.page.as_ref().unwrap();
    assert_eq!(
        (page.width_mm, page.margin_left_mm, page.margin_right_mm),
        (210.0, 25.0, 25.0)
    );
    assert_eq!(page.columns, 1);
    assert_eq!(a4.body, text("Century", "游明朝", 10.5));
    assert_eq!(a4.headings[0].latin.as_deref(), Some("Arial"));
    assert_eq!(a4.headings[0].east_asian.as_deref(), Some("游ゴシック"));
    assert_eq!(
        a4.headings.iter().map(|h| h.size_pt).collect::<Vec<_>>(),
        [Some(14.0), Some(12.0), Some(11.0)]
    );
    assert_eq!((a4.title.size_pt, a4.title.bold), (Some(18.0), Some(true)));
    assert_eq!(a4.author, text("Century", "游明朝", 12.0));

    // The body's page is the last section's: two columns 8 mm apart.
    let b5 = look("b5-two-columns.dotx");
    let page = b5.page.as_ref().unwrap();
    assert_eq!(
        (page.width_mm, page.columns, page.column_gap_mm),
        (182.0, 2, 8.0)
    );
    assert_eq!(b5.body, text("Times New Roman", "ＭＳ 明朝", 9.0));
    assert_eq!(b5.title.east_asian.as_deref(), Some("ＭＳ ゴシック"));
    assert_eq!(b5.title.size_pt, Some(16.0));

    let letter = look("letter-english.docx");
    assert!((letter.page.as_ref().unwrap().width_mm - 215.9).abs() < 0.05);
    assert_eq!(letter.body, text("Georgia", "MS Mincho", 11.0));

    // A style the template lacks says nothing: the preview keeps Rapporteur's own.
    let half = look("half-styles.docx");
    assert_eq!(half.caption, rapporteur_docx::TextLook::default());
    assert_eq!(half.headings[1], rapporteur_docx::TextLook::default());
    // Heading 1, as python-docx's default template has it, names its fonts through the
    // theme: the major Latin face, and the theme's face for Japanese.
    assert_eq!(half.headings[0].latin.as_deref(), Some("Calibri"));
    assert_eq!(
        half.headings[0].east_asian.as_deref(),
        Some("ＭＳ ゴシック")
    );
    assert_eq!(half.body.latin.as_deref(), Some("Book Antiqua"));
}
