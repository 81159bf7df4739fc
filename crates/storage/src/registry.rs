//! The registry of work items: every outcome id across the reports of the library, with
//! its English title and what each meeting did with it. Read from the `outcomes` index.

use crate::search::like_literal;
use crate::{ReportId, Store, StoreError};
use chrono::NaiveDate;
use rapporteur_model::{Action, Spelled};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One use of a work item: what one report's meeting did with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItemUse {
    pub report: ReportId,
    pub report_title: String,
    /// When that report's meeting started, if it says.
    pub meeting_start: Option<NaiveDate>,
    pub action: Action,
    /// The title the item has there.
    pub title: String,
    /// The JSON path of the outcome in that report.
    pub path: String,
}

/// A work item of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RegistryItem {
    pub id: String,
    /// Its title at the most recent meeting.
    pub title: String,
    /// Every use, the most recent meeting first.
    pub history: Vec<ItemUse>,
}

/// A work item as autocomplete offers it: its id and its title at the most recent meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItemSuggestion {
    pub id: String,
    pub title: String,
}

/// What a history query selects, in this order (see `item_use`).
const USE_COLUMNS: &str = "r.id, r.title, r.start_date, o.action, o.title, o.path";

/// The order of a history: the most recent meeting first, reports without a start date
/// last (NULLs sort last in a descending order), then document order: the order of the
/// index `outcomes_by_item_history`, so that no history is sorted.
const USE_ORDER: &str = "o.meeting_start DESC, o.report_id DESC, o.position";

/// Reports that are in the library: not deleted, not templates.
const IN_LIBRARY: &str = "r.deleted_at IS NULL AND r.template_name IS NULL";

/// The ids that match a query: ?1 is `%query%`, ?2 is `query%` (see `id_patterns`).
const ID_MATCHES: &str = "item_id LIKE ?1 ESCAPE '\\'";

/// The order of matching ids: those starting with the query first, then the shorter.
const ID_RANK: &str = "item_id NOT LIKE ?2 ESCAPE '\\', length(item_id), item_id";

/// The LIKE patterns of `query` for `ID_MATCHES` and `ID_RANK`.
fn id_patterns(query: &str) -> (String, String) {
    let literal = like_literal(query);
    (format!("%{literal}%"), format!("{literal}%"))
}

fn item_use(row: &rusqlite::Row) -> rusqlite::Result<ItemUse> {
    let action: String = row.get(3)?;
    Ok(ItemUse {
        report: row.get(0)?,
        report_title: row.get(1)?,
        meeting_start: row.get(2)?,
        action: Action::parse(&action).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown action {action:?} in the outcomes index").into(),
            )
        })?,
        title: row.get(4)?,
        path: row.get(5)?,
    })
}

impl Store {
    /// Every use of the work item `item_id` in the newest revision of the reports in the
    /// library but `except`, the most recent meeting first.
    pub fn item_history(
        &self,
        item_id: &str,
        except: Option<ReportId>,
    ) -> Result<Vec<ItemUse>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {USE_COLUMNS} FROM outcomes o JOIN reports r ON r.id = o.report_id
             WHERE o.item_id = ?1 AND {IN_LIBRARY} AND r.id IS NOT ?2
             ORDER BY {USE_ORDER}"
        ))?;
        let uses = stmt.query_map(params![item_id, except], item_use)?;
        Ok(uses.collect::<rusqlite::Result<_>>()?)
    }

    /// Every id used in some report that contains `query` (ignoring ASCII case), best
    /// first: those starting with it, then the shorter. Read from `work_items`, one row
    /// an id, so that a short query does not visit every use; an id may have no use in
    /// the library (its reports deleted), which the callers skip.
    fn matching_ids(&self, query: &str) -> Result<Vec<String>, StoreError> {
        let (containing, starting) = id_patterns(query);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT item_id FROM work_items WHERE {ID_MATCHES} ORDER BY {ID_RANK}"
        ))?;
        let ids = stmt.query_map(params![containing, starting], |row| row.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The work items whose id contains `query` (ignoring ASCII case), those starting
    /// with it first, then the shorter ids, at most `limit`; each with its history.
    pub fn items(&self, query: &str, limit: u32) -> Result<Vec<RegistryItem>, StoreError> {
        self.located(self.read_items(query, limit))
    }

    fn read_items(&self, query: &str, limit: u32) -> Result<Vec<RegistryItem>, StoreError> {
        let query = query.trim();
        let mut items = Vec::new();
        if query.is_empty() || limit == 0 {
            return Ok(items);
        }
        for id in self.matching_ids(query)? {
            let history = self.item_history(&id, None)?;
            if let Some(latest) = history.first() {
                let title = latest.title.clone();
                items.push(RegistryItem { id, title, history });
                if items.len() == limit as usize {
                    break;
                }
            }
        }
        Ok(items)
    }

    /// The work items whose id contains `query` in the reports of the library but
    /// `except` (the one being typed in), ranked as `items` ranks them, with only their
    /// most recent title: fast enough to run as the user types an id, as each id's
    /// latest title is the first entry of an index.
    pub fn item_suggestions(
        &self,
        query: &str,
        except: Option<ReportId>,
        limit: u32,
    ) -> Result<Vec<ItemSuggestion>, StoreError> {
        self.located(self.read_item_suggestions(query, except, limit))
    }

    fn read_item_suggestions(
        &self,
        query: &str,
        except: Option<ReportId>,
        limit: u32,
    ) -> Result<Vec<ItemSuggestion>, StoreError> {
        let query = query.trim();
        let mut found = Vec::new();
        if query.is_empty() || limit == 0 {
            return Ok(found);
        }
        let mut latest = self.conn.prepare_cached(&format!(
            "SELECT o.title FROM outcomes o JOIN reports r ON r.id = o.report_id
             WHERE o.item_id = ?1 AND {IN_LIBRARY} AND r.id IS NOT ?2
             ORDER BY {USE_ORDER} LIMIT 1"
        ))?;
        for id in self.matching_ids(query)? {
            let title: Option<String> = latest
                .query_row(params![id, except], |row| row.get(0))
                .optional()?;
            if let Some(title) = title {
                found.push(ItemSuggestion { id, title });
                if found.len() == limit as usize {
                    break;
                }
            }
        }
        Ok(found)
    }

    /// Every distinct title of the library's work items: the words the import of a
    /// published report takes as evidence for hyphens at line ends.
    pub fn all_item_titles(&self) -> Result<Vec<String>, StoreError> {
        self.located((|| {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT DISTINCT o.title FROM outcomes o JOIN reports r ON r.id = o.report_id
                 WHERE {IN_LIBRARY}"
            ))?;
            let titles = stmt.query_map([], |row| row.get(0))?;
            Ok(titles.collect::<Result<Vec<String>, _>>()?)
        })())
    }
}
