//! `make bench`: what co-authoring costs on real database files. Merging two copies of
//! the example report that each made 500 edits since they were shared; opening and
//! saving a report whose co-authoring document holds 10,000 edits; and the size of that
//! history against the revisions kept. A benchmark, not a test: it prints figures.

use rapporteur_format::read_report;
use rapporteur_model::{Block, Report};
use rapporteur_storage::{compact_documents, compact_documents_after, Store};
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/figures.rs"]
mod figures;
use figures::{figure, ms};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
/// The save's p50 in `save_bench` before reports had co-authoring documents (release,
/// docs/performance.md, 2026-12-01): the co-authored save may be at most 2 ms slower.
const SAVE_P50_BEFORE_MS: f64 = 4.29;

/// Edit `n` of a co-author typing: a paragraph grows by a few characters (and, once it
/// is 1,000 characters long, is cut back to its first 500: rewritten, as a paragraph
/// is, rather than growing through 10,000 edits to a size no report has), an outcome's
/// title or the title of the report changes, now and then an outcome is added.
fn edit(report: &mut Report, n: usize, who: &str) {
    match n % 4 {
        0 | 1 => {
            let last = report.sections.len() - 1;
            if let Some(Block::Paragraph { text, .. }) = report.sections[last].blocks.first_mut() {
                if text.chars().count() >= 1_000 {
                    *text = text.chars().take(500).collect();
                }
                text.push_str(if n.is_multiple_of(8) { "、" } else { "審議" });
            }
        }
        2 => {
            if let Some(question) = report.sections[2].sections[0]
                .blocks
                .iter_mut()
                .find_map(|b| match b {
                    Block::Question(q) => Some(q),
                    _ => None,
                })
            {
                let outcome = n / 4 % question.outcomes.len();
                question.outcomes[outcome].title = format!("{who} revised title {n}");
                if n % 100 == 2 {
                    let mut added = question.outcomes[0].clone();
                    added.uid = Default::default();
                    added.id = Some(format!("X.{who}{n}"));
                    question.outcomes.push(added);
                }
            }
        }
        _ => report.title = format!("ITU-T SG17第2回会合報告（{who} {n}）"),
    }
}

/// How many saves the bench makes between two compactions of the co-authoring documents:
/// the app compacts when it has been idle for two seconds, which a user typing for a
/// minute or two gives it.
const SAVES_BETWEEN_IDLES: usize = 100;

/// `edits` saves of edits to report `id`, each read back as the editor would have it, the
/// documents compacted as the app's housekeeping would (not timed: it is not a save).
fn make_edits(store: &mut Store, id: i64, edits: usize, who: &str) -> Vec<Duration> {
    let mut report = store.report(id).expect("read").report;
    let mut saves = Vec::with_capacity(edits);
    for n in 0..edits {
        edit(&mut report, n, who);
        let started = Instant::now();
        store.save_report(id, &report).expect("save");
        saves.push(started.elapsed());
        if n % 50 == 49 {
            // The editor gets the identities of what it added with the next reading.
            report = store.report(id).expect("read").report;
        }
        if n % SAVES_BETWEEN_IDLES == SAVES_BETWEEN_IDLES - 1 {
            compact_documents(store.path()).expect("compact");
        }
    }
    saves
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("rapporteur-collab-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the databases");
    merge(&dir);
    long_history(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two co-authors, 500 edits each since the share, merged (five times, each on a fresh
/// copy of the first one's database).
fn merge(dir: &Path) {
    const EDITS: usize = 500;
    let example = read_report(EXAMPLE).expect("the example is valid");
    let (aoki_db, brown_db) = (dir.join("aoki.sqlite3"), dir.join("brown.sqlite3"));
    let mut aoki = Store::open(&aoki_db).expect("open");
    let mut brown = Store::open(&brown_db).expect("open");
    aoki.set_author_name("Aoki").expect("name");
    brown.set_author_name("Brown").expect("name");
    let id = aoki.create_report(&example).expect("create");
    let copy = brown
        .import_share_file(&aoki.share_file(id).expect("share"))
        .expect("import")
        .id;
    make_edits(&mut aoki, id, EDITS, "aoki");
    make_edits(&mut brown, copy, EDITS, "brown");
    let theirs = brown.share_file(copy).expect("share");
    drop(aoki);
    let mut runs = Vec::new();
    let mut summary = None;
    for run in 0..5 {
        let db = dir.join(format!("merge-{run}.sqlite3"));
        copy_database(&aoki_db, &db);
        let mut store = Store::open(&db).expect("open the copy");
        let started = Instant::now();
        let (_, merged) = store.merge_file(id, &theirs).expect("merge");
        runs.push(started.elapsed());
        summary = Some(merged);
    }
    let summary = summary.expect("five runs");
    println!(
        "Merge of a co-author's copy of the example: {EDITS} edits on each side since the share ({} KB share file)",
        theirs.len() / 1024
    );
    println!(
        "  {} changes and {} conflicts reported; median of 5 merges {:.2} ms",
        summary.changes.len(),
        summary.conflicts.len(),
        ms(median(runs.clone()))
    );
    figure(
        "merge of two copies, 500 edits each",
        ms(median(runs)),
        "ms",
        Some(100.0),
    );
}

/// A report whose document holds 10,000 edits: opening it, its saves, and its size.
fn long_history(dir: &Path) {
    const EDITS: usize = 10_000;
    let db = dir.join("long.sqlite3");
    let mut store = Store::open(&db).expect("open");
    store.set_author_name("Aoki").expect("name");
    let id = store
        .create_report(&read_report(EXAMPLE).expect("the example is valid"))
        .expect("create");
    make_edits(&mut store, id, EDITS, "aoki");
    drop(store);

    // Opening: the database, the report, and the first save, which loads its document.
    let started = Instant::now();
    let mut store = Store::open(&db).expect("reopen");
    let mut report = store.report(id).expect("read").report;
    let read = started.elapsed();
    edit(&mut report, 1, "aoki");
    store.save_report(id, &report).expect("first save");
    let open = started.elapsed();
    // The saves that follow, with the document kept loaded.
    let saves = make_edits(&mut store, id, 200, "aoki");
    let save = median(saves);
    // What the housekeeping does with that history when the app is idle: loading it
    // whole, folding the updates into a new snapshot, writing the state anew; after
    // as many saves as the bench lets pile up between two idle moments (fewer than
    // make the next compaction).
    make_edits(&mut store, id, SAVES_BETWEEN_IDLES - 1, "aoki");
    drop(store);
    let started = Instant::now();
    compact_documents_after(&db, 1).expect("compact");
    let compaction = started.elapsed();

    let (history, revisions, kept) = sizes(&db, id);
    println!("A report whose co-authoring document holds {EDITS} edits (the example, typed into)");
    println!(
        "  open {:.2} ms: the database and the report {:.2} ms, then the first save, which loads the document",
        ms(open),
        ms(read)
    );
    println!(
        "  save p50 {:.2} ms (before co-authoring: {SAVE_P50_BEFORE_MS} ms in save_bench)",
        ms(save)
    );
    println!(
        "  its compaction (when the app is idle, not in a save) {:.2} ms",
        ms(compaction)
    );
    println!(
        "  the document {:.2} MB (snapshot and updates) against the {kept} revisions kept, {:.2} MB: {:.2}×",
        history as f64 / 1e6,
        revisions as f64 / 1e6,
        history as f64 / revisions as f64
    );
    figure(
        "open with a history of 10,000 edits, first save included",
        ms(open),
        "ms",
        Some(50.0),
    );
    figure(
        "save p50 with a history of 10,000 edits",
        ms(save),
        "ms",
        Some(SAVE_P50_BEFORE_MS + 2.0),
    );
    figure(
        "compaction of a history of 10,000 edits (idle housekeeping)",
        ms(compaction),
        "ms",
        None,
    );
    figure(
        "history of 10,000 edits / kept revisions",
        history as f64 / revisions as f64,
        "×",
        Some(2.0),
    );
}

/// The bytes of report `id`'s co-authoring document (snapshot, state and updates), of its kept revisions, and how many
/// revisions are kept, read from the file.
fn sizes(db: &Path, id: i64) -> (i64, i64, i64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let one = |sql: &str| -> i64 { conn.query_row(sql, [id], |r| r.get(0)).expect(sql) };
    let history = one(
        "SELECT length(snapshot) + coalesce(length(state), 0) FROM collab_documents WHERE report_id = ?1",
    )
        + one("SELECT coalesce(sum(length(bytes)), 0) FROM collab_updates WHERE report_id = ?1");
    let revisions = one("SELECT sum(length(document)) FROM revisions WHERE report_id = ?1");
    let kept = one("SELECT count(*) FROM revisions WHERE report_id = ?1");
    (history, revisions, kept)
}

/// A copy of the database at `from`, whole (its log checkpointed first).
fn copy_database(from: &Path, to: &Path) {
    let conn = rusqlite::Connection::open(from).expect("open");
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])
        .expect("copy");
}
