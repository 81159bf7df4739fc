//! The summary paragraph read back into the meeting's facts (docs/style.md, "The summary
//! paragraph"): its three sentences in either preset, each clause optional.

use rapporteur_model::{Contributions, Meeting, MeetingMode, Participants, Preset};
use rapporteur_prose::phrases;
use regex::Regex;
use std::sync::LazyLock;

use super::dates::{meeting_range, WrongWeekday};
use rapporteur_prose::dates::ERAS;

fn pattern(text: &str) -> Regex {
    Regex::new(text).expect("a valid pattern")
}

static HELD: LazyLock<Regex> = LazyLock::new(|| {
    // The dates start with a year, Western (digits of either width) or of an era.
    let eras: Vec<&str> = ERAS.iter().map(|&(name, _)| name).collect();
    pattern(&format!(
        r"^(?P<org>[^\s(]+) (?P<group>[^\s(]+)(?:\((?P<topic>[^()]*)\))?の(?:第(?P<ordinal>\d{{1,4}})回)?会合が(?:、(?P<dates>(?:[0-9０-９]{{4}}|{})[^、]*?)に)?(?:、(?P<place>[^、]+?)において)?開催された。$",
        eras.join("|")
    ))
});
static ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^この会合には、(?:(?P<country>[^、]+?)からの(?P<home>\d{1,6})名を含む、?)?(?:(?P<delegations>\d{1,6})か国・諸機関の)?(?P<total>\d{1,6})名(?:\((?P<split>[^()]*)\))?が参加した。$",
    )
});
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^提出された寄書は(?P<total>\d{1,6})件(?:\(うち(?P<country>[^、()]+?)から(?:、(?P<note>.*?))?(?P<home>\d{1,6})件\))?(?:で、(?P<documents>\d{1,6})件の臨時文書\(Temporary Document\)が発行された。|であった。)$",
    )
});
static DOCUMENTS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?P<documents>\d{1,6})件の臨時文書\(Temporary Document\)が発行された。$")
});
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?:現地参加(?P<on_site>\d{1,6})名)?、?(?:リモート参加(?P<remote>\d{1,6})名)?$")
});

/// The meeting's facts read from the opening sentences of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadMeeting {
    pub meeting: Meeting,
    /// How many sentences (each with its `。`) of the paragraph the facts came from.
    pub sentences: usize,
    pub wrong_weekdays: Vec<WrongWeekday>,
}

/// For matching only: the presets' brackets and range marks made one, spaces around
/// brackets dropped (`SG17 (セキュリティ) の` and `SG17（セキュリティ）の` read alike).
fn normalise(sentence: &str) -> String {
    let (kanji, katakana) = (
        phrases::glyphs(Preset::JaKanji),
        phrases::glyphs(Preset::JaKatakana),
    );
    let text: String = sentence
        .chars()
        .map(|c| match c {
            c if c == kanji.open => katakana.open,
            c if c == kanji.close => katakana.close,
            c if c == kanji.range => katakana.range,
            c => c,
        })
        .collect();
    text.replace(" (", "(").replace(") ", ")")
}

/// The number a pattern's group `name` caught, if it did.
pub(super) fn number(caps: &regex::Captures, name: &str) -> Option<u32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The contributions and temporary documents of the sentence that gives them, in either
/// language: their patterns name the same groups (`total`, `home`, `note`, `country`,
/// `documents`). A country named earlier, with the participants, is kept.
pub(super) fn read_contributions(caps: &regex::Captures, meeting: &mut Meeting) {
    meeting.contributions = Some(Contributions {
        total: number(caps, "total"),
        home: number(caps, "home"),
        home_note: caps.name("note").map(|m| m.as_str().to_owned()),
    });
    if let Some(country) = caps.name("country") {
        meeting
            .home_country
            .get_or_insert(country.as_str().to_owned());
    }
    meeting.temporary_documents = number(caps, "documents");
}

/// The facts of a paragraph's opening sentences, if it opens with `… の会合が、…開催された。`.
pub(crate) fn read(sentences: &[&str]) -> Option<ReadMeeting> {
    let first = normalise(sentences.first()?);
    let caps = HELD.captures(&first)?;
    let mut meeting = Meeting {
        organization: caps["org"].to_owned(),
        group: caps["group"].to_owned(),
        group_topic: caps.name("topic").map(|m| m.as_str().to_owned()),
        ordinal: number(&caps, "ordinal"),
        ..Meeting::default()
    };
    let mut wrong_weekdays = Vec::new();
    if let Some(dates) = caps.name("dates") {
        let (start, end, wrong) = meeting_range(dates.as_str())?;
        meeting.start = Some(start);
        meeting.end = end;
        wrong_weekdays = wrong;
    }
    if let Some(place) = caps.name("place") {
        read_place(place.as_str(), &mut meeting);
    }
    let mut used = 1;
    let second = sentences
        .get(used)
        .map(|s| normalise(s))
        .unwrap_or_default();
    if let Some(caps) = ATTENDED.captures(&second) {
        let mut participants = Participants {
            total: number(&caps, "total"),
            home: number(&caps, "home"),
            delegations: number(&caps, "delegations"),
            ..Participants::default()
        };
        if let Some(country) = caps.name("country") {
            meeting.home_country = Some(country.as_str().to_owned());
        }
        if let Some(split) = caps.name("split") {
            let split = SPLIT.captures(split.as_str())?;
            participants.on_site = number(&split, "on_site");
            participants.remote = number(&split, "remote");
            // Not printed, but the split says how people took part.
            meeting.mode = match (participants.on_site, participants.remote) {
                (Some(on_site), Some(remote)) if on_site > 0 && remote > 0 => {
                    Some(MeetingMode::Hybrid)
                }
                _ => None,
            };
        }
        meeting.participants = Some(participants);
        used += 1;
    }
    if let Some(sentence) = sentences.get(used).map(|s| normalise(s)) {
        if let Some(caps) = SUBMITTED.captures(&sentence) {
            read_contributions(&caps, &mut meeting);
            used += 1;
        } else if let Some(caps) = DOCUMENTS.captures(&sentence) {
            meeting.temporary_documents = number(&caps, "documents");
            used += 1;
        }
    }
    Some(ReadMeeting {
        meeting,
        sentences: used,
        wrong_weekdays,
    })
}

/// `スイス(ジュネーブ)のITU本部`: country, city in brackets, site after `の`; a place
/// without brackets is a country, or a country and a site.
fn read_place(place: &str, meeting: &mut Meeting) {
    let (location, site) = match place.split_once(")の") {
        Some((location, site)) => (format!("{location})"), Some(site)),
        None if place.contains('(') => (place.to_owned(), None),
        None => match place.split_once('の') {
            Some((location, site)) => (location.to_owned(), Some(site)),
            None => (place.to_owned(), None),
        },
    };
    match location.strip_suffix(')').and_then(|l| l.split_once('(')) {
        Some((country, city)) => {
            meeting.country = Some(country.to_owned());
            meeting.city = Some(city.to_owned());
        }
        None => meeting.country = Some(location),
    }
    meeting.site = site.map(str::to_owned);
}
