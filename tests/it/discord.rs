//! Discord end to end: the real serenity client connects to the fake Discord
//! on loopback, registers its commands, answers interactions, and posts and
//! edits the daily question through the real scheduler.

use std::sync::Arc;

use axum::http::Method;
use chrono::{DateTime, Utc};
use quizmaster::config::{DiscordSettings, Shards};
use quizmaster::ids::{Platform, Share};
use secrecy::SecretString;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::fake_discord::{self, CHANNEL, FakeDiscord, GUILD, MANAGE_GUILD, user};
use crate::support::{Running, SetClock, at, count, plain, run, spawn_app, wait_until};

pub(crate) struct Bot {
    pub run: Running,
    pub fake: Arc<FakeDiscord>,
}

impl std::ops::Deref for Bot {
    type Target = Running;
    fn deref(&self) -> &Running {
        &self.run
    }
}

async fn start(dir: &TempDir, now: DateTime<Utc>) -> Bot {
    start_with(now, crate::support::settings(dir.path())).await
}

pub(crate) async fn start_with(now: DateTime<Utc>, mut settings: quizmaster::config::Settings) -> Bot {
    let (fake, base) = fake_discord::start().await;
    settings.discord = fake_discord::settings(&base);
    let run = run(settings, now).await;
    fake.wait_for("command registration", |c| {
        c.iter().any(|c| c.method == Method::PUT && c.path.ends_with("/commands"))
    })
    .await;
    for _ in 0..500 {
        if fake.connected() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    Bot { run, fake }
}

impl Bot {
    pub(crate) async fn stop(self) {
        self.run.stop().await;
    }
}

pub(crate) fn content(callback: &Value) -> String {
    callback["data"]["content"].as_str().unwrap_or_default().to_string()
}

pub(crate) fn ephemeral(callback: &Value) -> bool {
    callback["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

fn custom_ids(body: &Value) -> Vec<(String, bool)> {
    body["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| (b["custom_id"].as_str().unwrap_or_default().to_string(), b["disabled"].as_bool().unwrap_or(false)))
        .collect()
}

/// The admin limits the channel to the fixture's one choice item.
async fn misc_only(fake: &FakeDiscord, admin: &Value) {
    fake.callback(&fake.command(
        admin,
        MANAGE_GUILD,
        "quizadmin",
        "categories",
        json!([option("list", "miscellaneous")]),
    ))
    .await;
}

pub(crate) fn option(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_question_through_serenity_buttons_reveal_and_leaderboard() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "@everyone Ann");
    let bob = user("950000000000000003", "Bob");
    let cid = user("950000000000000004", "Cid");
    let mallory = user("950000000000000005", "Mallory");

    // Commands are registered for the configured guild in one bulk overwrite.
    let registered = fake.calls_to(&Method::PUT, &format!("/guilds/{GUILD}/commands"));
    let names: Vec<&str> = registered[0].body.as_array().unwrap().iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names, ["quiz", "quizadmin"]);
    assert_eq!(registered[0].body[1]["default_member_permissions"], "32", "quizadmin needs Manage Server");
    // Every description in each language we speak, under Discord's locale codes; names stay as typed.
    let quiz = &registered[0].body[0];
    assert_eq!(
        quiz["description_localizations"]["de"], "Backend-Engineering-Quiz: üben, antworten, Bestenliste",
        "{quiz}"
    );
    let play = &quiz["options"][0];
    assert_eq!(play["name"], "play");
    for locale in ["de", "es-ES", "fr", "pt-BR", "ja"] {
        let text = play["description_localizations"][locale].as_str().unwrap_or_default();
        assert!(!text.is_empty() && text != play["description"], "{locale}: {play}");
        assert!(play["options"][0]["description_localizations"][locale].is_string(), "{locale} option: {play}");
    }
    // Choices are named in each language too; the value stays the word typed.
    let board = quiz["options"].as_array().unwrap().iter().find(|o| o["name"] == "leaderboard").unwrap();
    let all = board["options"][0]["choices"].as_array().unwrap().iter().find(|c| c["value"] == "all").unwrap();
    assert_eq!((&all["name"], &all["name_localizations"]["de"]), (&json!("all time"), &json!("Gesamt")), "{all}");
    assert_eq!(all["name_localizations"]["ja"], "通算", "{all}");

    let id = fake.command(&admin, MANAGE_GUILD, "quizadmin", "categories", json!([option("list", "miscellaneous")]));
    assert!(content(&fake.callback(&id).await).contains("from miscellaneous"));
    let id = fake.command(
        &admin,
        MANAGE_GUILD,
        "quizadmin",
        "schedule",
        json!([option("time", "09:00"), option("zone", "Europe/Berlin"), option("close", "8h")]),
    );
    let cb = fake.callback(&id).await;
    assert!(content(&cb).contains("Scheduled: 09:00 Europe/Berlin daily"), "{cb}");
    assert!(ephemeral(&cb));

    // A non-admin is refused, even calling the command directly, and nothing changes.
    let id =
        fake.command(&mallory, "0", "quizadmin", "schedule", json!([option("time", "10:00"), option("zone", "UTC")]));
    let refusal = content(&fake.callback(&id).await);
    assert!(refusal.contains("Only members with the Manage Server permission can use /quizadmin"), "{refusal}");
    let id = fake.command(&admin, MANAGE_GUILD, "quizadmin", "status", json!([]));
    assert!(content(&fake.callback(&id).await).contains("09:00 Europe/Berlin daily"));

    // 09:00 in Berlin: the question is posted with one button per choice.
    bot.set("2026-11-25 08:00");
    let calls = fake
        .wait_for("the daily post", |c| {
            c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
        })
        .await;
    let post = calls.iter().find(|c| c.path.ends_with("/messages") && c.method == Method::POST).unwrap();
    assert!(post.body["content"].as_str().unwrap().contains("Question of the day"), "{}", post.body);
    assert_eq!(post.body["nonce"], "qm-1-q");
    assert_eq!(post.body["enforce_nonce"], true);
    let buttons = custom_ids(&post.body);
    assert_eq!(buttons.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(), ["qm:d1:A", "qm:d1:B", "qm:d1:C", "qm:d1:D"]);
    let message_id = "930000000000000000"; // unused by the bot for clicks

    // Two answer by button, one by command, and one tries twice.
    bot.set("2026-11-25 08:01");
    let cb = fake.callback(&fake.click(&ann, "qm:d1:B", message_id)).await;
    assert!(ephemeral(&cb) && content(&cb).contains("Answer recorded"), "{cb}");
    bot.set("2026-11-25 08:02");
    let cb = fake.callback(&fake.command(&bob, "0", "quiz", "answer", json!([option("choice", "B")]))).await;
    assert!(ephemeral(&cb) && content(&cb).contains("Answer recorded"), "{cb}");
    bot.set("2026-11-25 08:03");
    let cb = fake.callback(&fake.click(&cid, "qm:d1:A", message_id)).await;
    assert!(content(&cb).contains("Answer recorded"), "{cb}");
    let cb = fake.callback(&fake.click(&ann, "qm:d1:C", message_id)).await;
    assert!(content(&cb).contains("first answer is final"), "{cb}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 3);

    // 17:00 in Berlin: the reveal edits the post, buttons disabled, the right one marked.
    bot.set("2026-11-25 16:00");
    let calls = fake
        .wait_for("the reveal", |c| c.iter().any(|c| c.method == Method::PATCH && c.path.contains("/channels/")))
        .await;
    let edit = calls.iter().find(|c| c.method == Method::PATCH && c.path.contains("/channels/")).unwrap();
    let posted_id = edit.path.rsplit('/').next().unwrap();
    assert!(posted_id.starts_with("93"), "edits the posted message: {}", edit.path);
    let text = edit.body["content"].as_str().unwrap();
    assert!(text.contains("3 answered, 2 correct \\(67%\\)"), "{text}");
    assert!(text.contains("First correct: **@\u{200B}everyone Ann**"), "{text}");
    let ids = custom_ids(&edit.body);
    assert!(ids.len() == 4 && ids.iter().all(|(_, disabled)| *disabled), "four buttons, all disabled: {}", edit.body);

    let cb = fake.callback(&fake.command(&cid, "0", "quiz", "leaderboard", json!([]))).await;
    assert!(!ephemeral(&cb), "the leaderboard is for the channel");
    let board = cb["data"]["embeds"][0]["description"].as_str().unwrap().to_string();
    let lines: Vec<&str> = board.lines().collect();
    assert_eq!(lines.len(), 3, "{board}");
    assert!(lines[0].contains("@\u{200B}everyone Ann") && lines[0].contains("10 pts"), "{lines:?}");
    assert!(lines[1].contains("Bob") && lines[1].contains("10 pts"), "{lines:?}");
    assert!(lines[2].contains("Cid") && lines[2].contains("0 pts"), "{lines:?}");

    // Every message the bot sent switches mentions off.
    for call in fake.calls.lock().unwrap().iter() {
        let body = if call.path.ends_with("/callback") { &call.body["data"] } else { &call.body };
        if body.get("content").is_some() || body.get("embeds").is_some() {
            assert_eq!(body["allowed_mentions"]["parse"], json!([]), "{} {}: {body}", call.method, call.path);
        }
    }
    if let Some(n) = fake_discord::check_against_spec(fake) {
        assert!(n >= 12, "registration, callbacks, post and edit were checked ({n})");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_errors_are_retried_and_never_lose_answers() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "Ann");
    misc_only(fake, &admin).await;
    fake.callback(&fake.command(
        &admin,
        MANAGE_GUILD,
        "quizadmin",
        "schedule",
        json!([option("time", "09:00"), option("zone", "UTC"), option("close", "1h")]),
    ))
    .await;

    // The post fails with 500: it is tried again after its backoff, and a
    // 429 then is waited out within the send; it is posted once.
    fake.fail_messages.lock().unwrap().extend([500, 429]);
    let posts = || fake.calls_to(&Method::POST, &format!("/channels/{CHANNEL}/messages")).len();
    bot.set("2026-11-25 09:00");
    fake.wait_for("a failed post", |_| posts() >= 1).await;
    bot.clock.pass_at(&bot.svc, at("2026-11-25 09:00")).await;
    assert_eq!(posts(), 1, "not again before the backoff is over");
    bot.set("2026-11-25 09:01");
    fake.wait_for("the post after a rate limit", |_| posts() >= 3).await;
    for _ in 0..100 {
        if count(dir.path(), "SELECT COUNT(*) FROM deliveries WHERE part = 'question' AND state = 'sent'") == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM deliveries WHERE part = 'question' AND state = 'sent'"), 1);
    let nonces: Vec<Value> =
        fake.calls_to(&Method::POST, "/messages").iter().map(|c| c.body["nonce"].clone()).collect();
    assert_eq!(nonces, vec![json!("qm-1-q"); 3], "every retry carries the same nonce, so Discord keeps one message");

    bot.set("2026-11-25 09:10");
    let cb = fake.callback(&fake.click(&ann, "qm:d1:B", "1")).await;
    assert!(content(&cb).contains("Answer recorded"));

    // The reveal's edit fails once; the answer stays and the reveal comes after the backoff.
    fake.fail_messages.lock().unwrap().push_back(500);
    let edits = || fake.calls_to(&Method::PATCH, "/channels/").len();
    bot.set("2026-11-25 10:00");
    fake.wait_for("a failed edit", |_| edits() >= 1).await;
    bot.set("2026-11-25 10:01");
    fake.wait_for("the edit", |_| edits() >= 2).await;
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers WHERE correct = 1"), 1);
    let cb = fake.callback(&fake.command(&ann, "0", "quiz", "streak", json!([]))).await;
    assert!(content(&cb).contains("1 in a row"), "{cb}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_interactions_get_an_error_ping_nobody_and_change_nothing() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let mallory = user("950000000000000666", "@everyone <@&1> <!channel>");
    let id = fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]));
    fake.callback(&id).await;
    let rows = || count(dir.path(), "SELECT COUNT(*) FROM answers") + count(dir.path(), "SELECT COUNT(*) FROM posts");
    let before = rows();

    let huge = "A".repeat(20_000);
    let commands: Vec<(&str, &str, &str, Value)> = vec![
        ("0", "quiz", "answer", json!([])),
        ("0", "quiz", "answer", json!([option("choice", &huge)])),
        ("0", "quiz", "answer", json!([option("text", "\u{0}\u{7}\u{1b}[2J")])),
        ("0", "quiz", "answer", json!([option("text", "@everyone <@123> <@&456> <#789> @here")])),
        ("0", "quiz", "answer", json!([{"name": "choice", "type": 4, "value": 12}])),
        ("0", "quiz", "stats", json!([{"name": "user", "type": 6, "value": "950000000000000001"}])),
        ("0", "quiz", "leaderboard", json!([option("period", "'; DROP TABLE answers; --")])),
        ("0", "quiz", "no-such-thing", json!([option("x", "y")])),
        ("0", "rm", "rf", json!([])),
        ("0", "quizadmin", "reveal-now", json!([])),
        ("0", "quizadmin", "schedule", json!([option("time", "09:00"), option("zone", "UTC")])),
        ("8", "quizadmin", "timezone", json!([option("zone", &huge)])),
        (MANAGE_GUILD, "quizadmin", "schedule", json!([option("time", "25:99"), option("zone", "Mars/Olympus")])),
    ];
    let mut ids = Vec::new();
    for (perms, name, sub, options) in commands {
        ids.push((format!("/{name} {sub}"), fake.command(&mallory, perms, name, sub, options)));
    }
    for custom_id in ["", "qm:", "qm:d999999:B", "qm:d1:Z", "qm:d1:BB", "qm:p1:B", "qm:x:B", &"qm:d1:".repeat(5000)] {
        ids.push((
            format!("button {}", custom_id.chars().take(20).collect::<String>()),
            fake.click(&mallory, custom_id, "1"),
        ));
    }
    for (what, id) in &ids {
        let cb = fake.callback(id).await;
        assert!(ephemeral(&cb), "{what}: refusals are private: {cb}");
        let text = content(&cb);
        assert!(!text.is_empty() && text.chars().count() <= 2000, "{what}: {text}");
        assert!(!text.contains("Answer recorded"), "{what}: {text}");
        assert!(!text.contains("/quiz admin"), "{what}: Discord users type /quizadmin: {text}");
    }
    // Nothing the bot sent may ping anyone: mentions are switched off on every body.
    for call in fake.calls_to(&Method::POST, "/").into_iter().chain(fake.calls_to(&Method::PATCH, "/")) {
        let body = if call.path.contains("/callback") { &call.body["data"] } else { &call.body };
        if body.get("content").is_some() {
            assert_eq!(body["allowed_mentions"]["parse"], json!([]), "{}: {}", call.path, call.body);
        }
    }
    assert_eq!(rows(), before, "nothing was written");
    if let Some(n) = fake_discord::check_against_spec(fake) {
        assert!(n >= ids.len(), "every refusal is a valid callback body ({n} checked)");
    }
    // Still serving.
    let cb = fake.callback(&fake.command(&admin, "0", "quiz", "help", json!([]))).await;
    let help = cb["data"]["embeds"][0]["description"].as_str().unwrap_or_default();
    assert!(
        help.contains("`/quiz suggest [quiz|discussion]`") && help.contains("`/quizadmin review [approve|reject|edit]"),
        "{cb}"
    );
    assert!(help.chars().count() <= 4096, "an embed description's limit");
    bot.stop().await;
}

fn admin_in(channel: &str, now: DateTime<Utc>) -> quizmaster::service::Ctx {
    crate::support::admin_in(quizmaster::ids::Platform::Discord, GUILD, channel, now)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_channels_due_at_once_are_posted_concurrently_within_the_global_limit() {
    const N: u64 = 1000;
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let load = &bot.fake.load;
    load.latency_ms.store(50, std::sync::atomic::Ordering::SeqCst);
    load.global_per_second.store(50, std::sync::atomic::Ordering::SeqCst);
    let channels: Vec<String> = (0..N).map(|i| (920_000_000_000_100_000 + i).to_string()).collect();
    for channel in &channels {
        let r = bot.svc.handle_text_async(admin_in(channel, at("2026-11-25 07:00")), "admin schedule 09:00 UTC").await;
        assert!(plain(&r).starts_with("Scheduled"), "{r:?}");
    }

    let due = std::time::Instant::now();
    bot.set("2026-11-25 09:00");
    wait_until("every channel's question", 120, || load.posted.lock().unwrap().len() == channels.len()).await;
    let last = load.last_post.lock().unwrap().expect("posted") - due;
    let sent = "SELECT COUNT(*) FROM deliveries WHERE part = 'question' AND state = 'sent'";
    wait_until("every outcome recorded", 10, || count(dir.path(), sent) == i64::try_from(N).unwrap()).await;

    let posted = load.posted.lock().unwrap().clone();
    assert!(channels.iter().all(|c| posted.get(c) == Some(&1)), "every channel got exactly one question");
    let in_flight = load.max_in_flight.load(std::sync::atomic::Ordering::SeqCst);
    let limited = load.rate_limited.load(std::sync::atomic::Ordering::SeqCst);
    let ideal = N as f64 / 50.0;
    eprintln!(
        "{N} channels: the last question {:.1} s after the due minute ({:.2} x N/50 s); \
         at most {in_flight} requests in flight; {limited} answered 429",
        last.as_secs_f64(),
        last.as_secs_f64() / ideal
    );
    assert!(in_flight >= 2, "sends overlap ({in_flight} at most in flight)");
    assert!(limited <= 5, "the global limit is kept: {limited} requests were answered 429");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_the_bot_may_not_post_in_is_reported_and_resumes_once_fixed() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let load = &bot.fake.load;
    let channels: Vec<String> = (0..5).map(|i| (920_000_000_000_200_000u64 + i).to_string()).collect();
    let locked = channels[2].clone();
    load.forbidden.lock().unwrap().insert(locked.clone());
    for channel in &channels {
        bot.svc.handle_text_async(admin_in(channel, at("2026-11-25 07:00")), "admin schedule 09:00 UTC 1h").await;
    }
    let tries = |channel: &str| bot.fake.calls_to(&Method::POST, &format!("/channels/{channel}/messages")).len();
    let posted = |channel: &str| load.posted.lock().unwrap().get(channel).copied().unwrap_or(0);

    bot.set("2026-11-25 09:00");
    wait_until("the other channels' questions", 15, || channels.iter().filter(|c| posted(c) == 1).count() == 4).await;
    wait_until("the refusal recorded", 15, || {
        count(dir.path(), "SELECT COUNT(*) FROM channels WHERE problem = 'missing_permissions'") == 1
    })
    .await;
    assert_eq!(tries(&locked), 1);
    // Later passes do not try it again: one try for the day.
    for t in ["2026-11-25 09:05", "2026-11-25 09:30", "2026-11-25 10:00"] {
        bot.clock.pass_at(&bot.svc, at(t)).await;
    }
    assert_eq!(tries(&locked), 1, "a permanent failure is not retried");
    assert_eq!(bot.fake.calls_to(&Method::PATCH, &format!("/channels/{locked}/")).len(), 0, "no reveal either");
    // The channel never saw that question: it counts as missed, so it breaks nobody's streak.
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'missed'"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'closed'"), 4);

    let status = bot.svc.handle_text_async(admin_in(&locked, at("2026-11-25 10:05")), "admin status").await;
    let text = plain(&status);
    assert!(text.contains("could not post") && text.contains("Send Messages"), "{text}");
    let fine = bot.svc.handle_text_async(admin_in(&channels[0], at("2026-11-25 10:05")), "admin status").await;
    assert!(!plain(&fine).contains("could not post"));

    // An admin fixes the permissions: the next day's question goes out by itself.
    load.forbidden.lock().unwrap().clear();
    bot.set("2026-11-26 09:00");
    wait_until("the next day's questions", 15, || channels.iter().all(|c| posted(c) >= 1) && posted(&channels[0]) == 2)
        .await;
    assert_eq!((tries(&locked), posted(&locked)), (2, 1));
    wait_until("the problem cleared", 15, || {
        count(dir.path(), "SELECT COUNT(*) FROM channels WHERE problem IS NOT NULL") == 0
    })
    .await;
    let status = bot.svc.handle_text_async(admin_in(&locked, at("2026-11-26 09:05")), "admin status").await;
    assert!(!plain(&status).contains("could not post"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn post_now_and_reveal_now_post_in_the_channel_and_edit_the_question() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "Ann");
    misc_only(fake, &admin).await;

    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]))).await;
    assert!(ephemeral(&cb) && content(&cb).contains("Posted in this channel"), "{cb}");
    assert!(!content(&cb).contains("Question of the day"), "the question is not the command's reply: {cb}");
    let calls = fake
        .wait_for("the question as a channel message", |c| {
            c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
        })
        .await;
    let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with("/messages")).unwrap();
    assert!(post.body["content"].as_str().unwrap().contains("Question of the day"), "{}", post.body);
    assert!(custom_ids(&post.body).iter().all(|(_, disabled)| !disabled), "live buttons: {}", post.body);

    let cb = fake.callback(&fake.click(&ann, "qm:d1:B", "1")).await;
    assert!(content(&cb).contains("Answer recorded"), "{cb}");

    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "reveal-now", json!([]))).await;
    assert!(ephemeral(&cb) && content(&cb).contains("revealed"), "{cb}");
    let calls = fake
        .wait_for("the reveal as an edit", |c| {
            c.iter().any(|c| c.method == Method::PATCH && c.path.contains("/channels/"))
        })
        .await;
    let edit = calls.iter().find(|c| c.method == Method::PATCH && c.path.contains("/channels/")).unwrap();
    assert!(edit.path.ends_with("/messages/930000000000000000") || edit.path.contains("/messages/93"), "{}", edit.path);
    assert!(edit.body["content"].as_str().unwrap().contains("1 answered"), "{}", edit.body);
    let buttons = custom_ids(&edit.body);
    assert!(!buttons.is_empty() && buttons.iter().all(|(_, disabled)| *disabled), "no live buttons: {}", edit.body);
    assert_eq!(fake.calls_to(&Method::POST, &format!("/channels/{CHANNEL}/messages")).len(), 1, "no second message");

    // A click on the revealed question is told it is closed.
    let cb = fake.callback(&fake.click(&ann, "qm:d1:C", "1")).await;
    assert!(!content(&cb).contains("Answer recorded"), "{cb}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quizadmin_check_names_the_permission_the_channel_denies() {
    const VIEW_CHANNEL: u64 = 1 << 10;
    const SEND_MESSAGES: u64 = 1 << 11;
    const EMBED_LINKS: u64 = 1 << 14;
    const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    // The channel's overwrites deny Send Messages: Discord reports the rest.
    *fake.app_permissions.lock().unwrap() = Some(VIEW_CHANNEL | EMBED_LINKS | READ_MESSAGE_HISTORY);
    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "check", json!([]))).await;
    let text = content(&cb);
    assert!(ephemeral(&cb), "{cb}");
    assert!(text.contains("missing Send Messages"), "{text}");
    assert!(!text.contains("View Channel") && !text.contains("Embed Links"), "only what is missing: {text}");

    *fake.app_permissions.lock().unwrap() = Some(VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY);
    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "check", json!([]))).await;
    assert!(content(&cb).contains("everything it needs"), "{cb}");
    bot.stop().await;
}

/// The `n`th server id on `shard` of `total` (Discord's `(id >> 22) % total`).
fn guild_on(shard: u64, total: u64, n: u64) -> String {
    (((1000 + n) * total + shard) << 22 | 1).to_string()
}

fn discord_settings(base: &str) -> DiscordSettings {
    DiscordSettings {
        token: Some(SecretString::from("test-token")),
        api_base_url: Some(base.parse().unwrap()),
        ..DiscordSettings::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_recommended_two_shards_are_both_opened_and_both_answer() {
    let dir = TempDir::new().unwrap();
    let (fake, base) = fake_discord::start().await;
    *fake.recommend.lock().unwrap() = (2, 2);
    let mut settings = crate::support::settings(dir.path());
    settings.discord = discord_settings(&base);
    let app = spawn_app(settings, SetClock::new(at("2026-11-25 07:00"))).await;
    wait_until("both shards connected", 15, || fake.shards_connected() == 2).await;

    let identified = fake.identified.lock().unwrap().clone();
    let mut shards: Vec<[u64; 2]> = identified.iter().map(|(s, _)| *s).collect();
    shards.sort_unstable();
    assert_eq!(shards, [[0, 2], [1, 2]], "IDENTIFY with shard [0, 2] and [1, 2]");
    let gap = identified[1].1.duration_since(identified[0].1);
    assert!(
        gap < std::time::Duration::from_secs(5),
        "max_concurrency 2 puts the shards in two buckets, which identify together ({gap:?} apart)"
    );
    // Commands are registered once, globally, with no guild configured.
    assert_eq!(fake.calls_to(&Method::PUT, "/commands").len(), 1);

    let player = user("950000000000000002", "Ann");
    for shard in 0..2 {
        let mut interaction = fake.command_body(&player, "0", "quiz", "streak", json!([]));
        interaction["guild_id"] = json!(guild_on(shard, 2, 0));
        let id = interaction["id"].as_str().unwrap().to_string();
        fake.dispatch(interaction);
        let cb = fake.callback(&id).await;
        assert!(content(&cb).contains("in a row"), "shard {shard} answers: {cb}");
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_database_post_each_question_once() {
    let dir = TempDir::new().unwrap();
    let clock = SetClock::new(at("2026-11-25 07:00"));
    let mut apps = Vec::new();
    let mut fakes = Vec::new();
    // Each process talks to its own fake Discord, so who posted what shows.
    for range in ["0-0/2", "1-1/2"] {
        let (fake, base) = fake_discord::start().await;
        let mut settings = crate::support::settings(dir.path());
        settings.discord =
            DiscordSettings { shards: Shards::Range(Share::parse(range).unwrap()), ..discord_settings(&base) };
        apps.push(spawn_app(settings, clock.clone()).await);
        fakes.push(fake);
    }
    wait_until("each process's shard connected", 15, || fakes.iter().all(|f| f.shards_connected() == 1)).await;
    assert_eq!(fakes[0].identified.lock().unwrap()[0].0, [0, 2]);
    assert_eq!(fakes[1].identified.lock().unwrap()[0].0, [1, 2]);
    assert_eq!(fakes[1].calls_to(&Method::PUT, "/commands").len(), 0, "shard 0's process registers the commands");

    // Four servers, two on each shard, with two scheduled channels each.
    let mut channels = Vec::new();
    for n in 0..2 {
        for shard in 0..2 {
            let guild = guild_on(shard, 2, n);
            for c in 0..2 {
                let channel = format!("92{shard}{n}{c}000000000001");
                let admin = crate::support::admin_in(Platform::Discord, &guild, &channel, at("2026-11-25 07:00"));
                let r = apps[0].service.handle_text_async(admin, "admin schedule 09:00 UTC").await;
                assert!(plain(&r).starts_with("Scheduled"), "{r:?}");
                channels.push((shard, channel));
            }
        }
    }
    clock.set(at("2026-11-25 09:00"));
    apps.iter().for_each(|a| a.service.nudge());
    let posted = |fake: &FakeDiscord| fake.load.posted.lock().unwrap().values().sum::<usize>();
    wait_until("every channel's question", 30, || fakes.iter().map(|f| posted(f)).sum::<usize>() == channels.len())
        .await;
    let sent = "SELECT COUNT(*) FROM deliveries WHERE part = 'question' AND state = 'sent'";
    wait_until("every outcome recorded", 10, || count(dir.path(), sent) == 8).await;
    // Another pass of each process finds nothing more to send.
    let sleeps = clock.sleeps();
    apps.iter().for_each(|a| a.service.nudge());
    clock.wait_sleeps(sleeps, 2).await;

    // Any process may send any channel's question over REST (whichever
    // claims it first); each goes out once in all.
    for (_, channel) in &channels {
        let on = |f: &FakeDiscord| f.load.posted.lock().unwrap().get(channel).copied().unwrap_or(0);
        assert_eq!(on(&fakes[0]) + on(&fakes[1]), 1, "channel {channel} is posted once in all");
    }
    for app in apps {
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daily_post_pings_only_its_role_and_opens_a_thread_that_gets_the_reveal() {
    const ROLE: &str = "960000000000000001";
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    misc_only(fake, &admin).await;
    let role = json!([{"name": "role", "type": 8, "value": ROLE}]);
    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "ping", role)).await;
    assert!(content(&cb).contains("mentions that role, and nobody else"), "{cb}");
    let cb =
        fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "threads", json!([option("on", "on")]))).await;
    assert!(content(&cb).contains("opens a thread"), "{cb}");

    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]))).await;
    let (post, thread, message) = fake.post_with_thread(CHANNEL).await;
    let text = post.body["content"].as_str().unwrap();
    assert!(text.starts_with(&format!("<@&{ROLE}> ")), "the post mentions the role: {text}");
    let mentions = &post.body["allowed_mentions"];
    assert_eq!(mentions["parse"], json!([]), "no @everyone, no parsed mentions: {mentions}");
    assert_eq!(mentions["roles"], json!([ROLE]), "exactly that role: {mentions}");
    assert!(mentions["users"].as_array().is_none_or(Vec::is_empty), "no user: {mentions}");
    assert_eq!(thread.body["name"], "Question of the day · 2026-11-25");

    let ann = user("950000000000000002", "Ann");
    fake.callback(&fake.click(&ann, "qm:d1:B", "1")).await;
    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "reveal-now", json!([]))).await;
    let in_thread = format!("/api/v10/channels/{message}/messages");
    let calls = fake.wait_for("the reveal in the thread", |c| c.iter().any(|c| c.path == in_thread)).await;
    let reveal = calls.iter().find(|c| c.path == in_thread).unwrap();
    assert!(reveal.body["content"].as_str().unwrap().contains("1 answered"), "{}", reveal.body);
    assert_eq!(reveal.body["allowed_mentions"]["parse"], json!([]));
    assert!(
        calls.iter().any(|c| c.method == Method::PATCH && c.path.ends_with(&format!("/messages/{message}"))),
        "and the question edited"
    );

    // Without Create Public Threads: the question still goes out, and the
    // missing permission is reported, not silent.
    fake.no_threads.store(true, std::sync::atomic::Ordering::SeqCst);
    bot.set("2026-11-26 09:00");
    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]))).await;
    wait_until("the refused thread", 15, || {
        count(dir.path(), "SELECT COUNT(*) FROM channels WHERE problem = 'threads_denied'") == 1
    })
    .await;
    assert_eq!(
        fake.calls_to(&Method::POST, &format!("/channels/{CHANNEL}/messages"))
            .iter()
            .filter(|c| c.path.ends_with("/messages"))
            .count(),
        2
    );
    let status = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "status", json!([]))).await;
    assert!(content(&status).contains("Create Public Threads"), "{status}");
    bot.stop().await;
}

/// Discord text without its markup: bold and the escapes.
fn unmarked(text: &str) -> String {
    text.replace("**", "").replace('\\', "")
}

/// A modal callback's text inputs: (custom id, label, value).
fn modal_inputs(callback: &Value) -> Vec<(String, String, String)> {
    callback["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap_or_default().to_string();
            (s("custom_id"), s("label"), s("value"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suggestion_by_modal_is_reviewed_with_buttons_and_asked_crediting_its_author() {
    const ROLE: &str = "960000000000000001";
    const OTHER_ROLE: &str = "960000000000000077";
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "Ann @here");
    let suggestions = || count(dir.path(), "SELECT COUNT(*) FROM suggestions");

    // `/quiz suggest` opens a modal with the five fields.
    let cb = fake.callback(&fake.command(&ann, "0", "quiz", "suggest", json!([]))).await;
    assert_eq!(cb["type"], 9, "a modal: {cb}");
    assert_eq!(cb["data"]["custom_id"], "qm:form:suggest");
    let inputs = modal_inputs(&cb);
    let ids: Vec<&str> = inputs.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["prompt", "options", "answer", "explanation", "category"]);
    assert!(inputs.iter().all(|(_, label, _)| !label.is_empty() && label.chars().count() <= 45));
    // `kind: discussion` opens the discussion's three: prompt, notes, category.
    let talk = fake.callback(&fake.command(&ann, "0", "quiz", "suggest", json!([option("kind", "discussion")]))).await;
    assert_eq!(talk["data"]["custom_id"], "qm:form:suggest-discussion", "{talk}");
    let inputs = modal_inputs(&talk);
    let labels: Vec<(&str, &str)> = inputs.iter().map(|(id, label, _)| (id.as_str(), label.as_str())).collect();
    assert_eq!(labels, [("prompt", "Question"), ("options", "What a strong answer covers"), ("category", "Category")]);

    // A bad one: every problem names its field, and nothing is stored.
    let bad = [
        ("prompt", "Which status code means the resource was created?"),
        ("options", "200 OK\n201 Created\n204 No Content"),
        ("answer", "F"),
        ("explanation", "201 Created answers a request that made something new."),
        ("category", "cooking"),
    ];
    let cb = fake.callback(&fake.submit(&ann, "0", "qm:form:suggest", &bad)).await;
    let text = unmarked(&content(&cb));
    assert!(ephemeral(&cb) && text.contains("not saved"), "{cb}");
    assert!(text.contains("Right choice (letter): letter F is out of range: there are 3 choices (A-C)"), "{text}");
    assert!(text.contains("Category: `cooking` is not one of the bank's categories: apis, miscellaneous"), "{text}");
    assert_eq!(suggestions(), 0);
    // Nothing typed is lost: a button opens the modal again, filled in.
    let buttons: Vec<String> = custom_ids(&cb["data"]).into_iter().map(|(id, _)| id).collect();
    assert_eq!(buttons, ["qm:retry"]);
    let cb = fake.callback(&fake.click(&ann, "qm:retry", "3")).await;
    assert_eq!((cb["type"].as_u64(), cb["data"]["custom_id"].as_str()), (Some(9), Some("qm:form:suggest")), "{cb}");
    let values: Vec<String> = modal_inputs(&cb).into_iter().map(|(_, _, v)| v).collect();
    assert_eq!(values, bad.iter().map(|(_, v)| v.to_string()).collect::<Vec<_>>());

    // A good one, whose text tries to ping.
    let prompt = format!("@everyone <@&{OTHER_ROLE}> Which status code means the resource was created?");
    let good = [
        ("prompt", prompt.as_str()),
        ("options", "200 OK\n201 Created\n204 No Content\n202 Accepted"),
        ("answer", "B"),
        ("explanation", "201 Created answers a request that made something new."),
        ("category", "apis"),
    ];
    let cb = fake.callback(&fake.submit(&ann, "0", "qm:form:suggest", &good)).await;
    assert!(unmarked(&content(&cb)).contains("suggestion #1 is waiting"), "{cb}");
    assert_eq!(suggestions(), 1);

    // The admin's review card, with its buttons.
    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "review", json!([]))).await;
    let card = &cb["data"]["embeds"][0];
    let text = unmarked(&format!("{}\n{}", card["title"].as_str().unwrap(), card["description"].as_str().unwrap()));
    assert!(text.contains("Suggestion #1 by Ann @\u{200B}here"), "{text}");
    assert!(!text.contains("@everyone") && !text.contains("<@&"), "member text is inert: {text}");
    let buttons: Vec<String> = custom_ids(&cb["data"]).into_iter().map(|(id, _)| id).collect();
    assert_eq!(buttons, ["qm:review:approve:1", "qm:review:reject:1", "qm:review:edit:1"]);

    // The author, not an admin, cannot approve it with the button.
    let cb = fake.callback(&fake.click(&ann, "qm:review:approve:1", "5")).await;
    assert!(unmarked(&content(&cb)).contains("Manage Server permission"), "{cb}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE state = 'pending'"), 1);

    // Edit: the modal comes filled in; the admin changes the explanation.
    let cb = fake.callback(&fake.click_with(&admin, MANAGE_GUILD, "qm:review:edit:1", "5")).await;
    assert_eq!((cb["type"].as_u64(), cb["data"]["custom_id"].as_str()), (Some(9), Some("qm:form:edit:1")), "{cb}");
    let inputs = modal_inputs(&cb);
    assert_eq!(inputs[0].2, prompt);
    assert_eq!(inputs[2].2, "B");
    let mut edited = good;
    edited[3] = ("explanation", "201 Created: the request made a new resource, usually named by Location.");
    let cb = fake.callback(&fake.submit(&admin, MANAGE_GUILD, "qm:form:edit:1", &edited)).await;
    assert!(unmarked(&content(&cb)).contains("Saved your changes to suggestion #1"), "{cb}");

    // Approve by the admin's button.
    let cb = fake.callback(&fake.click_with(&admin, MANAGE_GUILD, "qm:review:approve:1", "5")).await;
    assert!(unmarked(&content(&cb)).contains("Approved suggestion #1"), "{cb}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM own_items WHERE slug = 'suggestion-1'"), 1);

    // Reject another, with a reason given in the modal; the author sees it.
    let second = [
        ("prompt", "Which HTTP method is idempotent and removes a resource?"),
        ("options", "DELETE"),
        ("answer", ""),
        ("explanation", "DELETE twice leaves the same state."),
        ("category", "apis"),
    ];
    fake.callback(&fake.submit(&ann, "0", "qm:form:suggest", &second)).await;
    let cb = fake.callback(&fake.click_with(&admin, MANAGE_GUILD, "qm:review:reject:2", "6")).await;
    assert_eq!((cb["type"].as_u64(), cb["data"]["custom_id"].as_str()), (Some(9), Some("qm:form:reject:2")), "{cb}");
    let cb =
        fake.callback(&fake.submit(&admin, MANAGE_GUILD, "qm:form:reject:2", &[("reason", "asked last week")])).await;
    assert!(unmarked(&content(&cb)).contains("Rejected suggestion #2"), "{cb}");
    let cb = fake.callback(&fake.command(&ann, "0", "quiz", "suggestions", json!([]))).await;
    let text = unmarked(&content(&cb));
    assert!(text.contains("#2 rejected") && text.contains("asked last week") && text.contains("#1 approved"), "{text}");

    // The approved item is asked in this server's channel, crediting Ann,
    // with the role ping and nothing else pinging. The channel takes only
    // `apis`, so one of its first two questions is the suggestion.
    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "categories", json!([option("list", "apis")])))
        .await;
    let role = json!([{"name": "role", "type": 8, "value": ROLE}]);
    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "ping", role)).await;
    let ours = || count(dir.path(), "SELECT COUNT(*) FROM posts WHERE item_id LIKE 'own:%:suggestion-1'");
    for day in ["2026-11-25 09:00", "2026-11-26 09:00"] {
        bot.set(day);
        fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]))).await;
        if ours() == 1 {
            break;
        }
        fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "reveal-now", json!([]))).await;
    }
    assert_eq!(ours(), 1, "the suggestion was asked");
    let path = format!("/api/v10/channels/{CHANNEL}/messages");
    let calls = fake
        .wait_for("the suggestion posted", |c| {
            c.iter().any(|c| c.path == path && c.body["content"].as_str().is_some_and(|t| t.contains("Suggested by")))
        })
        .await;
    let post = calls
        .iter()
        .rev()
        .find(|c| c.path == path && c.body["content"].as_str().unwrap().contains("Suggested by"))
        .unwrap();
    let text = post.body["content"].as_str().unwrap();
    // The admin changed the explanation in review: both are credited.
    assert!(unmarked(text).contains("Suggested by Ann @\u{200B}here, edited by Admin."), "{text}");
    assert!(
        text.starts_with(&format!("<@&{ROLE}> ")) && text.matches("<@&").count() == 1,
        "only the ping role: {text}"
    );
    assert!(text.contains("@\u{200B}everyone") && !text.contains("@everyone"), "{text}");
    assert_eq!(post.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(post.body["allowed_mentions"]["roles"], json!([ROLE]));

    // Graded and revealed like any other, with the credit.
    fake.callback(&fake.click_with(
        &admin,
        MANAGE_GUILD,
        &format!("qm:d{}:B", count(dir.path(), "SELECT MAX(id) FROM posts")),
        "7",
    ))
    .await;
    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "reveal-now", json!([]))).await;
    assert!(unmarked(&content(&cb)).contains("revealed"), "{cb}");
    let calls = fake
        .wait_for("the reveal", |c| {
            c.iter().any(|c| {
                c.method == Method::PATCH
                    && c.body["content"].as_str().is_some_and(|t| t.contains("1 answered, 1 correct"))
            })
        })
        .await;
    let reveal = calls.iter().rev().find(|c| c.method == Method::PATCH).unwrap();
    assert!(
        unmarked(reveal.body["content"].as_str().unwrap()).contains("Suggested by Ann @\u{200B}here, edited by Admin."),
        "{}",
        reveal.body
    );
    if let Some(n) = fake_discord::check_against_spec(fake) {
        assert!(n > 10, "{n} bodies checked");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_with_code_shows_a_highlighted_block_and_inline_code_with_its_prose_inert() {
    use crate::support::{CODE_LINE, CODE_LT_LINE, CODE_PACK};
    let dir = TempDir::new().unwrap();
    let settings = crate::support::settings_with_packs(dir.path(), &[("code.toml", CODE_PACK)]);
    let bot = start_with(at("2026-11-25 09:00"), settings).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([]))).await;
    let calls = fake
        .wait_for("the question", |c| c.iter().any(|c| c.method == Method::POST && c.path.ends_with("/messages")))
        .await;
    let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with("/messages")).unwrap();
    let text = post.body["content"].as_str().unwrap();
    // The block as Discord's markdown: a fence with its language, the code
    // as written (no escapes inside a block), the fence closed.
    assert!(text.contains(&format!("```sql\n{CODE_LINE}\n{CODE_LT_LINE}\n```")), "{text}");
    assert!(text.contains("\\*and\\*"), "prose markup stays inert: {text}");
    let link = "\\(see <https://www.postgresql.org/docs/current/indexes-partial.html>\\)";
    assert!(text.contains(link), "a bare link is wrapped so Discord shows no preview: {text}");
    assert!(text.contains("`status = 'open'`"), "inline code in the prose: {text}");
    assert!(text.contains("A) `CREATE INDEX ON orders (status)`"), "inline code in an option: {text}");
    bot.stop().await;
}

/// A token Discord refuses stops the bot with a message that names the
/// setting and where a good token comes from, not a bare "401: Unauthorized".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_discord_refuses_is_named_with_where_a_good_one_comes_from() {
    let dir = TempDir::new().unwrap();
    let (_fake, base) = fake_discord::start().await;
    let path = dir.path().to_path_buf();
    let run = tokio::task::spawn_blocking(move || {
        crate::support::quizmaster(&path)
            .env("QUIZMASTER__DISCORD__TOKEN", "revoked-token")
            .env("QUIZMASTER__DISCORD__API_BASE_URL", base)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    });
    let out = tokio::time::timeout(std::time::Duration::from_secs(60), run).await.expect("the bot stops").unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("Discord refused discord.token (401 Unauthorized)"), "{err}");
    assert!(err.contains("Reset Token") && err.contains("QUIZMASTER__DISCORD__TOKEN"), "{err}");
}

/// At start the bot says how to add it to a server: the invite link with its
/// application id, both scopes, and every permission it uses (View Channel,
/// Send Messages, Embed Links, Attach Files, Read Message History, Create
/// Public Threads, Send Messages in Threads: Discord's bits 10, 11, 14, 15,
/// 16, 35 and 38).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_prints_its_invite_link_at_start() {
    use std::io::BufRead;
    let dir = TempDir::new().unwrap();
    let (_fake, base) = fake_discord::start().await;
    let mut child = crate::support::quizmaster(dir.path())
        .env("QUIZMASTER__DISCORD__TOKEN", "test-token")
        .env("QUIZMASTER__DISCORD__API_BASE_URL", base)
        .env("QUIZMASTER__LOG__LEVEL", "info")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let found = tokio::task::spawn_blocking(move || {
        std::io::BufReader::new(stderr).lines().map_while(Result::ok).find(|l| l.contains("oauth2/authorize"))
    });
    let line = tokio::time::timeout(std::time::Duration::from_secs(60), found).await.expect("a link").unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let line = line.expect("the invite line");
    let want = format!(
        "https://discord.com/oauth2/authorize?client_id={}&scope=bot%20applications.commands&permissions=309237763072",
        fake_discord::APP
    );
    assert!(line.contains(&want), "{line}");
}

/// `/quizadmin setup` on Discord: a modal filled with what most teams pick;
/// a field that does not read is named with its fix and nothing is set;
/// sent again, the schedule and categories are set and the first question
/// is in the channel at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_is_one_modal_that_ends_with_the_first_question_in_the_channel() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "Ann");

    // Only an admin may open it.
    let cb = fake.callback(&fake.command(&ann, "0", "quizadmin", "setup", json!([]))).await;
    assert!(unmarked(&content(&cb)).contains("Manage Server permission"), "{cb}");

    let cb = fake.callback(&fake.command(&admin, MANAGE_GUILD, "quizadmin", "setup", json!([]))).await;
    assert_eq!((cb["type"].as_u64(), cb["data"]["custom_id"].as_str()), (Some(9), Some("qm:form:setup")), "{cb}");
    let inputs = modal_inputs(&cb);
    let fields: Vec<(&str, &str)> = inputs.iter().map(|(id, _, v)| (id.as_str(), v.as_str())).collect();
    assert_eq!(fields, [("time", "09:00"), ("zone", "UTC"), ("days", "weekdays"), ("categories", "all")]);
    assert!(inputs.iter().all(|(_, label, _)| !label.is_empty() && label.chars().count() <= 45));

    let bad = [("time", "9.30"), ("zone", "Europe/Berln"), ("days", "mon-fri"), ("categories", "cooking")];
    let cb = fake.callback(&fake.submit(&admin, MANAGE_GUILD, "qm:form:setup", &bad)).await;
    let text = unmarked(&content(&cb));
    assert!(ephemeral(&cb) && text.contains("nothing is set up yet"), "{cb}");
    assert!(text.contains("Time (24-hour, HH:MM): ") && text.contains("9.30"), "{text}");
    assert!(text.contains("Did you mean Europe/Berlin?"), "{text}");
    assert!(text.contains("There is no category `cooking`"), "{text}");
    assert!(!text.contains("Days:"), "the days read: {text}");
    // What was typed is kept: a button opens the modal again, filled in.
    let cb = fake.callback(&fake.click_with(&admin, MANAGE_GUILD, "qm:retry", "3")).await;
    assert_eq!((cb["type"].as_u64(), cb["data"]["custom_id"].as_str()), (Some(9), Some("qm:form:setup")), "{cb}");
    let values: Vec<String> = modal_inputs(&cb).into_iter().map(|(_, _, v)| v).collect();
    assert_eq!(values, bad.iter().map(|(_, v)| v.to_string()).collect::<Vec<_>>());
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM schedules"), 0);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 0);

    let good = [("time", "10:30"), ("zone", "europe/berlin"), ("days", "mon-fri"), ("categories", "miscellaneous")];
    let cb = fake.callback(&fake.submit(&admin, MANAGE_GUILD, "qm:form:setup", &good)).await;
    let text = unmarked(&content(&cb));
    assert!(text.contains("Scheduled: 10:30 Europe/Berlin weekdays"), "{text}");
    assert!(text.contains("Daily questions now come from miscellaneous"), "{text}");
    assert!(text.contains("Posted in this channel"), "{text}");
    let calls = fake
        .wait_for("the first question", |c| {
            c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
        })
        .await;
    let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with("/messages")).unwrap();
    assert!(post.body["content"].as_str().unwrap().contains("Question of the day"), "{}", post.body);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM channels WHERE categories = 'miscellaneous'"), 1);
    // Today had its question: the schedule's next post is tomorrow's.
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM schedules WHERE next_date = '2026-11-26'"), 1);
    bot.stop().await;
}

/// Added to a server, the bot says how to start in its system channel, in
/// the server's language, once: not again on a reconnect, not in a server
/// it joined long ago, and a channel it may not post in is passed over.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_just_added_the_bot_is_welcomed_once_in_its_system_channel() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 09:00")).await;
    let fake = &bot.fake;
    let posts_in = |channel: &str| fake.calls_to(&Method::POST, &format!("/channels/{channel}/messages"));
    // Discord's `joined_at` is real time.
    let just_now = (Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    let long_ago = (Utc::now() - chrono::Duration::days(300)).to_rfc3339();
    fake.load.forbidden.lock().unwrap().insert("960000000000000074".into());

    fake.guild_create(GUILD.parse().unwrap(), Some("960000000000000071"), &just_now, "de");
    let calls = fake.wait_for("the welcome", |c| c.iter().any(|c| c.path.contains("960000000000000071"))).await;
    let welcome = calls.iter().find(|c| c.path.ends_with("/channels/960000000000000071/messages")).unwrap();
    let text = welcome.body["content"].as_str().unwrap();
    assert!(text.contains("/quizadmin setup") && text.contains("Server verwalten"), "in German: {text}");
    assert_eq!(welcome.body["allowed_mentions"]["parse"], json!([]), "pings nobody");

    // A reconnect sends GUILD_CREATE again; a server joined long ago; one
    // whose system channel refuses the bot; then a new server as a marker
    // that the events before it were handled.
    fake.guild_create(GUILD.parse().unwrap(), Some("960000000000000071"), &just_now, "de");
    fake.guild_create(940000000000000072, Some("960000000000000072"), &long_ago, "en-US");
    fake.guild_create(940000000000000074, Some("960000000000000074"), &just_now, "en-US");
    fake.guild_create(940000000000000075, None, &just_now, "en-US");
    fake.guild_create(940000000000000073, Some("960000000000000073"), &just_now, "fr");
    let calls = fake.wait_for("the second welcome", |c| c.iter().any(|c| c.path.contains("960000000000000073"))).await;
    let french = calls.iter().find(|c| c.path.contains("960000000000000073")).unwrap();
    assert!(french.body["content"].as_str().unwrap().contains("Gérer le serveur"), "{:?}", french.body);
    fake.wait_for("the refused attempt", |c| c.iter().any(|c| c.path.contains("960000000000000074"))).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(posts_in("960000000000000071").len(), 1, "welcomed once");
    assert!(posts_in("960000000000000072").is_empty(), "an old server is a reconnect, not a join");
    // The bot still answers after the refusal.
    let r = fake.callback(&fake.command(&user("950000000000000002", "Bo"), "0", "quiz", "help", json!([]))).await;
    assert!(r["data"]["embeds"][0]["description"].as_str().is_some_and(|d| d.contains("/quizadmin setup")), "{r}");
    bot.stop().await;
}
