//! The journal's Word template a report is exported into, kept in the database (the
//! file's bytes: it may move or go afterwards). `export` without `--template` uses it.

use crate::terminal::Field;
use crate::Failure;
use clap::Subcommand;
use rapporteur_core::Library;
use rapporteur_storage::{ReportId, WordTemplateUse};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum WordTemplateCommand {
    /// Export report ID into the Word template FILE (.docx or .dotx) from now on, and
    /// make it the library default, for the reports that chose none (as the app's
    /// "Word template…" does); the file is checked, then kept in the database
    Set { id: ReportId, file: PathBuf },
    /// Export report ID in Rapporteur's own style from now on
    Own { id: ReportId },
    /// Which Word template report ID is exported into
    Show { id: ReportId },
}

/// The styles a template lacks, as the export notice says it.
pub fn lacking(styles: &[&str]) -> Option<String> {
    (!styles.is_empty()).then(|| {
        format!(
            "the template lacks {}: Rapporteur's own used for them",
            styles.join(", ")
        )
    })
}

/// "journal.dotx (the library default)".
pub fn describe(used: &WordTemplateUse) -> String {
    match used {
        WordTemplateUse::OwnStyle { chosen: true } => {
            "none: Rapporteur's own style, chosen for this report".to_owned()
        }
        WordTemplateUse::OwnStyle { chosen: false } => {
            "none: Rapporteur's own style (no library default)".to_owned()
        }
        WordTemplateUse::Chosen(template) => {
            format!("{} (chosen for this report)", Field(&template.file_name))
        }
        WordTemplateUse::LibraryDefault(template) => {
            format!("{} (the library default)", Field(&template.file_name))
        }
    }
}

pub fn run(
    library: &mut Library,
    command: WordTemplateCommand,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match command {
        WordTemplateCommand::Set { id, file } => {
            let set = library.set_word_template(id, &file)?;
            writeln!(
                out,
                "report {id}: exported into {} from now on; also the library default",
                Field(&set.file_name)
            )?;
            if let Some(lacking) = lacking(&set.missing_styles) {
                writeln!(out, "{lacking}")?;
            }
        }
        WordTemplateCommand::Own { id } => {
            library.use_own_style(id)?;
            writeln!(
                out,
                "report {id}: exported in Rapporteur's own style from now on"
            )?;
        }
        WordTemplateCommand::Show { id } => {
            writeln!(out, "{}", describe(&library.word_template(id)?))?;
        }
    }
    Ok(())
}
