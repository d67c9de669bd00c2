//! What the bot may do on Discord and how it gets in: the permissions a
//! channel needs as Discord's bits, the invite link that asks for them, and
//! what a refused token means.

use serenity::all::Permissions;

use crate::delivery::Permission;

/// Discord's bit for one of the permissions a channel needs.
fn bit(need: Permission) -> Permissions {
    match need {
        Permission::ViewChannel => Permissions::VIEW_CHANNEL,
        Permission::SendMessages => Permissions::SEND_MESSAGES,
        Permission::EmbedLinks => Permissions::EMBED_LINKS,
        Permission::ReadMessageHistory => Permissions::READ_MESSAGE_HISTORY,
        Permission::CreatePublicThreads => Permissions::CREATE_PUBLIC_THREADS,
        Permission::SendMessagesInThreads => Permissions::SEND_MESSAGES_IN_THREADS,
    }
}

/// The permissions the daily question needs that Discord says the bot has.
pub(super) fn granted(p: Permissions) -> Vec<Permission> {
    Permission::needed(true).into_iter().filter(|need| p.contains(bit(*need))).collect()
}

/// The link that adds the bot to a server with every permission it uses:
/// what a channel needs (threads included) and Attach Files for the weekly
/// recap's chart; the `bot` and `applications.commands` scopes.
pub fn invite_url(application: u64) -> String {
    let permissions =
        Permission::needed(true).into_iter().map(bit).fold(Permissions::ATTACH_FILES, |all, p| all | p).bits();
    format!(
        "https://discord.com/oauth2/authorize?client_id={application}&scope=bot%20applications.commands&permissions={permissions}"
    )
}

/// A 401 from Discord means the token is wrong or was reset: say which
/// setting holds it and where a good one comes from.
pub(super) fn refused_token(e: serenity::Error) -> anyhow::Error {
    use serenity::http::HttpError;
    match &e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401 => anyhow::anyhow!(
            "Discord refused discord.token (401 Unauthorized): it is mistyped or was reset. Copy a fresh one \
             (Developer Portal → your application → Bot → Reset Token) into discord.token or \
             QUIZMASTER__DISCORD__TOKEN"
        ),
        _ => anyhow::Error::from(e),
    }
}
