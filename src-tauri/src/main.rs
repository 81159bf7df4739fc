// No console window beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

fn main() {
    // `--version`, `--help` and arguments it does not understand are answered here, on
    // the terminal, before any window (or display) is needed.
    let args = rapporteur_app::Args::parse();
    rapporteur_app::run(args);
}
