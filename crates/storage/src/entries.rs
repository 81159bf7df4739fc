//! The history as people read it: the saves of one working session make one entry.
//!
//! Every acknowledged save stays a revision of its own (nothing saved is lost to a
//! crash), and each revision names the entry it belongs to by the number of the entry's
//! first revision. A save continues the newest entry unless a new one is due: after a
//! pause of more than [`ENTRY_PAUSE`] since the last save, or after something the user
//! did to the report as a whole — opening it, exporting it, restoring an earlier state,
//! merging a co-author's edits ([`Store::start_entry`]).

use crate::store::KEPT_REVISIONS;
use crate::{ReportId, Store, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use rapporteur_compare::{changes, Change};
use rapporteur_format::read_report;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A pause longer than this between two saves ends a working session: the next save
/// starts a new history entry. Ten minutes: a coffee or a phone call ends a session, a
/// sentence pondered over does not.
pub const ENTRY_PAUSE: TimeDelta = TimeDelta::minutes(10);

/// How many history entries of a report are kept (each by its last revision at least).
pub const KEPT_ENTRIES: u32 = 200;

/// Why a history entry began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EntryStart {
    /// The report's first revision (created, imported, duplicated).
    Created,
    /// The report was opened in the editor.
    Opened,
    /// The last save was more than [`ENTRY_PAUSE`] earlier.
    Pause,
    /// The report was exported.
    Export,
    /// An earlier revision was brought back.
    Restore,
    /// A co-author's edits were merged in.
    Merge,
}

impl EntryStart {
    const ALL: [EntryStart; 6] = [
        EntryStart::Created,
        EntryStart::Opened,
        EntryStart::Pause,
        EntryStart::Export,
        EntryStart::Restore,
        EntryStart::Merge,
    ];

    fn as_str(self) -> &'static str {
        match self {
            EntryStart::Created => "created",
            EntryStart::Opened => "opened",
            EntryStart::Pause => "pause",
            EntryStart::Export => "export",
            EntryStart::Restore => "restore",
            EntryStart::Merge => "merge",
        }
    }
}

impl ToSql for EntryStart {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for EntryStart {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        EntryStart::ALL
            .into_iter()
            .find(|why| why.as_str() == text)
            .ok_or_else(|| FromSqlError::Other(format!("unknown entry start {text:?}").into()))
    }
}

/// The history entry a new revision goes into.
#[derive(Clone, Copy)]
pub(crate) struct InEntry {
    /// The entry's first revision.
    pub(crate) entry: u32,
    /// Set when this revision starts the entry: why.
    pub(crate) began: Option<EntryStart>,
}

impl InEntry {
    pub(crate) fn starting(revision: u32, why: EntryStart) -> InEntry {
        InEntry {
            entry: revision,
            began: Some(why),
        }
    }
}

/// One entry of a report's history: the saves of one working session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct HistoryEntry {
    /// The entry's first revision; the state before the entry is the revision before it.
    pub first: u32,
    /// The entry's newest revision: the report as the session left it.
    pub last: u32,
    /// How many saves of the entry are kept.
    pub saves: u32,
    pub began: Option<EntryStart>,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// The report's title at the end of the entry.
    pub title: String,
    pub author: Option<String>,
    /// What changed from the revision before the entry to its last one; empty when the
    /// revision before it is no longer kept.
    pub changes: Vec<Change>,
}

impl Store {
    /// Makes the next save of report `id` start a new history entry, because of `why`
    /// (the report was opened, exported, or a co-author's edits are being merged).
    pub fn start_entry(&mut self, id: ReportId, why: EntryStart) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE reports SET entry_break = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, why],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(id));
            }
            Ok(())
        })
    }

    /// The history entries of report `id`, newest first, each with what changed in it.
    /// What changed is worked out once per entry and kept; only an entry that has grown
    /// since (the newest, while the user edits) is compared again, from two documents.
    pub fn entries(&mut self, id: ReportId) -> Result<Vec<HistoryEntry>, StoreError> {
        self.ensure_exists(id)?;
        let (mut entries, known) = self.located(self.read_entries(id))?;
        let mut worked_out = Vec::new();
        for (i, known) in known.into_iter().enumerate() {
            match known.and_then(|json| serde_json::from_str(&json).ok()) {
                Some(changes) => entries[i].changes = changes,
                None => {
                    entries[i].changes = self.located(self.compare_entry(id, &entries[i]))?;
                    worked_out.push(i);
                }
            }
        }
        if !worked_out.is_empty() {
            // Keeping what was worked out saves the next listing the work; when the
            // database cannot take it now (another process writing), the next listing
            // works it out again, so the history is shown all the same.
            let _ = self.write(|tx| {
                let mut keep = tx.prepare_cached(
                    "INSERT OR REPLACE INTO entry_changes (report_id, entry, last, changes)
                     VALUES (?1, ?2, ?3, ?4)",
                )?;
                for entry in worked_out.iter().map(|&i| &entries[i]) {
                    // Plain data always has a JSON form.
                    if let Ok(json) = serde_json::to_string(&entry.changes) {
                        keep.execute(params![id, entry.first, entry.last, json])?;
                    }
                }
                Ok(())
            });
        }
        Ok(entries)
    }

    /// The entries, and for each what was worked out before of its changes (JSON), if it
    /// still runs to the same revision.
    fn read_entries(
        &self,
        id: ReportId,
    ) -> Result<(Vec<HistoryEntry>, Vec<Option<String>>), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entry, e.last, e.saves, f.began, e.started_at, l.saved_at, l.title, l.author,
                    c.changes
             FROM (SELECT entry, max(number) AS last, count(*) AS saves, min(saved_at) AS started_at
                   FROM revisions WHERE report_id = ?1 GROUP BY entry) e
             JOIN revisions l ON l.report_id = ?1 AND l.number = e.last
             LEFT JOIN revisions f ON f.report_id = ?1 AND f.number = e.entry
             LEFT JOIN entry_changes c ON c.report_id = ?1 AND c.entry = e.entry AND c.last = e.last
             ORDER BY e.entry DESC",
        )?;
        let rows = stmt.query_map([id], |row| {
            let entry = HistoryEntry {
                first: row.get(0)?,
                last: row.get(1)?,
                saves: row.get(2)?,
                began: row.get(3)?,
                started_at: row.get(4)?,
                ended_at: row.get(5)?,
                title: row.get(6)?,
                author: row.get(7)?,
                changes: Vec::new(),
            };
            Ok((entry, row.get(8)?))
        })?;
        Ok(rows
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .unzip())
    }

    /// What changed in `entry`: from the revision before its first to its last.
    fn compare_entry(&self, id: ReportId, entry: &HistoryEntry) -> Result<Vec<Change>, StoreError> {
        let after = self.document(id, entry.last)?;
        let Some(after) = after else {
            return Ok(Vec::new());
        };
        if entry.first == 1 {
            return Ok(changes(None, &read_report(&after)?));
        }
        Ok(match self.document(id, entry.first - 1)? {
            Some(before) => changes(Some(&read_report(&before)?), &read_report(&after)?),
            None => Vec::new(),
        })
    }

    fn document(&self, id: ReportId, revision: u32) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT document FROM revisions WHERE report_id = ?1 AND number = ?2")?
            .query_row(params![id, revision], |r| r.get(0))
            .optional()?)
    }
}

/// Drops the revisions a save of `revision` leaves beyond what is kept: of those older
/// than the newest [`KEPT_REVISIONS`], all but the last of each entry (what the entry
/// shows and brings back; the entry after it starts from there), and every entry beyond
/// the newest [`KEPT_ENTRIES`].
pub(crate) fn drop_old_revisions(
    tx: &Transaction,
    id: ReportId,
    revision: u32,
    started_entry: bool,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM revisions WHERE report_id = ?1 AND number <= ?2
         AND NOT EXISTS (SELECT 1 FROM revisions next
                         WHERE next.report_id = ?1 AND next.entry = revisions.number + 1)",
        params![id, i64::from(revision) - i64::from(KEPT_REVISIONS)],
    )?;
    // The number of entries grows only when one starts.
    if started_entry {
        let oldest_kept: Option<u32> = tx
            .query_row(
                "SELECT DISTINCT entry FROM revisions WHERE report_id = ?1
                 ORDER BY entry DESC LIMIT 1 OFFSET ?2",
                params![id, KEPT_ENTRIES - 1],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(oldest) = oldest_kept {
            tx.execute(
                "DELETE FROM revisions WHERE report_id = ?1 AND entry < ?2",
                params![id, oldest],
            )?;
        }
    }
    Ok(())
}
