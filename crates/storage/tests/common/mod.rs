//! What the store's tests share: the example report, a database file in a folder of its
//! own (empty, with a store on it, or holding copies of the example), counting rows without the store, the search index's rows, and a database's every
//! row as text (`dump`, shared with the CLI's tests by path).
// Each test file is a crate of its own and uses only some of these.
#![allow(dead_code)]

use rapporteur_format::read_report;
use rapporteur_model::Report;
use rapporteur_storage::Store;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

#[path = "../support/dump.rs"]
pub mod dump;

pub const EXAMPLE: &str = include_str!("../../../../examples/sg17-2025-12.report.json");

/// The example report, as the file format reads it.
pub fn example() -> Report {
    read_report(EXAMPLE).unwrap()
}

/// The example under another title.
pub fn retitled(title: &str) -> Report {
    let mut report = example();
    report.title = title.to_owned();
    report
}

/// A database path in a temporary folder, in a folder not made yet (as the app's data
/// folder on a first run): the store makes it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("rapporteur.sqlite3");
    (dir, path)
}

/// A store on a new database file (`temp_db`), with the file's path.
pub fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

/// A database file (`temp_db`) holding `copies` copies of the example report, with no
/// store left open on it.
pub fn db_with_examples(copies: usize) -> (tempfile::TempDir, PathBuf) {
    let (dir, path, mut store) = temp_store();
    for _ in 0..copies {
        store.create_report(&example()).unwrap();
    }
    (dir, path)
}

/// The one number `sql` selects, read without the store.
pub fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// The texts `sql` selects, one a row, read without the store.
pub fn texts(path: &Path, sql: &str) -> Vec<String> {
    Connection::open(path)
        .unwrap()
        .prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// One row of the search index: path, part, section, Question and text.
pub type IndexRow = (String, String, Option<String>, Option<i64>, String);

/// What the search index holds for report `id`, in document order, after checking that
/// the full-text index agrees with its rows (FTS5's integrity check against its content
/// table) and that the index of pairs is whole.
pub fn index_rows(path: &Path, id: i64) -> Vec<IndexRow> {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the full-text index matches its rows");
    conn.execute(
        "INSERT INTO search_pairs (search_pairs) VALUES ('integrity-check')",
        [],
    )
    .expect("the index of pairs is whole");
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
