//! The app's command line: `rapporteur [FILE]`, `--version`, `--help`. Parsed before any
//! window or display is needed, so the answers work on a bare terminal.

use clap::Parser;
use std::path::{Path, PathBuf};

/// Write the report of a standards meeting, offline, and export it for the journal.
#[derive(Debug, Parser, PartialEq, Eq)]
#[command(name = "rapporteur", version)]
pub struct Args {
    /// A report file (.report.json) to add to the library, or a published report (.docx,
    /// or its text) to read back into one. If the app is already open, the file opens
    /// there.
    pub file: Option<PathBuf>,
}

impl Args {
    /// The arguments of a second launch, as the running app receives them (the program's
    /// name first, and the folder it was started in): its file, made absolute. A second
    /// launch with arguments it refuses has exited with its message before reaching the
    /// running app; none are expected here, and any are ignored.
    pub fn of_second_launch(argv: &[String], cwd: &str) -> Option<PathBuf> {
        let file = Args::try_parse_from(argv).ok()?.file?;
        Some(Path::new(cwd).join(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    #[test]
    fn version_and_help_are_answers_not_files() {
        let version = Args::try_parse_from(["rapporteur", "--version"]).unwrap_err();
        assert_eq!(version.kind(), ErrorKind::DisplayVersion);
        assert_eq!(
            version.to_string().trim(),
            format!("rapporteur {}", env!("CARGO_PKG_VERSION"))
        );
        let help = Args::try_parse_from(["rapporteur", "--help"]).unwrap_err();
        assert_eq!(help.kind(), ErrorKind::DisplayHelp);
        assert!(help.to_string().contains("[FILE]"), "{help}");
    }

    #[test]
    fn an_unknown_option_is_named() {
        let err = Args::try_parse_from(["rapporteur", "--frobnicate"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownArgument);
        assert!(err.to_string().contains("--frobnicate"), "{err}");
        let err =
            Args::try_parse_from(["rapporteur", "a.report.json", "b.report.json"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownArgument);
    }

    #[test]
    fn a_file_of_a_second_launch_is_made_absolute_from_its_folder() {
        let argv = [
            "/usr/bin/rapporteur".to_owned(),
            "会合.report.json".to_owned(),
        ];
        assert_eq!(
            Args::of_second_launch(&argv, "/home/d/報告"),
            Some(PathBuf::from("/home/d/報告/会合.report.json"))
        );
        let absolute = ["rapporteur".to_owned(), "/tmp/x.docx".to_owned()];
        assert_eq!(
            Args::of_second_launch(&absolute, "/home/d"),
            Some(PathBuf::from("/tmp/x.docx"))
        );
        assert_eq!(
            Args::of_second_launch(&["rapporteur".to_owned()], "/"),
            None
        );
        let unknown = ["rapporteur".to_owned(), "--frobnicate".to_owned()];
        assert_eq!(Args::of_second_launch(&unknown, "/"), None);
    }
}
