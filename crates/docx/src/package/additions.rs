//! What docx-rs 0.4.22 cannot write at all, added to the parts it wrote: ruby over the
//! authors' names, the repeating header row of tables, the document's languages, line
//! breaking rules and default paragraph style, fields updated on open, the core
//! properties, and a theme.

use chrono::{DateTime, SecondsFormat, Utc};

use super::xml::{Element, Node, Part};
use crate::build::{RUBY_BASE_MARK, RUBY_TEXT_MARK};

/// The core properties (docProps/core.xml), which docx-rs fills with "unknown" and 1970.
pub(crate) struct CoreProperties<'a> {
    pub(crate) title: &'a str,
    pub(crate) creator: &'a str,
    /// BCP 47, e.g. `ja-JP`.
    pub(crate) language: &'a str,
    pub(crate) created: DateTime<Utc>,
    pub(crate) modified: DateTime<Utc>,
}

/// The text languages of every run unless a style says otherwise: Latin text is English
/// and East Asian text Japanese, so that Word's proofing and line breaking fit both.
const LATIN_LANGUAGE: &str = "en-US";
const EAST_ASIAN_LANGUAGE: &str = "ja-JP";

/// A problem in what docx-rs wrote; the caller names the part.
pub(crate) type Unexpected = &'static str;

/// Each pair of runs marked `RUBY_TEXT_MARK`, `RUBY_BASE_MARK` (in that order, siblings)
/// becomes one run holding a `w:ruby`: the first run's text above the second's. Both
/// runs must give their size (`w:sz`), from which the ruby's metrics are derived.
pub(crate) fn join_ruby_runs(root: &mut Element) -> Result<(), Unexpected> {
    let mut result = Ok(());
    root.walk_mut(&mut |element| {
        if result.is_ok() && element.name == "w:p" {
            result = join_ruby_runs_of(element);
        }
    });
    result
}

fn join_ruby_runs_of(paragraph: &mut Element) -> Result<(), Unexpected> {
    if !paragraph.elements().any(|child| ruby_mark(child).is_some()) {
        return Ok(());
    }
    let mut joined = Vec::with_capacity(paragraph.children.len());
    let mut reading: Option<Element> = None;
    for node in std::mem::take(&mut paragraph.children) {
        let Node::Element(mut run) = node else {
            joined.push(node);
            continue;
        };
        match (ruby_mark(&run), reading.take()) {
            (Some(RUBY_TEXT_MARK), None) => {
                unmark(&mut run);
                reading = Some(run);
            }
            (Some(RUBY_BASE_MARK), Some(text)) => {
                unmark(&mut run);
                joined.push(Node::Element(ruby_run(text, run)?));
            }
            (None, None) => joined.push(Node::Element(run)),
            _ => return Err("has a ruby mark out of its pair"),
        }
    }
    if reading.is_some() {
        return Err("has a ruby text run without its base");
    }
    paragraph.children = joined;
    Ok(())
}

/// The ruby mark of a run: the value of its `w:rStyle`, if it is one of the two marks.
fn ruby_mark(run: &Element) -> Option<&'static str> {
    let style = run.child("w:rPr")?.child("w:rStyle")?.attribute("w:val")?;
    [RUBY_TEXT_MARK, RUBY_BASE_MARK]
        .into_iter()
        .find(|mark| *mark == style)
}

fn unmark(run: &mut Element) {
    if let Some(properties) = run.child_mut("w:rPr") {
        properties.children.retain(|node| {
            node.as_element()
                .is_none_or(|child| child.name != "w:rStyle")
        });
    }
}

/// A run's size in half points, from its `w:sz`.
fn size(run: &Element) -> Option<u32> {
    run.child("w:rPr")?
        .child("w:sz")?
        .attribute("w:val")?
        .parse()
        .ok()
}

fn ruby_run(text: Element, base: Element) -> Result<Element, Unexpected> {
    let (Some(text_size), Some(base_size)) = (size(&text), size(&base)) else {
        return Err("has a ruby run without a size");
    };
    let value = |name: &str, value: &str| Element::new(name).with_attribute("w:val", value);
    let properties = Element::new("w:rubyPr")
        .with_child(value("w:rubyAlign", "distributeSpace"))
        .with_child(value("w:hps", &text_size.to_string()))
        // Word raises ruby by about the base text's height.
        .with_child(value(
            "w:hpsRaise",
            &base_size.saturating_sub(2).to_string(),
        ))
        .with_child(value("w:hpsBaseText", &base_size.to_string()))
        .with_child(value("w:lid", EAST_ASIAN_LANGUAGE));
    Ok(Element::new("w:r").with_child(
        Element::new("w:ruby")
            .with_child(properties)
            .with_child(Element::new("w:rt").with_child(text))
            .with_child(Element::new("w:rubyBase").with_child(base)),
    ))
}

/// Marks the first row of every table as a header row, repeated at the top of each page
/// (`w:tblHeader`): every table the builder writes starts with its header row.
pub(crate) fn repeat_header_rows(root: &mut Element) {
    root.walk_mut(&mut |element| {
        if element.name != "w:tbl" {
            return;
        }
        if let Some(row) = element.child_mut("w:tr") {
            let properties = row.first_child_or_insert("w:trPr");
            if properties.child("w:tblHeader").is_none() {
                properties
                    .children
                    .push(Node::Element(Element::new("w:tblHeader")));
            }
        }
    });
}

/// In the styles part: keeps the document's own `Normal` style in place of the empty one
/// docx-rs always writes before it, makes it the default paragraph style, and sets the
/// default text languages.
pub(crate) fn complete_styles(styles: &mut Element) -> Result<(), Unexpected> {
    let is_normal = |node: &Node| {
        node.as_element().is_some_and(|element| {
            element.name == "w:style" && element.attribute("w:styleId") == Some("Normal")
        })
    };
    let normals: Vec<usize> = (0..styles.children.len())
        .filter(|&index| is_normal(&styles.children[index]))
        .collect();
    let Some((&last, earlier)) = normals.split_last() else {
        return Err("has no Normal style");
    };
    styles.children[last]
        .as_element_mut()
        .expect("is_normal matched an element")
        .set_attribute("w:default", "1");
    for &index in earlier.iter().rev() {
        styles.children.remove(index);
    }
    if styles.child("w:docDefaults").is_none() {
        return Err("has no document defaults");
    }
    set_text_defaults(styles);
    Ok(())
}

/// In the styles part's document defaults: the text languages, where the styles do not
/// say them already, and Japanese line breaking rules (kinsoku) on.
pub(crate) fn set_text_defaults(styles: &mut Element) {
    let defaults = styles.first_child_or_insert("w:docDefaults");
    let run = defaults
        .first_child_or_insert("w:rPrDefault")
        .first_child_or_insert("w:rPr");
    if run.child("w:lang").is_none() {
        run.children.push(Node::Element(Element::new("w:lang")));
    }
    let language = run.child_mut("w:lang").expect("added above");
    for (attribute, value) in [
        ("w:val", LATIN_LANGUAGE),
        ("w:eastAsia", EAST_ASIAN_LANGUAGE),
    ] {
        if language.attribute(attribute).is_none() {
            language.set_attribute(attribute, value);
        }
    }
    // pPrDefault follows rPrDefault.
    if defaults.child("w:pPrDefault").is_none() {
        defaults
            .children
            .push(Node::Element(Element::new("w:pPrDefault")));
    }
    let paragraph = defaults
        .child_mut("w:pPrDefault")
        .expect("added above")
        .first_child_or_insert("w:pPr");
    paragraph.remove_children("w:kinsoku");
    paragraph.children.push(Node::Element(
        Element::new("w:kinsoku").with_attribute("w:val", "1"),
    ));
}

/// Marks the fields (the page number, a table of contents) to be updated when Word
/// opens the file, so that none shows a stale value.
pub(crate) fn update_fields_on_open(settings: &mut Element) {
    settings.remove_children("w:updateFields");
    settings.children.push(Node::Element(
        Element::new("w:updateFields").with_attribute("w:val", "true"),
    ));
}

/// The whole core properties part.
pub(crate) fn core_properties(properties: &CoreProperties) -> Part {
    let text = |name: &str, text: &str| Element::new(name).with_text(text);
    let date = |name: &str, date: &DateTime<Utc>| {
        Element::new(name)
            .with_attribute("xsi:type", "dcterms:W3CDTF")
            .with_text(&date.to_rfc3339_opts(SecondsFormat::Secs, true))
    };
    let root = Element::new("cp:coreProperties")
        .with_attribute(
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        )
        .with_attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .with_attribute("xmlns:dcterms", "http://purl.org/dc/terms/")
        .with_attribute("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .with_attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .with_child(text("dc:title", properties.title))
        .with_child(text("dc:creator", properties.creator))
        .with_child(text("cp:lastModifiedBy", properties.creator))
        .with_child(text("dc:language", properties.language))
        .with_child(text("cp:revision", "1"))
        .with_child(date("dcterms:created", &properties.created))
        .with_child(date("dcterms:modified", &properties.modified));
    Part::with_declaration(root)
}

/// The theme part: Office's colours, with the document's fonts as the theme fonts.
/// Word does not need one, but the schema's package rules require it.
pub(crate) const THEME_PART: &str = "word/theme/theme1.xml";
pub(crate) const THEME: &str = include_str!("theme1.xml");
const THEME_TARGET: &str = "theme/theme1.xml";
const THEME_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
const THEME_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// Adds the theme to the main document's relationships.
pub(crate) fn relate_theme(relationships: &mut Element) {
    let taken = |id: &str| {
        relationships
            .elements()
            .any(|relationship| relationship.attribute("Id") == Some(id))
    };
    let id = (1..)
        .map(|n| format!("rIdTheme{n}"))
        .find(|id| !taken(id))
        .expect("some id is free");
    relationships.children.push(Node::Element(
        Element::new("Relationship")
            .with_attribute("Id", &id)
            .with_attribute("Type", THEME_RELATIONSHIP)
            .with_attribute("Target", THEME_TARGET),
    ));
}

/// Declares the theme part's content type.
pub(crate) fn declare_theme(content_types: &mut Element) {
    content_types.children.push(Node::Element(
        Element::new("Override")
            .with_attribute("PartName", &format!("/{THEME_PART}"))
            .with_attribute("ContentType", THEME_CONTENT_TYPE),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn parse(xml: &str) -> Part {
        Part::parse(xml.as_bytes()).unwrap()
    }

    fn text(part: &Part) -> String {
        String::from_utf8(part.to_bytes()).unwrap()
    }

    #[test]
    fn joins_marked_runs_into_ruby() {
        let mut part = parse(&format!(
            r#"<w:p><w:pPr/><w:r><w:rPr><w:sz w:val="12"/><w:rStyle w:val="{RUBY_TEXT_MARK}"/></w:rPr><w:t>いそはら</w:t></w:r><w:r><w:rPr><w:sz w:val="24"/><w:rStyle w:val="{RUBY_BASE_MARK}"/></w:rPr><w:t>磯原</w:t></w:r><w:r><w:t>　</w:t></w:r></w:p>"#
        ));
        join_ruby_runs(&mut part.root).unwrap();
        assert_eq!(
            text(&part),
            r#"<w:p><w:pPr/><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/><w:hps w:val="12"/><w:hpsRaise w:val="22"/><w:hpsBaseText w:val="24"/><w:lid w:val="ja-JP"/></w:rubyPr><w:rt><w:r><w:rPr><w:sz w:val="12"/></w:rPr><w:t>いそはら</w:t></w:r></w:rt><w:rubyBase><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>磯原</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>　</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn refuses_unpaired_ruby_marks() {
        let run = |mark: &str| {
            format!(r#"<w:r><w:rPr><w:sz w:val="12"/><w:rStyle w:val="{mark}"/></w:rPr></w:r>"#)
        };
        for runs in [
            run(RUBY_TEXT_MARK),
            run(RUBY_BASE_MARK),
            run(RUBY_TEXT_MARK) + &run(RUBY_TEXT_MARK),
            run(RUBY_BASE_MARK) + &run(RUBY_TEXT_MARK),
        ] {
            let mut part = parse(&format!("<w:body><w:p>{runs}</w:p></w:body>"));
            assert!(join_ruby_runs(&mut part.root).is_err(), "{runs}");
        }
        let mut without_size = parse(&format!(
            r#"<w:p><w:r><w:rPr><w:rStyle w:val="{RUBY_TEXT_MARK}"/></w:rPr></w:r><w:r><w:rPr><w:rStyle w:val="{RUBY_BASE_MARK}"/></w:rPr></w:r></w:p>"#
        ));
        assert!(join_ruby_runs(&mut without_size.root).is_err());
    }

    #[test]
    fn marks_the_first_row_of_each_table_as_header() {
        let mut part = parse(
            r#"<w:body><w:tbl><w:tblPr/><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl></w:body>"#,
        );
        repeat_header_rows(&mut part.root);
        assert_eq!(
            text(&part),
            r#"<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr></w:tbl></w:body>"#
        );
    }

    #[test]
    fn keeps_the_documents_normal_style_and_sets_languages() {
        let mut part = parse(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"/></w:styles>"#,
        );
        complete_styles(&mut part.root).unwrap();
        assert_eq!(
            text(&part),
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:kinsoku w:val="1"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"/></w:styles>"#
        );
        let mut without_normal = parse("<w:styles><w:docDefaults/></w:styles>");
        assert!(complete_styles(&mut without_normal.root).is_err());
    }

    #[test]
    fn writes_core_properties_escaped() {
        let at = |hour| Utc.with_ymd_and_hms(2025, 12, 12, hour, 0, 0).unwrap();
        let part = core_properties(&CoreProperties {
            title: "SG17 <&> 報告",
            creator: "磯原 隆将; 三宅 優",
            language: "ja-JP",
            created: at(1),
            modified: at(2),
        });
        let xml = text(&part);
        assert!(xml.starts_with(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties "#
        ));
        for expected in [
            "<dc:title>SG17 &lt;&amp;&gt; 報告</dc:title>",
            "<dc:creator>磯原 隆将; 三宅 優</dc:creator>",
            "<cp:lastModifiedBy>磯原 隆将; 三宅 優</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-12T01:00:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-12T02:00:00Z</dcterms:modified>"#,
        ] {
            assert!(xml.contains(expected), "{expected} in {xml}");
        }
    }

    #[test]
    fn relates_and_declares_the_theme() {
        let mut relationships =
            parse(r#"<Relationships><Relationship Id="rIdTheme1" Target="x"/></Relationships>"#);
        relate_theme(&mut relationships.root);
        assert!(text(&relationships).contains(
            r#"<Relationship Id="rIdTheme2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#
        ));
        let mut types = parse("<Types/>");
        declare_theme(&mut types.root);
        assert_eq!(
            text(&types),
            r#"<Types><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#
        );
        Part::parse(THEME.as_bytes()).expect("the theme is well-formed");
    }
}
