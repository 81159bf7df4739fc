//! `make bench`: how long the Word export takes, for the example report and a
//! synthetic 30-page one, against pandoc turning the same document (as Markdown) into
//! a .docx in the same run; then the export into a journal's Word template (made by
//! tests/templates/make_templates.py), reading the template included, against pandoc
//! with the same file as `--reference-doc`. A benchmark, not a test: it prints figures
//! and ratios.
//!
//! `bench --write-reports DIR` writes instead the reports the editor's benchmark
//! (scripts/editor_bench.mjs) opens in the app: the 101-page one, and the example with a
//! Question of 200 outcomes.

use chrono::Utc;
use rapporteur_export::{export, export_docx_with_template, DocxOptions, ExportFormat, Template};
use rapporteur_model::{Block, Report};
use rapporteur_prose::{generate, Node};
use std::process::Command;
use std::time::{Duration, Instant};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const RUNS: usize = 15;

fn main() {
    let example = rapporteur_format::read_report(EXAMPLE).expect("the example is valid");
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice() {
        assert_eq!(
            flag, "--write-reports",
            "usage: bench [--write-reports DIR]"
        );
        write_reports(&example, std::path::Path::new(dir));
        return;
    }
    let long = with_results_repeated(&example, 6);
    let longest = with_results_repeated(&example, 23);
    let dir = tempfile_dir();
    println!("Word export, median of {RUNS} runs (pandoc: the same document as Markdown → docx)");
    // The aim: a 100-page report's export under 50 ms.
    for (name, report, aim) in [
        ("example (8 pages)", &example, "null"),
        ("synthetic (29 pages)", &long, "null"),
        ("synthetic (101 pages)", &longest, "50"),
    ] {
        let ours = median(|| {
            export(
                report,
                ExportFormat::Docx,
                &DocxOptions {
                    created: Utc::now(),
                    modified: Utc::now(),
                },
            )
            .expect("export");
        });
        let markdown = dir.join(format!("{}.md", name.split(' ').next().unwrap_or("doc")));
        std::fs::write(&markdown, to_markdown(report)).expect("write markdown");
        let pandoc = pandoc(&markdown, &dir.join("pandoc.docx"), None);
        print_line(name, ours, pandoc);
        println!(
            r#"bench: {{"name": "Word export, {name}", "value": {:.3}, "unit": "ms", "aim": {aim}}}"#,
            ms(ours)
        );
    }
    templates(&example, &dir);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The example exported into each of two journal templates: reading the template and
/// exporting, against pandoc with the template as its reference document.
fn templates(example: &Report, dir: &std::path::Path) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let status = Command::new(root.join(".venv/bin/python"))
        .arg(root.join("tests/templates/make_templates.py"))
        .arg(dir)
        .status()
        .expect("the test tools are installed (make deps)");
    assert!(status.success());
    let markdown = dir.join("example.md");
    std::fs::write(&markdown, to_markdown(example)).expect("write markdown");
    println!("Word export into a journal template, median of {RUNS} runs (reading the template included; pandoc: --reference-doc)");
    for file in ["a4-mincho.docx", "letter-english.docx"] {
        let bytes = std::fs::read(dir.join(file)).expect("the template");
        let ours = median(|| {
            let template = Template::read(&bytes).expect("a template");
            let options = DocxOptions {
                created: Utc::now(),
                modified: Utc::now(),
            };
            export_docx_with_template(example, &options, &template).expect("export");
        });
        let pandoc = pandoc(&markdown, &dir.join("pandoc.docx"), Some(&dir.join(file)));
        print_line(file, ours, pandoc);
        println!(
            r#"bench: {{"name": "Word export into a template, {file}", "value": {:.3}, "unit": "ms", "aim": null}}"#,
            ms(ours)
        );
        // What the app does when a report opens: read its kept template for the
        // preview's look (TemplateLook); it should not be felt.
        let look = median(|| {
            Template::read(&bytes).expect("a template").look();
        });
        println!(
            "  {file:<22} preview look (read + look) {:>8.2} ms",
            ms(look)
        );
        println!(
            r#"bench: {{"name": "Template look for the preview, {file}", "value": {:.3}, "unit": "ms", "aim": 50}}"#,
            ms(look)
        );
    }
}

/// pandoc's median time for `markdown` → `out`, with `reference` as its reference doc.
fn pandoc(
    markdown: &std::path::Path,
    out: &std::path::Path,
    reference: Option<&std::path::Path>,
) -> Duration {
    median(|| {
        let mut command = Command::new("pandoc");
        command
            .args(["-f", "markdown", "-t", "docx", "-o"])
            .arg(out);
        if let Some(reference) = reference {
            command.arg("--reference-doc").arg(reference);
        }
        let status = command
            .arg(markdown)
            .status()
            .expect("pandoc is installed (make deps)");
        assert!(status.success());
    })
}

fn print_line(name: &str, ours: Duration, pandoc: Duration) {
    println!(
        "  {name:<22} rapporteur {:>8.2} ms   pandoc {:>8.2} ms   pandoc / rapporteur = {:.1}×",
        ms(ours),
        ms(pandoc),
        pandoc.as_secs_f64() / ours.as_secs_f64()
    );
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rapporteur-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut run: impl FnMut()) -> Duration {
    run(); // warm up
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// The example with its Working Party sections `times` times over (ids made unique): six
/// times make 29 pages as LibreOffice lays out the Word export, 23 times 101.
fn with_results_repeated(example: &Report, times: usize) -> Report {
    let mut report = example.clone();
    let results = &mut report.sections[2].sections;
    let original = results.clone();
    for copy in 1..times {
        for section in &original {
            let mut section = section.clone();
            for block in &mut section.blocks {
                if let Block::Question(q) = block {
                    for o in &mut q.outcomes {
                        o.id = o.id.as_ref().map(|id| format!("{id}-{copy}"));
                    }
                }
            }
            results.push(section);
        }
    }
    report
}

/// The editor benchmark's reports, as report files in `dir`, titled apart from the
/// example so that opening them adds them to the library beside it.
fn write_reports(example: &Report, dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("the reports' folder");
    let mut long = with_results_repeated(example, 23);
    long.title = format!("{} (101 pages)", example.title);
    let mut table = example.clone();
    table.title = format!("{} (200 outcomes)", example.title);
    if let Some(Block::Question(q)) = table.sections[2].sections[0].blocks.first_mut() {
        let original = q.outcomes.clone();
        q.outcomes = (0..200)
            .map(|i| {
                let mut o = original[i % original.len()].clone();
                o.id = o.id.map(|id| format!("{id}-{i}"));
                o
            })
            .collect();
    }
    for (name, report) in [("long.report.json", &long), ("table.report.json", &table)] {
        let text = rapporteur_format::write_report_checked(report).expect("a valid report");
        std::fs::write(dir.join(name), text).expect("write the report");
    }
}

/// The generated document as Markdown: what pandoc is given.
fn to_markdown(report: &Report) -> String {
    let doc = generate(report);
    let mut md = format!("# {}\n\n", doc.title);
    for node in &doc.body {
        match node {
            Node::Heading(h) => md.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(h.level) + 1),
                h.line()
            )),
            Node::Paragraph { text } => md.push_str(&format!("{}\n\n", text.replace('\n', "\\\n"))),
            Node::Bullet { text, .. } => {
                md.push_str(&format!("- {}\n\n", text.replace('\n', "\\\n")))
            }
            Node::Table(t) => {
                md.push_str(&format!(
                    "{}\n\n| {} |\n|{}\n",
                    t.caption,
                    t.header.join(" | "),
                    "---|".repeat(t.header.len())
                ));
                for row in &t.rows {
                    let cells: Vec<String> = row.iter().map(|c| c.replace('\n', "<br>")).collect();
                    md.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                md.push('\n');
            }
        }
    }
    md
}
