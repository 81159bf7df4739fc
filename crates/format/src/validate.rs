//! The rules a report must keep beyond the shape of its fields; the same for a file
//! being imported and for a report being saved, so that whatever is stored can always
//! be exported and read back.
//!
//! Facts that merely contradict each other (an end date before its start) are not
//! refused here: the editor saves every edit as it is typed, and a refusal would hold
//! back the saves of every other field until the contradiction is mended. The checks
//! (`rapporteur-checks`, `date.order`) report them as errors instead, and an export asks
//! first while any is left.

use crate::FormatError;
use rapporteur_model::{visit_sections, Report};

/// Checks the rules that span fields: a section's heading is optional only in a Working
/// Party section.
pub fn validate(report: &Report) -> Result<(), FormatError> {
    let mut first_error = None;
    visit_sections(&report.sections, &mut |path, _, section| {
        if first_error.is_none() && section.heading.is_none() && section.working_party.is_none() {
            first_error = Some(FormatError::invalid(
                &format!("{path}.heading"),
                "missing; expected a string (only a section with a working_party may omit its heading)",
            ));
        }
    });
    first_error.map_or(Ok(()), Err)
}
