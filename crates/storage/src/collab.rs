//! Each report's co-authoring document (`rapporteur-collab`): kept as a snapshot and the
//! updates appended since, written in the same transaction as the revision each edit
//! produces, so the revisions and the document never disagree.

use crate::entries::{EntryStart, InEntry};
use crate::migrations::{user_version, SCHEMA_VERSION};
use crate::store::{head, insert_report, write_head, Document, NewRevision, Store, BUSY_TIMEOUT};
use crate::{ReportId, StoreError};
use rapporteur_collab::{MergeSummary, ReportDoc, VersionVector};
use rapporteur_model::Report;
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use std::path::Path;

type Result<T> = std::result::Result<T, StoreError>;

/// With this many updates beyond its snapshot, a document is due for compaction
/// (`compact_documents`): loading it whole, as a share or a merge does, imports each.
const COMPACT_AFTER: i64 = 100;

/// How many reports' documents a store keeps loaded: those open in the app's window
/// and the one the user came from.
const KEPT_OPEN: usize = 4;

const PEER_KEY: &str = "collab.peer";
const AUTHOR_KEY: &str = "collab.author";

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The author name recorded with this installation's changes, if set.
pub(crate) fn author_name(conn: &Connection) -> Result<Option<String>> {
    setting(conn, AUTHOR_KEY)
}

/// This installation's peer identity: random, 63 bits, made by the first edit that
/// needs it. Two installations must never share one (Loro would take one's changes for
/// the other's), so it comes from the system's random source.
pub(crate) fn peer(conn: &Connection) -> Result<u64> {
    if let Some(peer) = setting(conn, PEER_KEY)?.and_then(|v| v.parse().ok()) {
        return Ok(peer);
    }
    let random = rapporteur_model::Uid::random();
    let peer = u64::from_str_radix(random.as_str(), 16).unwrap_or(1) >> 1;
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
        params![PEER_KEY, peer.to_string()],
    )?;
    Ok(peer)
}

/// A report's co-authoring document as loaded, with where its stored form stands.
pub(crate) struct OpenDoc {
    pub(crate) doc: ReportDoc,
    /// The head revision of the report it is the document of.
    head: u32,
    /// The number (`seq`) of the last update it holds, 0 for none.
    seq: i64,
}

/// What a document is loaded for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Recording the next edit: its state and the updates since are enough, and load in
    /// a few milliseconds whatever the history.
    Edit,
    /// Sharing or merging with a co-author: the whole history.
    Whole,
}

/// The documents of the reports written last, by report id. One is used again only
/// while the database still holds it as it was (`current`): another process may have
/// saved the report meanwhile.
#[derive(Default)]
pub(crate) struct OpenDocs(Vec<(ReportId, OpenDoc)>);

impl OpenDocs {
    pub(crate) fn take(&mut self, id: ReportId) -> Option<OpenDoc> {
        let at = self.0.iter().position(|(kept, _)| *kept == id)?;
        Some(self.0.remove(at).1)
    }

    fn peek(&self, id: ReportId) -> Option<&OpenDoc> {
        self.0
            .iter()
            .find(|(kept, _)| *kept == id)
            .map(|(_, doc)| doc)
    }

    pub(crate) fn keep(&mut self, id: ReportId, doc: OpenDoc) {
        self.forget(id);
        if self.0.len() >= KEPT_OPEN {
            self.0.remove(0);
        }
        self.0.push((id, doc));
    }

    /// Drops report `id`'s document (the report was deleted).
    pub(crate) fn forget(&mut self, id: ReportId) {
        self.0.retain(|(kept, _)| *kept != id);
    }

    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }
}

/// How report `id`'s document is stored: its identity and the number of its last update
/// (update numbers only grow, compactions included); `None` when the report has none.
struct Stored {
    document_id: String,
    seq: i64,
}

fn stored(conn: &Connection, id: ReportId) -> Result<Option<Stored>> {
    Ok(conn
        .prepare_cached(
            "SELECT document_id,
                    max(snapshot_seq, coalesce((SELECT max(seq) FROM collab_updates WHERE report_id = ?1), 0))
             FROM collab_documents WHERE report_id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Stored {
                document_id: r.get(0)?,
                seq: r.get(1)?,
            })
        })
        .optional()?)
}

/// Whether `open` is report `id`'s document as stored now, at head revision `head`.
fn is_current(open: &OpenDoc, head: u32, stored: &Stored) -> bool {
    open.head == head && open.seq == stored.seq && open.doc.document_id() == stored.document_id
}

/// Report `id`'s document at its head revision `head`, holding what `need` asks: `kept`
/// when it still is that, else loaded from the database; `None` when the report has none.
pub(crate) fn current(
    conn: &Connection,
    id: ReportId,
    head: u32,
    kept: Option<OpenDoc>,
    need: Need,
) -> Result<Option<OpenDoc>> {
    let Some(stored) = stored(conn, id)? else {
        return Ok(None);
    };
    if let Some(open) = kept.filter(|open| {
        is_current(open, head, &stored) && (need == Need::Edit || open.doc.is_whole())
    }) {
        return Ok(Some(open));
    }
    let peer = peer(conn)?;
    let from_state = match need {
        Need::Edit => load_from_state(conn, id, peer)?,
        Need::Whole => None,
    };
    let doc = match from_state {
        Some(doc) => doc,
        None => load_whole(conn, id, peer)?,
    };
    Ok(Some(OpenDoc {
        doc,
        head,
        seq: stored.seq,
    }))
}

/// Report `id`'s updates numbered after `since`, in order.
fn updates_after(conn: &Connection, id: ReportId, since: i64) -> Result<Vec<Vec<u8>>> {
    Ok(conn
        .prepare_cached(
            "SELECT bytes FROM collab_updates WHERE report_id = ?1 AND seq > ?2 ORDER BY seq",
        )?
        .query_map(params![id, since], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Report `id`'s document from its state and the updates after it; `None` when it has no
/// state yet, or (which its writers prevent) updates that do not build on it: the whole
/// document is loaded then, which holds everything.
fn load_from_state(conn: &Connection, id: ReportId, peer: u64) -> Result<Option<ReportDoc>> {
    let (state, since): (Option<Vec<u8>>, i64) = conn
        .prepare_cached("SELECT state, state_seq FROM collab_documents WHERE report_id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let Some(state) = state else {
        return Ok(None);
    };
    Ok(ReportDoc::load(&state, &updates_after(conn, id, since)?, peer).ok())
}

/// Report `id`'s document with its whole history: its snapshot and every update since.
fn load_whole(conn: &Connection, id: ReportId, peer: u64) -> Result<ReportDoc> {
    let snapshot: Vec<u8> = conn
        .prepare_cached("SELECT snapshot FROM collab_documents WHERE report_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    Ok(ReportDoc::load(
        &snapshot,
        &updates_after(conn, id, 0)?,
        peer,
    )?)
}

/// Appends what `open` holds beyond `before` to report `id`'s log as its next update.
fn append(
    tx: &Transaction,
    id: ReportId,
    open: &mut OpenDoc,
    before: &VersionVector,
) -> Result<()> {
    let seq = open.seq + 1;
    tx.prepare_cached("INSERT INTO collab_updates (report_id, seq, bytes) VALUES (?1, ?2, ?3)")?
        .execute(params![id, seq, open.doc.updates_since(before)?])?;
    open.seq = seq;
    if open.doc.is_whole() {
        // A whole document may now hold a co-author's changes, which build on history the
        // stored state lacks, so the state is written anew with them; and the edits that
        // follow are recorded from it: a whole document with a long history takes
        // milliseconds to export each update, its state microseconds.
        let state = open.doc.state()?;
        tx.prepare_cached(
            "UPDATE collab_documents SET state = ?2, state_seq = ?3 WHERE report_id = ?1",
        )?
        .execute(params![id, state, seq])?;
        open.doc = ReportDoc::load(&state, &[], open.doc.peer())?;
    }
    Ok(())
}

/// Starts report `id`'s document at `report` (`shared`, a colleague's, when given).
fn start(
    tx: &Transaction,
    id: ReportId,
    head: u32,
    report: &Report,
    author: Option<&str>,
    shared: Option<ReportDoc>,
) -> Result<OpenDoc> {
    let doc = match shared {
        Some(doc) => doc,
        None => {
            let doc = ReportDoc::create(report, peer(tx)?)?;
            if let Some(name) = author {
                doc.set_author_name(name)?;
            }
            doc
        }
    };
    // Only the columns of migration 0006, which starts every report's document with
    // this: the others start empty (no state yet, no update).
    tx.execute("DELETE FROM collab_updates WHERE report_id = ?1", [id])?;
    tx.execute("DELETE FROM collab_documents WHERE report_id = ?1", [id])?;
    tx.execute(
        "INSERT INTO collab_documents (report_id, document_id, snapshot) VALUES (?1, ?2, ?3)",
        params![id, doc.document_id(), doc.snapshot()?],
    )?;
    Ok(OpenDoc { doc, head, seq: 0 })
}

/// Records `report` (every element with its identity), the content of report `id`'s
/// new head revision `revision`, in its document: a first revision starts the document
/// (with `shared` when the report comes with one), a later one is its next edit, by
/// `author`. The document is kept in `docs` for the next edit.
pub(crate) fn record(
    tx: &Transaction,
    docs: &mut OpenDocs,
    id: ReportId,
    revision: u32,
    report: &Report,
    author: Option<&str>,
    shared: Option<ReportDoc>,
) -> Result<()> {
    let kept = docs.take(id);
    let earlier = match revision {
        1 => None,
        _ => current(tx, id, revision - 1, kept, Need::Edit)?,
    };
    let open = match earlier {
        None => start(tx, id, revision, report, author, shared)?,
        Some(mut open) => {
            // The version before anything this edit writes, the author's name included,
            // so that the update appended holds all of it.
            let before = open.doc.version();
            if open.doc.apply(report)? {
                if let Some(name) = author {
                    open.doc.set_author_name(name)?;
                    open.doc.commit();
                }
                append(tx, id, &mut open, &before)?;
            }
            open.head = revision;
            open
        }
    };
    docs.keep(id, open);
    Ok(())
}

/// Migration 0006's work: each report's document starts at its head revision, whose
/// elements get their identities (written into that revision, which is otherwise the
/// same report).
pub(crate) fn start_every_document(tx: &Transaction) -> Result<()> {
    let heads: Vec<(ReportId, u32, String)> = tx
        .prepare(
            "SELECT r.id, r.head_revision, v.document FROM reports r
             JOIN revisions v ON v.report_id = r.id AND v.number = r.head_revision",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let author = author_name(tx)?;
    for (id, revision, text) in heads {
        let document = Document::of(&rapporteur_format::read_report(&text)?)?;
        if document.0 != text {
            tx.execute(
                "UPDATE revisions SET document = ?3 WHERE report_id = ?1 AND number = ?2",
                params![id, revision, document.0],
            )?;
        }
        start(tx, id, revision, &document.1, author.as_deref(), None)?;
    }
    Ok(())
}

impl Store {
    /// The author name recorded with this installation's changes, if set.
    pub fn author_name(&self) -> Result<Option<String>> {
        self.located(author_name(&self.conn))
    }

    /// Sets the author name recorded with this installation's changes (and with the
    /// revisions saved from now on, in the history).
    pub fn set_author_name(&mut self, name: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = ?2",
                params![AUTHOR_KEY, name],
            )?;
            Ok(())
        })
    }

    /// Records this installation's author name (when set) in report `id`'s document, for
    /// the edits made before the name was given (the app asks for it when the user first
    /// shares): a co-author merging a copy is then told whose edits came in. Nothing is
    /// written when the document has the name already.
    pub fn sign(&mut self, id: ReportId) -> Result<()> {
        self.write_with_docs(|tx, docs| {
            let Some(name) = author_name(tx)? else {
                return Ok(());
            };
            let head = head(tx, id)?.number;
            let mut open = current(tx, id, head, docs.take(id), Need::Edit)?
                .ok_or(StoreError::NotFound(id))?;
            let before = open.doc.version();
            open.doc.set_author_name(&name)?;
            open.doc.commit();
            if open.doc.version() != before {
                append(tx, id, &mut open, &before)?;
            }
            docs.keep(id, open);
            Ok(())
        })
    }

    /// The share file of report `id`: the report with its whole history, for a co-author.
    pub fn share_file(&self, id: ReportId) -> Result<Vec<u8>> {
        self.located((|| {
            let head = head(&self.conn, id)?.number;
            let stored = stored(&self.conn, id)?.ok_or(StoreError::NotFound(id))?;
            if let Some(open) = self
                .docs
                .peek(id)
                .filter(|open| is_current(open, head, &stored) && open.doc.is_whole())
            {
                return Ok(open.doc.share_file()?);
            }
            let open = current(&self.conn, id, head, None, Need::Whole)?
                .ok_or(StoreError::NotFound(id))?;
            Ok(open.doc.share_file()?)
        })())
    }

    /// Merges a co-author's share file into report `id`: the merged report becomes its
    /// newest revision (none when nothing changed), starting a history entry of its own
    /// in the name of the co-authors whose edits came in. A file that is not a valid
    /// copy of this report is refused and nothing changes.
    pub fn merge_file(&mut self, id: ReportId, file: &[u8]) -> Result<(u32, MergeSummary)> {
        self.write_with_docs(|tx, docs| merge_into(tx, docs, id, |doc| doc.merge(file)))
    }

    /// Opens a co-author's share file: merged into the report it is a copy of when that
    /// one is here, or added as a new report linked to the same document.
    pub fn import_share_file(&mut self, file: &[u8]) -> Result<SharedImport> {
        let (_, mut opened) = self.add_reports_and_shares(&[], &[file])?;
        Ok(opened.remove(0))
    }

    /// Adds `reports` as new ones and opens the share files `shares` (as
    /// [`Store::import_share_file`] does), all or none, in one transaction; returns the
    /// reports' ids and what each share file did, in order.
    pub fn add_reports_and_shares(
        &mut self,
        reports: &[Report],
        shares: &[&[u8]],
    ) -> Result<(Vec<ReportId>, Vec<SharedImport>)> {
        let documents = reports
            .iter()
            .map(Document::of)
            .collect::<Result<Vec<_>>>()?;
        let now = chrono::Utc::now();
        self.write_with_docs(|tx, docs| {
            let ids = documents
                .iter()
                .map(|document| insert_report(tx, docs, document, now, None, None))
                .collect::<Result<Vec<_>>>()?;
            let opened = shares
                .iter()
                .map(|file| open_share_file(tx, docs, file))
                .collect::<Result<Vec<_>>>()?;
            Ok((ids, opened))
        })
    }
}

/// What opening a co-author's share file did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct SharedImport {
    /// The report it is (a copy of).
    pub id: ReportId,
    /// Whether the report is new here; else the file was merged into it.
    pub created: bool,
    /// What the merge changed (nothing for a new report).
    pub summary: MergeSummary,
}

fn open_share_file(tx: &Transaction, docs: &mut OpenDocs, file: &[u8]) -> Result<SharedImport> {
    let theirs = ReportDoc::open_share_file(file, peer(tx)?)?;
    let existing: Option<ReportId> = tx
        .query_row(
            "SELECT d.report_id FROM collab_documents d JOIN reports r ON r.id = d.report_id
             WHERE d.document_id = ?1 AND r.deleted_at IS NULL AND r.template_name IS NULL
             ORDER BY d.report_id LIMIT 1",
            [theirs.document_id()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        let (_, summary) = merge_into(tx, docs, id, |doc| doc.merge(file))?;
        return Ok(SharedImport {
            id,
            created: false,
            summary,
        });
    }
    let document = Document::of(&theirs.report()?)?;
    let authors = names(theirs.author_names().into_values());
    let shared = Some((theirs, authors.as_deref()));
    let id = insert_report(tx, docs, &document, chrono::Utc::now(), None, shared)?;
    Ok(SharedImport {
        id,
        created: true,
        summary: MergeSummary::default(),
    })
}

/// Co-authors' names as one, sorted, each once (`None` when there is none).
pub(crate) fn names(names: impl IntoIterator<Item = String>) -> Option<String> {
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    names.dedup();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Merges a co-author's copy into report `id`'s document by `merge` (a share file's, or
/// a shared folder's): the merged report as its new head revision, when it changed.
pub(crate) fn merge_into(
    tx: &Transaction,
    docs: &mut OpenDocs,
    id: ReportId,
    merge: impl FnOnce(&ReportDoc) -> std::result::Result<MergeSummary, rapporteur_collab::CollabError>,
) -> Result<(u32, MergeSummary)> {
    let head = head(tx, id)?;
    let mut open = current(tx, id, head.number, docs.take(id), Need::Whole)?
        .ok_or(StoreError::NotFound(id))?;
    let before = open.doc.version();
    let summary = merge(&open.doc)?;
    if open.doc.version() == before {
        docs.keep(id, open);
        return Ok((head.number, summary));
    }
    append(tx, id, &mut open, &before)?;
    let document = Document::of(&open.doc.report()?)?;
    docs.keep(id, open);
    if document.0 == head.document {
        // Only the document's own records changed (a co-author's name).
        return Ok((head.number, summary));
    }
    let revision = head.number + 1;
    let author = names(summary.from.iter().cloned());
    let merged = NewRevision {
        number: revision,
        document: &document,
        saved_at: chrono::Utc::now(),
        place: InEntry::starting(revision, EntryStart::Merge),
        author: author.as_deref(),
    };
    write_head(tx, docs, id, merged, None)?;
    Ok((revision, summary))
}

/// Compacts the co-authoring documents that are due, through a connection of its own:
/// each one's snapshot is written anew with its whole history and its updates folded in,
/// and its state anew (so that a save loads it and few updates). Loading a long history
/// takes long (a few hundred milliseconds for 10,000 edits), so this is kept out of the
/// saves: the app calls it when idle, the CLI after its command. It reads without the
/// write lock, then writes each document in a short transaction of its own, and only if
/// no update came meanwhile (that document is left for the next time): a save is never
/// kept waiting long, and nothing saved is lost. Returns how many were compacted.
pub fn compact_documents(db: &Path) -> Result<usize> {
    compact_documents_after(db, COMPACT_AFTER)
}

/// As [`compact_documents`], for documents with `updates` updates or more: how the tests
/// compact at every save.
#[doc(hidden)]
pub fn compact_documents_after(db: &Path, updates: i64) -> Result<usize> {
    let located = |e: StoreError| e.at(db);
    // Without SQLite's create flag: a database that was removed is not made anew.
    let mut conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| located(e.into()))?;
    (|| {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Only a database of this build's schema (the caller opened it, which upgrades it).
        if user_version(&conn)? != SCHEMA_VERSION {
            return Ok(0);
        }
        let due: Vec<ReportId> = conn
            .prepare(
                "SELECT report_id FROM collab_documents d
                 WHERE state IS NULL
                    OR (SELECT count(*) FROM collab_updates u WHERE u.report_id = d.report_id) >= ?1",
            )?
            .query_map([updates], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut compacted = 0;
        for id in due {
            compacted += usize::from(compact(&mut conn, id)?);
        }
        Ok(compacted)
    })()
    .map_err(located)
}

/// Compacts report `id`'s document (see `compact_documents`); whether it did.
fn compact(conn: &mut Connection, id: ReportId) -> Result<bool> {
    // The snapshot and the updates as of one moment.
    let read = conn.transaction()?;
    let Some(before) = stored(&read, id)? else {
        return Ok(false);
    };
    let doc = load_whole(&read, id, peer(&read)?)?;
    read.finish()?;
    let (snapshot, state) = (doc.snapshot()?, doc.state()?);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    match stored(&tx, id)? {
        Some(now) if now.seq == before.seq && now.document_id == before.document_id => {}
        _ => return Ok(false),
    }
    tx.execute(
        "UPDATE collab_documents SET snapshot = ?2, state = ?3, snapshot_seq = ?4, state_seq = ?4
         WHERE report_id = ?1",
        params![id, snapshot, state, before.seq],
    )?;
    tx.execute(
        "DELETE FROM collab_updates WHERE report_id = ?1 AND seq <= ?2",
        params![id, before.seq],
    )?;
    tx.commit()?;
    Ok(true)
}
