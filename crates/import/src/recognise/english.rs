//! English reports read back: the sentences `rapporteur-prose`'s English voice writes,
//! and their common variants — a Question's outcomes (`X.1252 (Title) was consented.`,
//! `… were approved under TAP.`, `As new work items, … were established.`), the summary's
//! meeting facts, and the Working Party sentence (`WP1 consists of Question 3 (…) and …`).

use rapporteur_model::{
    Action, Language, Meeting, MeetingMode, Outcome, Participants, Preset, Process, Question,
};
use rapporteur_prose::dates::read_meeting_range_en;
use rapporteur_prose::phrases;
use regex::Regex;
use std::sync::LazyLock;

use super::meeting::{number, read_contributions, ReadMeeting};
use super::question::{document_kind, next_item, ReadQuestion};
use super::working_party::Scopes;
use super::{bracket, depth_after, same_text, split_outside};

fn pattern(text: &str) -> Regex {
    Regex::new(text).expect("a valid pattern")
}

static OPENING: LazyLock<Regex> = LazyLock::new(|| pattern(r"^Question (\d{1,3})(:\s*|\s+)"));

/// The sentences of `text`, each with its full stop and the space after it, split where a
/// full stop outside brackets ends a sentence (not the dots of `X.1252` or `2.0`).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in split_outside(text, '.', true) {
        let end = piece.as_ptr() as usize - text.as_ptr() as usize + piece.len();
        let next = text[end..].chars().next();
        if next.is_none_or(char::is_whitespace) {
            let with_space = end + text[end..].len() - text[end..].trim_start().len();
            out.push(&text[start..with_space]);
            start = with_space;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whether `text` opens a Question's paragraph in English (`Question 3: …`).
pub(crate) fn opens_question(text: &str) -> bool {
    OPENING.is_match(text)
}

/// A Question's paragraph in English, if `text` opens one.
pub(crate) fn read_question(text: &str, preset: Preset) -> Option<ReadQuestion> {
    let caps = OPENING.captures(text)?;
    let n: u32 = caps[1].parse().ok()?;
    let base = Question {
        number: n,
        ..Question::default()
    };
    let generated = |q: &Question| same_text(&phrases::question(Language::En, preset, q), text);
    let not_discussed = Question {
        discussed: false,
        ..base.clone()
    };
    let body = &text[caps.get(0)?.end()..];
    if generated(&not_discussed) || generated(&base) {
        let discussed = !generated(&not_discussed);
        let question = Question { discussed, ..base };
        return Some(ReadQuestion::new(question, Vec::new(), true));
    }
    if body.starts_with("did not meet") || body.starts_with("was not discussed") {
        let question = Question {
            text: Some(text.to_owned()),
            ..not_discussed
        };
        return Some(ReadQuestion::new(question, Vec::new(), true));
    }
    if !caps[2].starts_with(':') {
        return None;
    }
    let mut outcomes = Vec::new();
    let mut note = String::new();
    for sentence in sentences(body) {
        match read_sentence(sentence.trim()) {
            Some(found) if note.is_empty() => outcomes.extend(found),
            _ => note.push_str(sentence),
        }
    }
    let understood = !outcomes.is_empty();
    let note = note.trim();
    let mut question = Question {
        outcomes,
        note: (!note.is_empty()).then(|| note.to_owned()),
        ..base
    };
    if !generated(&question) {
        question.note = None;
        question.text = Some(text.to_owned());
    }
    Some(ReadQuestion::new(question, Vec::new(), understood))
}

/// What follows `was`/`were` in an outcome sentence, and what it says.
const PREDICATES: &[(&str, Action, Option<Process>)] = &[
    ("approved under TAP", Action::Approved, Some(Process::Tap)),
    (
        "approved under the TAP",
        Action::Approved,
        Some(Process::Tap),
    ),
    ("approved by TAP", Action::Approved, Some(Process::Tap)),
    ("approved through TAP", Action::Approved, Some(Process::Tap)),
    ("TAP-approved", Action::Approved, Some(Process::Tap)),
    ("approved under AAP", Action::Approved, Some(Process::Aap)),
    (
        "approved under the AAP",
        Action::Approved,
        Some(Process::Aap),
    ),
    ("approved by AAP", Action::Approved, Some(Process::Aap)),
    ("approved through AAP", Action::Approved, Some(Process::Aap)),
    ("AAP-approved", Action::Approved, Some(Process::Aap)),
    ("approved", Action::Approved, None),
    ("determined", Action::Determined, None),
    ("consented", Action::Consented, None),
    ("agreed for publication", Action::Agreed, None),
    ("agreed", Action::Agreed, None),
    ("established as new work items", Action::NewWorkItem, None),
    ("established as a new work item", Action::NewWorkItem, None),
    ("established", Action::NewWorkItem, None),
    ("postponed", Action::Postponed, None),
    ("deleted", Action::Deleted, None),
];

const VERBS: &[&str] = &[" was ", " were ", " has been ", " have been "];

/// An outcome sentence (without its full stop) as outcomes, or `None` when it is not one.
fn read_sentence(sentence: &str) -> Option<Vec<Outcome>> {
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence).trim();
    let (sentence, new_work_items) = match sentence.strip_prefix("As new work items, ") {
        Some(rest) => (rest, true),
        None => (sentence, false),
    };
    let (sentence, approval_of) = match sentence.strip_prefix("The approval of ") {
        Some(rest) => (rest, true),
        None => (sentence, false),
    };
    // The verb outside brackets that is followed by a known predicate; the last one, as
    // titles may hold `was` too.
    let (items, action, process) = VERBS
        .iter()
        .flat_map(|verb| {
            outside_brackets(sentence, verb)
                .into_iter()
                .map(move |at| (at, verb))
        })
        .filter_map(|(at, verb)| {
            let predicate = &sentence[at + verb.len()..];
            let (_, action, process) = PREDICATES.iter().find(|(p, ..)| *p == predicate)?;
            Some((at, *action, *process))
        })
        .max_by_key(|(at, ..)| *at)
        .map(|(at, action, process)| (&sentence[..at], action, process))?;
    if (new_work_items && action != Action::NewWorkItem)
        || (approval_of && action != Action::Postponed)
    {
        return None;
    }
    let outcomes: Vec<Outcome> = items_of(items)?
        .into_iter()
        .map(|(id, title)| Outcome {
            uid: Default::default(),
            document: Some(document_kind(id.as_deref())),
            id,
            title,
            action,
            process,
            gloss: None,
        })
        .collect();
    (!outcomes.is_empty()).then_some(outcomes)
}

/// Where `needle` starts in `text` outside brackets.
fn outside_brackets(text: &str, needle: &str) -> Vec<usize> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (i, c) in text.char_indices() {
        match bracket(c) {
            Some(_) => depth = depth_after(depth, c),
            None if depth == 0 && text[i..].starts_with(needle) => found.push(i),
            None => {}
        }
    }
    found
}

/// `A`, `A and B`, `A, B and C` (an Oxford comma too): each `id (title)` or a title.
fn items_of(text: &str) -> Option<Vec<(Option<String>, String)>> {
    let mut found = Vec::new();
    let mut previous_end = 0;
    let mut at = 0;
    while let Some((start, id, title, end)) = next_item(text, at) {
        found.extend(unnumbered(joiner(&text[previous_end..start])?));
        found.push((Some(id), title));
        previous_end = end;
        at = end;
    }
    found.extend(unnumbered(text[previous_end..].trim()));
    (!found.is_empty() && found.iter().all(|(_, title)| !title.is_empty())).then_some(found)
}

/// What stands between two items with ids: a joiner, or titles without id before one.
fn joiner(text: &str) -> Option<&str> {
    let text = text.trim();
    let text = [",", "and"]
        .iter()
        .fold(text, |t, j| t.strip_prefix(j).unwrap_or(t).trim());
    let text = text.strip_suffix("and").unwrap_or(text).trim();
    Some(text.strip_suffix(',').unwrap_or(text).trim())
}

/// Titles without id: `A, B and C`.
fn unnumbered(text: &str) -> Vec<(Option<String>, String)> {
    let text = text.trim();
    let text = [",", "and "]
        .iter()
        .fold(text, |t, j| t.strip_prefix(j).unwrap_or(t).trim());
    if text.is_empty() {
        return Vec::new();
    }
    let mut parts: Vec<&str> = split_outside(text, ',', false);
    if let Some(last) = parts.pop() {
        match last.rsplit_once(" and ") {
            Some((a, b)) if !parts.is_empty() || !a.trim().is_empty() => parts.extend([a, b]),
            _ => parts.push(last),
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().trim_start_matches("and ").trim())
        .filter(|p| !p.is_empty())
        .map(|title| (None, title.to_owned()))
        .collect()
}

static HELD: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?:The (?P<ordinal>\d{1,4})(?:st|nd|rd|th) meeting|A meeting) of (?P<org>\S+) (?P<group>[^\s(]+)(?: \((?P<topic>[^()]*)\))? was held(?: (?P<dates>(?:on|from) [^.]*?\d{4}))?(?: (?:at|in) (?P<place>.+?))?\.$",
    )
});
static ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^It was attended by (?P<total>\d{1,6}) participants(?: \((?:(?P<on_site>\d{1,6}) on site)?(?:, )?(?:(?P<remote>\d{1,6}) remote)?\))?(?: from (?P<delegations>\d{1,6}) countries and organizations)?(?:, including (?P<home>\d{1,6}) from (?P<country>[^.]+?))?\.$",
    )
});
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?P<total>\d{1,6}) contributions were submitted(?: \((?P<home>\d{1,6}) from (?P<country>[^,()]+?)(?:, (?P<note>[^()]*))?\))?(?:, and (?P<documents>\d{1,6}) temporary documents were issued)?\.$",
    )
});
static DOCUMENTS: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(?P<documents>\d{1,6}) temporary documents were issued\.$"));
/// The meeting's facts from the opening sentences of an English paragraph.
pub(crate) fn read_summary(sentences: &[&str]) -> Option<ReadMeeting> {
    let caps = HELD.captures(sentences.first()?.trim())?;
    let mut meeting = Meeting {
        organization: caps["org"].to_owned(),
        group: caps["group"].to_owned(),
        group_topic: caps.name("topic").map(|m| m.as_str().to_owned()),
        ordinal: number(&caps, "ordinal"),
        ..Meeting::default()
    };
    if let Some(text) = caps.name("dates") {
        let (start, end) = read_meeting_range_en(text.as_str())?;
        meeting.start = Some(start);
        meeting.end = end;
    }
    if let Some(place) = caps.name("place") {
        // Printed site, city, country, each when known: the last is the country, the one
        // before it the city, a third the site.
        let mut parts: Vec<&str> = place.as_str().split(", ").collect();
        meeting.country = parts.pop().map(str::to_owned);
        meeting.city = parts.pop().map(str::to_owned);
        meeting.site = (!parts.is_empty()).then(|| parts.join(", "));
    }
    let mut used = 1;
    if let Some(caps) = sentences
        .get(used)
        .and_then(|s| ATTENDED.captures(s.trim()))
    {
        let participants = Participants {
            total: number(&caps, "total"),
            on_site: number(&caps, "on_site"),
            remote: number(&caps, "remote"),
            home: number(&caps, "home"),
            delegations: number(&caps, "delegations"),
        };
        if let (Some(on_site), Some(remote)) = (participants.on_site, participants.remote) {
            if on_site > 0 && remote > 0 {
                meeting.mode = Some(MeetingMode::Hybrid);
            }
        }
        meeting.home_country = caps.name("country").map(|m| m.as_str().to_owned());
        meeting.participants = Some(participants);
        used += 1;
    }
    if let Some(sentence) = sentences.get(used).map(|s| s.trim()) {
        if let Some(caps) = SUBMITTED.captures(sentence) {
            read_contributions(&caps, &mut meeting);
            used += 1;
        } else if let Some(caps) = DOCUMENTS.captures(sentence) {
            meeting.temporary_documents = number(&caps, "documents");
            used += 1;
        }
    }
    Some(ReadMeeting {
        meeting,
        sentences: used,
        wrong_weekdays: Vec::new(),
    })
}

/// `WP1 consists of Question 3 (scope), Question 4 and Question 5 (scope).`
pub(crate) fn read_working_party(text: &str, number: u32) -> Option<Scopes> {
    let body = text
        .trim()
        .strip_prefix(&format!("WP{number} consists of "))?
        .strip_suffix('.')?;
    static ITEM: LazyLock<Regex> = LazyLock::new(|| pattern(r"^Question (\d{1,3})(?: \((.*)\))?$"));
    let mut parts: Vec<&str> = split_outside(body, ',', false);
    if let Some(last) = parts.pop() {
        let mut tail: Vec<&str> = outside_brackets(last, " and ")
            .last()
            .map(|&at| vec![&last[..at], &last[at + " and ".len()..]])
            .unwrap_or_else(|| vec![last]);
        parts.append(&mut tail);
    }
    parts
        .into_iter()
        .map(|part| {
            let caps = ITEM.captures(part.trim())?;
            Some((
                caps[1].parse().ok()?,
                caps.get(2).map(|m| m.as_str().to_owned()),
            ))
        })
        .collect()
}
