//! Building the application from settings: the question bank, the database
//! and the service that every adapter shares.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use crate::config::Settings;
use crate::content::{Bank, ContentError, Source};
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

pub fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    let options = store::Options {
        synchronous: settings.database.synchronous,
        busy_timeout: Duration::from_millis(settings.database.busy_timeout_ms),
    };
    let path = &settings.database.path;
    Store::open(path, options).with_context(|| format!("opening database {}", path.display()))
}

pub fn rules(settings: &Settings) -> Rules {
    Rules {
        scoring: settings.quiz.scoring(),
        streak: settings.quiz.streak(),
        default_tz: settings.quiz.tz(),
        max_input_chars: settings.quiz.max_input_chars,
        grace: settings.schedule.grace(),
        default_close: settings.schedule.close(),
        rate: crate::quiz::ratelimit::RateRules {
            burst: settings.quiz.rate_burst,
            per_second: settings.quiz.rate_per_second,
        },
    }
}

/// The bank, the migrated database and the service over them.
pub fn build(settings: &Settings) -> anyhow::Result<Arc<Service>> {
    let bank = load_bank(settings)?;
    let store = open_store(settings)?;
    tracing::info!(items = bank.len(), database = %settings.database.path.display(), "ready");
    Ok(Arc::new(Service::new(store, bank, rules(settings))))
}
