//! Who made each change a merge brings: read from the merged document's own history, so
//! that edits relayed through a second co-author are still named by the one who made
//! them, not by the one who sent the file.
//!
//! A field's change is the last writer of that field; an added element is its creator; a
//! moved list element its last mover. Removals (and the moves of sections, which Loro's
//! tree does not attribute) are named by the co-authors whose incoming edits changed the
//! list or tree the element was in.

use crate::doc::element_maps;
use loro::{ContainerID, ContainerTrait, LoroDoc, LoroMap, LoroMovableList, ID};
use std::collections::{BTreeSet, HashMap};

/// An element's map in a document, and the list (or the tree of sections) it is in.
pub(crate) struct ElementAt {
    pub map: LoroMap,
    /// `None` for the report itself.
    pub parent: Option<ParentList>,
}

/// The list an element is in, and how to ask it who last moved the element.
pub(crate) enum ParentList {
    /// A movable list, with the element's index in it.
    List(LoroMovableList, usize),
    /// The tree of sections.
    Tree(ContainerID),
}

impl ParentList {
    fn id(&self) -> ContainerID {
        match self {
            ParentList::List(list, _) => list.id(),
            ParentList::Tree(id) => id.clone(),
        }
    }
}

/// Who made the changes a merge brought into a document: the incoming edits, by the
/// containers each changed, and the elements before and after the merge.
pub(crate) struct Authorship {
    by_container: HashMap<ContainerID, BTreeSet<u64>>,
    incoming: BTreeSet<u64>,
    before: HashMap<String, ElementAt>,
    after: HashMap<String, ElementAt>,
    names: HashMap<u64, String>,
}

impl Authorship {
    /// For a merge into `ours` (as it was before) that made `merged`. `names` are the
    /// document's names of its peers; a peer without one is left out of what is said.
    pub fn new(ours: &LoroDoc, merged: &LoroDoc, names: HashMap<u64, String>) -> Authorship {
        let ours_vv = ours.oplog_vv();
        let mut by_container: HashMap<ContainerID, BTreeSet<u64>> = HashMap::new();
        let mut incoming = BTreeSet::new();
        for (&peer, &end) in merged.oplog_vv().iter() {
            let start = ours_vv.get(&peer).copied().unwrap_or(0);
            let len = usize::try_from(end - start).unwrap_or(0);
            if len == 0 {
                continue;
            }
            incoming.insert(peer);
            for container in merged.get_changed_containers_in(ID::new(peer, start), len) {
                by_container.entry(container).or_default().insert(peer);
            }
        }
        Authorship {
            by_container,
            incoming,
            before: element_maps(ours),
            after: element_maps(merged),
            names,
        }
    }

    /// Who added the element `uid`: its creator.
    pub fn added(&self, uid: &str) -> Vec<String> {
        self.after.get(uid).map_or_else(Vec::new, |at| {
            self.this_or_changed(creator(&at.map), &at.map.id())
        })
    }

    /// Who changed `field` of the element `uid`: the last writer of the value kept.
    pub fn edited(&self, uid: &str, field: &str) -> Vec<String> {
        self.after.get(uid).map_or_else(Vec::new, |at| {
            self.this_or_changed(at.map.get_last_editor(field), &at.map.id())
        })
    }

    /// Who moved the element `uid`: its last mover in a list; for a section, whoever
    /// changed the tree of sections.
    pub fn moved(&self, uid: &str) -> Vec<String> {
        match self.after.get(uid).and_then(|at| at.parent.as_ref()) {
            Some(ParentList::List(list, index)) => {
                self.this_or_changed(list.get_last_mover_at(*index), &list.id())
            }
            Some(tree) => self.changed(&tree.id()),
            None => Vec::new(),
        }
    }

    /// Who removed the element `uid`: whoever changed the list it was in.
    pub fn removed(&self, uid: &str) -> Vec<String> {
        match self.before.get(uid).and_then(|at| at.parent.as_ref()) {
            Some(parent) => self.changed(&parent.id()),
            None => Vec::new(),
        }
    }

    fn changed(&self, container: &ContainerID) -> Vec<String> {
        self.named(self.by_container.get(container).into_iter().flatten())
    }

    /// `peer` if its edits came in with the merge, else whoever changed `container`.
    fn this_or_changed(&self, peer: Option<u64>, container: &ContainerID) -> Vec<String> {
        match peer {
            Some(peer) if self.incoming.contains(&peer) => self.named([&peer]),
            _ => self.changed(container),
        }
    }

    fn named<'a>(&self, peers: impl IntoIterator<Item = &'a u64>) -> Vec<String> {
        let names: BTreeSet<&String> = peers
            .into_iter()
            .filter_map(|p| self.names.get(p))
            .collect();
        names.into_iter().cloned().collect()
    }
}

fn creator(map: &LoroMap) -> Option<u64> {
    match map.id() {
        ContainerID::Normal { peer, .. } => Some(peer),
        ContainerID::Root { .. } => None,
    }
}
