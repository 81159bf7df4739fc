//! Reports as a journal's layout or a PDF breaks them: generated reports (both presets,
//! English too), their text export re-wrapped at a width from 16 to 60 columns — words
//! broken inside with a hyphen, ids broken after a dot or a hyphen, Japanese broken
//! between any two characters the journal's line rules allow — with page numbers, form
//! feeds and running headers put between lines. Shared by the property test
//! (`tests/rewrap.rs`) and `make fuzz`.

use rapporteur_export::{export, DocxOptions, ExportFormat};
use rapporteur_model::{
    Action, Author, Block, Contributions, Language, Meeting, Outcome, Participants, Preset,
    Process, Question, Report, Section, Spelled, Style, WorkingParty,
};

/// A small, seeded generator (xorshift64*): the same seed gives the same case, so a
/// failure can be replayed by its number.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `range`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Words of the titles of ITU-T texts, compounds and acronyms among them.
const WORDS: &[&str] = &[
    "security",
    "framework",
    "requirements",
    "guidelines",
    "architecture",
    "assurance",
    "for",
    "of",
    "and",
    "the",
    "in",
    "on",
    "with",
    "using",
    "based",
    "management",
    "identity",
    "trust",
    "zero-trust",
    "anti-spoofing",
    "end-to-end",
    "Vehicle-to-Everything",
    "communication",
    "authentication",
    "protocol",
    "network",
    "networks",
    "services",
    "distributed",
    "ledger",
    "technology",
    "privacy",
    "protection",
    "personal",
    "information",
    "quantum",
    "key",
    "distribution",
    "Internet",
    "things",
    "IoT",
    "cloud",
    "computing",
    "telecommunication",
    "operators",
    "threat",
    "intelligence",
    "sharing",
    "Technical",
    "Report",
    "mobile",
    "devices",
    "software",
    "supply",
    "chain",
    "artificial",
    "machine",
    "learning",
    "detection",
    "mitigation",
    "incident",
    "response",
    "capabilities",
    "evaluation",
    "methodology",
    "application",
    "interface",
    "secure",
    "data",
    "transfer",
    "certificate",
    "public",
    "infrastructure",
    "verification",
    "digital",
    "signature",
];

const ACRONYMS: &[&str] = &["V2X", "PKI", "QKD", "DLT", "AI", "5G"];

const SCOPES_JA: &[&str] = &[
    "セキュリティ標準の戦略",
    "通信システムのセキュリティ",
    "サイバーセキュリティ",
    "IoTのセキュリティ",
    "アイデンティティ管理",
    "量子鍵配送",
];
const SCOPES_EN: &[&str] = &[
    "security standards strategy",
    "telecommunication systems security",
    "cybersecurity",
    "IoT security",
    "identity management",
];
const GLOSSES: &[&str] = &[
    "勧告草案",
    "新勧告草案",
    "改訂勧告草案",
    "技術報告書",
    "補足文書",
];
const WP_TITLES_JA: &[&str] = &[
    "セキュリティ基盤",
    "ネットワークとシステム",
    "アプリケーション",
];
const WP_TITLES_EN: &[&str] = &["Security foundations", "Network and system security"];
const PLACES: &[(&str, &str, &str)] = &[
    ("スイス", "ジュネーブ", "ITU本部"),
    ("日本", "東京", "国際会議場"),
    ("Switzerland", "Geneva", "ITU headquarters"),
];

fn title(rng: &mut Rng) -> String {
    let count = rng.between(2, 9);
    let mut words: Vec<String> = (0..count).map(|_| (*rng.pick(WORDS)).to_owned()).collect();
    if let Some(first) = words.first_mut() {
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            *first = c.to_uppercase().chain(chars).collect();
        }
    }
    if rng.chance(20) {
        // An acronym in brackets inside the title: the nested brackets of the issue.
        let at = rng.between(1, words.len());
        let acronym = rng.pick(ACRONYMS);
        let word = &mut words[at - 1];
        word.push_str(&format!("({acronym})"));
    }
    words.join(" ")
}

/// An id for an outcome of `action`: Recommendations are consented, determined and
/// approved; other texts (reports, papers, supplements, documents without id) are agreed,
/// as the journal's phrases assume (ja-kanji writes `を合意した` for both).
fn id(rng: &mut Rng, action: Action) -> Option<String> {
    let word = |rng: &mut Rng| {
        let w = rng.pick(&["SEC", "IOT", "ZT", "PKI", "QKD", "AISEC", "DLT"]);
        (*w).to_owned()
    };
    let recommendation = |rng: &mut Rng| match rng.below(4) {
        0 => format!("X.{}.{}", rng.between(1000, 1999), rng.between(1, 9)),
        _ => format!("X.{}", rng.between(1000, 1999)),
    };
    let other = |rng: &mut Rng| match rng.below(6) {
        0 => None,
        1 => Some(format!("XSTR.{}", word(rng))),
        2 => Some(format!("XSTR.{}-{}", word(rng), word(rng))),
        3 => Some(format!("XSTP.{}", word(rng))),
        4 => Some(format!("TR.{}", rng.pick(&["iot", "sec", "qkd"]))),
        _ => Some(format!("X.Sup{}", rng.between(1, 40))),
    };
    match action {
        Action::Consented | Action::Determined | Action::Approved => Some(recommendation(rng)),
        Action::Agreed => other(rng),
        _ if rng.chance(50) => Some(recommendation(rng)),
        _ => other(rng),
    }
}

fn outcome(rng: &mut Rng, language: Language) -> Outcome {
    let action = *rng.pick(Action::ALL);
    let process = if action == Action::Approved {
        *rng.pick(&[Some(Process::Tap), Some(Process::Aap), None])
    } else {
        None
    };
    let id = id(rng, action);
    let gloss = (language == Language::Ja && id.is_some() && rng.chance(40))
        .then(|| (*rng.pick(GLOSSES)).to_owned());
    Outcome {
        uid: Default::default(),
        document: None,
        id,
        title: title(rng),
        action,
        process,
        gloss,
    }
}

fn meeting(rng: &mut Rng, language: Language) -> Meeting {
    let ja = language == Language::Ja;
    let start = chrono::NaiveDate::from_ymd_opt(
        rng.between(2005, 2030) as i32,
        rng.between(1, 12) as u32,
        rng.between(1, 28) as u32,
    )
    .expect("a real day");
    let end = rng
        .chance(80)
        .then(|| start + chrono::Days::new(rng.between(1, 12) as u64));
    let (country, city, site) = *rng.pick(&PLACES[if ja { 0..2 } else { 2..3 }]);
    let on_site = rng.between(50, 400) as u32;
    let remote = rng.between(1, 300) as u32;
    let total = on_site + remote;
    let split = rng.chance(60);
    let home_country = if ja { "日本" } else { "Japan" };
    let home = rng.chance(70).then(|| rng.between(1, 40) as u32);
    let contributions = rng.chance(80).then(|| Contributions {
        total: Some(rng.between(20, 300) as u32),
        home: rng.chance(70).then(|| rng.between(1, 30) as u32),
        home_note: None,
    });
    // The home country is printed only with the counts from it.
    let home_printed = home.is_some() || contributions.as_ref().is_some_and(|c| c.home.is_some());
    Meeting {
        organization: "ITU-T".to_owned(),
        group: format!("SG{}", rng.between(2, 20)),
        group_topic: rng
            .chance(70)
            .then(|| if ja { "セキュリティ" } else { "Security" }.to_owned()),
        ordinal: rng.chance(80).then(|| rng.between(1, 20) as u32),
        start: Some(start),
        end,
        city: Some(city.to_owned()),
        country: Some(country.to_owned()),
        site: rng.chance(60).then(|| site.to_owned()),
        mode: None,
        home_country: home_printed.then(|| home_country.to_owned()),
        participants: Some(Participants {
            total: Some(total),
            on_site: split.then_some(on_site),
            remote: split.then_some(remote),
            home,
            delegations: rng.chance(70).then(|| rng.between(10, 90) as u32),
        }),
        contributions,
        temporary_documents: rng.chance(70).then(|| rng.between(100, 999) as u32),
    }
}

/// A report such as a delegate writes: an introduction with the summary, Working Party
/// sections with their Questions and outcomes, a closing section.
pub fn report(rng: &mut Rng) -> Report {
    let language = if rng.chance(70) {
        Language::Ja
    } else {
        Language::En
    };
    let ja = language == Language::Ja;
    let preset = *rng.pick(&[Preset::JaKatakana, Preset::JaKanji]);
    let meeting = meeting(rng, language);
    let heading =
        |ja_text: &str, en_text: &str| Some(if ja { ja_text } else { en_text }.to_owned());
    let mut question_number = rng.between(1, 4) as u32;
    let working_parties = (0..rng.between(1, 3))
        .map(|i| {
            let questions = (0..rng.between(1, 4))
                .map(|_| {
                    let number = question_number;
                    question_number += rng.between(1, 3) as u32;
                    let discussed = rng.chance(90);
                    let outcomes = if discussed {
                        (0..rng.below(6)).map(|_| outcome(rng, language)).collect()
                    } else {
                        Vec::new()
                    };
                    let scopes = if ja { SCOPES_JA } else { SCOPES_EN };
                    Block::Question(Question {
                        uid: Default::default(),
                        number,
                        scope: Some((*rng.pick(scopes)).to_owned()),
                        outcomes,
                        discussed,
                        note: None,
                        text: None,
                    })
                })
                .collect();
            let titles = if ja { WP_TITLES_JA } else { WP_TITLES_EN };
            Section {
                uid: Default::default(),
                heading: None,
                working_party: Some(WorkingParty {
                    number: i as u32 + 1,
                    title: (*rng.pick(titles)).to_owned(),
                    intro: None,
                }),
                blocks: questions,
                sections: Vec::new(),
            }
        })
        .collect();
    let paragraph = |text: &str| Block::Paragraph {
        uid: Default::default(),
        text: text.to_owned(),
        boilerplate: false,
    };
    Report {
        title: if ja {
            format!("{} {}会合報告", meeting.organization, meeting.group)
        } else {
            format!(
                "Report of the meeting of {} {}",
                meeting.organization, meeting.group
            )
        },
        language,
        style: Style { preset },
        authors: vec![Author {
            uid: Default::default(),
            name: if ja { "山田 太郎" } else { "Taro Yamada" }.to_owned(),
            reading: None,
            organization: Some(
                if ja {
                    "情報通信研究所"
                } else {
                    "ICT Institute"
                }
                .to_owned(),
            ),
            department: None,
            position: None,
        }],
        meeting,
        sections: vec![
            Section {
                uid: Default::default(),
                heading: heading("はじめに", "Introduction"),
                working_party: None,
                blocks: vec![Block::Summary {
                    uid: Default::default(),
                }],
                sections: Vec::new(),
            },
            Section {
                uid: Default::default(),
                heading: heading("各WPの審議結果", "Results of the Working Parties"),
                working_party: None,
                blocks: Vec::new(),
                sections: working_parties,
            },
            Section {
                uid: Default::default(),
                heading: heading("おわりに", "Closing"),
                working_party: None,
                blocks: vec![paragraph(if ja {
                    "次回会合は未定である。"
                } else {
                    "The next meeting is to be announced."
                })],
                sections: Vec::new(),
            },
        ],
    }
}

/// The report's text export.
pub fn text_export(report: &Report) -> String {
    let at = chrono::DateTime::from_timestamp(1_764_000_000, 0).expect("a time");
    let options = DocxOptions {
        created: at,
        modified: at,
    };
    let bytes = export(report, ExportFormat::Text, &options).expect("the text export");
    String::from_utf8(bytes).expect("UTF-8")
}

fn width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// Characters a Japanese line may not start with, and may not end with (the journal's
/// line rules, JIS X 4051's simplest part).
const NO_LINE_START: &str = "、。，．）」』・ー：？！ぁぃぅぇぉっゃゅょァィゥェォッャュョ～〜";
const NO_LINE_END: &str = "（「『";

/// One line re-wrapped to `columns`: Latin words broken at spaces or, when they do not
/// fit (or by chance), inside with a hyphen, ids after a dot or a hyphen; Japanese text
/// between any two characters the line rules allow.
pub fn wrap_line(line: &str, columns: usize, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    let mut i = 0;
    let flush = |current: &mut String, used: &mut usize, out: &mut Vec<String>| {
        let line = current.trim_end().to_owned();
        if !line.is_empty() {
            out.push(line);
        }
        current.clear();
        *used = 0;
    };
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            if used > 0 {
                current.push(' ');
                used += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii() {
            let w = width(c);
            let after_opening = current
                .chars()
                .last()
                .is_some_and(|p| NO_LINE_END.contains(p));
            if used + w > columns && used > 0 && !NO_LINE_START.contains(c) && !after_opening {
                flush(&mut current, &mut used, &mut out);
            }
            current.push(c);
            used += w;
            i += 1;
            continue;
        }
        // A Latin word: up to a space or a non-ASCII character.
        let end = (i..chars.len())
            .find(|&j| chars[j] == ' ' || !chars[j].is_ascii())
            .unwrap_or(chars.len());
        let mut word: String = chars[i..end].iter().collect();
        i = end;
        // A word fitting the line is broken at most once, by chance.
        let mut by_chance = rng.chance(15);
        loop {
            let room = columns.saturating_sub(used);
            let len = word.chars().count();
            let chance = std::mem::take(&mut by_chance);
            if len <= room && !(chance && len > 4) {
                current.push_str(&word);
                used += len;
                break;
            }
            match break_point(&word, room, rng) {
                Some((head, tail)) => {
                    current.push_str(&head);
                    flush(&mut current, &mut used, &mut out);
                    word = tail;
                }
                None if used > 0 && len > room => flush(&mut current, &mut used, &mut out),
                None => {
                    current.push_str(&word);
                    used += len;
                    break;
                }
            }
        }
    }
    flush(&mut current, &mut used, &mut out);
    out
}

/// Where a Latin word breaks to fit `room` columns: after a dot or a hyphen it has, or
/// inside a run of letters with a hyphen added (two letters at least either side) when
/// it is not an id (ids break only at their own dots and hyphens).
fn break_point(word: &str, room: usize, rng: &mut Rng) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    // Layout engines hyphenate words in lower case (or capitalised), never ids, acronyms
    // or mixed-case names (`eSIM`).
    let id = word.contains(['.', '_'])
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let mut candidates = Vec::new();
    for k in 1..chars.len() {
        let (a, b) = (chars[k - 1], chars[k]);
        // `i.e.` is no id and stays whole.
        let id_dot = a == '.'
            && chars[..k]
                .iter()
                .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if (id_dot || a == '-') && b.is_ascii_alphanumeric() && k >= 2 && k <= room {
            candidates.push((k, false));
        }
        let letters = |r: std::ops::Range<usize>| r.clone().all(|j| chars[j].is_ascii_alphabetic());
        if !id && k >= 2 && k + 2 <= chars.len() && k < room && letters(k - 2..k + 2) {
            candidates.push((k, true));
        }
    }
    if candidates.is_empty() {
        return None;
    }
    let (k, hyphen) = *rng.pick(&candidates);
    let mut head: String = chars[..k].iter().collect();
    if hyphen {
        head.push('-');
    }
    Some((head, chars[k..].iter().collect()))
}

/// The whole text re-wrapped to `columns` (tables kept as they are), with page breaks
/// put between lines after the first heading: a page number (`12`, `- 12 -`, `Page 12`
/// or `12 / N`, one style per document), a form feed, and a running header on every
/// page but the first when the document has one.
pub fn rewrap(text: &str, columns: usize, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if line.contains('\t') || line.is_empty() {
            lines.push(line.to_owned());
        } else {
            lines.extend(wrap_line(line, columns, rng));
        }
    }
    let first_heading = lines
        .iter()
        .position(|l| l.starts_with("1. ") || l.starts_with("1．"))
        .unwrap_or(0);
    let header = rng.chance(70).then(|| {
        (*rng.pick(&["情報通信ジャーナル 2026年1月号", "ITU Journal Vol. 12"])).to_owned()
    });
    let style = rng.below(4);
    let body = lines.len().saturating_sub(first_heading + 1);
    let page = rng.between(8, 40).min(body / 3).max(2);
    let mut out = String::new();
    let mut number = 1;
    let mut next_break = first_heading + 1 + rng.between(1, page);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i == next_break && i + 1 < lines.len() {
            let printed = match style {
                0 => format!("{number}"),
                1 => format!("- {number} -"),
                2 => format!("Page {number}"),
                _ => format!("{number} / 99"),
            };
            out.push_str(&printed);
            out.push_str("\n\u{c}");
            if let Some(header) = &header {
                out.push_str(header);
                out.push('\n');
            }
            number += 1;
            next_break += page + rng.below(3);
        }
    }
    out
}

/// What must come back whatever the layout: each Question's outcomes (id, title,
/// action), the meeting's printed facts, the headings (but for spaces beside Japanese
/// text, which a line break may have taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Essentials {
    pub outcomes: Vec<(u32, Option<String>, String, Action)>,
    pub meeting: Meeting,
    pub headings: Vec<String>,
}

/// A space beside a Japanese character, where a line may break (`PKI 及び` / `PKI` at a
/// line end, `及び` on the next): no text can say whether it was there.
fn without_layout_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let beside_japanese =
            |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| !c.is_ascii());
        if c == ' ' && (beside_japanese(i.checked_sub(1)) || beside_japanese(Some(i + 1))) {
            continue;
        }
        out.push(c);
    }
    out
}

pub fn essentials(report: &Report) -> Essentials {
    fn walk(sections: &[Section], out: &mut Essentials) {
        for section in sections {
            out.headings
                .push(without_layout_spaces(&match &section.working_party {
                    Some(wp) => format!("WP{}: {}", wp.number, wp.title),
                    None => section.heading.clone().unwrap_or_default(),
                }));
            for block in &section.blocks {
                if let Block::Question(q) = block {
                    for o in &q.outcomes {
                        out.outcomes
                            .push((q.number, o.id.clone(), o.title.clone(), o.action));
                    }
                }
            }
            walk(&section.sections, out);
        }
    }
    let mut out = Essentials {
        outcomes: Vec::new(),
        meeting: Meeting {
            mode: None,
            ..report.meeting.clone()
        },
        headings: Vec::new(),
    };
    walk(&report.sections, &mut out);
    out
}

/// How many of `want`'s outcomes `got` has: the journal prints a Question's outcomes
/// grouped by action, so their order within a Question may change.
pub fn outcomes_found(want: &Essentials, got: &Essentials) -> usize {
    let mut left = got.outcomes.clone();
    want.outcomes
        .iter()
        .filter(|o| match left.iter().position(|g| g == *o) {
            Some(i) => {
                left.swap_remove(i);
                true
            }
            None => false,
        })
        .count()
}
