//! The bot's own web side on `web.listen`: each server's page at
//! `GET /s/{token}` (the link `/quiz web` hands out), `GET /metrics` in
//! Prometheus's text format for the operator's monitoring, and `GET /healthz`.
//! Any token that is not a server's gets the same 404.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio_util::sync::CancellationToken;

use crate::i18n::Lang;
use crate::service::Service;

pub fn router(service: Arc<Service>) -> Router {
    Router::new()
        .route(
            "/metrics",
            get(|axum::extract::State(service): axum::extract::State<Arc<Service>>| async move {
                ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], service.metrics_text()).into_response()
            }),
        )
        .route("/healthz", get(|| async { "ok" }))
        .route("/s/{token}", get(page))
        .fallback(|headers: axum::http::HeaderMap| async move { not_found_in(reader(&headers)) })
        .with_state(service)
}

/// The first of the reader's browser's languages we speak, if any.
fn browser(headers: &axum::http::HeaderMap) -> Option<Lang> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept_language)
}

/// The reader's language where no server is known: the browser's, else en-US.
fn reader(headers: &axum::http::HeaderMap) -> Lang {
    browser(headers).unwrap_or_default()
}

async fn page(
    axum::extract::State(service): axum::extract::State<Arc<Service>>,
    axum::extract::Path(token): axum::extract::Path<String>,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    let lang = browser(&headers);
    match service.server_page(token, chrono::Utc::now(), lang).await {
        Ok(Some(body)) => (HTML, PRIVATE, body).into_response(),
        Ok(None) => not_found_in(lang.unwrap_or_default()),
        Err(e) => {
            tracing::warn!(error = %e, "could not build a server page");
            let words = lang.unwrap_or_default().tr(&crate::service::text::store_failure(&e));
            (axum::http::StatusCode::SERVICE_UNAVAILABLE, words).into_response()
        }
    }
}

/// The one 404 every path that is not a page gets, in the reader's language.
fn not_found_in(lang: Lang) -> axum::response::Response {
    (axum::http::StatusCode::NOT_FOUND, HTML, PRIVATE, crate::service::page::not_found(lang)).into_response()
}

/// The headers of every page: HTML, never cached, the link never passed on.
const HTML: [(header::HeaderName, &str); 1] = [(header::CONTENT_TYPE, "text/html; charset=utf-8")];
/// The page runs no script, loads nothing from elsewhere and cannot be
/// framed; its style is inline and its chart inline SVG.
const PRIVATE: [(header::HeaderName, &str); 4] = [
    (header::CACHE_CONTROL, "no-store"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; \
         base-uri 'none'; form-action 'none'",
    ),
];

/// Serves until `cancel` fires.
pub async fn serve(
    listener: crate::platform::listen::Listener,
    service: Arc<Service>,
    cancel: CancellationToken,
) -> std::io::Result<()> {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "web listening (/s/{{token}}, /metrics, /healthz)");
    }
    crate::platform::listen::serve(listener, router(service), cancel).await
}
