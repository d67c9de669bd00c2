//! The web side: `/metrics` scraped over loopback after a burst of answers
//! counts exactly the rows the database holds.

use quizmaster::config::DiscordSettings;
use secrecy::SecretString;
use tempfile::TempDir;

use crate::support::{SetClock, at, count, ctx_at, plain, spawn_app};

/// The value of an unlabelled sample, or of the one whose labels contain `labels`.
fn sample(text: &str, name: &str, labels: &str) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with([' ', '{']) && l.contains(labels))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_after_a_burst_count_the_answers_the_database_holds() {
    const PLAYERS: usize = 300;
    let dir = TempDir::new().unwrap();
    let (_fake, base) = crate::fake_discord::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.discord = DiscordSettings {
        token: Some(SecretString::from("test-token")),
        api_base_url: Some(base.parse().unwrap()),
        ..DiscordSettings::default()
    };
    settings.web.listen = Some("127.0.0.1:0".parse().unwrap());
    let now = at("2026-11-25 09:00");
    let app = spawn_app(settings, SetClock::new(now)).await;
    let svc = &app.service;

    let admin = ctx_at("Admin", now);
    assert!(
        plain(&svc.handle_text_async(admin.clone(), "admin categories miscellaneous").await).contains("miscellaneous")
    );
    assert!(plain(&svc.handle_text_async(admin, "admin post-now").await).starts_with("Posted"));
    crate::support::deliver(svc, now, true).await;

    // A burst: every player answers at once, one of them twice.
    let answers = (0..PLAYERS).map(|i| svc.handle_text_async(ctx_at(&format!("P{i}"), now), "answer b"));
    let replies = futures_util::future::join_all(answers).await;
    assert!(replies.iter().all(|r| plain(r).contains("Answer recorded")));
    let again = svc.handle_text_async(ctx_at("P0", now), "answer c").await;
    assert!(plain(&again).contains("first answer is final"), "{again:?}");

    let url = format!("http://{}/metrics", app.web_addr.expect("web listens"));
    let text = reqwest::get(&url).await.unwrap().text().await.unwrap();
    let rows = count(dir.path(), "SELECT COUNT(*) FROM answers");
    assert_eq!(rows, i64::try_from(PLAYERS).unwrap());
    assert_eq!(sample(&text, "quizmaster_answers_recorded_total", ""), Some(rows as f64), "{text}");
    let repeat_ok = !matches!(again.body, quizmaster::reply::Body::Error(_));
    let answered = sample(&text, "quizmaster_commands_total", "kind=\"answer\",outcome=\"ok\"");
    assert_eq!(answered, Some(PLAYERS as f64 + f64::from(u8::from(repeat_ok))), "every answer command: {text}");
    assert!(sample(&text, "quizmaster_writer_group_size_count", "").is_some_and(|n| n >= 1.0), "{text}");
    assert!(text.contains("# HELP quizmaster_answers_recorded_total"), "{text}");
    app.stop().await;
}
