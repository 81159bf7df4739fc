//! The harness of the CLI's tests: the real `rapporteur-cli` binary on a database file
//! of its own in a temporary folder, with no other database in reach.

use std::path::PathBuf;
use std::process::{Command, Output};

pub const EXAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A new environment whose database holds the example report, as report 1.
    #[allow(dead_code)] // not every test file starts from the example
    pub fn with_example() -> Env {
        let env = Env::new();
        assert_eq!(env.ok(&["import", EXAMPLE_PATH]), "1\n");
        env
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("reports.sqlite3")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the CLI on this environment's database, with no other database in reach.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapporteur-cli"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_telling(args).0
    }

    /// Runs a command that must succeed; its standard output and what it told on
    /// standard error.
    pub fn ok_telling(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    }

    /// Runs a command that must fail as a user error: exit 1, one line on stderr.
    pub fn user_error(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.starts_with("rapporteur-cli: "), "{stderr}");
        stderr.trim_end().to_owned()
    }
}
