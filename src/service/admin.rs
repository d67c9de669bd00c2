//! `/quiz admin …`: a channel's schedule (set, pause, resume, skip), posting
//! and revealing now, its status, its categories and the server's zone.
//! Runs on the writer; the caller wakes the schedulers afterwards.

use chrono::{DateTime, Utc};

use super::daily::{self, PostOutcome, stored};
use super::writer::{Scope, State};
use super::{Ctx, is_open, text};
use crate::command::AdminCommand;
use crate::delivery::Permission;
use crate::i18n::{Arg, Lang};
use crate::ids::Platform;
use crate::msg;
use crate::quiz::schedule::{Days, Occurrence, Pending, Rule, next_post_after};
use crate::reply::{Body, Reply};
use crate::store::{self, StoredSchedule};

pub(super) fn run(state: &mut State, scope: &Scope, ctx: &Ctx, admin: AdminCommand) -> store::Result<Reply> {
    let (platform, now) = (ctx.platform, ctx.now);
    let channel = scope.who.channel;
    let schedule = state.store.schedule(channel)?;
    let rule = schedule.as_ref().map(|s| s.rule);
    match admin {
        AdminCommand::Review(review) => super::suggestions::review(state, scope, now, review),
        AdminCommand::Setup(None) => super::setup::form(state, scope),
        AdminCommand::Setup(Some(answers)) => super::setup::submit(state, scope, now, &answers),
        AdminCommand::Schedule(spec) => {
            let rule = Rule {
                time: spec.time,
                tz: spec.tz,
                days: spec.days.unwrap_or(Days::EVERY_DAY),
                close: spec.close.unwrap_or(state.core.rules.default_close),
            };
            let Some(next) = next_post_after(&rule, now) else { return Ok(Reply::error(msg!("never-posts"))) };
            let kind = spec.kind.unwrap_or_default();
            state.store.set_schedule(channel, &stored(&rule, next, kind))?;
            Ok(Reply::private(Body::Info(text::scheduled(&rule, next.at, kind))))
        }
        AdminCommand::Pause | AdminCommand::Resume | AdminCommand::Skip => {
            run_schedule(state, scope, schedule, rule, now, &admin)
        }
        AdminCommand::PostNow => post_now(state, scope, schedule, rule, now),
        AdminCommand::RevealNow => reveal_now(state, scope, now),
        AdminCommand::Status => status(state, scope, ctx, schedule.as_ref(), rule.as_ref()),
        AdminCommand::Check { granted } => check(state, scope, platform, rule.as_ref(), granted),
        AdminCommand::Categories(list) => categories(state, scope, &list),
        AdminCommand::Timezone(zone) => timezone(state, scope, &zone),
        AdminCommand::Language(chosen) => language(state, scope, ctx, chosen),
        AdminCommand::SeasonStart(name) => season_start(state, scope, &name, now),
        AdminCommand::Ping(role) => {
            state.store.set_channel_ping(channel, role.as_deref())?;
            Ok(Reply::info(text::ping_set(platform, role.as_deref())))
        }
        AdminCommand::Threads(on) => {
            state.store.set_channel_threads(channel, on)?;
            Ok(Reply::info(text::threads_set(platform, on)))
        }
        AdminCommand::Recap(when) => super::recap::set(state, channel, when, now),
        AdminCommand::WebRotate => web_rotate(state, scope, now),
    }
}

/// `pause`, `resume` and `skip`: the channel's schedule, stopped, started
/// again, or its next day skipped.
fn run_schedule(
    state: &mut State,
    scope: &Scope,
    schedule: Option<StoredSchedule>,
    rule: Option<Rule>,
    now: DateTime<Utc>,
    admin: &AdminCommand,
) -> store::Result<Reply> {
    let channel = scope.who.channel;
    let Some((s, rule)) = schedule.zip(rule) else { return Ok(Reply::error(msg!("not-scheduled"))) };
    Ok(match (admin, s.paused) {
        (AdminCommand::Pause, true) => Reply::info(msg!("already-paused")),
        (AdminCommand::Pause, false) => {
            state.store.set_schedule(channel, &StoredSchedule { paused: true, ..s })?;
            Reply::info(msg!("paused"))
        }
        (AdminCommand::Resume, true) => {
            let Some(next) = next_post_after(&rule, now) else { return Ok(Reply::error(msg!("not-scheduled"))) };
            state.store.set_schedule(channel, &stored(&rule, next, s.kind))?;
            Reply::info(msg!("resumed", next = Arg::When(next.at, rule.tz)))
        }
        (AdminCommand::Resume, false) => Reply::info(msg!("running")),
        (_, true) => Reply::error(msg!("nothing-to-skip")),
        (_, false) => {
            let next = s.pending.next;
            if s.pending.skip == Some(next.date) {
                return Ok(Reply::error(msg!("already-skipped", date = next.date.to_string())));
            }
            let pending = Pending { skip: Some(next.date), ..s.pending };
            state.store.set_schedule(channel, &StoredSchedule { pending, ..s })?;
            Reply::info(msg!("skipped", date = next.date.to_string(), due = Arg::When(next.at, rule.tz)))
        }
    })
}

/// Today's question now, through the same delivery as a scheduled one (the
/// caller wakes the sender); the schedule moves past today.
pub(super) fn post_now(
    state: &mut State,
    scope: &Scope,
    schedule: Option<StoredSchedule>,
    rule: Option<Rule>,
    now: DateTime<Utc>,
) -> store::Result<Reply> {
    let tz = rule.map_or(scope.tz, |r| r.tz);
    let today = Occurrence { date: now.with_timezone(&tz).date_naive(), at: now };
    let closes_at = rule.and_then(|r| r.closes_at(today)).filter(|c| *c > now);
    Ok(match daily::post(state, scope.who.channel, today.date, now, closes_at)? {
        PostOutcome::Queued => {
            past_today(state, scope.who.channel, schedule, rule.as_ref(), today)?;
            Reply::info(text::posted(closes_at.map(|c| (c, tz))))
        }
        PostOutcome::AlreadyPosted(date) => Reply::error(msg!("already-posted", date = &date)),
        PostOutcome::EmptyBank => Reply::error(msg!("empty-bank")),
    })
}

/// Closed here; settled in steps and revealed by the sender, which edits
/// the question message.
fn reveal_now(state: &mut State, scope: &Scope, now: DateTime<Utc>) -> store::Result<Reply> {
    let Some(post) = state.store.open_post(scope.who.channel)? else {
        return Ok(Reply::error(msg!("nothing-to-reveal")));
    };
    Ok(match state.store.begin_close(post.id, now)? {
        Some(store::Closed::Settling) => Reply::info(msg!("revealed")),
        Some(store::Closed::Missed) => Reply::info(msg!("closed-unseen")),
        None => Reply::error(msg!("already-revealed")),
    })
}

/// What the bot may do in the channel (`granted`, where the platform says),
/// and any problem the last post ran into.
fn check(
    state: &State,
    scope: &Scope,
    platform: Platform,
    rule: Option<&Rule>,
    granted: Option<Vec<Permission>>,
) -> store::Result<Reply> {
    let channel = scope.who.channel;
    let needed = Permission::needed(state.store.channel_threads(channel)?);
    let missing: Option<Vec<Permission>> =
        granted.map(|g| needed.iter().copied().filter(|need| !g.contains(need)).collect());
    let mut lines = vec![text::permission_check(platform, &needed, missing.as_deref())];
    if let Some(p) = state.store.channel_problem(channel)? {
        let tz = rule.map_or(scope.tz, |r| r.tz);
        lines.push(text::delivery_problem(platform, p.problem, p.since, tz));
    }
    Ok(Reply::private(Body::Info(lines)))
}

fn categories(state: &mut State, scope: &Scope, list: &[String]) -> store::Result<Reply> {
    let known = state.core.bank.categories();
    if let Some(bad) = list.iter().find(|c| !known.contains(c)) {
        return Ok(Reply::error(text::no_category(bad, known)));
    }
    state.store.set_channel_categories(scope.who.channel, list)?;
    let pool = super::pool(&state.store, &state.core.bank, scope.who.guild, list)?;
    Ok(Reply::info(text::categories_set(list, pool.len())))
}

/// The server's zone: weeks and months start at other instants now, so the
/// running totals are built again.
fn timezone(state: &mut State, scope: &Scope, zone: &str) -> store::Result<Reply> {
    let tz = match crate::quiz::schedule::parse_zone(zone) {
        Ok(tz) => tz,
        Err(e) => return Ok(Reply::error(e.msg())),
    };
    state.store.set_guild_timezone(scope.who.guild, tz)?;
    daily::settle_all(state)?;
    state.store.rebuild_totals(scope.who.guild, tz)?;
    Ok(Reply::info(msg!("zone-set", zone = tz.name())))
}

/// The server's language for what its channels see: chosen, or (`None`)
/// the platform's setting for the server.
fn language(state: &mut State, scope: &Scope, ctx: &Ctx, chosen: Option<Lang>) -> store::Result<Reply> {
    state.store.set_guild_language(scope.who.guild, chosen)?;
    if let Some(seen) = ctx.locale.server {
        state.store.note_guild_locale(ctx.platform, &ctx.guild, seen)?;
    }
    let stored = state.store.guild_language(ctx.platform, &ctx.guild)?.unwrap_or_default();
    let name = text::language_name(stored.shown(None));
    Ok(Reply::info(match chosen {
        Some(_) => msg!("language-set", language = name),
        None => msg!("language-auto", language = name),
    }))
}

fn season_start(state: &mut State, scope: &Scope, name: &str, now: DateTime<Utc>) -> store::Result<Reply> {
    // Points of questions still settling belong to the closing season.
    daily::settle_all(state)?;
    Ok(match state.store.start_season(scope.who.guild, name, now)? {
        store::SeasonStart::NameTaken => Reply::error(msg!("season-taken", name = name)),
        store::SeasonStart::Started { closed } => Reply::public(Body::Info(text::season_started(
            name,
            closed.as_ref().map(|(s, b)| (s.name.as_str(), b.len())),
        ))),
    })
}

fn web_rotate(state: &mut State, scope: &Scope, now: DateTime<Utc>) -> store::Result<Reply> {
    let (Some(base), Some(key)) = (state.core.rules.web_url.clone(), state.core.rules.page_key) else {
        return Ok(Reply::error(msg!("web-off")));
    };
    let guild = scope.who.guild;
    let token = state.store.web_token(guild, true, now, &|g| super::page_token(&key, guild, g))?;
    Ok(Reply::info(msg!("web-rotated", url = format!("{base}/s/{token}"))))
}

/// After a post-now, today's scheduled question has been asked: the
/// schedule moves on to its next day, so that status promises no post that
/// will not come and skip skips a day that still has its question.
fn past_today(
    state: &mut State,
    channel: crate::ids::ChannelId,
    schedule: Option<StoredSchedule>,
    rule: Option<&Rule>,
    today: Occurrence,
) -> store::Result<()> {
    let (Some(s), Some(rule)) = (schedule, rule) else { return Ok(()) };
    if s.pending.next.date != today.date {
        return Ok(());
    }
    let after = rule.occurrence_on(today.date).map_or(today.at, |slot| slot.at.max(today.at));
    let Some(next) = next_post_after(rule, after) else { return Ok(()) };
    let skip = s.pending.skip.filter(|d| *d != today.date);
    state.store.set_schedule(channel, &StoredSchedule { pending: Pending { next, skip }, ..s })
}

fn status(
    state: &State,
    scope: &Scope,
    ctx: &Ctx,
    schedule: Option<&StoredSchedule>,
    rule: Option<&Rule>,
) -> store::Result<Reply> {
    let (platform, now) = (ctx.platform, ctx.now);
    let channel = scope.who.channel;
    let categories = daily::channel_categories(state, channel)?;
    let entries = super::pool(&state.store, &state.core.bank, scope.who.guild, &categories)?;
    let pool: Vec<&str> = entries.iter().map(|(id, _)| id.as_ref()).collect();
    let (_, used, _) = daily::cycle(state, channel, &pool)?;
    let mut lines = Vec::new();
    match (schedule, rule) {
        (Some(s), Some(rule)) => {
            lines.push(text::status_schedule(rule, s.paused));
            lines.extend(text::schedule_kind(s.kind));
            if !s.paused {
                let skipped = s.pending.skip == Some(s.pending.next.date);
                let due = s.pending.next.at;
                let next = if skipped { next_post_after(rule, due).map(|o| o.at) } else { Some(due) };
                if skipped {
                    lines.push(msg!("status-skipped", date = s.pending.next.date.to_string()));
                }
                if let Some(next) = next {
                    lines.push(msg!("status-next", at = Arg::When(next, rule.tz)));
                }
            }
        }
        _ => lines.push(msg!("status-no-schedule")),
    }
    match state.store.open_post(channel)? {
        Some(p) if is_open(&p, now) => {
            let tz = rule.map_or(scope.tz, |r| r.tz);
            lines.push(text::status_open(p.local_date, p.closes_at.map(|c| (c, tz))));
        }
        _ => lines.push(msg!("status-no-question")),
    }
    lines.push(text::status_pool(pool.len() - used.len(), pool.len(), &categories));
    let language = state.store.guild_language(platform, &ctx.guild)?.unwrap_or_default();
    let name = text::language_name(language.shown(ctx.locale.server));
    lines.push(match language.chosen {
        Some(_) => msg!("status-language", language = name),
        None => msg!("status-language-auto", language = name),
    });
    if let Some(p) = state.store.channel_problem(channel)? {
        let tz = rule.map_or(scope.tz, |r| r.tz);
        lines.push(text::delivery_problem(platform, p.problem, p.since, tz));
    }
    Ok(Reply::private(Body::Info(lines)))
}
