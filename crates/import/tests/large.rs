//! Large generated inputs through every importer and the checks: each is read or
//! refused, what is read fits in a report file, and four times the input takes about
//! four times as long, not sixteen. `IMPORT_LARGE_BYTES` sets the smaller size (`make
//! test`: 64 KiB; `make fuzz`: 4 MiB, so the larger is the 16 MiB a text may be), and
//! `RAPPORTEUR_FUZZ_CASES` how many generated mixes run beside the fixed shapes.

mod common;

use common::large;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn small() -> usize {
    std::env::var("IMPORT_LARGE_BYTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64 << 10)
}

fn cases() -> u32 {
    std::env::var("RAPPORTEUR_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
        .map_or(4, |n| (n / 1000).max(4))
}

/// Imports `bytes` and checks what it reads; the shorter time of two runs (the machine
/// is shared).
fn timed(bytes: &[u8]) -> Duration {
    (0..2)
        .map(|_| {
            let started = Instant::now();
            if let Ok(imported) = rapporteur_import::import(bytes) {
                let file = rapporteur_format::write_report(&imported.report);
                assert!(file.len() as u64 <= rapporteur_format::MAX_REPORT_FILE);
                rapporteur_checks::check(&imported.report, &std::collections::HashMap::new());
            }
            started.elapsed()
        })
        .min()
        .unwrap()
}

/// Four times the input in at most eight times the time (linear is four, quadratic
/// sixteen), with a little slack for what is too quick to time.
fn assert_linear(name: &str, one: &[u8], four: &[u8]) {
    let (t1, t4) = (timed(one), timed(four));
    assert!(
        t4 <= t1 * 8 + Duration::from_millis(100),
        "{name}: {} bytes took {t1:?}, {} bytes {t4:?}",
        one.len(),
        four.len()
    );
}

#[test]
fn every_shape_takes_linear_time() {
    let n = small();
    let fours = large::texts(4 * n).into_iter().chain(large::docxs(8 * n));
    for (one, four) in large::texts(n)
        .into_iter()
        .chain(large::docxs(2 * n))
        .zip(fours)
    {
        assert_linear(one.name, &one.bytes, &four.bytes);
    }
}

/// Pieces of a report, repeated to a size.
fn mix() -> impl Strategy<Value = Vec<&'static str>> {
    let pieces = [
        "課題1では、",
        "X.1250 (題名) ",
        "及び",
        "がデターミネーションされた。",
        "\n",
        "\n\n",
        "1. 見出し\n\n",
        "- 項目\n",
        "■表1. 会合\n\n",
        "a\tb\tc\n",
        "今回の会合は、",
        "2026年6月2日(火)",
        "～11日(木)",
        "(",
        "）",
        "デタミネーション",
        "コンセンド",
        "ラポーダ",
        "12\n\n",
        "Page 3\n\n",
        "require-\nments ",
        "ヘッダ\n\n",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 1..40)
}

fn repeated(pieces: &[&str], bytes: usize) -> Vec<u8> {
    let unit = pieces.concat();
    let mut text = String::from("題\n\n1. はじめに\n\n");
    while text.len() + unit.len() <= bytes {
        text.push_str(&unit);
    }
    text.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_mixes_take_linear_time(pieces in mix()) {
        let n = small();
        assert_linear(&format!("{pieces:?}"), &repeated(&pieces, n), &repeated(&pieces, 4 * n));
    }
}
