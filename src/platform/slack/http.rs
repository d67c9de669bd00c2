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
    let form: SlashCommand = match serde_urlencoded::from_bytes(&body) {
        Ok(f) => f,
        Err(e) => return bad_request(format!("slash command form: {e}")),
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
    let payload: Interaction = match serde_urlencoded::from_bytes::<InteractionForm>(&body)
        .map_err(|e| e.to_string())
        .and_then(|f| serde_json::from_str(&f.payload).map_err(|e| e.to_string()))
    {
        Ok(p) => p,
        Err(e) => return bad_request(format!("interactivity payload: {e}")),
    };
    match slack.interaction(payload).await {
        Ok(None) => StatusCode::OK.into_response(),
        Ok(Some(body)) => axum::Json(body).into_response(),
        Err(e) => bad_request(e),
    }
}

/// `POST /slack/events`: the Events API over HTTP (uninstalls and revoked
/// tokens), with its one-time URL check.
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
