//! The document tree as a docx-rs document: title, byline, body and page footer.
//!
//! What docx-rs cannot express is left to the package layer (`package`), marked where it
//! must go: an author's name and reading are written as two marked runs that the layer
//! turns into one `w:ruby`.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, PageNum, Paragraph, Run, Shading, ShdType, Table,
    TableCell, TableRow, WidthType,
};
use rapporteur_model::Author;
use rapporteur_prose::{Document, Node};

use crate::styles::{self, BulletLists};
use crate::text;

/// Character style ids that mark the two runs of a ruby for the package layer, which
/// removes them. Never written to the styles part: no user text can produce them. Both
/// runs carry their size, from which the layer derives the ruby's metrics.
pub(crate) const RUBY_TEXT_MARK: &str = "RapporteurRubyText";
pub(crate) const RUBY_BASE_MARK: &str = "RapporteurRubyBase";

/// What the page gives the body: the width tables fill, and whether the document has a
/// page-number footer of its own (not when a template brings its headers and footers).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub(crate) text_width: u32,
    pub(crate) page_footer: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            text_width: styles::TEXT_WIDTH,
            page_footer: true,
        }
    }
}

/// The docx-rs document for `doc`, with the styles, numbering and page set up.
pub(crate) fn build(doc: &Document, layout: Layout) -> Docx {
    let bullets = BulletLists::new(&doc.body);
    let docx = styles::styles()
        .into_iter()
        .fold(styles::apply_defaults(Docx::new()), Docx::add_style);
    let docx = bullets
        .apply(docx)
        .page_size(styles::PAGE_WIDTH, styles::PAGE_HEIGHT)
        .page_margin(styles::page_margin());
    let docx = if layout.page_footer {
        docx.footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
    } else {
        docx
    };
    let docx = docx.add_paragraph(lines_paragraph(&doc.title).style(styles::TITLE));
    let docx = doc.authors.iter().fold(docx, |docx, author| {
        byline(author).into_iter().fold(docx, Docx::add_paragraph)
    });
    doc.body
        .iter()
        .enumerate()
        .fold(docx, |docx, (index, node)| match node {
            Node::Heading(heading) => {
                let level = usize::from(heading.level.clamp(1, 3)) - 1;
                docx.add_paragraph(lines_paragraph(&heading.line()).style(styles::HEADINGS[level]))
            }
            Node::Paragraph { text } => {
                docx.add_paragraph(lines_paragraph(text).style(styles::BODY_TEXT))
            }
            Node::Bullet { text, .. } => {
                let (id, level) = bullets.numbering_of(index);
                docx.add_paragraph(
                    lines_paragraph(text)
                        .style(styles::LIST_BULLET)
                        .numbering(id, level),
                )
            }
            Node::Table(table) => {
                let caption = lines_paragraph(&table.caption).style(styles::CAPTION);
                match schedule_table(table, layout.text_width) {
                    Some(grid) => docx.add_paragraph(caption).add_table(grid),
                    // A table without a single cell is no table (and Word balks at one).
                    None => docx.add_paragraph(caption),
                }
            }
        })
}

/// A paragraph of `text` in one run, each `\n` a line break.
fn lines_paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(lines_run(text))
}

fn lines_run(text: &str) -> Run {
    let mut run = Run::new();
    for (index, line) in text::lines(text).into_iter().enumerate() {
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// One author's block, right-aligned as journals print it: organization, department and
/// position on separate lines, then the name with its reading above it.
fn byline(author: &Author) -> Vec<Paragraph> {
    let affiliation: Vec<&str> = [&author.organization, &author.department, &author.position]
        .into_iter()
        .filter_map(|part| part.as_deref())
        .filter(|part| !part.trim().is_empty())
        .collect();
    let name = name_paragraph(&author.name, author.reading.as_deref());
    if affiliation.is_empty() {
        vec![name]
    } else {
        vec![
            lines_paragraph(&affiliation.join("\n")).style(styles::AFFILIATION),
            name,
        ]
    }
}

/// The name in style Author. With a reading, each part of the name (family, given) gets
/// its own reading when both split into as many parts at spaces; otherwise the whole
/// reading spans the whole name. Parts of a Japanese name are set apart by a full-width
/// space, as journals print them; those of a Latin name by a space.
fn name_paragraph(name: &str, reading: Option<&str>) -> Paragraph {
    let paragraph = Paragraph::new().style(styles::AUTHOR);
    let (name, reading) = (text::clean(name), reading.map(text::clean));
    let Some(reading) = reading.filter(|r| !r.trim().is_empty()) else {
        return paragraph.add_run(lines_run(&name));
    };
    let name_parts: Vec<&str> = name.split_whitespace().collect();
    let reading_parts: Vec<&str> = reading.split_whitespace().collect();
    let separator = if name.is_ascii() { " " } else { "\u{3000}" };
    let pairs: Vec<(&str, &str)> =
        if name_parts.len() > 1 && name_parts.len() == reading_parts.len() {
            name_parts.into_iter().zip(reading_parts).collect()
        } else {
            vec![(name.trim(), reading.trim())]
        };
    pairs
        .into_iter()
        .enumerate()
        .fold(paragraph, |paragraph, (index, (base, reading))| {
            let paragraph = if index > 0 {
                paragraph.add_run(Run::new().add_text(separator))
            } else {
                paragraph
            };
            paragraph
                .add_run(
                    Run::new()
                        .style(RUBY_TEXT_MARK)
                        .size(styles::READING_SIZE)
                        .add_text(reading),
                )
                .add_run(
                    Run::new()
                        .style(RUBY_BASE_MARK)
                        .size(styles::AUTHOR_SIZE)
                        .add_text(base),
                )
        })
}

/// Column widths in twips: the schedule's four columns (meeting, period, venue, content)
/// get 28/26/16/30 % of the text width; any other table shares it evenly. `columns` > 0.
fn column_widths(columns: usize, text_width: u32) -> Vec<usize> {
    let width = text_width as usize;
    if columns == 4 {
        [28, 26, 16, 30]
            .iter()
            .map(|pct| width * pct / 100)
            .collect()
    } else {
        vec![width / columns; columns]
    }
}

/// A bordered table in style Table Grid whose first row is the shaded, bold header. The
/// package layer marks that row to repeat on every page (`w:tblHeader`). `None` for a
/// table without a single cell.
fn schedule_table(table: &rapporteur_prose::Table, text_width: u32) -> Option<Table> {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.header.len()])
        .max()
        .filter(|&columns| columns > 0)?;
    let widths = column_widths(columns, text_width);
    // Rows never break across pages: a schedule entry stays readable in one piece.
    let row = |cells: &[String], header: bool| {
        TableRow::new(
            widths
                .iter()
                .enumerate()
                .map(|(index, &width)| {
                    let text = cells.get(index).map(String::as_str).unwrap_or("");
                    let run = lines_run(text);
                    let cell = TableCell::new().width(width, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style(styles::TABLE_TEXT)
                            .add_run(if header { run.bold() } else { run }),
                    );
                    if header {
                        cell.shading(
                            Shading::new()
                                .shd_type(ShdType::Clear)
                                .color("auto")
                                .fill(styles::HEADER_FILL),
                        )
                    } else {
                        cell
                    }
                })
                .collect(),
        )
        .cant_split()
    };
    let rows = std::iter::once(row(&table.header, true))
        .chain(table.rows.iter().map(|cells| row(cells, false)))
        .collect();
    Some(
        Table::without_borders(rows)
            .style(styles::TABLE_GRID)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa),
    )
}
