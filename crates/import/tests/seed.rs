//! The published seed (text extracted from its PDF) imports to the example report's
//! outcomes, authors and meeting facts.

use rapporteur_format::read_report;
use rapporteur_import::import;
use rapporteur_model::{Action, Report};

const SEED: &[u8] = include_bytes!("../../../tests/fixtures/sg17-2025-12-report.txt");
const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

/// (Question, id, title, action) of every outcome, in document order.
fn outcomes(report: &Report) -> Vec<(u32, Option<String>, String, Action)> {
    report
        .outcomes()
        .into_iter()
        .map(|(_, q, o)| (q.number, o.id.clone(), o.title.clone(), o.action))
        .collect()
}

#[test]
fn the_seed_imports_to_the_examples_outcomes() {
    let imported = import(SEED).expect("the seed imports");
    let example = read_report(EXAMPLE).unwrap();
    let wanted = outcomes(&example);
    let got = outcomes(&imported.report);
    let recovered = wanted.iter().filter(|o| got.contains(o)).count();
    println!(
        "recovered {recovered} of the example's {} outcomes exactly (id, title, action)",
        wanted.len()
    );
    for missing in wanted.iter().filter(|o| !got.contains(o)) {
        println!("missing: {missing:?}");
    }
    for extra in got.iter().filter(|o| !wanted.contains(o)) {
        println!("extra: {extra:?}");
    }
    println!("{}", imported.notice.counts());
    assert_eq!(recovered, wanted.len());
    assert_eq!(got, wanted, "no outcome more, none out of order");
}
