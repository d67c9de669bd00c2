//! Weekly recaps: the schedule's pass queues them (once per channel and
//! day, like a post), the sender draws and sends them, and the same figures
//! serve `quizmaster recap` and the web page.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::text;
use super::writer::State;
use crate::chart::{Bar, WeekChart};
use crate::content::Bank;
use crate::i18n::Lang;
use crate::msg;
use crate::quiz::leaderboard::{Sort, rank};
use crate::quiz::localtime::start_of_day;
use crate::quiz::recap::{self, QuestionFigures};
use crate::quiz::schedule::{Occurrence, next_post_after};
use crate::reply::{BoardRow, Body, RecapCard, Reply};
use crate::store::{self, ChannelId, Recap, Scope, Store, StoredRecapSchedule};

/// How many players the recap names.
const TOP: usize = 5;

/// Queues the recaps due at `now` (the latest one missed, if within the
/// grace) and moves each schedule on. A channel whose daily schedule is
/// paused or gone has its recaps passed over.
pub(super) fn run_recaps(state: &mut State, now: DateTime<Utc>) -> store::Result<()> {
    for (channel, s, paused) in state.store.due_recap_schedules(now)? {
        let Some((rule, next, s)) = s.and_then(|s| rule_of(&s).map(|(rule, next)| (rule, next, s))) else {
            tracing::error!(%channel, "unreadable recap schedule; removing it");
            state.store.set_recap_schedule(channel, None)?;
            continue;
        };
        let (due, next) = recap::due(&rule, next, now);
        if let Some(o) = due.filter(|_| !paused) {
            let first_day = recap::first_day(o.date);
            let queued = state.store.queue_recap(channel, o.date, first_day, o.at, rule.tz)?;
            if !queued {
                tracing::info!(%channel, date = %o.date, "recap already queued for this date");
            }
        }
        match next {
            Some(next) => state.store.set_recap_schedule(channel, Some(&stored(&s, next)))?,
            None => state.store.set_recap_schedule(channel, None)?,
        }
    }
    Ok(())
}

fn rule_of(s: &StoredRecapSchedule) -> Option<(crate::quiz::schedule::Rule, Occurrence)> {
    let day = Weekday::try_from(s.weekday).ok()?;
    let rule = recap::rule(day, s.local_time, s.timezone);
    Some((rule, Occurrence { date: s.next_date, at: s.next_at }))
}

fn stored(s: &StoredRecapSchedule, next: Occurrence) -> StoredRecapSchedule {
    StoredRecapSchedule { next_at: next.at, next_date: next.date, ..s.clone() }
}

/// `/quiz admin recap [day] [HH:MM]` (on), or `recap off`: the recap runs
/// in the zone of the channel's daily schedule, which it needs.
pub(super) fn set(
    state: &mut State,
    channel: ChannelId,
    when: Option<(Weekday, NaiveTime)>,
    now: DateTime<Utc>,
) -> store::Result<Reply> {
    let Some((day, time)) = when else {
        let had = state.store.recap_schedule(channel)?.is_some();
        state.store.set_recap_schedule(channel, None)?;
        return Ok(Reply::info(if had { msg!("recap-off") } else { msg!("recap-was-off") }));
    };
    let Some(schedule) = state.store.schedule(channel)? else { return Ok(Reply::error(msg!("recap-needs-schedule"))) };
    let tz = schedule.rule.tz;
    let rule = recap::rule(day, time, tz);
    let Some(next) = next_post_after(&rule, now) else { return Ok(Reply::error(msg!("never-posts"))) };
    let s = StoredRecapSchedule {
        weekday: u8::try_from(day.num_days_from_monday()).unwrap_or(0),
        local_time: time,
        timezone: tz,
        next_at: next.at,
        next_date: next.date,
    };
    state.store.set_recap_schedule(channel, Some(&s))?;
    Ok(Reply::info(text::recap_set(day, time, tz, next.at)))
}

/// The message of a queued recap, chart data included (the sender draws it).
pub(super) fn reply(state: &State, recap: &Recap, lang: Lang) -> store::Result<Reply> {
    let from = recap.until - recap::WINDOW;
    let (store, bank) = (&state.store, &state.core.bank);
    let card = week_card(store, bank, Scope::Channel(recap.channel), (recap.week_start, from, recap.until), lang)?;
    let mut reply = Reply::public(Body::Recap(Box::new(card)));
    super::language::in_lang_with(store, bank, &mut reply, lang)?;
    Ok(reply)
}

/// The questions of `scope` revealed in `[from, until)`: the recap's
/// figures and its chart's data, with a bar for each of the seven days from
/// `first_day`.
pub fn week_card(
    store: &Store,
    bank: &Bank,
    scope: Scope,
    (first_day, from, until): (NaiveDate, DateTime<Utc>, DateTime<Utc>),
    lang: Lang,
) -> store::Result<RecapCard> {
    let rows = store.questions_between(scope, from, until)?;
    let mut figures: Vec<QuestionFigures> = Vec::with_capacity(rows.len());
    for row in &rows {
        let found = super::find_item(store, bank, &row.item_id)?;
        figures.push(QuestionFigures {
            date: row.local_date,
            item_id: row.item_id.clone(),
            category: found.map_or_else(|| "retired".to_string(), |f| f.item.category.clone()),
            answered: row.answered,
            right: row.right,
        });
    }
    let week = recap::summarize(first_day, &figures);
    let standings = rank(store.standings_between(scope, from, until)?, Sort::Points);
    let top = standings
        .iter()
        .filter(|s| s.points > 0)
        .take(TOP)
        .enumerate()
        .map(|(i, s)| BoardRow {
            rank: i + 1,
            name: s.name.clone(),
            figure: msg!("points", points = s.points),
            is_you: false,
        })
        .collect();
    let hardest = match &week.hardest {
        Some(h) => {
            let prompt = super::find_item(store, bank, &h.item_id)?
                .map_or_else(|| h.item_id.clone(), |f| text::title_of(&f.item));
            Some((h.item_id.clone(), prompt, h.answered, h.right))
        }
        None => None,
    };
    let title = text::recap_title(first_day, first_day + chrono::Duration::days(6));
    let chart = WeekChart {
        family: crate::chart::family(lang),
        title: lang.tr(&title),
        days: week
            .days
            .iter()
            .map(|d| Bar {
                label: d.date.map(|d| lang.day_label(d)).unwrap_or_default(),
                answered: d.answered,
                right: d.right,
            })
            .collect(),
        categories: week
            .categories
            .iter()
            .map(|c| Bar { label: bank.title_in(&c.category, lang), answered: c.answered, right: c.right })
            .collect(),
        labels: text::chart_labels(lang),
    };
    Ok(RecapCard {
        title,
        answered: week.answered(),
        right: week.right(),
        questions: figures.len(),
        top,
        longest_streak: store.longest_streak(scope)?,
        hardest,
        chart,
        image: None,
    })
}

/// The recap of `server`'s week (all its channels) as `quizmaster recap`
/// draws it: the ISO week starting `monday` in the server's zone, whole;
/// or, without one, the seven days up to `now`, as a recap posted now would.
pub fn server_week(
    store: &Store,
    bank: &Bank,
    server: &crate::ids::ServerRef,
    monday: Option<NaiveDate>,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> anyhow::Result<RecapCard> {
    let (guild, tz) = super::server_named(store, server, default_tz)?;
    let (first_day, from, until) = match monday {
        Some(monday) => {
            let next = monday + chrono::Duration::days(7);
            let from = start_of_day(tz, monday).unwrap_or(DateTime::<Utc>::MIN_UTC);
            (monday, from, start_of_day(tz, next).unwrap_or(DateTime::<Utc>::MAX_UTC))
        }
        None => {
            let first = recap::first_day(now.with_timezone(&tz).date_naive());
            (first, now - recap::WINDOW, now)
        }
    };
    // The chart in the server's language, as its channels' recaps are.
    let lang = store.language_of(guild)?.shown(None);
    Ok(week_card(store, bank, Scope::Guild(guild), (first_day, from, until), lang)?)
}
