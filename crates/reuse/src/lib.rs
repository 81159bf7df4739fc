//! A new report from a past one or from a template: what carries over, what is cleared,
//! and a list of both for the user.
//!
//! A group meets three or four times a year and its reports share their structure, their
//! authors, their Working Parties and Questions. [`structure_of`] keeps exactly that and
//! clears everything that belongs to one meeting; a template is such a structure stored
//! under a name. [`next_report`] starts the report of the following meeting from a past
//! one: its structure, the ordinal advanced, and the dates and place the past report's
//! schedule gives for that meeting.

mod next_meeting;

use rapporteur_model::{
    visit_sections, Block, Meeting, MeetingMode, Question, Report, Schedule, Section,
};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use next_meeting::next_meeting_row;

/// A new report and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct NewReport {
    pub report: Report,
    /// What came from the source, in the order of the report.
    pub carried: Vec<Carried>,
    /// What is left for the user to fill, each with the JSON path of its place.
    pub to_fill: Vec<ToFill>,
}

/// One thing carried over from the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Carried {
    /// The title; `from` differs from `to` when the ordinal was advanced.
    Title {
        from: String,
        to: String,
    },
    Authors {
        count: u32,
    },
    Group {
        organization: String,
        group: String,
    },
    Sections {
        count: u32,
    },
    WorkingParties {
        count: u32,
    },
    /// Questions with their numbers and scopes.
    Questions {
        count: u32,
    },
    /// Paragraphs and lists marked as boilerplate.
    Boilerplate {
        count: u32,
    },
    /// The dates the past report's schedule gives for this meeting (`row`: its path).
    Dates {
        row: String,
        start: chrono::NaiveDate,
        end: Option<chrono::NaiveDate>,
    },
    /// The venue the same schedule row gives.
    Place {
        row: String,
        venue: String,
    },
}

/// One thing the user still has to fill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum ToFill {
    /// The title names no meeting ordinal this could advance.
    Title {
        path: String,
    },
    Ordinal {
        path: String,
    },
    Authors {
        path: String,
    },
    Dates {
        path: String,
    },
    Place {
        path: String,
    },
    /// In person, hybrid or virtual.
    Mode {
        path: String,
    },
    Participants {
        path: String,
    },
    Contributions {
        path: String,
    },
    TemporaryDocuments {
        path: String,
    },
    /// What the meeting did with the Question's work items.
    Outcomes {
        path: String,
        question: u32,
    },
    /// The schedule table's rows.
    Schedule {
        path: String,
        caption: Option<String>,
    },
    /// A section left with nothing in it: its paragraphs were about the past meeting.
    Section {
        path: String,
        heading: String,
    },
}

/// The report's structure with nothing that belongs to one meeting: title (without the
/// meeting's ordinal), language, style, authors, the group; sections with their headings
/// and Working Parties; Questions with their numbers and scopes; the summary; paragraphs
/// and lists marked as boilerplate; schedules with their captions. Cleared: the ordinal,
/// dates, place, mode and figures of the meeting, outcomes, Questions' notes and texts,
/// other paragraphs and lists, schedule rows. Applied to its own result it changes nothing.
pub fn structure_of(report: &Report) -> Report {
    let m = &report.meeting;
    Report {
        title: without_ordinal(&report.title, m.ordinal),
        language: report.language,
        style: report.style.clone(),
        authors: report.authors.clone(),
        meeting: Meeting {
            organization: m.organization.clone(),
            group: m.group.clone(),
            group_topic: m.group_topic.clone(),
            home_country: m.home_country.clone(),
            ..Meeting::default()
        },
        sections: report.sections.iter().map(section_structure).collect(),
    }
}

/// The report of the meeting after `past`'s: its structure, the ordinal advanced in the
/// meeting and the title, and the dates and place from the schedule row of `past` that
/// names that meeting (see [`next_meeting_row`]).
pub fn next_report(past: &Report) -> NewReport {
    let mut report = structure_of(past);
    if let Some(ordinal) = past.meeting.ordinal {
        report.meeting.ordinal = Some(ordinal + 1);
        report.title =
            with_ordinal(&past.title, ordinal, ordinal + 1).unwrap_or_else(|| past.title.clone());
    }
    let mut from_schedule = Vec::new();
    if let Some((row_path, row)) = next_meeting_row(past) {
        let m = &mut report.meeting;
        if let Some(start) = row.start.and_then(full_date) {
            m.start = Some(start);
            m.end = row.end.and_then(full_date).filter(|end| *end >= start);
            from_schedule.push(Carried::Dates {
                row: row_path.clone(),
                start,
                end: m.end,
            });
        }
        if let Some(venue) = row.venue.as_deref().filter(|v| !v.trim().is_empty()) {
            apply_venue(m, &past.meeting, venue);
            from_schedule.push(Carried::Place {
                row: row_path,
                venue: venue.to_owned(),
            });
        }
    }
    describe(report, &past.title, from_schedule)
}

/// A new report from a template: the template's structure as it is.
pub fn from_template(template: &Report) -> NewReport {
    let report = structure_of(template);
    let title = report.title.clone();
    describe(report, &title, Vec::new())
}

/// What `report`, a structure with perhaps some meeting facts filled, carries and lacks;
/// `source_title` is the title it was made from, `from_schedule` what the past report's
/// schedule gave.
fn describe(report: Report, source_title: &str, from_schedule: Vec<Carried>) -> NewReport {
    let m = &report.meeting;
    let mut carried = Vec::new();
    let mut to_fill = Vec::new();
    match m.ordinal {
        Some(_) => carried.push(Carried::Title {
            from: source_title.to_owned(),
            to: report.title.clone(),
        }),
        _ => {
            to_fill.push(ToFill::Ordinal {
                path: "meeting.ordinal".to_owned(),
            });
            to_fill.push(ToFill::Title {
                path: "title".to_owned(),
            });
        }
    }
    if report.authors.is_empty() {
        to_fill.push(ToFill::Authors {
            path: "authors".to_owned(),
        });
    } else {
        carried.push(Carried::Authors {
            count: report.authors.len() as u32,
        });
    }
    carried.push(Carried::Group {
        organization: m.organization.clone(),
        group: m.group.clone(),
    });
    carried.extend(from_schedule);
    if m.start.is_none() {
        to_fill.push(ToFill::Dates {
            path: "meeting.start".to_owned(),
        });
    }
    if m.city.is_none() || m.site.is_none() || m.country.is_none() {
        to_fill.push(ToFill::Place {
            path: "meeting.city".to_owned(),
        });
    }
    if m.mode.is_none() {
        to_fill.push(ToFill::Mode {
            path: "meeting.mode".to_owned(),
        });
    }
    to_fill.push(ToFill::Participants {
        path: "meeting.participants".to_owned(),
    });
    to_fill.push(ToFill::Contributions {
        path: "meeting.contributions".to_owned(),
    });
    to_fill.push(ToFill::TemporaryDocuments {
        path: "meeting.temporary_documents".to_owned(),
    });

    let (mut sections, mut working_parties, mut questions, mut boilerplate) = (0, 0, 0, 0);
    // Headings as printed (a Working Party's without one of its own in the preset's words).
    let mut headings = rapporteur_prose::outline(&report)
        .into_iter()
        .map(|entry| entry.heading.text);
    visit_sections(&report.sections, &mut |path, _, section| {
        let heading = headings.next().unwrap_or_default();
        sections += 1;
        working_parties += u32::from(section.working_party.is_some());
        if section.blocks.is_empty() && section.sections.is_empty() {
            to_fill.push(ToFill::Section {
                path: format!("{path}.blocks"),
                heading,
            });
        }
        for (b, block) in section.blocks.iter().enumerate() {
            match block {
                Block::Question(q) => {
                    questions += 1;
                    to_fill.push(ToFill::Outcomes {
                        path: format!("{path}.blocks[{b}].outcomes"),
                        question: q.number,
                    });
                }
                Block::Paragraph { .. } | Block::Bullets { .. } => boilerplate += 1,
                Block::Schedule(s) => to_fill.push(ToFill::Schedule {
                    path: format!("{path}.blocks[{b}].rows"),
                    caption: s.caption.clone(),
                }),
                Block::Summary { .. } => {}
            }
        }
    });
    carried.extend([
        Carried::Sections { count: sections },
        Carried::WorkingParties {
            count: working_parties,
        },
        Carried::Questions { count: questions },
        Carried::Boilerplate { count: boilerplate },
    ]);
    NewReport {
        report,
        carried,
        to_fill,
    }
}

fn section_structure(section: &Section) -> Section {
    Section {
        uid: Default::default(),
        heading: section.heading.clone(),
        working_party: section.working_party.clone(),
        blocks: section.blocks.iter().filter_map(block_structure).collect(),
        sections: section.sections.iter().map(section_structure).collect(),
    }
}

fn block_structure(block: &Block) -> Option<Block> {
    match block {
        Block::Summary { .. } => Some(Block::summary()),
        Block::Paragraph {
            boilerplate: true, ..
        }
        | Block::Bullets {
            boilerplate: true, ..
        } => Some(block.clone()),
        Block::Paragraph { .. } | Block::Bullets { .. } => None,
        Block::Question(q) => Some(Block::Question(Question {
            number: q.number,
            scope: q.scope.clone(),
            ..Question::default()
        })),
        Block::Schedule(s) => Some(Block::Schedule(Schedule {
            uid: Default::default(),
            caption: s.caption.clone(),
            rows: Vec::new(),
        })),
    }
}

/// How `n` may be written in `第n回`: ASCII or full-width digits.
fn ordinal_spellings(n: u32) -> [String; 2] {
    let ascii = n.to_string();
    let wide = ascii
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
        .collect();
    [ascii, wide]
}

/// `title` with its first `第{from}回` made `第{to}回` (in the same digits), if it has one.
fn with_ordinal(title: &str, from: u32, to: u32) -> Option<String> {
    let [to_ascii, to_wide] = ordinal_spellings(to);
    ordinal_spellings(from)
        .iter()
        .zip([to_ascii, to_wide])
        .find_map(|(from, to)| {
            let written = format!("第{from}回");
            title
                .contains(&written)
                .then(|| title.replacen(&written, &format!("第{to}回"), 1))
        })
}

/// `title` without its meeting's `第{ordinal}回`.
fn without_ordinal(title: &str, ordinal: Option<u32>) -> String {
    ordinal
        .and_then(|n| {
            ordinal_spellings(n).iter().find_map(|n| {
                let written = format!("第{n}回");
                title
                    .contains(&written)
                    .then(|| title.replacen(&written, "", 1))
            })
        })
        .unwrap_or_else(|| title.to_owned())
}

fn full_date(date: rapporteur_model::ScheduleDate) -> Option<chrono::NaiveDate> {
    match date {
        rapporteur_model::ScheduleDate::Day(day) => Some(day),
        rapporteur_model::ScheduleDate::Month { .. } => None,
    }
}

/// Fills the place from a schedule row's venue: `ジュネーブ`, `ジュネーブ+e-meeting`
/// (hybrid) or `e-meeting` (virtual). When the city is the past meeting's, its site and
/// country are the same too.
fn apply_venue(meeting: &mut Meeting, past: &Meeting, venue: &str) {
    let parts: Vec<&str> = venue
        .split(['+', '＋'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let remote = |p: &&str| {
        let p = p.to_lowercase();
        p.contains("e-meeting") || p.contains("online") || p.contains("オンライン")
    };
    let places: Vec<&str> = parts.iter().filter(|p| !remote(p)).copied().collect();
    let has_remote = parts.iter().any(remote);
    match places.as_slice() {
        [] if has_remote => meeting.mode = Some(MeetingMode::Virtual),
        [] => {}
        [city, ..] => {
            meeting.city = Some((*city).to_owned());
            if has_remote {
                meeting.mode = Some(MeetingMode::Hybrid);
            }
            if past.city.as_deref() == Some(*city) {
                meeting.site = past.site.clone();
                meeting.country = past.country.clone();
            }
        }
    }
}
