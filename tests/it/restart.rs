//! Restarts of the real binary around the daily question: killed right after
//! posting, started within the grace period after a missed time, and started
//! after it.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use quizmaster::command::Command;
use quizmaster::content::Bank;
use quizmaster::reply::Body;
use quizmaster::scheduler;
use quizmaster::service::{Ctx, Rules, Service};
use quizmaster::store::{Options, Store};
use tempfile::TempDir;

use crate::support::{count, db_path, quizmaster};

/// The service over the same file and bank the binary uses.
fn bundled_service(dir: &Path) -> Service {
    let bank = Bank::from_sources(&Bank::bundled_sources()).unwrap();
    Service::with_seed(Store::open(&db_path(dir), Options::default()).unwrap(), bank, Rules::default(), 7)
}

/// A user of the console's one channel.
fn console(user: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: "console".into(),
        guild: "local".into(),
        channel: "local".into(),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: true,
        now,
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
    std::thread::sleep(StdDuration::from_millis(500));
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
    let mut posted = Vec::new();
    rt.block_on(scheduler::deliver_due(&svc, day_before - Duration::hours(3), "console", true, async |o| {
        posted.push(o.reply.clone());
        Ok(None)
    }))
    .unwrap();
    let Some(Body::Question(q)) = posted.first().map(|r| r.body.clone()) else { panic!("{posted:?}") };
    let item = svc.bank().items().iter().find(|i| i.prompt == q.prompt).unwrap();
    let right = match &item.kind {
        quizmaster::content::ItemKind::Choice { answer, .. } => quizmaster::content::letter(*answer).to_string(),
        quizmaster::content::ItemKind::Text { accept } => accept[0].clone(),
    };
    let r = svc.handle(
        &console("Ann", day_before - Duration::minutes(170)),
        Command::Answer { answer: right, question: Some(q.question) },
    );
    assert!(matches!(r.body, Body::Verdict(_)), "{r:?}");
    rt.block_on(scheduler::deliver_due(&svc, day_before - Duration::hours(2), "console", true, async |_| Ok(None)))
        .unwrap();
    drop(svc);
    assert_eq!(count(dir.path(), "SELECT current FROM streaks"), 1);

    // Today's time passed 3 h ago with the bot down: past the grace, so no post.
    let mut run = start(dir.path());
    run.send("/as Ann");
    run.send("/quiz streak");
    run.wait_for("in a row");
    std::thread::sleep(StdDuration::from_millis(300));
    let seen = run.kill9();
    assert!(!seen.iter().any(|l| l.contains("Question of the day")), "{seen:#?}");
    assert!(seen.iter().any(|l| l.contains("1 in a row")), "the streak survived the miss: {seen:#?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'missed'"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'closed'"), 1);
}
