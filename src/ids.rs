//! The names of things: which platform, and the row ids of servers,
//! channels, users, posts and practice questions. Each id is its own type, so
//! a user's id cannot be passed where a server's is expected.

use std::fmt;

/// Where a command came from and where a delivery goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    /// The local console chat.
    Console,
    Discord,
    Slack,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Platform::Console, Platform::Discord, Platform::Slack];

    /// As stored and logged.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Console => "console",
            Platform::Discord => "discord",
            Platform::Slack => "slack",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A server named on the command line: `PLATFORM:ID`, such as
/// `discord:80351110224678912`, `slack:T024BE7LH` or `console:local`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerRef {
    pub platform: Platform,
    pub id: String,
}

impl ServerRef {
    pub fn parse(s: &str) -> Result<ServerRef, String> {
        let (platform, id) = s.split_once(':').ok_or_else(|| {
            format!("`{s}` is not PLATFORM:ID, such as discord:80351110224678912, slack:T024BE7LH or console:local")
        })?;
        let platform = Platform::parse(platform.trim())
            .ok_or_else(|| format!("`{platform}` is not a platform: use discord, slack or console"))?;
        let id = id.trim();
        if id.is_empty() {
            return Err(format!("`{s}` names no server id after the colon"));
        }
        Ok(ServerRef { platform, id: id.to_string() })
    }
}

impl fmt::Display for ServerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.platform, self.id)
    }
}

macro_rules! row_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

row_id! {
    /// A server (Discord) or workspace (Slack) row.
    GuildId,
    /// A channel row.
    ChannelId,
    /// A player row.
    UserId,
    /// A daily question row.
    PostId,
    /// A practice question row.
    PracticeId,
    /// A weekly recap row.
    RecapId,
}

/// The id a server's own item goes by in posts and cards: `own:<guild
/// row>:<slug>`, unique across servers and never a bank item's id (those
/// are slugs, without `:`).
pub fn own_item_id(guild: GuildId, slug: &str) -> String {
    format!("own:{}:{slug}", guild.0)
}

/// The server and slug of a server's own item id; `None` for a bank item.
pub fn parse_own_item_id(id: &str) -> Option<(GuildId, &str)> {
    let (guild, slug) = id.strip_prefix("own:")?.split_once(':')?;
    Some((GuildId(guild.parse().ok()?), slug))
}

/// Which message of a post a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Question,
    Reveal,
}

/// A message the bot sends on its own: a post's question or reveal, or a
/// weekly recap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sendable {
    Post(PostId, Part),
    Recap(RecapId),
}

impl Sendable {
    /// Whether this is a post's question (the one message that must not be
    /// sent twice where the platform cannot drop a repeat).
    pub fn is_question(self) -> bool {
        matches!(self, Sendable::Post(_, Part::Question))
    }

    pub fn post(self) -> Option<PostId> {
        match self {
            Sendable::Post(post, _) => Some(post),
            Sendable::Recap(_) => None,
        }
    }
}

impl fmt::Display for Sendable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sendable::Post(post, Part::Question) => write!(f, "question of post {post}"),
            Sendable::Post(post, Part::Reveal) => write!(f, "reveal of post {post}"),
            Sendable::Recap(recap) => write!(f, "recap {recap}"),
        }
    }
}

/// Where a delivery goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub platform: Platform,
    pub guild: String,
    pub channel: String,
}

/// The part of a platform's servers one process serves: Discord's shards
/// `first..=last` of `total`. A server belongs to shard
/// `(id >> 22) % total` (Discord's rule), so processes serving disjoint
/// ranges never deliver to the same server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl Share {
    /// Every server: one shard of one.
    pub const ALL: Share = Share { first: 0, last: 0, total: 1 };

    /// Every shard of `total`.
    pub fn all_of(total: u32) -> Share {
        Share { first: 0, last: total.max(1) - 1, total: total.max(1) }
    }

    /// The shard a server id belongs to.
    pub fn shard_of(server: u64, total: u32) -> u32 {
        u32::try_from((server >> 22) % u64::from(total.max(1))).unwrap_or(0)
    }

    /// Whether this share serves the server (ids that are not numbers, such
    /// as direct messages, belong to shard 0, as Discord sends them there).
    pub fn owns(&self, server: &str) -> bool {
        let shard = server.parse().map_or(0, |id| Share::shard_of(id, self.total));
        (self.first..=self.last).contains(&shard)
    }

    pub fn shards(&self) -> std::ops::RangeInclusive<u32> {
        self.first..=self.last
    }

    /// `first-last/total`, or `shard/total` for one shard.
    pub fn parse(s: &str) -> Result<Share, String> {
        let bad = || format!("`{s}` is not a shard range such as `0-3/8` or `2/8`");
        let (range, total) = s.trim().split_once('/').ok_or_else(bad)?;
        let total: u32 = total.trim().parse().map_err(|_| bad())?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (a.trim().parse().map_err(|_| bad())?, b.trim().parse().map_err(|_| bad())?),
            None => {
                let one: u32 = range.trim().parse().map_err(|_| bad())?;
                (one, one)
            }
        };
        if total == 0 {
            return Err(format!("`{s}`: the total number of shards must be at least 1"));
        }
        if first > last || last >= total {
            return Err(format!("`{s}`: shards are numbered 0 to {} and the range must run upwards", total - 1));
        }
        Ok(Share { first, last, total })
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}/{}", self.first, self.last, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ranges_parse_and_servers_fall_on_discords_shard() {
        assert_eq!(Share::parse("0-3/8"), Ok(Share { first: 0, last: 3, total: 8 }));
        assert_eq!(Share::parse("2/8"), Ok(Share { first: 2, last: 2, total: 8 }));
        for bad in ["", "3", "a-b/8", "4-3/8", "0-8/8", "0/0", "1-2"] {
            assert!(Share::parse(bad).is_err(), "{bad}");
        }
        let id: u64 = 197_038_439_483_310_086;
        assert_eq!(Share::shard_of(id, 8), 2, "(id >> 22) % total: 46977624770 % 8");
        let even = Share::parse("0-0/2").unwrap();
        let odd = Share::parse("1-1/2").unwrap();
        let on_zero = (0u64 << 22).to_string();
        let on_one = (1u64 << 22).to_string();
        assert!(even.owns(&on_zero) && !even.owns(&on_one));
        assert!(odd.owns(&on_one) && !odd.owns(&on_zero));
        assert!(even.owns("dm-5") && !odd.owns("dm-5"), "direct messages are shard 0's");
        assert!(Share::ALL.owns(&on_one) && Share::all_of(2).owns(&on_one));
    }
}
