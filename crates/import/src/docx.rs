//! A .docx read into paragraphs and tables: a small reader over `word/document.xml`,
//! bounded everywhere because the file may come from anywhere (zip bombs, entity
//! declarations, absurd nesting are refused with a typed error). The package's limits
//! are `rapporteur_wordzip`'s, which the Word export's template reader shares.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rapporteur_format::MAX_REPORT_FILE;
use rapporteur_wordzip::{Package, MAX_DEPTH};

use crate::error::ImportError;
use crate::piece::{Paragraph, Piece, Role};

pub(crate) use rapporteur_wordzip::{looks_like_zip, MAX_FILE};

const DOCUMENT: &str = "word/document.xml";

pub(crate) fn read_docx(bytes: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let xml = Package::open(bytes)?
        .read(DOCUMENT)?
        .ok_or(ImportError::NoDocumentPart)?;
    read_document(&xml)
}

/// A paragraph being read: its text, its style, and the ruby of an author's name.
#[derive(Default)]
struct OpenParagraph {
    text: String,
    style: Option<String>,
    numbered: bool,
    bases: Vec<String>,
    readings: Vec<String>,
}

/// Where text goes while reading.
#[derive(Default)]
struct State {
    /// The least the report file of what was read so far would take: its text, two
    /// bytes for each cell and row (a tab or line break, escaped) and 19 for each table
    /// (the shortest block, `{"type": "summary"}`). Kept so that a
    /// document too large to be a report is refused before it takes memory.
    size: u64,
    pieces: Vec<Piece>,
    paragraph: Option<OpenParagraph>,
    /// Rows of the outermost table being read; nested tables fold into its cells.
    table: Option<Vec<Vec<String>>>,
    table_depth: usize,
}

/// `word/document.xml` into pieces.
pub(crate) fn read_document(xml: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut state = State::default();
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| ImportError::Xml {
            position,
            message: e.to_string(),
        })?;
        match event {
            Event::Start(start) => {
                let name = local_name(&start);
                if stack.len() >= MAX_DEPTH {
                    return Err(ImportError::TooDeep {
                        depth: stack.len() + 1,
                        limit: MAX_DEPTH,
                    });
                }
                state.open(&name, &start, &stack);
                stack.push(name);
            }
            Event::Empty(start) => {
                let name = local_name(&start);
                state.open(&name, &start, &stack);
                state.close(&name, &stack);
            }
            Event::End(_) => {
                if let Some(name) = stack.pop() {
                    state.close(&name, &stack);
                }
            }
            Event::Text(text) => {
                let text = text.decode().map_err(|e| ImportError::Xml {
                    position,
                    message: e.to_string(),
                })?;
                state.text(&text, &stack);
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = reference.decode().unwrap_or_default().into_owned();
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(text) => text.to_owned(),
                            None => return Err(ImportError::Entity { name }),
                        }
                    }
                    Err(e) => {
                        return Err(ImportError::Xml {
                            position,
                            message: e.to_string(),
                        })
                    }
                };
                state.text(&resolved, &stack);
            }
            Event::CData(data) => {
                let text = String::from_utf8_lossy(&data).into_owned();
                state.text(&text, &stack);
            }
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
        if state.size > MAX_REPORT_FILE {
            return Err(ImportError::TextTooLarge {
                size: state.size,
                limit: MAX_REPORT_FILE,
            });
        }
    }
    Ok(state.pieces)
}

fn local_name(start: &BytesStart) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

fn attribute(start: &BytesStart, local: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

impl State {
    fn open(&mut self, name: &str, start: &BytesStart, stack: &[String]) {
        match name {
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.flush_paragraph();
                    self.table = Some(Vec::new());
                }
            }
            "tr" if self.table_depth == 1 => {
                self.size += 2;
                if let Some(rows) = &mut self.table {
                    rows.push(Vec::new());
                }
            }
            "tc" if self.table_depth == 1 => {
                self.size += 2;
                if let Some(row) = self.table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(String::new());
                }
            }
            "p" if self.table_depth == 0 => self.paragraph = Some(OpenParagraph::default()),
            "p" => {
                // A cell's second paragraph starts a new line in the cell.
                if let Some(cell) = self.cell() {
                    if !cell.is_empty() {
                        cell.push('\n');
                    }
                }
            }
            "pStyle" if in_paragraph_properties(stack) => {
                if let Some(paragraph) = &mut self.paragraph {
                    paragraph.style = attribute(start, "val");
                }
            }
            "numPr" if in_paragraph_properties(stack) => {
                if let Some(paragraph) = &mut self.paragraph {
                    paragraph.numbered = true;
                }
            }
            "br" | "cr" => self.push_text("\n", stack),
            "tab" if stack.last().is_some_and(|parent| parent == "r") => {
                self.push_text("\t", stack)
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str, _stack: &[String]) {
        match name {
            "tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    // A table is a block of the report at the least.
                    self.size += 19;
                    if let Some(rows) = self.table.take() {
                        self.pieces.push(Piece::Table(rows));
                    }
                }
            }
            "p" if self.table_depth == 0 => self.flush_paragraph(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str, stack: &[String]) {
        // Only the text of runs: w:t (and w:rt/w:rubyBase's runs); not deleted text,
        // field instructions or anything else.
        if stack.last().is_some_and(|name| name == "t") {
            self.push_text(text, stack);
        }
    }

    fn push_text(&mut self, text: &str, stack: &[String]) {
        self.size += text.len() as u64;
        if self.table_depth > 0 {
            if let Some(cell) = self.cell() {
                cell.push_str(text);
            }
            return;
        }
        let Some(paragraph) = &mut self.paragraph else {
            return;
        };
        if stack.iter().any(|name| name == "rt") {
            paragraph.readings.push(text.to_owned());
        } else if stack.iter().any(|name| name == "rubyBase") {
            paragraph.bases.push(text.to_owned());
        } else {
            paragraph.text.push_str(text);
        }
    }

    fn cell(&mut self) -> Option<&mut String> {
        self.table
            .as_mut()
            .and_then(|rows| rows.last_mut())
            .and_then(|row| row.last_mut())
    }

    fn flush_paragraph(&mut self) {
        let Some(open) = self.paragraph.take() else {
            return;
        };
        let style = open.style.as_deref().unwrap_or("");
        let role = match role_of(style, open.numbered) {
            _ if !open.bases.is_empty() => Role::Author {
                name: open.bases.join(" "),
                reading: (!open.readings.is_empty()).then(|| open.readings.join(" ")),
            },
            Role::Author { .. } => Role::Author {
                name: open.text.clone(),
                reading: None,
            },
            role => role,
        };
        let text = match &role {
            Role::Author { name, .. } => name.clone(),
            _ => open.text,
        };
        // An empty paragraph is nothing to the recogniser: not kept, so that a million
        // of them take no memory.
        if text.trim().is_empty() {
            return;
        }
        let lines = text.split('\n').map(str::to_owned).collect();
        self.pieces
            .push(Piece::Paragraph(Paragraph::new(text, lines, role)));
    }
}

fn in_paragraph_properties(stack: &[String]) -> bool {
    stack.last().is_some_and(|name| name == "pPr")
}

/// What a paragraph style (by id) says; Word's own ids and those of Rapporteur's export.
fn role_of(style: &str, numbered: bool) -> Role {
    let lower = style.to_ascii_lowercase();
    match lower.as_str() {
        "title" => Role::Title,
        "affiliation" => Role::Affiliation,
        "author" => Role::Author {
            name: String::new(),
            reading: None,
        },
        "caption" => Role::Caption,
        s if s.starts_with("heading") => Role::Heading,
        s if s.starts_with("listbullet") || s == "listparagraph" => Role::Bullet,
        _ if numbered => Role::Bullet,
        _ => Role::Unknown,
    }
}
