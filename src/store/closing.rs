//! Closing a daily question: no answer counts after the close, its players
//! are settled (in one go or in steps, each a transaction), and how it went
//! is read for the reveal.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::boards::{add_to_totals, guild_zone};
use super::cards::{card_of, save_card};
use super::daily::{POST_COLUMNS, Post, post_from_row};
use super::db::Conn;
use super::deliveries::{Part, queue_delivery};
use super::{GuildId, Ms, PostId, Result, Store, UserId, from_millis, millis};
use crate::quiz::leaderboard::BoardKind;
use crate::quiz::settle::{Player, Question, Settlement};
use crate::quiz::streak::Streak;

/// What a step of settling did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Players up to this user id are settled; more may be left.
    Upto(UserId),
    /// Nobody was left: the post is settled, and this is how it went.
    Done(Reveal),
}

/// How a reveal settles: `decide` (the service's [`crate::quiz::settle`]
/// under its rules) turns the players' rows into what is written back; the
/// boards' zone is `default_zone` for servers that set none.
#[derive(Clone, Copy)]
pub struct Settle<'a> {
    pub decide: &'a dyn Fn(Question, &[Player]) -> Vec<Settlement>,
    pub default_zone: Tz,
}

/// How a closed daily question went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reveal {
    pub post: Post,
    pub answered: i64,
    pub correct: i64,
    /// The first correct answerer's name and when they answered.
    pub first_correct: Option<(String, DateTime<Utc>)>,
}

/// How [`Store::begin_close`] closed a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// Its players wait to be settled; the reveal follows.
    Settling,
    /// Its question never reached the channel: it counts as missed.
    Missed,
}

impl Store {
    /// Closes an open post, awards its answers their points and settles every
    /// streak of its channel, all at once. `None` if the post was not open.
    /// See [`Store::begin_close`] and [`Store::settle_some`] for the same in steps.
    pub fn close_post(&mut self, post: PostId, at: DateTime<Utc>, rules: Settle<'_>) -> Result<Option<Reveal>> {
        if self.begin_close(post, at)? != Some(Closed::Settling) {
            return Ok(None);
        }
        let mut after = UserId(0);
        loop {
            match self.settle_some(post, after, usize::MAX, rules)? {
                Settled::Done(reveal) => return Ok(Some(reveal)),
                Settled::Upto(last) => after = last,
            }
        }
    }

    /// Closes an open post: no answer counts after this, and its players wait
    /// to be settled by [`Store::settle_some`]. Points wait for the close so
    /// that neither a board nor stats can tell who was right before the
    /// reveal. The reveal is queued for delivery once settled, unless its
    /// question never reached the channel: then the post counts as missed
    /// (nothing to settle or reveal) and the question is not sent any more
    /// either. `None` if the post was not open.
    pub fn begin_close(&mut self, post: PostId, at: DateTime<Utc>) -> Result<Option<Closed>> {
        let at_ms = super::millis(at);
        self.write(|tx| {
            let closed = tx.exec(
                "UPDATE posts SET state = 'closed', closed_at = ?2, settling = 1 WHERE id = ?1 AND state = 'open'",
                sql_params![post, at_ms],
            )? == 1;
            if !closed {
                return Ok(None);
            }
            let question: Option<String> = tx.opt(
                "SELECT state FROM deliveries WHERE post_id = ?1 AND part = 'question'",
                sql_params![post],
                |r| r.get(0),
            )?;
            if let Some("pending" | "failed") = question.as_deref() {
                // The channel never saw the question: nothing to reveal
                // there, and no streak may break over it. It counts as
                // missed, and its item goes back in the pool.
                tx.exec("UPDATE posts SET state = 'missed', settling = 0 WHERE id = ?1", sql_params![post])?;
                tx.exec(
                    "UPDATE deliveries SET state = 'failed', error = COALESCE(error, 'closed before it was sent')
                     WHERE post_id = ?1 AND part = 'question'",
                    sql_params![post],
                )?;
                return Ok(Some(Closed::Missed));
            }
            queue_delivery(tx, post, Part::Reveal, at_ms)?;
            Ok(Some(Closed::Settling))
        })
    }

    /// Posts closed and not yet fully settled, oldest first.
    pub fn settling_posts(&self) -> Result<Vec<PostId>> {
        self.all("SELECT id FROM posts WHERE settling = 1 ORDER BY closed_at, id", sql_params![], |r| r.get(0))
    }

    /// Settles up to `limit` players of a closing post, in user id order
    /// from above `from`, in one transaction: awards their answers' points
    /// and settles their streaks in the channel. Every player at or below
    /// `from` must be settled already (0 is always right; the last
    /// [`Settled::Upto`] saves reading them again).
    pub fn settle_some(&mut self, post: PostId, from: UserId, limit: usize, settle: Settle<'_>) -> Result<Settled> {
        self.write(|tx| {
            // Another process may be settling this post: one step at a time,
            // each reading what the last one left.
            tx.plan_lock()?;
            let post =
                tx.one(&format!("SELECT {POST_COLUMNS} FROM posts WHERE id = ?1"), sql_params![post], post_from_row)?;
            let closed_at: i64 =
                tx.one("SELECT COALESCE(closed_at, 0) FROM posts WHERE id = ?1", sql_params![post.id], |r| r.get(0))?;
            let players = unsettled(tx, &post, from, limit)?;
            let Some(last) = players.last().map(|p| p.user) else {
                tx.exec("UPDATE posts SET settling = 0 WHERE id = ?1", sql_params![post.id])?;
                return Ok(Settled::Done(reveal_of(tx, post)?));
            };
            let guild: GuildId =
                tx.one("SELECT guild_id FROM channels WHERE id = ?1", sql_params![post.channel_id], |r| r.get(0))?;
            // The boards' running totals, unless they are due a rebuild anyway.
            let (zone, totals) = guild_zone(tx, guild, settle.default_zone)?;
            let question = Question { closed_at: from_millis(closed_at), totals_zone: totals.then_some(zone) };
            for s in (settle.decide)(question, &players) {
                if let Some(points) = s.points {
                    tx.exec(
                        "UPDATE answers SET points = ?3 WHERE post_id = ?1 AND user_id = ?2",
                        sql_params![post.id, s.user, points],
                    )?;
                }
                if let Some(card) = &s.card {
                    save_card(tx, s.user, &post.item_id, card)?;
                }
                if let Some(t) = &s.totals {
                    let scored_at = t.scored_at.map_or(0, millis);
                    add_to_totals(tx, guild, BoardKind::Daily, &t.keys, s.user, t.points, t.correct, scored_at)?;
                }
                let reached = s.reached_at.map_or(0, millis);
                let st = s.streak;
                tx.exec(
                    "INSERT INTO streaks (user_id, channel_id, current, best, freezes, reached_at, settled_post)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (user_id, channel_id) DO UPDATE SET current = excluded.current, best = excluded.best,
                     freezes = excluded.freezes, reached_at = excluded.reached_at, settled_post = excluded.settled_post",
                    sql_params![s.user, post.channel_id, st.current, st.best, st.freezes, reached, post.id],
                )?;
            }
            Ok(Settled::Upto(last))
        })
    }

    /// How a post went: answers, correct ones, the first correct answerer.
    pub fn reveal(&self, post: &Post) -> Result<Reveal> {
        reveal_of(&self.conn, post.clone())
    }
}

/// The players of a closing post not settled yet, from above `from`, in
/// user id order: everyone with a streak row in the channel or an answer to
/// the post, with their answer, streak and card for its item.
fn unsettled(tx: &Conn, post: &Post, from: UserId, limit: usize) -> Result<Vec<Player>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = tx.all(
        "SELECT u.user_id, a.correct, a.answered_at, s.current, s.best, s.freezes, s.reached_at
         FROM (SELECT user_id FROM streaks WHERE channel_id = ?1 AND settled_post IS DISTINCT FROM ?2 AND user_id > ?4
               UNION SELECT user_id FROM answers WHERE post_id = ?2 AND user_id > ?4) u
         LEFT JOIN answers a ON a.post_id = ?2 AND a.user_id = u.user_id
         LEFT JOIN streaks s ON s.channel_id = ?1 AND s.user_id = u.user_id
         WHERE s.settled_post IS DISTINCT FROM ?2 AND u.user_id > ?4
         ORDER BY u.user_id LIMIT ?3",
        sql_params![post.channel_id, post.id, limit, from],
        |r| {
            let correct: Option<bool> = r.get(1)?;
            let answered_at: Option<i64> = r.get(2)?;
            Ok(Player {
                user: r.get(0)?,
                answer: correct.zip(answered_at.map(from_millis)),
                streak: Streak {
                    current: r.get::<Option<u32>>(3)?.unwrap_or(0),
                    best: r.get::<Option<u32>>(4)?.unwrap_or(0),
                    freezes: r.get::<Option<u32>>(5)?.unwrap_or(0),
                },
                reached_at: r.get::<Option<i64>>(6)?.filter(|ms| *ms > 0).map(from_millis),
                card: None,
            })
        },
    )?;
    rows.into_iter()
        .map(|mut p| {
            if p.answer.is_some() {
                p.card = card_of(tx, p.user, &post.item_id)?;
            }
            Ok(p)
        })
        .collect()
}

fn reveal_of(conn: &Conn, post: Post) -> Result<Reveal> {
    let (answered, correct): (i64, i64) = conn.one(
        "SELECT COUNT(*), COALESCE(CAST(SUM(correct) AS BIGINT), 0) FROM answers WHERE post_id = ?1",
        sql_params![post.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let first_correct = conn.opt(
        "SELECT u.display_name, a.answered_at FROM answers a JOIN users u ON u.id = a.user_id
             WHERE a.post_id = ?1 AND a.correct = 1 ORDER BY a.answered_at, a.id LIMIT 1",
        sql_params![post.id],
        |r| Ok((r.get(0)?, r.get::<Ms>(1)?.0)),
    )?;
    Ok(Reveal { post, answered, correct, first_correct })
}
