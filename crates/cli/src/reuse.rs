//! The commands that reuse past meetings: a new report from a past one or a template,
//! templates, the registry of work items, and search.

use crate::terminal::{Field, Terminal};
use crate::Failure;
use clap::Subcommand;
use rapporteur_core::{Library, NewReportMade};
use rapporteur_reuse::{Carried, ToFill};
use rapporteur_storage::ReportId;
use std::io::Write;
use std::path::PathBuf;

/// How a search result's matches are marked in the terminal.
pub const HIT_OPEN: &str = "«";
pub const HIT_CLOSE: &str = "»";

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// Save a report's structure (nothing of its meeting) as a template
    Save { id: ReportId, name: String },
    /// List the templates: id, name, title
    List,
    /// Delete a template (reports made from it keep what they took)
    Delete { name: String },
    /// Add a report file's structure as a template
    Import { file: PathBuf, name: String },
    /// Write a template as a report file (or to standard output)
    Export {
        name: String,
        /// Where to write; `-` or nothing for standard output
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

/// `new --from ID` or `new --template NAME`: stores the new report and prints its id,
/// then what was carried over and what is left to fill.
pub fn new_report(
    library: &mut Library,
    from: Option<ReportId>,
    template: Option<String>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let new = match (from, template) {
        (Some(id), _) => library.new_from(id)?,
        (None, Some(name)) => library.new_from_template(&name)?,
        (None, None) => unreachable!("clap requires --from or --template"),
    };
    writeln!(out, "{}", new.id)?;
    describe(&new, out)?;
    Ok(())
}

fn describe(new: &NewReportMade, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "carried over:")?;
    for carried in &new.carried {
        let line = match carried {
            Carried::Title { from, to } if from == to => format!("title: {to}"),
            Carried::Title { from, to } => format!("title: {to} (from {from})"),
            Carried::Authors { count } => format!("authors: {count}"),
            Carried::Group {
                organization,
                group,
            } => format!("group: {organization} {group}"),
            Carried::Sections { count } => format!("sections: {count}"),
            Carried::WorkingParties { count } => format!("Working Parties: {count}"),
            Carried::Questions { count } => format!("Questions with their scopes: {count}"),
            Carried::Boilerplate { count } => format!("boilerplate paragraphs and lists: {count}"),
            Carried::Dates { row, start, end } => {
                let end = end.map(|e| format!(" .. {e}")).unwrap_or_default();
                format!("dates: {start}{end} (from the schedule, {row})")
            }
            Carried::Place { row, venue } => format!("place: {venue} (from the schedule, {row})"),
        };
        writeln!(out, "  {}", Field(&line))?;
    }
    writeln!(out, "to fill:")?;
    for fill in &new.to_fill {
        let (path, what) = match fill {
            ToFill::Title { path } => (path, "the title: it names no meeting ordinal".to_owned()),
            ToFill::Ordinal { path } => (path, "the meeting's ordinal".to_owned()),
            ToFill::Authors { path } => (path, "the authors".to_owned()),
            ToFill::Dates { path } => (path, "the meeting's dates".to_owned()),
            ToFill::Place { path } => (path, "the meeting's place".to_owned()),
            ToFill::Mode { path } => (path, "in person, hybrid or virtual".to_owned()),
            ToFill::Participants { path } => (path, "the participants".to_owned()),
            ToFill::Contributions { path } => (path, "the contributions".to_owned()),
            ToFill::TemporaryDocuments { path } => (path, "the temporary documents".to_owned()),
            ToFill::Outcomes { path, question } => (
                path,
                format!("what Question {question} did with its work items"),
            ),
            ToFill::Section { path, heading } => (path, format!("the text of {heading}")),
            ToFill::Schedule { path, caption } => (
                path,
                format!(
                    "the rows of the schedule {}",
                    caption.as_deref().unwrap_or("")
                ),
            ),
        };
        writeln!(out, "  {path}\t{}", what.trim_end())?;
    }
    Ok(())
}

pub fn template(
    library: &mut Library,
    command: TemplateCommand,
    out: &mut Terminal<impl Write>,
) -> Result<(), Failure> {
    match command {
        TemplateCommand::Save { id, name } => {
            let template = library.save_as_template(id, &name)?;
            writeln!(
                out,
                "template \"{}\" saved from report {id} ({template})",
                name.trim()
            )?;
        }
        TemplateCommand::Import { file, name } => {
            let template = library.template_from_file(&file, &name)?;
            writeln!(
                out,
                "template \"{}\" imported from {} ({template})",
                name.trim(),
                file.display()
            )?;
        }
        TemplateCommand::List => {
            for t in library.templates()?.templates {
                writeln!(out, "{}\t{}\t{}", t.id, Field(&t.name), Field(&t.title))?;
            }
        }
        TemplateCommand::Delete { name } => {
            library.delete_template(&name)?;
            writeln!(out, "template \"{name}\" deleted")?;
        }
        TemplateCommand::Export { name, output } => {
            let text = rapporteur_format::write_report(&library.template(&name)?.report);
            match output.filter(|p| p.as_os_str() != "-") {
                None => out.raw(text.as_bytes())?,
                Some(path) => library.write_export(&path, text.as_bytes())?,
            }
        }
    }
    Ok(())
}

/// Every matching work item: `ID<TAB>TITLE`, then one indented line per use, the most
/// recent meeting first: date, action, title there, report.
pub fn items(
    library: &Library,
    query: &str,
    limit: u32,
    out: &mut impl Write,
) -> Result<(), Failure> {
    for item in library.items(query, limit)? {
        writeln!(out, "{}\t{}", Field(&item.id), Field(&item.title))?;
        for used in &item.history {
            let date = used
                .meeting_start
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".to_owned());
            writeln!(
                out,
                "  {date}\t{}\t{}\treport {}: {}",
                used.action,
                Field(&used.title),
                used.report,
                Field(&used.report_title)
            )?;
        }
    }
    Ok(())
}

/// Every place found: `REPORT<TAB>PATH<TAB>WHERE<TAB>SNIPPET`, matches between « and ».
pub fn search(
    library: &Library,
    query: &str,
    limit: u32,
    out: &mut impl Write,
) -> Result<(), Failure> {
    for hit in library.search(query, limit)? {
        let snippet = rapporteur_storage::marked(&hit.snippet, HIT_OPEN, HIT_CLOSE);
        let mut place = vec![hit.report_title.clone()];
        place.extend(hit.section.clone());
        place.extend(hit.question.map(|q| format!("Question {q}")));
        let snippet = snippet.replace('\t', " ");
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            hit.report,
            hit.path,
            Field(&place.join(" › ")),
            Field(&snippet)
        )?;
    }
    Ok(())
}
