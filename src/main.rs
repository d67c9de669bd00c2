//! The `quizmaster` binary: parses the command line and settings, then hands
//! over to the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use clap::{Parser, Subcommand};
use quizmaster::config::{Settings, Sources};
use quizmaster::content::Bank;
use quizmaster::quiz::schedule::{self, Close, Days, Rule};
use quizmaster::scheduler::SystemClock;
use quizmaster::{app, platform};
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

/// A backend-engineering quiz bot for Discord, Slack and a local console.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Settings file (default: ./bot.toml when present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database file, overriding `database.path`.
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the bot on the configured platforms; with none configured, the local console (the default).
    Run,
    /// Run the local console chat.
    Console,
    /// Apply database migrations and exit.
    Migrate,
    /// Validate question packs: the configured bank, or the given directories.
    CheckContent {
        /// Directories of *.toml packs.
        dirs: Vec<PathBuf>,
    },
    /// Check a daily schedule before setting it.
    #[command(subcommand)]
    Schedule(ScheduleCmd),
}

#[derive(Subcommand)]
enum ScheduleCmd {
    /// Print the next post instants of a schedule, in local time and UTC.
    Next {
        /// Local post time, HH:MM (24-hour).
        #[arg(long, value_parser = schedule::parse_time)]
        time: NaiveTime,
        /// IANA time zone, such as Europe/Berlin.
        #[arg(long, value_parser = schedule::parse_zone)]
        zone: Tz,
        /// daily, weekdays, weekends, or a list such as mon,wed,fri.
        #[arg(long, default_value = "daily", value_parser = Days::parse)]
        days: Days,
        /// Start after this instant (RFC 3339, e.g. 2026-03-28T12:00:00Z); default now.
        #[arg(long, value_parser = parse_instant)]
        after: Option<DateTime<Utc>>,
        /// How many posts to print.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..=1000))]
        count: u16,
    },
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an RFC 3339 instant such as 2026-03-28T12:00:00Z: {e}"))
}

fn print_schedule(cmd: ScheduleCmd) -> ExitCode {
    let ScheduleCmd::Next { time, zone, days, after, count } = cmd;
    let rule = Rule { time, tz: zone, days, close: Close::AtNextPost };
    for o in schedule::upcoming(&rule, after.unwrap_or_else(Utc::now), usize::from(count)) {
        println!(
            "{}  {}",
            o.at.with_timezone(&zone).format("%a %Y-%m-%d %H:%M %Z (%:z)"),
            o.at.format("%Y-%m-%d %H:%M UTC")
        );
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut settings = Settings::load(Sources { file: cli.config, env: None })?;
    if let Some(db) = cli.db {
        settings.database.path = db;
    }
    init_logging(&settings.log.level);
    match cli.command.unwrap_or(Cmd::Run) {
        Cmd::Schedule(cmd) => Ok(print_schedule(cmd)),
        Cmd::CheckContent { dirs } => Ok(check_content(&settings, &dirs)),
        Cmd::Migrate => {
            let store = app::open_store(&settings)?;
            println!("database {} is at schema version {}", settings.database.path.display(), store.user_version()?);
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Run if settings.slack.enabled() || settings.discord.token.is_some() => {
            let service = app::build(&settings)?;
            let runtime = runtime()?;
            runtime.block_on(run_platforms(service, &settings))?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Run | Cmd::Console => {
            // One person at the keyboard (or a script): no rate limit.
            let mut local = settings.clone();
            local.quiz.rate_burst = u32::MAX;
            local.quiz.rate_per_second = 1e9;
            let service = app::build(&local)?;
            let runtime = runtime()?;
            runtime.block_on(async {
                let stdin = tokio::io::BufReader::new(tokio::io::stdin());
                let echo = !std::io::stdin().is_terminal();
                platform::console::run(
                    service,
                    Arc::new(SystemClock),
                    &settings.console.user,
                    stdin,
                    std::io::stdout(),
                    echo,
                    shutdown_signal(),
                )
                .await
            })?;
            // The console's stdin reader sits on a blocking thread that cannot
            // be interrupted; do not wait for it.
            runtime.shutdown_background();
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Runs every configured platform until Ctrl-C or SIGTERM.
async fn run_platforms(service: Arc<quizmaster::service::Service>, settings: &Settings) -> anyhow::Result<()> {
    let clock: Arc<dyn quizmaster::scheduler::Clock> = Arc::new(SystemClock);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let wait = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };
    let slack = async {
        let Some(slack) =
            platform::slack::Slack::from_settings(Arc::clone(&service), Arc::clone(&clock), &settings.slack)
        else {
            return Ok(());
        };
        let listener = tokio::net::TcpListener::bind(&settings.slack.listen)
            .await
            .with_context(|| format!("listening on slack.listen {}", settings.slack.listen))?;
        platform::slack::run(listener, Arc::new(slack), wait(stopped.clone())).await.context("Slack server")
    };
    let discord = async {
        if settings.discord.token.is_none() {
            return Ok(());
        }
        platform::discord::run(Arc::clone(&service), Arc::clone(&clock), &settings.discord, wait(stopped.clone()))
            .await
            .context("Discord")
    };
    // Whatever ends first (a signal, or a platform failing) stops the others.
    let stop = &stop;
    let slack = async {
        let r = slack.await;
        if r.is_err() {
            let _ = stop.send(true);
        }
        r
    };
    let discord = async {
        let r = discord.await;
        if r.is_err() {
            let _ = stop.send(true);
        }
        r
    };
    let signal = async {
        tokio::select! {
            () = shutdown_signal() => {}
            () = wait(stopped.clone()) => {}
        }
        let _ = stop.send(true);
    };
    let (s, d, ()) = tokio::join!(slack, discord, signal);
    s.and(d)
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")
}

fn check_content(settings: &Settings, dirs: &[PathBuf]) -> ExitCode {
    let loaded = if dirs.is_empty() {
        app::load_bank(settings)
    } else {
        Bank::dir_sources(dirs).and_then(|s| Bank::from_sources(&s)).map_err(app::BankErrors)
    };
    match loaded {
        Ok(bank) => {
            print!("{}", bank.summary());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(level: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .init();
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
