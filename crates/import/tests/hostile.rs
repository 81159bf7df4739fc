//! Broken and hostile files: the import never panics, and refuses what it refuses with a
//! typed error that says what. `RAPPORTEUR_FUZZ_CASES` sets how many generated inputs each
//! property runs (`make fuzz` runs 100,000; `make test` its default of 128).

use std::io::Write;

use proptest::prelude::*;
use rapporteur_import::{import, import_docx, import_text, ImportError};
use rapporteur_wordzip::PackageError;

#[path = "../../format/tests/support/fuzz_cases.rs"]
mod fuzz_cases;
use fuzz_cases::fuzz_cases;

const SEED: &[u8] = include_bytes!("../../../tests/fixtures/sg17-2025-12-report.txt");
const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

/// Any bytes through both readers: they must return, never panic; whatever they read
/// must be a valid report file that reads back the same, and print.
fn fuzz_one(bytes: &[u8]) {
    for imported in [import_docx(bytes), import_text(bytes)]
        .into_iter()
        .flatten()
    {
        let file = rapporteur_format::write_report(&imported.report);
        match rapporteur_format::read_report(&file) {
            Ok(back) => assert_eq!(back, imported.report, "the report file reads back the same"),
            Err(e) => panic!("an imported report is not a valid report file: {e}\n{file}"),
        }
        rapporteur_prose::generate(&imported.report);
    }
}

/// A .docx whose word/document.xml is `xml` (stored or deflated).
fn docx_with(xml: &[u8], deflate: bool) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(xml.len() > u32::MAX as usize / 2);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fn example_docx() -> Vec<u8> {
    let report = rapporteur_format::read_report(EXAMPLE).unwrap();
    let at = chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap();
    let options = rapporteur_export::DocxOptions {
        created: at,
        modified: at,
    };
    rapporteur_export::export(&report, rapporteur_export::ExportFormat::Docx, &options).unwrap()
}

const BODY: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

#[test]
fn a_zip_bomb_is_refused_by_its_ratio() {
    let bomb = vec![b'a'; 4 << 20];
    let bytes = docx_with(&bomb, true);
    assert!(bytes.len() < 1 << 20, "packs small: {}", bytes.len());
    match import(&bytes) {
        Err(ImportError::Package(PackageError::CompressionRatio { name, ratio, .. })) => {
            assert_eq!(name, "word/document.xml");
            assert!(ratio > 200);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_part_too_large_is_refused() {
    let bytes = docx_with(&vec![b' '; 70 << 20], false);
    assert!(matches!(
        import_docx(&bytes),
        Err(ImportError::Package(
            PackageError::TooLarge { .. } | PackageError::EntryTooLarge { .. }
        ))
    ));
}

#[test]
fn entity_declarations_and_unknown_entities_are_refused() {
    let doctype = format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>{BODY}<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#
    );
    assert_eq!(
        import(&docx_with(doctype.as_bytes(), true)),
        Err(ImportError::Doctype)
    );
    let entity = format!("{BODY}<w:p><w:r><w:t>a &xxe; b</w:t></w:r></w:p></w:body></w:document>");
    assert_eq!(
        import(&docx_with(entity.as_bytes(), true)),
        Err(ImportError::Entity {
            name: "xxe".to_owned()
        })
    );
    // The predefined entities and character references are text like any other.
    let fine = format!(
        "{BODY}<w:p><w:r><w:t>A &amp; B &#x8AB2;&#38988;</w:t></w:r></w:p></w:body></w:document>"
    );
    let imported = import(&docx_with(fine.as_bytes(), true)).unwrap();
    assert_eq!(imported.report.title, "A & B 課題");
}

#[test]
fn absurd_nesting_is_refused() {
    let deep = format!("{BODY}{}", "<w:sdt>".repeat(10_000));
    assert_eq!(
        import(&docx_with(deep.as_bytes(), true)),
        Err(ImportError::TooDeep {
            depth: 257,
            limit: 256
        })
    );
}

#[test]
fn broken_files_are_refused_with_what_is_wrong() {
    let docx = example_docx();
    for cut in [4, 30, docx.len() / 2, docx.len() - 1] {
        assert!(
            matches!(
                import(&docx[..cut]),
                Err(ImportError::Package(PackageError::NotZip { .. }))
            ),
            "cut at {cut}"
        );
    }
    assert_eq!(import(b""), Err(ImportError::Empty));
    assert_eq!(import(b" \n\n\t \n"), Err(ImportError::Empty));
    assert_eq!(
        import_text(b"abc\xff\xfe"),
        Err(ImportError::NotUtf8 { offset: 3 })
    );
    assert!(matches!(
        import_text(&vec![b'a'; (16 << 20) + 1]),
        Err(ImportError::TooLarge { .. })
    ));
    let no_document = {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        out.into_inner()
    };
    assert_eq!(import(&no_document), Err(ImportError::NoDocumentPart));
    let unclosed = format!("{BODY}<w:p><w:r><w:t>x</w:p>");
    assert!(matches!(
        import(&docx_with(unclosed.as_bytes(), true)),
        Err(ImportError::Xml { .. })
    ));
}

#[test]
fn a_huge_line_is_read_in_linear_time() {
    let started = std::time::Instant::now();
    let imported = import(&question_of(30_000)).unwrap();
    assert!(imported.report.sections.len() == 1);
    assert_eq!(imported.report.outcomes().len(), 60_000);
    let mut line = "あ(".repeat(300_000);
    line.push_str(&"課題1".repeat(100_000));
    import(format!("t\n\n1. h\n\n{line}").as_bytes()).unwrap();
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

/// A report whose one Question names `pairs` twice as many work items, on one line.
fn question_of(pairs: usize) -> Vec<u8> {
    let mut text = String::from("題\n\n1. はじめに\n\n●課題1では、");
    text.push_str(&"X.1 (a) とX.2 (b)、".repeat(pairs));
    text.push_str("がデターミネーションされた。\n");
    text.into_bytes()
}

#[test]
fn what_would_not_fit_in_a_report_file_is_refused_naming_the_limit() {
    // 2.7 MB of text naming 200,000 work items: each an outcome of its own in the report
    // file, 35 MB in all.
    let err = import(&question_of(100_000)).unwrap_err();
    let ImportError::ReportTooLarge { size, limit } = err else {
        panic!("{err:?}")
    };
    assert!(size > 30 << 20, "{size}");
    assert_eq!(limit, rapporteur_format::MAX_REPORT_FILE);
    assert!(
        err.to_string()
            .ends_with("more than a report file holds (16777216 bytes, 16 MiB)"),
        "{err}"
    );
    // A Word file is refused while it is read, once its text alone is too much: 17 MiB
    // of text, packed well within the compression ratio a Word file may have.
    let mut xml = BODY.to_owned();
    let mut i = 0u64;
    while xml.len() < 20 << 20 {
        let words = (0..8).map(|k| format!("{:x}", (i + k).wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let text = words.collect::<Vec<_>>().join(" ");
        xml.push_str(&format!(
            "<w:p><w:r><w:t>段落{i}の本文 {text}</w:t></w:r></w:p>"
        ));
        i += 1;
    }
    xml.push_str("</w:body></w:document>");
    let err = import(&docx_with(xml.as_bytes(), true)).unwrap_err();
    assert!(
        matches!(err, ImportError::TextTooLarge { size, limit } if size > limit && limit == 16 << 20),
        "{err:?}"
    );
}

/// Pieces a report is made of, for text that almost reads as one.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("課題".to_owned()),
        Just("では、".to_owned()),
        Just("は、".to_owned()),
        Just("X.1250rev".to_owned()),
        Just(" (".to_owned()),
        Just("（".to_owned()),
        Just(")".to_owned()),
        Just("）".to_owned()),
        Just("がデターミネーションされ".to_owned()),
        Just("を合意し".to_owned()),
        Just("た。".to_owned()),
        Just("、".to_owned()),
        Just("及び".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\t".to_owned()),
        Just("■表1. ".to_owned()),
        Just("1. ".to_owned()),
        Just("2.1 ".to_owned()),
        Just("WP1: ".to_owned()),
        Just("WP1は、".to_owned()),
        Just("を検討する課題2".to_owned()),
        Just("から構成されている。".to_owned()),
        Just("ITU-T SG17 (セキュリティ) の第2回会合が、".to_owned()),
        Just("2025年12月3日(水)～11日(木)に、".to_owned()),
        Just("2026年2月30日".to_owned()),
        Just("開催された。".to_owned()),
        Just("●".to_owned()),
        Just("- ".to_owned()),
        Just("新規ワークアイテムとして".to_owned()),
        "[a-zA-Z0-9 .()、。]{0,8}".prop_map(|s| s),
        "\\PC{0,4}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases(128)))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        fuzz_one(&bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        fuzz_one(&zipped);
    }

    #[test]
    fn near_reports_never_panic(parts in proptest::collection::vec(fragment(), 0..80)) {
        let text = parts.concat();
        fuzz_one(text.as_bytes());
        fuzz_one(&docx_with(format!("{BODY}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
            text.replace('&', "&amp;").replace('<', "&lt;")).as_bytes(), true));
    }

    #[test]
    fn a_mangled_seed_never_panics(
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6),
        insert in "\\PC{0,12}",
    ) {
        let mut text = SEED.to_vec();
        for (at, len) in &cuts {
            let start = at.index(text.len());
            let end = (start + len.index(64)).min(text.len());
            text.splice(start..end, insert.bytes());
        }
        fuzz_one(&text);
    }

    #[test]
    fn a_mangled_word_file_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = docx().clone();
        for (at, byte) in &flips {
            let i = at.index(bytes.len());
            bytes[i] = *byte;
        }
        bytes.truncate(cut.index(bytes.len()).max(bytes.len() / 2));
        fuzz_one(&bytes);
        // A stored (uncompressed) document.xml mangled: the XML reader gets the damage.
        let mut xml = DOCUMENT_XML.clone();
        for (at, byte) in &flips {
            let i = at.index(xml.len());
            xml[i] = *byte;
        }
        fuzz_one(&docx_with(&xml, false));
    }
}

static DOCX: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(example_docx);
static DOCUMENT_XML: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(DOCX.as_slice())).unwrap();
    let mut xml = Vec::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    xml
});

fn docx() -> &'static Vec<u8> {
    &DOCX
}
