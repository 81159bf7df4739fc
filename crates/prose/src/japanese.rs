//! Japanese sentences in the two presets of docs/style.md: `ja-katakana` (the seed's:
//! passive voice, half-width brackets) and `ja-kanji` (older reports: active voice,
//! full-width brackets).

use crate::dates::JaStyle;
use crate::{outcome_groups, Voice};
use rapporteur_model::{
    Action, Meeting, Outcome, Preset, Process, Question, ScheduleDate, WorkingParty,
};

/// The glyphs a Japanese preset sets its text with, where the two presets differ: the
/// brackets, the range mark, the bullet, and the stop after a table caption's number.
/// The importer tells the presets apart, and reads brackets and bullets, by these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub open: char,
    pub close: char,
    pub range: char,
    pub bullet: char,
    pub caption_stop: char,
}

const KATAKANA: Glyphs = Glyphs {
    open: '(',
    close: ')',
    range: '～',
    bullet: '●',
    caption_stop: '.',
};

const KANJI: Glyphs = Glyphs {
    open: '（',
    close: '）',
    range: '〜',
    bullet: '◦',
    caption_stop: '．',
};

pub(crate) struct Japanese {
    kanji: bool,
    pub(crate) glyphs: Glyphs,
}

impl Japanese {
    pub(crate) fn new(preset: Preset) -> Japanese {
        let kanji = preset == Preset::JaKanji;
        Japanese {
            kanji,
            glyphs: if kanji { KANJI } else { KATAKANA },
        }
    }

    /// Text in the preset's brackets, tight: `(現地参加224名)`.
    fn bracket(&self, inner: &str) -> String {
        format!("{}{inner}{}", self.glyphs.open, self.glyphs.close)
    }

    /// How the preset sets dates: with weekdays in its brackets (a meeting's dates) or
    /// without (a table's periods), and its range mark.
    pub(crate) fn dates(&self, weekdays: bool) -> JaStyle {
        JaStyle {
            weekday_brackets: weekdays.then_some((self.glyphs.open, self.glyphs.close)),
            tilde: self.glyphs.range,
        }
    }

    /// One outcome as printed: gloss, id, and the title in brackets (` (…)` with a
    /// space in ja-katakana, `（…）` in ja-kanji); an outcome without id prints its
    /// title alone.
    fn item(&self, outcome: &Outcome) -> String {
        let gloss = outcome.gloss.as_deref().unwrap_or_default();
        match &outcome.id {
            Some(id) if self.kanji => format!("{gloss}{id}（{}）", outcome.title),
            Some(id) => format!("{gloss}{id} ({})", outcome.title),
            None => format!("{gloss}{}", outcome.title),
        }
    }

    /// Puts a particle after text: ja-katakana leaves a space after a closing bracket
    /// (`X.1250rev (…) が`), as the journal prints it.
    fn attach(&self, text: &str, particle: &str) -> String {
        if !self.kanji && text.ends_with(')') {
            format!("{text} {particle}")
        } else {
            format!("{text}{particle}")
        }
    }

    /// Items joined: `AとB`, `A、B、C` (ja-katakana); `A及びB`, `A、B及びC` (ja-kanji).
    fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [only] => only.clone(),
            [a, b] if !self.kanji => format!("{}{b}", self.attach(a, "と")),
            _ if !self.kanji => items.join("、"),
            [init @ .., last] => format!("{}及び{last}", init.join("、")),
        }
    }

    fn items(&self, outcomes: &[&Outcome]) -> String {
        let items: Vec<String> = outcomes.iter().map(|o| self.item(o)).collect();
        self.join(&items)
    }

    /// The predicate of a clause, in its sentence-final form (`がデターミネーションされた`).
    pub(crate) fn predicate(&self, action: Action, process: Option<Process>) -> &'static str {
        match (self.kanji, action, process) {
            (false, Action::Approved, Some(Process::Tap)) => "がTAP投票を経て合意された",
            (false, Action::Approved, Some(Process::Aap)) => "がAAPにより承認された",
            (false, Action::Approved, None) => "が承認された",
            (false, Action::Determined, _) => "がデターミネーションされた",
            (false, Action::Consented, _) => "がコンセントされた",
            (false, Action::Agreed, _) => "の発行が合意された",
            (false, Action::NewWorkItem, _) => "が設立された",
            (false, Action::Postponed, _) => "の承認が延期された",
            (false, Action::Deleted, _) => "が削除された",
            (true, Action::Approved, Some(Process::Tap)) => "をTAP承認した",
            (true, Action::Approved, Some(Process::Aap)) => "をAAP承認した",
            (true, Action::Approved, None) => "を承認した",
            (true, Action::Determined, _) => "を凍結した",
            (true, Action::Consented, _) => "を合意した",
            (true, Action::Agreed, _) => "を合意した",
            (true, Action::NewWorkItem, _) => "を新規ワークアイテムとして設立した",
            (true, Action::Postponed, _) => "の承認を延期した",
            (true, Action::Deleted, _) => "を削除した",
        }
    }

    /// Clauses joined into one sentence: every clause but the last in its continuative
    /// form (`され、`, `し、`).
    fn sentence(&self, clauses: &[String]) -> String {
        let mut text = String::new();
        for (i, clause) in clauses.iter().enumerate() {
            if i + 1 < clauses.len() {
                text.push_str(clause.strip_suffix('た').unwrap_or(clause));
                text.push('、');
            } else {
                text.push_str(clause);
                text.push('。');
            }
        }
        text
    }

    fn katakana_sentences(
        &self,
        groups: &[(Action, Option<Process>, Vec<&Outcome>)],
    ) -> Vec<String> {
        let clause = |(action, process, outcomes): &(Action, Option<Process>, Vec<&Outcome>)| {
            self.attach(&self.items(outcomes), self.predicate(*action, *process))
        };
        let of = |wanted: &[Action]| -> Vec<String> {
            groups
                .iter()
                .filter(|g| wanted.contains(&g.0))
                .map(clause)
                .collect()
        };
        let mut sentences = Vec::new();
        // Approved, determined and consented share sentences: all three present, the
        // approved stand alone and the other two form one sentence; else one sentence.
        let kinds = [Action::Approved, Action::Determined, Action::Consented]
            .iter()
            .filter(|a| groups.iter().any(|g| g.0 == **a))
            .count();
        if kinds == 3 {
            sentences.push(self.sentence(&of(&[Action::Approved])));
            sentences.push(self.sentence(&of(&[Action::Determined, Action::Consented])));
        } else if kinds > 0 {
            sentences.push(self.sentence(&of(&[
                Action::Approved,
                Action::Determined,
                Action::Consented,
            ])));
        }
        for group in groups {
            let (action, _, outcomes) = group;
            let first = sentences.is_empty();
            let sentence = match action {
                Action::Agreed => format!(
                    "{}{}",
                    if first { "" } else { "また、" },
                    self.sentence(&[clause(group)])
                ),
                Action::NewWorkItem => format!(
                    "{}新規ワークアイテムとして、{}",
                    if first { "" } else { "さらに、" },
                    self.sentence(&[
                        self.attach(&self.items(outcomes), self.predicate(*action, None))
                    ])
                ),
                Action::Postponed | Action::Deleted => {
                    format!(
                        "{}{}",
                        if first { "" } else { "なお、" },
                        self.sentence(&[clause(group)])
                    )
                }
                Action::Approved | Action::Determined | Action::Consented => continue,
            };
            sentences.push(sentence);
        }
        sentences
    }

    fn kanji_sentences(&self, groups: &[(Action, Option<Process>, Vec<&Outcome>)]) -> Vec<String> {
        let mut sentences: Vec<String> = Vec::new();
        // One sentence per action; the approved ones of several processes share it.
        for same in groups.chunk_by(|a, b| a.0 == b.0) {
            let action = same[0].0;
            let sentence = match sentences.len() {
                // From the third sentence on, a new work item reads 新規ワークアイテムとして、…を設立した。
                n if n >= 2 && action == Action::NewWorkItem => {
                    format!(
                        "新規ワークアイテムとして、{}を設立した。",
                        self.items(&same[0].2)
                    )
                }
                n => {
                    let clauses: Vec<String> = same
                        .iter()
                        .map(|(action, process, outcomes)| {
                            format!(
                                "{}{}",
                                self.items(outcomes),
                                self.predicate(*action, *process)
                            )
                        })
                        .collect();
                    let link = if n == 1 { "また、" } else { "" };
                    format!("{link}{}", self.sentence(&clauses))
                }
            };
            sentences.push(sentence);
        }
        sentences
    }
}

impl Voice for Japanese {
    fn heading_number(&self, number: &[u32]) -> (String, &'static str) {
        let parts: Vec<String> = number.iter().map(u32::to_string).collect();
        match (self.kanji, number.len()) {
            (false, 1) => (format!("{}.", parts[0]), " "),
            (true, 1) => (format!("{}．", parts[0]), ""),
            (false, _) => (parts.join("."), " "),
            (true, _) => (parts.join("."), "　"),
        }
    }

    fn working_party_heading(&self, wp: &WorkingParty) -> String {
        let colon = if self.kanji { "：" } else { ": " };
        format!("WP{}{colon}{}", wp.number, wp.title)
    }

    fn working_party_sentence(&self, wp: &WorkingParty, questions: &[&Question]) -> Option<String> {
        let parts: Vec<String> = questions
            .iter()
            .map(|q| match q.scope.as_deref().filter(|s| !s.is_empty()) {
                Some(scope) => format!("{scope}を検討する課題{}", q.number),
                None => format!("課題{}", q.number),
            })
            .collect();
        let joined = match parts.as_slice() {
            [] => return None,
            [only] => only.clone(),
            _ if self.kanji => parts.join("、"),
            [init @ .., last] => format!("{}及び{last}", init.join("、")),
        };
        Some(format!("WP{}は、{joined}から構成されている。", wp.number))
    }

    fn question_sentences(&self, question: &Question) -> String {
        let n = question.number;
        if !question.discussed {
            return format!("課題{n}は、今会合では審議が実施されなかった。");
        }
        let groups = outcome_groups(question);
        if groups.is_empty() {
            let terms = if self.kanji {
                "凍結または合意した"
            } else {
                "デターミネーションまたはコンセントされた"
            };
            return format!("課題{n}では、今会合で{terms}勧告等は無かった。");
        }
        let sentences = if self.kanji {
            self.kanji_sentences(&groups)
        } else {
            self.katakana_sentences(&groups)
        };
        format!("課題{n}では、{}", sentences.concat())
    }

    fn summary(&self, m: &Meeting) -> String {
        let mut text = format!("{} {}", m.organization, m.group);
        if let Some(topic) = m.group_topic.as_deref().filter(|t| !t.is_empty()) {
            // The group's field is the one bracket ja-katakana sets off with spaces.
            text = if self.kanji {
                format!("{text}（{topic}）")
            } else {
                format!("{text} ({topic}) ")
            };
        }
        text.push('の');
        if let Some(n) = m.ordinal {
            text.push_str(&format!("第{n}回"));
        }
        text.push_str("会合が");
        if let Some(start) = m.start {
            text.push_str(&format!(
                "、{}に",
                self.dates(true)
                    .range(ScheduleDate::Day(start), m.end.map(ScheduleDate::Day))
            ));
        }
        let location = match (m.country.as_deref(), m.city.as_deref()) {
            (Some(country), Some(city)) => Some(format!("{country}{}", self.bracket(city))),
            (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
            (None, None) => None,
        };
        let place = match (location, m.site.as_deref()) {
            (Some(location), Some(site)) => Some(format!("{location}の{site}")),
            (Some(location), None) => Some(location),
            (None, Some(site)) => Some(site.to_owned()),
            (None, None) => None,
        };
        if let Some(place) = place {
            text.push_str(&format!("、{place}において"));
        }
        text.push_str("開催された。");

        let home_country = m.home_country.as_deref().filter(|c| !c.is_empty());
        if let Some(p) = m.participants.as_ref() {
            if let Some(total) = p.total {
                text.push_str("この会合には、");
                if let (Some(home), Some(country)) = (p.home, home_country) {
                    text.push_str(&format!("{country}からの{home}名を含む"));
                    if p.delegations.is_some() {
                        text.push('、');
                    }
                }
                if let Some(d) = p.delegations {
                    text.push_str(&format!("{d}か国・諸機関の"));
                }
                text.push_str(&format!("{total}名"));
                let split: Vec<String> = [("現地参加", p.on_site), ("リモート参加", p.remote)]
                    .iter()
                    .filter_map(|(label, n)| n.map(|n| format!("{label}{n}名")))
                    .collect();
                if !split.is_empty() {
                    text.push_str(&self.bracket(&split.join("、")));
                }
                text.push_str("が参加した。");
            }
        }

        let documents = m.temporary_documents.map(|n| {
            format!(
                "{n}件の臨時文書{}が発行された。",
                self.bracket("Temporary Document")
            )
        });
        match m
            .contributions
            .as_ref()
            .and_then(|c| c.total.map(|total| (c, total)))
        {
            Some((c, total)) => {
                text.push_str(&format!("提出された寄書は{total}件"));
                if let (Some(home), Some(country)) = (c.home, home_country) {
                    let note = c
                        .home_note
                        .as_deref()
                        .filter(|n| !n.is_empty())
                        .map(|n| format!("、{n}"))
                        .unwrap_or_default();
                    text.push_str(&self.bracket(&format!("うち{country}から{note}{home}件")));
                }
                match documents {
                    Some(documents) => text.push_str(&format!("で、{documents}")),
                    None => text.push_str("であった。"),
                }
            }
            None => text.push_str(&documents.unwrap_or_default()),
        }
        text
    }

    fn table_caption(&self, index: usize, count: usize, caption: Option<&str>) -> String {
        let caption = caption.unwrap_or_default();
        let stop = self.glyphs.caption_stop;
        match (self.kanji, count) {
            // A report's only table is unnumbered in ja-kanji.
            (true, 1) => format!("■表{stop}{caption}"),
            (true, _) => format!("■表{index}{stop}{caption}"),
            (false, _) => format!("■表{index}{stop} {caption}").trim_end().to_owned(),
        }
    }

    fn table_header(&self) -> Vec<String> {
        ["会合名", "開催期間", "開催地", "会合内容"]
            .map(String::from)
            .to_vec()
    }

    fn table_period(&self, start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
        self.dates(false).period(start, end)
    }

    fn bullet(&self) -> char {
        self.glyphs.bullet
    }

    fn sentence_gap(&self) -> &'static str {
        ""
    }
}
