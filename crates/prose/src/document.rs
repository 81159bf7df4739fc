//! The generated report as a document tree: what the DOCX writer, the plain-text export
//! and the preview all render, so that they cannot disagree.

use rapporteur_model::{Author, Language, Preset};
use serde::Serialize;
use specta::Type;

/// The whole report, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Document {
    pub title: String,
    /// In byline order.
    pub authors: Vec<Author>,
    pub language: Language,
    pub preset: Preset,
    /// The first day of the meeting, for the document's properties.
    pub meeting_start: Option<chrono::NaiveDate>,
    pub body: Vec<Node>,
}

/// The document as the editor's preview shows it: with where each node comes from, so
/// that the preview follows the part being edited and opens the part of a node clicked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Preview {
    pub document: Document,
    /// One per node of the document's body.
    pub origins: Vec<Origin>,
}

/// The part of the report a node of the body is printed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Origin {
    /// The section's place: the index of each section from the top (`[2, 0]` for 3.1).
    pub section: Vec<u32>,
    /// The block's index in the section; none for the heading and the Working Party's
    /// sentence, which are the section's own.
    pub block: Option<u32>,
}

/// One part of the body, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    Heading(Heading),
    /// A paragraph; `\n` inside is a line break.
    Paragraph {
        text: String,
    },
    /// One bulleted paragraph: a Question's results, or one item of a bullet list.
    /// `marker` is the preset's bullet character (`●`, `◦`).
    Bullet {
        marker: char,
        text: String,
    },
    Table(Table),
}

/// A numbered heading: `number` and `text` are kept apart so that a writer can style
/// them, and `line()` joins them the way the preset prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Heading {
    /// 1 for `1. はじめに`, 2 for `2.1 …`, and so on.
    pub level: u8,
    /// `1.`, `2.1`, `1．` …
    pub number: String,
    /// What stands between number and text: a space, an ideographic space, or nothing.
    pub separator: &'static str,
    pub text: String,
}

impl Heading {
    pub fn line(&self) -> String {
        format!("{}{}{}", self.number, self.separator, self.text)
    }
}

/// A schedule table with its caption (`■表1. 今後のプレナリ会合の予定`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    /// Each row has as many cells as the header; `\n` in a cell is a line break.
    pub rows: Vec<Vec<String>>,
}
