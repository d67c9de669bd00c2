//! Per-user rate limit: a token bucket. Each command spends a token; tokens
//! come back at a steady rate up to the burst size, so a person typing
//! normally never notices it and a flood is turned away before it costs
//! anything.

use chrono::{DateTime, Utc};

/// The limit (from config).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRules {
    /// Commands allowed at once.
    pub burst: u32,
    /// Tokens regained per second.
    pub per_second: f64,
}

impl Default for RateRules {
    fn default() -> Self {
        Self { burst: 5, per_second: 2.0 }
    }
}

/// One user's bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    pub tokens: f64,
    pub at: DateTime<Utc>,
}

/// Whether a command at `now` is let through, and the bucket after it. A
/// clock that went backwards refills nothing.
pub fn admit(rules: RateRules, bucket: Option<Bucket>, now: DateTime<Utc>) -> (bool, Bucket) {
    let full = f64::from(rules.burst);
    let tokens = match bucket {
        None => full,
        Some(b) => {
            let elapsed = (now - b.at).num_milliseconds().max(0) as f64 / 1000.0;
            (b.tokens + elapsed * rules.per_second).min(full)
        }
    };
    if tokens >= 1.0 { (true, Bucket { tokens: tokens - 1.0, at: now }) } else { (false, Bucket { tokens, at: now }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_burst_then_a_steady_rate() {
        let rules = RateRules { burst: 3, per_second: 2.0 };
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut b = None;
        let mut run = |at: DateTime<Utc>| {
            let (ok, next) = admit(rules, b, at);
            b = Some(next);
            ok
        };
        assert_eq!([run(t0), run(t0), run(t0), run(t0)], [true, true, true, false], "burst of 3");
        assert!(!run(t0 + Duration::milliseconds(400)), "0.8 of a token is not enough");
        assert!(run(t0 + Duration::milliseconds(600)), "a token is back after half a second");
        assert!(!run(t0 + Duration::milliseconds(600)));
        assert_eq!([run(t0 + Duration::seconds(60)), run(t0 + Duration::seconds(60))], [true, true], "refilled");
        let (ok, _) = admit(rules, Some(Bucket { tokens: 0.0, at: t0 }), t0 - Duration::seconds(10));
        assert!(!ok, "a clock going backwards refills nothing");
    }
}
