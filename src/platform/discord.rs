//! Discord through serenity's gateway client: `/quiz` and `/quizadmin` slash
//! commands, answer buttons, and the daily question posted and edited over
//! REST. Only the GUILDS intent is asked for. Commands become the shared
//! grammar's text and go to the service; replies come back as messages with
//! mentions switched off, so no display name can ever ping anyone.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use secrecy::{ExposeSecret, SecretString};
use serenity::all::{
    ButtonStyle, ChannelId, CommandDataOption, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    ComponentInteraction, Context, CreateActionRow, CreateAllowedMentions, CreateButton, CreateCommand,
    CreateCommandOption, CreateEmbed, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
    EditInteractionResponse, EditMessage, EventHandler, GatewayIntents, GuildId, Http, HttpBuilder, Interaction,
    MessageId, Nonce, Permissions, Ready,
};
use serenity::async_trait;

use crate::command::QuestionRef;
use crate::content::letter;
use crate::ids::Platform;
use crate::reply::{self, Body, Reply, Style, Visibility};
use tokio_util::sync::CancellationToken;

use crate::scheduler::{self, Clock, Deliver, SendResult};
use crate::service::{Ctx, Outbound, Service};
use crate::store::Part;

pub const PLATFORM: Platform = Platform::Discord;
/// Past this, an interaction is deferred and answered by an edit, well inside
/// Discord's three seconds.
const ANSWER_WITHIN: StdDuration = StdDuration::from_millis(1500);

// ---------------------------------------------------------------- rendering

/// Markdown made inert, and `@` followed by a zero-width space so that even a
/// client ignoring allowed_mentions shows `@everyone` as text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

pub const STYLE: Style = Style { escape, bold: |s| format!("**{s}**") };

fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().empty_users().empty_roles().everyone(false).replied_user(false)
}

/// A button's custom id: `qm:d12:B` is choice B of daily question 12.
fn button_id(question: QuestionRef, choice: char) -> String {
    format!("qm:{}:{choice}", question.encode())
}

fn parse_button(custom_id: &str) -> Option<(QuestionRef, char)> {
    let rest = custom_id.strip_prefix("qm:")?;
    let (question, choice) = rest.split_once(':')?;
    let mut chars = choice.chars();
    match (QuestionRef::decode(question), chars.next(), chars.next()) {
        (Some(q), Some(c), None) if c.is_ascii_uppercase() => Some((q, c)),
        _ => None,
    }
}

/// A reply as Discord shows it: text, an embed for boards, and buttons.
struct Rendered {
    content: String,
    embed: Option<CreateEmbed>,
    rows: Vec<CreateActionRow>,
}

fn render(reply: &Reply) -> Rendered {
    match &reply.body {
        Body::Leaderboard(board) => {
            let lines: Vec<String> = if board.rows.is_empty() {
                vec![escape(&board.empty)]
            } else {
                board
                    .rows
                    .iter()
                    .map(|r| {
                        let you = if r.is_you { " (you)" } else { "" };
                        format!("{}. {} — {}{you}", r.rank, escape(&r.name), escape(&r.figure))
                    })
                    .collect()
            };
            let embed = CreateEmbed::new().title(escape(&board.title)).description(lines.join("\n"));
            Rendered { content: String::new(), embed: Some(embed), rows: Vec::new() }
        }
        Body::Reveal(r) => {
            let buttons: Vec<CreateButton> = (0..r.choice_count)
                .map(|i| {
                    let style = if Some(i) == r.right_choice { ButtonStyle::Success } else { ButtonStyle::Secondary };
                    CreateButton::new(button_id(r.question, letter(i)))
                        .label(letter(i).to_string())
                        .style(style)
                        .disabled(true)
                })
                .collect();
            Rendered { content: reply::render(&reply.body, &STYLE), embed: None, rows: rows(buttons) }
        }
        // Discord spells the admin commands as their own slash command.
        Body::Help(_) => Rendered {
            content: reply::render(&reply.body, &STYLE).replace("/quiz admin ", "/quizadmin "),
            embed: None,
            rows: Vec::new(),
        },
        body => {
            let buttons: Vec<CreateButton> = reply
                .buttons()
                .iter()
                .map(|b| {
                    CreateButton::new(button_id(b.question, b.letter))
                        .label(b.letter.to_string())
                        .style(ButtonStyle::Primary)
                })
                .collect();
            Rendered { content: reply::render(body, &STYLE), embed: None, rows: rows(buttons) }
        }
    }
}

/// At most five buttons to a row.
fn rows(buttons: Vec<CreateButton>) -> Vec<CreateActionRow> {
    buttons.chunks(5).map(|c| CreateActionRow::Buttons(c.to_vec())).collect()
}

fn interaction_message(reply: &Reply) -> CreateInteractionResponseMessage {
    let r = render(reply);
    let mut m = CreateInteractionResponseMessage::new()
        .ephemeral(reply.visibility == Visibility::Private)
        .allowed_mentions(no_mentions())
        .components(r.rows);
    if !r.content.is_empty() {
        m = m.content(r.content);
    }
    if let Some(e) = r.embed {
        m = m.embed(e);
    }
    m
}

fn interaction_edit(reply: &Reply) -> EditInteractionResponse {
    let r = render(reply);
    let mut m = EditInteractionResponse::new().allowed_mentions(no_mentions()).components(r.rows).content(r.content);
    if let Some(e) = r.embed {
        m = m.embed(e);
    }
    m
}

// ---------------------------------------------------------------- commands

fn sub(name: &str, description: &str) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::SubCommand, name, description)
}

fn string(name: &str, description: &str, required: bool) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
}

fn with_choices(mut option: CreateCommandOption, choices: &[&str]) -> CreateCommandOption {
    for c in choices {
        option = option.add_string_choice(*c, *c);
    }
    option
}

/// Every command the bot registers, in one place.
/// `categories`: (slug, title) pairs.
pub fn commands(categories: &[(String, String)]) -> Vec<CreateCommand> {
    let mut category = string("category", "Only questions from this category", false);
    for (slug, title) in categories.iter().take(25) {
        category = category.add_string_choice(title, slug);
    }
    let quiz = CreateCommand::new("quiz")
        .description("Backend-engineering quiz: practice, answer, standings")
        .add_option(sub("play", "A private practice question").add_sub_option(category))
        .add_option(
            sub("answer", "Answer today's question, or else your practice question")
                .add_sub_option(with_choices(
                    string("choice", "The letter you choose", false),
                    &["A", "B", "C", "D", "E"],
                ))
                .add_sub_option(string("text", "A short text answer", false)),
        )
        .add_option(
            sub("leaderboard", "This server's standings")
                .add_sub_option(with_choices(string("period", "Which period", false), &["week", "month", "all"]))
                .add_sub_option(with_choices(string("sort", "Rank by", false), &["points", "streak", "accuracy"]))
                .add_sub_option(with_choices(
                    string("board", "Daily or practice answers", false),
                    &["daily", "practice"],
                )),
        )
        .add_option(sub("stats", "Answers, accuracy, points and streaks").add_sub_option(CreateCommandOption::new(
            CommandOptionType::User,
            "user",
            "Another player",
        )))
        .add_option(sub("streak", "Your current and best streak"))
        .add_option(sub("help", "What the commands do"));
    let admin = CreateCommand::new("quizadmin")
        .description("Run this channel's question of the day")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(
            sub("schedule", "Post a daily question at a local time")
                .add_sub_option(string("time", "Local time, HH:MM (24-hour)", true))
                .add_sub_option(string("zone", "IANA time zone, such as Europe/Berlin", true))
                .add_sub_option(string("days", "daily, weekdays, weekends or mon,wed,fri", false))
                .add_sub_option(string("close", "When it closes: 8h, 90m or next", false)),
        )
        .add_option(sub("pause", "Stop posting until resumed"))
        .add_option(sub("resume", "Start posting again"))
        .add_option(sub("skip", "Skip the next scheduled question"))
        .add_option(sub("post-now", "Post today's question now"))
        .add_option(sub("reveal-now", "Close and reveal the open question"))
        .add_option(sub("status", "The schedule, the next post and the pool left"))
        .add_option(sub("categories", "Where daily questions come from").add_sub_option(string(
            "list",
            "Comma-separated categories, or all",
            true,
        )))
        .add_option(sub("timezone", "The zone for leaderboard weeks and months").add_sub_option(string(
            "zone",
            "IANA time zone, such as Europe/Berlin",
            true,
        )));
    vec![quiz, admin]
}

fn option_text(options: &[CommandDataOption], name: &str) -> Option<String> {
    options.iter().find(|o| o.name == name).and_then(|o| match &o.value {
        CommandDataOptionValue::String(s) => Some(s.clone()),
        CommandDataOptionValue::User(u) => Some(format!("<@{u}>")),
        _ => None,
    })
}

/// A slash command as a line of the shared grammar (what follows `/quiz`).
pub fn command_line(name: &str, options: &[CommandDataOption]) -> String {
    let Some(first) = options.first() else { return String::new() };
    let args: &[CommandDataOption] = match &first.value {
        CommandDataOptionValue::SubCommand(a) => a,
        _ => &[],
    };
    let get = |n: &str| option_text(args, n).unwrap_or_default();
    let words: Vec<String> = match (name, first.name.as_str()) {
        ("quiz", "answer") => {
            vec!["answer".into(), option_text(args, "choice").or(option_text(args, "text")).unwrap_or_default()]
        }
        ("quiz", "leaderboard") => {
            let board = get("board");
            vec![
                "leaderboard".into(),
                get("period"),
                get("sort"),
                if board == "practice" { board } else { String::new() },
            ]
        }
        ("quiz", sub) => {
            std::iter::once(sub.to_string()).chain(args.iter().filter_map(|o| option_text(args, &o.name))).collect()
        }
        ("quizadmin", "schedule") => {
            vec!["admin".into(), "schedule".into(), get("time"), get("zone"), get("days"), get("close")]
        }
        ("quizadmin", sub) => std::iter::once("admin".to_string())
            .chain(std::iter::once(sub.to_string()))
            .chain(args.iter().filter_map(|o| option_text(args, &o.name)))
            .collect(),
        _ => vec![first.name.clone()],
    };
    words.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

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

    fn run(&self, ctx: Ctx, line: Result<crate::command::Command, String>) -> tokio::task::JoinHandle<Reply> {
        let service = Arc::clone(&self.service);
        tokio::spawn(async move {
            match line {
                Ok(cmd) => service.handle_async(ctx, cmd).await,
                Err(text) => service.handle_text_async(ctx, &text).await,
            }
        })
    }

    async fn command(&self, http: &Http, cmd: &CommandInteraction) {
        let line = command_line(&cmd.data.name, &cmd.data.options);
        let line = if cmd.data.name == "quizadmin" && line.is_empty() { "admin".to_string() } else { line };
        let ctx = self.ctx(cmd.guild_id, cmd.channel_id, &cmd.user, cmd.member.as_deref());
        let job = self.run(ctx, Err(line));
        respond(job, |m| cmd.create_response(http, m), |e| cmd.edit_response(http, e), cmd.id.get()).await;
    }

    async fn component(&self, http: &Http, c: &ComponentInteraction) {
        let Some((question, choice)) = parse_button(&c.data.custom_id) else {
            tracing::warn!(custom_id = %c.data.custom_id, "a button that is not ours");
            let job =
                tokio::spawn(async { Reply::error("That button is not one of the quiz's; nothing was recorded.") });
            respond(job, |m| c.create_response(http, m), |e| c.edit_response(http, e), c.id.get()).await;
            return;
        };
        let ctx = self.ctx(c.guild_id, c.channel_id, &c.user, c.member.as_ref());
        let job =
            self.run(ctx, Ok(crate::command::Command::Answer { answer: choice.to_string(), question: Some(question) }));
        respond(job, |m| c.create_response(http, m), |e| c.edit_response(http, e), c.id.get()).await;
    }
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
        Ok(done) => done.unwrap_or_else(|_| Reply::error("Something went wrong on our side and nothing was recorded.")),
        Err(_) => {
            let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
            if let Err(e) = create(defer).await {
                tracing::warn!(interaction = id, error = %e, "could not defer an interaction");
            }
            let reply = job
                .await
                .unwrap_or_else(|_| Reply::error("Something went wrong on our side and nothing was recorded."));
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
                let job = tokio::spawn(async { Reply::error("That is not a quiz command; try /quiz help.") });
                let http = &ctx.http;
                respond(job, |m| cmd.create_response(http, m), |e| cmd.edit_response(http, e), cmd.id.get()).await;
            }
            Interaction::Component(c) => self.component(&ctx.http, c).await,
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- posting

/// Posts and edits the daily question over REST.
pub struct Poster {
    pub http: Arc<Http>,
}

impl Poster {
    async fn send(&self, out: &Outbound) -> SendResult {
        let channel: u64 = out.to.channel.parse().map_err(|_| format!("`{}` is not a channel id", out.to.channel))?;
        let channel = ChannelId::new(channel);
        let r = render(&out.reply);
        if out.part == Part::Reveal
            && let Some(id) = out.message_ref.as_deref().and_then(|m| m.parse::<u64>().ok())
        {
            let edit =
                EditMessage::new().content(&r.content).components(r.rows.clone()).allowed_mentions(no_mentions());
            match channel.edit_message(&self.http, MessageId::new(id), edit).await {
                Ok(_) => return Ok(None),
                // The question message is gone: post the reveal on its own.
                Err(e) if status(&e) == Some(404) => {
                    tracing::warn!(channel = %channel, message = id, "the question message is gone; posting the reveal");
                }
                Err(e) => return Err(describe(&e)),
            }
        }
        // Discord drops a second message with the same nonce, so a send cut
        // off by a crash can safely be repeated.
        let nonce = format!("qm-{}-{}", out.post, if out.part == Part::Question { "q" } else { "r" });
        let msg = CreateMessage::new()
            .content(r.content)
            .components(r.rows)
            .allowed_mentions(no_mentions())
            .nonce(Nonce::String(nonce))
            .enforce_nonce(true);
        let sent = channel.send_message(&self.http, msg).await.map_err(|e| describe(&e))?;
        Ok((out.part == Part::Question).then(|| sent.id.to_string()))
    }
}

fn status(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(h) => h.status_code().map(|s| s.as_u16()),
        _ => None,
    }
}

fn describe(e: &serenity::Error) -> String {
    match status(e) {
        Some(403) => format!("403: the bot may not post in this channel ({e})"),
        Some(404) => format!("404: unknown channel or message ({e})"),
        Some(429) => format!("429: rate limited ({e})"),
        _ => e.to_string(),
    }
}

impl Deliver for Poster {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn dedupes(&self) -> bool {
        true
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
    let poster: Arc<dyn Deliver> = Arc::new(Poster { http: Arc::clone(&client.http) });
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
