//! The bot's own web side on `web.listen`: `GET /metrics` in Prometheus's
//! text format for the operator's monitoring, and `GET /healthz`.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio_util::sync::CancellationToken;

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
        .with_state(service)
}

/// Serves until `cancel` fires.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<Service>,
    cancel: CancellationToken,
) -> std::io::Result<()> {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "web listening (/metrics, /healthz)");
    }
    axum::serve(listener, router(service)).with_graceful_shutdown(cancel.cancelled_owned()).await
}
