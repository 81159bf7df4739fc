//! Numbered schema migrations, embedded in the binary, each applied in its own
//! transaction together with the `user_version` it leads to.

use rusqlite::{Connection, TransactionBehavior};

/// The migrations, in order; migration `i` leads to schema version `i + 1`.
/// Never edit one that was released: add the next.
pub(crate) const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_reports.sql")];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the migrations after the database's version, up to `target`. Each one holds
/// the write lock from its start and reads the version inside it, so two processes
/// opening the same old database apply every migration once.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?.max(0);
        if current >= target {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[current as usize])?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
