//! A question that shows code, on the two surfaces that are not chat
//! platforms: the server's web page (`<pre><code>`, escaped) and the local
//! console (the block indented). Discord and Slack have theirs in
//! `discord.rs` and `slack.rs`.

use std::io::Write;
use std::process::Stdio;

use tempfile::TempDir;

use crate::support::{CODE_LINE, CODE_LT_LINE, CODE_PACK, SetClock, at, ctx_at, plain, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_page_shows_a_revealed_code_question_as_pre_and_code() {
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings_with_packs(dir.path(), &[("code.toml", CODE_PACK)]);
    crate::support::with_web_page(&mut settings).await;
    let app = spawn_app(settings, SetClock::new(at("2026-11-25 09:00"))).await;
    let svc = std::sync::Arc::clone(&app.service);
    tokio::task::spawn_blocking(move || {
        crate::support::post_now(&svc, &ctx_at("Admin", at("2026-11-25 09:00")));
        svc.handle_text(&ctx_at("Bob", at("2026-11-25 09:30")), "answer a");
        crate::support::reveal_now(&svc, &ctx_at("Admin", at("2026-11-25 17:00")));
    })
    .await
    .unwrap();
    let reply = plain(&app.service.handle_text_async(ctx_at("Bob", at("2026-11-25 18:00")), "web").await);
    let link = reply.split_whitespace().find(|w| w.starts_with("http://")).expect("a link");
    let html = reqwest::get(link).await.unwrap().text().await.unwrap();
    let block =
        format!("<pre><code class=\"language-sql\">{CODE_LINE}\n{}</code></pre>", CODE_LT_LINE.replace('<', "&lt;"));
    assert!(html.contains(&block), "the block, escaped, its lines kept: {html}");
    assert!(html.contains("<p>This query runs on every page load *and* is slow (see https://www.postgresql.org/docs/current/indexes-partial.html):</p>"), "{html}");
    assert!(html.contains("<code>status = 'open'</code>"), "inline code in the prompt: {html}");
    assert!(html.contains("A) <code>CREATE INDEX ON orders (status)</code>"), "inline code in the answer: {html}");
    assert!(!html.contains("```"), "no fence left as text: {html}");
    app.stop().await;
}

#[test]
fn the_console_shows_a_code_block_indented() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("packs")).unwrap();
    std::fs::write(dir.path().join("packs/code.toml"), CODE_PACK).unwrap();
    std::fs::write(dir.path().join("bot.toml"), "[content]\nbundled = false\ndirs = [\"packs\"]\n").unwrap();
    let mut child = crate::support::quizmaster(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    child.stdin.take().unwrap().write_all(b"/quiz\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("\n    {CODE_LINE}\n    {CODE_LT_LINE}\n")), "indented by four: {stdout}");
    assert!(stdout.contains("Which index helps `status = 'open'` most?"), "{stdout}");
    assert!(stdout.contains("A) `CREATE INDEX ON orders (status)`"), "{stdout}");
    assert!(!stdout.contains("```"), "no fence left as text: {stdout}");
}
