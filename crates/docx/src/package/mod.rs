//! The one layer over docx-rs's output: it reads the zip package docx-rs wrote, rewrites
//! the parts docx-rs gets wrong or cannot write, and writes the package again.
//!
//! Why a post-processing layer rather than a patched docx-rs (`[patch.crates-io]`): the
//! faults are spread over dozens of docx-rs's element builders (each writes its own
//! children in its own order) and its API has no place for ruby, repeating header rows,
//! languages or core properties. A fork would have to be carried and rebased for every
//! docx-rs release; this layer only relies on the XML docx-rs writes, which the unit
//! tests pin down on small snippets and the integration tests check against the schema
//! validator. It costs a parse and a write of the touched parts.
//!
//! - `schema`: puts children of property elements in schema order and drops what the
//!   schema has no place for (every WordprocessingML part);
//! - `additions`: ruby, `w:tblHeader`, `w:lang`, the default paragraph style, core
//!   properties and a theme;
//! - `xml`: the element tree both work on.

mod additions;
mod schema;
mod template;
pub(crate) mod xml;

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub(crate) use additions::CoreProperties;
use xml::{unescape, Element, Node, Part};

use crate::template::{relationships_part, Template};
use crate::DocxError;

const CONTENT_TYPES: &str = "[Content_Types].xml";
const DOCUMENT: &str = "word/document.xml";
const DOCUMENT_RELATIONSHIPS: &str = "word/_rels/document.xml.rels";
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
const SETTINGS: &str = "word/settings.xml";
const FONT_TABLE: &str = "word/fontTable.xml";

/// The package docx-rs wrote (`package`), repaired and completed, with `template`
/// applied if given. Returns the bytes and the labels of the styles the document uses
/// that the template lacked (ours were used).
pub(crate) fn rewrite(
    package: &[u8],
    core: &CoreProperties,
    template: Option<&Template>,
) -> Result<(Vec<u8>, Vec<&'static str>), DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        if entry.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content)?;
        entries.push((entry.name().to_owned(), content));
    }
    // Every part this layer reads, parsed once.
    let mut parts: BTreeMap<String, Part> = BTreeMap::new();
    for (name, content) in &entries {
        let is_wordprocessing = name.starts_with("word/") && name.ends_with(".xml");
        if is_wordprocessing || name == CONTENT_TYPES || name == DOCUMENT_RELATIONSHIPS {
            parts.insert(
                name.clone(),
                Part::parse(content).map_err(|error| error.in_part(name))?,
            );
        }
    }
    let unexpected = |part: &str| {
        let part = part.to_owned();
        move |problem| DocxError::Unexpected { part, problem }
    };
    let document = root(&mut parts, DOCUMENT)?;
    additions::join_ruby_runs(document).map_err(unexpected(DOCUMENT))?;
    additions::repeat_header_rows(document);
    additions::complete_styles(root(&mut parts, STYLES)?).map_err(unexpected(STYLES))?;
    additions::update_fields_on_open(root(&mut parts, SETTINGS)?);

    let mut own_styles = Vec::new();
    let mut added: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut theme = additions::THEME.as_bytes().to_vec();
    if let Some(template) = template {
        let used = template::used_styles(root(&mut parts, DOCUMENT)?);
        let (styles, map, own) = template::merge_styles(root(&mut parts, STYLES)?, template, &used);
        *root(&mut parts, STYLES)? = styles;
        additions::set_text_defaults(root(&mut parts, STYLES)?);
        own_styles = own;
        let (numbering, offset) = template::merge_numbering(root(&mut parts, NUMBERING)?, template);
        *root(&mut parts, NUMBERING)? = numbering;
        // Relationship ids for the template's headers and footers, in a fixed order.
        let mut relationship_of = BTreeMap::new();
        for section in &template.sections {
            for part in section.references() {
                let next = format!("rIdTemplate{}", relationship_of.len() + 1);
                relationship_of.entry(part.to_owned()).or_insert(next);
            }
        }
        let document = root(&mut parts, DOCUMENT)?;
        template::place_sections(document, template, &relationship_of);
        template::rename_styles(document, &map);
        template::renumber(document, offset);
        template::carry_settings(root(&mut parts, SETTINGS)?, template);
        if let Some(font_table) = &template.font_table {
            *root(&mut parts, FONT_TABLE)? = font_table.clone();
        }
        if let Some(bytes) = &template.theme {
            theme = bytes.clone();
        }

        let relationships = root(&mut parts, DOCUMENT_RELATIONSHIPS)?;
        for (part, id) in &relationship_of {
            let kind = template
                .reference_kinds
                .get(part)
                .map(|kind| unescape(kind))
                .unwrap_or_default();
            relationships.children.push(Node::Element(
                Element::new("Relationship")
                    .with_attribute("Id", id)
                    .with_attribute("Type", &kind)
                    .with_attribute(
                        "Target",
                        &template::relative(DOCUMENT, &template::carried_name(part)),
                    ),
            ));
        }
        let types = root(&mut parts, CONTENT_TYPES)?;
        for (name, carried) in &template.parts {
            types.children.push(Node::Element(
                Element::new("Override")
                    .with_attribute("PartName", &format!("/{}", template::carried_name(name)))
                    .with_attribute("ContentType", &carried.content_type),
            ));
            added.insert(template::carried_name(name), carried.bytes.clone());
        }
        // The relationships of carried parts, and of the parts taken in place of ours.
        let placed = [
            (&template.numbering_part, NUMBERING),
            (&template.font_table_part, FONT_TABLE),
            (&template.theme_part, additions::THEME_PART),
        ];
        for (template_name, relationships) in &template.relationships {
            if relationships.is_empty() {
                continue;
            }
            let written = placed
                .iter()
                .find(|(name, _)| name.as_deref() == Some(template_name.as_str()))
                .map_or_else(
                    || template::carried_name(template_name),
                    |(_, ours)| (*ours).to_owned(),
                );
            added.insert(
                relationships_part(&written),
                Part::with_declaration(template::relationships_of(&written, relationships))
                    .to_bytes(),
            );
        }
    }
    additions::declare_theme(root(&mut parts, CONTENT_TYPES)?);
    additions::relate_theme(root(&mut parts, DOCUMENT_RELATIONSHIPS)?);

    let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(package.len() / 2)));
    // Fixed timestamps, so that the same document gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(&core.modified));
    for (name, content) in &entries {
        writer.start_file(name.as_str(), options)?;
        if name == "docProps/core.xml" {
            writer.write_all(&additions::core_properties(core).to_bytes())?;
        } else if let Some(part) = parts.get_mut(name) {
            if name.starts_with("word/") {
                schema::repair(&mut part.root);
            }
            writer.write_all(&part.to_bytes())?;
        } else {
            writer.write_all(content)?;
        }
    }
    writer.start_file(additions::THEME_PART, options)?;
    writer.write_all(&theme)?;
    for (name, content) in &added {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(content)?;
    }
    Ok((writer.finish()?.into_inner(), own_styles))
}

/// The root element of docx-rs's part `name`.
fn root<'a>(
    parts: &'a mut BTreeMap<String, Part>,
    name: &str,
) -> Result<&'a mut Element, DocxError> {
    parts
        .get_mut(name)
        .map(|part| &mut part.root)
        .ok_or_else(|| DocxError::Unexpected {
            part: name.to_owned(),
            problem: "is missing from docx-rs's package",
        })
}

/// `time` as a zip timestamp; zip cannot store dates before 1980 or after 2107.
fn zip_time(time: &chrono::DateTime<chrono::Utc>) -> zip::DateTime {
    let narrow = |value: u32| u8::try_from(value).unwrap_or(0);
    u16::try_from(time.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                narrow(time.month()),
                narrow(time.day()),
                narrow(time.hour()),
                narrow(time.minute()),
                narrow(time.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}
