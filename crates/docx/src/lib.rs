//! The generated report (`rapporteur_prose::Document`) as a journal-ready Word file.
//!
//! docx-rs builds the document (`build`, with the look in `styles`); `package` then
//! repairs and completes the zip package docx-rs wrote, so that the file is valid
//! against the OOXML schema and carries what docx-rs cannot write (ruby, repeating
//! table headers, languages, core properties). User text is cleaned first (`text`).
//! A journal's Word template (`template`), when given, lends the file its styles, page
//! setup, headers and footers; the text stays the report's.

mod build;
mod look;
mod package;
mod styles;
mod template;
mod text;

pub use look::{PageLook, TemplateLook, TextLook};
pub use template::{Template, TemplateError};

use std::io::Cursor;

use chrono::{DateTime, Utc};
use rapporteur_model::Language;
use rapporteur_prose::Document;

/// What the document itself does not say; explicit so that the output is reproducible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

/// Why no file could be written. Every variant is a fault of this crate or of docx-rs,
/// never of the document: any text a user can type is written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not repackage the document: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not repackage the document: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not read {part} as docx-rs wrote it: {source}")]
    Xml {
        part: String,
        #[source]
        source: quick_xml::Error,
    },
    #[error("{part} as docx-rs wrote it {problem}")]
    Unexpected { part: String, problem: &'static str },
}

/// A Word file written with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    /// The styles the document uses that the template lacks, in the names Word shows
    /// (Rapporteur's own were used for them).
    pub own_styles: Vec<&'static str>,
}

/// The bytes of a .docx file for `doc`, in Rapporteur's own style.
pub fn write_docx(doc: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    Ok(write(doc, options, None)?.bytes)
}

/// The .docx file for `doc` in the journal's `template`.
pub fn write_docx_with_template(
    doc: &Document,
    options: &DocxOptions,
    template: &Template,
) -> Result<Exported, DocxError> {
    write(doc, options, Some(template))
}

fn write(
    doc: &Document,
    options: &DocxOptions,
    template: Option<&Template>,
) -> Result<Exported, DocxError> {
    let layout = match template {
        Some(template) => build::Layout {
            text_width: template.body_column_width().unwrap_or(styles::TEXT_WIDTH),
            page_footer: !template.has_headers_or_footers(),
        },
        None => build::Layout::default(),
    };
    let mut package = Cursor::new(Vec::new());
    build::build(doc, layout).pack(&mut package)?;
    let title = text::clean(&doc.title);
    let creator = doc
        .authors
        .iter()
        .map(|author| text::clean(author.name.trim()))
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let (bytes, own_styles) = package::rewrite(
        package.get_ref(),
        &package::CoreProperties {
            title: &title,
            creator: &creator,
            language: match doc.language {
                Language::Ja => "ja-JP",
                Language::En => "en-US",
            },
            created: options.created,
            modified: options.modified,
        },
        template,
    )?;
    Ok(Exported { bytes, own_styles })
}
