//! The generated report (`rapporteur_prose::Document`) as a journal-ready Word file.
//!
//! docx-rs builds the document (`build`, with the look in `styles`); `package` then
//! repairs and completes the zip package docx-rs wrote, so that the file is valid
//! against the OOXML schema and carries what docx-rs cannot write (ruby, repeating
//! table headers, languages, core properties). User text is cleaned first (`text`).

mod build;
mod package;
mod styles;
mod text;

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

/// The bytes of a .docx file for `doc`.
pub fn write_docx(doc: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let mut package = Cursor::new(Vec::new());
    build::build(doc).pack(&mut package)?;
    let title = text::clean(&doc.title);
    let creator = doc
        .authors
        .iter()
        .map(|author| text::clean(author.name.trim()))
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    package::rewrite(
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
    )
}
