//! A fake Slack on 127.0.0.1: the Web API methods the bot calls and a
//! `response_url` sink. It records every call, can be told to fail, to be
//! slow, to keep Slack's per-channel pace, to refuse a channel, and checks
//! each Web API call against Slack's published spec when it is available.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub auth: Option<String>,
    pub body: Value,
}

/// A file asked for: its name, the length declared, and its bytes once sent.
pub type Upload = (String, usize, Option<Vec<u8>>);

/// A scripted answer for the next Web API call.
#[derive(Debug, Clone)]
pub enum Script {
    RateLimited { retry_after: u64 },
    ServerError,
    NotOk(&'static str),
}

/// Load and limits: a round-trip time, Slack's one message a second per
/// channel for chat.postMessage (answered with 429 and Retry-After), channels
/// answering an error, and what the fake saw.
#[derive(Default)]
pub struct Load {
    pub latency_ms: AtomicU64,
    pub per_channel_limit: AtomicBool,
    last_in_channel: Mutex<HashMap<String, Instant>>,
    in_flight: AtomicUsize,
    pub max_in_flight: AtomicUsize,
    pub rate_limited: AtomicUsize,
    /// Channels whose chat.* calls answer `ok: false` with this error.
    pub channel_errors: Mutex<HashMap<String, &'static str>>,
    /// Messages posted, by channel, and when the last one was.
    pub posted: Mutex<HashMap<String, usize>>,
    pub last_post: Mutex<Option<Instant>>,
}

#[derive(Default)]
pub struct FakeSlack {
    pub calls: Mutex<Vec<Call>>,
    pub load: Load,
    pub responses: Mutex<Vec<Value>>,
    pub script: Mutex<VecDeque<Script>>,
    pub socket: Arc<Socket>,
    /// users.info profiles by user id: display name; others are `user_not_found`.
    pub profiles: Mutex<HashMap<String, String>>,
    /// The users' languages (`locale`), given when users.info is asked with `include_locale`.
    pub locales: Mutex<HashMap<String, String>>,
    /// Users whose id says workspace admin (`UWSADMIN…`) but who were demoted.
    pub demoted: Mutex<std::collections::HashSet<String>>,
    /// Files asked for with files.getUploadURLExternal, by file id: the
    /// name and length declared, and the bytes once POSTed to the upload URL.
    pub uploads: Mutex<HashMap<String, Upload>>,
    /// Files shared with files.completeUploadExternal: id, channel, comment.
    pub shared: Mutex<Vec<(String, String, String)>>,
    base: Mutex<String>,
    ts: Mutex<u64>,
}

/// Slack's Socket Mode side, as its documentation describes it: a one-time
/// URL from `apps.connections.open`, `hello` on connect, envelopes with an
/// `envelope_id` that the app acks, `disconnect` before Slack closes a
/// connection, and every envelope not acked on a connection that closed
/// delivered again on the next one with `retry_attempt` raised.
#[derive(Default)]
pub struct Socket {
    url: Mutex<String>,
    /// Calls of apps.connections.open.
    pub opened: AtomicUsize,
    conns: Mutex<Vec<Conn>>,
    /// Envelopes left unacked on a connection that closed (and sent again).
    pub cut_off: AtomicUsize,
    /// Envelopes waiting for a connection.
    waiting: Mutex<VecDeque<Value>>,
    /// Every ack by envelope id.
    pub acks: Mutex<HashMap<String, Vec<Ack>>>,
    /// Deliveries of each envelope that could still be acked: sent on a
    /// connection, less those left unacked when it closed.
    pub owed: Mutex<HashMap<String, usize>>,
    /// When each envelope was first sent.
    pub sent_at: Mutex<HashMap<String, Instant>>,
}

/// An ack: the connection it came on, its payload, when.
pub type Ack = (usize, Value, Instant);

struct Conn {
    tx: tokio::sync::mpsc::UnboundedSender<Option<Value>>,
    /// Sent `disconnect`: no new envelopes go here.
    draining: bool,
    /// Envelopes sent here and not acked yet.
    unacked: Vec<Value>,
}

impl Socket {
    /// Whether every delivery that can still be acked was.
    pub fn all_acked(&self) -> bool {
        let acks = self.acks.lock().unwrap();
        self.owed.lock().unwrap().iter().all(|(id, n)| acks.get(id).map_or(0, Vec::len) >= *n)
    }

    /// Connections the bot opened.
    pub fn connections(&self) -> usize {
        self.conns.lock().unwrap().len()
    }

    /// Sends an envelope on the newest connection, or once one opens.
    pub fn send(&self, envelope: Value) {
        let id = envelope["envelope_id"].as_str().unwrap_or_default().to_string();
        self.sent_at.lock().unwrap().entry(id).or_insert_with(Instant::now);
        let mut conns = self.conns.lock().unwrap();
        match conns.last_mut().filter(|c| !c.draining) {
            Some(conn) if conn.tx.send(Some(envelope.clone())).is_ok() => {
                *self
                    .owed
                    .lock()
                    .unwrap()
                    .entry(envelope["envelope_id"].as_str().unwrap_or_default().into())
                    .or_default() += 1;
                conn.unacked.push(envelope);
            }
            _ => self.waiting.lock().unwrap().push_back(envelope),
        }
    }

    /// Sends an envelope again, as Slack does when unsure it was received.
    pub fn redeliver(&self, mut envelope: Value) {
        let attempt = envelope["retry_attempt"].as_u64().unwrap_or(0) + 1;
        envelope["retry_attempt"] = json!(attempt);
        envelope["retry_reason"] = json!("timeout");
        self.send(envelope);
    }

    /// `disconnect` on the newest connection; it closes `grace` later and its
    /// unacked envelopes go again on the next connection.
    pub fn disconnect(self: &Arc<Self>, reason: &str, grace: Duration) {
        let index = {
            let mut conns = self.conns.lock().unwrap();
            let Some(conn) = conns.last_mut() else { return };
            conn.draining = true;
            let _ = conn.tx.send(Some(json!({"type": "disconnect", "reason": reason,
                "debug_info": {"host": "applink-fake"}})));
            conns.len() - 1
        };
        let socket = Arc::clone(self);
        tokio::spawn(async move {
            tokio::time::sleep(grace).await;
            let unacked = {
                let mut conns = socket.conns.lock().unwrap();
                let conn = &mut conns[index];
                let _ = conn.tx.send(None);
                std::mem::take(&mut conn.unacked)
            };
            socket.cut_off.fetch_add(unacked.len(), Ordering::SeqCst);
            for envelope in unacked {
                let id = envelope["envelope_id"].as_str().unwrap_or_default().to_string();
                *socket.owed.lock().unwrap().entry(id).or_default() -= 1;
                socket.redeliver(envelope);
            }
        });
    }

    fn acked(&self, conn: usize, ack: &Value) {
        let id = ack["envelope_id"].as_str().unwrap_or_default().to_string();
        self.conns.lock().unwrap()[conn].unacked.retain(|e| e["envelope_id"] != ack["envelope_id"]);
        self.acks.lock().unwrap().entry(id).or_default().push((conn, ack["payload"].clone(), Instant::now()));
    }
}

async fn socket_server(fake: Arc<FakeSlack>, listener: tokio::net::TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        let fake = Arc::clone(&fake);
        tokio::spawn(async move {
            use futures_util::{SinkExt, StreamExt};
            use tokio_tungstenite::tungstenite::Message;
            let Ok(ws) = tokio_tungstenite::accept_async(stream).await else { return };
            let (mut sink, mut stream) = ws.split();
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Option<Value>>();
            let hello = json!({"type": "hello", "num_connections": 1,
                "debug_info": {"host": "applink-fake", "approximate_connection_time": 18060},
                "connection_info": {"app_id": "A1"}});
            let _ = sink.send(Message::Text(hello.to_string())).await;
            let index = {
                let mut conns = fake.socket.conns.lock().unwrap();
                conns.push(Conn { tx, draining: false, unacked: Vec::new() });
                conns.len() - 1
            };
            let waiting: Vec<Value> = fake.socket.waiting.lock().unwrap().drain(..).collect();
            for envelope in waiting {
                fake.socket.send(envelope);
            }
            loop {
                tokio::select! {
                    frame = stream.next() => {
                        let Some(Ok(Message::Text(text))) = frame else {
                            if matches!(frame, Some(Ok(_))) { continue }
                            break;
                        };
                        let ack: Value = serde_json::from_str(&text).expect("acks are JSON");
                        assert!(ack["envelope_id"].is_string(), "an ack names its envelope: {ack}");
                        fake.socket.acked(index, &ack);
                    }
                    out = rx.recv() => match out {
                        Some(Some(v)) => { let _ = sink.send(Message::Text(v.to_string())).await; }
                        _ => { let _ = sink.send(Message::Close(None)).await; break; }
                    }
                }
            }
        });
    }
}

impl FakeSlack {
    pub fn calls(&self, method: &str) -> Vec<Call> {
        self.calls.lock().unwrap().iter().filter(|c| c.method == method).cloned().collect()
    }
}

async fn api(
    State(fake): State<Arc<FakeSlack>>,
    Path(method): Path<String>,
    headers: HeaderMap,
    body: String,
) -> Response {
    let form = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let body: Value = if form {
        json!(serde_urlencoded::from_str::<HashMap<String, String>>(&body).unwrap_or_default())
    } else {
        serde_json::from_str(&body).unwrap_or(Value::Null)
    };
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string);
    fake.calls.lock().unwrap().push(Call { method: method.clone(), auth: auth.clone(), body: body.clone() });
    let load = &fake.load;
    let now = load.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    load.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let resp = answer(&fake, &method, &body, auth.as_deref()).await;
    load.in_flight.fetch_sub(1, Ordering::SeqCst);
    resp
}

/// The read methods Slack documents as GET, arguments in the query.
async fn api_get(
    State(fake): State<Arc<FakeSlack>>,
    Path(method): Path<String>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>,
) -> Response {
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string);
    fake.calls.lock().unwrap().push(Call { method: method.clone(), auth, body: json!(query) });
    match method.as_str() {
        // The client secret in a URL would land in proxy and server logs.
        "oauth.v2.access" => {
            axum::Json(json!({"ok": false, "error": "the fake takes credentials in a POST body only"})).into_response()
        }
        "users.info" => {
            let id = query.get("user").cloned().unwrap_or_default();
            match fake.profiles.lock().unwrap().get(&id) {
                Some(name) => {
                    let mut user = json!({"id": id, "name": id.to_lowercase(),
                        "real_name": format!("{name} (full)"),
                        "is_admin": id.starts_with("UWSADMIN") && !fake.demoted.lock().unwrap().contains(&id),
                        "is_owner": false,
                        "profile": {"display_name": name, "real_name": format!("{name} (full)")}});
                    if query.get("include_locale").is_some_and(|v| v == "true") {
                        let locale = fake.locales.lock().unwrap().get(&id).cloned();
                        user["locale"] = json!(locale.unwrap_or_else(|| "en-US".into()));
                    }
                    axum::Json(json!({"ok": true, "user": user})).into_response()
                }
                None => axum::Json(json!({"ok": false, "error": "user_not_found"})).into_response(),
            }
        }
        _ => axum::Json(json!({"ok": false, "error": "unknown_method"})).into_response(),
    }
}

/// The upload URL of files.getUploadURLExternal: takes the raw bytes.
async fn upload(State(fake): State<Arc<FakeSlack>>, Path(id): Path<String>, body: Bytes) -> Response {
    match fake.uploads.lock().unwrap().get_mut(&id) {
        Some((_, _, bytes)) => {
            *bytes = Some(body.to_vec());
            (StatusCode::OK, format!("OK - {}", body.len())).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn answer(fake: &FakeSlack, method: &str, body: &Value, auth: Option<&str>) -> Response {
    if method == "oauth.v2.access" {
        return oauth_access(body);
    }
    if method == "files.getUploadURLExternal" {
        let length = body["length"].as_str().and_then(|l| l.parse().ok());
        let (Some(name), Some(length)) = (body["filename"].as_str(), length) else {
            return axum::Json(json!({"ok": false, "error": "invalid_arguments"})).into_response();
        };
        let id = format!("F{}", fake.uploads.lock().unwrap().len() + 1);
        fake.uploads.lock().unwrap().insert(id.clone(), (name.to_string(), length, None));
        let url = format!("{}/upload/{id}", fake.base.lock().unwrap());
        return axum::Json(json!({"ok": true, "upload_url": url, "file_id": id})).into_response();
    }
    if method == "files.completeUploadExternal" {
        let files: Vec<Value> = body["files"].as_str().and_then(|f| serde_json::from_str(f).ok()).unwrap_or_default();
        let uploads = fake.uploads.lock().unwrap();
        for f in &files {
            let id = f["id"].as_str().unwrap_or_default();
            // Slack refuses to complete a file whose bytes did not all arrive.
            match uploads.get(id) {
                Some((_, length, Some(bytes))) if bytes.len() == *length => {}
                _ => return axum::Json(json!({"ok": false, "error": "file_not_found"})).into_response(),
            }
            let channel = body["channel_id"].as_str().unwrap_or_default().to_string();
            let comment = body["initial_comment"].as_str().unwrap_or_default().to_string();
            fake.shared.lock().unwrap().push((id.to_string(), channel, comment));
        }
        let ids: Vec<Value> = files.iter().map(|f| json!({"id": f["id"], "title": f["title"]})).collect();
        return axum::Json(json!({"ok": true, "files": ids})).into_response();
    }
    if method == "views.open" {
        // `view` is a JSON-encoded string (the Web API spec says so); Slack
        // refuses a view that is not a modal with blocks.
        let view: Option<Value> = body["view"].as_str().and_then(|v| serde_json::from_str(v).ok());
        let ok = body["trigger_id"].as_str().is_some_and(|t| !t.is_empty())
            && view.as_ref().is_some_and(|v| {
                v["type"] == "modal"
                    && v["blocks"].is_array()
                    && v["title"]["text"].as_str().is_some_and(|t| t.chars().count() <= 24)
            });
        if !ok {
            return axum::Json(json!({"ok": false, "error": "invalid_arguments"})).into_response();
        }
        return axum::Json(json!({"ok": true, "view": view})).into_response();
    }
    if method == "auth.test" {
        return match auth {
            Some("Bearer xoxb-revoked") => axum::Json(json!({"ok": false, "error": "invalid_auth"})).into_response(),
            Some(a) if a.starts_with("Bearer xoxb-") => {
                axum::Json(json!({"ok": true, "url": "https://team.slack.com/",
                "team": "Backend Team", "user": "quizmaster", "team_id": "T1", "user_id": "UBOT", "bot_id": "B1"}))
                .into_response()
            }
            _ => axum::Json(json!({"ok": false, "error": "not_authed"})).into_response(),
        };
    }
    if method == "apps.connections.open" {
        if !auth.is_some_and(|a| a.starts_with("Bearer xapp-")) {
            return axum::Json(json!({"ok": false, "error": "not_allowed_token_type"})).into_response();
        }
        let n = fake.socket.opened.fetch_add(1, Ordering::SeqCst);
        let url = format!("{}/link/?ticket=t{n}&app_id=A1", fake.socket.url.lock().unwrap());
        return axum::Json(json!({"ok": true, "url": url})).into_response();
    }
    let load = &fake.load;
    let channel = body["channel"].as_str().unwrap_or_default().to_string();
    let too_soon = method == "chat.postMessage" && load.per_channel_limit.load(Ordering::SeqCst) && {
        let mut last = load.last_in_channel.lock().unwrap();
        let now = Instant::now();
        let soon = last.get(&channel).is_some_and(|t| now.duration_since(*t) < Duration::from_secs(1));
        if !soon {
            last.insert(channel.clone(), now);
        }
        soon
    };
    tokio::time::sleep(Duration::from_millis(load.latency_ms.load(Ordering::SeqCst))).await;
    if too_soon {
        load.rate_limited.fetch_add(1, Ordering::SeqCst);
        return (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], "").into_response();
    }
    if let Some(error) = load.channel_errors.lock().unwrap().get(&channel) {
        return axum::Json(json!({"ok": false, "error": error})).into_response();
    }
    if let Some(script) = fake.script.lock().unwrap().pop_front() {
        return match script {
            Script::RateLimited { retry_after } => {
                (StatusCode::TOO_MANY_REQUESTS, [("retry-after", retry_after.to_string())], "").into_response()
            }
            Script::ServerError => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            Script::NotOk(error) => axum::Json(json!({"ok": false, "error": error})).into_response(),
        };
    }
    let ts = {
        let mut n = fake.ts.lock().unwrap();
        *n += 1;
        format!("1764000000.{:06}", *n)
    };
    let ts = body["ts"].as_str().map_or(ts, str::to_string);
    if method == "chat.postMessage" {
        *load.posted.lock().unwrap().entry(channel).or_default() += 1;
        *load.last_post.lock().unwrap() = Some(Instant::now());
    }
    axum::Json(json!({"ok": true, "channel": body["channel"], "ts": ts})).into_response()
}

async fn response_url(State(fake): State<Arc<FakeSlack>>, body: String) -> &'static str {
    fake.responses.lock().unwrap().push(serde_json::from_str(&body).unwrap_or(Value::Null));
    "ok"
}

/// Starts the fake; returns it and its base URL.
/// Points the bot's Slack client at a fake on `base`.
pub fn point_at(settings: &mut quizmaster::config::Settings, base: &str) {
    settings.slack.api_base_url = format!("{base}/api").parse().unwrap();
}

pub async fn start() -> (Arc<FakeSlack>, String) {
    let fake = Arc::new(FakeSlack::default());
    let app = Router::new()
        .route("/api/{method}", post(api).get(api_get))
        .route("/response/{id}", post(response_url))
        .route("/upload/{id}", post(upload))
        .with_state(Arc::clone(&fake));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    *fake.base.lock().unwrap() = base.clone();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    *fake.socket.url.lock().unwrap() = format!("ws://{}", ws.local_addr().unwrap());
    tokio::spawn(socket_server(Arc::clone(&fake), ws));
    (fake, base)
}

/// Slack's published Web API spec, kept outside the repository.
fn spec() -> Option<Value> {
    let path = std::env::var_os("QUIZMASTER_SLACK_SPEC").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/specs/slack/web-api-openapi-v2.json")
    });
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// The methods newer than the spec, as listed beside it (names and which
/// parameters are required).
fn newer_methods() -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/specs/slack/newer-methods.json");
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn check_newer(call: &Call, method: &Value) {
    let params = method["params"].as_object().expect("params");
    let body = call.body.as_object().expect("a JSON object body");
    for key in body.keys() {
        assert!(params.contains_key(key), "{}: parameter `{key}` is not a known one", call.method);
    }
    for (name, how) in params {
        if how.as_str().is_some_and(|h| h.starts_with("required")) {
            assert!(body.contains_key(name), "{}: required `{name}` missing", call.method);
        }
    }
    let auth = call.auth.as_deref().unwrap_or_default();
    if method["auth"].as_str().is_some_and(|a| a.contains("xapp")) {
        assert!(auth.starts_with("Bearer xapp-"), "{}: needs the app-level token", call.method);
    } else {
        assert!(auth.starts_with("Bearer "), "{}: no token", call.method);
    }
}

/// Checks every recorded Web API call against the spec: a known method,
/// known parameter names, the required ones present (the token travels in
/// the Authorization header, as the spec's `in: header` says). Returns the
/// number of calls checked, or `None` when the spec is not here.
pub fn check_against_spec(fake: &FakeSlack) -> Option<usize> {
    let Some(spec) = spec() else {
        eprintln!(
            "skipped: Slack's Web API spec (../shared/specs/slack) is not here, so calls were not checked against it"
        );
        return None;
    };
    let newer = newer_methods();
    let calls = fake.calls.lock().unwrap().clone();
    for call in &calls {
        if let Some(method) = newer.as_ref().and_then(|n| n.get(&call.method)) {
            check_newer(call, method);
            continue;
        }
        let path = &spec["paths"][format!("/{}", call.method)];
        let op = if path["post"].is_object() { &path["post"] } else { &path["get"] };
        assert!(op.is_object(), "{} is not a Web API method in the spec", call.method);
        let params = op["parameters"].as_array().expect("parameters");
        let known: Vec<&str> = params.iter().filter_map(|p| p["name"].as_str()).collect();
        let body = call.body.as_object().expect("a JSON object body");
        for key in body.keys() {
            assert!(known.contains(&key.as_str()), "{}: parameter `{key}` is not in the spec ({known:?})", call.method);
        }
        for p in params.iter().filter(|p| p["required"].as_bool() == Some(true)) {
            let name = p["name"].as_str().unwrap();
            if p["in"] == "header" || name == "token" {
                assert!(call.auth.as_deref().is_some_and(|a| a.starts_with("Bearer ")), "{}: no token", call.method);
            } else {
                assert!(body.contains_key(name), "{}: required `{name}` missing", call.method);
            }
        }
        assert!(!body.contains_key("link_names"), "{}: the bot never sets link_names", call.method);
    }
    Some(calls.len())
}

/// oauth.v2.access, POSTed with the client's credentials and the code in a
/// form body (the GET route refuses it: a secret in a URL is logged).
fn oauth_access(body: &Value) -> Response {
    let get = |k: &str| body[k].as_str().unwrap_or_default().to_string();
    if get("client_id") != "111.222" || get("client_secret") != "client-secret" {
        return axum::Json(json!({"ok": false, "error": "invalid_client_id"})).into_response();
    }
    let Some(team) = get("code").strip_prefix("code-").map(str::to_string) else {
        return axum::Json(json!({"ok": false, "error": "invalid_code"})).into_response();
    };
    axum::Json(json!({"ok": true, "access_token": format!("xoxb-{team}-secret-token"), "token_type": "bot",
        "scope": "commands,chat:write,users:read", "bot_user_id": format!("UBOT{team}"), "app_id": "A1",
        "team": {"id": team, "name": format!("Team {team}")}, "enterprise": null,
        "authed_user": {"id": format!("UINSTALL{team}")}, "is_enterprise_install": false}))
    .into_response()
}
