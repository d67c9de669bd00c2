//! A PostgreSQL schema of its own for one test, in the database
//! `QUIZMASTER_TEST_DATABASE` names (`.ci/postgres` starts one). Without
//! that variable the PostgreSQL tests are skipped, and say so.

use postgres::Client;
use quizmaster::store::postgres::{connect, parse_url};
use secrecy::SecretString;

/// The environment variable that names the test database.
pub const VAR: &str = "QUIZMASTER_TEST_DATABASE";
/// Set to `postgres` (with [`VAR`]) to run the bot's tests on PostgreSQL.
pub const BACKEND: &str = "QUIZMASTER_TEST_BACKEND";

/// Whether this run puts the bot on PostgreSQL: each test directory gets a
/// schema of its own, and the helpers that read or change the database
/// (`count`, `exec`, `store`) go there instead of the SQLite file.
pub fn on_postgres() -> bool {
    std::env::var(BACKEND).is_ok_and(|b| b == "postgres") && std::env::var(VAR).is_ok()
}

/// The schemas of this run's test directories, kept until the run ends.
static SCHEMAS: std::sync::Mutex<Vec<(std::path::PathBuf, Schema)>> = std::sync::Mutex::new(Vec::new());

/// The URL for the test in `dir`: its own schema, made on first use.
pub fn url_for(dir: &std::path::Path) -> String {
    let mut schemas = SCHEMAS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, s)) = schemas.iter().find(|(d, _)| d == dir) {
        return s.url.clone();
    }
    let schema = Schema::new("the PostgreSQL pass").expect("QUIZMASTER_TEST_DATABASE is set");
    let url = schema.url.clone();
    schemas.push((dir.to_path_buf(), schema));
    url
}

/// A client on the schema of the test in `dir`.
pub fn client_for(dir: &std::path::Path) -> Client {
    let url = url_for(dir);
    connect(&parse_url(&SecretString::from(url)).expect("schema URL")).expect("connect to the test schema")
}

/// Runs `f` on a thread of its own: the blocking PostgreSQL client may not
/// run on a thread that drives async tasks, and async tests call these
/// helpers.
pub fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("the database helper panicked"))
}

/// A fresh, empty schema, dropped when the test ends.
pub struct Schema {
    pub config: postgres::Config,
    pub name: String,
    /// The URL with the schema as its search path, as the bot takes it.
    pub url: String,
}

impl Schema {
    /// A new schema, or `None` (having said so) when no database is given.
    pub fn new(test: &str) -> Option<Schema> {
        let Ok(url) = std::env::var(VAR) else {
            eprintln!("skipped {test}: no PostgreSQL ({VAR} is not set; .ci/postgres starts one)");
            return None;
        };
        let name = format!("t_{}_{}", std::process::id(), rand_suffix());
        off_runtime(|| {
            let mut admin = connect(&parse_url(&SecretString::from(url.clone())).expect(VAR)).expect("test database");
            admin.batch_execute(&format!("CREATE SCHEMA {name}")).expect("create schema");
        });
        let sep = if url.contains('?') { '&' } else { '?' };
        // Its own search path, and its name as the application name so that
        // a test can find (and cut) its own connections.
        let url = format!("{url}{sep}options=-c%20search_path%3D{name}&application_name={name}");
        let config = parse_url(&SecretString::from(url.clone())).expect("schema URL");
        Some(Schema { config, name, url })
    }

    /// [`Schema::new`] for the tests about PostgreSQL itself, which run once:
    /// in the first pass, not again in the pass that puts every test on it.
    pub fn once(test: &str) -> Option<Schema> {
        if on_postgres() {
            eprintln!("skipped {test} on the PostgreSQL pass: it ran in the first pass");
            return None;
        }
        Schema::new(test)
    }

    pub fn client(&self) -> Client {
        connect(&self.config).expect("connect to the test schema")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        off_runtime(|| {
            if let Ok(mut c) = connect(&self.config) {
                let _ = c.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
            }
        });
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("{nanos:x}{}", N.fetch_add(1, Ordering::SeqCst))
}

/// A PostgreSQL cluster of one test's own (started by `.ci/postgres`), for
/// the tests that restart the server under the bot; stopped when dropped.
pub struct Cluster {
    dir: String,
    pub url: String,
}

impl Cluster {
    /// A new cluster, or `None` (having said so) where the PostgreSQL tests
    /// are skipped or already ran.
    pub fn start(test: &str) -> Option<Cluster> {
        drop(Schema::once(test)?);
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/postgres");
        let out = std::process::Command::new("bash").arg(script).output().expect("run .ci/postgres");
        assert!(out.status.success(), ".ci/postgres failed: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let value = |key: &str| {
            text.lines().find_map(|l| l.strip_prefix(key)).map(str::to_string).expect(".ci/postgres output")
        };
        Some(Cluster { dir: value("PGDIR="), url: value("QUIZMASTER_TEST_DATABASE=") })
    }

    /// `pg_ctl restart -m fast`: every connection is cut, the server is
    /// down for a moment and comes back on the same port.
    pub fn restart(&self) {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL's binaries")
            .filter_map(Result::ok)
            .map(|e| e.path().join("bin"))
            .max()
            .expect("a PostgreSQL version");
        // The server's output goes to its log, not to a pipe this waits on.
        let cmd = format!("{}/pg_ctl -D '{dir}/data' -l '{dir}/log' -m fast -w restart", bin.display(), dir = self.dir);
        let out = std::process::Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", &cmd]).output().unwrap();
        assert!(out.status.success(), "pg_ctl restart: {}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/postgres");
        let _ = std::process::Command::new("bash").args([script, "stop", &self.dir]).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
