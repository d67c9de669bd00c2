//! Building the application from settings (the question bank, the database,
//! the service and the configured platforms) and running it until stopped.
//! `main` and the tests start the bot through the same two calls:
//! [`Application::build`] and [`Application::run_until_stopped`].

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio_util::sync::CancellationToken;

use crate::config::Settings;
use crate::content::{Bank, ContentError, Source};
use crate::platform::listen::Listener;
use crate::platform::{self, slack::Slack};
use crate::scheduler::{Clock, SystemClock};
use crate::service::{Rules, Service};
use crate::store::{self, Store};

/// The whole content error list, printable as the bot refuses to start.
#[derive(Debug, thiserror::Error)]
#[error("the question bank has {} problem{}:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
pub struct BankErrors(pub Vec<ContentError>);

fn list(errors: &[ContentError]) -> String {
    errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
}

/// The configured bank: the bundled packs (unless disabled) and `content.dirs`.
pub fn load_bank(settings: &Settings) -> Result<Bank, BankErrors> {
    let mut sources: Vec<Source> = if settings.content.bundled { Bank::bundled_sources() } else { Vec::new() };
    sources.extend(Bank::dir_sources(&settings.content.dirs).map_err(BankErrors)?);
    Bank::from_sources(&sources).map_err(BankErrors)
}

/// The key server pages' tokens are derived from: `web.page_key` when set
/// (the same in every process sharing a database), else a file beside the
/// database (`quizmaster.db` -> `quizmaster.key`), made on first use and
/// readable by its owner only. Kept out of the database so that a copy of
/// the database opens no page; losing it changes every page's link.
pub fn page_key(settings: &Settings) -> anyhow::Result<[u8; 32]> {
    match &settings.web.page_key {
        // Checked when the settings loaded.
        Some(key) => crate::config::token_key_bytes(key).context("web.page_key must be 64 hex digits"),
        None => page_key_file(&settings.database.path),
    }
}

fn page_key_file(database: &Path) -> anyhow::Result<[u8; 32]> {
    let path = database.with_extension("key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let mut key = [0u8; 32];
        hex::decode_to_slice(text.trim(), &mut key)
            .with_context(|| format!("{} must hold 64 hex digits (delete it to make a new one)", path.display()))?;
        return Ok(key);
    }
    let mut key = [0u8; 32];
    rand::fill(&mut key);
    let mut file = std::fs::OpenOptions::new();
    file.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut file, 0o600);
    std::io::Write::write_all(
        &mut file.open(&path).with_context(|| format!("creating the page key {}", path.display()))?,
        hex::encode(key).as_bytes(),
    )
    .with_context(|| format!("writing the page key {}", path.display()))?;
    Ok(key)
}

/// The database of a bot that has run, for commands that read it (export,
/// recap, pack): a missing file is an error naming it, never a new empty
/// database made on the way to saying the server does not exist.
pub fn open_existing_store(settings: &Settings) -> anyhow::Result<Store> {
    let path = &settings.database.path;
    if settings.database.url.is_none() && !path.exists() {
        anyhow::bail!(
            "there is no database at {}: give the bot's database with --db FILE (or database.path in bot.toml)",
            path.display()
        );
    }
    open_store(settings)
}

/// The configured database, opened and migrated: PostgreSQL when
/// `database.url` is set, else the SQLite file. Blocking: PostgreSQL's
/// client may not run on an async thread.
pub fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    if let Some(url) = &settings.database.url {
        let config = store::postgres::parse_url(url).map_err(|m| anyhow::anyhow!("database.url: {m}"))?;
        return Ok(Store::open_postgres(&config)?);
    }
    let options = store::Options {
        synchronous: settings.database.synchronous,
        busy_timeout: Duration::from_millis(settings.database.busy_timeout_ms),
    };
    let path = &settings.database.path;
    Store::open(path, options).with_context(|| format!("opening database {}", path.display()))
}

/// How long the bot keeps trying a PostgreSQL server it cannot reach at
/// start, and the longest wait between tries.
const REACH_FOR: Duration = Duration::from_secs(300);
const RETRY_AT_MOST: Duration = Duration::from_secs(30);

/// [`open_store`] for the bot itself: a PostgreSQL server that cannot be
/// reached yet (a container starting beside it, a failover) is tried again
/// with a doubling wait, each failure logged with where it is and why, for
/// up to five minutes; then the error ends the start.
async fn open_store_waiting(settings: &Settings) -> anyhow::Result<Store> {
    let started = std::time::Instant::now();
    let mut wait = Duration::from_secs(1);
    loop {
        let s = settings.clone();
        let opened = tokio::task::spawn_blocking(move || open_store(&s)).await?;
        match opened {
            Err(e) if settings.database.url.is_some() && unreachable(&e) && started.elapsed() < REACH_FOR => {
                tracing::warn!(error = %e, retry_in_s = wait.as_secs(), "the database is not reachable yet");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(RETRY_AT_MOST);
            }
            other => return other,
        }
    }
}

fn unreachable(e: &anyhow::Error) -> bool {
    e.downcast_ref::<store::StoreError>().is_some_and(|e| matches!(e, store::StoreError::Unreachable { .. }))
}

/// A built bot: the service over its bank and database, and the platforms
/// the settings name (the local console when they name none).
pub struct Application {
    settings: Settings,
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    /// Slack, and its HTTP endpoints' listener when they are served.
    slack: Option<(Option<Listener>, Arc<Slack>)>,
    /// `web.listen`, once bound.
    web: Option<Listener>,
    /// Discord's HTTP interactions endpoint and the key that signs its requests.
    discord_endpoint: Option<(Listener, [u8; 32])>,
}

impl Application {
    /// Loads the bank, opens and migrates the database, starts the writer and
    /// binds the listeners (port 0 takes a free port; see [`Application::slack_addr`]).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        Application::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// [`Application::build`] with another source of time for the schedulers.
    pub async fn build_with_clock(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Application> {
        let bank = load_bank(&settings)?;
        let store = open_store_waiting(&settings).await?;
        let database = settings.database.shown();
        tracing::info!(items = bank.len(), %database, "ready");
        let cap = settings.http.max_connections;
        let web = match settings.web.listen {
            Some(addr) => Some(Listener::bind(addr, cap, "web.listen").await?),
            None => None,
        };
        let mut rules = Rules::from_settings(&settings);
        // The address links to the pages start with: the configured public
        // URL, else the address bound (a port 0 is known only now).
        rules.web_url = match (&settings.web.public_url, web.as_ref().and_then(|l| l.local_addr().ok())) {
            (Some(url), Some(_)) => Some(url.as_str().trim_end_matches('/').to_string()),
            (None, Some(addr)) => Some(format!("http://{addr}")),
            (_, None) => None,
        };
        if rules.web_url.is_some() {
            rules.page_key = Some(page_key(&settings)?);
        }
        let service = Arc::new(Service::start(store, bank, rules, settings.quiz.seed)?);
        let slack = match Slack::from_settings(
            Arc::clone(&service),
            Arc::clone(&clock),
            &settings.slack,
            settings.delivery.concurrency,
        ) {
            Some(slack) => {
                // The endpoints are served with a signing secret to verify
                // requests, or for installs by OAuth.
                let listener = if settings.slack.serves_http() {
                    Some(Listener::bind(settings.slack.listen, cap, "slack.listen").await?)
                } else {
                    None
                };
                Some((listener, Arc::new(slack)))
            }
            None => None,
        };
        let discord_endpoint = match (&settings.discord.token, &settings.discord.interactions_listen) {
            (Some(_), Some(addr)) => {
                let key = settings.discord.public_key.as_deref().and_then(crate::config::public_key_bytes);
                let key = key.context("discord.public_key must be set with discord.interactions_listen")?;
                let listener = Listener::bind(*addr, cap, "discord.interactions_listen").await?;
                Some((listener, key))
            }
            _ => None,
        };
        Ok(Application { settings, service, clock, slack, web, discord_endpoint })
    }

    pub fn service(&self) -> &Arc<Service> {
        &self.service
    }

    /// Where the Slack endpoints listen, once bound.
    pub fn slack_addr(&self) -> Option<SocketAddr> {
        self.slack.as_ref().and_then(|(l, _)| l.as_ref()?.local_addr().ok())
    }

    /// Where `/metrics` listens, once bound.
    pub fn web_addr(&self) -> Option<SocketAddr> {
        self.web.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// Where Discord's HTTP interactions endpoint listens, once bound.
    pub fn discord_interactions_addr(&self) -> Option<SocketAddr> {
        self.discord_endpoint.as_ref().and_then(|(l, _)| l.local_addr().ok())
    }

    /// Whether Discord or Slack is configured; otherwise the bot is the local console.
    pub fn has_platforms(&self) -> bool {
        self.slack.is_some() || self.settings.discord.token.is_some()
    }

    /// Runs every configured platform until `cancel` fires or one of them
    /// fails (which cancels the others); with none configured, the local
    /// console on this process's standard input and output.
    pub async fn run_until_stopped(self, cancel: CancellationToken) -> anyhow::Result<()> {
        let service = Arc::clone(&self.service);
        let r = self.run_platforms(cancel).await;
        // What this run claimed and did not send goes to the next run, or
        // to another process, at once rather than when the lease runs out.
        match service.release_leases().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(deliveries = n, "released the deliveries this process had claimed"),
            Err(e) => {
                tracing::warn!(error = %e, "could not release this process's claims; they free up within a minute")
            }
        }
        r
    }

    async fn run_platforms(self, cancel: CancellationToken) -> anyhow::Result<()> {
        let console_only = !self.has_platforms();
        let web = {
            let (listener, service, cancel) = (self.web, Arc::clone(&self.service), cancel.clone());
            async move {
                let Some(listener) = listener else { return Ok(()) };
                let r = crate::web::serve(listener, service, cancel.clone()).await.context("web");
                if let Err(e) = &r {
                    tracing::error!(error = %e, "the web server stopped; stopping the bot");
                    cancel.cancel();
                }
                r
            }
        };
        if console_only {
            let stdin = tokio::io::BufReader::new(tokio::io::stdin());
            let echo = !std::io::stdin().is_terminal();
            let user = self.settings.console.user.clone();
            let lang =
                self.settings.console.locale.as_deref().and_then(crate::i18n::Lang::negotiate).unwrap_or_default();
            let console = async {
                let r = platform::console::run(
                    self.service,
                    self.clock,
                    &user,
                    lang,
                    stdin,
                    std::io::stdout(),
                    echo,
                    cancel.clone(),
                )
                .await
                .context("console");
                cancel.cancel();
                r
            };
            let (c, w) = tokio::join!(console, web);
            return c.and(w);
        }
        let slack = {
            let cancel = cancel.clone();
            async move {
                match self.slack {
                    Some((listener, slack)) => platform::slack::run(listener, slack, cancel).await.context("Slack"),
                    None => Ok(()),
                }
            }
        };
        let discord = {
            let (service, clock, settings) = (self.service, self.clock, self.settings.discord);
            let (concurrency, endpoint) = (self.settings.delivery.concurrency, self.discord_endpoint);
            async move {
                if settings.token.is_none() {
                    return Ok(());
                }
                let r = platform::discord::run(service, clock, &settings, concurrency, endpoint, cancel.clone())
                    .await
                    .context("Discord");
                cancel.cancel();
                r
            }
        };
        let (s, d, w) = tokio::join!(slack, discord, web);
        s.and(d).and(w)
    }
}
