//! A report in each format it can leave the app in; the CLI and the app's Export both
//! come here, so they write the same bytes.

use rapporteur_model::Report;
use serde::{Deserialize, Serialize};
use specta::Type;

/// When the report was made and last changed, for the Word file's properties; a
/// journal's Word template, read and checked, and what an export with it says.
pub use rapporteur_docx::{
    DocxOptions, Exported, PageLook, Template, TemplateError, TemplateLook, TextLook,
};

/// What a report can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A Word document, ready for the journal.
    Docx,
    /// The report file format (`NAME.report.json`).
    Json,
    /// The generated text, as the journal prints it.
    Text,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the Word file: {0}")]
    Docx(#[from] rapporteur_docx::DocxError),
}

/// The bytes of `report` in `format`.
pub fn export(
    report: &Report,
    format: ExportFormat,
    options: &DocxOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Json => rapporteur_format::write_report(report).into_bytes(),
        ExportFormat::Text => {
            rapporteur_prose::render_text(&rapporteur_prose::generate(report)).into_bytes()
        }
        ExportFormat::Docx => {
            rapporteur_docx::write_docx(&rapporteur_prose::generate(report), options)?
        }
    })
}

/// `report` as a Word file in the journal's `template`, with the styles it lacked.
pub fn export_docx_with_template(
    report: &Report,
    options: &DocxOptions,
    template: &Template,
) -> Result<Exported, ExportError> {
    Ok(rapporteur_docx::write_docx_with_template(
        &rapporteur_prose::generate(report),
        options,
        template,
    )?)
}
