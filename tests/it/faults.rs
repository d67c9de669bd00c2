//! Database faults: the bot answers with a clear temporary error, keeps
//! running, records nothing half-way, and recovers when the fault clears.

use std::sync::Arc;
use std::time::Duration;

use quizmaster::command::Command;
use quizmaster::reply::{Body, PLAIN, render};
use quizmaster::service::{Rules, Service};
use quizmaster::store::{Options, Store};
use tempfile::TempDir;

use crate::support::{bank, count, ctx, db_path};

#[test]
fn a_database_locked_by_another_process_gets_a_temporary_error_then_recovers() {
    let dir = TempDir::new().unwrap();
    let store =
        Store::open(&db_path(dir.path()), Options { busy_timeout: Duration::from_millis(200), ..Options::default() })
            .unwrap();
    let svc = Arc::new(Service::with_seed(store, bank(), Rules::default(), 3));
    let post = svc.handle_text(&ctx("Admin", "2026-11-25 09:00"), "admin post-now");
    let Body::Question(q) = &post.body else { panic!("{post:?}") };
    let answer = if q.choices.is_empty() { "idempotent" } else { "b" };
    svc.handle_text(&ctx("Ann", "2026-11-25 09:00"), "help");

    // Another process takes the write lock and holds it.
    let other = rusqlite::Connection::open(db_path(dir.path())).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let daily = Command::Answer { answer: answer.into(), question: Some(q.question) };
    for user in ["Ann", "Zed"] {
        let r = svc.handle(&ctx(user, "2026-11-25 09:01"), daily.clone());
        let text = render(&r.body, &PLAIN);
        assert!(matches!(r.body, Body::Error(_)), "{user}: {text}");
        assert!(
            text.contains("busy or unavailable right now") && text.contains("nothing was recorded"),
            "{user}: {text}"
        );
    }
    // The same through the async path the chat adapters use.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let r = runtime.block_on(svc.handle_async(ctx("Cy", "2026-11-25 09:01"), daily.clone()));
    assert!(render(&r.body, &PLAIN).contains("busy or unavailable right now"), "{r:?}");
    let practice = svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "play");
    assert!(render(&practice.body, &PLAIN).contains("busy or unavailable"), "{practice:?}");
    // Reads do not need the write lock.
    assert!(matches!(svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "leaderboard").body, Body::Leaderboard(_)));
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 0, "nothing half-written");

    // The fault clears: the same service records as usual.
    for user in ["Ann", "Zed"] {
        let r = svc.handle(&ctx(user, "2026-11-25 09:03"), daily.clone());
        assert!(matches!(r.body, Body::Verdict(_)), "{user}: {r:?}");
    }
    let r = runtime.block_on(svc.handle_async(ctx("Cy", "2026-11-25 09:03"), daily.clone()));
    assert!(matches!(r.body, Body::Verdict(_)), "{r:?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 3);
}
