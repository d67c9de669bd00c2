//! `quizmaster doctor`: the configuration checked as the bot will use it,
//! live where it can be: the database, each platform's tokens (Discord
//! `GET /users/@me`, the application and each configured server; Slack
//! `auth.test` and, for Socket Mode, `apps.connections.open`), the
//! listeners and the web link. Every failing finding names its key and the
//! fix. `quizmaster setup` runs the platform checks on the tokens it is
//! given before it writes them.
//!
//! What it prints is for the operator at a terminal, like the other CLI
//! commands' output, so it is not in the players' catalogue.

use std::fmt;
use std::path::Path;

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::config::{DiscordSettings, Settings, SlackSettings, pasted_wrong};
use crate::platform::discord::invite_url;
use crate::platform::slack::{ApiError, WebApi};
use crate::store::{Store, schema_version};

/// One thing checked: what was found, and for a problem, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked: a setting key, or a part such as `database`.
    pub key: String,
    pub found: String,
    /// `None` when all is well.
    pub fix: Option<String>,
}

impl Finding {
    fn ok(key: impl Into<String>, found: impl Into<String>) -> Finding {
        Finding { key: key.into(), found: found.into(), fix: None }
    }

    fn problem(key: impl Into<String>, found: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding { key: key.into(), found: found.into(), fix: Some(fix.into()) }
    }

    pub fn is_ok(&self) -> bool {
        self.fix.is_none()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.fix {
            None => write!(f, "ok    {}: {}", self.key, self.found),
            Some(fix) => write!(f, "FAIL  {}: {}\n      fix: {fix}", self.key, self.found),
        }
    }
}

/// Every check on `settings`, in the order a newcomer meets them.
pub async fn run(settings: &Settings) -> Vec<Finding> {
    let mut found = vec![match &settings.database.url {
        Some(url) => {
            let url = url.clone();
            tokio::task::spawn_blocking(move || postgres(&url)).await.unwrap_or_else(|e| {
                Finding::problem("database.url", format!("the check stopped: {e}"), "run quizmaster doctor again")
            })
        }
        None => database(&settings.database.path),
    }];
    let platforms = settings.discord.token.is_some() || settings.slack.enabled();
    if !platforms {
        found.push(Finding::ok("platforms", "none configured: `quizmaster` runs the local console quiz"));
    }
    if settings.discord.token.is_some() {
        found.extend(discord(&settings.discord).await);
    }
    if settings.slack.bot_token.is_some() || settings.slack.app_token.is_some() {
        found.extend(slack(&settings.slack).await);
    }
    found.extend(listeners(settings).await);
    found.push(web_link(settings));
    if settings.web.listen.is_some() {
        found.push(page_key(settings));
    }
    found
}

/// The database file: whether it is there, opens, and is a schema this
/// build knows. Never creates it.
pub fn database(path: &Path) -> Finding {
    let shown = path.display();
    if !path.exists() {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Finding::problem(
                "database.path",
                format!("{shown}: the folder {} does not exist", dir.display()),
                "create the folder, or set database.path (QUIZMASTER__DATABASE__PATH) to a file in one that exists",
            );
        }
        return Finding::ok(
            "database.path",
            format!("{shown} does not exist yet; the bot creates it on its first run"),
        );
    }
    match Store::open_reader(path).and_then(|s| s.user_version()) {
        Ok(found) => schema("database.path", &shown, found),
        Err(e) => Finding::problem(
            "database.path",
            format!("{shown} does not open as a Quizmaster database: {e}"),
            "point database.path at the bot's database file, or move this file away to start afresh",
        ),
    }
}

/// A database's schema version: fine, or newer than this build knows.
fn schema(key: &str, shown: &dyn fmt::Display, found: i64) -> Finding {
    if usize::try_from(found).is_ok_and(|f| f > schema_version()) {
        return Finding::problem(
            key,
            format!("{shown} is at schema version {found}, newer than this build knows ({})", schema_version()),
            "run the newer quizmaster that wrote it, or restore a backup made before the upgrade",
        );
    }
    Finding::ok(key, format!("{shown}, schema version {found} of {}", schema_version()))
}

/// PostgreSQL (`database.url`): whether it answers and its schema version.
/// Never migrates. Blocking: the client may not run on an async thread.
fn postgres(url: &SecretString) -> Finding {
    let config = match crate::store::postgres::parse_url(url) {
        Ok(config) => config,
        Err(why) => {
            return Finding::problem(
                "database.url",
                why,
                "write it as postgres://user:password@host:5432/database (QUIZMASTER__DATABASE__URL)",
            );
        }
    };
    let place = crate::store::postgres::describe(&config);
    let version =
        crate::store::postgres::connect(&config).and_then(|mut client| crate::store::postgres::version(&mut client));
    match version {
        Ok(0) => Finding::ok("database.url", format!("{place} answers; the bot creates its tables on its first run")),
        Ok(found) => schema("database.url", &place, found),
        Err(e) => Finding::problem(
            "database.url",
            e.to_string(),
            "start PostgreSQL or fix the host, port, user and password in database.url (QUIZMASTER__DATABASE__URL)",
        ),
    }
}

const DISCORD_TOKEN_FIX: &str = "copy a fresh token (Developer Portal → your application → Bot → Reset Token) \
     into discord.token or QUIZMASTER__DISCORD__TOKEN";

/// Discord: the token (`GET /users/@me`), the application (its invite
/// link) and each configured server.
pub async fn discord(settings: &DiscordSettings) -> Vec<Finding> {
    let Some(token) = &settings.token else { return Vec::new() };
    if let Some(why) = pasted_wrong(token.expose_secret()) {
        return vec![Finding::problem(
            "discord.token",
            format!("the token does not look right: {why}"),
            DISCORD_TOKEN_FIX,
        )];
    }
    let http = crate::platform::discord::http(settings, token);
    let me = match http.get_current_user().await {
        Ok(me) => me,
        Err(e) => return vec![discord_refusal(&e)],
    };
    let mut found = vec![Finding::ok("discord.token", format!("signs in as {} (id {})", me.name, me.id))];
    match http.get_current_application_info().await {
        Ok(app) => found.push(Finding::ok(
            "discord application",
            format!("{} (id {}); add the bot to a server with {}", app.name, app.id, invite_url(app.id.get())),
        )),
        Err(e) => found.push(Finding::problem(
            "discord application",
            format!("GET /oauth2/applications/@me failed: {e}"),
            "check that the token belongs to the application's bot user",
        )),
    }
    if settings.guild_ids.is_empty() {
        return found;
    }
    // The servers the bot is in (the first 200: `guild_ids` is for a few test servers).
    let member_of = match http.get_guilds(None, Some(200)).await {
        Ok(guilds) => guilds,
        Err(e) => {
            found.push(Finding::problem(
                "discord.guild_ids",
                format!("GET /users/@me/guilds failed: {e}"),
                "check the network, then run doctor again",
            ));
            return found;
        }
    };
    for id in &settings.guild_ids {
        let key = format!("discord.guild_ids {id}");
        match member_of.iter().find(|g| g.id.get() == *id) {
            Some(g) => found.push(Finding::ok(key, format!("the bot is in {}", g.name))),
            None => found.push(Finding::problem(
                key,
                "the bot is not in this server, so its commands cannot be registered there",
                "add the bot with the invite link above, or correct the id (Discord: Settings → Advanced → \
                 Developer Mode, then right-click the server → Copy Server ID)",
            )),
        }
    }
    found
}

fn discord_refusal(e: &serenity::Error) -> Finding {
    use serenity::http::HttpError;
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401 => Finding::problem(
            "discord.token",
            "Discord refused the token (401 Unauthorized): it is mistyped or was reset",
            DISCORD_TOKEN_FIX,
        ),
        other => Finding::problem(
            "discord.token",
            format!("Discord did not answer GET /users/@me: {other}"),
            "check the network and discord.api_base_url, then run doctor again",
        ),
    }
}

const SLACK_BOT_FIX: &str = "copy the Bot User OAuth Token (xoxb-…; api.slack.com/apps → your app → OAuth & \
     Permissions) into slack.bot_token or QUIZMASTER__SLACK__BOT_TOKEN";
const SLACK_APP_FIX: &str = "make an app-level token with the connections:write scope (api.slack.com/apps → your \
     app → Basic Information → App-Level Tokens) and put it (xapp-…) in slack.app_token or \
     QUIZMASTER__SLACK__APP_TOKEN";

/// Slack: the bot token (`auth.test`) and, for Socket Mode, the app-level
/// token (`apps.connections.open`, which only hands out a URL).
async fn slack(settings: &SlackSettings) -> Vec<Finding> {
    let base = settings.api_base_url.as_str();
    let mut found = Vec::new();
    if let Some(token) = &settings.bot_token {
        found.push(slack_token(base, "slack.bot_token", token, false).await);
    }
    if let Some(token) = &settings.app_token {
        found.push(slack_token(base, "slack.app_token", token, true).await);
    }
    if settings.app_token.is_none() && settings.signing_secret.is_none() {
        found.push(Finding::problem(
            "slack",
            "neither slack.app_token (Socket Mode) nor slack.signing_secret (HTTP endpoints) is set, so the bot \
             cannot hear commands",
            "for Socket Mode set slack.app_token; for HTTP endpoints set slack.signing_secret (Basic Information \
             → Signing Secret)",
        ));
    }
    found
}

/// A Slack token checked live: the bot token with `auth.test`, an
/// app-level one (`app`) with `apps.connections.open`.
pub async fn slack_token(base: &str, key: &str, token: &SecretString, app: bool) -> Finding {
    let (prefix, fix, method) =
        if app { ("xapp-", SLACK_APP_FIX, "apps.connections.open") } else { ("xoxb-", SLACK_BOT_FIX, "auth.test") };
    let shown = token.expose_secret();
    if let Some(why) = pasted_wrong(shown) {
        return Finding::problem(key, format!("the token does not look right: {why}"), fix);
    }
    if !shown.starts_with(prefix) {
        // Name the kind of a Slack token pasted here by mistake; never show
        // any more of a value than its well-known prefix.
        let kind = ["xoxb-", "xoxp-", "xapp-", "xoxe-"].into_iter().find(|p| shown.starts_with(p));
        let found = match kind {
            Some(kind) => format!("this is a {kind} token; this setting takes a {prefix}… token"),
            None => format!("this is not a Slack token; this setting takes a {prefix}… token"),
        };
        return Finding::problem(key, found, fix);
    }
    let api = WebApi::new(base, token.clone());
    match api.call(method, &json!({})).await {
        Ok(reply) if method == "auth.test" => Finding::ok(
            key,
            format!(
                "signs in as {} in the workspace {}",
                reply["user"].as_str().unwrap_or("?"),
                reply["team"].as_str().unwrap_or("?")
            ),
        ),
        Ok(_) => Finding::ok(key, "Socket Mode connections can be opened"),
        Err(ApiError::Slack { code, .. }) => {
            Finding::problem(key, format!("Slack refused the token ({method}: {code})"), fix)
        }
        Err(e) => Finding::problem(
            key,
            format!("Slack did not answer {method}: {e}"),
            "check the network and slack.api_base_url, then run doctor again",
        ),
    }
}

/// Each address the bot will listen on is free to take.
async fn listeners(settings: &Settings) -> Vec<Finding> {
    let mut wanted = Vec::new();
    if let Some(addr) = settings.web.listen {
        wanted.push(("web.listen", addr));
    }
    if settings.slack.enabled() && settings.slack.serves_http() {
        wanted.push(("slack.listen", settings.slack.listen));
    }
    if let (Some(_), Some(addr)) = (&settings.discord.token, settings.discord.interactions_listen) {
        wanted.push(("discord.interactions_listen", addr));
    }
    let mut found = Vec::new();
    for (key, addr) in wanted {
        found.push(match tokio::net::TcpListener::bind(addr).await {
            Ok(_) => Finding::ok(key, format!("{addr} is free to listen on")),
            Err(e) => Finding::problem(
                key,
                format!("cannot listen on {addr}: {e}"),
                "stop what holds the port (is the bot already running?), or choose another port",
            ),
        });
    }
    found
}

/// The link `/quiz web` gives: it needs the page served and its public address.
fn web_link(settings: &Settings) -> Finding {
    match (&settings.web.listen, &settings.web.public_url) {
        (Some(_), Some(url)) => Finding::ok("web.public_url", format!("/quiz web links start with {url}")),
        (Some(_), None) => Finding::problem(
            "web.public_url",
            "the page is served but has no public address, so /quiz web cannot give a link",
            "set web.public_url to the address members open, such as https://quiz.example.org/",
        ),
        (None, _) => Finding::ok("web.listen", "the web page is off (set web.listen to serve it)"),
    }
}

/// Where page links' key comes from. With PostgreSQL, processes on other
/// machines share the database but not a file, so the key is better set.
fn page_key(settings: &Settings) -> Finding {
    let file = settings.database.path.with_extension("key");
    match (&settings.web.page_key, &settings.database.url) {
        (Some(_), _) => Finding::ok("web.page_key", "set: page links are the same in every process that has it"),
        (None, None) => Finding::ok("web.page_key", format!("page links come from the key in {}", file.display())),
        (None, Some(_)) => Finding::ok(
            "web.page_key",
            format!(
                "page links come from the key file {}; to run more than one process on this database, set \
                 web.page_key (QUIZMASTER__WEB__PAGE_KEY, from `openssl rand -hex 32`) to the same key in each",
                file.display()
            ),
        ),
    }
}
