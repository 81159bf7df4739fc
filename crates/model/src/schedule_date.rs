//! A schedule table's date: a day, or a month when the day is not fixed yet.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use specta::Type;
use std::fmt;

/// `2026-02-06` or, for a month only, `2026-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Type)]
#[specta(type = String)]
pub enum ScheduleDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
}

/// Why a text is not a schedule date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleDateError {
    /// Not of the shape `YYYY-MM-DD` or `YYYY-MM`.
    Shape,
    /// Of the right shape, but no such day or month (`2026-02-30`, `2026-13`).
    Impossible,
}

impl ScheduleDate {
    pub fn parse(text: &str) -> Result<ScheduleDate, ScheduleDateError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
        match bytes.len() {
            10 if digits(0..4)
                && bytes[4] == b'-'
                && digits(5..7)
                && bytes[7] == b'-'
                && digits(8..10) =>
            {
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(ScheduleDate::Day)
                    .map_err(|_| ScheduleDateError::Impossible)
            }
            7 if digits(0..4) && bytes[4] == b'-' && digits(5..7) => {
                let year: i32 = text[0..4].parse().map_err(|_| ScheduleDateError::Shape)?;
                let month: u32 = text[5..7].parse().map_err(|_| ScheduleDateError::Shape)?;
                if (1..=12).contains(&month) {
                    Ok(ScheduleDate::Month { year, month })
                } else {
                    Err(ScheduleDateError::Impossible)
                }
            }
            _ => Err(ScheduleDateError::Shape),
        }
    }

    /// The first day the date can mean.
    pub fn first_day(self) -> NaiveDate {
        match self {
            ScheduleDate::Day(day) => day,
            ScheduleDate::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).expect("a parsed month has a first day")
            }
        }
    }

    /// The last day the date can mean.
    pub fn last_day(self) -> NaiveDate {
        match self {
            ScheduleDate::Day(day) => day,
            ScheduleDate::Month { .. } => {
                let first = self.first_day();
                let next = first
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(NaiveDate::MAX);
                next.pred_opt().unwrap_or(first)
            }
        }
    }

    pub fn year(self) -> i32 {
        self.first_day().year()
    }

    pub fn month(self) -> u32 {
        self.first_day().month()
    }
}

impl fmt::Display for ScheduleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleDate::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            ScheduleDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl Serialize for ScheduleDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ScheduleDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ScheduleDate::parse(&text).map_err(|_| {
            serde::de::Error::custom(format!(
                "expected a date YYYY-MM-DD or YYYY-MM; found {text:?}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months_and_writes_them_back() {
        for text in ["2026-02-06", "2026-05", "1999-12-31", "2024-02-29"] {
            assert_eq!(ScheduleDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn refuses_impossible_dates_and_other_shapes() {
        for text in [
            "2026-02-30",
            "2025-02-29",
            "2026-13",
            "2026-00",
            "2026-04-31",
        ] {
            assert_eq!(
                ScheduleDate::parse(text),
                Err(ScheduleDateError::Impossible),
                "{text}"
            );
        }
        for text in [
            "",
            "2026",
            "2026-5",
            "26-05-01",
            "２０２６-05",
            "2026/05/01",
            "2026-05-01T00:00",
        ] {
            assert_eq!(
                ScheduleDate::parse(text),
                Err(ScheduleDateError::Shape),
                "{text}"
            );
        }
    }

    #[test]
    fn a_month_spans_its_days() {
        let may = ScheduleDate::parse("2026-05").unwrap();
        assert_eq!(may.first_day().to_string(), "2026-05-01");
        assert_eq!(may.last_day().to_string(), "2026-05-31");
        let feb = ScheduleDate::parse("2024-02").unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
    }
}
