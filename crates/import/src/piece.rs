//! What the readers hand the recogniser: the document as paragraphs and tables, in order,
//! with what the Word file's styles say about each paragraph (plain text says nothing).

/// One part of the document as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Paragraph(Paragraph),
    /// Rows of cells; `\n` in a cell is a line break.
    Table(Vec<Vec<String>>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paragraph {
    /// The text, with `\n` where the file had a line break that belongs to the text.
    pub text: String,
    /// The lines as the file had them (a byline's fields are one a line).
    pub lines: Vec<String>,
    pub role: Role,
}

/// What a Word style says a paragraph is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    /// Plain text, or a style that says nothing.
    Unknown,
    Title,
    Affiliation,
    /// An author's name, with its reading when the file has it as ruby.
    Author {
        name: String,
        reading: Option<String>,
    },
    Heading,
    Bullet,
    Caption,
}

impl Paragraph {
    pub(crate) fn new(text: String, lines: Vec<String>, role: Role) -> Paragraph {
        Paragraph { text, lines, role }
    }
}
