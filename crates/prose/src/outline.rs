//! The report's outline: every section's heading as the journal prints it (its number
//! and, for a Working Party without a heading of its own, `WP1: title` in the preset's
//! punctuation), with where it is. The one place headings are made: the printed
//! document, search results, `rapporteur-cli show` and reuse all read them here.

use crate::{voice_for, Heading, Voice};
use rapporteur_model::{visit_sections, Report, Section};

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The section's place: `[3, 1]` is section 3.1.
    pub number: Vec<u32>,
    /// The heading as printed: `heading.line()` is `3.1 WP1: …`.
    pub heading: Heading,
    /// The section's JSON path (`sections[2].sections[0]`).
    pub path: String,
}

/// Every section of `report`, depth first, with its printed heading.
pub fn outline(report: &Report) -> Vec<OutlineEntry> {
    let voice = voice_for(report);
    let mut out = Vec::new();
    visit_sections(&report.sections, &mut |path, number, section| {
        out.push(OutlineEntry {
            number: number.to_vec(),
            heading: heading(voice.as_ref(), section, number),
            path: path.to_owned(),
        })
    });
    out
}

/// A section's heading: its number, and its own text or else its Working Party's.
pub(crate) fn heading(voice: &dyn Voice, section: &Section, number: &[u32]) -> Heading {
    let (label, separator) = voice.heading_number(number);
    let text = match (&section.heading, &section.working_party) {
        (Some(heading), _) => heading.clone(),
        (None, Some(wp)) => voice.working_party_heading(wp),
        (None, None) => String::new(),
    };
    Heading {
        level: number.len() as u8,
        number: label,
        separator,
        text,
    }
}
