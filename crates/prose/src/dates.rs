//! Dates as the journal prints them.

use chrono::{Datelike, NaiveDate, Weekday};
use rapporteur_model::ScheduleDate;

pub(crate) fn weekday_ja(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "月",
        Weekday::Tue => "火",
        Weekday::Wed => "水",
        Weekday::Thu => "木",
        Weekday::Fri => "金",
        Weekday::Sat => "土",
        Weekday::Sun => "日",
    }
}

/// `2025年12月3日`, or with the year (and month) dropped when `after` already gave them:
/// the end of a range prints only what changed. An end before its start (a mistake the
/// checks report) is printed in full, so that it does not read as a range within a month.
fn day_ja(day: NaiveDate, after: Option<NaiveDate>) -> String {
    match after.filter(|&a| a < day) {
        Some(a) if a.year() == day.year() && a.month() == day.month() => format!("{}日", day.day()),
        Some(a) if a.year() == day.year() => format!("{}月{}日", day.month(), day.day()),
        _ => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
    }
}

/// A meeting's dates with weekdays: `2025年12月3日(水)～11日(木)`. `open`/`close` are
/// the preset's brackets, `tilde` its range mark.
pub(crate) fn meeting_range_ja(
    start: NaiveDate,
    end: Option<NaiveDate>,
    brackets: (&str, &str),
    tilde: &str,
) -> String {
    let (open, close) = brackets;
    let first = format!("{}{open}{}{close}", day_ja(start, None), weekday_ja(start));
    match end.filter(|&e| e != start) {
        None => first,
        Some(end) => format!(
            "{first}{tilde}{}{open}{}{close}",
            day_ja(end, Some(start)),
            weekday_ja(end)
        ),
    }
}

/// A schedule table's period: `2026年3月30日～4月2日`, `2026年2月6日`, `2026年5月`.
pub(crate) fn period_ja(
    start: Option<ScheduleDate>,
    end: Option<ScheduleDate>,
    tilde: &str,
) -> String {
    fn one(date: ScheduleDate, after: Option<ScheduleDate>) -> String {
        match (date, after) {
            (ScheduleDate::Day(day), after) => day_ja(day, after.map(ScheduleDate::first_day)),
            (ScheduleDate::Month { year, month }, Some(a))
                if a.year() == year && a.first_day() < date.first_day() =>
            {
                format!("{month}月")
            }
            (ScheduleDate::Month { year, month }, _) => format!("{year}年{month}月"),
        }
    }
    match (start, end) {
        (None, None) => String::new(),
        (Some(s), None) | (None, Some(s)) => one(s, None),
        (Some(s), Some(e)) if s == e => one(s, None),
        (Some(s), Some(e)) => format!("{}{tilde}{}", one(s, None), one(e, Some(s))),
    }
}

fn month_en(month: u32) -> &'static str {
    crate::phrases::ENGLISH_MONTHS[(month as usize).saturating_sub(1) % 12]
}

fn full_weekday_en(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// `on Wednesday 3 December 2025`, `from Wednesday 3 to Thursday 11 December 2025`.
pub(crate) fn meeting_range_en(start: NaiveDate, end: Option<NaiveDate>) -> String {
    let full = |d: NaiveDate| {
        format!(
            "{} {} {} {}",
            full_weekday_en(d),
            d.day(),
            month_en(d.month()),
            d.year()
        )
    };
    match end.filter(|&e| e != start) {
        None => format!("on {}", full(start)),
        Some(end) if end.year() == start.year() && end.month() == start.month() => {
            format!(
                "from {} {} to {}",
                full_weekday_en(start),
                start.day(),
                full(end)
            )
        }
        Some(end) if end.year() == start.year() => format!(
            "from {} {} {} to {}",
            full_weekday_en(start),
            start.day(),
            month_en(start.month()),
            full(end)
        ),
        Some(end) => format!("from {} to {}", full(start), full(end)),
    }
}

/// `6 February 2026`, `30 March – 2 April 2026`, `May 2026`.
pub(crate) fn period_en(start: Option<ScheduleDate>, end: Option<ScheduleDate>) -> String {
    fn one(date: ScheduleDate, with_year: bool) -> String {
        let year = if with_year {
            format!(" {}", date.year())
        } else {
            String::new()
        };
        match date {
            ScheduleDate::Day(d) => format!("{} {}{year}", d.day(), month_en(d.month())),
            ScheduleDate::Month { month, .. } => format!("{}{year}", month_en(month)),
        }
    }
    match (start, end) {
        (None, None) => String::new(),
        (Some(s), None) | (None, Some(s)) => one(s, true),
        (Some(s), Some(e)) if s == e => one(s, true),
        (Some(s), Some(e)) => format!("{} – {}", one(s, s.year() != e.year()), one(e, true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn s(text: &str) -> Option<ScheduleDate> {
        Some(ScheduleDate::parse(text).unwrap())
    }

    #[test]
    fn meeting_ranges_drop_what_repeats_and_compute_weekdays() {
        let half = ("(", ")");
        assert_eq!(
            meeting_range_ja(d("2025-12-03"), Some(d("2025-12-11")), half, "～"),
            "2025年12月3日(水)～11日(木)"
        );
        assert_eq!(
            meeting_range_ja(d("2026-03-30"), Some(d("2026-04-02")), half, "～"),
            "2026年3月30日(月)～4月2日(木)"
        );
        assert_eq!(
            meeting_range_ja(d("2025-12-29"), Some(d("2026-01-02")), half, "～"),
            "2025年12月29日(月)～2026年1月2日(金)"
        );
        assert_eq!(
            meeting_range_ja(d("2020-03-17"), Some(d("2020-03-26")), ("（", "）"), "〜"),
            "2020年3月17日（火）〜26日（木）"
        );
        assert_eq!(
            meeting_range_ja(d("2024-02-29"), None, half, "～"),
            "2024年2月29日(木)"
        );
        assert_eq!(
            meeting_range_ja(d("2024-02-29"), Some(d("2024-02-29")), half, "～"),
            "2024年2月29日(木)"
        );
        // An end before the start is a mistake the checks report; printed in full.
        assert_eq!(
            meeting_range_ja(d("2026-06-03"), Some(d("2026-06-01")), half, "～"),
            "2026年6月3日(水)～2026年6月1日(月)"
        );
    }

    #[test]
    fn table_periods_as_the_journal_prints_them() {
        assert_eq!(
            period_ja(s("2026-03-30"), s("2026-04-02"), "～"),
            "2026年3月30日～4月2日"
        );
        assert_eq!(period_ja(s("2026-02-06"), None, "～"), "2026年2月6日");
        assert_eq!(period_ja(s("2026-05"), None, "～"), "2026年5月");
        assert_eq!(
            period_ja(s("2026-04-13"), s("2026-04-17"), "〜"),
            "2026年4月13日〜17日"
        );
        assert_eq!(
            period_ja(s("2026-05"), s("2026-06"), "～"),
            "2026年5月～6月"
        );
        assert_eq!(
            period_ja(s("2026-12-28"), s("2027-01-08"), "～"),
            "2026年12月28日～2027年1月8日"
        );
        assert_eq!(period_ja(None, None, "～"), "");
        assert_eq!(
            period_ja(s("2026-06"), s("2026-05"), "～"),
            "2026年6月～2026年5月"
        );
        assert_eq!(
            period_en(s("2026-03-30"), s("2026-04-02")),
            "30 March – 2 April 2026"
        );
        assert_eq!(period_en(s("2026-05"), None), "May 2026");
    }

    #[test]
    fn english_meeting_ranges() {
        assert_eq!(
            meeting_range_en(d("2025-12-03"), Some(d("2025-12-11"))),
            "from Wednesday 3 to Thursday 11 December 2025"
        );
        assert_eq!(
            meeting_range_en(d("2026-03-30"), Some(d("2026-04-02"))),
            "from Monday 30 March to Thursday 2 April 2026"
        );
        assert_eq!(
            meeting_range_en(d("2026-06-02"), None),
            "on Tuesday 2 June 2026"
        );
    }
}
