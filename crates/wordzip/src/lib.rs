//! A Word file's zip package read within limits: the importer reads published reports
//! and the Word export reads the journal's template, both files that may come from
//! anywhere. Zip bombs (by size or compression ratio), archives of countless parts and
//! headers that lie about sizes are refused with a typed error that says which part.
//!
//! What is read from the parts (XML) is bounded by its reader; `MAX_DEPTH` is the
//! nesting both readers accept.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// The largest file read.
pub const MAX_FILE: u64 = 32 << 20;
/// The most parts (zip entries) a Word file may have.
pub const MAX_ENTRIES: usize = 4096;
/// The largest part, unpacked.
pub const MAX_PART: u64 = 64 << 20;
/// The highest compression ratio of a part over `RATIO_FROM` bytes: XML packs ~10:1,
/// a zip bomb ~1000:1.
pub const MAX_RATIO: u64 = 200;
const RATIO_FROM: u64 = 1 << 20;
/// The deepest nesting of XML elements read; Word's own stays under 30.
pub const MAX_DEPTH: usize = 256;

/// Why a file's package was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    #[error("the file is {size} bytes; at most {limit} bytes are read")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a Word file: {reason}")]
    NotZip { reason: String },
    #[error("the Word file has {count} parts; at most {limit} are read")]
    TooManyEntries { count: usize, limit: usize },
    #[error(
        "the Word file's part {name} unpacks to {size} bytes or more; at most {limit} are read"
    )]
    EntryTooLarge { name: String, size: u64, limit: u64 },
    #[error("the Word file's part {name} is compressed {ratio}:1 or more (a zip bomb?); at most {limit}:1 is read")]
    CompressionRatio {
        name: String,
        ratio: u64,
        limit: u64,
    },
}

/// Whether `bytes` start like a zip archive.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// An opened package whose every entry passed the size and ratio limits.
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip package, checking the file's size, its number of parts and
    /// each part's declared size and compression ratio.
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, PackageError> {
        if bytes.len() as u64 > MAX_FILE {
            return Err(PackageError::TooLarge {
                size: bytes.len() as u64,
                limit: MAX_FILE,
            });
        }
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(not_zip)?;
        if archive.len() > MAX_ENTRIES {
            return Err(PackageError::TooManyEntries {
                count: archive.len(),
                limit: MAX_ENTRIES,
            });
        }
        for index in 0..archive.len() {
            let entry = archive.by_index(index).map_err(not_zip)?;
            check_entry(entry.name(), entry.size(), entry.compressed_size())?;
        }
        Ok(Package { archive })
    }

    /// The names of the parts (zip entries), directories left out, in archive order.
    pub fn part_names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter(|name| !name.ends_with('/'))
            .map(str::to_owned)
            .collect()
    }

    /// Part `name` unpacked, or `None` when the package has no such part. The sizes in
    /// the archive's headers may lie: the limits hold on what is unpacked, counted while
    /// reading, and the ratio is taken over the packed bytes actually there.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(not_zip(error)),
        };
        let compressed = entry.compressed_size();
        let limit = MAX_PART.min(RATIO_FROM.max(compressed.saturating_mul(MAX_RATIO)));
        let mut bytes = Vec::new();
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| PackageError::NotZip {
                reason: format!("{name}: {error}"),
            })?;
        if bytes.len() as u64 > limit {
            return Err(if limit == MAX_PART {
                PackageError::EntryTooLarge {
                    name: name.to_owned(),
                    size: bytes.len() as u64,
                    limit: MAX_PART,
                }
            } else {
                PackageError::CompressionRatio {
                    name: name.to_owned(),
                    ratio: bytes.len() as u64 / compressed.max(1),
                    limit: MAX_RATIO,
                }
            });
        }
        Ok(Some(bytes))
    }
}

fn not_zip(error: zip::result::ZipError) -> PackageError {
    PackageError::NotZip {
        reason: error.to_string(),
    }
}

fn check_entry(name: &str, size: u64, compressed: u64) -> Result<(), PackageError> {
    if size > MAX_PART {
        return Err(PackageError::EntryTooLarge {
            name: name.to_owned(),
            size,
            limit: MAX_PART,
        });
    }
    if size > RATIO_FROM {
        let ratio = size / compressed.max(1);
        if ratio > MAX_RATIO {
            return Err(PackageError::CompressionRatio {
                name: name.to_owned(),
                ratio,
                limit: MAX_RATIO,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, content) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn reads_parts_and_tells_a_missing_one() {
        let bytes = zip_of(
            &[("word/document.xml", b"<w:document/>")],
            zip::CompressionMethod::Deflated,
        );
        assert!(looks_like_zip(&bytes));
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.part_names(), ["word/document.xml"]);
        assert_eq!(
            package.read("word/document.xml").unwrap().as_deref(),
            Some(&b"<w:document/>"[..])
        );
        assert_eq!(package.read("word/styles.xml").unwrap(), None);
    }

    #[test]
    fn refuses_what_is_not_a_zip_and_bombs() {
        assert!(matches!(
            Package::open(b"plain text"),
            Err(PackageError::NotZip { .. })
        ));
        let bomb = vec![b'a'; 4 << 20];
        let bytes = zip_of(
            &[("word/styles.xml", &bomb)],
            zip::CompressionMethod::Deflated,
        );
        match Package::open(&bytes) {
            Err(PackageError::CompressionRatio { name, ratio, limit }) => {
                assert_eq!(name, "word/styles.xml");
                assert!(ratio > limit);
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        let many: Vec<(String, &[u8])> = (0..=MAX_ENTRIES)
            .map(|n| (format!("p{n}"), &b""[..]))
            .collect();
        let parts: Vec<(&str, &[u8])> = many.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert!(matches!(
            Package::open(&zip_of(&parts, zip::CompressionMethod::Stored)),
            Err(PackageError::TooManyEntries { count, .. }) if count == MAX_ENTRIES + 1
        ));
    }
}
