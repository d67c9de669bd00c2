//! Several bot processes on one PostgreSQL database, as real processes:
//! one is killed with SIGKILL in the middle of a fan-out and the other takes
//! its work over once the lease runs out, with Discord's global limit held
//! by both together. Needs `QUIZMASTER_TEST_DATABASE` (skipped without it).

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use chrono::{DateTime, Timelike, Utc};
use quizmaster::config::Settings;
use quizmaster::ids::Platform;
use tempfile::TempDir;

use crate::support::fake_discord;
use crate::support::pg::Schema;
use crate::support::{admin_in, plain};

const CHANNELS: usize = 1000;

/// A bot process on `schema` running `shards` against the fake Discord at
/// `base`; its log goes to `log`.
fn bot(dir: &Path, schema: &Schema, base: &str, shards: &str, log: &Path) -> Child {
    crate::support::quizmaster(dir)
        .env("QUIZMASTER__DATABASE__URL", &schema.url)
        .env("QUIZMASTER__DISCORD__TOKEN", "test-token")
        .env("QUIZMASTER__DISCORD__API_BASE_URL", base)
        .env("QUIZMASTER__DISCORD__SHARDS", shards)
        .env("QUIZMASTER__LOG__LEVEL", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .expect("the bot starts")
}

/// The next whole minute at least `lead` away.
fn next_minute(lead: chrono::Duration) -> DateTime<Utc> {
    let t = Utc::now() + lead + chrono::Duration::minutes(1);
    t.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap()
}

/// Two bot processes on one database and a fake Discord with 50 ms round
/// trips and the 50 requests/s global limit; 1,000 channels due at one
/// minute. One process is killed with SIGKILL in the middle of the
/// fan-out. Every channel gets exactly one question, the last within 60 s
/// (the lease) + 1,000/50 s of the minute, and the fake never sees the two
/// processes together go past the limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_killed_mid_fan_out_leaves_no_channel_without_its_question_and_none_with_two() {
    let Some(schema) = Schema::once("the failover test") else { return };
    let dir = TempDir::new().unwrap();
    let (fake, base) = fake_discord::start().await;
    fake.load.latency_ms.store(50, Ordering::SeqCst);
    fake.load.global_per_second.store(50, Ordering::SeqCst);

    // 1,000 channels in 10 servers, each scheduled for the same minute.
    let due = next_minute(chrono::Duration::seconds(30));
    {
        let mut settings = Settings::default();
        settings.database.path = dir.path().join("unused.db");
        settings.database.url = Some(secrecy::SecretString::from(schema.url.clone()));
        let app = quizmaster::app::Application::build(settings).await.expect("the app builds");
        let svc = app.service();
        let line = format!("admin schedule {} UTC", due.format("%H:%M"));
        for n in 0..CHANNELS {
            let (guild, channel) = (format!("93{:016}", n / 100), format!("94{n:016}"));
            let mut admin = admin_in(Platform::Discord, &guild, &channel, Utc::now());
            admin.user_id = format!("95{n:016}");
            let reply = svc.handle_text_async(admin, &line).await;
            assert!(plain(&reply).starts_with("Scheduled"), "{reply:?}");
        }
    }
    assert!(Utc::now() + chrono::Duration::seconds(5) < due, "seeding took too long for the minute chosen");

    let logs = [dir.path().join("a.log"), dir.path().join("b.log")];
    let mut a = bot(dir.path(), &schema, &base, "0-0/2", &logs[0]);
    let mut b = bot(dir.path(), &schema, &base, "1-1/2", &logs[1]);
    let posted = || fake.load.posted.lock().unwrap().len();
    let until_due = (due - Utc::now()).to_std().unwrap_or_default().as_secs();
    let log = |i: usize| std::fs::read_to_string(&logs[i]).unwrap_or_default();
    let started = Instant::now();
    while posted() < 150 {
        let exited = a.try_wait().unwrap().is_some() || b.try_wait().unwrap().is_some();
        let late = started.elapsed().as_secs() > until_due + 30;
        assert!(!exited && !late, "no fan-out (a process exited: {exited}); logs:\n{}\n{}", log(0), log(1));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    a.kill().expect("SIGKILL");
    a.wait().unwrap();
    let killed_at = posted();

    let limit = Duration::from_secs(60) + Duration::from_secs_f64(CHANNELS as f64 / 50.0);
    let deadline = (due - Utc::now()).to_std().unwrap_or_default() + limit + Duration::from_secs(15);
    let waited = Instant::now();
    while posted() < CHANNELS && waited.elapsed() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let last = fake.load.last_post.lock().unwrap().expect("posts");
    let last_at = Utc::now() - chrono::Duration::from_std(last.elapsed()).unwrap();
    b.kill().unwrap();
    b.wait().unwrap();
    let posts: HashMap<String, usize> = fake.load.posted.lock().unwrap().clone();
    assert_eq!(
        posts.len(),
        CHANNELS,
        "every channel got its question (killed after {killed_at}); b's log:\n{}",
        log(1)
    );
    let twice: Vec<_> = posts.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "no channel got two: {twice:?}");
    let late = (last_at - due).to_std().unwrap_or_default();
    assert!(late <= limit, "the last question went out {late:?} after the minute; at most {limit:?}");
    assert_eq!(fake.load.rate_limited.load(Ordering::SeqCst), 0, "never past 50 requests in any second");
    eprintln!(
        "{CHANNELS} channels; one process killed after {killed_at} posts; last question {late:.1?} after the \
         minute (limit {limit:?}); {} repeated sends dropped by their nonce; 0 rate-limited",
        fake.load.nonce_repeats.load(Ordering::SeqCst)
    );
}
