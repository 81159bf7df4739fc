//! What a merge changed, and what both copies changed at once, named in the user's words.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// One element of a report (the report itself for its top-level fields), as the diff sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// Where it is, in words: `Question 10, outcome 2 (X.1250rev)`.
    pub place: String,
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
            parent: String::new(),
            index: 0,
            fields,
        },
    );
    for (i, author) in list(top.get("authors")).enumerate() {
        let name = text(author, "name");
        add(
            &mut out,
            author,
            "",
            i,
            format!("author {} ({name})", i + 1),
        );
    }
    sections(&mut out, list(top.get("sections")), "");
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

fn add(
    out: &mut HashMap<String, Record>,
    object: &Map<String, Value>,
    parent: &str,
    index: usize,
    place: String,
) {
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
            parent: parent.to_owned(),
            index,
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
) {
    for (i, section) in list_of.enumerate() {
        let name = section_name(section);
        let section_uid = uid(section);
        let mut own = section.clone();
        own.remove("blocks");
        own.remove("sections");
        add(out, &own, parent, i, name.clone());
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
            add(out, &own, &section_uid, b, place.clone());
            let block_uid = uid(block);
            for (o, outcome) in list(block.get("outcomes")).enumerate() {
                let id = match text(outcome, "id") {
                    "" => String::new(),
                    id => format!(" ({id})"),
                };
                add(
                    out,
                    outcome,
                    &block_uid,
                    o,
                    format!("{place}, outcome {}{id}", o + 1),
                );
            }
            for (r, row) in list(block.get("rows")).enumerate() {
                add(out, row, &block_uid, r, format!("{place}, row {}", r + 1));
            }
            let uids = block.get("item_uids").and_then(Value::as_array);
            let items = block.get("items").and_then(Value::as_array);
            for (n, item) in items.into_iter().flatten().enumerate() {
                let mut object = Map::new();
                object.insert("text".into(), item.clone());
                if let Some(uid) = uids.and_then(|u| u.get(n)) {
                    object.insert("uid".into(), uid.clone());
                }
                add(
                    out,
                    &object,
                    &block_uid,
                    n,
                    format!("{place}, item {}", n + 1),
                );
            }
        }
        sections(out, list(section.get("sections")), &section_uid);
    }
}

/// One change a merge brought into this copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Added {
        place: String,
    },
    Removed {
        place: String,
    },
    Moved {
        place: String,
    },
    Edited {
        place: String,
        field: String,
        before: Option<Value>,
        after: Option<Value>,
    },
}

/// A field both copies changed since they last met, or an element one deleted while the
/// other edited it.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// Both changed `field` to different values: `kept` is in the merged report, `other`
    /// is the value that lost (last writer wins, by Loro's order of the two changes).
    BothChanged {
        place: String,
        field: String,
        kept: Option<Value>,
        other: Option<Value>,
    },
    /// One copy deleted the element while the other edited it: the deletion wins and the
    /// edit is gone with the element. `deleted_here`: this copy deleted it.
    DeletedWhileEdited { place: String, deleted_here: bool },
}

/// What a merge did, for the user.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeSummary {
    /// The names of the co-authors whose changes came in (those the document knows).
    pub from: Vec<String>,
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
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
) -> Vec<Change> {
    let mut out = Vec::new();
    let mut uids: Vec<&String> = after.keys().collect();
    uids.sort_by(|a, b| after[*a].place.cmp(&after[*b].place));
    for uid in uids {
        let now = &after[uid];
        let Some(was) = before.get(uid) else {
            out.push(Change::Added {
                place: now.place.clone(),
            });
            continue;
        };
        if was.parent != now.parent || was.index != now.index && moved_among(before, after, uid) {
            out.push(Change::Moved {
                place: now.place.clone(),
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
                out.push(Change::Edited {
                    place: now.place.clone(),
                    field: field.clone(),
                    before: a.cloned(),
                    after: b.cloned(),
                });
            }
        }
    }
    let mut removed: Vec<&Record> = before
        .iter()
        .filter(|(u, _)| !after.contains_key(*u))
        .map(|(_, r)| r)
        .collect();
    removed.sort_by(|a, b| a.place.cmp(&b.place));
    out.extend(removed.into_iter().map(|r| Change::Removed {
        place: r.place.clone(),
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
) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut uids: Vec<&String> = base.keys().chain(ours.keys()).collect();
    uids.sort();
    uids.dedup();
    for uid in uids {
        let (b, o, t) = (base.get(uid), ours.get(uid), theirs.get(uid));
        let edited = |side: &Record| b.is_some_and(|b| b.fields != side.fields);
        match (b, o, t) {
            (Some(b), None, Some(t)) if edited(t) => out.push(Conflict::DeletedWhileEdited {
                place: b.place.clone(),
                deleted_here: true,
            }),
            (Some(b), Some(o), None) if edited(o) => out.push(Conflict::DeletedWhileEdited {
                place: b.place.clone(),
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
                        out.push(Conflict::BothChanged {
                            place: m.place.clone(),
                            field: field.clone(),
                            kept,
                            other: other.cloned(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn shown(value: &Option<Value>) -> String {
    match value {
        None => "nothing".into(),
        Some(Value::String(s)) => {
            let cut: String = s.chars().take(60).collect();
            let more = if cut.len() < s.len() { "…" } else { "" };
            format!("\u{201c}{cut}{more}\u{201d}")
        }
        Some(other) => other.to_string(),
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Added { place } => write!(f, "added: {place}"),
            Change::Removed { place } => write!(f, "removed: {place}"),
            Change::Moved { place } => write!(f, "moved: {place}"),
            Change::Edited {
                place,
                field,
                before,
                after,
            } => write!(f, "{place}: {field} {} → {}", shown(before), shown(after)),
        }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conflict::BothChanged { place, field, kept, other } => write!(
                f,
                "changed in both copies: {place}: {field}: kept {}, the other copy had {}",
                shown(kept),
                shown(other)
            ),
            Conflict::DeletedWhileEdited { place, deleted_here } => write!(
                f,
                "{place} was deleted in {} while edited in {}: the deletion wins, the edit is not kept",
                if *deleted_here { "this copy" } else { "the colleague's copy" },
                if *deleted_here { "the colleague's copy" } else { "this copy" },
            ),
        }
    }
}
