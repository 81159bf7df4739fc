//! A published report — a Word file, or the plain text of one — read back into a
//! `Report`: the inverse of the generated sentences (`rapporteur-prose`), whose fixed
//! phrases it uses. Nothing is lost: what is not recognised is kept as paragraphs in
//! place, and an `ImportNotice` says what was recognised, what was kept as free text and
//! which typos of fixed terms were read through.
//!
//! `docx` and `text` read the file into paragraphs and tables; `recognise` makes the
//! report of them.

mod docx;
mod error;
mod notice;
mod piece;
mod recognise;
mod text;
mod words;

pub use error::ImportError;
pub use notice::{ImportNotice, ImportedPart, Typo};
pub use words::{dictionary_found, HyphenReading, Known};

use rapporteur_model::Report;

/// The largest file read, whatever its kind.
pub const MAX_FILE: u64 = docx::MAX_FILE;

/// A report read from a published file, and its import notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub notice: ImportNotice,
}

/// What a file holds, told by its content rather than its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JSON, or what tries to be (a comment first): a report file, for
    /// `rapporteur-format` to read or refuse with its own error.
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
    // A byte-order mark and white space say nothing of what follows.
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = start.trim_ascii_start();
    // A published report's text never opens with JSON's `{`, `[` or `"`, nor with a
    // comment of the kind editors allow in JSON; and a whole text that is JSON (`null`,
    // `12`) is JSON, not a report's text.
    let json_start = [&b"{"[..], b"[", b"\"", b"//", b"/*"]
        .iter()
        .any(|opening| start.starts_with(opening));
    if json_start || serde_json::from_slice::<serde::de::IgnoredAny>(start).is_ok() {
        FileKind::ReportFile
    } else {
        FileKind::Text
    }
}

/// A Word file or plain text, told apart by content.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, &Known::default())
}

/// `import`, with the words the library knows (its registry's titles) as evidence for
/// the hyphens at line ends.
pub fn import_with(bytes: &[u8], known: &Known) -> Result<Imported, ImportError> {
    if file_kind(bytes) == FileKind::Docx {
        import_docx(bytes)
    } else {
        import_text_with(bytes, known)
    }
}

pub fn import_docx(bytes: &[u8]) -> Result<Imported, ImportError> {
    let pieces = docx::read_docx(bytes)?;
    finish(recognise::recognise(pieces, ImportNotice::default())?)
}

/// UTF-8 text, as pdftotext or copy-paste gives it. Text holds no styles to say what it
/// is, so it must read as a report: a title, and after it at least a numbered section
/// heading, the meeting's facts or a Question.
pub fn import_text(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_text_with(bytes, &Known::default())
}

pub fn import_text_with(bytes: &[u8], known: &Known) -> Result<Imported, ImportError> {
    let read = text::read_text(bytes, known)?;
    let notice = ImportNotice {
        dropped: read.dropped,
        hyphens: read.hyphens,
        ..ImportNotice::default()
    };
    let (report, notice) = recognise::recognise(read.pieces, notice)?;
    if !recognise::has_a_report_part(&report) {
        return Err(ImportError::NotAReport {
            title: notice::excerpt(&report.title),
        });
    }
    finish((report, notice))
}

/// The imported report, unless its report file would be larger than a report file may
/// be: what the library holds, it must be able to export and take back.
fn finish((report, notice): (Report, ImportNotice)) -> Result<Imported, ImportError> {
    let size = rapporteur_format::write_report(&report).len() as u64;
    if size > rapporteur_format::MAX_REPORT_FILE {
        return Err(ImportError::ReportTooLarge {
            size,
            limit: rapporteur_format::MAX_REPORT_FILE,
        });
    }
    Ok(Imported { report, notice })
}

/// What a file given to the CLI or the app is read as: a report, and for a published
/// report its import notice.
pub type ReadFile = (Report, Option<ImportNotice>);

/// Why a file could not be read, naming it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not read, or a report file refused by the file format.
    #[error(transparent)]
    File(#[from] rapporteur_format::FileError),
    #[error("{}: {source}", path.display())]
    Import {
        path: std::path::PathBuf,
        source: ImportError,
    },
}

/// The one way the CLI and the app read a file they are given: a regular file only, of
/// bounded size, read as what its content says it is (a report file, a Word file or the
/// text of a published report), never by its name.
pub fn read_path(path: &std::path::Path) -> Result<ReadFile, ReadError> {
    read_path_with(path, &Known::default())
}

/// `read_path`, with the words the library knows as evidence for line-end hyphens.
pub fn read_path_with(path: &std::path::Path, known: &Known) -> Result<ReadFile, ReadError> {
    use rapporteur_format::FileError;
    let limit = MAX_FILE.max(rapporteur_format::MAX_REPORT_FILE);
    let bytes = rapporteur_format::read_file(path, limit)?;
    if file_kind(&bytes) == FileKind::ReportFile {
        if bytes.len() as u64 > rapporteur_format::MAX_REPORT_FILE {
            return Err(FileError::TooLarge {
                path: path.to_owned(),
                limit: rapporteur_format::MAX_REPORT_FILE,
            }
            .into());
        }
        let text = String::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
            path: path.to_owned(),
            byte: e.utf8_error().valid_up_to(),
        })?;
        let report = rapporteur_format::read_report(&text).map_err(|source| FileError::Format {
            path: path.to_owned(),
            source,
        })?;
        return Ok((report, None));
    }
    let imported = import_with(&bytes, known).map_err(|source| ReadError::Import {
        path: path.to_owned(),
        source,
    })?;
    Ok((imported.report, Some(imported.notice)))
}
