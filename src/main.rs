//! The `quizmaster` binary: parses the command line and settings, then hands
//! over to the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use clap::{Parser, Subcommand};
use quizmaster::app::{self, Application};
use quizmaster::config::{Settings, Sources};
use quizmaster::ids::ServerRef;
use quizmaster::quiz::recap;
use quizmaster::quiz::schedule::{self, Close, Days, Rule};
use quizmaster::service::{export, packs};
use tokio_util::sync::CancellationToken;
use tracing_subscriber::EnvFilter;

/// Writes a line to stdout; a reader that went away (`… | head -1`) ends
/// the program quietly, as a closed pipe should, instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => { quizmaster::cli::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// [`say!`] without the line end.
macro_rules! say_raw {
    ($($arg:tt)*) => { quizmaster::cli::write_out(format_args!($($arg)*)) };
}

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
    /// The console's language (de, es-ES, fr, pt-BR, ja; en-US unless given), overriding `console.locale`.
    #[arg(long, global = true, value_name = "TAG")]
    locale: Option<String>,
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
    /// A first run at a terminal: asks which platform, takes the tokens,
    /// checks them live and writes bot.toml (or --config FILE), readable by
    /// its owner only.
    Setup,
    /// Discord: `invite` prints the link that adds the bot to a server, with
    /// every permission it uses.
    #[command(subcommand)]
    Discord(DiscordCmd),
    /// Slack: `manifest` prints the app manifest to create the app from
    /// (Socket Mode, or --https URL for the HTTPS endpoints).
    #[command(subcommand)]
    Slack(SlackCmd),
    /// Check the configuration as the bot will use it, live: the database,
    /// each platform's tokens, the listeners and the web link; every problem
    /// names its setting and the fix (exit 1 if any).
    Doctor,
    /// Validate question packs: the configured bank, or the given directories.
    CheckContent {
        /// Directories of *.toml packs.
        dirs: Vec<PathBuf>,
    },
    /// Grade an answer against an item of the configured bank, saying which
    /// accepted wording matched or why none did (exit 2 for an unknown id).
    Grade {
        /// The item's id, such as `http-patch-partial`.
        item: String,
        /// The answer, as a player would type it.
        #[arg(required = true, num_args = 1..)]
        answer: Vec<String>,
    },
    /// Check a daily schedule before setting it.
    #[command(subcommand)]
    Schedule(ScheduleCmd),
    /// Writes a server's answers, board or players to stdout, for a spreadsheet.
    Export {
        /// The server: PLATFORM:ID, such as discord:80351110224678912 or console:local.
        #[arg(long, value_parser = ServerRef::parse)]
        guild: ServerRef,
        #[arg(long, value_enum)]
        what: export::What,
        #[arg(long, value_enum, default_value = "all")]
        period: export::ExportPeriod,
        #[arg(long, value_enum, default_value = "csv")]
        format: export::Format,
    },
    /// A server's own questions (approved suggestions, imported packs) as a pack.
    #[command(subcommand)]
    Pack(PackCmd),
    /// Moves an install to PostgreSQL: `copy` puts every row of a SQLite
    /// database into an empty PostgreSQL one, ids kept, and checks it.
    #[command(subcommand)]
    Db(DbCmd),
    /// Draws a server's weekly recap chart from the database, as a PNG.
    Recap {
        /// The server: PLATFORM:ID, such as discord:80351110224678912 or console:local.
        #[arg(long, value_parser = ServerRef::parse)]
        guild: ServerRef,
        /// The ISO week, such as 2026-W48; the current week so far if not given.
        #[arg(long, value_parser = recap::parse_week)]
        week: Option<chrono::NaiveDate>,
        /// Where to write the PNG.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum DbCmd {
    /// Every row of a SQLite database into an empty PostgreSQL database,
    /// ids kept, in one transaction; every table is compared afterwards
    /// and anything different writes nothing. Stop the bot first.
    Copy {
        /// The SQLite file (the bot's database.path).
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The PostgreSQL URL; without it, database.url
        /// (QUIZMASTER__DATABASE__URL, which keeps the password off the command line).
        #[arg(long, value_name = "URL")]
        to: Option<secrecy::SecretString>,
    },
}

#[derive(Subcommand)]
enum DiscordCmd {
    /// The invite link for the application discord.token belongs to.
    Invite,
}

#[derive(Subcommand)]
enum SlackCmd {
    /// The app manifest: Socket Mode (no URL to fill in), or with --https the
    /// HTTPS endpoints at that address. Paste it at api.slack.com/apps ->
    /// Create New App -> From an app manifest.
    Manifest {
        /// The public HTTPS address a proxy forwards to slack.listen, such as https://quiz.example.org.
        #[arg(long, value_name = "URL")]
        https: Option<url::Url>,
    },
}

#[derive(Subcommand)]
enum PackCmd {
    /// Write a server's own questions as a TOML pack in the bundled format.
    Export {
        /// The server: PLATFORM:ID, such as discord:80351110224678912 or slack:T024BE7LH.
        #[arg(long, value_parser = ServerRef::parse)]
        guild: ServerRef,
        /// Where to write it (default: standard output).
        file: Option<PathBuf>,
    },
    /// Check a pack and add its items to a server's own questions: all of them or, on any problem, none.
    Import {
        file: PathBuf,
        /// The server: PLATFORM:ID.
        #[arg(long, value_parser = ServerRef::parse)]
        guild: ServerRef,
        /// Add the server to the database if it has never used the bot (to
        /// give it questions before the bot joins it); without this, an
        /// unknown server is refused, since it is most often a mistyped id.
        #[arg(long)]
        new: bool,
    },
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
        let local = o.at.with_timezone(&zone).format("%a %Y-%m-%d %H:%M %Z (%:z)").to_string();
        // The time in UTC beside it, unless the zone is UTC itself.
        match zone {
            Tz::UTC | Tz::Etc__UTC => say!("{local}"),
            _ => say!("{local}  {}", o.at.format("%Y-%m-%d %H:%M UTC")),
        }
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
    let cli_config = cli.config.clone();
    // `setup` writes the file it is given: the settings it starts from come
    // from the environment until then.
    let file = cli.config.filter(|f| !matches!(cli.command, Some(Cmd::Setup)) || f.exists());
    let mut settings = Settings::load(Sources { file, env: None })?;
    if let Some(db) = cli.db {
        settings.database.path = db;
    }
    if let Some(locale) = cli.locale {
        settings.console.locale = Some(locale);
        settings.check_locale().map_err(|e| anyhow::anyhow!("--locale: {e}"))?;
    }
    init_logging(&settings.log.level);
    for warning in &settings.warnings {
        tracing::warn!("{warning}");
    }
    let command = cli.command.unwrap_or(Cmd::Run);
    match command {
        Cmd::Schedule(cmd) => Ok(print_schedule(cmd)),
        Cmd::CheckContent { dirs } => Ok(quizmaster::cli::check_content(&settings, &dirs)),
        Cmd::Grade { item, answer } => quizmaster::cli::grade(&settings, &item, &answer.join(" ")),
        Cmd::Export { guild, what, period, format } => {
            let store = app::open_existing_store(&settings)?;
            let text = export::export(&store, &guild, what, period, format, Utc::now(), settings.quiz.timezone.0)?;
            say_raw!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Pack(cmd) => pack(&settings, cmd),
        Cmd::Recap { guild, week, out } => recap(&settings, &guild, week, &out),
        Cmd::Setup => {
            let path = cli_config.unwrap_or_else(|| PathBuf::from("bot.toml"));
            let (stdin, mut stdout) = (std::io::stdin(), std::io::stdout());
            let done = runtime()?.block_on(quizmaster::setup::run(&settings, &path, &mut stdin.lock(), &mut stdout));
            done?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Discord(DiscordCmd::Invite) => {
            let link = runtime()?.block_on(quizmaster::cli::discord_invite(&settings.discord))?;
            say!("{link}");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Slack(SlackCmd::Manifest { https }) => {
            say_raw!("{}", quizmaster::cli::slack_manifest(https.as_ref()).map_err(anyhow::Error::msg)?);
            eprintln!("Create the app: https://api.slack.com/apps?new_app=1 -> From an app manifest -> paste it.");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Doctor => Ok(quizmaster::cli::doctor(&runtime()?.block_on(quizmaster::doctor::run(&settings)))),
        Cmd::Migrate => {
            let store = app::open_store(&settings)?;
            let database = settings.database.shown();
            say!("database {database} is at schema version {}", store.user_version()?);
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Db(DbCmd::Copy { from, to }) => quizmaster::cli::db_copy(&settings, &from, to),
        Cmd::Run | Cmd::Console => {
            if matches!(command, Cmd::Console) {
                // The local console only, whatever else is configured.
                settings.slack = Default::default();
                settings.discord = Default::default();
            }
            let runtime = runtime()?;
            runtime.block_on(async {
                let app = Application::build(settings).await?;
                let cancel = CancellationToken::new();
                tokio::spawn(cancel_on_signal(cancel.clone()));
                app.run_until_stopped(cancel).await
            })?;
            // The console's stdin reader sits on a blocking thread that cannot
            // be interrupted; do not wait for it.
            runtime.shutdown_background();
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `quizmaster pack export|import`.
fn pack(settings: &Settings, cmd: PackCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        PackCmd::Export { guild, file } => {
            let store = app::open_existing_store(settings)?;
            let text = packs::export_pack(&store, &guild)?;
            match file {
                Some(path) => std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?,
                None => say_raw!("{text}"),
            }
        }
        PackCmd::Import { file, guild, new } => {
            let bank = app::load_bank(settings)?;
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let mut store = if new { app::open_store(settings)? } else { app::open_existing_store(settings)? };
            let name = file.display().to_string();
            match packs::import_pack(&mut store, &bank, &guild, &name, &text, Utc::now(), new)? {
                packs::Imported::Added(n) => say!("{n} items added to the own questions of {guild}"),
                packs::Imported::Translated { items, lang } => {
                    say!("{items} of the own questions of {guild} translated into {}", lang.tag());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `quizmaster recap`: a server's week as a chart file.
fn recap(
    settings: &Settings,
    guild: &quizmaster::ids::ServerRef,
    week: Option<chrono::NaiveDate>,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let bank = app::load_bank(settings)?;
    let store = app::open_existing_store(settings)?;
    let card =
        quizmaster::service::recap::server_week(&store, &bank, guild, week, Utc::now(), settings.quiz.timezone.0)?;
    let png = quizmaster::chart::png(&card.chart)?;
    std::fs::write(out, &png).with_context(|| format!("writing {}", out.display()))?;
    say!("{}: {} answers to {} questions, {} right", out.display(), card.answered, card.questions, card.right);
    Ok(ExitCode::SUCCESS)
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")
}

fn init_logging(level: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(quizmaster::config::log_filter(level)));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .init();
}

/// Cancels on Ctrl-C or SIGTERM.
async fn cancel_on_signal(cancel: CancellationToken) {
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
        () = cancel.cancelled() => return,
    }
    tracing::info!("shutting down");
    cancel.cancel();
}
