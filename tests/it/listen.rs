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

/// Raises this process's soft file limit towards `want` (up to the hard
/// limit); what it is now.
fn raise_file_limit(want: u64) -> u64 {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit read and write only the struct given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        if limit.rlim_cur < want {
            let raised = libc::rlimit { rlim_cur: want.min(limit.rlim_max), rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                return raised.rlim_cur;
            }
        }
    }
    limit.rlim_cur
}

/// A slowloris client: a header line every five seconds, never the blank
/// line that ends them. Ends when the server closes the connection, with how
/// long that took.
async fn slowloris(addr: std::net::SocketAddr) -> Option<Duration> {
    let started = Instant::now();
    let mut s = TcpStream::connect(addr).await.ok()?;
    s.write_all(b"POST /healthz HTTP/1.1\r\nHost: x\r\n").await.ok()?;
    for i in 0..10 {
        let mut probe = [0u8; 64];
        match tokio::time::timeout(Duration::from_secs(5), s.read(&mut probe)).await {
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
            Err(_) => {
                if s.write_all(format!("X-Slow-{i}: y\r\n").as_bytes()).await.is_err() {
                    return Some(started.elapsed());
                }
            }
        }
    }
    None
}

/// 600 idle and 200 slowloris connections on each listener at once (the web
/// page, Slack's endpoints, Discord's interactions endpoint), with
/// `http.max_connections` at 1,000: a real request to each is answered
/// within a second, a chat command still records its answer, and the
/// server closes the bad connections within the header timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_listener_answers_within_a_second_under_600_idle_and_200_slowloris_connections() {
    const IDLE: usize = 600;
    const SLOW: usize = 200;
    let files = raise_file_limit(16_384);
    assert!(
        files >= 6_000,
        "this test needs 6,000 file descriptors (3 × 800 connections, both ends); the limit is {files}"
    );
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    crate::support::with_web_page(&mut settings).await;
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    settings.discord.gateway = false;
    settings.discord.public_key = Some(hex::encode(key.verifying_key().as_bytes()));
    settings.discord.interactions_listen = Some("127.0.0.1:0".parse().unwrap());
    let (_slack, slack_base) = crate::support::fake_slack::start().await;
    settings.slack.signing_secret = Some(secrecy::SecretString::from("0123456789abcdef0123456789abcdef"));
    settings.slack.bot_token = Some(secrecy::SecretString::from("xoxb-test-token"));
    settings.slack.listen = "127.0.0.1:0".parse().unwrap();
    crate::support::fake_slack::point_at(&mut settings, &slack_base);
    settings.http.max_connections = Some(1_000);
    let app = spawn_app(settings, SetClock::new(at("2026-11-25 09:00"))).await;
    let addrs = [
        ("web", app.web_addr.expect("web listens")),
        ("slack", app.slack_addr.expect("Slack listens")),
        ("discord", app.discord_addr.expect("Discord's endpoint listens")),
    ];

    let mut idle = Vec::with_capacity(IDLE * addrs.len());
    let mut slow = Vec::with_capacity(SLOW * addrs.len());
    for (_, addr) in addrs {
        for _ in 0..SLOW {
            slow.push(tokio::spawn(slowloris(addr)));
        }
        for _ in 0..IDLE {
            idle.push(TcpStream::connect(addr).await.unwrap());
        }
    }
    let opened = Instant::now();
    let http = reqwest::Client::new();
    for (name, addr) in addrs {
        let started = Instant::now();
        let r = tokio::time::timeout(Duration::from_secs(1), http.get(format!("http://{addr}/healthz")).send())
            .await
            .unwrap_or_else(|_| panic!("{name}: no answer within a second"))
            .unwrap();
        assert!(r.status().is_success(), "{name}: {}", r.status());
        println!("{name}: /healthz answered in {:?} beside {IDLE} idle and {SLOW} slow connections", started.elapsed());
    }
    let svc = &app.service;
    let ctx = crate::support::ctx("Ann", "2026-11-25 09:00");
    svc.handle_text_async(ctx.clone(), "play").await;
    let answered = svc.handle_text_async(ctx, "answer a").await;
    assert!(matches!(answered.body, quizmaster::reply::Body::Verdict(_)), "{answered:?}");
    assert_eq!(crate::support::count(dir.path(), "SELECT COUNT(*) FROM practice_answers"), 1);

    // The server closes the idle ones and the slow ones, within the timeout.
    let limit = HEADER_TIMEOUT + Duration::from_secs(5);
    for stream in idle.iter_mut().step_by(37) {
        closed_within(stream, limit.saturating_sub(opened.elapsed()) + Duration::from_secs(1)).await;
    }
    for task in slow {
        let took = task.await.unwrap().expect("the server closed the slowloris connection");
        assert!(took < limit, "a slowloris connection lived {took:?}");
    }
    app.stop().await;
}
