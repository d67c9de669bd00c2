//! The application: a [`Command`] in, a [`Reply`] out, for every platform.
//! Adapters only translate; every decision is made here, on the domain rules
//! in `quiz/` and the store.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rustc_hash::FxHashMap;

use crate::command::{self, AdminCommand, Command, QuestionRef, UserArg};
use crate::content::{Bank, Item, ItemKind, category_title};
use crate::quiz::grading::{self, GradeError};
use crate::quiz::leaderboard::{self, Period, Sort, accuracy_percent};
use crate::quiz::ratelimit::{self, Bucket, RateRules};
use crate::quiz::schedule::{Close, Days, Occurrence, Rule, next_post_after, parse_time};
use crate::quiz::scoring::ScoringRules;
use crate::quiz::selection;
use crate::quiz::streak::StreakRules;
use crate::reply::*;
use crate::store::{
    self, BoardKind, ChannelId, Destination, GuildId, Inserted, NewPost, Part, Post, PostId, PostState, Store,
    StoreError, StoredSchedule, UserId,
};

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
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            scoring: ScoringRules::default(),
            streak: StreakRules::default(),
            default_tz: Tz::UTC,
            max_input_chars: 500,
            grace: chrono::Duration::hours(2),
            default_close: Close::After(chrono::Duration::hours(8)),
            rate: RateRules::default(),
        }
    }
}

/// Who is asking, where, and when.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// `console`, `discord` or `slack`.
    pub platform: String,
    /// The server or workspace.
    pub guild: String,
    pub channel: String,
    pub user_id: String,
    pub user_name: String,
    /// Whether the platform says this user may run admin commands.
    pub is_admin: bool,
    pub now: DateTime<Utc>,
}

/// Rows the command works on, created on first sight.
struct Scope {
    who: Who,
    /// The zone of the server's boards, and whether its running totals were built in it.
    tz: Tz,
    totals_built: bool,
}

/// The server, channel and user rows of a command: all an answer needs.
#[derive(Clone, Copy)]
struct Who {
    guild: GuildId,
    channel: ChannelId,
    user: UserId,
}

const BOARD_SIZE: usize = 10;

pub const HELP: &[(&str, &str)] = &[
    ("/quiz", "a private practice question (also /quiz play [category])"),
    ("/quiz answer <A-D or text>", "answer today's question, or else your practice question"),
    ("/quiz leaderboard [week|month|all] [points|streak|accuracy] [practice]", "the server's standings"),
    ("/quiz stats [user]", "answers, accuracy, points and streaks"),
    ("/quiz streak", "your current and best streak and freezes"),
    ("/quiz help", "this list"),
    ("/quiz admin schedule <HH:MM> <Area/City> [days] [close]", "admins: a daily question at that local time"),
    ("/quiz admin pause | resume | skip | status", "admins: run the schedule and see what comes next"),
    ("/quiz admin post-now | reveal-now", "admins: post today's question now, or close and reveal it"),
    ("/quiz admin categories <list|all>", "admins: where this channel's daily questions come from"),
    ("/quiz admin timezone <Area/City>", "admins: the zone for leaderboard weeks and months"),
];

pub struct Service {
    store: Mutex<Store>,
    /// Opened on first use; see [`Service::read`].
    reader: Mutex<Option<Store>>,
    /// Answers waiting for the next group commit.
    queue: Mutex<VecDeque<Queued>>,
    /// Whether a blocking task is draining the queue for async callers.
    draining: AtomicBool,
    /// Row ids of servers, channels and users already seen; rows are never
    /// deleted, so an id once committed stays right.
    ids: Mutex<Ids>,
    /// Rate-limit buckets by (platform, user id); checked before any database work.
    buckets: Mutex<Limits>,
    changed: tokio::sync::Notify,
    bank: Bank,
    rules: Rules,
    rng: Mutex<StdRng>,
}

impl Service {
    pub fn new(store: Store, bank: Bank, rules: Rules) -> Service {
        Service::with_rng(store, bank, rules, StdRng::from_rng(&mut rand::rng()))
    }

    /// A service whose random choices repeat, for tests.
    pub fn with_seed(store: Store, bank: Bank, rules: Rules, seed: u64) -> Service {
        Service::with_rng(store, bank, rules, StdRng::seed_from_u64(seed))
    }

    fn with_rng(store: Store, bank: Bank, rules: Rules, rng: StdRng) -> Service {
        Service {
            store: Mutex::new(store),
            reader: Mutex::new(None),
            queue: Mutex::new(VecDeque::new()),
            draining: AtomicBool::new(false),
            ids: Mutex::new(Ids::default()),
            buckets: Mutex::new(Limits::default()),
            changed: tokio::sync::Notify::new(),
            bank,
            rules,
            rng: Mutex::new(rng),
        }
    }

    /// Puts the writer in (or out of) a simulated fault; see [`Store::simulate`].
    #[doc(hidden)]
    pub fn simulate(&self, fault: Option<store::Fault>) -> store::Result<()> {
        self.lock().simulate(fault)
    }

    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Parses a command line (what follows `/quiz`) and handles it.
    pub fn handle_text(&self, ctx: &Ctx, text: &str) -> Reply {
        match command::parse(text, self.rules.max_input_chars) {
            Ok(cmd) => self.handle(ctx, cmd),
            Err(e) => Reply::error(e.to_string()),
        }
    }

    pub fn handle(&self, ctx: &Ctx, cmd: Command) -> Reply {
        if !self.admit(ctx) {
            return too_fast();
        }
        let result = match cmd {
            // Answers are committed in groups (see `answer_blocking`).
            Command::Answer { answer, question } => return self.answer_blocking(ctx, answer, question),
            Command::Leaderboard { period, sort, board } => {
                self.read(ctx, true, |store, scope| self.leaderboard(store, scope, ctx, period, sort, board))
            }
            Command::Stats { user } => self.read(ctx, false, |store, scope| self.stats(store, scope, ctx, user)),
            Command::Play { category } => self.write(ctx, |store, scope| self.play(store, scope, ctx, category)),
            Command::Streak => self.write(ctx, |store, scope| {
                let s = store.user_stats(scope.who.guild, scope.who.user)?;
                Ok(Reply::private(Body::Streak(StreakCard {
                    current: s.streak,
                    best: s.best_streak,
                    freezes: s.freezes,
                })))
            }),
            Command::Help => {
                self.write(ctx, |_, _| Ok(Reply::private(Body::Help(HelpCard { commands: HELP.to_vec() }))))
            }
            Command::Admin(admin) if !ctx.is_admin => {
                tracing::info!(user = %ctx.user_id, ?admin, "admin command refused");
                self.write(ctx, |_, _| {
                    Ok(Reply::error("Only channel admins can use /quiz admin commands. Nothing was changed."))
                })
            }
            Command::Admin(admin) => {
                let reply = self.write(ctx, |store, scope| self.admin(store, scope, ctx, admin));
                self.nudge();
                reply
            }
        };
        result.unwrap_or_else(|e| store_failure(&e))
    }

    /// The per-user rate limit. A flood from one user is turned away here,
    /// before any database work, so it cannot slow anyone else down.
    fn admit(&self, ctx: &Ctx) -> bool {
        let mut limits = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (ok, bucket) =
            ratelimit::admit(self.rules.rate, limits.buckets.get(&ctx.platform, &ctx.user_id).copied(), ctx.now);
        limits.buckets.insert(&ctx.platform, &ctx.user_id, bucket);
        if limits.buckets.len() > 10_000 && ctx.now >= limits.next_prune {
            // Forget buckets that have long been full again; at most once a
            // minute, so a server of many players does not pay for it per command.
            let horizon = ctx.now - chrono::Duration::minutes(5);
            limits.buckets.retain(|b| b.at > horizon);
            limits.next_prune = ctx.now + chrono::Duration::minutes(1);
        }
        ok
    }

    /// A command on the writer, with its scope (created on first sight).
    fn write(&self, ctx: &Ctx, f: impl FnOnce(&mut Store, &Scope) -> store::Result<Reply>) -> store::Result<Reply> {
        let mut store = self.lock();
        let scope = self.scope(&mut store, ctx)?;
        f(&mut store, &scope)
    }

    /// Boards and stats read through their own connection, so a big board
    /// never holds up the answers being recorded meanwhile. Only the scope
    /// (and, for boards, running totals still to be built) needs the writer.
    fn read(
        &self,
        ctx: &Ctx,
        board: bool,
        f: impl FnOnce(&Store, &Scope) -> store::Result<Reply>,
    ) -> store::Result<Reply> {
        let scope = {
            let mut store = self.lock();
            let scope = self.scope(&mut store, ctx)?;
            if board && !scope.totals_built {
                // First board since an upgrade or a zone change.
                store.rebuild_totals(scope.who.guild, scope.tz)?;
            }
            scope
        };
        let mut reader = self.reader.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if reader.is_none() {
            *reader = self.lock().reader()?;
        }
        match reader.as_ref() {
            Some(store) => f(store, &scope),
            // A database without a file: read on the writer.
            None => f(&self.lock(), &scope),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a half-done write: every
        // write is one SQLite transaction. So a poisoned lock is safe to reuse.
        self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn scope(&self, store: &mut Store, ctx: &Ctx) -> store::Result<Scope> {
        let who = self.ids(store, ctx)?;
        let (tz, totals_built) = store.guild_zone(who.guild, self.rules.default_tz)?;
        Ok(Scope { who, tz, totals_built })
    }

    /// The server, channel and user rows of a command, created on first
    /// sight; from memory after that (the user's row again when their name changed).
    fn ids(&self, store: &mut Store, ctx: &Ctx) -> store::Result<Who> {
        let (guild, user) = {
            let ids = self.ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let guild = ids.guilds.get(&ctx.platform, &ctx.guild).copied();
            let channel = guild.and_then(|g| ids.channels.get(&g, &ctx.channel).copied());
            let user = ids
                .users
                .get(&ctx.platform, &ctx.user_id)
                .filter(|(_, name)| *name == ctx.user_name)
                .map(|(id, _)| *id);
            if let (Some(guild), Some(channel), Some(user)) = (guild, channel, user) {
                return Ok(Who { guild, channel, user });
            }
            (guild, user)
        };
        let guild = match guild {
            Some(g) => g,
            None => store.ensure_guild(&ctx.platform, &ctx.guild)?,
        };
        let channel = store.ensure_channel(guild, &ctx.channel)?;
        let user = match user {
            Some(u) => u,
            None => store.ensure_user(&ctx.platform, &ctx.user_id, &ctx.user_name)?,
        };
        let mut ids = self.ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if ids.users.len() >= Ids::MAX_USERS {
            ids.users.clear();
        }
        ids.guilds.insert(&ctx.platform, &ctx.guild, guild);
        ids.channels.insert(&guild, &ctx.channel, channel);
        ids.users.insert(&ctx.platform, &ctx.user_id, (user, ctx.user_name.clone()));
        Ok(Who { guild, channel, user })
    }

    fn item(&self, id: &str) -> store::Result<&Item> {
        // An item removed from the bank after it was asked cannot be graded;
        // say so rather than guess.
        self.bank.get(id).ok_or_else(|| StoreError::Migration {
            path: "content".into(),
            message: format!("item `{id}` is no longer in the question bank"),
        })
    }

    fn play(&self, store: &mut Store, scope: &Scope, ctx: &Ctx, category: Option<String>) -> store::Result<Reply> {
        let categories: Vec<String> = category.into_iter().collect();
        if let Some(c) = categories.first()
            && !self.bank.categories().contains(c)
        {
            return Ok(Reply::error(format!(
                "There is no category `{c}`. Categories: {}.",
                self.bank.categories().join(", ")
            )));
        }
        let pool = self.bank.pool(&categories);
        let history = store.answer_history(scope.who.user)?;
        let last = store.latest_practice(scope.who.user, scope.who.guild)?.map(|q| q.item_id);
        let picked = {
            let mut rng = self.rng.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            selection::practice(&pool, &history, last.as_deref(), &mut *rng).map(str::to_string)
        };
        let Some(item_id) = picked else {
            return Ok(Reply::error("The question bank is empty."));
        };
        let id = store.create_practice(scope.who.user, scope.who.guild, &item_id, store::millis(ctx.now))?;
        let item = self.item(&item_id)?;
        Ok(Reply::private(Body::Question(question_card(item, QuestionRef::Practice(id), Mode::Practice, None))))
    }

    fn answer(
        &self,
        store: &mut Store,
        who: &Who,
        ctx: &Ctx,
        answer: &str,
        question: Option<QuestionRef>,
    ) -> store::Result<Handled> {
        let target = match question {
            Some(QuestionRef::Daily(id)) => match store.post(id)? {
                Some(post) if post.channel_id == who.channel => Target::Daily(post),
                _ => return Ok(Handled::Done(Reply::error("That question is not one of this channel's."))),
            },
            Some(QuestionRef::Practice(id)) => match store.practice_question(id)? {
                Some(q) if q.user_id == who.user => Target::Practice(q.id, q.item_id),
                _ => {
                    return Ok(Handled::Done(Reply::error(
                        "That practice question belongs to someone else; start your own with /quiz.",
                    )));
                }
            },
            None => self.route_answer(store, who, ctx)?,
        };
        match target {
            Target::Daily(post) => self.answer_daily(who, ctx, &post, answer),
            Target::Practice(id, item_id) => self.answer_practice(store, ctx, id, &item_id, answer).map(Handled::Done),
            Target::Nothing(text) => Ok(Handled::Done(Reply::error(text))),
        }
    }

    /// `/quiz answer X` without a named question: the channel's open daily
    /// question if the user has not answered it yet, else their open practice question.
    fn route_answer(&self, store: &Store, who: &Who, ctx: &Ctx) -> store::Result<Target> {
        let daily = store.open_post(who.channel)?.filter(|p| is_open(p, ctx.now));
        let daily_answer = match &daily {
            Some(p) => store.user_answer(p.id, who.user)?.map(|(answer, _)| answer),
            None => None,
        };
        if let Some(post) = daily.filter(|_| daily_answer.is_none()) {
            return Ok(Target::Daily(post));
        }
        if let Some(q) = store.latest_practice(who.user, who.guild)?.filter(|q| !q.answered) {
            return Ok(Target::Practice(q.id, q.item_id));
        }
        Ok(Target::Nothing(match daily_answer {
            Some(first) => format!(
                "You already answered today's question with {first}; the first answer is final. Type /quiz for a practice question."
            ),
            None => "There is no open question to answer. Type /quiz for a practice question.".into(),
        }))
    }

    fn answer_daily(&self, who: &Who, ctx: &Ctx, post: &Post, answer: &str) -> store::Result<Handled> {
        if !is_open(post, ctx.now) {
            return Ok(Handled::Done(Reply::error(format!(
                "This question is closed: the daily question of {} has been revealed.",
                post.local_date
            ))));
        }
        let item = self.item(&post.item_id)?;
        let correct = match grading::grade(&item.kind, answer) {
            Ok(c) => c,
            Err(e) => return Ok(Handled::Done(Reply::error(grade_error_text(&e, item)))),
        };
        let answer = canonical_answer(item, answer);
        Ok(Handled::Daily(DailyAnswer {
            row: store::AnswerRow { post: post.id, user: who.user, answer, correct, at_ms: store::millis(ctx.now) },
            title: title_of(item),
            local_date: post.local_date.clone(),
            reveal_at: post.closes_at.map(store::from_millis),
        }))
    }

    /// An answer from a caller that may block: queued, then committed in a
    /// group with every other answer waiting, by this caller if no one else
    /// gets to it first. Replies only once the answer is in the database.
    fn answer_blocking(&self, ctx: &Ctx, answer: String, question: Option<QuestionRef>) -> Reply {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.enqueue(Queued { ctx: ctx.clone(), answer, question, reply: Waiter::Blocking(tx) });
        loop {
            self.drain_once();
            match rx.try_recv() {
                Ok(reply) => return reply,
                Err(std::sync::mpsc::TryRecvError::Empty) if self.queue_len() > 0 => continue,
                // Ours is in a group another caller is committing right now.
                Err(_) => return rx.recv().unwrap_or_else(|_| not_committed()),
            }
        }
    }

    /// [`Service::handle`] for async adapters: answers wait for their group
    /// commit without holding a thread; other commands run on the blocking pool.
    pub async fn handle_async(self: &Arc<Self>, ctx: Ctx, cmd: Command) -> Reply {
        let Command::Answer { answer, question } = cmd else {
            let service = Arc::clone(self);
            return tokio::task::spawn_blocking(move || service.handle(&ctx, cmd)).await.unwrap_or_else(|e| {
                tracing::error!(error = %e, "command task failed");
                Reply::error("Something went wrong on our side and nothing was recorded.")
            });
        };
        if !self.admit(&ctx) {
            return too_fast();
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.enqueue(Queued { ctx, answer, question, reply: Waiter::Async(tx) });
        if !self.draining.swap(true, Ordering::AcqRel) {
            let service = Arc::clone(self);
            tokio::task::spawn_blocking(move || service.drain_async());
        }
        rx.await.unwrap_or_else(|_| not_committed())
    }

    /// Like [`Service::handle_text`], for async adapters.
    pub async fn handle_text_async(self: &Arc<Self>, ctx: Ctx, text: &str) -> Reply {
        match command::parse(text, self.rules.max_input_chars) {
            Ok(cmd) => self.handle_async(ctx, cmd).await,
            Err(e) => Reply::error(e.to_string()),
        }
    }

    fn enqueue(&self, job: Queued) {
        self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push_back(job);
    }

    fn queue_len(&self) -> usize {
        self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len()
    }

    /// The drainer for async callers: commits groups until the queue is
    /// empty. An answer queued after the last look starts a new drainer.
    fn drain_async(&self) {
        loop {
            while self.drain_once() {}
            self.draining.store(false, Ordering::Release);
            if self.queue_len() == 0 || self.draining.swap(true, Ordering::AcqRel) {
                return;
            }
        }
    }

    /// Takes the writer, then every answer queued by then (up to a limit),
    /// and commits them as one transaction. Each caller is told only after
    /// the commit. `false` if there was nothing to do.
    fn drain_once(&self) -> bool {
        let mut store = self.lock();
        let batch: Vec<Queued> = {
            let mut queue = self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let n = queue.len().min(MAX_GROUP);
            queue.drain(..n).collect()
        };
        if batch.is_empty() {
            return false;
        }
        let replies = self.commit_group(&mut store, &batch);
        drop(store);
        for (job, reply) in batch.into_iter().zip(replies) {
            job.reply.send(reply);
        }
        true
    }

    /// One transaction for a group of answers: each is routed, graded and
    /// recorded in turn; a database error anywhere undoes the whole group
    /// and every caller hears that nothing was recorded.
    fn commit_group(&self, store: &mut Store, batch: &[Queued]) -> Vec<Reply> {
        let failed = |store: &mut Store, e: StoreError| {
            store.rollback();
            // Rows created in the group are gone again: forget their ids.
            *self.ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Ids::default();
            let e = StoreError::Failed { temporary: e.is_temporary(), message: e.to_string() };
            batch.iter().map(|_| store_failure(&e)).collect()
        };
        if let Err(e) = store.begin() {
            return failed(store, e);
        }
        let mut handled = Vec::with_capacity(batch.len());
        for job in batch {
            let h =
                self.ids(store, &job.ctx).and_then(|who| self.answer(store, &who, &job.ctx, &job.answer, job.question));
            match h {
                Err(e) if e.is_database() => return failed(store, e),
                h => handled.push(h),
            }
        }
        let rows: Vec<&store::AnswerRow> =
            handled.iter().filter_map(|h| if let Ok(Handled::Daily(a)) = h { Some(&a.row) } else { None }).collect();
        let mut inserted = match store.record_answers(&rows) {
            Ok(r) => r.into_iter(),
            Err(e) => return failed(store, e),
        };
        if let Err(e) = store.commit() {
            return failed(store, e);
        }
        handled
            .into_iter()
            .map(|h| match h {
                Ok(Handled::Done(reply)) => reply,
                Ok(Handled::Daily(a)) => daily_reply(a, inserted.next().unwrap_or(Inserted::Closed)),
                Err(e) => store_failure(&e),
            })
            .collect()
    }

    fn answer_practice(
        &self,
        store: &mut Store,
        ctx: &Ctx,
        question: i64,
        item_id: &str,
        answer: &str,
    ) -> store::Result<Reply> {
        let item = self.item(item_id)?;
        let correct = match grading::grade(&item.kind, answer) {
            Ok(c) => c,
            Err(e) => return Ok(Reply::error(grade_error_text(&e, item))),
        };
        let answer = canonical_answer(item, answer);
        match store.record_practice_answer(question, &answer, correct, store::millis(ctx.now), self.rules.default_tz)? {
            Inserted::New => Ok(Reply::private(Body::Verdict(VerdictCard {
                question: QuestionRef::Practice(question),
                mode: Mode::Practice,
                title: title_of(item),
                your_answer: answer,
                verdict: if correct { Verdict::Correct } else { Verdict::Wrong },
                right_answer: Some(item.right_answer()),
                explanation: Some(item.explanation.clone()),
                reveal_at: None,
            }))),
            Inserted::Duplicate { answer: first, .. } => Ok(Reply::error(format!(
                "You already answered that practice question ({}) with {first}; the first answer is final. Type /quiz for another.",
                title_of(item)
            ))),
            // Practice questions never close.
            Inserted::Closed => {
                Ok(Reply::error("That practice question can no longer be answered. Type /quiz for another."))
            }
        }
    }

    fn leaderboard(
        &self,
        store: &Store,
        scope: &Scope,
        ctx: &Ctx,
        period: Period,
        sort: Sort,
        board: BoardKind,
    ) -> store::Result<Reply> {
        let sort = if board == BoardKind::Practice { Sort::Points } else { sort };
        let key = leaderboard::period_key(period, ctx.now, scope.tz);
        let found = store.board(scope.who.guild, board, &key, sort, scope.who.user, BOARD_SIZE)?;
        // The store reads the board in this order already; ranking again keeps
        // the rule in one place and costs nothing for ten rows.
        let ranked = leaderboard::rank(found.top, sort);
        let figure = |r: &leaderboard::Standing| match (board, sort) {
            (BoardKind::Practice, _) => format!("{} correct of {}", r.correct, r.answered),
            (_, Sort::Points) => format!("{} pts", r.points),
            (_, Sort::Streak) => format!("{} in a row", r.streak),
            (_, Sort::Accuracy) => {
                format!("{}% ({}/{})", accuracy_percent(r.correct, r.answered), r.correct, r.answered)
            }
        };
        let mut shown: Vec<BoardRow> = ranked
            .iter()
            .enumerate()
            .map(|(i, r)| BoardRow {
                rank: i + 1,
                name: r.name.clone(),
                figure: figure(r),
                is_you: r.user_id == scope.who.user,
            })
            .collect();
        if let Some((rank, you)) = &found.you {
            shown.push(BoardRow { rank: *rank, name: you.name.clone(), figure: figure(you), is_you: true });
        }
        let title = match board {
            BoardKind::Daily => format!("Leaderboard · {} · {}", period.title(), sort.title()),
            BoardKind::Practice => format!("Practice board · {}", period.title()),
        };
        Ok(Reply::public(Body::Leaderboard(BoardCard {
            title,
            rows: shown,
            empty: match board {
                BoardKind::Daily => {
                    "No answers yet in this period. Practice scores are on /quiz leaderboard practice.".into()
                }
                BoardKind::Practice => "No answers yet in this period.".into(),
            },
        })))
    }

    fn stats(&self, store: &Store, scope: &Scope, ctx: &Ctx, user: Option<UserArg>) -> store::Result<Reply> {
        let (user_id, name) = match user {
            None => (scope.who.user, ctx.user_name.clone()),
            Some(UserArg::Id(s) | UserArg::Name(s)) => match store.find_user(&ctx.platform, &s)? {
                Some(found) => found,
                None => {
                    return Ok(Reply::error(format!("No player called {s} has played here yet.")));
                }
            },
        };
        let s = store.user_stats(scope.who.guild, user_id)?;
        let lines = vec![
            (
                "Daily answers".to_string(),
                format!(
                    "{} ({} correct, {}%)",
                    s.daily_answered,
                    s.daily_correct,
                    accuracy_percent(s.daily_correct, s.daily_answered)
                ),
            ),
            ("Points".to_string(), s.points.to_string()),
            ("Streak".to_string(), format!("{} (best {}, {} freezes)", s.streak, s.best_streak, s.freezes)),
            (
                "Practice".to_string(),
                format!(
                    "{} answered, {} correct ({}%)",
                    s.practice_answered,
                    s.practice_correct,
                    accuracy_percent(s.practice_correct, s.practice_answered)
                ),
            ),
        ];
        Ok(Reply::private(Body::Stats(StatsCard { name, lines })))
    }

    fn admin(&self, store: &mut Store, scope: &Scope, ctx: &Ctx, admin: AdminCommand) -> store::Result<Reply> {
        let now = ctx.now;
        let schedule = store.schedule(scope.who.channel)?;
        let rule = schedule.as_ref().and_then(rule_of);
        let not_scheduled = || {
            Reply::error(
                "This channel has no schedule yet. Set one with /quiz admin schedule <HH:MM> <Area/City> [days] [close].",
            )
        };
        match admin {
            AdminCommand::Schedule(spec) => {
                let rule = Rule {
                    time: spec.time,
                    tz: spec.tz,
                    days: spec.days.unwrap_or(Days::EVERY_DAY),
                    close: spec.close.unwrap_or(self.rules.default_close),
                };
                let Some(next) = next_post_after(&rule, now) else {
                    return Ok(Reply::error("That schedule never posts."));
                };
                store.set_schedule(scope.who.channel, &stored(&rule, next))?;
                Ok(Reply::info(format!(
                    "Scheduled: {}. The next question is posted {}.",
                    describe(&rule),
                    when(next.at, rule.tz)
                )))
            }
            AdminCommand::Pause => match schedule {
                None => Ok(not_scheduled()),
                Some(s) if s.paused => {
                    Ok(Reply::info("The schedule is already paused. /quiz admin resume restarts it."))
                }
                Some(s) => {
                    store.set_schedule(scope.who.channel, &StoredSchedule { paused: true, ..s })?;
                    Ok(Reply::info(
                        "Paused: no daily questions until /quiz admin resume. Days without a question never break a streak.",
                    ))
                }
            },
            AdminCommand::Resume => match (schedule, rule) {
                (Some(s), Some(rule)) if s.paused => {
                    let Some(next) = next_post_after(&rule, now) else { return Ok(not_scheduled()) };
                    store.set_schedule(scope.who.channel, &stored(&rule, next))?;
                    Ok(Reply::info(format!("Resumed. The next question is posted {}.", when(next.at, rule.tz))))
                }
                (Some(_), Some(_)) => Ok(Reply::info("The schedule is running; nothing to resume.")),
                _ => Ok(not_scheduled()),
            },
            AdminCommand::Skip => match (schedule, rule) {
                (Some(s), Some(rule)) if !s.paused => {
                    if s.skip_date.as_deref() == Some(s.next_date.as_str()) {
                        return Ok(Reply::error(format!(
                            "The question of {} is already skipped; to stop for longer, use /quiz admin pause.",
                            s.next_date
                        )));
                    }
                    let due = when(store::from_millis(s.next_at), rule.tz);
                    let date = s.next_date.clone();
                    store.set_schedule(scope.who.channel, &StoredSchedule { skip_date: Some(date.clone()), ..s })?;
                    Ok(Reply::info(format!(
                        "Skipped the question of {date} (due {due}). Skipped days never break a streak."
                    )))
                }
                (Some(_), Some(_)) => Ok(Reply::error("The schedule is paused, so there is nothing to skip.")),
                _ => Ok(not_scheduled()),
            },
            AdminCommand::PostNow => {
                let tz = rule.map_or(scope.tz, |r| r.tz);
                let today = Occurrence { date: now.with_timezone(&tz).date_naive(), at: now };
                let closes_at = rule.and_then(|r| r.closes_at(today)).filter(|c| *c > now);
                Ok(match self.post_daily(store, scope.who.channel, &today.date.to_string(), now, closes_at, true)? {
                    DailyOutcome::Posted(reply) => reply,
                    DailyOutcome::AlreadyPosted(date) => Reply::error(format!(
                        "This channel already had its question for {date}; the next one comes on the next scheduled day."
                    )),
                })
            }
            AdminCommand::RevealNow => match store.open_post(scope.who.channel)? {
                Some(post) => Ok(self
                    .reveal(store, &post, now, true)?
                    .unwrap_or_else(|| Reply::error("That question was already revealed."))),
                None => Ok(Reply::error("There is no open daily question in this channel to reveal.")),
            },
            AdminCommand::Status => self.status(store, scope, schedule.as_ref(), rule.as_ref(), now),
            AdminCommand::Categories(list) => {
                let known = self.bank.categories();
                if let Some(bad) = list.iter().find(|c| !known.contains(c)) {
                    return Ok(Reply::error(format!(
                        "There is no category `{bad}`. Categories: {}.",
                        known.join(", ")
                    )));
                }
                store
                    .set_channel_categories(scope.who.channel, (!list.is_empty()).then(|| list.join(",")).as_deref())?;
                let pool = self.bank.pool(&list).len();
                Ok(Reply::info(if list.is_empty() {
                    format!("Daily questions now come from every category ({pool} questions).")
                } else {
                    format!("Daily questions now come from {} ({pool} questions).", list.join(", "))
                }))
            }
            AdminCommand::Timezone(zone) => match zone.parse::<Tz>() {
                Ok(tz) => {
                    store.set_guild_timezone(scope.who.guild, tz.name())?;
                    // Weeks and months start at other instants now.
                    store.rebuild_totals(scope.who.guild, tz)?;
                    Ok(Reply::info(format!("Leaderboard weeks and months now follow {}.", tz.name())))
                }
                Err(_) => Ok(Reply::error(format!(
                    "`{zone}` is not an IANA time zone such as Europe/Berlin or America/New_York."
                ))),
            },
        }
    }

    fn status(
        &self,
        store: &Store,
        scope: &Scope,
        schedule: Option<&StoredSchedule>,
        rule: Option<&Rule>,
        now: DateTime<Utc>,
    ) -> store::Result<Reply> {
        let categories = self.channel_categories(store, scope.who.channel)?;
        let pool = self.bank.pool(&categories);
        let (_, used, _) = self.cycle(store, scope.who.channel, &pool)?;
        let mut lines = Vec::new();
        match (schedule, rule) {
            (Some(s), Some(rule)) => {
                lines.push(format!("Schedule: {}{}.", describe(rule), if s.paused { " (paused)" } else { "" }));
                if !s.paused {
                    let skipped = s.skip_date.as_deref() == Some(s.next_date.as_str());
                    let next = if skipped {
                        next_post_after(rule, store::from_millis(s.next_at))
                    } else {
                        Some(Occurrence {
                            date: s.next_date.parse().unwrap_or_default(),
                            at: store::from_millis(s.next_at),
                        })
                    };
                    if skipped {
                        lines.push(format!("The question of {} is skipped.", s.next_date));
                    }
                    if let Some(next) = next {
                        lines.push(format!("Next post: {}.", when(next.at, rule.tz)));
                    }
                }
            }
            _ => lines.push("No schedule: /quiz admin schedule <HH:MM> <Area/City> [days] [close] sets one.".into()),
        }
        match store.open_post(scope.who.channel)? {
            Some(p) if is_open(&p, now) => lines.push(format!(
                "Open question: {}{}.",
                p.local_date,
                p.closes_at.map_or(String::new(), |c| format!(
                    ", closes {}",
                    when(store::from_millis(c), rule.map_or(scope.tz, |r| r.tz))
                ))
            )),
            _ => lines.push("No question is open.".into()),
        }
        let cats = if categories.is_empty() { "all categories".to_string() } else { categories.join(", ") };
        lines.push(format!(
            "Pool: {} of {} questions left in this cycle ({cats}).",
            pool.len() - used.len(),
            pool.len()
        ));
        Ok(Reply::private(Body::Info(lines.join("\n"))))
    }

    fn channel_categories(&self, store: &Store, channel: ChannelId) -> store::Result<Vec<String>> {
        Ok(store
            .channel_categories(channel)?
            .map(|c| c.split(',').map(str::to_string).filter(|c| self.bank.categories().contains(c)).collect())
            .unwrap_or_default())
    }

    /// The channel's selection cycle over `pool`: its number, the items used
    /// in it (empty when the pool was used up), and the last item posted.
    fn cycle<'p>(
        &self,
        store: &Store,
        channel: ChannelId,
        pool: &[&'p str],
    ) -> store::Result<(i64, HashSet<&'p str>, Option<String>)> {
        let (cycle, used, last) = store.daily_cycle(channel)?;
        let used: HashSet<&str> = used.iter().map(String::as_str).collect();
        let used: HashSet<&'p str> = pool.iter().copied().filter(|id| used.contains(id)).collect();
        if selection::cycle_complete(pool, &used) {
            return Ok((cycle + 1, HashSet::new(), last));
        }
        Ok((cycle, used, last))
    }

    /// Posts a channel's question for a local date unless it has one. An
    /// older question still open is closed and revealed first.
    fn post_daily(
        &self,
        store: &mut Store,
        channel: ChannelId,
        local_date: &str,
        now: DateTime<Utc>,
        closes_at: Option<DateTime<Utc>>,
        delivered: bool,
    ) -> store::Result<DailyOutcome> {
        if let Some(open) = store.open_post(channel)? {
            if open.local_date == local_date {
                return Ok(DailyOutcome::AlreadyPosted(open.local_date));
            }
            self.reveal(store, &open, now, false)?;
        }
        let categories = self.channel_categories(store, channel)?;
        let pool = self.bank.pool(&categories);
        let (cycle, used, last) = self.cycle(store, channel, &pool)?;
        let picked = {
            let mut rng = self.rng.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            selection::next_daily(&pool, &used, last.as_deref(), &mut *rng).map(str::to_string)
        };
        let Some(item_id) = picked else {
            return Ok(DailyOutcome::Posted(Reply::error("The question bank is empty.")));
        };
        let new = NewPost {
            channel,
            local_date,
            item_id: &item_id,
            cycle,
            state: PostState::Open,
            posted_at: store::millis(now),
            closes_at: closes_at.map(store::millis),
            delivered,
        };
        match store.create_post(&new)? {
            Some(post) => Ok(DailyOutcome::Posted(self.question_reply(&post)?)),
            None => Ok(DailyOutcome::AlreadyPosted(local_date.to_string())),
        }
    }

    fn question_reply(&self, post: &Post) -> store::Result<Reply> {
        let item = self.item(&post.item_id)?;
        let card =
            question_card(item, QuestionRef::Daily(post.id), Mode::Daily, post.closes_at.map(store::from_millis));
        Ok(Reply::public(Body::Question(card)))
    }

    /// Closes a daily question, settles streaks, and gives the reveal.
    /// `delivered`: the caller shows the reveal as its reply.
    fn reveal(
        &self,
        store: &mut Store,
        post: &Post,
        now: DateTime<Utc>,
        delivered: bool,
    ) -> store::Result<Option<Reply>> {
        match store.close_post(
            post.id,
            store::millis(now),
            self.rules.streak,
            self.rules.scoring,
            self.rules.default_tz,
            delivered,
        )? {
            Some(result) => Ok(Some(self.reveal_reply(&result)?)),
            None => Ok(None),
        }
    }

    fn reveal_reply(&self, result: &store::Reveal) -> store::Result<Reply> {
        let item = self.item(&result.post.item_id)?;
        let (choice_count, right_choice) = match &item.kind {
            ItemKind::Choice { choices, answer } => (choices.len(), Some(*answer)),
            ItemKind::Text { .. } => (0, None),
        };
        Ok(Reply::public(Body::Reveal(RevealCard {
            question: QuestionRef::Daily(result.post.id),
            choice_count,
            right_choice,
            prompt: item.prompt.clone(),
            right_answer: item.right_answer(),
            explanation: item.explanation.clone(),
            answered: result.answered,
            correct: result.correct,
            first_correct: result.first_correct.clone().map(|(name, _)| name),
        })))
    }

    /// Does what the schedules and close times call for at `now`: posts due
    /// questions (late within the grace period, else recorded as missed),
    /// honours skips, closes and reveals questions whose time is up. Returns
    /// every question and reveal still to be delivered to `platform`,
    /// including those a crash interrupted.
    pub fn tick(&self, now: DateTime<Utc>, platform: &str) -> Result<Vec<Outbound>, StoreError> {
        let mut store = self.lock();
        for (channel, mut s) in store.due_schedules(store::millis(now))? {
            let Some(rule) = rule_of(&s) else {
                tracing::error!(channel, timezone = %s.timezone, time = %s.local_time, "unreadable schedule; pausing it");
                store.set_schedule(channel, &StoredSchedule { paused: true, ..s })?;
                continue;
            };
            while s.next_at <= store::millis(now) {
                let due = store::from_millis(s.next_at);
                let date = s.next_date.clone();
                if s.skip_date.as_deref() == Some(date.as_str()) {
                    tracing::info!(channel, %date, "skipped by an admin");
                    s.skip_date = None;
                } else if now - due <= self.rules.grace {
                    let occurrence = Occurrence { date: date.parse().unwrap_or_default(), at: due };
                    let closes_at = rule.closes_at(occurrence).filter(|c| *c > now);
                    if let DailyOutcome::AlreadyPosted(_) =
                        self.post_daily(&mut store, channel, &date, now, closes_at, false)?
                    {
                        tracing::info!(channel, %date, "already posted for this date");
                    }
                } else {
                    tracing::warn!(channel, %date, due = %due, "missed while the bot was down; recorded as missed");
                    store.create_post(&NewPost {
                        channel,
                        local_date: &date,
                        item_id: "",
                        cycle: 0,
                        state: PostState::Missed,
                        posted_at: s.next_at,
                        closes_at: None,
                        delivered: true,
                    })?;
                }
                let Some(next) = next_post_after(&rule, due) else { break };
                s.next_at = store::millis(next.at);
                s.next_date = next.date.to_string();
            }
            store.set_schedule(channel, &s)?;
        }
        for post in store.due_closes(store::millis(now))? {
            self.reveal(&mut store, &post, now, false)?;
        }
        let mut out = Vec::new();
        for pending in store.pending_deliveries()?.into_iter().filter(|p| p.to.platform == platform) {
            let reply = match pending.part {
                Part::Question => self.question_reply(&pending.post)?,
                Part::Reveal => self.reveal_reply(&store.reveal(&pending.post)?)?,
            };
            out.push(Outbound {
                post: pending.post.id,
                part: pending.part,
                to: pending.to,
                message_ref: pending.post.message_ref,
                interrupted: pending.interrupted,
                reply,
            });
        }
        Ok(out)
    }

    /// The next instant [`Service::tick`] has something to do, if any.
    pub fn next_wake(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self.lock().next_wake()?.map(store::from_millis))
    }

    /// An adapter is about to send a delivery.
    pub fn delivery_started(&self, post: PostId, part: Part) -> Result<(), StoreError> {
        self.lock().delivery_started(post, part)
    }

    /// A delivery failed; it is tried again on the next pass.
    pub fn delivery_failed(&self, post: PostId, part: Part) -> Result<(), StoreError> {
        self.lock().delivery_failed(post, part)
    }

    /// Asks the scheduler to look again now (for example after the clock was set).
    pub fn nudge(&self) {
        self.changed.notify_one();
    }

    /// Resolves when a command changed what is scheduled (a new schedule, a
    /// pause, a post or a reveal), so the scheduler looks again.
    pub async fn changed(&self) {
        self.changed.notified().await;
    }

    /// An adapter sent a delivery; `message_ref` is the platform's id for the question message.
    pub fn delivery_done(&self, post: PostId, part: Part, message_ref: Option<&str>) -> Result<(), StoreError> {
        self.lock().delivery_done(post, part, message_ref)
    }
}

/// A question or reveal for an adapter to send to a channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Outbound {
    pub post: PostId,
    pub part: Part,
    pub to: Destination,
    pub reply: Reply,
    /// The platform's id of the question message, for a reveal that edits it.
    pub message_ref: Option<String>,
    /// An earlier attempt was cut off; only resend where the platform de-duplicates.
    pub interrupted: bool,
}

/// What answering a daily question says, once the row is committed (or refused).
fn daily_reply(a: DailyAnswer, result: Inserted) -> Reply {
    match result {
        Inserted::New => Reply::private(Body::Verdict(VerdictCard {
            question: QuestionRef::Daily(a.row.post),
            mode: Mode::Daily,
            title: a.title,
            your_answer: a.row.answer,
            verdict: Verdict::Recorded,
            right_answer: None,
            explanation: None,
            reveal_at: a.reveal_at,
        })),
        Inserted::Duplicate { answer: first, .. } => Reply::error(format!(
            "You already answered today's question ({}) with {first}; the first answer is final.",
            a.title
        )),
        Inserted::Closed => {
            Reply::error(format!("This question is closed: the daily question of {} has been revealed.", a.local_date))
        }
    }
}

/// A command's outcome under the writer: a reply, or a daily answer still to commit.
enum Handled {
    Done(Reply),
    Daily(DailyAnswer),
}

/// A graded daily answer waiting for its commit.
struct DailyAnswer {
    row: store::AnswerRow,
    title: String,
    local_date: String,
    reveal_at: Option<DateTime<Utc>>,
}

/// An answer queued for the next group commit, and who waits for its reply.
struct Queued {
    ctx: Ctx,
    answer: String,
    question: Option<QuestionRef>,
    reply: Waiter,
}

enum Waiter {
    Blocking(std::sync::mpsc::SyncSender<Reply>),
    Async(tokio::sync::oneshot::Sender<Reply>),
}

impl Waiter {
    /// A caller that stopped waiting has nobody to tell; its answer stands.
    fn send(self, reply: Reply) {
        match self {
            Waiter::Blocking(tx) => drop(tx.send(reply)),
            Waiter::Async(tx) => drop(tx.send(reply)),
        }
    }
}

/// Rate-limit buckets by (platform, user id), and when to next forget old ones.
#[derive(Default)]
struct Limits {
    buckets: Keyed<String, Bucket>,
    next_prune: DateTime<Utc>,
}

/// A map by two keys (a platform or a row id, then an external id), looked
/// up by reference: the hot paths find what they need without allocating.
struct Keyed<K, V>(FxHashMap<K, FxHashMap<String, V>>);

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed(FxHashMap::default())
    }
}

impl<K: std::hash::Hash + Eq, V> Keyed<K, V> {
    fn get<Q>(&self, outer: &Q, inner: &str) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.get(outer)?.get(inner)
    }

    fn insert<Q>(&mut self, outer: &Q, inner: &str, value: V)
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

    fn len(&self) -> usize {
        self.0.values().map(|m| m.len()).sum()
    }

    fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) {
        for m in self.0.values_mut() {
            m.retain(|_, v| keep(v));
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

/// The most answers committed in one transaction.
const MAX_GROUP: usize = 4096;

#[derive(Default)]
struct Ids {
    /// By platform and external id.
    guilds: Keyed<String, GuildId>,
    channels: Keyed<GuildId, ChannelId>,
    /// By platform and external id, with the display name last stored.
    users: Keyed<String, (UserId, String)>,
}

impl Ids {
    /// Forget users beyond this many, to bound memory.
    const MAX_USERS: usize = 100_000;
}

fn not_committed() -> Reply {
    store_failure(&StoreError::Failed { temporary: true, message: "the answer was not committed".into() })
}

fn too_fast() -> Reply {
    Reply::error(
        "You are sending commands faster than the quiz takes them. Wait a second and try again; nothing was recorded.",
    )
}

enum Target {
    Daily(Post),
    Practice(i64, String),
    Nothing(String),
}

enum DailyOutcome {
    Posted(Reply),
    /// The local date that already has its question.
    AlreadyPosted(String),
}

/// The domain rule of a stored schedule; `None` if the row is unreadable.
fn rule_of(s: &StoredSchedule) -> Option<Rule> {
    Some(Rule {
        time: parse_time(&s.local_time).ok()?,
        tz: s.timezone.parse().ok()?,
        days: Days::from_bits(s.days)?,
        close: Close::from_minutes(s.close_minutes),
    })
}

/// A running schedule with nothing skipped, next due at `next`.
fn stored(rule: &Rule, next: Occurrence) -> StoredSchedule {
    StoredSchedule {
        local_time: rule.time.format("%H:%M").to_string(),
        timezone: rule.tz.name().to_string(),
        days: rule.days.bits(),
        close_minutes: rule.close.minutes(),
        paused: false,
        skip_date: None,
        next_at: store::millis(next.at),
        next_date: next.date.to_string(),
    }
}

fn describe(rule: &Rule) -> String {
    format!("{} {} {}, closing {}", rule.time.format("%H:%M"), rule.tz.name(), rule.days, rule.close)
}

/// An instant in a zone and in UTC: `Thu 2026-11-26 09:00 CET (08:00 UTC)`.
fn when(at: DateTime<Utc>, tz: Tz) -> String {
    format!("{} ({} UTC)", at.with_timezone(&tz).format("%a %Y-%m-%d %H:%M %Z"), at.format("%H:%M"))
}

fn is_open(post: &Post, now: DateTime<Utc>) -> bool {
    post.state == PostState::Open && post.closes_at.is_none_or(|c| store::millis(now) < c)
}

fn question_card(item: &Item, question: QuestionRef, mode: Mode, closes_at: Option<DateTime<Utc>>) -> QuestionCard {
    QuestionCard {
        question,
        mode,
        category: category_title(&item.category),
        difficulty: item.difficulty.to_string(),
        prompt: item.prompt.clone(),
        choices: match &item.kind {
            ItemKind::Choice { choices, .. } => choices.clone(),
            ItemKind::Text { .. } => Vec::new(),
        },
        closes_at,
    }
}

/// The answer as recorded: a choice letter in capitals, text trimmed.
fn canonical_answer(item: &Item, answer: &str) -> String {
    match item.kind {
        ItemKind::Choice { .. } => answer.trim().to_uppercase(),
        ItemKind::Text { .. } => answer.trim().to_string(),
    }
}

/// The first words of the prompt, to name a question in replies.
fn title_of(item: &Item) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = item.prompt.split_whitespace().collect();
    if words.len() <= WORDS { words.join(" ") } else { format!("{}…", words[..WORDS].join(" ")) }
}

fn grade_error_text(e: &GradeError, item: &Item) -> String {
    match e {
        GradeError::Empty => "Your answer is empty. Nothing was recorded.".into(),
        GradeError::NotALetter { .. } | GradeError::OutOfRange { .. } => {
            format!(
                "{} This question ({}) takes a letter. Nothing was recorded.",
                capitalise(&e.to_string()),
                title_of(item)
            )
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect::<String>() + ".")
}

fn store_failure(e: &StoreError) -> Reply {
    if e.is_temporary() {
        tracing::warn!(error = %e, "database temporarily unavailable");
        Reply::error(
            "The quiz database is busy or unavailable right now, so nothing was recorded. Please try again in a moment.",
        )
    } else {
        tracing::error!(error = %e, "command failed");
        Reply::error("Something went wrong on our side and nothing was recorded. The error has been logged.")
    }
}
