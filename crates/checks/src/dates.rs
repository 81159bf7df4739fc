//! Dates: an end before its start, a weekday that is not the date's, and the future
//! meetings of schedule tables (each needs a date, after this meeting).

use crate::findings::{FindingKind, Found};
use chrono::Datelike;
use rapporteur_model::free_texts;
use rapporteur_model::{visit_sections, Block, Report, ScheduleDate};
use rapporteur_prose::dates::{in_order, mentions};

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let mut found = Vec::new();
    let meeting = &report.meeting;
    if let Some(start) = meeting.start {
        let end = meeting.end.map(ScheduleDate::Day);
        found.extend(
            out_of_order(ScheduleDate::Day(start), end).map(|p| ("meeting.end".to_owned(), p)),
        );
    }
    for text in free_texts(report) {
        for mention in mentions(text.text, meeting.start) {
            if let (ScheduleDate::Day(date), Some(weekday)) = (mention.date, mention.weekday) {
                if date.weekday() != weekday {
                    found.push((
                        text.path.clone(),
                        FindingKind::Weekday {
                            written: text.text[mention.span].to_owned(),
                            date,
                        },
                    ));
                }
            }
        }
    }
    visit_sections(&report.sections, &mut |path, _, section| {
        for (b, block) in section.blocks.iter().enumerate() {
            let Block::Schedule(schedule) = block else {
                continue;
            };
            for (r, row) in schedule.rows.iter().enumerate() {
                let row_path = format!("{path}.blocks[{b}].rows[{r}]");
                let Some(start) = row.start else {
                    found.push((format!("{row_path}.start"), FindingKind::NoDate));
                    continue;
                };
                // A month-only date is before the meeting only when all of it is.
                if let Some(meeting_start) = meeting.start.filter(|&m| start.last_day() < m) {
                    found.push((
                        format!("{row_path}.start"),
                        FindingKind::BeforeMeeting {
                            date: start,
                            meeting_start,
                        },
                    ));
                }
                found.extend(out_of_order(start, row.end).map(|p| (format!("{row_path}.end"), p)));
            }
        }
    });
    found
}

/// An end before its start (a meeting's, or a table row's period).
fn out_of_order(start: ScheduleDate, end: Option<ScheduleDate>) -> Option<FindingKind> {
    end.filter(|&end| !in_order(start, end))
        .map(|end| FindingKind::EndBeforeStart { start, end })
}
