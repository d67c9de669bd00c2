//! The question of the day: schedules run through the service and the
//! scheduler, on simulated time, on the real timer, and across restarts of
//! the real binary.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use quizmaster::command::{Command, QuestionRef};
use quizmaster::i18n::Lang;
use quizmaster::reply::{Body, PLAIN, Reply, render};
use quizmaster::scheduler::{self, Clock};
use quizmaster::service::{Outbound, Service};
use quizmaster::store::Part;
use tempfile::TempDir;

use crate::support::{ManualClock, at, block, count, ctx_at, post_now, service};

fn text(r: &Reply) -> String {
    render(&r.body, &PLAIN, Lang::EnUs)
}

fn admin(svc: &Service, now: DateTime<Utc>, line: &str) -> String {
    text(&svc.handle_text(&ctx_at("Admin", now), line))
}

/// The right and a wrong answer to a question card.
fn answers(reply: &Reply) -> (QuestionRef, &'static str, &'static str) {
    match &reply.body {
        Body::Question(q) if q.choices.is_empty() => (q.question, "idempotent", "stateless"),
        Body::Question(q) => (q.question, "b", "a"),
        other => panic!("not a question: {other:?}"),
    }
}

/// What the scheduler handed to the platform.
#[derive(Debug, Clone)]
struct Sent {
    part: Part,
    at: DateTime<Utc>,
    reply: Reply,
}

async fn pass(svc: &Service, now: DateTime<Utc>, log: &Mutex<Vec<Sent>>) -> Vec<Sent> {
    let new: Vec<Sent> = crate::support::deliver(svc, now, true)
        .await
        .into_iter()
        .map(|o| Sent { part: o.part().expect("a post part"), at: now, reply: o.reply })
        .collect();
    log.lock().unwrap().extend(new.iter().cloned());
    new
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn a_simulated_month_with_pauses_skips_and_a_dst_change() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let clock = ManualClock::new(at("2026-03-01 07:00"));
    let log = Mutex::new(Vec::new());
    // Admin actions at fixed instants (UTC).
    let mut script: BTreeMap<DateTime<Utc>, &str> = BTreeMap::from([
        (at("2026-03-01 07:00"), "admin schedule 09:00 Europe/Berlin daily 8h"),
        (at("2026-03-10 12:00"), "admin pause"),
        (at("2026-03-13 12:00"), "admin resume"),
        (at("2026-03-20 10:00"), "admin skip"),
    ]);
    let end = at("2026-04-01 00:00");
    runtime().block_on(async {
        while clock.now() < end {
            let now = clock.now();
            if let Some(line) = script.remove(&now) {
                let reply = admin(&svc, now, line);
                assert!(!reply.starts_with("Sorry"), "{line}: {reply}");
            }
            for sent in pass(&svc, now, &log).await {
                if sent.part != Part::Question {
                    continue;
                }
                let (question, right, wrong) = answers(&sent.reply);
                let date = now.format("%m-%d").to_string();
                let answer = |user: &str, a: &str| {
                    let r =
                        svc.handle(&ctx_at(user, now), Command::Answer { answer: a.into(), question: Some(question) });
                    assert!(matches!(r.body, Body::Verdict(_)), "{user} {date}: {r:?}");
                };
                answer("Ann", right);
                match date.as_str() {
                    "03-05" => {}                    // Bob misses a posted question: no freeze yet, streak broken.
                    "03-25" => answer("Bob", wrong), // a wrong answer always breaks it.
                    _ => answer("Bob", right),
                }
                if date == "03-01" {
                    answer("Cid", right);
                }
            }
            // Nothing waits while paused with no question open.
            let wake = svc.next_wake(quizmaster::ids::Platform::Console).await.unwrap().unwrap_or(end);
            let next_action = script.keys().next().copied().unwrap_or(end);
            clock.sleep_until(wake.min(next_action).min(end)).await;
        }
    });

    let log = log.into_inner().unwrap();
    let posts: Vec<&Sent> = log.iter().filter(|s| s.part == Part::Question).collect();
    let reveals = log.iter().filter(|s| s.part == Part::Reveal).count();
    let dates: Vec<String> = posts.iter().map(|s| s.at.format("%d").to_string()).collect();
    let want: Vec<String> = (1..=10).chain(14..=20).chain(22..=31).map(|d| format!("{d:02}")).collect::<Vec<_>>();
    assert_eq!(dates, want, "posted on every scheduled day but the paused and skipped ones");
    assert_eq!(reveals, 27, "every question closed and revealed");
    for s in &posts {
        // 09:00 in Berlin: 08:00 UTC in winter time, 07:00 UTC from 29 March on.
        let want_hour = if s.at < at("2026-03-29 00:00") { 8 } else { 7 };
        assert_eq!(s.at.format("%H:%M").to_string(), format!("{want_hour:02}:00"), "{}", s.at);
    }
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 27);
    assert_eq!(count(dir.path(), "SELECT COUNT(DISTINCT local_date) FROM posts"), 27);
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM posts p JOIN deliveries d ON d.post_id = p.id
         WHERE p.state = 'closed' AND d.part = 'reveal' AND d.state = 'sent'"
        ),
        27
    );

    let streak = |user: &str| -> (i64, i64, i64) {
        let of = |column: &str| {
            crate::support::count(
                dir.path(),
                &format!(
                    "SELECT s.{column} FROM streaks s JOIN users u ON u.id = s.user_id WHERE u.display_name = '{user}'"
                ),
            )
        };
        (of("current"), of("best"), of("freezes"))
    };
    assert_eq!(streak("Ann"), (27, 27, 2), "pauses and skips never break a streak; freezes capped at 2");
    // Bob: 4, broken on the 5th; 6th-10th and 14th-24th carry on across the pause and the skip (15);
    // a wrong answer on the 25th; then 26th-31st.
    assert_eq!(streak("Bob"), (6, 15, 2));
    assert_eq!(streak("Cid"), (0, 1, 0));
}

#[test]
fn downtime_within_grace_posts_late_once_and_after_grace_records_a_miss() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let log = Mutex::new(Vec::new());
    admin(&svc, at("2026-06-01 07:00"), "admin schedule 09:00 UTC daily 2h");
    runtime().block_on(async {
        // Down through 09:00, back at 10:30: within the 2h grace, posted late, once.
        let late = pass(&svc, at("2026-06-01 10:30"), &log).await;
        assert_eq!(late.len(), 1);
        let (question, right, _) = answers(&late[0].reply);
        let r = svc.handle(
            &ctx_at("Ann", at("2026-06-01 10:31")),
            Command::Answer { answer: right.into(), question: Some(question) },
        );
        assert!(matches!(r.body, Body::Verdict(_)));
        assert!(pass(&svc, at("2026-06-01 10:31"), &log).await.is_empty(), "no second post");
        assert_eq!(pass(&svc, at("2026-06-01 11:00"), &log).await.len(), 1, "the reveal at 09:00 + 2h");

        // Down through day 2, back at 11:01: past the grace, recorded as missed.
        assert!(pass(&svc, at("2026-06-02 11:01"), &log).await.is_empty());
        assert_eq!(
            count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'missed' AND local_date = '2026-06-02'"),
            1
        );

        // Day 3 runs normally, and Ann's streak carries on over the missed day.
        let day3 = pass(&svc, at("2026-06-03 09:00"), &log).await;
        let (question, right, _) = answers(&day3[0].reply);
        svc.handle(
            &ctx_at("Ann", at("2026-06-03 09:05")),
            Command::Answer { answer: right.into(), question: Some(question) },
        );
        pass(&svc, at("2026-06-03 11:00"), &log).await;
    });
    let streak = svc.handle(&ctx_at("Ann", at("2026-06-03 12:00")), Command::Streak);
    assert!(text(&streak).contains("2 in a row"), "{}", text(&streak));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'closed'"), 2);
}

#[test]
fn answers_after_close_are_refused_and_post_now_takes_the_days_slot() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let log = Mutex::new(Vec::new());
    admin(&svc, at("2026-06-01 07:00"), "admin schedule 09:00 UTC daily 1h");
    let posted = post_now(&svc, &ctx_at("Admin", at("2026-06-01 08:30")));
    let (question, right, _) = answers(&posted);
    runtime().block_on(async {
        assert!(pass(&svc, at("2026-06-01 09:00"), &log).await.is_empty(), "today already has its question");
        let closed = pass(&svc, at("2026-06-01 09:30"), &log).await;
        assert_eq!(closed.len(), 1, "closed 1h after it was posted, per the schedule");
        assert_eq!(closed[0].part, Part::Reveal);
    });
    let late = svc.handle(
        &ctx_at("Ann", at("2026-06-01 09:31")),
        Command::Answer { answer: right.into(), question: Some(question) },
    );
    assert!(text(&late).contains("This question is closed"), "{}", text(&late));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 0);
}

/// A post-now before the day's scheduled time is that day's question: status
/// then names tomorrow, and skip skips tomorrow, not a day already asked.
#[test]
fn after_post_now_status_and_skip_move_to_the_next_day() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let now = at("2026-11-25 07:00");
    admin(&svc, now, "admin schedule 09:00 Europe/Berlin daily 8h");
    assert!(admin(&svc, now, "admin status").contains("Next post: Wed 2026-11-25 09:00 CET"));
    post_now(&svc, &ctx_at("Admin", now));
    let status = admin(&svc, now, "admin status");
    assert!(status.contains("Next post: Thu 2026-11-26 09:00 CET (08:00 UTC)"), "{status}");
    assert!(!status.contains("2026-11-25 09:00"), "no promise of a second question today: {status}");
    let skipped = admin(&svc, now, "admin skip");
    assert!(skipped.contains("Skipped the question of 2026-11-26"), "{skipped}");
    // The scheduler at today's 09:00 sends nothing: today had its question.
    let sent = crate::support::block(crate::support::deliver(&svc, at("2026-11-25 08:00"), true));
    assert!(sent.is_empty(), "{} sent", sent.len());
}

#[test]
fn admin_status_skip_and_categories() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let now = at("2026-11-25 07:00");
    assert!(admin(&svc, now, "admin status").contains("No schedule"));
    assert!(admin(&svc, now, "admin pause").contains("no schedule yet"));
    let set = admin(&svc, now, "admin schedule 09:00 Europe/Berlin weekdays 8h");
    assert!(set.contains("Wed 2026-11-25 09:00 CET (08:00 UTC)"), "{set}");
    let status = admin(&svc, now, "admin status");
    assert!(status.contains("09:00 Europe/Berlin weekdays, closing after 8h"), "{status}");
    assert!(status.contains("Next post: Wed 2026-11-25 09:00 CET (08:00 UTC)"), "{status}");
    assert!(status.contains("Pool: 2 of 2 questions left"), "{status}");
    assert!(admin(&svc, now, "admin skip").contains("Skipped the question of 2026-11-25"));
    assert!(admin(&svc, now, "admin skip").contains("already skipped"));
    assert!(admin(&svc, now, "admin status").contains("The question of 2026-11-25 is skipped"));
    post_now(&svc, &ctx_at("Admin", at("2026-11-25 12:00")));
    assert!(admin(&svc, now, "admin status").contains("Pool: 1 of 2 questions left"));
    assert!(admin(&svc, now, "admin categories astrology").contains("no category `astrology`"));
    let typo = admin(&svc, now, "admin categories apsi");
    assert!(typo.contains("Did you mean `apis`?"), "{typo}");
    let zone = admin(&svc, now, "admin schedule 09:00 Europe/Berln");
    assert!(zone.contains("Did you mean Europe/Berlin?"), "{zone}");
    let zone = admin(&svc, now, "admin timezone berlin");
    assert!(zone.contains("Did you mean Europe/Berlin?"), "{zone}");
    assert!(admin(&svc, now, "admin categories apis").contains("from apis (1 question)"));
    // The daily question now comes from apis only: the text item.
    let posted = post_now(&svc, &ctx_at("Admin", at("2026-11-26 12:00")));
    assert!(matches!(&posted.body, Body::Question(q) if q.choices.is_empty()), "{posted:?}");
    assert!(admin(&svc, at("2026-11-26 12:00"), "admin status").contains("(apis)"));

    let mut c = ctx_at("Mallory", now);
    c.is_admin = false;
    for line in [
        "admin schedule 10:00 UTC",
        "admin pause",
        "admin resume",
        "admin skip",
        "admin categories all",
        "admin status",
    ] {
        assert!(text(&svc.handle_text(&c, line)).contains("Only admins can use /quiz admin"), "{line}");
    }
    assert!(admin(&svc, now, "admin status").contains("09:00 Europe/Berlin"), "unchanged by Mallory");
}

/// The wall clock shifted by a fixed offset, sleeping for real.
struct ShiftedClock(Duration);

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0
    }

    fn sleep_until(&self, t: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let wait = (t - self.now()).to_std().unwrap_or_default();
        Box::pin(tokio::time::sleep(wait))
    }
}

/// Notes when the question reached the "platform".
struct Recorder {
    clock: Arc<ShiftedClock>,
    sent_at: Mutex<Option<DateTime<Utc>>>,
    tx: Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
}

impl scheduler::Deliver for Recorder {
    fn platform(&self) -> quizmaster::ids::Platform {
        quizmaster::ids::Platform::Console
    }

    fn dedupes(&self) -> bool {
        false
    }

    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = scheduler::SendResult> + Send + 'a>> {
        if out.part() == Some(Part::Question) {
            *self.sent_at.lock().unwrap() = Some(self.clock.now());
            if let Some(tx) = self.tx.lock().unwrap().take() {
                let _ = tx.send(());
            }
        }
        Box::pin(std::future::ready(Ok(Default::default())))
    }
}

#[test]
fn the_real_timer_posts_when_due_and_not_before() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    // Shift the clock so that the next whole minute is two seconds away.
    let real = Utc::now();
    let minute_start = real
        - Duration::nanoseconds(i64::from(real.timestamp_subsec_nanos()))
        - Duration::seconds(i64::from(chrono::Timelike::second(&real)));
    let next_minute = minute_start + Duration::minutes(2);
    let shift = next_minute - Duration::seconds(2) - real;
    let clock = Arc::new(ShiftedClock(shift));
    let due = next_minute;
    let line = format!("admin schedule {} UTC", due.format("%H:%M"));
    assert!(admin(&svc, clock.now(), &line).contains("Scheduled"));

    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let recorder = Arc::new(Recorder { clock: clock.clone(), sent_at: Mutex::new(None), tx: Mutex::new(Some(tx)) });
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let started = std::time::Instant::now();
    rt.block_on(async {
        let stop = tokio_util::sync::CancellationToken::new();
        let cancel = stop.clone();
        tokio::spawn(async move {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(30), rx).await;
            cancel.cancel();
        });
        let run = scheduler::run(Arc::clone(&svc), clock.clone(), recorder.clone(), stop);
        tokio::spawn(run).await.unwrap();
    });
    let sent_at = &recorder.sent_at;
    let sent = sent_at.lock().unwrap().expect("the question was posted by the timer");
    assert!(sent >= due, "posted at {sent}, before its time {due}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(1500), "it waited for the due time");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM deliveries WHERE part = 'question' AND state = 'sent'"), 1);
}

#[test]
fn a_reveal_cut_off_by_a_crash_is_sent_after_the_restart() {
    let dir = TempDir::new().unwrap();
    let log = Mutex::new(Vec::new());
    {
        let svc = service(dir.path());
        admin(&svc, at("2026-06-01 07:00"), "admin schedule 09:00 UTC daily 1h");
        runtime().block_on(async {
            assert_eq!(pass(&svc, at("2026-06-01 09:00"), &log).await.len(), 1);
        });
        // At 10:00 the question closes; the reveal's send starts and the process dies.
        let due = block(svc.tick(at("2026-06-01 10:00"), quizmaster::ids::Platform::Console)).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].part(), Some(Part::Reveal));
        assert!(block(svc.delivery_started(due[0].what, at("2026-06-01 10:00"))).unwrap());
    }
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM deliveries WHERE part = 'reveal' AND state = 'sending'"), 1);
    let svc = service(dir.path());
    let after: Vec<Part> = runtime()
        .block_on(crate::support::deliver(&svc, at("2026-06-01 10:05"), false))
        .into_iter()
        .map(|o| o.part().expect("a post part"))
        .collect();
    assert_eq!(after, [Part::Reveal], "the reveal is not lost");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM deliveries WHERE part = 'reveal' AND state = 'sent'"), 1);
}
