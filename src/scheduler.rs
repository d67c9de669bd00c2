//! The loop that keeps the daily questions going: it asks the service what is
//! due ([`Service::tick`]), hands each question and reveal to the platform's
//! sender, records the outcome, and sleeps until the next thing is due. Time
//! comes from a [`Clock`], so tests can run weeks of schedule in milliseconds.
//! Sends run concurrently, bounded per platform; each adapter paces its own
//! to the platform's rate limits.
//! The pass itself runs on the database writer; this loop only waits and sends.

pub use crate::delivery::Sent;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};

use tokio_util::sync::CancellationToken;

use futures_util::StreamExt;

use crate::delivery::DeliveryError;
use crate::ids::{Part, Platform, Sendable};
use crate::service::{Outbound, Service};
use crate::store::StoreError;

/// Where time comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Resolves once `now()` has reached `t`.
    fn sleep_until(&self, t: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// The wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn sleep_until(&self, t: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let wait = (t - Utc::now()).to_std().unwrap_or_default();
        Box::pin(tokio::time::sleep(wait))
    }
}

/// The longest the loop sleeps without looking again, so a changed schedule
/// or a jump of the system clock is noticed.
pub const MAX_SLEEP: StdDuration = StdDuration::from_secs(30);

/// What a platform sender says about one delivery: what it sent, or why it could not.
pub type SendResult = Result<Sent, DeliveryError>;

/// Sends scheduled messages to a platform.
pub trait Deliver: Send + Sync {
    /// The platform whose messages this sends.
    fn platform(&self) -> Platform;
    /// Whether the platform drops a repeated send, so a send cut off by a
    /// crash may be tried again.
    fn dedupes(&self) -> bool;
    /// How many sends may be in flight at once. The sender paces them to the
    /// platform's rate limits itself.
    fn concurrency(&self) -> usize {
        1
    }
    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = SendResult> + Send + 'a>>;
}

/// Runs one pass at `now`: everything due is posted, closed and revealed, and
/// every message of the platform due to be sent goes to `deliver`, up to
/// [`Deliver::concurrency`] at once, so one slow channel never holds up the
/// others. Each outcome is recorded as it comes (see
/// [`Service::delivery_outcome`]). A message whose earlier send was cut off
/// is sent again only where the platform drops duplicates
/// ([`Deliver::dedupes`]); elsewhere it is marked done rather than risk a
/// double post (a reveal always is sent again: showing it twice is harmless,
/// losing it is not; a recap is not, like a question). Returns how many messages were sent.
pub async fn pass(service: &Service, now: DateTime<Utc>, deliver: &dyn Deliver) -> Result<usize, StoreError> {
    let mut due = Vec::new();
    for out in service.tick(now, deliver.platform()).await? {
        if out.interrupted && !deliver.dedupes() && !matches!(out.what, Sendable::Post(_, Part::Reveal)) {
            tracing::warn!(what = %out.what, channel = %out.to.channel,
                "a send was cut off by a restart and this platform cannot de-duplicate; not sending it again");
            service.delivery_cut_off(&out).await?;
        } else {
            due.push(out);
        }
    }
    let started = Instant::now();
    let sent = AtomicUsize::new(0);
    futures_util::stream::iter(due)
        .for_each_concurrent(deliver.concurrency().max(1), |out| {
            let sent = &sent;
            async move {
                // Marked just before its own send: a crash leaves only the
                // sends actually under way with an unknown outcome.
                let at = now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
                match service.delivery_started(out.what, at).await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::info!(what = %out.what, "another process took this delivery over; not sending it here");
                        return;
                    }
                    Err(e) => {
                        tracing::warn!(what = %out.what, error = %e, "could not mark a delivery as started; not sending it now");
                        return;
                    }
                }
                let result = deliver.deliver(&out).await;
                sent.fetch_add(usize::from(result.is_ok()), Ordering::Relaxed);
                // Waits are counted from when the answer came, not from the pass's start.
                let at = now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
                if let Err(e) = service.delivery_outcome(&out, result, at).await {
                    tracing::warn!(what = %out.what, error = %e, "could not record a delivery's outcome");
                }
            }
        })
        .await;
    Ok(sent.into_inner())
}

/// When the loop should look again after a pass at `now`.
pub async fn next_pass(service: &Service, now: DateTime<Utc>, platform: Platform) -> DateTime<Utc> {
    let cap = now + chrono::Duration::from_std(MAX_SLEEP).unwrap_or_else(|_| chrono::Duration::seconds(30));
    match service.next_wake(platform).await {
        Ok(Some(t)) if t < cap => t.max(now),
        Ok(_) => cap,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the next wake-up time");
            cap
        }
    }
}

/// Runs passes until `cancel` fires. A database fault is logged and the
/// pass retried later; it never ends the loop.
pub async fn run(service: Arc<Service>, clock: Arc<dyn Clock>, deliver: Arc<dyn Deliver>, cancel: CancellationToken) {
    let mut changed = service.subscribe();
    loop {
        let now = clock.now();
        if let Err(e) = pass(&service, now, deliver.as_ref()).await {
            tracing::warn!(error = %e, "scheduled pass failed; trying again shortly");
        }
        let wake = next_pass(&service, now, deliver.platform()).await;
        tokio::select! {
            () = clock.sleep_until(wake) => {}
            r = changed.changed() => if r.is_err() { return },
            () = cancel.cancelled() => return,
        }
    }
}
