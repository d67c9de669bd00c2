//! Restarts of the real binary around the daily question: killed right after
//! posting, started within the grace period after a missed time, and started
//! after it.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use quizmaster::command::Command;
use quizmaster::reply::Body;
use quizmaster::service::{Ctx, Rules, Service};
use tempfile::TempDir;

use crate::support::{count, post_now, quizmaster, reveal_now};

/// The service over the same file and bank the binary uses.
fn bundled_service(dir: &Path) -> Arc<Service> {
    let mut settings = crate::support::settings(dir);
    settings.content.bundled = true;
    settings.content.dirs.clear();
    settings.quiz.seed = Some(7);
    crate::support::build(settings)
}

/// A user of the console's one channel.
fn console(user: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: quizmaster::ids::Platform::Console,
        guild: "local".into(),
        channel: "local".into(),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: true,
        now,
        locale: Default::default(),
    }
}

struct Running {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    seen: Vec<String>,
}

fn start(dir: &Path) -> Running {
    let mut child = quizmaster(dir)
        .args(["--db", "quiz.db", "console"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    Running { child, stdin, lines, seen: Vec::new() }
}

impl Running {
    /// Waits for a line containing `needle`.
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + StdDuration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(line) = self.lines.recv_timeout(StdDuration::from_millis(100)) {
                let hit = line.contains(needle);
                self.seen.push(line);
                if hit {
                    return;
                }
            }
        }
        panic!("no {needle:?} within 30 s; saw {:#?}", self.seen);
    }

    fn send(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    fn kill9(mut self) -> Vec<String> {
        self.child.kill().unwrap(); // SIGKILL
        self.child.wait().unwrap();
        self.seen.extend(self.lines.try_iter());
        self.seen
    }
}

fn hhmm(t: DateTime<Utc>) -> String {
    t.format("%H:%M").to_string()
}

#[test]
fn killed_right_after_posting_does_not_post_again_that_day() {
    let dir = TempDir::new().unwrap();
    let now = Utc::now();
    // The schedule was set 40 minutes ago for a time 30 minutes ago, and the
    // bot was down since: within the 2 h grace, so the start posts it late.
    let svc = bundled_service(dir.path());
    let set = svc.handle_text(
        &console("Admin", now - Duration::minutes(40)),
        &format!("admin schedule {} UTC daily 8h", hhmm(now - Duration::minutes(30))),
    );
    assert!(matches!(set.body, Body::Info(_)), "{set:?}");
    drop(svc);

    let mut first = start(dir.path());
    first.wait_for("Question of the day");
    let seen = first.kill9();
    assert_eq!(seen.iter().filter(|l| l.contains("Question of the day")).count(), 1, "{seen:#?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 1);

    let mut second = start(dir.path());
    second.send("/quiz admin status");
    second.wait_for("Pool:");
    // The console shows what is due before it reads the next command: once
    // help is printed, any post the restart would make has been made.
    second.send("/quiz help");
    second.wait_for("Quizmaster commands");
    let seen = second.kill9();
    assert!(!seen.iter().any(|l| l.contains("Question of the day")), "posted again after the restart: {seen:#?}");
    assert!(seen.iter().any(|l| l.contains("Open question")), "{seen:#?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 1);
}

#[test]
fn started_after_the_grace_period_records_a_miss_and_streaks_survive() {
    let dir = TempDir::new().unwrap();
    let now = Utc::now();
    let day_before = now - Duration::days(1);
    let svc = bundled_service(dir.path());
    // Yesterday: scheduled for 3 h before this hour, posted, answered right by Ann, closed after 1 h.
    svc.handle_text(
        &console("Admin", day_before - Duration::hours(4)),
        &format!("admin schedule {} UTC daily 1h", hhmm(now - Duration::hours(3))),
    );
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let posted: Vec<_> = rt
        .block_on(crate::support::deliver(&svc, day_before - Duration::hours(3), true))
        .into_iter()
        .map(|o| o.reply)
        .collect();
    let Some(Body::Question(q)) = posted.first().map(|r| r.body.clone()) else { panic!("{posted:?}") };
    let (right, _) = right_and_wrong(&svc, &q);
    let r = svc.handle(
        &console("Ann", day_before - Duration::minutes(170)),
        Command::Answer { answer: right, question: Some(q.question) },
    );
    assert!(matches!(r.body, Body::Verdict(_)), "{r:?}");
    rt.block_on(crate::support::deliver(&svc, day_before - Duration::hours(2), true));
    drop(svc);
    assert_eq!(count(dir.path(), "SELECT current FROM streaks"), 1);

    // Today's time passed 3 h ago with the bot down: past the grace, so no post.
    let mut run = start(dir.path());
    run.send("/as Ann");
    run.send("/quiz streak");
    run.wait_for("in a row");
    run.send("/quiz help");
    run.wait_for("Quizmaster commands");
    let seen = run.kill9();
    assert!(!seen.iter().any(|l| l.contains("Question of the day")), "{seen:#?}");
    assert!(seen.iter().any(|l| l.contains("1 in a row")), "the streak survived the miss: {seen:#?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'missed'"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'closed'"), 1);
}

/// The answer that is right for a question, and a wrong one.
fn right_and_wrong(svc: &Service, q: &quizmaster::reply::QuestionCard) -> (String, String) {
    let item = svc.bank().items().iter().find(|i| i.prompt == q.prompt).unwrap();
    match &item.kind {
        quizmaster::content::ItemKind::Choice { answer, choices } => (
            quizmaster::content::letter(*answer).to_string(),
            quizmaster::content::letter((*answer + 1) % choices.len()).to_string(),
        ),
        quizmaster::content::ItemKind::Text { accept, .. } => (accept[0].clone(), "certainly not this".into()),
        quizmaster::content::ItemKind::Discussion { .. } => panic!("a quiz never draws a discussion"),
    }
}

#[test]
fn killed_in_the_middle_of_an_answer_burst_loses_no_acknowledged_answer() {
    let dir = TempDir::new().unwrap();
    let now = Utc::now();
    let rules = Rules::default();

    // Yesterday: players 0-99 answered, the even ones right; revealed.
    let svc = bundled_service(dir.path());
    let post = post_now(&svc, &console("Admin", now - Duration::days(1)));
    let Body::Question(q) = &post.body else { panic!("{post:?}") };
    let (right, wrong) = right_and_wrong(&svc, q);
    for i in 0..100 {
        let answer = if i % 2 == 0 { &right } else { &wrong };
        let r = svc.handle(
            &console(&format!("P{i:05}"), now - Duration::days(1) + Duration::minutes(1)),
            Command::Answer { answer: answer.clone(), question: Some(q.question) },
        );
        assert!(matches!(r.body, Body::Verdict(_)), "{r:?}");
    }
    reveal_now(&svc, &console("Admin", now - Duration::days(1) + Duration::hours(1)));
    drop(svc);

    // Today, in the real binary: post, then a burst of 20,000 players, killed mid-way.
    let mut run = start(dir.path());
    run.send("/quiz admin post-now");
    run.wait_for("Question of the day");
    let mut stdin = run.stdin;
    let writer = std::thread::spawn(move || {
        for i in 0..20_000 {
            // Three in four answer "A"; whatever today's item is, some are right and some wrong.
            let answer = if i % 4 == 3 { "b" } else { "a" };
            if writeln!(stdin, "/as P{i:05}\n/quiz answer {answer}").is_err() {
                return; // killed
            }
        }
        let _ = stdin.flush();
    });
    let mut acked: Vec<String> = Vec::new();
    let mut who = String::new();
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while acked.len() < 300 && Instant::now() < deadline {
        if let Ok(line) = run.lines.recv_timeout(StdDuration::from_millis(100)) {
            if let Some(user) = line.strip_prefix("[private to ").and_then(|r| r.strip_suffix(']')) {
                who = user.to_string();
            } else if line.starts_with("Answer recorded.") {
                acked.push(who.clone());
            }
        }
    }
    run.child.kill().unwrap(); // SIGKILL, mid-burst
    run.child.wait().unwrap();
    // Acknowledgements already on the pipe when the process died were sent, so they count too.
    for line in run.lines.try_iter() {
        if let Some(user) = line.strip_prefix("[private to ").and_then(|r| r.strip_suffix(']')) {
            who = user.to_string();
        } else if line.starts_with("Answer recorded.") {
            acked.push(who.clone());
        }
    }
    let _ = writer.join();
    assert!(acked.len() >= 300, "the burst was under way: {} acknowledged", acked.len());

    let today: i64 = count(dir.path(), "SELECT MAX(id) FROM posts");
    let stored = |sql: &str| -> Vec<(String, i64)> {
        let sql = sql.replace("?1", &today.to_string());
        crate::support::sql::rows(dir.path(), &sql).iter().map(|r| (r[0].text(), r[1].int())).collect()
    };
    let rows = stored(
        "SELECT u.display_name, COUNT(*) FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = ?1 GROUP BY u.id, u.display_name",
    );
    let per_user: std::collections::HashMap<String, i64> = rows.into_iter().collect();
    for user in &acked {
        assert_eq!(per_user.get(user), Some(&1), "{user} was acknowledged: exactly one row");
    }
    assert!(per_user.values().all(|n| *n == 1), "nobody twice");
    assert!(per_user.len() < 20_000, "the kill came mid-burst ({} rows)", per_user.len());
    assert!(per_user.len() >= acked.len());
    eprintln!("{} acknowledged, {} stored when killed", acked.len(), per_user.len());

    // Restarted: the question is still open; reveal it and read the board.
    let mut again = start(dir.path());
    again.send("/quiz admin reveal-now");
    again.wait_for("Question of the day: the answer");
    again.send("/quiz leaderboard all");
    again.send("/quiz help");
    again.wait_for("Quizmaster commands");
    let seen = again.kill9();

    // Streaks and points recomputed from the rows with the domain rules equal the stored ones.
    let sql = "SELECT a.post_id, u.display_name, a.correct, a.points FROM answers a JOIN users u ON u.id = a.user_id
               ORDER BY a.post_id, u.display_name";
    let answers: Vec<(i64, String, bool, i64)> = crate::support::sql::rows(dir.path(), sql)
        .iter()
        .map(|r| (r[0].int(), r[1].text(), r[2].int() == 1, r[3].int()))
        .collect();
    let mut streaks: std::collections::BTreeMap<String, quizmaster::quiz::streak::Streak> = Default::default();
    let mut totals: std::collections::BTreeMap<String, i64> = Default::default();
    for post in [today - 1, today] {
        let answered: std::collections::HashMap<&String, bool> =
            answers.iter().filter(|a| a.0 == post).map(|a| (&a.1, a.2)).collect();
        let players: std::collections::BTreeSet<String> =
            streaks.keys().cloned().chain(answered.keys().map(|n| n.to_string())).collect();
        for p in players {
            let before = streaks.get(&p).copied().unwrap_or_default();
            let outcome = match answered.get(&p) {
                Some(true) => quizmaster::quiz::streak::Outcome::Correct,
                Some(false) => quizmaster::quiz::streak::Outcome::Wrong,
                None => quizmaster::quiz::streak::Outcome::Unanswered,
            };
            if let Some(correct) = answered.get(&p) {
                let points = quizmaster::quiz::scoring::daily_points(rules.scoring, *correct, before.current);
                let stored = answers.iter().find(|a| a.0 == post && a.1 == p).unwrap().3;
                assert_eq!(stored, i64::from(points), "{p}'s points on post {post}");
                *totals.entry(p.clone()).or_default() += i64::from(points);
            }
            streaks.insert(p, quizmaster::quiz::streak::settle(rules.streak, before, outcome).0);
        }
    }
    let sql = "SELECT u.display_name, s.current, s.best, s.freezes FROM streaks s JOIN users u ON u.id = s.user_id
               ORDER BY u.display_name";
    let number = |c: &crate::support::sql::Cell| u32::try_from(c.int()).expect("a count");
    let stored_streaks: Vec<(String, u32, u32, u32)> = crate::support::sql::rows(dir.path(), sql)
        .iter()
        .map(|r| (r[0].text(), number(&r[1]), number(&r[2]), number(&r[3])))
        .collect();
    let expected: Vec<(String, u32, u32, u32)> =
        streaks.iter().map(|(p, s)| (p.clone(), s.current, s.best, s.freezes)).collect();
    assert_eq!(stored_streaks, expected);

    // The board the restarted binary printed matches the recomputed totals.
    let board: Vec<&String> = seen.iter().skip_while(|l| !l.starts_with("Leaderboard")).skip(1).take(10).collect();
    assert_eq!(board.len(), 10, "{seen:#?}");
    let best = totals.values().copied().max().unwrap();
    for line in board {
        let name = line.split(". ").nth(1).and_then(|r| r.split(" — ").next()).unwrap_or_default();
        let name = name.trim_end_matches(" (you)");
        let shown = totals.get(name).unwrap_or_else(|| panic!("{line}: {name} has no answers"));
        assert!(line.contains(&format!("{shown} pts")), "{line} vs {shown}");
        assert!(*shown <= best);
    }
}
