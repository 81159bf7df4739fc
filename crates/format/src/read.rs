//! Reading a report file: every field checked, every rejection naming its JSON path.

use crate::{validate, FormatError, FORMAT_NAME, FORMAT_VERSION};
use chrono::NaiveDate;
use rapporteur_model::uid::MAX_UID_LEN;
use rapporteur_model::{
    Action, Author, Block, Contributions, DocumentKind, Language, Meeting, MeetingMode, Outcome,
    Participants, Preset, Process, Question, Report, Schedule, ScheduleDate, ScheduleDateError,
    ScheduleRow, Section, Spelled, Style, Uid, WorkingParty,
};
use serde_json::{Map, Value};

type Result<T> = std::result::Result<T, FormatError>;

/// Reads the text of a report file: strict JSON (no repeated keys), then the report.
pub fn read_report(text: &str) -> Result<Report> {
    read_report_value(&crate::strict::parse(text)?)
}

/// Reads a report file already parsed as JSON.
pub fn read_report_value(value: &Value) -> Result<Report> {
    let mut top = Obj::new(value, "")?;
    // The envelope first: a file of another kind or of a newer version is named as such
    // before any of its fields is judged.
    match top.take("format") {
        None => {
            return Err(FormatError::invalid(
                "format",
                format!("missing; expected \"{FORMAT_NAME}\" (is this a Rapporteur report file?)"),
            ))
        }
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(other) => {
            return Err(FormatError::invalid(
                "format",
                format!("expected \"{FORMAT_NAME}\"; found {}", describe(other)),
            ))
        }
    }
    match top.take("version") {
        None => {
            return Err(FormatError::invalid(
                "version",
                format!("missing; expected {FORMAT_VERSION}"),
            ))
        }
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > FORMAT_VERSION) => {
            return Err(FormatError::NewerVersion {
                found: n.as_u64().unwrap_or_default(),
            })
        }
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(other) => {
            return Err(FormatError::invalid(
                "version",
                format!("expected {FORMAT_VERSION}; found {}", describe(other)),
            ))
        }
    }
    let report = Report {
        title: top.req("title", string)?,
        language: top.req("language", spelled::<Language>)?,
        style: top.req("style", style)?,
        authors: top.req("authors", |v, p| array(v, p, author))?,
        meeting: top.req("meeting", meeting)?,
        sections: top.req("sections", |v, p| array(v, p, section))?,
    };
    top.finish()?;
    validate(&report)?;
    Ok(report)
}

fn style(value: &Value, path: &str) -> Result<Style> {
    let mut o = Obj::new(value, path)?;
    let style = Style {
        preset: o.req("preset", spelled::<Preset>)?,
    };
    o.finish()?;
    Ok(style)
}

fn author(value: &Value, path: &str) -> Result<Author> {
    let mut o = Obj::new(value, path)?;
    let author = Author {
        name: o.req("name", string)?,
        reading: o.opt("reading", string)?,
        organization: o.opt("organization", string)?,
        department: o.opt("department", string)?,
        position: o.opt("position", string)?,
        uid: uid(&mut o)?,
    };
    o.finish()?;
    Ok(author)
}

fn meeting(value: &Value, path: &str) -> Result<Meeting> {
    let mut o = Obj::new(value, path)?;
    let meeting = Meeting {
        organization: o.req("organization", string)?,
        group: o.req("group", string)?,
        group_topic: o.opt("group_topic", string)?,
        ordinal: o.opt("ordinal", count)?,
        start: o.opt("start", date)?,
        end: o.opt("end", date)?,
        city: o.opt("city", string)?,
        country: o.opt("country", string)?,
        site: o.opt("site", string)?,
        mode: o.opt("mode", spelled::<MeetingMode>)?,
        home_country: o.opt("home_country", string)?,
        participants: o.opt("participants", participants)?,
        contributions: o.opt("contributions", contributions)?,
        temporary_documents: o.opt("temporary_documents", count)?,
    };
    o.finish()?;
    Ok(meeting)
}

fn participants(value: &Value, path: &str) -> Result<Participants> {
    let mut o = Obj::new(value, path)?;
    let participants = Participants {
        total: o.opt("total", count)?,
        on_site: o.opt("on_site", count)?,
        remote: o.opt("remote", count)?,
        home: o.opt("home", count)?,
        delegations: o.opt("delegations", count)?,
    };
    o.finish()?;
    Ok(participants)
}

fn contributions(value: &Value, path: &str) -> Result<Contributions> {
    let mut o = Obj::new(value, path)?;
    let contributions = Contributions {
        total: o.opt("total", count)?,
        home: o.opt("home", count)?,
        home_note: o.opt("home_note", string)?,
    };
    o.finish()?;
    Ok(contributions)
}

fn section(value: &Value, path: &str) -> Result<Section> {
    let mut o = Obj::new(value, path)?;
    let section = Section {
        heading: o.opt("heading", string)?,
        working_party: o.opt("working_party", working_party)?,
        blocks: o.req("blocks", |v, p| array(v, p, block))?,
        sections: o
            .opt("sections", |v, p| array(v, p, section))?
            .unwrap_or_default(),
        uid: uid(&mut o)?,
    };
    o.finish()?;
    Ok(section)
}

fn working_party(value: &Value, path: &str) -> Result<WorkingParty> {
    let mut o = Obj::new(value, path)?;
    let wp = WorkingParty {
        number: o.req("number", count)?,
        title: o.req("title", string)?,
        intro: o.opt("intro", string)?,
    };
    o.finish()?;
    Ok(wp)
}

const BLOCK_TYPES: [&str; 5] = ["summary", "paragraph", "bullets", "question", "schedule"];

fn block(value: &Value, path: &str) -> Result<Block> {
    let mut o = Obj::new(value, path)?;
    let kind = o.req("type", string)?;
    let block = match kind.as_str() {
        "summary" => Block::Summary { uid: uid(&mut o)? },
        "paragraph" => Block::Paragraph {
            text: o.req("text", string)?,
            boilerplate: o.opt("boilerplate", boolean)?.unwrap_or(false),
            uid: uid(&mut o)?,
        },
        "bullets" => Block::Bullets {
            items: o.req("items", |v, p| array(v, p, string))?,
            boilerplate: o.opt("boilerplate", boolean)?.unwrap_or(false),
            item_uids: o
                .opt("item_uids", |v, p| array(v, p, uid_value))?
                .unwrap_or_default(),
            uid: uid(&mut o)?,
        },
        "question" => Block::Question(Question {
            number: o.req("number", count)?,
            scope: o.opt("scope", string)?,
            outcomes: o
                .opt("outcomes", |v, p| array(v, p, outcome))?
                .unwrap_or_default(),
            discussed: o.opt("discussed", boolean)?.unwrap_or(true),
            note: o.opt("note", string)?,
            text: o.opt("text", string)?,
            uid: uid(&mut o)?,
        }),
        "schedule" => Block::Schedule(Schedule {
            caption: o.opt("caption", string)?,
            rows: o.req("rows", |v, p| array(v, p, schedule_row))?,
            uid: uid(&mut o)?,
        }),
        _ => {
            return Err(FormatError::invalid(
                &child(path, "type"),
                format!(
                    "expected one of {}; found {}",
                    BLOCK_TYPES.join(", "),
                    describe(&Value::String(kind))
                ),
            ))
        }
    };
    o.finish()?;
    Ok(block)
}

fn outcome(value: &Value, path: &str) -> Result<Outcome> {
    let mut o = Obj::new(value, path)?;
    let outcome = Outcome {
        id: o.opt("id", string)?,
        title: o.req("title", string)?,
        action: o.req("action", spelled::<Action>)?,
        process: o.opt("process", spelled::<Process>)?,
        document: o.opt("document", spelled::<DocumentKind>)?,
        gloss: o.opt("gloss", string)?,
        uid: uid(&mut o)?,
    };
    o.finish()?;
    Ok(outcome)
}

fn schedule_row(value: &Value, path: &str) -> Result<ScheduleRow> {
    let mut o = Obj::new(value, path)?;
    let row = ScheduleRow {
        meeting: o.req("meeting", string)?,
        start: o.opt("start", schedule_date)?,
        end: o.opt("end", schedule_date)?,
        venue: o.opt("venue", string)?,
        content: o.opt("content", string)?,
        uid: uid(&mut o)?,
    };
    o.finish()?;
    Ok(row)
}

/// An object being read: remembers which fields were asked for, so that `finish` can
/// refuse the ones nobody asked for.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    known: Vec<&'static str>,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: &str) -> Result<Obj<'a>> {
        match value {
            Value::Object(map) => Ok(Obj {
                map,
                path: path.to_owned(),
                known: Vec::new(),
            }),
            other => Err(FormatError::invalid(
                path,
                format!("expected an object; found {}", describe(other)),
            )),
        }
    }

    fn take(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        self.map.get(key)
    }

    /// A required field.
    fn req<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&Value, &str) -> Result<T>,
    ) -> Result<T> {
        let path = child(&self.path, key);
        match self.take(key) {
            Some(value) => read(value, &path),
            None => {
                // Ask the reader what it expects by showing it nothing at all.
                let expected = match read(&Value::Null, &path) {
                    Err(FormatError::Invalid { message, .. }) => message
                        .split("; found")
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                    _ => "a value".to_owned(),
                };
                Err(FormatError::invalid(&path, format!("missing; {expected}")))
            }
        }
    }

    /// An optional field; `null` counts as absent.
    fn opt<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        let path = child(&self.path, key);
        match self.take(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &path).map(Some),
        }
    }

    /// Refuses the fields no reader asked for.
    fn finish(self) -> Result<()> {
        match self
            .map
            .keys()
            .find(|key| !self.known.contains(&key.as_str()))
        {
            None => Ok(()),
            Some(key) => Err(FormatError::invalid(
                &child(&self.path, key),
                format!("unknown field; expected one of {}", self.known.join(", ")),
            )),
        }
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn array<T>(value: &Value, path: &str, read: impl Fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &format!("{path}[{i}]")))
            .collect(),
        other => Err(FormatError::invalid(
            path,
            format!("expected an array; found {}", describe(other)),
        )),
    }
}

/// An element's optional `uid`.
fn uid(o: &mut Obj) -> Result<Uid> {
    Ok(o.opt("uid", uid_value)?.unwrap_or_default())
}

fn uid_value(value: &Value, path: &str) -> Result<Uid> {
    match value {
        Value::String(text) => Uid::parse(text).ok_or_else(|| {
            FormatError::invalid(
                path,
                format!(
                    "expected an identity of 1 to {MAX_UID_LEN} letters, digits, - or _; found {}",
                    describe(value)
                ),
            )
        }),
        other => Err(FormatError::invalid(
            path,
            format!("expected a string; found {}", describe(other)),
        )),
    }
}

fn string(value: &Value, path: &str) -> Result<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(FormatError::invalid(
            path,
            format!("expected a string; found {}", describe(other)),
        )),
    }
}

fn boolean(value: &Value, path: &str) -> Result<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(FormatError::invalid(
            path,
            format!("expected true or false; found {}", describe(other)),
        )),
    }
}

/// A count or number: a whole number from 0.
fn count(value: &Value, path: &str) -> Result<u32> {
    match value.as_u64().map(u32::try_from) {
        Some(Ok(n)) => Ok(n),
        _ => Err(FormatError::invalid(
            path,
            format!(
                "expected a whole number from 0 to {}; found {}",
                u32::MAX,
                describe(value)
            ),
        )),
    }
}

fn spelled<T: Spelled>(value: &Value, path: &str) -> Result<T> {
    let expected = || {
        let names: Vec<&str> = T::ALL.iter().map(|v| v.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    };
    match value {
        Value::String(text) => T::parse(text).ok_or_else(|| {
            FormatError::invalid(path, format!("{}; found {}", expected(), describe(value)))
        }),
        other => Err(FormatError::invalid(
            path,
            format!("{}; found {}", expected(), describe(other)),
        )),
    }
}

fn date(value: &Value, path: &str) -> Result<NaiveDate> {
    const EXPECTED: &str = "expected a date YYYY-MM-DD";
    let Value::String(text) = value else {
        return Err(FormatError::invalid(
            path,
            format!("{EXPECTED}; found {}", describe(value)),
        ));
    };
    match ScheduleDate::parse(text) {
        Ok(ScheduleDate::Day(day)) => Ok(day),
        Err(ScheduleDateError::Impossible) => Err(FormatError::invalid(
            path,
            format!(
                "{EXPECTED} that exists in the calendar; found {}",
                describe(value)
            ),
        )),
        Ok(ScheduleDate::Month { .. }) | Err(ScheduleDateError::Shape) => Err(
            FormatError::invalid(path, format!("{EXPECTED}; found {}", describe(value))),
        ),
    }
}

fn schedule_date(value: &Value, path: &str) -> Result<ScheduleDate> {
    const EXPECTED: &str = "expected a date YYYY-MM-DD, or YYYY-MM for a month";
    let Value::String(text) = value else {
        return Err(FormatError::invalid(
            path,
            format!("{EXPECTED}; found {}", describe(value)),
        ));
    };
    ScheduleDate::parse(text).map_err(|problem| {
        let expected = match problem {
            ScheduleDateError::Impossible => format!("{EXPECTED}, that exists in the calendar"),
            ScheduleDateError::Shape => EXPECTED.to_owned(),
        };
        FormatError::invalid(path, format!("{expected}; found {}", describe(value)))
    })
}

/// What was found, in a few words: strings quoted (and cut when long), other values by
/// their kind.
fn describe(value: &Value) -> String {
    const MAX_CHARS: usize = 40;
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => {
            let mut shown: String = text.chars().take(MAX_CHARS).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            // JSON quoting keeps the message on one line whatever the text holds.
            serde_json::to_string(&shown).unwrap_or_default()
        }
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
