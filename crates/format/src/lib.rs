//! The report file format v1 (`FORMAT.md`): strict reading of untrusted files, with
//! errors that name the JSON path and what was expected, and canonical writing.
//!
//! Reading walks the JSON value by hand rather than through serde's derives: only that
//! way can every rejection say where it is (`sections[2].blocks[0].outcomes[3].action`)
//! — serde loses the path inside internally tagged enums such as blocks.

mod error;
mod file;
mod read;
mod strict;
mod validate;
mod write;

pub use error::FormatError;
pub use file::{read_file, read_report_file, FileError, SpecialFile, MAX_REPORT_FILE};
pub use read::{read_report, read_report_value};
pub use validate::validate;
pub use write::{to_value, write_report, write_report_checked};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "rapporteur.report";
/// The version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;
/// The deepest nesting of JSON arrays and objects a report file may have: the most the
/// reader takes (serde_json stops at its 128th level).
pub const MAX_NESTING: usize = 127;
