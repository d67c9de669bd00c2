//! The listeners cannot be held open: a client that connects and sends
//! nothing, or sends its headers a line at a time, is dropped after the
//! header timeout, and past the connection cap new clients wait in the
//! kernel's queue instead of taking the process's file descriptors.

use std::time::{Duration, Instant};

use quizmaster::platform::listen::{HEADER_TIMEOUT, max_connections};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{SetClock, at, spawn_app};

/// Reads until the server closes the connection; how long that took.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 512];
    loop {
        match tokio::time::timeout(limit.saturating_sub(started.elapsed()), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => continue,
            Err(_) => panic!("the connection was still open after {limit:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_slow_clients_are_dropped_and_a_real_request_still_gets_through() {
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    crate::support::with_web_page(&mut settings).await;
    let app = spawn_app(settings, SetClock::new(at("2026-11-25 09:00"))).await;
    let addr = app.web_addr.expect("web listens");
    let cap = max_connections();

    // A slowloris client: a header line every two seconds, never the blank
    // line that ends them.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let trickle = tokio::spawn(async move {
        for i in 0..20 {
            tokio::time::sleep(Duration::from_secs(2)).await;
            if slow.write_all(format!("X-Slow-{i}: y\r\n").as_bytes()).await.is_err() {
                return Some(slow);
            }
            let mut probe = [0u8; 1];
            if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_millis(10), slow.read(&mut probe)).await {
                return Some(slow);
            }
        }
        None
    });

    // Every connection slot taken by clients that send nothing at all.
    let mut idle = Vec::with_capacity(cap);
    for _ in 0..cap {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    // A real request waits for a slot, and gets one once the idle clients
    // time out: never later than the header timeout and a margin.
    let started = Instant::now();
    let health = tokio::time::timeout(HEADER_TIMEOUT * 2, reqwest::get(format!("http://{addr}/healthz")))
        .await
        .expect("a request gets through while the idle clients are dropped")
        .unwrap();
    assert!(health.status().is_success(), "{}", health.status());
    println!("/healthz answered after {:?} with {cap} idle connections and a slowloris", started.elapsed());

    // The idle clients were closed by the server.
    for stream in idle.iter_mut().take(20) {
        closed_within(stream, Duration::from_secs(5)).await;
    }
    let slow = tokio::time::timeout(HEADER_TIMEOUT * 3, trickle).await.expect("the trickle ends").unwrap();
    assert!(slow.is_some(), "the slowloris client was dropped before it finished trickling");
    app.stop().await;
}
