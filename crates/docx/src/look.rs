//! What the live preview can follow of a journal's template: the body's page width,
//! margins and columns, and the fonts and sizes of the styles the report uses, resolved
//! as Word resolves them (the style, the styles it is based on, the document defaults,
//! theme fonts through the theme). The export itself does not use this: it carries the
//! template's parts as they are.

use serde::Serialize;
use specta::Type;

use crate::package::xml::{Element, Part};
use crate::styles::{self, ROLES};
use crate::template::Template;

/// A template's look, in the units a page is measured in (millimetres, points).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TemplateLook {
    /// The body's page (the template's last section); `None` when it sets none, and the
    /// export uses Rapporteur's page.
    pub page: Option<PageLook>,
    /// Running text (Body Text).
    pub body: TextLook,
    pub title: TextLook,
    /// Headings 1, 2 and 3.
    pub headings: Vec<TextLook>,
    pub caption: TextLook,
    /// The byline's author names and affiliations.
    pub author: TextLook,
    pub affiliation: TextLook,
    /// Table cells.
    pub table: TextLook,
}

/// The page the body is set on.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PageLook {
    pub width_mm: f64,
    pub margin_left_mm: f64,
    pub margin_right_mm: f64,
    pub columns: u32,
    /// The space between columns.
    pub column_gap_mm: f64,
}

/// The fonts and size of one style; `None` where the template's style does not say
/// (or the template lacks the style: Rapporteur's own is used for it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct TextLook {
    /// The font for Latin text.
    pub latin: Option<String>,
    /// The font for Japanese text.
    pub east_asian: Option<String>,
    pub size_pt: Option<f64>,
    pub bold: Option<bool>,
}

/// Styles are based on styles at most this deep (Word stops far sooner); a loop in a
/// hostile template's `basedOn` ends here.
const MAX_BASED_ON: usize = 16;

fn mm(twips: f64) -> f64 {
    (twips / 1440.0 * 25.4 * 10.0).round() / 10.0
}

impl Template {
    /// What the live preview can follow of this template.
    pub fn look(&self) -> TemplateLook {
        let theme = self
            .theme
            .as_deref()
            .and_then(|bytes| Part::parse(bytes).ok())
            .map(|part| part.root);
        let text = |id: &str| self.text_look(id, theme.as_ref());
        TemplateLook {
            page: self.sections.last().and_then(page_look),
            body: text(styles::BODY_TEXT),
            title: text(styles::TITLE),
            headings: styles::HEADINGS.iter().map(|id| text(id)).collect(),
            caption: text(styles::CAPTION),
            author: text(styles::AUTHOR),
            affiliation: text(styles::AFFILIATION),
            table: text(styles::TABLE_TEXT),
        }
    }

    /// The look of the template's style for the role whose id is `role_id`.
    fn text_look(&self, role_id: &str, theme: Option<&Element>) -> TextLook {
        let (Some(styles), Some(Some(matched))) = (
            self.styles.as_ref(),
            ROLES
                .iter()
                .position(|role| role.id == role_id)
                .map(|index| &self.matched[index]),
        ) else {
            return TextLook::default();
        };
        // The style, the styles it is based on, then the document defaults.
        let mut chain: Vec<&Element> = Vec::new();
        let mut next = Some(matched.clone());
        while let Some(id) = next.take() {
            if chain.len() == MAX_BASED_ON {
                break;
            }
            let Some(style) = styles.elements().find(|style| {
                style.name == "w:style" && style.attribute_text("w:styleId").as_deref() == Some(&id)
            }) else {
                break;
            };
            chain.extend(style.child("w:rPr"));
            next = style
                .child("w:basedOn")
                .and_then(|based| based.attribute_text("w:val"));
        }
        chain.extend(
            styles
                .child("w:docDefaults")
                .and_then(|defaults| defaults.child("w:rPrDefault"))
                .and_then(|default| default.child("w:rPr")),
        );
        let font = |explicit: &str, themed: &str| {
            chain.iter().find_map(|properties| {
                let fonts = properties.child("w:rFonts")?;
                fonts
                    .attribute_text(themed)
                    .and_then(|name| theme_font(theme?, &name))
                    .or_else(|| fonts.attribute_text(explicit))
            })
        };
        TextLook {
            latin: font("w:ascii", "w:asciiTheme"),
            east_asian: font("w:eastAsia", "w:eastAsiaTheme"),
            size_pt: chain.iter().find_map(|properties| {
                let half_points: f64 =
                    properties.child("w:sz")?.attribute("w:val")?.parse().ok()?;
                Some(half_points / 2.0)
            }),
            bold: chain.iter().find_map(|properties| {
                let bold = properties.child("w:b")?;
                Some(!matches!(
                    bold.attribute("w:val"),
                    Some("0" | "false" | "off")
                ))
            }),
        }
    }
}

fn page_look(section: &crate::template::Section) -> Option<PageLook> {
    let properties = &section.properties;
    let number = |element: &Element, name: &str| -> Option<f64> {
        element.attribute(name).and_then(|value| value.parse().ok())
    };
    let width = number(properties.child("w:pgSz")?, "w:w")?;
    let margin = |name| {
        properties
            .child("w:pgMar")
            .and_then(|margins| number(margins, name))
            .unwrap_or(0.0)
            .max(0.0)
    };
    let cols = properties.child("w:cols");
    let columns = cols.and_then(|cols| number(cols, "w:num")).unwrap_or(1.0);
    Some(PageLook {
        width_mm: mm(width),
        // The gutter is on the left unless the template says it is at the top.
        margin_left_mm: mm(margin("w:left") + margin("w:gutter")),
        margin_right_mm: mm(margin("w:right")),
        columns: columns.clamp(1.0, 45.0) as u32,
        column_gap_mm: mm(cols
            .and_then(|cols| number(cols, "w:space"))
            .unwrap_or(720.0)
            .max(0.0)),
    })
}

/// A theme font (`minorHAnsi`, `majorEastAsia`, …) as the theme names it: the Latin
/// face, or for East Asian text the face the theme gives Japanese (`Jpan`), else its
/// East Asian one.
fn theme_font(theme: &Element, name: &str) -> Option<String> {
    let scheme = if name.starts_with("major") {
        "a:majorFont"
    } else {
        "a:minorFont"
    };
    let mut found = None;
    theme.walk(&mut |element| {
        if found.is_none() && element.name == scheme {
            found = Some(element);
        }
    });
    let fonts = found?;
    let typeface = |element: &Element| {
        element
            .attribute_text("typeface")
            .filter(|face| !face.is_empty())
    };
    if name.ends_with("EastAsia") {
        fonts
            .elements()
            .find(|font| font.name == "a:font" && font.attribute("script") == Some("Jpan"))
            .and_then(typeface)
            .or_else(|| fonts.child("a:ea").and_then(typeface))
    } else {
        fonts.child("a:latin").and_then(typeface)
    }
}
