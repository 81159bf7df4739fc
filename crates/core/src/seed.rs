//! The first run: the library a person opens the app on for the first time holds the
//! example report and a template made from its structure. Each is added once per
//! database (a deleted example does not come back at the next start).

use crate::{CommandError, Library};
use rapporteur_format::read_report;
use rapporteur_model::Report;

/// The example report the app ships: SG17's December 2025 meeting.
const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const EXAMPLE_KEY: &str = "example_report_added";

/// The built-in template's name.
const BUILT_IN_TEMPLATE: &str = "ITU-T 研究委員会会合報告";
const BUILT_IN_TEMPLATE_KEY: &str = "builtin_template_added";

fn example() -> Report {
    read_report(EXAMPLE).expect("the shipped example is a valid report")
}

/// The built-in template's name and structure (the example report's). Deleted, it is
/// not added again at the next start, but the user can show it again.
pub fn built_in_template() -> (&'static str, Report) {
    (
        BUILT_IN_TEMPLATE,
        rapporteur_reuse::structure_of(&example()),
    )
}

impl Library {
    /// Adds the example report and the built-in template, each unless it was added to
    /// this database before. The app does this at every start; the CLI, which scripts
    /// use on databases of their own, does not.
    pub fn seed_first_run(&mut self) -> Result<(), CommandError> {
        self.store.add_once(EXAMPLE_KEY, &example())?;
        let (name, structure) = built_in_template();
        self.store
            .add_template_once(BUILT_IN_TEMPLATE_KEY, name, &structure)?;
        Ok(())
    }

    /// Shows the built-in template again after the user hid it (nothing when it is
    /// there).
    pub fn show_built_in_template(&mut self) -> Result<(), CommandError> {
        let (name, structure) = built_in_template();
        if self.store.templates()?.iter().all(|t| t.name != name) {
            self.store.save_template(name, &structure)?;
        }
        Ok(())
    }
}
