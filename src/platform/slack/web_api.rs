//! The Web API client: bot token auth, `ok: false` as errors, 5xx and
//! network failures retried within a call, and the scheduler's sender,
//! which paces chat.postMessage to one a second per channel and chat.update
//! to the workspace's tier, and tells Slack's errors apart.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use super::install::Workspaces;
use super::{PLATFORM, message};
use crate::delivery::{DeliveryError, Problem};
use crate::ids::{Part, Platform, Sendable};
use crate::platform::pacing::Pacer;
use crate::reply::Image;
use crate::scheduler::{SendResult, Sent};
use crate::service::Outbound;

/// The Web API client: bot token auth, `ok: false` as errors.
#[derive(Clone)]
pub struct WebApi {
    http: reqwest::Client,
    base: String,
    token: SecretString,
}

/// How a Web API call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// HTTP 429 (or `ratelimited`): wait this long.
    #[error("rate limited (retry after {}s)", .0.as_secs())]
    RateLimited(StdDuration),
    /// Slack answered `ok: false` with this error code.
    #[error("{method}: {code}")]
    Slack { method: String, code: String },
    /// Another HTTP status.
    #[error("HTTP {0}")]
    Status(u16),
    /// The request did not get an answer (network, timeout) or a 5xx, after retries.
    #[error("{0}")]
    Unreachable(String),
}

/// How many times a call is tried when it fails with 5xx or the network.
const ATTEMPTS: u32 = 4;
/// The longest Retry-After waited out within an interactive call.
const MAX_RETRY_AFTER: StdDuration = StdDuration::from_secs(30);
/// When Slack says 429 without saying how long.
const DEFAULT_RETRY_AFTER: StdDuration = StdDuration::from_secs(1);

impl WebApi {
    pub fn new(base: &str, token: SecretString) -> WebApi {
        let http = reqwest::Client::builder()
            .timeout(StdDuration::from_secs(10))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        WebApi { http, base: base.trim_end_matches('/').to_string(), token }
    }

    /// The Web API's base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The same client, calling with another workspace's token.
    pub fn with_token(&self, token: SecretString) -> WebApi {
        WebApi { http: self.http.clone(), base: self.base.clone(), token }
    }

    /// A method that takes no token (oauth.v2.access: the client's
    /// credentials are its arguments), POSTed with its arguments in a form
    /// body as Slack's SDKs send it, so that a client secret never lands
    /// in a URL (and in proxy and server logs with it).
    pub async fn post_unauthenticated(&self, method: &str, form: &[(&str, &str)]) -> Result<Value, ApiError> {
        let url = format!("{}/{method}", self.base);
        let v = self.send(false, |r| r.post(&url).form(form)).await?;
        Self::ok(method, v)
    }

    /// Calls a Web API method with a JSON body; returns the response JSON
    /// when `ok`. A 429 is handed back at once, for the caller to pace.
    pub async fn call(&self, method: &str, body: &Value) -> Result<Value, ApiError> {
        let url = format!("{}/{method}", self.base);
        let v = self.post_json(&url, body, true).await?;
        Self::ok(method, v)
    }

    /// Calls a method with form-encoded arguments, as the file upload
    /// methods take them.
    pub async fn call_form(&self, method: &str, form: &[(&str, &str)]) -> Result<Value, ApiError> {
        let url = format!("{}/{method}", self.base);
        let v = self.send(true, |r| r.post(&url).form(form)).await?;
        Self::ok(method, v)
    }

    /// POSTs a file's bytes to the URL `files.getUploadURLExternal` handed
    /// out (it is signed: no token goes with it).
    pub async fn upload(&self, upload_url: &str, bytes: &[u8]) -> Result<(), ApiError> {
        self.send(false, |r| r.post(upload_url).body(bytes.to_vec())).await.map(drop)
    }

    /// Calls a read method the Web API documents as GET, with its arguments
    /// in the query (the token still in the Authorization header).
    pub async fn get(&self, method: &str, query: &[(&str, &str)]) -> Result<Value, ApiError> {
        let url = format!("{}/{method}", self.base);
        let v = self.send(true, |r| r.get(&url).query(query)).await?;
        Self::ok(method, v)
    }

    fn ok(method: &str, v: Value) -> Result<Value, ApiError> {
        if v["ok"].as_bool() == Some(true) {
            return Ok(v);
        }
        let code = v["error"].as_str().unwrap_or("ok is not true").to_string();
        if code == "ratelimited" {
            return Err(ApiError::RateLimited(DEFAULT_RETRY_AFTER));
        }
        Err(ApiError::Slack { method: method.to_string(), code })
    }

    /// Posts a message to a slash command's or an action's `response_url`,
    /// waiting out a short Retry-After.
    pub async fn respond(&self, response_url: &str, body: &Value) -> Result<(), ApiError> {
        for _ in 0..ATTEMPTS {
            match self.post_json(response_url, body, false).await {
                Err(ApiError::RateLimited(wait)) if wait <= MAX_RETRY_AFTER => tokio::time::sleep(wait).await,
                other => return other.map(drop),
            }
        }
        Err(ApiError::RateLimited(DEFAULT_RETRY_AFTER))
    }

    async fn post_json(&self, url: &str, body: &Value, auth: bool) -> Result<Value, ApiError> {
        self.send(auth, |r| r.post(url).json(body)).await
    }

    /// Sends the request `build` makes, retrying 5xx and network failures.
    async fn send(
        &self,
        auth: bool,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<Value, ApiError> {
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            let mut req = build(&self.http);
            if auth {
                req = req.bearer_auth(self.token.expose_secret());
            }
            let resp = match req.send().await {
                Ok(r) => r,
                Err(e) => {
                    last = format!("request failed: {}", e.without_url());
                    tokio::time::sleep(backoff(attempt)).await;
                    continue;
                }
            };
            let status = resp.status();
            if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
                let wait = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map_or(DEFAULT_RETRY_AFTER, StdDuration::from_secs);
                return Err(ApiError::RateLimited(wait));
            }
            if status.is_server_error() {
                last = format!("HTTP {status}");
                tokio::time::sleep(backoff(attempt)).await;
                continue;
            }
            if !status.is_success() {
                return Err(ApiError::Status(status.as_u16()));
            }
            let text = resp
                .text()
                .await
                .map_err(|e| ApiError::Unreachable(format!("reading the response: {}", e.without_url())))?;
            // response_url answers plain `ok`; the Web API answers JSON.
            return Ok(serde_json::from_str(&text).unwrap_or(Value::Null));
        }
        Err(ApiError::Unreachable(last))
    }
}

fn backoff(attempt: u32) -> StdDuration {
    StdDuration::from_millis(200 * 2u64.pow(attempt.min(5)))
}

/// The scheduler's sender for Slack.
pub struct Sender {
    workspaces: Arc<Workspaces>,
    /// chat.postMessage, by channel: Slack asks for one a second.
    posts: Pacer<String>,
    /// chat.update, by workspace: its rate tier.
    updates: Pacer<String>,
    concurrency: usize,
}

/// A post whose links (in a suggested question, a name) stay links but
/// bring no preview into the channel. Only chat.postMessage takes these;
/// Slack unfurls nothing on chat.update.
fn without_previews(mut body: Value) -> Value {
    body["unfurl_links"] = json!(false);
    body["unfurl_media"] = json!(false);
    body
}

impl Sender {
    pub fn new(workspaces: Arc<Workspaces>, updates_per_minute: f64, concurrency: usize) -> Sender {
        Sender { workspaces, posts: Pacer::new(1.0), updates: Pacer::new(updates_per_minute / 60.0), concurrency }
    }

    /// Sends a question or a reveal. A reveal replaces the question message
    /// (buttons gone) when its `ts` is known, and is posted on its own when
    /// that message is gone.
    pub async fn deliver(&self, out: &Outbound) -> SendResult {
        let Some(workspace) = self.workspaces.get(&out.to.guild).await else {
            let detail = "the app is not installed in this workspace".to_string();
            return Err(DeliveryError::permanent(Problem::BotRemoved, detail));
        };
        let api = &workspace.api;
        let mut body = message(&out.reply);
        if let Some(image) = out.reply.image() {
            let text = body["text"].as_str().unwrap_or_default();
            return self.upload(api, out, image, text).await.map_err(classify);
        }
        body["channel"] = json!(out.to.channel);
        if let (Sendable::Post(_, Part::Reveal), Some(ts)) = (out.what, out.message_ref.as_deref()) {
            let mut update = body.clone();
            update["ts"] = json!(ts);
            match self.paced(api, &self.updates, &out.to.guild, "chat.update", &update).await {
                Ok(_) if out.thread.is_some() => {
                    // The reveal also goes in the question's thread, as a reply.
                    let mut reply = without_previews(body);
                    reply["thread_ts"] = json!(ts);
                    let warning = match self.paced(api, &self.posts, &out.to.channel, "chat.postMessage", &reply).await
                    {
                        Ok(_) => None,
                        Err(e) => match classify(e) {
                            DeliveryError::Permanent { problem: Problem::MissingPermissions, detail } => {
                                Some((Problem::ThreadsDenied, detail))
                            }
                            DeliveryError::Permanent { problem, detail } => Some((problem, detail)),
                            other => {
                                tracing::warn!(error = %other, "could not post the reveal in the question's thread");
                                None
                            }
                        },
                    };
                    return Ok(Sent { message_ref: None, warning });
                }
                Ok(_) => return Ok(Sent::default()),
                Err(ApiError::Slack { code, .. }) if code == "message_not_found" => {
                    tracing::warn!(channel = %out.to.channel, "the question message is gone; posting the reveal");
                }
                Err(e) => return Err(classify(e)),
            }
        }
        let body = without_previews(body);
        let v = self.paced(api, &self.posts, &out.to.channel, "chat.postMessage", &body).await.map_err(classify)?;
        Ok(v["ts"].as_str().filter(|_| out.what.is_question()).map(str::to_string).into())
    }

    /// A message with a picture (the recap's chart), the way Slack takes
    /// files now that files.upload is retired: ask for an upload URL, send
    /// the bytes there, then share the file in the channel with the text as
    /// its comment. Paced as a post to the channel.
    async fn upload(&self, api: &WebApi, out: &Outbound, image: &Image, text: &str) -> Result<Sent, ApiError> {
        let length = image.png.len().to_string();
        let lang = out.reply.lang.unwrap_or_default();
        let (alt, title) = (super::render::plain(&image.alt, lang), super::render::plain(&image.title, lang));
        let form = [("filename", image.file_name.as_str()), ("length", length.as_str()), ("alt_txt", alt.as_str())];
        let wait_of = |e: &ApiError| match e {
            ApiError::RateLimited(wait) => Some(*wait),
            _ => None,
        };
        let ask = || api.call_form("files.getUploadURLExternal", &form);
        let got = self.posts.call(&out.to.channel, wait_of, ask).await?;
        let (Some(url), Some(file)) = (got["upload_url"].as_str(), got["file_id"].as_str()) else {
            return Err(ApiError::Slack { method: "files.getUploadURLExternal".into(), code: "no upload_url".into() });
        };
        api.upload(url, &image.png).await?;
        let files = json!([{"id": file, "title": title}]).to_string();
        let form = [("files", files.as_str()), ("channel_id", out.to.channel.as_str()), ("initial_comment", text)];
        api.call_form("files.completeUploadExternal", &form).await?;
        Ok(Sent::default())
    }

    /// One call in `key`'s turn; a short Retry-After holds the key and the
    /// call is tried again.
    async fn paced(
        &self,
        api: &WebApi,
        pacer: &Pacer<String>,
        key: &str,
        method: &str,
        body: &Value,
    ) -> Result<Value, ApiError> {
        let wait_of = |e: &ApiError| match e {
            ApiError::RateLimited(wait) => Some(*wait),
            _ => None,
        };
        pacer.call(&key.to_string(), wait_of, || api.call(method, body)).await
    }
}

/// A failed call as a [`DeliveryError`].
fn classify(e: ApiError) -> DeliveryError {
    let detail = e.to_string();
    match e {
        ApiError::RateLimited(wait) => DeliveryError::RateLimited(wait),
        ApiError::Unreachable(_) => DeliveryError::Temporary(detail),
        ApiError::Status(s) if s >= 500 || s == 408 => DeliveryError::Temporary(detail),
        ApiError::Status(_) => DeliveryError::Rejected(detail),
        ApiError::Slack { code, .. } => match code.as_str() {
            "not_in_channel" => DeliveryError::permanent(Problem::NotInChannel, detail),
            "channel_not_found" => DeliveryError::permanent(Problem::ChannelGone, detail),
            "is_archived" => DeliveryError::permanent(Problem::Archived, detail),
            "restricted_action"
            | "restricted_action_read_only_channel"
            | "restricted_action_thread_only_channel"
            | "restricted_action_non_threadable_channel"
            | "cant_update_message"
            | "ekm_access_denied" => DeliveryError::permanent(Problem::MissingPermissions, detail),
            "not_authed"
            | "invalid_auth"
            | "account_inactive"
            | "token_revoked"
            | "token_expired"
            | "no_permission"
            | "missing_scope"
            | "team_access_not_granted"
            | "org_login_required" => DeliveryError::permanent(Problem::BotRemoved, detail),
            "fatal_error" | "internal_error" | "service_unavailable" | "request_timeout" => {
                DeliveryError::Temporary(detail)
            }
            _ => DeliveryError::Rejected(detail),
        },
    }
}

impl crate::scheduler::Deliver for Sender {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    /// Slack offers no de-duplication key for chat.postMessage.
    fn dedupes(&self) -> bool {
        false
    }

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn deliver<'a>(
        &'a self,
        out: &'a Outbound,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = SendResult> + Send + 'a>> {
        Box::pin(Sender::deliver(self, out))
    }
}
