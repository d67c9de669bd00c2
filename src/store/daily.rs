//! Daily posts and their answers; closing and settling them is in `closing.rs`.

use super::db::{Conn, Param, Row};
use chrono::{DateTime, NaiveDate, Utc};

use super::deliveries::{Part, queue_delivery};
use super::{ChannelId, Day, Ms, PostId, Result, Store, UserId, millis};

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
    pub local_date: NaiveDate,
    pub item_id: String,
    pub cycle: i64,
    pub state: PostState,
    pub posted_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
    pub message_ref: Option<String>,
}

pub(super) const POST_COLUMNS: &str =
    "id, channel_id, local_date, item_id, cycle, state, posted_at, closes_at, message_ref";
/// The same columns of a `posts p` in a join.
pub(super) const POST_COLUMNS_P: &str =
    "p.id, p.channel_id, p.local_date, p.item_id, p.cycle, p.state, p.posted_at, p.closes_at, p.message_ref";

pub(super) fn post_from_row(r: &Row<'_>) -> Result<Post> {
    Ok(Post {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        local_date: r.get::<Day>(2)?.0,
        item_id: r.get(3)?,
        cycle: r.get(4)?,
        state: PostState::parse(&r.get::<String>(5)?),
        posted_at: r.get::<Ms>(6)?.0,
        closes_at: r.get::<Option<Ms>>(7)?.map(|m| m.0),
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

/// A new post's fields.
pub struct NewPost<'a> {
    pub channel: ChannelId,
    pub local_date: NaiveDate,
    pub item_id: &'a str,
    pub cycle: i64,
    pub state: PostState,
    pub posted_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
    /// An open prompt to talk over rather than a question to answer.
    pub discussion: bool,
}

impl Store {
    /// Records a channel's post for a local date; an open one gets its
    /// question's delivery row in the same transaction. `None` if that date
    /// already has one.
    pub fn create_post(&mut self, new: &NewPost<'_>) -> Result<Option<Post>> {
        self.write(|tx| {
            let post = tx.opt(
                &format!(
                    "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at, closes_at, kind)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (channel_id, local_date) DO NOTHING
                     RETURNING {POST_COLUMNS}"
                ),
                sql_params![
                    new.channel,
                    Day(new.local_date),
                    new.item_id,
                    new.cycle,
                    new.state.as_str(),
                    Ms(new.posted_at),
                    new.closes_at.map(Ms),
                    if new.discussion { "discussion" } else { "quiz" },
                ],
                post_from_row,
            )?;
            if let Some(post) = &post
                && new.state == PostState::Open
            {
                queue_delivery(tx, post.id, Part::Question, millis(new.posted_at))?;
            }
            Ok(post)
        })
    }

    pub fn post(&self, id: PostId) -> Result<Option<Post>> {
        let in_batch = self.conn.in_transaction();
        if in_batch && let Some(p) = self.memo.borrow().posts.iter().find(|p| p.id == id) {
            return Ok(Some(p.clone()));
        }
        let post =
            self.opt(&format!("SELECT {POST_COLUMNS} FROM posts WHERE id = ?1"), sql_params![id], post_from_row)?;
        if in_batch && let Some(p) = &post {
            self.memo.borrow_mut().posts.push(p.clone());
        }
        Ok(post)
    }

    /// The channel's open daily question, if any (the latest, should there be more).
    pub fn open_post(&self, channel: ChannelId) -> Result<Option<Post>> {
        let in_batch = self.conn.in_transaction();
        if in_batch && let Some((_, p)) = self.memo.borrow().open.iter().find(|(c, _)| *c == channel) {
            return Ok(p.clone());
        }
        let post = self
            .opt(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE channel_id = ?1 AND state = 'open' ORDER BY posted_at DESC, id DESC LIMIT 1"),
                sql_params![channel],
                post_from_row,
            )?;
        if in_batch {
            self.memo.borrow_mut().open.push((channel, post.clone()));
        }
        Ok(post)
    }

    /// Open posts of every channel whose close time has come by `now_ms`.
    pub fn due_closes(&self, now: DateTime<Utc>) -> Result<Vec<Post>> {
        let now_ms = super::millis(now);
        self.all(
            &format!(
                "SELECT {POST_COLUMNS} FROM posts
                 WHERE state = 'open' AND closes_at IS NOT NULL AND closes_at <= ?1 ORDER BY closes_at, id"
            ),
            sql_params![now_ms],
            post_from_row,
        )
    }

    /// The selection cycle of a channel: its number, the items used in it, and the last item posted.
    pub fn daily_cycle(&self, channel: ChannelId) -> Result<(i64, Vec<String>, Option<String>)> {
        let cycle: i64 =
            self.one("SELECT COALESCE(MAX(cycle), 0) FROM posts WHERE channel_id = ?1", sql_params![channel], |r| {
                r.get(0)
            })?;
        let used = self.all(
            "SELECT item_id FROM posts WHERE channel_id = ?1 AND cycle = ?2 AND state != 'missed'",
            sql_params![channel, cycle],
            |r| r.get(0),
        )?;
        let last = self
            .opt(
                "SELECT item_id FROM posts WHERE channel_id = ?1 AND state != 'missed' ORDER BY posted_at DESC, id DESC LIMIT 1",
                sql_params![channel],
                |r| r.get(0),
            )?;
        Ok((cycle, used, last))
    }

    pub fn set_message_ref(&mut self, post: PostId, message_ref: &str) -> Result<()> {
        self.exec("UPDATE posts SET message_ref = ?2 WHERE id = ?1", sql_params![post, message_ref])?;
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
            // transaction holds the write lock (SQLite) or the post's row
            // lock (PostgreSQL), so it cannot close meanwhile.
            let mut open: Vec<(PostId, bool)> = Vec::new();
            let mut out = Vec::with_capacity(rows.len());
            for r in rows.iter().map(std::borrow::Borrow::borrow) {
                let is_open = match open.iter().find(|(p, _)| *p == r.post) {
                    Some((_, o)) => *o,
                    None => {
                        // On PostgreSQL another process may close the post
                        // meanwhile: the row lock makes its close wait for
                        // this commit (or this read wait for its close).
                        let sql =
                            format!("SELECT state = 'open' FROM posts WHERE id = ?1 {}", tx.row_lock("FOR SHARE"));
                        let o = tx.opt(&sql, sql_params![r.post], |row| row.get(0))?.unwrap_or(false);
                        open.push((r.post, o));
                        o
                    }
                };
                if !is_open {
                    out.push(Inserted::Closed);
                    continue;
                }
                out.push(Inserted::New);
            }
            let open_rows: Vec<(usize, &AnswerRow)> = rows
                .iter()
                .map(std::borrow::Borrow::borrow)
                .enumerate()
                .filter(|(i, _)| matches!(out[*i], Inserted::New))
                .collect();
            let written = if tx.is_postgres() { insert_many(tx, &open_rows)? } else { insert_each(tx, &open_rows)? };
            for ((i, r), written) in open_rows.into_iter().zip(written) {
                if written {
                    continue;
                }
                let first = tx.opt(
                    "SELECT answer, correct FROM answers WHERE post_id = ?1 AND user_id = ?2",
                    sql_params![r.post, r.user],
                    |row| Ok(Inserted::Duplicate { answer: row.get(0)?, correct: row.get(1)? }),
                )?;
                out[i] = first.unwrap_or(Inserted::Closed);
            }
            Ok(out)
        })
    }

    /// The user's answer to a post: what they said and whether it was right.
    pub fn user_answer(&self, post: PostId, user: UserId) -> Result<Option<(String, bool)>> {
        self.opt(
            "SELECT answer, correct FROM answers WHERE post_id = ?1 AND user_id = ?2",
            sql_params![post, user],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}

/// Inserts each row with one cached statement (SQLite, in process); true
/// for each row written, false for a player who had answered already.
fn insert_each(tx: &Conn, rows: &[(usize, &AnswerRow)]) -> Result<Vec<bool>> {
    rows.iter()
        .map(|(_, r)| {
            Ok(tx.exec(
                "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT (post_id, user_id) DO NOTHING",
                sql_params![r.post, r.user, r.answer, i64::from(r.correct), Ms(r.at)],
            )? == 1)
        })
        .collect()
}

/// Rows per statement of [`insert_many`].
const INSERT_AT_ONCE: usize = 256;

/// Inserts the rows a few hundred to a statement (PostgreSQL, where each
/// statement is a round trip); as [`insert_each`]. A player twice in one
/// group: the first row is written, the second is not.
fn insert_many(tx: &Conn, rows: &[(usize, &AnswerRow)]) -> Result<Vec<bool>> {
    let mut written = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(INSERT_AT_ONCE) {
        let values: Vec<String> = (0..chunk.len())
            .map(|k| {
                let n = k * 5;
                format!("(?{}, ?{}, ?{}, ?{}, 0, ?{})", n + 1, n + 2, n + 3, n + 4, n + 5)
            })
            .collect();
        let sql = format!(
            "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at) VALUES {}
             ON CONFLICT (post_id, user_id) DO NOTHING RETURNING post_id, user_id",
            values.join(", ")
        );
        let correct: Vec<i64> = chunk.iter().map(|(_, r)| i64::from(r.correct)).collect();
        let at: Vec<Ms> = chunk.iter().map(|(_, r)| Ms(r.at)).collect();
        let mut params: Vec<&dyn Param> = Vec::with_capacity(chunk.len() * 5);
        for (k, (_, r)) in chunk.iter().enumerate() {
            params.extend([&r.post as &dyn Param, &r.user, &r.answer, &correct[k], &at[k]]);
        }
        let mut inserted: Vec<(PostId, UserId)> = tx.all(&sql, &params, |row| Ok((row.get(0)?, row.get(1)?)))?;
        for (_, r) in chunk {
            let key = (r.post, r.user);
            match inserted.iter().position(|k| *k == key) {
                Some(p) => {
                    inserted.swap_remove(p);
                    written.push(true);
                }
                None => written.push(false),
            }
        }
    }
    Ok(written)
}
