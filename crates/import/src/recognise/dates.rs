//! Japanese dates as printed: a meeting's range with weekdays (`2025年12月3日(水)～11日(木)`)
//! and a schedule's period (`2026年3月30日～4月2日`, `2026年5月`), read by the one reader of
//! Japanese dates (`rapporteur_prose::dates`), era years and full-width digits included.

use chrono::{Datelike, NaiveDate};
use rapporteur_model::ScheduleDate;
use rapporteur_prose::dates::{in_order, read_ja, weekday_ja, Mention};

/// A weekday that disagrees with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrongWeekday {
    pub date: NaiveDate,
    pub printed: String,
}

/// The date and range of `text` when it is one date or one range in order.
fn range(text: &str) -> Option<(Mention, Option<Mention>)> {
    let written = read_ja(text, None)?;
    match written.end {
        Some(end) if !in_order(written.start.date, end.date) => None,
        end => Some((written.start, end)),
    }
}

/// A meeting's dates with their weekdays; the weekdays that disagree are returned too.
pub(crate) fn meeting_range(
    text: &str,
) -> Option<(NaiveDate, Option<NaiveDate>, Vec<WrongWeekday>)> {
    let (start, end) = range(text)?;
    let day = |m: &Mention| match m.date {
        ScheduleDate::Day(day) => Some(day),
        ScheduleDate::Month { .. } => None,
    };
    let start_day = day(&start)?;
    let end_day = match &end {
        Some(end) => Some(day(end)?),
        None => None,
    };
    let wrong = [Some(&start), end.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let (date, written) = (day(m)?, m.weekday?);
            (date.weekday() != written).then(|| WrongWeekday {
                date,
                printed: weekday_ja(written).to_owned(),
            })
        })
        .collect();
    Some((start_day, end_day, wrong))
}

/// A schedule table's period: empty, one date, or a range.
pub(crate) fn period(text: &str) -> Option<(Option<ScheduleDate>, Option<ScheduleDate>)> {
    if text.trim().is_empty() {
        return Some((None, None));
    }
    let (start, end) = range(text)?;
    Some((Some(start.date), end.map(|m| m.date)))
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
        assert_eq!(meeting_range("2025年12月11日(木)～3日(水)"), None);
        assert_eq!(
            meeting_range("令和7年１２月３日（水）～１１日（木）"),
            Some((d("2025-12-03"), Some(d("2025-12-11")), vec![]))
        );
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
