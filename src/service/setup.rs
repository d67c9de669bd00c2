//! `/quiz admin setup`: a channel's first run in one form (the time, the
//! zone, the days, the categories), which ends with the first question
//! posted at once, so the team sees the bot work. Each field is read by the
//! same parser as its own admin command, and a problem is named under its
//! field with the form refilled to fix it.

use chrono::{DateTime, Utc};

use super::daily::stored;
use super::text;
use super::writer::{Scope, State};
use crate::command::{SetupAnswers, category_list, form_id};
use crate::i18n::Msg;
use crate::msg;
use crate::quiz::schedule::{Days, Rule, next_post_after, parse_time, parse_zone};
use crate::reply::{Body, FormCard, FormField, InvalidCard, Reply};
use crate::store;

/// The time a new channel's form suggests.
const SUGGESTED_TIME: &str = "09:00";

/// The form, filled with the channel's schedule and categories where it has
/// them, else with what most teams pick: 09:00 on weekdays, in the
/// server's zone, from every category.
pub(super) fn form(state: &State, scope: &Scope) -> store::Result<Reply> {
    let rule = state.store.schedule(scope.who.channel)?.map(|s| s.rule);
    let categories = state.store.channel_categories(scope.who.channel)?;
    let answers = SetupAnswers {
        time: rule.map_or_else(|| SUGGESTED_TIME.to_string(), |r| r.time.format("%H:%M").to_string()),
        zone: rule.map_or(scope.tz, |r| r.tz).name().to_string(),
        days: rule.map_or(Days::WEEKDAYS, |r| r.days).to_string(),
        categories: if categories.is_empty() { "all".to_string() } else { categories.join(", ") },
    };
    Ok(Reply::private(Body::Form(card(&answers))))
}

fn card(answers: &SetupAnswers) -> FormCard {
    let fields = SetupAnswers::FIELDS
        .into_iter()
        .map(|id| {
            let (label, hint, max_chars) = field(id);
            FormField {
                id,
                label,
                hint,
                value: answers.get(id).to_string(),
                long: false,
                required: id != "categories",
                max_chars,
            }
        })
        .collect();
    FormCard { id: form_id("setup", None), title: msg!("setup-title"), fields }
}

/// A field's label, its hint and how long it may be.
fn field(id: &str) -> (Msg, Msg, usize) {
    match id {
        "time" => (msg!("setup-time"), msg!("setup-time-hint"), 5),
        "zone" => (msg!("setup-zone"), msg!("setup-zone-hint"), 64),
        "days" => (msg!("setup-days"), msg!("setup-days-hint"), 64),
        _ => (msg!("setup-categories"), msg!("setup-categories-hint"), 300),
    }
}

/// The filled form: the schedule and categories set, and the first question
/// posted now; or, if any field does not read, nothing done and each
/// problem named under its field.
pub(super) fn submit(
    state: &mut State,
    scope: &Scope,
    now: DateTime<Utc>,
    answers: &SetupAnswers,
) -> store::Result<Reply> {
    let mut problems: Vec<(&'static str, Msg)> = Vec::new();
    let mut note = |id: &'static str, m: Msg| problems.push((id, m));
    let time = parse_time(answers.time.trim()).map_err(|e| note("time", e.msg())).ok();
    let tz = parse_zone(answers.zone.trim()).map_err(|e| note("zone", e.msg())).ok();
    let days = match answers.days.trim() {
        "" => Some(Days::EVERY_DAY),
        typed => Days::parse(&typed.replace(' ', "")).map_err(|e| note("days", e.msg())).ok(),
    };
    let known = state.core.bank.categories();
    // Nothing typed is every category, like `all`.
    let chosen = category_list(&answers.categories).unwrap_or_default();
    if let Some(bad) = chosen.iter().find(|c| !known.contains(c)) {
        note("categories", text::no_category(bad, known));
    }
    let (Some(time), Some(tz), Some(days), true) = (time, tz, days, problems.is_empty()) else {
        let problems = problems.into_iter().map(|(id, m)| (id, field(id).0, m)).collect();
        return Ok(Reply::private(Body::Invalid(InvalidCard {
            title: msg!("setup-not-saved"),
            problems,
            retry: card(answers),
        })));
    };
    let rule = Rule { time, tz, days, close: state.core.rules.default_close };
    let Some(next) = next_post_after(&rule, now) else { return Ok(Reply::error(msg!("never-posts"))) };
    let channel = scope.who.channel;
    let schedule = stored(&rule, next, Default::default());
    state.store.set_schedule(channel, &schedule)?;
    state.store.set_channel_categories(channel, &chosen)?;
    let pool = super::pool(&state.store, &state.core.bank, scope.who.guild, &chosen)?.len();
    let posted = super::admin::post_now(state, scope, Some(schedule), Some(rule), now)?;
    // Posting moved the schedule past today.
    let next = state.store.schedule(channel)?.map_or(next.at, |s| s.pending.next.at);
    let mut lines = text::scheduled(&rule, next, Default::default());
    lines.push(text::categories_set(&chosen, pool));
    match posted.body {
        Body::Info(said) => lines.extend(said),
        Body::Error(m) => lines.push(m),
        _ => {}
    }
    Ok(Reply::private(Body::Info(lines)))
}
