//! A PostgreSQL schema of its own for one test, in the database
//! `QUIZMASTER_TEST_DATABASE` names (`.ci/postgres` starts one). Without
//! that variable the PostgreSQL tests are skipped, and say so.

use postgres::Client;
use quizmaster::store::postgres::{connect, parse_url};
use secrecy::SecretString;

/// The environment variable that names the test database.
pub const VAR: &str = "QUIZMASTER_TEST_DATABASE";

/// A fresh, empty schema, dropped when the test ends.
pub struct Schema {
    pub config: postgres::Config,
    pub name: String,
}

impl Schema {
    /// A new schema, or `None` (having said so) when no database is given.
    pub fn new(test: &str) -> Option<Schema> {
        let Ok(url) = std::env::var(VAR) else {
            eprintln!("skipped {test}: no PostgreSQL ({VAR} is not set; .ci/postgres starts one)");
            return None;
        };
        let name = format!("t_{}_{}", std::process::id(), rand_suffix());
        let mut admin = connect(&parse_url(&SecretString::from(url.clone())).expect(VAR)).expect("test database");
        admin.batch_execute(&format!("CREATE SCHEMA {name}")).expect("create schema");
        let sep = if url.contains('?') { '&' } else { '?' };
        let url = format!("{url}{sep}options=-c%20search_path%3D{name}");
        let config = parse_url(&SecretString::from(url)).expect("schema URL");
        Some(Schema { config, name })
    }

    pub fn client(&self) -> Client {
        connect(&self.config).expect("connect to the test schema")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut c) = connect(&self.config) {
            let _ = c.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
        }
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("{nanos:x}{}", N.fetch_add(1, Ordering::SeqCst))
}
