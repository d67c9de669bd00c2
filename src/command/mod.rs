//! The one command grammar: the console's and Slack's text, Discord's
//! structured options and answer buttons all become the same [`Command`]s,
//! through one table of subcommands ([`table`]) whose parsers ([`args`])
//! read typed words and Discord's options alike. `/quiz help` lists it.
//!
//! Forms (a modal on Discord and Slack, `name: value` lines in the console)
//! come back as [`parse_form`] reads them.

mod args;
pub mod table;
#[cfg(test)]
mod tests;
mod wire;

pub use args::{MAX_SEASON_NAME, category_list};
pub use table::{Group, OptValue, Sub, TABLE, from_options};
pub use wire::{
    MAX_REASON_CHARS, QuestionRef, RETRY_BUTTON, button_value, form_id, parse_button, parse_form, review_button,
};
use wire::{positive, reason};

use crate::content::own::Draft;
use crate::i18n::Msg;
use crate::msg;
use crate::quiz::leaderboard::{BoardKind, Period, Sort};
use crate::quiz::schedule::{Close, Days};

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
    /// The channel's last `count` revealed daily questions with their answers.
    Archive {
        count: usize,
    },
    /// Delete the player's answers and figures in this server; without
    /// `confirm`, say what would go.
    ForgetMe {
        confirm: bool,
    },
    /// The form for suggesting a question, or with `discussion` a
    /// discussion prompt.
    Suggest {
        discussion: bool,
    },
    /// A filled suggestion form.
    SubmitSuggestion(Draft),
    /// The member's own suggestions and where each stands.
    Suggestions,
    Admin(AdminCommand),
}

impl Command {
    /// The command table's entry this command is typed by: its metric label
    /// and its place in the help. `None` for nothing the table lists.
    pub fn entry(&self) -> Option<&'static Sub> {
        let (group, name) = match self {
            Command::Play { .. } => (Group::Player, "play"),
            Command::Answer { .. } => (Group::Player, "answer"),
            Command::Leaderboard { .. } | Command::SeasonBoard { .. } => (Group::Player, "leaderboard"),
            Command::Stats { .. } => (Group::Player, "stats"),
            Command::Streak => (Group::Player, "streak"),
            Command::Review => (Group::Player, "review"),
            Command::Help => (Group::Player, "help"),
            Command::Web => (Group::Player, "web"),
            Command::Archive { .. } => (Group::Player, "archive"),
            Command::ForgetMe { .. } => (Group::Player, "forget-me"),
            Command::Suggest { .. } | Command::SubmitSuggestion(_) => (Group::Player, "suggest"),
            Command::Suggestions => (Group::Player, "suggestions"),
            Command::Admin(a) => (Group::Admin, a.name()),
        };
        table::find(group, name)
    }
}

impl AdminCommand {
    /// Its name in the command table.
    pub fn name(&self) -> &'static str {
        match self {
            AdminCommand::Setup(_) => "setup",
            AdminCommand::Schedule(_) => "schedule",
            AdminCommand::Pause => "pause",
            AdminCommand::Resume => "resume",
            AdminCommand::Skip => "skip",
            AdminCommand::PostNow => "post-now",
            AdminCommand::RevealNow => "reveal-now",
            AdminCommand::Status => "status",
            AdminCommand::Check { .. } => "check",
            AdminCommand::Categories(_) => "categories",
            AdminCommand::Timezone(_) => "timezone",
            AdminCommand::Language(_) => "language",
            AdminCommand::Recap(_) => "recap",
            AdminCommand::WebRotate => "web",
            AdminCommand::SeasonStart(_) => "season",
            AdminCommand::Ping(_) => "ping",
            AdminCommand::Threads(_) => "threads",
            AdminCommand::Review(_) => "review",
        }
    }
}

/// Channel administration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminCommand {
    /// The first run in a channel: the form (`None`), or what came back in
    /// it; a schedule, categories, and a first question at once.
    Setup(Option<SetupAnswers>),
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
    /// The server's language for what the channel sees: one the bot
    /// speaks, or `None` to follow the platform's setting for the server.
    Language(Option<crate::i18n::Lang>),
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

/// The setup form as filled in, each field as typed (the service reads
/// them, so each problem is named under its field).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetupAnswers {
    pub time: String,
    pub zone: String,
    pub days: String,
    pub categories: String,
}

impl SetupAnswers {
    /// The form's field ids, in its order.
    pub const FIELDS: [&'static str; 4] = ["time", "zone", "days", "categories"];

    pub fn get(&self, field: &str) -> &str {
        match field {
            "time" => &self.time,
            "zone" => &self.zone,
            "days" => &self.days,
            _ => &self.categories,
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "time" => self.time = value,
            "zone" => self.zone = value,
            "days" => self.days = value,
            "categories" => self.categories = value,
            _ => {}
        }
    }

    /// From a submitted form's fields, cleaned like typed text.
    pub fn from_fields(fields: &[(String, String)]) -> SetupAnswers {
        let mut answers = SetupAnswers::default();
        for (name, value) in fields {
            answers.set(name, clean(value));
        }
        answers
    }
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
    /// `kind quiz|discussion|alternate`; a quiz when not given.
    pub kind: Option<crate::quiz::discussion::ScheduleKind>,
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
    TooLong {
        len: usize,
        max: usize,
    },
    UnknownSubcommand(String),
    EmptyAnswer,
    Unexpected {
        sub: &'static str,
        extra: String,
    },
    UnknownAdmin(String),
    /// A subcommand's words that do not fit it: `problem` says how.
    Invalid {
        group: Group,
        sub: &'static str,
        problem: Msg,
    },
}

impl CommandError {
    pub fn msg(&self) -> Msg {
        match self {
            CommandError::TooLong { len, max } => msg!("too-long", len = *len, max = *max),
            CommandError::UnknownSubcommand(given) => {
                match crate::quiz::closest::closest_name(given, table::names(Group::Player).chain(["admin"])) {
                    Some(hint) => msg!("unknown-subcommand-hint", given = given, hint = hint),
                    None => msg!("unknown-subcommand", given = given),
                }
            }
            CommandError::EmptyAnswer => msg!("empty-answer"),
            CommandError::Unexpected { sub, extra } => msg!("unexpected", sub = *sub, extra = extra),
            CommandError::UnknownAdmin(given) => {
                match crate::quiz::closest::closest_name(given, table::names(Group::Admin)) {
                    Some(hint) => msg!("unknown-admin-hint", given = given, hint = hint),
                    None => msg!("unknown-admin", given = given),
                }
            }
            CommandError::Invalid { group: Group::Admin, sub, problem } => {
                msg!("bad-admin", sub = *sub, problem = problem.clone())
            }
            CommandError::Invalid { group: Group::Player, sub, problem } => {
                msg!("bad-player", sub = *sub, problem = problem.clone())
            }
        }
    }

    fn admin(sub: &'static str, problem: Msg) -> CommandError {
        CommandError::Invalid { group: Group::Admin, sub, problem }
    }

    fn player(sub: &'static str, problem: Msg) -> CommandError {
        CommandError::Invalid { group: Group::Player, sub, problem }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().en())
    }
}

impl std::error::Error for CommandError {}

/// Parses what follows `/quiz`. Control characters are refused outright
/// except ordinary whitespace, which is collapsed.
pub fn parse(text: &str, max_chars: usize) -> Result<Command, CommandError> {
    let len = text.chars().count();
    if len > max_chars {
        return Err(CommandError::TooLong { len, max: max_chars });
    }
    let cleaned = clean(text);
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((first, rest)) = words.split_first() else {
        return Ok(Command::Play { category: None });
    };
    let (group, name, rest) = if first.eq_ignore_ascii_case("admin") {
        let Some((name, rest)) = rest.split_first() else {
            return Err(CommandError::UnknownAdmin(String::new()));
        };
        (Group::Admin, *name, rest)
    } else {
        (Group::Player, *first, rest)
    };
    match table::find(group, name) {
        Some(sub) => (sub.parse)(rest),
        None if group == Group::Admin => Err(CommandError::UnknownAdmin(name.to_string())),
        None => Err(CommandError::UnknownSubcommand(name.to_string())),
    }
}

/// Invisible characters (see [`crate::i18n::is_invisible`]) go, control
/// characters become spaces and runs of whitespace one space.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !crate::i18n::is_invisible(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
