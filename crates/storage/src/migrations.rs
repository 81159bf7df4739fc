//! Numbered schema migrations, embedded in the binary, each applied in its own
//! transaction together with the `user_version` it leads to.

use crate::StoreError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Work on the data that a migration's SQL cannot do.
type DataStep = fn(&Transaction) -> Result<(), StoreError>;

/// One step of the schema: its SQL, then what only Rust can do (reading documents).
pub(crate) struct Migration {
    sql: &'static str,
    then: Option<DataStep>,
}

/// The migrations, in order; migration `i` leads to schema version `i + 1`.
/// Never edit one that was released: add the next.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("migrations/0001_reports.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0002_search_and_templates.sql"),
        then: Some(crate::search::index_every_report),
    },
    Migration {
        sql: include_str!("migrations/0003_word_templates.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0004_work_items_and_search_order.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0005_history_entries.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0006_collab.sql"),
        then: Some(crate::collab::start_every_document),
    },
    Migration {
        sql: include_str!("migrations/0007_saved_at.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0008_collab_folders.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0009_collab_state.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0010_revisions_by_row_id.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0011_search_pairs.sql"),
        then: Some(crate::search::pair_every_part),
    },
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the migrations after the database's version, up to `target`. Each one holds
/// the write lock from its start and reads the version inside it, so two processes
/// opening the same old database apply every migration once.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?.max(0);
        if current >= target {
            return Ok(());
        }
        let migration = &MIGRATIONS[current as usize];
        tx.execute_batch(migration.sql)?;
        if let Some(then) = migration.then {
            then(&tx)?;
        }
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
