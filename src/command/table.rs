//! The command table: every subcommand is one entry (its name, who may run
//! it, its options, its words and its parser). The text grammar, Discord's
//! registration and option mapping, the help list and the metric label all
//! come from here, and Discord's options reach the same parser as typed
//! words, so the two cannot disagree.
//!
//! Adding a subcommand is one entry here, one parser in `args.rs`, one
//! handler in the service and its words in `locales/`.

use super::args as p;
use super::{Command, CommandError};

/// Where a subcommand sits and who may run it: `/quiz <name>` for every
/// member, `/quiz admin <name>` (Discord: `/quizadmin <name>`) for admins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Player,
    Admin,
}

/// What an option holds, which is also how Discord asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One word, or with `rest` the rest of the line.
    Text,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// A member: a mention in text, picked from the member list on Discord.
    User,
    /// A role (Discord) or user group (Slack): a mention.
    Role,
    /// One of the bank's categories (Discord offers them as choices).
    Category,
    /// This word, always: typed in text, implied on Discord.
    Literal(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct Opt {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Takes the rest of the line (a name with spaces, a text answer).
    pub rest: bool,
    /// What it is, for Discord's option list (a message id).
    pub about: &'static str,
}

pub struct Sub {
    pub group: Group,
    pub name: &'static str,
    /// Other names it is typed by.
    pub aliases: &'static [&'static str],
    /// Its options, in the order they are typed.
    pub opts: &'static [Opt],
    /// What it does: the help list and Discord's description (a message id).
    pub about: &'static str,
    /// The words after the subcommand's name, as a command.
    pub parse: fn(&[&str]) -> Result<Command, CommandError>,
}

const fn opt(name: &'static str, kind: Kind, about: &'static str) -> Opt {
    Opt { name, kind, required: false, rest: false, about }
}

const fn needed(name: &'static str, kind: Kind, about: &'static str) -> Opt {
    Opt { name, kind, required: true, rest: false, about }
}

const fn rest(name: &'static str, kind: Kind, required: bool, about: &'static str) -> Opt {
    Opt { name, kind, required, rest: true, about }
}

const fn player(
    name: &'static str,
    aliases: &'static [&'static str],
    opts: &'static [Opt],
    about: &'static str,
    parse: fn(&[&str]) -> Result<Command, CommandError>,
) -> Sub {
    Sub { group: Group::Player, name, aliases, opts, about, parse }
}

const fn admin(
    name: &'static str,
    opts: &'static [Opt],
    about: &'static str,
    parse: fn(&[&str]) -> Result<Command, CommandError>,
) -> Sub {
    Sub { group: Group::Admin, name, aliases: &[], opts, about, parse }
}

const LETTERS: &[&str] = &["A", "B", "C", "D", "E"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun", "off"];
/// The languages a server may choose (`language`), as Discord offers them.
const LANGUAGES: &[&str] = &["auto", "en-US", "de", "es-ES", "fr", "pt-BR", "ja"];

/// Every subcommand, in the order the help lists them.
pub static TABLE: &[Sub] = &[
    player(
        "play",
        &["practice", "question"],
        &[rest("category", Kind::Category, false, "opt-category")],
        "cmd-play",
        p::play,
    ),
    player(
        "answer",
        &["a"],
        &[opt("choice", Kind::Choice(LETTERS), "opt-choice"), rest("text", Kind::Text, false, "opt-text")],
        "cmd-answer",
        p::answer,
    ),
    player(
        "leaderboard",
        &["board", "top"],
        &[
            opt("period", Kind::Choice(&["week", "month", "all", "season"]), "opt-period"),
            opt("sort", Kind::Choice(&["points", "streak", "accuracy"]), "opt-sort"),
            opt("board", Kind::Choice(&["daily", "practice"]), "opt-board"),
            rest("season", Kind::Text, false, "opt-season-name"),
        ],
        "cmd-leaderboard",
        p::leaderboard,
    ),
    player("stats", &[], &[rest("user", Kind::User, false, "opt-user")], "cmd-stats", p::stats),
    player("streak", &[], &[], "cmd-streak", p::streak),
    player("review", &["due"], &[], "cmd-review", p::review),
    player("web", &[], &[], "cmd-web", p::web),
    player("archive", &[], &[opt("count", Kind::Text, "opt-count")], "cmd-archive", p::archive),
    player(
        "suggest",
        &[],
        &[opt("kind", Kind::Choice(&["quiz", "discussion"]), "opt-suggest-kind")],
        "cmd-suggest",
        p::suggest,
    ),
    player("suggestions", &[], &[], "cmd-suggestions", p::suggestions),
    player(
        "forget-me",
        &["forgetme"],
        &[opt("confirm", Kind::Choice(&["yes"]), "opt-confirm")],
        "cmd-forget-me",
        p::forget_me,
    ),
    player("help", &[], &[], "cmd-help", p::help),
    admin("setup", &[], "cmd-setup", p::setup),
    admin(
        "schedule",
        &[
            needed("time", Kind::Text, "opt-time"),
            needed("zone", Kind::Text, "opt-zone"),
            opt("days", Kind::Text, "opt-days"),
            opt("close", Kind::Text, "opt-close"),
            opt("kind", Kind::Choice(&["quiz", "discussion", "alternate"]), "opt-kind"),
        ],
        "cmd-schedule",
        p::schedule,
    ),
    admin("pause", &[], "cmd-pause", p::pause),
    admin("resume", &[], "cmd-resume", p::resume),
    admin("skip", &[], "cmd-skip", p::skip),
    admin("post-now", &[], "cmd-post-now", p::post_now),
    admin("reveal-now", &[], "cmd-reveal-now", p::reveal_now),
    admin("status", &[], "cmd-status", p::status),
    admin("check", &[], "cmd-check", p::check),
    admin("categories", &[rest("list", Kind::Text, true, "opt-list")], "cmd-categories", p::categories),
    admin("timezone", &[needed("zone", Kind::Text, "opt-zone")], "cmd-timezone", p::timezone),
    admin("language", &[needed("language", Kind::Choice(LANGUAGES), "opt-language")], "cmd-language", p::language),
    admin(
        "recap",
        &[opt("day", Kind::Choice(DAYS), "opt-day"), opt("time", Kind::Text, "opt-recap-time")],
        "cmd-recap",
        p::recap,
    ),
    admin("web", &[needed("action", Kind::Choice(&["rotate"]), "opt-web-action")], "cmd-web-rotate", p::web_rotate),
    admin("ping", &[opt("role", Kind::Role, "opt-role")], "cmd-ping", p::ping),
    admin("threads", &[needed("on", Kind::Choice(&["on", "off"]), "opt-on")], "cmd-threads", p::threads),
    admin(
        "season",
        &[needed("action", Kind::Literal("start"), "opt-season-action"), rest("name", Kind::Text, true, "opt-season")],
        "cmd-season",
        p::season,
    ),
    admin(
        "review",
        &[
            opt("action", Kind::Choice(&["approve", "reject", "edit"]), "opt-review-action"),
            opt("number", Kind::Text, "opt-review-number"),
            rest("reason", Kind::Text, false, "opt-reason"),
        ],
        "cmd-review-queue",
        p::review_queue,
    ),
];

/// The entry typed as `name` (or an alias) in `group`.
pub fn find(group: Group, name: &str) -> Option<&'static Sub> {
    // Every name is ASCII: compared without a lowercased copy, as this runs for every command.
    let is = |n: &&str| n.eq_ignore_ascii_case(name);
    TABLE.iter().find(|s| s.group == group && (is(&s.name) || s.aliases.iter().any(is)))
}

/// The names of a group, as the help spells them.
pub fn names(group: Group) -> impl Iterator<Item = &'static str> {
    TABLE.iter().filter(move |s| s.group == group).map(|s| s.name)
}

impl Sub {
    /// How it is typed after `/quiz` (admin commands after `/quiz admin`):
    /// `leaderboard [week|month|all|season] [points|streak|accuracy] …`.
    /// Command syntax, the same in every language.
    pub fn usage(&self) -> String {
        let mut out = self.name.to_string();
        for o in self.opts {
            let inner = match o.kind {
                Kind::Literal(word) => {
                    out.push(' ');
                    out.push_str(word);
                    continue;
                }
                Kind::Choice(words) => words.join("|"),
                _ if o.rest => format!("{}…", o.name),
                _ => o.name.to_string(),
            };
            out.push_str(&if o.required { format!(" <{inner}>") } else { format!(" [{inner}]") });
        }
        out
    }

    /// The metric label of its commands: its name, or `admin` for every
    /// admin command (a bounded set of labels).
    pub fn label(&self) -> &'static str {
        match self.group {
            Group::Player => self.name,
            Group::Admin => "admin",
        }
    }

    /// Named option values, as Discord sends them, turned into the words the
    /// same command is typed with, then parsed as those words are.
    pub fn from_options(&self, values: &[(String, OptValue)]) -> Result<Command, CommandError> {
        let mut words: Vec<String> = Vec::new();
        for o in self.opts {
            if let Kind::Literal(word) = o.kind {
                words.push(word.to_string());
                continue;
            }
            let Some((_, value)) = values.iter().find(|(n, _)| n == o.name) else { continue };
            match value {
                OptValue::Text(t) => {
                    words.extend(super::clean(t).split(' ').filter(|w| !w.is_empty()).map(str::to_string))
                }
                OptValue::User(id) => words.push(format!("<@{id}>")),
                OptValue::Role(id) => words.push(format!("<@&{id}>")),
            }
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (self.parse)(&words)
    }
}

/// An option's value as a platform sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptValue {
    Text(String),
    /// A member picked from the platform's list, by id.
    User(String),
    /// A role picked from the platform's list, by id.
    Role(String),
}

/// `/quiz <sub> …` or `/quizadmin <sub> …` with named options, as Discord
/// sends them. Every text value counts towards `max_chars`, as a command
/// line would.
pub fn from_options(
    group: Group,
    sub: &str,
    values: &[(String, OptValue)],
    max_chars: usize,
) -> Result<Command, CommandError> {
    let len = sub.chars().count()
        + values.iter().map(|(_, a)| if let OptValue::Text(t) = a { t.chars().count() + 1 } else { 0 }).sum::<usize>();
    if len > max_chars {
        return Err(CommandError::TooLong { len, max: max_chars });
    }
    match find(group, sub) {
        Some(entry) => entry.from_options(values),
        None if group == Group::Admin => Err(CommandError::UnknownAdmin(sub.to_string())),
        None => Err(CommandError::UnknownSubcommand(sub.to_string())),
    }
}
