//! The byline: each author's organization, department and position, one a line, then
//! the name with its reading (a line of kana above it, or ruby in a Word file).

use rapporteur_model::Author;

use crate::piece::{Paragraph, Role};

/// A line that can be a reading: kana and spaces only.
fn is_reading(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 2
        && line.chars().all(
            |c| matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | ' ' | '\u{3000}'),
        )
}

/// A line that can belong to a byline: short, not a sentence.
pub(crate) fn is_byline_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().count() <= 60 && !line.contains('。') && !line.contains('\t')
}

fn author(affiliation: &[String], name: &str, reading: Option<&str>) -> Author {
    let field = |line: Option<&String>| line.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
    let (organization, department, position) = match affiliation {
        [] => (None, None, None),
        [organization] => (field(Some(organization)), None, None),
        [organization, department] => (field(Some(organization)), field(Some(department)), None),
        [organization, middle @ .., position] => (
            field(Some(organization)),
            Some(
                middle
                    .iter()
                    .map(|l| l.trim())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            field(Some(position)),
        ),
    };
    Author {
        uid: Default::default(),
        name: name.trim().to_owned(),
        reading: reading
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
        organization,
        department,
        position,
    }
}

/// The authors of the byline's paragraphs, or `None` when they do not read as a byline.
pub(crate) fn read(paragraphs: &[&Paragraph]) -> Option<Vec<Author>> {
    if paragraphs
        .iter()
        .any(|p| matches!(p.role, Role::Author { .. }))
    {
        return Some(read_styled(paragraphs));
    }
    let lines: Vec<&String> = paragraphs.iter().flat_map(|p| &p.lines).collect();
    if lines.iter().any(|l| !is_byline_line(l)) {
        return None;
    }
    let mut authors = Vec::new();
    if lines.iter().any(|l| is_reading(l)) {
        let mut affiliation: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if is_reading(lines[i]) && i + 1 < lines.len() && !is_reading(lines[i + 1]) {
                authors.push(author(&affiliation, lines[i + 1], Some(lines[i])));
                affiliation.clear();
                i += 2;
            } else {
                affiliation.push(lines[i].clone());
                i += 1;
            }
        }
        if !affiliation.is_empty() {
            return None;
        }
    } else {
        for paragraph in paragraphs {
            let (name, affiliation) = paragraph.lines.split_last()?;
            authors.push(author(affiliation, name, None));
        }
    }
    Some(authors)
}

/// A Word file's byline: styled affiliation paragraphs, each before its author's name.
fn read_styled(paragraphs: &[&Paragraph]) -> Vec<Author> {
    let mut authors = Vec::new();
    let mut affiliation: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        match &paragraph.role {
            Role::Author { name, reading } => {
                authors.push(author(&affiliation, name, reading.as_deref()));
                affiliation.clear();
            }
            _ => affiliation.extend(paragraph.lines.iter().cloned()),
        }
    }
    authors
}
