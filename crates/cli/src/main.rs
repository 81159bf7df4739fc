//! `rapporteur-cli`: the headless command line over the same database as the app.
//!
//! Exit codes: 0 done, 1 a user error or, for `check`, an error found in the report (one
//! line on stderr), 2 a usage error.

mod co_authoring;
mod reuse;
mod terminal;
mod word_template;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use rapporteur_checks::Severity;
use rapporteur_core::{
    backups, database_path, CommandError, ExportRequest, FolderResult, Library, TemplateChoice,
};
use rapporteur_model::Report;
use rapporteur_storage::ReportId;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use terminal::{Field, Terminal};

#[derive(Parser)]
#[command(
    name = "rapporteur-cli",
    version,
    about = "Rapporteur's reports, from the command line"
)]
struct Cli {
    /// The database file [default: the app's, under the XDG data directory]
    #[arg(long, global = true, value_name = "PATH", env = rapporteur_storage::DB_ENV)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add reports to the database (all files or none) and print their new ids: report
    /// files, and published reports (.docx or plain text), told apart by content; for a
    /// published report, also what was recognised, kept as free text, and typos read.
    /// With --dir, every file of a folder, each on its own: one line per file
    /// (FILE, imported ID MEETING QUESTIONS OUTCOMES FREE-TEXT | already-there ID |
    /// refused REASON), tab-separated
    Import {
        #[arg(
            required_unless_present = "dir",
            conflicts_with = "dir",
            value_name = "FILE"
        )]
        files: Vec<PathBuf>,
        /// A folder of past reports: each file imported or refused on its own, one already
        /// in the library not added again
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// List the reports, most recently edited first
    List,
    /// Show a report's title, meeting facts and section headings
    Show { id: ReportId },
    /// Write a report to a file (or to standard output)
    Export {
        id: ReportId,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Where to write; `-` or nothing for standard output
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// The journal's Word template (.docx or .dotx) whose styles, page setup,
        /// headers and footers the Word file takes [default: the report's, kept in the
        /// database (see word-template)]
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// Rapporteur's own style this time, whatever Word template the report has
        #[arg(long, conflicts_with = "template")]
        own_style: bool,
    },
    /// Check a report file without importing it
    Validate { file: PathBuf },
    /// Check a report as a careful editor would (dates, counts, ids, spelling): one
    /// finding a line, SEVERITY PATH CODE MESSAGE, tab-separated; exit 1 on an error
    Check {
        /// A report file (an existing path) or the id of a report in the database
        #[arg(value_name = "ID|FILE", value_parser = check_target)]
        report: CheckTarget,
    },
    /// List a report's kept revisions, newest first: NUMBER, when saved, TITLE, who saved
    /// it (the installation's author name, when set), tab-separated
    History { id: ReportId },
    /// Make an earlier revision the newest again (itself a new revision)
    Restore { id: ReportId, revision: u32 },
    /// Take a report out of the library
    Delete { id: ReportId },
    /// Start a report from a past one (the next meeting's) or from a template; prints
    /// its id, what was carried over and what needs filling
    #[command(group(ArgGroup::new("source").required(true)))]
    New {
        /// The past report, by id
        #[arg(long, value_name = "ID", group = "source")]
        from: Option<ReportId>,
        /// The template, by name
        #[arg(long, value_name = "NAME", group = "source")]
        template: Option<String>,
    },
    /// Templates: a report's structure saved under a name
    #[command(subcommand)]
    Template(reuse::TemplateCommand),
    /// The journal's Word template a report is exported into, kept in the database
    #[command(subcommand)]
    WordTemplate(word_template::WordTemplateCommand),
    /// Work items whose id contains QUERY, with what each meeting did with them
    Items {
        query: String,
        #[arg(long, default_value_t = rapporteur_core::ITEM_LIMIT)]
        limit: u32,
    },
    /// Search every report's text; matches are marked «so»
    Search {
        query: String,
        #[arg(long, default_value_t = rapporteur_core::SEARCH_LIMIT)]
        limit: u32,
    },
    /// The database's rolling backups (in the `backups` folder beside it)
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Write a report's share file (NAME.rapporteur) for its co-authors: the report with
    /// its history of edits; they open it with `import` and send theirs back to `merge`
    Share {
        id: ReportId,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Merge a co-author's copy of a report (their share file); prints what came in, by
    /// whom, and each field both of you changed (one line each, tab-separated)
    Merge { id: ReportId, file: PathBuf },
    /// Save a report file's content as the report's next edit (as an edit in the app,
    /// recorded for co-authoring); elements without an identity keep those at their place
    Update { id: ReportId, file: PathBuf },
    /// The author name recorded with this installation's edits: printed, or set to NAME
    Author { name: Option<String> },
    /// Link a report to a folder its co-authors sync (OneDrive, Dropbox, Syncthing, a
    /// network drive, a git repository), then sync it; this installation writes only its
    /// own files there. Without DIR: print the folder it is linked to and the last sync
    Link { id: ReportId, dir: Option<PathBuf> },
    /// Unlink a report from its shared folder (the files written there stay)
    Unlink { id: ReportId },
    /// Merge the co-authors' files in a report's shared folder and write this copy's
    /// edits there; prints what came in, as `merge` does, and each file not taken yet.
    /// With --all, every linked report
    Sync {
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<ReportId>,
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand)]
enum BackupCommand {
    /// List the backups, newest first: NAME, when taken, size
    List,
    /// Back up the database now; print the new backup's path
    Now,
    /// Put a backup back as the database (the database as it was is backed up first;
    /// refused while the app or another rapporteur-cli has it open)
    Restore { name: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The report file format (NAME.report.json)
    Json,
    /// The generated text of the report, as the journal prints it
    Text,
    /// A Word document, ready for the journal (needs -o)
    Docx,
}

impl From<ExportFormat> for rapporteur_export::ExportFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Json => rapporteur_export::ExportFormat::Json,
            ExportFormat::Text => rapporteur_export::ExportFormat::Text,
            ExportFormat::Docx => rapporteur_export::ExportFormat::Docx,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut out = Terminal::stdout();
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`| head`): not an error of the user's.
        Err(Failure::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failure) => {
            let message = terminal::one_line(&failure.to_string());
            let _ = writeln!(io::stderr(), "rapporteur-cli: {message}");
            ExitCode::from(1)
        }
    }
}

/// A failure reported to the user in one line.
#[derive(Debug)]
pub(crate) enum Failure {
    Message(String),
    Io(io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Message(message) => f.write_str(message),
            Failure::Io(err) => write!(f, "cannot write the output: {err}"),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        Failure::Io(err)
    }
}

impl From<CommandError> for Failure {
    fn from(err: CommandError) -> Self {
        Failure::Message(err.message)
    }
}

fn run(cli: Cli, out: &mut Terminal<impl Write>) -> Result<(), Failure> {
    if let Command::Validate { file } = &cli.command {
        let report = rapporteur_core::read_report_file(file)?;
        writeln!(
            out,
            "{}: a valid report: {}",
            Field(&file.to_string_lossy()),
            Field(&report.title)
        )?;
        return Ok(());
    }
    if let Command::Check { report } = cli.command {
        return check(report, cli.db, out);
    }
    let db = database_path(cli.db)?;
    // Before opening: a damaged database, which opening refuses, is the one to restore.
    if let Command::Backup(command) = &cli.command {
        return backup(command, &db, out);
    }
    let mut library = Library::open(&db)?;
    match cli.command {
        Command::Validate { .. } | Command::Check { .. } | Command::Backup(_) => {
            unreachable!("handled before opening the database")
        }
        Command::Import { dir: Some(dir), .. } => {
            for entry in library.import_folder(&dir, |_| ControlFlow::Continue(()))? {
                let result = match entry.result {
                    FolderResult::Imported {
                        id,
                        group,
                        ordinal,
                        start,
                        questions,
                        outcomes,
                        free_text,
                        ..
                    } => {
                        let ordinal = ordinal.map(|n| format!(" 第{n}回")).unwrap_or_default();
                        let start = start.map(|d| format!(" {d}")).unwrap_or_default();
                        format!("imported\t{id}\t{group}{ordinal}{start}\t{questions} Questions\t{outcomes} outcomes\t{free_text} kept as free text")
                    }
                    FolderResult::AlreadyThere { id, .. } => format!("already there\t{id}"),
                    FolderResult::Merged {
                        id, from, changed, ..
                    } => match changed {
                        true => format!("merged\t{id}\tthe edits of {}", co_authoring::by(&from)),
                        false => format!("merged\t{id}\tnothing new in it"),
                    },
                    FolderResult::Refused { error } => format!("refused\t{}", error.message),
                    FolderResult::Stopped => unreachable!("the command line never stops an import"),
                };
                writeln!(out, "{}\t{result}", entry.file)?;
            }
        }
        Command::Import { files, .. } => {
            for (imported, file) in library.import_files(&files)?.iter().zip(&files) {
                writeln!(out, "{}", imported.id)?;
                if let Some(notice) = &imported.notice {
                    print_notice(&file.display().to_string(), notice, out)?;
                }
                if let Some(shared) = &imported.shared {
                    co_authoring::print_opened(shared, out)?;
                }
            }
        }
        Command::List => {
            for r in library.list()? {
                let ordinal = r.ordinal.map(|n| format!("第{n}回")).unwrap_or_default();
                let dates = match (r.start, r.end) {
                    (Some(s), Some(e)) => format!("{s}..{e}"),
                    (Some(s), None) => s.to_string(),
                    _ => String::new(),
                };
                let edited = r.saved_at.format("%Y-%m-%d %H:%M");
                writeln!(
                    out,
                    "{}\t{}\t{} {} {ordinal}\t{dates}\trev {}\t{edited}",
                    r.id,
                    Field(&r.title),
                    Field(&r.organization),
                    Field(&r.group),
                    r.revision,
                )?;
            }
        }
        Command::Show { id } => show(&library.report(id)?.report, out)?,
        Command::Export {
            id,
            format,
            output,
            template,
            own_style,
        } => {
            let output = output.filter(|p| p.as_os_str() != "-");
            if matches!(format, ExportFormat::Docx) && output.is_none() {
                return Err(Failure::Message(
                    "a Word file needs a file to go to: add -o FILE.docx".to_owned(),
                ));
            }
            if template.is_some() && !matches!(format, ExportFormat::Docx) {
                return Err(Failure::Message(
                    "--template is for Word files: add --format docx".to_owned(),
                ));
            }
            let template = match (template, own_style) {
                (Some(path), _) => TemplateChoice::File(path),
                (None, true) => TemplateChoice::OwnStyle,
                (None, false) => TemplateChoice::Kept,
            };
            let request = ExportRequest {
                format: format.into(),
                template,
            };
            let export = library.export(id, &request)?;
            if let Some(used) = &export.kept_template {
                eprintln!("into the Word template {}", word_template::describe(used));
            }
            if let Some(lacking) = word_template::lacking(&export.own_styles) {
                eprintln!("{lacking}");
            }
            match output {
                None => out.raw(&export.bytes)?,
                Some(path) => library.write_export(&path, &export.bytes)?,
            }
        }
        Command::History { id } => {
            for r in library.history(id)? {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    r.number,
                    r.saved_at.format("%Y-%m-%d %H:%M:%S"),
                    Field(&r.title),
                    Field(r.author.as_deref().unwrap_or_default())
                )?;
            }
        }
        Command::Restore { id, revision } => {
            let head = library.report(id)?.revision;
            let new = library.restore(id, revision)?;
            if new == head {
                writeln!(out, "report {id}: revision {revision} is the same as the newest, revision {head}; nothing changed")?;
            } else {
                writeln!(
                    out,
                    "report {id}: revision {revision} restored as revision {new}"
                )?;
            }
        }
        Command::Delete { id } => {
            library.delete(id)?;
            writeln!(out, "report {id} deleted")?;
        }
        Command::New { from, template } => reuse::new_report(&mut library, from, template, out)?,
        Command::Template(command) => reuse::template(&mut library, command, out)?,
        Command::WordTemplate(command) => word_template::run(&mut library, command, out)?,
        Command::Items { query, limit } => reuse::items(&library, &query, limit, out)?,
        Command::Search { query, limit } => reuse::search(&library, &query, limit, out)?,
        Command::Share { id, output } => {
            library.share(id, &output)?;
        }
        Command::Merge { id, file } => {
            let merged = library.merge_share_file(id, &file)?;
            co_authoring::print_merged(id, &merged, out)?;
        }
        Command::Update { id, file } => {
            let head = library.report(id)?.revision;
            match library.update_from_file(id, &file)? {
                same if same == head => writeln!(
                    out,
                    "report {id}: the file says what revision {head} says; nothing changed"
                )?,
                revision => writeln!(out, "report {id}: saved as revision {revision}")?,
            }
        }
        Command::Author { name: None } => {
            if let Some(name) = library.author_name()? {
                writeln!(out, "{}", Field(&name))?;
            }
        }
        Command::Author { name: Some(name) } => library.set_author_name(&name)?,
        Command::Link { id, dir: Some(dir) } => {
            let synced = library.link_folder(id, &dir)?;
            co_authoring::print_synced(id, &synced, out)?;
        }
        Command::Link { id, dir: None } => match library.linked_folder(id)? {
            Some(link) => co_authoring::print_link(&link, out)?,
            None => writeln!(out, "report {id} is linked to no shared folder")?,
        },
        Command::Unlink { id } => {
            if !library.unlink_folder(id)? {
                writeln!(out, "report {id} was linked to no shared folder")?;
            }
        }
        Command::Sync { id, all } => {
            let ids = match (id, all) {
                (Some(id), _) => vec![id],
                (None, _) => library.linked_reports()?,
            };
            for id in ids {
                let synced = library.sync_folder(id)?;
                co_authoring::print_synced(id, &synced, out)?;
            }
        }
    }
    drop(library);
    // The day's backup, after the command's work; one that cannot be made must not fail
    // the command: the next one tries again.
    let _ =
        rapporteur_core::backups::daily_backup(&db, rapporteur_core::backups::BackupPace::AtOnce);
    // Likewise the co-authoring documents whose updates piled up (a script's updates).
    let _ = rapporteur_core::backups::compact_documents(&db);
    Ok(())
}

/// What `check` reads.
#[derive(Clone)]
enum CheckTarget {
    File(PathBuf),
    Id(ReportId),
}

/// An existing path is a file (even when its name is a number); otherwise an integer is
/// a report id; anything else is a usage error.
fn check_target(arg: &str) -> Result<CheckTarget, String> {
    if Path::new(arg).exists() {
        return Ok(CheckTarget::File(PathBuf::from(arg)));
    }
    arg.parse()
        .map(CheckTarget::Id)
        .map_err(|_| "neither an existing file nor a report id".to_owned())
}

/// Prints the findings on a report; fails (exit 1) when one of them is an error.
fn check(target: CheckTarget, db: Option<PathBuf>, out: &mut impl Write) -> Result<(), Failure> {
    let findings = match target {
        CheckTarget::Id(id) => {
            let library = Library::open(&database_path(db)?)?;
            let report = library.report(id)?.report;
            library.check(&report, Some(id), report.language)?
        }
        CheckTarget::File(file) => {
            let report = rapporteur_core::read_report_file(&file)?;
            // Earlier titles come from the database when there is one: checking a file
            // creates none.
            match database_path(db).ok().filter(|p| p.exists()) {
                Some(db) => Library::open(&db)?.check(&report, None, report.language)?,
                None => rapporteur_core::check_alone(&report, report.language),
            }
        }
    };
    for f in &findings {
        // Quoted titles may hold tabs or line breaks; a finding stays on its line.
        let message = f.message.replace(['\t', '\n', '\r'], " ");
        let severity = f.severity.as_str();
        writeln!(
            out,
            "{severity}\t{}\t{}\t{}",
            Field(&f.path),
            f.code,
            Field(&message)
        )?;
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error);
    match errors.count() {
        0 => Ok(()),
        1 => Err(Failure::Message("1 error in the report".to_owned())),
        n => Err(Failure::Message(format!("{n} errors in the report"))),
    }
}

fn backup(command: &BackupCommand, db: &Path, out: &mut impl Write) -> Result<(), Failure> {
    match command {
        BackupCommand::List => {
            for b in backups::list_backups(db)? {
                let taken = b.taken_at.format("%Y-%m-%d %H:%M:%S UTC");
                writeln!(out, "{}\t{taken}\t{} bytes", b.name, b.bytes)?;
            }
        }
        BackupCommand::Now => {
            let path = backups::back_up_now(db)?;
            writeln!(out, "{}", path.display())?;
        }
        BackupCommand::Restore { name } => match backups::restore_backup(db, name)? {
            Some(saved) => writeln!(
                out,
                "{name} restored; the database as it was is in {}",
                saved.display()
            )?,
            None => writeln!(out, "{name} restored (there was no database to keep)")?,
        },
    }
    Ok(())
}

/// What the import of a published report recognised, kept and read through, indented
/// under its id.
fn print_notice(
    file: &str,
    notice: &rapporteur_import::ImportNotice,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "  {}: {}", Field(file), notice.counts())?;
    for part in &notice.recognised {
        writeln!(out, "  recognised\t{}\t{}", part.path, Field(&part.what))?;
    }
    for part in &notice.free_text {
        writeln!(out, "  free text\t{}\t{}", part.path, Field(&part.what))?;
    }
    for part in &notice.kept_as_written {
        writeln!(out, "  as written\t{}\t{}", part.path, Field(&part.what))?;
    }
    for typo in &notice.typos {
        writeln!(
            out,
            "  typo\t{}\t{} → {}",
            typo.path,
            Field(&typo.found),
            typo.term
        )?;
    }
    for line in &notice.dropped {
        writeln!(out, "  dropped\t{}", Field(line))?;
    }
    Ok(())
}

fn show(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let m = &report.meeting;
    writeln!(out, "{}", Field(&report.title))?;
    for a in &report.authors {
        let extra: Vec<&str> = [&a.organization, &a.department, &a.position]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        writeln!(out, "  {} — {}", Field(&a.name), Field(&extra.join(", ")))?;
    }
    writeln!(out)?;
    let topic = m
        .group_topic
        .as_deref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    let ordinal = m.ordinal.map(|n| format!(" 第{n}回")).unwrap_or_default();
    writeln!(
        out,
        "meeting: {} {}{}{ordinal}",
        Field(&m.organization),
        Field(&m.group),
        Field(&topic)
    )?;
    if let Some(start) = m.start {
        let end = m.end.map(|e| format!(" .. {e}")).unwrap_or_default();
        writeln!(out, "dates: {start}{end}")?;
    }
    let place = m.place_parts();
    if !place.is_empty() {
        writeln!(out, "place: {}", Field(&place.join(", ")))?;
    }
    if let Some(p) = &m.participants {
        let figures = [
            ("total", p.total),
            ("on site", p.on_site),
            ("remote", p.remote),
            ("home", p.home),
            ("delegations", p.delegations),
        ];
        writeln!(out, "participants: {}", join_figures(&figures))?;
    }
    if let Some(c) = &m.contributions {
        writeln!(
            out,
            "contributions: {}",
            join_figures(&[("total", c.total), ("home", c.home)])
        )?;
    }
    if let Some(t) = m.temporary_documents {
        writeln!(out, "temporary documents: {t}")?;
    }
    writeln!(out)?;
    for entry in rapporteur_prose::outline(report) {
        let indent = "  ".repeat(entry.number.len() - 1);
        writeln!(out, "{indent}{}", Field(&entry.heading.line()))?;
    }
    Ok(())
}

fn join_figures(figures: &[(&str, Option<u32>)]) -> String {
    let present: Vec<String> = figures
        .iter()
        .filter_map(|(name, n)| n.map(|n| format!("{n} {name}")))
        .collect();
    present.join(", ")
}
