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
#[cfg(test)]
mod chart_glyphs;
mod daily;
mod deliveries;
pub mod export;
mod language;
mod limits;
pub mod packs;
pub mod page;
mod practice;
mod readers;
pub mod recap;
mod route;
mod rules;
mod setup;
mod shared;
mod suggestions;
pub mod text;
mod threads;
mod writer;

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::sync::{oneshot, watch};

pub use deliveries::Outbound;
pub use language::Locale;
pub use rules::Rules;
pub use threads::ThreadReply;

use crate::command::{self};
use crate::content::{Bank, Item, ItemKind};
use crate::ids::{self, Platform};
use crate::reply::{Mode, QuestionCard};
use crate::store::{self, Post, PostState, Store, StoreError};
use limits::Limits;
use readers::{Readers, known_scope};
use writer::{State, Writer};

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
    /// The languages the platform says the member and the server read.
    pub locale: Locale,
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
    /// Who suggested it and who changed it in review, for a server's own item.
    pub credit: Option<Box<crate::reply::Credit>>,
}

/// The item a post, practice question or card names; `None` if it is gone.
/// Bank items are found in memory; only a server's own items read the store.
pub(crate) fn find_item<'a>(store: &Store, bank: &'a Bank, id: &str) -> store::Result<Option<Found<'a>>> {
    let Some((guild, slug)) = ids::parse_own_item_id(id) else {
        return Ok(bank.get(id).map(|i| Found { item: Cow::Borrowed(i), credit: None }));
    };
    let Some(own) = store.own_item(guild, slug)? else { return Ok(None) };
    match crate::content::own::from_stored(&own.item, id) {
        Ok(item) => {
            let credit = crate::reply::Credit { author: own.author, editor: own.editor };
            Ok(Some(Found { item: Cow::Owned(item), credit: Some(Box::new(credit)) }))
        }
        Err(e) => {
            tracing::error!(item = id, error = %e, "a server's stored item no longer reads");
            Ok(None)
        }
    }
}

/// What a server's questions are chosen from: the ids and categories of
/// the bank's live items and of the server's own, in `categories` (all
/// when empty). Questions to answer only: discussion prompts are drawn on
/// their own ([`drawn_from`] with `discussions`).
pub(crate) fn pool<'a>(
    store: &Store,
    bank: &'a Bank,
    guild: store::GuildId,
    categories: &[String],
) -> store::Result<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
    drawn_from(store, bank, guild, categories, false)
}

/// The questions (or, with `discussions`, the discussion prompts) of the
/// bank and the server's own in `categories` (all when empty).
pub(crate) fn drawn_from<'a>(
    store: &Store,
    bank: &'a Bank,
    guild: store::GuildId,
    categories: &[String],
    discussions: bool,
) -> store::Result<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
    let wanted = |c: &str| categories.is_empty() || categories.iter().any(|x| x == c);
    let mut out: Vec<(Cow<'a, str>, Cow<'a, str>)> = bank
        .live()
        .filter(|i| i.is_discussion() == discussions && wanted(&i.category))
        .map(|i| (Cow::Borrowed(i.id.as_str()), Cow::Borrowed(i.category.as_str())))
        .collect();
    for (slug, category) in store.own_pool(guild, discussions)? {
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
    /// This run of the process, as it signs its claims on deliveries.
    instance: String,
    /// Whether other processes may share the database (PostgreSQL).
    shared: bool,
    /// The servers' languages, as last read.
    languages: language::Languages,
    /// The open discussions, whose threads' replies count as taking part.
    threads: threads::Threads,
}

impl Service {
    /// Starts the writer thread over `store`. `seed` makes the random
    /// choices repeat (for demos and tests); `None` seeds from the system.
    pub fn start(store: Store, bank: Bank, rules: Rules, seed: Option<u64>) -> anyhow::Result<Service> {
        let rng = seed.map_or_else(|| StdRng::from_rng(&mut rand::rng()), StdRng::seed_from_u64);
        let readers = store.location().map(Readers::new);
        let files = store
            .path()
            .and_then(|p| p.parent())
            .map(|p| if p.as_os_str().is_empty() { std::path::Path::new(".") } else { p })
            .map_or_else(std::env::temp_dir, std::path::Path::to_path_buf);
        let shared = store.is_postgres();
        let core = Arc::new(Core { bank, rules, metrics: crate::metrics::Metrics::new() });
        let writer = Writer::start(State::new(store, Arc::clone(&core), rng))?;
        let instance = format!("{}-{:08x}", std::process::id(), rand::random::<u32>());
        Ok(Service {
            core,
            writer,
            readers,
            files,
            limits: Limits::default(),
            wake: watch::Sender::new(0),
            instance,
            shared,
            languages: language::Languages::default(),
            threads: threads::Threads::default(),
        })
    }

    /// Where files the bot makes (the console's recap charts) are written:
    /// beside the database, or the system's temporary directory.
    pub fn files_dir(&self) -> std::path::PathBuf {
        self.files.clone()
    }

    /// This run of the process, as its claims on deliveries name it.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Whether other processes may share the database (PostgreSQL): then
    /// rate budgets and handled events go through it too.
    pub fn is_shared(&self) -> bool {
        self.shared
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
        let name = crate::i18n::shown_name(&name, &external_id);
        self.write(move |state| state.rename_user(platform, &external_id, &name)).await
    }

    /// Whether the user's next command would pass the per-user rate limit,
    /// without using it up: asked before an adapter's own lookups.
    pub fn would_admit(&self, platform: Platform, user: &str, now: DateTime<Utc>) -> bool {
        self.limits.would_admit(self.core.rules.rate, platform, user, now)
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
        item: item.id.clone(),
        mode,
        category: bank.title(&item.category),
        difficulty: item.difficulty.to_string(),
        prompt: item.prompt.clone(),
        choices: match &item.kind {
            ItemKind::Choice { choices, .. } => choices.clone(),
            ItemKind::Text { .. } | ItemKind::Discussion { .. } => Vec::new(),
        },
        discussion: item.is_discussion(),
        closes_at,
        ping: None,
        credit: found.credit.clone(),
    }
}
