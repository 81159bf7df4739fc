//! The look of the exported report: page, fonts, named styles and bullet numbering.
//!
//! Everything a journal editor may want to restyle lives in named styles (Word's built-in
//! ids and names where Word has one, so its navigation pane, table of contents and style
//! gallery recognise them); the body builder only picks styles and never formats text
//! directly, except the header row of a table and the sizes of the runs that become
//! ruby (which the package layer reads).

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, IndentLevel, Level, LevelJc, LevelOverride,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, RunFonts,
    SpecialIndentType, Start, Style, StyleType, TableBorder, TableBorderPosition, TableBorders,
    TableCellMargins, WidthType,
};
use rapporteur_prose::Node;

/// Twentieths of a point (twips) in `mm` millimetres, rounded as Word rounds A4 (11906 ×
/// 16838).
const fn mm(mm: u32) -> u32 {
    (mm * 14400 + 127) / 254
}

/// A4 portrait.
pub(crate) const PAGE_WIDTH: u32 = mm(210);
pub(crate) const PAGE_HEIGHT: u32 = mm(297);
const MARGIN_TOP_BOTTOM: u32 = mm(25);
const MARGIN_LEFT_RIGHT: u32 = mm(20);
const FOOTER_DISTANCE: u32 = mm(12);
/// The width of the text column, which tables fill.
pub(crate) const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN_LEFT_RIGHT;

pub(crate) fn page_margin() -> PageMargin {
    let (vertical, horizontal) = (MARGIN_TOP_BOTTOM as i32, MARGIN_LEFT_RIGHT as i32);
    PageMargin::new()
        .top(vertical)
        .bottom(vertical)
        .left(horizontal)
        .right(horizontal)
        .header(FOOTER_DISTANCE as i32)
        .footer(FOOTER_DISTANCE as i32)
        .gutter(0)
}

/// Running text: a Mincho face for Japanese beside a Latin serif, as journals set it.
fn mincho() -> RunFonts {
    RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .east_asia("MS Mincho")
        .cs("Times New Roman")
}

fn bullet_font() -> RunFonts {
    RunFonts::new()
        .ascii("MS Mincho")
        .hi_ansi("MS Mincho")
        .east_asia("MS Mincho")
        .hint("eastAsia")
}

/// Title, headings and captions: Gothic beside a Latin sans serif.
fn gothic() -> RunFonts {
    RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("MS Gothic")
        .cs("Arial")
}

/// Font sizes in half points (Word's unit for `w:sz`).
pub(crate) const BODY_SIZE: usize = 21;
const TITLE_SIZE: usize = 32;
pub(crate) const AUTHOR_SIZE: usize = 24;
/// Furigana over an author's name: half the name's size, as Word sets ruby.
pub(crate) const READING_SIZE: usize = AUTHOR_SIZE / 2;
const AFFILIATION_SIZE: usize = 18;
const TABLE_SIZE: usize = 18;
/// Headings 1, 2 and 3.
const HEADING_SIZES: [usize; 3] = [24, 22, 21];

/// Paragraph style ids: Word's built-in ones, then the byline's and table cells' own.
pub(crate) const TITLE: &str = "Title";
pub(crate) const BODY_TEXT: &str = "BodyText";
pub(crate) const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub(crate) const LIST_BULLET: &str = "ListBullet";
pub(crate) const CAPTION: &str = "Caption";
pub(crate) const TABLE_GRID: &str = "TableGrid";
pub(crate) const AFFILIATION: &str = "Affiliation";
pub(crate) const AUTHOR: &str = "Author";
pub(crate) const TABLE_TEXT: &str = "TableText";
/// The header row's shading.
pub(crate) const HEADER_FILL: &str = "D9D9D9";

/// A style the report may use, as a template is searched for it.
pub(crate) struct Role {
    /// Our style id (Word's English id for a built-in style).
    pub(crate) id: &'static str,
    /// `w:type`: "paragraph" or "table".
    pub(crate) kind: &'static str,
    /// Word's name of the built-in style (its identity in every language), if built in.
    pub(crate) builtin: Option<&'static str>,
    /// The name users see in Word's English style gallery.
    pub(crate) label: &'static str,
}

const fn role(id: &'static str, builtin: Option<&'static str>, label: &'static str) -> Role {
    Role {
        id,
        kind: "paragraph",
        builtin,
        label,
    }
}

/// Every style the report may use, `Normal` first (the others are based on it).
pub(crate) const ROLES: [Role; 12] = [
    role("Normal", Some("Normal"), "Normal"),
    role(TITLE, Some("Title"), "Title"),
    role(HEADINGS[0], Some("heading 1"), "Heading 1"),
    role(HEADINGS[1], Some("heading 2"), "Heading 2"),
    role(HEADINGS[2], Some("heading 3"), "Heading 3"),
    role(BODY_TEXT, Some("Body Text"), "Body Text"),
    role(LIST_BULLET, Some("List Bullet"), "List Bullet"),
    role(CAPTION, Some("caption"), "Caption"),
    Role {
        id: TABLE_GRID,
        kind: "table",
        builtin: Some("Table Grid"),
        label: "Table Grid",
    },
    role(AFFILIATION, None, "Affiliation"),
    role(AUTHOR, None, "Author"),
    role(TABLE_TEXT, None, "Table Text"),
];

/// Body text defaults: fonts, size, single spacing and no space after paragraphs. The
/// languages (`w:lang`) are added by the package layer: docx-rs cannot write them.
pub(crate) fn apply_defaults(docx: docx_rs::Docx) -> docx_rs::Docx {
    docx.default_fonts(mincho())
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().after(0))
}

/// Every style the document uses. docx-rs writes an empty `Normal` of its own first; the
/// package layer keeps this one in its place.
pub(crate) fn styles() -> Vec<Style> {
    // Ragged right, not justified: a line that ends before a long English title (which
    // cannot break) would otherwise have its Japanese characters spread apart.
    let normal = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .align(AlignmentType::Left);
    let title = paragraph_style(TITLE, "Title")
        .next(BODY_TEXT)
        .fonts(gothic())
        .size(TITLE_SIZE)
        .bold()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(240).after(360));
    let headings = HEADINGS
        .iter()
        .zip(HEADING_SIZES)
        .enumerate()
        .map(|(level, (id, size))| {
            paragraph_style(id, &format!("heading {}", level + 1))
                .next(BODY_TEXT)
                .fonts(gothic())
                .size(size)
                .bold()
                .align(AlignmentType::Left)
                .outline_lvl(level)
                .keep_with_next()
                .line_spacing(
                    LineSpacing::new()
                        .before(if level == 0 { 300 } else { 180 })
                        .after(60),
                )
        });
    // Japanese journals indent the first line of a paragraph by one character instead
    // of spacing paragraphs apart. Kept out of Normal, so that styles based on it (list
    // items, captions, table text) need not undo it.
    let body_text = paragraph_style(BODY_TEXT, "Body Text")
        // One full-width character of body text: half points × 10 = twips.
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(BODY_SIZE as i32 * 10)),
            None,
            None,
        )
        .first_line_chars(100);
    let list_bullet = paragraph_style(LIST_BULLET, "List Bullet");
    // A caption stands above its table and stays on the same page.
    let caption = paragraph_style(CAPTION, "caption")
        .next(BODY_TEXT)
        .keep_with_next()
        .fonts(gothic())
        .bold()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(180).after(60));
    let affiliation = paragraph_style(AFFILIATION, "Affiliation")
        .size(AFFILIATION_SIZE)
        .align(AlignmentType::Right)
        .line_spacing(LineSpacing::new().before(120));
    let author = paragraph_style(AUTHOR, "Author")
        .size(AUTHOR_SIZE)
        .align(AlignmentType::Right)
        .line_spacing(LineSpacing::new().after(120));
    let table_text = paragraph_style(TABLE_TEXT, "Table Text")
        .size(TABLE_SIZE)
        .align(AlignmentType::Left);

    [normal, title]
        .into_iter()
        .chain(headings)
        .chain([
            body_text,
            list_bullet,
            caption,
            affiliation,
            author,
            table_text,
            table_grid(),
        ])
        .collect()
}

fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
}

/// docx-rs's `Style` has no builder method for "keep with next".
trait KeepWithNext {
    fn keep_with_next(self) -> Self;
}

impl KeepWithNext for Style {
    fn keep_with_next(mut self) -> Self {
        self.paragraph_property = self.paragraph_property.keep_next(true);
        self
    }
}

/// Word's "Table Grid": thin black borders all round and between cells.
fn table_grid() -> Style {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("000000")
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |borders, position| {
        borders.set(border(position))
    });
    Style::new(TABLE_GRID, StyleType::Table)
        .name("Table Grid")
        .set_borders(borders)
        .margins(
            TableCellMargins::new()
                .margin_left(108, WidthType::Dxa)
                .margin_right(108, WidthType::Dxa),
        )
}

/// The first numbering id free for ours: docx-rs always writes abstract numbering 1 and
/// numbering instance 1 (a decimal list) itself.
const FIRST_NUMBERING_ID: usize = 2;
/// Where the text of a bulleted paragraph starts, and how far the bullet hangs left of it.
const BULLET_INDENT: i32 = 420;

/// The bullet lists of a document as Word numbering: one abstract numbering per bullet
/// character (in the order the characters first appear), and one numbering instance per
/// list and character, restarting at its start, so that a list that a template numbers
/// starts again at 1 after a heading or a paragraph. A list is a run of bullet nodes.
pub(crate) struct BulletLists {
    markers: Vec<char>,
    /// (list, marker) of each numbering instance, in order of first use.
    instances: Vec<(usize, char)>,
    /// For each body node that is a bullet, the index of its instance.
    of_node: Vec<Option<usize>>,
}

impl BulletLists {
    pub(crate) fn new(body: &[Node]) -> Self {
        let (mut markers, mut instances, mut of_node) = (Vec::new(), Vec::new(), Vec::new());
        let mut list = 0;
        let mut in_list = false;
        for node in body {
            let Node::Bullet { marker, .. } = node else {
                if in_list {
                    list += 1;
                }
                in_list = false;
                of_node.push(None);
                continue;
            };
            in_list = true;
            if !markers.contains(marker) {
                markers.push(*marker);
            }
            let instance = instances
                .iter()
                .position(|&known| known == (list, *marker))
                .unwrap_or_else(|| {
                    instances.push((list, *marker));
                    instances.len() - 1
                });
            of_node.push(Some(instance));
        }
        BulletLists {
            markers,
            instances,
            of_node,
        }
    }

    /// The numbering instance of body node `index`, a bullet.
    pub(crate) fn numbering_of(&self, index: usize) -> (NumberingId, IndentLevel) {
        let instance = self.of_node[index].expect("BulletLists::new saw every bullet node");
        (
            NumberingId::new(FIRST_NUMBERING_ID + instance),
            IndentLevel::new(0),
        )
    }

    /// The numbering definitions: the abstract numberings, then the instances.
    pub(crate) fn apply(&self, docx: docx_rs::Docx) -> docx_rs::Docx {
        let docx = self
            .markers
            .iter()
            .enumerate()
            .fold(docx, |docx, (index, marker)| {
                let level = Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    // docx-rs escapes text but writes attribute values as given.
                    LevelText::new(quick_xml::escape::escape(crate::text::clean(
                        &marker.to_string(),
                    ))),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(BULLET_INDENT),
                    Some(SpecialIndentType::Hanging(BULLET_INDENT)),
                    None,
                    None,
                )
                // Bullets such as ● are East Asian characters of ambiguous width: drawn
                // from the Mincho face, Word sets them full-width as Japanese text does.
                .fonts(bullet_font());
                docx.add_abstract_numbering(
                    AbstractNumbering::new(FIRST_NUMBERING_ID + index).add_level(level),
                )
            });
        self.instances
            .iter()
            .enumerate()
            .fold(docx, |docx, (index, (_, marker))| {
                let abstract_id = FIRST_NUMBERING_ID
                    + self
                        .markers
                        .iter()
                        .position(|m| m == marker)
                        .expect("every instance's marker is known");
                docx.add_numbering(
                    Numbering::new(FIRST_NUMBERING_ID + index, abstract_id)
                        .add_override(LevelOverride::new(0).start(1)),
                )
            })
    }
}
