//! The journal's Word template a report is exported into, kept in the database (the
//! file's bytes: it may move or go afterwards). `export` without `--template` uses it.

use crate::terminal::Field;
use crate::Failure;
use clap::Subcommand;
use rapporteur_export::Template;
use rapporteur_storage::{ReportId, Store, WordTemplateUse};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// The Word template at `path`, read within the importer's limits: its bytes, and what
/// the export takes from them.
pub fn read(path: &Path) -> Result<(Vec<u8>, Template), Failure> {
    let bytes =
        rapporteur_export::read_template_file(path).map_err(|e| Failure::Message(e.to_string()))?;
    let template =
        Template::read(&bytes).map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
    Ok((bytes, template))
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

/// The template report `id` is exported into when `export` is given none, told on
/// standard error; `None` for Rapporteur's own style.
pub fn stored(store: &Store, id: ReportId) -> Result<Option<Template>, Failure> {
    let used = store.word_template(id)?;
    let Some(stored) = used.template() else {
        return Ok(None);
    };
    let template = Template::read(&stored.content).map_err(|e| {
        Failure::Message(format!(
            "the Word template {} kept for report {id} cannot be used ({e}): choose another (word-template set {id} FILE) or Rapporteur's own style (word-template own {id})",
            stored.file_name
        ))
    })?;
    eprintln!("into the Word template {}", describe(&used));
    Ok(Some(template))
}

/// "journal.dotx (the library default)".
fn describe(used: &WordTemplateUse) -> String {
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
    store: &mut Store,
    command: WordTemplateCommand,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match command {
        WordTemplateCommand::Set { id, file } => {
            let (bytes, template) = read(&file)?;
            let name = file
                .file_name()
                .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
            store.set_word_template(id, &name, &bytes, true)?;
            writeln!(
                out,
                "report {id}: exported into {} from now on; also the library default",
                Field(&name)
            )?;
            if let Some(lacking) = lacking(&template.missing_styles()) {
                writeln!(out, "{lacking}")?;
            }
        }
        WordTemplateCommand::Own { id } => {
            store.use_own_style(id)?;
            writeln!(
                out,
                "report {id}: exported in Rapporteur's own style from now on"
            )?;
        }
        WordTemplateCommand::Show { id } => {
            writeln!(out, "{}", describe(&store.word_template(id)?))?;
        }
    }
    Ok(())
}
