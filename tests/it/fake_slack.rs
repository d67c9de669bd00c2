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
    ts: Mutex<u64>,
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
    let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string);
    fake.calls.lock().unwrap().push(Call { method: method.clone(), auth, body: body.clone() });
    let load = &fake.load;
    let now = load.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    load.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let resp = answer(&fake, &method, &body).await;
    load.in_flight.fetch_sub(1, Ordering::SeqCst);
    resp
}

async fn answer(fake: &FakeSlack, method: &str, body: &Value) -> Response {
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
pub async fn start() -> (Arc<FakeSlack>, String) {
    let fake = Arc::new(FakeSlack::default());
    let app = Router::new()
        .route("/api/{method}", post(api))
        .route("/response/{id}", post(response_url))
        .with_state(Arc::clone(&fake));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
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
    let calls = fake.calls.lock().unwrap().clone();
    for call in &calls {
        let op = &spec["paths"][format!("/{}", call.method)]["post"];
        assert!(op.is_object(), "{} is not a Web API method in the spec", call.method);
        let params = op["parameters"].as_array().expect("parameters");
        let known: Vec<&str> = params.iter().filter_map(|p| p["name"].as_str()).collect();
        let body = call.body.as_object().expect("a JSON object body");
        for key in body.keys() {
            assert!(known.contains(&key.as_str()), "{}: parameter `{key}` is not in the spec ({known:?})", call.method);
        }
        for p in params.iter().filter(|p| p["required"].as_bool() == Some(true)) {
            let name = p["name"].as_str().unwrap();
            if p["in"] == "header" {
                assert!(call.auth.as_deref().is_some_and(|a| a.starts_with("Bearer ")), "{}: no token", call.method);
            } else {
                assert!(body.contains_key(name), "{}: required `{name}` missing", call.method);
            }
        }
        assert!(!body.contains_key("link_names"), "{}: the bot never sets link_names", call.method);
    }
    Some(calls.len())
}
