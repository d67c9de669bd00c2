//! The delivery rows: what the bot sends on its own (a post's question and
//! reveal), their state, retries and the channels it could not post in.

use super::db::{Column, Conn, Param, ReadError, Value};
use chrono::{DateTime, Utc};

use super::{ChannelId, PostId, Result, Store};
use crate::delivery::Problem;
use crate::i18n::Lang;
pub use crate::ids::{Destination, Part};
use crate::ids::{Platform, Sendable};
use crate::store::daily::{POST_COLUMNS_P, Post, post_from_row};

impl Part {
    fn as_str(self) -> &'static str {
        match self {
            Part::Question => "question",
            Part::Reveal => "reveal",
        }
    }
}

impl Param for Part {
    fn value(&self) -> Value<'_> {
        Value::Text(self.as_str().into())
    }
}

impl Part {
    fn parse(s: &str) -> std::result::Result<Part, String> {
        match s {
            "question" => Ok(Part::Question),
            "reveal" => Ok(Part::Reveal),
            other => Err(format!("unknown delivery part `{other}`")),
        }
    }
}

impl Column for Part {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        let s: String = row.get(i)?;
        Part::parse(&s).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into()))
    }
    fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
        Ok(Part::parse(&row.try_get::<_, String>(i)?)?)
    }
}

/// A process's claim on deliveries: who holds them, and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The process's id, unique to one run of it.
    pub owner: String,
    pub until: DateTime<Utc>,
}

/// A message waiting to be sent (or whose send a crash cut off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingDelivery {
    pub part: Part,
    pub post: Post,
    pub to: Destination,
    /// A previous try started and its outcome is unknown (a crash mid-send).
    pub interrupted: bool,
    /// The channel opens a thread for each daily question.
    pub threads: bool,
    /// The server's language, which the channel sees.
    pub lang: Lang,
}

/// Why a channel cannot be posted in, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelProblem {
    pub problem: Problem,
    /// What the platform said.
    pub detail: String,
    pub since: DateTime<Utc>,
}

/// The row a delivery belongs to, whose `channel_id` names its channel.
fn row_of(what: Sendable) -> (&'static str, i64) {
    match what {
        Sendable::Post(post, _) => ("posts", post.0),
        Sendable::Recap(recap) => ("recaps", recap.0),
    }
}

/// Clears the problem recorded for a delivery's channel (a send there
/// worked); returns the problem cleared.
pub(super) fn clear_problem(tx: &Conn, what: Sendable) -> Result<Option<Problem>> {
    let (table, id) = row_of(what);
    let cleared: Option<String> = tx
        .opt(
            &format!("SELECT c.problem FROM {table} x JOIN channels c ON c.id = x.channel_id WHERE x.id = ?1"),
            sql_params![id],
            |r| r.get(0),
        )?
        .flatten();
    if cleared.is_some() {
        tx.exec(
            &format!(
                "UPDATE channels SET problem = NULL, problem_detail = NULL, problem_since = NULL
             WHERE id = (SELECT channel_id FROM {table} WHERE id = ?1)"
            ),
            sql_params![id],
        )?;
    }
    Ok(cleared.as_deref().and_then(Problem::parse))
}

/// Marks a delivery's channel with a problem; true if that is news.
pub(super) fn mark_problem(tx: &Conn, what: Sendable, problem: Problem, detail: &str, at_ms: i64) -> Result<bool> {
    let (table, id) = row_of(what);
    let changed = tx.exec(
        &format!(
            "UPDATE channels SET problem = ?2, problem_detail = ?3, problem_since = ?4
             WHERE id = (SELECT channel_id FROM {table} WHERE id = ?1) AND problem IS DISTINCT FROM ?2"
        ),
        sql_params![id, problem.as_str(), detail, at_ms],
    )?;
    Ok(changed == 1)
}

/// Queues a part of a post for the sender, due at `due_ms`.
pub(super) fn queue_delivery(tx: &Conn, post: PostId, part: Part, due_ms: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO deliveries (post_id, part, state, due_at) VALUES (?1, ?2, 'pending', ?3)
         ON CONFLICT (post_id, part) DO NOTHING",
        sql_params![post, part, due_ms],
    )?;
    Ok(())
}

impl Store {
    /// Claims up to `limit` of the platform's messages due by `now`, oldest
    /// first, for `lease.owner` until `lease.until`, and returns them. A
    /// message another process holds is skipped until its lease runs out
    /// (then it is taken over; one cut off mid-send comes back
    /// `interrupted`). A reveal waits until its post is settled and its
    /// question is sent (or given up), so it can edit the question message.
    pub fn claim_deliveries(
        &mut self,
        platform: Platform,
        now: DateTime<Utc>,
        lease: &Lease,
        limit: usize,
    ) -> Result<Vec<PendingDelivery>> {
        let now_ms = super::millis(now);
        let until_ms = super::millis(lease.until);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.write(|tx| {
            let skip_locked = tx.row_lock("FOR UPDATE OF d SKIP LOCKED");
            tx.exec(
                &format!(
                    "UPDATE deliveries SET lease_owner = ?3, lease_until = ?4 WHERE (post_id, part) IN (
                     SELECT d.post_id, d.part FROM deliveries d JOIN posts p ON p.id = d.post_id
                     JOIN channels c ON c.id = p.channel_id JOIN guilds g ON g.id = c.guild_id
                     WHERE d.state IN ('pending', 'sending') AND d.due_at <= ?2 AND g.platform = ?1
                       AND (d.lease_until IS NULL OR d.lease_until <= ?2 OR d.lease_owner = ?3)
                       AND NOT (d.part = 'reveal' AND (p.settling = 1 OR EXISTS (
                           SELECT 1 FROM deliveries q WHERE q.post_id = d.post_id AND q.part = 'question'
                           AND q.state IN ('pending', 'sending'))))
                     ORDER BY d.due_at, d.post_id, d.part DESC LIMIT ?5 {skip_locked})"
                ),
                sql_params![platform, now_ms, lease.owner, until_ms, limit],
            )?;
            tx.all(
                &format!(
                    "SELECT {POST_COLUMNS_P}, d.part, d.state, g.external_id, c.external_id, c.threads,
                            COALESCE(g.language, g.locale)
                     FROM deliveries d JOIN posts p ON p.id = d.post_id
                     JOIN channels c ON c.id = p.channel_id JOIN guilds g ON g.id = c.guild_id
                     WHERE d.lease_owner = ?2 AND d.lease_until = ?3 AND d.state IN ('pending', 'sending')
                       AND g.platform = ?1
                     ORDER BY d.due_at, d.post_id, d.part DESC"
                ),
                sql_params![platform, lease.owner, until_ms],
                |r| {
                    Ok(PendingDelivery {
                        post: post_from_row(r)?,
                        part: r.get(9)?,
                        interrupted: r.get::<String>(10)? == "sending",
                        to: Destination { platform, guild: r.get(11)?, channel: r.get(12)? },
                        threads: r.get(13)?,
                        lang: super::languages::shown_lang(r.get(14)?),
                    })
                },
            )
        })
    }

    /// Marks a delivery as being sent by `lease.owner`, renewing its lease:
    /// a crash from here on leaves its outcome unknown. False (and nothing
    /// changed) when another process has taken it over meanwhile.
    fn post_started(&mut self, post: PostId, part: Part, lease: &Lease) -> Result<bool> {
        Ok(self.exec(
            "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, lease_until = ?4
             WHERE post_id = ?1 AND part = ?2 AND lease_owner = ?3 AND state IN ('pending', 'sending')",
            sql_params![post, part, lease.owner, super::millis(lease.until)],
        )? == 1)
    }

    /// Sends an open post's question again if it was given up (an admin's
    /// post-now after fixing the channel). False if there was nothing to resend.
    pub fn requeue_question(&mut self, post: PostId, due: DateTime<Utc>) -> Result<bool> {
        let due_ms = super::millis(due);
        Ok(self.exec(
            "UPDATE deliveries SET state = 'pending', due_at = ?2, attempts = 0
             WHERE post_id = ?1 AND part = 'question' AND state = 'failed'
               AND EXISTS (SELECT 1 FROM posts WHERE id = ?1 AND state = 'open')",
            sql_params![post, due_ms],
        )? == 1)
    }

    /// How many tries a delivery has had.
    fn post_attempts(&self, post: PostId, part: Part) -> Result<u32> {
        Ok(self
            .opt("SELECT attempts FROM deliveries WHERE post_id = ?1 AND part = ?2", sql_params![post, part], |r| {
                r.get(0)
            })?
            .unwrap_or(0))
    }

    /// Marks a delivery as sent, keeps the platform's reference of a question
    /// message, and clears any problem recorded for its channel. Returns the
    /// problem that was cleared.
    fn post_done(&mut self, post: PostId, part: Part, message_ref: Option<&str>) -> Result<Option<Problem>> {
        self.write(|tx| {
            tx.exec(
                "UPDATE deliveries SET state = 'sent', error = NULL, lease_owner = NULL, lease_until = NULL
                 WHERE post_id = ?1 AND part = ?2",
                sql_params![post, part],
            )?;
            if part == Part::Question && message_ref.is_some() {
                tx.exec("UPDATE posts SET message_ref = ?2 WHERE id = ?1", sql_params![post, message_ref])?;
            }
            clear_problem(tx, Sendable::Post(post, part))
        })
    }

    /// Puts a failed delivery back in the queue, due at `due_ms`. A question
    /// whose post closed meanwhile is given up instead: it would arrive
    /// after its own reveal.
    fn post_retry(&mut self, post: PostId, part: Part, due_ms: i64, error: &str) -> Result<()> {
        self.exec(
            "UPDATE deliveries SET error = ?4, lease_owner = NULL, lease_until = NULL,
                 state = CASE WHEN ?2 = 'question' AND (SELECT state FROM posts WHERE id = ?1) != 'open'
                              THEN 'failed' ELSE 'pending' END,
                 due_at = ?3
             WHERE post_id = ?1 AND part = ?2",
            sql_params![post, part, due_ms, error],
        )?;
        Ok(())
    }

    /// A send cut off by a crash and not repeated: done as far as anyone can tell.
    fn post_cut_off(&mut self, post: PostId, part: Part) -> Result<()> {
        self.exec(
            "UPDATE deliveries SET state = 'sent', error = 'cut off by a restart; not sent again',
                 lease_owner = NULL, lease_until = NULL WHERE post_id = ?1 AND part = ?2",
            sql_params![post, part],
        )?;
        Ok(())
    }

    /// Gives up a delivery. With a `problem`, its channel is marked with it
    /// (until a post there succeeds); returns true if that is news, so that
    /// it is logged once.
    fn post_failed(&mut self, post: PostId, part: Part, error: &str, problem: Option<(Problem, i64)>) -> Result<bool> {
        self.write(|tx| {
            tx.exec(
                "UPDATE deliveries SET state = 'failed', error = ?3, lease_owner = NULL, lease_until = NULL
                 WHERE post_id = ?1 AND part = ?2",
                sql_params![post, part, error],
            )?;
            let Some((problem, at_ms)) = problem else { return Ok(false) };
            mark_problem(tx, Sendable::Post(post, part), problem, error, at_ms)
        })
    }

    /// Marks a delivery as being sent by `lease.owner`, renewing the lease:
    /// a crash from here on leaves its outcome unknown. False when another
    /// process took it over (this one's lease ran out): it is not sent here.
    pub fn delivery_started(&mut self, what: Sendable, lease: &Lease) -> Result<bool> {
        match what {
            Sendable::Post(post, part) => self.post_started(post, part, lease),
            Sendable::Recap(recap) => self.recap_started(recap, lease),
        }
    }

    /// Lets go of every delivery `owner` claimed and has not finished, so
    /// that a restart or another process takes them at once (a clean stop).
    pub fn release_leases(&mut self, owner: &str) -> Result<usize> {
        self.write(|tx| {
            let mut released = 0;
            for table in ["deliveries", "recaps"] {
                released += tx.exec(
                    &format!("UPDATE {table} SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?1"),
                    sql_params![owner],
                )?;
            }
            Ok(released)
        })
    }

    /// How many tries a delivery has had.
    pub fn delivery_attempts(&self, what: Sendable) -> Result<u32> {
        match what {
            Sendable::Post(post, part) => self.post_attempts(post, part),
            Sendable::Recap(recap) => self.recap_attempts(recap),
        }
    }

    /// Marks a delivery as sent (keeping the platform's reference of a
    /// question message) and clears any problem recorded for its channel.
    /// Returns the problem that was cleared.
    pub fn delivery_done(&mut self, what: Sendable, message_ref: Option<&str>) -> Result<Option<Problem>> {
        match what {
            Sendable::Post(post, part) => self.post_done(post, part, message_ref),
            Sendable::Recap(recap) => self.recap_done(recap, None),
        }
    }

    /// Puts a failed delivery back in the queue, due at `due_ms`.
    pub fn delivery_retry(&mut self, what: Sendable, due: DateTime<Utc>, error: &str) -> Result<()> {
        let due_ms = super::millis(due);
        match what {
            Sendable::Post(post, part) => self.post_retry(post, part, due_ms, error),
            Sendable::Recap(recap) => self.recap_retry(recap, due_ms, error),
        }
    }

    /// A send cut off by a crash and not repeated: done as far as anyone can tell.
    pub fn delivery_cut_off(&mut self, what: Sendable) -> Result<()> {
        match what {
            Sendable::Post(post, part) => self.post_cut_off(post, part),
            Sendable::Recap(recap) => self.recap_done(recap, Some("cut off by a restart; not sent again")).map(drop),
        }
    }

    /// Gives up a delivery, marking its channel with `problem` if given;
    /// true if that is news, so that it is logged once.
    pub fn delivery_failed(
        &mut self,
        what: Sendable,
        error: &str,
        problem: Option<(Problem, DateTime<Utc>)>,
    ) -> Result<bool> {
        let problem = problem.map(|(p, at)| (p, super::millis(at)));
        match what {
            Sendable::Post(post, part) => self.post_failed(post, part, error, problem),
            Sendable::Recap(recap) => self.recap_failed(recap, error, problem),
        }
    }

    /// Marks the channel of a sent delivery with a problem that did not stop
    /// the send (a thread the bot may not open), for admins to see.
    pub fn delivery_warning(
        &mut self,
        what: Sendable,
        problem: Problem,
        detail: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let at_ms = super::millis(at);
        self.write(|tx| mark_problem(tx, what, problem, detail, at_ms).map(drop))
    }

    /// What stops the bot from posting in a channel, if anything.
    pub fn channel_problem(&self, channel: ChannelId) -> Result<Option<ChannelProblem>> {
        let row: Option<(Option<String>, Option<String>, Option<i64>)> = self.opt(
            "SELECT problem, problem_detail, problem_since FROM channels WHERE id = ?1",
            sql_params![channel],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(row.and_then(|(problem, detail, since)| {
            Some(ChannelProblem {
                problem: Problem::parse(problem.as_deref()?)?,
                detail: detail.unwrap_or_default(),
                since: super::from_millis(since.unwrap_or_default()),
            })
        }))
    }
}
