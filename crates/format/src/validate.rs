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
use rapporteur_model::{visit_sections, Block, Report, Uid};
use std::collections::HashMap;

/// Checks the rules that span fields: a section's heading is optional only in a Working
/// Party section; no two elements share an identity (`uid`), and a bullet list's
/// `item_uids`, when given, has one per item.
pub fn validate(report: &Report) -> Result<(), FormatError> {
    let mut first_error = None;
    let mut fail = |error: FormatError| {
        first_error.get_or_insert(error);
    };
    // Where each identity was first seen, to name both places of a repeated one.
    let mut seen: HashMap<Uid, String> = HashMap::new();
    let mut check_uid = |uid: &Uid, path: String, fail: &mut dyn FnMut(FormatError)| {
        if uid.is_empty() {
            return;
        }
        if let Some(first) = seen.get(uid) {
            fail(FormatError::invalid(
                &path,
                format!("this identity is already the one of {first}; each element needs its own"),
            ));
        } else {
            seen.insert(uid.clone(), path);
        }
    };
    for (a, author) in report.authors.iter().enumerate() {
        check_uid(&author.uid, format!("authors[{a}].uid"), &mut fail);
    }
    visit_sections(&report.sections, &mut |path, _, section| {
        if section.heading.is_none() && section.working_party.is_none() {
            fail(FormatError::invalid(
                &format!("{path}.heading"),
                "missing; expected a string (only a section with a working_party may omit its heading)",
            ));
        }
        check_uid(&section.uid, format!("{path}.uid"), &mut fail);
        for (b, block) in section.blocks.iter().enumerate() {
            let path = format!("{path}.blocks[{b}]");
            check_uid(block.uid(), format!("{path}.uid"), &mut fail);
            match block {
                Block::Bullets {
                    items, item_uids, ..
                } => {
                    if !item_uids.is_empty() && item_uids.len() != items.len() {
                        fail(FormatError::invalid(
                            &format!("{path}.item_uids"),
                            format!(
                                "expected one identity per item ({}); found {}",
                                items.len(),
                                item_uids.len()
                            ),
                        ));
                    }
                    for (i, uid) in item_uids.iter().enumerate() {
                        check_uid(uid, format!("{path}.item_uids[{i}]"), &mut fail);
                    }
                }
                Block::Question(question) => {
                    for (o, outcome) in question.outcomes.iter().enumerate() {
                        check_uid(&outcome.uid, format!("{path}.outcomes[{o}].uid"), &mut fail);
                    }
                }
                Block::Schedule(schedule) => {
                    for (r, row) in schedule.rows.iter().enumerate() {
                        check_uid(&row.uid, format!("{path}.rows[{r}].uid"), &mut fail);
                    }
                }
                Block::Summary { .. } | Block::Paragraph { .. } => {}
            }
        }
    });
    first_error.map_or(Ok(()), Err)
}
