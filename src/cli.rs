//! The command line's own commands that read the bank (`check-content`,
//! `grade`), and how every command writes to stdout: a reader that went
//! away (`quizmaster … | head -1`) ends the program quietly, as a closed
//! pipe should, instead of a panic.
//!
//! What they print is for the operator at a terminal, like `doctor`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::app;
use crate::config::Settings;
use crate::content::Bank;

/// Writes to stdout; ends the program quietly when the reader went away.
pub fn write_out(text: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(text).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout: {e}");
        std::process::exit(1);
    }
}

macro_rules! say {
    ($($arg:tt)*) => { write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `quizmaster doctor`'s findings, a line each, and its exit code.
pub fn doctor(found: &[crate::doctor::Finding]) -> ExitCode {
    for f in found {
        say!("{f}");
    }
    match found.iter().filter(|f| !f.is_ok()).count() {
        0 => {
            say!("All good.");
            ExitCode::SUCCESS
        }
        problems => {
            say!("{problems} problem{} to fix.", if problems == 1 { "" } else { "s" });
            ExitCode::FAILURE
        }
    }
}

/// `quizmaster check-content [DIR…]`: the configured bank, or the packs in
/// `dirs`, checked; warnings and a summary on stdout, problems on stderr.
pub fn check_content(settings: &Settings, dirs: &[PathBuf]) -> ExitCode {
    let loaded = if dirs.is_empty() {
        app::load_bank(settings)
    } else {
        Bank::dir_sources(dirs).and_then(|s| Bank::from_sources(&s)).map_err(app::BankErrors)
    };
    match loaded {
        Ok(bank) => {
            let warnings = bank.warnings();
            for w in &warnings {
                say!("warning: {w}");
            }
            write_out(format_args!("{}", bank.summary()));
            if !warnings.is_empty() {
                say!("{} warning{}", warnings.len(), if warnings.len() == 1 { "" } else { "s" });
            }
            let problems = bank.quality_problems();
            for p in &problems {
                eprintln!("error: {p}");
            }
            if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// `quizmaster grade ITEM ANSWER…`: the verdict and why; exit 2 for an
/// item the bank does not have (with the id it most likely meant).
pub fn grade(settings: &Settings, id: &str, answer: &str) -> anyhow::Result<ExitCode> {
    let bank = app::load_bank(settings)?;
    let Some(item) = bank.get(id) else {
        let guess = crate::quiz::closest::closest_name(id, bank.items().iter().map(|i| i.id.as_str()));
        let hint = guess.map(|g| format!("; did you mean `{g}`?")).unwrap_or_default();
        eprintln!("error: there is no item `{id}` in the question bank{hint}");
        return Ok(ExitCode::from(2));
    };
    match crate::quiz::grading::explain(&item.kind, &item.prompt, answer, bank.glossary()) {
        Ok(g) if matches!(g.why, crate::quiz::grading::Why::Letter) => {
            say!("{}: the right answer is {}", if g.correct { "correct" } else { "wrong" }, item.right_answer());
        }
        Ok(g) => say!("{}: {g}", if g.correct { "correct" } else { "wrong" }),
        Err(e) => say!("wrong: cannot be graded: {e}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The link that adds the bot to a server, for the application `discord.token`
/// belongs to: what `quizmaster discord invite` prints.
pub async fn discord_invite(settings: &crate::config::DiscordSettings) -> anyhow::Result<String> {
    use anyhow::Context;
    let Some(token) = &settings.token else {
        anyhow::bail!("discord.token is not set: put the bot's token in QUIZMASTER__DISCORD__TOKEN or bot.toml")
    };
    let http = crate::platform::discord::http(settings, token);
    let app = http
        .get_current_application_info()
        .await
        .context("reading the application (GET /oauth2/applications/@me); `quizmaster doctor` says more")?;
    Ok(crate::platform::discord::invite_url(app.id.get()))
}

/// The Socket Mode manifest, or with `https` the HTTPS one pointed at that
/// address: what `quizmaster slack manifest` prints.
pub fn slack_manifest(https: Option<&url::Url>) -> Result<String, String> {
    const SOCKET: &str = include_str!("../deploy/slack-manifest-socket-mode.yml");
    const HTTPS: &str = include_str!("../deploy/slack-manifest-https.yml");
    let Some(url) = https else { return Ok(SOCKET.to_string()) };
    if url.scheme() != "https" || url.host_str().is_none() {
        return Err(format!(
            "--https {url}: Slack sends requests to https:// addresses only, such as https://quiz.example.org"
        ));
    }
    let base = url.as_str().trim_end_matches('/');
    // The comment lines say to replace the address; the printed one needs no more of that.
    let body: String = HTTPS.lines().skip_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    Ok(format!(
        "# Slack app manifest for Quizmaster over HTTPS at {base}: Slack sends requests there, and\n\
         # a proxy forwards them to slack.listen. Set slack.signing_secret (Basic Information ->\n\
         # Signing Secret).\n{}",
        body.replace("https://quiz.example.com", base)
    ))
}

/// `quizmaster db copy`: a SQLite database into an empty PostgreSQL one
/// (`--to`, else `database.url`), each table's rows printed.
pub fn db_copy(
    settings: &Settings,
    from: &std::path::Path,
    to: Option<secrecy::SecretString>,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    let Some(url) = to.or_else(|| settings.database.url.clone()) else {
        anyhow::bail!("give the PostgreSQL database with --to URL or database.url (QUIZMASTER__DATABASE__URL)");
    };
    if !from.exists() {
        anyhow::bail!("there is no database at {}", from.display());
    }
    let config = crate::store::postgres::parse_url(&url).map_err(|m| anyhow::anyhow!("--to: {m}"))?;
    let source = crate::store::Store::open(from, Default::default())
        .with_context(|| format!("opening database {}", from.display()))?;
    let mut target = crate::store::Store::open_postgres(&config)?;
    let copied = target.copy_from(&source)?;
    let rows: usize = copied.iter().map(|(_, n)| n).sum();
    for (table, n) in &copied {
        say!("{table}: {n}");
    }
    say!(
        "copied {rows} rows of {} tables from {} to {}; every table compared equal",
        copied.len(),
        from.display(),
        crate::store::postgres::describe(&config)
    );
    Ok(ExitCode::SUCCESS)
}
