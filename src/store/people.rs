//! Servers, users and channels.

use super::{ChannelId, GuildId, Platform, Result, Store, UserId};

/// What forgetting a player (?2) in a server (?1) does beyond their answers
/// and practice answers, in order. A suggestion still waiting is turned
/// down with its text blanked; its row stays so that its number is never
/// given to another (a review button may still name it).
const FORGET: [&str; 10] = [
    "DELETE FROM discussion_takes WHERE user_id = ?2 AND post_id IN
     (SELECT p.id FROM posts p JOIN channels c ON c.id = p.channel_id WHERE c.guild_id = ?1)",
    "DELETE FROM streaks WHERE user_id = ?2 AND channel_id IN (SELECT id FROM channels WHERE guild_id = ?1)",
    "DELETE FROM practice_questions WHERE user_id = ?2 AND guild_id = ?1",
    "DELETE FROM season_standings WHERE user_id = ?2 AND season_id IN (SELECT id FROM seasons WHERE guild_id = ?1)",
    "UPDATE suggestions SET state = 'rejected', item = '', reason = NULL, decided_at = created_at
     WHERE guild_id = ?1 AND author_id = ?2 AND state = 'pending'",
    "UPDATE suggestions SET author_id = NULL WHERE guild_id = ?1 AND author_id = ?2",
    "UPDATE own_items SET author_id = NULL WHERE guild_id = ?1 AND author_id = ?2",
    "UPDATE suggestions SET decided_by = NULL WHERE guild_id = ?1 AND decided_by = ?2",
    "UPDATE suggestions SET edited_by = NULL WHERE guild_id = ?1 AND edited_by = ?2",
    "UPDATE own_items SET edited_by = NULL WHERE guild_id = ?1 AND edited_by = ?2",
];

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
        let place: Option<(GuildId, ChannelId)> = self.conn.opt(
            "SELECT g.id, c.id FROM guilds g JOIN channels c ON c.guild_id = g.id AND c.external_id = ?3
                 WHERE g.platform = ?1 AND g.external_id = ?2",
            sql_params![platform, guild, channel],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((guild, channel)) = place else { return Ok(None) };
        let person: Option<(UserId, String)> = self.conn.opt(
            "SELECT id, display_name FROM users WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, user],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(person.map(|(user, name)| (guild, channel, user, name)))
    }

    /// The row for a server, created on first sight. Reads first: after the
    /// first sight this costs no write.
    pub fn ensure_guild(&mut self, platform: Platform, external_id: &str) -> Result<GuildId> {
        let found = self.conn.opt(
            "SELECT id FROM guilds WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, external_id],
            |r| r.get(0),
        )?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.exec(
            "INSERT INTO guilds (platform, external_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            sql_params![platform, external_id],
        )?;
        self.one(
            "SELECT id FROM guilds WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, external_id],
            |r| r.get(0),
        )
    }

    pub fn set_guild_timezone(&mut self, guild: GuildId, zone: chrono_tz::Tz) -> Result<()> {
        self.exec("UPDATE guilds SET timezone = ?2 WHERE id = ?1", sql_params![guild, zone.name()])?;
        Ok(())
    }

    /// A user's row by platform and external id, made on first sight; its
    /// display name kept as given.
    pub fn ensure_user(&mut self, platform: Platform, external_id: &str, display_name: &str) -> Result<UserId> {
        Ok(self.ensure_user_new(platform, external_id, display_name)?.0)
    }

    /// [`Store::ensure_user`], and whether the row was made just now (a
    /// player seen for the first time has answered nothing yet).
    pub fn ensure_user_new(
        &mut self,
        platform: Platform,
        external_id: &str,
        display_name: &str,
    ) -> Result<(UserId, bool)> {
        // On PostgreSQL each statement is a round trip: write first, which
        // for a new or renamed user is all it takes (`xmax = 0` marks a row
        // inserted rather than updated); an unchanged one returns no row
        // and is read.
        if self.is_postgres() {
            let written = self.opt(
                "INSERT INTO users (platform, external_id, display_name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
                 WHERE users.display_name IS DISTINCT FROM excluded.display_name
                 RETURNING id, CASE WHEN xmax = 0 THEN 1 ELSE 0 END",
                sql_params![platform, external_id, display_name],
                |r| Ok((r.get(0)?, r.get::<i64>(1)? == 1)),
            )?;
            if let Some(written) = written {
                return Ok(written);
            }
            let id = self.one(
                "SELECT id FROM users WHERE platform = ?1 AND external_id = ?2",
                sql_params![platform, external_id],
                |r| r.get(0),
            )?;
            return Ok((id, false));
        }
        let found: Option<(UserId, String)> = self.conn.opt(
            "SELECT id, display_name FROM users WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, external_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if let Some((id, name)) = &found
            && name == display_name
        {
            return Ok((*id, false));
        }
        let id = self.one(
            "INSERT INTO users (platform, external_id, display_name) VALUES (?1, ?2, ?3)
             ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
             RETURNING id",
            sql_params![platform, external_id, display_name],
            |r| r.get(0),
        )?;
        Ok((id, found.is_none()))
    }

    /// A user of a platform by external id, or else by display name (case-insensitive).
    pub fn find_user(&self, platform: Platform, id_or_name: &str) -> Result<Option<(UserId, String)>> {
        self
            .opt(
                "SELECT id, display_name FROM users WHERE platform = ?1 AND (external_id = ?2 OR lower(display_name) = lower(?2))
                 ORDER BY external_id = ?2 DESC, id LIMIT 1",
                sql_params![platform, id_or_name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
    }

    pub fn ensure_channel(&mut self, guild: GuildId, external_id: &str) -> Result<ChannelId> {
        let found = self.conn.opt(
            "SELECT id FROM channels WHERE guild_id = ?1 AND external_id = ?2",
            sql_params![guild, external_id],
            |r| r.get(0),
        )?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.exec(
            "INSERT INTO channels (guild_id, external_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            sql_params![guild, external_id],
        )?;
        self.one(
            "SELECT id FROM channels WHERE guild_id = ?1 AND external_id = ?2",
            sql_params![guild, external_id],
            |r| r.get(0),
        )
    }
}

impl Store {
    /// Deletes what a player left in one server: their daily answers,
    /// the discussions they took part in, streaks, practice questions and answers there, and their rows in its
    /// archived season boards; their practice cards too once nothing of
    /// theirs is left anywhere. Their suggestions still waiting are
    /// withdrawn (see [`FORGET`]); decided ones and approved items stay,
    /// credited to nobody. Returns how many answers went. The server's
    /// board totals must be rebuilt after this.
    pub fn forget_player(&mut self, guild: GuildId, user: UserId) -> Result<usize> {
        self.write(|tx| {
            let answers = tx.exec(
                "DELETE FROM answers WHERE user_id = ?2 AND post_id IN
                     (SELECT p.id FROM posts p JOIN channels c ON c.id = p.channel_id WHERE c.guild_id = ?1)",
                sql_params![guild, user],
            )?;
            let practice = tx.exec(
                "DELETE FROM practice_answers WHERE question_id IN
                     (SELECT id FROM practice_questions WHERE user_id = ?2 AND guild_id = ?1)",
                sql_params![guild, user],
            )?;
            for sql in FORGET {
                tx.exec(sql, sql_params![guild, user])?;
            }
            let left: bool = tx.one(
                "SELECT EXISTS (SELECT 1 FROM answers WHERE user_id = ?1)
                     OR EXISTS (SELECT 1 FROM practice_questions WHERE user_id = ?1)
                     OR EXISTS (SELECT 1 FROM discussion_takes WHERE user_id = ?1)",
                sql_params![user],
                |r| r.get(0),
            )?;
            if !left {
                tx.exec("DELETE FROM cards WHERE user_id = ?1", sql_params![user])?;
            }
            Ok(answers + practice)
        })
    }
}
