//! Quizmaster's benchmarks: `cargo bench` (add `-- --users N` to change the
//! burst size). Every figure is printed in one table and written to
//! `bench-results.json`; comparisons are ratios against a baseline measured
//! in the same run, because shared machines are noisy.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{TimeZone, Utc};
use quizmaster::app::Application;
use quizmaster::command::{Command, QuestionRef};
use quizmaster::config::Settings;
use quizmaster::config::Synchronous;
use quizmaster::content::Bank;
use quizmaster::ids::{Part, Platform};
use quizmaster::platform::slack::{self, Slack, sign};
use quizmaster::reply::Body;
use quizmaster::scheduler::{Clock, SystemClock};
use quizmaster::service::{Ctx, Rules, Service};
use quizmaster::store::{Options, Store};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

struct Row {
    name: String,
    value: String,
    note: String,
    json: Value,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn options(sync: Synchronous) -> Options {
    Options { synchronous: sync, busy_timeout: Duration::from_secs(5) }
}

fn bank() -> Bank {
    Bank::from_sources(&Bank::bundled_sources()).expect("bundled bank")
}

fn ctx(platform: Platform, guild: &str, channel: &str, user: &str) -> Ctx {
    Ctx {
        platform,
        guild: guild.into(),
        channel: channel.into(),
        user_id: user.into(),
        user_name: user.into(),
        is_admin: true,
        now: Utc::now(),
        locale: Default::default(),
    }
}

/// (1) The storage limit: raw inserts of the same rows, same schema and pragmas.
fn raw_inserts(dir: &Path, users: usize, sync: Synchronous) -> anyhow::Result<f64> {
    let mut store = Store::open(&dir.join(format!("raw-{sync:?}.db")), options(sync))?;
    let (_, _, post) = store.bench_open_post(Platform::Slack, "g", "c", "x")?;
    let took = store.bench_raw_answer_inserts(post, users, 256)?;
    Ok(users as f64 / took.as_secs_f64())
}

/// `admin post-now`, and the question it queued as the sender gets it (recorded as sent).
fn post_now(svc: &Service, admin: &Ctx) -> Body {
    let ack = svc.handle_text(admin, "admin post-now");
    assert!(!matches!(ack.body, Body::Error(_)), "{ack:?}");
    let due = futures_executor::block_on(svc.tick(admin.now, admin.platform)).expect("tick");
    let question = due.into_iter().rev().find(|o| o.part() == Some(Part::Question)).expect("a queued question");
    // As the sender records it once the platform took it.
    futures_executor::block_on(async {
        svc.delivery_started(question.what, admin.now).await?;
        svc.delivery_outcome(&question, Ok(Default::default()), admin.now).await
    })
    .expect("delivered");
    question.reply.body
}

/// The right answer of a posted daily question.
fn right_answer(svc: &Service, body: &Body) -> (QuestionRef, String) {
    let Body::Question(q) = body else { panic!("not a question: {body:?}") };
    let item = svc.bank().items().iter().find(|i| i.prompt == q.prompt).expect("item");
    let right = match &item.kind {
        quizmaster::content::ItemKind::Choice { answer, .. } => quizmaster::content::letter(*answer).to_string(),
        quizmaster::content::ItemKind::Text { accept, .. } => accept[0].clone(),
        quizmaster::content::ItemKind::Discussion { .. } => panic!("a quiz never draws a discussion"),
    };
    (q.question, right)
}

struct Burst {
    rate: f64,
    p50: Duration,
    p99: Duration,
    max: Duration,
    acked: usize,
    rows: i64,
    /// Closing the question: points, streaks and board totals for every answer.
    reveal: Duration,
}

/// (2) N distinct users answer the open daily question at once through the
/// service, as the adapters call it. `returning`: the bot has seen them
/// before (their rows exist, as for the raw baseline); otherwise each answer
/// also creates its user.
fn service_burst(dir: &Path, users: usize, sync: Synchronous, returning: bool) -> anyhow::Result<Burst> {
    let path = dir.join(format!("burst-{sync:?}-{returning}.db"));
    let mut store = Store::open(&path, options(sync))?;
    if returning {
        store.bench_users(Platform::Slack, "user-", users)?;
    }
    let svc = Arc::new(Service::start(store, bank(), Rules::default(), None)?);
    let posted = post_now(&svc, &ctx(Platform::Slack, "g", "c", "admin"));
    let (question, answer) = right_answer(&svc, &posted);
    // A board was asked for before, so the reveal keeps running totals too.
    svc.handle_text(&ctx(Platform::Slack, "g", "c", "admin"), "leaderboard");
    if returning {
        // They used the bot earlier (not timed), so it knows them.
        for i in 0..users {
            svc.handle_text(&ctx(Platform::Slack, "g", "c", &format!("user-{i}")), "streak");
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let started = Instant::now();
    let mut latencies: Vec<Duration> = runtime.block_on(async {
        let tasks: Vec<_> = (0..users)
            .map(|i| {
                let svc = Arc::clone(&svc);
                let answer = answer.clone();
                tokio::spawn(async move {
                    let reply = svc
                        .handle_async(
                            ctx(Platform::Slack, "g", "c", &format!("user-{i}")),
                            Command::Answer { answer, question: Some(question) },
                        )
                        .await;
                    (started.elapsed(), matches!(reply.body, Body::Verdict(_)))
                })
            })
            .collect();
        let mut out = Vec::with_capacity(users);
        for t in tasks {
            let (at, ok) = t.await.expect("task");
            if ok {
                out.push(at);
            }
        }
        out
    });
    let wall = started.elapsed();
    drop(runtime);
    let t = Instant::now();
    let admin = ctx(Platform::Slack, "g", "c", "admin");
    let closed = svc.handle_text(&admin, "admin reveal-now");
    assert!(!matches!(closed.body, Body::Error(_)), "{closed:?}");
    // The sender's pass settles it in steps and hands out the reveal.
    let due = futures_executor::block_on(svc.tick(admin.now, Platform::Slack))?;
    let reveal = t.elapsed();
    assert!(due.iter().any(|o| o.part() == Some(Part::Reveal)), "{due:?}");
    let acked = latencies.len();
    latencies.sort();
    drop(svc);
    let store = Store::open(&path, options(sync))?;
    let QuestionRef::Daily(post) = question else { unreachable!() };
    let rows = store.bench_answer_count(post)?;
    Ok(Burst {
        rate: acked as f64 / wall.as_secs_f64(),
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
        max: latencies.last().copied().unwrap_or_default(),
        acked,
        rows,
        reveal,
    })
}

struct Http {
    rate: f64,
    p50: Duration,
    p99: Duration,
}

const SECRET: &str = "bench-signing-secret";

/// Sends `requests` signed slash commands from `clients` concurrent clients.
async fn drive(url: &str, clients: usize, requests: usize, text: impl Fn(usize) -> String) -> Http {
    let http = reqwest::Client::builder().pool_max_idle_per_host(clients).build().expect("client");
    let started = Instant::now();
    let per_client = requests / clients;
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let http = http.clone();
            let url = url.to_string();
            let bodies: Vec<String> = (0..per_client).map(|k| text(c * per_client + k)).collect();
            tokio::spawn(async move {
                let mut lat = Vec::with_capacity(bodies.len());
                for body in bodies {
                    let ts = Utc::now().timestamp().to_string();
                    let t = Instant::now();
                    let resp = http
                        .post(&url)
                        .header("x-slack-request-timestamp", &ts)
                        .header("x-slack-signature", sign(SECRET, &ts, body.as_bytes()))
                        .body(body)
                        .send()
                        .await;
                    if let Ok(r) = resp {
                        let ok = r.status().is_success();
                        let _ = r.bytes().await;
                        if ok {
                            lat.push(t.elapsed());
                        }
                    }
                }
                lat
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("client task"));
    }
    let wall = started.elapsed();
    all.sort();
    Http { rate: all.len() as f64 / wall.as_secs_f64(), p50: percentile(&all, 0.5), p99: percentile(&all, 0.99) }
}

/// The real Slack endpoints over `svc` on a free loopback port; their command URL.
async fn serve_slack(svc: Arc<Service>) -> anyhow::Result<String> {
    let settings = quizmaster::config::SlackSettings {
        signing_secret: Some(SECRET.to_string().into()),
        bot_token: Some("xoxb-bench".to_string().into()),
        api_base_url: "http://127.0.0.1:9/api".parse()?,
        ..Default::default()
    };
    let slack = Arc::new(Slack::from_settings(svc, Arc::new(SystemClock), &settings, 32).context("Slack is set")?);
    let listener = quizmaster::platform::listen::Listener::bind("127.0.0.1:0".parse()?, None, "slack.listen").await?;
    let url = format!("http://{}/slack/commands", listener.local_addr()?);
    tokio::spawn(slack::run(Some(listener), slack, CancellationToken::new()));
    Ok(url)
}

/// (3) The Slack answer path against a bare handler that only checks the signature.
fn slack_http(dir: &Path, users: usize) -> anyhow::Result<(Http, Http)> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async {
        let requests = users.min(5_000) / 256 * 256;
        let bare = axum::Router::new().route(
            "/slack/commands",
            axum::routing::post(|headers: axum::http::HeaderMap, body: axum::body::Bytes| async move {
                match slack::verify(SECRET, &headers, &body, Utc::now().timestamp()) {
                    Ok(()) => axum::http::StatusCode::OK,
                    Err(_) => axum::http::StatusCode::UNAUTHORIZED,
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let bare_url = format!("http://{}/slack/commands", listener.local_addr()?);
        tokio::spawn(async move { axum::serve(listener, bare).await });
        let body =
            |i: usize| format!("team_id=T1&channel_id=C1&user_id=U{i}&user_name=u{i}&command=%2Fquiz&text=answer+b");
        let baseline = drive(&bare_url, 256, requests, body).await;

        let real = slack_answers(Store::open(&dir.join("slack.db"), Options::default())?, requests).await?;
        Ok((real, baseline))
    })
}

/// Signed `/quiz answer` slash commands from `requests` new players (256
/// clients at once) through the real Slack endpoint over `store`.
async fn slack_answers(store: Store, requests: usize) -> anyhow::Result<Http> {
    let svc = Arc::new(Service::start(store, bank(), Rules::default(), None)?);
    svc.handle_text_async(ctx(Platform::Slack, "T1", "C1", "UADMIN"), "admin categories miscellaneous").await;
    let posted = post_now(&svc, &ctx(Platform::Slack, "T1", "C1", "UADMIN"));
    let (_, answer) = right_answer(&svc, &posted);
    let url = serve_slack(svc).await?;
    let answer = answer.to_lowercase();
    Ok(drive(&url, 256, requests, move |i| {
        format!("team_id=T1&channel_id=C1&user_id=U{i}&user_name=u{i}&command=%2Fquiz&text=answer+{answer}")
    })
    .await)
}

/// A fresh schema in the PostgreSQL database at `url`, as a URL whose
/// search path is that schema; dropped by [`drop_schema`].
fn pg_schema(url: &str, name: &str) -> anyhow::Result<String> {
    let config = quizmaster::store::postgres::parse_url(&secrecy::SecretString::from(url.to_string()))
        .map_err(anyhow::Error::msg)?;
    let mut client = quizmaster::store::postgres::connect(&config)?;
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"))?;
    let sep = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{sep}options=-c%20search_path%3D{name}"))
}

fn drop_schema(url: &str, name: &str) {
    let Ok(config) = quizmaster::store::postgres::parse_url(&secrecy::SecretString::from(url.to_string())) else {
        return;
    };
    if let Ok(mut client) = quizmaster::store::postgres::connect(&config) {
        let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
    }
}

fn open_pg(url: &str) -> anyhow::Result<Store> {
    let config = quizmaster::store::postgres::parse_url(&secrecy::SecretString::from(url.to_string()))
        .map_err(anyhow::Error::msg)?;
    Ok(Store::open_postgres(&config)?)
}

/// (9) PostgreSQL: the signed Slack answer burst against raw inserts of the
/// same answer rows on PostgreSQL and against the same burst on SQLite; the
/// boards at `users` players and `answers` answers, copied from a seeded
/// SQLite file with `db copy`'s code.
fn postgres_figures(dir: &Path, url: &str, requests: usize, users: usize, answers: usize) -> anyhow::Result<Pg> {
    let schema = format!("bench_{}", std::process::id());
    let burst_url = pg_schema(url, &format!("{schema}_burst"))?;
    let raw_url = pg_schema(url, &format!("{schema}_raw"))?;
    let mut raw = open_pg(&raw_url)?;
    let (_, _, post) = raw.bench_open_post(Platform::Slack, "g", "c", "x")?;
    let raw_rate = requests as f64 / raw.bench_raw_answer_inserts(post, requests, 256)?.as_secs_f64();
    drop(raw);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let (burst_pg, burst_sqlite) = (open_pg(&burst_url)?, Store::open(&dir.join("slack-9.db"), Options::default())?);
    let (on_pg, on_sqlite) = runtime.block_on(async {
        let on_pg = slack_answers(burst_pg, requests).await?;
        let on_sqlite = slack_answers(burst_sqlite, requests).await?;
        anyhow::Ok((on_pg, on_sqlite))
    })?;
    drop(runtime);
    let boards_url = pg_schema(url, &format!("{schema}_boards"))?;
    let (seeded, asker) = seed_history(dir, users, answers)?;
    let mut pg = open_pg(&boards_url)?;
    let copied = Instant::now();
    pg.copy_from(&seeded)?;
    eprintln!("  copied the history to PostgreSQL in {:.1}s", copied.elapsed().as_secs_f64());
    drop(seeded);
    let boards = measure_boards(pg, &asker)?;
    for s in ["burst", "raw", "boards"] {
        drop_schema(url, &format!("{schema}_{s}"));
    }
    Ok(Pg { raw_rate, on_pg, on_sqlite, boards })
}

struct Pg {
    raw_rate: f64,
    on_pg: Http,
    on_sqlite: Http,
    boards: Vec<(String, Duration, Duration)>,
}

/// How a reveal of a crowded question runs beside the Slack requests of (6).
#[derive(Clone, Copy, PartialEq)]
enum Reveal {
    None,
    /// In steps through the scheduler's pass, as the bot does it.
    InSteps,
}

/// (6) Slack request latency (256 clients answering one channel's question)
/// while another channel's question with `crowd` answers is revealed.
fn slack_during_reveal(dir: &Path, crowd: usize, reveal: Reveal) -> anyhow::Result<(Http, Duration)> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("reveal-{}-{run}.db", reveal as u8);
    let store = Store::open(&dir.join(&name), Options::default())?;
    let svc = Arc::new(Service::start(store, bank(), Rules::default(), None)?);
    let admin = |channel: &str| ctx(Platform::Slack, "T1", channel, "UADMIN");
    svc.handle_text(&admin("C1"), "admin categories miscellaneous");
    let (_, answer) = right_answer(&svc, &post_now(&svc, &admin("C1")));
    let (crowded, _) = right_answer(&svc, &post_now(&svc, &admin("CROWD")));
    let QuestionRef::Daily(crowded) = crowded else { unreachable!() };
    let mut store = Store::open(&dir.join(&name), Options::default())?;
    store.bench_raw_answer_inserts(crowded, crowd, 5000)?;
    runtime.block_on(async {
        let url = serve_slack(Arc::clone(&svc)).await?;
        let answer = answer.to_lowercase();
        let revealing = {
            let svc = Arc::clone(&svc);
            tokio::spawn(async move {
                let t = Instant::now();
                match reveal {
                    Reveal::None => {}
                    Reveal::InSteps => {
                        store.begin_close(crowded, chrono::DateTime::UNIX_EPOCH).expect("close");
                        drop(store);
                        svc.tick(Utc::now(), Platform::Slack).await.expect("tick");
                    }
                }
                t.elapsed()
            })
        };
        let http = drive(&url, 256, 5_120, move |i| {
            format!("team_id=T1&channel_id=C1&user_id=U{i}&user_name=u{i}&command=%2Fquiz&text=answer+{answer}")
        })
        .await;
        let took = revealing.await?;
        Ok((http, took))
    })
}

/// Time the benchmark sets; the scheduler is woken with `Service::nudge`.
struct SetClock(std::sync::Mutex<chrono::DateTime<Utc>>);

impl Clock for SetClock {
    fn now(&self) -> chrono::DateTime<Utc> {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn sleep_until(
        &self,
        t: chrono::DateTime<Utc>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>> {
        if t <= self.now() { Box::pin(std::future::ready(())) } else { Box::pin(std::future::pending()) }
    }
}

struct Fanout {
    last: Duration,
    in_flight: usize,
    rate_limited: usize,
}

/// (7) `channels` Discord channels due at the same minute, posted by the
/// real bot through serenity to the fake Discord of the tests, which adds
/// 50 ms to every request and answers 429 past 50 requests a second.
fn discord_fanout(dir: &Path, channels: u64, concurrency: usize) -> anyhow::Result<Fanout> {
    use std::sync::atomic::Ordering;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async {
        let (fake, base) = fake_discord::start().await;
        fake.load.latency_ms.store(50, Ordering::SeqCst);
        fake.load.global_per_second.store(50, Ordering::SeqCst);
        let mut settings = Settings::default();
        settings.database.path = dir.join(format!("fanout-{channels}-{concurrency}.db"));
        settings.discord.token = Some("bench-token".to_string().into());
        settings.discord.guild_ids = vec![fake_discord::GUILD.parse()?];
        settings.discord.api_base_url = Some(base.parse()?);
        settings.delivery.concurrency = concurrency;
        // One admin sets up every channel: no per-user limit here.
        settings.quiz.rate_burst = u32::MAX;
        settings.quiz.rate_per_second = 1e9;
        let start = Utc.with_ymd_and_hms(2026, 11, 25, 7, 0, 0).unwrap();
        let clock = Arc::new(SetClock(std::sync::Mutex::new(start)));
        let app = Application::build_with_clock(settings, clock.clone()).await?;
        let svc = Arc::clone(app.service());
        let cancel = CancellationToken::new();
        let bot = tokio::spawn(app.run_until_stopped(cancel.clone()));
        for i in 0..channels {
            let mut admin =
                ctx(Platform::Discord, fake_discord::GUILD, &(920_000_000_000_100_000 + i).to_string(), "1");
            admin.now = start;
            let r = svc.handle_text_async(admin, "admin schedule 09:00 UTC").await;
            anyhow::ensure!(matches!(r.body, Body::Info(_)), "scheduling failed: {r:?}");
        }
        let due = Instant::now();
        *clock.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = start + chrono::Duration::hours(2);
        svc.nudge();
        while fake.load.posted.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len() < channels as usize {
            anyhow::ensure!(due.elapsed() < Duration::from_secs(600), "the fan-out did not finish");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let last = fake.load.last_post.lock().unwrap_or_else(std::sync::PoisonError::into_inner).map(|t| t - due);
        cancel.cancel();
        let _ = bot.await;
        Ok(Fanout {
            last: last.unwrap_or_default(),
            in_flight: fake.load.max_in_flight.load(Ordering::SeqCst),
            rate_limited: fake.load.rate_limited.load(Ordering::SeqCst),
        })
    })
}

/// Latencies of one way of sending interactions, sorted.
struct Latencies(Vec<Duration>);

impl Latencies {
    fn sorted(mut v: Vec<Duration>) -> Latencies {
        v.sort();
        Latencies(v)
    }
    fn p(&self, q: f64) -> Duration {
        percentile(&self.0, q)
    }
}

/// (8) Discord: from an interaction to the bot's response, one at a time,
/// with the gateway and the HTTP endpoint both running: over the gateway
/// (the fake sends INTERACTION_CREATE; the response is the bot's POST to the
/// callback route) and over HTTP (a signed POST; the response is the HTTP
/// reply). Each is `/quiz play` from a new player: a write on the writer.
/// Baseline: `GET /healthz` on the same endpoint.
fn discord_interactions(dir: &Path, n: usize) -> anyhow::Result<[Latencies; 3]> {
    use ed25519_dalek::Signer;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async {
        let (fake, base) = fake_discord::start().await;
        let (tx, mut callbacks) = tokio::sync::mpsc::unbounded_channel();
        *fake.callbacks.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(tx);
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let mut settings = Settings::default();
        settings.database.path = dir.join("interactions.db");
        settings.discord.token = Some("bench-token".to_string().into());
        settings.discord.guild_ids = vec![fake_discord::GUILD.parse()?];
        settings.discord.api_base_url = Some(base.parse()?);
        settings.discord.public_key = Some(hex::encode(key.verifying_key().as_bytes()));
        settings.discord.interactions_listen = Some("127.0.0.1:0".parse()?);
        let app = Application::build_with_clock(settings, Arc::new(SystemClock)).await?;
        let addr = app.discord_interactions_addr().context("the endpoint listens")?;
        let cancel = CancellationToken::new();
        let bot = tokio::spawn(app.run_until_stopped(cancel.clone()));
        while !fake.connected() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let player = |i: usize| fake_discord::user(&(960_000_000_000_000_000 + i).to_string(), "Player");

        let mut gateway = Vec::with_capacity(n);
        for i in 0..n + n / 10 {
            let interaction = fake.command_body(&player(i), "0", "quiz", "play", json!([]));
            let id = interaction["id"].as_str().unwrap_or_default().to_string();
            let sent = Instant::now();
            fake.dispatch(interaction);
            let (answered, at) = callbacks.recv().await.context("the fake is gone")?;
            anyhow::ensure!(answered == id, "callback of {answered}, expected {id}");
            // The first tenth warms the connections and caches up.
            if i >= n / 10 {
                gateway.push(at - sent);
            }
        }

        let http = reqwest::Client::new();
        let url = format!("http://{addr}/discord/interactions");
        let mut over_http = Vec::with_capacity(n);
        let mut baseline = Vec::with_capacity(n);
        for i in 0..n + n / 10 {
            let body = fake.command_body(&player(n + n / 10 + i), "0", "quiz", "play", json!([])).to_string();
            let ts = Utc::now().timestamp().to_string();
            let signature = hex::encode(key.sign(&[ts.as_bytes(), body.as_bytes()].concat()).to_bytes());
            let sent = Instant::now();
            let r = http
                .post(&url)
                .header("x-signature-ed25519", signature)
                .header("x-signature-timestamp", ts)
                .body(body)
                .send()
                .await?;
            anyhow::ensure!(r.status().is_success(), "the endpoint answered {}", r.status());
            let reply: Value = r.json().await?;
            let took = sent.elapsed();
            anyhow::ensure!(reply["type"] == 4, "answered in the response: {reply}");
            let sent = Instant::now();
            http.get(format!("http://{addr}/healthz")).send().await?.bytes().await?;
            if i >= n / 10 {
                over_http.push(took);
                baseline.push(sent.elapsed());
            }
        }
        cancel.cancel();
        let _ = bot.await;
        Ok([Latencies::sorted(gateway), Latencies::sorted(over_http), Latencies::sorted(baseline)])
    })
}

/// A year of history in a SQLite file: `users` players, `answers` answers;
/// the store and the player who asks for the boards.
fn seed_history(dir: &Path, users: usize, answers: usize) -> anyhow::Result<(Store, String)> {
    let path = dir.join("history.db");
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path, Options::default())?;
    let start = Utc.with_ymd_and_hms(2025, 11, 25, 9, 0, 0).unwrap();
    let seeded = Instant::now();
    store.bench_seed_history("history", users, 365, answers, start.timestamp_millis())?;
    eprintln!("  seeded {users} users and {answers} answers in {:.1}s", seeded.elapsed().as_secs_f64());
    let asker = store.bench_asker(BOARDS_AT.timestamp_millis())?;
    Ok((store, asker))
}

/// When the boards are asked for: 2026-11-20 12:00 UTC.
const BOARDS_AT: chrono::DateTime<Utc> = chrono::DateTime::from_timestamp(1_795_176_000, 0).unwrap();

/// (4) Boards and stats over a year: 100,000 users and 1,000,000 answers.
fn leaderboards(dir: &Path, users: usize, answers: usize) -> anyhow::Result<Vec<(String, Duration, Duration)>> {
    let (store, asker) = seed_history(dir, users, answers)?;
    measure_boards(store, &asker)
}

/// Each board and the stats, 200 times, as `asker` sees them.
fn measure_boards(store: Store, asker: &str) -> anyhow::Result<Vec<(String, Duration, Duration)>> {
    // One asker repeats the boards: no rate limit here.
    let rules =
        Rules { rate: quizmaster::quiz::ratelimit::RateRules { burst: u32::MAX, per_second: 1e9 }, ..Rules::default() };
    let svc = Service::start(store, bank(), rules, None)?;
    let mut c = ctx(Platform::Slack, "history", "quiz", asker);
    c.user_name = format!("player {}", asker.trim_start_matches('u'));
    c.now = BOARDS_AT;
    let mut out = Vec::new();
    // The first board builds the running totals from the rows (once, after an
    // upgrade or a zone change); every later one reads them.
    let t = Instant::now();
    let first = svc.handle_text(&c, "leaderboard");
    let built = t.elapsed();
    assert!(!matches!(first.body, Body::Error(_)), "{first:?}");
    out.push(("one-off build of the running totals".to_string(), built, built));
    for (name, line) in [
        ("board: week", "leaderboard week"),
        ("board: month", "leaderboard month"),
        ("board: all time", "leaderboard all"),
        ("board: all time by accuracy", "leaderboard all accuracy"),
        ("board: current streaks", "leaderboard all streak"),
        ("stats: one user", "stats"),
    ] {
        let mut lat = Vec::new();
        let mut last = None;
        for _ in 0..200 {
            let t = Instant::now();
            let reply = svc.handle_text(&c, line);
            lat.push(t.elapsed());
            assert!(!matches!(reply.body, Body::Error(_)), "{line}: {reply:?}");
            last = Some(reply);
        }
        // Boards show the top ten and, below them, the asker with their rank.
        if let Some(Body::Leaderboard(b)) = last.map(|r| r.body) {
            let you = b.rows.iter().find(|r| r.is_you).map_or(0, |r| r.rank);
            eprintln!("  {name}: {} rows, the asker ranked {you}", b.rows.len());
            assert!(you > 10, "{name}: the asker's rank is part of what is measured");
        }
        lat.sort();
        out.push((name.to_string(), percentile(&lat, 0.5), percentile(&lat, 0.99)));
    }
    Ok(out)
}

/// (5) Start to ready, and resident memory when idle, read from /proc.
fn footprint(dir: &Path) -> anyhow::Result<(Duration, Option<u64>)> {
    let started = Instant::now();
    let mut child = Process::new(env!("CARGO_BIN_EXE_quizmaster"))
        .current_dir(dir)
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting quizmaster")?;
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut ready = None;
    for line in lines.by_ref() {
        if line?.contains("local console mode") {
            ready = Some(started.elapsed());
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(500));
    let rss = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()));
    let _ = child.kill();
    let _ = child.wait();
    Ok((ready.context("the console never became ready")?, rss))
}

/// The fake Discord the integration tests use.
#[path = "../tests/it/support/fake_discord.rs"]
#[allow(dead_code)]
mod fake_discord;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let text = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let arg = |name: &str| text(name).and_then(|v| v.parse().ok());
    let users: usize = arg("--users").unwrap_or(10_000);
    let history_users: usize = arg("--history-users").unwrap_or(100_000);
    let history_answers: usize = arg("--history-answers").unwrap_or(1_000_000);
    // `--only 2,4` runs just those parts (the raw baseline always runs).
    let only: Option<String> = text("--only");
    let part = |n: &str| only.as_deref().is_none_or(|o| o.split(',').any(|p| p.trim() == n));
    let dir = tempfile::TempDir::new()?;
    let mut rows: Vec<Row> = Vec::new();
    let mut row = |name: &str, value: String, note: String, json: Value| {
        eprintln!("  {name}: {value} {note}");
        rows.push(Row { name: name.into(), value, note, json });
    };

    eprintln!("(1) storage limit");
    let raw_normal = raw_inserts(dir.path(), users, Synchronous::Normal)?;
    let raw_full = raw_inserts(dir.path(), users, Synchronous::Full)?;
    row(
        "1 raw inserts, synchronous=NORMAL",
        format!("{raw_normal:.0} rows/s"),
        "batches of 256".into(),
        json!(raw_normal),
    );
    row("1 raw inserts, synchronous=FULL", format!("{raw_full:.0} rows/s"), "batches of 256".into(), json!(raw_full));

    if part("2") {
        eprintln!("(2) service burst");
        for (sync, raw, returning) in [
            (Synchronous::Normal, raw_normal, true),
            (Synchronous::Full, raw_full, true),
            (Synchronous::Normal, raw_normal, false),
        ] {
            let b = service_burst(dir.path(), users, sync, returning)?;
            assert_eq!(b.acked as i64, b.rows, "every acknowledged answer is a row, exactly once");
            let who = if returning { "returning users" } else { "first-time users" };
            row(
                &format!("2 service burst, {who}, synchronous={sync:?}"),
                format!("{:.0} answers/s", b.rate),
                format!(
                    "ratio to (1) {:.2}; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} acked = {} rows; reveal {:.0} ms",
                    b.rate / raw,
                    ms(b.p50),
                    ms(b.p99),
                    ms(b.max),
                    b.acked,
                    b.rows,
                    ms(b.reveal)
                ),
                json!({"returning": returning, "answers_per_s": b.rate, "ratio_to_raw": b.rate / raw, "p50_ms": ms(b.p50), "p99_ms": ms(b.p99), "max_ms": ms(b.max), "acked": b.acked, "rows": b.rows, "reveal_ms": ms(b.reveal)}),
            );
        }
    }

    if part("3") {
        eprintln!("(3) Slack HTTP path");
        let (real, bare) = slack_http(dir.path(), users)?;
        row(
            "3 Slack answers, 256 clients",
            format!("{:.0} answers/s", real.rate),
            format!(
                "ratio to bare handler {:.2}; p50 {:.1} ms, p99 {:.1} ms",
                real.rate / bare.rate,
                ms(real.p50),
                ms(real.p99)
            ),
            json!({"answers_per_s": real.rate, "ratio_to_bare": real.rate / bare.rate, "p50_ms": ms(real.p50), "p99_ms": ms(real.p99)}),
        );
        row(
            "3 bare signature-checking handler",
            format!("{:.0} requests/s", bare.rate),
            format!("p50 {:.1} ms, p99 {:.1} ms", ms(bare.p50), ms(bare.p99)),
            json!({"requests_per_s": bare.rate, "p50_ms": ms(bare.p50), "p99_ms": ms(bare.p99)}),
        );
    }

    if part("6") {
        eprintln!("(6) Slack requests while a big question is revealed");
        let crowd = users;
        // Three runs of each, interleaved, and the median of each figure: a
        // p99 over 5,120 requests moves with whatever else the machine does.
        let modes = [(Reveal::None, "no reveal running"), (Reveal::InSteps, "reveal in steps")];
        let mut runs: Vec<Vec<(Http, Duration)>> = modes.iter().map(|_| Vec::new()).collect();
        for _ in 0..3 {
            for (k, (mode, _)) in modes.iter().enumerate() {
                runs[k].push(slack_during_reveal(dir.path(), crowd, *mode)?);
            }
        }
        let median = |mut v: Vec<Duration>| {
            v.sort();
            v[v.len() / 2]
        };
        let figures: Vec<(Duration, Duration, Duration)> = runs
            .into_iter()
            .map(|r| {
                let p99 = median(r.iter().map(|(h, _)| h.p99).collect());
                let p50 = median(r.iter().map(|(h, _)| h.p50).collect());
                (p99, p50, median(r.iter().map(|(_, t)| *t).collect()))
            })
            .collect();
        let quiet_p99 = figures[0].0;
        for ((mode, name), (p99, p50, took)) in modes.iter().zip(figures) {
            let ratio = p99.as_secs_f64() / quiet_p99.as_secs_f64();
            let reveal =
                if *mode == Reveal::None { String::new() } else { format!("; the reveal took {:.0} ms", ms(took)) };
            row(
                &format!("6 Slack answers, {crowd}-answer question: {name}"),
                format!("p99 {:.1} ms", ms(p99)),
                format!("p99 ratio to no reveal {ratio:.2}; p50 {:.1} ms; 256 clients, 5,120 answers{reveal}", ms(p50)),
                json!({"p50_ms": ms(p50), "p99_ms": ms(p99), "p99_ratio": ratio, "reveal_ms": ms(took)}),
            );
        }
    }

    if part("7") {
        eprintln!("(7) Discord: channels due at the same minute");
        let channels: u64 = text("--channels").and_then(|v| v.parse().ok()).unwrap_or(1_000);
        let ideal = channels as f64 / 50.0;
        for (concurrency, name) in [(32, "concurrent, paced"), (1, "one at a time (the old sender)")] {
            let f = discord_fanout(dir.path(), channels, concurrency)?;
            let ratio = f.last.as_secs_f64() / ideal;
            row(
                &format!("7 Discord, {channels} channels due at once: {name}"),
                format!("last post {:.1} s after the minute", f.last.as_secs_f64()),
                format!(
                    "ratio to N/50 s {ratio:.2}; {} in flight at most; {} answered 429; 50 ms round trips",
                    f.in_flight, f.rate_limited
                ),
                json!({"channels": channels, "concurrency": concurrency, "last_post_s": f.last.as_secs_f64(), "ratio_to_limit": ratio, "max_in_flight": f.in_flight, "rate_limited": f.rate_limited}),
            );
        }
    }

    if part("8") {
        eprintln!("(8) Discord: interaction to response");
        let n = 2_000;
        let [gateway, http, baseline] = discord_interactions(dir.path(), n)?;
        let base99 = baseline.p(0.99).as_secs_f64();
        for (name, l) in [("over the gateway", &gateway), ("over the HTTP endpoint", &http)] {
            row(
                &format!("8 Discord /quiz play {name}"),
                format!("p99 {:.2} ms", ms(l.p(0.99))),
                format!(
                    "p50 {:.2} ms, max {:.2} ms; p99 ratio to a bare GET on the endpoint {:.1}; {n} one at a time, new players",
                    ms(l.p(0.5)),
                    ms(l.p(1.0)),
                    l.p(0.99).as_secs_f64() / base99
                ),
                json!({"p50_ms": ms(l.p(0.5)), "p99_ms": ms(l.p(0.99)), "max_ms": ms(l.p(1.0)), "p99_ratio_to_bare_get": l.p(0.99).as_secs_f64() / base99}),
            );
        }
        row(
            "8 bare GET /healthz on the endpoint",
            format!("p99 {:.2} ms", ms(baseline.p(0.99))),
            format!("p50 {:.2} ms", ms(baseline.p(0.5))),
            json!({"p50_ms": ms(baseline.p(0.5)), "p99_ms": ms(baseline.p(0.99))}),
        );
    }

    if part("4") {
        eprintln!("(4) leaderboards at scale");
        for (name, p50, p99) in leaderboards(dir.path(), history_users, history_answers)? {
            row(
                &format!("4 {name}"),
                format!("p50 {:.2} ms", ms(p50)),
                format!("p99 {:.2} ms ({history_users} users, {history_answers} answers)", ms(p99)),
                json!({"p50_ms": ms(p50), "p99_ms": ms(p99)}),
            );
        }
    }

    if part("9") {
        eprintln!("(9) PostgreSQL");
        match text("--postgres").or_else(|| std::env::var("QUIZMASTER_TEST_DATABASE").ok()) {
            None => eprintln!("  skipped: no PostgreSQL (--postgres URL or QUIZMASTER_TEST_DATABASE)"),
            Some(url) => {
                let requests = users.min(5_000) / 256 * 256;
                let f = postgres_figures(dir.path(), &url, requests, history_users, history_answers)?;
                let to_raw = f.on_pg.rate / f.raw_rate;
                let to_sqlite = f.on_pg.rate / f.on_sqlite.rate;
                row(
                    "9 PostgreSQL raw answer inserts",
                    format!("{:.0} rows/s", f.raw_rate),
                    format!("{requests} rows, prepared, transactions of 256"),
                    json!(f.raw_rate),
                );
                row(
                    "9 Slack answer burst on PostgreSQL",
                    format!("{:.0} answers/s", f.on_pg.rate),
                    format!(
                        "ratio to raw PostgreSQL inserts {to_raw:.2}; to the same burst on SQLite {to_sqlite:.2} \
                         ({:.0}/s); p50 {:.1} ms, p99 {:.1} ms; 256 clients, {requests} new players",
                        f.on_sqlite.rate,
                        ms(f.on_pg.p50),
                        ms(f.on_pg.p99)
                    ),
                    json!({"answers_per_s": f.on_pg.rate, "ratio_to_raw": to_raw, "ratio_to_sqlite": to_sqlite, "sqlite_answers_per_s": f.on_sqlite.rate, "p50_ms": ms(f.on_pg.p50), "p99_ms": ms(f.on_pg.p99)}),
                );
                for (name, p50, p99) in f.boards {
                    row(
                        &format!("9 PostgreSQL {name}"),
                        format!("p99 {:.2} ms", ms(p99)),
                        format!("p50 {:.2} ms ({history_users} users, {history_answers} answers)", ms(p50)),
                        json!({"p50_ms": ms(p50), "p99_ms": ms(p99)}),
                    );
                }
            }
        }
    }

    if part("5") {
        eprintln!("(5) footprint");
        let (ready, rss) = footprint(dir.path())?;
        row(
            "5 start to ready",
            format!("{:.0} ms", ms(ready)),
            "migrations + bundled bank, fresh database".into(),
            json!(ms(ready)),
        );
        row(
            "5 idle resident memory",
            rss.map_or_else(|| "n/a".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
            "VmRSS of the console after 0.5 s idle".into(),
            json!(rss.map(|kb| kb as f64 / 1024.0)),
        );
    }

    let command = format!(
        "cargo bench --bench quizmaster -- --users {users} --history-users {history_users} --history-answers {history_answers}{}",
        only.as_deref().map_or_else(String::new, |o| format!(" --only {o}"))
    );
    println!(
        "\nQuizmaster benchmarks ({} cores) — reproduce with: {command}\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in &rows {
        println!("{:<width$}  {:>20}  {}", r.name, r.value, r.note);
    }
    let json = json!({
        "command": command,
        "results": rows.iter().map(|r| json!({"name": r.name, "value": r.value, "note": r.note, "data": r.json})).collect::<Vec<_>>(),
    });
    std::fs::write("bench-results.json", serde_json::to_string_pretty(&json)?)?;
    println!("\nwritten to bench-results.json");
    Ok(())
}
