//! Daily posts, their answers and the streaks settled from them.

use rusqlite::{OptionalExtension, Row, params};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::boards::{add_to_totals, guild_zone};
use super::cards::{card_of, save_card};
use super::deliveries::{Part, queue_delivery};
use super::{ChannelId, GuildId, Ms, PostId, Result, Store, UserId, from_millis, millis};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostState {
    /// Taking answers.
    Open,
    /// Revealed and settled.
    Closed,
    /// Its time passed while the bot was down; never posted, never settles.
    Missed,
}

impl PostState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Missed => "missed",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "open" => Self::Open,
            "closed" => Self::Closed,
            _ => Self::Missed,
        }
    }
}

/// One day's question in one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: PostId,
    pub channel_id: ChannelId,
    pub local_date: String,
    pub item_id: String,
    pub cycle: i64,
    pub state: PostState,
    pub posted_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
    pub message_ref: Option<String>,
}

const POST_COLUMNS: &str = "id, channel_id, local_date, item_id, cycle, state, posted_at, closes_at, message_ref";
/// The same columns of a `posts p` in a join.
pub(super) const POST_COLUMNS_P: &str =
    "p.id, p.channel_id, p.local_date, p.item_id, p.cycle, p.state, p.posted_at, p.closes_at, p.message_ref";

pub(super) fn post_from_row(r: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        local_date: r.get(2)?,
        item_id: r.get(3)?,
        cycle: r.get(4)?,
        state: PostState::parse(&r.get::<_, String>(5)?),
        posted_at: r.get::<_, Ms>(6)?.0,
        closes_at: r.get::<_, Option<Ms>>(7)?.map(|m| m.0),
        message_ref: r.get(8)?,
    })
}

/// What recording an answer did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Recorded and committed.
    New,
    /// The user had already answered; their first answer stands.
    Duplicate { answer: String, correct: bool },
    /// The question closed before the answer could be recorded.
    Closed,
}

/// One daily answer to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub post: PostId,
    pub user: UserId,
    pub answer: String,
    pub correct: bool,
    pub at: DateTime<Utc>,
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

/// A new post's fields.
pub struct NewPost<'a> {
    pub channel: ChannelId,
    pub local_date: &'a str,
    pub item_id: &'a str,
    pub cycle: i64,
    pub state: PostState,
    pub posted_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Records a channel's post for a local date; an open one gets its
    /// question's delivery row in the same transaction. `None` if that date
    /// already has one.
    pub fn create_post(&mut self, new: &NewPost<'_>) -> Result<Option<Post>> {
        self.write(|tx| {
            let post = tx
                .prepare_cached(&format!(
                    "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at, closes_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (channel_id, local_date) DO NOTHING
                     RETURNING {POST_COLUMNS}"
                ))?
                .query_row(
                    params![
                        new.channel,
                        new.local_date,
                        new.item_id,
                        new.cycle,
                        new.state.as_str(),
                        Ms(new.posted_at),
                        new.closes_at.map(Ms),
                    ],
                    post_from_row,
                )
                .optional()?;
            if let Some(post) = &post
                && new.state == PostState::Open
            {
                queue_delivery(tx, post.id, Part::Question, millis(new.posted_at))?;
            }
            Ok(post)
        })
    }

    pub fn post(&self, id: PostId) -> Result<Option<Post>> {
        let in_batch = !self.conn.is_autocommit();
        if in_batch && let Some(p) = self.memo.borrow().posts.iter().find(|p| p.id == id) {
            return Ok(Some(p.clone()));
        }
        let post =
            self.one(&format!("SELECT {POST_COLUMNS} FROM posts WHERE id = ?1"), [id], post_from_row).optional()?;
        if in_batch && let Some(p) = &post {
            self.memo.borrow_mut().posts.push(p.clone());
        }
        Ok(post)
    }

    /// The channel's open daily question, if any (the latest, should there be more).
    pub fn open_post(&self, channel: ChannelId) -> Result<Option<Post>> {
        let in_batch = !self.conn.is_autocommit();
        if in_batch && let Some((_, p)) = self.memo.borrow().open.iter().find(|(c, _)| *c == channel) {
            return Ok(p.clone());
        }
        let post = self
            .one(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE channel_id = ?1 AND state = 'open' ORDER BY posted_at DESC, id DESC LIMIT 1"),
                [channel],
                post_from_row,
            )
            .optional()?;
        if in_batch {
            self.memo.borrow_mut().open.push((channel, post.clone()));
        }
        Ok(post)
    }

    /// Open posts of every channel whose close time has come by `now_ms`.
    pub fn due_closes(&self, now: DateTime<Utc>) -> Result<Vec<Post>> {
        let now_ms = super::millis(now);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE state = 'open' AND closes_at IS NOT NULL AND closes_at <= ?1 ORDER BY closes_at, id"
        ))?;
        let rows = stmt.query_map([now_ms], post_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The selection cycle of a channel: its number, the items used in it, and the last item posted.
    pub fn daily_cycle(&self, channel: ChannelId) -> Result<(i64, Vec<String>, Option<String>)> {
        let cycle: i64 =
            self.one("SELECT COALESCE(MAX(cycle), 0) FROM posts WHERE channel_id = ?1", [channel], |r| r.get(0))?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT item_id FROM posts WHERE channel_id = ?1 AND cycle = ?2 AND state != 'missed'")?;
        let used = stmt.query_map(params![channel, cycle], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let last = self
            .one(
                "SELECT item_id FROM posts WHERE channel_id = ?1 AND state != 'missed' ORDER BY posted_at DESC, id DESC LIMIT 1",
                [channel],
                |r| r.get(0),
            )
            .optional()?;
        Ok((cycle, used, last))
    }

    pub fn set_message_ref(&mut self, post: PostId, message_ref: &str) -> Result<()> {
        self.exec("UPDATE posts SET message_ref = ?2 WHERE id = ?1", params![post, message_ref])?;
        Ok(())
    }

    /// Records a daily answer unless the user already answered that post. The
    /// UNIQUE (post_id, user_id) key decides, so concurrent writers cannot both win.
    pub fn record_answer(
        &mut self,
        post: PostId,
        user: UserId,
        answer: &str,
        correct: bool,
        at: DateTime<Utc>,
    ) -> Result<Inserted> {
        let row = AnswerRow { post, user, answer: answer.to_string(), correct, at };
        Ok(self.record_answers(std::slice::from_ref(&row))?.pop().unwrap_or(Inserted::Closed))
    }

    /// Records many daily answers in one transaction (group commit): each is
    /// inserted only while its post is open and the user has not answered it.
    /// Points are awarded when the question closes (see [`Store::close_post`]).
    pub fn record_answers<R: std::borrow::Borrow<AnswerRow>>(&mut self, rows: &[R]) -> Result<Vec<Inserted>> {
        self.write(|tx| {
            // Whether each post is open, looked up once per group: the
            // transaction holds the write lock, so it cannot close meanwhile.
            let mut state = tx.prepare_cached("SELECT state = 'open' FROM posts WHERE id = ?1")?;
            let mut open: Vec<(PostId, bool)> = Vec::new();
            let mut insert = tx.prepare_cached(
                "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT (post_id, user_id) DO NOTHING",
            )?;
            let mut existing =
                tx.prepare_cached("SELECT answer, correct FROM answers WHERE post_id = ?1 AND user_id = ?2")?;
            let mut out = Vec::with_capacity(rows.len());
            for r in rows.iter().map(std::borrow::Borrow::borrow) {
                let is_open = match open.iter().find(|(p, _)| *p == r.post) {
                    Some((_, o)) => *o,
                    None => {
                        let o = state.query_row([r.post], |row| row.get(0)).optional()?.unwrap_or(false);
                        open.push((r.post, o));
                        o
                    }
                };
                if !is_open {
                    out.push(Inserted::Closed);
                    continue;
                }
                if insert.execute(params![r.post, r.user, r.answer, r.correct, Ms(r.at)])? == 1 {
                    out.push(Inserted::New);
                    continue;
                }
                let first = existing
                    .query_row(params![r.post, r.user], |row| {
                        Ok(Inserted::Duplicate { answer: row.get(0)?, correct: row.get(1)? })
                    })
                    .optional()?;
                out.push(first.unwrap_or(Inserted::Closed));
            }
            Ok(out)
        })
    }

    /// The user's answer to a post: what they said and whether it was right.
    pub fn user_answer(&self, post: PostId, user: UserId) -> Result<Option<(String, bool)>> {
        Ok(self
            .one("SELECT answer, correct FROM answers WHERE post_id = ?1 AND user_id = ?2", params![post, user], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

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
            let closed = tx.execute(
                "UPDATE posts SET state = 'closed', closed_at = ?2, settling = 1 WHERE id = ?1 AND state = 'open'",
                params![post, at_ms],
            )? == 1;
            if !closed {
                return Ok(None);
            }
            let question: Option<String> = tx
                .query_row("SELECT state FROM deliveries WHERE post_id = ?1 AND part = 'question'", [post], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some("pending" | "failed") = question.as_deref() {
                // The channel never saw the question: nothing to reveal
                // there, and no streak may break over it. It counts as
                // missed, and its item goes back in the pool.
                tx.execute("UPDATE posts SET state = 'missed', settling = 0 WHERE id = ?1", [post])?;
                tx.execute(
                    "UPDATE deliveries SET state = 'failed', error = COALESCE(error, 'closed before it was sent')
                     WHERE post_id = ?1 AND part = 'question'",
                    [post],
                )?;
                return Ok(Some(Closed::Missed));
            }
            queue_delivery(tx, post, Part::Reveal, at_ms)?;
            Ok(Some(Closed::Settling))
        })
    }

    /// Posts closed and not yet fully settled, oldest first.
    pub fn settling_posts(&self) -> Result<Vec<PostId>> {
        let mut stmt = self.conn.prepare_cached("SELECT id FROM posts WHERE settling = 1 ORDER BY closed_at, id")?;
        Ok(stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    }

    /// Settles up to `limit` players of a closing post, in user id order
    /// from above `from`, in one transaction: awards their answers' points
    /// and settles their streaks in the channel. Every player at or below
    /// `from` must be settled already (0 is always right; the last
    /// [`Settled::Upto`] saves reading them again).
    pub fn settle_some(&mut self, post: PostId, from: UserId, limit: usize, settle: Settle<'_>) -> Result<Settled> {
        self.write(|tx| {
            let post =
                tx.query_row(&format!("SELECT {POST_COLUMNS} FROM posts WHERE id = ?1"), [post], post_from_row)?;
            let closed_at: i64 =
                tx.query_row("SELECT COALESCE(closed_at, 0) FROM posts WHERE id = ?1", [post.id], |r| r.get(0))?;
            let players = unsettled(tx, &post, from, limit)?;
            let Some(last) = players.last().map(|p| p.user) else {
                tx.execute("UPDATE posts SET settling = 0 WHERE id = ?1", [post.id])?;
                return Ok(Settled::Done(reveal_of(tx, post)?));
            };
            let guild: GuildId =
                tx.query_row("SELECT guild_id FROM channels WHERE id = ?1", [post.channel_id], |r| r.get(0))?;
            // The boards' running totals, unless they are due a rebuild anyway.
            let (zone, totals) = guild_zone(tx, guild, settle.default_zone)?;
            let question = Question { closed_at: from_millis(closed_at), totals_zone: totals.then_some(zone) };
            let mut upsert = tx.prepare_cached(
                "INSERT INTO streaks (user_id, channel_id, current, best, freezes, reached_at, settled_post)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (user_id, channel_id) DO UPDATE SET current = excluded.current, best = excluded.best,
                 freezes = excluded.freezes, reached_at = excluded.reached_at, settled_post = excluded.settled_post",
            )?;
            let mut award = tx.prepare_cached("UPDATE answers SET points = ?3 WHERE post_id = ?1 AND user_id = ?2")?;
            for s in (settle.decide)(question, &players) {
                if let Some(points) = s.points {
                    award.execute(params![post.id, s.user, points])?;
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
                upsert.execute(params![s.user, post.channel_id, st.current, st.best, st.freezes, reached, post.id])?;
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
fn unsettled(tx: &rusqlite::Connection, post: &Post, from: UserId, limit: usize) -> rusqlite::Result<Vec<Player>> {
    let mut stmt = tx.prepare_cached(
        "SELECT u.user_id, a.correct, a.answered_at, s.current, s.best, s.freezes, s.reached_at
         FROM (SELECT user_id FROM streaks WHERE channel_id = ?1 AND settled_post IS NOT ?2 AND user_id > ?4
               UNION SELECT user_id FROM answers WHERE post_id = ?2 AND user_id > ?4) u
         LEFT JOIN answers a ON a.post_id = ?2 AND a.user_id = u.user_id
         LEFT JOIN streaks s ON s.channel_id = ?1 AND s.user_id = u.user_id
         WHERE s.settled_post IS NOT ?2 AND u.user_id > ?4
         ORDER BY u.user_id LIMIT ?3",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt
        .query_map(params![post.channel_id, post.id, limit, from], |r| {
            let correct: Option<bool> = r.get(1)?;
            let answered_at: Option<i64> = r.get(2)?;
            Ok(Player {
                user: r.get(0)?,
                answer: correct.zip(answered_at.map(from_millis)),
                streak: Streak {
                    current: r.get::<_, Option<u32>>(3)?.unwrap_or(0),
                    best: r.get::<_, Option<u32>>(4)?.unwrap_or(0),
                    freezes: r.get::<_, Option<u32>>(5)?.unwrap_or(0),
                },
                reached_at: r.get::<_, Option<i64>>(6)?.filter(|ms| *ms > 0).map(from_millis),
                card: None,
            })
        })?
        .collect::<rusqlite::Result<Vec<Player>>>()?;
    rows.into_iter()
        .map(|mut p| {
            if p.answer.is_some() {
                p.card = card_of(tx, p.user, &post.item_id)?;
            }
            Ok(p)
        })
        .collect()
}

fn reveal_of(conn: &rusqlite::Connection, post: Post) -> Result<Reveal> {
    let (answered, correct): (i64, i64) =
        conn.query_row("SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE post_id = ?1", [post.id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let first_correct = conn
        .query_row(
            "SELECT u.display_name, a.answered_at FROM answers a JOIN users u ON u.id = a.user_id
             WHERE a.post_id = ?1 AND a.correct = 1 ORDER BY a.answered_at, a.id LIMIT 1",
            [post.id],
            |r| Ok((r.get(0)?, r.get::<_, Ms>(1)?.0)),
        )
        .optional()?;
    Ok(Reveal { post, answered, correct, first_correct })
}
