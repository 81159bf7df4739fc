//! Templates that are not Word files, are damaged or hostile: each is refused with an
//! error that says what and where, and nothing is exported from it. A small template
//! written by hand here, and then spoilt one way at a time.

mod fixtures;

use std::io::Write;

use rapporteur_docx::{write_docx_with_template, Template, TemplateError};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn parts() -> Vec<(&'static str, String)> {
    vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="10318" w:h="14570"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
            ),
        ),
        (
            "word/styles.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="游明朝"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="30"/></w:rPr></w:style></w:styles>"#
            ),
        ),
        (
            "word/header1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}"><w:p><w:r><w:t>学会誌 &amp; 論文</w:t></w:r></w:p></w:hdr>"#
            ),
        ),
    ]
}

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    out.into_inner()
}

/// The template with part `name` replaced by `content` (or added).
fn with(name: &'static str, content: &str) -> Vec<u8> {
    let mut parts: Vec<(&str, String)> = parts().into_iter().filter(|(n, _)| *n != name).collect();
    parts.push((name, content.to_owned()));
    zip(&parts)
}

fn without(name: &str) -> Vec<u8> {
    zip(&parts()
        .into_iter()
        .filter(|(n, _)| *n != name)
        .collect::<Vec<_>>())
}

fn refusal(bytes: &[u8]) -> String {
    Template::read(bytes).expect_err("refused").to_string()
}

#[test]
fn the_hand_written_template_is_read_and_used() {
    let template = Template::read(&zip(&parts())).unwrap();
    let exported = write_docx_with_template(
        &fixtures::every_node_kind(),
        &fixtures::options(),
        &template,
    )
    .unwrap();
    assert!(exported.own_styles.contains(&"Title"));
    assert!(!exported.own_styles.contains(&"Heading 1"));
    let package = zip::ZipArchive::new(std::io::Cursor::new(exported.bytes)).unwrap();
    let names: Vec<&str> = package.file_names().collect();
    assert!(names.contains(&"word/template/header1.xml"), "{names:?}");
    assert!(
        !names.iter().any(|name| name.starts_with("word/footer")),
        "no footer of ours beside the template's header"
    );
}

#[test]
fn what_is_not_a_word_file_is_refused() {
    assert!(matches!(
        Template::read(b"%PDF-1.7 not a zip"),
        Err(TemplateError::Package(
            rapporteur_wordzip::PackageError::NotZip { .. }
        ))
    ));
    assert_eq!(
        refusal(&without("[Content_Types].xml")),
        "not a Word document or template: it has no [Content_Types].xml"
    );
    assert_eq!(
        refusal(&without("_rels/.rels")),
        "not a Word document or template: it has no main document"
    );
    let workbook = parts()[0].1.replace(
        "wordprocessingml.template.main+xml",
        "spreadsheetml.sheet.main+xml",
    );
    assert_eq!(
        refusal(&with("[Content_Types].xml", &workbook)),
        "not a Word document or template: its main part word/document.xml is application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    );
}

#[test]
fn damaged_parts_are_named() {
    assert_eq!(
        refusal(&without("word/header1.xml")),
        "the template's part word/document.xml refers to word/header1.xml, which the file lacks"
    );
    assert!(
        refusal(&with("word/styles.xml", "<w:styles><w:style></w:styles>"))
            .starts_with("the template's part word/styles.xml is not well-formed XML")
    );
    let strict = parts()[4]
        .1
        .replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main");
    assert!(refusal(&with("word/styles.xml", &strict)).contains("Strict Open XML is not read"));
    let escaping = parts()[2]
        .1
        .replace("Target=\"header1.xml\"", "Target=\"../../header1.xml\"");
    assert_eq!(
        refusal(&with("word/_rels/document.xml.rels", &escaping)),
        "the template's part word/_rels/document.xml.rels has a target outside the package: ../../header1.xml"
    );
}

#[test]
fn hostile_parts_are_refused() {
    let doctype = format!(
        r#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:styles xmlns:w="{W}">&b;</w:styles>"#
    );
    assert_eq!(
        refusal(&with("word/styles.xml", &doctype)),
        "the template's part word/styles.xml declares a DOCTYPE, which a Word file never does (refused: entity expansion)"
    );
    let entity =
        format!(r#"<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:hdr>"#);
    assert_eq!(
        refusal(&with("word/header1.xml", &entity)),
        "the template's part word/header1.xml uses the undeclared entity &secret; (refused)"
    );
    let deep = format!(r#"<w:hdr xmlns:w="{W}">{}</w:hdr>"#, "<w:p>".repeat(300));
    assert!(refusal(&with("word/header1.xml", &deep)).contains("nests elements deeper than 256"));
    let mut bomb_parts = parts();
    bomb_parts.push(("word/media/bomb.bin", "0".repeat(8 << 20)));
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    for (name, content) in &bomb_parts {
        writer
            .start_file(
                *name,
                zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated),
            )
            .unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    assert!(refusal(&out.into_inner()).contains("word/media/bomb.bin is compressed"));
}
