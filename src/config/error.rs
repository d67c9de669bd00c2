//! What is wrong with the settings, naming the key or the file.

use std::path::PathBuf;

/// A configuration problem, naming the key or file.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("config file {0} does not exist")]
    Missing(PathBuf),
    #[error("{0}")]
    Invalid(String),
    #[error("unknown configuration key{}: {}", if .0.len() == 1 { "" } else { "s" }, .0.join(", "))]
    UnknownKeys(Vec<String>),
    #[error("configuration key `{key}`: {message}")]
    BadValue { key: &'static str, message: String },
    #[error(
        "config file {} can be changed by any user of this machine (mode {mode:o}): whoever changes it runs the bot \
         with their settings. Make it private: chmod 600 {}",
        .path.display(), .path.display()
    )]
    WritableByOthers { path: PathBuf, mode: u32 },
}
