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
mod xml;

use std::io::{Cursor, Read, Write};

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub(crate) use additions::CoreProperties;
use xml::Part;

use crate::DocxError;

/// The package docx-rs wrote (`package`), repaired and completed.
pub(crate) fn rewrite(package: &[u8], core: &CoreProperties) -> Result<Vec<u8>, DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(package.len() / 2)));
    // Fixed timestamps, so that the same document gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(&core.modified));
    let mut content = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        let name = entry.name().to_owned();
        if entry.is_dir() {
            writer.add_directory(name, options)?;
            continue;
        }
        content.clear();
        entry.read_to_end(&mut content)?;
        writer.start_file(name.as_str(), options)?;
        match rewrite_part(&name, &content, core)? {
            Some(rewritten) => writer.write_all(&rewritten)?,
            None => writer.write_all(&content)?,
        }
    }
    writer.start_file(additions::THEME_PART, options)?;
    writer.write_all(additions::THEME.as_bytes())?;
    Ok(writer.finish()?.into_inner())
}

const CONTENT_TYPES: &str = "[Content_Types].xml";
const DOCUMENT_RELATIONSHIPS: &str = "word/_rels/document.xml.rels";

/// The new content of part `name`, or `None` to keep it as it is.
fn rewrite_part(
    name: &str,
    content: &[u8],
    core: &CoreProperties,
) -> Result<Option<Vec<u8>>, DocxError> {
    if name == "docProps/core.xml" {
        return Ok(Some(additions::core_properties(core).to_bytes()));
    }
    let is_wordprocessing = name.starts_with("word/") && name.ends_with(".xml");
    if !is_wordprocessing && name != CONTENT_TYPES && name != DOCUMENT_RELATIONSHIPS {
        return Ok(None);
    }
    let unexpected = |problem| DocxError::Unexpected {
        part: name.to_owned(),
        problem,
    };
    let mut part = Part::parse(content).map_err(|error| error.in_part(name))?;
    let root = &mut part.root;
    match name {
        CONTENT_TYPES => additions::declare_theme(root),
        DOCUMENT_RELATIONSHIPS => additions::relate_theme(root),
        "word/document.xml" => {
            additions::join_ruby_runs(root).map_err(unexpected)?;
            additions::repeat_header_rows(root);
        }
        "word/styles.xml" => additions::complete_styles(root).map_err(unexpected)?,
        _ => {}
    }
    if is_wordprocessing {
        schema::repair(root);
    }
    Ok(Some(part.to_bytes()))
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
