//! Plain English sentences of the same shape as the Japanese ones.

use crate::dates::{meeting_range_en, period_en};
use crate::{outcome_groups, Voice};
use rapporteur_model::{Action, Meeting, Outcome, Process, Question, ScheduleDate, WorkingParty};

pub(crate) struct English;

/// `A`, `A and B`, `A, B and C`.
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The id and the title in brackets; an outcome without id is its title. Glosses are
/// Japanese and stay out of English text.
fn item(outcome: &Outcome) -> String {
    match &outcome.id {
        Some(id) => format!("{id} ({})", outcome.title),
        None => outcome.title.clone(),
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Voice for English {
    fn heading_number(&self, number: &[u32]) -> (String, &'static str) {
        let parts: Vec<String> = number.iter().map(u32::to_string).collect();
        if number.len() == 1 {
            (format!("{}.", parts[0]), " ")
        } else {
            (parts.join("."), " ")
        }
    }

    fn working_party_heading(&self, wp: &WorkingParty) -> String {
        format!("WP{}: {}", wp.number, wp.title)
    }

    fn working_party_sentence(&self, wp: &WorkingParty, questions: &[&Question]) -> Option<String> {
        if questions.is_empty() {
            return None;
        }
        let parts: Vec<String> = questions
            .iter()
            .map(|q| match q.scope.as_deref().filter(|s| !s.is_empty()) {
                Some(scope) => format!("Question {} ({scope})", q.number),
                None => format!("Question {}", q.number),
            })
            .collect();
        Some(format!("WP{} consists of {}.", wp.number, join(&parts)))
    }

    fn question_sentences(&self, question: &Question) -> String {
        let n = question.number;
        if !question.discussed {
            return format!("Question {n} did not meet at this meeting.");
        }
        let groups = outcome_groups(question);
        if groups.is_empty() {
            return format!(
                "Question {n}: no Recommendation was determined or consented at this meeting."
            );
        }
        let sentences: Vec<String> = groups
            .iter()
            .map(|(action, process, outcomes)| {
                let items: Vec<String> = outcomes.iter().map(|o| item(o)).collect();
                let items = join(&items);
                let was = if outcomes.len() == 1 { "was" } else { "were" };
                match (action, process) {
                    (Action::Approved, Some(Process::Tap)) => {
                        format!("{items} {was} approved under TAP.")
                    }
                    (Action::Approved, Some(Process::Aap)) => {
                        format!("{items} {was} approved under AAP.")
                    }
                    (Action::Approved, None) => format!("{items} {was} approved."),
                    (Action::Determined, _) => format!("{items} {was} determined."),
                    (Action::Consented, _) => format!("{items} {was} consented."),
                    (Action::Agreed, _) => format!("{items} {was} agreed for publication."),
                    (Action::NewWorkItem, _) => {
                        format!("As new work items, {items} {was} established.")
                    }
                    (Action::Postponed, _) => format!("The approval of {items} was postponed."),
                    (Action::Deleted, _) => format!("{items} {was} deleted."),
                }
            })
            .collect();
        format!("Question {n}: {}", sentences.join(" "))
    }

    fn summary(&self, m: &Meeting) -> String {
        let mut group = format!("{} {}", m.organization, m.group);
        if let Some(topic) = m.group_topic.as_deref().filter(|t| !t.is_empty()) {
            group = format!("{group} ({topic})");
        }
        let meeting = match m.ordinal {
            Some(n) => format!("The {} meeting of {group}", ordinal(n)),
            None => format!("A meeting of {group}"),
        };
        let mut text = format!("{meeting} was held");
        if let Some(start) = m.start {
            text.push_str(&format!(" {}", meeting_range_en(start, m.end)));
        }
        let place = m.place_parts();
        if !place.is_empty() {
            text.push_str(&format!(" at {}", place.join(", ")));
        }
        text.push('.');

        let home_country = m.home_country.as_deref().filter(|c| !c.is_empty());
        if let Some(p) = m.participants.as_ref() {
            if let Some(total) = p.total {
                text.push_str(&format!(" It was attended by {total} participants"));
                let split: Vec<String> = [("on site", p.on_site), ("remote", p.remote)]
                    .iter()
                    .filter_map(|(label, n)| n.map(|n| format!("{n} {label}")))
                    .collect();
                if !split.is_empty() {
                    text.push_str(&format!(" ({})", split.join(", ")));
                }
                if let Some(d) = p.delegations {
                    text.push_str(&format!(" from {d} countries and organizations"));
                }
                if let (Some(home), Some(country)) = (p.home, home_country) {
                    text.push_str(&format!(", including {home} from {country}"));
                }
                text.push('.');
            }
        }
        let documents = m
            .temporary_documents
            .map(|n| format!("{n} temporary documents were issued"));
        match m
            .contributions
            .as_ref()
            .and_then(|c| c.total.map(|total| (c, total)))
        {
            Some((c, total)) => {
                text.push_str(&format!(" {total} contributions were submitted"));
                if let (Some(home), Some(country)) = (c.home, home_country) {
                    let note = c
                        .home_note
                        .as_deref()
                        .filter(|n| !n.is_empty())
                        .map(|n| format!(", {n}"))
                        .unwrap_or_default();
                    text.push_str(&format!(" ({home} from {country}{note})"));
                }
                match documents {
                    Some(documents) => text.push_str(&format!(", and {documents}.")),
                    None => text.push('.'),
                }
            }
            None => {
                if let Some(documents) = documents {
                    text.push_str(&format!(" {documents}."));
                }
            }
        }
        text
    }

    fn table_caption(&self, index: usize, _count: usize, caption: Option<&str>) -> String {
        format!("Table {index}. {}", caption.unwrap_or_default())
            .trim_end()
            .to_owned()
    }

    fn table_header(&self) -> Vec<String> {
        ["Meeting", "Period", "Venue", "Content"]
            .map(String::from)
            .to_vec()
    }

    fn table_period(&self, start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
        period_en(start, end)
    }

    fn bullet(&self) -> char {
        '•'
    }

    fn sentence_gap(&self) -> &'static str {
        " "
    }
}
