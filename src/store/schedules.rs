//! Channel schedules and category filters.

use super::db::Row;
use chrono::{DateTime, NaiveDate, Utc};

use super::{ChannelId, GuildId, Ms, Platform, Result, Store};
use crate::quiz::discussion::ScheduleKind;
use crate::quiz::schedule::{Close, Days, Occurrence, Pending, Rule, parse_time};

/// A channel's schedule: its rule, whether it is paused, and where it
/// stands (the next occurrence to act on, a date an admin skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSchedule {
    pub rule: Rule,
    pub paused: bool,
    pub pending: Pending,
    /// What it posts: a quiz, a discussion, or each in turn.
    pub kind: ScheduleKind,
}

const COLUMNS: &str = "local_time, timezone, days, close_minutes, paused, skip_date, next_at, next_date, kind";

/// A schedule row, or `None` when it no longer reads (a zone this build
/// does not know, say); the caller pauses it.
fn from_row(r: &Row<'_>) -> Result<Option<StoredSchedule>> {
    let (time, zone, bits): (String, String, u8) = (r.get(0)?, r.get(1)?, r.get(2)?);
    let (skip, next_date): (Option<String>, String) = (r.get(5)?, r.get(7)?);
    let parsed = || {
        let rule = Rule {
            time: parse_time(&time).ok()?,
            tz: zone.parse().ok()?,
            days: Days::from_bits(bits)?,
            close: Close::from_minutes(r.get(3).ok()?),
        };
        let skip = match skip.as_deref() {
            Some(d) => Some(d.parse::<NaiveDate>().ok()?),
            None => None,
        };
        let next = Occurrence { date: next_date.parse().ok()?, at: r.get::<Ms>(6).ok()?.0 };
        let kind = ScheduleKind::parse(&r.get::<String>(8).ok()?)?;
        Some(StoredSchedule { rule, paused: r.get(4).ok()?, pending: Pending { next, skip }, kind })
    };
    let found = parsed();
    if found.is_none() {
        tracing::error!(timezone = %zone, time = %time, days = bits, "a schedule row that no longer reads");
    }
    Ok(found)
}

impl Store {
    /// Creates or replaces a channel's schedule.
    pub fn set_schedule(&mut self, channel: ChannelId, s: &StoredSchedule) -> Result<()> {
        self.exec(
            &format!(
                "INSERT INTO schedules (channel_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (channel_id) DO UPDATE SET local_time = excluded.local_time, timezone = excluded.timezone,
                 days = excluded.days, close_minutes = excluded.close_minutes, paused = excluded.paused,
                 skip_date = excluded.skip_date, next_at = excluded.next_at, next_date = excluded.next_date,
                 kind = excluded.kind"
            ),
            sql_params![
                channel,
                s.rule.time.format("%H:%M").to_string(),
                s.rule.tz.name(),
                s.rule.days.bits(),
                s.rule.close.minutes(),
                i64::from(s.paused),
                s.pending.skip.map(|d| d.to_string()),
                Ms(s.pending.next.at),
                s.pending.next.date.to_string(),
                s.kind.as_str()
            ],
        )?;
        Ok(())
    }

    /// The channel's schedule; `None` without one, or when its row no
    /// longer reads (logged; setting a schedule replaces it).
    pub fn schedule(&self, channel: ChannelId) -> Result<Option<StoredSchedule>> {
        Ok(self
            .opt(&format!("SELECT {COLUMNS} FROM schedules WHERE channel_id = ?1"), sql_params![channel], from_row)?
            .flatten())
    }

    /// Pauses a channel's schedule, readable or not.
    pub fn pause_schedule(&mut self, channel: ChannelId) -> Result<()> {
        self.exec("UPDATE schedules SET paused = 1 WHERE channel_id = ?1", sql_params![channel])?;
        Ok(())
    }

    /// Running schedules whose next occurrence is due by `now`; `None` for
    /// a row that no longer reads.
    pub fn due_schedules(&self, now: DateTime<Utc>) -> Result<Vec<(ChannelId, Option<StoredSchedule>)>> {
        self.all(
            &format!(
                "SELECT {COLUMNS}, channel_id FROM schedules WHERE paused = 0 AND next_at <= ?1 ORDER BY next_at, channel_id"
            ),
            sql_params![Ms(now)],
            |r| Ok((r.get::<ChannelId>(9)?, from_row(r)?)),
        )
    }

    /// The earliest instant anything is due for `platform`'s scheduler: a
    /// scheduled post, a close (any platform's loop may carry those out), or
    /// one of its deliveries waiting to be sent (a reveal once its question
    /// is out), a recap due.
    pub fn next_wake(&self, platform: Platform) -> Result<Option<DateTime<Utc>>> {
        // A delivery another process holds is due again when its lease runs out.
        self.one(
            "SELECT MIN(t) FROM (SELECT MIN(next_at) AS t FROM schedules WHERE paused = 0
                            UNION ALL SELECT MIN(closes_at) FROM posts WHERE state = 'open'
                            UNION ALL SELECT MIN(CASE WHEN d.lease_until > d.due_at THEN d.lease_until ELSE d.due_at END)
                              FROM deliveries d JOIN posts p ON p.id = d.post_id JOIN channels c ON c.id = p.channel_id
                              JOIN guilds g ON g.id = c.guild_id
                              WHERE d.state IN ('pending', 'sending') AND g.platform = ?1
                                AND NOT (d.part = 'reveal' AND EXISTS (SELECT 1 FROM deliveries q
                                    WHERE q.post_id = d.post_id AND q.part = 'question'
                                      AND q.state IN ('pending', 'sending')))
                            UNION ALL SELECT MIN(next_at) FROM recap_schedules
                            UNION ALL SELECT MIN(CASE WHEN r.lease_until > r.due_at THEN r.lease_until ELSE r.due_at END)
                              FROM recaps r JOIN channels c ON c.id = r.channel_id JOIN guilds g ON g.id = c.guild_id
                              WHERE r.state IN ('pending', 'sending') AND g.platform = ?1) AS due",
            sql_params![platform],
            |r| Ok(r.get::<Option<Ms>>(0)?.map(|m| m.0)),
        )
    }

    /// The role or user group the channel's daily post mentions.
    pub fn channel_ping(&self, channel: ChannelId) -> Result<Option<String>> {
        self.one("SELECT ping_role FROM channels WHERE id = ?1", sql_params![channel], |r| r.get(0))
    }

    pub fn set_channel_ping(&mut self, channel: ChannelId, role: Option<&str>) -> Result<()> {
        self.exec("UPDATE channels SET ping_role = ?2 WHERE id = ?1", sql_params![channel, role])?;
        Ok(())
    }

    /// Whether the channel's daily questions open a discussion thread.
    pub fn channel_threads(&self, channel: ChannelId) -> Result<bool> {
        self.one("SELECT threads FROM channels WHERE id = ?1", sql_params![channel], |r| r.get(0))
    }

    pub fn set_channel_threads(&mut self, channel: ChannelId, on: bool) -> Result<()> {
        self.exec("UPDATE channels SET threads = ?2 WHERE id = ?1", sql_params![channel, i64::from(on)])?;
        Ok(())
    }

    /// The server a channel belongs to.
    pub fn channel_guild(&self, channel: ChannelId) -> Result<GuildId> {
        self.one("SELECT guild_id FROM channels WHERE id = ?1", sql_params![channel], |r| r.get(0))
    }

    /// The categories a channel's daily questions are drawn from, as an
    /// admin set them (empty: all).
    pub fn channel_categories(&self, channel: ChannelId) -> Result<Vec<String>> {
        let stored: Option<String> =
            self.one("SELECT categories FROM channels WHERE id = ?1", sql_params![channel], |r| r.get(0))?;
        Ok(stored.map(|c| c.split(',').filter(|c| !c.is_empty()).map(str::to_string).collect()).unwrap_or_default())
    }

    /// Sets them; empty clears the filter. (Stored as one comma-separated
    /// text: a category name is a slug, which holds no comma.)
    pub fn set_channel_categories(&mut self, channel: ChannelId, categories: &[String]) -> Result<()> {
        let joined = (!categories.is_empty()).then(|| categories.join(","));
        self.exec("UPDATE channels SET categories = ?2 WHERE id = ?1", sql_params![channel, joined])?;
        Ok(())
    }
}

impl Store {
    /// Takes the slot `key` at `now` if it was last taken at least `every`
    /// ago (by this process or any other on the database): `None` when
    /// taken, else how long until it frees.
    pub fn claim_slot(
        &mut self,
        key: &str,
        every: std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<Option<std::time::Duration>> {
        let every_ms = i64::try_from(every.as_millis()).unwrap_or(i64::MAX);
        let now_ms = super::millis(now);
        self.write(|tx| {
            // Taken in one statement, so that two processes on one
            // PostgreSQL database can never both take it.
            let taken = tx.opt(
                "INSERT INTO start_slots (key, last_at) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET last_at = excluded.last_at WHERE start_slots.last_at <= ?3
                 RETURNING last_at",
                sql_params![key, now_ms, now_ms.saturating_sub(every_ms)],
                |r| r.get::<i64>(0),
            )?;
            if taken.is_some() {
                return Ok(None);
            }
            let last: i64 = tx.one("SELECT last_at FROM start_slots WHERE key = ?1", sql_params![key], |r| r.get(0))?;
            // A slot taken "in the future" (a clock stepped back) frees after one period.
            let wait = last.min(now_ms).saturating_add(every_ms) - now_ms;
            Ok(Some(std::time::Duration::from_millis(u64::try_from(wait.max(1)).unwrap_or(1))))
        })
    }
}
