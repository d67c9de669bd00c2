//! Servers, users and channels.

use rusqlite::{OptionalExtension, params};

use super::{ChannelId, GuildId, Platform, Result, Store, UserId};

impl Store {
    /// The rows of a server, one of its channels and a user, if all three
    /// were seen before, with the name stored for the user. Reads only.
    pub fn known(
        &self,
        platform: Platform,
        guild: &str,
        channel: &str,
        user: &str,
    ) -> Result<Option<(GuildId, ChannelId, UserId, String)>> {
        let place: Option<(GuildId, ChannelId)> = self
            .conn
            .prepare_cached(
                "SELECT g.id, c.id FROM guilds g JOIN channels c ON c.guild_id = g.id AND c.external_id = ?3
                 WHERE g.platform = ?1 AND g.external_id = ?2",
            )?
            .query_row(params![platform, guild, channel], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((guild, channel)) = place else { return Ok(None) };
        let person: Option<(UserId, String)> = self
            .conn
            .prepare_cached("SELECT id, display_name FROM users WHERE platform = ?1 AND external_id = ?2")?
            .query_row(params![platform, user], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(person.map(|(user, name)| (guild, channel, user, name)))
    }

    /// The row for a server, created on first sight. Reads first: after the
    /// first sight this costs no write.
    pub fn ensure_guild(&mut self, platform: Platform, external_id: &str) -> Result<GuildId> {
        let found = self
            .conn
            .prepare_cached("SELECT id FROM guilds WHERE platform = ?1 AND external_id = ?2")?
            .query_row(params![platform, external_id], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.exec(
            "INSERT INTO guilds (platform, external_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![platform, external_id],
        )?;
        Ok(self.one(
            "SELECT id FROM guilds WHERE platform = ?1 AND external_id = ?2",
            params![platform, external_id],
            |r| r.get(0),
        )?)
    }

    pub fn set_guild_timezone(&mut self, guild: GuildId, zone: &str) -> Result<()> {
        self.exec("UPDATE guilds SET timezone = ?2 WHERE id = ?1", params![guild, zone])?;
        Ok(())
    }

    /// The row for a user, created on first sight; the display name follows
    /// the latest seen. Reads first: an unchanged user costs no write.
    pub fn ensure_user(&mut self, platform: Platform, external_id: &str, display_name: &str) -> Result<UserId> {
        let found: Option<(UserId, String)> = self
            .conn
            .prepare_cached("SELECT id, display_name FROM users WHERE platform = ?1 AND external_id = ?2")?
            .query_row(params![platform, external_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((id, name)) = &found
            && name == display_name
        {
            return Ok(*id);
        }
        Ok(self.one(
            "INSERT INTO users (platform, external_id, display_name) VALUES (?1, ?2, ?3)
             ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
             RETURNING id",
            params![platform, external_id, display_name],
            |r| r.get(0),
        )?)
    }

    /// A user of a platform by external id, or else by display name (case-insensitive).
    pub fn find_user(&self, platform: Platform, id_or_name: &str) -> Result<Option<(UserId, String)>> {
        Ok(self
            .one(
                "SELECT id, display_name FROM users WHERE platform = ?1 AND (external_id = ?2 OR display_name = ?2 COLLATE NOCASE)
                 ORDER BY external_id = ?2 DESC, id LIMIT 1",
                params![platform, id_or_name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    pub fn ensure_channel(&mut self, guild: GuildId, external_id: &str) -> Result<ChannelId> {
        let found = self
            .conn
            .prepare_cached("SELECT id FROM channels WHERE guild_id = ?1 AND external_id = ?2")?
            .query_row(params![guild, external_id], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.exec(
            "INSERT INTO channels (guild_id, external_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![guild, external_id],
        )?;
        Ok(self.one(
            "SELECT id FROM channels WHERE guild_id = ?1 AND external_id = ?2",
            params![guild, external_id],
            |r| r.get(0),
        )?)
    }
}
