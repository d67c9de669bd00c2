//! Hostile input, generated: the command grammar, the grader and the pack
//! loader take anything without panicking, and what they accept is sane.

use proptest::prelude::*;
use quizmaster::command::{self, Command};
use quizmaster::config::{Settings, Sources};
use quizmaster::content::{Bank, ItemKind, Source, parse_pack};
use quizmaster::i18n::Lang;
use quizmaster::quiz::grading::{Glossary, grade, normalise};
use quizmaster::reply::{PLAIN, render};

use crate::support::{bank, ctx, service};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_grammar_takes_any_text(text in "\\PC{0,600}", noise in "[\\x00-\\x1f@<>!#&*_`|]{0,40}") {
        let line = format!("{text}{noise}");
        match command::parse(&line, 500) {
            Ok(Command::Answer { answer, .. }) => prop_assert!(!answer.trim().is_empty() && !answer.chars().any(char::is_control)),
            Ok(_) => {}
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    /// The request readers behind the Slack endpoints and Discord's
    /// interactions endpoint take any body without panicking.
    #[test]
    fn the_request_readers_take_any_body(body in prop::collection::vec(any::<u8>(), 0..400), which in 0u8..4) {
        use quizmaster::platform::{discord, slack};
        let read = match which {
            0 => slack::read_request("/slack/commands", &body, 500),
            1 => slack::read_request("/slack/interactivity", &body, 500),
            2 => slack::read_request("/slack/events", &body, 500),
            _ => discord::read_interaction(&body, 500),
        };
        if let Err(why) = read {
            prop_assert!(!why.is_empty());
        }
    }

    #[test]
    fn known_subcommands_with_any_arguments(sub in prop::sample::select(vec!["play", "answer", "leaderboard", "stats", "streak", "help", "admin", "admin schedule", "admin categories", "admin timezone"]), args in "\\PC{0,80}") {
        let _ = command::parse(&format!("{sub} {args}"), 500);
    }

    #[test]
    fn the_grader_takes_any_answer(answer in "\\PC{0,200}", accept in prop::collection::vec("[a-zA-Z0-9 '-]{1,20}", 1..4), choices in 3usize..=5, right in 0usize..5) {
        let choice = ItemKind::Choice { choices: (0..choices).map(|i| format!("c{i}")).collect(), answer: right % choices };
        let _ = grade(&choice, "", &answer, Glossary::curated());
        let text = ItemKind::Text { accept: accept.clone(), reject: Vec::new() };
        if let Ok(true) = grade(&text, "", &answer, Glossary::curated()) {
            prop_assert!(!normalise(&answer).is_empty());
        }
        for a in &accept {
            if !normalise(a).is_empty() {
                prop_assert_eq!(grade(&text, "", a, Glossary::curated()), Ok(true));
            }
        }
    }

    #[test]
    fn the_pack_loader_takes_any_text(text in "\\PC{0,400}") {
        let (pack, _) = parse_pack("fuzz.toml", &text);
        prop_assert!(pack.items.len() <= 1 + text.matches("[[item]]").count());
        let _ = Bank::from_sources(&[Source { name: "fuzz.toml".into(), text }]);
    }

    #[test]
    fn a_valid_item_with_hostile_strings_loads_or_is_named(prompt in "\\PC{1,80}", explanation in "\\PC{1,80}") {
        let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
        let text = format!(
            "[[item]]\nid = \"x\"\ntopic = 1\ncategory = \"c\"\ndifficulty = \"easy\"\nkind = \"text\"\nprompt = {}\naccept = [\"a1\"]\nexplanation = {}\n",
            toml_str(&prompt), toml_str(&explanation)
        );
        match Bank::from_sources(&[Source { name: "p.toml".into(), text }]) {
            Ok(bank) => prop_assert_eq!(bank.len(), 1),
            Err(errors) => prop_assert!(errors.iter().all(|e| e.to_string().contains("p.toml"))),
        }
    }
}

/// Keys of bot.toml, known and not, for generated files.
const KEYS: &[&str] = &[
    "database.path",
    "database.synchronous",
    "content.dir",
    "content.bundled",
    "quiz.timezone",
    "quiz.points_correct",
    "quiz.streak_bonus_cap",
    "quiz.max_input_chars",
    "quiz.rate_burst",
    "quiz.rate_per_second",
    "schedule.grace",
    "schedule.close",
    "log.level",
    "console.user",
    "slack.signing_secret",
    "slack.bot_token",
    "slack.admins",
    "slack.listen",
    "discord.token",
    "discord.guild_ids",
    "nope.key",
    "quiz.nope",
];

fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}".prop_map(|s| toml::Value::String(s).to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        Just("true".to_string()),
        Just("[1, \"a\", 2.5]".to_string()),
        Just("{ x = 1 }".to_string()),
        "[\\x00-\\x7f]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bot.toml loads or is refused with a message; none panics.
    #[test]
    fn any_bot_toml_loads_or_is_named(lines in prop::collection::vec((prop::sample::select(KEYS), toml_value()), 0..8), junk in "\\PC{0,20}") {
        let dir = tempfile::TempDir::new().unwrap();
        let mut text = String::new();
        for (key, value) in &lines {
            let (section, name) = key.split_once('.').unwrap();
            text.push_str(&format!("[{section}]\n{name} = {value}\n"));
        }
        text.push_str(&junk);
        let path = dir.path().join("bot.toml");
        std::fs::write(&path, &text).unwrap();
        if let Err(e) = Settings::load(Sources { file: Some(path), env: Some(Default::default()) }) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn hostile_text_through_the_service_never_panics_and_stays_inert() {
    let dir = tempfile::TempDir::new().unwrap();
    let svc = service(dir.path());
    let _ = bank();
    let nasty = [
        "",
        " ",
        "\u{0}",
        "@everyone",
        "<!channel>",
        "<@123>",
        "<!here|here>",
        "';DROP TABLE answers;--",
        "\u{202e}evil",
        "🙂🙂🙂",
        "answer",
        "admin",
        "admin schedule 99:99 Nowhere/Land",
        "stats <@!>",
        "stats @everyone",
        "play ../../etc/passwd",
        "leaderboard week week week",
    ];
    for line in nasty {
        for prefix in ["", "answer ", "stats ", "play ", "admin schedule 09:00 "] {
            let reply = svc.handle_text(&ctx("Mallory <@1>", "2026-11-25 10:00"), &format!("{prefix}{line}"));
            // Whatever comes back is shown whole and stays short: nothing
            // the user typed is repeated at length.
            let shown = render(&reply.body, &PLAIN, Lang::EnUs);
            assert!(shown.chars().count() < 2_000, "{prefix}{line}: {shown}");
        }
    }
    assert_eq!(crate::support::count(dir.path(), "SELECT COUNT(*) FROM answers"), 0);
}

/// What the readers make of real requests: a slash command's text, a button,
/// a submitted modal, a Discord command.
#[test]
fn the_request_readers_find_the_command_in_real_requests() {
    use quizmaster::platform::{discord, slack};
    let slash = b"team_id=T1&channel_id=C1&user_id=U1&user_name=ann&command=%2Fquiz&text=answer+b";
    assert!(matches!(slack::read_request("/slack/commands", slash, 500), Ok(Some(Command::Answer { .. }))));
    let click = serde_json::json!({"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": "qm:d12:B"}]});
    let body = serde_urlencoded::to_string([("payload", click.to_string())]).unwrap();
    assert!(matches!(
        slack::read_request("/slack/interactivity", body.as_bytes(), 500),
        Ok(Some(Command::Answer { .. }))
    ));
    let modal = serde_json::json!({"type": "view_submission", "user": {"id": "U1"},
        "view": {"callback_id": "qm:form:setup", "state": {"values": {"time": {"t": {"value": "09:00"}}}}}});
    let body = serde_urlencoded::to_string([("payload", modal.to_string())]).unwrap();
    let read = slack::read_request("/slack/interactivity", body.as_bytes(), 500);
    assert!(matches!(&read, Ok(Some(Command::Admin(_)))), "{read:?}");
    let ping = br#"{"id":"1","application_id":"2","type":1,"token":"t","version":1}"#;
    assert_eq!(discord::read_interaction(ping, 500), Ok(None));
}
