use crate::{FORMAT_NAME, FORMAT_VERSION};
use rapporteur_model::Report;
use serde::Serialize;

/// The file's envelope: `format` and `version` first, then the report's fields.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    report: &'a Report,
}

/// The report as a file-format JSON value.
pub fn to_value(report: &Report) -> serde_json::Value {
    serde_json::to_value(Envelope {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        report,
    })
    .expect("a report always serializes: its maps have string keys")
}

/// The report as the text of a `NAME.report.json` file: two-space indentation,
/// non-ASCII text as is, a final newline.
pub fn write_report(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(&to_value(report)).expect("a JSON value always serializes");
    text.push('\n');
    text
}
