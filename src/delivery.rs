//! What can go wrong when the bot sends a question or a reveal on its own,
//! and what it does next: the rule is a pure function of the failure, the
//! attempts so far and the time, so it is tested to the second.
//!
//! - A permanent failure (no access, channel gone, archived, bot removed)
//!   is not retried: the channel is marked with the problem until a later
//!   post there succeeds, and admins see what to fix in `status`.
//! - A temporary one (5xx, timeout, network) is retried with exponential
//!   backoff, [`MAX_ATTEMPTS`] times in all.
//! - A rate-limited one waits as long as the platform said.
//! - A message the platform refuses as such (malformed, too long) is given
//!   up at once.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

/// Why the bot cannot post in a channel, in platform-neutral terms; each
/// adapter maps its own errors here and the core says what to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The bot cannot see the channel (Discord 403 Missing Access).
    NoAccess,
    /// The bot sees it but may not send or edit there (Discord 403 Missing Permissions).
    MissingPermissions,
    /// The channel (or the bot's message in it) no longer exists.
    ChannelGone,
    /// The channel is archived (Slack `is_archived`).
    Archived,
    /// The bot is not a member of the channel (Slack `not_in_channel`).
    NotInChannel,
    /// The bot's token no longer works there: removed, revoked, uninstalled.
    BotRemoved,
    /// The question went out but its discussion thread could not be opened
    /// or posted in (Discord: Create Public Threads, Send Messages in Threads).
    ThreadsDenied,
}

impl Problem {
    const ALL: [Problem; 7] = [
        Problem::NoAccess,
        Problem::MissingPermissions,
        Problem::ChannelGone,
        Problem::Archived,
        Problem::NotInChannel,
        Problem::BotRemoved,
        Problem::ThreadsDenied,
    ];

    /// As stored and logged.
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::NoAccess => "no_access",
            Problem::MissingPermissions => "missing_permissions",
            Problem::ChannelGone => "channel_gone",
            Problem::Archived => "archived",
            Problem::NotInChannel => "not_in_channel",
            Problem::BotRemoved => "bot_removed",
            Problem::ThreadsDenied => "threads_denied",
        }
    }

    pub fn parse(s: &str) -> Option<Problem> {
        Problem::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A channel permission the bot needs to run the daily question there, in
/// Discord's words (the one platform that reports them per channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    ViewChannel,
    SendMessages,
    EmbedLinks,
    ReadMessageHistory,
    /// For channels with a thread per question.
    CreatePublicThreads,
    SendMessagesInThreads,
}

impl Permission {
    /// Everything the daily question needs in a channel.
    pub const NEEDED: [Permission; 4] =
        [Permission::ViewChannel, Permission::SendMessages, Permission::EmbedLinks, Permission::ReadMessageHistory];

    /// What a channel needs: [`Permission::NEEDED`], and the thread
    /// permissions where each question opens a thread.
    pub fn needed(threads: bool) -> Vec<Permission> {
        let mut all = Permission::NEEDED.to_vec();
        if threads {
            all.extend([Permission::CreatePublicThreads, Permission::SendMessagesInThreads]);
        }
        all
    }
}

/// How a send failed, as an adapter reports it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// Retrying will not help until someone changes something.
    #[error("{problem}: {detail}")]
    Permanent { problem: Problem, detail: String },
    /// May clear by itself: a 5xx, a timeout, the network.
    #[error("temporary failure: {0}")]
    Temporary(String),
    /// The platform refused this message itself (a 400: too long, malformed);
    /// sending it again would be refused again.
    #[error("refused: {0}")]
    Rejected(String),
    /// The platform asked to wait this long.
    #[error("rate limited for {}s", .0.as_secs_f64())]
    RateLimited(StdDuration),
}

impl DeliveryError {
    pub fn permanent(problem: Problem, detail: impl Into<String>) -> DeliveryError {
        DeliveryError::Permanent { problem, detail: detail.into() }
    }
}

/// Tries in all before a temporary or rate-limited delivery is given up.
pub const MAX_ATTEMPTS: u32 = 8;
/// The wait after the first temporary failure; it doubles after each one.
pub const FIRST_BACKOFF: Duration = Duration::seconds(30);
/// The longest wait between two tries.
pub const MAX_BACKOFF: Duration = Duration::minutes(30);

/// What to do with a delivery after a failed try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Try again at this instant (never more than [`MAX_BACKOFF`] away).
    RetryAt(DateTime<Utc>),
    /// Stop trying this delivery; the channel itself is fine as far as we know.
    GiveUp,
    /// Stop trying: the channel has this problem until a post there succeeds.
    Blocked(Problem),
}

/// The wait before try number `attempts + 1`, after `attempts` temporary failures.
pub fn backoff(attempts: u32) -> Duration {
    let doublings = attempts.saturating_sub(1).min(16);
    (FIRST_BACKOFF * 2i32.pow(doublings)).min(MAX_BACKOFF)
}

/// What follows a failed try at `now`; `attempts` counts the tries made,
/// this one included.
pub fn after_failure(error: &DeliveryError, attempts: u32, now: DateTime<Utc>) -> Next {
    match error {
        DeliveryError::Permanent { problem, .. } => Next::Blocked(*problem),
        DeliveryError::Rejected(_) => Next::GiveUp,
        _ if attempts >= MAX_ATTEMPTS => Next::GiveUp,
        DeliveryError::Temporary(_) => Next::RetryAt(now + backoff(attempts)),
        DeliveryError::RateLimited(wait) => {
            // At least a second, so a platform saying "0" cannot make a busy loop.
            let wait = Duration::from_std(*wait).unwrap_or(MAX_BACKOFF).clamp(Duration::seconds(1), MAX_BACKOFF);
            Next::RetryAt(now + wait)
        }
    }
}

/// A delivery that went out: the platform's id of the message, and what
/// went wrong alongside it (the discussion thread that could not be opened),
/// which is recorded as the channel's problem for admins to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sent {
    pub message_ref: Option<String>,
    pub warning: Option<(Problem, String)>,
}

impl From<Option<String>> for Sent {
    fn from(message_ref: Option<String>) -> Sent {
        Sent { message_ref, warning: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap().and_utc()
    }

    #[test]
    fn temporary_failures_back_off_doubling_up_to_the_cap_then_give_up() {
        let now = at("2026-11-30 09:00:00");
        let temp = DeliveryError::Temporary("HTTP 502".into());
        let expected = [
            (1, "2026-11-30 09:00:30"),
            (2, "2026-11-30 09:01:00"),
            (3, "2026-11-30 09:02:00"),
            (4, "2026-11-30 09:04:00"),
            (5, "2026-11-30 09:08:00"),
            (6, "2026-11-30 09:16:00"),
            (7, "2026-11-30 09:30:00"),
        ];
        for (attempts, when) in expected {
            assert_eq!(after_failure(&temp, attempts, now), Next::RetryAt(at(when)), "after {attempts} tries");
        }
        assert_eq!(after_failure(&temp, MAX_ATTEMPTS, now), Next::GiveUp);
        assert_eq!(backoff(40), MAX_BACKOFF, "no overflow, however many tries");
    }

    #[test]
    fn a_rate_limit_waits_as_told_and_at_least_a_second() {
        let now = at("2026-11-30 09:00:00");
        let limited = |ms| DeliveryError::RateLimited(StdDuration::from_millis(ms));
        assert_eq!(
            after_failure(&limited(7_500), 1, now),
            Next::RetryAt(at("2026-11-30 09:00:07") + Duration::milliseconds(500))
        );
        assert_eq!(after_failure(&limited(0), 1, now), Next::RetryAt(at("2026-11-30 09:00:01")));
        assert_eq!(after_failure(&limited(1_000), MAX_ATTEMPTS, now), Next::GiveUp, "not forever");
        let forever = DeliveryError::RateLimited(StdDuration::from_secs(u64::MAX));
        assert_eq!(after_failure(&forever, 1, now), Next::RetryAt(now + MAX_BACKOFF), "a wait past reason is capped");
    }

    #[test]
    fn a_permanent_failure_blocks_the_channel_on_the_first_try() {
        let now = at("2026-11-30 09:00:00");
        for problem in Problem::ALL {
            let e = DeliveryError::permanent(problem, "said the platform");
            assert_eq!(after_failure(&e, 1, now), Next::Blocked(problem));
            assert_eq!(Problem::parse(problem.as_str()), Some(problem));
        }
        assert_eq!(Problem::parse("nonsense"), None);
        assert_eq!(after_failure(&DeliveryError::Rejected("400".into()), 1, now), Next::GiveUp);
    }
}
