//! How the benchmarks print a figure for `make bench`'s table and target/bench.json
//! (scripts/bench_collect.py reads the `bench:` lines).

use std::time::Duration;

/// One figure: its name, value and unit, and the aim it should be within (lower is
/// better), if any.
pub fn figure(name: &str, value: f64, unit: &str, aim: Option<f64>) {
    let aim = aim.map_or("null".to_string(), |a| a.to_string());
    println!(r#"bench: {{"name": "{name}", "value": {value:.3}, "unit": "{unit}", "aim": {aim}}}"#);
}

/// `d` in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
