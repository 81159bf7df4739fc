//! Every kind of finding the checks can report, with its stable code, its severity and its message
//! in each language: the one place to read what Rapporteur checks and what it says.

use crate::completeness::Fact;
use crate::{EarlierTitle, Severity};
use chrono::{Datelike, NaiveDate};
use rapporteur_model::{Action, Language, ScheduleDate};
use rapporteur_prose::dates::{date_en, date_ja, weekday_en, weekday_ja};
use rapporteur_prose::labels::action_label;

/// A finding of some kind at a JSON path.
pub(crate) type Found = (String, FindingKind);

/// What a check found, with the facts its message needs. (A report file's own rules,
/// which refuse a file or a save, are `rapporteur_format::FormatError`: not findings.)
pub(crate) enum FindingKind {
    /// An end date before its start (the meeting's, or a schedule row's).
    EndBeforeStart {
        start: ScheduleDate,
        end: ScheduleDate,
    },
    /// A weekday written next to a date in free text that is not the date's.
    Weekday { written: String, date: NaiveDate },
    /// A schedule row without a start date.
    NoDate,
    /// A future meeting dated before this meeting started.
    BeforeMeeting {
        date: ScheduleDate,
        meeting_start: NaiveDate,
    },
    /// On-site and remote participants do not add up to the total.
    Sum {
        total: u32,
        on_site: u32,
        remote: u32,
    },
    /// More participants from the home country than in all.
    HomeParticipants { home: u32, total: u32 },
    /// More contributions from the home country than in all.
    HomeContributions { home: u32, total: u32 },
    /// A work-item id of none of the known shapes.
    IdShape { id: String },
    /// A work item listed again with another action.
    IdConflict {
        id: String,
        action: Action,
        first_action: Action,
        first_question: u32,
    },
    /// A work item whose title is not the one it had in the latest earlier report.
    TitleChanged { id: String, earlier: EarlierTitle },
    /// A near miss of a fixed term of the domain.
    Spelling { found: String, term: &'static str },
    /// "今回の…会合は" followed by a date after this meeting ended.
    NextMeeting { written: String, end: NaiveDate },
    /// A discussed Question with no outcome, text or note.
    EmptyQuestion { number: u32 },
    /// A section with no blocks and no subsections.
    EmptySection,
    /// A fact the title page or the generated summary prints, not given.
    Missing(Fact),
    /// A schedule table with no rows.
    EmptySchedule,
    /// A Question number used before, in the section numbered `first_section`.
    DuplicateQuestion { number: u32, first_section: String },
}

impl FindingKind {
    pub(crate) fn code(&self) -> &'static str {
        match self {
            FindingKind::EndBeforeStart { .. } => "date.order",
            FindingKind::Weekday { .. } => "date.weekday",
            FindingKind::NoDate => "date.missing",
            FindingKind::BeforeMeeting { .. } => "date.before_meeting",
            FindingKind::Sum { .. } => "count.sum",
            FindingKind::HomeParticipants { .. } => "count.home",
            FindingKind::HomeContributions { .. } => "count.home_contributions",
            FindingKind::IdShape { .. } => "id.shape",
            FindingKind::IdConflict { .. } => "id.conflict",
            FindingKind::TitleChanged { .. } => "id.title_changed",
            FindingKind::Spelling { .. } => "text.spelling",
            FindingKind::NextMeeting { .. } => "text.next_meeting",
            FindingKind::EmptyQuestion { .. } => "structure.empty_question",
            FindingKind::EmptySection => "structure.empty_section",
            FindingKind::Missing(fact) => match fact {
                Fact::Title => "missing.title",
                Fact::Authors => "missing.authors",
                Fact::Group => "missing.group",
                Fact::Ordinal => "missing.ordinal",
                Fact::Dates => "missing.dates",
                Fact::Place => "missing.place",
                Fact::Mode => "missing.mode",
                Fact::Participants => "missing.participants",
                Fact::Contributions => "missing.contributions",
                Fact::TemporaryDocuments => "missing.temporary_documents",
            },
            FindingKind::EmptySchedule => "structure.empty_schedule",
            FindingKind::DuplicateQuestion { .. } => "structure.duplicate_question",
        }
    }

    pub(crate) fn severity(&self) -> Severity {
        match self {
            // Facts that contradict each other: one of them is wrong.
            FindingKind::EndBeforeStart { .. }
            | FindingKind::Weekday { .. }
            | FindingKind::BeforeMeeting { .. }
            | FindingKind::Sum { .. }
            | FindingKind::HomeParticipants { .. }
            | FindingKind::HomeContributions { .. }
            | FindingKind::IdConflict { .. }
            | FindingKind::DuplicateQuestion { .. } => Severity::Error,
            // What the journal cannot print without: a title, a byline, the meeting's
            // name and its dates.
            FindingKind::Missing(Fact::Title | Fact::Authors | Fact::Group | Fact::Dates) => {
                Severity::Error
            }
            // Very probably wrong, but the author may know better: a date not fixed yet,
            // a new shape of id, a title renamed by the meeting, a rare word one kana
            // away from a term, a sentence about a later date.
            FindingKind::NoDate
            | FindingKind::IdShape { .. }
            | FindingKind::TitleChanged { .. }
            | FindingKind::Spelling { .. }
            | FindingKind::NextMeeting { .. }
            | FindingKind::EmptySection => Severity::Warning,
            // Left to fill: the report prints without them, but they are expected (a
            // Question that did not meet says so with `discussed: false`).
            FindingKind::Missing(_)
            | FindingKind::EmptySchedule
            | FindingKind::EmptyQuestion { .. } => Severity::Warning,
        }
    }

    /// The message in `language`; each check's wording in both languages side by side.
    pub(crate) fn message(&self, language: Language) -> String {
        let (ja, en) = self.messages();
        match language {
            Language::Ja => ja,
            Language::En => en,
        }
    }

    fn messages(&self) -> (String, String) {
        let ja = |d: NaiveDate| date_ja(ScheduleDate::Day(d));
        let en = |d: NaiveDate| date_en(ScheduleDate::Day(d));
        match self {
            FindingKind::EndBeforeStart { start, end } => (
                format!(
                    "終了日({})が開始日({})より前です。",
                    date_ja(*end),
                    date_ja(*start)
                ),
                format!(
                    "The end date ({}) is before the start date ({}).",
                    date_en(*end),
                    date_en(*start)
                ),
            ),
            FindingKind::Weekday { written, date } => (
                format!(
                    "「{written}」: {}は{}曜日です。",
                    ja(*date),
                    weekday_ja(date.weekday())
                ),
                format!("“{written}”: {} is a {}.", en(*date), weekday_en(date.weekday())),
            ),
            FindingKind::NoDate => (
                "この会合には日付がありません(開催期間が空欄になります)。".to_owned(),
                "This meeting has no date (its period will be blank).".to_owned(),
            ),
            FindingKind::BeforeMeeting {
                date,
                meeting_start,
            } => (
                format!(
                    "今後の会合の日付({})が、今回の会合の開始日({})より前です。",
                    date_ja(*date),
                    ja(*meeting_start)
                ),
                format!(
                    "This future meeting ({}) is dated before this meeting started ({}).",
                    date_en(*date),
                    en(*meeting_start)
                ),
            ),
            FindingKind::Sum {
                total,
                on_site,
                remote,
            } => {
                let sum = u64::from(*on_site) + u64::from(*remote);
                (
                    format!("参加者の合計{total}名が、現地参加{on_site}名とリモート参加{remote}名の和({sum}名)と一致しません。"),
                    format!("The total of {total} participants is not {on_site} on site + {remote} remote = {sum}."),
                )
            }
            FindingKind::HomeParticipants { home, total } => (
                format!("自国からの参加者{home}名が、参加者の合計{total}名を超えています。"),
                format!("{home} participants from the home country is more than the {total} in all."),
            ),
            FindingKind::HomeContributions { home, total } => (
                format!("自国からの寄書{home}件が、寄書の合計{total}件を超えています。"),
                format!("{home} contributions from the home country is more than the {total} in all."),
            ),
            FindingKind::IdShape { id } => {
                let shapes = "X.1234, X.1234rev, X.name-tag, XSTR.name, XSTP.name, X.Sup…, TR.name";
                (
                    format!("「{id}」は既知の番号の形({})ではありません。", shapes.replace(", ", "、")),
                    format!("“{id}” is not of a known shape ({shapes})."),
                )
            }
            FindingKind::IdConflict {
                id,
                action,
                first_action,
                first_question,
            } => (
                format!(
                    "{id}は課題{first_question}で「{}」とされていますが、ここでは「{}」です。",
                    action_label(*first_action, Language::Ja),
                    action_label(*action, Language::Ja)
                ),
                format!(
                    "{id} is “{}” in Question {first_question} but “{}” here.",
                    action_label(*first_action, Language::En),
                    action_label(*action, Language::En)
                ),
            ),
            FindingKind::TitleChanged { id, earlier } => {
                let (title, report) = (&earlier.title, &earlier.report_title);
                let (when_ja, when_en) = earlier
                    .meeting_start
                    .map(|d| (format!("({})", ja(d)), format!(" ({})", en(d))))
                    .unwrap_or_default();
                (
                    format!("{id}のタイトルが、以前の報告「{report}」{when_ja}での「{title}」と異なります。"),
                    format!("The title of {id} differs from “{title}” in the earlier report “{report}”{when_en}."),
                )
            }
            FindingKind::Spelling { found, term } => (
                format!("「{found}」は「{term}」の誤記ではありませんか。"),
                format!("“{found}” looks like a misspelling of “{term}”."),
            ),
            FindingKind::NextMeeting { written, end } => (
                format!(
                    "「今回の…会合」の日付「{written}」が今回の会合の終了日({})より後です。「次回」の誤りではありませんか。",
                    ja(*end)
                ),
                format!(
                    "“今回” (this meeting) is followed by “{written}”, after this meeting ended ({}): “次回” (the next meeting) may be meant.",
                    en(*end)
                ),
            ),
            FindingKind::EmptyQuestion { number } => (
                format!("課題{number}には結果も本文も注記もありません(「今会合でデターミネーションまたはコンセントされた勧告等は無かった」と出力されます)。審議されなかった課題なら「今会合で審議された」を外してください。"),
                format!("Question {number} has no outcome, text or note (the report will say that nothing was determined or consented). If it did not meet, untick “Met at this meeting”."),
            ),
            FindingKind::EmptySection => (
                "この節には内容がありません(見出しだけが出力されます)。".to_owned(),
                "This section has no content (only its heading will be printed).".to_owned(),
            ),
            FindingKind::Missing(fact) => {
                let (ja, en) = missing_messages(*fact);
                (ja.to_owned(), en.to_owned())
            }
            FindingKind::EmptySchedule => (
                "この表には行がありません(表題だけが出力されます)。".to_owned(),
                "This table has no rows (only its caption will be printed).".to_owned(),
            ),
            FindingKind::DuplicateQuestion {
                number,
                first_section,
            } => (
                format!("課題{number}は{first_section}節にもあります。課題番号は報告書の中で重複できません。"),
                format!("Question {number} is also in section {first_section}; a Question number appears once in a report."),
            ),
        }
    }
}

fn missing_messages(fact: Fact) -> (&'static str, &'static str) {
    match fact {
        Fact::Title => ("タイトルがありません。", "The report has no title."),
        Fact::Authors => (
            "著者がいません(署名欄が空になります)。",
            "No author is given (the byline will be empty).",
        ),
        Fact::Group => (
            "会合の名前(SG17 など)がありません(要旨が会合を名指せません)。",
            "The group (SG17, say) is not given: the summary cannot name the meeting.",
        ),
        Fact::Ordinal => (
            "会合の回次(第何回か)がありません。",
            "The meeting's number in the study period is not given.",
        ),
        Fact::Dates => (
            "会期がありません(要旨に日付が入りません)。",
            "The meeting's dates are not given (the summary will have none).",
        ),
        Fact::Place => (
            "開催地(都市・国・会場)がありません(要旨から抜けます)。",
            "The meeting's place (city, country, site) is not given (the summary leaves it out).",
        ),
        Fact::Mode => (
            "開催形態(対面・ハイブリッド・オンライン)が選ばれていません。",
            "In person, hybrid or virtual: not chosen yet.",
        ),
        Fact::Participants => (
            "参加者数がありません(要旨から抜けます)。",
            "The number of participants is not given (the summary leaves it out).",
        ),
        Fact::Contributions => (
            "寄書の数がありません(要旨から抜けます)。",
            "The number of contributions is not given (the summary leaves it out).",
        ),
        Fact::TemporaryDocuments => (
            "TD(臨時文書)の数がありません(要旨から抜けます)。",
            "The number of temporary documents is not given (the summary leaves it out).",
        ),
    }
}
