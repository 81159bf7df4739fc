//! How a report file's JSON maps onto the CRDT document, both ways.
//!
//! In the document, each element (an author, a section, a block, an outcome, a schedule
//! row, a bullet item) is a map of scalar fields; nested objects (`meeting`,
//! `participants`, `working_party`, `style`) are flattened into dotted keys
//! (`meeting.participants.total`), so that each field is one last-writer-wins register
//! and no co-author ever creates a child container another may create at the same time.
//! Lists of elements are movable lists of maps, keyed by the elements' `uid`. A bullet
//! list's items (`items` + `item_uids` in the file) are elements `{uid, text}`.

use serde_json::{Map, Value};

/// The key of the child list that holds a section's, a Question's, a schedule's or a
/// bullet list's elements in the document.
pub(crate) const LIST_KEYS: [&str; 4] = ["blocks", "outcomes", "rows", "items"];

/// An element's JSON as the document holds it: scalars under dotted keys, child lists
/// (of elements, each in that form) under their own keys.
pub(crate) struct Element {
    pub scalars: Map<String, Value>,
    pub lists: Vec<(String, Vec<Element>)>,
}

/// Splits an element of the file's JSON (a section without its `sections`, a block, …)
/// into what the document holds.
pub(crate) fn element(object: &Map<String, Value>) -> Element {
    let mut scalars = Map::new();
    let mut lists = Vec::new();
    let bullets = object.get("type").and_then(Value::as_str) == Some("bullets");
    for (key, value) in object {
        match value {
            Value::Array(items) if bullets && key == "items" => {
                let uids = object.get("item_uids").and_then(Value::as_array);
                let elements = items
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let mut scalars = Map::new();
                        if let Some(uid) = uids.and_then(|uids| uids.get(i)) {
                            scalars.insert("uid".into(), uid.clone());
                        }
                        scalars.insert("text".into(), text.clone());
                        Element {
                            scalars,
                            lists: Vec::new(),
                        }
                    })
                    .collect();
                lists.push((key.clone(), elements));
            }
            _ if bullets && key == "item_uids" => {}
            Value::Array(items) => lists.push((
                key.clone(),
                items
                    .iter()
                    .filter_map(Value::as_object)
                    .map(element)
                    .collect(),
            )),
            Value::Object(inner) => flatten(key, inner, &mut scalars),
            Value::Null => {}
            scalar => {
                scalars.insert(key.clone(), scalar.clone());
            }
        }
    }
    Element { scalars, lists }
}

fn flatten(prefix: &str, object: &Map<String, Value>, into: &mut Map<String, Value>) {
    for (key, value) in object {
        let key = format!("{prefix}.{key}");
        match value {
            Value::Object(inner) => flatten(&key, inner, into),
            Value::Null => {}
            scalar => {
                into.insert(key, scalar.clone());
            }
        }
    }
}

/// The file's JSON of an element read from the document (its deep value as JSON):
/// dotted keys nested again, bullet items split back into `items` and `item_uids`.
pub(crate) fn unflatten(object: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    // Sorted, so that an element reads the same whatever order its map gives its keys.
    let mut keys: Vec<&String> = object.keys().collect();
    keys.sort();
    for key in keys {
        let value = &object[key];
        if LIST_KEYS.contains(&key.as_str()) {
            let elements: Vec<Map<String, Value>> = value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .map(unflatten)
                .collect();
            if key == "items" {
                let texts = elements
                    .iter()
                    .map(|e| e.get("text").cloned().unwrap_or_default());
                out.insert("items".into(), Value::Array(texts.collect()));
                let uids = elements
                    .iter()
                    .map(|e| e.get("uid").cloned().unwrap_or_default());
                out.insert("item_uids".into(), Value::Array(uids.collect()));
            } else {
                let elements = elements.into_iter().map(Value::Object).collect();
                out.insert(key.clone(), Value::Array(elements));
            }
            continue;
        }
        let mut parts = key.split('.').peekable();
        let mut target = &mut out;
        while let Some(part) = parts.next() {
            if parts.peek().is_none() {
                target.insert(part.to_owned(), value.clone());
            } else {
                let entry = target
                    .entry(part.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()));
                if !entry.is_object() {
                    *entry = Value::Object(Map::new());
                }
                target = entry.as_object_mut().expect("made an object just above");
            }
        }
    }
    out
}

/// Mends what two co-authors' concurrent edits can leave that no single edit could: a
/// Working Party without its number (one removed the Working Party while the other
/// edited its title) is dropped, and a section left with neither heading nor Working
/// Party gets an empty heading, so the merged report is always a valid file.
pub(crate) fn mend_section(section: &mut Map<String, Value>) {
    let keep_wp = section
        .get("working_party")
        .and_then(Value::as_object)
        .is_some_and(|wp| wp.contains_key("number"));
    if keep_wp {
        if let Some(Value::Object(wp)) = section.get_mut("working_party") {
            wp.entry("title")
                .or_insert_with(|| Value::String(String::new()));
        }
    } else {
        section.remove("working_party");
        section
            .entry("heading")
            .or_insert_with(|| Value::String(String::new()));
    }
    section
        .entry("blocks")
        .or_insert_with(|| Value::Array(Vec::new()));
}
