//! The free text of a report: every string an author writes as prose, with its path.

use crate::{visit_sections, Block, Report};

/// A field of free text and its JSON path.
pub struct Text<'a> {
    pub path: String,
    pub text: &'a str,
}

/// Every free-text field of `report`, in document order: the title, the note on home
/// contributions, and in the sections their headings, Working Party titles and intros,
/// paragraphs, bullets, Questions' scopes, outcome titles and glosses, notes and texts,
/// and schedule captions and cells. Names (authors, places) are not prose and are left
/// out.
pub fn free_texts<'a>(report: &'a Report) -> Vec<Text<'a>> {
    let mut texts = Vec::new();
    let mut add = |path: String, text: Option<&'a String>| {
        if let Some(text) = text {
            texts.push(Text { path, text });
        }
    };
    add("title".to_owned(), Some(&report.title));
    let contributions = report.meeting.contributions.as_ref();
    let home_note = contributions.and_then(|c| c.home_note.as_ref());
    add("meeting.contributions.home_note".to_owned(), home_note);
    visit_sections(&report.sections, &mut |path, _, section| {
        add(format!("{path}.heading"), section.heading.as_ref());
        if let Some(wp) = &section.working_party {
            add(format!("{path}.working_party.title"), Some(&wp.title));
            add(format!("{path}.working_party.intro"), wp.intro.as_ref());
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let path = format!("{path}.blocks[{b}]");
            match block {
                Block::Summary { .. } => {}
                Block::Paragraph { text, .. } => add(format!("{path}.text"), Some(text)),
                Block::Bullets { items, .. } => {
                    for (i, item) in items.iter().enumerate() {
                        add(format!("{path}.items[{i}]"), Some(item));
                    }
                }
                Block::Question(q) => {
                    add(format!("{path}.scope"), q.scope.as_ref());
                    for (o, outcome) in q.outcomes.iter().enumerate() {
                        add(format!("{path}.outcomes[{o}].title"), Some(&outcome.title));
                        add(
                            format!("{path}.outcomes[{o}].gloss"),
                            outcome.gloss.as_ref(),
                        );
                    }
                    add(format!("{path}.note"), q.note.as_ref());
                    add(format!("{path}.text"), q.text.as_ref());
                }
                Block::Schedule(schedule) => {
                    add(format!("{path}.caption"), schedule.caption.as_ref());
                    for (r, row) in schedule.rows.iter().enumerate() {
                        let row_path = format!("{path}.rows[{r}]");
                        add(format!("{row_path}.meeting"), Some(&row.meeting));
                        add(format!("{row_path}.venue"), row.venue.as_ref());
                        add(format!("{row_path}.content"), row.content.as_ref());
                    }
                }
            }
        }
    });
    texts
}
