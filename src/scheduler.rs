//! The loop that keeps the daily questions going: it asks the service what is
//! due ([`Service::tick`]), hands each question and reveal to the platform's
//! sender, records the outcome, and sleeps until the next thing is due. Time
//! comes from a [`Clock`], so tests can run weeks of schedule in milliseconds.
//! The pass itself runs on the database writer; this loop only waits and sends.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};

use tokio_util::sync::CancellationToken;

use crate::ids::Platform;
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

/// What a platform sender says about one delivery.
pub type SendResult = Result<Option<String>, String>;

/// Sends scheduled messages to a platform.
pub trait Deliver: Send + Sync {
    /// The platform whose messages this sends.
    fn platform(&self) -> Platform;
    /// Whether the platform drops a repeated send, so a send cut off by a
    /// crash may be tried again.
    fn dedupes(&self) -> bool;
    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = SendResult> + Send + 'a>>;
}

/// Whether to send `out` now; marks it as being sent.
/// A question cut off mid-send is sent again only where the platform drops
/// duplicates; a reveal always is, since showing it twice is harmless and
/// losing it is not.
async fn begin(service: &Service, out: &Outbound, dedupes: bool) -> Result<bool, StoreError> {
    if out.interrupted && !dedupes && out.part == crate::store::Part::Question {
        tracing::warn!(post = %out.post, part = ?out.part, channel = %out.to.channel,
            "a send was cut off by a restart and this platform cannot de-duplicate; not sending it again");
        service.delivery_done(out.post, out.part, None).await?;
        return Ok(false);
    }
    service.delivery_started(out.post, out.part).await?;
    Ok(true)
}

/// Records how a send went; true if it was delivered.
async fn finish(service: &Service, out: &Outbound, result: SendResult) -> Result<bool, StoreError> {
    match result {
        Ok(message_ref) => {
            service.delivery_done(out.post, out.part, message_ref).await?;
            Ok(true)
        }
        Err(e) => {
            tracing::warn!(post = %out.post, part = ?out.part, channel = %out.to.channel, error = %e,
                "delivery failed; it is retried on the next pass");
            service.delivery_failed(out.post, out.part).await?;
            Ok(false)
        }
    }
}

/// Runs one pass at `now`: everything due is posted, closed and revealed, and
/// every undelivered message of the platform goes to `deliver`. A message
/// whose earlier send was cut off is sent again only where the platform drops
/// duplicates ([`Deliver::dedupes`]); elsewhere it is marked done rather than
/// risk a double post. Returns how many messages were sent.
pub async fn pass(service: &Service, now: DateTime<Utc>, deliver: &dyn Deliver) -> Result<usize, StoreError> {
    let mut sent = 0;
    for out in service.tick(now, deliver.platform()).await? {
        if begin(service, &out, deliver.dedupes()).await? {
            let result = deliver.deliver(&out).await;
            sent += usize::from(finish(service, &out, result).await?);
        }
    }
    Ok(sent)
}

/// When the loop should look again after a pass at `now`.
pub async fn next_pass(service: &Service, now: DateTime<Utc>) -> DateTime<Utc> {
    let cap = now + chrono::Duration::from_std(MAX_SLEEP).unwrap_or_else(|_| chrono::Duration::seconds(30));
    match service.next_wake().await {
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
        let wake = next_pass(&service, now).await;
        tokio::select! {
            () = clock.sleep_until(wake) => {}
            r = changed.changed() => if r.is_err() { return },
            () = cancel.cancelled() => return,
        }
    }
}
