//! The report's text generated from its data: headings with their numbers, the summary
//! paragraph, the Working Party and Question sentences, bullet lists and schedule
//! tables, in the report's language and preset (docs/style.md). No Tauri, no DOCX: the
//! writers render the `Document` this produces.

pub mod dates;
mod document;
mod english;
mod japanese;
pub mod labels;
mod outline;
pub mod phrases;
mod text;

pub use document::{Document, Heading, Node, Origin, Preview, Table};
pub use outline::{outline, OutlineEntry};
pub use text::render_text;

use rapporteur_model::{
    Block, Language, Meeting, Outcome, Question, Report, Schedule, ScheduleDate, Section,
    WorkingParty,
};

/// How one language and preset phrases the generated parts of a report.
trait Voice {
    /// `1.`, `2.1` … and what separates the number from the heading's text.
    fn heading_number(&self, number: &[u32]) -> (String, &'static str);
    fn working_party_heading(&self, wp: &WorkingParty) -> String;
    /// The sentence that opens a Working Party's section, naming its Questions.
    fn working_party_sentence(&self, wp: &WorkingParty, questions: &[&Question]) -> Option<String>;
    /// A Question's generated sentences (without `note`, which the caller appends).
    fn question_sentences(&self, question: &Question) -> String;
    fn summary(&self, meeting: &Meeting) -> String;
    /// `■表1. caption`; `count` is how many tables the report has.
    fn table_caption(&self, index: usize, count: usize, caption: Option<&str>) -> String;
    fn table_header(&self) -> Vec<String>;
    fn table_period(&self, start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String;
    fn bullet(&self) -> char;
    /// How `note` follows the generated sentences.
    fn sentence_gap(&self) -> &'static str;
}

fn voice_for(report: &Report) -> Box<dyn Voice> {
    voice(report.language, report.style.preset)
}

fn voice(language: Language, preset: rapporteur_model::Preset) -> Box<dyn Voice> {
    match language {
        Language::Ja => Box::new(japanese::Japanese::new(preset)),
        Language::En => Box::new(english::English),
    }
}

/// The report's printed text as a document tree.
pub fn generate(report: &Report) -> Document {
    preview(report).document
}

/// The document with where each of its nodes comes from in the report.
pub fn preview(report: &Report) -> Preview {
    let voice = voice_for(report);
    let mut writer = Writer {
        voice: voice.as_ref(),
        meeting: &report.meeting,
        tables: count_tables(&report.sections),
        table_index: 0,
        body: Vec::new(),
        origins: Vec::new(),
    };
    writer.sections(&report.sections, &mut Vec::new());
    Preview {
        document: Document {
            title: report.title.clone(),
            authors: report.authors.clone(),
            language: report.language,
            preset: report.style.preset,
            meeting_start: report.meeting.start,
            body: writer.body,
        },
        origins: writer.origins,
    }
}

fn count_tables(sections: &[Section]) -> usize {
    sections
        .iter()
        .map(|s| {
            s.blocks
                .iter()
                .filter(|b| matches!(b, Block::Schedule(_)))
                .count()
                + count_tables(&s.sections)
        })
        .sum()
}

struct Writer<'a> {
    voice: &'a dyn Voice,
    meeting: &'a Meeting,
    tables: usize,
    table_index: usize,
    body: Vec<Node>,
    /// One per node of `body`.
    origins: Vec<Origin>,
}

impl Writer<'_> {
    fn sections(&mut self, sections: &[Section], number: &mut Vec<u32>) {
        for (i, section) in sections.iter().enumerate() {
            number.push(i as u32 + 1);
            self.section(section, number);
            number.pop();
        }
    }

    /// Adds `nodes`, printed from `block` of the section at `number` (or from the section itself).
    fn push(
        &mut self,
        number: &[u32],
        block: Option<usize>,
        nodes: impl IntoIterator<Item = Node>,
    ) {
        for node in nodes {
            self.body.push(node);
            self.origins.push(Origin {
                section: number.iter().map(|n| n - 1).collect(),
                block: block.map(|b| b as u32),
            });
        }
    }

    fn section(&mut self, section: &Section, number: &[u32]) {
        let heading = Node::Heading(outline::heading(self.voice, section, number));
        self.push(number, None, [heading]);
        if let Some(wp) = &section.working_party {
            let sentence = match &wp.intro {
                Some(intro) => Some(intro.clone()),
                None => {
                    let questions: Vec<&Question> = section
                        .blocks
                        .iter()
                        .filter_map(|b| {
                            if let Block::Question(q) = b {
                                Some(q)
                            } else {
                                None
                            }
                        })
                        .collect();
                    self.voice.working_party_sentence(wp, &questions)
                }
            };
            self.push(number, None, sentence.map(|text| Node::Paragraph { text }));
        }
        for (index, block) in section.blocks.iter().enumerate() {
            let nodes = self.block(block, section.working_party.is_some());
            self.push(number, Some(index), nodes);
        }
        self.sections(&section.sections, &mut number.to_vec());
    }

    /// The nodes `block` prints.
    fn block(&mut self, block: &Block, in_working_party: bool) -> Vec<Node> {
        match block {
            Block::Summary { .. } => vec![Node::Paragraph {
                text: self.voice.summary(self.meeting),
            }],
            Block::Paragraph { text, .. } => vec![Node::Paragraph { text: text.clone() }],
            Block::Bullets { items, .. } => {
                let marker = self.voice.bullet();
                items
                    .iter()
                    .map(|text| Node::Bullet {
                        marker,
                        text: text.clone(),
                    })
                    .collect()
            }
            Block::Question(question) => {
                let text = self.question(question);
                // A Question outside any Working Party is printed without a bullet.
                vec![if in_working_party {
                    Node::Bullet {
                        marker: self.voice.bullet(),
                        text,
                    }
                } else {
                    Node::Paragraph { text }
                }]
            }
            Block::Schedule(schedule) => vec![self.schedule(schedule)],
        }
    }

    fn question(&self, question: &Question) -> String {
        question_text(self.voice, question)
    }

    fn schedule(&mut self, schedule: &Schedule) -> Node {
        self.table_index += 1;
        let rows = schedule
            .rows
            .iter()
            .map(|row| {
                vec![
                    row.meeting.clone(),
                    self.voice.table_period(row.start, row.end),
                    row.venue.clone().unwrap_or_default(),
                    row.content.clone().unwrap_or_default(),
                ]
            })
            .collect();
        Node::Table(Table {
            caption: self.voice.table_caption(
                self.table_index,
                self.tables,
                schedule.caption.as_deref(),
            ),
            header: self.voice.table_header(),
            rows,
        })
    }
}

/// A Question's printed text: its own `text` or the generated sentences, then `note`.
fn question_text(voice: &dyn Voice, question: &Question) -> String {
    let sentences = match &question.text {
        Some(text) => text.clone(),
        None => voice.question_sentences(question),
    };
    match question.note.as_deref().filter(|n| !n.is_empty()) {
        Some(note) => format!("{sentences}{}{note}", voice.sentence_gap()),
        None => sentences,
    }
}

/// The outcomes of a Question grouped by action, in the documented order, with the
/// approved ones further split by process (TAP, AAP, none) in that order.
fn outcome_groups(
    question: &Question,
) -> Vec<(
    rapporteur_model::Action,
    Option<rapporteur_model::Process>,
    Vec<&Outcome>,
)> {
    phrases::outcome_kinds()
        .into_iter()
        .filter_map(|(action, process)| {
            let items: Vec<&Outcome> = question
                .outcomes
                .iter()
                .filter(|o| {
                    o.action == action
                        && (action != rapporteur_model::Action::Approved || o.process == process)
                })
                .collect();
            (!items.is_empty()).then_some((action, process, items))
        })
        .collect()
}
