//! Socket Mode: the bot asks Slack for a WebSocket URL
//! (`apps.connections.open`, with the app-level token), connects out, and
//! receives slash commands, button clicks and events as envelopes, so no
//! public address is needed.
//!
//! Each envelope is acknowledged by its `envelope_id` once it has been
//! handled (an answer is committed before its ack), or after
//! [`ACK_WITHIN`] if the database is slow, well inside Slack's three
//! seconds; a slash command's reply travels in the ack's payload, or to its
//! `response_url` when late. Slack delivers at least once: an envelope it
//! sends again (the same `envelope_id`, `retry_attempt` above 0, perhaps on
//! a new connection) is acked with the first answer and never handled twice;
//! on a database shared by several processes, each holding a connection,
//! the first to take an envelope's id in the database handles it.
//! A `disconnect` (refresh_requested, warning, link_disabled) opens a new
//! connection at once; acks still being worked out go out on the old one,
//! which closes when they are sent. A dropped socket is reopened with
//! backoff.
//!
//! Written by hand: the Rust Slack clients' Socket Mode (slack-morphism's)
//! brings its own hyper connector and listener framework for what is one
//! WebSocket and four message types here.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{OnceCell, mpsc};
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

use super::web_api::{ApiError, WebApi};
use super::{Interaction, Slack, SlashCommand};

/// An envelope not handled by then is acked anyway, its reply sent later.
pub const ACK_WITHIN: Duration = Duration::from_millis(2000);
/// How long an envelope id is remembered against redelivery (Slack retries
/// within minutes), and how many at most.
const REMEMBER: Duration = Duration::from_secs(10 * 60);
const REMEMBER_AT_MOST: usize = 100_000;
/// The longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// The bot pings this often; a connection silent for [`SILENT_FOR`] (not
/// even a pong) is taken for dead and reopened.
const PING_EVERY: Duration = Duration::from_secs(20);
const SILENT_FOR: Duration = Duration::from_secs(65);

/// One message from Slack over the socket.
#[derive(Debug, Deserialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: String,
    envelope_id: Option<String>,
    #[serde(default)]
    payload: Value,
    #[serde(default)]
    retry_attempt: u32,
    /// Why a `disconnect` was sent.
    reason: Option<String>,
    #[serde(default)]
    accepts_response_payload: bool,
}

/// The ack of every envelope seen lately, by id: filled once, by whichever
/// delivery of the envelope came first.
#[derive(Default)]
struct Seen {
    acks: HashMap<String, Arc<OnceCell<Value>>>,
    order: VecDeque<(Instant, String)>,
}

impl Seen {
    fn ack_of(&mut self, id: &str, now: Instant) -> Arc<OnceCell<Value>> {
        while self
            .order
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) > REMEMBER || self.order.len() >= REMEMBER_AT_MOST)
        {
            if let Some((_, old)) = self.order.pop_front() {
                self.acks.remove(&old);
            }
        }
        if let Some(cell) = self.acks.get(id) {
            return Arc::clone(cell);
        }
        self.order.push_back((now, id.to_string()));
        Arc::clone(self.acks.entry(id.to_string()).or_default())
    }
}

/// How one connection ended.
enum Ended {
    /// Slack asked for a new connection.
    Disconnect(String),
    /// Slack turned Socket Mode off for the app: reconnecting cannot help.
    Disabled,
    /// The socket closed or failed.
    Dropped(String),
    Cancelled,
}

struct Client {
    slack: Arc<Slack>,
    /// `apps.connections.open` takes the app-level token, not the bot's.
    app: WebApi,
    seen: Mutex<Seen>,
}

/// Keeps a Socket Mode connection open until `cancel` fires. Fails only if
/// Slack refuses the app token (nothing would ever arrive).
pub(super) async fn run(slack: Arc<Slack>, app_token: SecretString, cancel: CancellationToken) -> anyhow::Result<()> {
    let app = WebApi::new(slack.api.base(), app_token);
    let client = Arc::new(Client { slack, app, seen: Mutex::default() });
    let mut backoff = Duration::from_secs(1);
    loop {
        let ended = match client.app.call("apps.connections.open", &json!({})).await {
            Ok(v) => match v["url"].as_str() {
                Some(url) => client.connect(url, &cancel, &mut backoff).await,
                None => Ended::Dropped("apps.connections.open gave no url".into()),
            },
            Err(ApiError::Slack { code, .. })
                if matches!(
                    code.as_str(),
                    "invalid_auth" | "not_authed" | "account_inactive" | "not_allowed_token_type"
                ) =>
            {
                anyhow::bail!("Slack refused slack.app_token ({code}): use an app-level token with connections:write")
            }
            Err(e) => Ended::Dropped(format!("apps.connections.open: {e}")),
        };
        match ended {
            Ended::Cancelled => return Ok(()),
            Ended::Disabled => {
                anyhow::bail!(
                    "Slack disabled Socket Mode for this app (link_disabled): turn it on in the app's settings"
                )
            }
            Ended::Disconnect(reason) => {
                tracing::info!(reason, "Slack asked for a new Socket Mode connection");
            }
            Ended::Dropped(why) => {
                tracing::warn!(why, wait_s = backoff.as_secs(), "Socket Mode connection lost; reconnecting");
                tokio::select! {
                    () = tokio::time::sleep(backoff) => {}
                    () = cancel.cancelled() => return Ok(()),
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

impl Client {
    /// Reads one connection until Slack asks for another, it drops or goes
    /// silent, or `cancel`. A `hello` resets the reconnection backoff.
    async fn connect(self: &Arc<Self>, url: &str, cancel: &CancellationToken, backoff: &mut Duration) -> Ended {
        let ws = match tokio_tungstenite::connect_async(url).await {
            Ok((ws, _)) => ws,
            Err(e) => return Ended::Dropped(format!("connecting: {e}")),
        };
        let (mut sink, mut stream) = ws.split();
        // Acks leave through this queue; the socket closes once every sender
        // (the reader's, and each envelope still being handled) is gone.
        let (out, mut queue) = mpsc::unbounded_channel::<Message>();
        tokio::spawn(async move {
            while let Some(m) = queue.recv().await {
                if sink.send(m).await.is_err() {
                    return;
                }
            }
            let _ = sink.close().await;
        });
        let mut ping = tokio::time::interval(PING_EVERY);
        let mut heard = Instant::now();
        loop {
            let frame = tokio::select! {
                f = stream.next() => f,
                _ = ping.tick() => {
                    if heard.elapsed() > SILENT_FOR {
                        return Ended::Dropped(format!("nothing heard for {} s", heard.elapsed().as_secs()));
                    }
                    let _ = out.send(Message::Ping(Vec::new()));
                    continue;
                }
                () = cancel.cancelled() => return Ended::Cancelled,
            };
            heard = Instant::now();
            let text = match frame {
                Some(Ok(Message::Text(t))) => t,
                Some(Ok(Message::Close(_))) | None => return Ended::Dropped("closed by Slack".into()),
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Ended::Dropped(e.to_string()),
            };
            let envelope: Envelope = match serde_json::from_str(&text) {
                Ok(e) => e,
                Err(e) => {
                    tracing::warn!(error = %e, "a Socket Mode message that does not parse");
                    continue;
                }
            };
            match envelope.kind.as_str() {
                "hello" => {
                    tracing::info!("Socket Mode connected");
                    *backoff = Duration::from_secs(1);
                }
                "disconnect" if envelope.reason.as_deref() == Some("link_disabled") => return Ended::Disabled,
                "disconnect" => return Ended::Disconnect(envelope.reason.unwrap_or_default()),
                _ => self.accept(envelope, out.clone()),
            }
        }
    }

    /// Handles an envelope (once, however often it is delivered) and acks
    /// it on the connection it came on.
    fn accept(self: &Arc<Self>, envelope: Envelope, out: mpsc::UnboundedSender<Message>) {
        let Some(id) = envelope.envelope_id.clone() else { return };
        let ack = self.seen.lock().unwrap_or_else(PoisonError::into_inner).ack_of(&id, Instant::now());
        if envelope.retry_attempt > 0 {
            tracing::debug!(envelope = %id, attempt = envelope.retry_attempt, "an envelope delivered again");
        }
        let client = Arc::clone(self);
        tokio::spawn(async move {
            let accepts = envelope.accepts_response_payload;
            let payload = ack.get_or_init(|| client.handle_once(id.clone(), envelope)).await;
            let mut message = json!({ "envelope_id": id });
            if accepts && !payload.is_null() {
                message["payload"] = payload.clone();
            }
            // Gone only if this connection closed: Slack then delivers the
            // envelope again, and the remembered ack answers it.
            let _ = out.send(Message::Text(message.to_string()));
        });
    }

    /// Handles an envelope unless another process on the database did:
    /// Slack sends one again on any of the app's connections when its ack
    /// was lost, and several processes may each hold one.
    async fn handle_once(self: Arc<Self>, id: String, envelope: Envelope) -> Value {
        let now = self.slack.clock.now();
        match self.slack.service.first_to_handle(format!("slack-envelope-{id}"), now).await {
            Ok(true) => self.handle(envelope).await,
            Ok(false) => {
                tracing::info!(envelope = %id, "another process handled this envelope; acknowledging it only");
                Value::Null
            }
            // The database is out of reach: handled here, and the command
            // itself says to try again if it needs the database.
            Err(e) => {
                tracing::warn!(envelope = %id, error = %e, "cannot tell whether another process handled this envelope");
                self.handle(envelope).await
            }
        }
    }

    /// The ack's payload for an envelope (null for none).
    async fn handle(self: Arc<Self>, envelope: Envelope) -> Value {
        let slack = Arc::clone(&self.slack);
        match envelope.kind.as_str() {
            "slash_commands" => {
                let Some(form) = payload::<SlashCommand>(envelope.payload, "slash command") else { return Value::Null };
                let url = form.response_url.clone();
                let mut job = tokio::spawn(async move { slack.slash(&form).await });
                match tokio::time::timeout(ACK_WITHIN, &mut job).await {
                    Ok(Ok(body)) => body,
                    Ok(Err(_)) => Value::Null,
                    Err(_) => {
                        // Slow: ack now, and send the reply where Slack said.
                        let api = self.slack.api.clone();
                        tokio::spawn(async move {
                            if let (Ok(body), Some(url)) = (job.await, url)
                                && !body.is_null()
                                && let Err(e) = api.respond(&url, &body).await
                            {
                                tracing::warn!(error = %e, "could not send a late slash command reply");
                            }
                        });
                        Value::Null
                    }
                }
            }
            "interactive" => {
                let Some(payload) = payload::<Interaction>(envelope.payload, "interactive") else { return Value::Null };
                let mut job = tokio::spawn(async move { slack.interaction(payload).await });
                match tokio::time::timeout(ACK_WITHIN, &mut job).await {
                    Ok(Ok(Err(e))) => tracing::warn!(error = %e, "an interaction the bot cannot use"),
                    // A submitted form's response goes back in the ack.
                    Ok(Ok(Ok(Some(response)))) => return response,
                    Ok(_) => {}
                    Err(_) => tracing::warn!("a click took longer than the ack may wait; acked, still being handled"),
                }
                Value::Null
            }
            "events_api" => {
                slack.event(&envelope.payload).await;
                Value::Null
            }
            other => {
                tracing::debug!(kind = other, "an envelope the bot does not use");
                Value::Null
            }
        }
    }
}

/// An envelope's payload as `T`; `None`, logged, when it lacks the usual fields.
fn payload<T: serde::de::DeserializeOwned>(payload: Value, kind: &str) -> Option<T> {
    serde_json::from_value(payload)
        .map_err(|e| tracing::warn!(error = %e, kind, "an envelope without the usual fields"))
        .ok()
}
