//! Discussion days through the service and the scheduler: a schedule that
//! alternates, a discussion post with its thread, taking part by command
//! (once each, never graded), the wrap-up with how many took part and the
//! notes, the participation streak in stats, and forget-me.

use chrono::{DateTime, Utc};
use quizmaster::i18n::Lang;
use quizmaster::reply::{Body, PLAIN, Reply, render};
use quizmaster::service::{Ctx, Service};
use tempfile::TempDir;

use crate::support::{PACK, at, count, ctx_at, settings_with_packs};

pub(crate) const TALKS: &str = r#"
[[item]]
id = "talk-index-p99"
topic = 12
category = "miscellaneous"
difficulty = "medium"
kind = "discussion"
prompt = "Your p99 doubled the day after someone added an index. Where do you look first?"
notes = ["Writes pay for every index.", "Query plans may have changed.", "A blocking index build holds up writes."]

[[item]]
id = "talk-monolith"
topic = 7
category = "miscellaneous"
difficulty = "easy"
kind = "discussion"
prompt = "Monolith or microservices for a team of five? Defend it."
notes = ["Team size and deploy cadence decide more than fashion.", "A modular monolith keeps the seams cheap."]
"#;

fn text(r: &Reply) -> String {
    render(&r.body, &PLAIN, Lang::EnUs)
}

fn say(svc: &Service, who: &str, now: DateTime<Utc>, line: &str) -> String {
    text(&svc.handle_text(&ctx_at(who, now), line))
}

/// What one scheduler pass at `now` posts in the console's channel.
fn posted(svc: &Service, now: DateTime<Utc>) -> Vec<quizmaster::service::Outbound> {
    crate::support::block(crate::support::deliver(svc, now, true))
}

#[test]
fn an_alternating_schedule_posts_a_discussion_that_counts_who_took_part() {
    let dir = TempDir::new().unwrap();
    let settings = settings_with_packs(dir.path(), &[("fixture.toml", PACK), ("talks.toml", TALKS)]);
    let svc = crate::support::build(settings);
    let set = say(&svc, "Admin", at("2026-11-25 07:00"), "admin schedule 09:00 UTC daily 8h kind alternate");
    assert!(set.contains("Posts take turns: a quiz question, then a discussion question."), "{set}");
    assert!(say(&svc, "Admin", at("2026-11-25 07:00"), "admin status").contains("Posts take turns"));

    // Day one: a quiz question, as alternating starts.
    let out = posted(&svc, at("2026-11-25 09:00"));
    let Body::Question(q) = &out[0].reply.body else { panic!("{out:?}") };
    assert!(!q.discussion && out[0].thread.is_none(), "{q:?}");
    posted(&svc, at("2026-11-25 17:00"));

    // Day two: a discussion, in a thread, with no right answer to give.
    let out = posted(&svc, at("2026-11-26 09:00"));
    let Body::Question(q) = &out[0].reply.body else { panic!("{out:?}") };
    assert!(q.discussion && q.choices.is_empty(), "{q:?}");
    assert!(out[0].thread.is_some(), "a discussion opens its thread");
    let shown = text(&out[0].reply);
    assert!(shown.starts_with("Discussion of the day"), "{shown}");
    assert!(shown.contains("No right answer here: share your take in the thread"), "{shown}");

    let now = at("2026-11-26 10:00");
    let first = say(&svc, "Ann", now, "answer I would look at the query plans first");
    assert!(first.contains("you're the first to take part"), "{first}");
    assert!(say(&svc, "Bob", now, "answer b").contains("2 people have taken part so far"));
    assert!(say(&svc, "Ann", now, "answer and the writes too").contains("already taken part"));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM discussion_takes"), 2);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers WHERE post_id = 2"), 0, "never an answer");

    // The close: how many took part, and what a strong answer covers.
    let out = posted(&svc, at("2026-11-26 17:00"));
    let wrap = text(&out[0].reply);
    assert!(wrap.starts_with("Discussion of the day: wrap-up"), "{wrap}");
    assert!(wrap.contains("2 people took part.") && wrap.contains("What a strong answer covers:"), "{wrap}");
    let Body::Reveal(r) = &out[0].reply.body else { panic!() };
    assert!(r.notes.iter().all(|n| wrap.contains(n.as_str())), "{wrap}");
    assert!(out[0].thread.is_some(), "the wrap-up goes in the thread too");

    // Stats: taking part is a streak of its own; no points, no accuracy.
    let now = at("2026-11-26 18:00");
    let stats = say(&svc, "Ann", now, "stats");
    assert!(stats.contains("Discussions: 1 joined (streak 1)"), "{stats}");
    assert!(stats.contains("Daily answers: 0 (") && stats.contains("Points: 0"), "{stats}");
    assert!(!say(&svc, "Cy", now, "stats").contains("Discussions"), "shown once someone took part");

    // The archive and the recap count questions only.
    let archive = say(&svc, "Ann", now, "archive");
    assert!(!archive.contains("p99 doubled") && !archive.contains("Monolith"), "{archive}");

    // Day three: a quiz again.
    let out = posted(&svc, at("2026-11-27 09:00"));
    let Body::Question(q) = &out[0].reply.body else { panic!("{out:?}") };
    assert!(!q.discussion, "{q:?}");

    // Forget-me takes their part in discussions away too.
    say(&svc, "Ann", at("2026-11-27 10:00"), "forget-me confirm");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM discussion_takes"), 1);
}

#[test]
fn a_discussion_schedule_never_posts_a_quiz_and_a_quiz_schedule_never_a_discussion() {
    let dir = TempDir::new().unwrap();
    let settings = settings_with_packs(dir.path(), &[("fixture.toml", PACK), ("talks.toml", TALKS)]);
    let svc = crate::support::build(settings);
    say(&svc, "Admin", at("2026-11-25 07:00"), "admin schedule 09:00 UTC daily 1h kind discussion");
    for day in 25..=28 {
        let out = posted(&svc, at(&format!("2026-11-{day} 09:00")));
        let Body::Question(q) = &out[0].reply.body else { panic!("{out:?}") };
        assert!(q.discussion, "day {day}: {q:?}");
        posted(&svc, at(&format!("2026-11-{day} 10:00")));
    }
    let bad = say(&svc, "Admin", at("2026-11-28 12:00"), "admin schedule 09:00 UTC daily kind chat");
    assert!(bad.contains("`chat` is not a kind of post"), "{bad}");
    say(&svc, "Admin", at("2026-11-28 12:00"), "admin schedule 09:00 UTC daily 1h");
    for day in [29, 30] {
        let out = posted(&svc, at(&format!("2026-11-{day} 09:00")));
        let Body::Question(q) = &out[0].reply.body else { panic!("{out:?}") };
        assert!(!q.discussion, "day {day}: {q:?}");
        posted(&svc, at(&format!("2026-11-{day} 10:00")));
    }
}

/// Replies in a discussion's thread, as the adapters hand them over: the
/// process that posted counts them at once, another process on the same
/// database finds the discussion in it, each player counts once, and
/// nothing counts in another thread or channel, or after the close.
#[test]
fn replies_in_the_thread_count_once_in_any_process() {
    use quizmaster::service::ThreadReply::{Again, Elsewhere, NotRecorded, TookPart};
    let dir = TempDir::new().unwrap();
    let settings = settings_with_packs(dir.path(), &[("fixture.toml", PACK), ("talks.toml", TALKS)]);
    let poster = crate::support::build(settings.clone());
    say(&poster, "Admin", at("2026-11-25 07:00"), "admin schedule 09:00 UTC daily 8h kind discussion");
    posted(&poster, at("2026-11-25 09:00"));
    let post = crate::support::text(dir.path(), "SELECT message_ref FROM posts WHERE state = 'open'");
    // A second process that never posted it.
    let other = crate::support::build(settings);
    let now = at("2026-11-25 10:00");
    let reply =
        |svc: &Service, who: &str, thread: &str| crate::support::block(svc.thread_reply(ctx_at(who, now), thread));
    assert_eq!(reply(&poster, "Ann", &post), TookPart);
    assert_eq!(reply(&poster, "Ann", &post), Again, "counted once; the second costs no write");
    assert_eq!(reply(&other, "Bob", &post), TookPart, "read from the database");
    assert_eq!(reply(&other, "Ann", &post), Again, "the other process recorded her");
    assert_eq!(reply(&other, "Cy", "msg-999"), Elsewhere, "another thread");
    let elsewhere = Ctx { channel: "c2".into(), ..ctx_at("Cy", now) };
    assert_eq!(crate::support::block(other.thread_reply(elsewhere, &post)), Elsewhere, "another channel");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM discussion_takes"), 2);
    assert!(say(&poster, "Cy", now, "answer a thought").contains("3 people have taken part so far"));

    // Closed by the poster: a late reply in the other process counts no more.
    posted(&poster, at("2026-11-25 17:00"));
    let late = crate::support::block(other.thread_reply(ctx_at("Dee", at("2026-11-25 17:05")), &post));
    assert_eq!(late, NotRecorded);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM discussion_takes"), 3);
}

/// On Discord: the admin picks `kind: discussion` from the schedule's
/// choices, the discussion opens its thread even with threads off, a
/// member takes part with `/quiz answer`, and the wrap-up edits the post
/// and lands in the thread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discussion_day_on_discord_opens_its_thread_and_wraps_up_there() {
    use crate::discord::{content, ephemeral, option, start_with};
    use crate::support::fake_discord::{CHANNEL, MANAGE_GUILD, user};
    use axum::http::Method;
    use serde_json::json;

    let dir = TempDir::new().unwrap();
    let settings = settings_with_packs(dir.path(), &[("fixture.toml", PACK), ("talks.toml", TALKS)]);
    let bot = start_with(at("2026-11-25 08:00"), settings).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let options = json!([option("time", "09:00"), option("zone", "UTC"), option("kind", "discussion")]);
    let set = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "schedule", options)).await;
    assert!(content(&set).contains("Each post is a discussion question"), "{set}");

    bot.set("2026-11-25 09:00");
    let (post, thread, message) = fake.post_with_thread(CHANNEL).await;
    let text = post.body["content"].as_str().unwrap();
    assert!(text.contains("Discussion of the day") && text.contains("No right answer here"), "{text}");
    assert!(post.body["components"].as_array().is_none_or(Vec::is_empty), "no buttons: {}", post.body);
    assert_eq!(thread.body["name"], "Discussion of the day · 2026-11-25", "{}", thread.body);

    let ann = user("950000000000000002", "Ann");
    let said = json!([option("text", "Check the query plans, then the write latency")]);
    let took = fake.callback(&fake.command(&ann, "0", "quiz", "answer", said)).await;
    assert!(ephemeral(&took) && content(&took).contains("you're the first to take part"), "{took}");

    // Replies in the thread (its id is the post's) count; a second one, a
    // message in the channel, a bot's and the thread's starter do not.
    let takes = || count(dir.path(), "SELECT COUNT(*) FROM discussion_takes");
    let bob = user("950000000000000003", "Bob");
    fake.message_create(&message, &bob, 0);
    crate::support::wait_until("Bob's reply counted", 10, || takes() == 2).await;
    let mut robot = user("950000000000000004", "Robot");
    robot["bot"] = json!(true);
    fake.message_create(&message, &bob, 19);
    fake.message_create(CHANNEL, &user("950000000000000005", "Cy"), 0);
    fake.message_create(&message, &robot, 0);
    fake.message_create(&message, &user("950000000000000006", "Dee"), 21);
    fake.message_create(&message, &user("950000000000000007", "Eve"), 19);
    crate::support::wait_until("Eve's reply counted", 10, || takes() == 3).await;
    let named = count(dir.path(), "SELECT COUNT(*) FROM users WHERE display_name IN ('Bob', 'Eve')");
    assert_eq!(named, 2, "players by the names the server shows");

    bot.set("2026-11-25 17:00");
    let in_thread = format!("/api/v10/channels/{message}/messages");
    let calls = fake.wait_for("the wrap-up in the thread", |c| c.iter().any(|c| c.path == in_thread)).await;
    let wrap = calls.iter().find(|c| c.path == in_thread).unwrap();
    let text = wrap.body["content"].as_str().unwrap();
    assert!(text.contains("3 people took part.") && text.contains("What a strong answer covers:"), "{text}");
    assert!(
        calls.iter().any(|c| c.method == Method::PATCH && c.path.ends_with(&format!("/messages/{message}"))),
        "and the post edited into the wrap-up"
    );
    let stats = fake.callback(&fake.command(&ann, "0", "quiz", "stats", json!([]))).await;
    assert!(content(&stats).replace('\\', "").contains("Discussions: 1 joined (streak 1)"), "{stats}");
    if let Some(checked) = crate::support::fake_discord::check_against_spec(fake) {
        assert!(checked > 0);
    }
    bot.stop().await;
}
