//! Which language a reply is shown in, and the bank's words in it.
//!
//! A reply only its asker sees is in their own language (as the platform
//! tells it), else the server's. What a channel sees is in the server's
//! language: the one its admins chose with `/quizadmin language`, else the
//! platform's setting for the server (Discord's `guild_locale`, a Slack
//! installer's locale), else en-US. A language with a region we do not
//! have falls back to its language (`es-MX` is `es-ES`), an unknown one to
//! en-US. The server's choice is read through a small cache, so another
//! process sees a change within [`FRESH`].

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Ctx, Service};
use crate::content::{Bank, Item, ItemKind};
use crate::i18n::Lang;
use crate::ids::Platform;
use crate::reply::{Body, Reply, Visibility};
use crate::store::{GuildLanguage, Store};

/// How long a server's language is taken from memory.
pub const FRESH: Duration = Duration::from_secs(30);
/// Servers remembered at most; the cache starts again when it is full.
const REMEMBERED: usize = 10_000;

/// What the platform says of the languages of a command's reader and server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Locale {
    /// The member's own: Discord's `locale`, Slack's user locale, the console's `--locale`.
    pub own: Option<Lang>,
    /// The server's, as the platform has it: Discord's `guild_locale`.
    pub server: Option<Lang>,
}

impl Locale {
    /// From the platform's tags. A member's language we do not speak is
    /// none (their replies follow the server's); a server's is en-US.
    pub fn from_tags(own: Option<&str>, server: Option<&str>) -> Locale {
        Locale {
            own: own.and_then(Lang::negotiate),
            server: server.map(|tag| Lang::negotiate(tag).unwrap_or_default()),
        }
    }
}

/// The servers' languages as last read, by platform and server id.
#[derive(Default)]
pub(super) struct Languages(Mutex<HashMap<(Platform, String), (GuildLanguage, Instant)>>);

impl Languages {
    /// The server's language as last read, and whether this caller should
    /// read it again. One caller refreshes a stale entry while the others
    /// go on with it, so a burst of answers costs one read, not one each.
    fn get(&self, platform: Platform, guild: &str) -> (Option<GuildLanguage>, bool) {
        let mut cache = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match cache.get_mut(&(platform, guild.to_string())) {
            Some((known, at)) if at.elapsed() < FRESH => (Some(*known), false),
            Some((known, at)) => {
                *at = Instant::now();
                (Some(*known), true)
            }
            None => (None, true),
        }
    }

    fn put(&self, platform: Platform, guild: &str, language: GuildLanguage) {
        let mut cache = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if cache.len() >= REMEMBERED {
            cache.clear();
        }
        cache.insert((platform, guild.to_string()), (language, Instant::now()));
    }

    /// Forgets a server's language, after its admins changed it here.
    pub(super) fn forget(&self, platform: Platform, guild: &str) {
        let mut cache = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.remove(&(platform, guild.to_string()));
    }
}

impl Service {
    /// The server's language as stored (through the cache); the platform's
    /// setting for it is recorded when it is new, for what the bot posts on
    /// its own. A server never seen has none yet.
    async fn guild_language(&self, ctx: &Ctx, inline: bool) -> GuildLanguage {
        let known = match self.languages.get(ctx.platform, &ctx.guild) {
            (Some(known), false) => return known,
            (known, _) => known,
        };
        let (platform, guild) = (ctx.platform, ctx.guild.clone());
        let read = move |s: &crate::store::Store| s.guild_language(platform, &guild);
        let stored = match &self.readers {
            Some(readers) => readers.read(inline, read).await,
            None => self.write(move |w| read(&w.store)).await,
        };
        let mut language = match stored {
            Ok(Some(language)) => language,
            Ok(None) => return GuildLanguage { chosen: None, seen: ctx.locale.server },
            Err(e) => {
                tracing::warn!(error = %e, "reading a server's language failed; replying in the one last read");
                return known.unwrap_or(GuildLanguage { chosen: None, seen: ctx.locale.server });
            }
        };
        if let Some(seen) = ctx.locale.server.filter(|s| language.seen != Some(*s)) {
            let guild = ctx.guild.clone();
            if let Err(e) = self.write(move |w| w.store.note_guild_locale(platform, &guild, seen)).await {
                tracing::warn!(error = %e, "recording a server's language failed");
            }
            language.seen = Some(seen);
        }
        self.languages.put(ctx.platform, &ctx.guild, language);
        language
    }

    /// The reply with the language its reader sees it in, and the bank's
    /// words in that language where they are translated.
    pub(super) async fn in_their_language(&self, ctx: &Ctx, mut reply: Reply, inline: bool) -> Reply {
        let own = ctx.locale.own.filter(|_| reply.visibility == Visibility::Private);
        let lang = match own {
            Some(own) => own,
            None => self.guild_language(ctx, inline).await.shown(ctx.locale.server),
        };
        let own = match own_item_named(&reply, lang) {
            Some(id) => self.own_item(id, inline).await,
            None => None,
        };
        in_lang(&mut reply, &self.core.bank, own.as_ref(), lang);
        reply
    }

    /// A server's own item, read for its translations; none (shown as
    /// written) if it cannot be read.
    async fn own_item(&self, id: String, inline: bool) -> Option<Item> {
        let core = std::sync::Arc::clone(&self.core);
        let read = move |s: &Store| super::find_item(s, &core.bank, &id).map(|f| f.map(|f| f.item.into_owned()));
        let found = match &self.readers {
            Some(readers) => readers.read(inline, read).await,
            None => self.write(move |w| read(&w.store)).await,
        };
        found.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "reading a server's item for its translation failed; showing it as written");
            None
        })
    }
}

/// Sets the reply's language to `lang` and puts the item it shows in it
/// (prompt, choices, right answer, explanation, category) where the item
/// is translated: a bank item by the bank's translation, a server's own
/// by its own (`own`: the item as the caller already read it, see
/// [`own_item_named`]). Untranslated items stay as written.
pub(crate) fn in_lang(reply: &mut Reply, bank: &Bank, own: Option<&Item>, lang: Lang) {
    reply.lang = Some(lang);
    if lang == Lang::EnUs {
        return;
    }
    let translated = |id: &str| match own.filter(|o| o.id == id) {
        Some(item) => item_in(bank, item, lang),
        None => bank.in_lang(id, lang),
    };
    match &mut reply.body {
        Body::Question(q) => {
            if let Some(item) = translated(&q.item) {
                q.prompt = item.prompt;
                q.category = bank.title_in(&item.category, lang);
                if let ItemKind::Choice { choices, .. } = item.kind {
                    q.choices = choices;
                }
            }
        }
        Body::Verdict(v) => {
            if let Some(item) = translated(&v.item) {
                v.title = super::text::title_of(&item);
                if v.right_answer.is_some() {
                    v.right_answer = Some(item.right_answer());
                }
                if v.explanation.is_some() {
                    v.explanation = Some(item.explanation);
                }
            }
        }
        Body::Reveal(r) => {
            if let Some(item) = translated(&r.item) {
                r.right_answer = item.right_answer();
                r.prompt = item.prompt;
                r.explanation = item.explanation;
                if let ItemKind::Discussion { notes } = item.kind {
                    r.notes = notes;
                }
            }
        }
        Body::Recap(r) => {
            if let Some((item, prompt, _, _)) = &mut r.hardest
                && let Some(translated) = translated(item)
            {
                *prompt = super::text::title_of(&translated);
            }
        }
        _ => {}
    }
}

/// The id of the server's own item a reply in `lang` shows, if it shows
/// one and `lang` is not the source's: the one item the localisation step
/// must read from the store.
pub(crate) fn own_item_named(reply: &Reply, lang: Lang) -> Option<String> {
    let id = match &reply.body {
        _ if lang == Lang::EnUs => return None,
        Body::Question(q) => &q.item,
        Body::Verdict(v) => &v.item,
        Body::Reveal(r) => &r.item,
        Body::Recap(r) => &r.hardest.as_ref()?.0,
        _ => return None,
    };
    crate::ids::parse_own_item_id(id).map(|_| id.clone())
}

/// [`in_lang`] where the store is at hand (the writer, a reader).
pub(crate) fn in_lang_with(store: &Store, bank: &Bank, reply: &mut Reply, lang: Lang) -> crate::store::Result<()> {
    let own = match own_item_named(reply, lang) {
        Some(id) => super::find_item(store, bank, &id)?.map(|found| found.item.into_owned()),
        None => None,
    };
    in_lang(reply, bank, own.as_ref(), lang);
    Ok(())
}

/// An item in `lang`, where it is translated (a bank item or a server's own).
pub(crate) fn item_in(bank: &Bank, item: &Item, lang: Lang) -> Option<Item> {
    item.own_in_lang(lang).or_else(|| bank.in_lang(&item.id, lang))
}
