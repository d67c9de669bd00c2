//! The one harness: a small fixed bank, the bot built through the same
//! `Application::build` the binary uses (on a fresh database file, with port
//! 0 for its listeners) and run as `main` runs it ([`run`], [`Running`]),
//! clocks the tests set, a context builder, and the fake Discord and Slack
//! the adapters talk to, with the settings that point the bot at them.
//! A platform's test file adds only its way of talking to the bot (signed
//! requests, gateway events).

pub mod fake_discord;
pub mod fake_slack;
pub mod pg;
pub mod sql;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDateTime, Utc};
use quizmaster::app::Application;
use quizmaster::config::Settings;
use quizmaster::content::{Bank, Source};
use quizmaster::ids::{Part, Platform};
use quizmaster::reply::{Body, Reply};
use quizmaster::scheduler::{Clock, Deliver, SendResult};
use quizmaster::service::{Ctx, Outbound, Service};
use quizmaster::store::{Options, Store};
use tokio_util::sync::CancellationToken;

/// Two items: a four-choice one (answer B) and a text one.
pub const PACK: &str = r#"
[[item]]
id = "cap-partition"
topic = 41
category = "miscellaneous"
difficulty = "medium"
kind = "choice"
prompt = "During a network partition, what must a distributed store give up: consistency or availability?"
choices = ["Durability", "One of consistency or availability", "Partition tolerance", "Nothing"]
answer = "B"
explanation = "When the network splits, a node must either refuse requests (losing availability) or answer with possibly stale data (losing consistency)."

[[item]]
id = "idempotent-word"
topic = 43
category = "apis"
difficulty = "easy"
kind = "text"
prompt = "What word describes an operation that has the same effect whether it runs once or many times?"
accept = ["idempotent", "idempotency"]
explanation = "Idempotent operations can be retried safely, which is why PUT and DELETE are designed that way."
"#;

pub fn bank() -> Bank {
    Bank::from_sources(&[Source { name: "fixture.toml".into(), text: PACK.into() }]).expect("fixture bank is valid")
}

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("quiz.db")
}

pub fn store(dir: &Path) -> Store {
    if pg::on_postgres() {
        let url = secrecy::SecretString::from(pg::url_for(dir));
        let config = quizmaster::store::postgres::parse_url(&url).expect("schema URL");
        return pg::off_runtime(|| Store::open_postgres(&config).expect("open store"));
    }
    Store::open(&db_path(dir), Options::default()).expect("open store")
}

/// Settings for a bot in `dir`: its database there, the fixture pack as its
/// only content, a fixed seed. Tests fire many commands at one instant, so
/// the per-user rate limit is opened wide here; it has its own test.
pub fn settings(dir: &Path) -> Settings {
    settings_with_packs(dir, &[("fixture.toml", PACK)])
}

/// [`settings`] with these packs (file name, TOML) as the content.
pub fn settings_with_packs(dir: &Path, packs: &[(&str, &str)]) -> Settings {
    let content = dir.join("packs");
    std::fs::create_dir_all(&content).expect("pack dir");
    for entry in std::fs::read_dir(&content).expect("pack dir") {
        std::fs::remove_file(entry.expect("pack file").path()).expect("old pack removed");
    }
    for (name, text) in packs {
        std::fs::write(content.join(name), text).expect("pack written");
    }
    let mut s = Settings::default();
    s.database.path = db_path(dir);
    if pg::on_postgres() {
        s.database.url = Some(secrecy::SecretString::from(pg::url_for(dir)));
    }
    s.content.bundled = false;
    s.content.dirs = vec![content];
    s.quiz.seed = Some(42);
    s.quiz.rate_burst = 1000;
    s.quiz.rate_per_second = 1000.0;
    s
}

/// True (having said so) on the PostgreSQL pass, for a test about the
/// SQLite file itself: its modes, pragmas or upgrades from old versions.
pub fn sqlite_only(test: &str, why: &str) -> bool {
    let skip = pg::on_postgres();
    if skip {
        eprintln!("skipped {test} on the PostgreSQL pass: {why}");
    }
    skip
}

/// The bot's log lines on standard error when `QUIZMASTER_TEST_LOG` names
/// a filter (`warn`, `quizmaster=debug`): for finding why a test failed.
pub fn logs() {
    if let Ok(filter) = std::env::var("QUIZMASTER_TEST_LOG") {
        let _ = tracing_subscriber::fmt().with_env_filter(filter).with_test_writer().try_init();
    }
}

/// Builds the bot the way the binary does, for tests that drive its service
/// directly (no platform is started).
pub fn build(settings: Settings) -> Arc<Service> {
    logs();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let app = rt.block_on(Application::build(settings)).expect("the app builds");
    Arc::clone(app.service())
}

/// A service on a fresh database in `dir`, built like the binary's.
pub fn service(dir: &Path) -> Arc<Service> {
    build(settings(dir))
}

/// A running bot: built by [`Application::build_with_clock`] and run by
/// [`Application::run_until_stopped`], exactly as `main` does.
pub struct TestApp {
    pub service: Arc<Service>,
    pub slack_addr: Option<std::net::SocketAddr>,
    pub discord_addr: Option<std::net::SocketAddr>,
    pub web_addr: Option<std::net::SocketAddr>,
    cancel: CancellationToken,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

pub async fn spawn_app(settings: Settings, clock: Arc<dyn Clock>) -> TestApp {
    logs();
    let app = Application::build_with_clock(settings, clock).await.expect("the app builds");
    let service = Arc::clone(app.service());
    let slack_addr = app.slack_addr();
    let discord_addr = app.discord_interactions_addr();
    let web_addr = app.web_addr();
    let cancel = CancellationToken::new();
    let task = tokio::spawn(app.run_until_stopped(cancel.clone()));
    TestApp { service, slack_addr, discord_addr, web_addr, cancel, task }
}

/// A bot running on a clock the test sets: what every platform's tests
/// start from (each adds its fake and its way of talking to the bot).
pub struct Running {
    pub svc: Arc<Service>,
    pub clock: Arc<SetClock>,
    pub app: TestApp,
}

/// Builds and runs the bot on `settings` with the clock at `now`.
pub async fn run(settings: Settings, now: DateTime<Utc>) -> Running {
    let clock = SetClock::new(now);
    let app = spawn_app(settings, clock.clone()).await;
    Running { svc: Arc::clone(&app.service), clock, app }
}

impl Running {
    /// Sets the clock to `t` (`2026-11-25 09:00`, UTC) and wakes the scheduler.
    pub fn set(&self, t: &str) {
        self.clock.set(at(t));
        self.svc.nudge();
    }

    /// Stops the bot and checks that it stopped cleanly.
    pub async fn stop(self) {
        self.app.stop().await;
    }
}

impl TestApp {
    /// Stops the bot and checks that it stopped cleanly.
    pub async fn stop(self) {
        self.cancel.cancel();
        let r = tokio::time::timeout(std::time::Duration::from_secs(10), self.task).await;
        assert!(matches!(r, Ok(Ok(Ok(())))), "the bot stops cleanly: {r:?}");
    }
}

/// Time the test sets; a scheduler never sleeps through it on its own and is
/// woken with `Service::nudge`. It counts how often a scheduler went to sleep
/// (once after every pass): a readiness signal that a pass is over.
pub struct SetClock {
    now: Mutex<DateTime<Utc>>,
    sleeps: std::sync::atomic::AtomicUsize,
}

impl SetClock {
    pub fn new(t: DateTime<Utc>) -> Arc<SetClock> {
        Arc::new(SetClock { now: Mutex::new(t), sleeps: Default::default() })
    }

    pub fn set(&self, t: DateTime<Utc>) {
        *self.now.lock().unwrap() = t;
    }

    /// How many times a scheduler has gone to sleep so far.
    pub fn sleeps(&self) -> usize {
        self.sleeps.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Moves the clock to `t` and waits until a scheduler pass that began
    /// after the move has finished, its sends settled: the readiness signal
    /// before asserting that nothing (more) happened. Nudged twice, because
    /// the first sleep seen may end a pass that was already under way.
    pub async fn pass_at(&self, svc: &Service, t: DateTime<Utc>) {
        self.set(t);
        for _ in 0..2 {
            let since = self.sleeps();
            svc.nudge();
            self.wait_sleeps(since, 1).await;
        }
    }

    /// Waits until schedulers have gone to sleep `n` more times than `since`.
    pub async fn wait_sleeps(&self, since: usize, n: usize) {
        for _ in 0..1000 {
            if self.sleeps() >= since + n {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        panic!("the schedulers did not finish their passes");
    }
}

impl Clock for SetClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap()
    }

    fn sleep_until(&self, t: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        self.sleeps.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if t <= self.now() { Box::pin(std::future::ready(())) } else { Box::pin(std::future::pending()) }
    }
}

/// A clock that jumps: sleeping moves it straight to the wake time.
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock(Mutex::new(start))
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    fn sleep_until(&self, t: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let mut now = self.0.lock().unwrap();
        if t > *now {
            *now = t;
        }
        Box::pin(std::future::ready(()))
    }
}

/// A platform for tests: keeps what the scheduler hands it; every send succeeds.
struct Collect {
    dedupes: bool,
    sent: Mutex<Vec<Outbound>>,
}

impl Deliver for Collect {
    fn platform(&self) -> quizmaster::ids::Platform {
        quizmaster::ids::Platform::Console
    }

    fn dedupes(&self) -> bool {
        self.dedupes
    }

    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = SendResult> + Send + 'a>> {
        self.sent.lock().unwrap().push(out.clone());
        Box::pin(std::future::ready(Ok(Some(format!("msg-{}", out.what.post().unwrap_or_default())).into())))
    }
}

/// One scheduler pass at `now` for the console's channels; what was sent.
pub async fn deliver(svc: &Service, now: DateTime<Utc>, dedupes: bool) -> Vec<Outbound> {
    let collect = Collect { dedupes, sent: Mutex::new(Vec::new()) };
    quizmaster::scheduler::pass(svc, now, &collect).await.expect("pass");
    collect.sent.into_inner().unwrap()
}

/// `/quiz admin post-now` as `ctx`, then the scheduler's pass that sends it:
/// the question as the channel shows it, or the command's refusal.
pub fn post_now(svc: &Service, ctx: &Ctx) -> Reply {
    admin_then_deliver(svc, ctx, "admin post-now", Part::Question)
}

/// `/quiz admin reveal-now` as `ctx`, then the pass that sends the reveal.
pub fn reveal_now(svc: &Service, ctx: &Ctx) -> Reply {
    admin_then_deliver(svc, ctx, "admin reveal-now", Part::Reveal)
}

fn admin_then_deliver(svc: &Service, ctx: &Ctx, line: &str, part: Part) -> Reply {
    let ack = svc.handle_text(ctx, line);
    if matches!(ack.body, Body::Error(_)) {
        return ack;
    }
    let sent = block(deliver(svc, ctx.now, true));
    sent.into_iter().filter(|o| o.part() == Some(part)).map(|o| o.reply).next_back().unwrap_or(ack)
}

/// Waits for a future without an async runtime, as a blocking caller does.
pub fn block<T>(f: impl Future<Output = T>) -> T {
    futures_executor::block_on(f)
}

pub fn at(s: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time").and_utc()
}

/// An instant `n` milliseconds after the Unix epoch.
pub fn ms(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(n).expect("in range")
}

pub fn ctx(user: &str, now: &str) -> Ctx {
    ctx_at(user, at(now))
}

pub fn ctx_at(user: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: quizmaster::ids::Platform::Console,
        guild: "g1".into(),
        channel: "c1".into(),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: true,
        now,
        locale: Default::default(),
    }
}

/// An admin of `guild` in one of its channels at `now`, straight to the
/// service (setting up many channels through a fake platform proves nothing more).
pub fn admin_in(platform: Platform, guild: &str, channel: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform,
        guild: guild.into(),
        channel: channel.into(),
        user_id: "admin".into(),
        user_name: "Admin".into(),
        is_admin: true,
        now,
        locale: Default::default(),
    }
}

/// A reply as the console shows it.
pub fn plain(r: &Reply) -> String {
    quizmaster::reply::render(&r.body, &quizmaster::reply::PLAIN, quizmaster::i18n::Lang::EnUs)
}

/// Waits until `pred` holds, or fails the test after `secs` seconds.
pub async fn wait_until(what: &str, secs: u64, pred: impl Fn() -> bool) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !pred() {
        assert!(std::time::Instant::now() < until, "timed out waiting for {what}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Independent counts straight from the file, to check what the service wrote.
pub fn count(dir: &Path, sql: &str) -> i64 {
    if pg::on_postgres() {
        let row = pg::off_runtime(|| pg::client_for(dir).query_one(sql, &[]).expect("count query"));
        // A literal is an int4; COUNT and BIGINT columns are int8.
        return if row.columns()[0].type_() == &postgres::types::Type::INT4 {
            i64::from(row.get::<_, i32>(0))
        } else {
            row.get::<_, i64>(0)
        };
    }
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open for counting");
    conn.query_row(sql, [], |r| r.get(0)).expect("count query")
}

/// The first column of the first row as text, on either backend.
pub fn text(dir: &Path, sql: &str) -> String {
    if pg::on_postgres() {
        return pg::off_runtime(|| pg::client_for(dir).query_one(sql, &[]).expect("text query").get(0));
    }
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open for reading");
    conn.query_row(sql, [], |r| r.get(0)).expect("text query")
}

/// A change made straight to the database, as an operator or a damaged disk would.
pub fn exec(dir: &Path, sql: &str) {
    if pg::on_postgres() {
        pg::off_runtime(|| pg::client_for(dir).batch_execute(sql).expect("change"));
        return;
    }
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open for a change");
    conn.execute_batch(sql).expect("change");
}

/// The real binary, run in `dir` with a clean environment and quiet logs.
pub fn quizmaster(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_quizmaster"));
    cmd.current_dir(dir).env_remove("RUST_LOG").env("QUIZMASTER__LOG__LEVEL", "warn");
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("QUIZMASTER__") && k != "QUIZMASTER__LOG__LEVEL") {
        cmd.env_remove(key);
    }
    if pg::on_postgres() {
        cmd.env("QUIZMASTER__DATABASE__URL", pg::url_for(dir));
    }
    cmd
}

/// A right and a wrong answer to the newest open daily question in the
/// database in `dir`, from the bank.
pub fn answers_to_open(svc: &Service, dir: &Path) -> (String, String) {
    let id = text(dir, "SELECT item_id FROM posts WHERE state = 'open' ORDER BY id DESC LIMIT 1");
    match &svc.bank().get(&id).expect("the open item").kind {
        quizmaster::content::ItemKind::Choice { answer, .. } => {
            let right = quizmaster::content::letter(*answer);
            (right.to_string(), if right == 'A' { "B" } else { "A" }.to_string())
        }
        quizmaster::content::ItemKind::Text { accept, .. } => (accept[0].clone(), "no idea at all".to_string()),
        quizmaster::content::ItemKind::Discussion { .. } => panic!("a quiz never draws a discussion"),
    }
}

/// One item that shows code: a fenced SQL block in the prompt (with a `<`
/// that each platform must escape its own way), inline code in the options
/// and markup in the prose that must stay inert.
pub const CODE_PACK: &str = r#"
[[item]]
id = "code-partial-index"
topic = 12
category = "databases"
difficulty = "medium"
kind = "choice"
prompt = """
This query runs on every page load *and* is slow (see https://www.postgresql.org/docs/current/indexes-partial.html):

```sql
SELECT id FROM orders
 WHERE total < 10 AND status = 'open';
```

Which index helps `status = 'open'` most?"""
choices = ["`CREATE INDEX ON orders (status)`", "`CREATE INDEX ON orders (id)`", "A hash index on `total`", "An index on `created_at`"]
answer = "A"
explanation = "Most orders are closed, so an index on `status` skips nearly every row; `id` and `created_at` are not in the filter."
"#;

/// The first line of [`CODE_PACK`]'s code block, as written.
pub const CODE_LINE: &str = "SELECT id FROM orders";
/// Its second line, which holds the `<` every platform escapes its own way.
pub const CODE_LT_LINE: &str = " WHERE total < 10 AND status = 'open';";

/// Serves the web page beside the console's server: a (fake) Discord is
/// configured, so the bot does not run the console on the test's standard
/// input, and `web.listen` takes a free port.
pub async fn with_web_page(settings: &mut Settings) {
    let (_fake, base) = crate::support::fake_discord::start().await;
    settings.discord = quizmaster::config::DiscordSettings {
        token: Some(secrecy::SecretString::from("test-token")),
        api_base_url: Some(base.parse().expect("fake Discord URL")),
        ..Default::default()
    };
    settings.web.listen = Some("127.0.0.1:0".parse().expect("loopback"));
}
