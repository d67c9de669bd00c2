//! A fake Discord on 127.0.0.1: the gateway (HELLO, IDENTIFY -> READY,
//! heartbeats, INTERACTION_CREATE dispatches) and the REST routes the bot
//! uses. It records every REST call, can be told to fail, to be slow, to
//! enforce the global rate limit, to refuse a channel, and checks request
//! bodies against Discord's published OpenAPI document when it is available.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as Frame;

pub const APP: &str = "900000000000000001";
pub const BOT: &str = "900000000000000002";
pub const GUILD: &str = "910000000000000001";
pub const CHANNEL: &str = "920000000000000001";
/// Permission bits: Manage Server.
pub const MANAGE_GUILD: &str = "32";

#[derive(Debug, Clone)]
pub struct Call {
    pub method: Method,
    pub path: String,
    pub body: Value,
}

/// Load and limits for the channel-message routes: a round-trip time, the
/// global limit answered with 429 as Discord does, channels the bot may not
/// post in, and what the fake saw.
#[derive(Default)]
pub struct Load {
    pub latency_ms: AtomicU64,
    /// Requests a second over all channels; 0 is no limit.
    pub global_per_second: AtomicUsize,
    arrivals: Mutex<VecDeque<Instant>>,
    in_flight: AtomicUsize,
    pub max_in_flight: AtomicUsize,
    pub rate_limited: AtomicUsize,
    /// Channels answering 403 Missing Permissions.
    pub forbidden: Mutex<HashSet<String>>,
    /// Messages created, by channel, and when the last one was.
    pub posted: Mutex<HashMap<String, usize>>,
    pub last_post: Mutex<Option<Instant>>,
    /// Messages created with `enforce_nonce`, by nonce: a second create
    /// with the same nonce returns the first message and creates nothing,
    /// as Discord does for a few minutes.
    nonces: Mutex<HashMap<String, String>>,
    /// Creates answered with an earlier message that way.
    pub nonce_repeats: AtomicUsize,
}

impl Load {
    /// Counts a request in the last second's window; false if it is over the limit.
    fn admit(&self) -> bool {
        let limit = self.global_per_second.load(Ordering::SeqCst);
        if limit == 0 {
            return true;
        }
        let now = Instant::now();
        let mut arrivals = self.arrivals.lock().unwrap();
        while arrivals.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1)) {
            arrivals.pop_front();
        }
        if arrivals.len() >= limit {
            return false;
        }
        arrivals.push_back(now);
        true
    }
}

/// One request in flight while it lives.
struct Flight<'a>(&'a Load);

impl<'a> Flight<'a> {
    fn enter(load: &'a Load) -> Flight<'a> {
        let now = load.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        load.max_in_flight.fetch_max(now, Ordering::SeqCst);
        Flight(load)
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

pub struct FakeDiscord {
    pub calls: Mutex<Vec<Call>>,
    pub load: Load,
    /// What interactions say the bot may do in the channel (`app_permissions`).
    pub app_permissions: Mutex<Option<u64>>,
    /// Statuses to answer the next channel-message writes with.
    pub fail_messages: Mutex<VecDeque<u16>>,
    /// Each connected shard's event stream, by shard id.
    events: Mutex<HashMap<u64, mpsc::UnboundedSender<(&'static str, Value)>>>,
    /// The `shard` field of every IDENTIFY, and when it came.
    pub identified: Mutex<Vec<([u64; 2], Instant)>>,
    /// Told of every interaction callback as it arrives: its interaction id.
    pub callbacks: Mutex<Option<mpsc::UnboundedSender<(String, Instant)>>>,
    /// What `GET /gateway/bot` recommends: shards and max_concurrency.
    pub recommend: Mutex<(u64, u64)>,
    /// Threads may not be opened (403 Missing Permissions), as without Create Public Threads.
    pub no_threads: std::sync::atomic::AtomicBool,
    /// Files sent with messages (multipart `files[n]`): the path, file name and bytes.
    pub files: Mutex<Vec<(String, String, Vec<u8>)>>,
    ids: AtomicU64,
    gateway_url: String,
}

impl FakeDiscord {
    pub fn calls_to(&self, method: &Method, path_part: &str) -> Vec<Call> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|c| c.method == method && c.path.contains(path_part))
            .cloned()
            .collect()
    }

    fn id(&self) -> String {
        (930000000000000000 + self.ids.fetch_add(1, Ordering::SeqCst)).to_string()
    }

    /// Waits until `pred` holds of the calls, or panics after 15 s.
    pub async fn wait_for(&self, what: &str, pred: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        for _ in 0..1500 {
            let calls = self.calls.lock().unwrap().clone();
            if pred(&calls) {
                return calls;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("timed out waiting for {what}; calls: {:#?}", self.calls.lock().unwrap());
    }

    /// Sends an INTERACTION_CREATE over the gateway, on the shard its guild is on.
    pub fn dispatch(&self, interaction: Value) {
        let guild: u64 = interaction["guild_id"].as_str().and_then(|g| g.parse().ok()).unwrap_or(0);
        self.event(guild, "INTERACTION_CREATE", interaction);
    }

    /// Sends the MESSAGE_CREATE of `author`'s message of `kind` (0 written,
    /// 19 a reply, 21 a thread's starter) in `channel` (a channel, or a
    /// thread by its id) of the fixture's guild: a message as the spec's
    /// MessageResponse has it, plus the gateway's `guild_id` and `member`,
    /// and no text (the bot has no MESSAGE_CONTENT intent).
    pub fn message_create(&self, channel: &str, author: &Value, kind: u64) {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(950_000_000_000_100_000);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed).to_string();
        let mut d = message(&id, channel, "");
        d["author"] = author.clone();
        d["type"] = json!(kind);
        d["flags"] = json!(0);
        d["guild_id"] = json!(GUILD);
        d["member"] = json!({"roles": [], "joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": false,
                             "mute": false, "flags": 0, "nick": null});
        self.event(GUILD.parse().expect("a snowflake"), "MESSAGE_CREATE", d);
    }

    /// Sends a GUILD_CREATE for a server the bot was added to at `joined_at`
    /// (RFC 3339), as Discord's gateway does on a join and on every connect.
    pub fn guild_create(&self, guild: u64, system_channel: Option<&str>, joined_at: &str, locale: &str) {
        let d = json!({
            "id": guild.to_string(), "name": "Backend guild", "icon": null, "icon_hash": null, "splash": null,
            "discovery_splash": null, "owner_id": "950000000000000009", "afk_channel_id": null, "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
            "roles": [], "emojis": [], "features": [], "mfa_level": 0, "application_id": null,
            "system_channel_id": system_channel, "system_channel_flags": 0, "rules_channel_id": null,
            "vanity_url_code": null, "description": null, "banner": null, "premium_tier": 0,
            "preferred_locale": locale, "public_updates_channel_id": null, "nsfw_level": 0, "stickers": [],
            "premium_progress_bar_enabled": false, "safety_alerts_channel_id": null,
            "joined_at": joined_at, "large": false, "unavailable": false, "member_count": 2,
            "voice_states": [], "members": [], "channels": [], "threads": [], "presences": [],
            "stage_instances": [], "guild_scheduled_events": [],
        });
        self.event(guild, "GUILD_CREATE", d);
    }

    /// Sends a dispatch event on the shard `guild` is on.
    fn event(&self, guild: u64, name: &'static str, d: Value) {
        let events = self.events.lock().unwrap();
        let total = self.identified.lock().unwrap().last().map_or(1, |(s, _)| s[1]);
        let tx = events.get(&((guild >> 22) % total)).expect("the guild's shard is connected");
        tx.send((name, d)).expect("gateway connection open");
    }

    pub fn connected(&self) -> bool {
        !self.events.lock().unwrap().is_empty()
    }

    /// Shards connected and identified.
    pub fn shards_connected(&self) -> usize {
        self.events.lock().unwrap().len()
    }

    /// A slash command from a member with these permission bits.
    pub fn command(&self, user: &Value, permissions: &str, name: &str, sub: &str, options: Value) -> String {
        let interaction = self.command_body(user, permissions, name, sub, options);
        let id = interaction["id"].as_str().unwrap().to_string();
        self.dispatch(interaction);
        id
    }

    /// The INTERACTION_CREATE body of a slash command, in the fixture's guild and channel.
    pub fn command_body(&self, user: &Value, permissions: &str, name: &str, sub: &str, options: Value) -> Value {
        let id = self.id();
        let mut interaction = json!({
            "id": id, "application_id": APP, "type": 2, "token": format!("tok-{id}"), "version": 1,
            "locale": "en-US", "guild_locale": "en-US", "entitlements": [], "attachment_size_limit": 8388608,
            "guild_id": GUILD, "channel_id": CHANNEL, "member": member(user, permissions),
            "data": {"id": "940000000000000001", "name": name, "type": 1,
                     "options": [{"name": sub, "type": 1, "options": options}]},
        });
        if let Some(p) = *self.app_permissions.lock().unwrap() {
            interaction["app_permissions"] = json!(p.to_string());
        }
        interaction
    }

    /// A click on one of the bot's buttons.
    pub fn click(&self, user: &Value, custom_id: &str, message_id: &str) -> String {
        self.click_with(user, "0", custom_id, message_id)
    }

    /// A click by a member with these permission bits.
    pub fn click_with(&self, user: &Value, permissions: &str, custom_id: &str, message_id: &str) -> String {
        let mut interaction = self.click_body(user, custom_id, message_id);
        interaction["member"] = member(user, permissions);
        let id = interaction["id"].as_str().unwrap().to_string();
        self.dispatch(interaction);
        id
    }

    /// The INTERACTION_CREATE body of a click.
    pub fn click_body(&self, user: &Value, custom_id: &str, message_id: &str) -> Value {
        let id = self.id();
        json!({
            "id": id, "application_id": APP, "type": 3, "token": format!("tok-{id}"), "version": 1,
            "locale": "en-US", "entitlements": [], "attachment_size_limit": 8388608,
            "guild_id": GUILD, "channel_id": CHANNEL, "member": member(user, "0"),
            "data": {"custom_id": custom_id, "component_type": 2},
            "message": message(message_id, CHANNEL, ""),
        })
    }

    /// A submitted modal (MODAL_SUBMIT): its text inputs' values by custom id.
    pub fn submit(&self, user: &Value, permissions: &str, custom_id: &str, fields: &[(&str, &str)]) -> String {
        let id = self.id();
        let rows: Vec<Value> = fields
            .iter()
            .map(|(name, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": name, "value": value}]}))
            .collect();
        self.dispatch(json!({
            "id": id, "application_id": APP, "type": 5, "token": format!("tok-{id}"), "version": 1,
            "locale": "en-US", "entitlements": [], "attachment_size_limit": 8388608,
            "guild_id": GUILD, "channel_id": CHANNEL, "member": member(user, permissions),
            "data": {"custom_id": custom_id, "components": rows},
        }));
        id
    }

    /// The interaction callback for an interaction id, once it arrives.
    /// Waits for a post in `channel` that opens a thread: the post (its
    /// POST) and the thread's call, whose id is the post's message id.
    pub async fn post_with_thread(&self, channel: &str) -> (Call, Call, String) {
        let threads = format!("/api/v10/channels/{channel}/messages/");
        let calls = self
            .wait_for("a post and its thread", |c| {
                c.iter().any(|c| c.path.starts_with(&threads) && c.path.ends_with("/threads"))
            })
            .await;
        let messages = format!("/channels/{channel}/messages");
        let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with(&messages)).unwrap().clone();
        let thread = calls.iter().find(|c| c.path.ends_with("/threads")).unwrap().clone();
        let message = thread.path.trim_end_matches("/threads").rsplit('/').next().unwrap().to_string();
        (post, thread, message)
    }

    /// The bot's answer to an interaction. A reply that took longer than
    /// the bot waits (a loaded machine) is deferred (type 5 or 6) and comes
    /// as an edit of the original response: then that edit, as `data` of
    /// the callback's type, so that a test reads the reply either way.
    pub async fn callback(&self, interaction: &str) -> Value {
        let path = format!("/interactions/{interaction}/");
        let calls =
            self.wait_for(&format!("callback of {interaction}"), |c| c.iter().any(|c| c.path.contains(&path))).await;
        let body = calls.into_iter().find(|c| c.path.contains(&path)).unwrap().body;
        if !matches!(body["type"].as_u64(), Some(5 | 6)) {
            return body;
        }
        let edit = format!("/webhooks/{APP}/tok-{interaction}/messages/@original");
        let calls = self
            .wait_for(&format!("the deferred reply to {interaction}"), |c| {
                c.iter().any(|c| c.method == Method::PATCH && c.path.ends_with(&edit))
            })
            .await;
        let data = calls.into_iter().find(|c| c.method == Method::PATCH && c.path.ends_with(&edit)).unwrap().body;
        let flags = body["data"]["flags"].clone();
        let mut data = data;
        if data.get("flags").is_none() && !flags.is_null() {
            data["flags"] = flags;
        }
        json!({"type": body["type"], "data": data, "deferred": true})
    }
}

/// The bot's Discord settings pointed at a fake on `base`: a token, the
/// test server, no gateway unless the test adds one.
pub fn settings(base: &str) -> quizmaster::config::DiscordSettings {
    quizmaster::config::DiscordSettings {
        token: Some(secrecy::SecretString::from("test-token")),
        guild_ids: vec![GUILD.parse().unwrap()],
        api_base_url: Some(base.parse().unwrap()),
        ..quizmaster::config::DiscordSettings::default()
    }
}

pub fn user(id: &str, name: &str) -> Value {
    json!({"id": id, "username": name.to_lowercase().replace(' ', ""), "discriminator": "0", "global_name": name, "avatar": null})
}

fn member(user: &Value, permissions: &str) -> Value {
    json!({"user": user, "roles": [], "joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false,
           "flags": 0, "permissions": permissions})
}

fn message(id: &str, channel: &str, content: &str) -> Value {
    json!({
        "id": id, "channel_id": channel, "content": content,
        "author": {"id": BOT, "username": "quizmaster", "discriminator": "0", "global_name": null, "avatar": null, "bot": true},
        "timestamp": "2026-11-25T08:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": [],
    })
}

/// The parts of a `multipart/form-data` body: (name, file name, bytes).
fn multipart(content_type: &str, body: &[u8]) -> Vec<(String, Option<String>, Vec<u8>)> {
    let Some(boundary) = content_type.split("boundary=").nth(1) else { return Vec::new() };
    let delimiter = format!("--{}", boundary.trim_matches('"'));
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
    };
    let mut parts = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0).map(|i| i + delimiter.len());
    while let Some(start) = at {
        if body[start..].starts_with(b"--") {
            break;
        }
        let Some(head_end) = find(body, b"\r\n\r\n", start) else { break };
        let Some(next) = find(body, delimiter.as_bytes(), head_end) else { break };
        let head = String::from_utf8_lossy(&body[start..head_end]).to_string();
        let field = |key: &str| {
            head.split(';')
                .map(str::trim)
                .find_map(|kv| kv.strip_prefix(&format!("{key}=\"")))
                .map(|v| v.split('"').next().unwrap_or_default().to_string())
        };
        let content = body[head_end + 4..next - 2].to_vec();
        parts.push((field("name").unwrap_or_default(), field("filename"), content));
        at = Some(next + delimiter.len());
    }
    parts
}

async fn rest(
    State(fake): State<Arc<FakeDiscord>>,
    method: Method,
    uri: Uri,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let json_body: Value = if content_type.starts_with("multipart/form-data") {
        // A message with files: its JSON travels as `payload_json`.
        let mut payload = Value::Null;
        for (name, file_name, bytes) in multipart(content_type, &body) {
            match file_name {
                Some(file_name) => fake.files.lock().unwrap().push((path.clone(), file_name, bytes)),
                None if name == "payload_json" => payload = serde_json::from_slice(&bytes).unwrap_or(Value::Null),
                None => {}
            }
        }
        payload
    } else {
        serde_json::from_slice(&body).unwrap_or(Value::Null)
    };
    fake.calls.lock().unwrap().push(Call { method: method.clone(), path: path.clone(), body: json_body.clone() });
    let Some(route) = path.strip_prefix("/api/v10") else {
        return (StatusCode::NOT_FOUND, axum::Json(json!({"message": "404: Not Found", "code": 0}))).into_response();
    };
    // A token Discord no longer accepts (reset in the Developer Portal).
    if headers.get("authorization").is_some_and(|v| v == "Bot revoked-token") {
        return (StatusCode::UNAUTHORIZED, axum::Json(json!({"message": "401: Unauthorized", "code": 0})))
            .into_response();
    }
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let ok = |v: Value| axum::Json(v).into_response();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({"url": fake.gateway_url})),
        ("GET", ["gateway", "bot"]) => {
            let (shards, max_concurrency) = *fake.recommend.lock().unwrap();
            ok(json!({"url": fake.gateway_url, "shards": shards, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": max_concurrency}}))
        }
        ("GET", ["users", "@me"]) => ok(json!({
            "id": BOT, "username": "Quizmaster", "discriminator": "0", "global_name": null, "avatar": null,
            "bot": true, "mfa_enabled": false, "verified": true, "flags": 0,
        })),
        ("GET", ["users", "@me", "guilds"]) => ok(json!([{
            "id": GUILD, "name": "Backend Guild", "icon": null, "owner": false, "permissions": "2048",
            "features": [],
        }])),
        ("GET", ["oauth2", "applications", "@me"]) => ok(json!({
            "id": APP, "name": "Quizmaster", "icon": null, "description": "", "bot_public": true,
            "bot_require_code_grant": false, "verify_key": "00", "flags": 0,
        })),
        ("PUT", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) => {
            let commands: Vec<Value> = json_body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut c| {
                    c["id"] = json!(fake.id());
                    c["application_id"] = json!(APP);
                    c["version"] = json!("1");
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    c
                })
                .collect();
            ok(Value::Array(commands))
        }
        ("POST", ["interactions", id, _, "callback"]) => {
            if let Some(tx) = fake.callbacks.lock().unwrap().as_ref() {
                let _ = tx.send(((*id).to_string(), Instant::now()));
            }
            StatusCode::NO_CONTENT.into_response()
        }
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            ok(message(&fake.id(), CHANNEL, json_body["content"].as_str().unwrap_or_default()))
        }
        ("POST", ["channels", channel, "messages", message, "threads"]) => {
            if fake.no_threads.load(Ordering::SeqCst) {
                return (StatusCode::FORBIDDEN, axum::Json(json!({"message": "Missing Permissions", "code": 50013})))
                    .into_response();
            }
            // A thread opened on a message has the message's id.
            ok(json!({"id": message, "type": 11, "guild_id": GUILD, "parent_id": channel,
                "name": json_body["name"], "owner_id": BOT, "message_count": 0, "member_count": 1,
                "rate_limit_per_user": 0, "flags": 0,
                "thread_metadata": {"archived": false, "auto_archive_duration": json_body["auto_archive_duration"],
                    "archive_timestamp": "2026-11-25T08:00:00.000000+00:00", "locked": false}}))
        }
        ("POST" | "PATCH", ["channels", channel, "messages", rest @ ..]) => {
            let load = &fake.load;
            let _flight = Flight::enter(load);
            let admitted = load.admit();
            tokio::time::sleep(Duration::from_millis(load.latency_ms.load(Ordering::SeqCst))).await;
            if !admitted {
                load.rate_limited.fetch_add(1, Ordering::SeqCst);
                let mut resp = (
                    StatusCode::TOO_MANY_REQUESTS,
                    axum::Json(json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": true})),
                )
                    .into_response();
                resp.headers_mut().insert("retry-after", "1".parse().unwrap());
                resp.headers_mut().insert("x-ratelimit-global", "true".parse().unwrap());
                resp.headers_mut().insert("x-ratelimit-scope", "global".parse().unwrap());
                return resp;
            }
            if load.forbidden.lock().unwrap().contains(*channel) {
                return (StatusCode::FORBIDDEN, axum::Json(json!({"message": "Missing Permissions", "code": 50013})))
                    .into_response();
            }
            if let Some(status) = fake.fail_messages.lock().unwrap().pop_front() {
                let code = StatusCode::from_u16(status).unwrap();
                let mut resp = (code, axum::Json(json!({"message": "scripted failure", "code": 0}))).into_response();
                if status == 429 {
                    resp.headers_mut().insert("retry-after", "1".parse().unwrap());
                    *resp.body_mut() = axum::body::Body::from(
                        r#"{"message":"You are being rate limited.","retry_after":0.5,"global":false}"#,
                    );
                }
                return resp;
            }
            let nonce = json_body["nonce"].as_str().filter(|_| json_body["enforce_nonce"] == true);
            if method == Method::POST
                && let Some(first) = nonce.and_then(|n| load.nonces.lock().unwrap().get(n).cloned())
            {
                load.nonce_repeats.fetch_add(1, Ordering::SeqCst);
                return ok(message(&first, channel, json_body["content"].as_str().unwrap_or_default()));
            }
            let id = rest.first().map_or_else(|| fake.id(), |m| (*m).to_string());
            if method == Method::POST {
                *load.posted.lock().unwrap().entry((*channel).to_string()).or_default() += 1;
                *load.last_post.lock().unwrap() = Some(Instant::now());
                if let Some(n) = nonce {
                    load.nonces.lock().unwrap().insert(n.to_string(), id.clone());
                }
            }
            ok(message(&id, channel, json_body["content"].as_str().unwrap_or_default()))
        }
        _ => (StatusCode::NOT_FOUND, axum::Json(json!({"message": "Unknown route", "code": 0}))).into_response(),
    }
}

async fn gateway(fake: Arc<FakeDiscord>, listener: tokio::net::TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        // One task per connection: every shard has its own.
        tokio::spawn(connection(Arc::clone(&fake), stream));
    }
}

async fn connection(fake: Arc<FakeDiscord>, stream: tokio::net::TcpStream) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else { return };
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<(&'static str, Value)>();
    let send = |v: Value| Frame::Text(v.to_string());
    let _ = sink.send(send(json!({"op": 10, "d": {"heartbeat_interval": 41250}, "s": null, "t": null}))).await;
    let mut seq = 0u64;
    loop {
        tokio::select! {
            frame = stream.next() => {
                let Some(Ok(frame)) = frame else { break };
                let Ok(text) = frame.to_text() else { continue };
                let Ok(v) = serde_json::from_str::<Value>(text) else { continue };
                match v["op"].as_u64() {
                    Some(2) => {
                        // GUILDS | GUILD_MESSAGES, and no privileged intent.
                        assert_eq!(v["d"]["intents"].as_u64(), Some(1 | 1 << 9), "GUILDS and GUILD_MESSAGES only");
                        let shard = v["d"]["shard"].as_array().map_or([0, 1], |s| {
                            [s[0].as_u64().unwrap_or(0), s[1].as_u64().unwrap_or(1)]
                        });
                        fake.identified.lock().unwrap().push((shard, Instant::now()));
                        seq += 1;
                        let ready = json!({"op": 0, "t": "READY", "s": seq, "d": {
                            "v": 10, "user": {"id": BOT, "username": "quizmaster", "discriminator": "0", "avatar": null, "bot": true},
                            "guilds": [{"id": GUILD, "unavailable": true}], "session_id": "session-1",
                            "resume_gateway_url": fake.gateway_url, "application": {"id": APP, "flags": 0},
                            "shard": shard,
                        }});
                        let _ = sink.send(send(ready)).await;
                        fake.events.lock().unwrap().insert(shard[0], tx.clone());
                    }
                    Some(1) => {
                        let _ = sink.send(send(json!({"op": 11, "d": null, "s": null, "t": null}))).await;
                    }
                    _ => {}
                }
            }
            event = rx.recv() => {
                let Some((t, d)) = event else { break };
                seq += 1;
                let _ = sink.send(send(json!({"op": 0, "t": t, "s": seq, "d": d}))).await;
            }
        }
    }
}

/// Starts the fake; returns it and the REST base URL (for `discord.api_base_url`).
pub async fn start() -> (Arc<FakeDiscord>, String) {
    let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let fake = Arc::new(FakeDiscord {
        calls: Mutex::default(),
        fail_messages: Mutex::default(),
        files: Mutex::default(),
        no_threads: Default::default(),
        load: Load::default(),
        app_permissions: Mutex::default(),
        events: Mutex::default(),
        identified: Mutex::default(),
        callbacks: Mutex::default(),
        recommend: Mutex::new((1, 1)),
        ids: AtomicU64::new(1),
        gateway_url: format!("ws://{}", ws.local_addr().unwrap()),
    });
    let base = format!("http://{}", http.local_addr().unwrap());
    let app = Router::new().fallback(rest).with_state(Arc::clone(&fake));
    tokio::spawn(async move { axum::serve(http, app).await });
    tokio::spawn(gateway(Arc::clone(&fake), ws));
    (fake, base)
}

// ---------------------------------------------------------------- the spec

fn spec() -> Option<Value> {
    let path = std::env::var_os("QUIZMASTER_DISCORD_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/specs/discord/openapi.json"));
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn template_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    t.len() == p.len() && t.iter().zip(&p).all(|(a, b)| a.starts_with('{') || a == b)
}

/// Permission bit sets are decimal strings in Discord's docs and in what
/// serenity sends, integers in the preview spec: the one known difference.
fn permissions_as_integers(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if k == "default_member_permissions"
                    && let Some(n) = val.as_str().and_then(|s| s.parse::<u64>().ok())
                {
                    *val = json!(n);
                }
                permissions_as_integers(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(permissions_as_integers),
        _ => {}
    }
}

/// Validates every recorded request body against its operation's schema.
/// Returns how many were checked, or `None` when the document is not here.
pub fn check_against_spec(fake: &FakeDiscord) -> Option<usize> {
    let Some(spec) = spec() else {
        eprintln!(
            "skipped: Discord's OpenAPI document (../shared/specs/discord) is not here, so request bodies were not checked against it"
        );
        return None;
    };
    let calls = fake.calls.lock().unwrap().clone();
    let mut checked = 0;
    for call in calls.iter().filter(|c| c.method != Method::GET) {
        let route = call.path.strip_prefix("/api/v10").unwrap_or(&call.path);
        let (template, item) = spec["paths"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(t, _)| template_matches(t, route))
            .unwrap_or_else(|| panic!("{} {} is not an operation in the spec", call.method, route));
        let op = &item[call.method.as_str().to_lowercase()];
        assert!(op.is_object(), "{} {template} is not in the spec", call.method);
        let Some(schema) = op["requestBody"]["content"]["application/json"]["schema"].as_object() else { continue };
        let mut root = Value::Object(schema.clone());
        root["components"] = spec["components"].clone();
        root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        let validator = jsonschema::validator_for(&root).expect("the spec's schema compiles");
        let mut body = call.body.clone();
        permissions_as_integers(&mut body);
        let errors: Vec<String> =
            validator.iter_errors(&body).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{} {template}: {errors:#?}\nbody: {}", call.method, call.body);
        checked += 1;
    }
    Some(checked)
}

#[test]
fn the_spec_check_rejects_a_body_that_breaks_the_schema() {
    let fake = FakeDiscord {
        calls: Mutex::new(vec![Call {
            method: Method::POST,
            path: format!("/api/v10/channels/{CHANNEL}/messages"),
            body: json!({"content": 5, "allowed_mentions": {"parse": []}}),
        }]),
        fail_messages: Mutex::default(),
        files: Mutex::default(),
        no_threads: Default::default(),
        load: Load::default(),
        app_permissions: Mutex::default(),
        events: Mutex::default(),
        identified: Mutex::default(),
        callbacks: Mutex::default(),
        recommend: Mutex::new((1, 1)),
        ids: AtomicU64::new(1),
        gateway_url: String::new(),
    };
    if spec().is_none() {
        eprintln!("skipped: Discord's OpenAPI document is not here");
        return;
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_against_spec(&fake)));
    assert!(result.is_err(), "a numeric `content` must fail the schema");
}
