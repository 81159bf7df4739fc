//! What a merge changed, and what both copies changed at once, named in the user's words.
//!
//! Each change names its place twice: in English words for the command line (`Question
//! 10, outcome 2 (X.1250rev)`), and by its JSON path in the report
//! (`sections[3].sections[0].blocks[0].outcomes[1]`), which the app names in the user's
//! language as its checks panel names a finding's path.

use crate::authorship::Authorship;
use serde::Serialize;
use serde_json::{Map, Value};
use specta::Type;
use std::collections::{BTreeMap, HashMap};

/// One element of a report (the report itself for its top-level fields), as the diff sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// Where it is, in words: `Question 10, outcome 2 (X.1250rev)`.
    pub place: String,
    /// Where it is in the report file's JSON: `sections[3].sections[0].blocks[0]`, empty
    /// for the report itself.
    pub path: String,
    pub parent: String,
    pub index: usize,
    /// Its scalar fields, nested ones under dotted names (`meeting.start`).
    pub fields: BTreeMap<String, Value>,
}

/// Every element of a report file's JSON, by identity ("" for the report itself).
pub(crate) fn records(file: &Value) -> HashMap<String, Record> {
    let mut out = HashMap::new();
    let Some(top) = file.as_object() else {
        return out;
    };
    let mut fields = BTreeMap::new();
    for (key, value) in top {
        if !matches!(key.as_str(), "authors" | "sections" | "format" | "version") {
            scalar_fields(key, value, &mut fields);
        }
    }
    out.insert(
        String::new(),
        Record {
            place: "the report".into(),
            path: String::new(),
            parent: String::new(),
            index: 0,
            fields,
        },
    );
    for (i, author) in list(top.get("authors")).enumerate() {
        let name = text(author, "name");
        let at = At {
            parent: "",
            index: i,
            path: format!("authors[{i}]"),
        };
        add(&mut out, author, at, format!("author {} ({name})", i + 1));
    }
    sections(&mut out, list(top.get("sections")), "", "");
    out
}

fn list(value: Option<&Value>) -> impl Iterator<Item = &Map<String, Value>> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn text<'a>(object: &'a Map<String, Value>, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn uid(object: &Map<String, Value>) -> String {
    text(object, "uid").to_owned()
}

fn scalar_fields(prefix: &str, value: &Value, into: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(inner) => {
            for (key, value) in inner {
                scalar_fields(&format!("{prefix}.{key}"), value, into);
            }
        }
        Value::Array(_) | Value::Null => {}
        scalar => {
            into.insert(prefix.to_owned(), scalar.clone());
        }
    }
}

/// Where an element is: its parent's identity, its index there, its JSON path.
struct At<'a> {
    parent: &'a str,
    index: usize,
    path: String,
}

fn add(out: &mut HashMap<String, Record>, object: &Map<String, Value>, at: At, place: String) {
    let mut fields = BTreeMap::new();
    for (key, value) in object {
        if key != "uid" && key != "item_uids" {
            scalar_fields(key, value, &mut fields);
        }
    }
    out.insert(
        uid(object),
        Record {
            place,
            path: at.path,
            parent: at.parent.to_owned(),
            index: at.index,
            fields,
        },
    );
}

fn section_name(section: &Map<String, Value>) -> String {
    let heading = text(section, "heading");
    if !heading.is_empty() {
        return format!("section \u{201c}{heading}\u{201d}");
    }
    match section.get("working_party").and_then(Value::as_object) {
        Some(wp) => format!(
            "section \u{201c}WP{}: {}\u{201d}",
            wp.get("number").map(Value::to_string).unwrap_or_default(),
            text(wp, "title")
        ),
        None => "a section without a heading".into(),
    }
}

fn sections<'a>(
    out: &mut HashMap<String, Record>,
    list_of: impl Iterator<Item = &'a Map<String, Value>>,
    parent: &str,
    above: &str,
) {
    for (i, section) in list_of.enumerate() {
        let name = section_name(section);
        let section_uid = uid(section);
        let section_path = format!("{above}sections[{i}]");
        let mut own = section.clone();
        own.remove("blocks");
        own.remove("sections");
        let at = At {
            parent,
            index: i,
            path: section_path.clone(),
        };
        add(out, &own, at, name.clone());
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (b, block) in list(section.get("blocks")).enumerate() {
            let kind = text(block, "type");
            let nth = {
                let count = counts.entry(kind).or_default();
                *count += 1;
                *count
            };
            let place = match kind {
                "question" => format!(
                    "Question {}",
                    block
                        .get("number")
                        .map(Value::to_string)
                        .unwrap_or_default()
                ),
                "schedule" => match text(block, "caption") {
                    "" => format!("schedule table {nth} of {name}"),
                    caption => format!("schedule table \u{201c}{caption}\u{201d}"),
                },
                "bullets" => format!("bullet list {nth} of {name}"),
                "summary" => format!("summary of {name}"),
                _ => format!("paragraph {nth} of {name}"),
            };
            let mut own = block.clone();
            for key in ["outcomes", "rows", "items"] {
                own.remove(key);
            }
            let block_path = format!("{section_path}.blocks[{b}]");
            let at = At {
                parent: &section_uid,
                index: b,
                path: block_path.clone(),
            };
            add(out, &own, at, place.clone());
            let block_uid = uid(block);
            let within = |list: &str, index: usize| At {
                parent: &block_uid,
                index,
                path: format!("{block_path}.{list}[{index}]"),
            };
            for (o, outcome) in list(block.get("outcomes")).enumerate() {
                let id = match text(outcome, "id") {
                    "" => String::new(),
                    id => format!(" ({id})"),
                };
                let place = format!("{place}, outcome {}{id}", o + 1);
                add(out, outcome, within("outcomes", o), place);
            }
            for (r, row) in list(block.get("rows")).enumerate() {
                add(
                    out,
                    row,
                    within("rows", r),
                    format!("{place}, row {}", r + 1),
                );
            }
            let uids = block.get("item_uids").and_then(Value::as_array);
            let items = block.get("items").and_then(Value::as_array);
            for (n, item) in items.into_iter().flatten().enumerate() {
                let mut object = Map::new();
                object.insert("text".into(), item.clone());
                if let Some(uid) = uids.and_then(|u| u.get(n)) {
                    object.insert("uid".into(), uid.clone());
                }
                let place = format!("{place}, item {}", n + 1);
                add(out, &object, within("items", n), place);
            }
        }
        let above = format!("{section_path}.");
        sections(out, list(section.get("sections")), &section_uid, &above);
    }
}

/// A field's value: text, a number, or yes/no (`discussed`, `boilerplate`).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Number(f64),
    Flag(bool),
}

impl FieldValue {
    fn of(value: &Value) -> Option<FieldValue> {
        match value {
            Value::String(s) => Some(FieldValue::Text(s.clone())),
            Value::Number(n) => n.as_f64().map(FieldValue::Number),
            Value::Bool(b) => Some(FieldValue::Flag(*b)),
            Value::Null | Value::Array(_) | Value::Object(_) => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            FieldValue::Text(s) => Some(s),
            FieldValue::Number(_) | FieldValue::Flag(_) => None,
        }
    }
}

impl From<String> for FieldValue {
    fn from(text: String) -> FieldValue {
        FieldValue::Text(text)
    }
}

/// One change a merge brought into this copy. `path` is the element's JSON path (in the
/// merged report; for a removed one, in this copy before the merge), or for an edit the
/// field's. `by`: the co-authors who made it (see `authorship`), by the names they gave.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum MergeChange {
    Added {
        place: String,
        path: String,
        by: Vec<String>,
    },
    Removed {
        place: String,
        path: String,
        by: Vec<String>,
    },
    Moved {
        place: String,
        path: String,
        by: Vec<String>,
    },
    Edited {
        place: String,
        path: String,
        /// The field's name within its element (`title`, `meeting.start`).
        field: String,
        before: Option<FieldValue>,
        after: Option<FieldValue>,
        by: Vec<String>,
    },
}

impl MergeChange {
    /// The co-authors who made the change.
    pub fn by(&self) -> &[String] {
        match self {
            MergeChange::Added { by, .. }
            | MergeChange::Removed { by, .. }
            | MergeChange::Moved { by, .. }
            | MergeChange::Edited { by, .. } => by,
        }
    }
}

/// A field both copies changed since they last met, or an element one deleted while the
/// other edited it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MergeConflict {
    /// Both changed `field` to different values: `kept` is in the merged report, `other`
    /// is the value that lost (last writer wins, by Loro's order of the two changes).
    /// `path` is the field's, in the merged report.
    BothChanged {
        place: String,
        path: String,
        field: String,
        kept: Option<FieldValue>,
        other: Option<FieldValue>,
    },
    /// One copy deleted the element while the other edited it: the deletion wins and the
    /// edit is gone with the element. `deleted_here`: this copy deleted it. `path` is
    /// where the element was when the copies last met.
    DeletedWhileEdited {
        place: String,
        path: String,
        deleted_here: bool,
    },
}

/// The JSON path of `field` of the element at `path`.
fn field_path(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// What a merge did, for the user.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Type)]
pub struct MergeSummary {
    /// The names of the co-authors whose changes came in (those the document knows).
    pub from: Vec<String>,
    pub changes: Vec<MergeChange>,
    pub conflicts: Vec<MergeConflict>,
}

impl MergeSummary {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.conflicts.is_empty()
    }
}

/// The changes from `before` to `after`, in document order of `after` (removals last).
pub(crate) fn changes(
    before: &HashMap<String, Record>,
    after: &HashMap<String, Record>,
    authors: &Authorship,
) -> Vec<MergeChange> {
    let mut out = Vec::new();
    let mut uids: Vec<&String> = after.keys().collect();
    uids.sort_by(|a, b| after[*a].place.cmp(&after[*b].place));
    for uid in uids {
        let now = &after[uid];
        let Some(was) = before.get(uid) else {
            out.push(MergeChange::Added {
                place: now.place.clone(),
                path: now.path.clone(),
                by: authors.added(uid),
            });
            continue;
        };
        if was.parent != now.parent || was.index != now.index && moved_among(before, after, uid) {
            out.push(MergeChange::Moved {
                place: now.place.clone(),
                path: now.path.clone(),
                by: authors.moved(uid),
            });
        }
        for field in was
            .fields
            .keys()
            .chain(now.fields.keys())
            .collect::<std::collections::BTreeSet<_>>()
        {
            let (a, b) = (was.fields.get(field), now.fields.get(field));
            if a != b {
                out.push(MergeChange::Edited {
                    place: now.place.clone(),
                    path: field_path(&now.path, field),
                    field: field.clone(),
                    before: a.and_then(FieldValue::of),
                    after: b.and_then(FieldValue::of),
                    by: authors.edited(uid, field),
                });
            }
        }
    }
    let mut removed: Vec<(&String, &Record)> = before
        .iter()
        .filter(|(u, _)| !after.contains_key(*u))
        .collect();
    removed.sort_by(|(_, a), (_, b)| a.place.cmp(&b.place));
    out.extend(removed.into_iter().map(|(uid, r)| MergeChange::Removed {
        place: r.place.clone(),
        path: r.path.clone(),
        by: authors.removed(uid),
    }));
    out
}

/// Whether an element's new index comes from a move of its own rather than from a
/// sibling added or removed before it: its order relative to its kept siblings changed.
fn moved_among(
    before: &HashMap<String, Record>,
    after: &HashMap<String, Record>,
    uid: &str,
) -> bool {
    let parent = &after[uid].parent;
    let order = |records: &HashMap<String, Record>| {
        let mut siblings: Vec<(&usize, &String)> = records
            .iter()
            .filter(|(u, r)| {
                &r.parent == parent && before.contains_key(*u) && after.contains_key(*u)
            })
            .map(|(u, r)| (&r.index, u))
            .collect();
        siblings.sort();
        siblings
            .into_iter()
            .map(|(_, u)| u.clone())
            .collect::<Vec<_>>()
    };
    let (a, b) = (order(before), order(after));
    a.iter().position(|u| u == uid) != b.iter().position(|u| u == uid)
}

/// The conflicts between `ours` and `theirs`, which last shared `base`, as `merged` resolved them.
pub(crate) fn conflicts(
    base: &HashMap<String, Record>,
    ours: &HashMap<String, Record>,
    theirs: &HashMap<String, Record>,
    merged: &HashMap<String, Record>,
) -> Vec<MergeConflict> {
    let mut out = Vec::new();
    let mut uids: Vec<&String> = base.keys().chain(ours.keys()).collect();
    uids.sort();
    uids.dedup();
    for uid in uids {
        let (b, o, t) = (base.get(uid), ours.get(uid), theirs.get(uid));
        let edited = |side: &Record| b.is_some_and(|b| b.fields != side.fields);
        match (b, o, t) {
            (Some(b), None, Some(t)) if edited(t) => out.push(MergeConflict::DeletedWhileEdited {
                place: b.place.clone(),
                path: b.path.clone(),
                deleted_here: true,
            }),
            (Some(b), Some(o), None) if edited(o) => out.push(MergeConflict::DeletedWhileEdited {
                place: b.place.clone(),
                path: b.path.clone(),
                deleted_here: false,
            }),
            (b, Some(o), Some(t)) => {
                let Some(m) = merged.get(uid) else { continue };
                let keys: std::collections::BTreeSet<&String> =
                    o.fields.keys().chain(t.fields.keys()).collect();
                for field in keys {
                    let base_value = b.and_then(|b| b.fields.get(field));
                    let (ov, tv) = (o.fields.get(field), t.fields.get(field));
                    if ov != base_value && tv != base_value && ov != tv {
                        let kept = m.fields.get(field).cloned();
                        let other = if kept.as_ref() == ov { tv } else { ov };
                        out.push(MergeConflict::BothChanged {
                            place: m.place.clone(),
                            path: field_path(&m.path, field),
                            field: field.clone(),
                            kept: kept.as_ref().and_then(FieldValue::of),
                            other: other.and_then(FieldValue::of),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

impl FieldValue {
    /// `value` as the user reads it in a line: text quoted (cut after 60 characters), a
    /// number, yes or no; "nothing" for a field without a value.
    pub fn describe(value: Option<&FieldValue>) -> String {
        match value {
            None => "nothing".into(),
            Some(FieldValue::Text(s)) => {
                let cut: String = s.chars().take(60).collect();
                let more = if cut.len() < s.len() { "…" } else { "" };
                format!("\u{201c}{cut}{more}\u{201d}")
            }
            Some(FieldValue::Number(n)) => n.to_string(),
            Some(FieldValue::Flag(b)) => if *b { "yes" } else { "no" }.to_owned(),
        }
    }
}
