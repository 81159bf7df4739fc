//! Figures, not a test: 1,000 varied reports in a real SQLite file, then the latency of
//! search (Japanese words long and short, ids, English) and of the registry lookup.
//! `make bench` runs it; docs/performance.md keeps the figures.

use rapporteur_format::read_report;
use rapporteur_model::{Block, Report};
use rapporteur_storage::Store;
use std::time::{Duration, Instant};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");
const REPORTS: usize = 1_000;
const RUNS: usize = 30;

/// Words that recur across the generated reports, a few in each.
const TOPICS: [&str; 12] = [
    "量子鍵配送",
    "ゼロトラスト",
    "デジタルツイン",
    "メタバース",
    "生成AI",
    "耐量子暗号",
    "サプライチェーン",
    "スパム対策",
    "ブロックチェーン",
    "車載ネットワーク",
    "生体認証",
    "本人確認",
];

const GROUPS: [&str; 11] = [
    "SG2", "SG3", "SG5", "SG9", "SG11", "SG12", "SG13", "SG15", "SG16", "SG17", "SG20",
];

/// A small deterministic generator, so every run measures the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The example made into report `i` of another group, meeting and date, its work items
/// renumbered in part and its paragraphs about other topics.
fn variant(example: &Report, i: usize, rng: &mut Rng) -> Report {
    let mut report = example.clone();
    let group = GROUPS[i % GROUPS.len()];
    let ordinal = (i / GROUPS.len()) as u32 % 9 + 1;
    report.title = format!("ITU-T {group}第{ordinal}回会合報告");
    let m = &mut report.meeting;
    m.group = group.to_owned();
    m.ordinal = Some(ordinal);
    let start =
        chrono::NaiveDate::from_ymd_opt(2015, 1, 5).unwrap() + chrono::Days::new(i as u64 * 4);
    m.start = Some(start);
    m.end = Some(start + chrono::Days::new(8));
    let mut sections = std::mem::take(&mut report.sections);
    for_each_block(&mut sections, &mut |block| match block {
        Block::Paragraph { text, .. } => {
            let topic = TOPICS[rng.below(TOPICS.len())];
            *text = format!("{text}今回は{topic}に関する議論が行われた（会合{i}）。");
        }
        Block::Question(q) => {
            for outcome in &mut q.outcomes {
                if rng.below(2) == 0 {
                    let n = 1000 + rng.below(900);
                    outcome.id = Some(format!("X.{n}"));
                    outcome.title =
                        format!("{} for {}", outcome.title, TOPICS[rng.below(TOPICS.len())]);
                }
            }
        }
        _ => {}
    });
    report.sections = sections;
    report
}

fn for_each_block(sections: &mut [rapporteur_model::Section], f: &mut impl FnMut(&mut Block)) {
    for section in sections {
        section.blocks.iter_mut().for_each(&mut *f);
        for_each_block(&mut section.sections, f);
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `f` for every query `RUNS` times; prints each query's median and hit count, and
/// returns every time measured.
fn measure(label: &str, queries: &[&str], mut f: impl FnMut(&str) -> usize) -> Vec<Duration> {
    let mut all = Vec::new();
    println!("\n{label}");
    for query in queries {
        let mut times = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            found = f(query);
            times.push(started.elapsed());
        }
        times.sort();
        println!(
            "  {query:<22} {found:>3} found   median {}",
            ms(percentile(&times, 0.5))
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "  all: p50 {}, p99 {}, max {}",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.99)),
        ms(*all.last().unwrap())
    );
    all
}

fn main() {
    let example = read_report(EXAMPLE).expect("the example is valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.sqlite3");
    let mut store = Store::open(&path).expect("a new database");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let reports: Vec<Report> = (0..REPORTS)
        .map(|i| variant(&example, i, &mut rng))
        .collect();
    let started = Instant::now();
    for batch in reports.chunks(100) {
        store.add_reports(batch).expect("stored");
    }
    let stored = started.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(dir.path().join("bench.sqlite3-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!(
        "{REPORTS} reports stored in {:.1} s ({} per report, indexing included); database {:.0} MB",
        stored.as_secs_f64(),
        ms(stored / REPORTS as u32),
        size as f64 / 1e6
    );
    let started = Instant::now();
    let mut edited = reports[500].clone();
    edited.title.push_str("（改訂）");
    let id = store
        .list_reports()
        .unwrap()
        .iter()
        .find(|r| r.title == reports[500].title)
        .unwrap()
        .id;
    store.save_report(id, &edited).expect("saved");
    let older = started.elapsed();
    let mut again: Vec<Duration> = (0..RUNS)
        .map(|n| {
            edited.title = format!("{}（改訂{n}）", reports[500].title);
            let started = Instant::now();
            store.save_report(id, &edited).expect("saved");
            started.elapsed()
        })
        .collect();
    again.sort();
    println!(
        "one save of an older report (its search rows all written anew): {}; the same report saved again {RUNS} times (only what changed): median {}, max {}",
        ms(older),
        ms(percentile(&again, 0.5)),
        ms(*again.last().unwrap())
    );
    // The report being typed in: its own ids are left out of the suggestions.
    let newest = store.list_reports().unwrap()[0].id;

    let search = measure(
        "search (at most 50 results)",
        &[
            "量子鍵配送",
            "ゼロトラスト",
            "会合777",
            "セキュリティ",
            "今後の会合の予定",
            "課題",
            "鍵",
            "X.1250rev",
            "X.17",
            "Baseline capabilities",
            "e-meeting",
            "量子 課題",
            "存在しない語句",
        ],
        |q| store.search(q, 50).expect("searched").len(),
    );
    let registry = measure(
        "registry lookup (at most 12 ids, each with its history)",
        &["X.1", "X.17", "x.1250", "1250", "TR.", "sec", "XSTR"],
        |q| store.items(q, 12).expect("looked up").len(),
    );
    let suggestions = measure(
        "id suggestions as the user types in the newest report (at most 20 ids, each with its latest title elsewhere)",
        &["X.", "X.1", "X.17", "x.1250", "1250", "12", "TR.", "sec", "XSTR"],
        |q| {
            store
                .item_suggestions(q, Some(newest), 20)
                .expect("looked up")
                .len()
        },
    );
    println!(
        "\nsearch p50 {} p99 {}; registry p50 {} p99 {}; suggestions p50 {} p99 {}",
        ms(percentile(&search, 0.5)),
        ms(percentile(&search, 0.99)),
        ms(percentile(&registry, 0.5)),
        ms(percentile(&registry, 0.99)),
        ms(percentile(&suggestions, 0.5)),
        ms(percentile(&suggestions, 0.99))
    );
    let at = |times: &[Duration], q| percentile(times, q).as_secs_f64() * 1000.0;
    figure("search over 1,000 reports, p50", at(&search, 0.5), None);
    figure(
        "search over 1,000 reports, p99",
        at(&search, 0.99),
        Some(20.0),
    );
    figure(
        "registry lookup over 1,000 reports, p99",
        at(&registry, 0.99),
        None,
    );
    figure(
        "id suggestions over 1,000 reports, p50",
        at(&suggestions, 0.5),
        None,
    );
    figure(
        "id suggestions over 1,000 reports, p99",
        at(&suggestions, 0.99),
        Some(10.0),
    );
}

/// One figure in milliseconds for `make bench`'s table and target/bench.json
/// (scripts/bench_collect.py).
fn figure(name: &str, ms: f64, aim: Option<f64>) {
    let aim = aim.map_or("null".to_string(), |a| a.to_string());
    println!(r#"bench: {{"name": "{name}", "value": {ms:.3}, "unit": "ms", "aim": {aim}}}"#);
}
