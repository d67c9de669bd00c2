//! The HTTP interactions endpoint: Discord POSTs each interaction to
//! `/discord/interactions`, signed with the application's Ed25519 key, and
//! takes the reply from the HTTP response, so no gateway connection is
//! needed. A request is refused before anything is read from it unless its
//! signature over timestamp + body verifies (serenity's verifier) and its
//! timestamp is recent.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serenity::all::Interaction;
use serenity::interactions_endpoint::Verifier;
use tokio_util::sync::CancellationToken;

use super::render::interaction_response;
use super::{Answer, Interactions, defer, finish_deferred, within};

/// The largest interaction accepted (Discord's are a few kB); larger gets 413.
pub const MAX_BODY: usize = 256 * 1024;
/// How far a request's signed timestamp may be from now, either way: an
/// older one is a replay.
const FRESH_SECS: i64 = 300;

struct Endpoint {
    interactions: Arc<Interactions>,
    verifier: Verifier,
}

/// Serves the endpoint on `listener` until `cancel` fires.
pub(super) async fn serve(
    listener: crate::platform::listen::Listener,
    interactions: Arc<Interactions>,
    public_key: [u8; 32],
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let verifier = Verifier::try_new(public_key)
        .map_err(|_| anyhow::anyhow!("discord.public_key is not a valid Ed25519 public key"))?;
    let state = Arc::new(Endpoint { interactions, verifier });
    let app = Router::new()
        .route("/discord/interactions", post(interaction))
        .route("/healthz", get(|| async { "ok" }))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state);
    crate::platform::listen::serve(listener, app, cancel).await?;
    Ok(())
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    tracing::warn!(%status, why, "refused a request to the interactions endpoint");
    (status, why).into_response()
}

async fn interaction(State(endpoint): State<Arc<Endpoint>>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (header("x-signature-ed25519"), header("x-signature-timestamp")) else {
        return refuse(StatusCode::UNAUTHORIZED, "missing signature headers");
    };
    let now = endpoint.interactions.clock.now().timestamp();
    if !timestamp.parse::<i64>().is_ok_and(|t| now.abs_diff(t) <= FRESH_SECS.unsigned_abs()) {
        return refuse(StatusCode::UNAUTHORIZED, "stale or unreadable signature timestamp");
    }
    if endpoint.verifier.verify(signature, timestamp, &body).is_err() {
        return refuse(StatusCode::UNAUTHORIZED, "invalid request signature");
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "a signed interaction that does not parse");
            return refuse(StatusCode::BAD_REQUEST, "not an interaction");
        }
    };
    if let Interaction::Ping(_) = interaction {
        // PONG, exactly as Discord documents it (serenity's adds `"data": null`).
        return axum::Json(serde_json::json!({"type": 1})).into_response();
    }
    let Some(job) = endpoint.interactions.job(&interaction) else {
        return refuse(StatusCode::BAD_REQUEST, "an interaction type the bot does not use");
    };
    match within(job).await {
        Answer::Now(said) => axum::Json(interaction_response(&said)).into_response(),
        Answer::Later(job) => {
            // The deferral goes back in this response; the reply follows as
            // an edit through the application's webhook.
            let http = Arc::clone(&endpoint.interactions.http);
            tokio::spawn(async move {
                let http = &http;
                match &interaction {
                    Interaction::Command(c) => finish_deferred(job, |e| c.edit_response(http, e), c.id.get()).await,
                    Interaction::Component(c) => finish_deferred(job, |e| c.edit_response(http, e), c.id.get()).await,
                    Interaction::Modal(m) => finish_deferred(job, |e| m.edit_response(http, e), m.id.get()).await,
                    _ => {}
                }
            });
            axum::Json(defer()).into_response()
        }
    }
}
