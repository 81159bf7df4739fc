//! "今回の…会合は" followed by a date after this meeting ended: the author meant the next
//! meeting, 次回. The published seed has it in its section on future meetings:
//! `今回のSG17会合は、2026年6月2日(火)～11日(木)にスイス(ジュネーブ)で開催される。`

use crate::findings::{FindingKind, Found};
use rapporteur_model::{free_texts, Report};
use rapporteur_prose::dates::mentions;
use std::ops::Range;

/// How far "今回" may be from the "会合" it qualifies: `今回のSG17会合は` has 5 between.
const MAX_GAP: usize = 20;

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let meeting = &report.meeting;
    let Some(end) = meeting.end.or(meeting.start) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for text in free_texts(report) {
        let dates = mentions(text.text, meeting.start);
        for after in this_meeting_subjects(text.text) {
            // The first date of the sentence after its subject is when "this" meeting is.
            // Dates are in text order: the first one at or after the subject, found by
            // halving rather than from the start, so that many sentences stay linear.
            let first = dates.partition_point(|d| d.span.start < after.start);
            let Some(date) = dates.get(first).filter(|d| after.contains(&d.span.start)) else {
                continue;
            };
            if date.date.first_day() > end {
                let kind = FindingKind::NextMeeting {
                    written: text.text[date.span.clone()].to_owned(),
                    end,
                };
                found.push((text.path.clone(), kind));
            }
        }
    }
    found
}

/// For each sentence whose subject is this meeting (`今回の…会合は`, `今回の会合が`), the
/// bytes from after that subject to the end of the sentence.
fn this_meeting_subjects(text: &str) -> Vec<Range<usize>> {
    let mut subjects = Vec::new();
    let mut sentence_start = 0;
    let ends = text
        .char_indices()
        .filter(|&(_, c)| c == '。' || c == '\n')
        .map(|(i, _)| i)
        .chain([text.len()]);
    for sentence_end in ends {
        let sentence = &text[sentence_start..sentence_end];
        if let Some(after) = subject_end(sentence) {
            subjects.push(sentence_start + after..sentence_end);
        }
        // Past the sentence's closing mark (。 and \n are 3 and 1 bytes long).
        sentence_start = text[sentence_end..]
            .chars()
            .next()
            .map_or(sentence_end, |c| sentence_end + c.len_utf8());
    }
    subjects
}

/// The byte after `今回…会合は` (or `が`) in `sentence`, if it has one.
fn subject_end(sentence: &str) -> Option<usize> {
    const THIS: &str = "今回";
    let this = sentence.find(THIS)? + THIS.len();
    let rest = &sentence[this..];
    let (gap, subject) = ["会合は", "会合が"]
        .iter()
        .filter_map(|subject| rest.find(subject).map(|at| (at, subject)))
        .min()?;
    let between = &rest[..gap];
    (between.chars().count() <= MAX_GAP && !between.contains('、'))
        .then_some(this + gap + subject.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_subject_this_meeting_in_each_sentence() {
        let text =
            "今回のSG17会合は、2026年6月2日に開催。今回の会合では議論した。\n今回の会合が終わり";
        let subjects: Vec<&str> = this_meeting_subjects(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(subjects, ["、2026年6月2日に開催", "終わり"]);
        assert_eq!(subject_end("今回は、会合は"), None);
        assert_eq!(
            subject_end("今回の特別セッションと長い名前の付いたとても大きな会合は"),
            None
        );
    }
}
