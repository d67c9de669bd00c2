//! The bot's words chosen by rule: which message a situation calls for and
//! with which arguments. The words themselves are in `locales/`; replies
//! that need no choosing name their message where they are built.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::command::Group;
use crate::content::Item;
use crate::content::own::Field;
use crate::delivery::{Permission, Problem};
use crate::i18n::{Arg, Msg};
use crate::ids::Platform;
use crate::msg;
use crate::quiz::discussion::ScheduleKind;
use crate::quiz::grading::GradeError;
use crate::quiz::leaderboard::{Period, Sort};
use crate::quiz::schedule::{Close, Rule, duration_token};
use crate::quiz::srs::Outlook;
use crate::reply::HelpRow;
use crate::store::{StoreError, SuggestionState};

/// The command list, from the command table.
pub fn help() -> Vec<HelpRow> {
    crate::command::TABLE
        .iter()
        .map(|sub| HelpRow {
            admin: sub.group == Group::Admin,
            usage: sub.usage(),
            about: Msg::new(sub.about, Vec::new()),
        })
        .collect()
}

/// Who counts as an admin on `platform`, and how to become one.
pub fn not_admin(platform: Platform) -> Msg {
    match platform {
        Platform::Discord => msg!("not-admin-discord"),
        Platform::Slack => msg!("not-admin-slack"),
        Platform::Console => msg!("not-admin-console"),
    }
}

pub fn no_category(given: &str, known: &[String]) -> Msg {
    match crate::quiz::closest::closest_name(given, known.iter().map(String::as_str)) {
        Some(hint) => msg!("no-category-hint", given = given, hint = hint, known = known),
        None => msg!("no-category", given = given, known = known),
    }
}

/// A schedule as typed back: `09:00 Europe/Berlin weekdays, closing 8h`.
fn rule(rule: &Rule) -> Msg {
    msg!(
        "schedule-rule",
        time = rule.time.format("%H:%M").to_string(),
        zone = rule.tz.name(),
        days = rule.days.to_string(),
        close = match rule.close {
            Close::AtNextPost => msg!("close-next"),
            Close::After(d) => msg!("close-after", duration = duration_token(d)),
        }
    )
}

pub fn scheduled(r: &Rule, next: DateTime<Utc>, kind: ScheduleKind) -> Vec<Msg> {
    let mut out = vec![msg!("scheduled", rule = rule(r), next = Arg::When(next, r.tz))];
    out.extend(schedule_kind(kind));
    out
}

/// What a schedule posts, when it is not the usual quiz question.
pub fn schedule_kind(kind: ScheduleKind) -> Option<Msg> {
    (kind != ScheduleKind::Quiz).then(|| msg!("schedule-kind", kind = Arg::key(kind.as_str())))
}

pub fn status_schedule(r: &Rule, paused: bool) -> Msg {
    if paused { msg!("status-schedule-paused", rule = rule(r)) } else { msg!("status-schedule", rule = rule(r)) }
}

pub fn posted(closes: Option<(DateTime<Utc>, Tz)>) -> Msg {
    match closes {
        Some((at, tz)) => msg!("posted", at = Arg::When(at, tz)),
        None => msg!("posted-no-close"),
    }
}

pub fn status_open(date: NaiveDate, closes: Option<(DateTime<Utc>, Tz)>) -> Msg {
    match closes {
        Some((at, tz)) => msg!("status-open", date = date, at = Arg::When(at, tz)),
        None => msg!("status-open-no-close", date = date),
    }
}

pub fn status_pool(left: usize, total: usize, categories: &[String]) -> Msg {
    let categories = if categories.is_empty() { Arg::from(msg!("status-pool-all")) } else { Arg::from(categories) };
    msg!("status-pool", left = left, total = total, categories = categories)
}

pub fn categories_set(chosen: &[String], pool: usize) -> Msg {
    if chosen.is_empty() {
        msg!("categories-all", pool = pool)
    } else {
        msg!("categories-set", chosen = chosen, pool = pool)
    }
}

/// What stops the bot from posting in a channel, and what to do about it.
pub fn delivery_problem(platform: Platform, problem: Problem, since: DateTime<Utc>, tz: Tz) -> Msg {
    let since = Arg::When(since, tz);
    let fix = match (platform, problem) {
        (Platform::Discord, Problem::NoAccess) => msg!("fix-discord-no-access"),
        (Platform::Discord, Problem::MissingPermissions) => msg!("fix-discord-permissions"),
        (_, Problem::NoAccess | Problem::MissingPermissions) => msg!("fix-not-allowed"),
        (_, Problem::ChannelGone) => msg!("fix-channel-gone"),
        (_, Problem::Archived) => msg!("fix-archived"),
        (Platform::Slack, Problem::NotInChannel) => msg!("fix-slack-not-in-channel"),
        (_, Problem::NotInChannel) => msg!("fix-not-in-channel"),
        (Platform::Slack, Problem::BotRemoved) => msg!("fix-slack-removed"),
        (_, Problem::BotRemoved) => msg!("fix-removed"),
        (_, Problem::ThreadsDenied) => {
            let grant = match platform {
                Platform::Discord => msg!("grant-threads-discord"),
                _ => msg!("grant-threads"),
            };
            return msg!("delivery-problem-threads", since = since, grant = grant);
        }
    };
    msg!("delivery-problem", since = since, fix = fix)
}

/// `/quiz admin check`: what the bot lacks in this channel. `missing`:
/// `None` where the platform does not say.
pub fn permission_check(platform: Platform, needed: &[Permission], missing: Option<&[Permission]>) -> Msg {
    let names = |ps: &[Permission]| ps.iter().map(|p| permission(*p)).collect::<Vec<Msg>>();
    match (platform, missing) {
        (Platform::Console, _) => msg!("check-console"),
        (_, None) => msg!("check-unknown"),
        (_, Some([])) => msg!("check-all-granted", needed = names(needed)),
        (_, Some(missing)) => msg!("check-missing", missing = names(missing)),
    }
}

/// A permission as Discord's settings name it.
fn permission(p: Permission) -> Msg {
    match p {
        Permission::ViewChannel => msg!("perm-view-channel"),
        Permission::SendMessages => msg!("perm-send-messages"),
        Permission::EmbedLinks => msg!("perm-embed-links"),
        Permission::ReadMessageHistory => msg!("perm-read-message-history"),
        Permission::CreatePublicThreads => msg!("perm-create-public-threads"),
        Permission::SendMessagesInThreads => msg!("perm-send-messages-in-threads"),
    }
}

/// `/quiz review`: what is due among a player's `cards` cards, a sentence a line.
pub fn review_outlook(o: &Outlook, cards: usize, tz: Tz) -> Vec<Msg> {
    if cards == 0 {
        return vec![msg!("review-none")];
    }
    let mut out = vec![msg!("review-outlook", cards = cards, due_now = o.due_now, later_today = o.later_today)];
    if let Some(next) = o.next {
        out.push(msg!("review-next", at = Arg::When(next, tz)));
    }
    if o.due_now > 0 {
        out.push(msg!("review-start"));
    }
    out
}

pub fn retention(right: i64, all: i64) -> Msg {
    if all == 0 {
        return msg!("retention-none");
    }
    msg!("retention", share = right * 100 / all, right = right, all = all)
}

pub fn period(p: Period) -> Msg {
    match p {
        Period::Week => msg!("period-week"),
        Period::Month => msg!("period-month"),
        Period::All => msg!("period-all"),
    }
}

pub fn sort(s: Sort) -> Msg {
    match s {
        Sort::Points => msg!("sort-points"),
        Sort::Streak => msg!("sort-streak"),
        Sort::Accuracy => msg!("sort-accuracy"),
    }
}

/// The first words of the prompt, to name a question in replies.
pub fn title_of(item: &Item) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = item.prompt.split_whitespace().collect();
    if words.len() <= WORDS { words.join(" ") } else { format!("{}…", words[..WORDS].join(" ")) }
}

pub fn grade_error(e: &GradeError, item: &Item) -> Msg {
    let problem = match *e {
        GradeError::Empty => return msg!("answer-empty"),
        GradeError::NotALetter { last } => msg!("answer-not-a-letter", last = last),
        GradeError::OutOfRange { given, last } => msg!("answer-out-of-range", given = given, last = last),
        GradeError::NotGraded => return msg!("discussion-not-graded"),
    };
    msg!("answer-needs-letter", problem = problem, title = title_of(item))
}

/// What a player hears when the database let a command down; logged here once.
pub fn store_failure(e: &StoreError) -> Msg {
    if e.is_temporary() {
        tracing::warn!(error = %e, "database temporarily unavailable");
        msg!("try-again")
    } else {
        tracing::error!(error = %e, "command failed");
        msg!("our-fault")
    }
}

/// `Weekly recap · Sat 21 – Fri 27 Nov 2026`.
pub fn recap_title(first: chrono::NaiveDate, last: chrono::NaiveDate) -> Msg {
    msg!("recap-title", first = Arg::Day(first, false), last = Arg::Day(last, true))
}

pub fn recap_set(day: chrono::Weekday, time: chrono::NaiveTime, tz: Tz, next: DateTime<Utc>) -> Msg {
    msg!(
        "recap-set",
        day = day.number_from_monday(),
        time = time.format("%H:%M").to_string(),
        zone = tz.name(),
        next = Arg::When(next, tz)
    )
}

/// The words on the recap chart, in the source language.
/// A language's name, in itself.
pub fn language_name(lang: crate::i18n::Lang) -> Msg {
    msg!("language-name", tag = Arg::key(lang.tag()))
}

pub fn chart_labels(lang: crate::i18n::Lang) -> crate::chart::Labels {
    crate::chart::Labels {
        per_day: lang.tr(&msg!("chart-per-day")),
        answers_axis: lang.tr(&msg!("chart-answers-axis")),
        answered: lang.tr(&msg!("chart-answered")),
        right: lang.tr(&msg!("chart-right")),
        per_category: lang.tr(&msg!("chart-per-category")),
        percent_axis: lang.tr(&msg!("chart-percent-axis")),
        nothing: lang.tr(&msg!("chart-nothing")),
    }
}

/// What the recap chart shows, for screen readers.
pub fn chart_alt(card: &crate::reply::RecapCard) -> Msg {
    let days: Vec<Msg> = card
        .chart
        .days
        .iter()
        .map(|d| msg!("chart-day", day = &d.label, answered = d.answered, right = d.right))
        .collect();
    msg!("chart-alt", days = Arg::List(days.into_iter().map(Arg::from).collect()))
}

/// The link `/quiz web` hands out.
pub fn web_link(base: &str, token: &str) -> Vec<Msg> {
    vec![msg!("web-link", url = format!("{base}/s/{token}")), msg!("web-link-note")]
}

pub fn season_title(name: &str, current: bool) -> Msg {
    if current { msg!("season-title-current", name = name) } else { msg!("season-title-final", name = name) }
}

pub fn no_season(name: Option<&str>, known: &[String]) -> Msg {
    let known = if known.is_empty() { Arg::from(msg!("seasons-none-yet")) } else { Arg::from(known) };
    match name {
        None => msg!("no-season-running", known = known),
        Some(name) => msg!("no-season-called", name = name, known = known),
    }
}

/// `closed`: the season that ended and how many players its final board has.
pub fn season_started(name: &str, closed: Option<(&str, usize)>) -> Vec<Msg> {
    let mut out = vec![msg!("season-started", name = name)];
    if let Some((old, players)) = closed {
        out.push(msg!("season-over", old = old, players = players));
    }
    out
}

pub fn ping_set(platform: Platform, role: Option<&str>) -> Msg {
    match (role, platform) {
        (None, _) => msg!("ping-off"),
        (Some(_), Platform::Slack) => msg!("ping-set-group"),
        (Some(_), _) => msg!("ping-set-role"),
    }
}

pub fn threads_set(platform: Platform, on: bool) -> Msg {
    match (on, platform) {
        (false, _) => msg!("threads-off"),
        (true, Platform::Discord) => msg!("threads-on-discord"),
        (true, _) => msg!("threads-on"),
    }
}

pub fn forget_me_first(platform: Platform) -> Msg {
    let confirm = if platform == Platform::Discord { "/quiz forget-me confirm:yes" } else { "/quiz forget-me confirm" };
    msg!("forget-me-first", confirm = confirm)
}

// ---------------------------------------------------------------- suggestions

/// A suggestion form's field: its label and what to write in it.
pub fn field_label(field: Field, discussion: bool) -> (Msg, Msg) {
    match field {
        Field::Prompt if discussion => (msg!("field-prompt"), msg!("field-prompt-discussion-hint")),
        Field::Prompt => (msg!("field-prompt"), msg!("field-prompt-hint")),
        Field::Options if discussion => (msg!("field-notes"), msg!("field-notes-hint")),
        Field::Options => (msg!("field-options"), msg!("field-options-hint")),
        Field::Answer => (msg!("field-answer"), msg!("field-answer-hint")),
        Field::Explanation => (msg!("field-explanation"), msg!("field-explanation-hint")),
        Field::Category => (msg!("field-category"), msg!("field-category-hint")),
    }
}

pub fn review_title(id: i64, author: Option<&str>, category: &str, pending: i64) -> Msg {
    let author = author.map_or_else(|| Arg::from(msg!("former-member")), Arg::from);
    msg!("review-title", id = id.to_string(), author = author, category = category, pending = pending)
}

pub fn review_actions() -> [(&'static str, Msg, bool); 3] {
    [
        ("approve", msg!("action-approve"), false),
        ("reject", msg!("action-reject"), true),
        ("edit", msg!("action-edit"), false),
    ]
}

/// One line of `/quiz suggestions`.
pub fn suggestion_line(id: i64, title: &str, state: SuggestionState, reason: Option<&str>) -> Msg {
    match (state, reason) {
        (SuggestionState::Pending, _) => msg!("suggestion-pending", id = id.to_string(), title = title),
        (SuggestionState::Approved, _) => msg!("suggestion-approved", id = id.to_string(), title = title),
        (SuggestionState::Rejected, None) => msg!("suggestion-rejected", id = id.to_string(), title = title),
        (SuggestionState::Rejected, Some(r)) => {
            msg!("suggestion-rejected-because", id = id.to_string(), title = title, reason = r)
        }
    }
}
