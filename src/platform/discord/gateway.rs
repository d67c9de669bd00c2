//! The gateway: one serenity client per shard this process runs, started
//! as Discord's IDENTIFY limit allows, each handing its interactions to the
//! shared [`Interactions`].
//!
//! serenity's own shard queue starts one shard every five seconds whatever
//! `max_concurrency` says, and knows nothing of other processes. Here each
//! shard takes its IDENTIFY bucket's slot (`shard % max_concurrency`, one
//! start per bucket every five seconds) from the database, which every
//! process of the bot shares, so shards in different buckets start together
//! and two processes never identify in one bucket at once.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use serenity::all::{
    ChannelId, Context, EventHandler, GatewayIntents, Guild, GuildId, Interaction, Message, MessageType, Ready,
};
use serenity::async_trait;
use tokio_util::sync::CancellationToken;

use super::{Interactions, PLATFORM, display_name, respond_over_rest};
use crate::config::DiscordSettings;
use crate::ids::Share;
use crate::service::{Ctx, Locale};

/// Discord allows one IDENTIFY per bucket every five seconds; the slot is
/// taken a little before the client connects and identifies, so a second
/// more keeps two starts in one bucket apart whatever the connect takes.
const IDENTIFY_EVERY: StdDuration = StdDuration::from_secs(6);

/// What the gateway sends: servers, and members' messages (for replies in
/// discussion threads), never their text.
pub const INTENTS: GatewayIntents = GatewayIntents::GUILDS.union(GatewayIntents::GUILD_MESSAGES);

struct Handler {
    interactions: Arc<Interactions>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        let shard = ready.shard.map(|s| format!("{}/{}", s.id, s.total));
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), shard, "connected to Discord");
    }

    /// Sent for every server at each connect, and when the bot is added to one.
    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        super::welcome::welcome(&self.interactions, &guild).await;
    }

    /// A member's message: in a thread opened from a discussion's post (the
    /// thread has the post's id), it counts as taking part. Nothing is said.
    async fn message(&self, _ctx: Context, message: Message) {
        let by_member = !message.author.bot && message.webhook_id.is_none();
        let written = matches!(message.kind, MessageType::Regular | MessageType::InlineReply);
        let (Some(guild), true, true) = (message.guild_id, by_member, written) else { return };
        let name = message.member.as_ref().and_then(|m| m.nick.clone());
        let ctx = self.interactions.message_ctx(guild, message.channel_id, &message.author, name);
        let thread = message.channel_id.to_string();
        self.interactions.service.thread_reply(ctx, &thread).await;
    }

    async fn interaction_create(&self, _ctx: Context, interaction: Interaction) {
        let Some(job) = self.interactions.job(&interaction) else { return };
        let http = &self.interactions.http;
        match &interaction {
            Interaction::Command(cmd) => {
                respond_over_rest(job, |m| cmd.create_response(http, m), |e| cmd.edit_response(http, e), cmd.id.get())
                    .await;
            }
            Interaction::Component(c) => {
                respond_over_rest(job, |m| c.create_response(http, m), |e| c.edit_response(http, e), c.id.get()).await;
            }
            Interaction::Modal(f) => {
                respond_over_rest(job, |m| f.create_response(http, m), |e| f.edit_response(http, e), f.id.get()).await;
            }
            _ => {}
        }
    }
}

impl Interactions {
    /// Who wrote a message in a server's channel or thread (never an admin:
    /// a message runs no command).
    fn message_ctx(&self, guild: GuildId, channel: ChannelId, user: &serenity::all::User, nick: Option<String>) -> Ctx {
        let name = display_name(nick, user);
        Ctx {
            platform: PLATFORM,
            guild: guild.to_string(),
            channel: channel.to_string(),
            user_id: user.id.to_string(),
            user_name: name,
            is_admin: false,
            now: self.clock.now(),
            locale: Locale::default(),
        }
    }
}

/// Runs the shards of `share` until `cancel` fires or one of them fails.
pub(super) async fn run(
    settings: &DiscordSettings,
    interactions: Arc<Interactions>,
    share: Share,
    max_concurrency: u64,
    application: u64,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let shards = share.shards().map(|shard| {
        let (interactions, cancel) = (Arc::clone(&interactions), cancel.clone());
        async move {
            let bucket = u64::from(shard) % max_concurrency.max(1);
            if !take_slot(&interactions, &format!("discord-identify-{application}-{bucket}"), &cancel).await {
                return Ok(());
            }
            let r = run_shard(settings, interactions, shard, share.total, &cancel).await;
            if let Err(e) = &r {
                tracing::error!(shard, error = %e, "a gateway shard stopped");
            }
            // One shard down takes the others (and the app) down: the
            // supervisor restarts the process whole.
            cancel.cancel();
            r
        }
    });
    let results = futures_util::future::join_all(shards).await;
    results.into_iter().collect::<anyhow::Result<Vec<()>>>().map(drop)
}

/// Waits for the IDENTIFY slot; false if cancelled first.
async fn take_slot(interactions: &Interactions, key: &str, cancel: &CancellationToken) -> bool {
    loop {
        // Discord's limit runs on real time, whatever clock the schedules use.
        let wait = match interactions.service.claim_slot(key.to_string(), IDENTIFY_EVERY, chrono::Utc::now()).await {
            Ok(None) => return true,
            Ok(Some(wait)) => wait,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the IDENTIFY slots; waiting a full period");
                IDENTIFY_EVERY
            }
        };
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = cancel.cancelled() => return false,
        }
    }
}

async fn run_shard(
    settings: &DiscordSettings,
    interactions: Arc<Interactions>,
    shard: u32,
    total: u32,
    cancel: &CancellationToken,
) -> anyhow::Result<()> {
    let Some(token) = &settings.token else { anyhow::bail!("discord.token is not set") };
    let mut client = serenity::client::ClientBuilder::new_with_http(super::http(settings, token), INTENTS)
        .event_handler(Handler { interactions })
        .await?;
    if let Some(url) = &settings.gateway_url {
        *client.ws_url.lock().await = url.to_string();
    }
    let manager = Arc::clone(&client.shard_manager);
    tokio::select! {
        r = client.start_shard(shard, total) => r.map_err(anyhow::Error::from),
        () = cancel.cancelled() => {
            manager.shutdown_all().await;
            Ok(())
        }
    }
}
