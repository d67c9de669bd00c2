//! SQLite storage. Opening applies the pragmas and the embedded migrations;
//! the query functions are grouped by table in the submodules. Nothing else in
//! the crate runs SQL.

/// Parameters as the `?1, ?2, …` of a statement (see [`db::Param`]).
macro_rules! sql_params {
    () => { &[] as &[&dyn $crate::store::db::Param] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::db::Param),+] as &[&dyn $crate::store::db::Param] };
}

#[cfg(feature = "testing")]
pub mod bench;
mod bind;
mod boards;
mod cards;
mod closing;
mod copy;
mod daily;
pub mod db;
mod deliveries;
mod discussions;
mod error;
mod installations;
mod languages;
mod people;
pub mod postgres;
mod practice;
mod rebuild;
mod recap_deliveries;
mod recaps;
mod schedules;
mod seasons;
mod shared;
mod suggestions;
mod values;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::config::Synchronous;

pub use crate::quiz::leaderboard::BoardKind;
pub use boards::{Board, UserStats};
pub use cards::{PastReview, past_reviews};
pub use closing::{Closed, Reveal, Settle, Settled};
pub use daily::{AnswerRow, Inserted, NewPost, Post, PostState};
pub use deliveries::{ChannelProblem, Destination, Lease, Part, PendingDelivery};
pub use discussions::OpenThread;
pub use error::{Result, StoreError};
pub use installations::Installation;
pub use languages::GuildLanguage;
pub use practice::PracticeQuestion;
pub use recaps::{PendingRecap, QuestionRow, Recap, Scope, StoredRecapSchedule};
pub use schedules::StoredSchedule;
pub use seasons::{AnswerExport, Season, SeasonStart};
pub use suggestions::{OwnItem, Suggestion, SuggestionState};

use db::{Conn, Param, Row};
use values::{Day, Ms, from_millis, millis, zone_named};

pub use crate::ids::{ChannelId, GuildId, Platform, PostId, PracticeId, RecapId, UserId};

/// The migrations, in order. Their position is the schema version.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_initial.sql"),
    include_str!("../../migrations/0002_schedules.sql"),
    include_str!("../../migrations/0003_board_index.sql"),
    include_str!("../../migrations/0004_board_totals.sql"),
    include_str!("../../migrations/0005_settling.sql"),
    include_str!("../../migrations/0006_deliveries.sql"),
    include_str!("../../migrations/0007_cards.sql"),
    include_str!("../../migrations/0008_start_slots.sql"),
    include_str!("../../migrations/0009_installations.sql"),
    include_str!("../../migrations/0010_recaps_and_pages.sql"),
    include_str!("../../migrations/0011_seasons_pings_threads.sql"),
    include_str!("../../migrations/0012_suggestions_and_own_items.sql"),
    include_str!("../../migrations/0013_web_tokens_hashed_only.sql"),
    include_str!("../../migrations/0014_visible_names.sql"),
    include_str!("../../migrations/0015_suggestion_editors.sql"),
    include_str!("../../migrations/0016_leases.sql"),
    include_str!("../../migrations/0017_languages.sql"),
    include_str!("../../migrations/0018_discussions.sql"),
    include_str!("../../migrations/0019_open_discussions.sql"),
];

/// The migration that introduces cards; past answers are replayed into them
/// right after its script.
const CARDS_MIGRATION: usize = 6;

/// The schema version this binary writes.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

/// A fault [`Store::simulate`] can put the database in.
#[cfg(feature = "testing")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    ReadOnly,
    DiskFull,
}

/// Store settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub synchronous: Synchronous,
    pub busy_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self { synchronous: Synchronous::Normal, busy_timeout: Duration::from_secs(5) }
    }
}

/// Where a database is.
#[derive(Clone)]
pub enum Location {
    File(std::path::PathBuf),
    Postgres(Box<::postgres::Config>),
}

/// An open, migrated database.
pub struct Store {
    conn: Conn,
    /// Posts already read in the open batch (see [`Store::begin`]): a group
    /// of answers reads the same one over and over, and only answers are
    /// written while a batch is open.
    memo: std::cell::RefCell<BatchMemo>,
}

#[derive(Default)]
struct BatchMemo {
    /// By id.
    posts: Vec<daily::Post>,
    /// Each channel's open post, as [`Store::open_post`] found it.
    open: Vec<(ChannelId, Option<daily::Post>)>,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path, options: Options) -> Result<Store> {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty() && !f.is_dir()) {
            return Err(StoreError::NoFolder {
                path: path.display().to_string(),
                folder: folder.display().to_string(),
            });
        }
        create_private(path);
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(options.busy_timeout)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let sync = match options.synchronous {
            Synchronous::Normal => "NORMAL",
            Synchronous::Full => "FULL",
        };
        conn.pragma_update(None, "synchronous", sync)?;
        conn.set_prepared_statement_cache_capacity(64);
        // Boards group a period's answers in a temporary B-tree: keep it in
        // memory rather than in a temporary file.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        migrate(&mut conn, path)?;
        Ok(Store { conn: Conn::Sqlite(conn), memo: Default::default() })
    }

    /// Connects to PostgreSQL and migrates it (see [`postgres::migrate`]).
    pub fn open_postgres(config: &::postgres::Config) -> Result<Store> {
        let mut client = postgres::connect(config)?;
        postgres::migrate(&mut client, &postgres::describe(config))?;
        Ok(Store { conn: Conn::Postgres(Box::new(db::Pg::new(client, config.clone()))), memo: Default::default() })
    }

    /// A connection for reads to a PostgreSQL database another [`Store`]
    /// opened and migrated.
    pub fn open_postgres_reader(config: &::postgres::Config) -> Result<Store> {
        let client = postgres::connect(config)?;
        Ok(Store { conn: Conn::Postgres(Box::new(db::Pg::new(client, config.clone()))), memo: Default::default() })
    }

    /// Where this database is, for more connections to it: its file, or its
    /// PostgreSQL server. `None` for a database in memory.
    pub fn location(&self) -> Option<Location> {
        match &self.conn {
            Conn::Sqlite(_) => self.path().map(|p| Location::File(p.to_path_buf())),
            Conn::Postgres(pg) => Some(Location::Postgres(Box::new(pg.config.clone()))),
        }
    }

    /// A connection for reads to a database another [`Store`] opened.
    pub fn open_reader_at(location: &Location) -> Result<Store> {
        match location {
            Location::File(path) => Store::open_reader(path),
            Location::Postgres(config) => Store::open_postgres_reader(config),
        }
    }

    /// The database file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        match &self.conn {
            Conn::Sqlite(c) => c.path().filter(|p| !p.is_empty()).map(Path::new),
            Conn::Postgres(_) => None,
        }
    }

    /// The SQLite connection, for the benchmark's bulk loader (SQLite only).
    #[cfg(feature = "testing")]
    fn sqlite(&mut self) -> &mut rusqlite::Connection {
        match &mut self.conn {
            Conn::Sqlite(c) => c,
            Conn::Postgres(_) => panic!("the benchmark's bulk loader writes SQLite only"),
        }
    }

    #[cfg(feature = "testing")]
    fn sqlite_ref(&self) -> &rusqlite::Connection {
        match &self.conn {
            Conn::Sqlite(c) => c,
            Conn::Postgres(_) => panic!("the benchmark's bulk loader reads SQLite only"),
        }
    }

    /// Whether this is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        matches!(self.conn, Conn::Postgres(_))
    }

    /// A read-only connection to a database another [`Store`] opened and
    /// migrated, for queries that should not wait behind writes (WAL lets
    /// readers and a writer overlap).
    pub fn open_reader(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -16_000)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn: Conn::Sqlite(conn), memo: Default::default() })
    }

    /// Makes the database behave as if its file were read-only or its disk
    /// full, or clears that, through SQLite's own switches (`query_only`,
    /// `max_page_count`). For fault drills and tests: every write then fails
    /// the way the real fault makes it fail.
    #[cfg(feature = "testing")]
    pub fn simulate(&self, fault: Option<Fault>) -> Result<()> {
        let Conn::Sqlite(conn) = &self.conn else {
            return Err(StoreError::Failed { temporary: false, message: "faults are simulated on SQLite only".into() });
        };
        let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
        let (query_only, max_pages) = match fault {
            None => (false, i64::from(u32::MAX - 1)),
            Some(Fault::ReadOnly) => (true, i64::from(u32::MAX - 1)),
            Some(Fault::DiskFull) => (false, pages),
        };
        conn.pragma_update(None, "query_only", query_only)?;
        conn.pragma_update(None, "max_page_count", max_pages)?;
        Ok(())
    }

    /// The schema version recorded in the database.
    pub fn user_version(&self) -> Result<i64> {
        match &self.conn {
            Conn::Sqlite(c) => Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?),
            Conn::Postgres(pg) => postgres::version(&mut *pg.client()?),
        }
    }

    /// One row from a cached statement: the hot paths run the same few
    /// queries over and over, and preparing each time costs more than the query.
    fn one<T>(&self, sql: &str, params: &[&dyn Param], f: impl FnOnce(&Row<'_>) -> Result<T>) -> Result<T> {
        self.conn.one(sql, params, f)
    }

    /// The first row, or `None`.
    fn opt<T>(&self, sql: &str, params: &[&dyn Param], f: impl FnOnce(&Row<'_>) -> Result<T>) -> Result<Option<T>> {
        self.conn.opt(sql, params, f)
    }

    /// Every row.
    fn all<T>(&self, sql: &str, params: &[&dyn Param], f: impl FnMut(&Row<'_>) -> Result<T>) -> Result<Vec<T>> {
        self.conn.all(sql, params, f)
    }

    /// A write statement, cached likewise.
    fn exec(&self, sql: &str, params: &[&dyn Param]) -> Result<usize> {
        self.conn.exec(sql, params)
    }

    /// Runs `f` in a transaction that writes (immediate on SQLite): all of
    /// it is committed, or none. Inside a [`Store::begin`] batch it joins
    /// the batch's transaction: a failure there is the batch's to undo, all
    /// of it, with [`Store::rollback`].
    fn write<T>(&mut self, f: impl FnOnce(&Conn) -> Result<T>) -> Result<T> {
        if self.conn.in_transaction() {
            return f(&self.conn);
        }
        self.conn.begin()?;
        match f(&self.conn).and_then(|out| self.conn.commit().map(|()| out)) {
            Ok(out) => Ok(out),
            Err(e) => {
                self.conn.rollback();
                Err(e)
            }
        }
    }

    /// Starts a batch: everything until [`Store::commit`] is one immediate
    /// transaction (group commit). Nothing in it is durable before the commit.
    pub fn begin(&mut self) -> Result<()> {
        *self.memo.get_mut() = BatchMemo::default();
        self.conn.begin()
    }

    /// Inside a batch: waits for, and holds until the batch ends, the lock
    /// that lets one process at a time post, close and settle (see
    /// [`db::Conn::plan_lock`]).
    pub fn lock_plan(&mut self) -> Result<()> {
        self.conn.plan_lock()
    }

    pub fn commit(&mut self) -> Result<()> {
        *self.memo.get_mut() = BatchMemo::default();
        self.conn.commit()
    }

    /// Undoes an open batch; a no-op when none is open (SQLite may already
    /// have rolled it back after an I/O error).
    pub fn rollback(&mut self) {
        *self.memo.get_mut() = BatchMemo::default();
        self.conn.rollback();
    }
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = MIGRATIONS.len();
    if usize::try_from(found).is_ok_and(|f| f > supported) {
        return Err(StoreError::TooNew { path: path.display().to_string(), found, supported });
    }
    let steps = MIGRATIONS.iter().enumerate().map(|(i, sql)| {
        if i == CARDS_MIGRATION {
            M::up_with_hook(sql, |tx: &rusqlite::Transaction<'_>| {
                cards::seed_cards(tx).map_err(rusqlite_migration::HookError::from)
            })
        } else {
            M::up(sql)
        }
    });
    Migrations::new(steps.collect())
        .to_latest(conn)
        .map_err(|e| StoreError::Migration { path: path.display().to_string(), message: e.to_string() })
}

/// A new database file is made readable and writable by its owner only:
/// it holds members' names and answers. SQLite gives the `-wal` and `-shm`
/// files it creates beside it the same mode. An existing file keeps its
/// mode, with a warning when others may read it. (Errors are SQLite's to
/// report when it opens the path.)
fn create_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if path.as_os_str() == ":memory:" || path.as_os_str().is_empty() {
            return;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.permissions().mode() & 0o077 != 0 => tracing::warn!(
                path = %path.display(),
                mode = format!("{:o}", meta.permissions().mode() & 0o777),
                "the database file can be read by other users; `chmod 600` it (and its -wal and -shm files)"
            ),
            Ok(_) => {}
            Err(_) => drop(std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)),
        }
    }
}
