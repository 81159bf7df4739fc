//! Reading files from disk, bounded: a file too large, not UTF-8, or nested too deeply
//! gets a clear error naming the file, never an exhausted memory or stack. The app and
//! the CLI read every file they are given through here.

use crate::{read_report, FormatError};
use rapporteur_model::Report;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest report file read: the 6-page example is 60 KB, a 30-page report about
/// 300 KB. (JSON nesting is bounded by serde_json's limit of 128 levels.)
pub const MAX_REPORT_FILE: u64 = 16 * 1024 * 1024;

/// Why a report file could not be read; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {kind}, not a regular file; only regular files are read")]
    NotAFile { path: PathBuf, kind: SpecialFile },
    #[error("{path}: more than {limit} bytes, too large to be a report")]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{path}: not UTF-8 text (byte {byte})")]
    NotUtf8 { path: PathBuf, byte: usize },
    #[error("{path}: {source}")]
    Format { path: PathBuf, source: FormatError },
}

/// Reads the report file at `path`, at most `MAX_REPORT_FILE` bytes of it.
pub fn read_report_file(path: &Path) -> Result<Report, FileError> {
    let text = read_text_file(path, MAX_REPORT_FILE)?;
    read_report(&text).map_err(|source| FileError::Format {
        path: path.to_owned(),
        source,
    })
}

/// Reads the UTF-8 text of the file at `path`, refusing it beyond `limit` bytes.
fn read_text_file(path: &Path, limit: u64) -> Result<String, FileError> {
    String::from_utf8(read_file(path, limit)?).map_err(|e| FileError::NotUtf8 {
        path: path.to_owned(),
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Reads the file at `path`, refusing it beyond `limit` bytes. The limit holds while
/// reading (not only by the size the file claimed beforehand), so a file that grows or
/// a device that never ends is cut off too. Only a regular file is read: a FIFO, a
/// device or a folder is refused before it is opened (a FIFO would block the open until
/// something writes to it), and again after, should it have been swapped meanwhile
/// (opened without blocking).
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let io = |source| FileError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = || FileError::TooLarge {
        path: path.to_owned(),
        limit,
    };
    let regular = |metadata: &std::fs::Metadata| match kind_of(metadata.file_type()) {
        None => Ok(metadata.len()),
        Some(kind) => Err(FileError::NotAFile {
            path: path.to_owned(),
            kind,
        }),
    };
    regular(&std::fs::metadata(path).map_err(io)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io)?;
    let claimed = regular(&file.metadata().map_err(io)?)?;
    if claimed > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(claimed as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    Folder,
    NamedPipe,
    Socket,
    Device,
    Other,
}

impl SpecialFile {
    /// A stable name, for messages in other languages.
    pub fn as_str(self) -> &'static str {
        match self {
            SpecialFile::Folder => "folder",
            SpecialFile::NamedPipe => "named_pipe",
            SpecialFile::Socket => "socket",
            SpecialFile::Device => "device",
            SpecialFile::Other => "special_file",
        }
    }
}

impl std::fmt::Display for SpecialFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SpecialFile::Folder => "a folder",
            SpecialFile::NamedPipe => "a named pipe (FIFO)",
            SpecialFile::Socket => "a socket",
            SpecialFile::Device => "a device",
            SpecialFile::Other => "a special file",
        })
    }
}

/// What `file_type` is, unless it is a regular file.
fn kind_of(file_type: std::fs::FileType) -> Option<SpecialFile> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(SpecialFile::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(SpecialFile::NamedPipe);
        }
        if file_type.is_socket() {
            return Some(SpecialFile::Socket);
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(SpecialFile::Device);
        }
    }
    Some(SpecialFile::Other)
}
