//! Discord: `/quiz` and `/quizadmin` slash commands and answer buttons,
//! received over the gateway (serenity's client, one per shard) or over
//! HTTP (`POST /discord/interactions`, signed by Discord), or both; and the
//! daily question posted and edited over REST. The gateway asks for the
//! GUILDS and GUILD_MESSAGES intents, never a privileged one. Options and buttons become [`Command`]s for the service;
//! replies come back as messages with mentions switched off, so no display
//! name can ever ping anyone.

mod access;
mod commands;
mod endpoint;
mod gateway;
#[cfg(test)]
mod limits_tests;
mod poster;
mod render;
mod respond;
mod welcome;

pub use access::invite_url;
use access::{granted, refused_token};
pub use commands::{commands, to_command};
pub use endpoint::MAX_BODY;
pub use poster::Poster;
pub use render::{STYLE, escape};

use std::sync::Arc;
use std::time::Duration as StdDuration;

use anyhow::Context as _;
use secrecy::{ExposeSecret, SecretString};
use serenity::all::{
    ActionRowComponent, ChannelId, CommandInteraction, ComponentInteraction, GuildId, Http, HttpBuilder, Interaction,
    ModalInteraction, Permissions,
};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::command::{AdminCommand, Command, RETRY_BUTTON, parse_button, parse_form};
use crate::config::{DiscordSettings, Shards};
use crate::i18n::{Lang, Msg};
use crate::ids::{Platform, Share};
use crate::msg;
use crate::reply::{Body, FormCard, Reply, Visibility};
use crate::scheduler::{self, Clock, Deliver};
use crate::service::{Ctx, Locale, Service};
use render::Said;
use respond::{Answer, defer, finish_deferred, respond_over_rest, within};

pub const PLATFORM: Platform = Platform::Discord;
/// Past this, an interaction is deferred and answered by an edit, well inside
/// Discord's three seconds.
const ANSWER_WITHIN: StdDuration = StdDuration::from_millis(1500);

// ---------------------------------------------------------------- interactions

/// A member's name as the server shows it: their nickname there, else
/// their global display name, else their username.
fn display_name(nick: Option<String>, user: &serenity::all::User) -> String {
    nick.or_else(|| user.global_name.clone()).unwrap_or_else(|| user.name.clone())
}

/// Turns interactions, however they arrive, into the service's replies.
pub(crate) struct Interactions {
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    /// The REST client answers go through (deferred edits, gateway callbacks).
    http: Arc<Http>,
    /// Each member's last form that was not accepted, to open again filled
    /// in (a modal cannot stay open to show its problems).
    retries: Arc<Retries>,
}

/// Forms to open again, by server and user (the last one that was not
/// accepted there); kept until one is accepted, for an hour at most, and
/// bounded.
#[derive(Default)]
pub(crate) struct Retries(std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, FormCard)>>);

impl Retries {
    const KEEP: StdDuration = StdDuration::from_secs(3600);
    const MAX: usize = 10_000;

    fn put(&self, user: String, form: FormCard) {
        let mut map = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() >= Self::MAX {
            map.retain(|_, (at, _)| at.elapsed() < Self::KEEP);
            if map.len() >= Self::MAX {
                map.clear();
            }
        }
        map.insert(user, (std::time::Instant::now(), form));
    }

    fn get(&self, key: &str) -> Option<FormCard> {
        let map = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(key).filter(|(at, _)| at.elapsed() < Self::KEEP).map(|(_, form)| form.clone())
    }

    fn forget(&self, key: &str) {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(key);
    }

    fn key(guild: Option<GuildId>, user: &serenity::all::User) -> String {
        format!("{}:{}", guild.map_or(0, GuildId::get), user.id)
    }
}

impl Interactions {
    fn ctx(
        &self,
        guild: Option<GuildId>,
        channel: ChannelId,
        user: &serenity::all::User,
        member: Option<&serenity::all::Member>,
        (locale, guild_locale): (&str, Option<&str>),
    ) -> Ctx {
        let permissions = member.and_then(|m| m.permissions).unwrap_or_else(Permissions::empty);
        let name = display_name(member.and_then(|m| m.nick.clone()), user);
        Ctx {
            platform: PLATFORM,
            guild: guild.map_or_else(|| format!("dm-{}", user.id), |g| g.to_string()),
            channel: channel.to_string(),
            user_id: user.id.to_string(),
            user_name: name,
            // Re-checked on every call from what Discord says of this member here.
            is_admin: permissions.contains(Permissions::MANAGE_GUILD)
                || permissions.contains(Permissions::ADMINISTRATOR),
            now: self.clock.now(),
            locale: Locale::from_tags(Some(locale), guild_locale),
        }
    }

    /// The service's reply to a command, or the reason it was not understood.
    fn run(&self, ctx: Ctx, cmd: Result<Command, Msg>) -> JoinHandle<Reply> {
        let service = Arc::clone(&self.service);
        tokio::spawn(async move {
            match cmd {
                Ok(cmd) => service.handle_async(ctx, cmd).await,
                Err(refusal) => Reply::error(refusal),
            }
        })
    }

    /// The reply being worked out for a command, a button or a form,
    /// started at once, and the language to show it in: the one the service
    /// chose, else (a reply made here) the member's own (Discord's
    /// `locale`) for what only they see, the server's (`guild_locale`) for
    /// what the channel sees, en-US where we speak neither. `None` for what
    /// needs no reply.
    fn job(&self, interaction: &Interaction) -> Option<JoinHandle<Said>> {
        let (mine, server) = match interaction {
            Interaction::Command(c) => (c.locale.as_str(), c.guild_locale.as_deref()),
            Interaction::Component(c) => (c.locale.as_str(), c.guild_locale.as_deref()),
            Interaction::Modal(m) => (m.locale.as_str(), m.guild_locale.as_deref()),
            _ => return None,
        };
        let server = server.and_then(Lang::negotiate);
        let mine = Lang::negotiate(mine).or(server).unwrap_or_default();
        let server = server.unwrap_or_default();
        let job = self.reply_job(interaction)?;
        Some(tokio::spawn(async move {
            let reply = job.await.unwrap_or_else(|_| Reply::error(msg!("our-fault")));
            let lang = reply.lang.unwrap_or(if reply.visibility == Visibility::Private { mine } else { server });
            Said { reply, lang }
        }))
    }

    fn reply_job(&self, interaction: &Interaction) -> Option<JoinHandle<Reply>> {
        match interaction {
            Interaction::Command(cmd) if matches!(cmd.data.name.as_str(), "quiz" | "quizadmin") => {
                Some(self.command(cmd))
            }
            Interaction::Command(cmd) => {
                // A command registered by an older version, say.
                tracing::warn!(name = %cmd.data.name, "a command that is not ours");
                Some(tokio::spawn(async { Reply::error(msg!("not-our-command")) }))
            }
            Interaction::Component(c) => Some(self.component(c)),
            Interaction::Modal(m) => Some(self.modal(m)),
            _ => None,
        }
    }

    fn command(&self, cmd: &CommandInteraction) -> JoinHandle<Reply> {
        let max = self.service.rules().max_input_chars;
        let parsed = to_command(&cmd.data.name, &cmd.data.options, max).map_err(|e| e.msg()).map(|c| match c {
            Command::Admin(AdminCommand::Check { .. }) => {
                Command::Admin(AdminCommand::Check { granted: cmd.app_permissions.map(granted) })
            }
            other => other,
        });
        let ctx = self.ctx(
            cmd.guild_id,
            cmd.channel_id,
            &cmd.user,
            cmd.member.as_deref(),
            (&cmd.locale, cmd.guild_locale.as_deref()),
        );
        self.run(ctx, in_a_server(cmd.guild_id, parsed))
    }

    fn component(&self, c: &ComponentInteraction) -> JoinHandle<Reply> {
        if c.data.custom_id == RETRY_BUTTON {
            // Kept until a submission is accepted: closing the modal loses nothing.
            let reply = match self.retries.get(&Retries::key(c.guild_id, &c.user)) {
                Some(form) => Reply::private(Body::Form(form)),
                None => Reply::error(msg!("retry-gone")),
            };
            return tokio::spawn(async move { reply });
        }
        let parsed = parse_button(&c.data.custom_id).ok_or_else(|| {
            tracing::warn!(custom_id = %c.data.custom_id, "a button that is not ours");
            msg!("not-our-button")
        });
        let ctx =
            self.ctx(c.guild_id, c.channel_id, &c.user, c.member.as_ref(), (&c.locale, c.guild_locale.as_deref()));
        self.run(ctx, parsed)
    }
}

impl Interactions {
    /// A submitted form: its text inputs by custom id.
    fn modal(&self, m: &ModalInteraction) -> JoinHandle<Reply> {
        let parsed = parse_form(&m.data.custom_id, &modal_fields(m)).ok_or_else(|| {
            tracing::warn!(custom_id = %m.data.custom_id, "a form that is not ours");
            msg!("not-our-button")
        });
        let ctx =
            self.ctx(m.guild_id, m.channel_id, &m.user, m.member.as_ref(), (&m.locale, m.guild_locale.as_deref()));
        let job = self.run(ctx, in_a_server(m.guild_id, parsed));
        let (retries, key) = (Arc::clone(&self.retries), Retries::key(m.guild_id, &m.user));
        tokio::spawn(async move {
            let reply = job.await.unwrap_or_else(|_| Reply::error(msg!("our-fault")));
            match &reply.body {
                Body::Invalid(invalid) => retries.put(key, invalid.retry.clone()),
                _ => retries.forget(&key),
            }
            reply
        })
    }
}

/// A submitted modal's text inputs: (custom id, value).
fn modal_fields(m: &ModalInteraction) -> Vec<(String, String)> {
    m.data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|c| match c {
            ActionRowComponent::InputText(t) => Some((t.custom_id.clone(), t.value.clone().unwrap_or_default())),
            _ => None,
        })
        .collect()
}

/// A request body read as the interactions endpoint and the gateway read
/// it, down to the command it carries, without running it: the surface the
/// `requests` fuzz target drives. `None` for what carries no command of ours.
#[doc(hidden)]
pub fn read_interaction(body: &[u8], max_chars: usize) -> Result<Option<Command>, String> {
    let interaction: Interaction = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    Ok(match &interaction {
        Interaction::Command(c) => {
            Some(to_command(&c.data.name, &c.data.options, max_chars).map_err(|e| e.to_string())?)
        }
        Interaction::Component(c) => parse_button(&c.data.custom_id),
        Interaction::Modal(m) => parse_form(&m.data.custom_id, &modal_fields(m)),
        _ => None,
    })
}

/// Suggestions belong to a server: none from a direct message.
fn in_a_server(guild: Option<GuildId>, cmd: Result<Command, Msg>) -> Result<Command, Msg> {
    match cmd {
        Ok(Command::Suggest { .. } | Command::SubmitSuggestion(_)) if guild.is_none() => Err(msg!("suggest-in-server")),
        other => other,
    }
}

// ---------------------------------------------------------------- running

/// The REST client, pointed at `api_base_url` when set (tests, proxies).
pub fn http(settings: &DiscordSettings, token: &SecretString) -> Http {
    let mut builder = HttpBuilder::new(token.expose_secret());
    if let Some(base) = &settings.api_base_url {
        // serenity sends to a proxy only with its own rate limiter off.
        builder = builder.proxy(base.as_str().trim_end_matches('/')).ratelimiter_disabled(true);
    }
    builder.build()
}

/// Registers `/quiz` and `/quizadmin` over REST: in the configured guilds
/// (instant), else globally.
async fn register_commands(http: &Http, service: &Service, guild_ids: &[u64]) {
    let bank = service.bank();
    let commands = commands(&bank.categories().iter().map(|c| (c.clone(), bank.title(c))).collect::<Vec<_>>());
    if guild_ids.is_empty() {
        if let Err(e) = serenity::all::Command::set_global_commands(http, commands).await {
            tracing::error!(error = %e, "could not register the global commands");
        }
    } else {
        for id in guild_ids {
            if let Err(e) = GuildId::new(*id).set_commands(http, commands.clone()).await {
                tracing::error!(guild = id, error = %e, "could not register the guild commands");
            }
        }
    }
}

/// Runs Discord until `cancel` fires: the gateway shards (unless
/// `discord.gateway` is off), the HTTP interactions endpoint on `endpoint`
/// (when given), and the scheduler posting through REST to the servers of
/// this process's shards. Cancels the rest of the app if either fails.
pub async fn run(
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    settings: &DiscordSettings,
    concurrency: usize,
    endpoint: Option<(crate::platform::listen::Listener, [u8; 32])>,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let Some(token) = &settings.token else { anyhow::bail!("discord.token is not set") };
    let rest = Arc::new(http(settings, token));
    // Deferred replies are edits through the application's webhook.
    let application = rest
        .get_current_application_info()
        .await
        .map_err(refused_token)
        .context("reading the application (GET /oauth2/applications/@me)")?
        .id;
    rest.set_application_id(application);
    tracing::info!(link = %invite_url(application.get()), "add Quizmaster to a server with this link");
    let gateway = if settings.gateway {
        let bot = rest.get_bot_gateway().await.context("asking Discord how to connect (GET /gateway/bot)")?;
        let share = match settings.shards {
            Shards::Auto => Share::all_of(bot.shards),
            Shards::Range(share) => share,
        };
        Some((share, bot.session_start_limit.max_concurrency))
    } else {
        None
    };
    let share = match (gateway, settings.shards) {
        (Some((share, _)), _) | (None, Shards::Range(share)) => share,
        (None, Shards::Auto) => Share::ALL,
    };
    tracing::info!(%share, gateway = settings.gateway, endpoint = endpoint.is_some(), "starting Discord");
    if share.first == 0 {
        register_commands(&rest, &service, &settings.guild_ids).await;
    }
    let interactions = Arc::new(Interactions {
        service: Arc::clone(&service),
        clock: Arc::clone(&clock),
        http: Arc::clone(&rest),
        retries: Arc::default(),
    });
    let shared = service.is_shared().then(|| Arc::clone(&service));
    let poster: Arc<dyn Deliver> =
        Arc::new(Poster::new(Arc::clone(&rest), settings.requests_per_second, concurrency, shared));
    let scheduled = scheduler::run(service, clock, poster, cancel.clone());
    let shards = async {
        match gateway {
            Some((share, max_concurrency)) => {
                gateway::run(
                    settings,
                    Arc::clone(&interactions),
                    share,
                    max_concurrency,
                    application.get(),
                    cancel.clone(),
                )
                .await
            }
            None => Ok(()),
        }
    };
    let http_endpoint = async {
        let Some((listener, key)) = endpoint else { return Ok(()) };
        let r = endpoint::serve(listener, Arc::clone(&interactions), key, cancel.clone()).await;
        cancel.cancel();
        r
    };
    let (g, e, ()) = tokio::join!(shards, http_endpoint, scheduled);
    g.and(e)
}
