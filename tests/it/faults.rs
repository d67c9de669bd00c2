//! Database faults: the bot answers with a clear temporary error, keeps
//! running, records nothing half-way, and recovers when the fault clears.

use std::sync::Arc;

use quizmaster::command::Command;
use quizmaster::i18n::Lang;
use quizmaster::reply::{Body, PLAIN, render};
use quizmaster::service::Service;
use quizmaster::store::Fault;
use tempfile::TempDir;

use crate::support::{block, count, ctx, db_path, post_now, reveal_now};

#[test]
fn a_database_locked_by_another_process_gets_a_temporary_error_then_recovers() {
    if crate::support::sqlite_only(
        "a_database_locked_by_another_process_gets_a_temporary_error_then_recovers",
        "faults of the SQLite file (read-only, disk full, locked)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    settings.database.busy_timeout_ms = 200;
    settings.quiz.seed = Some(3);
    let svc = crate::support::build(settings);
    let post = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    let Body::Question(q) = &post.body else { panic!("{post:?}") };
    let answer = if q.choices.is_empty() { "idempotent" } else { "b" };
    // A board earlier in the day built the running totals; reads need no writes after that.
    svc.handle_text(&ctx("Ann", "2026-11-25 09:00"), "leaderboard");

    // Another process takes the write lock and holds it.
    let other = rusqlite::Connection::open(db_path(dir.path())).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let daily = Command::Answer { answer: answer.into(), question: Some(q.question) };
    for user in ["Ann", "Zed"] {
        let r = svc.handle(&ctx(user, "2026-11-25 09:01"), daily.clone());
        let text = render(&r.body, &PLAIN, Lang::EnUs);
        assert!(matches!(r.body, Body::Error(_)), "{user}: {text}");
        assert!(
            text.contains("busy or unavailable right now") && text.contains("nothing was recorded"),
            "{user}: {text}"
        );
    }
    // The same through the async path the chat adapters use.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let r = runtime.block_on(svc.handle_async(ctx("Cy", "2026-11-25 09:01"), daily.clone()));
    assert!(render(&r.body, &PLAIN, Lang::EnUs).contains("busy or unavailable right now"), "{r:?}");
    let practice = svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "play");
    assert!(render(&practice.body, &PLAIN, Lang::EnUs).contains("busy or unavailable"), "{practice:?}");
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

/// A daily question open on a fresh service, and the answer that is right for it.
fn open_question(dir: &std::path::Path) -> (Arc<Service>, Command) {
    let svc = crate::support::service(dir);
    let post = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    let Body::Question(q) = &post.body else { panic!("{post:?}") };
    let answer = if q.choices.is_empty() { "idempotent" } else { "b" };
    (svc, Command::Answer { answer: answer.into(), question: Some(q.question) })
}

fn is_temporary_error(r: &quizmaster::reply::Reply) -> bool {
    matches!(r.body, Body::Error(_))
        && render(&r.body, &PLAIN, Lang::EnUs).contains("busy or unavailable right now, so nothing was recorded")
}

#[test]
fn a_read_only_database_gets_a_temporary_error_keeps_running_and_recovers() {
    if crate::support::sqlite_only(
        "a_read_only_database_gets_a_temporary_error_keeps_running_and_recovers",
        "faults of the SQLite file (read-only, disk full, locked)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (svc, daily) = open_question(dir.path());
    // A board earlier in the day built the running totals; reads need no writes after that.
    svc.handle_text(&ctx("Ann", "2026-11-25 09:00"), "leaderboard");
    let scheduled = svc.handle_text(&ctx("Admin", "2026-11-25 09:00"), "admin schedule 18:00 Europe/London");
    assert!(render(&scheduled.body, &PLAIN, Lang::EnUs).starts_with("Scheduled"), "{scheduled:?}");
    svc.simulate(Some(Fault::ReadOnly)).unwrap();
    for user in ["Ann", "Zed"] {
        let r = svc.handle(&ctx(user, "2026-11-25 09:01"), daily.clone());
        assert!(is_temporary_error(&r), "{user}: {r:?}");
    }
    assert!(is_temporary_error(&svc.handle_text(&ctx("Ann", "2026-11-25 09:01"), "play")));
    let reveal = reveal_now(&svc, &ctx("Admin", "2026-11-25 09:02"));
    assert!(is_temporary_error(&reveal), "{reveal:?}");
    // The scheduler's pass fails cleanly too (it retries on its next pass), and reads go on.
    let err = block(svc.tick(crate::support::at("2026-11-26 18:00"), quizmaster::ids::Platform::Console)).unwrap_err();
    assert!(err.is_temporary(), "{err}");
    assert!(matches!(svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "leaderboard").body, Body::Leaderboard(_)));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 0, "nothing half-written");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'open'"), 1, "still open");

    svc.simulate(None).unwrap();
    for user in ["Ann", "Zed"] {
        let r = svc.handle(&ctx(user, "2026-11-25 09:03"), daily.clone());
        assert!(matches!(r.body, Body::Verdict(_)), "{user}: {r:?}");
    }
    let reveal = reveal_now(&svc, &ctx("Admin", "2026-11-25 09:04"));
    assert!(matches!(reveal.body, Body::Reveal(_)), "{reveal:?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers WHERE points > 0"), 2);
    // The scheduled question the fault held up goes out on the next pass.
    let due = block(svc.tick(crate::support::at("2026-11-26 18:00"), quizmaster::ids::Platform::Console)).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE local_date = '2026-11-26'"), 1);
}

#[test]
fn a_full_disk_acknowledges_only_what_it_stored_and_recovers() {
    if crate::support::sqlite_only(
        "a_full_disk_acknowledges_only_what_it_stored_and_recovers",
        "faults of the SQLite file (read-only, disk full, locked)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (svc, daily) = open_question(dir.path());
    svc.simulate(Some(Fault::DiskFull)).unwrap();
    // Players keep answering while the database cannot grow: some fit in
    // the pages it has, the rest must be told nothing was recorded.
    let players: Vec<String> = (0..400).map(|i| format!("Player{i:03}")).collect();
    let mut acked = Vec::new();
    let mut refused = Vec::new();
    for p in &players {
        let r = svc.handle(&ctx(p, "2026-11-25 09:05"), daily.clone());
        match &r.body {
            Body::Verdict(_) => acked.push(p.clone()),
            _ if is_temporary_error(&r) => refused.push(p.clone()),
            other => panic!("{p}: {other:?}"),
        }
    }
    assert!(!refused.is_empty(), "the disk filled up");
    let stored = || {
        let conn = rusqlite::Connection::open(db_path(dir.path())).unwrap();
        let mut stmt = conn
            .prepare("SELECT u.display_name FROM answers a JOIN users u ON u.id = a.user_id ORDER BY u.display_name")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().collect::<Result<Vec<_>, _>>().unwrap()
    };
    assert_eq!(stored(), acked, "exactly the acknowledged answers are stored");

    svc.simulate(None).unwrap();
    for p in &refused {
        let r = svc.handle(&ctx(p, "2026-11-25 09:10"), daily.clone());
        assert!(matches!(r.body, Body::Verdict(_)), "{p}: {r:?}");
    }
    assert_eq!(stored(), players, "everyone is in once the disk has room");
}
