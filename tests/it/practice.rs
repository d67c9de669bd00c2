//! Practice by spaced repetition: a player simulated over 90 days with a
//! fixed clock, and the upgrade that seeds cards from past answers.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use quizmaster::command::{Command, QuestionRef};
use quizmaster::i18n::Lang;
use quizmaster::reply::{Body, PLAIN, render};
use rs_fsrs::{FSRS, Rating};
use tempfile::TempDir;

use crate::support::{at, build, count, ctx_at, db_path, settings_with_packs};

/// Six items in two categories, every right answer B.
fn pack() -> String {
    let mut out = String::new();
    for (i, (id, category)) in
        [("a1", "apis"), ("a2", "apis"), ("a3", "apis"), ("d1", "databases"), ("d2", "databases"), ("d3", "databases")]
            .iter()
            .enumerate()
    {
        out.push_str(&format!(
            "[[item]]\nid = \"{id}\"\ntopic = {}\ncategory = \"{category}\"\ndifficulty = \"easy\"\nkind = \"choice\"\n\
             prompt = \"Practice question number {i} about {category}, which has a single right answer?\"\n\
             choices = [\"Wrong one {i}\", \"Right one {i}\", \"Other one {i}\", \"Last one {i}\"]\nanswer = \"B\"\n\
             explanation = \"The second choice of question {i} is right.\"\n\n",
            i + 1
        ));
    }
    out
}

fn db(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db_path(dir)).unwrap()
}

/// The player's card for an item: (due, stability), if any.
fn card(dir: &std::path::Path, item: &str) -> Option<(i64, f64)> {
    let sql = format!("SELECT due, stability FROM cards WHERE item_id = '{item}'");
    crate::support::sql::rows(dir, &sql).first().map(|r| (r[0].int(), r[1].real()))
}

fn due_items(dir: &std::path::Path, now: DateTime<Utc>) -> Vec<(String, i64)> {
    let sql = format!("SELECT item_id, due FROM cards WHERE due <= {} ORDER BY due, item_id", now.timestamp_millis());
    crate::support::sql::rows(dir, &sql).iter().map(|r| (r[0].text(), r[1].int())).collect()
}

#[test]
fn ninety_days_of_practice_follow_fsrs() {
    let dir = TempDir::new().unwrap();
    let svc = build(settings_with_packs(dir.path(), &[("practice.toml", &pack())]));
    // Every review of each item: when, and whether it was right.
    let mut reviews: HashMap<String, Vec<(DateTime<Utc>, bool)>> = HashMap::new();
    let start = at("2026-01-05 09:00");
    let wrong_on = start + Duration::days(20);
    let mut missed = false;
    let mut due_after_miss = None;
    // Two sessions a day, morning and evening.
    let sessions = (0..90).flat_map(|day| [Duration::days(day), Duration::days(day) + Duration::hours(9)]);
    for (session, offset) in sessions.enumerate() {
        let day = session / 2;
        let mut t = start + offset;
        for _ in 0..30 {
            let due = due_items(dir.path(), t);
            let reply = svc.handle_text(&ctx_at("Ann", t), "play");
            let Body::Question(q) = &reply.body else { panic!("{reply:?}") };
            let QuestionRef::Practice(id) = q.question else { panic!("{q:?}") };
            let item = crate::support::text(
                dir.path(),
                &format!("SELECT item_id FROM practice_questions WHERE id = {}", id.0),
            );
            match (due.first(), card(dir.path(), &item)) {
                // The most overdue card comes first.
                (Some((first, _)), _) => assert_eq!(&item, first, "day {day}: due {due:?}"),
                // Nothing due: a new item, or else practice ahead, which ends the day.
                (None, Some(_)) => break,
                (None, None) => {}
            }
            // The first time d1 comes up from day 20 on, the player has forgotten it.
            let right = !(item == "d1" && t >= wrong_on && !missed);
            missed |= !right;
            let answered = t + Duration::seconds(30);
            let verdict = svc.handle(
                &ctx_at("Ann", answered),
                Command::Answer { answer: if right { "B".into() } else { "A".into() }, question: Some(q.question) },
            );
            assert!(matches!(verdict.body, Body::Verdict(_)), "{verdict:?}");
            if !right {
                let (due, _) = card(dir.path(), &item).expect("a card");
                due_after_miss = Some((answered, crate::support::ms(due)));
            }
            reviews.entry(item).or_default().push((answered, right));
            t += Duration::minutes(1);
        }
    }

    // Each item's stored card is what FSRS computes from its reviews.
    let fsrs = FSRS::default();
    for (item, log) in &reviews {
        let mut c = rs_fsrs::Card { due: log[0].0, last_review: log[0].0, ..Default::default() };
        for (when, right) in log {
            c = fsrs.next(c, *when, if *right { Rating::Good } else { Rating::Again }).card;
        }
        let (due, stability) = card(dir.path(), item).expect("a card");
        assert_eq!(due, c.due.timestamp_millis(), "{item}: due");
        assert!((stability - c.stability).abs() < 1e-9, "{item}: stability {stability} against {}", c.stability);
    }

    // An item always answered right: once learned, each wait is longer than the last.
    let a1 = &reviews["a1"];
    let gaps: Vec<i64> = a1.windows(2).map(|w| (w[1].0 - w[0].0).num_days()).filter(|d| *d >= 1).collect();
    assert!(gaps.len() >= 3, "{a1:?}");
    assert!(gaps.windows(2).all(|w| w[1] > w[0]), "the intervals grow: {gaps:?}");
    assert!(*gaps.last().unwrap() >= 14, "{gaps:?}");

    // The item answered wrong is due again the same day, minutes later.
    let (missed_at, due) = due_after_miss.expect("d1 was answered wrong");
    assert_eq!(due.date_naive(), missed_at.date_naive(), "due again the same day");
    assert!(due - missed_at < Duration::hours(1), "{missed_at} -> {due}");

    // /quiz review and /quiz stats tell where the player stands.
    let end = start + Duration::days(90);
    let review = render(&svc.handle_text(&ctx_at("Ann", end), "review").body, &PLAIN, Lang::EnUs);
    assert!(review.contains("6 cards in your review queue") && review.contains("Next due:"), "{review}");
    let stats = render(&svc.handle_text(&ctx_at("Ann", end), "stats").body, &PLAIN, Lang::EnUs);
    assert!(stats.contains("Learned: 6 of the 6 questions seen"), "{stats}");
    let total: usize = reviews.values().map(Vec::len).sum();
    let recent = reviews.values().flatten().filter(|(when, _)| *when >= end - Duration::days(30)).count();
    assert!(recent > 0 && recent < total);
    assert!(stats.contains(&format!("of {recent} answers right")), "{stats}");
}

#[test]
fn the_upgrade_seeds_cards_that_match_a_replay_of_the_history() {
    if crate::support::sqlite_only(
        "the_upgrade_seeds_cards_that_match_a_replay_of_the_history",
        "an upgrade of an old SQLite file",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let settings = settings_with_packs(dir.path(), &[("practice.toml", &pack())]);
    {
        let svc = build(settings.clone());
        // Two players practise for a week, one also answers a daily question.
        for day in 0..7 {
            for (n, who) in ["Ann", "Bob"].iter().enumerate() {
                for k in 0..3 {
                    let t = at("2026-02-02 08:00") + Duration::days(day) + Duration::minutes(k * 20 + n as i64);
                    let r = svc.handle_text(&ctx_at(who, t), "play");
                    let Body::Question(q) = &r.body else { panic!("{r:?}") };
                    let answer = if (day + k) % 4 == 0 { "A" } else { "B" };
                    let quick = if k == 1 { Duration::seconds(5) } else { Duration::minutes(2) };
                    svc.handle(
                        &ctx_at(who, t + quick),
                        Command::Answer { answer: answer.into(), question: Some(q.question) },
                    );
                }
            }
        }
        let q = crate::support::post_now(&svc, &ctx_at("Admin", at("2026-02-09 09:00")));
        let Body::Question(q) = &q.body else { panic!("{q:?}") };
        svc.handle(
            &ctx_at("Ann", at("2026-02-09 09:05")),
            Command::Answer { answer: "B".into(), question: Some(q.question) },
        );
        crate::support::reveal_now(&svc, &ctx_at("Admin", at("2026-02-09 17:00")));
    }
    let before = cards_of(dir.path());
    assert!(before.len() >= 6, "{before:?}");

    // The database as the release before cards left it.
    db(dir.path()).execute_batch("DROP INDEX posts_open_discussions; DROP TABLE discussion_takes; ALTER TABLE schedules DROP COLUMN kind; ALTER TABLE posts DROP COLUMN kind; ALTER TABLE guilds DROP COLUMN language; ALTER TABLE guilds DROP COLUMN locale; DROP TABLE pace_slots; DROP TABLE handled_events; ALTER TABLE deliveries DROP COLUMN lease_owner; ALTER TABLE deliveries DROP COLUMN lease_until; DROP TABLE own_items; DROP TABLE suggestions; DROP TRIGGER streak_counts_delete; DROP TABLE season_standings; DROP TABLE seasons; ALTER TABLE channels DROP COLUMN ping_role; ALTER TABLE channels DROP COLUMN threads; ALTER TABLE posts DROP COLUMN thread_ref; DROP TABLE web_tokens; DROP TABLE recaps; DROP TABLE recap_schedules; DROP TABLE oauth_states; DROP TABLE installations; DROP TABLE start_slots; DROP TABLE cards; PRAGMA user_version = 6;").unwrap();
    let store = crate::support::store(dir.path());
    let seeded = cards_of(dir.path());
    assert_eq!(seeded, before, "the seeded cards are the ones kept as the answers came");

    // And they are a replay of the stored answers through FSRS.
    let history = quizmaster::store::past_reviews(&db(dir.path())).unwrap();
    let mut replay: HashMap<(i64, String), quizmaster::quiz::srs::Card> = HashMap::new();
    for r in history {
        let key = (r.user.0, r.item.clone());
        let next = quizmaster::quiz::srs::review(replay.get(&key).copied(), r.recall, r.at);
        replay.insert(key, next);
    }
    let replayed: Vec<(i64, String, i64, String)> = {
        let mut v: Vec<_> = replay
            .iter()
            .map(|((u, i), c)| (*u, i.clone(), c.due.timestamp_millis(), format!("{:.9}", c.stability)))
            .collect();
        v.sort();
        v
    };
    assert_eq!(seeded, replayed);
    assert_eq!(count(dir.path(), "PRAGMA user_version"), quizmaster::store::schema_version() as i64);
    drop(store);
}

fn cards_of(dir: &std::path::Path) -> Vec<(i64, String, i64, String)> {
    let conn = db(dir);
    let mut stmt =
        conn.prepare("SELECT user_id, item_id, due, stability FROM cards ORDER BY user_id, item_id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, format!("{:.9}", r.get::<_, f64>(3)?))))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
