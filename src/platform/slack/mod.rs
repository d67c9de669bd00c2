//! Slack: the `/quiz` slash command and button clicks, received over Socket
//! Mode (a WebSocket the bot opens, see [`socket`]) or over HTTP (axum), and
//! the Web API (`chat.postMessage`, `chat.update`) for the daily question.
//!
//! Every HTTP request is verified before anything else: the `v0`
//! HMAC-SHA256 signature over `v0:{timestamp}:{body}` with the signing
//! secret, compared in constant time, a timestamp no more than five minutes
//! off, and a body under [`MAX_BODY`]. This module only translates; the
//! service decides.

mod events;
mod http;
mod install;
#[cfg(test)]
mod limits_tests;
mod names;
mod render;
mod signing;
mod socket;
mod web_api;

pub use http::{read_request, router};
pub use render::{STYLE, escape, message};
pub use signing::{Refusal, sign, verify};
pub use web_api::{ApiError, Sender, WebApi};

use std::collections::HashSet;
use std::sync::Arc;

use axum::http::HeaderMap;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use crate::command::{Command, parse_button, parse_form};
use crate::ids::Platform;
use crate::msg;
use crate::reply::{Body, Reply, Visibility};
use crate::scheduler::Clock;
use crate::service::{Ctx, Locale, Service};
use render::{response_body, submission_response};

pub const PLATFORM: Platform = Platform::Slack;
/// Requests larger than this are refused with 413.
pub const MAX_BODY: usize = 64 * 1024;

// ---------------------------------------------------------------- server

/// What the HTTP handlers and the Socket Mode client share.
pub struct Slack {
    pub service: Arc<Service>,
    pub clock: Arc<dyn Clock>,
    /// Verifies the HTTP endpoints' requests; without it they are not served.
    pub signing_secret: Option<SecretString>,
    /// The app-level token that opens Socket Mode connections.
    pub app_token: Option<SecretString>,
    pub admins: HashSet<String>,
    /// The client with the configured bot token (or none, with OAuth only).
    pub api: WebApi,
    /// Each workspace's client and installer.
    workspaces: Arc<install::Workspaces>,
    /// "Add to Slack", when configured.
    oauth: Option<install::OAuth>,
    /// Sends the scheduled questions and reveals.
    pub sender: Arc<Sender>,
    /// Display names from users.info.
    names: Arc<names::Names>,
}

impl Slack {
    /// Whether a request is Slack's; a refusal is logged (never with the secret).
    fn verified(&self, path: &str, headers: &HeaderMap, body: &[u8]) -> bool {
        let Some(secret) = &self.signing_secret else { return false };
        match verify(secret.expose_secret(), headers, body, self.clock.now().timestamp()) {
            Ok(()) => true,
            Err(why) => {
                tracing::warn!(path, reason = %why, "refused an unverified Slack request");
                false
            }
        }
    }

    /// Who is asking. The name is the one users.info gave, once looked up
    /// (which this starts), else the handle the payload carries. Admins are
    /// `slack.admins`, the user who installed the app in the workspace, and
    /// the workspace's own admins and owners; the last are looked up only
    /// for admin commands.
    async fn ctx(&self, team: &str, channel: &str, user: &str, name: &str, wants_admin: bool) -> Ctx {
        self.names.refresh(&self.service, team, user);
        let name = self.names.get(team, user).unwrap_or_else(|| name.to_string());
        // A member the rate limit would turn away is not looked up: a flood
        // of admin commands never becomes users.info calls.
        let installer = self.workspaces.get(team).await.and_then(|w| w.installer);
        let is_admin = self.admins.contains(user)
            || (wants_admin
                && self.service.would_admit(PLATFORM, user, self.clock.now())
                && (installer.as_deref() == Some(user) || self.names.is_workspace_admin(team, user).await));
        // The workspace's own language is its installer's.
        if let Some(installer) = installer.as_deref().filter(|i| *i != user) {
            self.names.refresh(&self.service, team, installer);
        }
        let locale = Locale {
            own: self.names.locale(team, user),
            server: installer.as_deref().and_then(|i| self.names.locale(team, i)),
        };
        Ctx {
            platform: PLATFORM,
            guild: team.into(),
            channel: channel.into(),
            user_id: user.into(),
            user_name: if name.trim().is_empty() { user.into() } else { name },
            is_admin,
            now: self.clock.now(),
            locale,
        }
    }

    /// Runs a command: answers wait for their group commit, other commands
    /// run on the blocking pool (they wait on SQLite).
    async fn handle(self: &Arc<Self>, ctx: Ctx, cmd: Result<Command, String>) -> Reply {
        match cmd {
            Ok(cmd) => self.service.handle_async(ctx, cmd).await,
            Err(text) => self.service.handle_text_async(ctx, &text).await,
        }
    }

    /// A slash command, however it arrived: the response body to send
    /// (null when a form was opened as a modal instead).
    async fn slash(self: &Arc<Self>, form: &SlashCommand) -> Value {
        let wants_admin = form.text.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("admin"));
        let ctx = self.ctx(&form.team_id, &form.channel_id, &form.user_id, &form.user_name, wants_admin).await;
        let reply = self.handle(ctx, Err(form.text.clone())).await;
        match self.open_form(&reply, &form.team_id, form.trigger_id.as_deref(), &form.channel_id).await {
            Ok(()) => Value::Null,
            Err(reply) => response_body(&reply),
        }
    }

    /// Opens a form reply as a modal (`views.open` with the trigger of the
    /// command or click that asked for it); the channel rides along as the
    /// view's `private_metadata`. Any other reply is handed back, as is a
    /// refusal when the modal could not be opened.
    async fn open_form(&self, reply: &Reply, team: &str, trigger: Option<&str>, channel: &str) -> Result<(), Reply> {
        let Body::Form(form) = &reply.body else { return Err(reply.clone()) };
        // A refusal from here is in the language the service chose for the form.
        let failed = || Reply { lang: reply.lang, ..Reply::error(msg!("form-failed")) };
        let Some(trigger) = trigger else { return Err(failed()) };
        let Some(workspace) = self.workspaces.get(team).await else {
            return Err(failed());
        };
        let view = render::view(form, channel, reply.lang.unwrap_or_default()).to_string();
        match workspace.api.call("views.open", &json!({"trigger_id": trigger, "view": view})).await {
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, "could not open a form in Slack");
                Err(failed())
            }
        }
    }

    /// An interaction, however it arrived. A button click's answer is
    /// committed, then the verdict goes privately to the action's
    /// `response_url` without touching the question message (a review
    /// button's result replaces the review card, and a form it asks for
    /// opens as a modal). A `view_submission` gives the response Slack
    /// takes back: field errors, or the modal updated with the reply.
    /// Other types are ignored; a click that is not one of our buttons is an
    /// error naming what was missing.
    async fn interaction(self: &Arc<Self>, payload: Interaction) -> Result<Option<Value>, String> {
        let team = payload.team.as_ref().map(|t| t.id.clone()).or(payload.user.team_id.clone()).unwrap_or_default();
        let name = if payload.user.username.is_empty() { &payload.user.name } else { &payload.user.username };
        match payload.kind.as_str() {
            "block_actions" => {
                let Some(cmd) = payload.command() else {
                    return Err("interactivity payload: no answer button in actions".into());
                };
                let review = matches!(cmd, Command::Admin(_));
                let channel = payload.channel.as_ref().map(|c| c.id.clone()).unwrap_or_default();
                let ctx = self.ctx(&team, &channel, &payload.user.id, name, review).await;
                let reply = self.handle(ctx, Ok(cmd)).await;
                let asked_form = matches!(reply.body, Body::Form(_));
                let Err(reply) = self.open_form(&reply, &team, payload.trigger_id.as_deref(), &channel).await else {
                    return Ok(None);
                };
                if let Some(url) = payload.response_url {
                    let mut body = response_body(&Reply { visibility: Visibility::Private, ..reply });
                    // A review action's result takes the card's place; a form
                    // that could not open leaves the card where it is.
                    body["replace_original"] = json!(review && !asked_form);
                    let api = self.api.clone();
                    tokio::spawn(async move {
                        if let Err(e) = api.respond(&url, &body).await {
                            tracing::warn!(error = %e, "could not send a button's reply to Slack");
                        }
                    });
                }
                Ok(None)
            }
            "view_submission" => {
                let Some(view) = &payload.view else { return Err("view_submission payload: no view".into()) };
                let Some(cmd) = payload.command() else {
                    return Err(format!("view_submission payload: `{}` is not one of our forms", view.callback_id));
                };
                let admin = matches!(cmd, Command::Admin(_));
                let ctx = self.ctx(&team, &view.private_metadata, &payload.user.id, name, admin).await;
                let reply = self.handle(ctx, Ok(cmd)).await;
                Ok(Some(submission_response(&reply)))
            }
            _ => Ok(None),
        }
    }
}

/// The slash command's form fields that we use.
#[derive(Debug, Deserialize)]
struct SlashCommand {
    team_id: String,
    channel_id: String,
    user_id: String,
    #[serde(default)]
    user_name: String,
    #[serde(default)]
    text: String,
    response_url: Option<String>,
    trigger_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Interaction {
    #[serde(rename = "type")]
    kind: String,
    user: InteractionUser,
    team: Option<IdOnly>,
    channel: Option<IdOnly>,
    #[serde(default)]
    actions: Vec<Action>,
    response_url: Option<String>,
    trigger_id: Option<String>,
    /// A submitted modal.
    view: Option<View>,
}

impl Interaction {
    /// The command a click or a submitted form carries: a button of ours
    /// (`block_actions`) or a form of ours (`view_submission`).
    fn command(&self) -> Option<Command> {
        match self.kind.as_str() {
            "block_actions" => self.actions.first().and_then(|a| parse_button(&a.value)),
            "view_submission" => {
                let view = self.view.as_ref()?;
                let fields: Vec<(String, String)> = view
                    .state
                    .values
                    .iter()
                    .filter_map(|(block, actions)| {
                        let value = actions.as_object()?.values().next()?.get("value")?;
                        Some((block.clone(), value.as_str().unwrap_or_default().to_string()))
                    })
                    .collect();
                parse_form(&view.callback_id, &fields)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize)]
struct View {
    #[serde(default)]
    callback_id: String,
    #[serde(default)]
    private_metadata: String,
    #[serde(default)]
    state: ViewState,
}

/// A submitted modal's values: by block id, then action id.
#[derive(Debug, Default, Deserialize)]
struct ViewState {
    #[serde(default)]
    values: serde_json::Map<String, Value>,
}

#[derive(Debug, Deserialize)]
struct InteractionUser {
    id: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    name: String,
    team_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct IdOnly {
    id: String,
}

#[derive(Debug, Deserialize)]
struct Action {
    #[serde(default)]
    value: String,
}

#[derive(Debug, Deserialize)]
struct InteractionForm {
    payload: String,
}

// ---------------------------------------------------------------- running

/// The Slack bot: Socket Mode (with an app token), the endpoints on
/// `listener` (when given), and the scheduler posting through the Web API,
/// until `cancel` fires; requests in flight are finished first. Cancels the
/// rest of the app if either way in fails for good.
pub async fn run(
    listener: Option<crate::platform::listen::Listener>,
    slack: Arc<Slack>,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let stop = cancel.clone();
    let server = async {
        let Some(listener) = listener else { return Ok(()) };
        if let Ok(addr) = listener.local_addr() {
            tracing::info!(%addr, "Slack endpoints listening");
        }
        let served = crate::platform::listen::serve(listener, router(Arc::clone(&slack)), stop).await;
        cancel.cancel();
        served.map_err(anyhow::Error::from)
    };
    let socket = async {
        let Some(token) = slack.app_token.clone() else { return Ok(()) };
        let r = socket::run(Arc::clone(&slack), token, cancel.clone()).await;
        cancel.cancel();
        r
    };
    let sender: Arc<dyn crate::scheduler::Deliver> = Arc::clone(&slack.sender) as _;
    let scheduled = crate::scheduler::run(Arc::clone(&slack.service), Arc::clone(&slack.clock), sender, cancel.clone());
    let (served, socket, ()) = tokio::join!(server, socket, scheduled);
    served.and(socket)
}

impl Slack {
    /// From settings; `None` unless Slack is configured (see [`SlackSettings::enabled`]).
    ///
    /// [`SlackSettings::enabled`]: crate::config::SlackSettings::enabled
    pub fn from_settings(
        service: Arc<Service>,
        clock: Arc<dyn Clock>,
        settings: &crate::config::SlackSettings,
        concurrency: usize,
    ) -> Option<Slack> {
        if !settings.enabled() {
            return None;
        }
        let token = settings.bot_token.clone().unwrap_or_else(|| SecretString::from(String::new()));
        let api = WebApi::new(settings.api_base_url.as_str(), token);
        let sealer = settings.token_key.as_ref().and_then(crate::config::token_key_bytes).map(install::Sealer::new);
        let workspaces =
            Arc::new(install::Workspaces::new(Arc::clone(&service), api.clone(), settings.bot_token.is_some(), sealer));
        let oauth = match (&settings.client_id, &settings.client_secret) {
            (Some(id), Some(secret)) if settings.distributed() => {
                Some(install::OAuth { client_id: id.clone(), client_secret: secret.clone() })
            }
            _ => None,
        };
        let names = Arc::new(names::Names::new(Arc::clone(&workspaces), Arc::clone(&clock)));
        Some(Slack {
            service,
            clock,
            signing_secret: settings.signing_secret.clone(),
            app_token: settings.app_token.clone(),
            admins: settings.admins.iter().cloned().collect(),
            sender: Arc::new(Sender::new(Arc::clone(&workspaces), settings.updates_per_minute, concurrency)),
            names,
            workspaces,
            oauth,
            api,
        })
    }
}
