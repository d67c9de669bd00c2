//! The HTTP endpoints: slash commands, interactivity and events, each
//! request verified before anything else is read.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Interaction, InteractionForm, MAX_BODY, Slack, SlashCommand, install};
use crate::command::Command;

pub fn router(state: Arc<Slack>) -> Router {
    Router::new()
        .route("/slack/commands", post(commands))
        .route("/slack/interactivity", post(interactivity))
        .route("/slack/events", post(events))
        .route("/slack/install", get(install::install))
        .route("/slack/oauth/callback", get(install::callback))
        .route("/healthz", get(|| async { "ok" }))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state)
}

fn decode_command(body: &[u8]) -> Result<SlashCommand, String> {
    serde_urlencoded::from_bytes(body).map_err(|e| format!("slash command form: {e}"))
}

fn decode_interaction(body: &[u8]) -> Result<Interaction, String> {
    serde_urlencoded::from_bytes::<InteractionForm>(body)
        .map_err(|e| e.to_string())
        .and_then(|f| serde_json::from_str(&f.payload).map_err(|e| e.to_string()))
        .map_err(|e| format!("interactivity payload: {e}"))
}

/// A request body read as the endpoint at `path` reads it, down to the
/// command it carries, without running it: the surface the `requests`
/// fuzz target drives. `None` for what carries no command of ours.
#[doc(hidden)]
pub fn read_request(path: &str, body: &[u8], max_chars: usize) -> Result<Option<Command>, String> {
    match path {
        "/slack/commands" => {
            let form = decode_command(body)?;
            crate::command::parse(&form.text, max_chars).map(Some).map_err(|e| e.to_string())
        }
        "/slack/interactivity" => Ok(decode_interaction(body)?.command()),
        _ => serde_json::from_slice::<Value>(body).map(|_| None).map_err(|e| e.to_string()),
    }
}

fn unauthorized() -> Response {
    (StatusCode::UNAUTHORIZED, "invalid request signature").into_response()
}

fn bad_request(what: String) -> Response {
    (StatusCode::BAD_REQUEST, what).into_response()
}

async fn commands(State(slack): State<Arc<Slack>>, headers: HeaderMap, body: Bytes) -> Response {
    if !slack.verified("/slack/commands", &headers, &body) {
        return unauthorized();
    }
    let form = match decode_command(&body) {
        Ok(f) => f,
        Err(e) => return bad_request(e),
    };
    match slack.slash(&form).await {
        Value::Null => StatusCode::OK.into_response(),
        body => axum::Json(body).into_response(),
    }
}

async fn interactivity(State(slack): State<Arc<Slack>>, headers: HeaderMap, body: Bytes) -> Response {
    if !slack.verified("/slack/interactivity", &headers, &body) {
        return unauthorized();
    }
    let payload = match decode_interaction(&body) {
        Ok(p) => p,
        Err(e) => return bad_request(e),
    };
    match slack.interaction(payload).await {
        Ok(None) => StatusCode::OK.into_response(),
        Ok(Some(body)) => axum::Json(body).into_response(),
        Err(e) => bad_request(e),
    }
}

/// `POST /slack/events`: the Events API over HTTP (uninstalls, revoked
/// tokens, replies in threads), with its one-time URL check.
async fn events(State(slack): State<Arc<Slack>>, headers: HeaderMap, body: Bytes) -> Response {
    if !slack.verified("/slack/events", &headers, &body) {
        return unauthorized();
    }
    let callback: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad_request(format!("event body: {e}")),
    };
    match callback["type"].as_str() {
        Some("url_verification") => axum::Json(json!({"challenge": callback["challenge"]})).into_response(),
        Some("event_callback") => {
            slack.event(&callback).await;
            StatusCode::OK.into_response()
        }
        _ => StatusCode::OK.into_response(),
    }
}
