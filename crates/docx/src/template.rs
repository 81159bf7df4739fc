//! The journal's Word template (.docx or .dotx), read for what the export takes from it:
//! the styles the report uses, the page setup of its sections, their headers and footers
//! (with what those refer to: images, fields), its theme, font table, document defaults
//! and a few settings. Its body text is never taken.
//!
//! The file may come from anywhere: the package is opened within the importer's limits
//! (`rapporteur_wordzip`) and every XML part read is refused if it declares a DOCTYPE,
//! uses an entity XML does not predefine or nests too deep. What is read is checked
//! here, once, so that applying it (`package::template`) cannot fail on the template.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use rapporteur_wordzip::{Package, PackageError};

use crate::package::xml::{Element, ParseError, Part};
use crate::styles::{Role, ROLES};

/// Why a file cannot serve as a template. The previous template, if any, stays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error("not a Word document or template: {0}")]
    NotWord(String),
    #[error("the template's part {part} {problem}")]
    Damaged { part: String, problem: String },
}

const WORDPROCESSING: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The content types of a main document part: document and template, with and without
/// macros (whose macros are never taken).
const MAIN_CONTENT_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// Settings that shape the pages and are taken from the template: without
/// `w:evenAndOddHeaders` its even-page headers would not show, for one.
const CARRIED_SETTINGS: [&str; 5] = [
    "w:mirrorMargins",
    "w:gutterAtTop",
    "w:defaultTabStop",
    "w:evenAndOddHeaders",
    "w:characterSpacingControl",
];

/// A relationship of a template part, its target resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Relationship {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) target: Target,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// A part of the template, by its name in the package.
    Part(String),
    /// A URL outside the package (a hyperlink), kept as written (escaped).
    External(String),
}

/// A part carried over as it is (a header, a footer, an image, …).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Carried {
    pub(crate) bytes: Vec<u8>,
    pub(crate) content_type: String,
}

/// A section's properties (`w:sectPr`), header and footer references pointing at the
/// template part's name (in `r:id`) until the export gives them relationship ids.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Section {
    pub(crate) properties: Element,
}

impl Section {
    /// The names of the header and footer parts it refers to.
    pub(crate) fn references(&self) -> impl Iterator<Item = &str> {
        self.properties
            .elements()
            .filter(|child| child.name == "w:headerReference" || child.name == "w:footerReference")
            .filter_map(|reference| reference.attribute("r:id"))
    }

    /// The text width in twips: the page less margins and gutter, one column of it when
    /// the section has several. `None` when the section does not say.
    pub(crate) fn column_width(&self) -> Option<u32> {
        let number = |element: &Element, name: &str| -> Option<i64> {
            element.attribute(name).and_then(|value| value.parse().ok())
        };
        let size = self.properties.child("w:pgSz")?;
        let margins = self.properties.child("w:pgMar");
        let margin = |name| margins.and_then(|m| number(m, name)).unwrap_or(0).max(0);
        let width =
            number(size, "w:w")? - margin("w:left") - margin("w:right") - margin("w:gutter");
        let (columns, space) = match self.properties.child("w:cols") {
            Some(cols) => (
                number(cols, "w:num").unwrap_or(1).clamp(1, 45),
                number(cols, "w:space").unwrap_or(720).max(0),
            ),
            None => (1, 0),
        };
        let column = (width - space * (columns - 1)) / columns;
        u32::try_from(column).ok().filter(|&w| w >= 567)
    }
}

/// What the export takes from a template, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The styles part's root.
    pub(crate) styles: Option<Element>,
    /// For each role of `ROLES` (by index), the id of the template's style for it.
    pub(crate) matched: Vec<Option<String>>,
    /// The abstract numbering the template's list style numbers with, if it does.
    pub(crate) list_numbering: Option<String>,
    pub(crate) numbering: Option<Element>,
    /// The first and the last section (one when the template has one).
    pub(crate) sections: Vec<Section>,
    pub(crate) settings: Vec<Element>,
    pub(crate) font_table: Option<Element>,
    pub(crate) theme: Option<Vec<u8>>,
    /// The relationships of the template parts whose own are carried: the numbering,
    /// font table and theme (by their template names) and every carried part.
    pub(crate) relationships: BTreeMap<String, Vec<Relationship>>,
    /// The template names of the numbering, font table and theme parts.
    pub(crate) numbering_part: Option<String>,
    pub(crate) font_table_part: Option<String>,
    pub(crate) theme_part: Option<String>,
    /// Headers, footers and what they (and the parts above) refer to, by template name.
    pub(crate) parts: BTreeMap<String, Carried>,
    /// The relationship type (header or footer) of each part the sections refer to.
    pub(crate) reference_kinds: BTreeMap<String, String>,
}

impl Template {
    /// Reads `bytes` as a template, or says why it cannot be one.
    pub fn read(bytes: &[u8]) -> Result<Template, TemplateError> {
        let mut package = Package::open(bytes)?;
        let content_types = read_xml(&mut package, "[Content_Types].xml")?
            .ok_or_else(|| not_word("it has no [Content_Types].xml"))?;
        let package_relationships = read_relationships(&mut package, "")?;
        let main = package_relationships
            .iter()
            .find(|relationship| relationship.kind.ends_with("/officeDocument"))
            .and_then(|relationship| match &relationship.target {
                Target::Part(name) => Some(name.clone()),
                Target::External(_) => None,
            })
            .ok_or_else(|| not_word("it has no main document"))?;
        let main_type = content_type(&content_types, &main).unwrap_or_default();
        if !MAIN_CONTENT_TYPES.contains(&main_type.as_str()) {
            return Err(not_word(&format!(
                "its main part {main} is {}",
                if main_type.is_empty() {
                    "of no declared type".to_owned()
                } else {
                    main_type
                }
            )));
        }
        let document = read_xml(&mut package, &main)?
            .ok_or_else(|| not_word(&format!("it lacks its main part {main}")))?;
        check_namespace(&document, &main)?;
        let relationships = read_relationships(&mut package, &main)?;
        let related = |kind: &str| {
            relationships
                .iter()
                .find_map(|relationship| match &relationship.target {
                    Target::Part(name) if relationship.kind.ends_with(kind) => Some(name.clone()),
                    _ => None,
                })
        };

        let mut read_part = |name: &Option<String>| -> Result<Option<Element>, TemplateError> {
            let Some(name) = name else { return Ok(None) };
            let root = read_xml(&mut package, name)?.ok_or_else(|| missing(&main, name))?;
            check_namespace(&root, name)?;
            Ok(Some(root))
        };
        let (styles_part, numbering_part, font_table_part, settings_part) = (
            related("/styles"),
            related("/numbering"),
            related("/fontTable"),
            related("/settings"),
        );
        let styles = read_part(&styles_part)?;
        let numbering = read_part(&numbering_part)?;
        let mut font_table = read_part(&font_table_part)?;
        let settings = read_part(&settings_part)?;
        let theme_part = related("/theme");

        let mut reference_kinds = BTreeMap::new();
        let mut sections = sections(&document, &main, &relationships, &mut reference_kinds)?;
        for section in &mut sections {
            clean_section(&mut section.properties);
        }
        if let Some(font_table) = &mut font_table {
            clean_font_table(font_table);
        }

        // Everything carried as it is: headers and footers, and what they and the
        // numbering, font table and theme refer to.
        let mut carried_relationships = BTreeMap::new();
        let mut queue: VecDeque<String> = VecDeque::new();
        for owner in [&numbering_part, &font_table_part, &theme_part]
            .into_iter()
            .flatten()
        {
            let owned = read_relationships(&mut package, owner)?;
            queue.extend(internal_targets(&owned));
            carried_relationships.insert(owner.clone(), owned);
        }
        queue.extend(
            sections
                .iter()
                .flat_map(|section| section.references().map(str::to_owned)),
        );
        let mut parts = BTreeMap::new();
        let mut seen = BTreeSet::new();
        while let Some(name) = queue.pop_front() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let bytes = package.read(&name)?.ok_or_else(|| missing(&main, &name))?;
            let content_type = content_type(&content_types, &name).ok_or_else(|| {
                damaged(&name, "has no content type declared in [Content_Types].xml")
            })?;
            if content_type.ends_with("xml") {
                parse(&bytes, &name)?;
            }
            let owned = read_relationships(&mut package, &name)?;
            queue.extend(internal_targets(&owned));
            carried_relationships.insert(name.clone(), owned);
            parts.insert(
                name,
                Carried {
                    bytes,
                    content_type,
                },
            );
        }
        let theme = match &theme_part {
            Some(name) => {
                let bytes = package.read(name)?.ok_or_else(|| missing(&main, name))?;
                parse(&bytes, name)?;
                Some(bytes)
            }
            None => None,
        };

        let matched = match &styles {
            Some(styles) => ROLES.iter().map(|role| match_style(styles, role)).collect(),
            None => vec![None; ROLES.len()],
        };
        let list_numbering = list_numbering(styles.as_ref(), &matched, numbering.as_ref());
        Ok(Template {
            styles,
            matched,
            list_numbering,
            numbering,
            sections,
            settings: settings
                .map(|settings| carried_settings(&settings))
                .unwrap_or_default(),
            font_table,
            theme,
            relationships: carried_relationships,
            numbering_part,
            font_table_part,
            theme_part,
            parts,
            reference_kinds,
        })
    }

    /// The names of the styles a report may use that the template lacks (in the words
    /// of Word's style gallery); the export gives those Rapporteur's own.
    pub fn missing_styles(&self) -> Vec<&'static str> {
        ROLES
            .iter()
            .zip(&self.matched)
            .filter(|(_, matched)| matched.is_none())
            .map(|(role, _)| role.label)
            .collect()
    }

    /// The width of the body's text column in twips, which tables fill.
    pub(crate) fn body_column_width(&self) -> Option<u32> {
        self.sections.last().and_then(Section::column_width)
    }

    /// Whether the template's sections have headers or footers of their own (then the
    /// export's page-number footer is not added).
    pub(crate) fn has_headers_or_footers(&self) -> bool {
        self.sections
            .iter()
            .any(|section| section.references().next().is_some())
    }
}

fn not_word(reason: &str) -> TemplateError {
    TemplateError::NotWord(reason.to_owned())
}

fn damaged(part: &str, problem: &str) -> TemplateError {
    TemplateError::Damaged {
        part: part.to_owned(),
        problem: problem.to_owned(),
    }
}

fn missing(from: &str, name: &str) -> TemplateError {
    damaged(from, &format!("refers to {name}, which the file lacks"))
}

fn parse(bytes: &[u8], name: &str) -> Result<Element, TemplateError> {
    Part::parse(bytes).map(|part| part.root).map_err(|error| {
        let problem = match error {
            ParseError::Xml(error) => format!("is not well-formed XML: {error}"),
            ParseError::NotOneElement => "is not one XML element".to_owned(),
            ParseError::Doctype => {
                "declares a DOCTYPE, which a Word file never does (refused: entity expansion)"
                    .to_owned()
            }
            ParseError::Entity(entity) => {
                format!("uses the undeclared entity &{entity}; (refused)")
            }
            ParseError::TooDeep => format!(
                "nests elements deeper than {} (refused)",
                rapporteur_wordzip::MAX_DEPTH
            ),
        };
        damaged(name, &problem)
    })
}

fn read_xml(package: &mut Package, name: &str) -> Result<Option<Element>, TemplateError> {
    package
        .read(name)?
        .map(|bytes| parse(&bytes, name))
        .transpose()
}

/// Parts are written with the `w:` and `r:` prefixes the export writes; a part that binds
/// them otherwise (Strict Open XML, or another prefix) is refused rather than misread.
fn check_namespace(root: &Element, name: &str) -> Result<(), TemplateError> {
    if root.attribute("xmlns:w") != Some(WORDPROCESSING) {
        return Err(damaged(
            name,
            "does not use the WordprocessingML namespace as Word writes it (Strict Open XML is not read)",
        ));
    }
    match root.attribute("xmlns:r") {
        Some(namespace) if namespace != RELATIONSHIPS => Err(damaged(
            name,
            "binds the prefix r to another namespace than Word does",
        )),
        _ => Ok(()),
    }
}

/// The name of the relationships part of `part` (`""`: the package's own).
pub(crate) fn relationships_part(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    }
}

/// `target` as written in a relationship of `source`, as a part name: relative to the
/// source's folder unless it starts with `/`. `None` if it climbs out of the package.
pub(crate) fn resolve(source: &str, target: &str) -> Option<String> {
    let mut path: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => source.rsplit_once('/').map_or(Vec::new(), |(dir, _)| {
            dir.split('/').filter(|s| !s.is_empty()).collect()
        }),
    };
    for segment in target.trim_start_matches('/').split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                path.pop()?;
            }
            segment => path.push(segment),
        }
    }
    (!path.is_empty()).then(|| path.join("/"))
}

fn read_relationships(
    package: &mut Package,
    part: &str,
) -> Result<Vec<Relationship>, TemplateError> {
    let name = relationships_part(part);
    let Some(root) = read_xml(package, &name)? else {
        return Ok(Vec::new());
    };
    root.elements()
        .filter(|element| element.name == "Relationship")
        .map(|element| {
            let attribute = |key: &str| {
                element
                    .attribute(key)
                    .map(str::to_owned)
                    .ok_or_else(|| damaged(&name, &format!("has a relationship without {key}")))
            };
            let (id, kind, written) = (attribute("Id")?, attribute("Type")?, attribute("Target")?);
            let target = if element.attribute("TargetMode") == Some("External") {
                Target::External(written)
            } else {
                let text = element.attribute_text("Target").unwrap_or_default();
                Target::Part(resolve(part, &text).ok_or_else(|| {
                    damaged(&name, &format!("has a target outside the package: {text}"))
                })?)
            };
            Ok(Relationship { id, kind, target })
        })
        .collect()
}

fn internal_targets(relationships: &[Relationship]) -> Vec<String> {
    relationships
        .iter()
        .filter_map(|relationship| match &relationship.target {
            Target::Part(name) => Some(name.clone()),
            Target::External(_) => None,
        })
        .collect()
}

/// The content type of part `name`: its override, else the default for its extension.
fn content_type(types: &Element, name: &str) -> Option<String> {
    let part_name = format!("/{name}");
    let declared = |kind: &str, key: &str, matches: &dyn Fn(&str) -> bool| {
        types.elements().find_map(|element| {
            (element.name == kind && element.attribute_text(key).is_some_and(|v| matches(&v)))
                .then(|| element.attribute_text("ContentType"))
                .flatten()
        })
    };
    declared("Override", "PartName", &|value| {
        value.eq_ignore_ascii_case(&part_name)
    })
    .or_else(|| {
        let extension = name.rsplit_once('.')?.1;
        declared("Default", "Extension", &|value| {
            value.eq_ignore_ascii_case(extension)
        })
    })
}

/// The first and last section properties of the template's body, their header and
/// footer references turned from relationship ids into part names.
fn sections(
    document: &Element,
    main: &str,
    relationships: &[Relationship],
    kinds: &mut BTreeMap<String, String>,
) -> Result<Vec<Section>, TemplateError> {
    let body = document
        .child("w:body")
        .ok_or_else(|| damaged(main, "has no body"))?;
    let mut found: Vec<&Element> = Vec::new();
    for child in body.elements() {
        match child.name.as_str() {
            "w:p" => found.extend(
                child
                    .child("w:pPr")
                    .and_then(|properties| properties.child("w:sectPr")),
            ),
            "w:sectPr" => found.push(child),
            _ => {}
        }
    }
    let chosen: Vec<&Element> = match found.as_slice() {
        [] => Vec::new(),
        [only] => vec![*only],
        [first, .., last] => vec![*first, *last],
    };
    chosen
        .into_iter()
        .map(|properties| {
            let mut properties = properties.clone();
            for reference in properties.elements_mut().filter(|child| {
                child.name == "w:headerReference" || child.name == "w:footerReference"
            }) {
                let id = reference.attribute("r:id").unwrap_or_default().to_owned();
                let (part, kind) = relationships
                    .iter()
                    .find_map(|relationship| match &relationship.target {
                        Target::Part(name) if relationship.id == id => {
                            Some((name.clone(), relationship.kind.clone()))
                        }
                        _ => None,
                    })
                    .ok_or_else(|| {
                        damaged(
                            main,
                            &format!("refers to a header or footer {id} it does not relate"),
                        )
                    })?;
                reference.set_attribute("r:id", &part);
                kinds.insert(part, kind);
            }
            Ok(Section { properties })
        })
        .collect()
}

/// Keeps what the export's document can hold: no printer settings (a binary part of the
/// template's printer) or revision marks, and only WordprocessingML's own markup, since
/// the document declares no other namespace the template's sections may use.
fn clean_section(properties: &mut Element) {
    properties.remove_children("w:printerSettings");
    properties.remove_children("w:sectPrChange");
    strip_foreign(properties);
}

fn is_ours(name: &str) -> bool {
    name.starts_with("w:") || name.starts_with("r:")
}

fn strip_foreign(element: &mut Element) {
    element.retain_attributes(is_ours);
    element
        .children
        .retain(|node| node.as_element().is_none_or(|child| is_ours(&child.name)));
    for child in element.elements_mut() {
        strip_foreign(child);
    }
}

/// Embedded fonts are not carried: their parts are obfuscated with a key tied to the
/// template, and the journal's fonts are installed where its editors work.
fn clean_font_table(font_table: &mut Element) {
    for font in font_table.elements_mut() {
        for embedded in [
            "w:embedRegular",
            "w:embedBold",
            "w:embedItalic",
            "w:embedBoldItalic",
        ] {
            font.remove_children(embedded);
        }
    }
}

fn carried_settings(settings: &Element) -> Vec<Element> {
    settings
        .elements()
        .filter(|setting| CARRIED_SETTINGS.contains(&setting.name.as_str()))
        .map(|setting| {
            let mut setting = setting.clone();
            strip_foreign(&mut setting);
            setting
        })
        .collect()
}

/// The template's style for `role`: by built-in identity first (Word's name for the
/// built-in style, or the id Word gives it in English), then by the name the user sees
/// (the style's name or one of its aliases), ignoring case.
fn match_style(styles: &Element, role: &Role) -> Option<String> {
    let candidates: Vec<&Element> = styles
        .elements()
        .filter(|style| style.name == "w:style" && style.attribute("w:type") == Some(role.kind))
        .collect();
    let name_of = |style: &Element| {
        style
            .child("w:name")
            .and_then(|name| name.attribute_text("w:val"))
            .unwrap_or_default()
    };
    let id_of = |style: &Element| style.attribute_text("w:styleId");
    let built_in = role.builtin.and_then(|builtin| {
        candidates
            .iter()
            .find(|style| name_of(style).eq_ignore_ascii_case(builtin))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|style| id_of(style).as_deref() == Some(role.id))
            })
    });
    let by_name = || {
        candidates.iter().find(|style| {
            let aliases = style
                .child("w:aliases")
                .and_then(|aliases| aliases.attribute_text("w:val"))
                .unwrap_or_default();
            std::iter::once(name_of(style).as_str())
                .chain(aliases.split(','))
                .any(|name| name.trim().eq_ignore_ascii_case(role.label))
        })
    };
    built_in.or_else(by_name).and_then(|style| id_of(style))
}

/// The abstract numbering behind the template's list style (its `w:numPr`), if any.
fn list_numbering(
    styles: Option<&Element>,
    matched: &[Option<String>],
    numbering: Option<&Element>,
) -> Option<String> {
    let list_id = ROLES
        .iter()
        .zip(matched)
        .find(|(role, _)| role.id == crate::styles::LIST_BULLET)
        .and_then(|(_, id)| id.as_deref())?;
    let style = styles?.elements().find(|style| {
        style.name == "w:style" && style.attribute_text("w:styleId").as_deref() == Some(list_id)
    })?;
    let num_id = style
        .child("w:pPr")?
        .child("w:numPr")?
        .child("w:numId")?
        .attribute("w:val")?;
    let abstract_id = numbering?
        .elements()
        .find(|num| num.name == "w:num" && num.attribute("w:numId") == Some(num_id))?
        .child("w:abstractNumId")?
        .attribute("w:val")?;
    numbering?
        .elements()
        .any(|abs| {
            abs.name == "w:abstractNum" && abs.attribute("w:abstractNumId") == Some(abstract_id)
        })
        .then(|| abstract_id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relationship_targets() {
        // The part holding the relationship, its target, and the part it names.
        for (from, target, part) in [
            ("word/document.xml", "header1.xml", Some("word/header1.xml")),
            ("word/header1.xml", "media/a.png", Some("word/media/a.png")),
            (
                "word/document.xml",
                "../customXml/i.xml",
                Some("customXml/i.xml"),
            ),
            ("", "word/document.xml", Some("word/document.xml")),
            (
                "word/document.xml",
                "/word/styles.xml",
                Some("word/styles.xml"),
            ),
            ("word/document.xml", "../../etc/passwd", None),
        ] {
            assert_eq!(resolve(from, target).as_deref(), part, "{from} → {target}");
        }
        assert_eq!(
            relationships_part("word/header1.xml"),
            "word/_rels/header1.xml.rels"
        );
        assert_eq!(relationships_part(""), "_rels/.rels");
    }

    #[test]
    fn a_section_gives_its_column_width() {
        let section = |xml: &str| Section {
            properties: Part::parse(xml.as_bytes()).unwrap().root,
        };
        let one = section(
            r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1701" w:right="1701" w:gutter="0"/></w:sectPr>"#,
        );
        assert_eq!(one.column_width(), Some(8504));
        let two = section(
            r#"<w:sectPr><w:pgSz w:w="10318"/><w:pgMar w:left="1134" w:right="1134"/><w:cols w:num="2" w:space="454"/></w:sectPr>"#,
        );
        assert_eq!(two.column_width(), Some((10318 - 2268 - 454) / 2));
        assert_eq!(section("<w:sectPr/>").column_width(), None);
    }
}
