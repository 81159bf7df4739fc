//! The desktop shell: wires the application core (`rapporteur_core`) to the window
//! through typed commands. It holds no logic of its own beyond the window's: its file
//! dialogs and the files the user chose there, files handed over from the desktop, the
//! About box.

/// Writes the commands that only use the library, with what they all share written once
/// (the command's attributes, the app's state, the `Result`): each opens the library
/// (`AppState::library`), does its use case on it with the page's arguments and gives the
/// window the answer, or the `CommandError` that stopped it. Each is read as its name, its
/// arguments, its answer and what it does with the library:
/// `pub async fn list_reports() -> Vec<ReportSummary> => |library| library.list();`
macro_rules! library_commands {
    ($(
        $(#[$meta:meta])*
        pub async fn $name:ident($($arg:ident: $type:ty),* $(,)?) -> $answer:ty
            => |$library:ident| $use:expr;
    )*) => {$(
        $(#[$meta])*
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            state: tauri::State<'_, crate::AppState>,
            $($arg: $type),*
        ) -> Result<$answer, crate::CommandError> {
            let mut opened = state.library()?;
            let $library: &mut rapporteur_core::Library = &mut opened;
            $use
        }
    )*};
}

mod about;
mod args;
mod coauthor;
mod commands;
mod files;
mod folder;
mod history;
mod open;
mod reuse;
mod shared_folder;
mod state;
mod word_template;

pub use args::Args;
pub use files::{Dialogs, Request, Use};
pub use rapporteur_core::{CommandError, ErrorCode};
pub use state::AppState;

use rapporteur_model::{Action, DocumentKind, Language, MeetingMode, Preset, Process, Spelled};
use rapporteur_prose::labels::action_labels;

/// The typed commands the UI may call; `ui/src/bindings.ts` is generated from this.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::list_reports,
            commands::open_report,
            commands::save_report,
            commands::create_report,
            commands::duplicate_report,
            commands::delete_report,
            commands::undelete_report,
            files::choose_import_file,
            files::choose_export_file,
            commands::import_report_file,
            folder::import_past_reports,
            folder::stop_importing_past_reports,
            history::report_history,
            history::compare_revisions,
            history::start_history_entry,
            commands::revision_report,
            commands::restore_revision,
            commands::preview_report,
            commands::export_report,
            word_template::word_template,
            word_template::choose_word_template,
            word_template::use_own_style,
            commands::check_report,
            commands::read_date,
            reuse::new_report_from,
            reuse::new_report_from_template,
            reuse::save_as_template,
            reuse::list_templates,
            reuse::delete_template,
            reuse::restore_template,
            reuse::show_built_in_template,
            reuse::search_reports,
            reuse::find_items,
            reuse::suggest_items,
            open::take_files_to_open,
            open::open_file,
            coauthor::author_name,
            coauthor::set_author_name,
            coauthor::share_report,
            coauthor::merge_copy,
            shared_folder::linked_folder,
            shared_folder::link_folder,
            shared_folder::unlink_folder,
            shared_folder::sync_folder,
            about::about
        ])
        // Every value of the closed sets the UI offers as choices, in the model's order, so
        // the UI lists none by hand (its labels are keyed by these types).
        .constant("ACTIONS", Action::ALL)
        .constant("PROCESSES", Process::ALL)
        .constant("DOCUMENT_KINDS", DocumentKind::ALL)
        .constant("MEETING_MODES", MeetingMode::ALL)
        .constant("PRESETS", Preset::ALL)
        .constant("LANGUAGES", Language::ALL)
        .constant("SEVERITIES", rapporteur_checks::Severity::ALL)
        // The names the UI prints dates with, spelled once, in prose's dates.
        .constant("WEEKDAYS_JA", rapporteur_prose::dates::WEEKDAYS_JA)
        .constant("WEEKDAYS_EN", rapporteur_prose::dates::WEEKDAYS_EN)
        .constant("MONTHS_EN", rapporteur_prose::dates::MONTHS_EN)
        // What the app calls each action, spelled once in prose's labels (the checks'
        // messages quote the same words).
        .constant("ACTION_LABELS_JA", action_labels(Language::Ja))
        .constant("ACTION_LABELS_EN", action_labels(Language::En))
        // Report ids are SQLite row ids, far below 2^53: a JS number holds them exactly.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type: the UI sends back what it received.
        .disable_serde_phases()
}

/// The commands that choose, read or write a file (and the library list), for any
/// runtime: `tests/security.rs` calls them through Tauri's mock runtime, as the page
/// would. The app's own handler (`specta_builder`) holds them too, for its window's
/// runtime only, with commands that need that runtime.
#[doc(hidden)]
pub fn file_commands<R: tauri::Runtime>(
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::list_reports,
        commands::export_report,
        commands::import_report_file,
        open::open_file,
        open::take_files_to_open,
        files::choose_import_file,
        files::choose_export_file,
        word_template::choose_word_template,
        coauthor::share_report,
        coauthor::merge_copy
    ]
}

/// Writes the TypeScript bindings of `specta_builder` to `path`.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder()
        .export(specta_typescript::Typescript::default(), path)
        .map_err(|e| e.to_string())
}

/// Opens the window on the library, with `args.file` (if any) handed to it to open.
pub fn run(args: Args) {
    let builder = specta_builder();
    let first = args.file.map(|f| std::path::absolute(&f).unwrap_or(f));
    tauri::Builder::default()
        // First, so that a second launch stops here, before it opens anything.
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            open::second_launch(app, Args::of_second_launch(&argv, &cwd));
        }))
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .manage(open::FilesToOpen::new(first))
        .manage(AppState::default())
        .manage(folder::StopImport::default())
        .manage(shared_folder::FolderWatch::default())
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                tauri::Manager::state::<AppState>(webview).window_shown();
            }
        })
        .setup(move |app| {
            builder.mount_events(app);
            AppState::open_in_background(app.handle());
            shared_folder::watch_linked(app.handle());
            tauri::Manager::manage(app, files::Dialogs::native(app.handle().clone()));
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Rapporteur could not start its window");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The UI is type-checked against the committed bindings; they must be what the
    /// Rust side generates now. `UPDATE_BINDINGS=1 cargo test` (or `make bindings`)
    /// writes them anew.
    #[test]
    fn committed_typescript_bindings_match_the_commands() {
        let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        export_bindings(&fresh).unwrap();
        let fresh = std::fs::read_to_string(&fresh).unwrap();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh).unwrap();
        }
        let current = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/bindings.ts is out of date with the Rust commands; run `make bindings` and commit it"
        );
    }
}
