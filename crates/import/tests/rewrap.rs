//! The same report whatever the layout: any generated report (both presets, English
//! too) → its text export → re-wrapped at a width from 16 to 60 columns, words broken
//! with hyphens and ids broken after dots and hyphens, page numbers, form feeds and
//! running headers between lines → import → the same outcomes (id, title, action),
//! meeting facts and headings. `RAPPORTEUR_FUZZ_CASES` sets how many cases run
//! (300 in `make test`; `make fuzz` a tenth of its count, 10,000, each case being a
//! whole report), and the figure is printed.

#[path = "../../format/tests/support/fuzz_cases.rs"]
mod fuzz_cases;
#[path = "common/rewrap.rs"]
mod rewrap;

use fuzz_cases::fuzz_cases;
use rapporteur_format::read_report;
use rapporteur_import::import_text;
use rewrap::{essentials, outcomes_found, report, rewrap, text_export, Rng};

/// Case `seed`: the outcomes wanted and found, and whether the meeting's facts and the
/// headings came back.
fn one(seed: u64) -> (usize, usize, bool, String) {
    let mut rng = Rng::new(seed);
    let original = report(&mut rng);
    let columns = rng.between(16, 60);
    let text = rewrap(&text_export(&original), columns, &mut rng);
    let want = essentials(&original);
    let got = match import_text(text.as_bytes()) {
        Ok(imported) => essentials(&imported.report),
        Err(e) => {
            return (
                want.outcomes.len(),
                0,
                false,
                format!("refused: {e}\n{text}"),
            )
        }
    };
    let found = outcomes_found(&want, &got);
    let rest = got.meeting == want.meeting && got.headings == want.headings;
    let why = if found == want.outcomes.len() && rest {
        String::new()
    } else {
        let missing: Vec<_> = want
            .outcomes
            .iter()
            .filter(|o| !got.outcomes.contains(o))
            .collect();
        let extra: Vec<_> = got
            .outcomes
            .iter()
            .filter(|o| !want.outcomes.contains(o))
            .collect();
        let meeting = if got.meeting == want.meeting {
            String::new()
        } else {
            format!("meeting: want {:?}\n got {:?}\n", want.meeting, got.meeting)
        };
        let headings = if got.headings == want.headings {
            String::new()
        } else {
            format!(
                "headings: want {:?}\n got {:?}\n",
                want.headings, got.headings
            )
        };
        format!(
            "case {seed} ({:?}, {:?}) at {columns} columns\nmissing {missing:?}\nextra {extra:?}\n{meeting}{headings}",
            original.language, original.style.preset
        )
    };
    (want.outcomes.len(), found, rest, why)
}

#[test]
fn any_report_wrapped_at_any_width_imports_to_the_same_outcomes() {
    let n = fuzz_cases(300) as usize;
    let (mut wanted, mut found, mut whole) = (0, 0, 0);
    let mut first_failure = None;
    let mut failures = 0;
    for seed in 0..n as u64 {
        let (w, f, rest, why) = one(seed);
        wanted += w;
        found += f;
        if rest {
            whole += 1;
        }
        if !why.is_empty() {
            failures += 1;
            if failures <= 5 {
                println!("{why}");
            }
            first_failure.get_or_insert(why);
        }
    }
    let share = found as f64 / wanted.max(1) as f64;
    println!(
        "rewrap: {found} of {wanted} outcomes ({:.2} %) over {n} cases; meeting facts and headings whole in {whole} of {n}",
        share * 100.0
    );
    assert!(
        share >= 0.99,
        "{:.2} % of outcomes; first failure: {}",
        share * 100.0,
        first_failure.unwrap_or_default()
    );
    assert!(
        whole * 100 >= n * 99,
        "facts or headings lost in {} cases; first failure: {}",
        n - whole,
        first_failure.unwrap_or_default()
    );
}

/// The published example, at every width from 16 to 60, with page furniture: every
/// outcome, its meeting's facts and its headings come back (a title with a line-end
/// hyphen the evidence did not decide, with the other reading the notice shows).
#[test]
fn the_example_at_every_width_imports_whole() {
    let example = read_report(include_str!("../../../examples/sg17-2025-12.report.json")).unwrap();
    let kanji = read_report(include_str!(
        "../../../tests/fixtures/sg17-2020-03-kanji.report.json"
    ))
    .unwrap();
    for (name, original) in [("example", &example), ("kanji fixture", &kanji)] {
        let want = essentials(original);
        let text = text_export(original);
        for columns in 16..=60 {
            let mut rng = Rng::new(columns as u64);
            let wrapped = rewrap(&text, columns, &mut rng);
            let imported = import_text(wrapped.as_bytes()).unwrap();
            let mut got = essentials(&imported.report);
            // A hyphen the evidence did not decide is shown with its other reading.
            for outcome in &mut got.outcomes {
                for reading in &imported.notice.hyphens {
                    if !want.outcomes.contains(outcome) {
                        outcome.2 = outcome.2.replace(&reading.read, &reading.other);
                    }
                }
            }
            for (i, (g, w)) in got.outcomes.iter().zip(&want.outcomes).enumerate() {
                assert_eq!(g, w, "{name} at {columns} columns, outcome {i}:\n{wrapped}");
            }
            assert_eq!(
                got.outcomes.len(),
                want.outcomes.len(),
                "{name} at {columns} columns:\n{wrapped}"
            );
            assert_eq!(got.meeting, want.meeting, "{name} at {columns} columns");
            assert_eq!(got.headings, want.headings, "{name} at {columns} columns");
        }
    }
}
