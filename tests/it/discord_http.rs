//! Discord without a gateway: interactions signed with a test Ed25519 key are
//! POSTed to the bot's `/discord/interactions` on loopback and answered in
//! the HTTP response; scheduled posts and edits go over REST to the fake.

use std::sync::Arc;
use std::time::Duration;

use axum::http::Method;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer, SigningKey};
use quizmaster::config::DiscordSettings;
use quizmaster::platform::discord::MAX_BODY;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::fake_discord::{self, CHANNEL, FakeDiscord, MANAGE_GUILD, user};
use crate::support::{Running, at, count, db_path, run};

struct Bot {
    run: Running,
    fake: Arc<FakeDiscord>,
    key: SigningKey,
    url: String,
    http: reqwest::Client,
}

async fn start(dir: &TempDir, now: DateTime<Utc>) -> Bot {
    let key = SigningKey::from_bytes(&[7; 32]);
    let (fake, base) = fake_discord::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.discord = DiscordSettings {
        gateway: false,
        public_key: Some(hex::encode(key.verifying_key().as_bytes())),
        interactions_listen: Some("127.0.0.1:0".parse().unwrap()),
        ..fake_discord::settings(&base)
    };
    let run = run(settings, now).await;
    let url = format!("http://{}/discord/interactions", run.app.discord_addr.expect("the endpoint listens"));
    fake.wait_for("command registration", |c| c.iter().any(|c| c.method == Method::PUT)).await;
    Bot { run, fake, key, url, http: reqwest::Client::new() }
}

impl Bot {
    /// POSTs `body` signed at `ts` (seconds); returns the status and the JSON reply.
    async fn post_at(&self, body: &[u8], ts: i64) -> (StatusCode, Value) {
        let signature = self.key.sign(&[ts.to_string().as_bytes(), body].concat());
        let r = self
            .http
            .post(&self.url)
            .header("x-signature-ed25519", hex::encode(signature.to_bytes()))
            .header("x-signature-timestamp", ts.to_string())
            .header("content-type", "application/json")
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    async fn post(&self, interaction: &Value) -> Value {
        let (status, reply) = self.post_at(interaction.to_string().as_bytes(), self.clock.now().timestamp()).await;
        assert_eq!(status, StatusCode::OK, "{reply}");
        reply
    }
}

impl std::ops::Deref for Bot {
    type Target = Running;
    fn deref(&self) -> &Running {
        &self.run
    }
}

use quizmaster::scheduler::Clock as _;

fn content(reply: &Value) -> String {
    reply["data"]["content"].as_str().unwrap_or_default().to_string()
}

fn option(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_interactions_are_answered_in_the_response_and_bad_ones_refused() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let ann = user("950000000000000002", "Ann");

    // PING gets PONG.
    let ping = json!({"id": "960000000000000001", "application_id": fake_discord::APP, "type": 1,
                      "token": "tok-ping", "version": 1});
    assert_eq!(bot.post(&ping).await, json!({"type": 1}));

    // /quiz play: the practice question and its buttons in the response body.
    let reply = bot.post(&bot.fake.command_body(&ann, "0", "quiz", "play", json!([]))).await;
    assert_eq!(reply["type"], 4, "{reply}");
    assert!(content(&reply).contains("Practice question"), "{reply}");
    assert_eq!(reply["data"]["flags"].as_u64().map(|f| f & 64), Some(64), "private");
    let button = reply["data"]["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();

    // Refused, and nothing written: a wrong signature, a stale, future or
    // missing timestamp, an oversized body.
    let click = bot.fake.click_body(&ann, &button, "930000000000000000").to_string();
    let now = bot.clock.now().timestamp();
    let practice = "SELECT COUNT(*) FROM practice_answers";
    let before = count(dir.path(), practice);
    let mut forged = bot.key.sign(b"something else").to_bytes();
    forged[0] ^= 1;
    let r = bot
        .http
        .post(&bot.url)
        .header("x-signature-ed25519", hex::encode(forged))
        .header("x-signature-timestamp", now.to_string())
        .body(click.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "a wrong signature");
    assert_eq!(bot.post_at(click.as_bytes(), now - 600).await.0, StatusCode::UNAUTHORIZED, "stale");
    assert_eq!(bot.post_at(click.as_bytes(), now + 600).await.0, StatusCode::UNAUTHORIZED, "from the future");
    let r = bot.http.post(&bot.url).body(click.clone()).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "no signature headers");
    let r = bot
        .http
        .post(&bot.url)
        .header("x-signature-ed25519", hex::encode(bot.key.sign(click.as_bytes()).to_bytes()))
        .body(click.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "no timestamp header");
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_BODY));
    assert_eq!(bot.post_at(huge.as_bytes(), now).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(count(dir.path(), practice), before, "nothing was written");
    assert!(bot.fake.calls_to(&Method::POST, "/callback").is_empty(), "nothing is answered over REST");

    // The same click, signed: graded in the response.
    let reply = bot.post_at(click.as_bytes(), now).await.1;
    assert!(["Correct!", "Not quite."].iter().any(|v| content(&reply).contains(v)), "{reply}");
    assert_eq!(count(dir.path(), practice), before + 1);
    assert!(!bot.fake.connected(), "no gateway connection was opened");
    bot.run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_daily_flow_runs_with_no_gateway() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir, at("2026-11-25 07:00")).await;
    let fake = &bot.fake;
    let admin = user("950000000000000001", "Admin");
    let ann = user("950000000000000002", "Ann");
    let bob = user("950000000000000003", "Bob");

    let r = bot
        .post(&fake.command_body(
            &admin,
            MANAGE_GUILD,
            "quizadmin",
            "categories",
            json!([option("list", "miscellaneous")]),
        ))
        .await;
    assert!(content(&r).contains("from miscellaneous"), "{r}");
    let r = bot
        .post(&fake.command_body(
            &admin,
            MANAGE_GUILD,
            "quizadmin",
            "schedule",
            json!([option("time", "09:00"), option("zone", "Europe/Berlin"), option("close", "8h")]),
        ))
        .await;
    let scheduled = content(&r);
    assert!(scheduled.contains("Scheduled: 09:00 Europe/Berlin daily"), "{r}");
    // The next post in each reader's own zone: Discord's timestamp markup.
    let next = at("2026-11-25 08:00").timestamp();
    assert!(scheduled.contains(&format!("<t:{next}:f>")) && !scheduled.contains("CET"), "{scheduled}");

    // 09:00 in Berlin: posted over REST, closing time in the reader's zone.
    bot.set("2026-11-25 08:00");
    let calls = fake
        .wait_for("the daily post", |c| {
            c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
        })
        .await;
    let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with("/messages")).unwrap();
    let text = post.body["content"].as_str().unwrap();
    let closes = at("2026-11-25 16:00").timestamp();
    assert!(text.contains("Question of the day") && text.contains(&format!("closes <t:{closes}:f>")), "{text}");

    // Answers by button, in the HTTP response.
    bot.set("2026-11-25 08:01");
    let r = bot.post(&fake.click_body(&ann, "qm:d1:B", "930000000000000000")).await;
    assert!(content(&r).contains("Answer recorded"), "{r}");
    assert!(content(&r).contains(&format!("<t:{closes}:f>")), "the reveal time too: {r}");

    // A slow database: the reply is deferred in the response and follows as
    // an edit through the webhook, and the answer is kept.
    bot.set("2026-11-25 08:02");
    let (locked, is_locked) = std::sync::mpsc::channel();
    let lock = std::thread::spawn({
        let path = db_path(dir.path());
        let dir = dir.path().to_path_buf();
        move || {
            // Another process holds the write lock (on PostgreSQL: the answers table's).
            if crate::support::pg::on_postgres() {
                let mut c = crate::support::pg::client_for(&dir);
                c.batch_execute("BEGIN; LOCK TABLE answers IN EXCLUSIVE MODE").unwrap();
                locked.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(2500));
                c.batch_execute("COMMIT").unwrap();
                return;
            }
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(2500));
            conn.execute_batch("COMMIT").unwrap();
        }
    });
    is_locked.recv().unwrap();
    let click = fake.click_body(&bob, "qm:d1:A", "930000000000000000");
    let r = bot.post(&click).await;
    assert_eq!(r["type"], 5, "deferred: {r}");
    let token = click["token"].as_str().unwrap();
    let calls = fake
        .wait_for("the deferred edit", |c| c.iter().any(|c| c.method == Method::PATCH && c.path.contains(token)))
        .await;
    let edit = calls.iter().find(|c| c.method == Method::PATCH && c.path.contains(token)).unwrap();
    assert!(
        edit.path.contains(&format!("/webhooks/{}/{token}/messages/@original", fake_discord::APP)),
        "{}",
        edit.path
    );
    assert!(edit.body["content"].as_str().unwrap().contains("Answer recorded"), "{}", edit.body);
    lock.join().unwrap();
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 2);

    // 17:00 in Berlin: the reveal edits the question over REST.
    bot.set("2026-11-25 16:00");
    let calls = fake
        .wait_for("the reveal", |c| c.iter().any(|c| c.method == Method::PATCH && c.path.contains("/channels/")))
        .await;
    let edit = calls.iter().find(|c| c.method == Method::PATCH && c.path.contains("/channels/")).unwrap();
    assert!(edit.body["content"].as_str().unwrap().contains("2 answered, 1 correct \\(50%\\)"), "{}", edit.body);

    let r = bot.post(&fake.command_body(&bob, "0", "quiz", "leaderboard", json!([]))).await;
    let board = r["data"]["embeds"][0]["description"].as_str().unwrap().to_string();
    assert!(board.lines().next().unwrap().contains("Ann") && board.contains("Bob"), "{board}");

    // What only the member sees is in their language; what the channel sees
    // is in the server's.
    let mut help = fake.command_body(&bob, "0", "quiz", "help", json!([]));
    help["locale"] = json!("de");
    help["guild_locale"] = json!("fr");
    let r = bot.post(&help).await;
    assert_eq!(r["data"]["embeds"][0]["title"], "Quizmaster-Befehle", "{r}");
    let mut board = fake.command_body(&bob, "0", "quiz", "leaderboard", json!([]));
    board["locale"] = json!("de");
    board["guild_locale"] = json!("fr-CA");
    let r = bot.post(&board).await;
    let title = r["data"]["embeds"][0]["title"].as_str().unwrap();
    assert!(title.starts_with("Classement"), "the channel's board in the server's French: {r}");
    board["locale"] = json!("ko");
    board["guild_locale"] = json!("ko");
    let r = bot.post(&board).await;
    assert!(r["data"]["embeds"][0]["title"].as_str().unwrap().starts_with("Leaderboard"), "{r}");

    let count = json!([{"type": 3, "name": "count", "value": "1"}]);
    let r = bot.post(&fake.command_body(&bob, "0", "quiz", "archive", count)).await;
    assert_eq!(r["data"]["flags"], 64, "the archive is private: {r}");
    let archive = r["data"]["content"].as_str().unwrap();
    assert!(archive.starts_with("The last question revealed in this channel:"), "{archive}");
    assert!(archive.contains("Answer: **B\\) One of consistency or availability**"), "{archive}");

    assert!(!fake.connected(), "no gateway connection was opened");
    assert!(fake.calls_to(&Method::GET, "/gateway").is_empty(), "the gateway was never asked for");
    if let Some(n) = fake_discord::check_against_spec(fake) {
        assert!(n >= 3, "registration, post, edits checked against the spec ({n})");
    }
    bot.run.stop().await;
}
