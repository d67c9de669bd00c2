//! The figures behind leaderboards and stats. Ranking itself is the domain's.

use chrono_tz::Tz;

use super::db::{Conn, Row};
use super::{GuildId, Result, Store, UserId};
use crate::quiz::leaderboard::{BoardKind, Sort, Standing, rank};

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

/// What a board shows: its top players, and the asker's place when it is
/// below them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    /// Best first, at most the limit asked for.
    pub top: Vec<Standing>,
    /// The asker's rank (from 1) and figures, when not among `top`.
    pub you: Option<(usize, Standing)>,
}

impl BoardKind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            BoardKind::Daily => "daily",
            BoardKind::Practice => "practice",
        }
    }
}

/// Accuracy as stored for ordering: correct / answered, scaled. Two different
/// ratios of counts below 30,000 never share a value; equal ratios always do.
pub(super) const ACCURACY_SCALE: i64 = 1_000_000_000;

const TOTALS_COLUMNS: &str = "t.user_id, u.display_name, t.points, t.correct, t.answered, t.points_at";

/// A [`Standing`] from `user_id, display_name, points, correct, answered, points_at`.
pub(super) fn totals_from_row(r: &Row<'_>) -> Result<Standing> {
    Ok(Standing {
        user_id: r.get(0)?,
        name: r.get(1)?,
        points: r.get(2)?,
        correct: r.get(3)?,
        answered: r.get(4)?,
        points_at: r.get(5)?,
        streak: 0,
        streak_at: 0,
    })
}

/// Adds one answer to a player's running totals in the periods `keys`, and
/// moves the player between the score counts.
/// `points_at` is the answer's time if it scored, else 0.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_to_totals(
    conn: &Conn,
    guild: GuildId,
    kind: BoardKind,
    keys: &[String],
    user: UserId,
    points: i64,
    correct: bool,
    points_at: i64,
) -> Result<()> {
    for key in keys {
        let before = conn.opt(
            "SELECT points, correct, answered, points_at FROM board_totals
             WHERE guild_id = ?1 AND board = ?2 AND period = ?3 AND user_id = ?4",
            sql_params![guild, kind.as_str(), key, user],
            |r| Ok(Score { points: r.get(0)?, correct: r.get(1)?, answered: r.get(2)?, points_at: r.get(3)? }),
        )?;
        let after = match &before {
            Some(b) => Score {
                points: b.points + points,
                correct: b.correct + i64::from(correct),
                answered: b.answered + 1,
                points_at: b.points_at.max(points_at),
            },
            None => Score { points, correct: i64::from(correct), answered: 1, points_at },
        };
        conn.exec(
            "INSERT INTO board_totals (guild_id, board, period, user_id, points, correct, answered, points_at, accuracy)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?6 AS BIGINT) * ?9 / ?7)
             ON CONFLICT (guild_id, board, period, user_id) DO UPDATE SET points = excluded.points,
                 correct = excluded.correct, answered = excluded.answered, points_at = excluded.points_at,
                 accuracy = excluded.accuracy",
            sql_params![
                guild,
                kind.as_str(),
                key,
                user,
                after.points,
                after.correct,
                after.answered,
                after.points_at,
                ACCURACY_SCALE
            ],
        )?;
        count_score(conn, guild, kind, key, before.as_ref(), -1)?;
        count_score(conn, guild, kind, key, Some(&after), 1)?;
    }
    Ok(())
}

/// A player's score in one board period.
#[derive(Default)]
pub(super) struct Score {
    pub(super) points: i64,
    pub(super) correct: i64,
    pub(super) answered: i64,
    pub(super) points_at: i64,
}

impl Score {
    fn accuracy(&self) -> i64 {
        self.correct * ACCURACY_SCALE / self.answered.max(1)
    }

    fn day(&self) -> i64 {
        self.points_at.div_euclid(DAY_MS)
    }
}

pub(super) const DAY_MS: i64 = 86_400_000;

/// Adds `delta` players to a score's counts.
pub(super) fn count_score(
    conn: &Conn,
    guild: GuildId,
    kind: BoardKind,
    period: &str,
    score: Option<&Score>,
    delta: i64,
) -> Result<()> {
    let Some(score) = score else { return Ok(()) };
    conn.exec(
        "INSERT INTO board_points (guild_id, board, period, points, players) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (guild_id, board, period, points) DO UPDATE SET players = board_points.players + excluded.players",
        sql_params![guild, kind.as_str(), period, score.points, delta],
    )?;
    conn.exec("INSERT INTO board_points_days (guild_id, board, period, points, day, players) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (guild_id, board, period, points, day) DO UPDATE SET players = board_points_days.players + excluded.players", sql_params![guild, kind.as_str(), period, score.points, score.day(), delta])?;
    conn.exec("INSERT INTO board_accuracy (guild_id, board, period, accuracy, answered, players) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (guild_id, board, period, accuracy, answered) DO UPDATE SET players = board_accuracy.players + excluded.players", sql_params![guild, kind.as_str(), period, score.accuracy(), score.answered, delta])?;
    Ok(())
}

/// See [`Store::guild_zone`]; also for use inside a transaction.
pub(super) fn guild_zone(conn: &Conn, guild: GuildId, default: Tz) -> Result<(Tz, bool)> {
    let (own, built): (Option<String>, Option<String>) =
        conn.one("SELECT timezone, totals_zone FROM guilds WHERE id = ?1", sql_params![guild], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let zone = own.and_then(|z| z.parse().ok()).unwrap_or(default);
    Ok((zone, built.as_deref() == Some(zone.name())))
}

impl Store {
    /// The zone of a guild's boards (its own, else `default`), and whether
    /// its running totals were built in that zone; if not (first use, or the
    /// zone changed), [`Store::rebuild_totals`] is due.
    pub fn guild_zone(&self, guild: GuildId, default: Tz) -> Result<(Tz, bool)> {
        guild_zone(&self.conn, guild, default)
    }

    /// A board from the running totals: the top `limit` players of a period
    /// (see [`crate::quiz::leaderboard::period_key`]) in the order of
    /// [`crate::quiz::leaderboard::rank`], and the asker's rank if below them.
    /// Streak boards rank the current streaks; the period does not apply.
    pub fn board(
        &self,
        guild: GuildId,
        kind: BoardKind,
        period: &str,
        sort: Sort,
        user: UserId,
        limit: usize,
    ) -> Result<Board> {
        if sort == Sort::Streak {
            return self.streak_board(guild, user, limit);
        }
        let order = match sort {
            Sort::Accuracy => "t.accuracy DESC, t.answered DESC, t.points_at, t.user_id",
            _ => "t.points DESC, t.points_at, t.user_id",
        };
        let base = "FROM board_totals t JOIN users u ON u.id = t.user_id WHERE t.guild_id = ?1 AND t.board = ?2 AND t.period = ?3";
        let top = self.all(
            &format!("SELECT {TOTALS_COLUMNS} {base} ORDER BY {order} LIMIT ?4"),
            sql_params![guild, kind.as_str(), period, limit as i64],
            totals_from_row,
        )?;
        if top.len() < limit || top.iter().any(|s| s.user_id == user) {
            return Ok(Board { top, you: None });
        }
        let Some(mine) = self.opt(
            &format!("SELECT {TOTALS_COLUMNS} {base} AND t.user_id = ?4"),
            sql_params![guild, kind.as_str(), period, user],
            totals_from_row,
        )?
        else {
            return Ok(Board { top, you: None });
        };
        // Players ahead: those on a better score, from the score counts, and
        // those tied with the asker who got there first, from the board's index.
        let score =
            Score { points: mine.points, correct: mine.correct, answered: mine.answered, points_at: mine.points_at };
        let ahead: i64 = match sort {
            Sort::Accuracy => self.one(
                "SELECT (SELECT COALESCE(CAST(SUM(players) AS BIGINT), 0) FROM board_accuracy WHERE guild_id = ?1 AND board = ?2
                            AND period = ?3 AND (accuracy, answered) > (?4, ?5))
                      + (SELECT COUNT(*) FROM board_totals WHERE guild_id = ?1 AND board = ?2 AND period = ?3
                            AND accuracy = ?4 AND answered = ?5 AND (points_at, user_id) < (?6, ?7))",
                sql_params![guild, kind.as_str(), period, score.accuracy(), mine.answered, mine.points_at, user],
                |r| r.get(0),
            )?,
            _ => self.one(
                "SELECT (SELECT COALESCE(CAST(SUM(players) AS BIGINT), 0) FROM board_points WHERE guild_id = ?1 AND board = ?2
                            AND period = ?3 AND points > ?4)
                      + (SELECT COALESCE(CAST(SUM(players) AS BIGINT), 0) FROM board_points_days WHERE guild_id = ?1 AND board = ?2
                            AND period = ?3 AND points = ?4 AND day < ?7)
                      + (SELECT COUNT(*) FROM board_totals WHERE guild_id = ?1 AND board = ?2 AND period = ?3
                            AND points = ?4 AND points_at >= CAST(?7 AS BIGINT) * ?8 AND (points_at, user_id) < (?5, ?6))",
                sql_params![guild, kind.as_str(), period, mine.points, mine.points_at, user, score.day(), DAY_MS],
                |r| r.get(0),
            )?,
        };
        Ok(Board { top, you: Some((ahead as usize + 1, mine)) })
    }

    /// The best current streaks of a guild's players (their best channel each).
    fn streak_board(&self, guild: GuildId, user: UserId, limit: usize) -> Result<Board> {
        let as_standing = |r: &Row<'_>| {
            Ok(Standing {
                user_id: r.get(0)?,
                name: r.get(1)?,
                points: 0,
                correct: 0,
                answered: 0,
                points_at: 0,
                streak: r.get(2)?,
                streak_at: r.get(3)?,
            })
        };
        let channels: Vec<i64> =
            self.conn.all("SELECT id FROM channels WHERE guild_id = ?1", sql_params![guild], |r| r.get(0))?;
        // Each channel's best rows come from its index in order; a player in
        // the guild's top `limit` is in the top `limit` of their best channel.
        let mut rows: Vec<Standing> = Vec::new();
        for channel in &channels {
            rows.extend(self.all(
                "SELECT s.user_id, u.display_name, s.current, s.reached_at FROM streaks s JOIN users u ON u.id = s.user_id
                 WHERE s.channel_id = ?1 AND s.current > 0 ORDER BY s.current DESC, s.reached_at, s.user_id LIMIT ?2",
                sql_params![channel, limit as i64],
                as_standing,
            )?);
        }
        let mut top: Vec<Standing> = Vec::new();
        for s in rank(rows, Sort::Streak) {
            if top.len() < limit && !top.iter().any(|t| t.user_id == s.user_id) {
                top.push(s);
            }
        }
        if top.len() < limit || top.iter().any(|s| s.user_id == user) {
            return Ok(Board { top, you: None });
        }
        let mine = self.opt(
            "SELECT s.user_id, u.display_name, s.current, s.reached_at FROM channels c
                 JOIN streaks s ON s.channel_id = c.id AND s.current > 0 JOIN users u ON u.id = s.user_id
                 WHERE c.guild_id = ?1 AND s.user_id = ?2 ORDER BY s.current DESC, s.reached_at LIMIT 1",
            sql_params![guild, user],
            as_standing,
        )?;
        let Some(mine) = mine else { return Ok(Board { top, you: None }) };
        let ahead: i64 = if let [channel] = channels[..] {
            // One channel: the counts of better streaks, of the same streak
            // reached on earlier days, and the asker's own day from the index.
            let day = mine.streak_at.div_euclid(DAY_MS);
            self.one(
                "SELECT (SELECT COALESCE(CAST(SUM(players) AS BIGINT), 0) FROM streak_counts WHERE channel_id = ?1 AND current > ?2)
                      + (SELECT COALESCE(CAST(SUM(players) AS BIGINT), 0) FROM streak_counts WHERE channel_id = ?1 AND current = ?2
                            AND day < ?5)
                      + (SELECT COUNT(*) FROM streaks WHERE channel_id = ?1 AND current = ?2
                            AND reached_at >= CAST(?5 AS BIGINT) * ?6 AND (reached_at, user_id) < (?3, ?4))",
                sql_params![channel, mine.streak, mine.streak_at, user, day, DAY_MS],
                |r| r.get(0),
            )?
        } else {
            self.one(
                "SELECT COUNT(DISTINCT s.user_id) FROM channels c JOIN streaks s ON s.channel_id = c.id
                 WHERE c.guild_id = ?1 AND s.user_id != ?4
                   AND (s.current > ?2 OR (s.current = ?2 AND (s.reached_at, s.user_id) < (?3, ?4)))",
                sql_params![guild, mine.streak, mine.streak_at, user],
                |r| r.get(0),
            )?
        };
        Ok(Board { top, you: Some((ahead as usize + 1, mine)) })
    }

    pub fn user_stats(&self, guild: GuildId, user: UserId) -> Result<UserStats> {
        let (daily_answered, daily_correct, points) = self.one(
            "SELECT COUNT(*), COALESCE(CAST(SUM(a.correct) AS BIGINT), 0), COALESCE(CAST(SUM(a.points) AS BIGINT), 0)
             FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
             WHERE c.guild_id = ?1 AND a.user_id = ?2 AND p.state = 'closed' AND p.settling = 0",
            sql_params![guild, user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (streak, best_streak, freezes) = self.one(
            "SELECT COALESCE(MAX(s.current), 0), COALESCE(MAX(s.best), 0), COALESCE(MAX(s.freezes), 0)
             FROM streaks s JOIN channels c ON c.id = s.channel_id WHERE c.guild_id = ?1 AND s.user_id = ?2",
            sql_params![guild, user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (practice_answered, practice_correct) = self.one(
            "SELECT COUNT(*), COALESCE(CAST(SUM(a.correct) AS BIGINT), 0) FROM practice_answers a JOIN practice_questions q ON q.id = a.question_id
             WHERE q.guild_id = ?1 AND q.user_id = ?2",
            sql_params![guild, user],
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
