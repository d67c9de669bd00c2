//! Rows read straight from the database, on either backend, so a test can
//! check what the service wrote against the rules without going through
//! the store. Numbers come back as `i64` (cast sums with `CAST(… AS
//! BIGINT)`, which both backends read the same way), text as `String`.

use std::path::Path;

use super::{db_path, pg};

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(n) => *n,
            Cell::Null => 0,
            other => panic!("not an integer: {other:?}"),
        }
    }

    pub fn real(&self) -> f64 {
        match self {
            Cell::Real(x) => *x,
            Cell::Int(n) => *n as f64,
            other => panic!("not a number: {other:?}"),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            other => panic!("not text: {other:?}"),
        }
    }
}

/// Every row `sql` selects, on the backend this run uses.
pub fn rows(dir: &Path, sql: &str) -> Vec<Vec<Cell>> {
    if pg::on_postgres() {
        let rows = pg::off_runtime(|| pg::client_for(dir).query(sql, &[]).expect("query"));
        return rows.iter().map(|r| (0..r.len()).map(|i| pg_cell(r, i)).collect()).collect();
    }
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open for reading");
    let mut stmt = conn.prepare(sql).expect("query");
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(sqlite_cell)).collect())
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn sqlite_cell(v: rusqlite::types::Value) -> Cell {
    use rusqlite::types::Value;
    match v {
        Value::Null => Cell::Null,
        Value::Integer(n) => Cell::Int(n),
        Value::Real(x) => Cell::Real(x),
        Value::Text(s) => Cell::Text(s),
        Value::Blob(_) => panic!("a blob column in a test query"),
    }
}

fn pg_cell(row: &postgres::Row, i: usize) -> Cell {
    use postgres::types::Type;
    let ty = row.columns()[i].type_().clone();
    let or_null = |c: Option<Cell>| c.unwrap_or(Cell::Null);
    match ty {
        Type::INT8 => or_null(row.get::<_, Option<i64>>(i).map(Cell::Int)),
        Type::INT4 => or_null(row.get::<_, Option<i32>>(i).map(|n| Cell::Int(n.into()))),
        Type::INT2 => or_null(row.get::<_, Option<i16>>(i).map(|n| Cell::Int(n.into()))),
        Type::BOOL => or_null(row.get::<_, Option<bool>>(i).map(|b| Cell::Int(b.into()))),
        Type::FLOAT8 => or_null(row.get::<_, Option<f64>>(i).map(Cell::Real)),
        Type::FLOAT4 => or_null(row.get::<_, Option<f32>>(i).map(|x| Cell::Real(x.into()))),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
            or_null(row.get::<_, Option<String>>(i).map(Cell::Text))
        }
        other => panic!("column {i} is {other}: cast it to BIGINT or TEXT in the test's query"),
    }
}
