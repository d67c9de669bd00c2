//! PostgreSQL: the connection (TLS by `sslmode`, through rustls) and the
//! migrations, kept in `migrations/postgres/` beside the SQLite ones with
//! the same numbers and the same schema meaning.
//!
//! The client is `postgres`, the blocking face of `tokio-postgres` from the
//! same project: the store runs on its own threads (one writer, a few
//! readers), never on the async runtime's, so both backends keep one
//! synchronous interface and the service's group commit stays as it is.
//!
//! The migration runner is written here because `rusqlite_migration` is
//! SQLite's only; it is a loop over the files in one transaction, under an
//! advisory lock so that processes starting together migrate once.

use std::time::Duration;

use postgres::config::Host;
use postgres::{Client, Config, NoTls};
use secrecy::{ExposeSecret, SecretString};

use super::StoreError;

/// The PostgreSQL migrations, in order: the same numbers and meaning as
/// [`super::MIGRATIONS`].
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_initial.sql"),
    include_str!("../../migrations/postgres/0002_schedules.sql"),
    include_str!("../../migrations/postgres/0003_board_index.sql"),
    include_str!("../../migrations/postgres/0004_board_totals.sql"),
    include_str!("../../migrations/postgres/0005_settling.sql"),
    include_str!("../../migrations/postgres/0006_deliveries.sql"),
    include_str!("../../migrations/postgres/0007_cards.sql"),
    include_str!("../../migrations/postgres/0008_start_slots.sql"),
    include_str!("../../migrations/postgres/0009_installations.sql"),
    include_str!("../../migrations/postgres/0010_recaps_and_pages.sql"),
    include_str!("../../migrations/postgres/0011_seasons_pings_threads.sql"),
    include_str!("../../migrations/postgres/0012_suggestions_and_own_items.sql"),
    include_str!("../../migrations/postgres/0013_web_tokens_hashed_only.sql"),
    include_str!("../../migrations/postgres/0014_visible_names.sql"),
    include_str!("../../migrations/postgres/0015_suggestion_editors.sql"),
    include_str!("../../migrations/postgres/0016_leases.sql"),
    include_str!("../../migrations/postgres/0017_languages.sql"),
    include_str!("../../migrations/postgres/0018_discussions.sql"),
    include_str!("../../migrations/postgres/0019_open_discussions.sql"),
];

/// The advisory lock migrations run under ("qm" and a version of the lock).
const MIGRATION_LOCK: i64 = 0x716d_0001;

/// How long a connection attempt may take before it counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Where a URL points, for messages: `host:port/database`, never the
/// user's password.
pub fn describe(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(host, port)| match host {
            Host::Tcp(name) => format!("{name}:{port}"),
            #[cfg(unix)]
            Host::Unix(path) => format!("{}:{port}", path.display()),
        })
        .collect();
    let hosts = if hosts.is_empty() { "localhost:5432".to_string() } else { hosts.join(",") };
    format!("{hosts}/{}", config.get_dbname().unwrap_or("(the user's database)"))
}

/// Reads a `postgres://` URL. The error names what is wrong, never the URL
/// itself (it holds the password).
pub fn parse_url(url: &SecretString) -> Result<Config, String> {
    let text = url.expose_secret();
    if !(text.starts_with("postgres://") || text.starts_with("postgresql://")) {
        return Err("it must start with postgres:// (postgres://user:password@host:5432/database)".into());
    }
    let mut config: Config = text.parse().map_err(|e: postgres::Error| {
        // The parser's messages name the part, not the value.
        format!("it does not read as a PostgreSQL URL: {e}")
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("quizmaster");
    }
    Ok(config)
}

/// Connects, with TLS where `sslmode` asks for it (`prefer`, the default,
/// tries TLS and falls back; `require` insists), verified against the
/// webpki roots.
pub fn connect(config: &Config) -> Result<Client, StoreError> {
    let result = match config.get_ssl_mode() {
        postgres::config::SslMode::Disable => config.connect(NoTls),
        _ => config.connect(tls()),
    };
    let mut client = result.map_err(|e| unreachable_error(config, &e))?;
    // The store keeps its statements prepared; with PostgreSQL's default a
    // statement run five times gets one generic plan for every value, and
    // a board's plan for an all-time period is not one for a week. Each
    // run is planned for its own values (a fraction of a millisecond).
    client.batch_execute("SET plan_cache_mode = force_custom_plan").map_err(|e| unreachable_error(config, &e))?;
    Ok(client)
}

fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

fn unreachable_error(config: &Config, e: &postgres::Error) -> StoreError {
    let detail = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => std::error::Error::source(e).map_or_else(|| e.to_string(), ToString::to_string),
    };
    StoreError::Unreachable { place: describe(config), message: detail }
}

/// Brings the database to the schema this binary writes, or refuses one
/// that is newer. Runs in one transaction under an advisory lock: a second
/// process starting at the same time waits, then finds nothing to do.
pub fn migrate(client: &mut Client, place: &str) -> Result<(), StoreError> {
    let fail = |e: postgres::Error| StoreError::Migration { path: place.to_string(), message: e.to_string() };
    let mut tx = client.transaction().map_err(fail)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(fail)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS quizmaster_schema (version BIGINT NOT NULL)").map_err(fail)?;
    let found: Option<i64> =
        tx.query_opt("SELECT version FROM quizmaster_schema", &[]).map_err(fail)?.map(|r| r.get(0));
    let found = found.unwrap_or(0);
    let supported = MIGRATIONS.len();
    if usize::try_from(found).is_ok_and(|f| f > supported) {
        return Err(StoreError::TooNew { path: place.to_string(), found, supported });
    }
    let start = usize::try_from(found).unwrap_or(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        tx.batch_execute(sql).map_err(|e| StoreError::Migration {
            path: place.to_string(),
            message: format!(
                "migration {:04}: {}",
                i + 1,
                e.as_db_error().map_or_else(|| e.to_string(), |d| d.to_string())
            ),
        })?;
    }
    if start < supported {
        let version = i64::try_from(supported).unwrap_or(i64::MAX);
        tx.execute("DELETE FROM quizmaster_schema", &[]).map_err(fail)?;
        tx.execute("INSERT INTO quizmaster_schema (version) VALUES ($1)", &[&version]).map_err(fail)?;
    }
    tx.commit().map_err(fail)
}

/// The schema version recorded in the database (0 for an empty one).
pub fn version(client: &mut Client) -> Result<i64, StoreError> {
    let fail = |e: postgres::Error| StoreError::Failed { temporary: false, message: e.to_string() };
    let exists: bool =
        client.query_one("SELECT to_regclass('quizmaster_schema') IS NOT NULL", &[]).map_err(fail)?.get(0);
    if !exists {
        return Ok(0);
    }
    Ok(client.query_opt("SELECT version FROM quizmaster_schema", &[]).map_err(fail)?.map_or(0, |r| r.get(0)))
}
