//! Reading settings: `bot.toml` (or `--config`), then `QUIZMASTER__*`
//! environment variables over it, checked once into [`Settings`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Settings, SettingsError, validate};

/// Where settings come from.
#[derive(Debug, Default)]
pub struct Sources {
    /// `--config`: must exist when given. Otherwise `./bot.toml` is read if present.
    pub file: Option<PathBuf>,
    /// The environment to read `QUIZMASTER__*` from; `None` reads the process's.
    pub env: Option<HashMap<String, String>>,
}

const DEFAULT_FILE: &str = "bot.toml";
const ENV_PREFIX: &str = "QUIZMASTER";

impl Settings {
    pub fn load(sources: Sources) -> Result<Settings, SettingsError> {
        let mut builder = config::Config::builder();
        let file = match &sources.file {
            Some(path) if !path.exists() => return Err(SettingsError::Missing(path.clone())),
            Some(path) => Some(path.clone()),
            None if Path::new(DEFAULT_FILE).exists() => Some(PathBuf::from(DEFAULT_FILE)),
            None => None,
        };
        if let Some(path) = &file {
            builder = builder.add_source(file_source(path)?);
        }
        match &sources.env {
            Some(vars) => validate::check_env_names(vars.keys())?,
            None => validate::check_env_names(std::env::vars().map(|(k, _)| k).collect::<Vec<_>>().iter())?,
        }
        let env = config::Environment::with_prefix(ENV_PREFIX)
            .prefix_separator("__")
            .separator("__")
            .try_parsing(true)
            .list_separator(",")
            .with_list_parse_key("content.dirs")
            .with_list_parse_key("slack.admins")
            .with_list_parse_key("discord.guild_ids")
            .source(sources.env);
        let built = builder.add_source(env).build().map_err(|e| SettingsError::Invalid(without_source_lines(&e)))?;
        let mut unknown = Vec::new();
        let settings: Settings = serde_ignored::deserialize(built, |path| unknown.push(with_guess(&path.to_string())))
            .map_err(|e: config::ConfigError| SettingsError::Invalid(e.to_string()))?;
        if !unknown.is_empty() {
            return Err(SettingsError::UnknownKeys(unknown));
        }
        settings.validate()?;
        let mut settings = settings;
        if let Some(path) = file.filter(|p| readable_by_others(p) && holds_secrets(p)) {
            settings.warnings.push(format!(
                "config file {} holds secrets and other users of this machine can read it; make it private: chmod \
                 600 {}",
                path.display(),
                path.display()
            ));
        }
        Ok(settings)
    }
}

/// An unknown key as named in the error, with the key it most likely meant:
/// "`discord.tokne` (did you mean `discord.token`?)".
fn with_guess(path: &str) -> String {
    let keys = known_keys();
    match crate::quiz::closest::closest_name(path, keys.iter().map(String::as_str)) {
        Some(guess) => format!("`{path}` (did you mean `{guess}`?)"),
        None => format!("`{path}`"),
    }
}

/// Every key `bot.toml.example` names (set or commented out), as
/// `section.key`: the keys a mistyped one is matched against.
fn known_keys() -> Vec<String> {
    let mut section = "";
    let mut keys = Vec::new();
    for line in include_str!("../../bot.toml.example").lines() {
        let line = line.trim_start_matches('#').trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
        } else if let Some((key, _)) = line.split_once(" = ")
            && !section.is_empty()
            && !key.is_empty()
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        {
            keys.push(format!("{section}.{key}"));
        }
    }
    keys
}

/// Whether users other than the owner may read the file.
fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether the file sets a secret: a token, a secret or a token key.
fn holds_secrets(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    let Ok(table) = text.parse::<toml::Table>() else { return false };
    let secret = |section: &str, keys: &[&str]| {
        table.get(section).and_then(|s| s.as_table()).is_some_and(|s| keys.iter().any(|k| s.contains_key(*k)))
    };
    secret("discord", &["token"])
        || secret("database", &["url"])
        || secret("web", &["page_key"])
        || secret("slack", &["bot_token", "app_token", "signing_secret", "client_secret", "token_key"])
}

/// The settings file, unless any user may change it.
fn file_source(path: &Path) -> Result<config::File<config::FileSourceFile, config::FileFormat>, SettingsError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o002 != 0
        {
            let mode = meta.permissions().mode() & 0o777;
            return Err(SettingsError::WritableByOthers { path: path.to_path_buf(), mode });
        }
    }
    Ok(config::File::from(path).format(config::FileFormat::Toml).required(true))
}

/// A parse error without the lines of the file it quotes (`2 | token = "…`):
/// the line may hold a secret. Its line and column numbers stay.
fn without_source_lines(e: &config::ConfigError) -> String {
    e.to_string()
        .lines()
        .filter(|line| {
            let t = line.trim_start();
            let gutter = t.trim_start_matches(|c: char| c.is_ascii_digit());
            !(gutter.trim_start().starts_with('|'))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
