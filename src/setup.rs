//! `quizmaster setup`: a first run at a terminal. It asks which platform,
//! takes the tokens, checks them live with the same checks as `doctor`
//! (asking again for one the platform refuses), and writes a settings file
//! only its owner may read. It reads answers a line at a time, so it can be
//! scripted through a pipe.
//!
//! Like `doctor`, it speaks to the operator at a terminal, so its words are
//! not in the players' catalogue.

use std::io::{BufRead, Write};
use std::path::Path;

use secrecy::SecretString;

use crate::config::Settings;
use crate::doctor::{self, Finding};

/// How many times a refused token is asked for before giving up.
const TRIES: usize = 3;

/// Why the setup stopped without writing anything.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{0} already exists; move it away or pass another file with --config")]
    Exists(String),
    #[error("no answer: the input ended before the setup was done")]
    Ended,
    #[error("{0}")]
    Refused(String),
    #[error("writing {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("reading the answers: {0}")]
    Read(#[from] std::io::Error),
}

/// Asks, checks and writes `path`. `settings` supplies what the answers do
/// not (the platforms' API addresses, for instance).
pub async fn run(
    settings: &Settings,
    path: &Path,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(), SetupError> {
    if path.exists() {
        return Err(SetupError::Exists(path.display().to_string()));
    }
    writeln!(out, "Quizmaster setup: a few questions; the answers go to {}.", path.display())?;
    let platform = loop {
        let answer = ask(input, out, "Which platform: discord, slack or console?")?.to_ascii_lowercase();
        match answer.as_str() {
            "discord" | "d" => break "discord",
            "slack" | "s" => break "slack",
            "console" | "c" | "" => break "console",
            _ => writeln!(out, "Please answer discord, slack or console.")?,
        }
    };
    let (text, next) = match platform {
        "discord" => discord(settings, input, out).await?,
        "slack" => slack(settings, input, out).await?,
        _ => {
            writeln!(out, "Nothing to write: with no platform set, `quizmaster` is the local console quiz.")?;
            writeln!(out, "Next: run `quizmaster` and type /quiz help.")?;
            return Ok(());
        }
    };
    write_private(path, &text)?;
    writeln!(out, "Wrote {} (readable by you only).", path.display())?;
    writeln!(out, "Next: {next}")?;
    Ok(())
}

fn ask(input: &mut impl BufRead, out: &mut impl Write, question: &str) -> Result<String, SetupError> {
    write!(out, "{question} ")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Err(SetupError::Ended);
    }
    Ok(line.trim().to_string())
}

/// Asks for a token until `check` accepts it (at most [`TRIES`] times),
/// showing each refusal with its fix.
async fn token<F, Fut>(
    input: &mut impl BufRead,
    out: &mut impl Write,
    question: &str,
    check: F,
) -> Result<(String, Vec<Finding>), SetupError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Vec<Finding>>,
{
    for _ in 0..TRIES {
        let given = ask(input, out, question)?;
        let found = check(given.clone()).await;
        for f in &found {
            writeln!(out, "{f}")?;
        }
        if found.iter().all(Finding::is_ok) {
            return Ok((given, found));
        }
    }
    Err(SetupError::Refused(format!("no token was accepted in {TRIES} tries; nothing was written")))
}

async fn discord(
    settings: &Settings,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(String, String), SetupError> {
    let question = "Bot token (Developer Portal → your application → Bot → Reset Token):";
    let (token, found) = token(input, out, question, |t| {
        let mut discord = settings.discord.clone();
        discord.token = Some(SecretString::from(t));
        discord.guild_ids = Vec::new();
        async move { doctor::discord(&discord).await }
    })
    .await?;
    let server = loop {
        let answer = ask(
            input,
            out,
            "Your server's id, so the commands appear at once (Enter to skip; global commands can take an hour):",
        )?;
        if answer.is_empty() {
            break None;
        }
        match answer.parse::<u64>() {
            Ok(id) => break Some(id),
            Err(_) => writeln!(
                out,
                "A server id is a number: Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID."
            )?,
        }
    };
    let mut text = format!("[discord]\ntoken = {}\n", quoted(&token));
    if let Some(id) = server {
        text.push_str(&format!("guild_ids = [{id}]\n"));
    }
    let invite = found.iter().find(|f| f.key == "discord application").map(|f| f.found.clone()).unwrap_or_default();
    let next = format!(
        "run `quizmaster`; add the bot to your server ({invite}); then type /quizadmin setup in the quiz channel."
    );
    Ok((text, next))
}

async fn slack(
    settings: &Settings,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(String, String), SetupError> {
    writeln!(
        out,
        "This sets up Socket Mode (no public address needed). Create the app from \
         deploy/slack-manifest-socket-mode.yml first (api.slack.com/apps → Create New App → From a manifest)."
    )?;
    let base = settings.slack.api_base_url.as_str();
    let app = slack_token(input, out, base, true).await?;
    let bot = slack_token(input, out, base, false).await?;
    let admins = loop {
        let answer = ask(
            input,
            out,
            "Member ids of who may use /quiz admin, comma-separated (profile → ⋮ → Copy member ID; Enter for \
             workspace admins only):",
        )?;
        let ids: Vec<String> =
            answer.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        match ids.iter().find(|id| !crate::config::is_slack_member_id(id)) {
            None => break ids,
            Some(bad) => writeln!(out, "`{bad}` is not a member id; they look like U012AB3CD.")?,
        }
    };
    let list: Vec<String> = admins.iter().map(|a| quoted(a)).collect();
    let text = format!(
        "[slack]\napp_token = {}\nbot_token = {}\nadmins = [{}]\n",
        quoted(&app),
        quoted(&bot),
        list.join(", ")
    );
    let next = "run `quizmaster`; invite the bot to the quiz channel (/invite @Quizmaster); then type /quiz admin \
                setup there."
        .to_string();
    Ok((text, next))
}

/// The app-level token (`app`) or the bot token, asked for until Slack
/// accepts it.
async fn slack_token(
    input: &mut impl BufRead,
    out: &mut impl Write,
    base: &str,
    app: bool,
) -> Result<String, SetupError> {
    let (key, question) = if app {
        ("slack.app_token", "App-level token (xapp-…; Basic Information → App-Level Tokens, scope connections:write):")
    } else {
        ("slack.bot_token", "Bot User OAuth Token (xoxb-…; OAuth & Permissions, after installing the app):")
    };
    let check = |t| async move { vec![doctor::slack_token(base, key, &SecretString::from(t), app).await] };
    Ok(token(input, out, question, check).await?.0)
}

/// A TOML string, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Writes `text` to a new file only its owner may read or write.
fn write_private(path: &Path, text: &str) -> Result<(), SetupError> {
    let failed = |source| SetupError::Write { path: path.display().to_string(), source };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)
}
