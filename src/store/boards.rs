//! The figures behind leaderboards and stats. Ranking itself is the domain's.

use rusqlite::params;

use super::{GuildId, Result, Store, UserId};
use crate::quiz::leaderboard::Standing;

/// Which answers a board counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BoardKind {
    /// Daily questions: points, accuracy and streaks.
    #[default]
    Daily,
    /// Practice questions: one point per correct answer, no streaks.
    Practice,
}

/// One user's figures in one server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserStats {
    pub daily_answered: i64,
    pub daily_correct: i64,
    pub points: i64,
    /// The best current streak over the server's channels.
    pub streak: i64,
    pub best_streak: i64,
    pub freezes: i64,
    pub practice_answered: i64,
    pub practice_correct: i64,
}

/// Each player's daily answers in `[?2, ?3)` in guild `?1`, as `t`. Only
/// revealed questions count: until then nobody may tell who was right.
const DAILY_PERIOD_TOTALS: &str = "(SELECT a.user_id AS user_id, SUM(a.points) AS points, SUM(a.correct) AS correct,
        COUNT(*) AS answered, COALESCE(MAX(CASE WHEN a.points > 0 THEN a.answered_at END), 0) AS points_at
    FROM answers a
    JOIN posts p ON p.id = a.post_id
    JOIN channels c ON c.id = p.channel_id
    WHERE c.guild_id = ?1 AND a.answered_at >= ?2 AND a.answered_at < ?3 AND p.state = 'closed'
    GROUP BY a.user_id) t";

/// A player's best running streak in the guild and when it was reached.
const DAILY_STREAK_COLUMNS: &str =
    "COALESCE((SELECT MAX(st.current) FROM streaks st JOIN channels c2 ON c2.id = st.channel_id
        WHERE st.user_id = t.user_id AND c2.guild_id = ?1 AND st.current > 0), 0),
    COALESCE((SELECT MIN(st.reached_at) FROM streaks st JOIN channels c2 ON c2.id = st.channel_id
        WHERE st.user_id = t.user_id AND c2.guild_id = ?1 AND st.current > 0), 0)";

impl Store {
    /// Every player's figures on a board, unranked. `range` is `[start, end)` in ms, `None` for all time.
    /// Streaks are looked up only `with_streaks` (a board ranked by streak):
    /// one lookup per player is most of the cost of a big board.
    pub fn standings(
        &self,
        guild: GuildId,
        range: Option<(i64, i64)>,
        kind: BoardKind,
        with_streaks: bool,
    ) -> Result<Vec<Standing>> {
        let (start, end) = range.unwrap_or((i64::MIN, i64::MAX));
        // Daily boards aggregate the period's answers first (a range of the
        // covering time index), then look up names and, if asked, streaks.
        let streaks = if with_streaks { DAILY_STREAK_COLUMNS } else { "0, 0" };
        let sql = match kind {
            BoardKind::Daily => format!(
                "SELECT u.id, u.display_name, t.points, t.correct, t.answered, t.points_at, {streaks}
                 FROM {DAILY_PERIOD_TOTALS} JOIN users u ON u.id = t.user_id"
            ),
            BoardKind::Practice => "SELECT u.id, u.display_name, SUM(a.correct), SUM(a.correct), COUNT(*),
                        COALESCE(MAX(CASE WHEN a.correct = 1 THEN a.answered_at END), 0), 0, 0
                 FROM practice_answers a
                 JOIN practice_questions q ON q.id = a.question_id
                 JOIN users u ON u.id = q.user_id
                 WHERE q.guild_id = ?1 AND a.answered_at >= ?2 AND a.answered_at < ?3
                 GROUP BY u.id"
                .to_string(),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![guild, start, end], |r| {
            Ok(Standing {
                user_id: r.get(0)?,
                name: r.get(1)?,
                points: r.get(2)?,
                correct: r.get(3)?,
                answered: r.get(4)?,
                points_at: r.get(5)?,
                streak: r.get(6)?,
                streak_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn user_stats(&self, guild: GuildId, user: UserId) -> Result<UserStats> {
        let (daily_answered, daily_correct, points) = self.one(
            "SELECT COUNT(*), COALESCE(SUM(a.correct), 0), COALESCE(SUM(a.points), 0)
             FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
             WHERE c.guild_id = ?1 AND a.user_id = ?2 AND p.state = 'closed'",
            params![guild, user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (streak, best_streak, freezes) = self.one(
            "SELECT COALESCE(MAX(s.current), 0), COALESCE(MAX(s.best), 0), COALESCE(MAX(s.freezes), 0)
             FROM streaks s JOIN channels c ON c.id = s.channel_id WHERE c.guild_id = ?1 AND s.user_id = ?2",
            params![guild, user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (practice_answered, practice_correct) = self.one(
            "SELECT COUNT(*), COALESCE(SUM(a.correct), 0) FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
             WHERE q.guild_id = ?1 AND q.user_id = ?2",
            params![guild, user],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(UserStats {
            daily_answered,
            daily_correct,
            points,
            streak,
            best_streak,
            freezes,
            practice_answered,
            practice_correct,
        })
    }
}
