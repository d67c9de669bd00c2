//! Slack in many workspaces: two install through the OAuth flow against the
//! fake Slack, each gets its daily question posted with its own token,
//! forged and reused install links store nothing, an uninstall stops that
//! workspace's posts, and no token is ever written in clear.

use std::sync::Arc;

use futures_util::StreamExt;
use quizmaster::platform::slack::sign;
use quizmaster::scheduler::Clock;
use reqwest::StatusCode;
use secrecy::SecretString;
use serde_json::json;
use tempfile::TempDir;

use crate::support::fake_slack::{self, FakeSlack};
use crate::support::{Running, at, count, db_path, run, wait_until};

const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";

struct Bot {
    run: Running,
    fake: Arc<FakeSlack>,
    fake_base: String,
    url: String,
    http: reqwest::Client,
}

impl std::ops::Deref for Bot {
    type Target = Running;
    fn deref(&self) -> &Running {
        &self.run
    }
}

async fn start(dir: &TempDir) -> Bot {
    let (fake, fake_base) = fake_slack::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.slack.signing_secret = Some(SecretString::from(SECRET));
    settings.slack.client_id = Some("111.222".into());
    settings.slack.client_secret = Some(SecretString::from("client-secret"));
    settings.slack.token_key = Some(SecretString::from(hex::encode([5u8; 32])));
    settings.slack.listen = "127.0.0.1:0".parse().unwrap();
    fake_slack::point_at(&mut settings, &fake_base);
    let run = run(settings, at("2026-11-25 09:00")).await;
    let url = format!("http://{}", run.app.slack_addr.expect("Slack listens"));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    Bot { run, fake, fake_base, url, http }
}

impl Bot {
    /// "Add to Slack": the state from the redirect (also set as a cookie).
    async fn install_link(&self) -> String {
        let r = self.http.get(format!("{}/slack/install", self.url)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
        let location = r.headers()["location"].to_str().unwrap().to_string();
        let url = url::Url::parse(&location).unwrap();
        assert_eq!(url.as_str().split('?').next(), Some("https://slack.com/oauth/v2/authorize"));
        let q: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
        assert_eq!(q["client_id"], "111.222");
        assert_eq!(q["scope"], "commands,chat:write,users:read,files:write,channels:history,groups:history");
        assert!(cookie.starts_with(&format!("qm_slack_state={};", q["state"])), "{cookie}");
        q["state"].clone()
    }

    /// Slack sends the user back with a code and the state, from the
    /// browser that holds `cookie`.
    async fn callback_with(&self, code: &str, state: &str, cookie: &str) -> (StatusCode, String) {
        let r = self
            .http
            .get(format!("{}/slack/oauth/callback", self.url))
            .header("cookie", format!("other=1; qm_slack_state={cookie}"))
            .query(&[("code", code), ("state", state)])
            .send()
            .await
            .unwrap();
        (r.status(), r.text().await.unwrap())
    }

    /// The callback from the browser that started the install.
    async fn callback(&self, code: &str, state: &str) -> (StatusCode, String) {
        self.callback_with(code, state, state).await
    }

    async fn signed(&self, path: &str, body: String, content_type: &str) -> reqwest::Response {
        let ts = self.clock.now().timestamp().to_string();
        self.http
            .post(format!("{}{path}", self.url))
            .header("content-type", content_type)
            .header("x-slack-request-timestamp", &ts)
            .header("x-slack-signature", sign(SECRET, &ts, body.as_bytes()))
            .body(body)
            .send()
            .await
            .unwrap()
    }

    async fn quiz(&self, team: &str, channel: &str, user: &str, text: &str) -> String {
        let body = serde_urlencoded::to_string([
            ("team_id", team),
            ("channel_id", channel),
            ("user_id", user),
            ("user_name", &user.to_lowercase()),
            ("command", "/quiz"),
            ("text", text),
            ("response_url", &format!("{}/response/cmd", self.fake_base)),
        ])
        .unwrap();
        let r = self.signed("/slack/commands", body, "application/x-www-form-urlencoded").await;
        assert_eq!(r.status(), StatusCode::OK);
        r.text().await.unwrap()
    }

    fn posts_in(&self, channel: &str) -> Vec<fake_slack::Call> {
        self.fake.calls("chat.postMessage").into_iter().filter(|c| c.body["channel"] == channel).collect()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workspaces_install_by_oauth_and_each_posts_with_its_own_token() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir).await;

    // A state from another browser's install is refused, and stays good for its own.
    let first = bot.install_link().await;
    let (status, _) = bot.callback_with("code-T1", &first, "someone-elses").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "login CSRF");
    // Two workspaces install.
    for team in ["T1", "T2"] {
        let state = if team == "T1" { first.clone() } else { bot.install_link().await };
        let (status, page) = bot.callback(&format!("code-{team}"), &state).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains(&format!("installed in Team {team}")), "{page}");
    }
    // A reused state and a forged one are refused, store nothing, and never reach Slack.
    let (status, page) = bot.callback("code-T3", &first).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("already used"), "{page}");
    assert_eq!(bot.callback("code-T3", "f0rged").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM installations"), 2);
    assert_eq!(bot.fake.calls("oauth.v2.access").len(), 2);
    // Each installer gets the first steps as a direct message, sent with
    // their workspace's own token.
    for team in ["T1", "T2"] {
        let installer = format!("UINSTALL{team}");
        wait_until("the installer's welcome", 10, || !bot.posts_in(&installer).is_empty()).await;
        let dm = &bot.posts_in(&installer)[0];
        assert_eq!(dm.auth.as_deref(), Some(format!("Bearer xoxb-{team}-secret-token").as_str()));
        assert!(dm.body.to_string().contains("/quiz admin setup"), "{}", dm.body);
    }
    // The fake answers oauth.v2.access only as a POST with the credentials in
    // its form body (a client secret in a URL lands in logs): both installs
    // above went through, and both calls carried it there.
    assert!(bot.fake.calls("oauth.v2.access").iter().all(|c| c.body["client_secret"] == "client-secret"));

    // No token in clear anywhere in the database files.
    for file in [db_path(dir.path()), db_path(dir.path()).with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(!bytes.windows(12).any(|w| w == b"secret-token"), "{} holds a token in clear", file.display());
        assert!(!bytes.windows(5).any(|w| w == b"xoxb-"), "{} holds a token in clear", file.display());
    }

    // The installer is an admin of their workspace; another member is not.
    let refused = bot.quiz("T1", "C1", "UMEMBER", "admin schedule 10:00 UTC").await;
    assert!(refused.contains("your member ID to slack.admins"), "{refused}");
    for (team, channel) in [("T1", "C1"), ("T2", "C2")] {
        let installer = format!("UINSTALL{team}");
        let r = bot.quiz(team, channel, &installer, "admin schedule 10:00 UTC").await;
        assert!(r.contains("Scheduled"), "{r}");
    }
    // 10:00: each workspace's question goes out with that workspace's token.
    bot.set("2026-11-25 10:00");
    wait_until("both questions", 10, || !bot.posts_in("C1").is_empty() && !bot.posts_in("C2").is_empty()).await;
    assert_eq!(bot.posts_in("C1")[0].auth.as_deref(), Some("Bearer xoxb-T1-secret-token"));
    assert_eq!(bot.posts_in("C2")[0].auth.as_deref(), Some("Bearer xoxb-T2-secret-token"));

    // T1 uninstalls: its installation goes, its schedules pause, its data stays.
    let event = json!({"token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": "Ev1", "event_time": 1764064800, "event": {"type": "app_uninstalled"}});
    let r = bot.signed("/slack/events", event.to_string(), "application/json").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM installations"), 1);
    let answers_kept = count(dir.path(), "SELECT COUNT(*) FROM posts");
    assert!(answers_kept >= 2);
    // The next day: only T2 is posted.
    bot.set("2026-11-26 10:00");
    wait_until("T2's next question", 10, || bot.posts_in("C2").len() == 2).await;
    let sleeps = bot.clock.sleeps();
    bot.svc.nudge();
    bot.clock.wait_sleeps(sleeps, 1).await;
    assert_eq!(bot.posts_in("C1").len(), 1, "no more posts in the uninstalled workspace");

    // The URL check of the Events API.
    let r = bot
        .signed(
            "/slack/events",
            json!({"type": "url_verification", "challenge": "c-42"}).to_string(),
            "application/json",
        )
        .await;
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["challenge"], "c-42");
    if let Some(n) = fake_slack::check_against_spec(&bot.fake) {
        assert!(n >= 4, "oauth.v2.access, users.info and chat.postMessage checked ({n})");
    }
    bot.run.stop().await;
}

/// Install links cost nothing to hand out: thousands of anonymous requests
/// write no row and fill no cap, a real install still goes through, an
/// expired or altered state is refused, and a state works once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_install_links_write_nothing_and_cannot_block_real_installs() {
    let dir = TempDir::new().unwrap();
    let bot = start(&dir).await;
    // As many as the flood, 64 at a time over kept-alive connections.
    let links: Vec<StatusCode> = futures_util::stream::iter(0..20_000)
        .map(|_| async {
            let r = bot.http.get(format!("{}/slack/install", bot.url)).send().await.unwrap();
            r.status()
        })
        .buffer_unordered(64)
        .collect()
        .await;
    assert_eq!(links.len(), 20_000);
    assert!(links.iter().all(|s| *s == StatusCode::FOUND), "every link handed out");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM oauth_states"), 0, "handing out links writes nothing");

    let state = bot.install_link().await;
    // Altered: the signature no longer fits.
    let forged = format!("{}0", &state[..state.len() - 1]);
    let forged = if forged == state { format!("{}1", &state[..state.len() - 1]) } else { forged };
    assert_eq!(bot.callback("code-T7", &forged).await.0, StatusCode::BAD_REQUEST);
    let (status, page) = bot.callback("code-T7", &state).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(bot.callback("code-T8", &state).await.0, StatusCode::BAD_REQUEST, "a state works once");
    // Expired: eleven minutes later a fresh-looking link from before is refused.
    let late = bot.install_link().await;
    bot.clock.set(bot.clock.now() + chrono::Duration::minutes(11));
    assert_eq!(bot.callback("code-T9", &late).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM installations"), 1);
}
