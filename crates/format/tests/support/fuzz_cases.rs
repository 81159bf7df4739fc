//! How many generated cases a property test runs: `RAPPORTEUR_FUZZ_CASES` when set (`make
//! fuzz` sets it high), otherwise the test's own number for `make test`. Shared by the
//! property tests of every crate (included by path), so the variable is read one way.

pub fn fuzz_cases(default: u32) -> u32 {
    std::env::var("RAPPORTEUR_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
