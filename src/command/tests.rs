//! The grammar table, its refusals, and button and form ids.

use super::*;
use crate::ids::{PostId, PracticeId};

#[test]
fn grammar_table() {
    let ok: &[(&str, Command)] = &[
        ("", Command::Play { category: None }),
        ("play", Command::Play { category: None }),
        ("play Databases", Command::Play { category: Some("databases".into()) }),
        ("play general concepts", Command::Play { category: Some("general-concepts".into()) }),
        ("answer b", Command::Answer { answer: "b".into(), question: None }),
        ("ANSWER  eventual   consistency ", Command::Answer { answer: "eventual consistency".into(), question: None }),
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
        ("admin language es-MX", Command::Admin(AdminCommand::Language(Some(crate::i18n::Lang::EsEs)))),
        ("admin language pt-PT", Command::Admin(AdminCommand::Language(Some(crate::i18n::Lang::PtBr)))),
        ("admin language AUTO", Command::Admin(AdminCommand::Language(None))),
        (
            "admin schedule 09:00 Europe/Berlin weekdays 8h",
            Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                tz: chrono_tz::Europe::Berlin,
                days: Some(Days::WEEKDAYS),
                close: Some(Close::After(chrono::Duration::hours(8))),
                kind: None,
            })),
        ),
        (
            "admin schedule 09:00 Europe/Berlin weekdays kind discussion",
            Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                tz: chrono_tz::Europe::Berlin,
                days: Some(Days::WEEKDAYS),
                close: None,
                kind: Some(crate::quiz::discussion::ScheduleKind::Discussion),
            })),
        ),
        (
            "admin schedule 09:00 UTC alternate",
            Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                tz: chrono_tz::UTC,
                days: None,
                close: None,
                kind: Some(crate::quiz::discussion::ScheduleKind::Alternate),
            })),
        ),
        (
            "admin schedule 7:30 Asia/Kolkata next",
            Command::Admin(AdminCommand::Schedule(ScheduleSpec {
                time: chrono::NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
                tz: chrono_tz::Asia::Kolkata,
                days: None,
                close: Some(Close::AtNextPost),
                kind: None,
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
        ("admin ping <@&910000000000000099>", Command::Admin(AdminCommand::Ping(Some("910000000000000099".into())))),
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
    assert!(matches!(
        parse("leaderboard yearly", 500),
        Err(CommandError::Invalid { group: Group::Player, sub: "leaderboard", .. })
    ));
    assert!(hint("leaderboard yearly").contains("`yearly` is neither a period"));
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
        ("admin language klingon", "takes a language the bot speaks (en-US, de, es-ES, fr, pt-BR, ja) or `auto`"),
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

fn t(name: &str, value: &str) -> (String, OptValue) {
    (name.to_string(), OptValue::Text(value.to_string()))
}

/// Every structured command means what the same command typed means.
#[test]
fn options_and_text_agree() {
    type Case<'a> = (Group, &'a str, Vec<(String, OptValue)>, &'a str);
    let cases: Vec<Case> = vec![
        (Group::Player, "play", vec![], "play"),
        (Group::Player, "play", vec![t("category", "databases")], "play databases"),
        (Group::Player, "answer", vec![t("choice", "B")], "answer B"),
        (Group::Player, "answer", vec![t("text", "eventual  consistency")], "answer eventual consistency"),
        (Group::Player, "leaderboard", vec![], "leaderboard"),
        (Group::Player, "leaderboard", vec![t("period", "month"), t("sort", "accuracy")], "leaderboard month accuracy"),
        (Group::Player, "leaderboard", vec![t("board", "practice"), t("period", "all")], "leaderboard all practice"),
        (
            Group::Player,
            "leaderboard",
            vec![t("period", "season"), t("season", "Spring 2027")],
            "leaderboard season Spring 2027",
        ),
        (Group::Player, "stats", vec![], "stats"),
        (Group::Player, "streak", vec![], "streak"),
        (Group::Player, "help", vec![], "help"),
        (Group::Player, "forget-me", vec![t("confirm", "yes")], "forget-me confirm"),
        (Group::Player, "archive", vec![], "archive"),
        (Group::Player, "archive", vec![t("count", "3")], "archive 3"),
        (Group::Player, "archive", vec![t("count", "11")], "archive 11"),
        (
            Group::Admin,
            "schedule",
            vec![t("time", "09:00"), t("zone", "Europe/Berlin")],
            "admin schedule 09:00 Europe/Berlin",
        ),
        (
            Group::Admin,
            "schedule",
            vec![t("time", "07:30"), t("zone", "UTC"), t("days", "weekdays"), t("close", "next")],
            "admin schedule 07:30 UTC weekdays next",
        ),
        (Group::Admin, "pause", vec![], "admin pause"),
        (Group::Admin, "reveal-now", vec![], "admin reveal-now"),
        (Group::Admin, "categories", vec![t("list", "apis, security")], "admin categories apis,security"),
        (Group::Admin, "categories", vec![t("list", "all")], "admin categories all"),
        (Group::Admin, "timezone", vec![t("zone", "Asia/Kolkata")], "admin timezone Asia/Kolkata"),
        (Group::Admin, "threads", vec![t("on", "off")], "admin threads off"),
        (Group::Admin, "threads", vec![t("on", "maybe")], "admin threads maybe"),
        (Group::Admin, "season", vec![t("name", "Spring  2027")], "admin season start Spring 2027"),
        (Group::Admin, "recap", vec![t("day", "mon"), t("time", "09:30")], "admin recap mon 09:30"),
        (Group::Admin, "recap", vec![t("day", "off")], "admin recap off"),
        (Group::Admin, "web", vec![t("action", "rotate")], "admin web rotate"),
        (Group::Admin, "ping", vec![], "admin ping off"),
        (
            Group::Admin,
            "review",
            vec![t("action", "reject"), t("number", "3"), t("reason", "asked last week")],
            "admin review reject 3 asked last week",
        ),
    ];
    for (group, sub, args, line) in cases {
        assert_eq!(from_options(group, sub, &args, 500), parse(line, 500), "{sub} {args:?}");
    }
    let picked = vec![("user".to_string(), OptValue::User("80351110224678912".into()))];
    assert_eq!(
        from_options(Group::Player, "stats", &picked, 500),
        Ok(Command::Stats { user: Some(UserArg::Id("80351110224678912".into())) })
    );
    let role = vec![("role".to_string(), OptValue::Role("910000000000000099".into()))];
    assert_eq!(
        from_options(Group::Admin, "ping", &role, 500),
        Ok(Command::Admin(AdminCommand::Ping(Some("910000000000000099".into()))))
    );
}

#[test]
fn bad_options_are_named() {
    let long = "x".repeat(600);
    assert!(matches!(
        from_options(Group::Player, "answer", &[t("text", &long)], 500),
        Err(CommandError::TooLong { .. })
    ));
    assert_eq!(from_options(Group::Player, "answer", &[], 500), Err(CommandError::EmptyAnswer));
    assert_eq!(
        from_options(Group::Player, "leaderboard", &[t("period", "decade")], 500),
        parse("leaderboard decade", 500)
    );
    assert!(matches!(
        from_options(Group::Admin, "schedule", &[t("time", "25:00"), t("zone", "UTC")], 500),
        Err(CommandError::Invalid { group: Group::Admin, sub: "schedule", .. })
    ));
    assert_eq!(from_options(Group::Admin, "launch", &[], 500), Err(CommandError::UnknownAdmin("launch".into())));
    assert_eq!(from_options(Group::Player, "dance", &[], 500), Err(CommandError::UnknownSubcommand("dance".into())));
}

/// Discord's rules for a command's shape: names of 1 to 32 lowercase
/// letters, digits and dashes, descriptions of 1 to 100 characters,
/// required options before optional ones, at most 25 of each.
#[test]
fn the_table_is_a_valid_discord_registration() {
    let name_ok = |n: &str| {
        (1..=32).contains(&n.len()) && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let about_ok = |id: &'static str| (1..=100).contains(&Msg::new(id, Vec::new()).en().chars().count());
    for group in [Group::Player, Group::Admin] {
        assert!(table::names(group).count() <= 25);
    }
    for sub in TABLE {
        assert!(name_ok(sub.name) && about_ok(sub.about), "{}", sub.name);
        let shown: Vec<_> = sub.opts.iter().filter(|o| !matches!(o.kind, table::Kind::Literal(_))).collect();
        assert!(shown.windows(2).all(|w| w[0].required || !w[1].required), "{}: required options first", sub.name);
        for o in &shown {
            assert!(name_ok(o.name) && about_ok(o.about), "{} {}", sub.name, o.name);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for sub in TABLE {
        for name in std::iter::once(sub.name).chain(sub.aliases.iter().copied()) {
            assert!(seen.insert((sub.group, name)), "{name} is listed twice");
        }
    }
}

/// Every command the grammar makes is counted under its table entry.
#[test]
fn every_command_has_its_entry() {
    for sub in TABLE {
        let line = match sub.group {
            Group::Player => sub.usage().split(' ').next().unwrap().to_string(),
            Group::Admin => format!("admin {}", sub.usage().split(' ').next().unwrap()),
        };
        let example = match sub.name {
            "answer" => format!("{line} B"),
            "schedule" => format!("{line} 09:00 UTC"),
            "categories" => format!("{line} all"),
            "timezone" => format!("{line} UTC"),
            "web" if sub.group == Group::Admin => format!("{line} rotate"),
            "threads" => format!("{line} on"),
            "language" => format!("{line} es-MX"),
            "season" => format!("{line} start S1"),
            _ => line,
        };
        let cmd = parse(&example, 500).unwrap_or_else(|e| panic!("{example}: {e}"));
        assert_eq!(cmd.entry().map(|e| e.name), Some(sub.name), "{example}");
    }
}
