//! Workspaces that installed the app through OAuth, and the single-use
//! `state` values of installs under way. Tokens arrive here sealed; the
//! store never sees one in clear.

use chrono::{DateTime, Utc};

use super::{Result, Store};
use crate::ids::Platform;

/// One installation of the app in a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installation {
    pub platform: Platform,
    pub team: String,
    pub enterprise: Option<String>,
    pub team_name: String,
    pub bot_user: String,
    /// Who installed it: an admin there.
    pub installer: String,
    /// The bot token, sealed by the adapter.
    pub token_sealed: Vec<u8>,
    pub installed_at: DateTime<Utc>,
}

impl Store {
    /// Stores (or replaces, on a reinstall) an installation.
    pub fn save_installation(&mut self, i: &Installation) -> Result<()> {
        self.exec(
            "INSERT INTO installations (platform, team_id, enterprise_id, team_name, bot_user_id, installer_id,
                                        token_sealed, installed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (platform, team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id,
                 team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
                 installer_id = excluded.installer_id, token_sealed = excluded.token_sealed,
                 installed_at = excluded.installed_at",
            sql_params![
                i.platform,
                i.team,
                i.enterprise,
                i.team_name,
                i.bot_user,
                i.installer,
                i.token_sealed,
                super::Ms(i.installed_at)
            ],
        )?;
        Ok(())
    }

    pub fn installation(&self, platform: Platform, team: &str) -> Result<Option<Installation>> {
        self.opt(
            "SELECT enterprise_id, team_name, bot_user_id, installer_id, token_sealed, installed_at
                 FROM installations WHERE platform = ?1 AND team_id = ?2",
            sql_params![platform, team],
            |r| {
                Ok(Installation {
                    platform,
                    team: team.to_string(),
                    enterprise: r.get(0)?,
                    team_name: r.get(1)?,
                    bot_user: r.get(2)?,
                    installer: r.get(3)?,
                    token_sealed: r.get(4)?,
                    installed_at: r.get::<super::Ms>(5)?.0,
                })
            },
        )
    }

    /// Forgets an installation (uninstalled, or its tokens revoked) and
    /// pauses the workspace's schedules; its players, answers and boards
    /// stay. True if it was installed.
    pub fn remove_installation(&mut self, platform: Platform, team: &str) -> Result<bool> {
        self.write(|tx| {
            let removed = tx
                .exec("DELETE FROM installations WHERE platform = ?1 AND team_id = ?2", sql_params![platform, team])?
                > 0;
            tx.exec(
                "UPDATE schedules SET paused = 1 WHERE channel_id IN (
                     SELECT c.id FROM channels c JOIN guilds g ON g.id = c.guild_id
                     WHERE g.platform = ?1 AND g.external_id = ?2)",
                sql_params![platform, team],
            )?;
            Ok(removed)
        })
    }

    /// Uses up a signed install state's nonce: true only the first time.
    /// Nonces older than `max_age` (their states have expired, so no
    /// callback can bring them again) are cleared on the way.
    pub fn take_oauth_state(&mut self, nonce: &str, now: DateTime<Utc>, max_age: chrono::Duration) -> Result<bool> {
        let max_age_ms = max_age.num_milliseconds();
        let now_ms = super::millis(now);
        self.write(|tx| {
            tx.exec("DELETE FROM oauth_states WHERE created_at < ?1", sql_params![now_ms - max_age_ms])?;
            let added = tx.exec(
                "INSERT INTO oauth_states (state, created_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                sql_params![nonce, now_ms],
            )?;
            Ok(added == 1)
        })
    }
}
