//! `make bench`: how long the history takes to list on a real database file, for a
//! report with 200 kept revisions in 11 entries (the report created, then 10 working
//! sessions; the example report, each save an edit). A benchmark, not a test: it prints
//! figures.

use rapporteur_format::read_report;
use rapporteur_storage::{EntryStart, Store};
use std::time::{Duration, Instant};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const SESSIONS: usize = 10;
const SAVES_PER_SESSION: usize = 20;
/// Each figure is the median of this many listings.
const RUNS: usize = 51;

fn main() {
    let dir = std::env::temp_dir().join(format!("rapporteur-history-bench-{}", std::process::id()));
    let db = dir.join("rapporteur.sqlite3");
    let mut report = read_report(EXAMPLE).expect("the example is valid");
    let mut store = Store::open(&db).expect("open");
    let id = store.create_report(&report).expect("create");
    for session in 0..SESSIONS {
        store.start_entry(id, EntryStart::Opened).expect("open");
        // With the created report's revision, 200 in all.
        for n in usize::from(session == 0)..SAVES_PER_SESSION {
            report.title = format!("ITU-T SG17第2回会合報告 ({session}.{n})");
            store.save_report(id, &report).expect("save");
        }
    }
    drop(store);
    let mut store = Store::open(&db).expect("reopen");

    let shown = store.history(id).expect("history").len();
    let list = median(|| timed(|| store.history(id).expect("history")));
    // The first listing works out what changed in every entry and keeps it.
    let (first, entries) = timed_value(|| store.entries(id).expect("entries").len());
    let kept = median(|| timed(|| store.entries(id).expect("entries")));
    // While the user edits, the newest entry grows and is compared again on each listing.
    let mut n = 0;
    let growing = median(|| {
        n += 1;
        report.title = format!("ITU-T SG17第2回会合報告 (edit {n})");
        store.save_report(id, &report).expect("save");
        timed(|| store.entries(id).expect("entries"))
    });
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);

    println!(
        "History of a report with {shown} kept revisions in {entries} sessions (median of {RUNS})"
    );
    println!(
        "  every revision {:.2} ms   the sessions {:.2} ms (first listing {:.2} ms, newest session grown {:.2} ms)",
        ms(list),
        ms(kept),
        ms(first),
        ms(growing),
    );
    figure(
        &format!("history: list of {shown} revisions"),
        ms(list),
        Some(5.0),
    );
    figure(
        &format!("history: {entries} sessions of {shown} revisions, labelled"),
        ms(kept),
        Some(5.0),
    );
    figure(
        "history: sessions listed after an edit (newest compared again)",
        ms(growing),
        Some(5.0),
    );
}

/// The median of `RUNS` times given by `run`.
fn median(mut run: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS).map(|_| run()).collect();
    times.sort();
    times[RUNS / 2]
}

fn timed<T>(run: impl FnOnce() -> T) -> Duration {
    timed_value(run).0
}

fn timed_value<T>(run: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let value = run();
    (started.elapsed(), value)
}

/// One figure for `make bench`'s table and target/bench.json (scripts/bench_collect.py).
fn figure(name: &str, value: f64, aim: Option<f64>) {
    let aim = aim.map_or("null".to_string(), |a| a.to_string());
    println!(r#"bench: {{"name": "{name}", "value": {value:.3}, "unit": "ms", "aim": {aim}}}"#);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
