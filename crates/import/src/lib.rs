//! A published report — a Word file, or the plain text of one — read back into a
//! `Report`: the inverse of the generated sentences (`rapporteur-prose`), whose fixed
//! phrases it uses. Nothing is lost: what is not recognised is kept as paragraphs in
//! place, and an `ImportReport` says what was recognised, what was kept as free text and
//! which typos of fixed terms were read through.
//!
//! `docx` and `text` read the file into paragraphs and tables; `recognise` makes the
//! report of them.

mod docx;
mod error;
mod piece;
mod recognise;
mod summary;
mod text;

pub use error::ImportError;
pub use summary::{ImportReport, Part, Typo};

use rapporteur_model::Report;

/// The largest file read, whatever its kind.
pub const MAX_FILE: u64 = docx::MAX_FILE;

/// A report read from a published file, and the account of what was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub account: ImportReport,
}

/// What a file holds, told by its content rather than its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JSON: a report file (`NAME.report.json`), for `rapporteur-format` to read.
    ReportFile,
    /// A zip archive: a Word file.
    Docx,
    /// Anything else: the text of a published report.
    Text,
}

pub fn file_kind(bytes: &[u8]) -> FileKind {
    if docx::looks_like_zip(bytes) {
        return FileKind::Docx;
    }
    // A published report's text never opens with JSON's `{`, `[` or `"`.
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[' | b'"') => FileKind::ReportFile,
        _ => FileKind::Text,
    }
}

/// A Word file or plain text, told apart by content.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if file_kind(bytes) == FileKind::Docx {
        import_docx(bytes)
    } else {
        import_text(bytes)
    }
}

pub fn import_docx(bytes: &[u8]) -> Result<Imported, ImportError> {
    let pieces = docx::read_docx(bytes)?;
    finish(recognise::recognise(pieces, ImportReport::default())?)
}

/// UTF-8 text, as pdftotext or copy-paste gives it.
pub fn import_text(bytes: &[u8]) -> Result<Imported, ImportError> {
    let read = text::read_text(bytes)?;
    let account = ImportReport {
        dropped: read.dropped,
        ..ImportReport::default()
    };
    finish(recognise::recognise(read.pieces, account)?)
}

fn finish((report, account): (Report, ImportReport)) -> Result<Imported, ImportError> {
    Ok(Imported { report, account })
}

/// The fuzz entry point: any bytes through both readers. It must return, never panic;
/// whatever it reads must be a valid report file that reads back the same, and print.
/// `make fuzz` drives it with generated and mutated inputs.
pub fn fuzz_one(bytes: &[u8]) {
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
