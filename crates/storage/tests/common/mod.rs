//! What the tests of more than one file share.

use rapporteur_model::Report;
use rapporteur_storage::Store;
use rusqlite::Connection;
use std::path::Path;

/// One row of the search index: path, part, section, Question and text.
pub type IndexRow = (String, String, Option<String>, Option<i64>, String);

/// What the search index holds for report `id`, in document order, after checking that
/// the full-text index agrees with its rows (FTS5's integrity check against its content
/// table).
pub fn index_rows(path: &Path, id: i64) -> Vec<IndexRow> {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the full-text index matches its rows");
    let mut stmt = conn
        .prepare(
            "SELECT path, part, section, question, text FROM search_parts
             WHERE report_id = ?1 ORDER BY position",
        )
        .unwrap();
    stmt.query_map([id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The rows `report` gets when indexed whole, in a database of its own.
pub fn fresh_index_rows(report: &Report) -> Vec<IndexRow> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.sqlite3");
    let id = Store::open(&path).unwrap().create_report(report).unwrap();
    index_rows(&path, id)
}
