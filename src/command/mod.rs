//! The one command grammar: the console's and Slack's text, Discord's
//! structured options ([`options`]) and answer buttons all become the same
//! [`Command`]s.
//!
//! ```text
//! /quiz [play [category]]
//! /quiz answer <letter or text>
//! /quiz leaderboard [week|month|all] [points|streak|accuracy] [practice]
//! /quiz leaderboard season [name]
//! /quiz stats [user]
//! /quiz streak
//! /quiz help
//! /quiz web
//! /quiz forget-me [confirm]
//! /quiz suggest | suggestions
//! /quiz admin schedule <HH:MM> <Area/City> [days] [close]
//! /quiz admin pause | resume | skip | post-now | reveal-now | status
//! /quiz admin categories <name,name,…|all>
//! /quiz admin timezone <Area/City>
//! /quiz admin recap [day] [HH:MM] | recap off
//! /quiz admin web rotate
//! /quiz admin season start <name>
//! /quiz admin ping <role> | ping off
//! /quiz admin threads on|off
//! /quiz admin review [approve <n> | reject <n> [reason] | edit <n>]
//! ```
//!
//! Forms (a modal on Discord and Slack, `name: value` lines in the console)
//! come back as [`parse_form`] reads them.

mod options;

use options::clean;
pub use options::{Arg, from_options};

use crate::content::own::{Draft, Field};
use crate::i18n::Msg;
use crate::ids::{PostId, PracticeId};
use crate::msg;
use crate::quiz::leaderboard::{BoardKind, Period, Sort};
use crate::quiz::schedule::{self, Close, Days};

/// Something a user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A private practice question, optionally from one category.
    Play {
        category: Option<String>,
    },
    /// An answer; `question` is set when a button names the question.
    Answer {
        answer: String,
        question: Option<QuestionRef>,
    },
    Leaderboard {
        period: Period,
        sort: Sort,
        board: BoardKind,
    },
    /// A season's board: the current one, or an archived one by name.
    SeasonBoard {
        name: Option<String>,
    },
    Stats {
        user: Option<UserArg>,
    },
    Streak,
    /// How many practice cards are due, and when the next one is.
    Review,
    Help,
    /// The link to the server's web page.
    Web,
    /// Delete the player's answers and figures in this server; without
    /// `confirm`, say what would go.
    ForgetMe {
        confirm: bool,
    },
    /// The form for suggesting a question.
    Suggest,
    /// A filled suggestion form.
    SubmitSuggestion(Draft),
    /// The member's own suggestions and where each stands.
    Suggestions,
    Admin(AdminCommand),
}

/// Channel administration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminCommand {
    /// Post a daily question at this local time, in this zone, on these days.
    Schedule(ScheduleSpec),
    /// Stop posting until resumed; days while paused never count against streaks.
    Pause,
    Resume,
    /// Skip the next scheduled question.
    Skip,
    /// Post today's question now instead of waiting for the schedule.
    PostNow,
    /// Close the open daily question and reveal the answer now.
    RevealNow,
    /// The schedule, the next post in local time and UTC, and the pool left.
    Status,
    /// What the bot may do in this channel, and what is missing. `granted`:
    /// the permissions the platform says the bot has here (Discord sends
    /// them with every interaction); `None` where it does not tell.
    Check {
        granted: Option<Vec<crate::delivery::Permission>>,
    },
    /// The categories daily questions come from; empty means all.
    Categories(Vec<String>),
    /// Set the server's zone for leaderboard weeks and months.
    Timezone(String),
    /// Post a weekly recap on this day at this local time (in the daily
    /// schedule's zone); `None` turns it off.
    Recap(Option<(chrono::Weekday, chrono::NaiveTime)>),
    /// Replace the server's web link: the old one stops working.
    WebRotate,
    /// Close the current season (its final board kept) and start this one.
    SeasonStart(String),
    /// Mention this role (Discord) or user group (Slack) in each daily
    /// post; `None` stops.
    Ping(Option<String>),
    /// Open a discussion thread for each daily question.
    Threads(bool),
    /// The review of members' suggestions.
    Review(Review),
}

/// What a reviewer does with suggestions (by number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// Show the oldest one waiting.
    Next,
    /// Add it to the server's own questions.
    Approve(i64),
    /// Turn it down, saying why if the reviewer did.
    Reject { id: i64, reason: Option<String> },
    /// The form asking why it is turned down.
    RejectForm(i64),
    /// The suggestion form filled with it, to change it.
    Edit(i64),
    /// The reviewer's changed version.
    SubmitEdit { id: i64, draft: Draft },
}

/// What `/quiz admin schedule` asks for. `days` and `close` default when not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleSpec {
    pub time: chrono::NaiveTime,
    pub tz: chrono_tz::Tz,
    pub days: Option<Days>,
    pub close: Option<Close>,
}

/// A question a button or answer refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionRef {
    Daily(PostId),
    Practice(PracticeId),
}

impl QuestionRef {
    /// A compact form for button ids: `d12`, `p34`.
    pub fn encode(self) -> String {
        match self {
            Self::Daily(id) => format!("d{id}"),
            Self::Practice(id) => format!("p{id}"),
        }
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (kind, id) = s.split_at_checked(1)?;
        let id = positive(id)?;
        match kind {
            "d" => Some(Self::Daily(PostId(id))),
            "p" => Some(Self::Practice(PracticeId(id))),
            _ => None,
        }
    }
}

/// A button's value: `qm:d12:B` is choice B of daily question 12.
pub fn button_value(question: QuestionRef, choice: char) -> String {
    format!("qm:{}:{choice}", question.encode())
}

/// A review button's value: `qm:review:approve:12`.
pub fn review_button(action: &str, suggestion: i64) -> String {
    format!("qm:review:{action}:{suggestion}")
}

/// A form's id (a modal's custom id or callback id): `qm:form:suggest`,
/// `qm:form:edit:12`, `qm:form:reject:12`.
pub fn form_id(form: &str, suggestion: Option<i64>) -> String {
    match suggestion {
        Some(id) => format!("qm:form:{form}:{id}"),
        None => format!("qm:form:{form}"),
    }
}

/// The button under a form's problems that opens it again, filled in
/// (Discord, whose modals cannot stay open to show them).
pub const RETRY_BUTTON: &str = "qm:retry";

/// The longest reason a reviewer may give.
pub const MAX_REASON_CHARS: usize = 300;

/// A submitted form as a command: its id and its fields' values by name.
/// `None` for a form that is not ours.
pub fn parse_form(form: &str, fields: &[(String, String)]) -> Option<Command> {
    let rest = form.strip_prefix("qm:form:")?;
    let draft = || {
        let mut d = Draft::default();
        for (name, value) in fields {
            if let Some(f) = Field::parse(name) {
                d.set(f, value.clone());
            }
        }
        d
    };
    match rest.split_once(':') {
        None if rest == "suggest" => Some(Command::SubmitSuggestion(draft())),
        Some(("edit", id)) => {
            Some(Command::Admin(AdminCommand::Review(Review::SubmitEdit { id: positive(id)?, draft: draft() })))
        }
        Some(("reject", id)) => {
            let reason = fields.iter().find(|(n, _)| n == "reason").and_then(|(_, v)| reason(v));
            Some(Command::Admin(AdminCommand::Review(Review::Reject { id: positive(id)?, reason })))
        }
        _ => None,
    }
}

/// A row number as ids and commands give it: a positive integer.
fn positive(s: &str) -> Option<i64> {
    s.parse::<i64>().ok().filter(|n| *n > 0)
}

/// A reviewer's reason as kept: cleaned, at most [`MAX_REASON_CHARS`], none if empty.
fn reason(typed: &str) -> Option<String> {
    let r = clean(typed);
    (!r.is_empty()).then(|| r.chars().take(MAX_REASON_CHARS).collect())
}

/// The answer a button gives, or `None` for a value that is not one of ours.
/// Values without the `qm:` prefix are from buttons posted by older versions.
pub fn parse_button(value: &str) -> Option<Command> {
    if let Some(review) = value.strip_prefix("qm:review:") {
        let (action, id) = review.split_once(':')?;
        let id = positive(id)?;
        return Some(Command::Admin(AdminCommand::Review(match action {
            "approve" => Review::Approve(id),
            "reject" => Review::RejectForm(id),
            "edit" => Review::Edit(id),
            _ => return None,
        })));
    }
    let rest = value.strip_prefix("qm:").unwrap_or(value);
    let (question, choice) = rest.split_once(':')?;
    let mut chars = choice.chars();
    match (QuestionRef::decode(question), chars.next(), chars.next()) {
        (Some(q), Some(c), None) if c.is_ascii_uppercase() => {
            Some(Command::Answer { answer: c.to_string(), question: Some(q) })
        }
        _ => None,
    }
}

/// Another user, as typed: a platform mention (`<@U123>`, `<@U123|bob>`,
/// `<@!123>`) gives the id; anything else is a display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserArg {
    Id(String),
    Name(String),
}

impl UserArg {
    pub fn parse(s: &str) -> UserArg {
        let s = s.trim();
        if let Some(inner) = s.strip_prefix("<@").and_then(|r| r.strip_suffix('>')) {
            let id = inner.trim_start_matches('!').split('|').next().unwrap_or_default();
            if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()) {
                return UserArg::Id(id.to_string());
            }
        }
        UserArg::Name(s.trim_start_matches('@').to_string())
    }
}

/// Why a command line was not understood; [`CommandError::msg`] says it to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    TooLong { len: usize, max: usize },
    UnknownSubcommand(String),
    EmptyAnswer,
    BadBoardOption(String),
    Unexpected { sub: &'static str, extra: String },
    UnknownAdmin(String),
    BadAdmin { sub: &'static str, problem: Msg },
}

impl CommandError {
    pub fn msg(&self) -> Msg {
        match self {
            CommandError::TooLong { len, max } => msg!("too-long", len = *len, max = *max),
            CommandError::UnknownSubcommand(given) => match did_you_mean(given, SUBCOMMANDS) {
                Some(hint) => msg!("unknown-subcommand-hint", given = given, hint = hint),
                None => msg!("unknown-subcommand", given = given),
            },
            CommandError::EmptyAnswer => msg!("empty-answer"),
            CommandError::BadBoardOption(given) => msg!("bad-board-option", given = given),
            CommandError::Unexpected { sub, extra } => msg!("unexpected", sub = *sub, extra = extra),
            CommandError::UnknownAdmin(given) => match did_you_mean(given, ADMIN_SUBCOMMANDS) {
                Some(hint) => msg!("unknown-admin-hint", given = given, hint = hint),
                None => msg!("unknown-admin", given = given),
            },
            CommandError::BadAdmin { sub, problem } => msg!("bad-admin", sub = *sub, problem = problem.clone()),
        }
    }

    fn admin(sub: &'static str, problem: Msg) -> CommandError {
        CommandError::BadAdmin { sub, problem }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().en())
    }
}

impl std::error::Error for CommandError {}

/// The subcommands, as the help spells them (for "did you mean").
const SUBCOMMANDS: &[&str] = &[
    "play",
    "answer",
    "leaderboard",
    "stats",
    "streak",
    "review",
    "help",
    "web",
    "forget-me",
    "suggest",
    "suggestions",
    "admin",
];
const ADMIN_SUBCOMMANDS: &[&str] = &[
    "schedule",
    "pause",
    "resume",
    "skip",
    "post-now",
    "reveal-now",
    "status",
    "check",
    "categories",
    "timezone",
    "recap",
    "web",
    "season",
    "ping",
    "threads",
    "review",
];

/// The one name close to what was typed: one or two typos away, or the
/// only name it starts.
fn did_you_mean(given: &str, names: &[&'static str]) -> Option<&'static str> {
    let given = given.to_lowercase();
    if given.chars().count() < 2 {
        return None;
    }
    let close: Vec<&'static str> = names.iter().copied().filter(|n| strsim::osa_distance(n, &given) <= 2).collect();
    let starts: Vec<&'static str> = names.iter().copied().filter(|n| n.starts_with(&given)).collect();
    match (close.as_slice(), starts.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        ([_, ..], _) => close.iter().copied().min_by_key(|n| strsim::osa_distance(n, &given)),
        _ => None,
    }
}

/// Parses what follows `/quiz`. Control characters are refused outright
/// except ordinary whitespace, which is collapsed.
pub fn parse(text: &str, max_chars: usize) -> Result<Command, CommandError> {
    let len = text.chars().count();
    if len > max_chars {
        return Err(CommandError::TooLong { len, max: max_chars });
    }
    let cleaned: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut words = cleaned.split_whitespace();
    let Some(sub) = words.next() else {
        return Ok(Command::Play { category: None });
    };
    let rest: Vec<&str> = words.collect();
    let no_args = |sub: &'static str, cmd: Command| match rest.first() {
        None => Ok(cmd),
        Some(extra) => Err(CommandError::Unexpected { sub, extra: (*extra).to_string() }),
    };
    match sub.to_lowercase().as_str() {
        "play" | "practice" | "question" => {
            Ok(Command::Play { category: (!rest.is_empty()).then(|| rest.join("-").to_lowercase()) })
        }
        "answer" | "a" => {
            if rest.is_empty() {
                Err(CommandError::EmptyAnswer)
            } else {
                Ok(Command::Answer { answer: rest.join(" "), question: None })
            }
        }
        "leaderboard" | "board" | "top" if rest.first().is_some_and(|w| w.eq_ignore_ascii_case("season")) => {
            let name = rest[1..].join(" ");
            Ok(Command::SeasonBoard { name: (!name.is_empty()).then_some(name) })
        }
        "leaderboard" | "board" | "top" => {
            let (mut period, mut sort, mut board) = (Period::default(), Sort::default(), BoardKind::default());
            for word in &rest {
                let w = word.to_lowercase();
                if let Some(p) = Period::parse(&w) {
                    period = p;
                } else if let Some(s) = Sort::parse(&w) {
                    sort = s;
                } else if w == "practice" {
                    board = BoardKind::Practice;
                } else {
                    return Err(CommandError::BadBoardOption((*word).to_string()));
                }
            }
            Ok(Command::Leaderboard { period, sort, board })
        }
        "stats" => Ok(Command::Stats { user: (!rest.is_empty()).then(|| UserArg::parse(&rest.join(" "))) }),
        "streak" => no_args("streak", Command::Streak),
        "review" | "due" => no_args("review", Command::Review),
        "help" => Ok(Command::Help),
        "web" => no_args("web", Command::Web),
        "forget-me" | "forgetme" => match rest.as_slice() {
            [] => Ok(Command::ForgetMe { confirm: false }),
            [word] if word.eq_ignore_ascii_case("confirm") => Ok(Command::ForgetMe { confirm: true }),
            [extra, ..] => Err(CommandError::Unexpected { sub: "forget-me", extra: (*extra).to_string() }),
        },
        "suggest" => no_args("suggest", Command::Suggest),
        "suggestions" => no_args("suggestions", Command::Suggestions),
        "admin" => parse_admin(&rest),
        _ => Err(CommandError::UnknownSubcommand(sub.to_string())),
    }
}

fn parse_admin(words: &[&str]) -> Result<Command, CommandError> {
    let Some(sub) = words.first() else {
        return Err(CommandError::UnknownAdmin(String::new()));
    };
    let args = &words[1..];
    let no_args = |sub: &'static str, cmd: AdminCommand| match args.first() {
        None => Ok(cmd),
        Some(extra) => Err(CommandError::admin(sub, msg!("admin-takes-nothing", extra = *extra))),
    };
    let admin = match sub.to_lowercase().as_str() {
        "schedule" => AdminCommand::Schedule(parse_schedule(args)?),
        "pause" => no_args("pause", AdminCommand::Pause)?,
        "resume" => no_args("resume", AdminCommand::Resume)?,
        "skip" => no_args("skip", AdminCommand::Skip)?,
        "post-now" => no_args("post-now", AdminCommand::PostNow)?,
        "reveal-now" => no_args("reveal-now", AdminCommand::RevealNow)?,
        "status" => no_args("status", AdminCommand::Status)?,
        "check" => no_args("check", AdminCommand::Check { granted: None })?,
        "categories" => {
            let list: Vec<String> =
                args.join(",").split(',').map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()).collect();
            if list.is_empty() {
                return Err(CommandError::admin("categories", msg!("admin-needs-list")));
            }
            AdminCommand::Categories(if list.iter().any(|c| c == "all") { Vec::new() } else { list })
        }
        "timezone" => match args {
            [zone] => AdminCommand::Timezone((*zone).to_string()),
            _ => return Err(CommandError::admin("timezone", msg!("admin-needs-zone"))),
        },
        "recap" => AdminCommand::Recap(parse_recap(args)?),
        "web" => parse_web(args)?,
        "season" => AdminCommand::SeasonStart(parse_season(args)?),
        "ping" => AdminCommand::Ping(parse_ping(&args.join(" "))?),
        "threads" => match args {
            [on] if on.eq_ignore_ascii_case("on") => AdminCommand::Threads(true),
            [off] if off.eq_ignore_ascii_case("off") => AdminCommand::Threads(false),
            _ => return Err(CommandError::admin("threads", msg!("admin-threads"))),
        },
        "review" => AdminCommand::Review(parse_review(args)?),
        _ => return Err(CommandError::UnknownAdmin((*sub).to_string())),
    };
    Ok(Command::Admin(admin))
}

/// `review`, `review approve <n>`, `review reject <n> [reason]`, `review edit <n>`.
fn parse_review(args: &[&str]) -> Result<Review, CommandError> {
    let bad = || CommandError::admin("review", msg!("admin-review"));
    let Some((action, rest)) = args.split_first() else { return Ok(Review::Next) };
    let (n, words) = rest.split_first().ok_or_else(bad)?;
    let id = positive(n.trim_start_matches('#')).ok_or_else(bad)?;
    let words = words.join(" ");
    Ok(match (action.to_lowercase().as_str(), words.is_empty()) {
        ("approve", true) => Review::Approve(id),
        ("edit", true) => Review::Edit(id),
        ("reject", _) => Review::Reject { id, reason: reason(&words) },
        _ => return Err(bad()),
    })
}

/// `[day] [HH:MM]` in either order, each defaulting (Friday, 16:00), or `off`.
pub(crate) fn parse_recap(args: &[&str]) -> Result<Option<(chrono::Weekday, chrono::NaiveTime)>, CommandError> {
    if let [off] = args
        && off.eq_ignore_ascii_case("off")
    {
        return Ok(None);
    }
    let (mut day, mut time) = (None, None);
    for word in args {
        if day.is_none()
            && let Ok(d) = word.parse::<chrono::Weekday>()
        {
            day = Some(d);
        } else if time.is_none()
            && let Ok(t) = schedule::parse_time(word)
        {
            time = Some(t);
        } else {
            return Err(CommandError::admin("recap", msg!("admin-recap", given = *word)));
        }
    }
    Ok(Some((day.unwrap_or(crate::quiz::recap::DEFAULT_DAY), time.unwrap_or_else(crate::quiz::recap::default_time))))
}

/// `<role>` as a mention (`<@&123>`, `<!subteam^S123|@team>`) or a bare id,
/// or `off`. Only the id is kept, and only letters and digits make one.
pub(crate) fn parse_ping(arg: &str) -> Result<Option<String>, CommandError> {
    let arg = arg.trim();
    if arg.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    let inner = arg.strip_prefix('<').and_then(|a| a.strip_suffix('>'));
    let id = match inner {
        Some(m) => {
            m.strip_prefix("@&").or_else(|| m.strip_prefix("!subteam^")).map(|m| m.split('|').next().unwrap_or(""))
        }
        None => Some(arg),
    };
    match id {
        Some(id) if !id.is_empty() && id.len() <= 32 && id.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Ok(Some(id.to_string()))
        }
        _ => Err(CommandError::admin("ping", msg!("admin-ping", given = arg))),
    }
}

/// The longest season name.
pub const MAX_SEASON_NAME: usize = 40;

/// `start <name>`: the name as typed, spaces collapsed.
pub(crate) fn parse_season(args: &[&str]) -> Result<String, CommandError> {
    let bad = |problem: Msg| CommandError::admin("season", problem);
    match args {
        [start, name @ ..] if start.eq_ignore_ascii_case("start") && !name.is_empty() => {
            let name = name.join(" ");
            let len = name.chars().count();
            if len > MAX_SEASON_NAME {
                return Err(bad(msg!("admin-season-name", len = len, max = MAX_SEASON_NAME)));
            }
            Ok(name)
        }
        _ => Err(bad(msg!("admin-season"))),
    }
}

/// `web rotate`.
pub(crate) fn parse_web(args: &[&str]) -> Result<AdminCommand, CommandError> {
    match args {
        [word] if word.eq_ignore_ascii_case("rotate") => Ok(AdminCommand::WebRotate),
        _ => Err(CommandError::admin("web", msg!("admin-web"))),
    }
}

/// `<HH:MM> <Area/City> [days] [close]`, days and close in either order.
pub(crate) fn parse_schedule(args: &[&str]) -> Result<ScheduleSpec, CommandError> {
    let bad = |problem: Msg| CommandError::admin("schedule", problem);
    let [time, zone, rest @ ..] = args else {
        return Err(bad(msg!("admin-schedule")));
    };
    let time = schedule::parse_time(time).map_err(|e| bad(e.msg()))?;
    let tz = schedule::parse_zone(zone).map_err(|e| bad(e.msg()))?;
    let (mut days, mut close) = (None, None);
    for word in rest {
        if days.is_none()
            && let Ok(d) = Days::parse(word)
        {
            days = Some(d);
        } else if close.is_none()
            && let Ok(c) = Close::parse(word)
        {
            close = Some(c);
        } else {
            return Err(bad(msg!("admin-schedule-word", given = *word)));
        }
    }
    Ok(ScheduleSpec { time, tz, days, close })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_table() {
        let ok: &[(&str, Command)] = &[
            ("", Command::Play { category: None }),
            ("play", Command::Play { category: None }),
            ("play Databases", Command::Play { category: Some("databases".into()) }),
            ("play general concepts", Command::Play { category: Some("general-concepts".into()) }),
            ("answer b", Command::Answer { answer: "b".into(), question: None }),
            (
                "ANSWER  eventual   consistency ",
                Command::Answer { answer: "eventual consistency".into(), question: None },
            ),
            ("leaderboard", Command::Leaderboard { period: Period::Week, sort: Sort::Points, board: BoardKind::Daily }),
            (
                "leaderboard week points",
                Command::Leaderboard { period: Period::Week, sort: Sort::Points, board: BoardKind::Daily },
            ),
            (
                "leaderboard accuracy all",
                Command::Leaderboard { period: Period::All, sort: Sort::Accuracy, board: BoardKind::Daily },
            ),
            (
                "leaderboard practice month",
                Command::Leaderboard { period: Period::Month, sort: Sort::Points, board: BoardKind::Practice },
            ),
            ("stats", Command::Stats { user: None }),
            ("review", Command::Review),
            ("due", Command::Review),
            ("stats @bob", Command::Stats { user: Some(UserArg::Name("bob".into())) }),
            ("stats <@U024BE7LH|bob>", Command::Stats { user: Some(UserArg::Id("U024BE7LH".into())) }),
            ("stats <@!80351110224678912>", Command::Stats { user: Some(UserArg::Id("80351110224678912".into())) }),
            ("streak", Command::Streak),
            ("help", Command::Help),
            ("admin post-now", Command::Admin(AdminCommand::PostNow)),
            ("admin timezone Europe/Berlin", Command::Admin(AdminCommand::Timezone("Europe/Berlin".into()))),
            (
                "admin schedule 09:00 Europe/Berlin weekdays 8h",
                Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                    time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                    tz: chrono_tz::Europe::Berlin,
                    days: Some(Days::WEEKDAYS),
                    close: Some(Close::After(chrono::Duration::hours(8))),
                })),
            ),
            (
                "admin schedule 7:30 Asia/Kolkata next",
                Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                    time: chrono::NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
                    tz: chrono_tz::Asia::Kolkata,
                    days: None,
                    close: Some(Close::AtNextPost),
                })),
            ),
            ("admin pause", Command::Admin(AdminCommand::Pause)),
            ("admin status", Command::Admin(AdminCommand::Status)),
            (
                "admin categories databases, security",
                Command::Admin(AdminCommand::Categories(vec!["databases".into(), "security".into()])),
            ),
            ("admin categories all", Command::Admin(AdminCommand::Categories(vec![]))),
            ("web", Command::Web),
            ("forget-me", Command::ForgetMe { confirm: false }),
            ("forget-me confirm", Command::ForgetMe { confirm: true }),
            ("leaderboard season", Command::SeasonBoard { name: None }),
            (
                "admin ping <@&910000000000000099>",
                Command::Admin(AdminCommand::Ping(Some("910000000000000099".into()))),
            ),
            ("admin ping <!subteam^S0614TZR7|@team>", Command::Admin(AdminCommand::Ping(Some("S0614TZR7".into())))),
            ("admin ping off", Command::Admin(AdminCommand::Ping(None))),
            ("admin threads on", Command::Admin(AdminCommand::Threads(true))),
            ("leaderboard season Spring 2027", Command::SeasonBoard { name: Some("Spring 2027".into()) }),
            ("admin season start Spring  2027", Command::Admin(AdminCommand::SeasonStart("Spring 2027".into()))),
            ("admin web rotate", Command::Admin(AdminCommand::WebRotate)),
            ("admin recap off", Command::Admin(AdminCommand::Recap(None))),
            (
                "admin recap",
                Command::Admin(AdminCommand::Recap(Some((
                    chrono::Weekday::Fri,
                    chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                )))),
            ),
            (
                "admin recap 09:30 Monday",
                Command::Admin(AdminCommand::Recap(Some((
                    chrono::Weekday::Mon,
                    chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
                )))),
            ),
        ];
        for (text, want) in ok {
            assert_eq!(&parse(text, 500).expect(text), want, "{text:?}");
        }
    }

    #[test]
    fn bad_input_is_named() {
        assert_eq!(parse("frobnicate", 500), Err(CommandError::UnknownSubcommand("frobnicate".into())));
        let hint = |line: &str| parse(line, 500).unwrap_err().to_string();
        assert!(hint("frobnicate").ends_with("Unknown subcommand `frobnicate`. Try `/quiz help` for the list."));
        assert!(hint("leaderbord").contains("Did you mean `/quiz leaderboard`?"), "{}", hint("leaderbord"));
        assert!(hint("stat").contains("Did you mean `/quiz stats`?"));
        assert!(hint("sugest").contains("Did you mean `/quiz suggest`?"));
        assert!(hint("admin shedule 09:00").contains("Did you mean `/quiz admin schedule`?"));
        assert!(hint("admin postnow").contains("Did you mean `/quiz admin post-now`?"));
        assert!(!hint("admin frobnicate").contains("Did you mean"));
        assert_eq!(parse("answer", 500), Err(CommandError::EmptyAnswer));
        assert_eq!(parse("answer \u{0}\u{7}", 500), Err(CommandError::EmptyAnswer));
        assert_eq!(parse("leaderboard yearly", 500), Err(CommandError::BadBoardOption("yearly".into())));
        assert_eq!(parse("streak now", 500), Err(CommandError::Unexpected { sub: "streak", extra: "now".into() }));
        assert_eq!(parse(&"x".repeat(501), 500), Err(CommandError::TooLong { len: 501, max: 500 }));
        assert!(parse("admin launch", 500).unwrap_err().to_string().contains("launch"));
        for (line, needle) in [
            ("admin schedule", "needs a time and a zone"),
            ("admin schedule 25:00 UTC", "`25:00` is not a time"),
            ("admin schedule 09:00 Mars/Olympus", "`Mars/Olympus` is not an IANA time zone"),
            ("admin schedule 09:00 UTC sometimes", "`sometimes` is neither days"),
            ("admin schedule 09:00 UTC weekdays weekends", "`weekends` is neither"),
            ("admin pause now", "takes no `now`"),
            ("admin categories", "needs a list"),
            ("admin timezone", "needs one zone"),
            ("admin recap someday", "`someday` is neither a day"),
            ("admin recap fri fri", "`fri` is neither"),
            ("admin web", "takes `rotate`"),
            ("admin season", "takes `start <name>`"),
            ("admin ping @everyone", "is not a role"),
            ("admin ping <@123>", "is not a role"),
            ("admin threads maybe", "takes `on` or `off`"),
            ("admin season start", "takes `start <name>`"),
        ] {
            let e = parse(line, 500).unwrap_err().to_string();
            assert!(e.contains(needle), "{line}: {e}");
        }
        assert!(parse("frobnicate", 500).unwrap_err().to_string().contains("/quiz help"));
    }

    #[test]
    fn question_refs_round_trip() {
        for r in [QuestionRef::Daily(PostId(1)), QuestionRef::Practice(PracticeId(987654321))] {
            assert_eq!(QuestionRef::decode(&r.encode()), Some(r));
        }
        for bad in ["", "d", "x1", "d-1", "d0", "dabc", "p1.5"] {
            assert_eq!(QuestionRef::decode(bad), None, "{bad}");
        }
    }
}
