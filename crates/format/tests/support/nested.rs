//! Shared by the format's and the store's tests of the nesting limit.

use rapporteur_model::{Report, Section};

/// `report` with one more section at its end, holding sections nested `levels` deep.
pub fn with_sections_nested(mut report: Report, levels: usize) -> Report {
    let mut section = Section {
        heading: Some("底".to_owned()),
        ..Default::default()
    };
    for _ in 1..levels {
        section = Section {
            heading: Some("節".to_owned()),
            sections: vec![section],
            ..Default::default()
        };
    }
    report.sections.push(section);
    report
}
