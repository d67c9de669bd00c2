//! Weekly recaps (their schedules, their deliveries and the week's figures)
//! and the tokens of the servers' web pages.

use super::db::{Conn, Row};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{ChannelId, Day, GuildId, Ms, Result, Store, zone_named};
use crate::ids::{Destination, Platform, RecapId};
use crate::quiz::leaderboard::Standing;

/// A channel's recap schedule as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecapSchedule {
    /// 0 is Monday.
    pub weekday: u8,
    pub local_time: NaiveTime,
    pub timezone: Tz,
    pub next_at: DateTime<Utc>,
    pub next_date: NaiveDate,
}

/// A recap to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recap {
    pub id: RecapId,
    pub channel: ChannelId,
    pub guild: GuildId,
    pub local_date: NaiveDate,
    /// The first day of the week it covers.
    pub week_start: NaiveDate,
    /// Answers up to this instant count.
    pub until: DateTime<Utc>,
    pub timezone: Tz,
}

/// A recap waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRecap {
    pub recap: Recap,
    pub to: Destination,
    pub interrupted: bool,
    /// The server's language, which the channel sees.
    pub lang: crate::i18n::Lang,
}

/// One revealed daily question in a period, and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRow {
    pub local_date: NaiveDate,
    pub item_id: String,
    pub posted_at: DateTime<Utc>,
    pub answered: u32,
    pub right: u32,
}

/// Which daily questions a figure covers: a server's, or one channel's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Guild(GuildId),
    Channel(ChannelId),
}

impl Scope {
    /// `(?n IS NULL OR c.guild_id = ?n) AND (?m IS NULL OR c.id = ?m)` binds.
    fn binds(self) -> (Option<GuildId>, Option<ChannelId>) {
        match self {
            Scope::Guild(g) => (Some(g), None),
            Scope::Channel(c) => (None, Some(c)),
        }
    }
}

/// A [`QuestionRow`] from `local_date, item_id, posted_at, answered, right`.
fn question_from_row(r: &Row<'_>) -> Result<QuestionRow> {
    Ok(QuestionRow {
        local_date: r.get::<Day>(0)?.0,
        item_id: r.get(1)?,
        posted_at: r.get::<Ms>(2)?.0,
        answered: r.get(3)?,
        right: r.get(4)?,
    })
}

/// A [`StoredRecapSchedule`] from `weekday, local_time, timezone, next_at,
/// next_date` starting at column `at`; `None` when it no longer reads.
fn recap_schedule_from_row(r: &Row<'_>, at: usize) -> Result<Option<StoredRecapSchedule>> {
    let (time, zone, date): (String, String, String) = (r.get(at + 1)?, r.get(at + 2)?, r.get(at + 4)?);
    let parsed = || {
        Some(StoredRecapSchedule {
            weekday: r.get(at).ok()?,
            local_time: crate::quiz::schedule::parse_time(&time).ok()?,
            timezone: zone_named(&zone)?,
            next_at: r.get::<Ms>(at + 3).ok()?.0,
            next_date: date.parse().ok()?,
        })
    };
    Ok(parsed())
}

const SCOPED: &str = "(CAST(?1 AS BIGINT) IS NULL OR c.guild_id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR c.id = ?2)";

pub(super) const RECAP_COLUMNS: &str =
    "r.id, r.channel_id, c.guild_id, r.local_date, r.week_start, r.until, r.timezone";

pub(super) fn recap_from_row(r: &Row<'_>) -> Result<Recap> {
    Ok(Recap {
        id: r.get(0)?,
        channel: r.get(1)?,
        guild: r.get(2)?,
        local_date: r.get::<Day>(3)?.0,
        week_start: r.get::<Day>(4)?.0,
        until: r.get::<Ms>(5)?.0,
        timezone: zone_named(&r.get::<String>(6)?).unwrap_or_else(|| {
            tracing::warn!("a recap's zone is not one this build knows; it is shown in UTC");
            Tz::UTC
        }),
    })
}

impl Store {
    pub fn set_recap_schedule(&mut self, channel: ChannelId, s: Option<&StoredRecapSchedule>) -> Result<()> {
        match s {
            None => self.exec("DELETE FROM recap_schedules WHERE channel_id = ?1", sql_params![channel])?,
            Some(s) => self.exec(
                "INSERT INTO recap_schedules (channel_id, weekday, local_time, timezone, next_at, next_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (channel_id) DO UPDATE SET weekday = excluded.weekday,
                 local_time = excluded.local_time, timezone = excluded.timezone,
                 next_at = excluded.next_at, next_date = excluded.next_date",
                sql_params![
                    channel,
                    s.weekday,
                    s.local_time.format("%H:%M").to_string(),
                    s.timezone.name(),
                    Ms(s.next_at),
                    Day(s.next_date)
                ],
            )?,
        };
        Ok(())
    }

    pub fn recap_schedule(&self, channel: ChannelId) -> Result<Option<StoredRecapSchedule>> {
        Ok(self
            .opt(
                "SELECT weekday, local_time, timezone, next_at, next_date FROM recap_schedules WHERE channel_id = ?1",
                sql_params![channel],
                |r| recap_schedule_from_row(r, 0),
            )?
            .flatten())
    }

    /// Recap schedules due by `now`, each with whether its channel's daily
    /// schedule is paused or gone (then the recap is passed over); `None`
    /// for one that no longer reads (the caller removes it).
    #[allow(clippy::type_complexity)]
    pub fn due_recap_schedules(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(ChannelId, Option<StoredRecapSchedule>, bool)>> {
        let now_ms = super::millis(now);
        self.conn.all(
            "SELECT r.channel_id, r.weekday, r.local_time, r.timezone, r.next_at, r.next_date,
                    COALESCE(s.paused, 1)
             FROM recap_schedules r LEFT JOIN schedules s ON s.channel_id = r.channel_id
             WHERE r.next_at <= ?1 ORDER BY r.next_at, r.channel_id",
            sql_params![now_ms],
            |r| Ok((r.get(0)?, recap_schedule_from_row(r, 1)?, r.get(6)?)),
        )
    }

    /// Queues the recap of a channel for a local date; false if there
    /// already is one (the UNIQUE key: never two for one day).
    pub fn queue_recap(
        &mut self,
        channel: ChannelId,
        local_date: NaiveDate,
        week_start: NaiveDate,
        until: DateTime<Utc>,
        timezone: Tz,
    ) -> Result<bool> {
        let until_ms = super::millis(until);
        Ok(self.exec(
            "INSERT INTO recaps (channel_id, local_date, week_start, until, timezone, state, due_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?4) ON CONFLICT DO NOTHING",
            sql_params![channel, Day(local_date), Day(week_start), until_ms, timezone.name()],
        )? == 1)
    }

    /// The daily questions of `scope` revealed (closed) in `[from_ms, until_ms)`,
    /// with how many answered and how many got it right. Open questions are
    /// left out: their figures would hint at the answer; so are discussions,
    /// which have no answers to count.
    pub fn questions_between(
        &self,
        scope: Scope,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<QuestionRow>> {
        let from_ms = super::millis(from);
        let until_ms = super::millis(until);
        let (guild, channel) = scope.binds();
        self.conn.all(
            &format!(
                "SELECT p.local_date, p.item_id, p.posted_at, COUNT(a.id), COALESCE(CAST(SUM(a.correct) AS BIGINT), 0)
             FROM posts p JOIN channels c ON c.id = p.channel_id LEFT JOIN answers a ON a.post_id = p.id
             WHERE {SCOPED} AND p.state = 'closed' AND p.kind = 'quiz' AND p.settling = 0
               AND p.closed_at >= ?3 AND p.closed_at < ?4
             GROUP BY p.id ORDER BY p.posted_at, p.id"
            ),
            sql_params![guild, channel, from_ms, until_ms],
            question_from_row,
        )
    }

    /// Every player's points on the daily questions of `scope` revealed in
    /// `[from_ms, until_ms)` (and settled), unranked.
    pub fn standings_between(&self, scope: Scope, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Standing>> {
        let from_ms = super::millis(from);
        let until_ms = super::millis(until);
        standings_in(&self.conn, scope, from_ms, until_ms)
    }

    /// The longest current streak in `scope`: who holds it and how long.
    pub fn longest_streak(&self, scope: Scope) -> Result<Option<(String, i64)>> {
        let (guild, channel) = scope.binds();
        self.opt(
            &format!(
                "SELECT u.display_name, s.current FROM streaks s JOIN channels c ON c.id = s.channel_id
                     JOIN users u ON u.id = s.user_id
                     WHERE {SCOPED} AND s.current > 0 ORDER BY s.current DESC, s.reached_at, s.user_id LIMIT 1"
            ),
            sql_params![guild, channel],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// A server by platform and external id, if the bot has seen it.
    pub fn find_guild(&self, platform: Platform, external_id: &str) -> Result<Option<GuildId>> {
        self.opt(
            "SELECT id FROM guilds WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, external_id],
            |r| r.get(0),
        )
    }

    /// The server's web token, `derive`d from its generation (raised when
    /// `rotate` asks for a new one); only its hash is stored, replaced when
    /// it is not the hash of the derived token.
    pub fn web_token(
        &mut self,
        guild: GuildId,
        rotate: bool,
        now: DateTime<Utc>,
        derive: &dyn Fn(i64) -> String,
    ) -> Result<String> {
        let now_ms = super::millis(now);
        self.write(|tx| {
            let stored: Option<(i64, Vec<u8>)> =
                tx.opt("SELECT generation, token_hash FROM web_tokens WHERE guild_id = ?1", sql_params![guild], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let generation = stored.as_ref().map_or(0, |(g, _)| g + i64::from(rotate));
            let token = derive(generation);
            let hash = token_hash(&token);
            if stored.as_ref().is_none_or(|(g, h)| *g != generation || *h != hash) {
                tx.exec(
                    "INSERT INTO web_tokens (guild_id, token_hash, generation, created_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (guild_id) DO UPDATE SET token_hash = excluded.token_hash,
                     generation = excluded.generation, created_at = excluded.created_at",
                    sql_params![guild, hash, generation, now_ms],
                )?;
            }
            Ok(token)
        })
    }

    /// The server whose pages live under `token`, by the token's hash.
    pub fn guild_by_token(&self, token: &str) -> Result<Option<GuildId>> {
        self.opt("SELECT guild_id FROM web_tokens WHERE token_hash = ?1", sql_params![token_hash(token)], |r| r.get(0))
    }

    /// A server's or a channel's revealed daily questions (discussions
    /// aside), newest first:
    /// never one that is open in any channel of its server (channels pick
    /// their questions apart, so one channel's past question can be
    /// another's open one).
    pub fn revealed_questions(&self, scope: Scope, limit: usize) -> Result<Vec<QuestionRow>> {
        let (guild, channel) = scope.binds();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.conn.all(
            "SELECT p.local_date, p.item_id, p.posted_at, COUNT(a.id), COALESCE(CAST(SUM(a.correct) AS BIGINT), 0)
             FROM posts p JOIN channels c ON c.id = p.channel_id LEFT JOIN answers a ON a.post_id = p.id
             WHERE (CAST(?1 AS BIGINT) IS NULL OR c.guild_id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR c.id = ?2) AND p.state = 'closed'
               AND p.kind = 'quiz' AND p.item_id NOT IN (SELECT o.item_id FROM posts o JOIN channels oc ON oc.id = o.channel_id
                                     WHERE oc.guild_id = c.guild_id AND o.state = 'open')
             GROUP BY p.id ORDER BY p.posted_at DESC, p.id DESC LIMIT ?3",
            sql_params![guild, channel, limit],
            question_from_row,
        )
    }
}

fn token_hash(token: &str) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(token.as_bytes()).to_vec()
}

/// [`Store::standings_between`] on a connection (or a transaction).
pub(super) fn standings_in(conn: &Conn, scope: Scope, from_ms: i64, until_ms: i64) -> Result<Vec<Standing>> {
    let (guild, channel) = scope.binds();
    conn.all(
        &format!(
            "SELECT a.user_id, u.display_name, CAST(SUM(a.points) AS BIGINT), CAST(SUM(a.correct) AS BIGINT), COUNT(*),
                COALESCE(MAX(CASE WHEN a.points > 0 THEN a.answered_at END), 0)
         FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
         JOIN users u ON u.id = a.user_id
         WHERE {SCOPED} AND p.state = 'closed' AND p.settling = 0 AND p.closed_at >= ?3 AND p.closed_at < ?4
         GROUP BY a.user_id, u.display_name"
        ),
        sql_params![guild, channel, from_ms, until_ms],
        super::boards::totals_from_row,
    )
}
