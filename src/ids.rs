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
}

/// Which message of a post a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Question,
    Reveal,
}

/// Where a delivery goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub platform: Platform,
    pub guild: String,
    pub channel: String,
}
