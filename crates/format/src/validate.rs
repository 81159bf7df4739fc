//! The rules a report must keep beyond the shape of its fields; the same for a file
//! being imported and for a report being saved, so that whatever is stored can always
//! be exported and read back.

use crate::FormatError;
use rapporteur_model::{visit_sections, Block, Report};

/// Checks the rules that span fields: a section's heading is optional only in a Working
/// Party section, and an end date is never before its start.
pub fn validate(report: &Report) -> Result<(), FormatError> {
    if let (Some(start), Some(end)) = (report.meeting.start, report.meeting.end) {
        if end < start {
            return Err(FormatError::invalid(
                "meeting.end",
                format!("expected a date on or after meeting.start ({start}); found \"{end}\""),
            ));
        }
    }
    let mut first_error = None;
    visit_sections(&report.sections, &mut |path, _, section| {
        if first_error.is_some() {
            return;
        }
        if section.heading.is_none() && section.working_party.is_none() {
            first_error = Some(FormatError::invalid(
                &format!("{path}.heading"),
                "missing; expected a string (only a section with a working_party may omit its heading)",
            ));
            return;
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let Block::Schedule(schedule) = block else {
                continue;
            };
            for (r, row) in schedule.rows.iter().enumerate() {
                if let (Some(start), Some(end)) = (row.start, row.end) {
                    if end.last_day() < start.first_day() {
                        first_error = Some(FormatError::invalid(
                            &format!("{path}.blocks[{b}].rows[{r}].end"),
                            format!("expected a date on or after the row's start ({start}); found \"{end}\""),
                        ));
                        return;
                    }
                }
            }
        }
    });
    first_error.map_or(Ok(()), Err)
}
