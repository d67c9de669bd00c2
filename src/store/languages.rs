//! A server's language: the one its admins chose, and the platform's.

use super::{GuildId, Platform, Result, Store};
use crate::i18n::Lang;

/// A server's language as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GuildLanguage {
    /// Chosen with `/quizadmin language`; `None` follows the platform's.
    pub chosen: Option<Lang>,
    /// The platform's language for the server, as last seen.
    pub seen: Option<Lang>,
}

impl GuildLanguage {
    /// What the server's channels are shown in: the chosen language, else
    /// the platform's (`now`, when the platform has just said it, over the
    /// one last seen), else en-US.
    pub fn shown(self, now: Option<Lang>) -> Lang {
        self.chosen.or(now).or(self.seen).unwrap_or_default()
    }
}

fn lang(tag: Option<String>) -> Option<Lang> {
    tag.as_deref().and_then(Lang::negotiate)
}

/// A server's language from a row's `COALESCE(language, locale)`.
pub(super) fn shown_lang(tag: Option<String>) -> Lang {
    lang(tag).unwrap_or_default()
}

impl Store {
    /// A server's language, by the platform's id for it; `None` for a
    /// server never seen.
    pub fn guild_language(&self, platform: Platform, external_id: &str) -> Result<Option<GuildLanguage>> {
        self.conn.opt(
            "SELECT language, locale FROM guilds WHERE platform = ?1 AND external_id = ?2",
            sql_params![platform, external_id],
            |r| Ok(GuildLanguage { chosen: lang(r.get(0)?), seen: lang(r.get(1)?) }),
        )
    }

    /// A server's language, by its row.
    pub fn language_of(&self, guild: GuildId) -> Result<GuildLanguage> {
        self.conn.one("SELECT language, locale FROM guilds WHERE id = ?1", sql_params![guild], |r| {
            Ok(GuildLanguage { chosen: lang(r.get(0)?), seen: lang(r.get(1)?) })
        })
    }

    /// Sets the language a server's admins chose (`None`: the platform's).
    pub fn set_guild_language(&mut self, guild: GuildId, chosen: Option<Lang>) -> Result<()> {
        self.exec("UPDATE guilds SET language = ?2 WHERE id = ?1", sql_params![guild, chosen.map(Lang::tag)])?;
        Ok(())
    }

    /// Records the platform's language for a server (a server not yet
    /// stored is left alone). Writes only when it changed.
    pub fn note_guild_locale(&mut self, platform: Platform, external_id: &str, seen: Lang) -> Result<()> {
        self.exec(
            "UPDATE guilds SET locale = ?3 WHERE platform = ?1 AND external_id = ?2 AND (locale IS NULL OR locale != ?3)",
            sql_params![platform, external_id, seen.tag()],
        )?;
        Ok(())
    }
}
