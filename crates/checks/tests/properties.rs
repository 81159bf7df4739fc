//! Random reports never crash the checks: any text (Japanese, emoji, control characters,
//! pieces of dates and terms run together), any dates and counts, nested sections, and
//! a history that knows every id.

use chrono::NaiveDate;
use proptest::prelude::*;
use rapporteur_checks::{check, EarlierTitle, History};
use rapporteur_model::{
    Action, Block, Contributions, Language, Meeting, Outcome, Participants, Question, Report,
    Schedule, ScheduleDate, ScheduleRow, Section, Spelled, Style, WorkingParty,
};

/// Text made of pieces the checks look for, run together with arbitrary strings.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("2025年".to_owned()),
        Just("１２月".to_owned()),
        Just("12月".to_owned()),
        Just("3日".to_owned()),
        Just("31日".to_owned()),
        Just("(水)".to_owned()),
        Just("（木曜日）".to_owned()),
        Just("(月・".to_owned()),
        Just("～".to_owned()),
        Just("から".to_owned()),
        Just("令和".to_owned()),
        Just("元年".to_owned()),
        Just("今回の".to_owned()),
        Just("会合は".to_owned()),
        Just("。".to_owned()),
        Just("データミネーション".to_owned()),
        Just("コンセント".to_owned()),
        Just("ー".to_owned()),
        Just("ラ".to_owned()),
        Just("・".to_owned()),
        Just("9999".to_owned()),
        Just("😀\u{0}\u{7}\n\t".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn schedule_date() -> impl Strategy<Value = ScheduleDate> {
    prop_oneof![
        date().prop_map(ScheduleDate::Day),
        (0i32..=9999, 1u32..=12).prop_map(|(year, month)| ScheduleDate::Month { year, month }),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("X.1250rev".to_owned()),
        Just("X.1250".to_owned()),
        Just("XSTR.AIsec".to_owned()),
        "[A-Z]{0,5}[.．]?[A-Za-z0-9_.-]{0,8}",
        text(),
    ]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    (
        prop::option::of(id()),
        text(),
        prop::sample::select(Action::ALL),
        prop::option::of(text()),
    )
        .prop_map(|(id, title, action, gloss)| Outcome {
            uid: Default::default(),
            id,
            title,
            action,
            process: None,
            document: None,
            gloss,
        })
}

fn block() -> impl Strategy<Value = Block> {
    let question = (
        any::<u32>(),
        prop::option::of(text()),
        prop::collection::vec(outcome(), 0..4),
        any::<bool>(),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(number, scope, outcomes, discussed, note, text)| {
            Block::Question(Question {
                uid: Default::default(),
                number,
                scope,
                outcomes,
                discussed,
                note,
                text,
            })
        });
    let row = (
        text(),
        prop::option::of(schedule_date()),
        prop::option::of(schedule_date()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(meeting, start, end, venue, content)| ScheduleRow {
            uid: Default::default(),
            meeting,
            start,
            end,
            venue,
            content,
        });
    let schedule =
        (prop::option::of(text()), prop::collection::vec(row, 0..4)).prop_map(|(caption, rows)| {
            Block::Schedule(Schedule {
                uid: Default::default(),
                caption,
                rows,
            })
        });
    prop_oneof![
        Just(Block::summary()),
        (text(), any::<bool>()).prop_map(|(text, boilerplate)| Block::Paragraph {
            uid: Default::default(),
            text,
            boilerplate
        }),
        (prop::collection::vec(text(), 0..3), any::<bool>()).prop_map(|(items, boilerplate)| {
            Block::Bullets {
                uid: Default::default(),
                item_uids: Default::default(),
                items,
                boilerplate,
            }
        }),
        question,
        schedule,
    ]
}

fn section() -> impl Strategy<Value = Section> {
    let working_party =
        (any::<u32>(), text(), prop::option::of(text())).prop_map(|(number, title, intro)| {
            WorkingParty {
                number,
                title,
                intro,
            }
        });
    let leaf = (
        prop::option::of(text()),
        prop::option::of(working_party),
        prop::collection::vec(block(), 0..4),
    )
        .prop_map(|(heading, working_party, blocks)| Section {
            uid: Default::default(),
            heading,
            working_party,
            blocks,
            sections: Vec::new(),
        });
    leaf.prop_recursive(3, 12, 3, |inner| {
        (
            prop::option::of(text()),
            prop::collection::vec(block(), 0..3),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(heading, blocks, sections)| Section {
                uid: Default::default(),
                heading,
                working_party: None,
                blocks,
                sections,
            })
    })
}

fn count() -> impl Strategy<Value = Option<u32>> {
    prop::option::of(prop_oneof![0u32..500, any::<u32>()])
}

fn report() -> impl Strategy<Value = Report> {
    let participants =
        (count(), count(), count(), count()).prop_map(|(total, on_site, remote, home)| {
            Participants {
                total,
                on_site,
                remote,
                home,
                delegations: None,
            }
        });
    let contributions =
        (count(), count(), prop::option::of(text())).prop_map(|(total, home, home_note)| {
            Contributions {
                total,
                home,
                home_note,
            }
        });
    let meeting = (
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(participants),
        prop::option::of(contributions),
    )
        .prop_map(|(start, end, participants, contributions)| Meeting {
            organization: "ITU-T".to_owned(),
            group: "SG17".to_owned(),
            start,
            end,
            participants,
            contributions,
            ..Meeting::default()
        });
    (
        text(),
        prop::sample::select(Language::ALL),
        meeting,
        prop::collection::vec(section(), 0..4),
    )
        .prop_map(|(title, language, meeting, sections)| Report {
            title,
            language,
            style: Style::default(),
            authors: Vec::new(),
            meeting,
            sections,
        })
}

/// A history in which every id had the same earlier titles.
#[derive(Debug)]
struct Everywhere(Vec<EarlierTitle>);

impl History for Everywhere {
    fn earlier_titles(&self, _item_id: &str) -> Vec<EarlierTitle> {
        self.0.clone()
    }
}

fn history() -> impl Strategy<Value = Everywhere> {
    let earlier = (text(), text(), prop::option::of(date())).prop_map(
        |(title, report_title, meeting_start)| EarlierTitle {
            title,
            report_title,
            meeting_start,
        },
    );
    prop::collection::vec(earlier, 0..3).prop_map(Everywhere)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_reports_never_crash_the_checks(report in report(), history in history()) {
        for finding in check(&report, &history) {
            prop_assert!(!finding.path.is_empty());
            prop_assert!(!finding.message.is_empty());
        }
    }
}
