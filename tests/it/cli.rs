//! The command line as a newcomer meets it: a closed pipe, a folder that is
//! not there, a mistyped item id, and every example `--help` gives.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use tempfile::TempDir;

use crate::support::quizmaster;

/// `quizmaster schedule next … | head -1`: the reader goes away after one
/// line, and the program ends quietly (no panic, exit 0).
#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = TempDir::new().unwrap();
    let mut child = quizmaster(dir.path())
        .args(["schedule", "next", "--time", "09:00", "--zone", "UTC", "--count", "1000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    // Read one line and close the pipe while the rest is still being written.
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains("09:00 UTC"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("panicked"), "{:?} {stderr}", out.status);
}

#[test]
fn a_database_in_a_folder_that_is_not_there_names_the_folder() {
    if crate::support::sqlite_only(
        "a_database_in_a_folder_that_is_not_there_names_the_folder",
        "about the SQLite file's folder",
    ) {
        return;
    }
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("no-such-dir").join("q.db");
    let out = quizmaster(dir.path()).arg("--db").arg(&db).arg("migrate").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let folder = dir.path().join("no-such-dir");
    assert!(stderr.contains(&format!("the folder {} does not exist", folder.display())), "{stderr}");
    assert!(!stderr.contains("temporarily"), "{stderr}");
    assert!(!folder.exists());
}

#[test]
fn a_mistyped_item_id_gets_a_guess_and_the_help_example_works() {
    let dir = TempDir::new().unwrap();
    let out = quizmaster(dir.path()).args(["grade", "http-patch-partail", "PATCH"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did you mean `http-patch-partial`?"), "{stderr}");

    // The item id `grade --help` gives as its example is one the bank has.
    let help = quizmaster(dir.path()).args(["grade", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    let example = help.split("such as `").nth(1).and_then(|s| s.split('`').next()).expect("an example id");
    let out = quizmaster(dir.path()).args(["grade", example, "PATCH"]).output().unwrap();
    assert!(out.status.success(), "{example}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.path().join("quizmaster.db").exists(), "grading opens no database");
}

/// `quizmaster slack manifest`: the Socket Mode manifest as it is (no URL
/// in it), or the HTTPS one pointed at the address given, with every
/// endpoint the bot serves; a plain-HTTP address is refused.
#[test]
fn slack_manifest_prints_the_manifest_for_the_chosen_setup() {
    let dir = TempDir::new().unwrap();
    let run = |args: &[&str]| quizmaster(dir.path()).args(["slack", "manifest"]).args(args).output().unwrap();
    let out = run(&[]);
    let socket = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && socket.contains("socket_mode_enabled: true"), "{socket}");
    assert!(!socket.contains("https://"), "Socket Mode needs no URL: {socket}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("api.slack.com/apps?new_app=1"));

    let out = run(&["--https", "https://quiz.team.dev/"]);
    let https = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{https}");
    for path in ["/slack/commands", "/slack/interactivity", "/slack/events", "/slack/oauth/callback"] {
        assert!(https.contains(&format!("https://quiz.team.dev{path}")), "{path}: {https}");
    }
    assert!(!https.contains("example.com") && https.contains("socket_mode_enabled: false"), "{https}");

    let out = run(&["--https", "http://quiz.team.dev"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("https:// addresses only"));
}

/// `quizmaster discord invite` asks Discord which application the token
/// belongs to and prints its invite link; without a token it says which
/// setting to fill.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_invite_prints_the_link_for_the_tokens_application() {
    let dir = TempDir::new().unwrap();
    let (_fake, base) = crate::support::fake_discord::start().await;
    let path = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        quizmaster(&path)
            .args(["discord", "invite"])
            .env("QUIZMASTER__DISCORD__TOKEN", "test-token")
            .env("QUIZMASTER__DISCORD__API_BASE_URL", base)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let link = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let app = crate::support::fake_discord::APP;
    assert!(link.starts_with(&format!("https://discord.com/oauth2/authorize?client_id={app}&")), "{link}");
    assert!(link.contains("permissions=309237763072"), "{link}");

    let out = quizmaster(dir.path()).args(["discord", "invite"]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("discord.token is not set"));
}

/// Every example `--help` gives (`such as …`, `e.g. …`), in every command's
/// help, is used by one of these invocations, and each of them works.
#[test]
fn every_example_in_help_works() {
    let dir = TempDir::new().unwrap();
    let run = |args: &[&str]| {
        let out = quizmaster(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "quizmaster {}: {stderr}", args.join(" "));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let helps = every_help(&run, &[]);
    assert!(helps.len() >= 15, "found every command's help: {}", helps.len());
    let examples: Vec<String> = helps.iter().flat_map(|h| examples_in(h)).collect();
    assert!(examples.len() >= 8, "{examples:?}");

    std::fs::write(dir.path().join("pack.toml"), crate::support::CODE_PACK).unwrap();
    let png = dir.path().join("week.png");
    let png = png.to_str().unwrap();
    let invocations: &[&[&str]] = &[
        &["grade", "http-patch-partial", "PATCH"],
        &["schedule", "next", "--time", "09:00", "--zone", "Europe/Berlin", "--days", "mon,wed,fri"],
        &["schedule", "next", "--time", "09:00", "--zone", "UTC", "--after", "2026-03-28T12:00:00Z"],
        &["slack", "manifest", "--https", "https://quiz.example.org"],
        &["pack", "import", "pack.toml", "--guild", "discord:80351110224678912", "--new"],
        &["pack", "import", "pack.toml", "--guild", "slack:T024BE7LH", "--new"],
        &["pack", "import", "pack.toml", "--guild", "console:local", "--new"],
        &["export", "--guild", "discord:80351110224678912", "--what", "board"],
        &["export", "--guild", "console:local", "--what", "players"],
        &["pack", "export", "--guild", "slack:T024BE7LH"],
        &["recap", "--guild", "discord:80351110224678912", "--week", "2026-W48", "--out", png],
        &["recap", "--guild", "console:local", "--out", png],
    ];
    for example in &examples {
        assert!(
            invocations.iter().any(|args| args.iter().any(|a| a == example)),
            "the help's example `{example}` is not tried here"
        );
    }
    for args in invocations {
        run(args);
    }
    assert!(std::fs::metadata(png).unwrap().len() > 1000, "a chart was drawn");
}

/// The help of the program and of every command under it.
fn every_help(run: &dyn Fn(&[&str]) -> String, path: &[&str]) -> Vec<String> {
    let mut args: Vec<&str> = path.to_vec();
    args.push("--help");
    let help = run(&args);
    let commands: Vec<String> = help
        .split("Commands:")
        .nth(1)
        .map(|section| section.split("\n\n").next().unwrap_or_default())
        .into_iter()
        .flat_map(|section| section.lines())
        .filter_map(|line| line.strip_prefix("  ")?.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect();
    let mut all = vec![help];
    for name in &commands {
        let mut deeper = path.to_vec();
        deeper.push(name);
        all.extend(every_help(run, &deeper));
    }
    all
}

/// The values a help text gives as examples: after `such as` or `e.g.`,
/// each alternative (`A or B`), without the sentence's punctuation.
fn examples_in(help: &str) -> Vec<String> {
    let text = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found = Vec::new();
    for marker in ["such as ", "e.g. "] {
        for after in text.split(marker).skip(1) {
            let phrase = after.split([';', ')']).next().unwrap_or_default();
            let mut words = phrase.split(' ');
            while let Some(word) = words.next() {
                let value = word.trim_matches(['`', '.', ',']);
                if !value.is_empty() {
                    found.push(value.to_string());
                }
                // Another alternative follows only after "or".
                if words.next() != Some("or") {
                    break;
                }
            }
        }
    }
    found
}
