//! A template applied to the package docx-rs wrote: the document keeps its text, and
//! takes the template's styles (ours where it lacks one), list numbering, sections with
//! their headers and footers, settings, font table and theme.
//!
//! Template parts carried as they are (headers, footers, their images, …) go under
//! `word/template/`, the folders below `word/` kept, so their relative links still hold
//! and no name can meet one docx-rs writes.

use std::collections::{BTreeMap, BTreeSet};

use super::xml::{unescape, Element, Node};
use crate::styles::{ROLES, TITLE};
use crate::template::{Relationship, Target, Template};

/// Where a carried template part goes in the export.
pub(crate) fn carried_name(template_name: &str) -> String {
    match template_name.strip_prefix("word/") {
        Some(rest) => format!("word/template/{rest}"),
        None => format!("word/template/_/{template_name}"),
    }
}

/// `target` relative to the folder of part `source` (both part names).
pub(crate) fn relative(source: &str, target: &str) -> String {
    let source_dir: Vec<&str> = source.split('/').collect::<Vec<_>>();
    let source_dir = &source_dir[..source_dir.len() - 1];
    let target_parts: Vec<&str> = target.split('/').collect();
    let common = source_dir
        .iter()
        .zip(&target_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(target_parts.len() - 1);
    let mut path: Vec<&str> = vec![".."; source_dir.len() - common];
    path.extend(&target_parts[common..]);
    path.join("/")
}

/// The relationships part of `part` as the export writes it: every internal target is a
/// carried part, at its new name.
pub(crate) fn relationships_of(part: &str, relationships: &[Relationship]) -> Element {
    relationships.iter().fold(
        Element::new("Relationships").with_attribute(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        ),
        |root, relationship| {
            let element = Element::new("Relationship")
                .with_attribute("Id", &unescape(&relationship.id))
                .with_attribute("Type", &unescape(&relationship.kind));
            root.with_child(match &relationship.target {
                Target::Part(name) => {
                    element.with_attribute("Target", &relative(part, &carried_name(name)))
                }
                Target::External(url) => element
                    .with_attribute("Target", &unescape(url))
                    .with_attribute("TargetMode", "External"),
            })
        },
    )
}

/// The paragraph and table style ids the document uses.
pub(crate) fn used_styles(document: &Element) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    document.walk(&mut |element| {
        if element.name == "w:pStyle" || element.name == "w:tblStyle" {
            if let Some(id) = element.attribute("w:val") {
                used.insert(id.to_owned());
            }
        }
    });
    used
}

/// The styles part: the template's, with ours added for the roles the document uses that
/// the template lacks. Returns it, our ids mapped to the ids written, and the labels of
/// the roles that got our style.
pub(crate) fn merge_styles(
    ours: &Element,
    template: &Template,
    used: &BTreeSet<String>,
) -> (Element, BTreeMap<String, String>, Vec<&'static str>) {
    let Some(theirs) = &template.styles else {
        let own = ROLES
            .iter()
            .filter(|role| role.id == "Normal" || used.contains(role.id))
            .map(|role| role.label)
            .collect();
        return (ours.clone(), BTreeMap::new(), own);
    };
    let mut merged = theirs.clone();
    let taken: BTreeSet<String> = theirs
        .elements()
        .filter_map(|style| style.attribute("w:styleId").map(str::to_owned))
        .collect();
    let mut map = BTreeMap::new();
    let mut own = Vec::new();
    let mut added = Vec::new();
    for (role, matched) in ROLES.iter().zip(&template.matched) {
        if role.id != "Normal" && !used.contains(role.id) {
            continue;
        }
        match matched {
            Some(id) => {
                if role.id == TITLE || crate::styles::HEADINGS.contains(&role.id) {
                    unnumber(&mut merged, id);
                }
                map.insert(role.id.to_owned(), id.clone());
            }
            None => {
                let Some(style) = ours
                    .elements()
                    .find(|style| style.attribute("w:styleId") == Some(role.id))
                else {
                    continue;
                };
                let id = if taken.contains(role.id) {
                    format!("Rapporteur{}", role.id)
                } else {
                    role.id.to_owned()
                };
                let mut style = style.clone();
                style.set_attribute("w:styleId", &id);
                map.insert(role.id.to_owned(), id);
                own.push(role.label);
                added.push(style);
            }
        }
    }
    let has_default = theirs.elements().any(|style| {
        style.name == "w:style"
            && style.attribute("w:type") == Some("paragraph")
            && style.attribute("w:default") == Some("1")
    });
    let written: BTreeSet<String> = taken.iter().cloned().chain(map.values().cloned()).collect();
    for mut style in added {
        if style.attribute("w:styleId") == map.get("Normal").map(String::as_str) && !has_default {
            style.set_attribute("w:default", "1");
        } else {
            style.remove_attribute("w:default");
        }
        for link in ["w:basedOn", "w:next"] {
            let target = style
                .child(link)
                .and_then(|child| child.attribute("w:val"))
                .map(|id| map.get(id).cloned().unwrap_or_else(|| id.to_owned()));
            match target {
                Some(id) if written.contains(&id) => {
                    if let Some(child) = style.child_mut(link) {
                        child.set_attribute("w:val", &id);
                    }
                }
                Some(_) => style.remove_children(link),
                None => {}
            }
        }
        merged.children.push(Node::Element(style));
    }
    if merged.child("w:docDefaults").is_none() {
        if let Some(defaults) = ours.child("w:docDefaults") {
            merged.children.insert(0, Node::Element(defaults.clone()));
        }
    }
    // Japanese line breaking stays on whatever the template says.
    merged.walk_mut(&mut |element| {
        if element.name == "w:pPr" {
            element.children.retain(|node| {
                node.as_element().is_none_or(|child| {
                    child.name != "w:kinsoku"
                        || !matches!(child.attribute("w:val"), Some("0" | "false" | "off"))
                })
            });
        }
    });
    (merged, map, own)
}

/// Takes the list numbering off style `id`: the report writes its section numbers as
/// text, and a heading style numbered by a multilevel list would number them twice.
fn unnumber(styles: &mut Element, id: &str) {
    for style in styles.elements_mut() {
        if style.name == "w:style" && style.attribute_text("w:styleId").as_deref() == Some(id) {
            if let Some(properties) = style.child_mut("w:pPr") {
                properties.remove_children("w:numPr");
            }
        }
    }
}

/// Our style ids in the document turned into the ids written.
pub(crate) fn rename_styles(document: &mut Element, map: &BTreeMap<String, String>) {
    document.walk_mut(&mut |element| {
        if element.name == "w:pStyle" || element.name == "w:tblStyle" {
            if let Some(id) = element.attribute("w:val").and_then(|id| map.get(id)) {
                let id = id.clone();
                element.set_attribute("w:val", &id);
            }
        }
    });
}

fn max_id(root: &Element, kind: &str, attribute: &str) -> usize {
    root.elements()
        .filter(|element| element.name == kind)
        .filter_map(|element| element.attribute(attribute)?.parse().ok())
        .max()
        .unwrap_or(0)
}

/// The numbering part: the template's definitions, then ours with ids after theirs. Our
/// bullet instances number with the template's list numbering when its list style has
/// one (each still restarting). Returns it and how far our instance ids moved.
pub(crate) fn merge_numbering(ours: &Element, template: &Template) -> (Element, usize) {
    let Some(theirs) = &template.numbering else {
        return (ours.clone(), 0);
    };
    let abstract_offset = max_id(theirs, "w:abstractNum", "w:abstractNumId");
    let instance_offset = max_id(theirs, "w:num", "w:numId");
    // docx-rs's own decimal list is abstract 1 and instance 1; ours start at 2.
    let replaced = |id: usize| template.list_numbering.is_some() && id >= 2;
    let mut merged = theirs.clone();
    for element in ours.elements() {
        let id = |name: &str| -> usize {
            element
                .attribute(name)
                .and_then(|id| id.parse().ok())
                .unwrap_or(0)
        };
        let mut element = element.clone();
        match element.name.as_str() {
            "w:abstractNum" => {
                if replaced(id("w:abstractNumId")) {
                    continue;
                }
                let new = (id("w:abstractNumId") + abstract_offset).to_string();
                element.set_attribute("w:abstractNumId", &new);
                // Ids that tie an abstract numbering to another file's; ours are fresh.
                element.remove_children("w:nsid");
            }
            "w:num" => {
                let new = (id("w:numId") + instance_offset).to_string();
                element.set_attribute("w:numId", &new);
                if let Some(abstract_id) = element.child_mut("w:abstractNumId") {
                    let old: usize = abstract_id
                        .attribute("w:val")
                        .and_then(|id| id.parse().ok())
                        .unwrap_or(0);
                    let value = match &template.list_numbering {
                        Some(theirs) if replaced(old) => theirs.clone(),
                        _ => (old + abstract_offset).to_string(),
                    };
                    abstract_id.set_attribute("w:val", &value);
                }
            }
            _ => continue,
        }
        merged.children.push(Node::Element(element));
    }
    (merged, instance_offset)
}

/// Moves the document's numbering instance ids by `offset`.
pub(crate) fn renumber(document: &mut Element, offset: usize) {
    if offset == 0 {
        return;
    }
    document.walk_mut(&mut |element| {
        if element.name == "w:numId" {
            if let Some(id) = element
                .attribute("w:val")
                .and_then(|id| id.parse::<usize>().ok())
            {
                element.set_attribute("w:val", &(id + offset).to_string());
            }
        }
    });
}

/// The template's sections in the document: the last one's for the body (the body's
/// section properties), the first one's, when the template has two or more, for the
/// title and byline. Header and footer references get relationship ids from
/// `relationship_of` (by template part name). Without headers and footers in the
/// template, the document's own page-number footer stays.
pub(crate) fn place_sections(
    document: &mut Element,
    template: &Template,
    relationship_of: &BTreeMap<String, String>,
) {
    let Some(last) = template.sections.last() else {
        return;
    };
    let Some(body) = document.child_mut("w:body") else {
        return;
    };
    let own_references: Vec<Element> = body
        .child("w:sectPr")
        .map(|ours| {
            ours.elements()
                .filter(|child| child.name == "w:footerReference")
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let keep_own = !template.has_headers_or_footers();
    let section = |properties: &Element| {
        let mut properties = properties.clone();
        for reference in properties.elements_mut() {
            if let Some(id) = reference
                .attribute("r:id")
                .and_then(|part| relationship_of.get(part))
            {
                let id = id.clone();
                reference.set_attribute("r:id", &id);
            }
        }
        if keep_own {
            properties
                .children
                .extend(own_references.iter().cloned().map(Node::Element));
        }
        properties
    };
    body.remove_children("w:sectPr");
    body.children.push(Node::Element(section(&last.properties)));
    if template.sections.len() < 2 {
        return;
    }
    // The front matter: the title and the byline, which open the document.
    let front = [TITLE, crate::styles::AFFILIATION, crate::styles::AUTHOR];
    let style_of = |paragraph: &Element| {
        paragraph
            .child("w:pPr")
            .and_then(|properties| properties.child("w:pStyle"))
            .and_then(|style| style.attribute("w:val"))
            .map(str::to_owned)
    };
    let last_front = body
        .children
        .iter()
        .take_while(|node| {
            node.as_element().is_some_and(|element| {
                element.name == "w:p"
                    && style_of(element).is_some_and(|s| front.contains(&s.as_str()))
            })
        })
        .count();
    if last_front == 0 || last_front == body.children.len() - 1 {
        return;
    }
    if let Some(paragraph) = body.children[last_front - 1].as_element_mut() {
        let first = section(&template.sections[0].properties);
        paragraph
            .first_child_or_insert("w:pPr")
            .children
            .push(Node::Element(first));
    }
}

/// The settings docx-rs wrote with the template's page-shaping ones in their place.
pub(crate) fn carry_settings(settings: &mut Element, template: &Template) {
    for carried in &template.settings {
        settings.remove_children(&carried.name);
        settings.children.push(Node::Element(carried.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_parts_keep_their_folders_under_word_template() {
        assert_eq!(
            carried_name("word/header1.xml"),
            "word/template/header1.xml"
        );
        assert_eq!(
            carried_name("word/media/a.png"),
            "word/template/media/a.png"
        );
        assert_eq!(
            carried_name("customXml/item1.xml"),
            "word/template/_/customXml/item1.xml"
        );
        assert_eq!(
            relative("word/document.xml", "word/template/header1.xml"),
            "template/header1.xml"
        );
        assert_eq!(
            relative("word/template/header1.xml", "word/template/media/a.png"),
            "media/a.png"
        );
        assert_eq!(
            relative("word/template/_/x/y.xml", "word/template/media/a.png"),
            "../../media/a.png"
        );
        assert_eq!(
            relative("word/theme/theme1.xml", "word/template/media/a.png"),
            "../template/media/a.png"
        );
    }
}
