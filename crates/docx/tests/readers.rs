//! Every test document is opened by independent readers: LibreOffice converts it to PDF
//! (all documents in one call: it is slow to start), `pdftotext` reads the PDF,
//! python-docx reads styles, outline levels, tables and core properties
//! (`inspect_docx.py`), and `openxml-audit` validates it against the Office 2016 schema.
//!
//! A missing tool fails the tests with a message to run `make deps`. Set
//! `RAPPORTEUR_DOCX_OUT=DIR` to keep the files (.docx, .pdf) for a look.

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

    let documents = documents();
    let paths: Vec<PathBuf> = documents
        .iter()
        .map(|(name, doc)| {
            let bytes = rapporteur_docx::write_docx(doc, &fixtures::options())
                .unwrap_or_else(|error| panic!("{name}: {error}"));
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

    documents
        .iter()
        .zip(&paths)
        .map(|((name, _), path)| {
            let pdf = pdf_dir.join(format!("{name}.pdf"));
            assert!(pdf.is_file(), "LibreOffice did not convert {name}.docx");
            let rendered = Rendered {
                pdf_text: run(Command::new(&pdftotext).arg("-layout").arg(&pdf).arg("-")),
                inspect: inspected[path.to_str().unwrap()].clone(),
                violations: violations
                    .remove(*name)
                    .expect("openxml-audit read every file"),
            };
            (*name, rendered)
        })
        .collect()
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
