//! The stable identity of each element of a report's lists — a section, a block, an
//! outcome, a schedule row, an author, a bullet item — so that "the same row" is known
//! across saves, files and co-authors' copies, whatever was moved, added or deleted.

use serde::{Deserialize, Serialize};
use specta::Type;

/// An element's identity: 1 to 64 ASCII letters, digits, `-` or `_`; empty while the
/// element has none yet (a file of the first release, an element the editor just added),
/// until [`complete`] gives it one.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, Type,
)]
#[serde(transparent)]
pub struct Uid(String);

/// The longest identity a file may carry.
pub const MAX_UID_LEN: usize = 64;

impl Uid {
    /// A new identity, random (64 bits, as 16 hexadecimal digits): co-authors adding rows
    /// at the same moment on different machines must not make the same one.
    pub fn random() -> Uid {
        let mut bytes = [0u8; 8];
        // The system's random source cannot fail on the systems the app runs on; should it,
        // the clock and a counter still make identities distinct within this process.
        if getrandom::fill(&mut bytes).is_err() {
            bytes = fallback_bytes();
        }
        Uid(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The identity written as `text`, if it is one.
    pub fn parse(text: &str) -> Option<Uid> {
        let well_formed = (1..=MAX_UID_LEN).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        well_formed.then(|| Uid(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Uid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn fallback_bytes() -> [u8; 8] {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    (nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(48)).to_be_bytes()
}

/// Gives every element of `report` an identity of its own: a missing one gets a new one,
/// and so does the second of two elements carrying the same (a copied section), and a
/// bullet list's `item_uids` are made as long as its `items`. Returns whether anything
/// changed. Existing, distinct identities are kept as they are.
pub fn complete(report: &mut crate::Report) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut changed = false;
    for_each_uid(report, &mut |uid| {
        if uid.is_empty() || !seen.insert(uid.clone()) {
            *uid = fresh(&seen);
            seen.insert(uid.clone());
            changed = true;
        }
    });
    changed
}

fn fresh(seen: &std::collections::HashSet<Uid>) -> Uid {
    loop {
        let uid = Uid::random();
        if !seen.contains(&uid) {
            return uid;
        }
    }
}

/// Calls `f` with the identity of every element of `report`, in document order (each
/// section before its blocks and subsections), after making each bullet list's
/// `item_uids` as long as its items.
pub fn for_each_uid(report: &mut crate::Report, f: &mut impl FnMut(&mut Uid)) {
    for_each_uid_at(report, &mut |_, uid| f(uid));
}

/// As [`for_each_uid`], with each element's place: its path of indexes and, for a
/// block, its type (`s2/s0/b1:question/3`).
fn for_each_uid_at(report: &mut crate::Report, f: &mut impl FnMut(&str, &mut Uid)) {
    for (i, author) in report.authors.iter_mut().enumerate() {
        f(&format!("a{i}"), &mut author.uid);
    }
    fn sections(list: &mut [crate::Section], above: &str, f: &mut impl FnMut(&str, &mut Uid)) {
        for (s, section) in list.iter_mut().enumerate() {
            let place = format!("{above}s{s}/");
            f(&place, &mut section.uid);
            for (b, block) in section.blocks.iter_mut().enumerate() {
                let place = format!("{place}b{b}:{}/", block.kind());
                f(&place, block.uid_mut());
                let mut each = |i: usize, uid: &mut Uid| f(&format!("{place}{i}"), uid);
                match block {
                    crate::Block::Bullets {
                        items, item_uids, ..
                    } => {
                        item_uids.resize_with(items.len(), Uid::default);
                        for (i, uid) in item_uids.iter_mut().enumerate() {
                            each(i, uid);
                        }
                    }
                    crate::Block::Question(question) => {
                        for (i, outcome) in question.outcomes.iter_mut().enumerate() {
                            each(i, &mut outcome.uid);
                        }
                    }
                    crate::Block::Schedule(schedule) => {
                        for (i, row) in schedule.rows.iter_mut().enumerate() {
                            each(i, &mut row.uid);
                        }
                    }
                    crate::Block::Summary { .. } | crate::Block::Paragraph { .. } => {}
                }
            }
            sections(&mut section.sections, &place, f);
        }
    }
    sections(&mut report.sections, "", f);
}

/// `report` without its identities: what it says, for comparing two reports' content.
pub fn cleared(report: &crate::Report) -> crate::Report {
    let mut report = report.clone();
    for_each_uid(&mut report, &mut |uid| *uid = Uid::default());
    for_each_bullets(&mut report, &mut |item_uids| item_uids.clear());
    report
}

fn for_each_bullets(report: &mut crate::Report, f: &mut impl FnMut(&mut Vec<Uid>)) {
    fn sections(list: &mut [crate::Section], f: &mut impl FnMut(&mut Vec<Uid>)) {
        for section in list {
            for block in &mut section.blocks {
                if let crate::Block::Bullets { item_uids, .. } = block {
                    f(item_uids);
                }
            }
            sections(&mut section.sections, f);
        }
    }
    sections(&mut report.sections, f);
}

/// Whether some element of `report` has no identity yet.
pub fn any_missing(report: &crate::Report) -> bool {
    let mut report = report.clone();
    let mut missing = false;
    for_each_uid(&mut report, &mut |uid| missing |= uid.is_empty());
    missing
}

/// Gives each element of `report` without an identity the one of the element at the same
/// place (and, for a block, of the same type) in `previous`, unless `report` uses that
/// identity elsewhere. An editor that does not know the identities the store gave the
/// elements it added thus keeps them from one save to the next, rather than making the
/// element look deleted and added again at every save.
pub fn adopt(report: &mut crate::Report, previous: &crate::Report) {
    let mut by_place = std::collections::HashMap::new();
    for_each_uid_at(&mut previous.clone(), &mut |place, uid| {
        by_place.insert(place.to_owned(), uid.clone());
    });
    let mut used = std::collections::HashSet::new();
    for_each_uid(report, &mut |uid| {
        used.insert(uid.clone());
    });
    for_each_uid_at(report, &mut |place, uid| {
        if let Some(theirs) = by_place.get(place) {
            if uid.is_empty() && !theirs.is_empty() && used.insert(theirs.clone()) {
                *uid = theirs.clone();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_identities_are_well_formed_and_distinct() {
        let a = Uid::random();
        assert_eq!(Uid::parse(a.as_str()), Some(a.clone()));
        assert_eq!(a.as_str().len(), 16);
        assert_ne!(a, Uid::random());
    }

    #[test]
    fn an_element_added_without_identity_adopts_the_one_it_got_at_the_last_save() {
        let mut unsaved = crate::Report::new("t", "ITU-T", "SG17");
        unsaved.sections.push(crate::Section {
            heading: Some("h".into()),
            blocks: vec![crate::Block::summary()],
            ..Default::default()
        });
        let mut saved = unsaved.clone();
        complete(&mut saved);
        // The editor saves again without knowing the identities the store gave.
        let mut again = unsaved.clone();
        again.sections[0].heading = Some("h2".into());
        assert!(any_missing(&again));
        adopt(&mut again, &saved);
        assert!(!any_missing(&again));
        assert_eq!(again.sections[0].uid, saved.sections[0].uid);
        assert_eq!(
            again.sections[0].blocks[0].uid(),
            saved.sections[0].blocks[0].uid()
        );

        // An identity the report uses elsewhere is not taken twice.
        let mut moved = unsaved;
        moved.sections.push(saved.sections[0].clone());
        adopt(&mut moved, &saved);
        assert!(moved.sections[0].uid.is_empty());
    }

    #[test]
    fn parse_refuses_what_is_not_an_identity() {
        for wrong in ["", "a b", "課題", "a.b", &"a".repeat(65)] {
            assert_eq!(Uid::parse(wrong), None, "{wrong}");
        }
        assert!(Uid::parse(&"a".repeat(64)).is_some());
        assert!(Uid::parse("Ab-0_9").is_some());
    }
}
