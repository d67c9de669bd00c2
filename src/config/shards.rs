//! `discord.shards`: which of the bot's gateway shards this process runs.

use serde::Deserialize;

use crate::ids::Share;

/// `discord.shards`: `auto` (the count Discord recommends, all in this
/// process) or a range of a total such as `0-3/8`, for one of several processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Shards {
    Auto,
    Range(Share),
}

impl TryFrom<String> for Shards {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s.trim() == "auto" { Ok(Shards::Auto) } else { Share::parse(&s).map(Shards::Range) }
    }
}
