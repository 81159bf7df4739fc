//! A database's every row, as text: what the tests compare to say "nothing changed".
//! Shared by the store's tests and the CLI's (included by path).

use rusqlite::Connection;
use std::path::Path;

/// Every row of every table, as text: two equal dumps mean an unchanged database.
#[allow(dead_code)] // not every file that includes this one compares whole databases
pub fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut tables: Vec<String> = conn
        // A virtual table's rows are in its shadow tables, which are dumped.
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|t| !t.starts_with("sqlite_"));
    dump_tables(&conn, &tables)
}

/// Every row of `tables`, as text, in a stable order.
pub fn dump_tables(conn: &Connection, tables: &[impl AsRef<str>]) -> Vec<String> {
    let mut out = Vec::new();
    for table in tables {
        let table = table.as_ref();
        let columns = conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=columns).map(|c| c.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT * FROM {table} ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
        let rows = stmt
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}
