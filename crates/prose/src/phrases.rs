//! The fixed phrases of the generated text, one at a time, for the reverse direction:
//! the importer recognises a published report by the same phrases this crate writes, so
//! the two directions cannot drift apart.

use rapporteur_model::{
    Action, Language, Meeting, Preset, Process, Question, ScheduleDate, WorkingParty,
};

use crate::{japanese::Japanese, question_text, voice};

/// Every action with each process it can have (approved: TAP, AAP, none), in the order a
/// Question's paragraph lists them.
pub fn outcome_kinds() -> Vec<(Action, Option<Process>)> {
    use rapporteur_model::Spelled;
    Action::ALL
        .iter()
        .flat_map(|&action| {
            let processes: &[Option<Process>] = if action == Action::Approved {
                &[Some(Process::Tap), Some(Process::Aap), None]
            } else {
                &[None]
            };
            processes.iter().map(move |&process| (action, process))
        })
        .collect()
}

/// The predicate of a Japanese clause in its sentence-final form (`がデターミネーションされた`,
/// `を凍結した`).
pub fn predicate_ja(preset: Preset, action: Action, process: Option<Process>) -> &'static str {
    Japanese::new(preset).predicate(action, process)
}

/// A Question's printed text (its `text` or the generated sentences, then its `note`).
pub fn question(language: Language, preset: Preset, question: &Question) -> String {
    question_text(voice(language, preset).as_ref(), question)
}

/// The summary paragraph of the meeting's facts.
pub fn summary(language: Language, preset: Preset, meeting: &Meeting) -> String {
    voice(language, preset).summary(meeting)
}

/// The sentence that opens a Working Party's section, naming its Questions.
pub fn working_party_sentence(
    language: Language,
    preset: Preset,
    wp: &WorkingParty,
    questions: &[&Question],
) -> Option<String> {
    voice(language, preset).working_party_sentence(wp, questions)
}

/// How a Japanese preset sets dates: a meeting's with weekdays in its brackets, a
/// table's without, and its range mark (`2025年12月3日(水)～11日(木)`,
/// `2020年3月17日（火）〜26日（木）`).
pub fn dates_ja(preset: Preset, weekdays: bool) -> crate::dates::JaStyle {
    Japanese::new(preset).dates(weekdays)
}

pub use crate::japanese::Glyphs;

/// The glyphs where a Japanese preset's text differs from the other's.
pub fn glyphs(preset: Preset) -> Glyphs {
    Japanese::new(preset).glyphs
}

/// The bullet of Questions and bullet lists (`●`, `◦`, `•`).
pub fn bullet(language: Language, preset: Preset) -> char {
    voice(language, preset).bullet()
}

/// A schedule table's header row.
pub fn table_header(language: Language, preset: Preset) -> Vec<String> {
    voice(language, preset).table_header()
}

/// A schedule table's period as printed (`2026年3月30日～4月2日`).
pub fn table_period(
    language: Language,
    preset: Preset,
    start: Option<ScheduleDate>,
    end: Option<ScheduleDate>,
) -> String {
    voice(language, preset).table_period(start, end)
}
