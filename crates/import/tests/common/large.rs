//! Large inputs, generated to a given size, of each shape that once took an importer or a
//! check longer than linear time or far more memory than its size: shared by the tests
//! (`tests/large.rs`) and the benchmark (`examples/bench.rs`).

use std::io::Write;

/// The text of the published seed, a real report.
pub const SEED: &str = include_str!("../../../../tests/fixtures/sg17-2025-12-report.txt");

/// A named input of about `bytes` bytes.
pub struct Input {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// `unit(i)` repeated while the text stays within `bytes`, after a report's title and
/// first heading (so that the text reads as a report and the importer goes all the way).
fn repeated(bytes: usize, head: &str, unit: impl Fn(usize) -> String) -> Vec<u8> {
    let mut text = String::from(head);
    let mut i = 0;
    loop {
        let next = unit(i);
        if text.len() + next.len() > bytes {
            return text.into_bytes();
        }
        text.push_str(&next);
        i += 1;
    }
}

const HEAD: &str = "題\n\n1. はじめに\n\n";

/// Every text shape, about `bytes` bytes each.
pub fn texts(bytes: usize) -> Vec<Input> {
    let katakana = "デタミネーションコンセンドワーカアイテムテクニカルレポードラポーダ";
    vec![
        Input {
            name: "numbered headings",
            bytes: repeated(bytes, "題\n\n", |i| format!("{}. 見出し\n", i % 999 + 1)),
        },
        Input {
            name: "one paragraph of short lines",
            bytes: repeated(bytes, HEAD, |_| "本文の行 text\n".to_owned()),
        },
        Input {
            name: "katakana, one word",
            bytes: repeated(bytes, HEAD, |i| {
                katakana.chars().cycle().skip(i % 7).take(30).collect()
            }),
        },
        Input {
            name: "paragraphs of one letter",
            bytes: repeated(bytes, HEAD, |_| "a\n\n".to_owned()),
        },
        Input {
            name: "the seed, repeated",
            bytes: repeated(bytes, "", |_| format!("{SEED}\n\n")),
        },
        Input {
            name: "dates after 今回",
            bytes: repeated(bytes, HEAD, |i| {
                format!("今回の会合は、2026年6月{}日(火)に開催。", i % 28 + 1)
            }),
        },
        Input {
            name: "one Question, many outcomes",
            bytes: repeated(
                bytes,
                "題\n\n1. はじめに\n\n●課題1では、",
                |i| format!("X.{} (項目{i}) 及び", i % 9000 + 1),
            ),
        },
        Input {
            name: "brackets left open",
            bytes: repeated(bytes, HEAD, |_| "あ(課題1".to_owned()),
        },
        Input {
            name: "a table of tabs",
            bytes: repeated(
                bytes,
                "題\n\n1. はじめに\n\n■表1. 会合\n\n",
                |i| format!("会合{i}\t2026年6月2日～11日\tジュネーブ\n"),
            ),
        },
    ]
}

/// A Word file whose word/document.xml is `xml`, deflated.
pub fn docx_with(xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

/// The same Word file, its headers claiming that word/document.xml unpacks to `size`
/// bytes: the local header's field at offset 22, the central directory's at 24.
pub fn lying_about_size(mut docx: Vec<u8>, size: u32) -> Vec<u8> {
    for (signature, offset) in [(&b"PK\x03\x04"[..], 22), (b"PK\x01\x02", 24)] {
        let at = docx
            .windows(4)
            .position(|w| w == signature)
            .expect("the header is there");
        docx[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
    }
    docx
}

const BODY: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

/// word/document.xml of about `bytes` bytes: a title, a heading and paragraphs made of
/// `paragraph(i)`, or empty ones.
fn document(bytes: usize, paragraph: impl Fn(usize) -> String) -> Vec<u8> {
    let mut xml = format!(
        "{BODY}<w:p><w:r><w:t>題</w:t></w:r></w:p><w:p><w:r><w:t>1. はじめに</w:t></w:r></w:p>"
    );
    let mut i = 0;
    while xml.len() < bytes {
        xml.push_str(&paragraph(i));
        i += 1;
    }
    xml.push_str("</w:body></w:document>");
    xml.into_bytes()
}

/// Every Word file shape; `bytes` is the size of word/document.xml unpacked.
pub fn docxs(bytes: usize) -> Vec<Input> {
    let text = |i: usize| {
        format!(
            "<w:p><w:r><w:t>段落{i}の本文、コンセンドされた項目 {}。</w:t></w:r></w:p>",
            i * 7919
        )
    };
    let empty = |_| "<w:p/>".to_owned();
    let cells = |_| "<w:tbl><w:tr><w:tc/><w:tc/><w:tc/><w:tc/></w:tr></w:tbl>".to_owned();
    let honest = docx_with(&document(bytes, text));
    vec![
        Input {
            name: "Word: paragraphs of text",
            bytes: honest.clone(),
        },
        Input {
            name: "Word: empty paragraphs",
            bytes: docx_with(&document(bytes, empty)),
        },
        Input {
            name: "Word: empty table cells",
            bytes: docx_with(&document(bytes, cells)),
        },
        Input {
            name: "Word: size header lies",
            bytes: lying_about_size(honest, 3000),
        },
    ]
}
