//! Channel schedules, category filters, and the delivery state of posts.

use rusqlite::{OptionalExtension, Row, params};

use super::{ChannelId, PostId, Result, Store};
pub use crate::ids::{Destination, Part};
use crate::store::daily::{POST_COLUMNS_P, Post, post_from_row};

/// A channel's schedule as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSchedule {
    /// `HH:MM`.
    pub local_time: String,
    pub timezone: String,
    pub days: u8,
    pub close_minutes: Option<i64>,
    pub paused: bool,
    pub skip_date: Option<String>,
    /// The next occurrence to act on (ms) and its local date.
    pub next_at: i64,
    pub next_date: String,
}

const COLUMNS: &str = "local_time, timezone, days, close_minutes, paused, skip_date, next_at, next_date";

fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredSchedule> {
    Ok(StoredSchedule {
        local_time: r.get(0)?,
        timezone: r.get(1)?,
        days: r.get(2)?,
        close_minutes: r.get(3)?,
        paused: r.get(4)?,
        skip_date: r.get(5)?,
        next_at: r.get(6)?,
        next_date: r.get(7)?,
    })
}

/// The column holding a part's delivery state.
fn column(part: Part) -> &'static str {
    match part {
        Part::Question => "delivery",
        Part::Reveal => "reveal_delivery",
    }
}

/// A post message that has not been confirmed as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingDelivery {
    pub part: Part,
    pub post: Post,
    pub to: Destination,
    /// A previous attempt started and its outcome is unknown (a crash mid-send).
    pub interrupted: bool,
}

impl Store {
    /// Creates or replaces a channel's schedule.
    pub fn set_schedule(&mut self, channel: ChannelId, s: &StoredSchedule) -> Result<()> {
        self.exec(
            &format!(
                "INSERT INTO schedules (channel_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (channel_id) DO UPDATE SET local_time = excluded.local_time, timezone = excluded.timezone,
                 days = excluded.days, close_minutes = excluded.close_minutes, paused = excluded.paused,
                 skip_date = excluded.skip_date, next_at = excluded.next_at, next_date = excluded.next_date"
            ),
            params![
                channel,
                s.local_time,
                s.timezone,
                s.days,
                s.close_minutes,
                s.paused,
                s.skip_date,
                s.next_at,
                s.next_date
            ],
        )?;
        Ok(())
    }

    pub fn schedule(&self, channel: ChannelId) -> Result<Option<StoredSchedule>> {
        Ok(self
            .one(&format!("SELECT {COLUMNS} FROM schedules WHERE channel_id = ?1"), [channel], from_row)
            .optional()?)
    }

    /// Running schedules whose next occurrence is due by `now_ms`.
    pub fn due_schedules(&self, now_ms: i64) -> Result<Vec<(ChannelId, StoredSchedule)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS}, channel_id FROM schedules WHERE paused = 0 AND next_at <= ?1 ORDER BY next_at, channel_id"
        ))?;
        let rows = stmt.query_map([now_ms], |r| Ok((r.get::<_, ChannelId>(8)?, from_row(r)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The earliest instant anything is due: a scheduled post or a close.
    pub fn next_wake(&self) -> Result<Option<i64>> {
        Ok(self.one(
            "SELECT MIN(t) FROM (SELECT MIN(next_at) AS t FROM schedules WHERE paused = 0
                                UNION ALL SELECT MIN(closes_at) FROM posts WHERE state = 'open')",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn channel_categories(&self, channel: ChannelId) -> Result<Option<String>> {
        Ok(self.one("SELECT categories FROM channels WHERE id = ?1", [channel], |r| r.get(0))?)
    }

    pub fn set_channel_categories(&mut self, channel: ChannelId, categories: Option<&str>) -> Result<()> {
        self.exec("UPDATE channels SET categories = ?2 WHERE id = ?1", params![channel, categories])?;
        Ok(())
    }

    /// Question and reveal messages not yet confirmed as sent, oldest first.
    pub fn pending_deliveries(&self) -> Result<Vec<PendingDelivery>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {POST_COLUMNS_P}, p.delivery, p.reveal_delivery, g.platform, g.external_id, c.external_id, p.settling
             FROM posts p JOIN channels c ON c.id = p.channel_id JOIN guilds g ON g.id = c.guild_id
             WHERE p.delivery != 'sent' OR p.reveal_delivery IN ('pending', 'sending')
             ORDER BY p.posted_at, p.id"
        ))?;
        let rows = stmt.query_map([], |r| {
            let post = post_from_row(r)?;
            let question: String = r.get(9)?;
            let reveal: String = r.get(10)?;
            let to = Destination { platform: r.get(11)?, guild: r.get(12)?, channel: r.get(13)? };
            Ok((post, question, reveal, to, r.get::<_, bool>(14)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            // A reveal goes out once its question is settled.
            let (post, question, reveal, to, settling) = row?;
            if question != "sent" {
                out.push(PendingDelivery {
                    part: Part::Question,
                    post: post.clone(),
                    to: to.clone(),
                    interrupted: question == "sending",
                });
            }
            if (reveal == "pending" || reveal == "sending") && !settling {
                out.push(PendingDelivery { part: Part::Reveal, post, to, interrupted: reveal == "sending" });
            }
        }
        Ok(out)
    }

    /// Marks a delivery as started: a crash from here on leaves its outcome unknown.
    pub fn delivery_started(&mut self, post: PostId, part: Part) -> Result<()> {
        self.exec(&format!("UPDATE posts SET {} = 'sending' WHERE id = ?1", column(part)), [post])?;
        Ok(())
    }

    /// Puts a failed delivery back in the queue.
    pub fn delivery_failed(&mut self, post: PostId, part: Part) -> Result<()> {
        self.exec(&format!("UPDATE posts SET {} = 'pending' WHERE id = ?1", column(part)), [post])?;
        Ok(())
    }

    /// Marks a delivery as done, keeping the platform's message reference of the question.
    pub fn delivery_done(&mut self, post: PostId, part: Part, message_ref: Option<&str>) -> Result<()> {
        match part {
            Part::Question => self.exec(
                "UPDATE posts SET delivery = 'sent', message_ref = COALESCE(?2, message_ref) WHERE id = ?1",
                params![post, message_ref],
            )?,
            Part::Reveal => self.exec("UPDATE posts SET reveal_delivery = 'sent' WHERE id = ?1", [post])?,
        };
        Ok(())
    }
}
