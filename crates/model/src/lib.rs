//! The report: the types every other part of Rapporteur works on.
//!
//! These mirror the report file format v1 (`FORMAT.md`) one to one, so that the file,
//! the database and the UI all speak of the same report. Serde derives serve the trusted
//! paths (the UI's calls, the database); untrusted files go through `rapporteur-format`,
//! which checks every field and names the path of what it refuses.

mod enums;
mod schedule_date;
mod texts;
pub mod uid;

pub use enums::{Action, DocumentKind, Language, MeetingMode, Preset, Process, Spelled};
pub use schedule_date::{ScheduleDate, ScheduleDateError};
pub use texts::{free_texts, Text};
pub use uid::Uid;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// One meeting report: the title page, the meeting's facts and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Report {
    pub title: String,
    pub language: Language,
    pub style: Style,
    pub authors: Vec<Author>,
    pub meeting: Meeting,
    pub sections: Vec<Section>,
}

/// How the generated sentences are phrased.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Style {
    pub preset: Preset,
}

/// One author of the byline.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Author {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    pub name: String,
    /// Furigana, printed above the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
}

/// The facts of the meeting; a missing figure is left out of the generated summary.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Meeting {
    pub organization: String,
    pub group: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_topic: Option<String>,
    /// The meeting's number in the study period (第2回).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<MeetingMode>,
    /// The country the report is written for (日本).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Participants>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Contributions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_documents: Option<u32>,
}

impl Meeting {
    /// Site, city and country, those that are given, in that order.
    pub fn place_parts(&self) -> Vec<&str> {
        [&self.site, &self.city, &self.country]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|part| !part.is_empty())
            .collect()
    }
}

/// Who attended.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Participants {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_site: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<u32>,
    /// From the home country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<u32>,
    /// Countries and organizations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegations: Option<u32>,
}

/// The contributions (寄書) submitted to the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Contributions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<u32>,
    /// Printed inside the bracket before the home count (カナダと共同提出の寄書1件を含む).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_note: Option<String>,
}

/// A part of the body; its number (1., 3.2) is generated from its place, never stored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Section {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    /// Optional only when `working_party` is given (then `WP1: title` is used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_party: Option<WorkingParty>,
    pub blocks: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// Marks a section that reports one Working Party.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct WorkingParty {
    pub number: u32,
    pub title: String,
    /// Replaces the generated "WP1は、…から構成されている。" sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
}

/// The content of a section, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// The summary paragraph generated from the meeting's facts.
    Summary {
        #[serde(default, skip_serializing_if = "Uid::is_empty")]
        #[specta(optional)]
        uid: Uid,
    },
    /// One paragraph; `\n` inside is a line break.
    Paragraph {
        #[serde(default, skip_serializing_if = "Uid::is_empty")]
        #[specta(optional)]
        uid: Uid,
        text: String,
        /// Text that recurs in every report of the group: a new report made from this one
        /// keeps it (only written when true).
        #[serde(default, skip_serializing_if = "is_false")]
        #[specta(optional)]
        boilerplate: bool,
    },
    Bullets {
        #[serde(default, skip_serializing_if = "Uid::is_empty")]
        #[specta(optional)]
        uid: Uid,
        items: Vec<String>,
        /// The identity of each item, in the order of `items` (`uid.rs`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[specta(optional)]
        item_uids: Vec<Uid>,
        /// As for a paragraph: the list recurs in every report of the group.
        #[serde(default, skip_serializing_if = "is_false")]
        #[specta(optional)]
        boilerplate: bool,
    },
    Question(Question),
    Schedule(Schedule),
}

impl Block {
    /// The value of the `type` tag in the file format.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Summary { .. } => "summary",
            Block::Paragraph { .. } => "paragraph",
            Block::Bullets { .. } => "bullets",
            Block::Question(_) => "question",
            Block::Schedule(_) => "schedule",
        }
    }

    /// The summary block, without an identity yet.
    pub fn summary() -> Block {
        Block::Summary {
            uid: Uid::default(),
        }
    }

    /// The block's stable identity.
    pub fn uid(&self) -> &Uid {
        match self {
            Block::Summary { uid } | Block::Paragraph { uid, .. } | Block::Bullets { uid, .. } => {
                uid
            }
            Block::Question(question) => &question.uid,
            Block::Schedule(schedule) => &schedule.uid,
        }
    }

    pub fn uid_mut(&mut self) -> &mut Uid {
        match self {
            Block::Summary { uid } | Block::Paragraph { uid, .. } | Block::Bullets { uid, .. } => {
                uid
            }
            Block::Question(question) => &mut question.uid,
            Block::Schedule(schedule) => &mut schedule.uid,
        }
    }
}

/// One Question (課題N) and what the meeting did with its work items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Question {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    pub number: u32,
    /// A noun phrase naming what the Question studies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    pub outcomes: Vec<Outcome>,
    /// `false`: the Question did not meet.
    #[serde(default = "default_true", skip_serializing_if = "is_true")]
    pub discussed: bool,
    /// Free text appended after the generated sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Replaces the generated sentences entirely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Default for Question {
    fn default() -> Self {
        Question {
            uid: Uid::default(),
            number: 1,
            scope: None,
            outcomes: Vec::new(),
            discussed: true,
            note: None,
            text: None,
        }
    }
}

fn default_true() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// What a meeting did with one work item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Outcome {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    /// The work item (`X.1250rev`); absent for unnumbered documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The English title as registered (or the document's name when there is no id).
    pub title: String,
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<Process>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentKind>,
    /// Japanese text printed right before the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
}

/// A numbered table of future meetings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct Schedule {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub rows: Vec<ScheduleRow>,
}

/// One future meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct ScheduleRow {
    /// Its stable identity (`uid.rs`); absent in files of the first release.
    #[serde(default, skip_serializing_if = "Uid::is_empty")]
    #[specta(optional)]
    pub uid: Uid,
    pub meeting: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ScheduleDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<ScheduleDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// `\n` is a line break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

impl Report {
    /// A new, empty report for a meeting of `organization` `group`.
    pub fn new(title: &str, organization: &str, group: &str) -> Report {
        Report {
            title: title.to_owned(),
            language: Language::Ja,
            style: Style::default(),
            authors: Vec::new(),
            meeting: Meeting {
                organization: organization.to_owned(),
                group: group.to_owned(),
                ..Meeting::default()
            },
            sections: Vec::new(),
        }
    }

    /// What a new report starts as (the app's "New report"): an ITU-T meeting with only
    /// its introduction, whose summary paragraph the meeting's facts will fill.
    pub fn blank() -> Report {
        let mut report = Report::new("", "ITU-T", "");
        report.sections.push(Section {
            heading: Some("はじめに".to_owned()),
            blocks: vec![Block::summary()],
            ..Section::default()
        });
        report
    }

    /// Every outcome of every Question, with the JSON path of the outcome, in document
    /// order.
    pub fn outcomes(&self) -> Vec<(String, &Question, &Outcome)> {
        let mut found = Vec::new();
        visit_sections(&self.sections, &mut |path, _number, section| {
            for (b, block) in section.blocks.iter().enumerate() {
                if let Block::Question(question) = block {
                    for (o, outcome) in question.outcomes.iter().enumerate() {
                        found.push((
                            format!("{path}.blocks[{b}].outcomes[{o}]"),
                            question,
                            outcome,
                        ));
                    }
                }
            }
        });
        found
    }
}

/// Calls `f` with every section, depth first in document order, its JSON path
/// (`sections[2].sections[0]`) and its number (`[3, 1]` for 3.1).
pub fn visit_sections<'a>(sections: &'a [Section], f: &mut impl FnMut(&str, &[u32], &'a Section)) {
    fn walk<'a>(
        sections: &'a [Section],
        path: &str,
        number: &mut Vec<u32>,
        f: &mut impl FnMut(&str, &[u32], &'a Section),
    ) {
        for (i, section) in sections.iter().enumerate() {
            let path = format!("{path}[{i}]");
            number.push(i as u32 + 1);
            f(&path, number, section);
            walk(&section.sections, &format!("{path}.sections"), number, f);
            number.pop();
        }
    }
    walk(sections, "sections", &mut Vec::new(), f);
}
