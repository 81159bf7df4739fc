//! Work-item ids: of a known shape, listed with one action per report, and titled as
//! in the latest earlier report.

use crate::findings::{FindingKind, Found};
use crate::{EarlierTitle, History};
use chrono::NaiveDate;
use rapporteur_model::{Action, Report};
use std::collections::HashMap;

pub(crate) fn check(report: &Report, history: &dyn History) -> Vec<Found> {
    let mut found = Vec::new();
    // The first action of each id, and the Question it is in.
    let mut first: HashMap<&str, (Action, u32)> = HashMap::new();
    for (path, question, outcome) in report.outcomes() {
        let Some(id) = outcome.id.as_deref() else {
            continue;
        };
        if !known_shape(id) {
            let kind = FindingKind::IdShape { id: id.to_owned() };
            found.push((format!("{path}.id"), kind));
        }
        let &mut (first_action, first_question) =
            first.entry(id).or_insert((outcome.action, question.number));
        // The same action twice is a joint work item of two Questions, not a conflict.
        if first_action != outcome.action {
            let kind = FindingKind::IdConflict {
                id: id.to_owned(),
                action: outcome.action,
                first_action,
                first_question,
            };
            found.push((format!("{path}.action"), kind));
        }
        if let Some(earlier) = changed_title(id, &outcome.title, report.meeting.start, history) {
            let kind = FindingKind::TitleChanged {
                id: id.to_owned(),
                earlier,
            };
            found.push((format!("{path}.title"), kind));
        }
    }
    found
}

/// Whether `id` has one of the shapes ITU-T gives work items: a Recommendation of a
/// series (`X.1250`, `X.1250rev`, `X.1375-rev`, `X.1080.1`), a draft's name (`X.sup-dsa`,
/// `X.sec_QKDN_ccm`, `X.Sup38`), a Technical Report or Paper (`XSTR.AIsec`,
/// `XSTP.epoch`), or an older Technical Report (`TR.sec-qkd`). Any series letter is
/// taken, not only X: study groups cite each other's work (`Y.3800`). What it catches
/// is retyping: a missing dot, a space, a lower-case series, full-width letters.
fn known_shape(id: &str) -> bool {
    let Some((prefix, name)) = id.split_once('.') else {
        return false;
    };
    let series = |p: &str| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase());
    let prefix_known = prefix == "TR"
        || series(prefix)
        || ["STR", "STP"]
            .iter()
            .any(|kind| prefix.strip_suffix(kind).is_some_and(series));
    // Words of letters and digits, joined by single hyphens, underscores or dots.
    let name_known = name
        .split(['-', '_', '.'])
        .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric()));
    prefix_known && name_known
}

/// The latest earlier title of `id` when `title` is none of the titles it had in the
/// latest earlier meeting. Titles that differ only in spaces and line breaks are the
/// same (they print the same, and a title copied from a PDF brings line breaks); a
/// difference of case is not, because the journal prints the title as registered.
/// A report of unknown date is earlier only when the checked report has no start date
/// either (then every other report is: it is still being written).
fn changed_title(
    id: &str,
    title: &str,
    start: Option<NaiveDate>,
    history: &dyn History,
) -> Option<EarlierTitle> {
    let earlier: Vec<EarlierTitle> = history
        .earlier_titles(id)
        .into_iter()
        .filter(|e| match (e.meeting_start, start) {
            (Some(e), Some(s)) => e < s,
            (None, Some(_)) => false,
            (_, None) => true,
        })
        .collect();
    let latest = earlier.iter().map(|e| e.meeting_start).max()?;
    let mut latest_titles = earlier.into_iter().filter(|e| e.meeting_start == latest);
    let same = |e: &EarlierTitle| e.title.split_whitespace().eq(title.split_whitespace());
    let first = latest_titles.next()?;
    if same(&first) || latest_titles.any(|e| same(&e)) {
        None
    } else {
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::known_shape;

    #[test]
    fn the_shapes_of_itu_t_work_items_are_known() {
        for id in [
            "X.1250",
            "X.1250rev",
            "X.1375-rev",
            "X.1080.1",
            "X.509rev",
            "X.sup-dsa",
            "X.Sup38",
            "X.sec_QKDN_ccm",
            "X.5Gsec-CNC",
            "XSTR.AIsec",
            "XSTR.QKDN-nq-ZTA",
            "XSTP.epoch",
            "TR.sec-qkd",
            "Y.3800",
            "YSTR.x",
        ] {
            assert!(known_shape(id), "{id}");
        }
    }

    #[test]
    fn retyped_ids_are_not() {
        for id in [
            "",
            "X1250",
            "X.",
            ".1250",
            "X..1250",
            "X.1250 rev",
            "X.1250-",
            "x.1250",
            "Ｘ.1250",
            "X．1250",
            "XX.1250",
            "XSTR",
            "XSRT.AIsec",
            "STR.AIsec",
            "TR",
            "X.1250(rev)",
            "X.セキュリティ",
        ] {
            assert!(!known_shape(id), "{id}");
        }
    }
}
