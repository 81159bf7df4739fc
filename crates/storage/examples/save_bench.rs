//! `make bench`: how long one save of an edit takes on a real database file (the
//! example report, each edit a new revision), and what opening that database and
//! reading a report's history cost. A benchmark, not a test: it prints figures.

use rapporteur_format::read_report;
use rapporteur_storage::{backups_dir, checkpoint, daily_backup, BackupPace, Store};
use std::time::Instant;

#[path = "support/figures.rs"]
mod figures;
use figures::{figure, ms};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const EDITS: usize = 1_000;
/// How many saves between two checkpoints, which the app makes when idle.
const CHECKPOINT_EVERY: usize = 60;
/// How many backups the saves beside a backup are measured during.
const BACKUPS: usize = 20;

/// The `q` quantile of `sorted`.
fn quantile(sorted: &[std::time::Duration], q: f64) -> std::time::Duration {
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("rapporteur-save-bench-{}", std::process::id()));
    let db = dir.join("rapporteur.sqlite3");
    let mut store = Store::open(&db).expect("open");
    let id = store
        .create_report(&read_report(EXAMPLE).expect("the example is valid"))
        .expect("create");
    // Edited as the editor edits it: as stored, each element with the identity the store
    // gave it (without them, every save reads the last revision to take them from it).
    let mut report = store.report(id).expect("read").report;
    let mut saves = Vec::with_capacity(EDITS);
    let mut checkpoints = Vec::new();
    for n in 0..EDITS {
        report.title = format!("ITU-T SG17第2回会合報告 ({n})");
        let started = Instant::now();
        store.save_report(id, &report).expect("save");
        saves.push(started.elapsed());
        // The app checkpoints when idle, between saves (about a minute of autosaves here).
        if n % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1 {
            let started = Instant::now();
            checkpoint(&db).expect("checkpoint");
            checkpoints.push(started.elapsed());
        }
    }
    // Saves while backups are written beside them, each on its own connection: the
    // daily one as the app makes it (in steps, beside the saves), and for comparison in
    // the same run the same number written at once (as the command line makes it).
    let mut during = |pace: BackupPace| {
        let mut saves = Vec::new();
        let mut times = Vec::new();
        for _ in 0..BACKUPS {
            let backup = {
                let db = db.clone();
                std::thread::spawn(move || {
                    let started = Instant::now();
                    // Due again: the backups folder is emptied before each.
                    let _ = std::fs::remove_dir_all(backups_dir(&db));
                    daily_backup(&db, pace).expect("backup").expect("due");
                    started.elapsed()
                })
            };
            while !backup.is_finished() {
                report.title = format!("ITU-T SG17第2回会合報告 (backup {})", saves.len());
                let started = Instant::now();
                store
                    .save_report(id, &report)
                    .expect("save during a backup");
                saves.push(started.elapsed());
            }
            times.push(backup.join().unwrap());
            checkpoint(&db).expect("checkpoint");
        }
        saves.sort();
        times.sort();
        (saves, times[times.len() / 2])
    };
    let (during_daily, backup_time) = during(BackupPace::BesideSaves);
    let (during_at_once, at_once_time) = during(BackupPace::AtOnce);
    drop(store);
    checkpoints.sort();
    saves.sort();
    let at = |q: f64| quantile(&saves, q);
    let bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!(
        "Save of one edit of the example report ({} KB), {EDITS} edits on a real file (WAL, SQLite's default synchronous = FULL)",
        EXAMPLE.len() / 1024
    );
    println!(
        "  p50 {:.2} ms   p99 {:.2} ms   max {:.2} ms   (database {:.1} MB)",
        ms(at(0.50)),
        ms(at(0.99)),
        ms(*saves.last().unwrap()),
        bytes as f64 / 1e6
    );
    figure("save of one edit, p50", ms(at(0.50)), "ms", Some(10.0));
    figure(
        "save of one edit, p99 / p50",
        ms(at(0.99)) / ms(at(0.50)),
        "×",
        Some(3.0),
    );
    println!(
        "  idle-time checkpoint every {CHECKPOINT_EVERY} saves: median {:.2} ms, max {:.2} ms",
        ms(checkpoints[checkpoints.len() / 2]),
        ms(*checkpoints.last().unwrap())
    );
    for (saves, time, how) in [
        (&during_daily, backup_time, "the daily backup, in steps,"),
        (
            &during_at_once,
            at_once_time,
            "the daily backup written at once,",
        ),
    ] {
        println!(
            "  {} saves during {how} {BACKUPS} times (median {:.1} ms): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            saves.len(),
            ms(time),
            ms(quantile(saves, 0.5)),
            ms(quantile(saves, 0.99)),
            ms(*saves.last().unwrap())
        );
    }
    let p50 = ms(quantile(&during_daily, 0.5));
    figure("save during the daily backup, p50", p50, "ms", Some(10.0));
    figure(
        "save during the daily backup, p99 / p50",
        ms(quantile(&during_daily, 0.99)) / p50,
        "×",
        Some(3.0),
    );
    figure(
        "save during the daily backup written at once, p50",
        ms(quantile(&during_at_once, 0.5)),
        "ms",
        None,
    );
    let started = Instant::now();
    let store = Store::open(&db).expect("reopen");
    let open = started.elapsed();
    let started = Instant::now();
    let history = store.history(id).expect("history");
    let read_history = started.elapsed();
    let started = Instant::now();
    store.report(id).expect("read");
    let read_report_time = started.elapsed();
    drop(store);
    println!(
        "  open {:.2} ms (with quick_check); the daily backup, which the app makes in the background after its window shows: {:.2} ms",
        ms(open),
        ms(backup_time)
    );
    println!(
        "  history of {} revisions {:.2} ms   read the report {:.2} ms",
        history.len(),
        ms(read_history),
        ms(read_report_time)
    );
    figure("open", ms(open), "ms", None);
    figure(
        "daily backup, in the background",
        ms(backup_time),
        "ms",
        None,
    );
    figure(
        &format!("history list of {} revisions", history.len()),
        ms(read_history),
        "ms",
        Some(5.0),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
