//! The question of the day: posting a channel's question, closing and
//! revealing it, and the scheduler's pass that carries out the schedule's
//! plan ([`crate::quiz::schedule::plan`]). Everything here runs on the writer.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::question_card;
use super::writer::State;
use crate::command::QuestionRef;
use crate::content::ItemKind;
use crate::i18n::Lang;
use crate::quiz::discussion::ScheduleKind;
use crate::quiz::schedule::{self, Occurrence, Pending, Rule, Step};
use crate::quiz::selection;
use crate::quiz::settle;
use crate::reply::{Body, Mode, Reply, RevealCard};
use crate::store::{self, ChannelId, NewPost, Post, PostState, StoredSchedule, UserId};

pub(super) enum PostOutcome {
    Queued,
    /// The local date that already has its question.
    AlreadyPosted(NaiveDate),
    /// No item to ask: the channel's categories have none.
    EmptyBank,
}

/// Posts a channel's question for a local date unless it has one, queued
/// for the sender. An older question still open is closed first (its reveal
/// queued once settled).
pub(super) fn post(
    state: &mut State,
    channel: ChannelId,
    local_date: NaiveDate,
    now: DateTime<Utc>,
    closes_at: Option<DateTime<Utc>>,
) -> store::Result<PostOutcome> {
    if let Some(open) = state.store.open_post(channel)? {
        if open.local_date == local_date {
            // Its send was given up (the channel refused it): try it again.
            if state.store.requeue_question(open.id, now)? {
                return Ok(PostOutcome::Queued);
            }
            return Ok(PostOutcome::AlreadyPosted(open.local_date));
        }
        reveal(state, &open, now)?;
    }
    let core = std::sync::Arc::clone(&state.core);
    let categories = channel_categories(state, channel)?;
    let guild = state.store.channel_guild(channel)?;
    let kind = state.store.schedule(channel)?.map(|s| s.kind).unwrap_or_default();
    let discussion = kind.next_is_discussion(state.store.last_post_was_discussion(channel)?);
    let entries = super::drawn_from(&state.store, &core.bank, guild, &categories, discussion)?;
    let pool: Vec<&str> = entries.iter().map(|(id, _)| id.as_ref()).collect();
    let (cycle, used, last) = cycle(state, channel, &pool)?;
    let Some(item_id) = selection::next_daily(&pool, &used, last.as_deref(), &mut state.rng).map(str::to_string) else {
        return Ok(PostOutcome::EmptyBank);
    };
    let new = NewPost {
        channel,
        local_date,
        item_id: &item_id,
        cycle,
        state: PostState::Open,
        posted_at: now,
        closes_at,
        discussion,
    };
    match state.store.create_post(&new)? {
        Some(_) => Ok(PostOutcome::Queued),
        None => Ok(PostOutcome::AlreadyPosted(local_date)),
    }
}

/// A post's question, in `lang` where its item is translated.
pub(super) fn question_reply(state: &State, post: &Post, lang: Lang) -> store::Result<Reply> {
    let found = state.core.item(&state.store, &post.item_id)?;
    let closes_at = post.closes_at;
    let mut card = question_card(&state.core.bank, &found, QuestionRef::Daily(post.id), Mode::Daily, closes_at);
    card.ping = state.store.channel_ping(post.channel_id)?;
    let mut reply = Reply::public(Body::Question(card));
    super::language::in_lang(&mut reply, &state.core.bank, Some(&found.item), lang);
    Ok(reply)
}

/// Players settled per writer job when a reveal runs in steps: small enough
/// that answers for other questions wait a few milliseconds at most.
const SETTLE_CHUNK: usize = 256;

/// Runs `f` on the store with the settlement hook: the store reads the
/// players' rows, the domain's rule ([`settle::settle`]) under the configured
/// rules decides, the store writes it back, in one transaction.
fn with_settle<T>(state: &mut State, f: impl FnOnce(&mut store::Store, store::Settle<'_>) -> T) -> T {
    let rules = settle::Rules { streak: state.core.rules.streak, scoring: state.core.rules.scoring };
    let decide = move |q: settle::Question, players: &[settle::Player]| settle::settle(rules, q, players);
    let default_zone = state.core.rules.default_tz;
    f(&mut state.store, store::Settle { decide: &decide, default_zone })
}

/// Closes a daily question and settles streaks and points at once; its
/// reveal is queued for the sender. False if it was closed already.
pub(super) fn reveal(state: &mut State, post: &Post, now: DateTime<Utc>) -> store::Result<bool> {
    Ok(with_settle(state, |store, rules| store.close_post(post.id, now, rules))?.is_some())
}

/// Settles the next few players of the oldest question still settling.
/// True while more remain: the scheduler sends one job per step, so the
/// writer takes the answers waiting in between.
pub(super) fn settle_step(state: &mut State) -> store::Result<bool> {
    let Some(&post) = state.store.settling_posts()?.first() else { return Ok(false) };
    // Where the last step of this post stopped; from the start after a restart.
    let after = state.settle_cursor.filter(|(p, _)| *p == post).map_or(UserId(0), |(_, user)| user);
    state.settle_cursor = match with_settle(state, |store, rules| store.settle_some(post, after, SETTLE_CHUNK, rules))?
    {
        store::Settled::Upto(user) => Some((post, user)),
        store::Settled::Done(_) => None,
    };
    Ok(true)
}

/// Finishes every settlement in progress (before the running totals are rebuilt).
pub(super) fn settle_all(state: &mut State) -> store::Result<()> {
    for post in state.store.settling_posts()? {
        while let store::Settled::Upto(_) =
            with_settle(state, |store, rules| store.settle_some(post, UserId(0), usize::MAX, rules))?
        {}
    }
    state.settle_cursor = None;
    Ok(())
}

/// A post's reveal (a discussion's wrap-up), in `lang` where its item is translated.
pub(super) fn reveal_reply(state: &State, result: &store::Reveal, lang: Lang) -> store::Result<Reply> {
    let found = state.core.item(&state.store, &result.post.item_id)?;
    let item = &*found.item;
    let (choice_count, right_choice) = match &item.kind {
        ItemKind::Choice { choices, answer } => (choices.len(), Some(*answer)),
        ItemKind::Text { .. } | ItemKind::Discussion { .. } => (0, None),
    };
    // A discussion's wrap-up: how many took part, and its notes.
    let (answered, notes) = match &item.kind {
        ItemKind::Discussion { notes } => (state.store.takes(result.post.id)?, notes.clone()),
        _ => (result.answered, Vec::new()),
    };
    let mut reply = Reply::public(Body::Reveal(Box::new(RevealCard {
        question: QuestionRef::Daily(result.post.id),
        item: item.id.clone(),
        choice_count,
        right_choice,
        prompt: item.prompt.clone(),
        right_answer: item.right_answer(),
        explanation: item.explanation.clone(),
        answered,
        correct: result.correct,
        first_correct: result.first_correct.clone().map(|(name, _)| name),
        credit: found.credit.clone(),
        notes,
    })));
    super::language::in_lang(&mut reply, &state.core.bank, Some(&found.item), lang);
    Ok(reply)
}

/// The categories a channel's daily questions come from (empty: all).
pub(super) fn channel_categories(state: &State, channel: ChannelId) -> store::Result<Vec<String>> {
    let known = state.core.bank.categories();
    Ok(state.store.channel_categories(channel)?.into_iter().filter(|c| known.contains(c)).collect())
}

/// The channel's selection cycle over `pool`: its number, the items used in
/// it (empty when the pool was used up), and the last item posted.
pub(super) fn cycle<'p>(
    state: &State,
    channel: ChannelId,
    pool: &[&'p str],
) -> store::Result<(i64, HashSet<&'p str>, Option<String>)> {
    let (cycle, used, last) = state.store.daily_cycle(channel)?;
    let used: HashSet<&str> = used.iter().map(String::as_str).collect();
    let used: HashSet<&'p str> = pool.iter().copied().filter(|id| used.contains(id)).collect();
    if selection::cycle_complete(pool, &used) {
        return Ok((cycle + 1, HashSet::new(), last));
    }
    Ok((cycle, used, last))
}

/// Carries out every schedule's plan at `now`, then closes the questions
/// whose time is up; [`settle_step`] settles them.
/// Does what the schedules and close times call for at `now`, all in one
/// transaction under the plan lock: processes sharing the database take
/// turns, and each sees what the one before it did (posts are made once,
/// by whichever comes first).
pub(super) fn run_schedules(state: &mut State, now: DateTime<Utc>) -> store::Result<()> {
    state.store.begin()?;
    let done = state.store.lock_plan().and_then(|()| plan(state, now));
    match done.and_then(|()| state.store.commit()) {
        Ok(()) => Ok(()),
        Err(e) => {
            state.store.rollback();
            state.forget_ids();
            Err(e)
        }
    }
}

fn plan(state: &mut State, now: DateTime<Utc>) -> store::Result<()> {
    let grace = state.core.rules.grace;
    for (channel, s) in state.store.due_schedules(now)? {
        let Some(s) = s else {
            tracing::error!(%channel, "unreadable schedule; pausing it");
            state.store.pause_schedule(channel)?;
            continue;
        };
        let rule = s.rule;
        let plan = schedule::plan(&rule, s.pending, now, grace);
        for step in plan.steps {
            match step {
                Step::Skip { date } => tracing::info!(%channel, %date, "skipped by an admin"),
                Step::Post { date, closes_at, .. } => match post(state, channel, date, now, closes_at)? {
                    PostOutcome::Queued => {}
                    PostOutcome::AlreadyPosted(_) => tracing::info!(%channel, %date, "already posted for this date"),
                    PostOutcome::EmptyBank => {
                        tracing::warn!(%channel, %date, "no question left in this channel's categories")
                    }
                },
                Step::Missed { date, due } => {
                    tracing::warn!(%channel, %date, %due, "missed while the bot was down; recorded as missed");
                    state.store.create_post(&NewPost {
                        channel,
                        local_date: date,
                        item_id: "",
                        cycle: 0,
                        state: PostState::Missed,
                        posted_at: due,
                        closes_at: None,
                        discussion: false,
                    })?;
                }
            }
        }
        let next = match plan.pending {
            Some(pending) => StoredSchedule { rule, paused: false, pending, kind: s.kind },
            None => StoredSchedule { paused: true, ..s },
        };
        state.store.set_schedule(channel, &next)?;
    }
    for post in state.store.due_closes(now)? {
        state.store.begin_close(post.id, now)?;
    }
    super::recap::run_recaps(state, now)
}

/// A running schedule of `kind` with nothing skipped, next due at `next`.
pub(super) fn stored(rule: &Rule, next: Occurrence, kind: ScheduleKind) -> StoredSchedule {
    StoredSchedule { rule: *rule, paused: false, pending: Pending { next, skip: None }, kind }
}
