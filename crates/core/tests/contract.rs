//! The contract between the error codes and the UI's messages (`ui/src/lib/errors.ts`):
//! `tests/fixtures/contract/error-codes.json` lists every code the Rust side can send,
//! and the UI's `errors.test.ts` checks that each has a message in Japanese and in
//! English that renders its facts. This test checks that the list is every code.
//! Regenerate with `UPDATE_CONTRACTS=1 cargo test -p rapporteur-core --test contract`
//! after adding a code (then the UI's test says which message is missing).

use rapporteur_core::ErrorCode;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/contract/error-codes.json"
);

#[test]
fn the_fixture_lists_every_error_code() {
    let codes: Vec<serde_json::Value> = ErrorCode::ALL
        .iter()
        .map(|code| serde_json::to_value(code).unwrap())
        .collect();
    let mut unique = codes.clone();
    unique.sort_by_key(|c| c.to_string());
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "each code serialises apart");
    let text = serde_json::to_string_pretty(&serde_json::json!({
        "about": "Every error code; written by crates/core/tests/contract.rs, read by ui/src/lib/errors.test.ts",
        "codes": codes,
    })).unwrap() + "\n";
    if std::env::var_os("UPDATE_CONTRACTS").is_some() {
        std::fs::write(FIXTURE, &text).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        committed == text,
        "{FIXTURE} is out of date with ErrorCode: run UPDATE_CONTRACTS=1 cargo test -p rapporteur-core --test contract, then the UI's tests"
    );
}
