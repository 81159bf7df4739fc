//! The import notice: what the import recognised, what it kept as free text and where,
//! and which typos of fixed terms it read through, shown to the user after an import (the
//! app's notice over the imported report, the CLI's lines under its id).

use serde::Serialize;
use specta::Type;

/// One place in the imported report, by its JSON path, and what was found there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportedPart {
    pub path: String,
    pub what: String,
}

/// A fixed term misspelt in the file, read as the term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Typo {
    pub path: String,
    pub found: String,
    pub term: String,
}

/// What one import read, as the import notice shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Type)]
pub struct ImportNotice {
    /// Parts turned into data (title, authors, meeting facts, Questions, tables …).
    pub recognised: Vec<ImportedPart>,
    /// Paragraphs kept as they are, in place.
    pub free_text: Vec<ImportedPart>,
    /// Recognised parts whose wording differs from the generated sentences: their data
    /// was read, and their text kept as written so that nothing changes on export.
    pub kept_as_written: Vec<ImportedPart>,
    pub typos: Vec<Typo>,
    /// Page numbers and running headers of a text extracted from a PDF, left out.
    pub dropped: Vec<String>,
    /// Hyphens at line ends that neither the library, the document nor the dictionary
    /// decided: how each was read, and the other reading.
    pub hyphens: Vec<crate::words::HyphenReading>,
}

impl ImportNotice {
    pub(crate) fn recognised(&mut self, path: &str, what: impl Into<String>) {
        self.recognised.push(ImportedPart {
            path: path.to_owned(),
            what: what.into(),
        });
    }

    pub(crate) fn free_text(&mut self, path: &str, text: &str) {
        self.free_text.push(ImportedPart {
            path: path.to_owned(),
            what: excerpt(text),
        });
    }

    pub(crate) fn kept_as_written(&mut self, path: &str, what: impl Into<String>) {
        self.kept_as_written.push(ImportedPart {
            path: path.to_owned(),
            what: what.into(),
        });
    }

    /// One line per kind, for the CLI and the app's notice.
    pub fn counts(&self) -> String {
        format!(
            "{} recognised, {} kept as free text, {} kept as written, {} typos read through",
            self.recognised.len(),
            self.free_text.len(),
            self.kept_as_written.len(),
            self.typos.len()
        )
    }
}

/// The first 40 characters of `text`, on one line.
pub(crate) fn excerpt(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = line.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
