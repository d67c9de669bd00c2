//! The application: a [`Command`] in, a [`Reply`] out, for every platform.
//! Adapters only translate; every decision is made here, on the domain rules
//! in `quiz/` and the store.
//!
//! One file per capability: `answers` (what happens on `/quiz answer`),
//! `practice`, `boards`, `admin`, `daily` (post, reveal, the schedule's
//! pass), `deliveries` (what the bot sends on its own), `text` (the words).
//! Writes run on the [`writer`] thread; boards and stats read on a small pool
//! of read connections, off the async threads.

mod admin;
mod answers;
mod archive;
mod boards;
mod daily;
mod deliveries;
pub mod export;
mod limits;
pub mod packs;
pub mod page;
mod practice;
mod readers;
pub mod recap;
mod suggestions;
pub mod text;
mod writer;

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::sync::{oneshot, watch};

pub use deliveries::Outbound;

use crate::command::{self, Command};
use crate::content::{Bank, Item, ItemKind};
use crate::ids::{self, Platform};
use crate::msg;
use crate::quiz::ratelimit::RateRules;
use crate::quiz::schedule::Close;
use crate::quiz::scoring::ScoringRules;
use crate::quiz::streak::StreakRules;
use crate::reply::{Body, HelpCard, Mode, QuestionCard, Reply};
use crate::store::{self, Post, PostState, Store, StoreError};
use limits::Limits;
use readers::{Readers, known_scope};
use writer::{State, Writer};

/// The rules the service plays by (from config).
#[derive(Debug, Clone)]
pub struct Rules {
    pub scoring: ScoringRules,
    pub streak: StreakRules,
    /// Leaderboard zone for servers that set none.
    pub default_tz: Tz,
    pub max_input_chars: usize,
    /// How late a post may still go out after downtime.
    pub grace: chrono::Duration,
    /// When daily questions close, for schedules that do not say.
    pub default_close: Close,
    /// Commands per user.
    pub rate: RateRules,
    /// Where the servers' web pages are reached, when they are served.
    pub web_url: Option<String>,
    /// The key server pages' tokens are derived from; set with `web_url`.
    pub page_key: Option<[u8; 32]>,
}

impl Rules {
    /// The rules the settings give (the web page's address is added by the app
    /// once its listener is known).
    pub fn from_settings(settings: &crate::config::Settings) -> Rules {
        Rules {
            scoring: settings.quiz.scoring(),
            streak: settings.quiz.streak(),
            default_tz: settings.quiz.timezone.0,
            max_input_chars: settings.quiz.max_input_chars,
            grace: settings.schedule.grace.0,
            default_close: settings.schedule.close.0,
            rate: RateRules { burst: settings.quiz.rate_burst, per_second: settings.quiz.rate_per_second },
            web_url: None,
            page_key: None,
        }
    }
}

/// The configuration's defaults: they are written once, in `config`.
impl Default for Rules {
    fn default() -> Self {
        Rules::from_settings(&crate::config::Settings::default())
    }
}

/// Who is asking, where, and when.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub platform: Platform,
    /// The server or workspace.
    pub guild: String,
    pub channel: String,
    pub user_id: String,
    pub user_name: String,
    /// Whether the platform says this user may run admin commands.
    pub is_admin: bool,
    pub now: DateTime<Utc>,
}

/// What the service and its writer share, read-only.
pub(crate) struct Core {
    pub bank: Bank,
    pub rules: Rules,
    pub metrics: crate::metrics::Metrics,
}

impl Core {
    /// An item asked before; retired items are still in the bank for this.
    fn item<'a>(&'a self, store: &Store, id: &str) -> store::Result<Found<'a>> {
        find_item(store, &self.bank, id)?.ok_or_else(|| StoreError::Migration {
            path: "content".into(),
            message: format!("item `{id}` is no longer in the question bank"),
        })
    }
}

/// An item to ask, grade or show: one of the bank's, or one of a server's
/// own (read from the store) with who suggested it.
pub(crate) struct Found<'a> {
    pub item: Cow<'a, Item>,
    /// The suggesting member's display name, while they are known.
    pub credit: Option<String>,
}

/// The item a post, practice question or card names; `None` if it is gone.
/// Bank items are found in memory; only a server's own items read the store.
pub(crate) fn find_item<'a>(store: &Store, bank: &'a Bank, id: &str) -> store::Result<Option<Found<'a>>> {
    let Some((guild, slug)) = ids::parse_own_item_id(id) else {
        return Ok(bank.get(id).map(|i| Found { item: Cow::Borrowed(i), credit: None }));
    };
    let Some(own) = store.own_item(guild, slug)? else { return Ok(None) };
    match crate::content::own::from_stored(&own.item, id) {
        Ok(item) => Ok(Some(Found { item: Cow::Owned(item), credit: own.author })),
        Err(e) => {
            tracing::error!(item = id, error = %e, "a server's stored item no longer reads");
            Ok(None)
        }
    }
}

/// What a server's questions are chosen from: the ids and categories of
/// the bank's live items and of the server's own, in `categories` (all
/// when empty).
pub(crate) fn pool<'a>(
    store: &Store,
    bank: &'a Bank,
    guild: store::GuildId,
    categories: &[String],
) -> store::Result<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
    let wanted = |c: &str| categories.is_empty() || categories.iter().any(|x| x == c);
    let mut out: Vec<(Cow<'a, str>, Cow<'a, str>)> = bank
        .live()
        .filter(|i| wanted(&i.category))
        .map(|i| (Cow::Borrowed(i.id.as_str()), Cow::Borrowed(i.category.as_str())))
        .collect();
    for (slug, category) in store.own_pool(guild)? {
        if wanted(&category) {
            out.push((Cow::Owned(ids::own_item_id(guild, &slug)), Cow::Owned(category)));
        }
    }
    Ok(out)
}

pub struct Service {
    core: Arc<Core>,
    writer: Writer,
    readers: Option<Readers>,
    files: std::path::PathBuf,
    /// Rate-limit buckets by (platform, user id); checked before any database work.
    limits: Limits,
    /// Bumped when a command changed what is scheduled; every scheduler watches it.
    wake: watch::Sender<u64>,
}

impl Service {
    /// Starts the writer thread over `store`. `seed` makes the random
    /// choices repeat (for demos and tests); `None` seeds from the system.
    pub fn start(store: Store, bank: Bank, rules: Rules, seed: Option<u64>) -> anyhow::Result<Service> {
        let rng = seed.map_or_else(|| StdRng::from_rng(&mut rand::rng()), StdRng::seed_from_u64);
        let readers = store.path().map(Readers::new);
        let files = store
            .path()
            .and_then(|p| p.parent())
            .map(|p| if p.as_os_str().is_empty() { std::path::Path::new(".") } else { p })
            .map_or_else(std::env::temp_dir, std::path::Path::to_path_buf);
        let core = Arc::new(Core { bank, rules, metrics: crate::metrics::Metrics::new() });
        let writer = Writer::start(State::new(store, Arc::clone(&core), rng))?;
        Ok(Service { core, writer, readers, files, limits: Limits::default(), wake: watch::Sender::new(0) })
    }

    /// Where files the bot makes (the console's recap charts) are written:
    /// beside the database, or the system's temporary directory.
    pub fn files_dir(&self) -> std::path::PathBuf {
        self.files.clone()
    }

    pub fn bank(&self) -> &Bank {
        &self.core.bank
    }

    pub fn rules(&self) -> &Rules {
        &self.core.rules
    }

    /// The counters and timings, in Prometheus's text format.
    pub fn metrics_text(&self) -> String {
        self.core.metrics.render()
    }

    /// Handles a command and waits for its reply without an async runtime
    /// (tools, tests, and threads of their own).
    pub fn handle(&self, ctx: &Ctx, cmd: Command) -> Reply {
        futures_executor::block_on(self.route(ctx.clone(), cmd, true))
    }

    /// Parses a command line (what follows `/quiz`) and handles it, blocking.
    pub fn handle_text(&self, ctx: &Ctx, text: &str) -> Reply {
        match command::parse(text, self.core.rules.max_input_chars) {
            Ok(cmd) => self.handle(ctx, cmd),
            Err(e) => Reply::error(e.msg()),
        }
    }

    /// Handles a command for an async adapter: writes wait for the writer
    /// without holding a thread, reads run on the blocking pool.
    pub async fn handle_async(&self, ctx: Ctx, cmd: Command) -> Reply {
        self.route(ctx, cmd, false).await
    }

    /// Like [`Service::handle_text`], for async adapters.
    pub async fn handle_text_async(&self, ctx: Ctx, text: &str) -> Reply {
        match command::parse(text, self.core.rules.max_input_chars) {
            Ok(cmd) => self.handle_async(ctx, cmd).await,
            Err(e) => Reply::error(e.msg()),
        }
    }

    /// The one place a command is routed. `inline`: reads run on the
    /// caller's thread (it may block) rather than the blocking pool.
    async fn route(&self, ctx: Ctx, cmd: Command, inline: bool) -> Reply {
        let kind = cmd.entry().map_or("other", |e| e.label());
        let refused = matches!(&cmd, Command::Admin(_)) && !ctx.is_admin;
        let reply = self.dispatch(ctx, cmd, inline).await;
        let outcome = match &reply.body {
            _ if refused => "refused",
            Body::Error(_) => "error",
            _ => "ok",
        };
        self.core.metrics.command(kind, outcome);
        reply
    }

    async fn dispatch(&self, ctx: Ctx, cmd: Command, inline: bool) -> Reply {
        if !self.limits.admit(self.core.rules.rate, &ctx) {
            self.core.metrics.rate_limited(ctx.platform.as_str());
            return Reply::error(msg!("too-fast"));
        }
        let result = match cmd {
            Command::Answer { answer, question } => {
                let (job, reply) = answers::job(ctx, answer, question);
                self.writer.answer(job);
                return reply.await.unwrap_or_else(|_| Reply::error(msg!("try-again")));
            }
            Command::Help => Ok(Reply::private(Body::Help(HelpCard { commands: text::help() }))),
            Command::ForgetMe { confirm: false } => Ok(Reply::info(text::forget_me_first(ctx.platform))),
            Command::ForgetMe { confirm: true } => {
                self.write(move |w| {
                    let scope = w.scope(&ctx)?;
                    daily::settle_all(w)?;
                    let gone = w.store.forget_player(scope.who.guild, scope.who.user)?;
                    w.store.rebuild_totals(scope.who.guild, scope.tz)?;
                    tracing::info!(guild = %scope.who.guild, user = %scope.who.user, gone, "a player's data was deleted at their request");
                    Ok(Reply::info(msg!("forgotten", answers = gone)))
                })
                .await
            }
            Command::Suggest => Ok(suggestions::form(&crate::content::own::Draft::default(), None)),
            Command::SubmitSuggestion(draft) => {
                self.write(move |w| w.scope(&ctx).and_then(|s| suggestions::submit(w, &s, &draft, ctx.now))).await
            }
            Command::Archive { count } => {
                let core = Arc::clone(&self.core);
                self.read_scoped(ctx, false, inline, move |r, s, _| archive::list(r, &core.bank, s, count)).await
            }
            Command::Suggestions => {
                self.read_scoped(ctx, false, inline, |r, s, _| suggestions::mine(r, s)).await
            }
            Command::Web => {
                let (Some(base), Some(key)) = (self.core.rules.web_url.clone(), self.core.rules.page_key) else {
                    return Reply::error(msg!("web-off"));
                };
                self.write(move |w| {
                    let scope = w.scope(&ctx)?;
                    let guild = scope.who.guild;
                    let token =
                        w.store.web_token(guild, false, ctx.now, &|g| page_token(&key, guild, g))?;
                    Ok(Reply::private(Body::Info(text::web_link(&base, &token))))
                })
                .await
            }
            Command::Admin(admin) if !ctx.is_admin => {
                tracing::info!(user = %ctx.user_id, ?admin, "admin command refused");
                Ok(Reply::error(text::not_admin(ctx.platform)))
            }
            Command::Admin(admin) => {
                let reply = self
                    .write(move |w| w.scope(&ctx).and_then(|s| admin::run(w, &s, ctx.platform, ctx.now, admin)))
                    .await;
                self.nudge();
                reply
            }
            Command::Play { category } => {
                self.write(move |w| w.scope(&ctx).and_then(|s| practice::play(w, &s, &ctx, category))).await
            }
            Command::SeasonBoard { name } => {
                self.read_scoped(ctx, false, inline, move |r, s, ctx| boards::season(r, s, ctx, name)).await
            }
            Command::Leaderboard { period, sort, board } => {
                self.read_scoped(ctx, true, inline, move |r, s, ctx| {
                    boards::leaderboard(r, s, ctx, period, sort, board)
                })
                .await
            }
            Command::Stats { user } => {
                self.read_scoped(ctx, false, inline, move |r, s, ctx| boards::stats(r, s, ctx, user)).await
            }
            Command::Streak => self.read_scoped(ctx, false, inline, |r, s, _| boards::streak(r, s)).await,
            Command::Review => {
                let core = Arc::clone(&self.core);
                self.read_scoped(ctx, false, inline, move |r, s, ctx| practice::review(r, &core.bank, s, ctx.now)).await
            }
        };
        result.unwrap_or_else(|e| Reply::error(text::store_failure(&e)))
    }

    /// Runs `f` on the writer and waits for it.
    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut State) -> store::Result<T> + Send + 'static,
    ) -> store::Result<T> {
        let done: oneshot::Receiver<store::Result<T>> = self.writer.call(f);
        done.await.unwrap_or_else(|_| {
            Err(StoreError::Failed { temporary: true, message: "the database writer has stopped".into() })
        })
    }

    /// A read on its own connection (on the writer for a database with no file).
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> store::Result<T> + Send + 'static,
    ) -> store::Result<T> {
        match &self.readers {
            Some(readers) => readers.read(false, f).await,
            None => self.write(move |w| f(&w.store)).await,
        }
    }

    /// A read on its own connection. The command's rows are looked up there
    /// too when they all exist (and, for boards, the running totals are
    /// built): one hop, no wait behind the writer. Otherwise the writer
    /// creates them first (see [`boards::prepare`]).
    async fn read_scoped<T, F>(&self, ctx: Ctx, board: bool, inline: bool, f: F) -> store::Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &writer::Scope, &Ctx) -> store::Result<T> + Send + 'static,
    {
        let Some(readers) = &self.readers else {
            // A database without a file has no second connection: all on the writer.
            return self.write(move |w| boards::prepare(w, &ctx, board).and_then(|s| f(&w.store, &s, &ctx))).await;
        };
        let default_tz = self.core.rules.default_tz;
        let quick = readers
            .read(inline, move |r| match known_scope(r, &ctx, default_tz)? {
                Some(scope) if scope.totals_built || !board => f(r, &scope, &ctx).map(Ok),
                _ => Ok(Err((f, ctx))),
            })
            .await?;
        let (f, ctx) = match quick {
            Ok(done) => return Ok(done),
            Err(unknown) => unknown,
        };
        let for_scope = ctx.clone();
        let scope = self.write(move |w| boards::prepare(w, &for_scope, board)).await?;
        readers.read(inline, move |r| f(r, &scope, &ctx)).await
    }

    /// Puts the writer's connection in (or out of) a simulated fault; see
    /// [`Store::simulate`]. Blocks.
    #[cfg(feature = "testing")]
    pub fn simulate(&self, fault: Option<store::Fault>) -> store::Result<()> {
        futures_executor::block_on(self.write(move |w| w.store.simulate(fault)))
    }

    /// Stores a user's display name as the platform shows it, when an
    /// adapter learns it after the command (Slack's users.info).
    pub async fn rename_user(&self, platform: Platform, external_id: String, name: String) -> Result<(), StoreError> {
        self.write(move |state| state.rename_user(platform, &external_id, &name)).await
    }

    /// Asks every scheduler to look again now.
    pub fn nudge(&self) {
        self.wake.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// For a scheduler loop: changes when a command changed what is
    /// scheduled (a new schedule, a pause, a post or a reveal). Every
    /// subscriber sees every change, so Slack's and Discord's loops both wake.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.wake.subscribe()
    }
}

/// A server page's token: the first 128 bits of HMAC-SHA256 under the page
/// key (kept beside the database, never in it) over the server and the
/// generation, in hex. The database keeps only its hash.
pub(crate) fn page_token(key: &[u8; 32], guild: store::GuildId, generation: i64) -> String {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("quizmaster web page|{guild}|{generation}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// `N` random bytes from the operating system's generator, in hex: tokens
/// and OAuth states.
pub fn random_hex<const N: usize>() -> String {
    let mut bytes = [0u8; N];
    rand::fill(&mut bytes);
    hex::encode(bytes)
}

/// A server named on the command line, and its zone; an error naming it
/// if the database has never seen it.
fn server_named(store: &Store, server: &crate::ids::ServerRef, default_tz: Tz) -> anyhow::Result<(store::GuildId, Tz)> {
    let guild = find_server(store, server)?;
    Ok((guild, store.guild_zone(guild, default_tz)?.0))
}

/// A server named on the command line; an error naming it if the database
/// has never seen it.
fn find_server(store: &Store, server: &crate::ids::ServerRef) -> anyhow::Result<store::GuildId> {
    store.find_guild(server.platform, &server.id)?.ok_or_else(|| anyhow::anyhow!("no server {server} in this database"))
}

fn is_open(post: &Post, now: DateTime<Utc>) -> bool {
    post.state == PostState::Open && post.closes_at.is_none_or(|c| now < c)
}

fn question_card(
    bank: &Bank,
    found: &Found<'_>,
    question: command::QuestionRef,
    mode: Mode,
    closes_at: Option<DateTime<Utc>>,
) -> QuestionCard {
    let item = &*found.item;
    QuestionCard {
        question,
        mode,
        category: bank.title(&item.category),
        difficulty: item.difficulty.to_string(),
        prompt: item.prompt.clone(),
        choices: match &item.kind {
            ItemKind::Choice { choices, .. } => choices.clone(),
            ItemKind::Text { .. } => Vec::new(),
        },
        closes_at,
        ping: None,
        credit: found.credit.clone(),
    }
}
