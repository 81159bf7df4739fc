//! Each report's co-authoring document (`rapporteur-collab`): kept as a snapshot and the
//! updates appended since, written in the same transaction as the revision each edit
//! produces, so the revisions and the document never disagree.

use crate::entries::{EntryStart, InEntry};
use crate::store::{head, insert_report, write_head, Document, NewRevision, Store};
use crate::{ReportId, StoreError};
use rapporteur_collab::{MergeSummary, ReportDoc, VersionVector};
use rapporteur_model::Report;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

type Result<T> = std::result::Result<T, StoreError>;

/// After this many updates, the next edit writes a new snapshot and clears them, so that
/// loading a document stays quick whatever its history.
const COMPACT_AFTER: i64 = 200;

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
    /// How many updates follow the stored snapshot.
    updates: i64,
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

/// How report `id`'s document is stored: its identity and how many updates follow its
/// snapshot; `None` when the report has none.
fn stored(conn: &Connection, id: ReportId) -> Result<Option<(String, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT document_id, (SELECT count(*) FROM collab_updates WHERE report_id = ?1)
             FROM collab_documents WHERE report_id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Whether `open` is report `id`'s document as stored now, at head revision `head`.
fn is_current(open: &OpenDoc, head: u32, stored: &(String, i64)) -> bool {
    open.head == head && open.updates == stored.1 && open.doc.document_id() == stored.0
}

/// Report `id`'s document at its head revision `head`: `kept` when it still is that,
/// else loaded from the database; `None` when the report has none.
pub(crate) fn current(
    conn: &Connection,
    id: ReportId,
    head: u32,
    kept: Option<OpenDoc>,
) -> Result<Option<OpenDoc>> {
    let Some(stored) = stored(conn, id)? else {
        return Ok(None);
    };
    if let Some(open) = kept.filter(|open| is_current(open, head, &stored)) {
        return Ok(Some(open));
    }
    let snapshot: Vec<u8> = conn.query_row(
        "SELECT snapshot FROM collab_documents WHERE report_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let mut stmt =
        conn.prepare_cached("SELECT bytes FROM collab_updates WHERE report_id = ?1 ORDER BY seq")?;
    let updates = stmt
        .query_map([id], |r| r.get::<_, Vec<u8>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let doc = ReportDoc::load(&snapshot, &updates, peer(conn)?)?;
    Ok(Some(OpenDoc {
        doc,
        head,
        updates: updates.len() as i64,
    }))
}

fn write_snapshot(tx: &Transaction, id: ReportId, doc: &ReportDoc) -> Result<()> {
    tx.execute("DELETE FROM collab_updates WHERE report_id = ?1", [id])?;
    tx.execute(
        "INSERT INTO collab_documents (report_id, document_id, snapshot) VALUES (?1, ?2, ?3)
         ON CONFLICT (report_id) DO UPDATE SET document_id = ?2, snapshot = ?3",
        params![id, doc.document_id(), doc.snapshot()?],
    )?;
    Ok(())
}

/// Appends what `open` holds beyond `before` to report `id`'s log (or, past
/// `COMPACT_AFTER` updates, writes a new snapshot instead).
fn append(
    tx: &Transaction,
    id: ReportId,
    open: &mut OpenDoc,
    before: &VersionVector,
) -> Result<()> {
    if open.updates >= COMPACT_AFTER {
        write_snapshot(tx, id, &open.doc)?;
        open.updates = 0;
        return Ok(());
    }
    tx.prepare_cached("INSERT INTO collab_updates (report_id, seq, bytes) VALUES (?1, ?2, ?3)")?
        .execute(params![
            id,
            open.updates + 1,
            open.doc.updates_since(before)?
        ])?;
    open.updates += 1;
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
    write_snapshot(tx, id, &doc)?;
    Ok(OpenDoc {
        doc,
        head,
        updates: 0,
    })
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
        _ => current(tx, id, revision - 1, kept)?,
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
            let mut open = current(tx, id, head, docs.take(id))?.ok_or(StoreError::NotFound(id))?;
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
                .filter(|open| is_current(open, head, &stored))
            {
                return Ok(open.doc.share_file()?);
            }
            let open = current(&self.conn, id, head, None)?.ok_or(StoreError::NotFound(id))?;
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
    let mut open = current(tx, id, head.number, docs.take(id))?.ok_or(StoreError::NotFound(id))?;
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
