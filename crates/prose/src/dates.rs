//! Dates: as the journal prints them, as the app shows them, and as authors write them
//! in Japanese (the reader, [`read`]). The one place where weekday and month names are
//! spelled, and where an end is in order with its start (docs/style.md, "Dates").
//!
//! The presets print Western years; the reader also takes era years (令和, 平成, 元年),
//! full-width digits, weekdays in either bracket and either range mark, so that what the
//! presets print reads back to the same dates (a property test holds this).

mod read;

pub use read::{mentions, read_ja, Mention, Written, ERAS, RANGE_MARKS};

use chrono::{Datelike, NaiveDate, Weekday};
use rapporteur_model::{Language, ScheduleDate};

/// The weekdays' kanji, Monday first (as chrono counts them).
pub const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// The weekdays' English names, Monday first.
pub const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The English month names, as the English dates print them and the importer reads them.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The kanji of `weekday`: 水 for Wednesday.
pub fn weekday_ja(weekday: Weekday) -> &'static str {
    WEEKDAYS_JA[weekday.num_days_from_monday() as usize]
}

/// The weekday whose kanji is `kanji`.
pub fn weekday_of_ja(kanji: char) -> Option<Weekday> {
    let index = WEEKDAYS_JA.iter().position(|k| k.starts_with(kanji))?;
    Weekday::try_from(index as u8).ok()
}

/// The English name of `weekday`: `Wednesday`.
pub fn weekday_en(weekday: Weekday) -> &'static str {
    WEEKDAYS_EN[weekday.num_days_from_monday() as usize]
}

/// The English name of `month` (1 to 12).
pub fn month_en(month: u32) -> &'static str {
    MONTHS_EN[(month as usize).saturating_sub(1) % 12]
}

/// The month (1 to 12) whose English name is `name`.
pub fn month_of_en(name: &str) -> Option<u32> {
    MONTHS_EN
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

/// An end is in order with its start unless all of it is before the start: a month
/// ends on its last day and starts on its first, so `2026年5月` may end a range that
/// starts on 10 May. The checks report an end out of order, the importer refuses it,
/// and a range prints such an end in full, so that `6月3日～1日` does not read as a range
/// within one month. The UI follows this through the dates contract.
pub fn in_order(start: ScheduleDate, end: ScheduleDate) -> bool {
    end.last_day() >= start.first_day()
}

/// How a Japanese preset sets a range: the brackets around weekdays (none: no weekdays,
/// as in schedule tables) and the range mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JaStyle {
    pub weekday_brackets: Option<(char, char)>,
    pub tilde: char,
}

impl JaStyle {
    /// The default preset's meeting dates, as the app shows dates: `(水)`, `～`.
    pub const SHOWN: JaStyle = JaStyle {
        weekday_brackets: Some(('(', ')')),
        tilde: '～',
    };

    /// Dates without weekdays.
    pub const PLAIN: JaStyle = JaStyle {
        weekday_brackets: None,
        tilde: '～',
    };

    /// `date` with what `after` (the start of its range) already gave left out: the end
    /// of a range in order prints the year only when it changed, and the month only
    /// when it changed or either end is a month (`11日`, `4月2日`, `6月`, `5月20日`).
    fn date(self, date: ScheduleDate, after: Option<ScheduleDate>) -> String {
        let shared = after.filter(|&a| in_order(a, date) && a.year() == date.year());
        let day = |d: NaiveDate| match self.weekday_brackets {
            Some((open, close)) => format!("{}日{open}{}{close}", d.day(), weekday_ja(d.weekday())),
            None => format!("{}日", d.day()),
        };
        match (date, shared) {
            (ScheduleDate::Day(d), Some(ScheduleDate::Day(a))) if a.month() == d.month() => day(d),
            (ScheduleDate::Day(d), Some(_)) => format!("{}月{}", d.month(), day(d)),
            (ScheduleDate::Month { month, .. }, Some(_)) => format!("{month}月"),
            (ScheduleDate::Day(d), None) => format!("{}年{}月{}", d.year(), d.month(), day(d)),
            (ScheduleDate::Month { year, month }, None) => format!("{year}年{month}月"),
        }
    }

    /// `2025年12月3日(水)～11日(木)`, `2026年3月30日～4月2日`, `2026年5月`: a date, or a
    /// range whose end leaves out what it shares with the start; an end equal to the
    /// start is not repeated.
    pub fn range(self, start: ScheduleDate, end: Option<ScheduleDate>) -> String {
        let first = self.date(start, None);
        match end.filter(|&e| e != start) {
            None => first,
            Some(end) => format!("{first}{}{}", self.tilde, self.date(end, Some(start))),
        }
    }

    /// A schedule table's period: a range, a date, or nothing; an end alone prints as a
    /// date.
    pub fn period(self, start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
        match (start, end) {
            (None, None) => String::new(),
            (Some(start), end) => self.range(start, end),
            (None, Some(end)) => self.range(end, None),
        }
    }
}

/// `2025年12月3日`, `2026年5月`.
pub fn date_ja(date: ScheduleDate) -> String {
    JaStyle::PLAIN.range(date, None)
}

/// `3 December 2025`, `May 2026`.
pub fn date_en(date: ScheduleDate) -> String {
    match date {
        ScheduleDate::Day(d) => format!("{} {} {}", d.day(), month_en(d.month()), d.year()),
        ScheduleDate::Month { year, month } => format!("{} {year}", month_en(month)),
    }
}

/// `on Wednesday 3 December 2025`, `from Wednesday 3 to Thursday 11 December 2025`.
pub fn meeting_range_en(start: NaiveDate, end: Option<NaiveDate>) -> String {
    let full = |d: NaiveDate| {
        format!(
            "{} {}",
            weekday_en(d.weekday()),
            date_en(ScheduleDate::Day(d))
        )
    };
    let weekday_day = |d: NaiveDate| format!("{} {}", weekday_en(d.weekday()), d.day());
    match end.filter(|&e| e != start) {
        None => format!("on {}", full(start)),
        Some(end) if end.year() == start.year() && end.month() == start.month() => {
            format!("from {} to {}", weekday_day(start), full(end))
        }
        Some(end) if end.year() == start.year() => format!(
            "from {} {} to {}",
            weekday_day(start),
            month_en(start.month()),
            full(end)
        ),
        Some(end) => format!("from {} to {}", full(start), full(end)),
    }
}

/// Reads what [`meeting_range_en`] prints back into the meeting's dates, for the
/// importer: `on [Weekday] D Month YYYY`, `from [Weekday] D[ Month[ YYYY]] to [Weekday] D
/// Month YYYY`; the start's month and year default to the end's. A weekday is any
/// capitalised word (the journal's are not checked here), and a range must be in order.
pub fn read_meeting_range_en(text: &str) -> Option<(NaiveDate, Option<NaiveDate>)> {
    if let Some(day) = text.strip_prefix("on ") {
        let (day, month, year) = day_month_year(day)?;
        return Some((NaiveDate::from_ymd_opt(year, month, day)?, None));
    }
    let (start, end) = text.strip_prefix("from ")?.split_once(" to ")?;
    let (end_day, end_month, end_year) = day_month_year(end)?;
    let mut words = without_weekday(start).split(' ');
    let start_day = day_number(words.next()?)?;
    let start_month = words.next().map_or(Some(end_month), month_of_en)?;
    let start_year = words.next().map_or(Some(end_year), year_number)?;
    if words.next().is_some() {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(start_year, start_month, start_day)?;
    let end = NaiveDate::from_ymd_opt(end_year, end_month, end_day)?;
    (end >= start).then_some((start, Some(end)))
}

/// `[Weekday] D Month YYYY` as (day, month, year).
fn day_month_year(text: &str) -> Option<(u32, u32, i32)> {
    match without_weekday(text).split(' ').collect::<Vec<_>>()[..] {
        [day, month, year] => Some((day_number(day)?, month_of_en(month)?, year_number(year)?)),
        _ => None,
    }
}

/// `text` without a capitalised word before its first space (a weekday's place).
fn without_weekday(text: &str) -> &str {
    match text.split_once(' ') {
        Some((word, rest))
            if word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && word.len() > 1 =>
        {
            rest
        }
        _ => text,
    }
}

/// One or two ASCII digits.
fn day_number(text: &str) -> Option<u32> {
    digits(text, 1..=2)
}

/// Four ASCII digits.
fn year_number(text: &str) -> Option<i32> {
    digits(text, 4..=4)
}

/// `text` as a number when it is only ASCII digits, as many as `count` allows.
fn digits<T: std::str::FromStr>(text: &str, count: std::ops::RangeInclusive<usize>) -> Option<T> {
    if count.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// `6 February 2026`, `30 March – 2 April 2026`, `May 2026`.
pub(crate) fn period_en(start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
    let without_year = |date: ScheduleDate| match date {
        ScheduleDate::Day(d) => format!("{} {}", d.day(), month_en(d.month())),
        ScheduleDate::Month { month, .. } => month_en(month).to_owned(),
    };
    match (start, end) {
        (None, None) => String::new(),
        (Some(s), None) | (None, Some(s)) => date_en(s),
        (Some(s), Some(e)) if s == e => date_en(s),
        (Some(s), Some(e)) if s.year() == e.year() => {
            format!("{} – {}", without_year(s), date_en(e))
        }
        (Some(s), Some(e)) => format!("{} – {}", date_en(s), date_en(e)),
    }
}

/// `Wed 3 Dec 2025`, `May 2026`: English names shortened to three letters.
fn shown_en(date: ScheduleDate) -> String {
    let short = |name: &'static str| &name[..3];
    match date {
        ScheduleDate::Day(d) => format!(
            "{} {} {} {}",
            short(weekday_en(d.weekday())),
            d.day(),
            short(month_en(d.month())),
            d.year()
        ),
        ScheduleDate::Month { year, month } => format!("{} {year}", short(month_en(month))),
    }
}

/// The dates as the app shows them beside a date field, in the library and in the
/// meeting's facts: in Japanese as the default preset prints a meeting's dates, weekdays
/// included (`2025年12月3日(水)～11日(木)`); in English shortened, both ends in full
/// (`Wed 3 Dec 2025 – Thu 11 Dec 2025`); an end without start after the range mark.
/// The UI prints these itself on every keystroke (`ui/src/lib/format.ts`) and follows
/// this by the contract `tests/fixtures/contract/dates.json`.
pub fn shown(language: Language, start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
    match (language, start, end) {
        (_, None, None) => String::new(),
        (Language::Ja, Some(s), e) => JaStyle::SHOWN.range(s, e),
        (Language::Ja, None, Some(e)) => {
            format!("{}{}", JaStyle::SHOWN.tilde, JaStyle::SHOWN.range(e, None))
        }
        (Language::En, Some(s), e) => match e.filter(|&e| e != s) {
            None => shown_en(s),
            Some(e) => format!("{} – {}", shown_en(s), shown_en(e)),
        },
        (Language::En, None, Some(e)) => format!("– {}", shown_en(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> ScheduleDate {
        ScheduleDate::parse(text).unwrap()
    }

    fn s(text: &str) -> Option<ScheduleDate> {
        Some(d(text))
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const HALF: JaStyle = JaStyle::SHOWN;
    const FULL: JaStyle = JaStyle {
        weekday_brackets: Some(('（', '）')),
        tilde: '〜',
    };

    #[test]
    fn meeting_ranges_drop_what_repeats_and_compute_weekdays() {
        let range = |style: JaStyle, a: &str, b: Option<&str>| style.range(d(a), b.map(d));
        assert_eq!(
            range(HALF, "2025-12-03", Some("2025-12-11")),
            "2025年12月3日(水)～11日(木)"
        );
        assert_eq!(
            range(HALF, "2026-03-30", Some("2026-04-02")),
            "2026年3月30日(月)～4月2日(木)"
        );
        assert_eq!(
            range(HALF, "2025-12-29", Some("2026-01-02")),
            "2025年12月29日(月)～2026年1月2日(金)"
        );
        assert_eq!(
            range(FULL, "2020-03-17", Some("2020-03-26")),
            "2020年3月17日（火）〜26日（木）"
        );
        assert_eq!(range(HALF, "2024-02-29", None), "2024年2月29日(木)");
        assert_eq!(
            range(HALF, "2024-02-29", Some("2024-02-29")),
            "2024年2月29日(木)"
        );
        // An end before the start is a mistake the checks report; printed in full.
        assert_eq!(
            range(HALF, "2026-06-03", Some("2026-06-01")),
            "2026年6月3日(水)～2026年6月1日(月)"
        );
    }

    #[test]
    fn table_periods_as_the_journal_prints_them() {
        for (start, end, tilde, printed) in [
            ("2026-03-30", "2026-04-02", '～', "2026年3月30日～4月2日"),
            ("2026-02-06", "", '～', "2026年2月6日"),
            ("2026-05", "", '～', "2026年5月"),
            ("2026-04-13", "2026-04-17", '〜', "2026年4月13日〜17日"),
            ("2026-05", "2026-06", '～', "2026年5月～6月"),
            (
                "2026-12-28",
                "2027-01-08",
                '～',
                "2026年12月28日～2027年1月8日",
            ),
            ("", "", '～', ""),
            ("2026-06", "2026-05", '～', "2026年6月～2026年5月"),
            // A month and a day of it: the month is kept for the day, and a month that
            // ends a range starting within it is in order.
            ("2026-05", "2026-05-20", '～', "2026年5月～5月20日"),
            ("2026-05-10", "2026-05", '～', "2026年5月10日～5月"),
        ] {
            let date = |t: &str| (!t.is_empty()).then(|| d(t));
            let style = JaStyle {
                weekday_brackets: None,
                tilde,
            };
            assert_eq!(style.period(date(start), date(end)), printed);
        }
        assert_eq!(
            period_en(s("2026-03-30"), s("2026-04-02")),
            "30 March – 2 April 2026"
        );
        assert_eq!(period_en(s("2026-05"), None), "May 2026");
    }

    #[test]
    fn english_meeting_ranges_are_read_without_weekdays_and_refused_out_of_order() {
        let read = read_meeting_range_en;
        let range = |s, e| Some((day(s), Some(day(e))));
        assert_eq!(
            read("from 3 to 11 December 2025"),
            range("2025-12-03", "2025-12-11")
        );
        assert_eq!(
            read("from Monday 29 December 2025 to Friday 2 January 2026"),
            range("2025-12-29", "2026-01-02")
        );
        assert_eq!(read("on 2 June 2026"), Some((day("2026-06-02"), None)));
        for refused in [
            "from Thursday 11 to Wednesday 3 December 2025",
            "on 31 June 2026",
            "on 2 Juin 2026",
            "on 2 June 26",
            "from 3 to 11 December 2025 and more",
        ] {
            assert_eq!(read(refused), None, "{refused}");
        }
    }

    #[test]
    fn english_meeting_ranges() {
        assert_eq!(
            meeting_range_en(day("2025-12-03"), Some(day("2025-12-11"))),
            "from Wednesday 3 to Thursday 11 December 2025"
        );
        assert_eq!(
            meeting_range_en(day("2026-03-30"), Some(day("2026-04-02"))),
            "from Monday 30 March to Thursday 2 April 2026"
        );
        assert_eq!(
            meeting_range_en(day("2026-06-02"), None),
            "on Tuesday 2 June 2026"
        );
    }

    #[test]
    fn shown_as_the_app_shows_dates() {
        assert_eq!(
            shown(Language::Ja, s("2025-12-03"), s("2025-12-11")),
            "2025年12月3日(水)～11日(木)"
        );
        assert_eq!(
            shown(Language::En, s("2025-12-03"), s("2025-12-11")),
            "Wed 3 Dec 2025 – Thu 11 Dec 2025"
        );
        assert_eq!(shown(Language::En, s("2026-05"), None), "May 2026");
        assert_eq!(shown(Language::Ja, None, s("2026-05")), "～2026年5月");
        assert_eq!(
            shown(Language::En, None, s("2026-05-01")),
            "– Fri 1 May 2026"
        );
        assert_eq!(shown(Language::Ja, None, None), "");
    }

    #[test]
    fn names_and_order() {
        assert_eq!(weekday_of_ja('水'), Some(Weekday::Wed));
        assert_eq!(weekday_of_ja('x'), None);
        assert_eq!(month_of_en("May"), Some(5));
        assert!(in_order(d("2026-05-10"), d("2026-05")));
        assert!(!in_order(d("2026-05-10"), d("2026-05-09")));
        assert!(!in_order(d("2026-06"), d("2026-05-31")));
    }
}
