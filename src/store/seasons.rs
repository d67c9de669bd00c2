//! Seasons: their rows, the closing of one (its final board kept), and the
//! figures exports read.

use chrono::{DateTime, NaiveDate, Utc};

use super::db::{Conn, Row};
use super::{Day, GuildId, Ms, Result, Scope, Store, millis};
use crate::quiz::leaderboard::{Sort, Standing, rank};

/// A season as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    pub id: i64,
    pub name: String,
    pub started_at: DateTime<Utc>,
    /// `None` while it runs.
    pub ended_at: Option<DateTime<Utc>>,
}

/// What starting a season did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeasonStart {
    /// Started; the season it closed, if one ran, with its final board.
    Started { closed: Option<(Season, Vec<Standing>)> },
    /// The server already had a season of that name.
    NameTaken,
}

const SEASON_COLUMNS: &str = "id, name, started_at, ended_at";

fn season_from_row(r: &Row<'_>) -> Result<Season> {
    Ok(Season {
        id: r.get(0)?,
        name: r.get(1)?,
        started_at: r.get::<Ms>(2)?.0,
        ended_at: r.get::<Option<Ms>>(3)?.map(|m| m.0),
    })
}

/// Every player's daily figures in a guild over the questions revealed in
/// `[from_ms, until_ms)`.
fn standings(conn: &Conn, guild: GuildId, from_ms: i64, until_ms: i64) -> Result<Vec<Standing>> {
    super::recaps::standings_in(conn, Scope::Guild(guild), from_ms, until_ms)
}

impl Store {
    /// Closes the server's current season at `now_ms` (keeping its final
    /// board, ranked by points) and starts `name` from then: one transaction.
    pub fn start_season(&mut self, guild: GuildId, name: &str, now: DateTime<Utc>) -> Result<SeasonStart> {
        let now_ms = super::millis(now);
        self.write(|tx| {
            let taken: bool = tx.one("SELECT EXISTS (SELECT 1 FROM seasons WHERE guild_id = ?1 AND lower(name) = lower(?2))", sql_params![guild, name], |r| r.get(0))?;
            if taken {
                return Ok(SeasonStart::NameTaken);
            }
            let current = tx
                .opt(&format!("SELECT {SEASON_COLUMNS} FROM seasons WHERE guild_id = ?1 AND ended_at IS NULL"), sql_params![guild], season_from_row)?;
            let closed = match current {
                None => None,
                Some(season) => {
                    let board = rank(standings(tx, guild, millis(season.started_at), now_ms)?, Sort::Points);
                    for (i, s) in board.iter().enumerate() {
                        tx.exec(
                            "INSERT INTO season_standings (season_id, rank, user_id, points, correct, answered, points_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            sql_params![
                                season.id,
                                i64::try_from(i + 1).unwrap_or(i64::MAX),
                                s.user_id,
                                s.points,
                                s.correct,
                                s.answered,
                                s.points_at
                            ],
                        )?;
                    }
                    tx.exec("UPDATE seasons SET ended_at = ?2 WHERE id = ?1", sql_params![season.id, now_ms])?;
                    Some((Season { ended_at: Some(now), ..season }, board))
                }
            };
            tx.exec("INSERT INTO seasons (guild_id, name, started_at) VALUES (?1, ?2, ?3)", sql_params![guild, name, now_ms])?;
            Ok(SeasonStart::Started { closed })
        })
    }

    /// The season named `name`, or the current one.
    pub fn season(&self, guild: GuildId, name: Option<&str>) -> Result<Option<Season>> {
        match name {
            Some(name) => self.opt(
                &format!("SELECT {SEASON_COLUMNS} FROM seasons WHERE guild_id = ?1 AND lower(name) = lower(?2)"),
                sql_params![guild, name],
                season_from_row,
            ),
            None => self.opt(
                &format!("SELECT {SEASON_COLUMNS} FROM seasons WHERE guild_id = ?1 AND ended_at IS NULL"),
                sql_params![guild],
                season_from_row,
            ),
        }
    }

    /// Every season of the server, oldest first.
    pub fn seasons(&self, guild: GuildId) -> Result<Vec<Season>> {
        self.conn.all(
            &format!("SELECT {SEASON_COLUMNS} FROM seasons WHERE guild_id = ?1 ORDER BY started_at, id"),
            sql_params![guild],
            season_from_row,
        )
    }

    /// A season's board, ranked by points: as kept when it closed, or, for
    /// the current one, from its answers up to `now_ms`.
    pub fn season_board(&self, guild: GuildId, season: &Season, now: DateTime<Utc>) -> Result<Vec<Standing>> {
        let now_ms = super::millis(now);
        if season.ended_at.is_none() {
            let from = millis(season.started_at);
            return Ok(rank(standings(&self.conn, guild, from, now_ms.saturating_add(1))?, Sort::Points));
        }
        self.conn.all(
            "SELECT s.user_id, u.display_name, s.points, s.correct, s.answered, s.points_at
             FROM season_standings s JOIN users u ON u.id = s.user_id WHERE s.season_id = ?1 ORDER BY s.rank",
            sql_params![season.id],
            super::boards::totals_from_row,
        )
    }

    /// The server's players' daily figures over questions revealed in
    /// `[from_ms, until_ms)`, ranked by points.
    pub fn board_between(&self, guild: GuildId, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Standing>> {
        let from_ms = super::millis(from);
        let until_ms = super::millis(until);
        Ok(rank(standings(&self.conn, guild, from_ms, until_ms)?, Sort::Points))
    }
}

/// One revealed daily answer, as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerExport {
    pub local_date: NaiveDate,
    pub channel: String,
    pub player_id: String,
    pub player: String,
    pub answer: String,
    pub correct: bool,
    pub points: i64,
    pub answered_at: DateTime<Utc>,
}

impl Store {
    /// The server's answers to questions revealed in `[from_ms, until_ms)`,
    /// oldest first.
    pub fn answers_between(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<AnswerExport>> {
        let from_ms = super::millis(from);
        let until_ms = super::millis(until);
        self.conn.all(
            "SELECT p.local_date, c.external_id, u.external_id, u.display_name, a.answer, a.correct, a.points,
                    a.answered_at
             FROM answers a JOIN posts p ON p.id = a.post_id JOIN channels c ON c.id = p.channel_id
             JOIN users u ON u.id = a.user_id
             WHERE c.guild_id = ?1 AND p.state = 'closed' AND p.settling = 0 AND p.closed_at >= ?2 AND p.closed_at < ?3
             ORDER BY p.posted_at, p.id, a.answered_at, a.id",
            sql_params![guild, from_ms, until_ms],
            |r| {
                Ok(AnswerExport {
                    local_date: r.get::<Day>(0)?.0,
                    channel: r.get(1)?,
                    player_id: r.get(2)?,
                    player: r.get(3)?,
                    answer: r.get(4)?,
                    correct: r.get(5)?,
                    points: r.get(6)?,
                    answered_at: r.get::<Ms>(7)?.0,
                })
            },
        )
    }

    /// Each player's platform id and their current and best streak (the
    /// best over the server's channels).
    pub fn player_streaks(&self, guild: GuildId) -> Result<Vec<(crate::ids::UserId, String, i64, i64)>> {
        self.conn.all(
            "SELECT u.id, u.external_id, MAX(s.current), MAX(s.best)
             FROM streaks s JOIN channels c ON c.id = s.channel_id JOIN users u ON u.id = s.user_id
             WHERE c.guild_id = ?1 GROUP BY u.id",
            sql_params![guild],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
    }
}
