//! Shared helpers: a small fixed bank, a service on a fresh database file,
//! and a context builder.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use quizmaster::content::{Bank, Source};
use quizmaster::service::{Ctx, Rules, Service};
use quizmaster::store::{Options, Store};

/// Two items: a four-choice one (answer B) and a text one.
pub const PACK: &str = r#"
[[item]]
id = "cap-partition"
topic = 41
category = "miscellaneous"
difficulty = "medium"
kind = "choice"
prompt = "During a network partition, what must a distributed store give up: consistency or availability?"
choices = ["Durability", "One of consistency or availability", "Partition tolerance", "Nothing"]
answer = "B"
explanation = "When the network splits, a node must either refuse requests (losing availability) or answer with possibly stale data (losing consistency)."

[[item]]
id = "idempotent-word"
topic = 43
category = "apis"
difficulty = "easy"
kind = "text"
prompt = "What word describes an operation that has the same effect whether it runs once or many times?"
accept = ["idempotent", "idempotency"]
explanation = "Idempotent operations can be retried safely, which is why PUT and DELETE are designed that way."
"#;

pub fn bank() -> Bank {
    Bank::from_sources(&[Source { name: "fixture.toml".into(), text: PACK.into() }]).expect("fixture bank is valid")
}

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("quiz.db")
}

pub fn store(dir: &Path) -> Store {
    Store::open(&db_path(dir), Options::default()).expect("open store")
}

/// A service on a fresh database. Tests fire many commands at one instant,
/// so the per-user rate limit is opened wide here; it has its own test.
pub fn service(dir: &Path) -> Arc<Service> {
    let rules =
        Rules { rate: quizmaster::quiz::ratelimit::RateRules { burst: 1000, per_second: 1000.0 }, ..Rules::default() };
    Arc::new(Service::with_seed(store(dir), bank(), rules, 42))
}

pub fn at(s: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time").and_utc()
}

pub fn ctx(user: &str, now: &str) -> Ctx {
    ctx_at(user, at(now))
}

pub fn ctx_at(user: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: "console".into(),
        guild: "g1".into(),
        channel: "c1".into(),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: true,
        now,
    }
}

/// Independent counts straight from the file, to check what the service wrote.
pub fn count(dir: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open for counting");
    conn.query_row(sql, [], |r| r.get(0)).expect("count query")
}

/// The real binary, run in `dir` with a clean environment and quiet logs.
pub fn quizmaster(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_quizmaster"));
    cmd.current_dir(dir).env_remove("RUST_LOG").env("QUIZMASTER__LOG__LEVEL", "warn");
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("QUIZMASTER__") && k != "QUIZMASTER__LOG__LEVEL") {
        cmd.env_remove(key);
    }
    cmd
}
