use crate::backup::{back_up_from, BackupPace, BackupReason};
use crate::collab::OpenDocs;
use crate::entries::{EntryStart, InEntry, ENTRY_PAUSE};
use crate::migrations::{migrate_to, user_version, SCHEMA_VERSION};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use rapporteur_collab::ReportDoc;
use rapporteur_format::{read_report, write_report_checked};
use rapporteur_model::{Report, Spelled};
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};
use std::time::Duration;

type Result<T> = std::result::Result<T, StoreError>;

/// A report's id in the database; SQLite row ids, far below 2^53, so they travel to the
/// UI as plain numbers.
pub type ReportId = i64;

/// How many of a report's newest revisions are kept, every save among them; of the older
/// ones only the last of each history entry stays (see `entries`).
pub const KEPT_REVISIONS: u32 = 200;

/// How long a write waits for another process's write to finish before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A report as stored: its newest revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StoredReport {
    pub id: ReportId,
    pub revision: u32,
    /// When the report was first stored.
    pub created_at: DateTime<Utc>,
    /// When this revision was saved.
    pub saved_at: DateTime<Utc>,
    pub report: Report,
}

/// One line of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportSummary {
    pub id: ReportId,
    pub title: String,
    pub organization: String,
    pub group: String,
    pub ordinal: Option<u32>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// When its newest revision was saved.
    pub saved_at: DateTime<Utc>,
    pub revision: u32,
}

/// One saved revision of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RevisionInfo {
    pub number: u32,
    pub saved_at: DateTime<Utc>,
    pub title: String,
    /// Who saved it, when the installation knows its author.
    pub author: Option<String>,
    /// The history entry it belongs to: the number of that entry's first revision.
    pub entry: u32,
}

/// The title a work item's id has in one stored report: what the item was called there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItemTitle {
    pub report: ReportId,
    pub report_title: String,
    /// When that report's meeting started, if it says.
    pub meeting_start: Option<NaiveDate>,
    pub title: String,
}

/// A report's text in the file format, checked to be what a report file may hold (the
/// format's rules, its size and nesting limits): the only form in which a report reaches
/// the database, so every stored report exports as a file that reads back.
/// The report it was written from comes with it, every element with its identity
/// (given here to those without one), as the co-authoring document records it.
pub(crate) struct Document(pub(crate) String, pub(crate) Report);

impl Document {
    pub(crate) fn of(report: &Report) -> Result<Document> {
        let mut report = report.clone();
        rapporteur_model::uid::complete(&mut report);
        Ok(Document(write_report_checked(&report)?, report))
    }
}

/// Many reports in one SQLite file.
pub struct Store {
    pub(crate) conn: Connection,
    /// The database file, named in every error a user can act on.
    path: PathBuf,
    /// The co-authoring documents of the reports saved last, so that a save does not
    /// load its report's document again.
    pub(crate) docs: OpenDocs,
}

impl Store {
    /// Opens (creating when missing) the database at `path` and brings its schema up to
    /// date. A database of a newer schema, or a file that is not Rapporteur's, is refused
    /// and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_owned(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::from(e).at(path))?;
        Store::init(conn, path.to_owned()).map_err(|e| e.at(path))
    }

    /// A database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let not_ours = |reason: String| StoreError::NotADatabase {
            path: path.clone(),
            reason,
        };
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // A file that SQLite would open read-only (its mode, its folder) is refused now,
        // not at the first save, when the user would lose the edit.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly { path });
        }
        // Judge the file before changing anything in it (turning on WAL writes its header).
        let version = user_version(&conn).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                not_ours("the file is not an SQLite database".to_owned())
            }
            _ => StoreError::Sqlite(e),
        })?;

        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            let tables: i64 = conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(not_ours(format!(
                    "it holds {tables} table(s) of another program and no Rapporteur schema"
                )));
            }
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        if path.as_os_str() != ":memory:" {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // No checkpoint inside a save: one copies about a thousand pages into the
            // database file and syncs it, which made every sixtieth save slow. The app
            // checkpoints when idle (`checkpoint`); closing the last connection does too.
            conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        if version > 0 {
            // A damaged page found now is refused before anything is written over it.
            let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
            if verdict != "ok" {
                return Err(StoreError::Damaged {
                    path,
                    reason: verdict,
                });
            }
        }
        if path.as_os_str() != ":memory:" && version > 0 && version < SCHEMA_VERSION {
            // No upgrade without a copy of the database as the older build left it.
            back_up_from(
                &conn,
                &path,
                BackupReason::BeforeUpgrade,
                None,
                BackupPace::AtOnce,
            )?;
        }
        migrate_to(&mut conn, SCHEMA_VERSION)?;
        Ok(Store {
            conn,
            path,
            docs: OpenDocs::default(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Caps the database at `pages` pages for this connection (SQLite's
    /// `max_page_count`): how the tests meet a full disk without filling one.
    #[doc(hidden)]
    pub fn cap_pages_for_tests(&self, pages: u32) -> Result<()> {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(|e| StoreError::from(e).at(&self.path))
    }

    /// Runs `write` in one transaction that holds the write lock from its start, so a
    /// second process waits for the first (up to the busy timeout) instead of failing
    /// when a read turns into a write after the other one committed.
    pub(crate) fn write<T>(&mut self, write: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.write_with_docs(|tx, _| write(tx))
    }

    /// As [`Store::write`], for a write that reads or changes co-authoring documents.
    /// When it fails, no document is kept: one may hold what was rolled back.
    pub(crate) fn write_with_docs<T>(
        &mut self,
        write: impl FnOnce(&Transaction, &mut OpenDocs) -> Result<T>,
    ) -> Result<T> {
        let docs = &mut self.docs;
        let run = |conn: &mut Connection| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = write(&tx, docs)?;
            tx.commit()?;
            Ok(value)
        };
        run(&mut self.conn).map_err(|e: StoreError| {
            self.docs.clear();
            e.at(&self.path)
        })
    }

    /// Names a failed read's cause with the database's path.
    pub(crate) fn located<T>(&self, result: Result<T>) -> Result<T> {
        result.map_err(|e| e.at(&self.path))
    }

    /// Adds reports as new ones, all or none; returns their ids in order.
    pub fn add_reports(&mut self, reports: &[Report]) -> Result<Vec<ReportId>> {
        Ok(self.add_reports_and_shares(reports, &[])?.0)
    }

    /// Adds one report; returns its id.
    pub fn create_report(&mut self, report: &Report) -> Result<ReportId> {
        Ok(self.add_reports(std::slice::from_ref(report))?[0])
    }

    /// Saves `report` as the newest revision of report `id` and returns that revision's
    /// number. Saving what is already the newest revision adds none.
    pub fn save_report(&mut self, id: ReportId, report: &Report) -> Result<u32> {
        self.save_as(id, report, None)
    }

    /// Saves as [`Store::save_report`] does; `began`, when given, starts a new history
    /// entry with this revision whatever else would.
    pub(crate) fn save_as(
        &mut self,
        id: ReportId,
        report: &Report,
        began: Option<EntryStart>,
    ) -> Result<u32> {
        // Elements the editor added without an identity take the ones they got at the
        // last save (read from the head, only then).
        let ready = if rapporteur_model::uid::any_missing(report) {
            None
        } else {
            Some(Document::of(report)?)
        };
        self.write_with_docs(|tx, docs| {
            let head = head(tx, id)?;
            let document = match ready {
                Some(document) => document,
                None => {
                    let mut report = report.clone();
                    rapporteur_model::uid::adopt(&mut report, &read_report(&head.document)?);
                    Document::of(&report)?
                }
            };
            if head.document == document.0 {
                return Ok(head.number);
            }
            let now = Utc::now();
            let revision = head.number + 1;
            let place = match began
                .or(head.entry_break)
                .or_else(|| (now - head.saved_at > ENTRY_PAUSE).then_some(EntryStart::Pause))
            {
                Some(why) => InEntry::starting(revision, why),
                None => InEntry {
                    entry: head.entry,
                    began: None,
                },
            };
            let revision = NewRevision {
                number: revision,
                document: &document,
                saved_at: now,
                place,
                author: None,
            };
            write_head(tx, docs, id, revision, None)?;
            Ok(revision.number)
        })
    }

    /// The newest revision of report `id`.
    pub fn report(&self, id: ReportId) -> Result<StoredReport> {
        self.located(self.read_report(id))
    }

    fn read_report(&self, id: ReportId) -> Result<StoredReport> {
        let row = self
            .conn
            .query_row(
                "SELECT r.head_revision, r.created_at, v.saved_at, v.document FROM reports r
                 JOIN revisions v ON v.report_id = r.id AND v.number = r.head_revision
                 WHERE r.id = ?1 AND r.deleted_at IS NULL",
                [id],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let (revision, created_at, saved_at, document) = row.ok_or(StoreError::NotFound(id))?;
        Ok(StoredReport {
            id,
            revision,
            created_at,
            saved_at,
            report: read_report(&document)?,
        })
    }

    /// Every report not deleted, most recently edited first.
    pub fn list_reports(&self) -> Result<Vec<ReportSummary>> {
        self.located(self.read_list())
    }

    fn read_list(&self) -> Result<Vec<ReportSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, organization, group_name, ordinal, start_date, end_date, saved_at, head_revision
             FROM reports WHERE deleted_at IS NULL AND template_name IS NULL
             ORDER BY saved_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(ReportSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                organization: row.get(2)?,
                group: row.get(3)?,
                ordinal: row.get(4)?,
                start: row.get(5)?,
                end: row.get(6)?,
                saved_at: row.get(7)?,
                revision: row.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The kept revisions of report `id`, newest first: every save, read without
    /// parsing a document (the title is stored beside it).
    pub fn history(&self, id: ReportId) -> Result<Vec<RevisionInfo>> {
        self.ensure_exists(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, saved_at, title, author, entry FROM revisions
             WHERE report_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([id], |row| {
            Ok(RevisionInfo {
                number: row.get(0)?,
                saved_at: row.get(1)?,
                title: row.get(2)?,
                author: row.get(3)?,
                entry: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The report as it was at `revision`.
    pub fn revision(&self, id: ReportId, revision: u32) -> Result<Report> {
        self.ensure_exists(id)?;
        let document: Option<String> = self
            .conn
            .query_row(
                "SELECT document FROM revisions WHERE report_id = ?1 AND number = ?2",
                params![id, revision],
                |r| r.get(0),
            )
            .optional()?;
        let document = document.ok_or(StoreError::NoSuchRevision {
            report: id,
            revision,
        })?;
        Ok(read_report(&document)?)
    }

    /// Makes the report as it was at `revision` the newest revision again; returns the
    /// new revision's number. Nothing is lost: the revisions after it stay in the history.
    /// The restore starts a history entry of its own.
    pub fn restore(&mut self, id: ReportId, revision: u32) -> Result<u32> {
        let report = self.revision(id, revision)?;
        self.save_as(id, &report, Some(EntryStart::Restore))
    }

    /// Takes a report out of the library; `undelete_report` brings it back.
    pub fn delete_report(&mut self, id: ReportId) -> Result<()> {
        self.write_with_docs(|tx, docs| {
            docs.forget(id);
            let changed = tx.execute(
                "UPDATE reports SET deleted_at = ?2
                 WHERE id = ?1 AND deleted_at IS NULL AND template_name IS NULL",
                params![id, Utc::now()],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(id));
            }
            Ok(())
        })
    }

    /// Brings a deleted report back into the library.
    pub fn undelete_report(&mut self, id: ReportId) -> Result<()> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE reports SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(id));
            }
            Ok(())
        })
    }

    /// Adds `report` once in the life of this database, remembered under `key`: the
    /// example report of a first run does not come back after the user deletes it.
    pub fn add_once(&mut self, key: &str, report: &Report) -> Result<Option<ReportId>> {
        self.add_once_as(key, report, None)
    }

    /// Adds `report` as the template `name` once in the life of this database, as
    /// [`Store::add_once`] does a report: a built-in template the user deleted stays
    /// deleted. A template of that name made by the user is left as it is.
    pub fn add_template_once(
        &mut self,
        key: &str,
        name: &str,
        report: &Report,
    ) -> Result<Option<ReportId>> {
        if self.template_id(name)?.is_some() {
            return Ok(None);
        }
        self.add_once_as(key, report, Some(name))
    }

    fn add_once_as(
        &mut self,
        key: &str,
        report: &Report,
        template: Option<&str>,
    ) -> Result<Option<ReportId>> {
        let document = Document::of(report)?;
        self.write_with_docs(|tx, docs| {
            let done: Option<String> = tx
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            if done.is_some() {
                return Ok(None);
            }
            let id = insert_report(tx, docs, &document, Utc::now(), template, None)?;
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                params![key, id.to_string()],
            )?;
            Ok(Some(id))
        })
    }

    /// The titles the work item `item_id` has in the newest revision of every report in
    /// the library but `except`: each title once per report, the most recent meeting
    /// first and reports without a start date last. Read from the `outcomes` index, so
    /// no document is parsed.
    pub fn item_titles(&self, item_id: &str, except: Option<ReportId>) -> Result<Vec<ItemTitle>> {
        let mut titles: Vec<ItemTitle> = Vec::new();
        for used in self.item_history(item_id, except)? {
            let seen = titles
                .iter()
                .any(|t| t.report == used.report && t.title == used.title);
            if !seen {
                titles.push(ItemTitle {
                    report: used.report,
                    report_title: used.report_title,
                    meeting_start: used.meeting_start,
                    title: used.title,
                });
            }
        }
        Ok(titles)
    }

    pub(crate) fn ensure_exists(&self, id: ReportId) -> Result<()> {
        ensure_report(&self.conn, id)
    }
}

/// Refuses an id that is not a report of the library (deleted, or never there).
pub(crate) fn ensure_report(conn: &Connection, id: ReportId) -> Result<()> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM reports WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    found.map(|_| ()).ok_or(StoreError::NotFound(id))
}

/// Copies what the saves since the last checkpoint wrote to the write-ahead log into the
/// database file, so that the log stops growing, through a connection of its own: the
/// app calls it from a thread of its own when idle, and a save that comes meanwhile
/// neither waits for it nor is waited for (SQLite's passive checkpoint). Returns how
/// many pages of the log are not yet copied (a reader was using them).
pub fn checkpoint(db: &Path) -> Result<u32> {
    let located = |e: rusqlite::Error| StoreError::from(e).at(db);
    // Without SQLite's create flag: a database that was removed is not made anew.
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(located)?;
    let (log, copied): (i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
            Ok((r.get(1)?, r.get(2)?))
        })
        .map_err(located)?;
    Ok((log - copied).max(0) as u32)
}

/// The newest revision of a report, as a save needs it.
pub(crate) struct Head {
    pub(crate) number: u32,
    pub(crate) document: String,
    saved_at: DateTime<Utc>,
    entry: u32,
    /// Why the next save starts a new history entry, if something asked for one.
    entry_break: Option<EntryStart>,
}

pub(crate) fn head(tx: &Connection, id: ReportId) -> Result<Head> {
    tx.query_row(
        "SELECT r.head_revision, v.document, v.saved_at, v.entry, r.entry_break FROM reports r
         JOIN revisions v ON v.report_id = r.id AND v.number = r.head_revision
         WHERE r.id = ?1 AND r.deleted_at IS NULL",
        [id],
        |row| {
            Ok(Head {
                number: row.get(0)?,
                document: row.get(1)?,
                saved_at: row.get(2)?,
                entry: row.get(3)?,
                entry_break: row.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound(id))
}

/// Adds a report, or the template `template`, with `document` as its first revision;
/// `shared` is the report's co-authoring document when it comes with one (a colleague's
/// share file, with the names of its authors), else a new one is started.
pub(crate) fn insert_report(
    tx: &Transaction,
    docs: &mut OpenDocs,
    document: &Document,
    now: DateTime<Utc>,
    template: Option<&str>,
    shared: Option<(ReportDoc, Option<&str>)>,
) -> Result<ReportId> {
    let report = &document.1;
    let m = &report.meeting;
    tx.execute(
        "INSERT INTO reports (created_at, saved_at, head_revision, title, organization, group_name, template_name)
         VALUES (?1, ?1, 0, ?2, ?3, ?4, ?5)",
        params![now, report.title, m.organization, m.group, template],
    )?;
    let id = tx.last_insert_rowid();
    let (shared, author) = match shared {
        Some((doc, authors)) => (Some(doc), authors),
        None => (None, None),
    };
    let first = NewRevision {
        number: 1,
        document,
        saved_at: now,
        place: InEntry::starting(1, EntryStart::Created),
        author,
    };
    write_head(tx, docs, id, first, shared)?;
    Ok(id)
}

/// A revision about to be written.
#[derive(Clone, Copy)]
pub(crate) struct NewRevision<'a> {
    pub(crate) number: u32,
    pub(crate) document: &'a Document,
    pub(crate) saved_at: DateTime<Utc>,
    /// The history entry it goes into.
    pub(crate) place: InEntry,
    /// Who made it, when not this installation's author (a co-author's merged edits).
    pub(crate) author: Option<&'a str>,
}

/// Stores `revision` of report `id`, makes it the head, and brings everything derived
/// from the head up to date: the indexes, the history, and the co-authoring document
/// (`shared` starts it for a first revision, see `collab::record`).
pub(crate) fn write_head(
    tx: &Transaction,
    docs: &mut OpenDocs,
    id: ReportId,
    revision: NewRevision,
    shared: Option<ReportDoc>,
) -> Result<()> {
    let NewRevision {
        number,
        document,
        saved_at: now,
        place,
        author,
    } = revision;
    let report = &document.1;
    let own_author = crate::collab::author_name(tx)?;
    tx.execute(
        "INSERT INTO revisions (report_id, number, saved_at, document, title, author, entry, began)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            number,
            now,
            document.0,
            report.title,
            author.or(own_author.as_deref()),
            place.entry,
            place.began
        ],
    )?;
    let m = &report.meeting;
    tx.execute(
        "UPDATE reports SET head_revision = ?2, saved_at = ?3, title = ?4, organization = ?5, group_name = ?6,
                ordinal = ?7, start_date = ?8, end_date = ?9, entry_break = NULL
         WHERE id = ?1",
        params![id, number, now, report.title, m.organization, m.group, m.ordinal, m.start, m.end],
    )?;
    tx.execute("DELETE FROM outcomes WHERE report_id = ?1", [id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO outcomes (report_id, position, path, question, item_id, title, action, process, document, meeting_start)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (position, (path, question, outcome)) in report.outcomes().into_iter().enumerate() {
        insert.execute(params![
            id,
            position as i64,
            path,
            question.number,
            outcome.id,
            outcome.title,
            outcome.action.as_str(),
            outcome.process.map(Spelled::as_str),
            outcome.document.map(Spelled::as_str),
            m.start,
        ])?;
    }
    crate::search::index_report(tx, id, report)?;
    crate::collab::record(tx, docs, id, number, report, own_author.as_deref(), shared)?;
    crate::entries::drop_old_revisions(tx, id, number, place.began.is_some())?;
    Ok(())
}
