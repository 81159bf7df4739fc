//! Numbered schema migrations, embedded in the binary, each applied in its own
//! transaction together with the `user_version` it leads to.

use rusqlite::Connection;

/// The migrations, in order; migration `i` leads to schema version `i + 1`.
/// Never edit one that was released: add the next.
pub(crate) const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_reports.sql")];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the migrations after the database's version, up to `target`.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let current = user_version(conn)?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current.max(0) as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
