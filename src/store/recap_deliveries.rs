//! A recap's delivery: claimed with a lease, marked as being sent, and its
//! outcome (sent, tried again, given up), as `deliveries.rs` does for posts.

use chrono::{DateTime, Utc};

use super::deliveries::Lease;
use super::recaps::{PendingRecap, RECAP_COLUMNS, recap_from_row};
use super::{Result, Store};
use crate::delivery::Problem;
use crate::ids::{Destination, Platform, RecapId, Sendable};

impl Store {
    /// Claims up to `limit` of the platform's recaps due by `now` for
    /// `lease.owner` (as [`Store::claim_deliveries`] does) and returns them.
    pub fn claim_recaps(
        &mut self,
        platform: Platform,
        now: DateTime<Utc>,
        lease: &Lease,
        limit: usize,
    ) -> Result<Vec<PendingRecap>> {
        let now_ms = super::millis(now);
        let until_ms = super::millis(lease.until);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.write(|tx| {
            let skip_locked = tx.row_lock("FOR UPDATE OF r SKIP LOCKED");
            tx.exec(
                &format!(
                    "UPDATE recaps SET lease_owner = ?3, lease_until = ?4 WHERE id IN (
                     SELECT r.id FROM recaps r JOIN channels c ON c.id = r.channel_id JOIN guilds g ON g.id = c.guild_id
                     WHERE r.state IN ('pending', 'sending') AND r.due_at <= ?2 AND g.platform = ?1
                       AND (r.lease_until IS NULL OR r.lease_until <= ?2 OR r.lease_owner = ?3)
                     ORDER BY r.due_at, r.id LIMIT ?5 {skip_locked})"
                ),
                sql_params![platform, now_ms, lease.owner, until_ms, limit],
            )?;
            tx.all(
                &format!(
                    "SELECT {RECAP_COLUMNS}, r.state, g.external_id, c.external_id, COALESCE(g.language, g.locale)
                     FROM recaps r JOIN channels c ON c.id = r.channel_id JOIN guilds g ON g.id = c.guild_id
                     WHERE r.lease_owner = ?2 AND r.lease_until = ?3 AND r.state IN ('pending', 'sending')
                       AND g.platform = ?1
                     ORDER BY r.due_at, r.id"
                ),
                sql_params![platform, lease.owner, until_ms],
                |r| {
                    Ok(PendingRecap {
                        recap: recap_from_row(r)?,
                        interrupted: r.get::<String>(7)? == "sending",
                        to: Destination { platform, guild: r.get(8)?, channel: r.get(9)? },
                        lang: super::languages::shown_lang(r.get(10)?),
                    })
                },
            )
        })
    }

    pub(super) fn recap_started(&mut self, id: RecapId, lease: &Lease) -> Result<bool> {
        Ok(self.exec(
            "UPDATE recaps SET state = 'sending', attempts = attempts + 1, lease_until = ?3
             WHERE id = ?1 AND lease_owner = ?2 AND state IN ('pending', 'sending')",
            sql_params![id, lease.owner, super::millis(lease.until)],
        )? == 1)
    }

    pub(super) fn recap_attempts(&self, id: RecapId) -> Result<u32> {
        Ok(self.opt("SELECT attempts FROM recaps WHERE id = ?1", sql_params![id], |r| r.get(0))?.unwrap_or(0))
    }

    /// Marks a recap sent (or cut off, with that said) and clears its
    /// channel's problem; returns the problem cleared.
    pub(super) fn recap_done(&mut self, id: RecapId, note: Option<&str>) -> Result<Option<Problem>> {
        self.write(|tx| {
            tx.exec(
                "UPDATE recaps SET state = 'sent', error = ?2, lease_owner = NULL, lease_until = NULL WHERE id = ?1",
                sql_params![id, note],
            )?;
            if note.is_some() {
                return Ok(None);
            }
            super::deliveries::clear_problem(tx, Sendable::Recap(id))
        })
    }

    pub(super) fn recap_retry(&mut self, id: RecapId, due_ms: i64, error: &str) -> Result<()> {
        self.exec(
            "UPDATE recaps SET state = 'pending', due_at = ?2, error = ?3, lease_owner = NULL, lease_until = NULL
             WHERE id = ?1",
            sql_params![id, due_ms, error],
        )?;
        Ok(())
    }

    pub(super) fn recap_failed(&mut self, id: RecapId, error: &str, problem: Option<(Problem, i64)>) -> Result<bool> {
        self.write(|tx| {
            tx.exec(
                "UPDATE recaps SET state = 'failed', error = ?2, lease_owner = NULL, lease_until = NULL WHERE id = ?1",
                sql_params![id, error],
            )?;
            let Some((problem, at_ms)) = problem else { return Ok(false) };
            super::deliveries::mark_problem(tx, Sendable::Recap(id), problem, error, at_ms)
        })
    }
}
