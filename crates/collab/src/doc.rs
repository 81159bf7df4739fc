//! A report as a Loro document: written from a report as the changes since the
//! document's state (by element identity), read back as a report through the strict
//! file reader.

use crate::authorship::{ElementAt, ParentList};
use crate::shape::{self, Element};
use crate::CollabError;
use loro::{
    Container, ContainerTrait, ExportMode, LoroDoc, LoroMap, LoroMovableList, LoroTree, LoroValue,
    TreeID, TreeParentId, ValueOrContainer, VersionVector,
};
use rapporteur_model::Report;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The root map of facts about the document itself.
const ABOUT: &str = "rapporteur";
/// The version of the document's layout this build writes; a newer one is refused.
pub const LAYOUT_VERSION: i64 = 1;

/// One report's co-authoring document.
pub struct ReportDoc {
    pub(crate) doc: LoroDoc,
}

impl ReportDoc {
    /// A new document holding `report`, its history starting here, made by `peer`. Every
    /// element of `report` must have its identity (`uid::complete`).
    pub fn create(report: &Report, peer: u64) -> Result<ReportDoc, CollabError> {
        let doc = LoroDoc::new();
        doc.set_peer_id(peer)?;
        let about = doc.get_map(ABOUT);
        about.insert("layout", LAYOUT_VERSION)?;
        about.insert("document", rapporteur_model::Uid::random().as_str())?;
        doc.get_tree("sections").enable_fractional_index(0);
        let this = ReportDoc { doc };
        this.apply(report)?;
        Ok(this)
    }

    /// The document of a snapshot this build wrote (from the database, trusted), whole
    /// or its state alone ([`ReportDoc::state`]), with the updates made since. Updates
    /// that build on history the snapshot does not hold are refused.
    pub fn load(snapshot: &[u8], updates: &[Vec<u8>], peer: u64) -> Result<ReportDoc, CollabError> {
        let doc = LoroDoc::from_snapshot(snapshot)?;
        if !updates.is_empty() && doc.import_batch(updates)?.pending.is_some() {
            return Err(CollabError::Incomplete);
        }
        doc.set_peer_id(peer)?;
        doc.get_tree("sections").enable_fractional_index(0);
        Ok(ReportDoc { doc })
    }

    /// The identity of the document, the same in every co-author's copy.
    pub fn document_id(&self) -> String {
        document_id(&self.doc).unwrap_or_default()
    }

    /// Records `name` as the name of this installation's author, so that a merge can say
    /// who made the changes it brings.
    pub fn set_author_name(&self, name: &str) -> Result<(), CollabError> {
        let peers = self.doc.get_map("peers");
        let key = self.doc.peer_id().to_string();
        if peers.get(&key).and_then(|v| v.into_value().ok()) != Some(LoroValue::from(name)) {
            peers.insert(&key, name)?;
        }
        Ok(())
    }

    /// The names the document knows for its peers.
    pub fn author_names(&self) -> HashMap<u64, String> {
        author_names(&self.doc)
    }

    /// Writes `report` as the document's next edit: the changes from the document's
    /// current state, element by element, as Loro operations (moves as moves), committed
    /// as one change. Returns whether anything changed. Every element of `report` must
    /// have its identity.
    pub fn apply(&self, report: &Report) -> Result<bool, CollabError> {
        let before = self.doc.oplog_vv();
        let value = rapporteur_format::to_value(report);
        let Value::Object(mut top) = value else {
            unreachable!("a report is a JSON object")
        };
        top.remove("format");
        top.remove("version");
        let authors = top.remove("authors").unwrap_or_default();
        let sections = top.remove("sections").unwrap_or_default();
        let root = shape::element(&top);
        sync_scalars(&self.doc.get_map("report"), &root.scalars)?;
        let authors: Vec<Element> = objects(&authors).map(shape::element).collect();
        sync_list(&self.doc.get_movable_list("authors"), &authors)?;
        sync_sections(&self.doc.get_tree("sections"), &sections)?;
        self.doc.commit();
        Ok(self.doc.oplog_vv() != before)
    }

    /// The report the document holds now, read by the strict file reader.
    pub fn report(&self) -> Result<Report, CollabError> {
        read_report(&self.doc)
    }

    /// The whole document with its history.
    pub fn snapshot(&self) -> Result<Vec<u8>, CollabError> {
        Ok(self.doc.export(ExportMode::Snapshot)?)
    }

    /// The document's state alone: the report and only as much history as Loro needs to
    /// record further edits (a shallow snapshot). It loads in well under a millisecond
    /// whatever the history, where the whole document's snapshot takes longer the more
    /// edits it holds; the edits recorded in it are the same as in the whole document.
    /// It cannot take a co-author's changes made before it, nor be shared or merged.
    pub fn state(&self) -> Result<Vec<u8>, CollabError> {
        Ok(self.doc.export(ExportMode::StateOnly(None))?)
    }

    /// Whether the document holds its whole history (not loaded from its state alone):
    /// what sharing and merging need.
    pub fn is_whole(&self) -> bool {
        !self.doc.is_shallow()
    }

    /// The peer this document records its edits as.
    pub fn peer(&self) -> u64 {
        self.doc.peer_id()
    }

    /// What the document holds beyond `since`.
    pub fn updates_since(&self, since: &VersionVector) -> Result<Vec<u8>, CollabError> {
        Ok(self.doc.export(ExportMode::updates(since))?)
    }

    /// Commits what was written since the last commit (the author's name).
    pub fn commit(&self) {
        self.doc.commit();
    }

    /// The version the document is at.
    pub fn version(&self) -> VersionVector {
        self.doc.oplog_vv()
    }

    /// Imports updates or a snapshot this build exported, without checking them: for
    /// bytes from the database and from replicas in tests. A colleague's file goes
    /// through [`crate::merge`].
    pub fn import_trusted(&self, bytes: &[u8]) -> Result<(), CollabError> {
        self.doc.import(bytes)?;
        Ok(())
    }
}

/// The names `doc` knows for its peers.
pub(crate) fn author_names(doc: &LoroDoc) -> HashMap<u64, String> {
    let mut names = HashMap::new();
    if let LoroValue::Map(map) = doc.get_map("peers").get_value() {
        for (peer, name) in map.iter() {
            if let (Ok(peer), LoroValue::String(name)) = (peer.parse(), name) {
                names.insert(peer, name.to_string());
            }
        }
    }
    names
}

pub(crate) fn document_id(doc: &LoroDoc) -> Option<String> {
    match doc.get_map(ABOUT).get("document")?.into_value().ok()? {
        LoroValue::String(id) => Some(id.to_string()),
        _ => None,
    }
}

pub(crate) fn layout_version(doc: &LoroDoc) -> Option<i64> {
    match doc.get_map(ABOUT).get("layout")?.into_value().ok()? {
        LoroValue::I64(v) => Some(v),
        _ => None,
    }
}

fn objects(value: &Value) -> impl Iterator<Item = &Map<String, Value>> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn to_loro(value: &Value) -> LoroValue {
    match value {
        Value::Bool(b) => LoroValue::Bool(*b),
        Value::Number(n) => n
            .as_i64()
            .map(LoroValue::I64)
            .unwrap_or_else(|| LoroValue::Double(n.as_f64().unwrap_or_default())),
        Value::String(s) => LoroValue::from(s.as_str()),
        // Only scalars reach here (shape::element); null is an absent field.
        _ => LoroValue::Null,
    }
}

pub(crate) fn to_json(value: &LoroValue) -> Value {
    match value {
        LoroValue::Null | LoroValue::Binary(_) | LoroValue::Container(_) => Value::Null,
        LoroValue::Bool(b) => Value::Bool(*b),
        LoroValue::Double(d) => serde_json::Number::from_f64(*d).map_or(Value::Null, Value::Number),
        LoroValue::I64(i) => Value::from(*i),
        LoroValue::String(s) => Value::String(s.to_string()),
        LoroValue::List(items) => Value::Array(items.iter().map(to_json).collect()),
        LoroValue::Map(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .filter(|(_, v)| !v.is_null())
                .collect(),
        ),
    }
}

/// Sets the map's scalar fields to `scalars`: changed ones written, missing ones deleted,
/// child lists left alone.
fn sync_scalars(map: &LoroMap, scalars: &Map<String, Value>) -> Result<(), CollabError> {
    let mut stale = Vec::new();
    map.for_each(|key, value| {
        if !shape::LIST_KEYS.contains(&key)
            && matches!(value, ValueOrContainer::Value(_))
            && !scalars.contains_key(key)
        {
            stale.push(key.to_owned());
        }
    });
    for key in stale {
        map.delete(&key)?;
    }
    for (key, value) in scalars {
        let wanted = to_loro(value);
        let current = map.get(key).and_then(|v| v.into_value().ok());
        if current.as_ref() != Some(&wanted) {
            map.insert(key, wanted)?;
        }
    }
    Ok(())
}

/// Writes an element into its map: scalars, then each child list.
fn sync_element(map: &LoroMap, element: &Element) -> Result<(), CollabError> {
    sync_scalars(map, &element.scalars)?;
    for (key, children) in &element.lists {
        let list = match map.get(key) {
            Some(ValueOrContainer::Container(Container::MovableList(list))) => list,
            _ => map.insert_container(key, LoroMovableList::new())?,
        };
        sync_list(&list, children)?;
    }
    Ok(())
}

fn uid_of(element: &Element) -> &str {
    element
        .scalars
        .get("uid")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn kind_of(element: &Element) -> Option<&str> {
    element.scalars.get("type").and_then(Value::as_str)
}

fn map_at(list: &LoroMovableList, index: usize) -> Option<LoroMap> {
    match list.get(index)? {
        ValueOrContainer::Container(Container::Map(map)) => Some(map),
        _ => None,
    }
}

fn scalar_str(map: &LoroMap, key: &str) -> Option<String> {
    match map.get(key)?.into_value().ok()? {
        LoroValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}

/// Makes the movable list hold `wanted`, matched by identity: elements no longer wanted
/// are deleted, new ones inserted, the others moved into place and updated in place (so a
/// co-author's concurrent edit of a moved element survives). An element whose block type
/// changed is a new element.
fn sync_list(list: &LoroMovableList, wanted: &[Element]) -> Result<(), CollabError> {
    let wanted_kinds: HashMap<&str, Option<&str>> =
        wanted.iter().map(|e| (uid_of(e), kind_of(e))).collect();
    let mut current: Vec<String> = Vec::with_capacity(list.len());
    for i in (0..list.len()).rev() {
        let map = map_at(list, i);
        let uid = map
            .as_ref()
            .and_then(|m| scalar_str(m, "uid"))
            .unwrap_or_default();
        let kind = map.as_ref().and_then(|m| scalar_str(m, "type"));
        let keep = wanted_kinds
            .get(uid.as_str())
            .is_some_and(|k| *k == kind.as_deref())
            && !current.contains(&uid);
        if keep {
            current.push(uid);
        } else {
            list.delete(i, 1)?;
        }
    }
    current.reverse();
    for (i, element) in wanted.iter().enumerate() {
        let uid = uid_of(element);
        let map = if current.get(i).map(String::as_str) == Some(uid) {
            map_at(list, i).expect("kept elements are maps")
        } else if let Some(from) = current.iter().position(|c| c == uid) {
            list.mov(from, i)?;
            let moved = current.remove(from);
            current.insert(i, moved);
            map_at(list, i).expect("kept elements are maps")
        } else {
            current.insert(i, uid.to_owned());
            list.insert_container(i, LoroMap::new())?
        };
        sync_element(&map, element)?;
    }
    Ok(())
}

/// A section of the file's JSON, flattened depth first: its element (without its
/// subsections), its parent's identity and its index among its siblings.
struct PlacedSection {
    element: Element,
    parent: Option<String>,
}

fn flatten_sections(sections: &Value, parent: Option<&str>, out: &mut Vec<PlacedSection>) {
    for section in objects(sections) {
        let mut own = section.clone();
        let children = own.remove("sections").unwrap_or_default();
        let element = shape::element(&own);
        let uid = uid_of(&element).to_owned();
        out.push(PlacedSection {
            element,
            parent: parent.map(str::to_owned),
        });
        flatten_sections(&children, Some(&uid), out);
    }
}

fn node_uid(tree: &LoroTree, node: TreeID) -> Option<String> {
    scalar_str(&tree.get_meta(node).ok()?, "uid")
}

/// Makes the tree of sections hold `sections`: nodes matched by identity, moved (to
/// another parent or place among their siblings) rather than recreated, so edits a
/// co-author made inside a moved section survive.
fn sync_sections(tree: &LoroTree, sections: &Value) -> Result<(), CollabError> {
    let mut wanted = Vec::new();
    flatten_sections(sections, None, &mut wanted);
    let mut nodes: HashMap<String, TreeID> = HashMap::new();
    for node in tree.nodes() {
        if tree.is_node_deleted(&node).unwrap_or(true) {
            continue;
        }
        if let Some(uid) = node_uid(tree, node) {
            nodes.entry(uid).or_insert(node);
        }
    }
    let parent_id = |parent: &Option<String>, nodes: &HashMap<String, TreeID>| -> TreeParentId {
        match parent {
            None => TreeParentId::Root,
            Some(uid) => TreeParentId::Node(nodes[uid]),
        }
    };
    // Each wanted section under its parent (parents come first, depth first).
    for section in &wanted {
        let uid = uid_of(&section.element).to_owned();
        let parent = parent_id(&section.parent, &nodes);
        match nodes.get(&uid) {
            Some(&node) => {
                if tree.parent(node) != Some(parent) {
                    tree.mov(node, parent)?;
                }
            }
            None => {
                let node = tree.create(parent)?;
                nodes.insert(uid, node);
            }
        }
    }
    // The sections no longer wanted: now that every wanted one is out of them, delete
    // the topmost ones with what is under them.
    let wanted_uids: HashSet<&str> = wanted.iter().map(|s| uid_of(&s.element)).collect();
    let unwanted: Vec<TreeID> = nodes
        .iter()
        .filter(|(uid, _)| !wanted_uids.contains(uid.as_str()))
        .map(|(_, node)| *node)
        .collect();
    for node in &unwanted {
        let topmost = match tree.parent(*node) {
            Some(TreeParentId::Node(parent)) => !unwanted.contains(&parent),
            _ => true,
        };
        if topmost {
            tree.delete(*node)?;
        }
    }
    // Siblings in their order.
    let mut order: HashMap<TreeParentId, Vec<TreeID>> = HashMap::new();
    for section in &wanted {
        order
            .entry(parent_id(&section.parent, &nodes))
            .or_default()
            .push(nodes[uid_of(&section.element)]);
    }
    for (parent, children) in &order {
        for (i, &child) in children.iter().enumerate() {
            let now = tree.children(*parent).unwrap_or_default();
            if now.get(i) != Some(&child) {
                tree.mov_to(child, *parent, i)?;
            }
        }
    }
    for section in &wanted {
        let node = nodes[uid_of(&section.element)];
        sync_element(&tree.get_meta(node)?, &section.element)?;
    }
    Ok(())
}

/// The file-format JSON of the report a document holds.
pub(crate) fn file_value(doc: &LoroDoc) -> Value {
    let mut top = match to_json(&doc.get_map("report").get_deep_value()) {
        Value::Object(map) => shape::unflatten(&map),
        _ => Map::new(),
    };
    let authors = match to_json(&doc.get_movable_list("authors").get_deep_value()) {
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_object)
            .map(|a| Value::Object(shape::unflatten(a)))
            .collect(),
        _ => Vec::new(),
    };
    let tree = doc.get_tree("sections");
    let mut file = Map::new();
    file.insert("format".into(), Value::from(rapporteur_format::FORMAT_NAME));
    file.insert(
        "version".into(),
        Value::from(rapporteur_format::FORMAT_VERSION),
    );
    file.append(&mut top);
    file.insert("authors".into(), Value::Array(authors));
    file.insert(
        "sections".into(),
        Value::Array(read_sections(&tree, TreeParentId::Root)),
    );
    Value::Object(file)
}

fn read_sections(tree: &LoroTree, parent: TreeParentId) -> Vec<Value> {
    let mut sections = Vec::new();
    for node in tree.children(parent).unwrap_or_default() {
        let Ok(meta) = tree.get_meta(node) else {
            continue;
        };
        let Value::Object(flat) = to_json(&meta.get_deep_value()) else {
            continue;
        };
        let mut section = shape::unflatten(&flat);
        shape::mend_section(&mut section);
        let children = read_sections(tree, TreeParentId::Node(node));
        if !children.is_empty() {
            section.insert("sections".into(), Value::Array(children));
        }
        sections.push(Value::Object(section));
    }
    sections
}

/// Every element's map in the document by identity ("" for the report itself), with the
/// list it is in: what a merge's changes are traced back to their authors by.
pub(crate) fn element_maps(doc: &LoroDoc) -> HashMap<String, ElementAt> {
    let mut out = HashMap::new();
    let report = doc.get_map("report");
    list_maps(&report, &mut out);
    out.insert(
        String::new(),
        ElementAt {
            map: report,
            parent: None,
        },
    );
    element_list_maps(&doc.get_movable_list("authors"), &mut out);
    let tree = doc.get_tree("sections");
    for node in tree.nodes() {
        let Ok(meta) = tree.get_meta(node) else {
            continue;
        };
        if tree.is_node_deleted(&node).unwrap_or(true) {
            continue;
        }
        list_maps(&meta, &mut out);
        if let Some(uid) = scalar_str(&meta, "uid") {
            let parent = Some(ParentList::Tree(tree.id()));
            out.entry(uid).or_insert(ElementAt { map: meta, parent });
        }
    }
    out
}

/// The elements of `list` and of the lists within them, into `out`.
fn element_list_maps(list: &LoroMovableList, out: &mut HashMap<String, ElementAt>) {
    for index in 0..list.len() {
        let Some(map) = map_at(list, index) else {
            continue;
        };
        list_maps(&map, out);
        if let Some(uid) = scalar_str(&map, "uid") {
            let parent = Some(ParentList::List(list.clone(), index));
            out.entry(uid).or_insert(ElementAt { map, parent });
        }
    }
}

/// The elements of the child lists of the element `map`, into `out`.
fn list_maps(map: &LoroMap, out: &mut HashMap<String, ElementAt>) {
    for key in shape::LIST_KEYS {
        if let Some(ValueOrContainer::Container(Container::MovableList(list))) = map.get(key) {
            element_list_maps(&list, out);
        }
    }
}

pub(crate) fn read_report(doc: &LoroDoc) -> Result<Report, CollabError> {
    rapporteur_format::read_report_value(&file_value(doc)).map_err(CollabError::Unreadable)
}
