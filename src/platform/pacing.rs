//! Paces sends to a platform's rate limits: at most one send per interval
//! for each key (the whole bot, a channel, a workspace), and a hold on a key
//! when the platform says to wait (Retry-After). Slots are handed out in
//! order, so concurrent senders queue instead of all firing and all being
//! refused. Written here because the rate-limiter crates (governor) have no
//! way to push a key's next slot back after a Retry-After; this is a few
//! lines over a map of instants.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::service::Service;

use tokio::time::Instant;

pub struct Pacer<K> {
    interval: Duration,
    next: Mutex<HashMap<K, Instant>>,
}

/// Rate-limit answers waited out within one call before it is handed back.
pub const RATE_LIMITED_TRIES: u32 = 3;
/// The longest wait within a call; longer ones go back to the caller.
pub const WAIT_WITHIN: Duration = Duration::from_secs(10);

const DAY: Duration = Duration::from_secs(86_400);

/// Keys kept before the ones whose slot is past are dropped.
const PRUNE_ABOVE: usize = 4096;

impl<K: Hash + Eq + Clone> Pacer<K> {
    /// At most `per_second` sends a second per key (any positive rate, e.g.
    /// 50.0/60.0 for 50 a minute).
    pub fn new(per_second: f64) -> Pacer<K> {
        let interval = if per_second.is_finite() && per_second > 0.0 {
            // At most a day between sends, however small the rate.
            Duration::try_from_secs_f64(1.0 / per_second).map_or(DAY, |d| d.min(DAY))
        } else {
            Duration::ZERO
        };
        Pacer { interval, next: Mutex::new(HashMap::new()) }
    }

    /// Takes `key`'s next slot and waits for it.
    pub async fn wait(&self, key: &K) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let now = Instant::now();
            if next.len() > PRUNE_ABOVE {
                next.retain(|_, t| *t > now);
            }
            let slot = next.get(key).copied().unwrap_or(now).max(now);
            next.insert(key.clone(), slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }

    /// Takes `key`'s next slot and waits for it, if that slot comes within
    /// `within`; otherwise takes nothing and says so at once. A caller that
    /// would give up before its turn never books a slot no one uses.
    pub async fn try_wait(&self, key: &K, within: Duration) -> bool {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let now = Instant::now();
            let slot = next.get(key).copied().unwrap_or(now).max(now);
            if slot > now + within {
                return false;
            }
            next.insert(key.clone(), slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
        true
    }

    /// Runs `call` in `key`'s turn, as [`call_in_turn`] does.
    pub async fn call<T, E, Fut>(
        &self,
        key: &K,
        wait_of: impl Fn(&E) -> Option<Duration>,
        call: impl FnMut() -> Fut,
    ) -> Result<T, E>
    where
        K: Sync + Send,
        Fut: Future<Output = Result<T, E>>,
    {
        call_in_turn(&Keyed(self, key), wait_of, call).await
    }

    /// Nothing more is sent for `key` until `wait` from now.
    pub fn hold(&self, key: &K, wait: Duration) {
        let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let until = Instant::now() + wait;
        let slot = next.entry(key.clone()).or_insert(until);
        *slot = (*slot).max(until);
    }
}

/// Where send slots come from: a [`Pacer`] of this process's own, or a
/// budget every process on the database shares ([`Shared`]).
pub trait Slots: Sync {
    /// Waits for the next slot.
    fn take(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
    /// Nothing more is sent until `wait` from now.
    fn hold(&self, wait: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// One key's slots of a [`Pacer`].
pub struct Keyed<'a, K>(pub &'a Pacer<K>, pub &'a K);

impl<K: Hash + Eq + Clone + Send + Sync> Slots for Keyed<'_, K> {
    fn take(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(self.0.wait(self.1))
    }

    fn hold(&self, wait: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        self.0.hold(self.1, wait);
        Box::pin(std::future::ready(()))
    }
}

/// One process's budget, for one key.
impl Slots for Pacer<()> {
    fn take(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(self.wait(&()))
    }

    fn hold(&self, wait: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Pacer::hold(self, &(), wait);
        Box::pin(std::future::ready(()))
    }
}

/// A rate budget shared through the database by every process on it, on
/// the database server's clock (see [`Service::pace_slot`]). If the database
/// cannot be reached, this process falls back to pacing on its own.
pub struct Shared {
    pub service: Arc<Service>,
    pub key: &'static str,
    pub interval: Duration,
    pub fallback: Pacer<()>,
}

impl Shared {
    pub fn new(service: Arc<Service>, key: &'static str, per_second: f64) -> Shared {
        let fallback = Pacer::new(per_second);
        Shared { service, key, interval: fallback.interval, fallback }
    }
}

impl Slots for Shared {
    fn take(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            match self.service.pace_slot(self.key, self.interval).await {
                Ok(wait) => tokio::time::sleep(wait).await,
                Err(e) => {
                    tracing::warn!(error = %e, key = self.key, "the shared rate budget is out of reach; pacing alone");
                    self.fallback.wait(&()).await;
                }
            }
        })
    }

    fn hold(&self, wait: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            self.fallback.hold(&(), wait);
            if let Err(e) = self.service.hold_pace(self.key, wait).await {
                tracing::warn!(error = %e, key = self.key, "could not share a rate limit's wait");
            }
        })
    }
}

/// Runs `call` in its turn. When it fails with a short rate limit (`wait_of`
/// says how long), the slots are held that long and the call tried again,
/// [`RATE_LIMITED_TRIES`] times in all.
pub async fn call_in_turn<T, E, Fut>(
    slots: &dyn Slots,
    wait_of: impl Fn(&E) -> Option<Duration>,
    mut call: impl FnMut() -> Fut,
) -> Result<T, E>
where
    Fut: Future<Output = Result<T, E>>,
{
    let mut tries = 0;
    loop {
        tries += 1;
        slots.take().await;
        match call().await {
            Err(e) => match wait_of(&e) {
                Some(wait) if tries < RATE_LIMITED_TRIES && wait <= WAIT_WITHIN => slots.hold(wait).await,
                _ => return Err(e),
            },
            ok => return ok,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_spaced_per_key_and_a_hold_pushes_them_back() {
        let pacer = Pacer::new(50.0);
        let start = Instant::now();
        for _ in 0..5 {
            pacer.wait(&"a").await;
        }
        assert_eq!(start.elapsed(), Duration::from_millis(80), "first at once, then one per 20 ms");
        let other = Instant::now();
        pacer.wait(&"b").await;
        assert_eq!(other.elapsed(), Duration::ZERO, "another key has its own slots");

        pacer.hold(&"a", Duration::from_secs(2));
        let held = Instant::now();
        pacer.wait(&"a").await;
        assert_eq!(held.elapsed(), Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_try_that_would_wait_too_long_books_nothing() {
        let pacer = Pacer::new(0.5);
        let within = Duration::from_millis(1500);
        assert!(pacer.try_wait(&"a", within).await, "the first slot is now");
        let start = Instant::now();
        assert!(!pacer.try_wait(&"a", within).await, "the next is 2 s away: too long");
        assert!(!pacer.try_wait(&"a", within).await, "and still, after a refusal");
        assert_eq!(start.elapsed(), Duration::ZERO, "refused at once");
        // The refusals booked nothing: a second later the slot 2 s after the
        // first is the next one, 1 s away.
        tokio::time::advance(Duration::from_secs(1)).await;
        let start = Instant::now();
        assert!(pacer.try_wait(&"a", within).await);
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_waiters_get_one_slot_each() {
        let pacer = std::sync::Arc::new(Pacer::new(10.0));
        let start = Instant::now();
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let pacer = std::sync::Arc::clone(&pacer);
                tokio::spawn(async move {
                    pacer.wait(&()).await;
                    Instant::now()
                })
            })
            .collect();
        let mut times = Vec::new();
        for t in tasks {
            times.push(t.await.unwrap() - start);
        }
        times.sort();
        let expected: Vec<Duration> = (0..10).map(|i| Duration::from_millis(100 * i)).collect();
        assert_eq!(times, expected);
    }
}
