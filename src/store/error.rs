//! What can go wrong in the store, and which of it is worth trying again.

use rusqlite::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "database {path} has schema version {found}, newer than this quizmaster supports ({supported}); \
         run a newer quizmaster or restore a backup"
    )]
    TooNew { path: String, found: i64, supported: usize },
    #[error("cannot migrate database {path}: {message}")]
    Migration { path: String, message: String },
    /// The database's folder is not there: nothing will create it.
    #[error(
        "the folder {folder} does not exist; create it, or give a database file in a folder that does (--db \
         FILE or database.path)"
    )]
    NoFolder { path: String, folder: String },
    /// A database server that could not be reached (PostgreSQL): where, and why.
    #[error("cannot reach PostgreSQL at {place} (database.url): {message}")]
    Unreachable { place: String, message: String },
    /// The database is there but cannot take writes right now (locked, read-only, disk full).
    #[error("the database is temporarily unavailable: {0}")]
    Unavailable(rusqlite::Error),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// An error from PostgreSQL: the server's message, or the connection's.
    #[error("PostgreSQL: {}", postgres_message(.0))]
    Postgres(::postgres::Error),
    /// A shared write (a group commit) failed; every caller in it gets this.
    #[error("the database write failed: {message}")]
    Failed { temporary: bool, message: String },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(
                ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::ReadOnly
                | ErrorCode::DiskFull
                | ErrorCode::CannotOpen,
            ) => StoreError::Unavailable(e),
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<::postgres::Error> for StoreError {
    fn from(e: ::postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

/// The server's own message where there is one (with its code), else the
/// client's (a closed connection, an I/O error).
fn postgres_message(e: &::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => std::error::Error::source(e).map_or_else(|| e.to_string(), |s| format!("{e}: {s}")),
    }
}

impl StoreError {
    /// A fault that may clear by itself: the caller should say "try again".
    pub fn is_temporary(&self) -> bool {
        match self {
            StoreError::Unavailable(_)
            | StoreError::Unreachable { .. }
            | StoreError::Failed { temporary: true, .. } => true,
            // No answer from the server (a lost connection), or one of the
            // classes that say "not now": connection exceptions (08),
            // serialization failures and deadlocks (40), too many
            // connections or out of space (53), the server shutting down (57P).
            StoreError::Postgres(e) => e.as_db_error().is_none_or(|db| {
                let code = db.code().code();
                ["08", "40", "53", "57P"].iter().any(|class| code.starts_with(class))
            }),
            _ => false,
        }
    }

    /// An error from the database itself: the transaction it happened in cannot be trusted.
    pub fn is_database(&self) -> bool {
        matches!(self, StoreError::Unavailable(_) | StoreError::Sqlite(_) | StoreError::Postgres(_))
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
