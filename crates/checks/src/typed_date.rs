//! A date as people type it into a date field or a schedule cell: `2026-12-01`,
//! `2026/12/1`, `2026.12.1`, `2026年12月1日`, `令和8年12月1日`, a month (`2026-12`,
//! `2026年12月`), a weekday after it (`(火)`), full-width digits, and a range typed in one
//! field (`2026年12月1日～5日`, `2026/12/1 - 12/5`, `2026-12-01～2026-12-05`). The
//! Japanese forms are read by the one reader of Japanese dates (`rapporteur_prose::dates`).
//!
//! The app calls this for every date field, so there is one reader of typed dates; it
//! tells why a text is not a date (shape, or no such day) and the UI words that in its
//! own language.

use chrono::{Datelike, NaiveDate};
use rapporteur_model::ScheduleDate;
use rapporteur_prose::dates::read_ja;
use serde::Serialize;
use specta::Type;

/// What a typed date field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypedDate {
    /// Nothing typed: no date.
    Empty,
    /// A day or a month, or a range when `end` is given.
    Date {
        start: ScheduleDate,
        end: Option<ScheduleDate>,
    },
    /// Not a date in any of the forms above.
    Unreadable,
    /// Of a date's form, but no such day (`2026-02-30`).
    NoSuchDay { year: i32, month: u32, day: u32 },
    /// Of a month's form, but no such month (`2026-13`).
    NoSuchMonth { year: i32, month: u32 },
}

/// What joins the two dates of a range typed in one field. A bare `-` is ISO's own
/// separator, so a range uses it only between spaces.
const RANGE_MARKS: &[&str] = &["～", "〜", "~", " - ", " – ", "–", "—", "から", " to "];

/// Reads `text`; a date without its year (`12月1日`, the end of a range aside) takes the
/// year that puts it nearest `near` (the meeting's start), when given.
pub fn read_typed_date(text: &str, near: Option<NaiveDate>) -> TypedDate {
    let text = half_width(text.trim());
    if text.is_empty() {
        return TypedDate::Empty;
    }
    if text.contains('年') || text.contains('月') {
        return japanese(&text, near);
    }
    let (first, second) = split_range(&text);
    let start = match numeric(first, None) {
        Ok(start) => start,
        Err(problem) => return problem,
    };
    let end = match second.map(|s| numeric(s, Some(start))) {
        None => None,
        Some(Ok(end)) => Some(end),
        Some(Err(problem)) => return problem,
    };
    TypedDate::Date { start, end }
}

/// Full-width digits, slashes, dots, hyphens and spaces as ASCII; the long vowel mark an
/// IME may give for a hyphen too.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | '／' | '．' | '－' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            'ー' | '‐' => '-',
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

fn split_range(text: &str) -> (&str, Option<&str>) {
    for mark in RANGE_MARKS {
        if let Some((a, b)) = text.split_once(mark) {
            return (a.trim(), Some(b.trim()));
        }
    }
    (text, None)
}

/// `2026-12-01`, `2026/12/1`, `2026.12.1`, `2026-12`, with a weekday in brackets after
/// it; at the end of a range after `start`, also `12/5` or `5`, taking what they leave
/// out from the start.
fn numeric(text: &str, start: Option<ScheduleDate>) -> Result<ScheduleDate, TypedDate> {
    let text = without_weekday(text);
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
    {
        return Err(TypedDate::Unreadable);
    }
    let n = |i: usize| parts[i].parse::<u32>().unwrap_or(0);
    let has_year = parts[0].len() == 4;
    let first = start.map(ScheduleDate::first_day);
    let (year, month, day) = match (parts.len(), has_year, first) {
        (3, true, _) => (n(0) as i32, n(1), Some(n(2))),
        (2, true, _) => (n(0) as i32, n(1), None),
        (2, false, Some(f)) => (f.year(), n(0), Some(n(1))),
        (1, false, Some(f)) => (f.year(), f.month(), Some(n(0))),
        _ => return Err(TypedDate::Unreadable),
    };
    if parts[1..].iter().any(|p| p.len() > 2) || (!has_year && parts[0].len() > 2) {
        return Err(TypedDate::Unreadable);
    }
    // The end of a range in the next year: 2026/12/29 - 1/2.
    let year = match first {
        Some(f) if !has_year && month < f.month() => year + 1,
        _ => year,
    };
    day_or_month(year, month, day)
}

fn day_or_month(year: i32, month: u32, day: Option<u32>) -> Result<ScheduleDate, TypedDate> {
    match day {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day)
            .map(ScheduleDate::Day)
            .ok_or(TypedDate::NoSuchDay { year, month, day }),
        None if (1..=12).contains(&month) => Ok(ScheduleDate::Month { year, month }),
        None => Err(TypedDate::NoSuchMonth { year, month }),
    }
}

/// The text before a weekday in brackets at its end: `2026/12/1(火)`.
fn without_weekday(text: &str) -> &str {
    match text.find(['(', '（']) {
        Some(at) if text.ends_with([')', '）']) => text[..at].trim_end(),
        _ => text,
    }
}

/// `2026年12月1日`, `令和8年12月1日(火)`, `2026年12月`, `12月1日` near the meeting, and a
/// range of these: the free-text reader's dates, which must make up the whole text.
fn japanese(text: &str, near: Option<NaiveDate>) -> TypedDate {
    if let Some(written) = read_ja(text, near) {
        return TypedDate::Date {
            start: written.start.date,
            end: written.end.map(|m| m.date),
        };
    }
    // Not read: a Western date of an impossible day or month is named as such.
    let numeric_form: String = text
        .chars()
        .filter_map(|c| match c {
            '年' | '月' => Some('-'),
            '日' => None,
            c => Some(c),
        })
        .collect();
    match read_typed_date(numeric_form.trim_end_matches('-'), near) {
        problem @ (TypedDate::NoSuchDay { .. } | TypedDate::NoSuchMonth { .. }) => problem,
        _ => TypedDate::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `start` or `start..end` as ISO, or the problem.
    fn read(text: &str) -> String {
        read_near(text, None)
    }

    fn read_near(text: &str, near: Option<&str>) -> String {
        match read_typed_date(text, near.map(|n| n.parse().unwrap())) {
            TypedDate::Date { start, end: None } => start.to_string(),
            TypedDate::Date {
                start,
                end: Some(end),
            } => format!("{start}..{end}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn every_form_of_one_day_means_that_day() {
        for text in [
            "2026-12-01",
            "2026/12/1",
            "2026/12/01",
            "2026.12.1",
            "2026年12月1日",
            "令和8年12月1日",
            "２０２６年１２月１日",
            "２０２６／１２／０１",
            " 2026-12-01 ",
            "2026年12月1日(火)",
            "2026/12/1（火）",
        ] {
            assert_eq!(read(text), "2026-12-01", "{text}");
        }
    }

    #[test]
    fn months_ranges_and_the_year_near_the_meeting() {
        assert_eq!(read("2026-05"), "2026-05");
        assert_eq!(read("2026/5"), "2026-05");
        assert_eq!(read("2026年5月"), "2026-05");
        assert_eq!(read("2026年12月1日～5日"), "2026-12-01..2026-12-05");
        assert_eq!(
            read("令和8年12月1日(火)〜12月5日(土)"),
            "2026-12-01..2026-12-05"
        );
        assert_eq!(read("2026-12-01～2026-12-05"), "2026-12-01..2026-12-05");
        assert_eq!(read("2026/12/1 - 12/5"), "2026-12-01..2026-12-05");
        assert_eq!(read("2026/12/29～1/2"), "2026-12-29..2027-01-02");
        assert_eq!(read("2026/12/1～5"), "2026-12-01..2026-12-05");
        assert_eq!(read_near("12月1日", Some("2026-06-02")), "2026-12-01");
        assert_eq!(read("12月1日"), "Unreadable");
        assert_eq!(read(""), "Empty");
        assert_eq!(read("   "), "Empty");
    }

    #[test]
    fn says_why_a_text_is_not_a_date() {
        assert_eq!(
            read("2026-02-30"),
            "NoSuchDay { year: 2026, month: 2, day: 30 }"
        );
        assert_eq!(
            read("2026年2月30日"),
            "NoSuchDay { year: 2026, month: 2, day: 30 }"
        );
        assert_eq!(read("2026/13"), "NoSuchMonth { year: 2026, month: 13 }");
        assert_eq!(read("2026年13月"), "NoSuchMonth { year: 2026, month: 13 }");
        for text in [
            "12/1",
            "26-12-01",
            "2026-12-01-05",
            "明日",
            "2026年12月1日頃",
            "2026/12/1 2026/12/5",
            "X.1250",
            "2026-12-001",
        ] {
            assert_eq!(read(text), "Unreadable", "{text}");
        }
    }
}
