//! Leaderboards, stats and streaks. They read on their own connections, so a
//! big board never holds up the answers being recorded meanwhile; only the
//! command's rows (and running totals still to be built) need the writer.

use super::writer::{Scope, State};
use super::{Ctx, daily, text};
use crate::command::UserArg;
use crate::i18n::Msg;
use crate::msg;
use crate::quiz::leaderboard::{self, Period, Sort, Standing, accuracy_percent};
use crate::reply::{BoardCard, BoardRow, Body, Reply, StatsCard, StreakCard};
use crate::store::{self, BoardKind, Store};

const BOARD_SIZE: usize = 10;

/// On the writer, before a board is read: the rows, and the running totals
/// built if this is the first board since an upgrade or a zone change.
pub(super) fn prepare(state: &mut State, ctx: &Ctx, board: bool) -> store::Result<Scope> {
    let scope = state.scope(ctx)?;
    if board && !scope.totals_built {
        daily::settle_all(state)?;
        state.store.rebuild_totals(scope.who.guild, scope.tz)?;
    }
    Ok(scope)
}

/// A season's board by points: the current one so far, or an archived one
/// as it stood when it closed.
pub(super) fn season(store: &Store, scope: &Scope, ctx: &Ctx, name: Option<String>) -> store::Result<Reply> {
    let Some(season) = store.season(scope.who.guild, name.as_deref())? else {
        let known: Vec<String> = store.seasons(scope.who.guild)?.into_iter().map(|s| s.name).collect();
        return Ok(Reply::error(text::no_season(name.as_deref(), &known)));
    };
    let ranked = store.season_board(scope.who.guild, &season, ctx.now)?;
    let you = ranked.iter().enumerate().skip(BOARD_SIZE).find(|(_, r)| r.user_id == scope.who.user);
    let top = &ranked[..ranked.len().min(BOARD_SIZE)];
    let rows = board_rows(top, you.map(|(i, r)| (i + 1, r)), scope, |r| msg!("points", points = r.points));
    Ok(Reply::public(Body::Leaderboard(BoardCard {
        title: text::season_title(&season.name, season.ended_at.is_none()),
        rows,
        empty: msg!("no-season-answers"),
    })))
}

pub(super) fn leaderboard(
    store: &Store,
    scope: &Scope,
    ctx: &Ctx,
    period: Period,
    sort: Sort,
    board: BoardKind,
) -> store::Result<Reply> {
    let sort = if board == BoardKind::Practice { Sort::Points } else { sort };
    let key = leaderboard::period_key(period, ctx.now, scope.tz);
    let found = store.board(scope.who.guild, board, &key, sort, scope.who.user, BOARD_SIZE)?;
    // The store reads the board in this order already; ranking again keeps
    // the rule in one place and costs nothing for ten rows.
    let ranked = leaderboard::rank(found.top, sort);
    let figure = |r: &Standing| match (board, sort) {
        (BoardKind::Practice, _) => msg!("figure-practice", correct = r.correct, answered = r.answered),
        (_, Sort::Points) => msg!("points", points = r.points),
        (_, Sort::Streak) => msg!("figure-streak", days = r.streak),
        (_, Sort::Accuracy) => msg!(
            "figure-accuracy",
            share = accuracy_percent(r.correct, r.answered),
            correct = r.correct,
            answered = r.answered
        ),
    };
    let rows = board_rows(&ranked, found.you.as_ref().map(|(rank, you)| (*rank, you)), scope, figure);
    let daily = board == BoardKind::Daily;
    Ok(Reply::public(Body::Leaderboard(BoardCard {
        title: if daily {
            msg!("board-title-daily", period = text::period(period), sort = text::sort(sort))
        } else {
            msg!("board-title-practice", period = text::period(period))
        },
        rows,
        empty: if daily { msg!("board-empty-daily") } else { msg!("board-empty") },
    })))
}

/// A board's rows: the top ranked from 1, then the asker's own row (their
/// rank and figures) when they are below it.
fn board_rows(
    top: &[Standing],
    you: Option<(usize, &Standing)>,
    scope: &Scope,
    figure: impl Fn(&Standing) -> Msg,
) -> Vec<BoardRow> {
    let row = |rank: usize, r: &Standing| BoardRow {
        rank,
        name: r.name.clone(),
        figure: figure(r),
        is_you: r.user_id == scope.who.user,
    };
    let mut rows: Vec<BoardRow> = top.iter().enumerate().map(|(i, r)| row(i + 1, r)).collect();
    rows.extend(you.map(|(rank, r)| row(rank, r)));
    rows
}

/// The window of `/quiz stats`' retention figure.
const RETENTION_DAYS: i64 = 30;

pub(super) fn stats(store: &Store, scope: &Scope, ctx: &Ctx, user: Option<UserArg>) -> store::Result<Reply> {
    let (user_id, name) = match user {
        None => (scope.who.user, ctx.user_name.clone()),
        Some(UserArg::Id(s) | UserArg::Name(s)) => match store.find_user(ctx.platform, &s)? {
            Some(found) => found,
            None => return Ok(Reply::error(msg!("no-player", name = &s))),
        },
    };
    let s = store.user_stats(scope.who.guild, user_id)?;
    let mut lines = vec![
        (
            msg!("stats-daily"),
            msg!(
                "stats-daily-figure",
                answered = s.daily_answered,
                correct = s.daily_correct,
                share = accuracy_percent(s.daily_correct, s.daily_answered)
            ),
        ),
        (msg!("stats-points"), msg!("stats-points-figure", points = s.points)),
        (
            msg!("stats-streak"),
            msg!("stats-streak-figure", current = s.streak, best = s.best_streak, freezes = s.freezes),
        ),
        (
            msg!("stats-practice"),
            msg!(
                "stats-practice-figure",
                answered = s.practice_answered,
                correct = s.practice_correct,
                share = accuracy_percent(s.practice_correct, s.practice_answered)
            ),
        ),
    ];
    let cards = store.cards(user_id)?;
    let learned = cards.values().filter(|c| c.learned()).count();
    lines.push((msg!("stats-learned"), msg!("learned", learned = learned, seen = cards.len())));
    let (right, all) =
        store.recent_results(scope.who.guild, user_id, ctx.now - chrono::Duration::days(RETENTION_DAYS))?;
    lines.push((msg!("stats-retention", days = RETENTION_DAYS), text::retention(right, all)));
    // Discussions: shown once the player has taken part in one.
    let (latest, joined) = store.participation(scope.who.guild, user_id)?;
    if joined > 0 {
        let streak = crate::quiz::discussion::participation_streak(&latest);
        lines.push((msg!("stats-discussions"), msg!("stats-discussions-figure", joined = joined, streak = streak)));
    }
    Ok(Reply::private(Body::Stats(StatsCard { name, lines })))
}

pub(super) fn streak(store: &Store, scope: &Scope) -> store::Result<Reply> {
    let s = store.user_stats(scope.who.guild, scope.who.user)?;
    Ok(Reply::private(Body::Streak(StreakCard { current: s.streak, best: s.best_streak, freezes: s.freezes })))
}
