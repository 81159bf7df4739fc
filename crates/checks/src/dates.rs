//! Dates: an end before its start, a weekday that is not the date's, and the future
//! meetings of schedule tables (each needs a date, after this meeting).

use crate::problems::{Found, Problem};
use crate::text_dates::mentions;
use chrono::Datelike;
use rapporteur_model::free_texts;
use rapporteur_model::{visit_sections, Block, Report, ScheduleDate};

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let mut found = Vec::new();
    let meeting = &report.meeting;
    // The file format refuses this on import; a report built in memory may still have it.
    if let (Some(start), Some(end)) = (meeting.start, meeting.end) {
        if end < start {
            found.push((
                "meeting.end".to_owned(),
                Problem::EndBeforeStart {
                    start: ScheduleDate::Day(start),
                    end: ScheduleDate::Day(end),
                },
            ));
        }
    }
    for text in free_texts(report) {
        for mention in mentions(text.text, meeting.start) {
            if let (ScheduleDate::Day(date), Some(weekday)) = (mention.date, mention.weekday) {
                if date.weekday() != weekday {
                    found.push((
                        text.path.clone(),
                        Problem::Weekday {
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
                    found.push((format!("{row_path}.start"), Problem::NoDate));
                    continue;
                };
                // A month-only date is before the meeting only when all of it is.
                if let Some(meeting_start) = meeting.start.filter(|&m| start.last_day() < m) {
                    found.push((
                        format!("{row_path}.start"),
                        Problem::BeforeMeeting {
                            date: start,
                            meeting_start,
                        },
                    ));
                }
                if let Some(end) = row.end.filter(|end| end.last_day() < start.first_day()) {
                    found.push((
                        format!("{row_path}.end"),
                        Problem::EndBeforeStart { start, end },
                    ));
                }
            }
        }
    });
    found
}
