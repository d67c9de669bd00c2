//! Structured commands, as Discord sends them: a command name, a subcommand
//! and named options. They map straight to a [`Command`], checked by the
//! same rules as the text grammar, with no text in between.

use super::{AdminCommand, Command, CommandError, UserArg, parse_schedule};
use crate::quiz::leaderboard::{BoardKind, Period, Sort};

/// An option's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A user picked from the platform's user list, by id.
    User(String),
}

/// `/quiz <sub> …` or `/quizadmin <sub> …` (`admin` true) with named options.
/// Every text value counts towards `max_chars`, as a command line would.
pub fn from_options(admin: bool, sub: &str, args: &[(String, Arg)], max_chars: usize) -> Result<Command, CommandError> {
    let len = sub.chars().count()
        + args.iter().map(|(_, a)| if let Arg::Text(t) = a { t.chars().count() + 1 } else { 0 }).sum::<usize>();
    if len > max_chars {
        return Err(CommandError::TooLong { len, max: max_chars });
    }
    let text = |name: &str| {
        args.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, a)| if let Arg::Text(t) = a { Some(clean(t)) } else { None })
            .filter(|t| !t.is_empty())
    };
    if admin {
        return admin_command(sub, &text).map(Command::Admin);
    }
    match sub {
        "play" => Ok(Command::Play { category: text("category").map(|c| c.to_lowercase().replace(' ', "-")) }),
        "answer" => match text("choice").or_else(|| text("text")) {
            Some(answer) => Ok(Command::Answer { answer, question: None }),
            None => Err(CommandError::EmptyAnswer),
        },
        "leaderboard" if text("period").is_some_and(|p| p.eq_ignore_ascii_case("season")) => {
            Ok(Command::SeasonBoard { name: text("season") })
        }
        "leaderboard" => {
            let pick = |name: &str| text(name).map(|v| v.to_lowercase());
            let period = match pick("period") {
                None => Period::default(),
                Some(p) => Period::parse(&p).ok_or(CommandError::BadBoardOption(p))?,
            };
            let sort = match pick("sort") {
                None => Sort::default(),
                Some(s) => Sort::parse(&s).ok_or(CommandError::BadBoardOption(s))?,
            };
            let board = match pick("board").as_deref() {
                None | Some("daily") => BoardKind::Daily,
                Some("practice") => BoardKind::Practice,
                Some(other) => return Err(CommandError::BadBoardOption(other.to_string())),
            };
            Ok(Command::Leaderboard { period, sort, board })
        }
        "stats" => {
            let user = args.iter().find(|(n, _)| n == "user").map(|(_, a)| match a {
                Arg::User(id) => UserArg::Id(id.clone()),
                Arg::Text(t) => UserArg::parse(&clean(t)),
            });
            Ok(Command::Stats { user })
        }
        "streak" => Ok(Command::Streak),
        "review" => Ok(Command::Review),
        "help" => Ok(Command::Help),
        "web" => Ok(Command::Web),
        "forget-me" => Ok(Command::ForgetMe { confirm: text("confirm").is_some_and(|c| c == "yes") }),
        "suggest" => Ok(Command::Suggest),
        "suggestions" => Ok(Command::Suggestions),
        other => Err(CommandError::UnknownSubcommand(other.to_string())),
    }
}

fn admin_command(sub: &str, text: &dyn Fn(&str) -> Option<String>) -> Result<AdminCommand, CommandError> {
    Ok(match sub {
        "schedule" => {
            let (time, zone) = (text("time").unwrap_or_default(), text("zone").unwrap_or_default());
            let rest: Vec<String> = ["days", "close"].iter().filter_map(|n| text(n)).collect();
            let mut words: Vec<&str> = vec![time.as_str(), zone.as_str()];
            words.retain(|w| !w.is_empty());
            words.extend(rest.iter().map(String::as_str));
            AdminCommand::Schedule(parse_schedule(&words)?)
        }
        "review" => AdminCommand::Review(super::Review::Next),
        "pause" => AdminCommand::Pause,
        "resume" => AdminCommand::Resume,
        "skip" => AdminCommand::Skip,
        "post-now" => AdminCommand::PostNow,
        "reveal-now" => AdminCommand::RevealNow,
        "status" => AdminCommand::Status,
        // The adapter fills in what the platform says the bot may do.
        "check" => AdminCommand::Check { granted: None },
        "categories" => {
            let given = text("list").unwrap_or_default();
            let list: Vec<String> =
                given.split(',').map(|c| c.trim().to_lowercase().replace(' ', "-")).filter(|c| !c.is_empty()).collect();
            if list.is_empty() {
                return Err(CommandError::admin("categories", crate::msg!("admin-needs-list")));
            }
            AdminCommand::Categories(if list.iter().any(|c| c == "all") { Vec::new() } else { list })
        }
        "timezone" => match text("zone") {
            Some(zone) if !zone.contains(char::is_whitespace) => AdminCommand::Timezone(zone),
            _ => {
                return Err(CommandError::admin("timezone", crate::msg!("admin-needs-zone")));
            }
        },
        "recap" => {
            let words: Vec<String> = ["day", "time"].iter().filter_map(|n| text(n)).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            AdminCommand::Recap(super::parse_recap(&words)?)
        }
        "ping" => AdminCommand::Ping(match text("role") {
            Some(role) => super::parse_ping(&role)?,
            None => None,
        }),
        "threads" => AdminCommand::Threads(text("on").is_some_and(|v| v == "on" || v == "true")),
        "season" => {
            let name = text("name").unwrap_or_default();
            let words: Vec<&str> = std::iter::once("start").chain(name.split_whitespace()).collect();
            AdminCommand::SeasonStart(super::parse_season(&words)?)
        }
        "web" => {
            let action = text("action").unwrap_or_default();
            super::parse_web(&[action.as_str()])?
        }
        other => return Err(CommandError::UnknownAdmin(other.to_string())),
    })
}

/// Control characters become spaces and runs of whitespace one space, as in
/// the text grammar.
pub(super) fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::parse;

    fn t(name: &str, value: &str) -> (String, Arg) {
        (name.to_string(), Arg::Text(value.to_string()))
    }

    /// Every structured command means what the same command typed means.
    #[test]
    fn options_and_text_agree() {
        type Case<'a> = (bool, &'a str, Vec<(String, Arg)>, &'a str);
        let cases: Vec<Case> = vec![
            (false, "play", vec![], "play"),
            (false, "play", vec![t("category", "databases")], "play databases"),
            (false, "answer", vec![t("choice", "B")], "answer B"),
            (false, "answer", vec![t("text", "eventual  consistency")], "answer eventual consistency"),
            (false, "leaderboard", vec![], "leaderboard"),
            (false, "leaderboard", vec![t("period", "month"), t("sort", "accuracy")], "leaderboard month accuracy"),
            (false, "leaderboard", vec![t("board", "practice"), t("period", "all")], "leaderboard all practice"),
            (false, "stats", vec![], "stats"),
            (false, "streak", vec![], "streak"),
            (false, "help", vec![], "help"),
            (
                true,
                "schedule",
                vec![t("time", "09:00"), t("zone", "Europe/Berlin")],
                "admin schedule 09:00 Europe/Berlin",
            ),
            (
                true,
                "schedule",
                vec![t("time", "07:30"), t("zone", "UTC"), t("days", "weekdays"), t("close", "next")],
                "admin schedule 07:30 UTC weekdays next",
            ),
            (true, "pause", vec![], "admin pause"),
            (true, "reveal-now", vec![], "admin reveal-now"),
            (true, "categories", vec![t("list", "apis, security")], "admin categories apis,security"),
            (true, "categories", vec![t("list", "all")], "admin categories all"),
            (true, "timezone", vec![t("zone", "Asia/Kolkata")], "admin timezone Asia/Kolkata"),
        ];
        for (admin, sub, args, line) in cases {
            assert_eq!(from_options(admin, sub, &args, 500), parse(line, 500), "{sub} {args:?}");
        }
        let picked = vec![("user".to_string(), Arg::User("80351110224678912".into()))];
        assert_eq!(
            from_options(false, "stats", &picked, 500),
            Ok(Command::Stats { user: Some(UserArg::Id("80351110224678912".into())) })
        );
    }

    #[test]
    fn bad_options_are_named() {
        let long = "x".repeat(600);
        assert!(matches!(from_options(false, "answer", &[t("text", &long)], 500), Err(CommandError::TooLong { .. })));
        assert_eq!(from_options(false, "answer", &[], 500), Err(CommandError::EmptyAnswer));
        assert_eq!(
            from_options(false, "leaderboard", &[t("period", "decade")], 500),
            Err(CommandError::BadBoardOption("decade".into()))
        );
        assert!(matches!(
            from_options(true, "schedule", &[t("time", "25:00"), t("zone", "UTC")], 500),
            Err(CommandError::BadAdmin { sub: "schedule", .. })
        ));
        assert_eq!(from_options(true, "launch", &[], 500), Err(CommandError::UnknownAdmin("launch".into())));
        assert_eq!(from_options(false, "dance", &[], 500), Err(CommandError::UnknownSubcommand("dance".into())));
    }
}
