//! Settings: file, environment overrides, and errors that name the key.

use std::collections::HashMap;
use std::path::PathBuf;

use quizmaster::config::{Settings, SettingsError, Sources, Synchronous};
use tempfile::TempDir;

fn file(dir: &TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("bot.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn env(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
    Some(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
}

fn load(path: Option<PathBuf>, vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    Settings::load(Sources { file: path, env: env(vars) })
}

#[test]
fn defaults_without_a_file() {
    let s = load(None, &[]).unwrap();
    assert_eq!(s.database.path, PathBuf::from("quizmaster.db"));
    assert_eq!(s.database.synchronous, Synchronous::Normal);
    assert!(s.content.bundled);
    assert_eq!(s.quiz.timezone.0, chrono_tz::Tz::UTC);
}

#[test]
fn the_example_file_is_valid_and_matches_the_defaults() {
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bot.toml.example");
    let s = load(Some(example), &[]).unwrap();
    let d = Settings::default();
    assert_eq!(s.database.path, d.database.path);
    assert_eq!(s.quiz.max_input_chars, d.quiz.max_input_chars);
    assert_eq!(s.quiz.points_correct, d.quiz.points_correct);
}

#[test]
fn env_overrides_beat_the_file() {
    let dir = TempDir::new().unwrap();
    let path = file(
        &dir,
        "[database]\npath = \"from-file.db\"\nbusy_timeout_ms = 100\n[quiz]\ntimezone = \"Europe/Berlin\"\n",
    );
    let s = load(Some(path.clone()), &[]).unwrap();
    assert_eq!(s.database.path, PathBuf::from("from-file.db"));
    let s = load(
        Some(path),
        &[("QUIZMASTER__DATABASE__PATH", "from-env.db"), ("QUIZMASTER__DATABASE__SYNCHRONOUS", "full")],
    )
    .unwrap();
    assert_eq!(s.database.path, PathBuf::from("from-env.db"));
    assert_eq!(s.database.synchronous, Synchronous::Full);
    assert_eq!(s.database.busy_timeout_ms, 100, "untouched keys keep the file's value");
    assert_eq!(s.quiz.timezone.0, chrono_tz::Tz::Europe__Berlin);
}

#[test]
fn errors_name_the_key() {
    let dir = TempDir::new().unwrap();
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        ("[database]\npathh = \"x.db\"\n", &[], "database.pathh"),
        ("[databse]\npath = \"x.db\"\n", &[], "databse"),
        ("[database]\nbusy_timeout_ms = \"soon\"\n", &[], "database.busy_timeout_ms"),
        ("[database]\nsynchronous = \"sometimes\"\n", &[], "database.synchronous"),
        ("[quiz]\ntimezone = \"Mars/Olympus\"\n", &[], "quiz.timezone"),
        ("[schedule]\ngrace = \"a while\"\n", &[], "schedule.grace"),
        ("[schedule]\nclose = \"never\"\n", &[], "schedule.close"),
        ("[slack]\nlisten = \"localhost\"\n", &[], "slack.listen"),
        ("[slack]\napi_base_url = \"not a url\"\n", &[], "slack.api_base_url"),
        ("[slack]\napp_token = \"xapp-1\"\n", &[], "slack.bot_token"),
        ("[slack]\nclient_id = \"1.2\"\n", &[], "slack.client_secret"),
        (
            "[slack]\nclient_id = \"1.2\"\nclient_secret = \"s\"\ntoken_key = \"short\"\napp_token = \"xapp-1\"\n",
            &[],
            "slack.token_key",
        ),
        ("[web]\npage_key = \"0123\"\n", &[], "web.page_key"),
        ("[slack]\nbot_token = \"xoxb-1\"\n", &[], "slack.app_token"),
        ("[slack]\nbot_token = \"xoxb-1\"\napp_token = \"xoxb-2\"\n", &[], "slack.app_token"),
        ("[discord]\napi_base_url = \"ftp://example.test\"\n", &[], "discord.api_base_url"),
        ("[discord]\nshards = \"4-3/8\"\n", &[], "discord.shards"),
        ("[discord]\nshards = \"some\"\n", &[], "discord.shards"),
        ("[discord]\npublic_key = \"abc\"\ninteractions_listen = \"127.0.0.1:0\"\n", &[], "discord.public_key"),
        ("[discord]\ninteractions_listen = \"127.0.0.1:0\"\n", &[], "discord.public_key"),
        ("[discord]\ngateway = false\n", &[], "discord.gateway"),
        ("", &[("QUIZMASTER__QUIZ__MAX_INPUT_CHARS", "lots")], "quiz.max_input_chars"),
        ("", &[("QUIZMASTER__QUIZ__COLOUR", "blue")], "quiz.colour"),
        // Silent traps, refused with the way past them.
        ("[log]\nlevel = \"verbose\"\n", &[], "`verbose` is not a log level"),
        ("[log]\nlevel = \"quizmaster=loud,info\"\n", &[], "log.level"),
        ("[slack]\nadmins = [\"@alice\"]\n", &[], "Copy member ID"),
        ("", &[("QUIZMASTER_DISCORD_TOKEN", "t")], "QUIZMASTER__DISCORD__TOKEN"),
        ("", &[("QUIZMASTER_SLACK_BOT_TOKEN", "xoxb-1")], "QUIZMASTER__SLACK__BOT_TOKEN"),
    ];
    for (text, vars, key) in cases {
        let err = load(Some(file(&dir, text)), vars).expect_err(text).to_string();
        assert!(err.contains(key), "{text:?} {vars:?}: {err:?} does not name {key}");
    }
    let missing = load(Some(dir.path().join("nope.toml")), &[]).unwrap_err().to_string();
    assert!(missing.contains("nope.toml"), "{missing}");
}

#[test]
fn good_log_levels_admin_ids_and_unrelated_variables_are_accepted() {
    let dir = TempDir::new().unwrap();
    for level in ["info", "DEBUG", "quizmaster=debug,info", "warn,serenity=error", "off"] {
        let s = load(Some(file(&dir, &format!("[log]\nlevel = \"{level}\"\n"))), &[]).expect(level);
        assert_eq!(s.log.level, level);
    }
    let s = load(Some(file(&dir, "[slack]\nadmins = [\"U012AB3CD\", \"W0ABC\"]\n")), &[]).unwrap();
    assert_eq!(s.slack.admins, ["U012AB3CD", "W0ABC"]);
    // A variable of the same prefix that names no section is someone else's.
    load(None, &[("QUIZMASTER_SEED", "/tmp/seed.md"), ("QUIZMASTER__LOG__LEVEL", "warn")]).unwrap();
}

/// A syntax error names the file, line and column, never the line itself:
/// it may hold a token.
#[test]
fn a_syntax_error_does_not_print_the_secret_on_its_line() {
    let dir = TempDir::new().unwrap();
    let path = file(&dir, "[discord]\ntoken = \"MTIzNDU2Nzg5.secret-value\n");
    let err = load(Some(path), &[]).unwrap_err().to_string();
    assert!(err.contains("line 2, column 35"), "{err}");
    assert!(!err.contains("secret-value") && !err.contains("MTIz"), "{err}");
}

/// A settings file anyone may change is refused, with the command that fixes it.
#[cfg(unix)]
#[test]
fn a_settings_file_any_user_may_change_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = file(&dir, "[quiz]\ntimezone = \"Europe/Berlin\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let err = load(Some(path.clone()), &[]).unwrap_err().to_string();
    assert!(err.contains("mode 666") && err.contains("chmod 600"), "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(load(Some(path), &[]).unwrap().quiz.timezone.0, chrono_tz::Tz::Europe__Berlin);
}

/// A global debug level keeps the bot's own lines readable: the HTTP and
/// gateway libraries stay at info unless the operator names them.
#[test]
fn a_debug_level_holds_the_noisy_libraries_at_info_unless_named() {
    use quizmaster::config::log_filter;
    assert_eq!(log_filter("info"), "info");
    assert_eq!(log_filter("quizmaster=debug,info"), "quizmaster=debug,info");
    let debug = log_filter("debug");
    assert!(debug.starts_with("debug,") && debug.contains("serenity=info") && debug.contains("hyper=info"), "{debug}");
    assert!(debug.contains("reqwest=info") && debug.contains("tungstenite=info"), "{debug}");
    let named = log_filter("trace,serenity=trace");
    assert!(named.contains("serenity=trace") && !named.contains("serenity=info"), "{named}");
    // Every filter made is one tracing accepts.
    for level in ["debug", "TRACE", "warn", "trace,serenity=trace"] {
        tracing_subscriber::EnvFilter::try_new(log_filter(level)).expect(level);
    }
}

/// A settings file holding a secret that other users may read loads, with a
/// warning that names it and the fix; without a secret, or made private, no
/// warning.
#[cfg(unix)]
#[test]
fn a_readable_settings_file_holding_secrets_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = file(&dir, "[discord]\ntoken = \"secret-value\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = load(Some(path.clone()), &[]).unwrap();
    assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
    assert!(s.warnings[0].contains("holds secrets") && s.warnings[0].contains("chmod 600"), "{:?}", s.warnings);
    assert!(!s.warnings[0].contains("secret-value"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(load(Some(path), &[]).unwrap().warnings.is_empty());
    let plain = file(&dir, "[quiz]\ntimezone = \"Europe/Berlin\"\n");
    std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(load(Some(plain), &[]).unwrap().warnings.is_empty());
}

/// `QUIZMASTER_HTTP_MAX_CONNECTIONS` (one underscore) names the key it meant.
#[test]
fn a_single_underscore_http_variable_is_named() {
    let err = load(None, &[("QUIZMASTER_HTTP_MAX_CONNECTIONS", "10")]).unwrap_err().to_string();
    assert!(err.contains("QUIZMASTER__HTTP__MAX_CONNECTIONS"), "{err}");
}

/// A mistyped key is named with the key it most likely meant, in a file and
/// in the environment.
#[test]
fn a_mistyped_key_gets_a_guess() {
    let dir = TempDir::new().unwrap();
    let err = load(None, &[("QUIZMASTER__DISCORD__TOKNE", "x")]).unwrap_err().to_string();
    assert!(err.contains("`discord.tokne` (did you mean `discord.token`?)"), "{err}");
    let path = file(&dir, "[quiz]\ntimezon = \"Europe/Berlin\"\n[web]\nlisten_address = \"127.0.0.1:0\"\n");
    let err = load(Some(path), &[]).unwrap_err().to_string();
    assert!(err.contains("`quiz.timezon` (did you mean `quiz.timezone`?)"), "{err}");
    assert!(err.contains("`web.listen_address`"), "{err}");
}

/// A token pasted with a `Bot ` prefix, quotes or spaces is refused at start,
/// naming its key and the fix, and never showing the token.
#[test]
fn a_token_pasted_with_more_than_itself_is_named_without_showing_it() {
    let err = load(None, &[("QUIZMASTER__DISCORD__TOKEN", "Bot MTIz.abc")]).unwrap_err().to_string();
    assert!(err.contains("discord.token") && err.contains("starts with `Bot `"), "{err}");
    assert!(!err.contains("MTIz"), "{err}");
    let quoted = [("QUIZMASTER__SLACK__BOT_TOKEN", "\"xoxb-1-hidden\""), ("QUIZMASTER__SLACK__APP_TOKEN", "xapp-1")];
    let err = load(None, &quoted).unwrap_err().to_string();
    assert!(err.contains("slack.bot_token") && err.contains("holds quotes"), "{err}");
    assert!(!err.contains("hidden") && !err.contains("xoxb-1"), "{err}");
}
