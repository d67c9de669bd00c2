//! `quizmaster db copy`: every row of a SQLite database into an empty
//! PostgreSQL one, ids kept, in one transaction that is checked table by
//! table before it commits. Anything different, and nothing is written.

use std::borrow::Cow;

use super::db::{Conn, Param, Value};
use super::{Result, Store, StoreError};

/// A value as read from either backend, owned.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Param for Cell {
    fn value(&self) -> Value<'_> {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(v) => Value::Int(*v),
            Cell::Real(v) => Value::Real(*v),
            Cell::Text(s) => Value::Text(Cow::Borrowed(s)),
            Cell::Bytes(b) => Value::Bytes(b),
        }
    }
}

/// The table the triggers fill from `streaks`.
const DERIVED: &str = "streak_counts";

impl Store {
    /// Copies every row of `from` (a SQLite database) into this one (an
    /// empty PostgreSQL database), ids kept; then compares every table,
    /// row by row, and commits only if all are equal. Returns each table
    /// with its rows.
    pub fn copy_from(&mut self, from: &Store) -> Result<Vec<(String, usize)>> {
        let (Conn::Sqlite(source), Conn::Postgres(_)) = (&from.conn, &self.conn) else {
            return Err(refused("copies go from a SQLite file to a PostgreSQL database"));
        };
        let tables = tables_in_order(source)?;
        for (table, _) in &tables {
            let rows: i64 = self.one(&format!("SELECT COUNT(*) FROM {table}"), sql_params![], |r| r.get(0))?;
            if rows > 0 {
                return Err(refused(&format!(
                    "the PostgreSQL database is not empty ({table} has {rows} rows); copy into a new database"
                )));
            }
        }
        self.write(|to| {
            let mut copied = Vec::new();
            // The derived counts last, as they were: the copied streaks
            // filled them through the triggers, and the source's rows (with
            // their emptied counts) replace that.
            let derived_last =
                tables.iter().filter(|(t, _)| t != DERIVED).chain(tables.iter().filter(|(t, _)| t == DERIVED));
            // Each table is compared as soon as it is written: only the
            // triggers write to another table, and theirs comes last.
            for (table, columns) in derived_last {
                let mut rows = sqlite_rows(source, table, columns)?;
                if table == DERIVED {
                    to.exec(&format!("DELETE FROM {table}"), sql_params![])?;
                }
                let params: Vec<Vec<&dyn Param>> =
                    rows.iter().map(|row| row.iter().map(|c| c as &dyn Param).collect()).collect();
                to.insert_rows(&format!("{table} ({})", columns.join(", ")), columns.len(), &params)?;
                let mut after = postgres_rows(to, table, columns)?;
                rows.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                after.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                if rows != after {
                    return Err(refused(&format!(
                        "{table} differs after the copy ({} rows before, {} after); nothing was written",
                        rows.len(),
                        after.len()
                    )));
                }
                copied.push((table.clone(), rows.len()));
            }
            // New rows get ids after the copied ones.
            for (table, columns) in &tables {
                if columns.iter().any(|c| c == "id") {
                    to.exec(
                        &format!(
                            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false)
                             FROM {table} WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL"
                        ),
                        sql_params![],
                    )?;
                }
            }
            Ok(copied)
        })
        .and_then(|copied| {
            // The planner's statistics for the new rows, so that the first
            // boards do not run on plans made for empty tables.
            self.exec("ANALYZE", sql_params![])?;
            Ok(copied)
        })
    }
}

fn refused(message: &str) -> StoreError {
    StoreError::Failed { temporary: false, message: message.to_string() }
}

/// The source's tables with their columns, each after the tables its
/// foreign keys point to.
fn tables_in_order(source: &rusqlite::Connection) -> Result<Vec<(String, Vec<String>)>> {
    let names: Vec<String> = source
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut left: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for name in names {
        let columns: Vec<String> = source
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}') ORDER BY cid"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let parents: Vec<String> = source
            .prepare(&format!("SELECT \"table\" FROM pragma_foreign_key_list('{name}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?
            .into_iter()
            .filter(|p| *p != name)
            .collect();
        left.push((name, columns, parents));
    }
    let mut ordered: Vec<(String, Vec<String>)> = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|(_, _, parents)| parents.iter().all(|p| ordered.iter().any(|(t, _)| t == p)));
        let Some(i) = ready else { return Err(refused("the tables' foreign keys form a cycle")) };
        let (name, columns, _) = left.remove(i);
        ordered.push((name, columns));
    }
    Ok(ordered)
}

fn sqlite_rows(source: &rusqlite::Connection, table: &str, columns: &[String]) -> Result<Vec<Vec<Cell>>> {
    use rusqlite::types::ValueRef;
    let mut stmt = source.prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))?;
    let rows = stmt.query_map([], |r| {
        (0..columns.len())
            .map(|i| {
                Ok(match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Real(v) => Cell::Real(v),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
                })
            })
            .collect::<rusqlite::Result<Vec<Cell>>>()
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn postgres_rows(to: &Conn, table: &str, columns: &[String]) -> Result<Vec<Vec<Cell>>> {
    to.all(&format!("SELECT {} FROM {table}", columns.join(", ")), sql_params![], |r| {
        (0..columns.len()).map(|i| r.cell(i)).collect::<Result<Vec<Cell>>>()
    })
}

impl super::db::Row<'_> {
    /// A value of any column type, as the copy compares it.
    fn cell(&self, i: usize) -> Result<Cell> {
        if self.is_null(i) {
            return Ok(Cell::Null);
        }
        if let Ok(v) = self.get::<i64>(i) {
            return Ok(Cell::Int(v));
        }
        if let Ok(v) = self.get::<f64>(i) {
            return Ok(Cell::Real(v));
        }
        if let Ok(v) = self.get::<String>(i) {
            return Ok(Cell::Text(v));
        }
        Ok(Cell::Bytes(self.get::<Vec<u8>>(i)?))
    }
}
