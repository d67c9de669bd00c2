//! `quizmaster doctor`, the real binary against the fake Discord and Slack:
//! every problem names its setting and its fix, and a good setup says so.

use std::process::Output;

use tempfile::TempDir;

use crate::support::fake_discord::{self, APP, GUILD};
use crate::support::fake_slack;

/// Runs `quizmaster doctor` in `dir` with these environment variables.
async fn doctor(dir: &TempDir, env: Vec<(&'static str, String)>) -> (Output, String) {
    let path = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        let mut cmd = crate::support::quizmaster(&path);
        cmd.arg("doctor");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    })
    .await
    .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out, said)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_configured_is_the_console_and_creates_no_database() {
    let dir = TempDir::new().unwrap();
    let (out, said) = doctor(&dir, vec![]).await;
    assert!(out.status.success(), "{said}");
    if crate::support::pg::on_postgres() {
        // The same check on the PostgreSQL pass reaches its schema instead.
        assert!(said.contains("ok    database.url: ") && said.contains("creates its tables"), "{said}");
    } else {
        assert!(said.contains("quizmaster.db does not exist yet"), "{said}");
    }
    assert!(said.contains("none configured") && said.contains("All good."), "{said}");
    assert!(!dir.path().join("quizmaster.db").exists(), "doctor only looks");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_discord_setup_shows_the_bot_its_invite_link_and_its_server() {
    let dir = TempDir::new().unwrap();
    let (fake, base) = fake_discord::start().await;
    let env = vec![
        ("QUIZMASTER__DISCORD__TOKEN", "test-token".to_string()),
        ("QUIZMASTER__DISCORD__API_BASE_URL", base),
        ("QUIZMASTER__DISCORD__GUILD_IDS", format!("{GUILD},910000000000000999")),
    ];
    let (out, said) = doctor(&dir, env).await;
    assert!(said.contains("ok    discord.token: signs in as Quizmaster"), "{said}");
    assert!(said.contains(&format!("https://discord.com/oauth2/authorize?client_id={APP}")), "{said}");
    assert!(said.contains(&format!("ok    discord.guild_ids {GUILD}: the bot is in Backend Guild")), "{said}");
    // A server the bot was never added to: named, with the fix.
    assert!(said.contains("FAIL  discord.guild_ids 910000000000000999: the bot is not in this server"), "{said}");
    assert!(said.contains("Copy Server ID") && said.contains("1 problem to fix."), "{said}");
    assert_eq!(out.status.code(), Some(1));
    assert!(!fake.calls_to(&axum::http::Method::GET, "/users/@me").is_empty(), "checked live");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_or_mispasted_discord_token_is_named_with_its_fix() {
    let dir = TempDir::new().unwrap();
    let (fake, base) = fake_discord::start().await;
    let env = |token: &str| {
        vec![("QUIZMASTER__DISCORD__TOKEN", token.to_string()), ("QUIZMASTER__DISCORD__API_BASE_URL", base.clone())]
    };
    let (out, said) = doctor(&dir, env("revoked-token")).await;
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("FAIL  discord.token: Discord refused the token (401 Unauthorized)"), "{said}");
    assert!(said.contains("Reset Token") && said.contains("QUIZMASTER__DISCORD__TOKEN"), "{said}");
    assert!(!said.contains("revoked-token"), "the token is a secret: {said}");

    let calls = fake.calls.lock().unwrap().len();
    let (_, said) = doctor(&dir, env("Bot test-token")).await;
    assert!(said.contains("it starts with `Bot `: paste the token alone"), "{said}");
    let (_, said) = doctor(&dir, env("\"test-token\"")).await;
    assert!(said.contains("it holds quotes"), "{said}");
    assert_eq!(fake.calls.lock().unwrap().len(), calls, "a token pasted wrong is not sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slack_tokens_are_checked_live_and_a_swapped_token_is_named() {
    let dir = TempDir::new().unwrap();
    let (_fake, base) = fake_slack::start().await;
    let env = |bot: &str, app: &str| {
        vec![
            ("QUIZMASTER__SLACK__BOT_TOKEN", bot.to_string()),
            ("QUIZMASTER__SLACK__APP_TOKEN", app.to_string()),
            ("QUIZMASTER__SLACK__API_BASE_URL", format!("{base}/api")),
        ]
    };
    let (out, said) = doctor(&dir, env("xoxb-test-token", "xapp-1-A1-test")).await;
    assert!(out.status.success(), "{said}");
    assert!(said.contains("ok    slack.bot_token: signs in as quizmaster in the workspace Backend Team"), "{said}");
    assert!(said.contains("ok    slack.app_token: Socket Mode connections can be opened"), "{said}");

    let (out, said) = doctor(&dir, env("xoxb-revoked", "xapp-1-A1-test")).await;
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("FAIL  slack.bot_token: Slack refused the token (auth.test: invalid_auth)"), "{said}");
    assert!(said.contains("OAuth & Permissions") && said.contains("QUIZMASTER__SLACK__BOT_TOKEN"), "{said}");
    assert!(said.contains("ok    slack.app_token") && said.contains("1 problem to fix."), "{said}");

    // The two tokens swapped: the app token's setting is named before anything is sent.
    let (out, said) = doctor(&dir, env("xapp-1-A1-test", "xoxb-test-token")).await;
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("slack.app_token") && said.contains("App-Level Tokens"), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_port_and_a_missing_public_url_are_named() {
    let dir = TempDir::new().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let (out, said) = doctor(&dir, vec![("QUIZMASTER__WEB__LISTEN", addr.to_string())]).await;
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains(&format!("FAIL  web.listen: cannot listen on {addr}")), "{said}");
    assert!(said.contains("FAIL  web.public_url") && said.contains("set web.public_url"), "{said}");
}

/// Runs `quizmaster setup` in `dir` with `answers` on stdin.
async fn setup(dir: &TempDir, answers: &str, env: Vec<(&'static str, String)>) -> (Output, String) {
    use std::io::Write;
    let (path, answers) = (dir.path().to_path_buf(), answers.to_string());
    let out = tokio::task::spawn_blocking(move || {
        let mut cmd = crate::support::quizmaster(&path);
        cmd.arg("setup").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        cmd.stderr(std::process::Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let _ = child.stdin.take().unwrap().write_all(answers.as_bytes());
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out, said)
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `setup` for Discord: a refused token is shown with its fix and asked
/// again; the accepted one is written, with the server, to a bot.toml only
/// its owner may read, and `doctor` on that file finds nothing to fix.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_checks_a_discord_token_live_and_writes_a_private_file_doctor_accepts() {
    let dir = TempDir::new().unwrap();
    let (_fake, base) = fake_discord::start().await;
    let env = vec![("QUIZMASTER__DISCORD__API_BASE_URL", base.clone())];
    let answers = format!("discord\nrevoked-token\ntest-token\nmy server\n{GUILD}\n");
    let (out, said) = setup(&dir, &answers, env.clone()).await;
    assert!(out.status.success(), "{said}");
    assert!(said.contains("FAIL  discord.token: Discord refused the token (401 Unauthorized)"), "{said}");
    assert!(said.contains("ok    discord.token: signs in as Quizmaster"), "{said}");
    assert!(said.contains("A server id is a number"), "{said}");
    assert!(said.contains("/quizadmin setup") && said.contains("client_id="), "the next steps: {said}");
    let file = dir.path().join("bot.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text, format!("[discord]\ntoken = \"test-token\"\nguild_ids = [{GUILD}]\n"));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);

    let (out, said) = doctor(&dir, env.clone()).await;
    assert!(out.status.success() && said.contains("All good."), "{said}");
    assert!(said.contains(&format!("discord.guild_ids {GUILD}: the bot is in Backend Guild")), "{said}");

    // It never overwrites a settings file.
    let (out, said) = setup(&dir, "console\n", env).await;
    assert!(!out.status.success() && said.contains("bot.toml already exists"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// `setup` for Slack (Socket Mode): both tokens checked live, a name given
/// for an admin is asked again as a member id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_checks_slack_tokens_live_and_takes_admins_as_member_ids() {
    let dir = TempDir::new().unwrap();
    let (_fake, base) = fake_slack::start().await;
    let env = vec![("QUIZMASTER__SLACK__API_BASE_URL", format!("{base}/api"))];
    let answers = "slack\nxoxb-test-token\nxapp-1-A1-test\nxoxb-test-token\n@alice\nU012AB3CD, U045EF6GH\n";
    let (out, said) = setup(&dir, answers, env.clone()).await;
    assert!(out.status.success(), "{said}");
    assert!(said.contains("FAIL  slack.app_token: this is a xoxb- token"), "{said}");
    assert!(said.contains("ok    slack.app_token") && said.contains("ok    slack.bot_token"), "{said}");
    assert!(said.contains("`@alice` is not a member id"), "{said}");
    let text = std::fs::read_to_string(dir.path().join("bot.toml")).unwrap();
    assert_eq!(
        text,
        "[slack]\napp_token = \"xapp-1-A1-test\"\nbot_token = \"xoxb-test-token\"\nadmins = [\"U012AB3CD\", \"U045EF6GH\"]\n"
    );
    let (out, said) = doctor(&dir, env).await;
    assert!(out.status.success() && said.contains("All good."), "{said}");
}

/// PostgreSQL that does not answer: named by host and port, with the fix,
/// and never the password.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_url_that_does_not_answer_is_named_without_its_password() {
    let dir = TempDir::new().unwrap();
    // Port 1 on loopback: nothing listens there.
    let url = "postgres://quiz:hunter2secret@127.0.0.1:1/quiz".to_string();
    let (out, said) = doctor(&dir, vec![("QUIZMASTER__DATABASE__URL", url)]).await;
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("FAIL  database.url: ") && said.contains("127.0.0.1:1/quiz"), "{said}");
    assert!(said.contains("start PostgreSQL or fix the host"), "{said}");
    assert!(!said.contains("hunter2secret"), "the password stays secret: {said}");
    let (_, said) = doctor(&dir, vec![("QUIZMASTER__DATABASE__URL", "mysql://x@y/z".to_string())]).await;
    // A URL of another kind is refused as the settings load, naming the key.
    assert!(said.contains("`database.url`: must start with postgres://"), "{said}");
}

/// With PostgreSQL and the web page, the doctor says where page links' key
/// comes from, and how to share it between processes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_key_advice_names_the_file_and_the_setting() {
    let dir = TempDir::new().unwrap();
    let env = |key: Option<&str>| {
        let mut env = vec![
            ("QUIZMASTER__DATABASE__URL", "postgres://quiz@127.0.0.1:1/quiz".to_string()),
            ("QUIZMASTER__WEB__LISTEN", "127.0.0.1:0".to_string()),
            ("QUIZMASTER__WEB__PUBLIC_URL", "https://quiz.example.org".to_string()),
        ];
        env.extend(key.map(|k| ("QUIZMASTER__WEB__PAGE_KEY", k.to_string())));
        env
    };
    let (_, said) = doctor(&dir, env(None)).await;
    assert!(said.contains("ok    web.page_key: page links come from the key file quizmaster.key"), "{said}");
    assert!(said.contains("QUIZMASTER__WEB__PAGE_KEY"), "{said}");
    let (_, said) = doctor(&dir, env(Some(&"7f".repeat(32)))).await;
    assert!(said.contains("ok    web.page_key: set"), "{said}");
}
