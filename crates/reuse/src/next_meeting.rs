//! Which row of a report's schedule tables is the group's next meeting.

use rapporteur_model::{Block, Report, ScheduleRow};

/// The schedule row of `past` that names the next meeting of its group, with its JSON
/// path: a row whose meeting is the group's meeting itself (`SG17会合`, `第3回SG17会合`,
/// `次回SG17会合`, `SG17 meeting`) — not a plenary e-meeting, an interim meeting or a
/// workshop — starting after `past`'s meeting ended. An ordinal in the row must be the
/// next one. The earliest such row when there are several.
pub fn next_meeting_row(past: &Report) -> Option<(String, &ScheduleRow)> {
    let m = &past.meeting;
    let after = m.end.or(m.start);
    let next_ordinal = m.ordinal.map(|n| n + 1);
    let mut found: Option<(String, &ScheduleRow)> = None;
    rapporteur_model::visit_sections(&past.sections, &mut |path, _, section| {
        for (b, block) in section.blocks.iter().enumerate() {
            let Block::Schedule(schedule) = block else {
                continue;
            };
            for (r, row) in schedule.rows.iter().enumerate() {
                let Some(start) = row.start.map(|d| d.first_day()) else {
                    continue;
                };
                let later = after.is_none_or(|after| start > after);
                let earlier_than_found = found
                    .as_ref()
                    .and_then(|(_, f)| f.start)
                    .is_none_or(|f| start < f.first_day());
                if later
                    && earlier_than_found
                    && names_group_meeting(&row.meeting, &m.group, next_ordinal)
                {
                    found = Some((format!("{path}.blocks[{b}].rows[{r}]"), row));
                }
            }
        }
    });
    found
}

/// Whether `meeting` (a schedule row's first cell) is the meeting of `group` itself.
fn names_group_meeting(meeting: &str, group: &str, next_ordinal: Option<u32>) -> bool {
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut text = squeeze(meeting);
    let group = squeeze(group);
    if group.is_empty() {
        return false;
    }
    if let Some(rest) = text.strip_prefix("次回") {
        text = rest.to_owned();
    }
    if let Some((ordinal, rest)) = take_ordinal(&text) {
        if next_ordinal.is_some_and(|next| next != ordinal) {
            return false;
        }
        text = rest;
    }
    ["会合", "全体会合", "meeting"]
        .iter()
        .any(|suffix| text == format!("{group}{suffix}"))
}

/// `第N回` anywhere in `text`: N and the text without it.
fn take_ordinal(text: &str) -> Option<(u32, String)> {
    let start = text.find('第')?;
    let after = &text[start + '第'.len_utf8()..];
    let end = after.find('回')?;
    let digits: String = after[..end]
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let n = digits.parse().ok()?;
    let rest = format!("{}{}", &text[..start], &after[end + '回'.len_utf8()..]);
    Some((n, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_groups_own_meeting_is_the_next_meeting() {
        for yes in [
            "SG17会合",
            "第3回 SG17会合",
            "SG17第３回会合",
            "次回SG17会合",
            "SG17 meeting",
            "sg17 全体会合",
        ] {
            assert!(names_group_meeting(yes, "SG17", Some(3)), "{yes}");
        }
        for no in [
            "SG17プレナリ会合",
            "第1回 SG17 Content Week",
            "課題1中間会合",
            "第4回SG17会合",
            "SG13会合",
            "SG171会合",
        ] {
            assert!(!names_group_meeting(no, "SG17", Some(3)), "{no}");
        }
        assert!(names_group_meeting("第9回SG17会合", "SG17", None));
    }
}
