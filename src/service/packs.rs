//! `quizmaster pack export|import`: a server's own items (approved
//! suggestions and imported packs) out as a TOML pack in the bundled
//! format, and a pack into a server, all or nothing.

use crate::content::own::{from_stored, to_toml};
use crate::content::{Bank, ContentError, parse_server_pack};
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

/// Adds a pack's items to a server's own items: every item passes the pack
/// rules (`topic` optional, a category of the bank) and has an id the
/// server does not use yet, or none is added. Returns how many were.
pub fn import_pack(
    store: &mut Store,
    bank: &Bank,
    server: &ServerRef,
    file: &str,
    text: &str,
    now: chrono::DateTime<chrono::Utc>,
    new_server: bool,
) -> Result<usize, ImportError> {
    if !new_server && store.find_guild(server.platform, &server.id)?.is_none() {
        return Err(ImportError::UnknownServer(server.to_string()));
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
    let rows: Vec<(String, String, String)> =
        pack.items.iter().map(|i| (i.id.clone(), i.category.clone(), to_toml(i, &i.id))).collect();
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
    Ok(rows.len())
}
