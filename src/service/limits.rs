//! The per-user rate limit, checked before any database work.

use std::sync::Mutex;

use chrono::{DateTime, Utc};

use super::Ctx;
use super::writer::Keyed;
use crate::ids::Platform;
use crate::quiz::ratelimit::{self, Bucket, RateRules};

/// Rate-limit buckets by (platform, user id), and when to next forget old ones.
#[derive(Default)]
struct Buckets {
    buckets: Keyed<Platform, Bucket>,
    next_prune: DateTime<Utc>,
}

/// Every user's bucket; a short lock around a map, never held across any wait.
#[derive(Default)]
pub(super) struct Limits(Mutex<Buckets>);

impl Limits {
    /// The per-user rate limit. A flood from one user is turned away here,
    /// before any database work, so it cannot slow anyone else down. The
    /// local console has one person at the keyboard (or a script): no limit.
    pub fn admit(&self, rules: RateRules, ctx: &Ctx) -> bool {
        if ctx.platform == Platform::Console {
            return true;
        }
        let mut limits = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (ok, bucket) = ratelimit::admit(rules, limits.buckets.get(&ctx.platform, &ctx.user_id).copied(), ctx.now);
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

    /// Whether [`Limits::admit`] would let the user in now, taking nothing:
    /// an adapter asks before any lookup of its own (a platform API call to
    /// learn whether the user is an admin), so a flood never reaches one.
    pub fn would_admit(&self, rules: RateRules, platform: Platform, user: &str, now: DateTime<Utc>) -> bool {
        if platform == Platform::Console {
            return true;
        }
        let limits = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        ratelimit::admit(rules, limits.buckets.get(&platform, user).copied(), now).0
    }
}
