//! The service end to end on a real database file.

use std::sync::Arc;

use quizmaster::command::{Command, QuestionRef};
use quizmaster::i18n::Lang;
use quizmaster::quiz::leaderboard::{Period, Sort, Standing, period_range, rank};
use quizmaster::reply::{Body, PLAIN, Reply, Verdict, Visibility, render};
use quizmaster::service::Service;
use tempfile::TempDir;

use crate::support::{at, count, ctx, post_now, reveal_now, service};

fn text(r: &Reply) -> String {
    render(&r.body, &PLAIN, Lang::EnUs)
}

fn question_ref(r: &Reply) -> QuestionRef {
    match &r.body {
        Body::Question(q) => q.question,
        other => panic!("expected a question, got {other:?}"),
    }
}

fn totals(dir: &TempDir) -> (i64, i64, i64, i64) {
    (
        count(dir.path(), "SELECT COUNT(*) FROM answers"),
        count(dir.path(), "SELECT COUNT(*) FROM practice_answers"),
        count(dir.path(), "SELECT COUNT(*) FROM posts"),
        count(dir.path(), "SELECT COUNT(*) FROM streaks"),
    )
}

#[test]
fn practice_question_answer_and_verdict_with_explanation() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let q = svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), "play miscellaneous");
    assert_eq!(q.visibility, Visibility::Private);
    assert!(text(&q).contains("During a network partition"), "{}", text(&q));
    assert_eq!(q.buttons().len(), 4);

    let v = svc.handle_text(&ctx("Ann", "2026-11-25 10:01"), "answer b");
    assert_eq!(v.visibility, Visibility::Private);
    let Body::Verdict(card) = &v.body else { panic!("verdict expected: {v:?}") };
    assert_eq!(card.verdict, Verdict::Correct);
    assert_eq!(card.question, question_ref(&q), "the verdict names its question");
    assert!(text(&v).contains("refuse requests"), "explanation shown: {}", text(&v));

    // The first answer is final: a second goes nowhere (no practice question open).
    let again = svc.handle_text(&ctx("Ann", "2026-11-25 10:02"), "answer c");
    assert!(matches!(again.body, Body::Error(_)), "{again:?}");
    // A button for the answered question is refused by the primary key.
    let button = svc.handle(
        &ctx("Ann", "2026-11-25 10:02"),
        Command::Answer { answer: "c".into(), question: Some(question_ref(&q)) },
    );
    assert!(text(&button).contains("first answer is final"), "{}", text(&button));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM practice_answers"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM practice_answers WHERE answer = 'B'"), 1, "stored as B, not C");
}

#[test]
fn text_answers_are_graded_leniently() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), "play apis");
    let v = svc.handle_text(&ctx("Ann", "2026-11-25 10:01"), "answer The Idempotant");
    let Body::Verdict(card) = &v.body else { panic!("{v:?}") };
    assert_eq!(card.verdict, Verdict::Correct, "article and one typo forgiven");
}

#[test]
fn bad_input_gets_a_specific_reply_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let expect_error = |svc: &Service, line: &str, needle: &str| {
        let before = totals(&dir);
        let r = svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), line);
        assert!(matches!(r.body, Body::Error(_)), "{line:?} -> {r:?}");
        assert_eq!(r.visibility, Visibility::Private);
        assert!(text(&r).contains(needle), "{line:?}: {:?} lacks {needle:?}", text(&r));
        assert_eq!(totals(&dir), before, "{line:?} changed the database");
    };
    expect_error(&svc, "frobnicate", "/quiz help");
    expect_error(&svc, "answer b", "no open question");
    expect_error(&svc, "answer", "needs your answer");
    expect_error(&svc, &format!("answer {}", "x".repeat(600)), "the limit is 500");
    expect_error(&svc, "leaderboard yearly", "yearly");
    expect_error(&svc, "play astrology", "no category `astrology`");

    svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), "play miscellaneous");
    expect_error(&svc, "answer Z", "choose A-D");
    expect_error(&svc, "answer maybe", "Choose a letter A-D");

    svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), "play apis");
    expect_error(&svc, "answer ?!", "empty");
}

#[test]
fn daily_flow_first_answer_final_reveal_and_leaderboard() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let post = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    assert_eq!(post.visibility, Visibility::Public);
    let daily = question_ref(&post);
    let right = match &post.body {
        Body::Question(q) if q.choices.is_empty() => "idempotent",
        Body::Question(_) => "b",
        _ => unreachable!(),
    };
    let wrong = if right == "b" { "a" } else { "stateless" };

    // Two users right (Bea first), one wrong, by button and by command.
    let a = |user: &str, minute: &str, answer: &str, by_button: bool| {
        let question = by_button.then_some(daily);
        svc.handle(&ctx(user, &format!("2026-11-25 09:{minute}")), Command::Answer { answer: answer.into(), question })
    };
    for (user, minute, answer, button) in
        [("Cal", "05", right, true), ("Bea", "01", right, false), ("Dan", "02", wrong, true)]
    {
        let r = a(user, minute, answer, button);
        let Body::Verdict(v) = &r.body else { panic!("{r:?}") };
        assert_eq!(v.verdict, Verdict::Recorded, "no spoilers before the reveal");
        assert_eq!(v.right_answer, None);
    }
    let dup = a("Cal", "06", wrong, false);
    assert!(text(&dup).contains("first answer is final"), "{}", text(&dup));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 3);
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM answers a JOIN users u ON u.id = a.user_id WHERE u.display_name = 'Cal' AND a.correct = 1"
        ),
        1
    );

    // A second post the same day is refused.
    let again = post_now(&svc, &ctx("Admin", "2026-11-25 12:00"));
    assert!(text(&again).contains("already had its question for 2026-11-25"), "{}", text(&again));

    let reveal = reveal_now(&svc, &ctx("Admin", "2026-11-25 17:00"));
    assert_eq!(reveal.visibility, Visibility::Public);
    let Body::Reveal(card) = &reveal.body else { panic!("{reveal:?}") };
    assert_eq!((card.answered, card.correct), (3, 2));
    assert_eq!(card.first_correct.as_deref(), Some("Bea"), "by answer time, not by insertion order");

    let late = a("Eve", "59", right, true);
    assert!(text(&late).contains("closed"), "{}", text(&late));

    let board = svc.handle_text(&ctx("Dan", "2026-11-25 18:00"), "leaderboard");
    let lines: Vec<String> = text(&board).lines().skip(1).map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("Bea") && lines[0].contains("10 pts"), "{lines:?}");
    assert!(lines[1].contains("Cal") && lines[1].contains("10 pts"), "tie goes to who scored first: {lines:?}");
    assert!(lines[2].contains("Dan") && lines[2].contains("(you)"), "{lines:?}");

    let streak = svc.handle(&ctx("Bea", "2026-11-25 18:00"), Command::Streak);
    assert!(text(&streak).contains("1 in a row"), "{}", text(&streak));

    // Next day: Bea's streak earns her a bonus point.
    let post2 = post_now(&svc, &ctx("Admin", "2026-11-26 09:00"));
    let right2 = match &post2.body {
        Body::Question(q) if q.choices.is_empty() => "idempotent",
        _ => "b",
    };
    svc.handle_text(&ctx("Bea", "2026-11-26 09:01"), &format!("answer {right2}"));
    // No spoilers on the board either: points come with the reveal.
    let before = svc.handle_text(&ctx("Dan", "2026-11-26 10:00"), "leaderboard");
    assert!(text(&before).contains("Bea — 10 pts"), "{}", text(&before));
    assert_eq!(count(dir.path(), "SELECT MAX(points) FROM answers"), 10);
    reveal_now(&svc, &ctx("Admin", "2026-11-26 17:00"));
    assert_eq!(count(dir.path(), "SELECT MAX(points) FROM answers"), 11);
    let after = svc.handle_text(&ctx("Dan", "2026-11-26 18:00"), "leaderboard");
    assert!(text(&after).contains("Bea — 21 pts"), "{}", text(&after));
}

#[test]
fn answer_goes_to_the_daily_question_first_then_practice() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    svc.handle_text(&ctx("Ann", "2026-11-25 08:00"), "play");
    post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    let first = svc.handle_text(&ctx("Ann", "2026-11-25 09:01"), "answer b");
    let second = svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "answer b");
    let mode = |r: &Reply| match &r.body {
        Body::Verdict(v) => v.mode,
        other => panic!("{other:?}"),
    };
    assert_eq!(mode(&first), quizmaster::reply::Mode::Daily);
    assert!(text(&first).contains("today's question"));
    // The practice item may be the text one; either way the answer is routed there.
    assert_eq!(mode(&second), quizmaster::reply::Mode::Practice, "{}", text(&second));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM practice_answers"), 1);
}

#[test]
fn practice_never_counts_on_the_daily_board() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    svc.handle_text(&ctx("Ann", "2026-11-25 08:00"), "play miscellaneous");
    svc.handle_text(&ctx("Ann", "2026-11-25 08:01"), "answer b");
    let daily = svc.handle_text(&ctx("Ann", "2026-11-25 09:00"), "leaderboard all");
    assert!(text(&daily).contains("No answers yet"), "{}", text(&daily));
    let practice = svc.handle_text(&ctx("Ann", "2026-11-25 09:00"), "leaderboard practice all");
    assert!(text(&practice).contains("Ann — 1 correct of 1"), "{}", text(&practice));
}

#[test]
fn non_admins_cannot_run_admin_commands() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let mut c = ctx("Mallory", "2026-11-25 09:00");
    c.is_admin = false;
    for line in ["admin post-now", "admin reveal-now", "admin timezone Pacific/Apia"] {
        let r = svc.handle_text(&c, line);
        assert!(text(&r).contains("Only admins can use /quiz admin"), "{line}: {}", text(&r));
    }
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts"), 0);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM guilds WHERE timezone IS NOT NULL"), 0);
}

/// `requests` concurrent answers to a fresh daily question from `players`
/// players (request i comes from player i % players). Returns who was
/// acknowledged, and checks the rows against them.
fn concurrent_answers(requests: usize, players: usize, workers: usize) {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let post = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    let daily = question_ref(&post);
    let answer = match &post.body {
        Body::Question(q) if q.choices.is_empty() => "idempotent",
        _ => "b",
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(workers).build().unwrap();
    let acked: Vec<String> = runtime.block_on(async {
        let tasks: Vec<_> = (0..requests)
            .map(|i| {
                let svc = Arc::clone(&svc);
                let user = format!("player{}", i % players);
                let cmd = Command::Answer { answer: answer.into(), question: Some(daily) };
                // Half the callers block (as the console does), half await (as the
                // Slack and Discord adapters do); both share the group commits.
                tokio::spawn(async move {
                    let r = if i % 2 == 0 {
                        svc.handle_async(ctx(&user, "2026-11-25 09:30"), cmd).await
                    } else {
                        let c = ctx(&user, "2026-11-25 09:30");
                        tokio::task::spawn_blocking(move || svc.handle(&c, cmd)).await.unwrap()
                    };
                    matches!(r.body, Body::Verdict(_)).then_some(user)
                })
            })
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.extend(t.await.unwrap());
        }
        out
    });
    let distinct: std::collections::HashSet<&String> = acked.iter().collect();
    assert_eq!(acked.len(), players, "one acknowledgement per player");
    assert_eq!(distinct.len(), players);
    let rows = count(dir.path(), "SELECT COUNT(*) FROM answers");
    assert_eq!(rows, players as i64, "every acknowledged answer is a row");
    assert_eq!(count(dir.path(), "SELECT COUNT(DISTINCT user_id) FROM answers"), rows, "and only once");
}

#[test]
fn thirty_two_concurrent_tasks_leave_one_row_per_user() {
    concurrent_answers(32, 8, 4);
}

#[test]
fn a_burst_acknowledges_every_recorded_answer_exactly_once() {
    // 400 players, each answering twice at once: 800 concurrent requests.
    concurrent_answers(800, 400, 2);
}

#[test]
fn a_flood_from_one_user_is_slowed_down_and_nobody_else_is() {
    let dir = TempDir::new().unwrap();
    let mut settings = crate::support::settings(dir.path());
    settings.quiz = Default::default();
    let svc = crate::support::build(settings);
    // A chat platform's users; the local console has no limit.
    let on_slack =
        |user: &str, t: &str| quizmaster::service::Ctx { platform: quizmaster::ids::Platform::Slack, ..ctx(user, t) };
    let at = |user: &str, t: &str| svc.handle(&on_slack(user, t), Command::Help);
    let flood: Vec<bool> = (0..20).map(|_| matches!(at("Spam", "2026-11-25 10:00").body, Body::Help(_))).collect();
    assert_eq!(flood.iter().filter(|ok| **ok).count(), 5, "the default burst is 5: {flood:?}");
    let slowed = at("Spam", "2026-11-25 10:00");
    assert!(text(&slowed).contains("faster than the quiz takes them"), "{}", text(&slowed));
    assert!(matches!(at("Ann", "2026-11-25 10:00").body, Body::Help(_)), "others are not affected");
    assert!(matches!(at("Spam", "2026-11-25 10:01").body, Body::Help(_)), "a minute later the flood is forgotten");
    // Refused commands change nothing.
    let before = count(dir.path(), "SELECT COUNT(*) FROM practice_questions");
    for _ in 0..10 {
        svc.handle(&on_slack("Spam", "2026-11-25 10:01"), Command::Play { category: None });
    }
    assert_eq!(
        count(dir.path(), "SELECT COUNT(*) FROM practice_questions"),
        before + 4,
        "only the remaining burst got through"
    );
}

/// Every board, for every asker, as the rules say it should be, computed
/// straight from the answer rows with the domain's ranking.
fn expected_board(dir: &std::path::Path, sort: Sort, range: Option<(i64, i64)>, asker: &str) -> Vec<String> {
    let (start, end) = range.unwrap_or((i64::MIN, i64::MAX));
    let sql = format!(
        "SELECT u.id, u.display_name, CAST(SUM(a.points) AS BIGINT), CAST(SUM(a.correct) AS BIGINT), COUNT(*),
                COALESCE(MAX(CASE WHEN a.points > 0 THEN a.answered_at END), 0)
         FROM answers a JOIN posts p ON p.id = a.post_id AND p.state = 'closed' JOIN users u ON u.id = a.user_id
         WHERE a.answered_at >= {start} AND a.answered_at < {end} GROUP BY u.id, u.display_name"
    );
    let rows: Vec<Standing> = crate::support::sql::rows(dir, &sql)
        .iter()
        .map(|r| Standing {
            user_id: quizmaster::ids::UserId(r[0].int()),
            name: r[1].text(),
            points: r[2].int(),
            correct: r[3].int(),
            answered: r[4].int(),
            points_at: r[5].int(),
            streak: 0,
            streak_at: 0,
        })
        .collect();
    let figure = |r: &Standing| match sort {
        Sort::Accuracy => format!(
            "{}% ({}/{})",
            quizmaster::quiz::leaderboard::accuracy_percent(r.correct, r.answered),
            r.correct,
            r.answered
        ),
        _ => format!("{} pts", r.points),
    };
    listed(rank(rows, sort), asker, figure)
}

/// A ranked board's lines as the bot shows them: the top ten, and the asker.
fn listed(ranked: Vec<Standing>, asker: &str, figure: impl Fn(&Standing) -> String) -> Vec<String> {
    ranked
        .iter()
        .enumerate()
        .filter(|(i, r)| *i < 10 || r.name == asker)
        .map(|(i, r)| format!("{}. {} — {}{}", i + 1, r.name, figure(r), if r.name == asker { " (you)" } else { "" }))
        .collect()
}

/// The streak board as the rules say, from the streak rows (one channel).
fn expected_streak_board(dir: &std::path::Path, asker: &str) -> Vec<String> {
    let sql = "SELECT u.id, u.display_name, s.current, s.reached_at FROM streaks s JOIN users u ON u.id = s.user_id
               WHERE s.current > 0";
    let rows: Vec<Standing> = crate::support::sql::rows(dir, sql)
        .iter()
        .map(|r| Standing {
            user_id: quizmaster::ids::UserId(r[0].int()),
            name: r[1].text(),
            points: 0,
            correct: 0,
            answered: 0,
            points_at: 0,
            streak: r[2].int(),
            streak_at: r[3].int(),
        })
        .collect();
    listed(rank(rows, Sort::Streak), asker, |r| format!("{} in a row", r.streak))
}

#[test]
fn boards_from_running_totals_equal_boards_from_the_rows() {
    use rand::{RngExt, SeedableRng};
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let players: Vec<String> = (0..40).map(|i| format!("P{i:02}")).collect();
    // Twelve days around a month end and a week end, in Berlin: answers late
    // in the evening UTC fall on the next local day.
    svc.handle_text(&ctx("Admin", "2026-11-20 08:00"), "admin timezone Europe/Berlin");
    svc.handle_text(&ctx("Admin", "2026-11-20 08:00"), "leaderboard");
    for day in 0..12 {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() + chrono::Duration::days(day);
        let post = post_now(&svc, &ctx("Admin", &format!("{date} 08:00")));
        let Body::Question(q) = &post.body else { panic!("{post:?}") };
        let right = if q.choices.is_empty() { "idempotent" } else { "b" };
        for p in &players {
            if rng.random_bool(0.7) {
                let answer = if rng.random_bool(0.6) { right } else { "c" };
                let answer = if q.choices.is_empty() && answer == "c" { "nonsense" } else { answer };
                let minute = rng.random_range(0..59);
                let hour = [8, 12, 22, 23][rng.random_range(0..4)];
                let r = svc.handle(
                    &ctx(p, &format!("{date} {hour:02}:{minute:02}")),
                    Command::Answer { answer: answer.into(), question: Some(q.question) },
                );
                assert!(matches!(r.body, Body::Verdict(_)), "{r:?}");
            }
        }
        reveal_now(&svc, &ctx("Admin", &format!("{date} 23:59")));
    }
    let now = "2026-12-01 12:00";
    // How many boards were asked by someone ranked below the top ten.
    let below_top_ten = std::cell::Cell::new(0);
    let check = |label: &str| {
        for (period, name) in [(Period::Week, "week"), (Period::Month, "month"), (Period::All, "all")] {
            let range = period_range(period, crate::support::at(now), chrono_tz::Europe::Berlin)
                .map(|(s, e)| (s.timestamp_millis(), e.timestamp_millis()));
            for (sort, sort_name) in [(Sort::Points, "points"), (Sort::Accuracy, "accuracy")] {
                for asker in ["P00", "P17", "P39", "Nobody"] {
                    let board = svc.handle_text(&ctx(asker, now), &format!("leaderboard {name} {sort_name}"));
                    let shown: Vec<String> = text(&board).lines().skip(1).map(|l| l.trim().to_string()).collect();
                    let want = expected_board(dir.path(), sort, range, asker);
                    if want.is_empty() {
                        assert!(shown[0].starts_with("No answers yet"), "{label}: {name}: {shown:?}");
                    } else {
                        assert_eq!(shown, want, "{label}: {name} {sort_name} asked by {asker}");
                        if shown.len() == 11 {
                            below_top_ten.set(below_top_ten.get() + 1);
                        }
                    }
                }
            }
        }
    };
    check("running totals");
    assert!(below_top_ten.get() >= 6, "askers ranked below the top ten: {}", below_top_ten.get());
    for asker in ["P00", "P17", "P39", "Nobody"] {
        let board = svc.handle_text(&ctx(asker, now), "leaderboard all streak");
        let shown: Vec<String> = text(&board).lines().skip(1).map(|l| l.trim().to_string()).collect();
        let want = expected_streak_board(dir.path(), asker);
        assert!(want.len() >= 10, "{want:?}");
        assert_eq!(shown, want, "streak board asked by {asker}");
    }
    // A rebuild from the rows gives the same totals the reveals kept.
    let snapshot = || {
        [
            "SELECT * FROM board_totals ORDER BY board, period, user_id",
            "SELECT * FROM board_points WHERE players != 0 ORDER BY board, period, points",
            "SELECT * FROM board_points_days WHERE players != 0 ORDER BY board, period, points, day",
            "SELECT * FROM board_accuracy WHERE players != 0 ORDER BY board, period, accuracy, answered",
        ]
        .map(|sql| crate::support::sql::rows(dir.path(), sql))
    };
    // The streak counts the triggers keep equal the counts of the streak rows.
    let rows = |sql: &str| -> Vec<Vec<i64>> {
        crate::support::sql::rows(dir.path(), sql).iter().map(|r| r.iter().map(|c| c.int()).collect()).collect()
    };
    let counted =
        rows("SELECT channel_id, current, day, players FROM streak_counts WHERE players != 0 ORDER BY 1, 2, 3");
    assert!(!counted.is_empty());
    assert_eq!(
        counted,
        rows(
            "SELECT channel_id, current, reached_at / 86400000, COUNT(*) FROM streaks WHERE current > 0
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        )
    );
    let kept = snapshot();
    assert!(kept[0].len() > 40 && kept.iter().all(|t| !t.is_empty()), "{kept:?}");
    svc.handle_text(&ctx("Admin", now), "admin timezone America/New_York");
    svc.handle_text(&ctx("Admin", now), "admin timezone Europe/Berlin");
    assert_eq!(snapshot(), kept, "rebuilt = kept up to date");
    check("after a rebuild");
}

#[test]
fn boards_over_a_seeded_year_equal_boards_from_the_rows() {
    if crate::support::sqlite_only(
        "boards_over_a_seeded_year_equal_boards_from_the_rows",
        "the benchmark's bulk loader writes SQLite",
    ) {
        return;
    }
    use chrono::TimeZone;
    let dir = TempDir::new().unwrap();
    let mut store = crate::support::store(dir.path());
    let start = chrono::Utc.with_ymd_and_hms(2025, 11, 25, 9, 0, 0).unwrap();
    store.bench_seed_history("history", 2000, 365, 20_000, start.timestamp_millis()).unwrap();
    let now = crate::support::at("2026-11-20 12:00");
    let asker = store.bench_asker(now.timestamp_millis()).unwrap();
    drop(store);
    let mut settings = crate::support::settings(dir.path());
    settings.quiz.seed = Some(1);
    let svc = crate::support::build(settings);
    let c = |user: &str| quizmaster::service::Ctx {
        platform: quizmaster::ids::Platform::Slack,
        guild: "history".into(),
        channel: "quiz".into(),
        user_id: user.into(),
        user_name: format!("player {}", user.trim_start_matches('u')),
        is_admin: false,
        now,
        locale: Default::default(),
    };
    for user in [asker.as_str(), "u0", "u1999"] {
        let name = format!("player {}", user.trim_start_matches('u'));
        for (period, word) in [(Period::Week, "week"), (Period::Month, "month"), (Period::All, "all")] {
            let range = period_range(period, now, chrono_tz::Tz::UTC)
                .map(|(s, e)| (s.timestamp_millis(), e.timestamp_millis()));
            for (sort, sort_word) in [(Sort::Points, "points"), (Sort::Accuracy, "accuracy")] {
                let board = svc.handle_text(&c(user), &format!("leaderboard {word} {sort_word}"));
                let shown: Vec<String> = text(&board).lines().skip(1).map(|l| l.trim().to_string()).collect();
                let want = expected_board(dir.path(), sort, range, &name);
                assert_eq!(shown, want, "{word} {sort_word} asked by {user}");
            }
        }
        let board = svc.handle_text(&c(user), "leaderboard all streak");
        let shown: Vec<String> = text(&board).lines().skip(1).map(|l| l.trim().to_string()).collect();
        assert_eq!(shown, expected_streak_board(dir.path(), &name), "streaks asked by {user}");
    }
}

/// A new item for the release that retires the fixture's two.
const FRESH: &str = r#"
[[item]]
id = "fresh-item"
topic = 1
category = "general-concepts"
difficulty = "easy"
kind = "choice"
prompt = "Which of these runs on the server side of a web application?"
choices = ["The request handler", "The style sheet", "The browser tab", "The DOM tree"]
answer = "A"
explanation = "Request handlers run on the server; the others live in the browser."
"#;

#[test]
fn questions_asked_before_their_item_was_retired_still_grade_reveal_and_count() {
    let dir = TempDir::new().unwrap();
    let practice = {
        let svc = service(dir.path());
        let post = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
        assert!(matches!(post.body, Body::Question(_)), "{post:?}");
        let ok = svc.handle_text(&ctx("Ann", "2026-11-25 09:05"), "answer b");
        assert!(matches!(ok.body, Body::Verdict(_)), "{ok:?}");
        let practice = svc.handle_text(&ctx("Bob", "2026-11-25 09:06"), "play apis");
        question_ref(&practice)
    };
    // The next release retires both items: the open question and Bob's
    // practice question refer to ids that may no longer be asked.
    let retired = crate::support::PACK.replace("kind = ", "retired = true\nkind = ");
    let mut settings = crate::support::settings_with_packs(dir.path(), &[("old.toml", &retired), ("new.toml", FRESH)]);
    settings.quiz.seed = Some(7);
    let svc = crate::support::build(settings);
    let answer = Command::Answer { answer: "idempotent".into(), question: Some(practice) };
    let verdict = svc.handle(&ctx("Bob", "2026-11-25 09:10"), answer);
    let verdict_text = text(&verdict);
    let Body::Verdict(card) = &verdict.body else { panic!("verdict expected: {verdict:?}") };
    assert_eq!(card.verdict, Verdict::Correct);
    assert!(verdict_text.contains("retried safely"), "the retired item's explanation: {verdict_text}");
    let reveal = reveal_now(&svc, &ctx("Admin", "2026-11-25 17:00"));
    let Body::Reveal(card) = &reveal.body else { panic!("reveal expected: {reveal:?}") };
    assert_eq!(card.answered, 1);
    assert!(!card.explanation.is_empty());
    let stats = text(&svc.handle_text(&ctx("Ann", "2026-11-25 17:01"), "stats"));
    assert!(stats.contains("Daily answers"), "{stats}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM answers"), 1);
    // Retired items are never asked again.
    for minute in 0..5 {
        let q = svc.handle_text(&ctx(&format!("P{minute}"), "2026-11-25 18:00"), "play");
        assert!(text(&q).contains("runs on the server side"), "{}", text(&q));
    }
}

/// A channel whose open question has `players` answers (all right), written
/// straight to the file; returns the post id. The question is answered as
/// the raw baseline of the benchmarks answers it (`B`).
fn crowded_question(dir: &std::path::Path, svc: &Service, players: usize) -> quizmaster::ids::PostId {
    let post = post_now(svc, &ctx("Admin", "2026-11-25 09:00"));
    let QuestionRef::Daily(id) = question_ref(&post) else { panic!("{post:?}") };
    let mut store = crate::support::store(dir);
    store.bench_raw_answer_inserts(id, players, 5000).unwrap();
    id
}

#[test]
fn a_big_reveal_settles_in_steps_and_answers_are_taken_in_between() {
    const PLAYERS: i64 = 12_000;
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let post = crowded_question(dir.path(), &svc, PLAYERS as usize);
    // Another channel has a question of its own.
    let other = |user: &str| quizmaster::service::Ctx { channel: "c2".into(), ..ctx(user, "2026-11-25 10:00") };
    let q = question_ref(&post_now(&svc, &other("Admin")));
    crate::support::store(dir.path()).begin_close(post, crate::support::ms(0)).unwrap();

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let order = rt.block_on(async {
        let order = Arc::new(std::sync::Mutex::new(Vec::new()));
        let tick = tokio::spawn({
            let (svc, order) = (Arc::clone(&svc), Arc::clone(&order));
            async move {
                svc.tick(crate::support::at("2026-11-25 10:00"), quizmaster::ids::Platform::Console).await.unwrap();
                order.lock().unwrap().push("reveal settled");
            }
        });
        // Readiness: the reveal has started and at least ten steps are left.
        // The writer takes jobs in order and the scheduler sends one step at a
        // time, so an answer sent now is taken before those ten steps.
        let settled = || count(dir.path(), &format!("SELECT COUNT(*) FROM streaks WHERE settled_post = {post}"));
        while !(1..PLAYERS - 12 * 256).contains(&settled()) {
            tokio::task::yield_now().await;
            assert!(!tick.is_finished(), "the reveal finished before it was seen in progress");
        }
        let answer = Command::Answer { answer: "b".into(), question: Some(q) };
        let reply = svc.handle_async(other("Ann"), answer).await;
        assert!(matches!(reply.body, Body::Verdict(_)), "{reply:?}");
        order.lock().unwrap().push("answer recorded");
        tick.await.unwrap();
        order.lock().unwrap().clone()
    });
    assert_eq!(order, ["answer recorded", "reveal settled"]);
    assert_eq!(count(dir.path(), &format!("SELECT COUNT(*) FROM streaks WHERE settled_post = {post}")), PLAYERS);
    let streaks = format!("SELECT COUNT(*) FROM streaks WHERE settled_post = {post} AND current = 1 AND best = 1");
    assert_eq!(count(dir.path(), &streaks), PLAYERS, "every player's streak settled once");
    assert_eq!(count(dir.path(), &format!("SELECT settling FROM posts WHERE id = {post}")), 0);
}

#[test]
fn a_reveal_cut_off_halfway_through_settling_finishes_after_the_restart_and_counts_everyone_once() {
    const PLAYERS: i64 = 1_000;
    let dir = TempDir::new().unwrap();
    let post = crowded_question(dir.path(), &service(dir.path()), PLAYERS as usize);
    {
        // The process dies after the close and 300 settled players.
        let mut store = crate::support::store(dir.path());
        assert_eq!(store.begin_close(post, crate::support::ms(0)).unwrap(), Some(quizmaster::store::Closed::Settling));
        let decide = |q, players: &[_]| quizmaster::quiz::settle::settle(Default::default(), q, players);
        let rules = quizmaster::store::Settle { decide: &decide, default_zone: chrono_tz::Tz::UTC };
        assert!(matches!(
            store.settle_some(post, quizmaster::ids::UserId(0), 300, rules).unwrap(),
            quizmaster::store::Settled::Upto(_)
        ));
    }
    let settled = || count(dir.path(), &format!("SELECT COUNT(*) FROM streaks WHERE settled_post = {post}"));
    assert_eq!(settled(), 300);
    let svc = service(dir.path());
    let sent = crate::support::block(crate::support::deliver(&svc, crate::support::at("2026-11-25 10:00"), true));
    assert_eq!(sent.len(), 1, "the reveal goes out once, after settling: {sent:?}");
    assert!(matches!(&sent[0].reply.body, Body::Reveal(r) if r.answered == PLAYERS));
    assert_eq!(settled(), PLAYERS);
    let once = format!("SELECT COUNT(*) FROM streaks WHERE settled_post = {post} AND current = 1 AND best = 1");
    assert_eq!(count(dir.path(), &once), PLAYERS, "nobody settled twice");
    assert!(
        crate::support::block(crate::support::deliver(&svc, crate::support::at("2026-11-25 10:05"), true)).is_empty()
    );
}

#[test]
fn a_renamed_player_shows_under_the_new_name_on_the_next_board() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    svc.handle_text(&ctx("Ann", "2026-11-25 10:00"), "play apis");
    svc.handle_text(&ctx("Ann", "2026-11-25 10:01"), "answer idempotent");
    let board = text(&svc.handle_text(&ctx("Ann", "2026-11-25 10:02"), "leaderboard practice"));
    assert!(board.contains("Ann — 1 correct of 1"), "{board}");
    // Same user id, new display name: the board is read after the name is stored.
    let renamed = quizmaster::service::Ctx { user_name: "Annie".into(), ..ctx("Ann", "2026-11-25 10:03") };
    let board = text(&svc.handle_text(&renamed, "leaderboard practice"));
    assert!(board.contains("Annie — 1 correct of 1"), "{board}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM users WHERE display_name = 'Annie'"), 1);
}

#[test]
fn a_question_closed_before_it_reached_the_channel_counts_as_missed_and_stats_wait_for_reveals() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    // Posted, but the sender never got to it before reveal-now.
    let ack = svc.handle_text(&ctx("Admin", "2026-11-25 09:00"), "admin post-now");
    assert!(render(&ack.body, &PLAIN, Lang::EnUs).contains("Posted in this channel"), "{ack:?}");
    let closed = svc.handle_text(&ctx("Admin", "2026-11-25 09:01"), "admin reveal-now");
    assert!(render(&closed.body, &PLAIN, Lang::EnUs).contains("never reached this channel"), "{closed:?}");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM posts WHERE state = 'missed'"), 1);
    assert!(
        crate::support::block(crate::support::deliver(&svc, at("2026-11-25 09:02"), true)).is_empty(),
        "nothing to send"
    );

    // A daily answer does not show in stats (retention included) before the reveal.
    let q = post_now(&svc, &ctx("Admin", "2026-11-26 09:00"));
    let Body::Question(q) = &q.body else { panic!("{q:?}") };
    let answer = if q.choices.is_empty() { "idempotent" } else { "b" };
    svc.handle(&ctx("Ann", "2026-11-26 09:05"), Command::Answer { answer: answer.into(), question: Some(q.question) });
    let stats = render(&svc.handle_text(&ctx("Ann", "2026-11-26 09:06"), "stats").body, &PLAIN, Lang::EnUs);
    assert!(stats.contains("Retention, last 30 days: no answers yet"), "{stats}");
    reveal_now(&svc, &ctx("Admin", "2026-11-26 17:00"));
    let stats = render(&svc.handle_text(&ctx("Ann", "2026-11-26 17:01"), "stats").body, &PLAIN, Lang::EnUs);
    assert!(stats.contains("Retention, last 30 days: 100% (1 of 1 answers right)"), "{stats}");
}
