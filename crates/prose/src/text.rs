//! The document as plain text (`rapporteur-cli export --format text`): paragraphs
//! separated by blank lines, bullets with their marker, tables as tab-separated rows.

use crate::{Document, Node};

pub fn render_text(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&doc.title);
    out.push_str("\n\n");
    for author in &doc.authors {
        let lines = [
            &author.organization,
            &author.department,
            &author.position,
            &author.reading,
        ];
        for line in lines.into_iter().flatten().filter(|l| !l.is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&author.name);
        out.push_str("\n\n");
    }
    for node in &doc.body {
        match node {
            Node::Heading(heading) => out.push_str(&heading.line()),
            Node::Paragraph { text } => out.push_str(text),
            Node::Bullet { marker, text } => {
                out.push(*marker);
                out.push_str(text);
            }
            Node::Table(table) => {
                out.push_str(&table.caption);
                out.push_str("\n\n");
                let lines: Vec<String> = std::iter::once(&table.header)
                    .chain(&table.rows)
                    // A line break inside a cell becomes a space: one row, one line.
                    .map(|row| {
                        row.iter()
                            .map(|cell| cell.replace('\n', " "))
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect();
                out.push_str(&lines.join("\n"));
            }
        }
        out.push_str("\n\n");
    }
    out
}
