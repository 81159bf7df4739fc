//! Figures, not a test: each importer and the checks over generated inputs of growing
//! size, with the time taken and the memory used beyond what the input itself holds, so
//! that linear growth (or a refusal) can be seen. `make bench` runs it in release, each
//! 16 MiB figure beside its aim; docs/performance.md keeps the figures.

#[path = "../tests/common/large.rs"]
mod large;

use std::collections::HashMap;
use std::time::Instant;

/// A field of /proc/self/status, in MiB.
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Runs `f`, returning its result, seconds taken and the peak memory beyond the memory
/// in use before (the kernel's high-water mark, reset first). Each input is measured in
/// a process of its own, so that no memory kept from an earlier one hides a peak.
fn measure<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    // Writing 5 to clear_refs resets the peak resident size (Linux).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_mib("VmRSS:");
    let started = Instant::now();
    let result = f();
    let seconds = started.elapsed().as_secs_f64();
    (result, seconds, status_mib("VmHWM:") - before)
}

/// The largest text read (`MAX_TEXT`); Word files are given twice as much unpacked.
const LARGEST: usize = 16 << 20;
const SIZES: [usize; 3] = [1 << 20, 4 << 20, LARGEST];

fn inputs(size: usize) -> Vec<large::Input> {
    let mut all = large::texts(size);
    all.extend(large::docxs(size * 2));
    all
}

/// One input (by size and index) imported and checked; one line per step.
fn run_one(size: usize, index: usize) {
    let input = inputs(size).swap_remove(index);
    let mib = |n: usize| n as f64 / (1 << 20) as f64;
    let (result, seconds, extra) = measure(|| rapporteur_import::import(&input.bytes));
    let outcome = match &result {
        Ok(imported) => format!(
            "imported: {} sections, {} free-text parts",
            imported.report.sections.len(),
            imported.notice.free_text.len()
        ),
        Err(e) => format!("refused: {e}"),
    };
    println!(
        "| {} | {:.1} | {:.2} | {:.0} | {} |",
        input.name,
        mib(input.bytes.len()),
        seconds,
        extra,
        outcome.chars().take(100).collect::<String>()
    );
    if size == LARGEST {
        // The promise of docs/performance.md: a 16 MiB file read or refused within a
        // few seconds and a few hundred MB.
        let name = input.name;
        println!(
            r#"bench: {{"name": "import 16 MiB, {name} (s)", "value": {seconds:.3}, "unit": "s", "aim": 5}}"#
        );
        println!(
            r#"bench: {{"name": "import 16 MiB, {name} (MiB)", "value": {extra:.0}, "unit": "MiB", "aim": 400}}"#
        );
    }
    if let Ok(imported) = result {
        drop(input);
        let (found, seconds, extra) =
            measure(|| rapporteur_checks::check(&imported.report, &HashMap::new()));
        println!(
            "| … its checks | | {seconds:.2} | {extra:.0} | {} findings |",
            found.len()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, size, index] = args.as_slice() {
        run_one(size.parse().unwrap(), index.parse().unwrap());
        return;
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at start: {}\n",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("| input | MiB | seconds | extra MiB | result |");
    println!("|---|---:|---:|---:|---|");
    let me = std::env::current_exe().unwrap();
    for size in SIZES {
        for index in 0..inputs(size).len() {
            let status = std::process::Command::new(&me)
                .args([size.to_string(), index.to_string()])
                .status()
                .unwrap();
            assert!(status.success(), "{size} {index}: {status}");
        }
    }
}
