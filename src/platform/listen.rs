//! Serving HTTP so that no client can hold a listener, or the process, open:
//! the web page, the Slack endpoints and the Discord interactions endpoint
//! all go through [`serve`].
//!
//! - A client has [`HEADER_TIMEOUT`] to send a request's headers, and a
//!   kept-alive connection that sends nothing for as long is closed: an idle
//!   or slow ("slowloris") connection is dropped, whoever opened it.
//! - At most `http.max_connections` (else [`max_connections`]) are served at once. Past that the listener
//!   stops accepting, so the rest wait in the kernel's queue and take no
//!   file descriptor: the database and the platforms' own connections keep
//!   theirs.
//!
//! axum's `serve` has neither limit (and no way to set them), hence this
//! accept loop over hyper's HTTP/1 connection builder, which has both.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

/// How long a request's headers may take, and a kept-alive connection may idle.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a stop waits for requests under way before it drops them.
const DRAIN: Duration = Duration::from_secs(5);

/// Connections one listener serves at once: a quarter of the process's file
/// limit (three listeners leave a quarter for the database and the
/// platforms), at least 8 and at most 1,024.
pub fn max_connections() -> usize {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes the struct it is given and reads nothing else.
    let soft = if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 { limit.rlim_cur } else { 1024 };
    usize::try_from(soft / 4).unwrap_or(1024).clamp(8, 1024)
}

/// A bound listener and how many connections it serves at once.
pub struct Listener {
    tcp: TcpListener,
    max_connections: usize,
}

impl Listener {
    /// Binds `addr`; `max_connections` from `http.max_connections`, else
    /// [`max_connections`]. `key` names the setting in an error.
    pub async fn bind(
        addr: std::net::SocketAddr,
        max_connections: Option<usize>,
        key: &str,
    ) -> anyhow::Result<Listener> {
        use anyhow::Context;
        let tcp = TcpListener::bind(addr).await.with_context(|| format!("listening on {key} {addr}"))?;
        Ok(Listener { tcp, max_connections: max_connections.unwrap_or_else(self::max_connections).max(1) })
    }

    pub fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.tcp.local_addr()
    }
}

/// Serves `router` on `listener` until `cancel` fires, then lets requests
/// under way finish (for at most a few seconds).
pub async fn serve(listener: Listener, router: Router, cancel: CancellationToken) -> std::io::Result<()> {
    let Listener { tcp: listener, max_connections } = listener;
    let slots = Arc::new(Semaphore::new(max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT).keep_alive(true);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
            () = cancel.cancelled() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors or a reset before accept: try
                    // again shortly rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(250)).await;
                    continue;
                }
            },
            () = cancel.cancelled() => break,
        };
        let _ = stream.set_nodelay(true);
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away or times out is no error of ours.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => tracing::warn!("requests still under way at stop were dropped"),
    }
    Ok(())
}
