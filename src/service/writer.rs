//! The writer: one thread owns the write connection, the cache of row ids and
//! the random generator. Work arrives as jobs over a channel; the thread takes
//! what is waiting (up to a cap), commits consecutive answers together in one
//! transaction, runs every other job in turn, and answers each job on its own
//! oneshot. Async callers `.await` the oneshot and blocking callers wait on
//! it; nobody spins and nobody holds a lock around the database.
//!
//! This is the shape of tokio-rusqlite (a thread per connection, closures over
//! mpsc, results over oneshot) with one addition that crate does not have: the
//! drain-and-group loop that commits many answers in one transaction.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::mpsc;

use rand::rngs::StdRng;
use rustc_hash::FxHashMap;
use tokio::sync::oneshot;

use super::{Core, Ctx, answers};
use crate::command::QuestionRef;
use crate::reply::Reply;
use crate::store::{self, ChannelId, GuildId, Platform, Store, UserId};

/// The most jobs taken in one go, and so the most answers in one transaction.
const MAX_GROUP: usize = 4096;

/// Everything the writer thread owns.
pub(crate) struct State {
    pub store: Store,
    pub core: Arc<Core>,
    pub rng: StdRng,
    /// The post a reveal is settling and the last player settled.
    pub settle_cursor: Option<(store::PostId, UserId)>,
    ids: Ids,
}

/// The server, channel and user rows of a command.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Who {
    pub guild: GuildId,
    pub channel: ChannelId,
    pub user: UserId,
    /// The user's row was made by this command: they have answered nothing.
    pub fresh: bool,
}

/// A command's rows, plus the zone of its server's boards and whether the
/// running totals were built in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scope {
    pub who: Who,
    pub tz: chrono_tz::Tz,
    pub totals_built: bool,
}

impl State {
    pub fn new(store: Store, core: Arc<Core>, rng: StdRng) -> State {
        State { store, core, rng, settle_cursor: None, ids: Ids::default() }
    }

    pub fn scope(&mut self, ctx: &Ctx) -> store::Result<Scope> {
        let who = self.who(ctx)?;
        let (tz, totals_built) = self.store.guild_zone(who.guild, self.core.rules.default_tz)?;
        Ok(Scope { who, tz, totals_built })
    }

    /// The server, channel and user rows of a command, created on first
    /// sight; from memory after that (the user's row again when their name
    /// changed). Rows are never deleted, so a remembered id stays right.
    pub fn who(&mut self, ctx: &Ctx) -> store::Result<Who> {
        let guild = self.ids.guilds.get(&ctx.platform, &ctx.guild).copied();
        let channel = guild.and_then(|g| self.ids.channels.get(&g, &ctx.channel).copied());
        let user = self
            .ids
            .users
            .get(&ctx.platform, &ctx.user_id)
            .filter(|(_, name)| *name == ctx.user_name)
            .map(|(id, _)| *id);
        if let (Some(guild), Some(channel), Some(user)) = (guild, channel, user) {
            return Ok(Who { guild, channel, user, fresh: false });
        }
        let guild = match guild {
            Some(g) => g,
            None => self.store.ensure_guild(ctx.platform, &ctx.guild)?,
        };
        let channel = self.store.ensure_channel(guild, &ctx.channel)?;
        let (user, fresh) = match user {
            Some(u) => (u, false),
            None => self.store.ensure_user_new(ctx.platform, &ctx.user_id, &ctx.user_name)?,
        };
        if self.ids.users.len() >= Ids::MAX_USERS {
            self.ids.users.clear();
        }
        self.ids.guilds.insert(&ctx.platform, &ctx.guild, guild);
        self.ids.channels.insert(&guild, &ctx.channel, channel);
        self.ids.users.insert(&ctx.platform, &ctx.user_id, (user, ctx.user_name.clone()));
        Ok(Who { guild, channel, user, fresh })
    }

    /// Stores a user's display name as the platform shows it (looked up
    /// after the fact), keeping the id cache in step.
    pub(super) fn rename_user(&mut self, platform: Platform, external_id: &str, name: &str) -> store::Result<()> {
        let user = self.store.ensure_user(platform, external_id, name)?;
        self.ids.users.insert(&platform, external_id, (user, name.to_string()));
        Ok(())
    }

    /// Rows created in a transaction that was rolled back are gone again,
    /// and a settling step may not have happened.
    pub fn forget_ids(&mut self) {
        self.ids = Ids::default();
        self.settle_cursor = None;
    }
}

/// An answer waiting for its group commit.
pub(crate) struct AnswerJob {
    pub ctx: Ctx,
    pub answer: String,
    pub question: Option<QuestionRef>,
    pub reply: oneshot::Sender<Reply>,
}

type Task = Box<dyn FnOnce(&mut State) + Send>;

enum Job {
    Answer(AnswerJob),
    Run(Task),
}

/// The handle every caller holds; cloning it is cheap. The thread stops once
/// every handle is gone.
#[derive(Clone)]
pub(crate) struct Writer {
    tx: mpsc::Sender<Job>,
}

impl Writer {
    pub fn start(state: State) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new().name("quizmaster-writer".into()).spawn(move || run(state, &rx))?;
        Ok(Writer { tx })
    }

    /// Runs `f` on the writer. The receiver errs only if the writer is gone.
    pub fn call<T: Send + 'static>(&self, f: impl FnOnce(&mut State) -> T + Send + 'static) -> oneshot::Receiver<T> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Run(Box::new(move |state| drop(tx.send(f(state))))));
        rx
    }

    /// Queues an answer for the next group commit.
    pub fn answer(&self, job: AnswerJob) {
        self.send(Job::Answer(job));
    }

    fn send(&self, job: Job) {
        // A writer that is gone drops the job and with it the oneshot: the
        // caller hears "not committed".
        drop(self.tx.send(job));
    }
}

fn run(mut state: State, rx: &mpsc::Receiver<Job>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter().take(MAX_GROUP - 1));
        state.core.metrics.writer_queue(batch.len());
        // Consecutive answers commit together; any other job runs between
        // groups, so everything happens in the order it was sent.
        let mut answers = Vec::new();
        for job in batch {
            match job {
                Job::Answer(a) => answers.push(a),
                Job::Run(task) => {
                    commit(&mut state, std::mem::take(&mut answers));
                    guarded(&mut state, task);
                }
            }
        }
        commit(&mut state, answers);
    }
}

fn commit(state: &mut State, answers: Vec<AnswerJob>) {
    if !answers.is_empty() {
        state.core.metrics.writer_group(answers.len());
        guarded(state, Box::new(move |state| answers::commit_group(state, answers)));
    }
}

/// A job that panics is a bug, not a reason to stop taking answers: its
/// transaction is rolled back, its callers hear "not committed", and the
/// writer goes on.
fn guarded(state: &mut State, task: Task) {
    if std::panic::catch_unwind(AssertUnwindSafe(|| task(state))).is_err() {
        tracing::error!("a database job panicked; its transaction was rolled back");
        state.store.rollback();
        state.forget_ids();
    }
}

/// A map by two keys (a platform or a row id, then an external id), looked
/// up by reference: the hot paths find what they need without allocating.
pub(super) struct Keyed<K, V>(FxHashMap<K, FxHashMap<String, V>>);

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed(FxHashMap::default())
    }
}

impl<K: std::hash::Hash + Eq, V> Keyed<K, V> {
    pub(super) fn get<Q>(&self, outer: &Q, inner: &str) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.get(outer)?.get(inner)
    }

    pub(super) fn insert<Q>(&mut self, outer: &Q, inner: &str, value: V)
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        match self.0.get_mut(outer) {
            Some(m) => match m.get_mut(inner) {
                Some(v) => *v = value,
                None => drop(m.insert(inner.to_owned(), value)),
            },
            None => drop(self.0.entry(outer.to_owned()).or_default().insert(inner.to_owned(), value)),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.0.values().map(FxHashMap::len).sum()
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    pub(super) fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) {
        for m in self.0.values_mut() {
            m.retain(|_, v| keep(v));
        }
    }
}

#[derive(Default)]
struct Ids {
    /// By platform and external id.
    guilds: Keyed<Platform, GuildId>,
    channels: Keyed<GuildId, ChannelId>,
    /// By platform and external id, with the display name last stored.
    users: Keyed<Platform, (UserId, String)>,
}

impl Ids {
    /// Forget users beyond this many, to bound memory.
    const MAX_USERS: usize = 100_000;
}
