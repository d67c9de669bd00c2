//! Display names as Slack shows them, from `users.info` (the `user_name`
//! that commands carry is deprecated and is the handle, not the name).
//! Names are cached per workspace and user and looked up again at most
//! daily. A command uses the cached name, else the one in its payload; a
//! user not looked up lately is looked up after their command, in the
//! background and paced per workspace (users.info is Tier 4), and the
//! stored name is updated, so boards show what Slack shows.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::PLATFORM;
use super::install::Workspaces;
use super::web_api::ApiError;
use crate::i18n::Lang;
use crate::platform::pacing::Pacer;
use crate::scheduler::Clock;
use crate::service::Service;

/// How long a looked-up name is trusted.
const REFRESH: Duration = Duration::from_secs(24 * 60 * 60);
/// users.info calls a second per workspace for names (Tier 4: 100+ a
/// minute, shared with the admin checks below).
const LOOKUPS_PER_SECOND: f64 = 0.6;
/// users.info calls a second per workspace for admin checks: their own
/// pace, so a morning of name lookups never delays one.
const ADMIN_CHECKS_PER_SECOND: f64 = 1.0;
/// How long an admin check may wait for its turn and its answer.
const ADMIN_CHECK_WITHIN: Duration = Duration::from_millis(1500);
/// How long a user's admin flag is trusted (by the bot's clock): a demoted
/// workspace admin loses admin commands within this, not at the next restart.
const ADMIN_TRUST: chrono::Duration = chrono::Duration::minutes(10);
/// After an admin check that got no answer in time, the user is taken as
/// no admin for this long without another call: a flood of admin commands
/// from one member costs at most one call in this time.
const AFTER_FAILED_CHECK: chrono::Duration = chrono::Duration::seconds(30);
/// After a failed lookup (a missing scope, say), the user is not looked up
/// again for this long.
const AFTER_FAILURE: Duration = Duration::from_secs(60 * 60);
/// Lookups waiting at once, at most; more are skipped until a later command.
const MAX_WAITING: usize = 1000;

type Key = (String, String);

/// A looked-up user: their name, whether a workspace admin or owner, and
/// when (by the monotonic clock, for the name; by the bot's clock, for the
/// flag), and their language if it is one we speak.
type Known = (String, bool, Instant, DateTime<Utc>, Option<Lang>);

/// What one users.info call tells: the name, the admin flag, the language.
type Found = (String, bool, Option<Lang>);

pub struct Names {
    workspaces: Arc<Workspaces>,
    clock: Arc<dyn Clock>,
    cache: Mutex<HashMap<Key, Known>>,
    /// Admin checks that got no answer in time, and when.
    failed_checks: Mutex<HashMap<Key, DateTime<Utc>>>,
    looking: Mutex<HashSet<Key>>,
    failed: Mutex<HashMap<Key, Instant>>,
    pace: Pacer<String>,
    admin_pace: Pacer<String>,
    /// Admin checks under way: a second one for the same user is refused at
    /// once instead of queueing (a flood from one member takes one turn).
    checking: Mutex<HashSet<Key>>,
}

impl Names {
    pub fn new(workspaces: Arc<Workspaces>, clock: Arc<dyn Clock>) -> Names {
        Names {
            workspaces,
            clock,
            cache: Mutex::default(),
            failed_checks: Mutex::default(),
            looking: Mutex::default(),
            failed: Mutex::default(),
            pace: Pacer::new(LOOKUPS_PER_SECOND),
            admin_pace: Pacer::new(ADMIN_CHECKS_PER_SECOND),
            checking: Mutex::default(),
        }
    }

    /// The name users.info gave for this user, if looked up.
    pub fn get(&self, team: &str, user: &str) -> Option<String> {
        let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        cache.get(&(team.to_string(), user.to_string())).map(|(name, ..)| name.clone())
    }

    /// The user's language as users.info gave it (`include_locale`), if
    /// looked up and one we speak.
    pub fn locale(&self, team: &str, user: &str) -> Option<Lang> {
        let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        cache.get(&(team.to_string(), user.to_string())).and_then(|(.., lang)| *lang)
    }

    /// Whether users.info says the user is an admin or owner of the
    /// workspace, as known within [`ADMIN_TRUST`]; else looked up now, in
    /// the admin checks' own turn, if that turn comes soon enough.
    pub async fn is_workspace_admin(&self, team: &str, user: &str) -> bool {
        let key = (team.to_string(), user.to_string());
        let now = self.clock.now();
        if let Some((_, admin, _, at, _)) = self.cache.lock().unwrap_or_else(PoisonError::into_inner).get(&key)
            && now - *at < ADMIN_TRUST
        {
            return *admin;
        }
        if self
            .failed_checks
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .is_some_and(|at| now - *at < AFTER_FAILED_CHECK)
        {
            return false;
        }
        if !self.checking.lock().unwrap_or_else(PoisonError::into_inner).insert(key.clone()) {
            return false;
        }
        let started = Instant::now();
        let checked = async {
            if !self.admin_pace.try_wait(&key.0, ADMIN_CHECK_WITHIN).await {
                return None;
            }
            let left = ADMIN_CHECK_WITHIN.saturating_sub(started.elapsed());
            tokio::time::timeout(left, self.fetch(team, user)).await.ok()?.ok()?
        };
        let found = checked.await;
        self.checking.lock().unwrap_or_else(PoisonError::into_inner).remove(&key);
        match found {
            Some((name, admin, lang)) => {
                self.failed_checks.lock().unwrap_or_else(PoisonError::into_inner).remove(&key);
                let entry = (name, admin, Instant::now(), self.clock.now(), lang);
                self.cache.lock().unwrap_or_else(PoisonError::into_inner).insert(key, entry);
                admin
            }
            None => {
                // No answer: the old flag is not trusted either.
                if let Some(entry) = self.cache.lock().unwrap_or_else(PoisonError::into_inner).get_mut(&key) {
                    entry.1 = false;
                }
                let mut failed = self.failed_checks.lock().unwrap_or_else(PoisonError::into_inner);
                if failed.len() >= MAX_WAITING {
                    failed.retain(|_, at| now - *at < AFTER_FAILED_CHECK);
                }
                failed.insert(key, now);
                false
            }
        }
    }

    /// Looks the user up in the background unless done lately (or under
    /// way), then stores the name for the boards.
    pub fn refresh(self: &Arc<Self>, service: &Arc<Service>, team: &str, user: &str) {
        let key = (team.to_string(), user.to_string());
        let fresh = self
            .cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .is_some_and(|(_, _, at, ..)| at.elapsed() < REFRESH);
        let failed_lately = self
            .failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .is_some_and(|at| at.elapsed() < AFTER_FAILURE);
        if fresh || failed_lately {
            return;
        }
        {
            let mut looking = self.looking.lock().unwrap_or_else(PoisonError::into_inner);
            if looking.len() >= MAX_WAITING || !looking.insert(key.clone()) {
                return;
            }
        }
        let (names, service) = (Arc::clone(self), Arc::clone(service));
        tokio::spawn(async move {
            let looked_up = names.look_up(&key.0, &key.1).await;
            names.looking.lock().unwrap_or_else(PoisonError::into_inner).remove(&key);
            match looked_up {
                Ok(Some((name, admin, lang))) => {
                    names
                        .cache
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(key.clone(), (name.clone(), admin, Instant::now(), names.clock.now(), lang));
                    if let Err(e) = service.rename_user(PLATFORM, key.1.clone(), name).await {
                        tracing::warn!(user = %key.1, error = %e, "could not store a Slack display name");
                    }
                }
                Ok(None) => {
                    tracing::debug!(user = %key.1, "users.info gave no name");
                    names.failed.lock().unwrap_or_else(PoisonError::into_inner).insert(key, Instant::now());
                }
                Err(e) => {
                    tracing::warn!(user = %key.1, error = %e, "users.info failed; keeping the name we have for an hour");
                    names.failed.lock().unwrap_or_else(PoisonError::into_inner).insert(key, Instant::now());
                }
            }
        });
    }

    /// The user's name and whether they administer the workspace, in the
    /// name lookups' turn (a rate limit waited out).
    async fn look_up(&self, team: &str, user: &str) -> Result<Option<Found>, ApiError> {
        let wait_of = |e: &ApiError| match e {
            ApiError::RateLimited(wait) => Some(*wait),
            _ => None,
        };
        self.pace.call(&team.to_string(), wait_of, || self.fetch(team, user)).await
    }

    /// One users.info call: the user's name, whether they administer the
    /// workspace, and their language (Slack's `locale`, such as `pt-BR`).
    async fn fetch(&self, team: &str, user: &str) -> Result<Option<Found>, ApiError> {
        let Some(workspace) = self.workspaces.get(team).await else { return Ok(None) };
        let v = workspace.api.get("users.info", &[("user", user), ("include_locale", "true")]).await?;
        let u = &v["user"];
        let admin = [&u["is_admin"], &u["is_owner"], &u["is_primary_owner"]].iter().any(|f| f.as_bool() == Some(true));
        let lang = u["locale"].as_str().and_then(Lang::negotiate);
        Ok(display_name(u).map(|name| (name, admin, lang)))
    }
}

/// What Slack shows for a user: the display name, else the full name, else
/// the handle.
fn display_name(user: &Value) -> Option<String> {
    [&user["profile"]["display_name"], &user["profile"]["real_name"], &user["real_name"], &user["name"]]
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_display_name_wins_then_the_full_name_then_the_handle() {
        let user = json!({"name": "ann", "real_name": "Ann Lee", "profile": {"display_name": "annie", "real_name": "Ann Lee"}});
        assert_eq!(display_name(&user).as_deref(), Some("annie"));
        let user =
            json!({"name": "ann", "real_name": "Ann Lee", "profile": {"display_name": " ", "real_name": "Ann Lee"}});
        assert_eq!(display_name(&user).as_deref(), Some("Ann Lee"));
        assert_eq!(display_name(&json!({"name": "ann", "profile": {}})).as_deref(), Some("ann"));
        assert_eq!(display_name(&json!({})), None);
    }
}
