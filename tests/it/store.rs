//! Opening, migrating and the answer constraint, on real files.

use std::sync::{Arc, Barrier};
use std::time::Duration;

use quizmaster::store::{Inserted, NewPost, Options, PostState, Store, StoreError, schema_version};
use tempfile::TempDir;

use crate::support::{count, db_path, ms, store};

/// Members' names and answers are the owner's to read: a new database and
/// the WAL beside it are created 0600, whatever the process umask allows.
#[cfg(unix)]
#[test]
fn a_new_database_and_its_wal_are_private_files() {
    if crate::support::sqlite_only("a_new_database_and_its_wal_are_private_files", "file modes of the SQLite file") {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let mut s = store(dir.path());
    todays_post(&mut s);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let db = db_path(dir.path());
    assert_eq!(mode(&db), 0o600, "{}", db.display());
    let wal = db.with_extension("db-wal");
    assert!(wal.exists(), "a write made the WAL");
    assert_eq!(mode(&wal), 0o600, "{}", wal.display());
}

#[test]
fn migrates_from_empty_and_rerunning_is_a_no_op() {
    if crate::support::sqlite_only(
        "migrates_from_empty_and_rerunning_is_a_no_op",
        "SQLite's schema table (PostgreSQL's migrations: postgres.rs)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let s = store(dir.path());
    assert_eq!(s.user_version().unwrap(), schema_version() as i64);
    drop(s);
    let tables = count(dir.path(), "SELECT COUNT(*) FROM sqlite_schema");
    let s = store(dir.path());
    assert_eq!(s.user_version().unwrap(), schema_version() as i64);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM sqlite_schema"), tables, "nothing created twice");
}

#[test]
fn wal_and_foreign_keys_are_on() {
    if crate::support::sqlite_only("wal_and_foreign_keys_are_on", "SQLite pragmas") {
        return;
    }
    let dir = TempDir::new().unwrap();
    let mut s = store(dir.path());
    let conn = rusqlite::Connection::open(db_path(dir.path())).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // An answer from a user who does not exist breaks a foreign key.
    let new = todays_post(&mut s);
    let post = s.create_post(&new).unwrap().unwrap();
    let err = s.record_answer(post.id, quizmaster::ids::UserId(999), "B", true, ms(0)).unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    // An answer to a post that does not exist (or is closed) is refused as closed.
    assert_eq!(
        s.record_answer(quizmaster::ids::PostId(999), quizmaster::ids::UserId(999), "B", true, ms(0)).unwrap(),
        Inserted::Closed
    );
    // An answer that reaches the writer after its question closed is not recorded.
    let user = s.ensure_user(quizmaster::ids::Platform::Console, "u", "U").unwrap();
    let decide = |q, players: &[_]| quizmaster::quiz::settle::settle(Default::default(), q, players);
    let rules = quizmaster::store::Settle { decide: &decide, default_zone: chrono_tz::Tz::UTC };
    s.close_post(post.id, ms(1), rules).unwrap();
    assert_eq!(s.record_answer(post.id, user, "B", true, ms(2)).unwrap(), Inserted::Closed);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 0);
}

#[test]
fn a_database_newer_than_the_binary_is_refused() {
    if crate::support::sqlite_only(
        "a_database_newer_than_the_binary_is_refused",
        "SQLite's user_version (PostgreSQL's: postgres.rs)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    drop(store(dir.path()));
    let conn = rusqlite::Connection::open(db_path(dir.path())).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    match Store::open(&db_path(dir.path()), Options::default()) {
        Err(e @ StoreError::TooNew { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("schema version 99") && msg.contains("newer than this quizmaster"), "{msg}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[test]
fn the_unique_key_decides_between_racing_connections() {
    let dir = TempDir::new().unwrap();
    let mut s = store(dir.path());
    let new = todays_post(&mut s);
    let user = s.ensure_user(quizmaster::ids::Platform::Console, "u", "U").unwrap();
    let post = s.create_post(&new).unwrap().expect("first post of the day");
    drop(s);
    // 32 threads, each with its own connection, answer for the same user at once.
    let barrier = Arc::new(Barrier::new(32));
    let handles: Vec<_> = (0..32)
        .map(|i| {
            let path = dir.path().to_path_buf();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut s = store(&path);
                barrier.wait();
                s.record_answer(post.id, user, &format!("{i}"), false, ms(i)).unwrap()
            })
        })
        .collect();
    let results: Vec<Inserted> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results.iter().filter(|r| **r == Inserted::New).count(), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 1);
}

#[test]
fn one_post_per_channel_and_local_date() {
    let dir = TempDir::new().unwrap();
    let mut s = store(dir.path());
    let new = todays_post(&mut s);
    assert!(s.create_post(&new).unwrap().is_some());
    assert!(s.create_post(&NewPost { item_id: "y", ..new }).unwrap().is_none());
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 1);
}

/// An open post for 2026-11-25 in a fresh guild and channel.
fn todays_post(s: &mut Store) -> NewPost<'static> {
    let guild = s.ensure_guild(quizmaster::ids::Platform::Console, "g").unwrap();
    let channel = s.ensure_channel(guild, "c").unwrap();
    NewPost {
        channel,
        local_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        item_id: "x",
        cycle: 0,
        state: PostState::Open,
        posted_at: ms(0),
        closes_at: None,
        discussion: false,
    }
}

#[test]
fn a_start_slot_is_shared_by_every_process_on_the_database() {
    let dir = TempDir::new().unwrap();
    let mut a = store(dir.path());
    let mut b = store(dir.path());
    let t = 1_764_000_000_000;
    let period = Duration::from_secs(5);
    assert_eq!(a.claim_slot("discord-identify-1-0", period, ms(t)).unwrap(), None, "a free slot is taken");
    assert_eq!(
        b.claim_slot("discord-identify-1-0", period, ms(t + 1200)).unwrap(),
        Some(Duration::from_millis(3800)),
        "another process waits"
    );
    assert_eq!(b.claim_slot("discord-identify-1-1", period, ms(t + 1200)).unwrap(), None, "another bucket is free");
    assert_eq!(
        b.claim_slot("discord-identify-1-0", period, ms(t + 5000)).unwrap(),
        None,
        "free again after the period"
    );
    assert_eq!(
        a.claim_slot("discord-identify-1-0", period, ms(t + 9999)).unwrap(),
        Some(Duration::from_millis(1)),
        "to the millisecond"
    );
    // A clock stepped back by an hour waits one period, not an hour.
    assert_eq!(
        a.claim_slot("discord-identify-1-0", period, ms(t - 3_600_000)).unwrap(),
        Some(Duration::from_millis(5000))
    );
}

/// Rows come up typed: a post's day, a recap schedule's time, zone and next
/// day, a channel's categories; a recap schedule whose zone this build does
/// not know reads as none (the scheduler removes it) instead of failing.
#[test]
fn rows_come_up_typed_and_an_unreadable_recap_schedule_reads_as_none() {
    use chrono::{NaiveDate, NaiveTime};
    use quizmaster::store::StoredRecapSchedule;
    let dir = TempDir::new().unwrap();
    let mut s = store(dir.path());
    let new = todays_post(&mut s);
    let post = s.create_post(&new).unwrap().unwrap();
    assert_eq!(post.local_date, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let channel = post.channel_id;

    assert!(s.channel_categories(channel).unwrap().is_empty());
    s.set_channel_categories(channel, &["apis".to_string(), "databases".to_string()]).unwrap();
    assert_eq!(s.channel_categories(channel).unwrap(), ["apis", "databases"]);
    s.set_channel_categories(channel, &[]).unwrap();
    assert!(s.channel_categories(channel).unwrap().is_empty());

    let schedule = StoredRecapSchedule {
        weekday: 4,
        local_time: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
        timezone: chrono_tz::Europe::Berlin,
        next_at: ms(1_764_000_000_000),
        next_date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    s.set_recap_schedule(channel, Some(&schedule)).unwrap();
    assert_eq!(s.recap_schedule(channel).unwrap(), Some(schedule.clone()));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM recap_schedules WHERE local_time = '17:30'"), 1);

    crate::support::exec(dir.path(), "UPDATE recap_schedules SET timezone = 'Mars/Olympus'");
    assert_eq!(s.recap_schedule(channel).unwrap(), None);
    let due = s.due_recap_schedules(ms(1_764_000_000_000)).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].0, due[0].1.clone()), (channel, None));
}

/// Names stored before the rule came in lose their invisible characters on
/// the upgrade (a name left with nothing shows the id). The database is
/// taken back to version 13 (the later columns dropped) and upgraded again.
#[test]
fn the_upgrade_clears_invisible_characters_from_stored_names() {
    if crate::support::sqlite_only(
        "the_upgrade_clears_invisible_characters_from_stored_names",
        "an upgrade of an old SQLite file",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    drop(store(dir.path()));
    crate::support::exec(
        dir.path(),
        "INSERT INTO guilds (platform, external_id) VALUES ('console', 'g');
         INSERT INTO users (platform, external_id, display_name) VALUES
             ('console', 'u1', 'Ev' || char(8238) || 'e' || char(8203)),
             ('console', 'u2', char(8206) || char(65279)),
             ('console', 'u3', 'Zoë 👩‍💻');
         ALTER TABLE suggestions DROP COLUMN edited_by;
         ALTER TABLE own_items DROP COLUMN edited_by;
         ALTER TABLE deliveries DROP COLUMN lease_owner; ALTER TABLE deliveries DROP COLUMN lease_until;
         ALTER TABLE recaps DROP COLUMN lease_owner; ALTER TABLE recaps DROP COLUMN lease_until;
         DROP TABLE pace_slots; DROP TABLE handled_events;
         ALTER TABLE guilds DROP COLUMN language; ALTER TABLE guilds DROP COLUMN locale;
         ALTER TABLE own_items DROP COLUMN kind; ALTER TABLE schedules DROP COLUMN kind;
         DROP INDEX posts_open_discussions; ALTER TABLE posts DROP COLUMN kind; DROP TABLE discussion_takes;
         PRAGMA user_version = 13;",
    );
    drop(store(dir.path()));
    let names = || {
        let conn = rusqlite::Connection::open(db_path(dir.path())).unwrap();
        let mut stmt = conn.prepare("SELECT display_name FROM users ORDER BY external_id").unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().collect::<Result<Vec<_>, _>>().unwrap()
    };
    assert_eq!(names(), ["Eve", "u2", "Zoë 👩‍💻"]);
}

/// Processes starting at the same moment on one database: exactly one of
/// them takes a slot.
#[test]
fn racing_connections_take_a_start_slot_once() {
    let dir = TempDir::new().unwrap();
    drop(store(dir.path()));
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let path = dir.path().to_path_buf();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut s = store(&path);
                barrier.wait();
                s.claim_slot("discord-identify-1-0", Duration::from_secs(5), ms(1_764_000_000_000)).unwrap()
            })
        })
        .collect();
    let taken = handles.into_iter().map(|h| h.join().unwrap()).filter(Option::is_none).count();
    assert_eq!(taken, 1, "one process takes the slot, the others wait");
}
