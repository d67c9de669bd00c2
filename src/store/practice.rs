//! Private practice questions and their answers.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::boards::{add_to_totals, guild_zone};
use super::cards::{card_of, save_card};
use super::db::Row;
use super::{GuildId, Inserted, PracticeId, Result, Store, UserId, from_millis};
use crate::quiz::leaderboard::BoardKind;
use crate::quiz::settle::{PracticeAnswer, TotalsDelta};
use crate::quiz::srs::Card;

/// A practice question given to one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeQuestion {
    pub id: PracticeId,
    pub user_id: UserId,
    pub guild_id: GuildId,
    pub item_id: String,
    pub asked_at: DateTime<Utc>,
    /// Whether it has been answered already.
    pub answered: bool,
}

const COLUMNS: &str = "q.id, q.user_id, q.guild_id, q.item_id, q.asked_at, a.question_id IS NOT NULL";

fn from_row(r: &Row<'_>) -> Result<PracticeQuestion> {
    Ok(PracticeQuestion {
        id: r.get(0)?,
        user_id: r.get(1)?,
        guild_id: r.get(2)?,
        item_id: r.get(3)?,
        asked_at: r.get::<super::Ms>(4)?.0,
        answered: r.get(5)?,
    })
}

impl Store {
    pub fn create_practice(
        &mut self,
        user: UserId,
        guild: GuildId,
        item_id: &str,
        at: DateTime<Utc>,
    ) -> Result<PracticeId> {
        let at_ms = super::millis(at);
        self.one(
            "INSERT INTO practice_questions (user_id, guild_id, item_id, asked_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            sql_params![user, guild, item_id, at_ms],
            |r| r.get(0),
        )
    }

    pub fn practice_question(&self, id: PracticeId) -> Result<Option<PracticeQuestion>> {
        self
            .opt(
                &format!("SELECT {COLUMNS} FROM practice_questions q LEFT JOIN practice_answers a ON a.question_id = q.id WHERE q.id = ?1"),
                sql_params![id],
                from_row,
            )
    }

    /// The user's latest practice question in a server, answered or not.
    pub fn latest_practice(&self, user: UserId, guild: GuildId) -> Result<Option<PracticeQuestion>> {
        self.opt(
            &format!(
                "SELECT {COLUMNS} FROM practice_questions q LEFT JOIN practice_answers a ON a.question_id = q.id
                     WHERE q.user_id = ?1 AND q.guild_id = ?2 ORDER BY q.id DESC LIMIT 1"
            ),
            sql_params![user, guild],
            from_row,
        )
    }

    /// Records a practice answer unless the question was answered already (the
    /// primary key on question_id decides), and adds it to the practice board.
    /// `decide` (the service's [`crate::quiz::settle::practice`]) says what
    /// the answer changes; this writes it in the same transaction.
    pub fn record_practice_answer(
        &mut self,
        question: PracticeId,
        answer: &str,
        correct: bool,
        at: DateTime<Utc>,
        default_zone: Tz,
        decide: &dyn Fn(PracticeAnswer) -> (Card, Option<TotalsDelta>),
    ) -> Result<Inserted> {
        let at_ms = super::millis(at);
        self.write(|tx| {
            let inserted = tx.exec("INSERT INTO practice_answers (question_id, answer, correct, answered_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING", sql_params![question, answer, i64::from(correct), at_ms])?;
            if inserted == 1 {
                let (user, guild, item, asked_at): (UserId, GuildId, String, i64) = tx
                    .one("SELECT user_id, guild_id, item_id, asked_at FROM practice_questions WHERE id = ?1", sql_params![question], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
                let (zone, totals) = guild_zone(tx, guild, default_zone)?;
                let (card, totals) = decide(PracticeAnswer {
                    correct,
                    asked_at: from_millis(asked_at),
                    at: from_millis(at_ms),
                    card: card_of(tx, user, &item)?,
                    totals_zone: totals.then_some(zone),
                });
                save_card(tx, user, &item, &card)?;
                if let Some(t) = totals {
                    let scored_at = t.scored_at.map_or(0, super::millis);
                    add_to_totals(tx, guild, BoardKind::Practice, &t.keys, user, t.points, t.correct, scored_at)?;
                }
                return Ok(Inserted::New);
            }
            tx.one("SELECT answer, correct FROM practice_answers WHERE question_id = ?1", sql_params![question], |r| {
                Ok(Inserted::Duplicate { answer: r.get(0)?, correct: r.get(1)? })
            })
        })
    }
}
