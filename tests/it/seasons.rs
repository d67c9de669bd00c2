//! Seasons and exports: a season's final board is the board recomputed
//! from the answer rows of its days, later answers never change it, and the
//! all-time board keeps counting; `quizmaster export` writes CSV that
//! Python's csv module reads back to the same totals as the boards.

use std::path::Path;

use quizmaster::service::{Ctx, Service};
use tempfile::TempDir;

use crate::support::{answers_to_open, at, ctx_at, plain, post_now, reveal_now};

/// Players and how many of them answer right, day by day (posted 09:00,
/// revealed 17:00). The third name needs quoting in CSV.
/// The fourth name carries a right-to-left override, which no board or
/// export may carry on.
const PLAYERS: [&str; 4] = ["Ann", "Bo", "O'Brien, \"Bob\"", "\u{202E}eeD"];

fn play_day(svc: &Service, dir: &Path, day: &str, right: usize) {
    let morning = at(&format!("{day} 09:00"));
    let posted = plain(&post_now(svc, &ctx_at("Admin", morning)));
    assert!(posted.contains("Question of the day"), "{posted}");
    let (good, bad) = answers_to_open(svc, dir);
    for (i, name) in PLAYERS.iter().enumerate() {
        let answer = if i < right { &good } else { &bad };
        let reply = plain(&svc.handle_text(&ctx_at(name, morning), &format!("answer {answer}")));
        assert!(reply.contains("Answer recorded"), "{reply}");
    }
    reveal_now(svc, &ctx_at("Admin", at(&format!("{day} 17:00"))));
}

/// The board by points over questions posted in `[from, until)`, straight
/// from the rows: (name, points), best first, ties by who got there first.
fn board_from_rows(dir: &Path, from: &str, until: &str) -> Vec<(String, i64)> {
    let ms = |t: &str| at(t).timestamp_millis();
    let sql = format!(
        "SELECT u.display_name, CAST(SUM(a.points) AS BIGINT),
                MAX(CASE WHEN a.points > 0 THEN a.answered_at ELSE 0 END) AS reached
         FROM answers a JOIN posts p ON p.id = a.post_id JOIN users u ON u.id = a.user_id
         WHERE p.posted_at >= {} AND p.posted_at < {}
         GROUP BY a.user_id, u.display_name ORDER BY SUM(a.points) DESC, reached, a.user_id",
        ms(from),
        ms(until)
    );
    crate::support::sql::rows(dir, &sql).iter().map(|r| (r[0].text(), r[1].int())).collect()
}

/// A board reply's rows as (name, points).
fn shown(svc: &Service, ctx: &Ctx, line: &str) -> Vec<(String, i64)> {
    let reply = svc.handle_text(ctx, line);
    let quizmaster::reply::Body::Leaderboard(board) = reply.body else { panic!("{line}: {reply:?}") };
    board
        .rows
        .iter()
        .map(|r| (r.name.clone(), r.figure.en().trim_end_matches(" pts").parse().expect("a points figure")))
        .collect()
}

#[test]
fn a_closed_seasons_board_is_kept_exactly_and_all_time_keeps_counting() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let none = plain(&svc.handle_text(&ctx_at("Ann", at("2026-11-02 08:00")), "leaderboard season"));
    assert!(none.contains("No season is running"), "{none}");

    play_day(&svc, dir.path(), "2026-11-02", 4);
    let started = plain(&svc.handle_text(&ctx_at("Admin", at("2026-11-02 18:00")), "admin season start Alpha"));
    assert!(started.contains("Season Alpha has started") && !started.contains("is over"), "{started}");
    play_day(&svc, dir.path(), "2026-11-03", 1);
    play_day(&svc, dir.path(), "2026-11-04", 3);
    let viewer = ctx_at("Dee", at("2026-11-04 18:00"));
    let alpha_live = shown(&svc, &viewer, "leaderboard season");
    assert_eq!(alpha_live, board_from_rows(dir.path(), "2026-11-02 18:00", "2026-11-05 00:00"));

    let closed = plain(&svc.handle_text(&ctx_at("Admin", at("2026-11-04 18:00")), "admin season start Beta"));
    assert!(closed.contains("Season Alpha is over; its final board (4 players) is kept"), "{closed}");
    play_day(&svc, dir.path(), "2026-11-05", 2);

    let later = ctx_at("Dee", at("2026-11-05 18:00"));
    let alpha = shown(&svc, &later, "leaderboard season alpha");
    assert_eq!(alpha, board_from_rows(dir.path(), "2026-11-02 18:00", "2026-11-04 18:00"), "the final board");
    assert_eq!(alpha, alpha_live, "nothing after the close changed it");
    let beta = shown(&svc, &later, "leaderboard season");
    assert_eq!(beta, board_from_rows(dir.path(), "2026-11-04 18:00", "2026-11-06 00:00"));
    assert_eq!(beta.iter().filter(|(_, p)| *p > 0).count(), 2, "only the fifth day: two were right");
    let all = shown(&svc, &later, "leaderboard all");
    let mut all_rows = board_from_rows(dir.path(), "2026-01-01 00:00", "2027-01-01 00:00");
    all_rows.truncate(all.len());
    assert_eq!(all, all_rows, "all time counts every season");

    let taken = plain(&svc.handle_text(&ctx_at("Admin", at("2026-11-05 18:00")), "admin season start alpha"));
    assert!(taken.contains("already had a season"), "{taken}");
    let unknown = plain(&svc.handle_text(&later, "leaderboard season Gamma"));
    assert!(unknown.contains("no season `Gamma`") && unknown.contains("Alpha, Beta"), "{unknown}");
    let refused = svc.handle_text(&Ctx { is_admin: false, ..later.clone() }, "admin season start Gamma");
    assert!(matches!(refused.body, quizmaster::reply::Body::Error(_)), "players cannot start seasons");
}

/// Python's csv module reading `csv_text`: the rows as lists of strings.
fn python_csv(csv_text: &str) -> Option<Vec<Vec<String>>> {
    let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin, strict=True))))";
    let mut child = match std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => {
            assert!(std::env::var_os("CI").is_none(), "CI machines have python3");
            return None;
        }
    };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(csv_text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python's csv module refused it: {}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn exported_csv_reads_back_in_python_with_the_boards_totals() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    for (day, right) in [("2026-11-02", 4), ("2026-11-03", 1), ("2026-11-04", 3)] {
        play_day(&svc, dir.path(), day, right);
    }
    let config = dir.path().join("quizmaster.toml");
    std::fs::write(&config, "[content]\nbundled = false\ndirs = [\"packs\"]\n").unwrap();
    let db = crate::support::db_path(dir.path());
    let export = |what: &str, format: &str| {
        let out = crate::support::quizmaster(dir.path())
            .args(["--config", config.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .args(["export", "--guild", "console:g1", "--what", what, "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };

    let board_csv = export("board", "csv");
    assert!(board_csv.contains("\r\n"), "RFC 4180 line ends");
    assert!(board_csv.contains(",eeD,") && !board_csv.contains('\u{202E}'), "{board_csv}");
    let Some(rows) = python_csv(&board_csv) else {
        eprintln!("skipped: no python3 here, so the CSV was not read back by Python's csv module");
        return;
    };
    assert_eq!(rows[0], ["rank", "player_id", "player", "points", "correct", "answered", "accuracy_percent"]);
    let shown = shown(&svc, &ctx_at("Ann", at("2026-11-04 18:00")), "leaderboard all");
    let exported: Vec<(String, i64)> = rows[1..].iter().map(|r| (r[2].clone(), r[3].parse().unwrap())).collect();
    assert_eq!(exported, shown, "the board's names and points, in its order");
    assert!(exported.iter().any(|(name, _)| name == PLAYERS[2]), "a name with a comma and quotes survives");
    let total: i64 = exported.iter().map(|(_, p)| p).sum();
    assert_eq!(total, crate::support::count(dir.path(), "SELECT CAST(SUM(points) AS BIGINT) FROM answers"));

    let answers = python_csv(&export("answers", "csv")).unwrap();
    assert_eq!(answers[0], ["date", "channel", "player_id", "player", "answer", "correct", "points", "answered_at"]);
    assert_eq!(answers.len() - 1, 12, "three days of four players");
    let right = answers[1..].iter().filter(|r| r[5] == "true").count();
    assert_eq!(right, 8);
    let players: serde_json::Value = serde_json::from_str(&export("players", "json")).unwrap();
    let ann = players.as_array().unwrap().iter().find(|p| p["player"] == "Ann").unwrap();
    assert_eq!(
        (ann["answered"].as_i64(), ann["correct"].as_i64(), ann["best_streak"].as_i64()),
        (Some(3), Some(3), Some(3))
    );
}

#[test]
fn forget_me_deletes_a_players_rows_in_that_server_and_the_boards_drop_them() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let bo = ctx_at("Bo", at("2026-11-02 08:00"));
    svc.handle_text(&bo, "play");
    svc.handle_text(&bo, "answer A");
    // Bo also plays in another server, which keeps its rows.
    let elsewhere = Ctx { guild: "g2".into(), channel: "c9".into(), ..bo.clone() };
    svc.handle_text(&elsewhere, "play");
    svc.handle_text(&elsewhere, "answer A");
    svc.handle_text(&ctx_at("Admin", at("2026-11-02 08:00")), "admin season start Alpha");
    play_day(&svc, dir.path(), "2026-11-02", 4);
    play_day(&svc, dir.path(), "2026-11-03", 2);
    svc.handle_text(&ctx_at("Admin", at("2026-11-03 18:00")), "admin season start Beta");
    play_day(&svc, dir.path(), "2026-11-04", 3);
    let count = |sql: &str| crate::support::count(dir.path(), sql);
    let bos = "(SELECT id FROM users WHERE display_name = 'Bo')";
    let before = count("SELECT COUNT(*) FROM answers");

    let later = ctx_at("Bo", at("2026-11-04 18:00"));
    let ask = plain(&svc.handle_text(&later, "forget-me"));
    assert!(ask.contains("To go ahead: /quiz forget-me confirm"), "{ask}");
    assert_eq!(count("SELECT COUNT(*) FROM answers"), before, "nothing goes without the confirmation");

    let done = plain(&svc.handle_text(&later, "forget-me confirm"));
    assert!(done.contains("Done: 4 answers"), "three daily and one practice: {done}");
    assert_eq!(count(&format!("SELECT COUNT(*) FROM answers WHERE user_id = {bos}")), 0);
    assert_eq!(count("SELECT COUNT(*) FROM answers"), before - 3, "only Bo's three daily answers");
    assert_eq!(count(&format!("SELECT COUNT(*) FROM streaks WHERE user_id = {bos}")), 0);
    assert_eq!(count(&format!("SELECT COUNT(*) FROM season_standings WHERE user_id = {bos}")), 0);
    // The counts the streak board ranks askers by still match the streaks.
    let rows = |sql: &str| -> Vec<Vec<i64>> {
        crate::support::sql::rows(dir.path(), sql).iter().map(|r| r.iter().map(|c| c.int()).collect()).collect()
    };
    let kept = rows("SELECT channel_id, current, day, players FROM streak_counts WHERE players > 0 ORDER BY 1, 2, 3");
    let recomputed = rows(
        "SELECT channel_id, current, reached_at / 86400000, COUNT(*) FROM streaks WHERE current > 0
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    );
    assert_eq!(kept, recomputed);
    let practice = format!("SELECT COUNT(*) FROM practice_questions WHERE user_id = {bos}");
    assert_eq!(count(&practice), 1, "the other server's practice stays");
    assert_eq!(
        count(&format!(
            "SELECT COUNT(*) FROM board_totals WHERE user_id = {bos} AND guild_id = (SELECT id FROM guilds WHERE external_id = 'g1')"
        )),
        0
    );

    let viewer = ctx_at("Ann", at("2026-11-04 18:00"));
    for board in ["leaderboard all", "leaderboard week accuracy", "leaderboard streak", "leaderboard season alpha"] {
        let rows = plain(&svc.handle_text(&viewer, board));
        assert!(!rows.contains("Bo ") && !rows.contains("Bo\n"), "{board}: {rows}");
    }
    let all = shown(&svc, &viewer, "leaderboard all");
    assert_eq!(all, board_from_rows(dir.path(), "2026-01-01 00:00", "2027-01-01 00:00"), "the rest is untouched");
    let stats = plain(&svc.handle_text(&later, "stats"));
    for line in ["Daily answers: 0 (0 correct", "Points: 0", "Streak: 0 (best 0", "Practice: 0 answered"] {
        assert!(stats.contains(line), "{line}: {stats}");
    }
}

/// A player whose name, and so (on the console) whose id, is a formula: no
/// cell of the CSV export starts one.
#[test]
fn no_csv_cell_is_a_formula() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let evil = "=HYPERLINK(\"http://x\",\"y\")";
    let morning = at("2026-11-02 09:00");
    crate::support::post_now(&svc, &ctx_at("Admin", morning));
    let (right, _) = crate::support::answers_to_open(&svc, dir.path());
    svc.handle_text(&ctx_at(evil, morning), &format!("answer {right}"));
    crate::support::reveal_now(&svc, &ctx_at("Admin", at("2026-11-02 17:00")));
    let config = dir.path().join("quizmaster.toml");
    std::fs::write(&config, "[content]\nbundled = false\ndirs = [\"packs\"]\n").unwrap();
    let db = crate::support::db_path(dir.path());
    for what in ["answers", "board", "players"] {
        let out = crate::support::quizmaster(dir.path())
            .args(["--config", config.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .args(["export", "--guild", "console:g1", "--what", what, "--format", "csv"])
            .output()
            .unwrap();
        let csv = String::from_utf8(out.stdout).unwrap();
        assert!(csv.contains("'=HYPERLINK") || csv.contains("\"'=HYPERLINK"), "{what}: {csv}");
        for cell in csv.split(['\r', '\n', ',']).map(|c| c.trim_start_matches('"')) {
            assert!(!cell.starts_with(['=', '+', '@']), "{what}: a formula cell {cell:?} in {csv}");
        }
    }
}
