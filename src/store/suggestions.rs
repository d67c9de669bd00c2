//! Members' suggestions and their review, and each server's own items
//! (approved suggestions and imported packs). Items are stored as a pack's
//! `[[item]]` text; the service parses them with the pack rules.

use chrono::{DateTime, Utc};

use super::db::Row;
use super::{GuildId, Result, Store, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionState {
    Pending,
    Approved,
    Rejected,
}

impl SuggestionState {
    fn parse(s: &str) -> SuggestionState {
        match s {
            "approved" => SuggestionState::Approved,
            "rejected" => SuggestionState::Rejected,
            _ => SuggestionState::Pending,
        }
    }
}

/// A suggestion as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    /// The author and their display name; `None` once they were forgotten.
    pub author: Option<(UserId, String)>,
    pub state: SuggestionState,
    /// The item as a pack's `[[item]]` table.
    pub item: String,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One of a server's own items as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnItem {
    pub slug: String,
    pub item: String,
    /// Who suggested it, by display name, while they are known.
    pub author: Option<String>,
    /// Who changed it in review, by display name, while they are known.
    pub editor: Option<String>,
}

const OWN: &str = "SELECT o.slug, o.item, u.display_name, e.display_name FROM own_items o
     LEFT JOIN users u ON u.id = o.author_id LEFT JOIN users e ON e.id = o.edited_by";

const SUGGESTION: &str = "SELECT s.id, s.author_id, u.display_name, s.state, s.item, s.reason, s.created_at
     FROM suggestions s LEFT JOIN users u ON u.id = s.author_id";

fn suggestion_from_row(r: &Row<'_>) -> Result<Suggestion> {
    let author: Option<UserId> = r.get(1)?;
    let name: Option<String> = r.get(2)?;
    Ok(Suggestion {
        id: r.get(0)?,
        author: author.map(|a| (a, name.unwrap_or_default())),
        state: SuggestionState::parse(&r.get::<String>(3)?),
        item: r.get(4)?,
        reason: r.get(5)?,
        created_at: r.get::<super::Ms>(6)?.0,
    })
}

impl Store {
    /// Stores a new suggestion, waiting for review; its id.
    pub fn add_suggestion(&mut self, guild: GuildId, author: UserId, item: &str, now: DateTime<Utc>) -> Result<i64> {
        let now_ms = super::millis(now);
        self.write(|tx| {
            tx.one(
                "INSERT INTO suggestions (guild_id, author_id, state, item, created_at)
                 VALUES (?1, ?2, 'pending', ?3, ?4) RETURNING id",
                sql_params![guild, author, item, now_ms],
                |r| r.get(0),
            )
        })
    }

    /// Replaces a pending suggestion's item (a reviewer's edit, credited to
    /// `editor`). False if it is not pending in this server.
    pub fn edit_suggestion(&mut self, guild: GuildId, id: i64, item: &str, editor: UserId) -> Result<bool> {
        self.write(|tx| {
            Ok(tx.exec("UPDATE suggestions SET item = ?3, edited_by = ?4 WHERE guild_id = ?1 AND id = ?2 AND state = 'pending'", sql_params![guild, id, item, editor])? == 1)
        })
    }

    pub fn suggestion(&self, guild: GuildId, id: i64) -> Result<Option<Suggestion>> {
        self.conn.opt(
            &format!("{SUGGESTION} WHERE s.guild_id = ?1 AND s.id = ?2"),
            sql_params![guild, id],
            suggestion_from_row,
        )
    }

    /// The oldest pending suggestion of a server.
    pub fn next_pending(&self, guild: GuildId) -> Result<Option<Suggestion>> {
        self.conn.opt(
            &format!("{SUGGESTION} WHERE s.guild_id = ?1 AND s.state = 'pending' ORDER BY s.id LIMIT 1"),
            sql_params![guild],
            suggestion_from_row,
        )
    }

    /// How many of a server's suggestions wait for review.
    pub fn pending_count(&self, guild: GuildId) -> Result<i64> {
        self.conn.one(
            "SELECT COUNT(*) FROM suggestions WHERE guild_id = ?1 AND state = 'pending'",
            sql_params![guild],
            |r| r.get(0),
        )
    }

    /// How many of a member's suggestions in a server wait for review.
    pub fn pending_by(&self, guild: GuildId, author: UserId) -> Result<i64> {
        self.conn.one(
            "SELECT COUNT(*) FROM suggestions WHERE guild_id = ?1 AND author_id = ?2 AND state = 'pending'",
            sql_params![guild, author],
            |r| r.get(0),
        )
    }

    /// A member's suggestions in a server, newest first.
    pub fn suggestions_by(&self, guild: GuildId, author: UserId) -> Result<Vec<Suggestion>> {
        self.conn.all(
            &format!("{SUGGESTION} WHERE s.guild_id = ?1 AND s.author_id = ?2 ORDER BY s.id DESC"),
            sql_params![guild, author],
            suggestion_from_row,
        )
    }

    /// Turns a pending suggestion down. False if it was not pending.
    pub fn reject_suggestion(
        &mut self,
        guild: GuildId,
        id: i64,
        by: UserId,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let now_ms = super::millis(now);
        self.write(|tx| {
            Ok(tx.exec(
                "UPDATE suggestions SET state = 'rejected', reason = ?4, decided_at = ?5, decided_by = ?3
                 WHERE guild_id = ?1 AND id = ?2 AND state = 'pending'",
                sql_params![guild, id, by, reason, now_ms],
            )? == 1)
        })
    }

    /// Approves a pending suggestion and adds its item to the server's own
    /// items as `slug`, in one transaction. False if it was not pending.
    pub fn approve_suggestion(
        &mut self,
        guild: GuildId,
        id: i64,
        by: UserId,
        own: (&str, &str, &str, bool),
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let now_ms = super::millis(now);
        let (slug, category, item, discussion) = own;
        let kind = if discussion { "discussion" } else { "quiz" };
        self.write(|tx| {
            let changed = tx.exec("UPDATE suggestions SET state = 'approved', decided_at = ?4, decided_by = ?3
                 WHERE guild_id = ?1 AND id = ?2 AND state = 'pending'", sql_params![guild, id, by, now_ms])?;
            if changed == 1 {
                tx.exec("INSERT INTO own_items (guild_id, slug, category, item, kind, author_id, edited_by, suggestion_id, added_at)
                     SELECT guild_id, ?3, ?4, ?5, ?7, author_id, edited_by, id, ?6 FROM suggestions
                     WHERE guild_id = ?1 AND id = ?2", sql_params![guild, id, slug, category, item, now_ms, kind])?;
            }
            Ok(changed == 1)
        })
    }

    /// Adds items (slug, category, item text, whether it is a discussion)
    /// to a server's own items: all of them, or none when a slug is taken
    /// (those slugs are returned).
    pub fn import_own_items(
        &mut self,
        guild: GuildId,
        items: &[(String, String, String, bool)],
        now: DateTime<Utc>,
    ) -> Result<Vec<String>> {
        let now_ms = super::millis(now);
        self.write(|tx| {
            let mut taken = Vec::new();
            for (slug, ..) in items {
                let exists = "SELECT EXISTS (SELECT 1 FROM own_items WHERE guild_id = ?1 AND slug = ?2)";
                if tx.one(exists, sql_params![guild, slug], |r| r.get::<bool>(0))? {
                    taken.push(slug.clone());
                }
            }
            if !taken.is_empty() {
                return Ok(taken);
            }
            for (slug, category, item, discussion) in items {
                let kind = if *discussion { "discussion" } else { "quiz" };
                tx.exec(
                    "INSERT INTO own_items (guild_id, slug, category, item, kind, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    sql_params![guild, slug, category, item, kind, now_ms],
                )?;
            }
            Ok(taken)
        })
    }

    /// Writes new text for some of a server's own items (slug, item text),
    /// all in one transaction: a translation added to each.
    pub fn update_own_items(&mut self, guild: GuildId, items: &[(String, String)]) -> Result<()> {
        self.write(|tx| {
            for (slug, item) in items {
                tx.exec(
                    "UPDATE own_items SET item = ?3 WHERE guild_id = ?1 AND slug = ?2",
                    sql_params![guild, slug, item],
                )?;
            }
            Ok(())
        })
    }

    /// The slugs and categories of a server's own questions to answer (or,
    /// with `discussions`, its discussion prompts): what its questions may
    /// be chosen from, beside the bank.
    pub fn own_pool(&self, guild: GuildId, discussions: bool) -> Result<Vec<(String, String)>> {
        let kind = if discussions { "discussion" } else { "quiz" };
        self.all(
            "SELECT slug, category FROM own_items WHERE guild_id = ?1 AND kind = ?2 ORDER BY slug",
            sql_params![guild, kind],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Every slug a server's own items use.
    pub fn own_slugs(&self, guild: GuildId) -> Result<Vec<String>> {
        self.all("SELECT slug FROM own_items WHERE guild_id = ?1", sql_params![guild], |r| r.get(0))
    }

    pub fn own_item(&self, guild: GuildId, slug: &str) -> Result<Option<OwnItem>> {
        self.conn.opt(&format!("{OWN} WHERE o.guild_id = ?1 AND o.slug = ?2"), sql_params![guild, slug], own_from_row)
    }

    /// Every own item of a server, by slug.
    pub fn own_items(&self, guild: GuildId) -> Result<Vec<OwnItem>> {
        self.conn.all(&format!("{OWN} WHERE o.guild_id = ?1 ORDER BY o.slug"), sql_params![guild], own_from_row)
    }
}

fn own_from_row(r: &Row<'_>) -> Result<OwnItem> {
    Ok(OwnItem { slug: r.get(0)?, item: r.get(1)?, author: r.get(2)?, editor: r.get(3)? })
}
