//! Messages the bot sends on its own (questions and reveals): the scheduler's
//! pass hands each platform its undelivered ones, and the outcome of each
//! send is recorded. Every call here is a job on the writer.

use chrono::{DateTime, Utc};

use super::{Service, daily, recap, text};
use crate::delivery::{DeliveryError, Next, after_failure};
use crate::i18n::Msg;
use crate::ids::Sendable;
use crate::msg;
use crate::reply::Reply;
use crate::reply::{Body, Image};
use crate::store::{self, Destination, Part, Platform, StoreError};

/// How long a process's claim on a delivery holds: another process takes
/// it over only after this, so a process that dies delays its claimed
/// sends by at most this much. Each send renews it as it starts.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(60);

/// The most deliveries one pass claims. The rest wait for the next pass,
/// so that several processes share a big fan-out and a process that dies
/// holds back no more than this.
pub const CLAIM_AT_ONCE: usize = 200;

/// A question, reveal or recap for an adapter to send to a channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Outbound {
    pub what: Sendable,
    pub to: Destination,
    pub reply: Reply,
    /// The platform's id of the question message, for a reveal that edits it.
    pub message_ref: Option<String>,
    /// An earlier attempt was cut off; only resend where the platform de-duplicates.
    pub interrupted: bool,
    /// The channel discusses each daily question in a thread: for a
    /// question, the thread's name; for a reveal, set when the reveal goes
    /// in the question's thread too.
    pub thread: Option<Msg>,
}

impl Outbound {
    /// The post's part this is, if it is one of a post's messages.
    pub fn part(&self) -> Option<Part> {
        match self.what {
            Sendable::Post(_, part) => Some(part),
            Sendable::Recap(_) => None,
        }
    }
}

impl Service {
    /// Does what the schedules and close times call for at `now` (posts due
    /// questions, late within the grace period, else recorded as missed;
    /// honours skips; closes and reveals questions whose time is up) and
    /// returns every question and reveal due to be delivered to `platform`'s servers in `share`
    /// (retries once their wait is over), including those a crash interrupted. Runs on the writer,
    /// never on an async worker, however many answers a reveal settles.
    pub async fn tick(&self, now: DateTime<Utc>, platform: Platform) -> Result<Vec<Outbound>, StoreError> {
        self.write(move |state| daily::run_schedules(state, now)).await?;
        // A big reveal settles in steps, each its own writer job.
        let settling = std::time::Instant::now();
        let mut steps = 0;
        while self.write(daily::settle_step).await? {
            steps += 1;
        }
        if steps > 0 {
            self.core.metrics.reveal(settling.elapsed().as_secs_f64());
        }
        let lease = self.lease(now);
        let out = self
            .write(move |state| {
                let mut out = Vec::new();
                for pending in state.store.claim_deliveries(platform, now, &lease, CLAIM_AT_ONCE)? {
                    // In the server's language, from the item just read.
                    let reply = match pending.part {
                        Part::Question => daily::question_reply(state, &pending.post, pending.lang)?,
                        Part::Reveal => daily::reveal_reply(state, &state.store.reveal(&pending.post)?, pending.lang)?,
                    };
                    // A discussion always gets its thread: that is where people talk.
                    let discussion = match &reply.body {
                        Body::Question(q) => q.discussion,
                        Body::Reveal(r) => !r.notes.is_empty(),
                        _ => false,
                    };
                    let date = &pending.post.local_date;
                    let thread = if discussion {
                        Some(msg!("thread-name-discussion", date = date))
                    } else {
                        pending.threads.then(|| msg!("thread-name", date = date))
                    };
                    out.push(Outbound {
                        what: Sendable::Post(pending.post.id, pending.part),
                        thread,
                        to: pending.to,
                        message_ref: pending.post.message_ref,
                        interrupted: pending.interrupted,
                        reply,
                    });
                }
                for pending in state.store.claim_recaps(platform, now, &lease, CLAIM_AT_ONCE)? {
                    out.push(Outbound {
                        what: Sendable::Recap(pending.recap.id),
                        thread: None,
                        to: pending.to,
                        message_ref: None,
                        interrupted: pending.interrupted,
                        reply: recap::reply(state, &pending.recap, pending.lang)?,
                    });
                }
                Ok(out)
            })
            .await?;
        // Charts are drawn off the writer and off the async workers.
        if !out.iter().any(|o| matches!(o.reply.body, Body::Recap(_))) {
            return Ok(out);
        }
        tokio::task::spawn_blocking(move || draw_charts(out)).await.map_err(|e| StoreError::Failed {
            temporary: true,
            message: format!("drawing the recap charts failed: {e}"),
        })
    }

    /// The next instant [`Service::tick`] has something to do for `platform`, if any.
    pub async fn next_wake(&self, platform: Platform) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.write(move |state| state.store.next_wake(platform)).await
    }

    /// This process's claim on deliveries, from `now`.
    fn lease(&self, now: DateTime<Utc>) -> store::Lease {
        let until = now + chrono::Duration::from_std(LEASE).unwrap_or_else(|_| chrono::Duration::seconds(60));
        store::Lease { owner: self.instance.clone(), until }
    }

    /// Lets go of the deliveries this process claimed and has not sent, so
    /// that its next run or another process sends them at once (a clean stop).
    pub async fn release_leases(&self) -> Result<usize, StoreError> {
        let owner = self.instance.clone();
        self.write(move |state| state.store.release_leases(&owner)).await
    }

    /// Takes the rate-limited slot `key` at `now` if it was last taken at
    /// least `every` ago by any process on this database; else how long
    /// until it frees. Discord's IDENTIFY buckets are such slots.
    pub async fn claim_slot(
        &self,
        key: String,
        every: std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<Option<std::time::Duration>, StoreError> {
        self.write(move |state| state.store.claim_slot(&key, every, now)).await
    }

    /// Stores a workspace's installation (its token sealed by the adapter).
    pub async fn save_installation(&self, installation: store::Installation) -> Result<(), StoreError> {
        self.write(move |state| state.store.save_installation(&installation)).await
    }

    pub async fn installation(
        &self,
        platform: Platform,
        team: String,
    ) -> Result<Option<store::Installation>, StoreError> {
        self.write(move |state| state.store.installation(platform, &team)).await
    }

    /// The app was uninstalled from a workspace (or its tokens revoked):
    /// the installation is forgotten and the workspace's schedules paused;
    /// its data stays. True if it was installed.
    pub async fn remove_installation(&self, platform: Platform, team: String) -> Result<bool, StoreError> {
        let removed = self.write(move |state| state.store.remove_installation(platform, &team)).await?;
        self.nudge();
        Ok(removed)
    }

    /// Uses up a signed OAuth state's nonce: true only the first time.
    pub async fn take_oauth_state(
        &self,
        oauth_state: String,
        now: DateTime<Utc>,
        max_age: std::time::Duration,
    ) -> Result<bool, StoreError> {
        let max_age = chrono::Duration::from_std(max_age).unwrap_or(chrono::Duration::MAX);
        self.write(move |state| state.store.take_oauth_state(&oauth_state, now, max_age)).await
    }

    /// A send a crash cut off, not repeated on a platform that cannot drop
    /// duplicates: recorded as done, with the channel's state untouched.
    pub async fn delivery_cut_off(&self, out: &Outbound) -> Result<(), StoreError> {
        let what = out.what;
        self.write(move |state| state.store.delivery_cut_off(what)).await
    }

    /// Marks a delivery as being sent by this process, at `now`; false if
    /// another process took it over meanwhile (then it is not sent here).
    pub async fn delivery_started(&self, what: Sendable, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let lease = self.lease(now);
        self.write(move |state| state.store.delivery_started(what, &lease)).await
    }

    /// Records how a send at `now` went, and what follows: done, tried again
    /// later (backoff, or the wait a rate limit asked for), given up, or the
    /// channel marked with a problem for admins to fix. A channel's problem
    /// is logged when it starts and when it clears, not on every try.
    pub async fn delivery_outcome(
        &self,
        out: &Outbound,
        result: Result<crate::delivery::Sent, DeliveryError>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (what, channel) = (out.what, out.to.clone());
        let platform = out.to.platform.as_str();
        // A discussion just posted: its thread's replies count from now.
        if let (Ok(sent), Sendable::Post(post, Part::Question), Body::Question(q)) =
            (&result, out.what, &out.reply.body)
            && q.discussion
            && let Some(message_ref) = &sent.message_ref
        {
            self.threads.opened(store::OpenThread {
                platform: out.to.platform,
                message_ref: message_ref.clone(),
                post,
                channel: out.to.channel.clone(),
            });
        }
        self.write(move |state| {
            let metrics = &state.core.metrics;
            let error = match result {
                Ok(sent) => {
                    metrics.delivery(platform, "sent");
                    if let Some(problem) = state.store.delivery_done(what, sent.message_ref.as_deref())? {
                        tracing::info!(%what, channel = %channel.channel, %problem, "posting works again in this channel");
                    }
                    if let Some((problem, detail)) = sent.warning {
                        tracing::error!(%what, platform = %channel.platform, channel = %channel.channel, %problem, %detail,
                            "sent, but a step alongside it failed");
                        state.store.delivery_warning(what, problem, &detail, now)?;
                    }
                    return Ok(());
                }
                Err(e) => e,
            };
            let attempts = state.store.delivery_attempts(what)?;
            match after_failure(&error, attempts, now) {
                Next::RetryAt(at) => {
                    metrics.delivery(platform, "retry");
                    tracing::warn!(%what, channel = %channel.channel, %error, attempts, retry_at = %at,
                        "delivery failed; trying again later");
                    state.store.delivery_retry(what, at, &error.to_string())
                }
                Next::GiveUp => {
                    metrics.delivery(platform, "given_up");
                    tracing::error!(%what, channel = %channel.channel, %error, attempts,
                        "delivery failed too often; giving it up");
                    state.store.delivery_failed(what, &error.to_string(), None).map(drop)
                }
                Next::Blocked(problem) => {
                    metrics.delivery(platform, "blocked");
                    let news =
                        state.store.delivery_failed(what, &error.to_string(), Some((problem, now)))?;
                    if news {
                        tracing::error!(%what, platform = %channel.platform, channel = %channel.channel, %error,
                            "the bot cannot post in this channel; not retrying until a post there succeeds");
                    }
                    Ok(())
                }
            }
        })
        .await
    }
}

/// Draws the chart of every recap among `out` (on a blocking thread). A
/// chart that cannot be drawn leaves the recap as text alone.
fn draw_charts(mut out: Vec<Outbound>) -> Vec<Outbound> {
    for o in &mut out {
        let Body::Recap(card) = &mut o.reply.body else { continue };
        match crate::chart::png(&card.chart) {
            Ok(png) => {
                let alt = text::chart_alt(card);
                let title = card.title.clone();
                card.image = Some(Image { file_name: "recap.png".into(), title, alt, png: png.into() });
            }
            Err(e) => {
                tracing::error!(what = %o.what, error = %e, "could not draw the recap chart; sending the text alone")
            }
        }
    }
    out
}
