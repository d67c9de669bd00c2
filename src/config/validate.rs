//! Checks on settings that parse but cannot work, each naming its key and
//! how to fix it. Grouped by section, run once at load.

use secrecy::SecretString;
use url::Url;

use super::{Settings, SettingsError, public_key_bytes, token_key_bytes};

/// The levels `log.level` takes, alone or as `target=level`.
const LOG_LEVELS: [&str; 6] = ["error", "warn", "info", "debug", "trace", "off"];

/// Sections of the settings, as an environment variable's first part names them.
const SECTIONS: [&str; 11] =
    ["database", "content", "quiz", "schedule", "log", "console", "slack", "discord", "delivery", "web", "http"];

impl Settings {
    pub(super) fn validate(&self) -> Result<(), SettingsError> {
        self.check_pasted()?;
        self.check_quiz()?;
        self.check_slack()?;
        self.check_urls()?;
        self.check_discord()?;
        self.check_rest()?;
        self.check_log()?;
        self.check_locale()?;
        self.check_admins()
    }

    /// A token or secret pasted with more than itself: quotes, a `Bot `
    /// prefix, spaces. Named with its key and the fix; never shown.
    fn check_pasted(&self) -> Result<(), SettingsError> {
        let secrets = [
            ("discord.token", &self.discord.token),
            ("slack.bot_token", &self.slack.bot_token),
            ("slack.app_token", &self.slack.app_token),
            ("slack.signing_secret", &self.slack.signing_secret),
            ("slack.client_secret", &self.slack.client_secret),
        ];
        for (key, value) in secrets {
            if let Some(why) = value.as_ref().and_then(|v| pasted_wrong(secrecy::ExposeSecret::expose_secret(v))) {
                return Err(SettingsError::BadValue {
                    key,
                    message: format!("{why} (the value is a secret, so it is not shown)"),
                });
            }
        }
        Ok(())
    }

    /// `console.locale` names a language the bot speaks (a region of one
    /// falls back to it).
    pub fn check_locale(&self) -> Result<(), SettingsError> {
        match self.console.locale.as_deref() {
            Some(tag) if crate::i18n::Lang::negotiate(tag).is_none() => {
                let known: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|l| l.tag()).collect();
                Err(SettingsError::BadValue {
                    key: "console.locale",
                    message: format!("`{tag}` is not a language the bot speaks; use one of {}", known.join(", ")),
                })
            }
            _ => Ok(()),
        }
    }

    /// Rates and limits a quiz needs to run.
    fn check_quiz(&self) -> Result<(), SettingsError> {
        if self.quiz.rate_burst == 0 {
            return Err(SettingsError::BadValue { key: "quiz.rate_burst", message: "must be at least 1".into() });
        }
        if !(self.quiz.rate_per_second > 0.0 && self.quiz.rate_per_second.is_finite()) {
            return Err(SettingsError::BadValue {
                key: "quiz.rate_per_second",
                message: "must be a positive number".into(),
            });
        }
        if self.quiz.max_input_chars == 0 {
            return Err(SettingsError::BadValue { key: "quiz.max_input_chars", message: "must be at least 1".into() });
        }
        Ok(())
    }

    /// Slack keys that only work together.
    fn check_slack(&self) -> Result<(), SettingsError> {
        let slack = &self.slack;
        let oauth = [
            ("slack.client_id", slack.client_id.is_some()),
            ("slack.client_secret", slack.client_secret.is_some()),
            ("slack.token_key", slack.token_key.is_some()),
        ];
        if oauth.iter().any(|(_, set)| *set)
            && let Some((key, _)) = oauth.iter().find(|(_, set)| !*set)
        {
            return Err(SettingsError::BadValue {
                key,
                message: "slack.client_id, slack.client_secret and slack.token_key go together (installs by OAuth)"
                    .into(),
            });
        }
        if let Some(key) = &slack.token_key
            && token_key_bytes(key).is_none()
        {
            return Err(SettingsError::BadValue {
                key: "slack.token_key",
                message: "must be 64 hex digits (32 random bytes, e.g. from `openssl rand -hex 32`)".into(),
            });
        }
        let receives = slack.signing_secret.is_some() || slack.app_token.is_some();
        if receives && slack.bot_token.is_none() && !slack.distributed() {
            let with = if slack.app_token.is_some() { "slack.app_token" } else { "slack.signing_secret" };
            return Err(SettingsError::BadValue {
                key: "slack.bot_token",
                message: format!("must be set with {with} (or slack.client_id for installs by OAuth)"),
            });
        }
        if (slack.bot_token.is_some() || slack.distributed()) && !receives {
            return Err(SettingsError::BadValue {
                key: "slack.app_token",
                message: "or slack.signing_secret must be set with slack.bot_token or slack.client_id \
                          (Socket Mode, or the HTTP endpoints)"
                    .into(),
            });
        }
        let prefixed = |token: &Option<SecretString>, prefix: &str| {
            token.as_ref().is_none_or(|t| secrecy::ExposeSecret::expose_secret(t).starts_with(prefix))
        };
        if !prefixed(&slack.app_token, "xapp-") {
            return Err(SettingsError::BadValue {
                key: "slack.app_token",
                message: "must be an app-level token (xapp-…, Basic Information -> App-Level Tokens)".into(),
            });
        }
        Ok(())
    }

    /// Base URLs: http(s) only.
    fn check_urls(&self) -> Result<(), SettingsError> {
        let web = |url: &Url| matches!(url.scheme(), "http" | "https");
        if !web(&self.slack.api_base_url) {
            return Err(SettingsError::BadValue {
                key: "slack.api_base_url",
                message: "must be an http(s) URL".into(),
            });
        }
        if self.web.page_key.as_ref().is_some_and(|k| token_key_bytes(k).is_none()) {
            return Err(SettingsError::BadValue {
                key: "web.page_key",
                message: "must be 64 hex digits (32 random bytes, e.g. from `openssl rand -hex 32`)".into(),
            });
        }
        if self.web.public_url.as_ref().is_some_and(|u| !web(u)) {
            return Err(SettingsError::BadValue { key: "web.public_url", message: "must be an http(s) URL".into() });
        }
        if self.discord.api_base_url.as_ref().is_some_and(|u| !web(u)) {
            return Err(SettingsError::BadValue {
                key: "discord.api_base_url",
                message: "must be an http(s) URL".into(),
            });
        }
        Ok(())
    }

    /// Discord keys that only work together.
    fn check_discord(&self) -> Result<(), SettingsError> {
        if let Some(key) = &self.discord.public_key
            && public_key_bytes(key).is_none()
        {
            return Err(SettingsError::BadValue {
                key: "discord.public_key",
                message:
                    "must be the 64 hex digits of the application's public key (Developer Portal, General Information)"
                        .into(),
            });
        }
        if self.discord.public_key.is_some() != self.discord.interactions_listen.is_some() {
            let (key, other) = if self.discord.public_key.is_some() {
                ("discord.interactions_listen", "discord.public_key")
            } else {
                ("discord.public_key", "discord.interactions_listen")
            };
            return Err(SettingsError::BadValue { key, message: format!("must be set together with {other}") });
        }
        if !self.discord.gateway && self.discord.interactions_listen.is_none() {
            return Err(SettingsError::BadValue {
                key: "discord.gateway",
                message: "can be off only with discord.interactions_listen and discord.public_key set \
                          (else no command would ever arrive)"
                    .into(),
            });
        }
        Ok(())
    }

    /// Delivery rates and the database path.
    fn check_rest(&self) -> Result<(), SettingsError> {
        if self.delivery.concurrency == 0 {
            return Err(SettingsError::BadValue { key: "delivery.concurrency", message: "must be at least 1".into() });
        }
        let rate = |r: f64| r > 0.0 && r.is_finite();
        if !rate(self.discord.requests_per_second) {
            return Err(SettingsError::BadValue {
                key: "discord.requests_per_second",
                message: "must be a positive number".into(),
            });
        }
        if !rate(self.slack.updates_per_minute) {
            return Err(SettingsError::BadValue {
                key: "slack.updates_per_minute",
                message: "must be a positive number".into(),
            });
        }
        if self.database.path.as_os_str().is_empty() {
            return Err(SettingsError::BadValue { key: "database.path", message: "must not be empty".into() });
        }
        self.check_database_url()
    }

    /// `database.url` is a PostgreSQL URL; what is wrong with it is named,
    /// the URL never (it holds the password).
    fn check_database_url(&self) -> Result<(), SettingsError> {
        let Some(url) = &self.database.url else { return Ok(()) };
        let text = secrecy::ExposeSecret::expose_secret(url);
        let problem = if !(text.starts_with("postgres://") || text.starts_with("postgresql://")) {
            Some("must start with postgres:// (postgres://user:password@host:5432/database)".to_string())
        } else {
            Url::parse(text).err().map(|e| format!("does not read as a URL ({e})"))
        };
        match problem {
            Some(message) => Err(SettingsError::BadValue {
                key: "database.url",
                message: format!("{message}; the value holds a password, so it is not shown"),
            }),
            None => Ok(()),
        }
    }

    /// `log.level`: a level, or `target=level` pairs. Anything else would be
    /// read as a target's name and silence every line ("verbose").
    fn check_log(&self) -> Result<(), SettingsError> {
        let bad = self.log.level.split(',').map(str::trim).find(|directive| {
            let level = directive.rsplit_once('=').map_or(*directive, |(_, level)| level);
            !LOG_LEVELS.contains(&level.trim().to_ascii_lowercase().as_str())
        });
        match bad {
            Some(bad) => Err(SettingsError::BadValue {
                key: "log.level",
                message: format!(
                    "`{bad}` is not a log level: use error, warn, info, debug or trace, or target=level pairs \
                     such as quizmaster=debug,info"
                ),
            }),
            None => Ok(()),
        }
    }

    /// `slack.admins`: member IDs (U… or W…), which is what Slack sends; a
    /// name or @handle would make nobody an admin without a word.
    fn check_admins(&self) -> Result<(), SettingsError> {
        match self.slack.admins.iter().find(|id| !is_slack_member_id(id)) {
            Some(bad) => Err(SettingsError::BadValue {
                key: "slack.admins",
                message: format!(
                    "`{bad}` is not a Slack member ID such as U012AB3CD: in Slack, open the member's profile, \
                     then ⋮ (More) -> Copy member ID"
                ),
            }),
            None => Ok(()),
        }
    }
}

/// Where a pasted token went wrong, before it is sent anywhere: quotes or a
/// `Bot ` prefix copied with it, or spaces around it.
pub fn pasted_wrong(token: &str) -> Option<&'static str> {
    let t = token.trim();
    if t.starts_with(['"', '\'']) || t.ends_with(['"', '\'']) {
        Some("it holds quotes: paste the token alone, without the quotes around it")
    } else if t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("bot ")) {
        Some("it starts with `Bot `: paste the token alone; Quizmaster adds the prefix itself")
    } else if t != token || t.is_empty() {
        Some("it has spaces or a line break around it: paste the token alone")
    } else {
        None
    }
}

/// A Slack member ID as Slack sends it: `U012AB3CD` (or `W…` on Enterprise Grid).
pub fn is_slack_member_id(id: &str) -> bool {
    id.len() >= 3 && id.starts_with(['U', 'W']) && id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Environment variables that look meant for Quizmaster but are not read:
/// one underscore between parts (`QUIZMASTER_DISCORD_TOKEN`) where settings
/// take two (`QUIZMASTER__DISCORD__TOKEN`).
pub(super) fn check_env_names<'a>(names: impl IntoIterator<Item = &'a String>) -> Result<(), SettingsError> {
    for name in names {
        let Some(rest) = name.strip_prefix("QUIZMASTER_") else { continue };
        if rest.starts_with('_') {
            continue;
        }
        let lower = rest.to_ascii_lowercase();
        let Some(section) = SECTIONS.iter().find(|s| lower.starts_with(&format!("{s}_"))) else { continue };
        let key = &lower[section.len() + 1..];
        return Err(SettingsError::BadValue {
            key: "environment",
            message: format!(
                "{name} is not read: settings take two underscores between parts, as QUIZMASTER__{}__{}",
                section.to_ascii_uppercase(),
                key.to_ascii_uppercase()
            ),
        });
    }
    Ok(())
}
