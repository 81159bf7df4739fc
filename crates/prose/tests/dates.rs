//! The one reader of Japanese dates reads back every date and range the presets print,
//! with their weekdays: the meeting's dates (weekdays in either preset's brackets), a
//! table's periods (days and months, in or out of order), a date alone, and the dates
//! as the app shows them; the same with era years and full-width digits. The English
//! meeting dates read back the same way.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rapporteur_model::{Language, Preset, ScheduleDate, Spelled};
use rapporteur_prose::dates::{
    date_ja, meeting_range_en, read_ja, read_meeting_range_en, shown, JaStyle,
};
use rapporteur_prose::phrases;

#[path = "../../format/tests/support/fuzz_cases.rs"]
mod fuzz_cases;
use fuzz_cases::fuzz_cases;

/// A day from 1900 to 2099, or a month of those years.
fn date() -> impl Strategy<Value = ScheduleDate> {
    prop_oneof![
        3 => (0..73_000i64).prop_map(|n| ScheduleDate::Day(
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(n as u64)
        )),
        1 => (1900..2100i32, 1..=12u32).prop_map(|(year, month)| ScheduleDate::Month { year, month }),
    ]
}

/// An end near the start (the same month, the next, across a year) or anywhere.
fn range() -> impl Strategy<Value = (ScheduleDate, Option<ScheduleDate>)> {
    (
        date(),
        prop::option::of((-40i64..400, any::<bool>(), date())),
    )
        .prop_map(|(start, end)| {
            let end = end.map(|(days, month, far)| {
                let near = start.first_day() + chrono::TimeDelta::days(days);
                match (days % 7 == 0, month) {
                    (true, _) => far,
                    (false, true) => ScheduleDate::Month {
                        year: near.year(),
                        month: near.month(),
                    },
                    (false, false) => ScheduleDate::Day(near),
                }
            });
            (start, end)
        })
}

/// The dates `text` reads as, checking that each weekday written is the date's.
fn read_back(text: &str) -> Option<(ScheduleDate, Option<ScheduleDate>)> {
    let written = read_ja(text, None)?;
    for mention in [Some(&written.start), written.end.as_ref()]
        .into_iter()
        .flatten()
    {
        if let (ScheduleDate::Day(day), Some(weekday)) = (mention.date, mention.weekday) {
            assert_eq!(day.weekday(), weekday, "{text}");
        }
    }
    Some((written.start.date, written.end.map(|m| m.date)))
}

/// `text` with its Western years as era years (令和 from 2019, 平成 from 1989; 元年 for
/// the first) and every digit full-width.
fn in_eras_full_width(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('年') {
        let (before, after) = rest.split_at(at);
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, year) = before.split_at(before.len() - digits);
        out.push_str(head);
        let year: i32 = year.parse().unwrap_or(0);
        let era = match year {
            2019.. => Some(("令和", year - 2018)),
            1989..=2018 => Some(("平成", year - 1988)),
            _ => None,
        };
        match era {
            Some((name, 1)) => out.push_str(&format!("{name}元")),
            Some((name, n)) => out.push_str(&format!("{name}{n}")),
            None => out.push_str(&year.to_string()),
        }
        out.push('年');
        rest = &after['年'.len_utf8()..];
    }
    out.push_str(rest);
    out.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            c => c,
        })
        .collect()
}

/// Every style the presets print Japanese dates in, and the app's.
fn styles() -> Vec<JaStyle> {
    let mut styles = vec![JaStyle::SHOWN, JaStyle::PLAIN];
    for &preset in Preset::ALL {
        styles.push(phrases::dates_ja(preset, true));
        styles.push(phrases::dates_ja(preset, false));
    }
    styles
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases(2_000)))]

    #[test]
    fn what_the_presets_print_reads_back((start, end) in range()) {
        let expected = (start, end.filter(|&e| e != start));
        for style in styles() {
            let printed = style.range(start, end);
            prop_assert_eq!(read_back(&printed), Some(expected), "{}", printed);
            let era = in_eras_full_width(&printed);
            prop_assert_eq!(read_back(&era), Some(expected), "{}", era);
        }
        let shown = shown(Language::Ja, Some(start), end);
        prop_assert_eq!(read_back(&shown), Some(expected), "{}", shown);
        prop_assert_eq!(read_back(&date_ja(start)), Some((start, None)));
    }

    #[test]
    fn what_english_prints_for_a_meeting_reads_back(
        start in 0..73_000u64,
        days in prop::option::of(0..800u64),
    ) {
        let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(start);
        let end = days.map(|days| start + chrono::Days::new(days));
        let printed = meeting_range_en(start, end);
        let expected = (start, end.filter(|&e| e != start));
        prop_assert_eq!(read_meeting_range_en(&printed), Some(expected), "{}", printed);
    }
}

#[test]
fn era_years_and_their_first_year() {
    assert_eq!(in_eras_full_width("2019年5月1日"), "令和元年５月１日");
    assert_eq!(
        in_eras_full_width("2025年12月3日(水)～2026年1月"),
        "令和７年１２月３日(水)～令和８年１月"
    );
    let day = |t: &str| ScheduleDate::Day(t.parse().unwrap());
    assert_eq!(
        read_back("令和元年5月1日(水)"),
        Some((day("2019-05-01"), None))
    );
    assert_eq!(
        read_back("平成31年4月30日（火）"),
        Some((day("2019-04-30"), None))
    );
    assert_eq!(read_back("2025年12月3日(水)と4日"), None);
}
