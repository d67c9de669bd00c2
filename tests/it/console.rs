//! The real binary in console mode, driven through a pipe.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::quizmaster;

const SCRIPT: &str = "/quiz\n/quiz answer a\n/as bob\n/quiz\n/quiz answer b\n/quiz leaderboard\n/quiz stats\n";

fn run_script(dir: &Path, script: &str) -> Output {
    let mut child =
        quizmaster(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start");
    // A bot that stopped early closes its stdin; its exit status and stderr say why.
    let _ = child.stdin.take().unwrap().write_all(script.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn piped_script_plays_and_persists() {
    if crate::support::sqlite_only(
        "piped_script_plays_and_persists",
        "the console binary's SQLite file (--db, a fresh folder)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let out = run_script(dir.path(), SCRIPT);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("local console mode"), "banner: {stdout}");
    assert_eq!(stdout.matches("Practice question ·").count(), 2, "{stdout}");
    let verdicts = stdout.matches("Correct!").count() + stdout.matches("Not quite.").count();
    assert_eq!(verdicts, 2, "{stdout}");
    assert!(stdout.contains("Leaderboard ·"), "{stdout}");
    assert!(stdout.contains("Stats for bob"), "{stdout}");
    assert!(stdout.contains("Practice: 1 answered"), "{stdout}");
    assert!(stdout.trim_end().ends_with("Bye."), "clean exit at end of input: {stdout}");

    // The answers are rows in ./quizmaster.db, and a second run still counts them.
    let db = dir.path().join("quizmaster.db");
    assert!(db.exists());
    let rows = |d: &Path| count_in(d, "SELECT COUNT(*) FROM practice_answers");
    assert_eq!(rows(dir.path()), 2);
    let out = run_script(dir.path(), "/as bob\n/quiz stats\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Practice: 1 answered"), "{stdout}");
    assert_eq!(rows(dir.path()), 2);
}

fn count_in(dir: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("quizmaster.db")).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn db_flag_and_bad_config_are_reported() {
    if crate::support::sqlite_only(
        "db_flag_and_bad_config_are_reported",
        "the console binary's SQLite file (--db, a fresh folder)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let out = quizmaster(dir.path()).args(["--db", "other.db", "migrate"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("other.db is at schema version"));
    assert!(dir.path().join("other.db").exists() && !dir.path().join("quizmaster.db").exists());

    std::fs::write(dir.path().join("bot.toml"), "[quiz]\npoints = 3\n").unwrap();
    let out = quizmaster(dir.path()).arg("migrate").output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("quiz.points"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn sigterm_stops_cleanly_with_exit_code_zero() {
    let dir = TempDir::new().unwrap();
    let mut child =
        quizmaster(dir.path()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"/quiz\n").unwrap();
    stdin.flush().unwrap();
    // Wait until the question was handled (a practice question row exists).
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let db = dir.path().join("quizmaster.db");
        if db.exists()
            && rusqlite::Connection::open(&db)
                .and_then(|c| c.query_row("SELECT COUNT(*) FROM practice_questions", [], |r| r.get::<_, i64>(0)))
                .is_ok_and(|n| n == 1)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bye."));
    drop(stdin);
}

/// The scripted suggestion in docs/admins.md, with a mistake fixed on the way.
const SUGGESTION: &str = "/quiz suggest
prompt: Which HTTP method applies a partial update to a resource?
options: PUT
PATCH
POST
answer: Z
explanation: PATCH carries only the changes; PUT replaces the whole resource.
category: apis

answer: B

/as Bo
/quiz admin review approve 1
/quiz suggest
prompt: never sent
/cancel
/quiz suggestions
";

#[test]
fn a_suggestion_is_scripted_line_by_line_fixed_after_an_error_and_approved() {
    if crate::support::sqlite_only(
        "a_suggestion_is_scripted_line_by_line_fixed_after_an_error_and_approved",
        "the console binary's SQLite file (--db, a fresh folder)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let out = run_script(dir.path(), SUGGESTION);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Right choice (letter): letter Z is out of range: there are 3 choices (A-C)"), "{stdout}");
    // The form came back holding what was sent, so one line fixed it.
    assert!(stdout.contains("options: PUT\n         PATCH\n         POST"), "{stdout}");
    assert!(stdout.contains("suggestion #1 is waiting"), "{stdout}");
    assert!(stdout.contains("Approved suggestion #1"), "{stdout}");
    assert!(stdout.contains("Dropped; nothing was sent."), "{stdout}");
    assert!(stdout.contains("not suggested a question"), "Bo has none: {stdout}");
    assert_eq!(count_in(dir.path(), "SELECT COUNT(*) FROM suggestions"), 1);
    assert_eq!(count_in(dir.path(), "SELECT COUNT(*) FROM own_items WHERE slug = 'suggestion-1'"), 1);
    let item: String = rusqlite::Connection::open(dir.path().join("quizmaster.db"))
        .unwrap()
        .query_row("SELECT item FROM own_items", [], |r| r.get(0))
        .unwrap();
    assert!(item.contains(r#"choices = ["PUT", "PATCH", "POST"]"#) && item.contains(r#"answer = "B""#), "{item}");
}

/// Commands that read a bot's database do not make one: in a fresh folder
/// they name the missing file and how to give it, and leave nothing behind.
#[test]
fn reading_commands_in_a_fresh_folder_name_the_missing_database() {
    if crate::support::sqlite_only(
        "reading_commands_in_a_fresh_folder_name_the_missing_database",
        "the console binary's SQLite file (--db, a fresh folder)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let png = dir.path().join("r.png");
    for args in [
        vec!["export", "--guild", "discord:1", "--what", "board"],
        vec!["recap", "--guild", "discord:1", "--out", png.to_str().unwrap()],
        vec!["pack", "export", "--guild", "discord:1"],
    ] {
        let out = quizmaster(dir.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains("there is no database at quizmaster.db") && err.contains("--db"), "{args:?}: {err}");
        assert!(!dir.path().join("quizmaster.db").exists(), "{args:?} made a database");
    }
}

/// `--locale` (or `console.locale`) speaks the console's language; a region
/// falls back to its language, and a language the bot does not speak is
/// refused, naming the option.
#[test]
fn the_console_speaks_the_language_it_is_given() {
    let dir = TempDir::new().unwrap();
    let run = |locale: &str| {
        let mut child = quizmaster(dir.path())
            .args(["--locale", locale])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        // A bot that stopped early closes its stdin; its exit status and stderr say why.
        let _ = child.stdin.take().unwrap().write_all(b"/quiz help\n/quiz stats\n");
        child.wait_with_output().unwrap()
    };
    let out = run("de-AT");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Quizmaster-Befehle"), "German help: {stdout}");
    assert!(stdout.contains("lokaler Konsolenmodus"), "German banner: {stdout}");
    assert!(!stdout.contains("Quizmaster commands"), "{stdout}");
    let out = run("ja");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Quizmaster のコマンド"), "Japanese help: {stdout}");
    let out = run("tlh");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--locale") && stderr.contains("console.locale") && stderr.contains("pt-BR"), "{stderr}");
}

/// The console's setup: the form filled line by line, ending with the first
/// question of the day in the console's channel.
#[test]
fn setup_in_the_console_ends_with_the_first_question() {
    if crate::support::sqlite_only(
        "setup_in_the_console_ends_with_the_first_question",
        "the console binary's SQLite file (--db, a fresh folder)",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let script = "/quiz admin setup\ntime: 07:15\nzone: asia/tokyo\ndays: daily\n\n";
    let out = run_script(dir.path(), script);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("time: 09:00") && stdout.contains("days: weekdays"), "the form as filled: {stdout}");
    assert!(stdout.contains("Scheduled: 07:15 Asia/Tokyo daily"), "{stdout}");
    assert!(stdout.contains("Posted in this channel"), "{stdout}");
    assert!(stdout.contains("Question of the day"), "the question itself: {stdout}");
    assert_eq!(count_in(dir.path(), "SELECT COUNT(*) FROM posts"), 1);
}
