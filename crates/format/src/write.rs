use crate::{validate, FormatError, FORMAT_NAME, FORMAT_VERSION, MAX_NESTING, MAX_REPORT_FILE};
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

/// The report as the text of a report file, refused where the reader would refuse the
/// file: its cross-field rules (`validate`), more than `MAX_REPORT_FILE` bytes, or JSON
/// nested deeper than `MAX_NESTING`. The store keeps only what passes, so every stored
/// report exports as a file that reads back.
pub fn write_report_checked(report: &Report) -> Result<String, FormatError> {
    validate(report)?;
    let text = write_report(report);
    if text.len() as u64 > MAX_REPORT_FILE {
        return Err(FormatError::TooLarge {
            bytes: text.len() as u64,
            limit: MAX_REPORT_FILE,
        });
    }
    let depth = nesting(&text);
    if depth > MAX_NESTING {
        return Err(FormatError::TooDeep {
            path: deepest_section(report),
            depth,
            limit: MAX_NESTING,
        });
    }
    Ok(text)
}

/// How deeply the arrays and objects of the JSON `text` nest: one pass over its bytes,
/// skipping strings.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The JSON path of the most deeply nested section: only sections nest without bound.
fn deepest_section(report: &Report) -> String {
    let mut deepest = (0, String::from("sections"));
    rapporteur_model::visit_sections(&report.sections, &mut |path, number, _| {
        if number.len() > deepest.0 {
            deepest = (number.len(), path.to_owned());
        }
    });
    deepest.1
}
