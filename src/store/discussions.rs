//! Discussion days: who took part in each discussion post, for its wrap-up
//! and the participation streak. Taking part never touches points,
//! accuracy or the daily streak.

use chrono::{DateTime, Utc};

use super::{ChannelId, GuildId, Ms, PostId, Result, Store, UserId};
use crate::ids::Platform;
use crate::quiz::discussion::Took;

/// An open discussion whose message was sent: replies in its thread count
/// as taking part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenThread {
    pub platform: Platform,
    /// The question message's reference (a Discord thread opened from it
    /// has its id; Slack's replies name it as `thread_ts`).
    pub message_ref: String,
    pub post: PostId,
    /// The post's channel, as the platform names it.
    pub channel: String,
}

/// The most discussions read back for a participation streak.
const STREAK_WINDOW: i64 = 400;

impl Store {
    /// Records that `user` took part in the discussion `post` at `at`.
    /// False if they already had (once per player and post).
    pub fn record_take(&mut self, post: PostId, user: UserId, at: DateTime<Utc>) -> Result<bool> {
        Ok(self.exec(
            "INSERT INTO discussion_takes (post_id, user_id, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (post_id, user_id) DO NOTHING",
            sql_params![post, user, Ms(at)],
        )? == 1)
    }

    /// Every open discussion whose message was sent, on every platform.
    pub fn open_threads(&self) -> Result<Vec<OpenThread>> {
        self.all(
            "SELECT g.platform, p.message_ref, p.id, c.external_id
             FROM posts p JOIN channels c ON c.id = p.channel_id JOIN guilds g ON g.id = c.guild_id
             WHERE p.state = 'open' AND p.kind = 'discussion' AND p.message_ref IS NOT NULL",
            sql_params![],
            |r| Ok(OpenThread { platform: r.get(0)?, message_ref: r.get(1)?, post: r.get(2)?, channel: r.get(3)? }),
        )
    }

    /// Whether `user` took part in the discussion `post`.
    pub fn took_part(&self, post: PostId, user: UserId) -> Result<bool> {
        self.one(
            "SELECT EXISTS (SELECT 1 FROM discussion_takes WHERE post_id = ?1 AND user_id = ?2)",
            sql_params![post, user],
            |r| r.get(0),
        )
    }

    /// How many took part in the discussion `post`.
    pub fn takes(&self, post: PostId) -> Result<i64> {
        self.one("SELECT COUNT(*) FROM discussion_takes WHERE post_id = ?1", sql_params![post], |r| r.get(0))
    }

    /// Whether the channel's last post (missed days aside) was a
    /// discussion; `None` before its first.
    pub fn last_post_was_discussion(&self, channel: ChannelId) -> Result<Option<bool>> {
        self.conn.opt(
            "SELECT kind = 'discussion' FROM posts WHERE channel_id = ?1 AND state != 'missed'
             ORDER BY posted_at DESC, id DESC LIMIT 1",
            sql_params![channel],
            |r| r.get(0),
        )
    }

    /// The server's latest discussions, newest first, each with whether it
    /// is still open and whether `user` took part; and how many they took
    /// part in all told.
    pub fn participation(&self, guild: GuildId, user: UserId) -> Result<(Vec<Took>, i64)> {
        let latest = self.all(
            "SELECT p.state = 'open', EXISTS (SELECT 1 FROM discussion_takes t WHERE t.post_id = p.id AND t.user_id = ?2)
             FROM posts p JOIN channels c ON c.id = p.channel_id
             WHERE c.guild_id = ?1 AND p.kind = 'discussion' AND p.state != 'missed'
             ORDER BY p.posted_at DESC, p.id DESC LIMIT ?3",
            sql_params![guild, user, STREAK_WINDOW],
            |r| Ok(Took { open: r.get(0)?, took_part: r.get(1)? }),
        )?;
        let total = self.one(
            "SELECT COUNT(*) FROM discussion_takes t JOIN posts p ON p.id = t.post_id
             JOIN channels c ON c.id = p.channel_id WHERE c.guild_id = ?1 AND t.user_id = ?2",
            sql_params![guild, user],
            |r| r.get(0),
        )?;
        Ok((latest, total))
    }
}
