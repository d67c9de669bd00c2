//! Messages the bot sends on its own (questions and reveals): the scheduler's
//! pass hands each platform its undelivered ones, and the outcome of each
//! send is recorded. Every call here is a job on the writer.

use chrono::{DateTime, Utc};

use super::{Service, daily};
use crate::reply::Reply;
use crate::store::{self, Destination, Part, Platform, PostId, StoreError};

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

impl Service {
    /// Does what the schedules and close times call for at `now` (posts due
    /// questions, late within the grace period, else recorded as missed;
    /// honours skips; closes and reveals questions whose time is up) and
    /// returns every question and reveal still to be delivered to
    /// `platform`, including those a crash interrupted. Runs on the writer,
    /// never on an async worker, however many answers a reveal settles.
    pub async fn tick(&self, now: DateTime<Utc>, platform: Platform) -> Result<Vec<Outbound>, StoreError> {
        self.write(move |state| daily::run_schedules(state, now)).await?;
        // A big reveal settles in steps, each its own writer job.
        while self.write(daily::settle_step).await? {}
        self.write(move |state| {
            let mut out = Vec::new();
            for pending in state.store.pending_deliveries()?.into_iter().filter(|p| p.to.platform == platform) {
                let reply = match pending.part {
                    Part::Question => daily::question_reply(state, &pending.post)?,
                    Part::Reveal => daily::reveal_reply(state, &state.store.reveal(&pending.post)?)?,
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
        })
        .await
    }

    /// The next instant [`Service::tick`] has something to do, if any.
    pub async fn next_wake(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self.write(|state| state.store.next_wake()).await?.map(store::from_millis))
    }

    /// An adapter is about to send a delivery.
    pub async fn delivery_started(&self, post: PostId, part: Part) -> Result<(), StoreError> {
        self.write(move |state| state.store.delivery_started(post, part)).await
    }

    /// A delivery failed; it is tried again on the next pass.
    pub async fn delivery_failed(&self, post: PostId, part: Part) -> Result<(), StoreError> {
        self.write(move |state| state.store.delivery_failed(post, part)).await
    }

    /// An adapter sent a delivery; `message_ref` is the platform's id for the question message.
    pub async fn delivery_done(&self, post: PostId, part: Part, message_ref: Option<String>) -> Result<(), StoreError> {
        self.write(move |state| state.store.delivery_done(post, part, message_ref.as_deref())).await
    }
}
