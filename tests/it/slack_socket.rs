//! Slack over Socket Mode: the bot opens its WebSocket to the fake Slack on
//! loopback (no endpoint of its own listens), takes slash commands and
//! clicks as envelopes and acks them; Slack's refresh, redelivery and
//! dropped connections lose and double nothing.

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::fake_slack::{self, FakeSlack};
use crate::support::{SetClock, TestApp, at, count, spawn_app, wait_until};

const ADMIN: &str = "UADMIN";

struct Bot {
    fake: Arc<FakeSlack>,
    fake_base: String,
    app: TestApp,
}

async fn start(dir: &TempDir) -> Bot {
    let clock = SetClock::new(at("2026-11-25 09:00"));
    let (fake, fake_base) = fake_slack::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.slack.bot_token = Some(SecretString::from("xoxb-test-token"));
    settings.slack.app_token = Some(SecretString::from("xapp-1-A1-test"));
    settings.slack.admins = vec![ADMIN.to_string()];
    fake_slack::point_at(&mut settings, &fake_base);
    settings.quiz.rate_burst = 1000;
    let app = spawn_app(settings, clock).await;
    assert!(app.slack_addr.is_none(), "Socket Mode needs no endpoint of its own");
    wait_until("the Socket Mode connection", 10, || fake.socket.connections() == 1).await;
    Bot { fake, fake_base, app }
}

impl Bot {
    fn slash(&self, id: &str, user: &str, text: &str) -> Value {
        json!({
            "envelope_id": id, "type": "slash_commands", "accepts_response_payload": true,
            "payload": {"token": "unused", "team_id": "T1", "team_domain": "team", "channel_id": "C1",
                "channel_name": "quiz", "user_id": user, "user_name": user.to_lowercase(), "command": "/quiz",
                "text": text, "api_app_id": "A1", "is_enterprise_install": "false",
                "response_url": format!("{}/response/{id}", self.fake_base), "trigger_id": "1.2.3"},
        })
    }

    fn click(&self, id: &str, user: &str, value: &str) -> Value {
        json!({
            "envelope_id": id, "type": "interactive", "accepts_response_payload": false,
            "payload": {"type": "block_actions", "user": {"id": user, "username": user.to_lowercase(),
                "name": user.to_lowercase(), "team_id": "T1"}, "api_app_id": "A1",
                "team": {"id": "T1", "domain": "team"}, "channel": {"id": "C1", "name": "quiz"},
                "container": {"type": "message", "message_ts": "1764000000.000001", "channel_id": "C1"},
                "trigger_id": "1.2.3", "response_url": format!("{}/response/{id}", self.fake_base),
                "actions": [{"type": "button", "action_id": value, "block_id": "answers", "value": value,
                    "action_ts": "1764000000.1"}]},
        })
    }

    /// The ack of an envelope once it comes: its payload's text.
    async fn ack_text(&self, id: &str) -> String {
        wait_until(&format!("the ack of {id}"), 10, || self.fake.socket.acks.lock().unwrap().contains_key(id)).await;
        let acks = self.fake.socket.acks.lock().unwrap();
        let payload = &acks[id][0].1;
        payload["text"].as_str().map(str::to_string).unwrap_or_else(|| payload.to_string())
    }

    /// Sends an envelope and waits for its ack's text.
    async fn ack_text_of(&self, envelope: Value) -> String {
        let id = envelope["envelope_id"].as_str().unwrap().to_string();
        self.fake.socket.send(envelope);
        self.ack_text(&id).await
    }

    /// The admin posts today's question in C1 (items from one category).
    async fn question_posted(&self) {
        self.fake.socket.send(self.slash("e-cat", ADMIN, "admin categories miscellaneous"));
        assert!(self.ack_text("e-cat").await.contains("miscellaneous"));
        let scheduled = self.ack_text_of(self.slash("e-sched", ADMIN, "admin schedule 10:00 UTC")).await;
        // Times in the reader's own zone, with Slack's date formatting.
        let next = at("2026-11-25 10:00").timestamp();
        assert!(scheduled.contains(&format!("<!date^{next}^{{date_short_pretty}} {{time}}|")), "{scheduled}");
        let posted = self.ack_text_of(self.slash("e-post", ADMIN, "admin post-now")).await;
        assert!(posted.contains("Posted") && posted.contains("<!date^"), "{posted}");
        wait_until("the question in C1", 10, || !self.fake.calls("chat.postMessage").is_empty()).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_and_clicks_arrive_over_socket_mode_and_are_acked_once_recorded() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir).await;
    bot.fake.profiles.lock().unwrap().insert("UANN".into(), "Ann Lee".into());
    bot.question_posted().await;

    bot.fake.socket.send(bot.slash("e-1", "UANN", "answer b"));
    let text = bot.ack_text("e-1").await;
    assert!(text.contains("Answer recorded"), "the reply travels in the ack: {text}");
    bot.fake.socket.send(bot.click("e-2", "UBOB", "qm:d1:A"));
    bot.ack_text("e-2").await;
    wait_until("the click's verdict", 10, || !bot.fake.responses.lock().unwrap().is_empty()).await;
    let verdict = bot.fake.responses.lock().unwrap()[0].to_string();
    assert!(verdict.contains("Answer recorded") && verdict.contains("ephemeral"), "{verdict}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 2);
    // The name is users.info's display name, not the payload's handle.
    let name = || crate::support::text(dir.path(), "SELECT display_name FROM users WHERE external_id = 'UANN'");
    wait_until("the display name from users.info", 10, || name() == "Ann Lee").await;
    let stats = bot.ack_text_of(bot.slash("e-3", "UANN", "stats")).await;
    assert!(stats.contains("Stats for Ann Lee"), "{stats}");
    assert!(bot.fake.calls("users.info").iter().any(|c| c.body["user"] == "UANN"));

    let sent = bot.fake.socket.sent_at.lock().unwrap().clone();
    for (id, acks) in bot.fake.socket.acks.lock().unwrap().iter() {
        assert_eq!(acks.len(), 1, "{id} acked once");
        let within = acks[0].2.duration_since(sent[id]);
        assert!(within < Duration::from_secs(3), "{id} acked within Slack's three seconds ({within:?})");
    }
    assert_eq!(bot.fake.socket.opened.load(std::sync::atomic::Ordering::SeqCst), 1);
    if let Some(n) = fake_slack::check_against_spec(&bot.fake) {
        assert!(n >= 2, "apps.connections.open and chat.postMessage checked ({n})");
    }
    bot.app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_in_a_burst_of_a_thousand_answers_loses_and_doubles_nothing() {
    const N: usize = 1000;
    let dir = TempDir::new().unwrap();
    let bot = start(&dir).await;
    bot.question_posted().await;

    let envelopes: Vec<Value> = (0..N)
        .map(|i| {
            let (id, user) = (format!("burst-{i}"), format!("U{i:05}"));
            if i % 2 == 0 { bot.slash(&id, &user, "answer b") } else { bot.click(&id, &user, "qm:d1:B") }
        })
        .collect();
    for (i, envelope) in envelopes.iter().enumerate() {
        if i == N / 2 {
            // Slack refreshes the connection mid-burst: `disconnect`, then it
            // closes the old socket; what was not acked there comes again.
            bot.fake.socket.disconnect("refresh_requested", Duration::ZERO);
        }
        bot.fake.socket.send(envelope.clone());
    }
    // And Slack, unsure, delivers some envelopes again, acked or not.
    for envelope in envelopes.iter().step_by(20) {
        bot.fake.socket.redeliver(envelope.clone());
    }
    let every_envelope = || {
        let acks = bot.fake.socket.acks.lock().unwrap();
        envelopes.iter().all(|e| acks.contains_key(e["envelope_id"].as_str().unwrap()))
    };
    wait_until("every envelope acked", 60, || every_envelope() && bot.fake.socket.all_acked()).await;

    let db = dir.path();
    assert_eq!(count(db, "SELECT COUNT(*) FROM answers"), i64::try_from(N).unwrap(), "every answer stored");
    let players = "SELECT COUNT(DISTINCT user_id) FROM answers";
    assert_eq!(count(db, players), i64::try_from(N).unwrap(), "once each");
    assert_eq!(bot.fake.socket.connections(), 2, "reconnected once");
    // A redelivered slash command gets the first reply again, not "your first answer is final".
    let acks = bot.fake.socket.acks.lock().unwrap().clone();
    for envelope in envelopes.iter().step_by(20).filter(|e| e["type"] == "slash_commands") {
        let id = envelope["envelope_id"].as_str().unwrap();
        for (_, payload, _) in &acks[id] {
            assert!(payload.to_string().contains("Answer recorded"), "{id}: {payload}");
        }
    }
    let redelivered = acks.values().filter(|a| a.len() > 1).count();
    let cut_off = bot.fake.socket.cut_off.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!(
        "{N} envelopes over 2 connections; {cut_off} cut off unacked by the close and sent again; \
         {redelivered} acked more than once after redelivery"
    );
    assert!(cut_off > 0, "the close caught envelopes still being handled");
    assert!(redelivered >= N / 20, "the redelivered envelopes were acked again ({redelivered})");
    bot.app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suggestion_form_opens_and_its_errors_travel_back_in_the_ack() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir).await;
    bot.fake.socket.send(bot.slash("e-s", "UANN", "suggest"));
    wait_until("the ack of e-s", 10, || bot.fake.socket.acks.lock().unwrap().contains_key("e-s")).await;
    assert_eq!(bot.fake.socket.acks.lock().unwrap()["e-s"][0].1, Value::Null, "no message: a modal opens");
    let opened = bot.fake.calls("views.open");
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].body["trigger_id"], "1.2.3");

    let submission = |id: &str, answer: &str| {
        let field = |k: &str, v: &str| (k.to_string(), json!({ k: {"type": "plain_text_input", "value": v} }));
        let values: serde_json::Map<String, Value> = [
            field("prompt", "Which status code means the resource was created?"),
            field("options", "200 OK\n201 Created\n204 No Content"),
            field("answer", answer),
            field("explanation", "201 Created answers a request that made something new."),
            field("category", "apis"),
        ]
        .into_iter()
        .collect();
        json!({
            "envelope_id": id, "type": "interactive", "accepts_response_payload": true,
            "payload": {"type": "view_submission", "team": {"id": "T1", "domain": "team"},
                "user": {"id": "UANN", "username": "ann", "name": "ann", "team_id": "T1"}, "api_app_id": "A1",
                "view": {"id": "V1", "type": "modal", "callback_id": "qm:form:suggest", "private_metadata": "C1",
                    "state": {"values": values}}},
        })
    };
    bot.fake.socket.send(submission("e-bad", "Z"));
    wait_until("the ack of e-bad", 10, || bot.fake.socket.acks.lock().unwrap().contains_key("e-bad")).await;
    let ack = bot.fake.socket.acks.lock().unwrap()["e-bad"][0].1.clone();
    assert_eq!(ack["response_action"], "errors", "{ack}");
    assert!(ack["errors"]["answer"].as_str().unwrap().contains("out of range"), "{ack}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions"), 0);
    bot.fake.socket.send(submission("e-good", "b"));
    wait_until("the ack of e-good", 10, || bot.fake.socket.acks.lock().unwrap().contains_key("e-good")).await;
    let ack = bot.fake.socket.acks.lock().unwrap()["e-good"][0].1.clone();
    assert_eq!(ack["response_action"], "update", "{ack}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE state = 'pending'"), 1);
    bot.app.stop().await;
}
