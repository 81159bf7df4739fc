//! Shared folders (docs/collaboration.md, "A shared folder"): the folder a report is
//! linked to, and the store's side of a look at it — what the folder's files hold,
//! merged into the report as a co-author's copy is, and the file this installation
//! writes there next. The files themselves are read and written by the application core.

use crate::collab::{current, merge_into, peer, Need, OpenDocs};
use crate::store::{head, Store};
use crate::{ReportId, StoreError};
use chrono::{DateTime, Utc};
use rapporteur_collab::{Gathered, MergeSummary, VersionVector};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

type Result<T> = std::result::Result<T, StoreError>;

/// The folder a report is linked to, and what the last look at it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FolderLink {
    /// As the user's system writes it.
    pub dir: String,
    /// When the folder was last read and written.
    pub synced_at: Option<DateTime<Utc>>,
    /// When co-authors' edits last came in from it.
    pub arrived_at: Option<DateTime<Utc>>,
    /// Whose edits came in then (those who gave a name).
    pub arrived_from: Vec<String>,
}

/// What the store did with a shared folder's files.
#[derive(Debug)]
pub struct FolderMerge {
    /// The report's head revision now: the merge's, or the one before when nothing came in.
    pub revision: u32,
    pub summary: MergeSummary,
    /// The file this installation writes to the folder next: what its copy holds beyond
    /// the folder's files; `None` when they hold it all.
    pub file: Option<Vec<u8>>,
    pub link: FolderLink,
}

fn link(conn: &rusqlite::Connection, id: ReportId) -> Result<Option<FolderLink>> {
    Ok(conn
        .prepare_cached(
            "SELECT dir, synced_at, arrived_at, arrived_from FROM collab_folders WHERE report_id = ?1",
        )?
        .query_row([id], |r| {
            let from: Option<String> = r.get(3)?;
            Ok(FolderLink {
                dir: r.get(0)?,
                synced_at: r.get(1)?,
                arrived_at: r.get(2)?,
                arrived_from: from
                    .and_then(|from| serde_json::from_str(&from).ok())
                    .unwrap_or_default(),
            })
        })
        .optional()?)
}

/// The file this installation writes next to report `id`'s shared folder, whose files
/// hold `folder` together: what its document (at head revision `head`) holds beyond it.
fn next_file(
    tx: &rusqlite::Transaction,
    docs: &mut OpenDocs,
    id: ReportId,
    head: u32,
    folder: &VersionVector,
) -> Result<Option<Vec<u8>>> {
    // The state and the updates since are enough unless the folder is older than the
    // state: loading the whole history for every save's file would slow the saves after it.
    let mut open =
        current(tx, id, head, docs.take(id), Need::Edit)?.ok_or(StoreError::NotFound(id))?;
    if !open.doc.holds_changes_since(folder) {
        open = current(tx, id, head, Some(open), Need::Whole)?.ok_or(StoreError::NotFound(id))?;
    }
    let file = open.doc.folder_file(folder);
    docs.keep(id, open);
    Ok(file?)
}

impl Store {
    /// The file this installation writes next to report `id`'s shared folder, whose
    /// files hold `folder` together (without merging them: the app merges only when its
    /// editor can take the merge in); `None` when they hold all of this copy.
    pub fn folder_file(&mut self, id: ReportId, folder: &VersionVector) -> Result<Option<Vec<u8>>> {
        self.write_with_docs(|tx, docs| {
            let head = head(tx, id)?.number;
            next_file(tx, docs, id, head, folder)
        })
    }

    /// Links report `id` to the shared folder `dir` (in place of the one it had).
    pub fn link_folder(&mut self, id: ReportId, dir: &str) -> Result<()> {
        self.write(|tx| {
            head(tx, id)?;
            tx.execute(
                "INSERT INTO collab_folders (report_id, dir) VALUES (?1, ?2)
                 ON CONFLICT (report_id) DO UPDATE SET dir = ?2, synced_at = NULL,
                     arrived_at = NULL, arrived_from = NULL",
                params![id, dir],
            )?;
            Ok(())
        })
    }

    /// Unlinks report `id` from its shared folder; whether it had one. The files this
    /// installation wrote there stay: its co-authors have them already.
    pub fn unlink_folder(&mut self, id: ReportId) -> Result<bool> {
        self.write(|tx| {
            Ok(tx.execute("DELETE FROM collab_folders WHERE report_id = ?1", [id])? > 0)
        })
    }

    /// The shared folder report `id` is linked to, if any.
    pub fn linked_folder(&self, id: ReportId) -> Result<Option<FolderLink>> {
        self.located(link(&self.conn, id))
    }

    /// The reports linked to a shared folder, by id.
    pub fn linked_reports(&self) -> Result<Vec<ReportId>> {
        self.located((|| {
            Ok(self
                .conn
                .prepare(
                    "SELECT f.report_id FROM collab_folders f JOIN reports r ON r.id = f.report_id
                     WHERE r.deleted_at IS NULL ORDER BY f.report_id",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })())
    }

    /// The names report `id`'s files go under in a shared folder: its document's
    /// identity (the same in every co-author's copy) and this installation's peer
    /// identity (its own, the only files it writes).
    pub fn folder_names(&mut self, id: ReportId) -> Result<(String, String)> {
        self.write_with_docs(|tx, docs| {
            let head = head(tx, id)?.number;
            let open = current(tx, id, head, docs.take(id), Need::Edit)?
                .ok_or(StoreError::NotFound(id))?;
            let document = open.doc.document_id();
            docs.keep(id, open);
            Ok((document, format!("{:016x}", peer(tx)?)))
        })
    }

    /// Merges what report `id`'s shared folder files hold (`gathered`) into it, as a
    /// co-author's copy is merged (the same summary, conflicts and history entry), and
    /// gives the file to write there next. Refused, changing nothing, when what the
    /// files hold is not a copy of this report.
    pub fn merge_folder(&mut self, id: ReportId, gathered: &Gathered) -> Result<FolderMerge> {
        self.write_with_docs(|tx, docs| {
            let (revision, summary) = match &gathered.copy {
                Some(copy) => merge_into(tx, docs, id, |doc| doc.merge_copy(copy))?,
                None => (head(tx, id)?.number, MergeSummary::default()),
            };
            let file = next_file(tx, docs, id, revision, &gathered.version)?;
            let now = Utc::now();
            tx.execute(
                "UPDATE collab_folders SET synced_at = ?2 WHERE report_id = ?1",
                params![id, now],
            )?;
            if !summary.is_empty() {
                tx.execute(
                    "UPDATE collab_folders SET arrived_at = ?2, arrived_from = ?3
                     WHERE report_id = ?1",
                    params![
                        id,
                        now,
                        serde_json::Value::from(summary.from.clone()).to_string()
                    ],
                )?;
            }
            let link = link(tx, id)?.ok_or(StoreError::NotFound(id))?;
            Ok(FolderMerge {
                revision,
                summary,
                file,
                link,
            })
        })
    }
}
