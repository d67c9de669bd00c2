//! Settings: `bot.toml` layered with `QUIZMASTER__SECTION__KEY` environment
//! overrides, parsed once into typed values (zones, durations, addresses,
//! URLs). Unknown keys and values that do not parse are errors that name the
//! key. Secrets are `SecretString`s, which never print. Every default is in
//! the `Default` impls below.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono_tz::Tz;
use secrecy::SecretString;
use serde::Deserialize;
use url::Url;

mod error;
mod load;
mod log;
mod shards;
mod validate;

pub use error::SettingsError;
pub use load::Sources;
pub use log::log_filter;
pub use shards::Shards;
pub use validate::{is_slack_member_id, pasted_wrong};

use crate::quiz::schedule::{Close, parse_duration, parse_zone};
use crate::quiz::{scoring::ScoringRules, streak::StreakRules};

/// Everything the bot can be configured with. See `bot.toml.example`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    pub database: DatabaseSettings,
    pub content: ContentSettings,
    pub quiz: QuizSettings,
    pub schedule: ScheduleSettings,
    pub log: LogSettings,
    pub console: ConsoleSettings,
    pub slack: SlackSettings,
    pub discord: DiscordSettings,
    pub delivery: DeliverySettings,
    pub web: WebSettings,
    pub http: HttpSettings,
    /// What loading found worth a warning (a settings file holding secrets
    /// that other users may read), logged once logging is set up.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// Every HTTP listener the bot serves (the web page, Slack's endpoints,
/// Discord's interactions endpoint).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct HttpSettings {
    /// Connections each listener serves at once; past it, new ones wait in
    /// the kernel's queue. Unset: a quarter of the process's file limit,
    /// between 8 and 1,024.
    pub max_connections: Option<usize>,
}

/// The bot's own web side: the servers' pages, `GET /metrics` (Prometheus)
/// and `GET /healthz`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WebSettings {
    /// Where it listens; unset serves nothing.
    pub listen: Option<SocketAddr>,
    /// The address people reach it at (behind a proxy: `https://quiz.example.com`);
    /// links from `/quiz web` start with it. Unset: `http://` and `listen`.
    pub public_url: Option<Url>,
    /// The key page links are derived from, 64 hex digits: set the same one
    /// in every process that shares a database. Unset: a file beside
    /// `database.path` (`quizmaster.key`), made on first use. A secret.
    pub page_key: Option<SecretString>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DeliverySettings {
    /// Sends in flight at once, per platform; each is still paced to the
    /// platform's rate limits.
    pub concurrency: usize,
}

impl Default for DeliverySettings {
    fn default() -> Self {
        Self { concurrency: 32 }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DatabaseSettings {
    pub path: PathBuf,
    /// A `postgres://` URL: PostgreSQL instead of the SQLite file. A secret
    /// (it holds the password): never logged or shown.
    pub url: Option<SecretString>,
    /// SQLite `synchronous`: `normal` (durable across process crashes) or
    /// `full` (also across power loss).
    pub synchronous: Synchronous,
    pub busy_timeout_ms: u64,
}

impl DatabaseSettings {
    /// The database as messages name it: the file, or PostgreSQL (never
    /// the URL, which holds the password).
    pub fn shown(&self) -> String {
        match self.url {
            Some(_) => "PostgreSQL (database.url)".to_string(),
            None => self.path.display().to_string(),
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            path: PathBuf::from("quizmaster.db"),
            url: None,
            synchronous: Synchronous::Normal,
            busy_timeout_ms: 5000,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Synchronous {
    #[default]
    Normal,
    Full,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ContentSettings {
    /// Load the packs built into the binary.
    pub bundled: bool,
    /// More directories of `*.toml` packs.
    pub dirs: Vec<PathBuf>,
}

impl Default for ContentSettings {
    fn default() -> Self {
        Self { bundled: true, dirs: Vec::new() }
    }
}

/// An IANA time zone, read from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Zone(pub Tz);

impl TryFrom<String> for Zone {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        parse_zone(&s).map(Zone).map_err(|e| e.to_string())
    }
}

/// A length of time such as `90m` or `2h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Span(pub chrono::Duration);

impl TryFrom<String> for Span {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        parse_duration(&s).map(Span).map_err(|e| e.to_string())
    }
}

/// When a question closes: a duration such as `8h`, or `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct CloseAfter(pub Close);

impl TryFrom<String> for CloseAfter {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Close::parse(&s).map(CloseAfter).map_err(|e| e.to_string())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct QuizSettings {
    /// The zone for leaderboard weeks and months of servers that set none.
    pub timezone: Zone,
    pub points_correct: u32,
    pub streak_bonus_cap: u32,
    pub freeze_every: u32,
    pub freeze_max: u32,
    /// Longest command text accepted, in characters.
    pub max_input_chars: usize,
    /// Commands one user may send at once...
    pub rate_burst: u32,
    /// ...and how many they regain per second.
    pub rate_per_second: f64,
    /// Seeds the random choice of questions, so a demo or a test repeats
    /// exactly; unset, every start chooses differently.
    pub seed: Option<u64>,
}

impl Default for QuizSettings {
    fn default() -> Self {
        let scoring = ScoringRules::default();
        let streak = StreakRules::default();
        Self {
            timezone: Zone(Tz::UTC),
            points_correct: scoring.correct,
            streak_bonus_cap: scoring.streak_bonus_cap,
            freeze_every: streak.freeze_every,
            freeze_max: streak.freeze_max,
            max_input_chars: 500,
            rate_burst: 5,
            rate_per_second: 2.0,
            seed: None,
        }
    }
}

impl QuizSettings {
    pub fn scoring(&self) -> ScoringRules {
        ScoringRules { correct: self.points_correct, streak_bonus_cap: self.streak_bonus_cap }
    }

    pub fn streak(&self) -> StreakRules {
        StreakRules { freeze_every: self.freeze_every, freeze_max: self.freeze_max }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ScheduleSettings {
    /// A post whose time passed less than this long ago while the bot was
    /// down is posted late at start; older ones are recorded as missed.
    pub grace: Span,
    /// When daily questions close, for schedules that do not say: a duration
    /// such as `8h`, or `next` (when the next question is due).
    pub close: CloseAfter,
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        Self { grace: Span(chrono::Duration::hours(2)), close: CloseAfter(Close::After(chrono::Duration::hours(8))) }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LogSettings {
    /// A `tracing` filter such as `info` or `quizmaster=debug`; `RUST_LOG` wins.
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self { level: "info".into() }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ConsoleSettings {
    /// The name you play as until `/as NAME`.
    pub user: String,
    /// The console's language, a BCP 47 tag (`de`, `es-ES`, `fr`, `pt-BR`,
    /// `ja`; a region falls back to its language); unset is `en-US`.
    pub locale: Option<String>,
}

impl Default for ConsoleSettings {
    fn default() -> Self {
        Self { user: "you".into(), locale: None }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SlackSettings {
    /// From the app's Basic Information page; every request is checked against it.
    pub signing_secret: Option<SecretString>,
    /// The bot token (`xoxb-…`) for the Web API.
    pub bot_token: Option<SecretString>,
    /// The app-level token (`xapp-…`, with `connections:write`): commands and
    /// clicks then arrive over Socket Mode, with no public address needed.
    pub app_token: Option<SecretString>,
    /// "Add to Slack" for other workspaces: the app's client id and secret,
    /// and the 32-byte key (64 hex digits) that seals each workspace's bot
    /// token in the database. All three, or none.
    pub client_id: Option<String>,
    pub client_secret: Option<SecretString>,
    pub token_key: Option<SecretString>,
    /// User ids (`U…`) allowed to run `/quiz admin`.
    pub admins: Vec<String>,
    /// Where the HTTP endpoints listen.
    pub listen: SocketAddr,
    /// The Web API's base URL, for tests and proxies.
    pub api_base_url: Url,
    /// chat.update calls a minute per workspace (Slack's Tier 3 is 50+).
    /// chat.postMessage is paced to one a second per channel, as Slack asks.
    pub updates_per_minute: f64,
}

impl Default for SlackSettings {
    fn default() -> Self {
        Self {
            signing_secret: None,
            bot_token: None,
            app_token: None,
            client_id: None,
            client_secret: None,
            token_key: None,
            admins: Vec::new(),
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            api_base_url: Url::parse("https://slack.com/api").expect("a valid default URL"),
            updates_per_minute: 50.0,
        }
    }
}

impl SlackSettings {
    /// Slack runs with a bot token and a way to receive commands: Socket
    /// Mode (the app token) or the HTTP endpoints (the signing secret).
    pub fn enabled(&self) -> bool {
        (self.bot_token.is_some() || self.distributed()) && (self.app_token.is_some() || self.signing_secret.is_some())
    }

    /// Whether other workspaces can install the app ("Add to Slack").
    pub fn distributed(&self) -> bool {
        self.client_id.is_some() && self.client_secret.is_some() && self.token_key.is_some()
    }

    /// Whether the HTTP side (commands, interactivity, events, install) is served on `listen`.
    pub fn serves_http(&self) -> bool {
        self.signing_secret.is_some() || self.distributed()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DiscordSettings {
    /// The bot token from the Developer Portal; Discord runs when it is set.
    pub token: Option<SecretString>,
    /// Guilds to register the commands in directly (instant, for testing);
    /// empty registers them globally.
    pub guild_ids: Vec<u64>,
    /// The REST API's base URL, for tests and proxies (unset in production).
    pub api_base_url: Option<Url>,
    /// The gateway's URL, for tests (unset in production: Discord says where).
    pub gateway_url: Option<Url>,
    /// REST requests a second the bot's posts and edits are paced to
    /// (Discord's global limit is 50 a bot).
    pub requests_per_second: f64,
    /// Whether to connect to the gateway (off: interactions come only over
    /// HTTP, to `interactions_listen`).
    pub gateway: bool,
    /// Which shards this process runs, and so which servers it posts to.
    pub shards: Shards,
    /// The application's public key (hex) from the Developer Portal, to
    /// verify interactions sent over HTTP.
    pub public_key: Option<String>,
    /// Where `POST /discord/interactions` listens, when set with `public_key`.
    pub interactions_listen: Option<SocketAddr>,
}

impl Default for DiscordSettings {
    fn default() -> Self {
        Self {
            token: None,
            guild_ids: Vec::new(),
            api_base_url: None,
            gateway_url: None,
            requests_per_second: 50.0,
            gateway: true,
            shards: Shards::Auto,
            public_key: None,
            interactions_listen: None,
        }
    }
}

/// The 32-byte key of `slack.token_key` or `web.page_key`.
pub fn token_key_bytes(key: &SecretString) -> Option<[u8; 32]> {
    public_key_bytes(secrecy::ExposeSecret::expose_secret(key))
}

/// The 32-byte key of a 64-digit hex string.
pub fn public_key_bytes(hex_key: &str) -> Option<[u8; 32]> {
    hex::decode(hex_key.trim()).ok()?.try_into().ok()
}
