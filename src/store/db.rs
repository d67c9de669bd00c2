//! One query interface over both backends, so that every query of the
//! store is written once. SQL is written with `?1`-style placeholders and
//! in the dialect both accept (`ON CONFLICT`, `RETURNING`, `COALESCE`,
//! `IS DISTINCT FROM`); on PostgreSQL the placeholders become `$1` and each
//! statement is prepared once per connection. Values cross through two
//! small traits: [`Param`] (what a query may be given: integers, text,
//! bytes, floats and the ids, never a `bool`, since every flag column is an
//! integer on both) and [`Column`] (what a row may be read as).
//!
//! Written here because the crates that span both (sqlx, diesel) would
//! replace the whole store and its group commit; this is the width of
//! what the store needs and no more.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::bind::PgNull;
pub(super) use super::bind::{Column, Param, ReadError, Value};
use super::{Result, StoreError};

/// The advisory lock key of the scheduler's plan (any fixed number; this
/// one spells "qmplan").
const PLAN_LOCK: i64 = 0x716d_706c_616e;

/// One row of a result, from either backend.
pub(super) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// Whether the column is NULL, whatever its type.
    pub fn is_null(&self, i: usize) -> bool {
        match self {
            Row::Sqlite(r) => matches!(r.get_ref(i), Ok(rusqlite::types::ValueRef::Null)),
            Row::Postgres(r) => r.try_get::<_, PgNull>(i).is_ok_and(|n| n.0),
        }
    }

    pub fn get<T: Column>(&self, i: usize) -> Result<T> {
        match self {
            Row::Sqlite(r) => Ok(T::sqlite(r, i)?),
            Row::Postgres(r) => T::postgres(r, i)
                .map_err(|e| StoreError::Failed { temporary: false, message: format!("reading column {i}: {e}") }),
        }
    }
}

/// A PostgreSQL connection with its prepared statements. A connection the
/// server closed (a restart, a failover) is opened again on next use, unless
/// a transaction was open on it: that transaction is lost, its caller gets
/// the error and rolls back, and the next one starts on a new connection.
pub(super) struct Pg {
    client: RefCell<Option<postgres::Client>>,
    /// Where it connected, for more connections to the same database.
    pub config: postgres::Config,
    /// By the statement's text as the store writes it.
    statements: RefCell<HashMap<String, postgres::Statement>>,
    in_transaction: Cell<bool>,
}

impl Pg {
    pub fn new(client: postgres::Client, config: postgres::Config) -> Pg {
        Pg {
            client: RefCell::new(Some(client)),
            config,
            statements: RefCell::default(),
            in_transaction: Cell::new(false),
        }
    }

    /// The connection, opened again if the server closed it.
    pub fn client(&self) -> Result<std::cell::RefMut<'_, postgres::Client>> {
        {
            let mut slot = self.client.borrow_mut();
            if slot.as_ref().is_none_or(postgres::Client::is_closed) {
                if self.in_transaction.get() {
                    return Err(StoreError::Failed {
                        temporary: true,
                        message: "the connection to PostgreSQL was lost in the middle of a transaction".into(),
                    });
                }
                if let Some(old) = slot.take() {
                    drop_off_runtime(old);
                }
                self.statements.borrow_mut().clear();
                *slot = Some(super::postgres::connect(&self.config)?);
                tracing::info!("connected to PostgreSQL again");
            }
        }
        Ok(std::cell::RefMut::map(self.client.borrow_mut(), |c| c.as_mut().expect("connected above")))
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Some(client) = self.client.get_mut().take() {
            drop_off_runtime(client);
        }
    }
}

/// Closing a client blocks on its own runtime, which may not happen on a
/// thread that drives async tasks: there it is closed on a thread of its own.
fn drop_off_runtime(client: postgres::Client) {
    if tokio::runtime::Handle::try_current().is_ok() {
        std::thread::spawn(move || drop(client));
    } else {
        drop(client);
    }
}

/// A connection to either backend.
pub(super) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Pg>),
}

/// `?N` placeholders as PostgreSQL's `$N`. The store's SQL has no `?`
/// inside a string literal.
pub(super) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

fn values<'a>(params: &'a [&'a dyn Param]) -> Vec<Value<'a>> {
    params.iter().map(|p| p.value()).collect()
}

fn pg_params<'a>(values: &'a [Value<'a>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn postgres::types::ToSql + Sync)).collect()
}

impl Conn {
    /// Runs `f` over the rows, one at a time, until it returns false.
    pub fn each(&self, sql: &str, params: &[&dyn Param], mut f: impl FnMut(&Row<'_>) -> Result<bool>) -> Result<()> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let values = values(params);
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                while let Some(r) = rows.next()? {
                    if !f(&Row::Sqlite(r))? {
                        break;
                    }
                }
                Ok(())
            }
            Conn::Postgres(pg) => {
                let rows = pg.query(sql, params)?;
                for r in &rows {
                    if !f(&Row::Postgres(r))? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// The first row, or `None`.
    pub fn opt<T>(&self, sql: &str, params: &[&dyn Param], f: impl FnOnce(&Row<'_>) -> Result<T>) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        self.each(sql, params, |r| {
            out = f.take().map(|f| f(r)).transpose()?;
            Ok(false)
        })?;
        Ok(out)
    }

    /// The first row; no row is an error.
    pub fn one<T>(&self, sql: &str, params: &[&dyn Param], f: impl FnOnce(&Row<'_>) -> Result<T>) -> Result<T> {
        self.opt(sql, params, f)?.ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Every row.
    pub fn all<T>(&self, sql: &str, params: &[&dyn Param], mut f: impl FnMut(&Row<'_>) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(f(r)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// A statement that returns no rows: how many it changed.
    pub fn exec(&self, sql: &str, params: &[&dyn Param]) -> Result<usize> {
        match self {
            Conn::Sqlite(c) => {
                let values = values(params);
                Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(values.iter()))?)
            }
            Conn::Postgres(pg) => Ok(usize::try_from(pg.execute(sql, params)?).unwrap_or(usize::MAX)),
        }
    }

    /// Whether a transaction is open.
    pub fn in_transaction(&self) -> bool {
        match self {
            Conn::Sqlite(c) => !c.is_autocommit(),
            Conn::Postgres(pg) => pg.in_transaction.get(),
        }
    }

    /// Starts a transaction that writes: SQLite takes the write lock at once.
    pub fn begin(&self) -> Result<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch("BEGIN IMMEDIATE")?),
            Conn::Postgres(pg) => {
                pg.client()?.batch_execute("BEGIN")?;
                pg.in_transaction.set(true);
                Ok(())
            }
        }
    }

    pub fn commit(&self) -> Result<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch("COMMIT")?),
            Conn::Postgres(pg) => {
                let out = pg.client().and_then(|mut c| Ok(c.batch_execute("COMMIT")?));
                pg.in_transaction.set(false);
                Ok(out?)
            }
        }
    }

    /// `INSERT INTO {into} VALUES (…)` for each row of `width` parameters:
    /// a few hundred rows to a statement on PostgreSQL (each statement is a
    /// round trip), one cached statement per row on SQLite (in process,
    /// where that is fastest).
    pub fn insert_rows(&self, into: &str, width: usize, rows: &[Vec<&dyn Param>]) -> Result<()> {
        let per_statement = if self.is_postgres() { (4096 / width.max(1)).max(1) } else { 1 };
        for chunk in rows.chunks(per_statement) {
            let values: Vec<String> = (0..chunk.len())
                .map(|k| {
                    let marks: Vec<String> = (1..=width).map(|i| format!("?{}", k * width + i)).collect();
                    format!("({})", marks.join(", "))
                })
                .collect();
            let params: Vec<&dyn Param> = chunk.iter().flatten().copied().collect();
            self.exec(&format!("INSERT INTO {into} VALUES {}", values.join(", ")), &params)?;
        }
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Conn::Postgres(_))
    }

    /// `clause` (a row lock such as `FOR SHARE`) on PostgreSQL, where other
    /// processes write at the same time; nothing on SQLite, whose write
    /// transaction already holds the whole database.
    pub fn row_lock(&self, clause: &'static str) -> &'static str {
        match self {
            Conn::Sqlite(_) => "",
            Conn::Postgres(_) => clause,
        }
    }

    /// Inside a transaction: waits until no other process holds the plan
    /// lock, and holds it until the transaction ends, so that one process
    /// at a time posts, closes and settles (PostgreSQL's transaction-scoped
    /// advisory lock; SQLite's write transaction already is one).
    pub fn plan_lock(&self) -> Result<()> {
        match self {
            Conn::Sqlite(_) => Ok(()),
            Conn::Postgres(_) => self.exec("SELECT pg_advisory_xact_lock(?1)", sql_params![PLAN_LOCK]).map(drop),
        }
    }

    /// The database server's clock in ms since the epoch, as SQL: one clock
    /// for every process, however far apart their own clocks are.
    pub fn now_ms_sql(&self) -> &'static str {
        match self {
            Conn::Sqlite(_) => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
            Conn::Postgres(_) => "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000 AS BIGINT)",
        }
    }

    /// Undoes the open transaction, if any (SQLite may already have rolled
    /// it back after an I/O error; a broken PostgreSQL connection has).
    pub fn rollback(&self) {
        match self {
            Conn::Sqlite(c) if !c.is_autocommit() => {
                let _ = c.execute_batch("ROLLBACK");
            }
            Conn::Sqlite(_) => {}
            Conn::Postgres(pg) => {
                if pg.in_transaction.get() {
                    if let Ok(mut c) = pg.client() {
                        let _ = c.batch_execute("ROLLBACK");
                    }
                    pg.in_transaction.set(false);
                }
            }
        }
    }
}

impl Pg {
    /// The statement for `sql`, prepared on first use on this connection.
    fn statement(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client()?.prepare(&dollar_placeholders(sql))?;
        if self.statements.borrow().len() < 512 {
            self.statements.borrow_mut().insert(sql.to_string(), stmt.clone());
        }
        Ok(stmt)
    }

    fn query(&self, sql: &str, params: &[&dyn Param]) -> Result<Vec<postgres::Row>> {
        let stmt = self.statement(sql)?;
        let values = values(params);
        Ok(self.client()?.query(&stmt, &pg_params(&values))?)
    }

    fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<u64> {
        let stmt = self.statement(sql)?;
        let values = values(params);
        Ok(self.client()?.execute(&stmt, &pg_params(&values))?)
    }
}

#[cfg(test)]
mod tests {
    use super::dollar_placeholders;

    #[test]
    fn placeholders_are_numbered_the_postgresql_way() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?12) AND d IS DISTINCT FROM ?3"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $12) AND d IS DISTINCT FROM $3"
        );
        assert_eq!(dollar_placeholders("SELECT '?' || x"), "SELECT '?' || x", "a bare ? is not a placeholder");
    }
}
