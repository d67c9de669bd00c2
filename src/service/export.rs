//! `quizmaster export`: a server's answers, board or players for the
//! admin's own spreadsheet, as RFC 4180 CSV with a header row (the `csv`
//! crate) or as JSON. The figures are the boards' own: revealed daily
//! questions only, by the day they were posted.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::ids::ServerRef;
use crate::quiz::leaderboard::{Period, accuracy_percent, period_range};
use crate::store::Store;

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
struct AnswerRow {
    date: NaiveDate,
    channel: String,
    player_id: String,
    player: String,
    answer: String,
    correct: bool,
    points: i64,
    answered_at: String,
}

#[derive(Serialize)]
struct BoardRow {
    rank: usize,
    player_id: String,
    player: String,
    points: i64,
    correct: i64,
    answered: i64,
    accuracy_percent: i64,
}

#[derive(Serialize)]
struct PlayerRow {
    player_id: String,
    player: String,
    answered: i64,
    correct: i64,
    points: i64,
    current_streak: i64,
    best_streak: i64,
}

/// The instants `[from, until)` an export period covers.
fn span(
    store: &Store,
    server: &ServerRef,
    guild: crate::ids::GuildId,
    period: ExportPeriod,
    now: DateTime<Utc>,
    tz: Tz,
) -> anyhow::Result<(DateTime<Utc>, DateTime<Utc>)> {
    Ok(match period {
        ExportPeriod::All => (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC),
        ExportPeriod::Season => {
            let season = store
                .season(guild, None)?
                .ok_or_else(|| anyhow::anyhow!("{server} has no season running (--period season)"))?;
            (season.started_at, DateTime::<Utc>::MAX_UTC)
        }
        ExportPeriod::Week | ExportPeriod::Month => {
            let p = if period == ExportPeriod::Week { Period::Week } else { Period::Month };
            period_range(p, now, tz).ok_or_else(|| anyhow::anyhow!("no such period"))?
        }
    })
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
    let (guild, tz) = super::server_named(store, server, default_tz)?;
    let (from, until) = span(store, server, guild, period, now, tz)?;
    let ids: std::collections::HashMap<_, _> =
        store.player_streaks(guild)?.into_iter().map(|(user, id, current, best)| (user, (id, current, best))).collect();
    let id_of = |user| ids.get(&user).map(|(id, ..)| id.clone()).unwrap_or_default();
    let text = |s: &str| cell(s, format);
    match what {
        What::Answers => {
            let answers = store.answers_between(guild, from, until)?;
            let rows: Vec<AnswerRow> = answers
                .iter()
                .map(|a| AnswerRow {
                    date: a.local_date,
                    channel: text(&a.channel),
                    player_id: text(&a.player_id),
                    player: text(&a.player),
                    answer: text(&a.answer),
                    correct: a.correct,
                    points: a.points,
                    answered_at: a.answered_at.to_rfc3339_opts(SecondsFormat::Secs, true),
                })
                .collect();
            write(
                &rows,
                format,
                &["date", "channel", "player_id", "player", "answer", "correct", "points", "answered_at"],
            )
        }
        What::Board => {
            let board = store.board_between(guild, from, until)?;
            let rows: Vec<BoardRow> = board
                .iter()
                .enumerate()
                .map(|(i, s)| BoardRow {
                    rank: i + 1,
                    player_id: text(&id_of(s.user_id)),
                    player: text(&s.name),
                    points: s.points,
                    correct: s.correct,
                    answered: s.answered,
                    accuracy_percent: accuracy_percent(s.correct, s.answered),
                })
                .collect();
            write(&rows, format, &["rank", "player_id", "player", "points", "correct", "answered", "accuracy_percent"])
        }
        What::Players => {
            let board = store.board_between(guild, from, until)?;
            let rows: Vec<PlayerRow> = board
                .iter()
                .map(|s| {
                    let (id, current, best) = ids.get(&s.user_id).cloned().unwrap_or_default();
                    PlayerRow {
                        player_id: text(&id),
                        player: text(&s.name),
                        answered: s.answered,
                        correct: s.correct,
                        points: s.points,
                        current_streak: current,
                        best_streak: best,
                    }
                })
                .collect();
            let columns = ["player_id", "player", "answered", "correct", "points", "current_streak", "best_streak"];
            write(&rows, format, &columns)
        }
    }
}

/// What players typed (their names, answers, and on the console their ids)
/// as it goes into a spreadsheet: never as a formula, in any cell, nor with
/// the characters that would change how a cell reads.
fn cell(s: &str, format: Format) -> String {
    let s: String = s.chars().filter(|c| !crate::i18n::is_invisible(*c)).collect();
    if format == Format::Csv { inert(&s) } else { s }
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) gets a `'` in front, as OWASP advises.
fn inert(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

/// The rows; a CSV has its header row even with no rows.
fn write<T: Serialize>(rows: &[T], format: Format, columns: &[&str]) -> anyhow::Result<String> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(rows)? + "\n"),
        Format::Csv => {
            let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
            if rows.is_empty() {
                out.write_record(columns)?;
            }
            for row in rows {
                out.serialize(row)?;
            }
            Ok(String::from_utf8(out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_made_text_and_an_empty_export_keeps_its_header() {
        for (typed, cell) in
            [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@A1", "'@A1")]
        {
            assert_eq!(inert(typed), cell);
        }
        assert_eq!(inert("Ann = B"), "Ann = B", "only a leading sign");
        let empty: Vec<PlayerRow> = Vec::new();
        assert_eq!(write(&empty, Format::Csv, &["player_id", "player"]).unwrap(), "player_id,player\r\n");
        assert_eq!(write(&empty, Format::Json, &["player_id"]).unwrap(), "[]\n");
    }
}
