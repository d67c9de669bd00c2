//! Discord through serenity's gateway client: `/quiz` and `/quizadmin` slash
//! commands, answer buttons, and the daily question posted and edited over
//! REST. Only the GUILDS intent is asked for. Options and buttons become
//! [`Command`]s for the service; replies come back as messages with mentions
//! switched off, so no display name can ever ping anyone.

mod commands;
mod render;

pub use commands::{commands, to_command};
pub use render::{STYLE, escape};

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use secrecy::{ExposeSecret, SecretString};
use serenity::all::{
    ChannelId, CommandInteraction, ComponentInteraction, Context, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse, EditMessage, EventHandler,
    GatewayIntents, GuildId, Http, HttpBuilder, Interaction, MessageId, Nonce, Permissions, Ready,
};
use serenity::async_trait;
use serenity::http::HttpError;
use tokio_util::sync::CancellationToken;

use crate::command::{AdminCommand, Command, parse_button};
use crate::delivery::{DeliveryError, Permission, Problem};
use crate::ids::{Part, Platform};
use crate::platform::pacing::Pacer;
use crate::reply::Reply;
use crate::scheduler::{self, Clock, Deliver, SendResult};
use crate::service::{Ctx, Outbound, Service, text};
use render::{interaction_edit, interaction_message, no_mentions, render};

pub const PLATFORM: Platform = Platform::Discord;
/// Past this, an interaction is deferred and answered by an edit, well inside
/// Discord's three seconds.
const ANSWER_WITHIN: StdDuration = StdDuration::from_millis(1500);

// ---------------------------------------------------------------- events

struct Handler {
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    guild_ids: Vec<u64>,
}

impl Handler {
    fn ctx(
        &self,
        guild: Option<GuildId>,
        channel: ChannelId,
        user: &serenity::all::User,
        member: Option<&serenity::all::Member>,
    ) -> Ctx {
        let permissions = member.and_then(|m| m.permissions).unwrap_or_else(Permissions::empty);
        let name = member
            .and_then(|m| m.nick.clone())
            .or_else(|| user.global_name.clone())
            .unwrap_or_else(|| user.name.clone());
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
        }
    }

    /// The service's reply to a command, or the reason it was not understood.
    fn run(&self, ctx: Ctx, cmd: Result<Command, String>) -> tokio::task::JoinHandle<Reply> {
        let service = Arc::clone(&self.service);
        tokio::spawn(async move {
            match cmd {
                Ok(cmd) => service.handle_async(ctx, cmd).await,
                Err(refusal) => text::spelled_for(PLATFORM, Reply::error(refusal)),
            }
        })
    }

    async fn command(&self, http: &Http, cmd: &CommandInteraction) {
        let max = self.service.rules().max_input_chars;
        let parsed = to_command(&cmd.data.name, &cmd.data.options, max).map_err(|e| e.to_string()).map(|c| match c {
            Command::Admin(AdminCommand::Check { .. }) => {
                Command::Admin(AdminCommand::Check { granted: cmd.app_permissions.map(granted) })
            }
            other => other,
        });
        let ctx = self.ctx(cmd.guild_id, cmd.channel_id, &cmd.user, cmd.member.as_deref());
        let job = self.run(ctx, parsed);
        respond(job, |m| cmd.create_response(http, m), |e| cmd.edit_response(http, e), cmd.id.get()).await;
    }

    async fn component(&self, http: &Http, c: &ComponentInteraction) {
        let parsed = parse_button(&c.data.custom_id).ok_or_else(|| {
            tracing::warn!(custom_id = %c.data.custom_id, "a button that is not ours");
            text::NOT_OUR_BUTTON.to_string()
        });
        let ctx = self.ctx(c.guild_id, c.channel_id, &c.user, c.member.as_ref());
        let job = self.run(ctx, parsed);
        respond(job, |m| c.create_response(http, m), |e| c.edit_response(http, e), c.id.get()).await;
    }
}

/// The permissions the daily question needs that Discord says the bot has.
fn granted(p: Permissions) -> Vec<Permission> {
    Permission::NEEDED
        .into_iter()
        .filter(|need| {
            p.contains(match need {
                Permission::ViewChannel => Permissions::VIEW_CHANNEL,
                Permission::SendMessages => Permissions::SEND_MESSAGES,
                Permission::EmbedLinks => Permissions::EMBED_LINKS,
                Permission::ReadMessageHistory => Permissions::READ_MESSAGE_HISTORY,
            })
        })
        .collect()
}

/// Answers an interaction: at once if the service is quick, else deferred
/// (ephemeral) and edited when the reply is ready.
async fn respond<'a, C, CF, E, EF>(job: tokio::task::JoinHandle<Reply>, create: C, edit: E, id: u64)
where
    C: Fn(CreateInteractionResponse) -> CF,
    CF: Future<Output = serenity::Result<()>> + 'a,
    E: Fn(EditInteractionResponse) -> EF,
    EF: Future<Output = serenity::Result<serenity::all::Message>> + 'a,
{
    let mut job = job;
    let reply = match tokio::time::timeout(ANSWER_WITHIN, &mut job).await {
        Ok(done) => done.unwrap_or_else(|_| Reply::error(text::OUR_FAULT)),
        Err(_) => {
            let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
            if let Err(e) = create(defer).await {
                tracing::warn!(interaction = id, error = %e, "could not defer an interaction");
            }
            let reply = job.await.unwrap_or_else(|_| Reply::error(text::OUR_FAULT));
            if let Err(e) = edit(interaction_edit(&reply)).await {
                tracing::warn!(interaction = id, error = %e, "could not send a deferred reply");
            }
            return;
        }
    };
    if let Err(e) = create(CreateInteractionResponse::Message(interaction_message(&reply))).await {
        tracing::warn!(interaction = id, error = %e, "could not answer an interaction");
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        let bank = self.service.bank();
        let commands = commands(&bank.categories().iter().map(|c| (c.clone(), bank.title(c))).collect::<Vec<_>>());
        if self.guild_ids.is_empty() {
            if let Err(e) = serenity::all::Command::set_global_commands(&ctx.http, commands).await {
                tracing::error!(error = %e, "could not register the global commands");
            }
        } else {
            for id in &self.guild_ids {
                if let Err(e) = GuildId::new(*id).set_commands(&ctx.http, commands.clone()).await {
                    tracing::error!(guild = id, error = %e, "could not register the guild commands");
                }
            }
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match &interaction {
            Interaction::Command(cmd) if matches!(cmd.data.name.as_str(), "quiz" | "quizadmin") => {
                self.command(&ctx.http, cmd).await;
            }
            Interaction::Command(cmd) => {
                // A command registered by an older version, say.
                tracing::warn!(name = %cmd.data.name, "a command that is not ours");
                let job = tokio::spawn(async { Reply::error(text::NOT_OUR_COMMAND) });
                let http = &ctx.http;
                respond(job, |m| cmd.create_response(http, m), |e| cmd.edit_response(http, e), cmd.id.get()).await;
            }
            Interaction::Component(c) => self.component(&ctx.http, c).await,
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- posting

/// Posts and edits the daily question over REST, paced to Discord's global
/// limit (serenity's own limiter also keeps each route's bucket when it
/// talks to Discord itself).
pub struct Poster {
    pub http: Arc<Http>,
    pace: Pacer<()>,
    concurrency: usize,
}

/// The share of the global limit the sends are paced to. Requests leave on
/// their slots but arrive with a little jitter; at exactly the limit, one
/// late arrival puts 51 requests in some second and Discord answers 429.
const HEADROOM: f64 = 0.95;
impl Poster {
    pub fn new(http: Arc<Http>, requests_per_second: f64, concurrency: usize) -> Poster {
        Poster { http, pace: Pacer::new(requests_per_second * HEADROOM), concurrency }
    }

    async fn send(&self, out: &Outbound) -> SendResult {
        let channel: u64 = out.to.channel.parse().map_err(|_| {
            DeliveryError::permanent(Problem::ChannelGone, format!("`{}` is not a channel id", out.to.channel))
        })?;
        let channel = ChannelId::new(channel);
        let r = render(&out.reply);
        if out.part == Part::Reveal
            && let Some(id) = out.message_ref.as_deref().and_then(|m| m.parse::<u64>().ok())
        {
            let edit = || {
                let edit =
                    EditMessage::new().content(&r.content).components(r.rows.clone()).allowed_mentions(no_mentions());
                channel.edit_message(&self.http, MessageId::new(id), edit)
            };
            match self.pace.call(&(), rate_limited, edit).await {
                Ok(_) => return Ok(None),
                // The question message is gone: post the reveal on its own.
                Err(e) if json_code(&e) == Some(UNKNOWN_MESSAGE) => {
                    tracing::warn!(channel = %channel, message = id, "the question message is gone; posting the reveal");
                }
                Err(e) => return Err(classify(&e)),
            }
        }
        // Discord drops a second message with the same nonce, so a send cut
        // off by a crash can safely be repeated.
        let nonce = format!("qm-{}-{}", out.post, if out.part == Part::Question { "q" } else { "r" });
        let post = || {
            let msg = CreateMessage::new()
                .content(&r.content)
                .components(r.rows.clone())
                .allowed_mentions(no_mentions())
                .nonce(Nonce::String(nonce.clone()))
                .enforce_nonce(true);
            channel.send_message(&self.http, msg)
        };
        let sent = self.pace.call(&(), rate_limited, post).await.map_err(|e| classify(&e))?;
        Ok((out.part == Part::Question).then(|| sent.id.to_string()))
    }
}

/// How long a 429 asks to wait. serenity keeps the body's code and message
/// but not `retry_after`; a second is Discord's global window.
fn rate_limited(e: &serenity::Error) -> Option<StdDuration> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 429 => {
            Some(StdDuration::from_secs(1))
        }
        _ => None,
    }
}

/// Discord's JSON error codes the sender tells apart.
const MISSING_ACCESS: isize = 50001;
const UNKNOWN_MESSAGE: isize = 10008;

fn json_code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.error.code),
        _ => None,
    }
}

/// A failed REST call as a [`DeliveryError`].
fn classify(e: &serenity::Error) -> DeliveryError {
    let serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) = e else {
        // The network, a timeout, or a body that would not decode.
        return DeliveryError::Temporary(e.to_string());
    };
    let detail = format!("{} {}: {}", r.status_code.as_u16(), r.error.code, r.error.message);
    match (r.status_code.as_u16(), r.error.code) {
        (429, _) => DeliveryError::RateLimited(rate_limited(e).unwrap_or(StdDuration::from_secs(1))),
        (401, _) => DeliveryError::permanent(Problem::BotRemoved, detail),
        (403, MISSING_ACCESS) => DeliveryError::permanent(Problem::NoAccess, detail),
        // 50013 Missing Permissions, and any other refusal to post.
        (403, _) => DeliveryError::permanent(Problem::MissingPermissions, detail),
        (404, _) => DeliveryError::permanent(Problem::ChannelGone, detail),
        (s, _) if s >= 500 => DeliveryError::Temporary(detail),
        _ => DeliveryError::Rejected(detail),
    }
}

impl Deliver for Poster {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn dedupes(&self) -> bool {
        true
    }

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = SendResult> + Send + 'a>> {
        Box::pin(self.send(out))
    }
}

// ---------------------------------------------------------------- running

/// The REST client, pointed at `api_base_url` when set (tests, proxies).
pub fn http(settings: &crate::config::DiscordSettings, token: &SecretString) -> Http {
    let mut builder = HttpBuilder::new(token.expose_secret());
    if let Some(base) = &settings.api_base_url {
        // serenity sends to a proxy only with its own rate limiter off.
        builder = builder.proxy(base.as_str().trim_end_matches('/')).ratelimiter_disabled(true);
    }
    builder.build()
}

/// Connects to the gateway and runs until `cancel` fires, with the scheduler
/// posting through the same REST client. Cancels the rest of the app if the
/// gateway fails.
pub async fn run(
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    settings: &crate::config::DiscordSettings,
    concurrency: usize,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let Some(token) = &settings.token else { anyhow::bail!("discord.token is not set") };
    let handler =
        Handler { service: Arc::clone(&service), clock: Arc::clone(&clock), guild_ids: settings.guild_ids.clone() };
    let mut client = serenity::client::ClientBuilder::new_with_http(http(settings, token), GatewayIntents::GUILDS)
        .event_handler(handler)
        .await?;
    if let Some(url) = &settings.gateway_url {
        *client.ws_url.lock().await = url.to_string();
    }
    let shards = Arc::clone(&client.shard_manager);
    let poster: Arc<dyn Deliver> =
        Arc::new(Poster::new(Arc::clone(&client.http), settings.requests_per_second, concurrency));
    let scheduled = scheduler::run(service, clock, poster, cancel.clone());
    let gateway = async {
        let r = tokio::select! {
            r = client.start() => r.map_err(anyhow::Error::from),
            () = cancel.cancelled() => {
                shards.shutdown_all().await;
                Ok(())
            }
        };
        cancel.cancel();
        r
    };
    let (r, ()) = tokio::join!(gateway, scheduled);
    r
}
