//! Slack and Discord served by one bot: one service, one writer, and a
//! scheduler per platform. An admin change made on either platform wakes
//! both schedulers.

use axum::http::Method;
use quizmaster::platform::slack::sign;
use quizmaster::scheduler::Clock;
use secrecy::SecretString;
use serde_json::json;
use tempfile::TempDir;

use crate::support::fake_discord::{self, CHANNEL, GUILD, MANAGE_GUILD, user};
use crate::support::fake_slack;
use crate::support::{SetClock, at, spawn_app};

const SECRET: &str = "side-by-side-secret";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_change_on_either_platform_wakes_both_schedulers() {
    let dir = TempDir::new().unwrap();
    let clock = SetClock::new(at("2026-11-25 07:00"));
    let (discord, discord_base) = fake_discord::start().await;
    let (slack, slack_base) = fake_slack::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.discord.token = Some(SecretString::from("test-token"));
    settings.discord.guild_ids = vec![GUILD.parse().unwrap()];
    settings.discord.api_base_url = Some(discord_base.parse().unwrap());
    settings.slack.signing_secret = Some(SecretString::from(SECRET));
    settings.slack.bot_token = Some(SecretString::from("xoxb-test-token"));
    settings.slack.admins = vec!["UADMIN".into()];
    settings.slack.listen = "127.0.0.1:0".parse().unwrap();
    settings.slack.api_base_url = format!("{slack_base}/api").parse().unwrap();
    let app = spawn_app(settings, clock.clone()).await;
    discord.wait_for("command registration", |c| c.iter().any(|c| c.path.ends_with("/commands"))).await;
    crate::support::wait_until("the gateway connection", 10, || discord.connected()).await;
    let slack_url = format!("http://{}/slack/commands", app.slack_addr.unwrap());
    let http = reqwest::Client::new();
    let slack_admin = |text: &str| {
        let body = serde_urlencoded::to_string([
            ("team_id", "T1"),
            ("channel_id", "C1"),
            ("user_id", "UADMIN"),
            ("user_name", "admin"),
            ("command", "/quiz"),
            ("text", text),
            ("response_url", &format!("{slack_base}/response/cmd")),
        ])
        .unwrap();
        let ts = clock.now().timestamp().to_string();
        http.post(&slack_url)
            .header("x-slack-request-timestamp", &ts)
            .header("x-slack-signature", sign(SECRET, &ts, body.as_bytes()))
            .body(body)
            .send()
    };
    let admin = user("950000000000000001", "Admin");
    let discord_admin =
        |sub: &str, options: serde_json::Value| discord.command(&admin, MANAGE_GUILD, "quizadmin", sub, options);
    let option = |name: &str, value: &str| json!({"name": name, "type": 3, "value": value});

    // Discord's channel posts at 09:00 UTC, Slack's at 10:00 UTC.
    let slept = clock.sleeps();
    let id = discord_admin("schedule", json!([option("time", "09:00"), option("zone", "UTC")]));
    assert!(discord.callback(&id).await["data"]["content"].as_str().unwrap().contains("Scheduled"));
    let r = slack_admin("admin schedule 10:00 UTC").await.unwrap();
    assert!(r.text().await.unwrap().contains("Scheduled"));
    // Readiness: both schedulers have looked at both changes and sleep again.
    clock.wait_sleeps(slept, 4).await;

    // 09:00 passes unnoticed (the clock only moves), until an admin changes
    // something on Slack: Discord's scheduler wakes too and posts.
    clock.set(at("2026-11-25 09:00"));
    let slept = clock.sleeps();
    let r = slack_admin("admin categories all").await.unwrap();
    assert!(r.text().await.unwrap().contains("every category"));
    discord
        .wait_for("Discord's daily post", |c| {
            c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
        })
        .await;
    assert!(slack.calls("chat.postMessage").is_empty(), "Slack's question is not due yet");
    clock.wait_sleeps(slept, 2).await;

    // And a change on Discord wakes Slack's scheduler at 10:00.
    clock.set(at("2026-11-25 10:00"));
    let id = discord_admin("categories", json!([option("list", "all")]));
    assert!(discord.callback(&id).await["data"]["content"].as_str().unwrap().contains("every category"));
    for _ in 0..500 {
        if !slack.calls("chat.postMessage").is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let posted = slack.calls("chat.postMessage");
    assert_eq!(posted.len(), 1, "Slack's daily post");
    assert_eq!(posted[0].body["channel"], "C1");
    app.stop().await;
}
