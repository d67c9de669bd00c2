//! Spaced-repetition cards: one per player and item, reviewed whenever the
//! player answers the item (in practice, or a daily question once it is
//! settled), in the same transaction as the answer or the settlement.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{GuildId, Result, Store, UserId, from_millis};
use crate::quiz::srs::{self, Card, QUICK, Recall};

const COLUMNS: &str = "due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review";

fn card_from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Card> {
    Ok(Card {
        due: from_millis(r.get(at)?),
        stability: r.get(at + 1)?,
        difficulty: r.get(at + 2)?,
        elapsed_days: r.get(at + 3)?,
        scheduled_days: r.get(at + 4)?,
        reps: r.get(at + 5)?,
        lapses: r.get(at + 6)?,
        state: r.get(at + 7)?,
        last_review: from_millis(r.get(at + 8)?),
    })
}

/// A player's card for an item, if they have one.
pub(super) fn card_of(tx: &Connection, user: UserId, item: &str) -> rusqlite::Result<Option<Card>> {
    tx.prepare_cached(&format!("SELECT {COLUMNS} FROM cards WHERE user_id = ?1 AND item_id = ?2"))?
        .query_row(params![user, item], |r| card_from_row(r, 0))
        .optional()
}

/// Writes a player's card for an item, as reviewed.
pub(super) fn save_card(tx: &Connection, user: UserId, item: &str, c: &Card) -> rusqlite::Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO cards (user_id, item_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (user_id, item_id) DO UPDATE SET due = excluded.due, stability = excluded.stability,
         difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
         scheduled_days = excluded.scheduled_days, reps = excluded.reps, lapses = excluded.lapses,
         state = excluded.state, last_review = excluded.last_review"
    ))?
    .execute(params![
        user,
        item,
        c.due.timestamp_millis(),
        c.stability,
        c.difficulty,
        c.elapsed_days,
        c.scheduled_days,
        c.reps,
        c.lapses,
        c.state,
        c.last_review.timestamp_millis()
    ])?;
    Ok(())
}

/// One review of the history, in the order it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastReview {
    pub user: UserId,
    pub item: String,
    pub recall: Recall,
    pub at: DateTime<Utc>,
}

/// Every review in the answers already stored: practice answers (quick
/// ones easy) and the answers of settled daily questions, oldest first.
/// Answers of questions still open or settling are reviewed when they settle.
pub fn past_reviews(conn: &Connection) -> rusqlite::Result<Vec<PastReview>> {
    let mut stmt = conn.prepare(
        "SELECT user_id, item_id, correct, quick, answered_at FROM (
             SELECT q.user_id, q.item_id, a.correct, a.answered_at - q.asked_at <= ?1 AS quick, a.answered_at, 0 AS src, q.id AS n
             FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
             UNION ALL
             SELECT a.user_id, p.item_id, a.correct, 0, a.answered_at, 1, a.id
             FROM answers a JOIN posts p ON p.id = a.post_id WHERE p.state = 'closed' AND p.settling = 0
         ) ORDER BY answered_at, src, n",
    )?;
    let rows = stmt.query_map([QUICK.num_milliseconds()], |r| {
        Ok(PastReview {
            user: r.get(0)?,
            item: r.get(1)?,
            recall: Recall::of(r.get(2)?, r.get(3)?),
            at: r.get::<_, super::Ms>(4)?.0,
        })
    })?;
    rows.collect()
}

/// The upgrade that introduces cards: every player's history replayed, so
/// practice picks up where the player is.
pub(super) fn seed_cards(tx: &Connection) -> rusqlite::Result<()> {
    let mut cards: HashMap<(UserId, String), Card> = HashMap::new();
    for r in past_reviews(tx)? {
        let key = (r.user, r.item);
        let next = srs::review(cards.get(&key).copied(), r.recall, r.at);
        cards.insert(key, next);
    }
    for ((user, item), card) in &cards {
        save_card(tx, *user, item, card)?;
    }
    Ok(())
}

impl Store {
    /// A player's cards, by item id.
    pub fn cards(&self, user: UserId) -> Result<HashMap<String, Card>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT item_id, {COLUMNS} FROM cards WHERE user_id = ?1"))?;
        let rows = stmt.query_map([user], |r| Ok((r.get::<_, String>(0)?, card_from_row(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Right and all answers of a player in a server since `since`: practice
    /// answers, and daily answers once revealed (so nothing tells who was
    /// right before the reveal).
    pub fn recent_results(&self, guild: GuildId, user: UserId, since: DateTime<Utc>) -> Result<(i64, i64)> {
        Ok(self.one(
            "SELECT COALESCE(SUM(correct), 0), COUNT(*) FROM (
                 SELECT a.correct FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
                 WHERE q.user_id = ?2 AND q.guild_id = ?1 AND a.answered_at >= ?3
                 UNION ALL
                 SELECT a.correct FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
                 WHERE a.user_id = ?2 AND c.guild_id = ?1 AND a.answered_at >= ?3
                   AND p.state = 'closed' AND p.settling = 0)",
            params![guild, user, since.timestamp_millis()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
}
