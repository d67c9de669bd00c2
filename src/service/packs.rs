//! `quizmaster pack export|import`: a server's own items (approved
//! suggestions and imported packs) out as a TOML pack in the bundled
//! format, and a pack into a server, all or nothing. A pack with a `lang`
//! (the bundled translations' format) translates items the server already
//! has, approved suggestions included.

use crate::content::own::{from_stored, to_toml};
use crate::content::{Bank, ContentError, Item, parse_server_pack, translation};
use crate::ids::{ServerRef, own_item_id};
use crate::store::Store;

/// Why a pack was not imported: every problem, each naming the file, the
/// item and the field.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{} problem{} in the pack; nothing was imported:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" },
        .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Problems(Vec<ContentError>),
    #[error(
        "{0} has never used the bot in this database; nothing was imported. Check the platform and id, or pass \
         --new to give a server its questions before the bot joins it"
    )]
    UnknownServer(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// A server's own items as a pack, each with its own id; an error naming
/// the server if the database has never seen it.
pub fn export_pack(store: &Store, server: &ServerRef) -> anyhow::Result<String> {
    let guild = super::find_server(store, server)?;
    let mut out = format!("# The own questions of {server}: `quizmaster pack import` takes this file.\n");
    for own in store.own_items(guild)? {
        // Read back and written again: what goes out always parses.
        let item = from_stored(&own.item, &own_item_id(guild, &own.slug))
            .map_err(|e| anyhow::anyhow!("item `{}` of {server} does not read: {e}", own.slug))?;
        out.push('\n');
        out.push_str(&to_toml(&item, &own.slug));
    }
    Ok(out)
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    /// This many items were added.
    Added(usize),
    /// This many of the server's items were translated into `lang`.
    Translated { items: usize, lang: crate::i18n::Lang },
}

/// Adds a pack's items to a server's own items: every item passes the pack
/// rules (`topic` optional, a category of the bank) and has an id the
/// server does not use yet, or none is added. A translation pack (with a
/// `lang`) translates items the server has instead, all or none.
pub fn import_pack(
    store: &mut Store,
    bank: &Bank,
    server: &ServerRef,
    file: &str,
    text: &str,
    now: chrono::DateTime<chrono::Utc>,
    new_server: bool,
) -> Result<Imported, ImportError> {
    if !new_server && store.find_guild(server.platform, &server.id)?.is_none() {
        return Err(ImportError::UnknownServer(server.to_string()));
    }
    if let Ok(table) = toml::from_str::<toml::Table>(text)
        && translation::is_translation(&table)
    {
        return import_translation(store, server, file, &table);
    }
    let (pack, mut errors) = parse_server_pack(file, text, bank.categories());
    for item in pack.items.iter().filter(|i| i.retired) {
        errors.push(ContentError::item(
            file,
            &format!("`{}`", item.id),
            Some("retired"),
            "a server's pack holds questions to ask: leave retired items out".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(ImportError::Problems(errors));
    }
    let rows: Vec<(String, String, String, bool)> =
        pack.items.iter().map(|i| (i.id.clone(), i.category.clone(), to_toml(i, &i.id), i.is_discussion())).collect();
    let guild = store.ensure_guild(server.platform, &server.id)?;
    let taken = store.import_own_items(guild, &rows, now)?;
    if !taken.is_empty() {
        return Err(ImportError::Problems(
            taken
                .iter()
                .map(|id| {
                    ContentError::item(
                        file,
                        &format!("`{id}`"),
                        Some("id"),
                        format!("{server} already has an item `{id}`: give this one another id"),
                    )
                })
                .collect(),
        ));
    }
    Ok(Imported::Added(rows.len()))
}

/// Adds a translation pack's words to the server's own items it names: all
/// of them, or none when one does not check. Returns how many were translated.
fn import_translation(
    store: &mut Store,
    server: &ServerRef,
    file: &str,
    table: &toml::Table,
) -> Result<Imported, ImportError> {
    let Some(guild) = store.find_guild(server.platform, &server.id)? else {
        return Err(ImportError::UnknownServer(server.to_string()));
    };
    let mut items: Vec<(String, Item)> = Vec::new();
    for own in store.own_items(guild)? {
        let item = from_stored(&own.item, &own.slug)
            .map_err(|e| ImportError::Problems(vec![ContentError::item(file, &format!("`{}`", own.slug), None, e)]))?;
        items.push((own.slug, item));
    }
    let (parsed, errors) = translation::parse(file, table, |id| items.iter().find(|(s, _)| s == id).map(|(_, i)| i));
    let Some(lang) = parsed.lang.filter(|_| errors.is_empty()) else {
        return Err(ImportError::Problems(errors));
    };
    let mut rows = Vec::new();
    for (slug, text) in parsed.items {
        let Some((_, item)) = items.iter_mut().find(|(s, _)| *s == slug) else { continue };
        item.translations.retain(|(l, _)| *l != lang);
        item.translations.push((lang, text));
        rows.push((slug.clone(), to_toml(item, &slug)));
    }
    store.update_own_items(guild, &rows)?;
    Ok(Imported::Translated { items: rows.len(), lang })
}
