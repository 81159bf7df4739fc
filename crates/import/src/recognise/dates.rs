//! Japanese dates as printed: a meeting's range with weekdays (`2025年12月3日(水)～11日(木)`)
//! and a schedule's period (`2026年3月30日～4月2日`, `2026年5月`). The end of a range
//! leaves out the year and month it shares with the start.

use chrono::NaiveDate;
use rapporteur_model::ScheduleDate;
use regex::Regex;
use std::sync::LazyLock;

/// One date of a range, with what it left out as `None`.
struct Part {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<String>,
}

const RANGE: &str =
    r"^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:[(（]\s*([月火水木金土日])\s*[)）])?$";

static PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(RANGE).expect("a valid pattern"));

fn part(text: &str) -> Option<Part> {
    let caps = PART.captures(text.trim())?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let part = Part {
        year: number(1).map(|y| y as i32),
        month: number(2),
        day: number(3),
        weekday: caps.get(4).map(|m| m.as_str().to_owned()),
    };
    (part.year.is_some() || part.month.is_some() || part.day.is_some()).then_some(part)
}

/// `start～end` split at the range mark (either preset's, or `~`, `-`, `–`).
fn split_range(text: &str) -> (&str, Option<&str>) {
    match text.split_once(['～', '〜', '~', '–', '-']) {
        Some((start, end)) => (start, Some(end)),
        None => (text, None),
    }
}

/// A weekday that disagrees with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrongWeekday {
    pub date: NaiveDate,
    pub printed: String,
}

/// A meeting's dates with their weekdays; the weekdays that disagree are returned too.
pub(crate) fn meeting_range(
    text: &str,
) -> Option<(NaiveDate, Option<NaiveDate>, Vec<WrongWeekday>)> {
    let (start_text, end_text) = split_range(text);
    let start = part(start_text)?;
    let start_day = NaiveDate::from_ymd_opt(start.year?, start.month?, start.day?)?;
    let mut wrong = Vec::new();
    let mut check = |date: NaiveDate, printed: &Option<String>| {
        if let Some(printed) = printed {
            if printed != rapporteur_prose::phrases::weekday_ja(date) {
                wrong.push(WrongWeekday {
                    date,
                    printed: printed.clone(),
                });
            }
        }
    };
    check(start_day, &start.weekday);
    let end = match end_text {
        None => None,
        Some(end_text) => {
            let end = part(end_text)?;
            let day = NaiveDate::from_ymd_opt(
                end.year.unwrap_or(start.year?),
                end.month.unwrap_or(start.month?),
                end.day?,
            )?;
            check(day, &end.weekday);
            // A range that ends before it starts is no range (and no report may hold one).
            (day >= start_day).then_some(day)?;
            Some(day)
        }
    };
    Some((start_day, end, wrong))
}

/// A schedule table's period: empty, one date, or a range.
pub(crate) fn period(text: &str) -> Option<(Option<ScheduleDate>, Option<ScheduleDate>)> {
    let text = text.trim();
    if text.is_empty() {
        return Some((None, None));
    }
    let (start_text, end_text) = split_range(text);
    let start = part(start_text)?;
    let start_date = schedule_date(start.year?, start.month?, start.day)?;
    let end = match end_text {
        None => None,
        Some(end_text) => {
            let end = part(end_text)?;
            let year = end.year.unwrap_or(start.year?);
            // `30日～4月2日` gives the month; `13日～17日` repeats the start's.
            let month = end
                .month
                .or(if end.day.is_some() { start.month } else { None })?;
            let end = schedule_date(year, month, end.day)?;
            (end.last_day() >= start_date.first_day()).then_some(end)?;
            Some(end)
        }
    };
    Some((Some(start_date), end))
}

fn schedule_date(year: i32, month: u32, day: Option<u32>) -> Option<ScheduleDate> {
    match day {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day).map(ScheduleDate::Day),
        None => (1..=12)
            .contains(&month)
            .then_some(ScheduleDate::Month { year, month }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_meeting_ranges_of_both_presets() {
        assert_eq!(
            meeting_range("2025年12月3日(水)～11日(木)"),
            Some((d("2025-12-03"), Some(d("2025-12-11")), vec![]))
        );
        assert_eq!(
            meeting_range("2020年3月17日（火）〜26日（木）"),
            Some((d("2020-03-17"), Some(d("2020-03-26")), vec![]))
        );
        let (_, _, wrong) = meeting_range("2025年12月4日(水)").unwrap();
        assert_eq!(wrong.len(), 1);
        assert_eq!(meeting_range("2025年13月4日(水)"), None);
    }

    #[test]
    fn reads_periods() {
        let s = |t: &str| Some(ScheduleDate::parse(t).unwrap());
        assert_eq!(
            period("2026年3月30日～4月2日"),
            Some((s("2026-03-30"), s("2026-04-02")))
        );
        assert_eq!(
            period("2026年4月13日〜17日"),
            Some((s("2026-04-13"), s("2026-04-17")))
        );
        assert_eq!(period("2026年5月"), Some((s("2026-05"), None)));
        assert_eq!(period("2026年5月～6月"), Some((s("2026-05"), s("2026-06"))));
        assert_eq!(period(""), Some((None, None)));
        assert_eq!(period("来年"), None);
    }
}
