//! PostgreSQL, against a real server (`QUIZMASTER_TEST_DATABASE`; skipped
//! without it): the migrations give the schema SQLite's give, a newer
//! schema is refused, processes starting together migrate once, and an
//! unreachable server is named without its password.

use std::collections::{BTreeMap, BTreeSet};

use quizmaster::store::postgres::{connect, migrate, parse_url, version};
use quizmaster::store::{Options, Store, StoreError, schema_version};
use secrecy::SecretString;
use tempfile::TempDir;

use crate::support::pg::Schema;

/// A table as both backends can describe it: its columns in order (with
/// whether each may be NULL, primary keys aside), its unique keys, its
/// named indexes.
#[derive(Debug, PartialEq, Eq, Default)]
struct Table {
    columns: Vec<(String, bool)>,
    unique: BTreeSet<Vec<String>>,
    indexes: BTreeSet<String>,
}

fn sqlite_schema(path: &std::path::Path) -> (BTreeMap<String, Table>, BTreeSet<String>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut tables = BTreeMap::new();
    for name in names {
        let mut t = Table::default();
        let mut stmt = conn.prepare(&format!("PRAGMA table_info({name})")).unwrap();
        let cols = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, bool>(3)?, r.get::<_, i64>(5)?)));
        for (col, notnull, pk) in cols.unwrap().map(Result::unwrap) {
            // A primary key column is never NULL on either side, whatever SQLite's flag says.
            t.columns.push((col, notnull || pk > 0));
        }
        let mut stmt = conn.prepare(&format!("PRAGMA index_list({name})")).unwrap();
        let indexes: Vec<(String, bool)> =
            stmt.query_map([], |r| Ok((r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        for (index, unique) in indexes {
            let cols: Vec<String> = conn
                .prepare(&format!("PRAGMA index_info({index})"))
                .unwrap()
                .query_map([], |r| r.get(2))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let partial: bool = conn
                .query_row("SELECT sql LIKE '% WHERE %' FROM sqlite_master WHERE name = ?1", [&index], |r| {
                    r.get::<_, Option<bool>>(0)
                })
                .unwrap_or(None)
                .unwrap_or(false);
            if unique && !partial {
                t.unique.insert(cols);
            }
            if !index.starts_with("sqlite_autoindex") {
                t.indexes.insert(index);
            }
        }
        // A primary key that is the rowid has no index of its own.
        let pk: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}') WHERE pk > 0 ORDER BY pk"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        if !pk.is_empty() {
            t.unique.insert(pk);
        }
        tables.insert(name, t);
    }
    let triggers = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (tables, triggers)
}

fn postgres_schema(client: &mut postgres::Client, schema: &str) -> (BTreeMap<String, Table>, BTreeSet<String>) {
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    let rows = client
        .query(
            "SELECT table_name::text, column_name::text, is_nullable = 'NO' FROM information_schema.columns \
             WHERE table_schema = $1 AND table_name <> 'quizmaster_schema' ORDER BY table_name, ordinal_position",
            &[&schema],
        )
        .unwrap();
    for r in rows {
        tables.entry(r.get(0)).or_default().columns.push((r.get(1), r.get(2)));
    }
    let rows = client
        .query(
            "SELECT t.relname::text, i.relname::text, x.indisunique, x.indpred IS NOT NULL, \
                    ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnatts::int) AS k \
                          ORDER BY k) \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND t.relname <> 'quizmaster_schema'",
            &[&schema],
        )
        .unwrap();
    for r in rows {
        let (table, index, unique, partial): (String, String, bool, bool) = (r.get(0), r.get(1), r.get(2), r.get(3));
        // A key on lower(name) is SQLite's unnamed NOCASE key on the column.
        let raw: Vec<String> = r.get(4);
        let nocase = raw.iter().any(|c| c.starts_with("lower("));
        let cols: Vec<String> =
            raw.iter().map(|c| c.trim_start_matches("lower(").trim_end_matches(')').to_string()).collect();
        let t = tables.entry(table).or_default();
        if unique && !partial {
            t.unique.insert(cols);
        }
        let constraint = index.ends_with("_pkey") || index.ends_with("_key") || (unique && nocase);
        if !constraint {
            t.indexes.insert(index);
        }
    }
    let triggers = client
        .query(
            "SELECT tgname::text FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT g.tgisinternal",
            &[&schema],
        )
        .unwrap()
        .into_iter()
        .map(|r| r.get(0))
        .collect();
    (tables, triggers)
}

#[test]
fn postgres_migrations_give_the_schema_sqlite_migrations_give() {
    let Some(pg) = Schema::new("postgres_migrations_give_the_schema_sqlite_migrations_give") else { return };
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("q.db");
    drop(Store::open(&path, Options::default()).unwrap());
    let (sqlite, sqlite_triggers) = sqlite_schema(&path);

    let mut client = pg.client();
    migrate(&mut client, "test").unwrap();
    assert_eq!(version(&mut client).unwrap(), i64::try_from(schema_version()).unwrap());
    let (postgres, postgres_triggers) = postgres_schema(&mut client, &pg.name);

    assert_eq!(sqlite.keys().collect::<Vec<_>>(), postgres.keys().collect::<Vec<_>>(), "the same tables");
    for (name, table) in &sqlite {
        assert_eq!(table, &postgres[name], "table {name}: SQLite (left) and PostgreSQL (right)");
    }
    assert_eq!(sqlite_triggers, postgres_triggers, "the same triggers");
    assert!(sqlite.len() >= 20, "{} tables", sqlite.len());
}

#[test]
fn a_postgres_schema_newer_than_the_binary_is_refused_and_migrating_twice_changes_nothing() {
    let Some(pg) = Schema::new("a_postgres_schema_newer_than_the_binary_is_refused") else { return };
    let mut client = pg.client();
    migrate(&mut client, "test").unwrap();
    migrate(&mut client, "test").unwrap();
    client.batch_execute("UPDATE quizmaster_schema SET version = 999").unwrap();
    match migrate(&mut client, "the test schema") {
        Err(e @ StoreError::TooNew { .. }) => {
            assert!(e.to_string().contains("schema version 999, newer than this quizmaster supports"), "{e}");
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
}

/// Several processes starting at once: one migrates, the others wait for
/// it and find nothing left to do.
#[test]
fn processes_starting_together_migrate_once() {
    let Some(pg) = Schema::new("processes_starting_together_migrate_once") else { return };
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let config = pg.config.clone();
            std::thread::spawn(move || migrate(&mut connect(&config).unwrap(), "test"))
        })
        .collect();
    for run in runs {
        run.join().unwrap().unwrap();
    }
    let mut client = pg.client();
    assert_eq!(version(&mut client).unwrap(), i64::try_from(schema_version()).unwrap());
    let rows: i64 = client.query_one("SELECT COUNT(*) FROM quizmaster_schema", &[]).unwrap().get(0);
    assert_eq!(rows, 1);
}

/// Needs no server: nothing listens on port 1.
#[test]
fn an_unreachable_server_is_named_and_its_password_never_shown() {
    let url = SecretString::from("postgres://quiz:s3cret-pw@127.0.0.1:1/quiz?connect_timeout=2");
    let config = parse_url(&url).unwrap();
    let e = connect(&config).err().expect("nothing listens on port 1").to_string();
    assert!(e.contains("cannot reach PostgreSQL at 127.0.0.1:1/quiz (database.url)"), "{e}");
    assert!(!e.contains("s3cret"), "{e}");

    let wrong = parse_url(&SecretString::from("mysql://quiz:s3cret-pw@db/quiz")).unwrap_err();
    assert!(wrong.contains("postgres://") && !wrong.contains("s3cret"), "{wrong}");
    let garbled = parse_url(&SecretString::from("postgres://quiz:s3cret-pw@db:port/quiz")).unwrap_err();
    assert!(!garbled.contains("s3cret"), "{garbled}");
}

/// The server drops every connection of the bot (as a restart or a
/// failover does) between two answers: the command that meets the dead
/// connection is told to try again and records nothing; the next one
/// connects again and is recorded, and nothing is lost or doubled.
#[test]
fn a_dropped_connection_gets_a_try_again_and_the_next_command_reconnects() {
    use crate::support::{at, ctx_at, plain, post_now};
    let Some(pg) = Schema::new("a_dropped_connection_gets_a_try_again_and_the_next_command_reconnects") else { return };
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    settings.database.url = Some(SecretString::from(pg.url.clone()));
    let svc = crate::support::build(settings);
    post_now(&svc, &ctx_at("Admin", at("2026-11-25 09:00")));
    let right = right_answer_on(&svc, &pg);
    let ann = plain(&svc.handle_text(&ctx_at("Ann", at("2026-11-25 09:01")), &format!("answer {right}")));
    assert!(ann.contains("Answer recorded"), "{ann}");

    let cut: i64 = pg
        .client()
        .query_one(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE application_name = $1 AND pid <> pg_backend_pid()",
            &[&pg.name],
        )
        .unwrap()
        .get(0);
    assert!(cut >= 1, "the bot's connections were cut ({cut})");
    // pg_terminate_backend only signals: wait until those backends are gone.
    let mut client = pg.client();
    for _ in 0..500 {
        let left: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
                &[&pg.name],
            )
            .unwrap()
            .get(0);
        if left == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }

    let mut replies = Vec::new();
    for (i, name) in ["Bo", "Cy", "Di"].iter().enumerate() {
        let now = at("2026-11-25 09:02") + chrono::Duration::seconds(i as i64);
        replies.push(plain(&svc.handle_text(&ctx_at(name, now), &format!("answer {right}"))));
    }
    let recorded = replies.iter().filter(|r| r.contains("Answer recorded")).count();
    let told_to_retry = replies.iter().filter(|r| r.contains("try again")).count();
    assert_eq!(recorded + told_to_retry, 3, "each is recorded or told to try again: {replies:?}");
    assert!(recorded >= 2, "the connection is made again at once: {replies:?}");
    let rows: i64 = pg.client().query_one("SELECT COUNT(*) FROM answers", &[]).unwrap().get(0);
    assert_eq!(rows, 1 + recorded as i64, "what was acknowledged is stored, once: {replies:?}");
}

/// A right answer to the open question on `pg`.
fn right_answer_on(svc: &quizmaster::service::Service, pg: &Schema) -> String {
    let item: String = pg.client().query_one("SELECT item_id FROM posts WHERE state = 'open'", &[]).unwrap().get(0);
    match &svc.bank().get(&item).expect("the open item").kind {
        quizmaster::content::ItemKind::Choice { answer, .. } => quizmaster::content::letter(*answer).to_string(),
        quizmaster::content::ItemKind::Text { accept, .. } => accept[0].clone(),
        quizmaster::content::ItemKind::Discussion { .. } => panic!("a quiz never draws a discussion"),
    }
}

/// The binary started against a PostgreSQL server that is not there yet
/// says where it is trying and why, and keeps trying with a growing wait
/// instead of exiting. Needs no server: nothing listens on port 1.
#[test]
fn an_unreachable_server_at_start_is_named_and_tried_again() {
    use std::io::Read;
    let dir = TempDir::new().unwrap();
    let mut child = crate::support::quizmaster(dir.path())
        .env("QUIZMASTER__DATABASE__URL", "postgres://quiz:s3cret-pw@127.0.0.1:1/quiz?connect_timeout=1")
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(4500));
    assert!(child.try_wait().unwrap().is_none(), "still trying, not exited");
    child.kill().unwrap();
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    child.wait().unwrap();
    let tries = log.matches("the database is not reachable yet").count();
    assert!(tries >= 2, "tried again: {log}");
    assert!(log.contains("cannot reach PostgreSQL at 127.0.0.1:1/quiz (database.url)"), "{log}");
    assert!(log.contains("retry_in_s=1") && log.contains("retry_in_s=2"), "the wait grows: {log}");
    assert!(!log.contains("s3cret"), "{log}");
}

/// `quizmaster db copy` moves an install with a season, a suggestion,
/// practice cards and 10,000 answers: every export (board, answers,
/// players) reads the same from PostgreSQL as from the file; a second copy
/// into the now full database is refused and changes nothing; and new rows
/// get ids after the copied ones.
#[test]
fn db_copy_moves_an_install_and_every_export_reads_the_same() {
    use crate::support::{at, ctx_at, plain, post_now, reveal_now};
    use quizmaster::command::Command;
    use quizmaster::content::own::Draft;
    if crate::support::sqlite_only(
        "db_copy_moves_an_install_and_every_export_reads_the_same",
        "its source is a SQLite file; it runs in the first pass",
    ) {
        return;
    }
    let Some(pg) = Schema::new("db_copy_moves_an_install_and_every_export_reads_the_same") else { return };
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    settings.database.url = None;
    let svc = crate::support::build(settings);
    // A season, a week of questions with answers, practice, a suggestion.
    plain(&svc.handle_text(&ctx_at("Admin", at("2026-11-23 08:00")), "admin season start Autumn"));
    for (day, players) in [("2026-11-23", 5), ("2026-11-24", 3), ("2026-11-25", 4)] {
        post_now(&svc, &ctx_at("Admin", at(&format!("{day} 09:00"))));
        let (right, wrong) = crate::support::answers_to_open(&svc, dir.path());
        for p in 0..players {
            let answer = if p % 2 == 0 { &right } else { &wrong };
            svc.handle_text(&ctx_at(&format!("P{p}"), at(&format!("{day} 10:00"))), &format!("answer {answer}"));
        }
        reveal_now(&svc, &ctx_at("Admin", at(&format!("{day} 17:00"))));
    }
    for p in 0..3 {
        let c = ctx_at(&format!("P{p}"), at("2026-11-25 18:00"));
        svc.handle_text(&c, "play");
        svc.handle_text(&c, "answer a");
    }
    let draft = Draft {
        prompt: "Which status code says a new resource was created?".into(),
        options: "200\n201\n204".into(),
        answer: "B".into(),
        explanation: "201 Created names the new resource in Location.".into(),
        category: "apis".into(),
        discussion: false,
    };
    svc.handle(&ctx_at("P1", at("2026-11-25 18:05")), Command::SubmitSuggestion(draft));
    // And a crowded question: 10,000 answers, revealed.
    post_now(&svc, &ctx_at("Admin", at("2026-11-26 09:00")));
    let open = crate::support::count(dir.path(), "SELECT id FROM posts WHERE state = 'open'");
    {
        let mut store =
            quizmaster::store::Store::open(&crate::support::db_path(dir.path()), Default::default()).unwrap();
        store.bench_raw_answer_inserts(quizmaster::ids::PostId(open), 10_000, 5000).unwrap();
    }
    reveal_now(&svc, &ctx_at("Admin", at("2026-11-26 17:00")));
    drop(svc);

    let db = crate::support::db_path(dir.path());
    let run = |url: Option<&str>, args: &[&str]| {
        let mut cmd = crate::support::quizmaster(dir.path());
        cmd.env_remove("QUIZMASTER__DATABASE__URL").arg("--db").arg(&db).args(args);
        if let Some(url) = url {
            cmd.env("QUIZMASTER__DATABASE__URL", url);
        }
        let out = cmd.output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let exports: Vec<Vec<&str>> = ["board", "answers", "players"]
        .iter()
        .flat_map(|what| {
            ["all", "week"]
                .iter()
                .map(move |period| vec!["export", "--guild", "console:g1", "--what", what, "--period", period])
        })
        .collect();
    let before: Vec<String> = exports.iter().map(|a| run(None, a).1).collect();
    assert!(before[2].lines().count() > 10_000, "the answers export holds the crowd");

    let (ok, out, err) = run(Some(&pg.url), &["db", "copy", "--from", db.to_str().unwrap()]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("answers: 10012") && out.contains("every table compared equal"), "{out}");
    let after: Vec<String> = exports.iter().map(|a| run(Some(&pg.url), a).1).collect();
    for ((args, b), a) in exports.iter().zip(&before).zip(&after) {
        assert!(!b.is_empty() && b == a, "{args:?} differs:\n{b}\n---\n{a}");
    }

    let (ok, out, err) = run(Some(&pg.url), &["db", "copy", "--from", db.to_str().unwrap()]);
    assert!(!ok && err.contains("not empty"), "{out}{err}");
    let answers: i64 = pg.client().query_one("SELECT COUNT(*) FROM answers", &[]).unwrap().get(0);
    assert_eq!(answers, 10_012, "the refused copy wrote nothing");
    let (max, new): (i64, i64) = {
        let mut c = pg.client();
        let max = c.query_one("SELECT MAX(id) FROM users", &[]).unwrap().get(0);
        let new = c
            .query_one(
                "INSERT INTO users (platform, external_id, display_name) VALUES ('console', 'new', 'New') RETURNING id",
                &[],
            )
            .unwrap()
            .get(0);
        (max, new)
    };
    assert!(new > max, "new rows get ids after the copied ones ({new} after {max})");
}
