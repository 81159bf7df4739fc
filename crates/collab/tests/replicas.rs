//! Three co-authors edit their copies at random (text, numbers, dates; adding, deleting
//! and moving sections, blocks, outcomes, rows and bullet items) and exchange their
//! updates in random order, with duplicates and delays. All copies must end with the
//! same report, which the strict file reader takes, holding every edit no one else
//! touched.

#[path = "../../format/tests/support/fuzz_cases.rs"]
mod fuzz_cases;
mod support;

use fuzz_cases::fuzz_cases;
use proptest::prelude::*;
use rapporteur_collab::ReportDoc;
use rapporteur_model::{Block, Outcome, Report, ScheduleDate, ScheduleRow, Section, Uid};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
enum Step {
    Edit {
        replica: usize,
        op: u8,
        a: usize,
        b: usize,
    },
    /// Delivers the message at this place of the queue (modulo its length).
    Deliver { pick: usize, duplicate: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..3usize, 0..14u8, any::<usize>(), any::<usize>())
            .prop_map(|(replica, op, a, b)| Step::Edit { replica, op, a, b }),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(pick, duplicate)| Step::Deliver { pick, duplicate }),
    ]
}

/// A smaller report than the example, so that many cases run: its first two sections,
/// one Working Party section and the schedule section.
fn base() -> Report {
    let mut report = support::example();
    let wp = report.sections[2].sections[0].clone();
    let schedule = report.sections[3].clone();
    report.sections.truncate(2);
    report.sections.push(wp);
    report.sections.push(schedule);
    report.sections[0].blocks.push(Block::Bullets {
        uid: Uid::default(),
        items: vec!["一".into(), "二".into(), "三".into()],
        boilerplate: false,
        item_uids: Vec::new(),
    });
    rapporteur_model::uid::complete(&mut report);
    report
}

/// What the test knows of the edits made: the last value each replica set for a field,
/// the elements added and those deleted.
#[derive(Default)]
struct Ledger {
    /// (element, field) → (replica, value) of every setting.
    sets: HashMap<(Uid, &'static str), Vec<(usize, String)>>,
    added: Vec<Uid>,
    deleted: HashSet<Uid>,
}

fn root_sections_with_blocks(report: &mut Report) -> Vec<&mut Section> {
    report
        .sections
        .iter_mut()
        .filter(|s| !s.blocks.is_empty())
        .collect()
}

/// One random edit by `replica` on `report`; records it in the ledger.
fn random_edit(
    report: &mut Report,
    replica: usize,
    op: u8,
    a: usize,
    b: usize,
    n: usize,
    ledger: &mut Ledger,
) {
    let value = format!("r{replica}-{n}");
    let sections = report.sections.len();
    match op {
        0 => {
            report.meeting.city = Some(value.clone());
            ledger
                .sets
                .entry((Uid::default(), "city"))
                .or_default()
                .push((replica, value));
        }
        1 => {
            report.meeting.temporary_documents = Some(n as u32);
            ledger
                .sets
                .entry((Uid::default(), "temporary_documents"))
                .or_default()
                .push((replica, n.to_string()));
        }
        2 => {
            let day =
                chrono::NaiveDate::from_ymd_opt(2026, 1 + (a % 12) as u32, 1 + (b % 28) as u32)
                    .unwrap();
            report.meeting.start = Some(day);
            ledger
                .sets
                .entry((Uid::default(), "start"))
                .or_default()
                .push((replica, day.to_string()));
        }
        3 => {
            // A paragraph's text.
            let mut paragraphs: Vec<(Uid, &mut String)> = Vec::new();
            for section in &mut report.sections {
                for block in &mut section.blocks {
                    if let Block::Paragraph { uid, text, .. } = block {
                        paragraphs.push((uid.clone(), text));
                    }
                }
            }
            if !paragraphs.is_empty() {
                let i = a % paragraphs.len();
                *paragraphs[i].1 = value.clone();
                ledger
                    .sets
                    .entry((paragraphs[i].0.clone(), "text"))
                    .or_default()
                    .push((replica, value));
            }
        }
        4 => {
            // A new section with a paragraph.
            let uid = Uid::random();
            report.sections.insert(
                a % (sections + 1),
                Section {
                    uid: uid.clone(),
                    heading: Some(value.clone()),
                    blocks: vec![Block::Paragraph {
                        uid: Uid::default(),
                        text: value,
                        boilerplate: false,
                    }],
                    ..Default::default()
                },
            );
            ledger.added.push(uid);
        }
        5 if sections > 2 => {
            let gone = report.sections.remove(a % sections);
            ledger.deleted.insert(gone.uid);
        }
        6 if sections > 1 => {
            let moved = report.sections.remove(a % sections);
            report.sections.insert(b % sections, moved);
        }
        7 => {
            // A block moved within its section.
            let mut candidates = root_sections_with_blocks(report);
            if !candidates.is_empty() {
                let len = candidates.len();
                let blocks = &mut candidates[a % len].blocks;
                let moved = blocks.remove(b % blocks.len());
                let to = (a / 7) % (blocks.len() + 1);
                blocks.insert(to, moved);
            }
        }
        8..=10 => {
            // The Question's outcomes: add, edit a title, delete or move.
            let Some(question) = report
                .sections
                .iter_mut()
                .flat_map(|s| s.blocks.iter_mut())
                .find_map(|b| match b {
                    Block::Question(q) => Some(q),
                    _ => None,
                })
            else {
                return;
            };
            let outcomes = &mut question.outcomes;
            match (op, outcomes.len()) {
                (8, _) | (_, 0) => {
                    let uid = Uid::random();
                    outcomes.insert(
                        a % (outcomes.len() + 1),
                        Outcome {
                            uid: uid.clone(),
                            id: Some(format!("X.{value}")),
                            title: value,
                            action: rapporteur_model::Action::Agreed,
                            process: None,
                            document: None,
                            gloss: None,
                        },
                    );
                    ledger.added.push(uid);
                }
                (9, len) => {
                    let outcome = &mut outcomes[a % len];
                    outcome.title = value.clone();
                    ledger
                        .sets
                        .entry((outcome.uid.clone(), "title"))
                        .or_default()
                        .push((replica, value));
                }
                (_, len) if b.is_multiple_of(2) => {
                    let gone = outcomes.remove(a % len);
                    ledger.deleted.insert(gone.uid);
                }
                (_, len) => {
                    let moved = outcomes.remove(a % len);
                    outcomes.insert(b % len, moved);
                }
            }
        }
        11 | 12 => {
            // The schedule's rows: add, edit the venue and start, delete or move.
            let Some(schedule) = report
                .sections
                .iter_mut()
                .flat_map(|s| s.blocks.iter_mut())
                .find_map(|b| match b {
                    Block::Schedule(s) => Some(s),
                    _ => None,
                })
            else {
                return;
            };
            let rows = &mut schedule.rows;
            match (op, rows.len(), b % 3) {
                (11, _, 0) | (_, 0, _) => {
                    let uid = Uid::random();
                    rows.insert(
                        a % (rows.len() + 1),
                        ScheduleRow {
                            uid: uid.clone(),
                            meeting: value,
                            start: Some(ScheduleDate::Month {
                                year: 2027,
                                month: 1 + (a % 12) as u32,
                            }),
                            ..Default::default()
                        },
                    );
                    ledger.added.push(uid);
                }
                (11, len, _) => {
                    let row = &mut rows[a % len];
                    row.venue = Some(value.clone());
                    ledger
                        .sets
                        .entry((row.uid.clone(), "venue"))
                        .or_default()
                        .push((replica, value));
                }
                (_, len, 0) => {
                    let gone = rows.remove(a % len);
                    ledger.deleted.insert(gone.uid);
                }
                (_, len, _) => {
                    let moved = rows.remove(a % len);
                    rows.insert(b % len, moved);
                }
            }
        }
        _ => {
            // A bullet item: add, or edit.
            let Some((items, uids)) = report
                .sections
                .iter_mut()
                .flat_map(|s| s.blocks.iter_mut())
                .find_map(|b| match b {
                    Block::Bullets {
                        items, item_uids, ..
                    } => Some((items, item_uids)),
                    _ => None,
                })
            else {
                return;
            };
            if b.is_multiple_of(2) || items.is_empty() {
                let at = a % (items.len() + 1);
                let uid = Uid::random();
                items.insert(at, value);
                uids.insert(at, uid.clone());
                ledger.added.push(uid);
            } else {
                let at = a % items.len();
                items[at] = value.clone();
                ledger
                    .sets
                    .entry((uids[at].clone(), "item"))
                    .or_default()
                    .push((replica, value));
            }
        }
    }
}

/// Every element's identity in `report`, with those of the elements it lies in.
fn ancestry(report: &Report) -> HashMap<Uid, Vec<Uid>> {
    let mut out = HashMap::new();
    fn walk(sections: &[Section], above: &[Uid], out: &mut HashMap<Uid, Vec<Uid>>) {
        for section in sections {
            let mut chain = above.to_vec();
            chain.push(section.uid.clone());
            out.insert(section.uid.clone(), chain.clone());
            for block in &section.blocks {
                let mut inner = chain.clone();
                inner.push(block.uid().clone());
                out.insert(block.uid().clone(), inner.clone());
                let children: Vec<Uid> = match block {
                    Block::Question(q) => q.outcomes.iter().map(|o| o.uid.clone()).collect(),
                    Block::Schedule(s) => s.rows.iter().map(|r| r.uid.clone()).collect(),
                    Block::Bullets { item_uids, .. } => item_uids.clone(),
                    _ => Vec::new(),
                };
                for child in children {
                    let mut leaf = inner.clone();
                    leaf.push(child.clone());
                    out.insert(child, leaf);
                }
            }
            walk(&section.sections, &chain, out);
        }
    }
    walk(&report.sections, &[], &mut out);
    out
}

/// The value of `field` of element `uid` in `report`.
fn field_value(report: &Report, uid: &Uid, field: &str) -> Option<String> {
    if uid.is_empty() {
        return match field {
            "city" => report.meeting.city.clone(),
            "temporary_documents" => report.meeting.temporary_documents.map(|n| n.to_string()),
            _ => report.meeting.start.map(|d| d.to_string()),
        };
    }
    let mut found = None;
    rapporteur_model::visit_sections(&report.sections, &mut |_, _, section| {
        for block in &section.blocks {
            match block {
                Block::Paragraph { uid: u, text, .. } if u == uid => found = Some(text.clone()),
                Block::Question(q) => {
                    for o in q.outcomes.iter().filter(|o| &o.uid == uid) {
                        found = Some(o.title.clone());
                    }
                }
                Block::Schedule(s) => {
                    for r in s.rows.iter().filter(|r| &r.uid == uid) {
                        found = r.venue.clone();
                    }
                }
                Block::Bullets {
                    items, item_uids, ..
                } => {
                    if let Some(i) = item_uids.iter().position(|u| u == uid) {
                        found = Some(items[i].clone());
                    }
                }
                _ => {}
            }
        }
    });
    found
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let start = base();
    let first = ReportDoc::create(&start, 1).unwrap();
    let share = first.share_file().unwrap();
    let replicas = [
        first,
        ReportDoc::open_share_file(&share, 2).unwrap(),
        ReportDoc::open_share_file(&share, 3).unwrap(),
    ];
    // Every message: (to, bytes). Delivered ones stay in the queue (redelivered as
    // duplicates when picked again), marked as delivered.
    let mut queue: Vec<(usize, Vec<u8>, bool)> = Vec::new();
    let mut ledger = Ledger::default();
    let mut every_uid: HashMap<Uid, Vec<Uid>> = ancestry(&start);
    for (n, step) in steps.iter().enumerate() {
        match *step {
            Step::Edit { replica, op, a, b } => {
                let doc = &replicas[replica];
                let before = doc.version();
                let mut report = doc.report().unwrap();
                random_edit(&mut report, replica, op, a, b, n, &mut ledger);
                rapporteur_model::uid::complete(&mut report);
                every_uid.extend(ancestry(&report));
                doc.apply(&report).unwrap();
                let update = doc.updates_since(&before).unwrap();
                for to in (0..3).filter(|&to| to != replica) {
                    queue.push((to, update.clone(), false));
                }
            }
            Step::Deliver { pick, duplicate } if !queue.is_empty() => {
                let i = pick % queue.len();
                let (to, bytes, delivered) = &mut queue[i];
                if !*delivered || duplicate {
                    replicas[*to].import_trusted(bytes).unwrap();
                    *delivered = true;
                }
            }
            Step::Deliver { .. } => {}
        }
    }
    // The rest, newest first (the worst order: each waits for what it builds on).
    for (to, bytes, _) in queue.iter().rev() {
        replicas[*to].import_trusted(bytes).unwrap();
    }
    let reports: Vec<Report> = replicas.iter().map(|r| r.report().unwrap()).collect();
    prop_assert_eq!(&reports[0], &reports[1]);
    prop_assert_eq!(&reports[0], &reports[2]);
    let merged = &reports[0];
    let text = rapporteur_format::write_report_checked(merged).unwrap();
    prop_assert_eq!(&rapporteur_format::read_report(&text).unwrap(), merged);

    let present = ancestry(merged);
    let gone = |uid: &Uid| {
        every_uid
            .get(uid)
            .is_some_and(|chain| chain.iter().any(|u| ledger.deleted.contains(u)))
    };
    for uid in &ledger.added {
        if !gone(uid) {
            prop_assert!(present.contains_key(uid), "added {} is missing", uid);
        }
    }
    for ((uid, field), sets) in &ledger.sets {
        let writers: HashSet<usize> = sets.iter().map(|(r, _)| *r).collect();
        if writers.len() == 1 && !gone(uid) {
            let last = &sets.last().unwrap().1;
            let found = field_value(merged, uid, field);
            prop_assert_eq!(found.as_ref(), Some(last), "{} {}", uid, field);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: fuzz_cases(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn three_replicas_converge_and_keep_every_edit_no_one_else_touched(steps in proptest::collection::vec(step(), 1..40)) {
        run(&steps)?;
    }
}
