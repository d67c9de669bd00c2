//! Building a server's running totals again from its answers: after an
//! upgrade, a zone change, or a player forgotten.

use std::collections::HashMap;

use super::db::{Conn, Param};
use chrono_tz::Tz;

use super::boards::{ACCURACY_SCALE, DAY_MS, Score, count_score};
use super::{GuildId, Result, Store, UserId, from_millis};
use crate::quiz::leaderboard::{BoardKind, period_keys};

/// Period names, and each (board, period, player)'s score by period number.
type Sums = (Vec<String>, HashMap<(BoardKind, usize, UserId), Score>);

impl Store {
    /// Rebuilds a guild's running totals from its answers, in `zone`: every
    /// revealed daily answer and every practice answer.
    pub fn rebuild_totals(&mut self, guild: GuildId, zone: Tz) -> Result<()> {
        let alone = !self.conn.in_transaction();
        self.write(|tx| {
            for table in ["board_totals", "board_points", "board_points_days", "board_accuracy"] {
                tx.exec(&format!("DELETE FROM {table} WHERE guild_id = ?1"), sql_params![guild])?;
            }
            let (names, sums) = sum_answers(tx, guild, zone)?;
            let mut sorted: Vec<_> = sums.into_iter().collect();
            sorted.sort_unstable_by(|((ka, pa, ua), _), ((kb, pb, ub), _)| {
                (ka.as_str(), &names[*pa], ua).cmp(&(kb.as_str(), &names[*pb], ub))
            });
            // Players per score (points, accuracy, and the day it was reached).
            let mut counts: HashMap<(BoardKind, usize, i64, i64, i64, i64), i64> = HashMap::new();
            let accuracy: Vec<i64> =
                sorted.iter().map(|(_, t)| t.correct * ACCURACY_SCALE / t.answered.max(1)).collect();
            let rows: Vec<Vec<&dyn Param>> = sorted
                .iter()
                .zip(&accuracy)
                .map(|(((kind, key, user), t), accuracy)| {
                    let row: Vec<&dyn Param> = vec![
                        &guild,
                        kind_param(*kind),
                        &names[*key],
                        user,
                        &t.points,
                        &t.correct,
                        &t.answered,
                        &t.points_at,
                        accuracy,
                    ];
                    row
                })
                .collect();
            tx.insert_rows(
                "board_totals (guild_id, board, period, user_id, points, correct, answered, points_at, accuracy)",
                9,
                &rows,
            )?;
            for ((kind, key, _), t) in &sorted {
                let day = t.points_at.div_euclid(DAY_MS);
                *counts.entry((*kind, *key, t.points, t.correct, t.answered, day)).or_default() += 1;
            }
            for ((kind, key, points, correct, answered, day), players) in counts {
                let score = Score { points, correct, answered, points_at: day * DAY_MS };
                count_score(tx, guild, kind, &names[key], Some(&score), players)?;
            }
            tx.exec("UPDATE guilds SET totals_zone = ?2 WHERE id = ?1", sql_params![guild, zone.name()])?;
            Ok(())
        })?;
        // PostgreSQL plans the boards from its statistics, and reads an
        // index alone only where the visibility map says every row is
        // visible: without a VACUUM (ANALYZE) of the rows just written, the
        // first boards after a rebuild run several times slower until
        // autovacuum gets there. VACUUM cannot run inside a transaction; a
        // rebuild inside a larger one gets ANALYZE from the next autovacuum.
        if alone && self.conn.is_postgres() {
            self.conn.exec(
                "VACUUM (ANALYZE) board_totals, board_points, board_points_days, board_accuracy",
                sql_params![],
            )?;
        }
        Ok(())
    }
}

/// A board's name as a parameter that outlives the rows it is bound in
/// (the names [`BoardKind::as_str`] gives).
fn kind_param(kind: BoardKind) -> &'static dyn Param {
    match kind {
        BoardKind::Daily => &"daily",
        BoardKind::Practice => &"practice",
    }
}

/// Every revealed daily answer and every practice answer of a guild, summed
/// per board, period (in `zone`) and player.
fn sum_answers(tx: &Conn, guild: GuildId, zone: Tz) -> Result<Sums> {
    let daily = "SELECT a.user_id, a.points, a.correct, a.answered_at FROM channels c
         JOIN posts p ON p.channel_id = c.id AND p.state = 'closed' AND p.settling = 0
         JOIN answers a ON a.post_id = p.id
         WHERE c.guild_id = ?1";
    let practice = "SELECT q.user_id, a.correct, a.correct, a.answered_at FROM practice_questions q
         JOIN practice_answers a ON a.question_id = q.id WHERE q.guild_id = ?1";
    // Summed in memory, then written once per player and period, in
    // key order (appending to the B-trees is far cheaper than
    // inserting all over them). Period names are computed once per
    // local date and referred to by number.
    let mut names: Vec<String> = Vec::new();
    let mut by_date: HashMap<chrono::NaiveDate, [usize; 3]> = HashMap::new();
    let mut sums: HashMap<(BoardKind, usize, UserId), Score> = HashMap::new();
    for (kind, sql) in [(BoardKind::Daily, daily), (BoardKind::Practice, practice)] {
        tx.each(sql, sql_params![guild], |r| {
            let (user, points, correct, at) =
                (r.get::<UserId>(0)?, r.get::<i64>(1)?, r.get::<bool>(2)?, r.get::<i64>(3)?);
            let date = from_millis(at).with_timezone(&zone).date_naive();
            let keys = *by_date.entry(date).or_insert_with(|| {
                period_keys(from_millis(at), zone).map(|name| {
                    names.iter().position(|n| *n == name).unwrap_or_else(|| {
                        names.push(name);
                        names.len() - 1
                    })
                })
            });
            for key in keys {
                let e = sums.entry((kind, key, user)).or_default();
                e.points += points;
                e.correct += i64::from(correct);
                e.answered += 1;
                if points > 0 {
                    e.points_at = e.points_at.max(at);
                }
            }
            Ok(true)
        })?;
    }
    Ok((names, sums))
}
