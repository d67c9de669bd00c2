//! Replies in a discussion's thread count as taking part, as `/quiz answer`
//! does. The platforms send every message written in any thread the bot
//! can see, so telling the few about an open discussion from the rest must
//! cost no query: the open discussions are kept in memory, added as soon
//! as this process posts one, and read again from the database at most
//! every [`REFRESH`] while messages arrive (for discussions other
//! processes posted, and to drop closed ones). Each player is sent to the
//! writer once per discussion; their later replies cost a map lookup.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{Ctx, Service};
use crate::command::{Command, QuestionRef};
use crate::ids::Platform;
use crate::reply::Body;
use crate::store::{OpenThread, PostId};

/// How stale the open discussions may be before a message reads them again.
const REFRESH: Duration = Duration::from_secs(15);
/// Players remembered per discussion as counted; past it, the set starts
/// over (a repeat then costs one more insert that changes nothing).
const MAX_COUNTED: usize = 10_000;

/// What a reply in a thread came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadReply {
    /// Not a thread of an open discussion (most messages).
    Elsewhere,
    /// The player's first part in the discussion, now recorded.
    TookPart,
    /// They had taken part already.
    Again,
    /// Not recorded (the database, or the rate limit): a later reply tries again.
    NotRecorded,
}

#[derive(Default)]
pub(super) struct Threads(Mutex<Known>);

/// What the open discussions say of a reply.
enum Found {
    Elsewhere,
    /// The player was recorded there already.
    Counted,
    /// An open discussion's post and channel.
    Open(PostId, String),
}

#[derive(Default)]
struct Known {
    open: HashMap<(Platform, String), Open>,
    loaded: Option<Instant>,
    loading: bool,
}

struct Open {
    post: PostId,
    channel: String,
    /// Players (by their platform id) already recorded here.
    counted: HashSet<String>,
}

impl Threads {
    fn lock(&self) -> std::sync::MutexGuard<'_, Known> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A discussion this process just posted.
    pub(super) fn opened(&self, thread: OpenThread) {
        let mut known = self.lock();
        let open = Open { post: thread.post, channel: thread.channel, counted: HashSet::new() };
        known.open.entry((thread.platform, thread.message_ref)).or_insert(open);
    }

    /// Whether the list is due to be read again; if so, this caller reads it.
    fn take_refresh(&self) -> bool {
        let mut known = self.lock();
        let due = known.loaded.is_none_or(|at| at.elapsed() >= REFRESH) && !known.loading;
        known.loading |= due;
        due
    }

    /// The open discussions as just read (players counted are kept).
    fn replace(&self, fresh: Option<Vec<OpenThread>>) {
        let mut known = self.lock();
        known.loading = false;
        let Some(fresh) = fresh else { return };
        let mut old = std::mem::take(&mut known.open);
        for t in fresh {
            let key = (t.platform, t.message_ref);
            let counted = old.remove(&key).filter(|o| o.post == t.post).map(|o| o.counted).unwrap_or_default();
            known.open.insert(key, Open { post: t.post, channel: t.channel, counted });
        }
        known.loaded = Some(Instant::now());
    }

    /// The discussion a message in `channel` replying to `message_ref` is
    /// about, and whether `user` was counted there already. Slack's replies
    /// are in the post's own channel; a Discord thread opened from the post
    /// has the post's id.
    fn find(&self, platform: Platform, message_ref: &str, channel: &str, user: &str) -> Found {
        let known = self.lock();
        let Some(open) = known.open.get(&(platform, message_ref.to_string())) else { return Found::Elsewhere };
        if open.channel != channel && message_ref != channel {
            Found::Elsewhere
        } else if open.counted.contains(user) {
            Found::Counted
        } else {
            Found::Open(open.post, open.channel.clone())
        }
    }

    fn settle(&self, platform: Platform, message_ref: &str, user: &str, outcome: ThreadReply, closed: bool) {
        let mut known = self.lock();
        let key = (platform, message_ref.to_string());
        if closed {
            known.open.remove(&key);
        } else if let Some(open) = known.open.get_mut(&key)
            && matches!(outcome, ThreadReply::TookPart | ThreadReply::Again)
        {
            if open.counted.len() >= MAX_COUNTED {
                open.counted.clear();
            }
            open.counted.insert(user.to_string());
        }
    }
}

impl Service {
    /// Whether a reply to `message_ref` may be about an open discussion:
    /// for an adapter that would otherwise look its writer up first.
    pub async fn may_be_discussion(&self, platform: Platform, message_ref: &str) -> bool {
        self.refresh_threads().await;
        self.threads.lock().open.contains_key(&(platform, message_ref.to_string()))
    }

    /// Reads the open discussions again when the list is stale.
    async fn refresh_threads(&self) {
        if self.threads.take_refresh() {
            let fresh = self.read(|r| r.open_threads()).await;
            if let Err(e) = &fresh {
                tracing::warn!(error = %e, "could not read the open discussions; trying again at the next reply");
            }
            self.threads.replace(fresh.ok());
        }
    }

    /// A member's message in a thread: `ctx.channel` is where it was
    /// written, `message_ref` the message the thread hangs from. Counts as
    /// taking part when that is an open discussion's post; nothing is
    /// shown to anyone.
    pub async fn thread_reply(&self, ctx: Ctx, message_ref: &str) -> ThreadReply {
        self.refresh_threads().await;
        let (platform, user) = (ctx.platform, ctx.user_id.clone());
        let (post, channel) = match self.threads.find(platform, message_ref, &ctx.channel, &user) {
            Found::Elsewhere => return ThreadReply::Elsewhere,
            Found::Counted => return ThreadReply::Again,
            Found::Open(post, channel) => (post, channel),
        };
        // As `/quiz answer` in the post's channel, for that post.
        let ctx = Ctx { channel, ..ctx };
        let cmd = Command::Answer { answer: String::new(), question: Some(QuestionRef::Daily(post)) };
        let reply = self.handle_quietly(ctx, cmd).await;
        let (outcome, closed) = match &reply.body {
            Body::Info(_) => (ThreadReply::TookPart, false),
            Body::Error(m) if m.id == "already-took-part" => (ThreadReply::Again, false),
            Body::Error(m) if m.id == "question-closed" => (ThreadReply::NotRecorded, true),
            _ => (ThreadReply::NotRecorded, false),
        };
        self.threads.settle(platform, message_ref, &user, outcome, closed);
        outcome
    }
}
