//! `quizmaster export`: a server's answers, board or players for the
//! admin's own spreadsheet, as RFC 4180 CSV with a header row (the `csv`
//! crate) or as JSON. The figures are the boards' own: revealed daily
//! questions only, by the day they were posted.

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::ids::ServerRef;
use crate::quiz::leaderboard::{Period, accuracy_percent, period_range};
use crate::store::{self, Store};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// One row per answer.
    Answers,
    /// The board by points.
    Board,
    /// One row per player, all time, with streaks.
    Players,
}

/// Which questions count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportPeriod {
    Week,
    Month,
    All,
    /// The current season.
    Season,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Serialize)]
struct AnswerRow<'a> {
    date: &'a str,
    channel: &'a str,
    player_id: &'a str,
    player: &'a str,
    answer: &'a str,
    correct: bool,
    points: i64,
    answered_at: String,
}

#[derive(Serialize)]
struct BoardRow<'a> {
    rank: usize,
    player_id: String,
    player: &'a str,
    points: i64,
    correct: i64,
    answered: i64,
    accuracy_percent: i64,
}

#[derive(Serialize)]
struct PlayerRow<'a> {
    player_id: String,
    player: &'a str,
    answered: i64,
    correct: i64,
    points: i64,
    current_streak: i64,
    best_streak: i64,
}

/// The export as text.
pub fn export(
    store: &Store,
    server: &ServerRef,
    what: What,
    period: ExportPeriod,
    format: Format,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> anyhow::Result<String> {
    let guild = store
        .find_guild(server.platform, &server.id)?
        .ok_or_else(|| anyhow::anyhow!("no server {server} in this database"))?;
    let (tz, _) = store.guild_zone(guild, default_tz)?;
    let (from, until) = match period {
        ExportPeriod::All => (i64::MIN, i64::MAX),
        ExportPeriod::Season => {
            let season = store
                .season(guild, None)?
                .ok_or_else(|| anyhow::anyhow!("{server} has no season running (--period season)"))?;
            (season.started_at, i64::MAX)
        }
        ExportPeriod::Week | ExportPeriod::Month => {
            let p = if period == ExportPeriod::Week { Period::Week } else { Period::Month };
            let (start, end) = period_range(p, now, tz).ok_or_else(|| anyhow::anyhow!("no such period"))?;
            (store::millis(start), store::millis(end))
        }
    };
    let ids: std::collections::HashMap<_, _> =
        store.player_streaks(guild)?.into_iter().map(|(user, id, current, best)| (user, (id, current, best))).collect();
    let id_of = |user| ids.get(&user).map(|(id, ..)| id.clone()).unwrap_or_default();
    match what {
        What::Answers => {
            let answers = store.answers_between(guild, from, until)?;
            let rows: Vec<AnswerRow<'_>> = answers
                .iter()
                .map(|a| AnswerRow {
                    date: &a.local_date,
                    channel: &a.channel,
                    player_id: &a.player_id,
                    player: &a.player,
                    answer: &a.answer,
                    correct: a.correct,
                    points: a.points,
                    answered_at: store::from_millis(a.answered_at).to_rfc3339_opts(SecondsFormat::Secs, true),
                })
                .collect();
            write(&rows, format)
        }
        What::Board => {
            let board = store.board_between(guild, from, until)?;
            let rows: Vec<BoardRow<'_>> = board
                .iter()
                .enumerate()
                .map(|(i, s)| BoardRow {
                    rank: i + 1,
                    player_id: id_of(s.user_id),
                    player: &s.name,
                    points: s.points,
                    correct: s.correct,
                    answered: s.answered,
                    accuracy_percent: accuracy_percent(s.correct, s.answered),
                })
                .collect();
            write(&rows, format)
        }
        What::Players => {
            let board = store.board_between(guild, from, until)?;
            let rows: Vec<PlayerRow<'_>> = board
                .iter()
                .map(|s| {
                    let (id, current, best) = ids.get(&s.user_id).cloned().unwrap_or_default();
                    PlayerRow {
                        player_id: id,
                        player: &s.name,
                        answered: s.answered,
                        correct: s.correct,
                        points: s.points,
                        current_streak: current,
                        best_streak: best,
                    }
                })
                .collect();
            write(&rows, format)
        }
    }
}

fn write<T: Serialize>(rows: &[T], format: Format) -> anyhow::Result<String> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(rows)? + "\n"),
        Format::Csv => {
            let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
            for row in rows {
                out.serialize(row)?;
            }
            Ok(String::from_utf8(out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?)
        }
    }
}
