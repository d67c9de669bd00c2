//! Spaced-repetition cards: one per player and item, reviewed whenever the
//! player answers the item (in practice, or a daily question once it is
//! settled), in the same transaction as the answer or the settlement.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::db::{Conn, Param, Row, Value};
use super::{GuildId, Result, Store, UserId, from_millis};
use crate::quiz::srs::{self, Card, QUICK, Recall};

const COLUMNS: &str = "due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review";

fn card_from_row(r: &Row<'_>, at: usize) -> Result<Card> {
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
pub(super) fn card_of(tx: &Conn, user: UserId, item: &str) -> Result<Option<Card>> {
    tx.opt(&format!("SELECT {COLUMNS} FROM cards WHERE user_id = ?1 AND item_id = ?2"), sql_params![user, item], |r| {
        card_from_row(r, 0)
    })
}

/// Writes a player's card for an item, as reviewed.
pub(super) fn save_card(tx: &Conn, user: UserId, item: &str, c: &Card) -> Result<()> {
    let row = card_row(user, item, c);
    let params: Vec<&dyn Param> = row.iter().map(|v| v as &dyn Param).collect();
    tx.exec(SAVE_CARD, &params)?;
    Ok(())
}

/// [`SAVE_CARD`]'s parameters, for the store and for the upgrade that
/// writes through SQLite's own transaction.
fn card_row<'a>(user: UserId, item: &'a str, c: &Card) -> [Value<'a>; 11] {
    [
        Value::Int(user.0),
        Value::Text(item.into()),
        Value::Int(c.due.timestamp_millis()),
        Value::Real(c.stability),
        Value::Real(c.difficulty),
        Value::Int(c.elapsed_days),
        Value::Int(c.scheduled_days),
        Value::Int(i64::from(c.reps)),
        Value::Int(i64::from(c.lapses)),
        Value::Int(i64::from(c.state)),
        Value::Int(c.last_review.timestamp_millis()),
    ]
}

const SAVE_CARD: &str = "INSERT INTO cards (user_id, item_id, due, stability, difficulty, elapsed_days, scheduled_days,
         reps, lapses, state, last_review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
     ON CONFLICT (user_id, item_id) DO UPDATE SET due = excluded.due, stability = excluded.stability,
     difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
     scheduled_days = excluded.scheduled_days, reps = excluded.reps, lapses = excluded.lapses,
     state = excluded.state, last_review = excluded.last_review";

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
pub fn past_reviews(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PastReview>> {
    let mut stmt = conn.prepare(PAST_REVIEWS)?;
    let rows = stmt.query_map([QUICK.num_milliseconds()], |r| {
        Ok(PastReview {
            user: UserId(r.get(0)?),
            item: r.get(1)?,
            recall: Recall::of(r.get(2)?, r.get(3)?),
            at: from_millis(r.get(4)?),
        })
    })?;
    rows.collect()
}

/// Every review so far, oldest first: practice answers (quick ones easy)
/// and the answers of settled daily questions.
const PAST_REVIEWS: &str = "SELECT user_id, item_id, correct, quick, answered_at FROM (
         SELECT q.user_id, q.item_id, a.correct, a.answered_at - q.asked_at <= ?1 AS quick, a.answered_at, 0 AS src, q.id AS n
         FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
         UNION ALL
         SELECT a.user_id, p.item_id, a.correct, 0, a.answered_at, 1, a.id
         FROM answers a JOIN posts p ON p.id = a.post_id WHERE p.state = 'closed' AND p.settling = 0
     ) ORDER BY answered_at, src, n";

/// The upgrade that introduces cards: every player's history replayed, so
/// practice picks up where the player is.
pub(super) fn seed_cards(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    let mut cards: HashMap<(UserId, String), Card> = HashMap::new();
    for r in past_reviews(tx)? {
        let key = (r.user, r.item);
        let next = srs::review(cards.get(&key).copied(), r.recall, r.at);
        cards.insert(key, next);
    }
    // Written through the migration's own transaction (SQLite's only: a
    // PostgreSQL database starts empty or is copied in with its cards).
    let mut save = tx.prepare(SAVE_CARD)?;
    for ((user, item), c) in &cards {
        save.execute(rusqlite::params_from_iter(card_row(*user, item, c).iter()))?;
    }
    Ok(())
}

impl Store {
    /// A player's cards, by item id.
    pub fn cards(&self, user: UserId) -> Result<HashMap<String, Card>> {
        let sql = format!("SELECT item_id, {COLUMNS} FROM cards WHERE user_id = ?1");
        let rows = self.all(&sql, sql_params![user], |r| Ok((r.get::<String>(0)?, card_from_row(r, 1)?)))?;
        Ok(rows.into_iter().collect())
    }

    /// Right and all answers of a player in a server since `since`: practice
    /// answers, and daily answers once revealed (so nothing tells who was
    /// right before the reveal).
    pub fn recent_results(&self, guild: GuildId, user: UserId, since: DateTime<Utc>) -> Result<(i64, i64)> {
        self.one(
            "SELECT CAST(COALESCE(SUM(correct), 0) AS BIGINT), COUNT(*) FROM (
                 SELECT a.correct FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
                 WHERE q.user_id = ?2 AND q.guild_id = ?1 AND a.answered_at >= ?3
                 UNION ALL
                 SELECT a.correct FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
                 WHERE a.user_id = ?2 AND c.guild_id = ?1 AND a.answered_at >= ?3
                   AND p.state = 'closed' AND p.settling = 0) AS recent",
            sql_params![guild, user, since.timestamp_millis()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}
