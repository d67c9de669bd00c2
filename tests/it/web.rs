//! The web side: `/metrics` scraped over loopback after a burst of answers
//! counts exactly the rows the database holds.

use quizmaster::config::DiscordSettings;
use secrecy::SecretString;
use tempfile::TempDir;

use crate::support::{SetClock, at, count, ctx_at, plain, spawn_app};

/// The value of an unlabelled sample, or of the one whose labels contain `labels`.
fn sample(text: &str, name: &str, labels: &str) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with([' ', '{']) && l.contains(labels))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_after_a_burst_count_the_answers_the_database_holds() {
    const PLAYERS: usize = 300;
    let dir = TempDir::new().unwrap();
    let (_fake, base) = crate::support::fake_discord::start().await;
    let mut settings = crate::support::settings(dir.path());
    settings.discord = DiscordSettings {
        token: Some(SecretString::from("test-token")),
        api_base_url: Some(base.parse().unwrap()),
        ..DiscordSettings::default()
    };
    settings.web.listen = Some("127.0.0.1:0".parse().unwrap());
    let now = at("2026-11-25 09:00");
    let app = spawn_app(settings, SetClock::new(now)).await;
    let svc = &app.service;

    let admin = ctx_at("Admin", now);
    assert!(
        plain(&svc.handle_text_async(admin.clone(), "admin categories miscellaneous").await).contains("miscellaneous")
    );
    assert!(plain(&svc.handle_text_async(admin, "admin post-now").await).starts_with("Posted"));
    crate::support::deliver(svc, now, true).await;

    // A burst: every player answers at once, one of them twice.
    let answers = (0..PLAYERS).map(|i| svc.handle_text_async(ctx_at(&format!("P{i}"), now), "answer b"));
    let replies = futures_util::future::join_all(answers).await;
    assert!(replies.iter().all(|r| plain(r).contains("Answer recorded")));
    let again = svc.handle_text_async(ctx_at("P0", now), "answer c").await;
    assert!(plain(&again).contains("first answer is final"), "{again:?}");

    let url = format!("http://{}/metrics", app.web_addr.expect("web listens"));
    let text = reqwest::get(&url).await.unwrap().text().await.unwrap();
    let rows = count(dir.path(), "SELECT COUNT(*) FROM answers");
    assert_eq!(rows, i64::try_from(PLAYERS).unwrap());
    assert_eq!(sample(&text, "quizmaster_answers_recorded_total", ""), Some(rows as f64), "{text}");
    let repeat_ok = !matches!(again.body, quizmaster::reply::Body::Error(_));
    let answered = sample(&text, "quizmaster_commands_total", "kind=\"answer\",outcome=\"ok\"");
    assert_eq!(answered, Some(PLAYERS as f64 + f64::from(u8::from(repeat_ok))), "every answer command: {text}");
    assert!(sample(&text, "quizmaster_writer_group_size_count", "").is_some_and(|n| n >= 1.0), "{text}");
    assert!(text.contains("# HELP quizmaster_answers_recorded_total"), "{text}");
    app.stop().await;
}

/// A console server with a week of revealed questions and one still open,
/// served on `web.listen`; its page link from `/quiz web`.
struct Seeded {
    app: crate::support::TestApp,
    dir: TempDir,
    link: String,
    /// The open question's explanation: never on the page.
    open_explanation: String,
}

async fn seeded() -> Seeded {
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    // The server seeded is the console's.
    crate::support::with_web_page(&mut settings).await;
    // The bundled bank: four different questions in four days.
    settings.content.bundled = true;
    settings.content.dirs.clear();
    let now = at("2026-11-23 09:00");
    let app = spawn_app(settings, SetClock::new(now)).await;
    let svc = std::sync::Arc::clone(&app.service);
    let open_explanation = {
        let (dir_path, svc) = (dir.path().to_path_buf(), std::sync::Arc::clone(&svc));
        tokio::task::spawn_blocking(move || {
            for (day, players) in [("2026-11-23", 4), ("2026-11-24", 2), ("2026-11-25", 3)] {
                let morning = at(&format!("{day} 09:00"));
                crate::support::post_now(&svc, &ctx_at("Admin", morning));
                for i in 0..players {
                    // Ada answers first and most.
                    // Dee's name carries a right-to-left override and a
                    // zero-width space, which must reach no page or board.
                    let name = ["Ada Lovelace", "Bob", "Cy", "\u{202E}eeD\u{200B}"][i];
                    let (right, _) = crate::support::answers_to_open(&svc, &dir_path);
                    svc.handle_text(&ctx_at(name, morning), &format!("answer {right}"));
                }
                crate::support::reveal_now(&svc, &ctx_at("Admin", at(&format!("{day} 17:00"))));
            }
            crate::support::post_now(&svc, &ctx_at("Admin", at("2026-11-26 09:00")));
            let item = crate::support::text(&dir_path, "SELECT item_id FROM posts WHERE state = 'open'");
            svc.bank().get(&item).unwrap().explanation.clone()
        })
        .await
        .unwrap()
    };
    let reply = plain(&svc.handle_text_async(ctx_at("Bob", at("2026-11-26 10:00")), "web").await);
    let link = reply.split_whitespace().find(|w| w.starts_with("http://")).expect("a link").to_string();
    Seeded { app, dir, link, open_explanation }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_page_shows_its_boards_chart_and_archive_and_only_its_token_opens_it() {
    let s = seeded().await;
    let page = reqwest::get(&s.link).await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.starts_with("default-src 'none';") && csp.contains("frame-ancestors 'none'"), "{csp}");
    let html = page.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en-US\">"), "{}", &html[..80]);
    assert_eq!(html.matches("<h1>").count(), 1, "one top heading");
    for heading in ["Leaderboards", "This week", "Past questions", "All time", "Streaks"] {
        assert!(html.contains(heading), "{heading}");
    }
    // Ada was right all three days: top of every board, streak 3.
    let first_row = html.split("<tbody>").nth(1).unwrap();
    assert!(first_row.starts_with("<tr><td>1</td><td><bdi>Ada Lovelace</bdi></td>"), "{}", &first_row[..120]);
    assert!(html.contains("<bdi>eeD</bdi>"), "names are isolated and lose their invisible characters");
    assert!(!html.contains(['\u{202E}', '\u{200B}']), "no override or zero-width space on the page");
    assert!(html.contains("<svg role=\"img\" aria-label=\"Bar chart of the week"), "the chart, labelled");
    assert!(html.contains("<th scope=\"col\">Player</th>"));
    assert_eq!(html.matches("<article>").count(), 3, "the three revealed questions");
    // The page writes days, not times of day, and names the zone they are in once.
    assert_eq!(html.matches("Days and weeks in UTC.").count(), 1, "the zone named");
    assert!(html.contains("<p class=\"meta\">2026-11-25 · "), "each question under its local day");
    let open_explanation = maud::html! { (s.open_explanation) }.into_string();
    assert!(!html.contains(&open_explanation), "nothing of the open question");
    assert!(!html.contains("<script"), "no script");

    // Channels pick their questions apart: one revealed here but open in
    // another channel of the server leaves the page until it is revealed there.
    let svc = &s.app.service;
    let elsewhere = quizmaster::service::Ctx { channel: "c2".into(), ..ctx_at("Bob", at("2026-11-26 10:00")) };
    svc.handle_text_async(elsewhere, "stats").await;
    let shared =
        crate::support::text(s.dir.path(), "SELECT item_id FROM posts WHERE state = 'closed' ORDER BY id LIMIT 1");
    // An item id from the bank: letters, digits and dashes only.
    crate::support::exec(
        s.dir.path(),
        &format!(
            "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at)
             SELECT id, '2026-11-26', '{shared}', 1, 'open', 0 FROM channels WHERE external_id = 'c2'"
        ),
    );
    let html = reqwest::get(&s.link).await.unwrap().text().await.unwrap();
    assert_eq!(html.matches("<article>").count(), 2, "the question open in c2 is left out");
    let explanation = svc.bank().get(&shared).unwrap().explanation.clone();
    assert!(!html.contains(&maud::html! { (explanation) }.into_string()), "nothing of it");

    let http = reqwest::Client::new();
    let base = s.link.rsplit_once("/s/").unwrap().0.to_string();
    for token in ["0123456789abcdef0123456789abcdef", "not-a-token", &"f".repeat(32), "%00"] {
        let r = http.get(format!("{base}/s/{token}")).send().await.unwrap();
        assert_eq!(r.status(), 404, "{token}");
        assert!(r.text().await.unwrap().contains("does not lead to a quiz page"));
    }
    // Only an admin can rotate; then the old link is a 404 and the new one works.
    let refused = svc
        .handle_text_async(
            quizmaster::service::Ctx { is_admin: false, ..ctx_at("Bob", at("2026-11-26 10:00")) },
            "admin web rotate",
        )
        .await;
    assert!(matches!(refused.body, quizmaster::reply::Body::Error(_)));
    let rotated = plain(&svc.handle_text_async(ctx_at("Admin", at("2026-11-26 10:00")), "admin web rotate").await);
    let new_link = rotated.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_string();
    assert_ne!(new_link, s.link);
    assert_eq!(http.get(&s.link).send().await.unwrap().status(), 404);
    assert_eq!(http.get(&new_link).send().await.unwrap().status(), 200);
    assert_eq!(count(s.dir.path(), "SELECT COUNT(*) FROM web_tokens"), 1);
    s.app.stop().await;
}

/// Debian's Chromium, if installed (`.ci/run` installs it).
fn chromium() -> Option<std::path::PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).flat_map(|dir| names.map(|n| dir.join(n))).find(|p| p.is_file())
    })
}

/// Runs headless Chromium on `url` with `args`; its stdout.
async fn headless(browser: &std::path::Path, profile: &std::path::Path, args: &[String], url: &str) -> String {
    let mut cmd = std::process::Command::new(browser);
    cmd.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stderr(std::process::Stdio::null());
    let out = tokio::task::spawn_blocking(move || cmd.output()).await.unwrap().expect("chromium runs");
    assert!(out.status.success(), "chromium failed: {:?}", out.status);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_page_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        // CI installs it: there, a missing browser is a failure, not a skip.
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium: .ci/run installs Debian's `chromium`");
        eprintln!("skipped: no Chromium on this machine (install Debian's `chromium`, as .ci/run does)");
        return;
    };
    let s = seeded().await;
    let profile = TempDir::new().unwrap();
    // The DOM as the browser built it: the top player is there.
    let dom = headless(&browser, profile.path(), &["--dump-dom".into()], &s.link).await;
    assert!(dom.contains("<h1>Quiz boards</h1>"), "{dom}");
    assert!(dom.contains("Ada Lovelace"), "the top player's name is in the DOM");
    // A phone-sized screenshot that is not blank.
    let shot = s.dir.path().join("page.png");
    let args = [format!("--screenshot={}", shot.display()), "--window-size=412,915".into()];
    headless(&browser, profile.path(), &args, &s.link).await;
    let png = std::fs::read(&shot).expect("a screenshot");
    let decoder = png::Decoder::new(std::io::Cursor::new(&png[..]));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.width, 412);
    let step = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(step).collect();
    let white = pixels.iter().filter(|p| p[..3] == [255, 255, 255]).count();
    let colours: std::collections::HashSet<&[u8]> = pixels.iter().copied().collect();
    assert!(white < pixels.len() * 98 / 100, "not blank: {white} of {} pixels white", pixels.len());
    assert!(colours.len() > 10, "text and table lines drawn: {} colours", colours.len());
    // An unknown token: the browser gets the 404 page.
    let base = s.link.rsplit_once("/s/").unwrap().0.to_string();
    let dom = headless(&browser, profile.path(), &["--dump-dom".into()], &format!("{base}/s/{}", "0".repeat(32))).await;
    assert!(dom.contains("Not found") && !dom.contains("Ada Lovelace"), "{dom}");
    s.app.stop().await;
}

/// A page's token is derived from a key kept beside the database, never
/// stored: neither the database nor its WAL holds it, asking again gives the
/// same link, and the key file is its owner's alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_token_is_never_stored_and_asking_again_gives_the_same_link() {
    let s = seeded().await;
    let token = s.link.rsplit('/').next().unwrap().to_string();
    assert_eq!(token.len(), 32, "{}", s.link);
    let db = crate::support::db_path(s.dir.path());
    for file in [db.clone(), db.with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "{} holds the token", file.display());
    }
    let again = plain(&s.app.service.handle_text_async(ctx_at("Cy", at("2026-11-26 11:00")), "web").await);
    assert!(again.contains(&s.link), "{again}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(db.with_extension("key")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    s.app.stop().await;
}

/// The page speaks the reader's browser language when it is one of ours,
/// else the server's, and says so in `lang`; the 404 too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_speaks_the_browsers_language() {
    let s = seeded().await;
    let client = reqwest::Client::new();
    let get = |url: String, languages: &'static str| {
        let client = client.clone();
        async move { client.get(url).header("accept-language", languages).send().await.unwrap().text().await.unwrap() }
    };
    let html = get(s.link.clone(), "fr-CH, fr;q=0.9, en;q=0.8").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"fr\">"), "{}", &html[..80]);
    assert!(html.contains("Classements"), "French headings: {html}");
    let html = get(s.link.clone(), "ko-KR, ja;q=0.5").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"ja\">"), "{}", &html[..80]);
    let html = get(s.link.clone(), "ko-KR").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en-US\">"), "{}", &html[..80]);
    // A browser in none of our languages reads the server's.
    let set = s.app.service.handle_text_async(ctx_at("Admin", at("2026-11-26 11:00")), "admin language es-ES").await;
    assert!(plain(&set).contains("español"), "{}", plain(&set));
    let html = get(s.link.clone(), "ko-KR").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"es-ES\">"), "{}", &html[..80]);
    let html = get(s.link.clone(), "ja").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"ja\">"), "the browser's language first: {}", &html[..80]);
    let base = s.link.split("/s/").next().unwrap().to_string();
    let missing = get(format!("{base}/s/nothing-here"), "de").await;
    assert!(missing.contains("<html lang=\"de\">"), "{missing}");
    s.app.stop().await;
}

/// Two processes on one database: with the same `web.page_key` each gives
/// the same link and the other still opens it; without it each derives its
/// own from its own key file, and a `/quiz web` on one breaks the other's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_sharing_a_page_key_give_the_same_link() {
    let dir = TempDir::new().unwrap();
    let key = "ab".repeat(32);
    let now = at("2026-11-26 10:00");
    let start = |key: Option<&str>, folder: &str| {
        let mut settings = crate::support::settings(dir.path());
        settings.web.page_key = key.map(|k| SecretString::from(k.to_string()));
        // Each process keeps its key file in a folder of its own, as on
        // two machines; the database is the same.
        let own = dir.path().join(folder);
        std::fs::create_dir_all(&own).unwrap();
        async move {
            crate::support::with_web_page(&mut settings).await;
            settings.database.path = if crate::support::pg::on_postgres() {
                own.join("quizmaster.db")
            } else {
                // SQLite: the one file, reached from both "machines".
                settings.database.path.clone()
            };
            spawn_app(settings, SetClock::new(now)).await
        }
    };
    let link = |app: &crate::support::TestApp| {
        let svc = std::sync::Arc::clone(&app.service);
        async move {
            let reply = plain(&svc.handle_text_async(ctx_at("Bob", now), "web").await);
            reply.split_whitespace().find(|w| w.starts_with("http://")).expect("a link").to_string()
        }
    };
    let path_of = |l: &str| l.split_once("/s/").map(|(_, t)| format!("/s/{t}")).unwrap();
    let opens = |app: &crate::support::TestApp, path: String| {
        let url = format!("http://{}{path}", app.web_addr.unwrap());
        async move { reqwest::get(url).await.unwrap().status().as_u16() }
    };

    let a = start(Some(&key), "a").await;
    let b = start(Some(&key), "b").await;
    let (from_a, from_b) = (path_of(&link(&a).await), path_of(&link(&b).await));
    assert_eq!(from_a, from_b, "one key, one link");
    assert_eq!(opens(&a, from_a.clone()).await, 200);
    assert_eq!(opens(&b, from_a.clone()).await, 200);
    assert!(!dir.path().join("a/quizmaster.key").exists() && !dir.path().join("quizmaster.key").exists());
    b.stop().await;

    // A process without the key makes its own: its link replaces the
    // first, which stops opening anywhere.
    let c = start(None, "c").await;
    let from_c = path_of(&link(&c).await);
    assert_ne!(from_c, from_a);
    assert_eq!(opens(&a, from_a).await, 404, "the stored hash is now the other key's");
    assert_eq!(opens(&a, from_c).await, 200);
    c.stop().await;
    a.stop().await;
}
