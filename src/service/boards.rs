//! Leaderboards, stats and streaks. They read on their own connections, so a
//! big board never holds up the answers being recorded meanwhile; only the
//! command's rows (and running totals still to be built) need the writer.

use super::writer::{Scope, State};
use super::{Ctx, daily, text};
use crate::command::UserArg;
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
    let ranked = store.season_board(scope.who.guild, &season, store::millis(ctx.now))?;
    let you = ranked.iter().enumerate().skip(BOARD_SIZE).find(|(_, r)| r.user_id == scope.who.user);
    let top = &ranked[..ranked.len().min(BOARD_SIZE)];
    let rows = board_rows(top, you.map(|(i, r)| (i + 1, r)), scope, |r| text::points(r.points));
    Ok(Reply::public(Body::Leaderboard(BoardCard {
        title: text::season_title(&season.name, season.ended_at.is_none()),
        rows,
        empty: text::NO_SEASON_ANSWERS.into(),
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
        (BoardKind::Practice, _) => format!("{} correct of {}", r.correct, r.answered),
        (_, Sort::Points) => text::points(r.points),
        (_, Sort::Streak) => format!("{} in a row", r.streak),
        (_, Sort::Accuracy) => format!("{}% ({}/{})", accuracy_percent(r.correct, r.answered), r.correct, r.answered),
    };
    let rows = board_rows(&ranked, found.you.as_ref().map(|(rank, you)| (*rank, you)), scope, figure);
    let daily = board == BoardKind::Daily;
    Ok(Reply::public(Body::Leaderboard(BoardCard {
        title: text::board_title(daily, period.title(), sort.title()),
        rows,
        empty: (if daily { text::BOARD_EMPTY_DAILY } else { text::BOARD_EMPTY }).into(),
    })))
}

/// A board's rows: the top ranked from 1, then the asker's own row (their
/// rank and figures) when they are below it.
fn board_rows(
    top: &[Standing],
    you: Option<(usize, &Standing)>,
    scope: &Scope,
    figure: impl Fn(&Standing) -> String,
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
            None => return Ok(Reply::error(text::no_player(&s))),
        },
    };
    let s = store.user_stats(scope.who.guild, user_id)?;
    let lines = vec![
        (
            "Daily answers".to_string(),
            format!(
                "{} ({} correct, {}%)",
                s.daily_answered,
                s.daily_correct,
                accuracy_percent(s.daily_correct, s.daily_answered)
            ),
        ),
        ("Points".to_string(), s.points.to_string()),
        ("Streak".to_string(), format!("{} (best {}, {} freezes)", s.streak, s.best_streak, s.freezes)),
        (
            "Practice".to_string(),
            format!(
                "{} answered, {} correct ({}%)",
                s.practice_answered,
                s.practice_correct,
                accuracy_percent(s.practice_correct, s.practice_answered)
            ),
        ),
    ];
    let mut lines = lines;
    let cards = store.cards(user_id)?;
    let learned = cards.values().filter(|c| c.learned()).count();
    lines.push(("Learned".to_string(), text::learned(learned, cards.len())));
    let (right, all) =
        store.recent_results(scope.who.guild, user_id, ctx.now - chrono::Duration::days(RETENTION_DAYS))?;
    lines.push((format!("Retention, last {RETENTION_DAYS} days"), text::retention(right, all)));
    Ok(Reply::private(Body::Stats(StatsCard { name, lines })))
}

pub(super) fn streak(store: &Store, scope: &Scope) -> store::Result<Reply> {
    let s = store.user_stats(scope.who.guild, scope.who.user)?;
    Ok(Reply::private(Body::Streak(StreakCard { current: s.streak, best: s.best_streak, freezes: s.freezes })))
}
