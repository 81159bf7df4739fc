//! The journal's Word template a report is exported into (see docs/templates.md): chosen
//! in the shell's own open dialog, so the page never names the file; kept by the core.

use crate::files::{Dialogs, FileFilter, Request, Use};
use crate::AppState;
use rapporteur_core::{CommandError, WordTemplateInfo};
use rapporteur_storage::ReportId;
use tauri::State;

library_commands! {
    /// The Word template report `id` is exported into.
    pub async fn word_template(id: ReportId) -> WordTemplateInfo
        => |library| library.word_template_info(id);

    /// Report `id` is exported in Rapporteur's own style from now on.
    pub async fn use_own_style(id: ReportId) -> WordTemplateInfo => |library| {
        library.use_own_style(id)?;
        library.word_template_info(id)
    };
}

/// Shows the open dialog for a Word template (.docx, .dotx) and keeps the file chosen as
/// report `id`'s template and the library default; `None` when the user cancelled. A
/// file that cannot serve (not Word, damaged, hostile) is refused and the report's
/// template stays as it was.
#[tauri::command]
#[specta::specta]
pub async fn choose_word_template(
    dialogs: State<'_, Dialogs>,
    state: State<'_, AppState>,
    id: ReportId,
    title: String,
    filter_name: String,
) -> Result<Option<WordTemplateInfo>, CommandError> {
    let filter = FileFilter::new(filter_name, &["docx", "dotx"]);
    let request = Request::open(Use::Read, title, vec![filter]);
    dialogs.choose_then(&state.chosen, request, |file| {
        let mut library = state.library()?;
        library.set_word_template(id, &file)?;
        library.word_template_info(id)
    })
}
