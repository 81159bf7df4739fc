//! Dates written in Japanese, as authors write them and as the presets print them:
//! `2025年12月3日(水)`, `令和7年12月3日（水曜日）`, ranges `2026年3月30日(月)～4月2日(木)`
//! and `2026年5月～6月` whose end takes the year and month it leaves out from the start,
//! `2月6日(金)` whose year comes from the text before it or else from the meeting, and
//! months `2026年5月`. Digits may be full-width, brackets half- or full-width. The
//! checks read free text and typed dates with it, the importer a published report's.

use super::weekday_of_ja;
use chrono::{Datelike, NaiveDate, Weekday};
use rapporteur_model::ScheduleDate;
use std::ops::Range;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where it is written, in bytes, with its weekday if any.
    pub span: Range<usize>,
    pub date: ScheduleDate,
    /// The weekday written right after it, in brackets.
    pub weekday: Option<Weekday>,
}

/// A text that is one date or one range, and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub start: Mention,
    pub end: Option<Mention>,
}

/// `text` read as one date or one range (`start`, a range mark, `end`) and nothing more
/// but spaces around; a date without its year takes the one nearest `near`, as in
/// [`mentions`].
pub fn read_ja(text: &str, near: Option<NaiveDate>) -> Option<Written> {
    let found = mentions(text, near);
    let blank = |range: Range<usize>| text[range].trim().is_empty();
    match found.as_slice() {
        [one] if blank(0..one.span.start) && blank(one.span.end..text.len()) => Some(Written {
            start: one.clone(),
            end: None,
        }),
        [start, end]
            if blank(0..start.span.start)
                && RANGE_MARKS.contains(&text[start.span.end..end.span.start].trim())
                && blank(end.span.end..text.len()) =>
        {
            Some(Written {
                start: start.clone(),
                end: Some(end.clone()),
            })
        }
        _ => None,
    }
}

/// Every date in `text`, in order. A date without a year takes the year of the date
/// before it in the text or, for the first, the year that puts it nearest the meeting's
/// start (`2月6日` in the report of a December 2025 meeting is 2026-02-06); when a
/// weekday is written that fits only the second of these, that one. Without either, or
/// when impossible, a date is skipped.
pub fn mentions(text: &str, meeting_start: Option<NaiveDate>) -> Vec<Mention> {
    let mut cursor = Cursor::new(text);
    let mut found = Vec::new();
    let mut last_year = None;
    let mut at = 0;
    while at < cursor.chars.len() {
        cursor.at = at;
        if !cursor.may_start_date() {
            at += 1;
            continue;
        }
        let start_byte = cursor.byte();
        let Some(written) = cursor.date_parts() else {
            at += 1;
            continue;
        };
        let years = match written.year {
            Some(year) => vec![year],
            None => {
                let nearest = written
                    .day
                    .zip(written.month)
                    .zip(meeting_start)
                    .and_then(|((day, month), start)| nearest_year(month, day, start));
                last_year.into_iter().chain(nearest).collect()
            }
        };
        let dates: Vec<ScheduleDate> = years
            .into_iter()
            .filter_map(|year| written.resolve(year, None))
            .collect();
        let weekday = cursor.weekday();
        let fits = |date: &&ScheduleDate| matches!((date, weekday), (ScheduleDate::Day(d), Some(w)) if d.weekday() == w);
        if let Some(&start) = dates.iter().find(fits).or(dates.first()) {
            last_year = Some(start.year());
            found.push(Mention {
                span: start_byte..cursor.byte(),
                date: start,
                weekday,
            });
            if let Some((end_byte, end)) = cursor.range_end() {
                if let Some(end) = end.resolve(start.year(), Some(start)) {
                    last_year = Some(end.year());
                    let weekday = cursor.weekday();
                    found.push(Mention {
                        span: end_byte..cursor.byte(),
                        date: end,
                        weekday,
                    });
                }
            }
        }
        at = cursor.at.max(at + 1);
    }
    found
}

/// The year, of the one before, of and after the meeting's, that puts month/day nearest
/// the meeting's start; the later on a tie.
fn nearest_year(month: u32, day: u32, meeting_start: NaiveDate) -> Option<i32> {
    let year = meeting_start.year();
    (year - 1..=year + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| {
            let days = d.signed_duration_since(meeting_start).num_days();
            (days.abs(), -days)
        })
        .map(|d| d.year())
}

/// What is written of a date: `2025年12月3日`, `12月3日`, `3日` (the end of a range
/// only), `2026年5月`.
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Parts {
    /// The date these parts name in `year` (when they give none), or, at the end of a
    /// range starting on `after`, with the month of `after` when they give none, the
    /// year after when the month comes round (`12月29日～1月2日`).
    fn resolve(&self, year: i32, after: Option<ScheduleDate>) -> Option<ScheduleDate> {
        let month = self.month.or(after.map(|a| a.month()))?;
        let year = match (self.year, after) {
            (Some(y), _) => y,
            (None, Some(a)) if month < a.month() => year + 1,
            (None, _) => year,
        };
        match self.day {
            Some(day) => NaiveDate::from_ymd_opt(year, month, day).map(ScheduleDate::Day),
            None => (1..=12)
                .contains(&month)
                .then_some(ScheduleDate::Month { year, month }),
        }
    }
}

/// Reads a text char by char, remembering each char's byte offset.
struct Cursor {
    chars: Vec<(usize, char)>,
    len: usize,
    at: usize,
}

impl Cursor {
    fn new(text: &str) -> Cursor {
        Cursor {
            chars: text.char_indices().collect(),
            len: text.len(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).map(|&(_, c)| c)
    }

    fn byte(&self) -> usize {
        self.chars.get(self.at).map_or(self.len, |&(b, _)| b)
    }

    fn eat(&mut self, wanted: impl Fn(char) -> bool) -> bool {
        let hit = self.peek().is_some_and(wanted);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn eat_str(&mut self, wanted: &str) -> bool {
        let save = self.at;
        if wanted.chars().all(|w| self.eat(|c| c == w)) {
            return true;
        }
        self.at = save;
        false
    }

    fn spaces(&mut self) {
        while self.eat(|c| c == ' ' || c == '\u{3000}') {}
    }

    /// A number of as many digits as `digits` allows, half- or full-width, and no more
    /// digits after them; nothing is consumed when there is none.
    fn number(&mut self, digits: Range<usize>) -> Option<u32> {
        let save = self.at;
        let mut value: u32 = 0;
        let mut count = 0;
        while let Some(d) = self.peek().and_then(digit) {
            value = value.saturating_mul(10).saturating_add(d);
            count += 1;
            self.at += 1;
        }
        if digits.contains(&count) {
            Some(value)
        } else {
            self.at = save;
            None
        }
    }

    /// A number followed by `unit` (年, 月, 日), or nothing consumed.
    fn unit(&mut self, digits: Range<usize>, unit: char) -> Option<u32> {
        let save = self.at;
        let n = self.number(digits)?;
        if self.eat(|c| c == unit) {
            Some(n)
        } else {
            self.at = save;
            None
        }
    }

    /// A date can start here: a number not in the middle of a longer one nor right after
    /// a year (`25年12月3日` has a two-digit year this reader does not take), or an era.
    fn may_start_date(&self) -> bool {
        let before = self.at.checked_sub(1).map(|i| self.chars[i].1);
        let starts_number = self.peek().and_then(digit).is_some()
            && !before.is_some_and(|b| digit(b).is_some() || b == '年');
        starts_number || self.era_year_start()
    }

    fn era_year_start(&self) -> bool {
        let next: String = self.chars[self.at..]
            .iter()
            .take(2)
            .map(|&(_, c)| c)
            .collect();
        ERAS.iter().any(|&(name, _)| name == next)
    }

    /// The year (Western or of an era), month and day of a date, as far as they are
    /// written; needs a month, and a day when there is no year.
    fn date_parts(&mut self) -> Option<Parts> {
        let save = self.at;
        let year = self.year();
        let month = self.unit(1..3, '月');
        let day = month.and_then(|_| self.unit(1..3, '日'));
        if month.is_none() || (year.is_none() && day.is_none()) {
            self.at = save;
            return None;
        }
        Some(Parts { year, month, day })
    }

    fn year(&mut self) -> Option<i32> {
        if let Some(year) = self.unit(4..5, '年') {
            return i32::try_from(year).ok();
        }
        let save = self.at;
        for &(name, first_year) in ERAS {
            if self.eat_str(name) {
                // 元年 is the era's first year.
                let n = if self.eat_str("元年") {
                    Some(1)
                } else {
                    self.unit(1..3, '年')
                };
                if let Some(n) = n {
                    return Some(first_year + n as i32 - 1);
                }
                self.at = save;
            }
        }
        None
    }

    /// A weekday in brackets right after a date, maybe after spaces: `(水)`, `（水曜日）`,
    /// `(月・祝)`; nothing consumed when there is none.
    fn weekday(&mut self) -> Option<Weekday> {
        let save = self.at;
        self.spaces();
        let found = self.bracketed_weekday();
        if found.is_none() {
            self.at = save;
        }
        found
    }

    fn bracketed_weekday(&mut self) -> Option<Weekday> {
        let is_close = |c: char| c == ')' || c == '）';
        if !self.eat(|c| c == '(' || c == '（') {
            return None;
        }
        let weekday = weekday_of_ja(self.peek()?)?;
        self.at += 1;
        if self.eat(|c| c == '曜') {
            self.eat(|c| c == '日');
        }
        // A holiday after the weekday: (月・祝).
        if self.eat(|c| c == '・' || c == '･') {
            for _ in 0..2 {
                self.eat(|c| !is_close(c));
            }
        }
        self.eat(is_close).then_some(weekday)
    }

    /// After a date: a range mark and the end of the range (a day, or a month), with
    /// the byte where the end starts; nothing consumed when there is none.
    fn range_end(&mut self) -> Option<(usize, Parts)> {
        let save = self.at;
        self.spaces();
        if RANGE_MARKS.iter().any(|mark| self.eat_str(mark)) {
            self.spaces();
            let start = self.byte();
            let year = self.year();
            let month = self.unit(1..3, '月');
            let day = self.unit(1..3, '日');
            if day.is_some() || month.is_some() {
                return Some((start, Parts { year, month, day }));
            }
        }
        self.at = save;
        None
    }
}

/// Japanese eras in use in reports, with their first year.
pub const ERAS: &[(&str, i32)] = &[("令和", 2019), ("平成", 1989)];

/// What joins the two dates of a range: either preset's mark, and what authors type.
pub const RANGE_MARKS: &[&str] = &["～", "〜", "~", "-", "‐", "–", "—", "から"];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Each mention as `written=date(weekday)`.
    fn read(text: &str, meeting: &str) -> Vec<String> {
        mentions(text, Some(day(meeting)))
            .into_iter()
            .map(|m| {
                let weekday = m.weekday.map(super::super::weekday_ja);
                format!(
                    "{}={}{}",
                    &text[m.span],
                    m.date,
                    weekday.map(|w| format!("({w})")).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn reads_dates_ranges_and_weekdays_as_authors_write_them() {
        let meeting = "2025-12-03";
        assert_eq!(
            read("会合が、2025年12月3日(水)～11日(木)に開催", meeting),
            [
                "2025年12月3日(水)=2025-12-03(水)",
                "11日(木)=2025-12-11(木)"
            ]
        );
        assert_eq!(
            read("2026年3月30日(月)～4月2日(木)にジュネーブ", meeting),
            [
                "2026年3月30日(月)=2026-03-30(月)",
                "4月2日(木)=2026-04-02(木)"
            ]
        );
        assert_eq!(
            read("２０２０年３月１７日（火） 〜 ２６日（木曜日）", meeting),
            [
                "２０２０年３月１７日（火）=2020-03-17(火)",
                "２６日（木曜日）=2020-03-26(木)"
            ]
        );
        assert_eq!(
            read("2026年6月2日から、2月6日(金)と4月9日 (木)", meeting),
            [
                "2026年6月2日=2026-06-02",
                "2月6日(金)=2026-02-06(金)",
                "4月9日 (木)=2026-04-09(木)"
            ]
        );
        assert_eq!(
            read(
                "令和7年12月3日（水）、令和元年5月、平成31年4月30日(火・祝)",
                meeting
            ),
            [
                "令和7年12月3日（水）=2025-12-03(水)",
                "令和元年5月=2019-05",
                "平成31年4月30日(火・祝)=2019-04-30(火)"
            ]
        );
        assert_eq!(
            read("2025年12月29日(月)～1月2日(金)", meeting),
            [
                "2025年12月29日(月)=2025-12-29(月)",
                "1月2日(金)=2026-01-02(金)"
            ]
        );
    }

    #[test]
    fn a_year_left_out_is_the_one_nearest_the_meeting() {
        assert_eq!(
            read("2月6日(金)", "2025-12-03"),
            ["2月6日(金)=2026-02-06(金)"]
        );
        assert_eq!(read("11月6日", "2025-12-03"), ["11月6日=2025-11-06"]);
        assert_eq!(read("6月3日", "2025-12-03"), ["6月3日=2026-06-03"]);
        assert!(mentions("2月6日(金)", None).is_empty());
        // The year of the date before, unless only the nearest one fits the weekday; a
        // weekday that fits neither stays on the first.
        assert_eq!(
            read(
                "2025年12月3日に決まり、2月6日(金)と2月6日(木)に",
                "2025-12-03"
            ),
            [
                "2025年12月3日=2025-12-03",
                "2月6日(金)=2026-02-06(金)",
                "2月6日(木)=2026-02-06(木)"
            ]
        );
    }

    #[test]
    fn leaves_alone_what_is_not_a_date() {
        for text in [
            "",
            "X.1250rev",
            "12025年1月1日",
            "25年12月3日",
            "2025年2月30日(月)",
            "2025年13月",
            "2025年",
            "3日(水)",
            "第2回会合",
            "2025-12-03",
            "令和年5月",
        ] {
            assert!(
                read(text, "2025-12-03").is_empty(),
                "{text}: {:?}",
                read(text, "2025-12-03")
            );
        }
        // A bracket that is not a weekday stays outside the date.
        assert_eq!(
            read("2025年12月3日(予定)", "2025-12-03"),
            ["2025年12月3日=2025-12-03"]
        );
    }
}
