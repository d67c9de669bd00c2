//! Every sentence a player reads that is not an item's own text: help,
//! refusals, confirmations and the wording of times. Adapters render cards;
//! the words come from here.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::content::{Item, letter};
use crate::delivery::{Permission, Problem};
use crate::ids::Platform;
use crate::quiz::grading::GradeError;
use crate::quiz::schedule::Rule;
use crate::quiz::srs::Outlook;
use crate::reply::{Body, Reply};
use crate::store::StoreError;

/// The command list: (usage, what it does), as typed on the console and Slack.
const HELP: &[(&str, &str)] = &[
    ("/quiz", "a private practice question, spaced for memory (also /quiz play [category])"),
    ("/quiz answer <A-D or text>", "answer today's question, or else your practice question"),
    ("/quiz leaderboard [week|month|all] [points|streak|accuracy] [practice]", "the server's standings"),
    ("/quiz leaderboard season [name]", "the current season's board, or an earlier season's final one"),
    ("/quiz stats [user]", "answers, accuracy, points and streaks"),
    ("/quiz streak", "your current and best streak and freezes"),
    ("/quiz review", "your practice cards: how many are due now and later today"),
    ("/quiz web", "the link to this server's page: boards, the week's chart, past questions"),
    ("/quiz suggest", "suggest a question for this server; an admin reviews it"),
    ("/quiz suggestions", "your suggestions and where each stands"),
    ("/quiz forget-me", "delete your answers, streaks and practice in this server (asks first)"),
    ("/quiz help", "this list"),
    ("/quiz admin schedule <HH:MM> <Area/City> [days] [close]", "admins: a daily question at that local time"),
    ("/quiz admin pause | resume | skip | status", "admins: run the schedule and see what comes next"),
    ("/quiz admin post-now | reveal-now", "admins: post today's question now, or close and reveal it"),
    ("/quiz admin check", "admins: what the bot may do in this channel, and what is missing"),
    ("/quiz admin categories <name,name,…|all>", "admins: where this channel's daily questions come from"),
    ("/quiz admin timezone <Area/City>", "admins: the zone for leaderboard weeks and months"),
    ("/quiz admin recap [day] [HH:MM] | off", "admins: a weekly recap with a chart (Friday 16:00 unless said)"),
    ("/quiz admin web rotate", "admins: replace the server's web link; the old one stops working"),
    ("/quiz admin ping <role> | off", "admins: mention that role (Slack: user group) in each daily post"),
    ("/quiz admin threads on | off", "admins: a discussion thread for each daily question, with its reveal"),
    ("/quiz admin season start <name>", "admins: close the season (its board kept) and start a new one from zero"),
    ("/quiz admin review", "admins: the suggestions waiting, one at a time: approve, reject or edit"),
];

pub const HELP_TITLE: &str = "Quizmaster commands";

/// The command list as users of `platform` type it: Discord has its admin
/// commands under their own slash command, `/quizadmin`.
pub fn help(platform: Platform) -> Vec<(String, String)> {
    HELP.iter()
        .map(|(usage, what)| {
            let usage = match platform {
                Platform::Discord => usage.replace("/quiz admin ", "/quizadmin "),
                Platform::Console | Platform::Slack => (*usage).to_string(),
            };
            (usage, (*what).to_string())
        })
        .collect()
}

/// A reply in the words `platform`'s users type: Discord has its admin
/// commands under their own slash command, `/quizadmin`. Every reply of
/// the service and every refusal of an adapter passes through here.
pub fn spelled_for(platform: Platform, mut reply: Reply) -> Reply {
    if platform == Platform::Discord
        && let Body::Info(t) | Body::Error(t) = &mut reply.body
    {
        *t = t.replace("/quiz admin ", "/quizadmin ");
    }
    reply
}

/// The credit a server's own question carries.
pub fn suggested_by(name: &str) -> String {
    format!("Suggested by {name}.")
}

/// How to answer a question with `choices` choices (none: a text answer).
pub fn how_to_answer(choices: usize, buttons: bool) -> String {
    match (choices, buttons) {
        (0, _) => "Answer with /quiz answer <your answer>".into(),
        (n, false) => format!("Answer with /quiz answer <A-{}>", letter(n - 1)),
        (n, true) => format!("Answer with a button or /quiz answer <A-{}>", letter(n - 1)),
    }
}

/// The local console's own lines.
pub const CONSOLE_BANNER: &str = "\
Quizmaster — local console mode.
No Discord or Slack credentials are configured, so this is a local chat with
one channel. Type /quiz help for the commands, /as NAME to play as someone
else, /quit (or end of input) to leave. To connect a real platform, see
\"Connecting Discord and Slack\" in docs/operators.md.";
pub const CONSOLE_AS_USAGE: &str = "Usage: /as NAME";
pub const CONSOLE_UNKNOWN: &str = "Commands start with /quiz (try /quiz help), or /as NAME, or /quit.";
pub const CONSOLE_BYE: &str = "Bye.";
pub const CONSOLE_FORM: &str = "Fill it in with one `field: value` per line; a line without a field name adds a \
                                line to the field before (one choice per line). An empty line sends it; /cancel drops it.";
pub const CONSOLE_FORM_DROPPED: &str = "Dropped; nothing was sent.";

pub fn console_you_are(name: &str) -> String {
    format!("You are now {name}.")
}

/// Who counts as an admin on `platform`, and how to become one.
pub fn not_admin(platform: Platform) -> &'static str {
    match platform {
        Platform::Discord => {
            "Only members with the Manage Server permission can use /quizadmin. Ask someone who has it to run \
             the command, or to give you that permission (Server Settings → Roles). Nothing was changed."
        }
        Platform::Slack => {
            "Only workspace admins and owners, the member who installed Quizmaster, and members listed in the \
             bot's slack.admins setting can use /quiz admin. Ask one of them, or ask whoever runs the bot to add \
             your member ID to slack.admins. Nothing was changed."
        }
        Platform::Console => "Only admins can use /quiz admin. Nothing was changed.",
    }
}
pub const EMPTY_BANK: &str = "The question bank is empty.";
pub const NOT_THIS_CHANNEL: &str = "That question is not one of this channel's.";
pub const NOT_YOUR_PRACTICE: &str = "That practice question belongs to someone else; start your own with /quiz.";
pub const NOTHING_OPEN: &str = "There is no open question to answer. Type /quiz for a practice question.";
pub const PRACTICE_CLOSED: &str = "That practice question can no longer be answered. Type /quiz for another.";
pub const NOT_SCHEDULED: &str =
    "This channel has no schedule yet. Set one with /quiz admin schedule <HH:MM> <Area/City> [days] [close].";
pub const NEVER_POSTS: &str = "That schedule never posts.";
pub const ALREADY_PAUSED: &str = "The schedule is already paused. /quiz admin resume restarts it.";
pub const PAUSED: &str =
    "Paused: no daily questions until /quiz admin resume. Days without a question never break a streak.";
pub const RUNNING: &str = "The schedule is running; nothing to resume.";
pub const NOTHING_TO_SKIP: &str = "The schedule is paused, so there is nothing to skip.";
pub const ALREADY_REVEALED: &str = "That question was already revealed.";
pub const NOTHING_TO_REVEAL: &str = "There is no open daily question in this channel to reveal.";
pub const NO_QUESTION_OPEN: &str = "No question is open.";
pub const NO_SCHEDULE_STATUS: &str = "No schedule: /quiz admin schedule <HH:MM> <Area/City> [days] [close] sets one.";
pub const BOARD_EMPTY_DAILY: &str = "No answers yet in this period. Practice scores are on /quiz leaderboard practice.";
pub const BOARD_EMPTY: &str = "No answers yet in this period.";
pub const TOO_FAST: &str =
    "You are sending commands faster than the quiz takes them. Wait a second and try again; nothing was recorded.";
pub const TRY_AGAIN: &str =
    "The quiz database is busy or unavailable right now, so nothing was recorded. Please try again in a moment.";
pub const OUR_FAULT: &str = "Something went wrong on our side and nothing was recorded. The error has been logged.";
pub const NOT_OUR_BUTTON: &str = "That button is not one of the quiz's; nothing was recorded.";
pub const NOT_OUR_COMMAND: &str = "That is not a quiz command; try /quiz help.";

/// The page a Slack admin sees after "Add to Slack".
pub fn installed(team_name: &str) -> String {
    format!(
        "Quizmaster is installed in {team_name}. Invite it to your quiz channel with /invite @Quizmaster, \
         then type /quiz admin schedule 09:00 Europe/Berlin there (your time and zone)."
    )
}
pub const INSTALL_LINK_USED: &str =
    "This install link has expired or was already used, so nothing was installed. Start again from the install page.";
pub const INSTALL_CANCELLED: &str = "The install was cancelled in Slack; nothing was installed.";
pub const INSTALL_FAILED: &str = "Slack did not confirm the install, so nothing was stored. Please try again.";

pub fn already_answered_daily(first: &str) -> String {
    format!(
        "You already answered today's question with {first}; the first answer is final. Type /quiz for a practice question."
    )
}

pub fn already_answered(title: &str, first: &str) -> String {
    format!("You already answered today's question ({title}) with {first}; the first answer is final.")
}

pub fn already_answered_practice(title: &str, first: &str) -> String {
    format!(
        "You already answered that practice question ({title}) with {first}; the first answer is final. Type /quiz for another."
    )
}

pub fn closed(local_date: &str) -> String {
    format!("This question is closed: the daily question of {local_date} has been revealed.")
}

pub fn no_category(given: &str, known: &[String]) -> String {
    let given_lower = given.to_lowercase();
    let close = known
        .iter()
        .filter(|k| k.starts_with(&given_lower) || strsim::osa_distance(k, &given_lower) <= 2)
        .min_by_key(|k| strsim::osa_distance(k, &given_lower));
    let hint = close.map(|k| format!(" Did you mean `{k}`?")).unwrap_or_default();
    format!("There is no category `{given}`.{hint} Categories: {}.", known.join(", "))
}

pub fn no_player(name: &str) -> String {
    format!("No player called {name} has played here yet.")
}

pub fn scheduled(rule: &Rule, next: DateTime<Utc>) -> String {
    format!("Scheduled: {}. The next question is posted {}.", describe(rule), when(next, rule.tz))
}

pub fn resumed(next: DateTime<Utc>, tz: Tz) -> String {
    format!("Resumed. The next question is posted {}.", when(next, tz))
}

pub fn already_skipped(date: &str) -> String {
    format!("The question of {date} is already skipped; to stop for longer, use /quiz admin pause.")
}

pub fn skipped(date: &str, due: DateTime<Utc>, tz: Tz) -> String {
    format!("Skipped the question of {date} (due {}). Skipped days never break a streak.", when(due, tz))
}

pub fn already_posted(date: &str) -> String {
    format!("This channel already had its question for {date}; the next one comes on the next scheduled day.")
}

pub fn categories_set(chosen: &[String], pool: usize) -> String {
    if chosen.is_empty() {
        format!("Daily questions now come from every category ({pool} questions).")
    } else {
        format!("Daily questions now come from {} ({pool} questions).", chosen.join(", "))
    }
}

pub fn zone_set(tz: Tz) -> String {
    format!("Leaderboard weeks and months now follow {}.", tz.name())
}

pub fn not_a_zone(given: &str) -> String {
    let hint = crate::quiz::schedule::closest_zone(given).map(|z| format!(" Did you mean {z}?")).unwrap_or_default();
    format!("`{given}` is not an IANA time zone such as Europe/Berlin or America/New_York.{hint}")
}

pub fn status_schedule(rule: &Rule, paused: bool) -> String {
    format!("Schedule: {}{}.", describe(rule), if paused { " (paused)" } else { "" })
}

pub fn status_skipped(date: &str) -> String {
    format!("The question of {date} is skipped.")
}

pub fn posted(closes: Option<(DateTime<Utc>, Tz)>) -> String {
    match closes {
        Some((at, tz)) => format!("Posted in this channel. It closes and is revealed {}.", when(at, tz)),
        None => "Posted in this channel. Reveal it with /quiz admin reveal-now.".into(),
    }
}

pub const CLOSED_UNSEEN: &str = "Closed. The question never reached this channel, so there is nothing to reveal; \
     the day counts as missed and breaks nobody's streak.";
pub const REVEALED: &str = "Closed: the answer is being revealed in this channel.";

/// What stops the bot from posting in a channel, and what to do about it.
pub fn delivery_problem(platform: Platform, problem: Problem, since: DateTime<Utc>, tz: Tz) -> String {
    let fix = match (platform, problem) {
        (Platform::Discord, Problem::NoAccess) => {
            "it cannot see this channel. Give its role View Channel here (channel settings, Permissions)"
        }
        (Platform::Discord, Problem::MissingPermissions) => {
            "it may not post here. Give its role View Channel, Send Messages and Read Message History here"
        }
        (_, Problem::NoAccess | Problem::MissingPermissions) => "it is not allowed to post here. Allow it to",
        (_, Problem::ChannelGone) => "the channel or the question message no longer exists. Schedule another channel",
        (_, Problem::Archived) => "this channel is archived. Unarchive it, or schedule another channel",
        (Platform::Slack, Problem::NotInChannel) => "it is not in this channel. Invite it with /invite @Quizmaster",
        (_, Problem::NotInChannel) => "it is not a member of this channel. Add it",
        (Platform::Slack, Problem::BotRemoved) => "its token no longer works here. Reinstall the app in this workspace",
        (_, Problem::BotRemoved) => "it was removed or its token no longer works. Add it again",
        (_, Problem::ThreadsDenied) => "it may not use threads here",
    };
    if problem == Problem::ThreadsDenied {
        let grant = match platform {
            Platform::Discord => "Give its role Create Public Threads and Send Messages in Threads here",
            _ => "Allow it to reply in threads here",
        };
        return format!(
            "Problem since {}: the daily question went out, but the bot could not use its thread. \
             {grant}, or turn threads off with /quiz admin threads off.",
            when(since, tz)
        );
    }
    format!(
        "Problem since {}: the bot could not post the daily question here: {fix}. \
         The schedule carries on by itself once a post here works; /quiz admin post-now tries one now.",
        when(since, tz)
    )
}

/// `/quiz admin check`: what the bot lacks in this channel. `missing`:
/// `None` where the platform does not say.
pub fn permission_check(platform: Platform, needed: &[Permission], missing: Option<&[Permission]>) -> String {
    let names = |ps: &[Permission]| ps.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ");
    match (platform, missing) {
        (Platform::Console, _) => "The local channel needs no permissions.".into(),
        (_, None) => "This platform does not say what the bot may do in a channel before it tries; \
                      /quiz admin status shows any problem the last post ran into."
            .into(),
        (_, Some([])) => format!("The bot has everything it needs here: {}.", names(needed)),
        (_, Some(missing)) => format!(
            "The bot is missing {} here, so the daily question cannot run in this channel. \
             Grant it: channel settings, Permissions, the bot's role (or the bot), allow {}.",
            names(missing),
            names(missing)
        ),
    }
}

/// `/quiz review`: what is due among a player's `cards` cards.
pub fn review_outlook(o: &Outlook, cards: usize, tz: Tz) -> String {
    if cards == 0 {
        return "No practice cards yet. /quiz gives you a question; every answer you give, in practice or to a \
                daily question, schedules that question for review."
            .into();
    }
    let mut out = format!("{cards} card{} in your review queue. Due now: {}.", plural(cards), o.due_now);
    out.push_str(&format!(" Later today: {}.", o.later_today));
    if let Some(next) = o.next {
        out.push_str(&format!(" Next due: {}.", when(next, tz)));
    }
    if o.due_now > 0 {
        out.push_str(" /quiz starts with the most overdue one.");
    }
    out
}

pub fn learned(learned: usize, seen: usize) -> String {
    format!("{learned} of the {seen} questions seen (past the learning steps)")
}

pub fn retention(right: i64, all: i64) -> String {
    if all == 0 {
        return "no answers yet".into();
    }
    format!("{}% ({right} of {all} answers right)", right * 100 / all)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn status_next(at: DateTime<Utc>, tz: Tz) -> String {
    format!("Next post: {}.", when(at, tz))
}

pub fn status_open(local_date: &str, closes: Option<(DateTime<Utc>, Tz)>) -> String {
    match closes {
        Some((at, tz)) => format!("Open question: {local_date}, closes {}.", when(at, tz)),
        None => format!("Open question: {local_date}."),
    }
}

pub fn status_pool(left: usize, total: usize, categories: &[String]) -> String {
    let cats = if categories.is_empty() { "all categories".to_string() } else { categories.join(", ") };
    format!("Pool: {left} of {total} questions left in this cycle ({cats}).")
}

pub fn board_title(daily: bool, period: &str, sort: &str) -> String {
    if daily { format!("Leaderboard · {period} · {sort}") } else { format!("Practice board · {period}") }
}

fn describe(rule: &Rule) -> String {
    format!("{} {} {}, closing {}", rule.time.format("%H:%M"), rule.tz.name(), rule.days, rule.close)
}

/// An instant, marked so Discord and Slack show it in each reader's own
/// zone; elsewhere in the channel's zone and in UTC:
/// `Thu 2026-11-26 09:00 CET (08:00 UTC)`.
pub fn when(at: DateTime<Utc>, tz: Tz) -> String {
    let fallback = format!("{} ({} UTC)", at.with_timezone(&tz).format("%a %Y-%m-%d %H:%M %Z"), at.format("%H:%M"));
    crate::reply::time_mark(at, &fallback)
}

/// The first words of the prompt, to name a question in replies.
pub fn title_of(item: &Item) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = item.prompt.split_whitespace().collect();
    if words.len() <= WORDS { words.join(" ") } else { format!("{}…", words[..WORDS].join(" ")) }
}

pub fn grade_error(e: &GradeError, item: &Item) -> String {
    match e {
        GradeError::Empty => "Your answer is empty. Nothing was recorded.".into(),
        GradeError::NotALetter { .. } | GradeError::OutOfRange { .. } => {
            format!(
                "{} This question ({}) takes a letter. Nothing was recorded.",
                capitalise(&e.to_string()),
                title_of(item)
            )
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect::<String>() + ".")
}

/// What a player hears when the database let a command down; logged here once.
pub fn store_failure(e: &StoreError) -> &'static str {
    if e.is_temporary() {
        tracing::warn!(error = %e, "database temporarily unavailable");
        TRY_AGAIN
    } else {
        tracing::error!(error = %e, "command failed");
        OUR_FAULT
    }
}

pub const RECAP_OFF: &str = "The weekly recap is off for this channel.";
pub const RECAP_WAS_OFF: &str = "The weekly recap was already off for this channel.";
pub const RECAP_NEEDS_SCHEDULE: &str =
    "The weekly recap follows the daily question: set a schedule first with `schedule <HH:MM> <Area/City>`.";

pub fn recap_set(day: chrono::Weekday, time: chrono::NaiveTime, tz: Tz, next: DateTime<Utc>) -> String {
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let day = DAYS[day.num_days_from_monday() as usize];
    format!(
        "The weekly recap goes out every {day} at {} {}. Next: {}.",
        time.format("%H:%M"),
        tz.name(),
        when(next, tz)
    )
}

/// A points figure, as boards show it.
pub fn points(points: i64) -> String {
    format!("{points} pts")
}

/// `Weekly recap · Sat 21 – Fri 27 Nov 2026`.
pub fn recap_title(first: chrono::NaiveDate, last: chrono::NaiveDate) -> String {
    format!("Weekly recap · {} – {}", first.format("%a %-d %b"), last.format("%a %-d %b %Y"))
}

/// The words on the recap chart.
pub fn chart_labels() -> crate::chart::Labels {
    crate::chart::Labels {
        per_day: "Answers per day".into(),
        answers_axis: "answers".into(),
        answered: "answered".into(),
        right: "right".into(),
        per_category: "Share right by category".into(),
        percent_axis: "% right".into(),
        nothing: "No revealed questions this week yet".into(),
    }
}

/// What the recap chart shows, for screen readers.
pub fn chart_alt(card: &crate::reply::RecapCard) -> String {
    let days: Vec<String> =
        card.chart.days.iter().map(|d| format!("{}: {} answered, {} right", d.label, d.answered, d.right)).collect();
    format!("Bar chart of the week's answers per day ({}) and the share right by category.", days.join("; "))
}

/// Where the console wrote a recap's chart.
pub fn chart_saved(path: &str) -> String {
    format!("Chart: {path}")
}

pub const WEB_OFF: &str = "This bot serves no web pages (its operator has not set `web.listen`).";

/// The link `/quiz web` hands out.
pub fn web_link(base: &str, token: &str) -> String {
    format!(
        "This server's boards, weekly chart and archive: {base}/s/{token}\nAnyone with the link can see the page; \
         an admin can replace it with `web rotate`."
    )
}

pub fn web_rotated(base: &str, token: &str) -> String {
    format!("The old link no longer works. The new one: {base}/s/{token}")
}

/// What any link that is not a server's page shows.
pub const PAGE_NOT_FOUND: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>\
</head><body><main><h1>Not found</h1><p>This link does not lead to a quiz page. It may have been replaced: \
ask for the new one with <code>/quiz web</code>.</p></main></body></html>";

pub const NO_SEASON_ANSWERS: &str = "No revealed answers in this season yet.";

pub fn season_title(name: &str, current: bool) -> String {
    if current { format!("Season {name} · points so far") } else { format!("Season {name} · final board") }
}

pub fn no_season(name: Option<&str>, known: &[String]) -> String {
    let seasons = if known.is_empty() { "none yet".to_string() } else { known.join(", ") };
    match name {
        None => format!(
            "No season is running. An admin starts one with `/quiz admin season start <name>`. Seasons: {seasons}."
        ),
        Some(name) => format!("There is no season `{name}` in this server. Seasons: {seasons}."),
    }
}

pub fn season_taken(name: &str) -> String {
    format!("This server already had a season called `{name}`; choose another name.")
}

/// `closed`: the season that ended and how many players its final board has.
pub fn season_started(name: &str, closed: Option<(&str, usize)>) -> String {
    let start = format!("Season {name} has started: its board begins at zero. All-time boards keep counting.");
    match closed {
        None => start,
        Some((old, players)) => format!(
            "{start}\nSeason {old} is over; its final board ({players} players) is kept: `/quiz leaderboard season {old}`."
        ),
    }
}

pub fn ping_set(platform: Platform, role: Option<&str>) -> String {
    let what = if platform == Platform::Slack { "user group" } else { "role" };
    match role {
        Some(_) => format!("Each daily question here now mentions that {what}, and nobody else. `ping off` stops it."),
        None => "Daily questions here mention nobody.".to_string(),
    }
}

pub fn threads_set(platform: Platform, on: bool) -> String {
    match (on, platform) {
        (false, _) => "Daily questions here no longer open a thread.".into(),
        (true, Platform::Discord) => "Each daily question here opens a thread for discussion, and the reveal is \
                                      posted there too. The bot needs Create Public Threads and Send Messages in \
                                      Threads: `check` shows whether it has them."
            .into(),
        (true, _) => "Each daily question's reveal is also posted as a reply in its thread.".into(),
    }
}

/// The name of a daily question's discussion thread.
pub fn thread_name(local_date: &str) -> String {
    format!("Question of the day · {local_date}")
}

pub fn forget_me_first(platform: Platform) -> String {
    let confirm = if platform == Platform::Discord { "/quiz forget-me confirm:yes" } else { "/quiz forget-me confirm" };
    format!(
        "This deletes your answers, points, streaks and practice in this server, for good, and takes you off its \
         boards (past seasons too). Your suggestions still waiting are withdrawn; questions of yours already approved stay, credited to nobody. Nothing else changes. \
         To go ahead: {confirm}"
    )
}

pub fn forgotten(answers: usize) -> String {
    format!("Done: {answers} answers and everything counted from them are deleted from this server.")
}

// ---------------------------------------------------------------- suggestions

use crate::content::own::Field;

pub const SUGGEST_TITLE: &str = "Suggest a question";
pub const FORM_SEND: &str = "Send";
pub const FORM_FAILED: &str = "The form could not be opened just now; please try the command again.";
pub const FORM_CANCEL: &str = "Cancel";
pub const FORM_CLOSE: &str = "Close";
pub const FORM_DONE: &str = "Quiz";
pub const EDIT_TITLE: &str = "Edit the suggestion";
pub const REJECT_TITLE: &str = "Reject the suggestion";
pub const REASON_LABEL: &str = "Why (the author sees it)";
pub const REASON_HINT: &str = "Optional: for example, already asked last month";
pub const NOT_SAVED: &str = "the suggestion was not saved:";
pub const RETRY_LABEL: &str = "Fix and send again";
pub const RETRY_GONE: &str = "That form is no longer kept; open it again with the command.";
pub const SUGGEST_IN_SERVER: &str = "Suggestions are for a server's own questions: use /quiz suggest in a server.";

/// A suggestion form's field: its label and what to write in it.
pub fn field_label(field: Field) -> (&'static str, &'static str) {
    match field {
        Field::Prompt => ("Question", "What players are asked"),
        Field::Options => ("Choices, one per line", "3 to 5 choices; or, for a typed answer, the accepted answers"),
        Field::Answer => ("Right choice (letter)", "A to E; leave empty when players type the answer"),
        Field::Explanation => ("Explanation", "Why the answer is right, shown at the reveal"),
        Field::Category => ("Category", "One of the bank's categories, such as databases"),
    }
}

pub fn suggestion_saved(id: i64, warnings: &[String]) -> String {
    let mut out = format!(
        "Thanks: suggestion #{id} is waiting for an admin's review. `/quiz suggestions` shows where it stands."
    );
    for w in warnings {
        out.push_str(&format!("\nNote: {w}"));
    }
    out
}

pub fn more_similar(n: usize) -> String {
    format!("and {n} more items with the same answer and a similar question")
}

pub fn similar_warning(id: &str, prompt: &str) -> String {
    format!("it is close to `{id}`, which has the same answer: \"{prompt}\"")
}

pub fn review_title(id: i64, author: Option<&str>, category: &str, pending: i64) -> String {
    let by = author.map_or_else(|| "a former member".to_string(), str::to_string);
    format!("Suggestion #{id} by {by} · {category} · {pending} waiting")
}

pub fn too_many_pending(max: i64) -> String {
    format!(
        "You have {max} suggestions waiting for review here already; please wait until an admin has looked at them."
    )
}

pub fn unreadable_suggestion(why: &str) -> String {
    format!("This suggestion no longer passes the pack rules ({why}); it can only be rejected.")
}

pub const NOTHING_TO_REVIEW: &str = "No suggestions are waiting for review.";
pub const NO_SUCH_SUGGESTION: &str = "There is no suggestion with that number waiting for review in this server.";
pub const OWN_SUGGESTION: &str = "You wrote this suggestion, so another admin has to approve it. Nothing was changed.";
pub const NO_SUGGESTIONS: &str =
    "You have not suggested a question in this server yet: `/quiz suggest` opens the form.";

pub fn approved(id: i64, slug: &str) -> String {
    format!("Approved suggestion #{id}: it joins this server's own questions as `{slug}`.")
}

pub fn rejected(id: i64) -> String {
    format!("Rejected suggestion #{id}; its author can see it in `/quiz suggestions`.")
}

pub fn edited(id: i64) -> String {
    format!("Saved your changes to suggestion #{id}.")
}

pub fn review_actions() -> [(&'static str, &'static str, bool); 3] {
    [("approve", "Approve", false), ("reject", "Reject", true), ("edit", "Edit", false)]
}

/// One line of `/quiz suggestions`.
pub fn suggestion_line(id: i64, title: &str, state: crate::store::SuggestionState, reason: Option<&str>) -> String {
    let state = match state {
        crate::store::SuggestionState::Pending => "waiting for review",
        crate::store::SuggestionState::Approved => "approved",
        crate::store::SuggestionState::Rejected => "rejected",
    };
    match reason {
        Some(r) => format!("#{id} {state}: {title} (reason: {r})"),
        None => format!("#{id} {state}: {title}"),
    }
}

pub const YOUR_SUGGESTIONS: &str = "Your suggestions in this server:";
