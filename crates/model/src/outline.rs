//! The report's outline: every section with its generated number, for lists and views.

use crate::{Report, Section};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OutlineEntry {
    /// The section's place: `[3, 1]` is section 3.1.
    pub number: Vec<u32>,
    /// The heading as written, or `WP1: title` for a Working Party without one.
    pub heading: String,
    /// The section's JSON path (`sections[2].sections[0]`).
    pub path: String,
}

impl Section {
    /// The heading text: the one written, else the Working Party's `WP1: title`.
    pub fn heading_text(&self) -> String {
        match (&self.heading, &self.working_party) {
            (Some(heading), _) => heading.clone(),
            (None, Some(wp)) => format!("WP{}: {}", wp.number, wp.title),
            (None, None) => String::new(),
        }
    }
}

impl Report {
    /// Every section, depth first, with its generated number.
    pub fn outline(&self) -> Vec<OutlineEntry> {
        let mut out = Vec::new();
        crate::visit_sections(&self.sections, &mut |path, number, section| {
            out.push(OutlineEntry {
                number: number.to_vec(),
                heading: section.heading_text(),
                path: path.to_owned(),
            })
        });
        out
    }
}
