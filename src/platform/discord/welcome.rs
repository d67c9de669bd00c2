//! The bot introduces itself when it is added to a server: one short
//! message in the server's system channel saying how to start.
//!
//! Discord sends GUILD_CREATE for every server at each connect, not only on
//! a join, so the message goes out only when the bot joined in the last ten
//! minutes (the event's `joined_at`), and a slot in the database (shared by
//! every process) keeps a reconnect or a second shard process from sending
//! it twice. A server with no system channel, or one the bot may not post
//! in, gets nothing: the install page and `/quiz help` say the same.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use serenity::all::{CreateMessage, Guild, HttpError};

use super::Interactions;
use super::render::{no_mentions, t};
use crate::i18n::Lang;
use crate::msg;

/// A GUILD_CREATE for a server joined longer ago than this is a reconnect.
const JUST_JOINED: chrono::Duration = chrono::Duration::minutes(10);
/// How long the slot that says "welcomed" is held: past `JUST_JOINED`.
const WELCOMED_FOR: StdDuration = StdDuration::from_secs(3600);

/// Whether a server the bot was added to at `joined` is new at `now`.
pub(super) fn just_joined(joined: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - joined <= JUST_JOINED && joined <= now + chrono::Duration::minutes(1)
}

/// Posts the welcome in a server just joined, once.
pub(super) async fn welcome(interactions: &Interactions, guild: &Guild) {
    // Discord's `joined_at` is real time, whatever clock the schedules use.
    let now = Utc::now();
    let Some(joined) = DateTime::<Utc>::from_timestamp(guild.joined_at.unix_timestamp(), 0) else { return };
    if !just_joined(joined, now) {
        return;
    }
    let Some(channel) = guild.system_channel_id else {
        tracing::info!(guild = %guild.id, "added to a server with no system channel; no welcome posted");
        return;
    };
    let key = format!("discord-welcome-{}", guild.id);
    match interactions.service.claim_slot(key, WELCOMED_FOR, now).await {
        Ok(None) => {}
        Ok(Some(_)) => return,
        Err(e) => {
            tracing::warn!(guild = %guild.id, error = %e, "cannot tell whether this server was welcomed; not posting");
            return;
        }
    }
    let lang = Lang::negotiate(&guild.preferred_locale).unwrap_or_default();
    let text = t(&msg!("discord-welcome"), lang);
    let message = CreateMessage::new().content(text).allowed_mentions(no_mentions());
    match channel.send_message(&interactions.http, message).await {
        Ok(_) => tracing::info!(guild = %guild.id, "added to a server; welcome posted in its system channel"),
        Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) if r.status_code.as_u16() == 403 => {
            tracing::info!(guild = %guild.id, "added to a server; may not post in its system channel, so no welcome");
        }
        Err(e) => tracing::warn!(guild = %guild.id, error = %e, "could not post the welcome"),
    }
}

#[cfg(test)]
mod tests {
    use super::just_joined;
    use chrono::{TimeZone, Utc};

    #[test]
    fn only_a_join_in_the_last_ten_minutes_is_new() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        assert!(just_joined(now, now));
        assert!(just_joined(now - chrono::Duration::minutes(10), now));
        assert!(!just_joined(now - chrono::Duration::minutes(10) - chrono::Duration::seconds(1), now));
        assert!(!just_joined(now - chrono::Duration::days(300), now), "a reconnect to an old server");
        assert!(just_joined(now + chrono::Duration::seconds(30), now), "Discord's clock a little ahead");
        assert!(!just_joined(now + chrono::Duration::hours(2), now));
    }
}
