//! Every field that differs between two states of a report, side by side, with the
//! characters that changed marked: the history's comparison of two revisions.
//!
//! Both reports are read as their lists of fields in document order (each field's JSON
//! path and its text), and the two lists are compared as sequences, so a paragraph or an
//! outcome inserted in the middle is one addition, not a change of everything after it.
//! A field changed in place is shown beside what it was, compared character by
//! character (Japanese text has no spaces to compare words by).

use crate::sequence::ops;
use rapporteur_model::Report;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use similar::{DiffOp, TextDiff};
use specta::Type;

/// One field that differs: what it was and what it is, either side absent when the field
/// was added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FieldChange {
    /// The field's JSON path in the earlier report (`sections[2].blocks[1].text`).
    pub before_path: Option<String>,
    /// The field's JSON path in the later report.
    pub after_path: Option<String>,
    /// The earlier text, in pieces; empty when the field was added.
    pub before: Vec<DiffSegment>,
    /// The later text, in pieces; empty when the field was removed.
    pub after: Vec<DiffSegment>,
}

/// A piece of a field's text, marked when it is what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DiffSegment {
    pub text: String,
    pub changed: bool,
}

/// One field of a report: its path, the path without its indexes (what kind of field it
/// is), and its text.
#[derive(Debug)]
struct Field {
    path: String,
    kind: String,
    text: String,
}

impl PartialEq for Field {
    /// The same kind of field with the same text: unchanged, wherever it moved.
    fn eq(&self, other: &Field) -> bool {
        self.kind == other.kind && self.text == other.text
    }
}

/// The fields that differ from `before` to `after`, in document order.
pub fn difference(before: &Report, after: &Report) -> Vec<FieldChange> {
    let old = fields(before);
    let new = fields(after);
    let mut out = Vec::new();
    for op in ops(&old, &new) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend(old[old_index..old_index + old_len].iter().map(removed)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend(new[new_index..new_index + new_len].iter().map(added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pair(
                &old[old_index..old_index + old_len],
                &new[new_index..new_index + new_len],
                &mut out,
            ),
        }
    }
    out
}

/// Fields replaced by others: each earlier one beside the next later one of its kind,
/// in order; the rest were removed or added.
fn pair(old: &[Field], new: &[Field], out: &mut Vec<FieldChange>) {
    let mut n = 0;
    for o in old {
        match new[n..].iter().position(|f| f.kind == o.kind) {
            Some(skip) => {
                out.extend(new[n..n + skip].iter().map(added));
                let f = &new[n + skip];
                let (before, after) = if is_choice(&o.kind) {
                    (whole(&o.text), whole(&f.text))
                } else {
                    marked(&o.text, &f.text)
                };
                out.push(FieldChange {
                    before_path: Some(o.path.clone()),
                    after_path: Some(f.path.clone()),
                    before,
                    after,
                });
                n += skip + 1;
            }
            None => out.push(removed(o)),
        }
    }
    out.extend(new[n..].iter().map(added));
}

/// The fields whose value is one of a closed set of words (the file format's spelling,
/// which the editor shows in the user's words): changed as a whole, never in part.
const CHOICES: &[&str] = &[
    "language", "preset", "mode", "action", "process", "document",
];

fn is_choice(kind: &str) -> bool {
    let name = kind.rsplit('.').next().unwrap_or(kind);
    CHOICES.contains(&name)
}

fn removed(field: &Field) -> FieldChange {
    FieldChange {
        before_path: Some(field.path.clone()),
        after_path: None,
        before: whole(&field.text),
        after: Vec::new(),
    }
}

fn added(field: &Field) -> FieldChange {
    FieldChange {
        before_path: None,
        after_path: Some(field.path.clone()),
        before: Vec::new(),
        after: whole(&field.text),
    }
}

fn whole(text: &str) -> Vec<DiffSegment> {
    vec![DiffSegment {
        text: text.to_owned(),
        changed: true,
    }]
}

/// The two texts in pieces, the characters only one of them has marked.
fn marked(old: &str, new: &str) -> (Vec<DiffSegment>, Vec<DiffSegment>) {
    let diff = TextDiff::from_chars(old, new);
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            similar::ChangeTag::Equal => {
                push(&mut before, text, false);
                push(&mut after, text, false);
            }
            similar::ChangeTag::Delete => push(&mut before, text, true),
            similar::ChangeTag::Insert => push(&mut after, text, true),
        }
    }
    (before, after)
}

/// Adds `text` to the pieces, joined to the last one when it is marked alike.
fn push(segments: &mut Vec<DiffSegment>, text: &str, changed: bool) {
    match segments.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => segments.push(DiffSegment {
            text: text.to_owned(),
            changed,
        }),
    }
}

/// Every field of `report` that holds a value, in document order, read from its form in
/// the file format so that no field is missed and paths are the format's.
fn fields(report: &Report) -> Vec<Field> {
    let mut out = Vec::new();
    // The model is plain data: it always has a JSON form.
    if let Ok(value) = serde_json::to_value(report) {
        walk(&value, String::new(), String::new(), &mut out);
    }
    out
}

fn walk(value: &Value, path: String, kind: String, out: &mut Vec<Field>) {
    let text = match value {
        Value::Null => return,
        Value::Object(map) => {
            for (name, inner) in map {
                // A block's type is said by the fields it has; identities are the
                // editor's bookkeeping, not what the user wrote.
                if matches!(name.as_str(), "type" | "uid" | "item_uids") {
                    continue;
                }
                let join = |p: &str| {
                    if p.is_empty() {
                        name.clone()
                    } else {
                        format!("{p}.{name}")
                    }
                };
                walk(inner, join(&path), join(&kind), out);
            }
            return;
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                walk(inner, format!("{path}[{i}]"), kind.clone(), out);
            }
            return;
        }
        Value::String(text) => text.clone(),
        Value::Bool(true) => "✓".to_owned(),
        Value::Bool(false) => "✗".to_owned(),
        Value::Number(n) => n.to_string(),
    };
    out.push(Field { path, kind, text });
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapporteur_model::{Block, Section};

    const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

    fn example() -> Report {
        rapporteur_format::read_report(EXAMPLE).unwrap()
    }

    fn text(segments: &[DiffSegment]) -> String {
        segments.iter().map(|s| s.text.as_str()).collect()
    }

    fn changed(segments: &[DiffSegment]) -> Vec<&str> {
        segments
            .iter()
            .filter(|s| s.changed)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn a_japanese_paragraph_edited_is_shown_whole_with_the_changed_characters_marked() {
        let before = example();
        let mut after = before.clone();
        after.title = "ITU-T SG17第3回会合報告".to_owned();
        let found = difference(&before, &after);
        assert_eq!(found.len(), 1, "{found:?}");
        let change = &found[0];
        assert_eq!(change.before_path.as_deref(), Some("title"));
        assert_eq!(change.after_path.as_deref(), Some("title"));
        assert_eq!(text(&change.before), before.title);
        assert_eq!(text(&change.after), "ITU-T SG17第3回会合報告");
        assert_eq!(changed(&change.after), ["3"]);
        assert_eq!(changed(&change.before).len(), 1);
    }

    #[test]
    fn a_paragraph_inserted_in_the_middle_is_one_addition() {
        let before = example();
        let mut after = before.clone();
        after.sections[0].blocks.insert(
            0,
            Block::Paragraph {
                uid: rapporteur_model::Uid::default(),
                text: "新しい段落。".to_owned(),
                boilerplate: false,
            },
        );
        let found = difference(&before, &after);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].before_path, None);
        assert_eq!(
            found[0].after_path.as_deref(),
            Some("sections[0].blocks[0].text")
        );
        assert_eq!(text(&found[0].after), "新しい段落。");
    }

    #[test]
    fn removed_and_added_fields_and_dates_are_listed_in_document_order() {
        let before = example();
        let mut after = before.clone();
        after.meeting.start = None;
        after.sections.push(Section {
            heading: Some("おわりに".to_owned()),
            ..Default::default()
        });
        let found = difference(&before, &after);
        let sides: Vec<(Option<&str>, Option<&str>)> = found
            .iter()
            .map(|c| (c.before_path.as_deref(), c.after_path.as_deref()))
            .collect();
        let last = format!("sections[{}].heading", after.sections.len() - 1);
        assert_eq!(
            sides,
            [(Some("meeting.start"), None), (None, Some(last.as_str()))]
        );
        assert_eq!(
            text(&found[0].before),
            before.meeting.start.unwrap().to_string()
        );
        assert!(difference(&after, &after).is_empty());
    }

    #[test]
    fn a_choice_changed_is_shown_whole() {
        let mut before = Report::new("t", "ITU-T", "SG17");
        before.meeting.mode = Some(rapporteur_model::MeetingMode::Hybrid);
        let mut after = before.clone();
        after.meeting.mode = Some(rapporteur_model::MeetingMode::InPerson);
        let found = difference(&before, &after);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].before, whole("hybrid"));
        assert_eq!(found[0].after, whole("in_person"));
    }
}
