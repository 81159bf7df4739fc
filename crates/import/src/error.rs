//! Why a file could not be read at all. A file that is read but not understood is no
//! error: what is not recognised is kept as free text (see `ImportNotice`).

/// A refusal, saying what was refused and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {size} bytes; at most {limit} bytes are read")]
    TooLarge { size: u64, limit: u64 },
    #[error("the text is not UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    /// The Word file's package: not a zip, too large, too many parts, a zip bomb.
    #[error(transparent)]
    Package(#[from] rapporteur_wordzip::PackageError),
    #[error("the Word file has no word/document.xml")]
    NoDocumentPart,
    #[error("word/document.xml declares a DOCTYPE, which a Word file never does (refused: entity expansion)")]
    Doctype,
    #[error("word/document.xml uses the undeclared entity &{name}; (refused)")]
    Entity { name: String },
    #[error("word/document.xml nests elements {depth} deep; at most {limit} are read")]
    TooDeep { depth: usize, limit: usize },
    #[error("word/document.xml is not well-formed XML at byte {position}: {message}")]
    Xml { position: u64, message: String },
    #[error("the file holds no text")]
    Empty,
    /// Text that does not read as a published report (`/etc/passwd`, a letter).
    #[error("the text does not read as a published report: after its title (\"{title}\") there is no numbered section heading (such as \"1. はじめに\"), no meeting facts and no Question")]
    NotAReport { title: String },
    /// What was read would not fit in a report file, which the library could then
    /// neither export nor take back: found while reading the Word file, before the
    /// text takes memory.
    #[error("the Word file holds {size} bytes or more of text and table cells, more than a report file holds ({limit} bytes, 16 MiB)")]
    TextTooLarge { size: u64, limit: u64 },
    /// The same, found on the imported report (or, before it is whole, on its parts).
    #[error("the imported report would take at least {size} bytes as a report file, more than a report file holds ({limit} bytes, 16 MiB)")]
    ReportTooLarge { size: u64, limit: u64 },
}
