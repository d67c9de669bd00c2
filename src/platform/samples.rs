//! Replies of every kind, made by the real service on a fresh database
//! (and the largest a suggestion can make), for the adapters' tests that
//! check each platform's limits in every language and in the pseudo-locale.

use chrono::{DateTime, TimeZone, Utc};

use crate::command::{AdminCommand, Command, Review};
use crate::content::own::{Draft, Field};
use crate::i18n::Lang;
use crate::ids::Platform;
use crate::reply::{Body, Reply};
use crate::service::{Ctx, Locale, Service};

/// A reply's kind, for a test's message.
pub(crate) fn kind(body: &Body) -> &'static str {
    match body {
        Body::Question(_) => "question",
        Body::Verdict(_) => "verdict",
        Body::Reveal(_) => "reveal",
        Body::Leaderboard(_) => "board",
        Body::Stats(_) => "stats",
        Body::Streak(_) => "streak",
        Body::Help(_) => "help",
        Body::Recap(_) => "recap",
        Body::Form(_) => "form",
        Body::Review(_) => "review",
        Body::Invalid(_) => "invalid form",
        Body::Info(_) => "info",
        Body::Error(_) => "refusal",
    }
}

/// Runs `check` on every reply in every language and in the pseudo-locale
/// (named `pseudo`, in en-US's words stretched); the problems it found.
pub(crate) fn in_every_language(check: impl Fn(&Reply, Lang, &str, &mut Vec<String>)) -> Vec<String> {
    let replies = every_reply();
    assert!(replies.len() > 40, "{} replies", replies.len());
    let mut problems = Vec::new();
    for reply in &replies {
        for lang in Lang::ALL {
            check(reply, lang, lang.tag(), &mut problems);
        }
        crate::i18n::pseudo::on(|| check(reply, Lang::EnUs, "pseudo", &mut problems));
    }
    problems
}

/// Keeps what the scheduler sends, as sent.
#[derive(Default)]
struct Collector(std::sync::Mutex<Vec<Reply>>);

impl crate::scheduler::Deliver for Collector {
    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn dedupes(&self) -> bool {
        false
    }

    fn deliver<'a>(
        &'a self,
        out: &'a crate::service::Outbound,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = crate::scheduler::SendResult> + Send + 'a>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(out.reply.clone());
        Box::pin(async { Ok(crate::delivery::Sent::default()) })
    }
}

/// The longest display name Discord allows.
const NAME: &str = "Wolfeschlegelsteinhausenbergerdo";

fn ctx(user: &str, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: Platform::Console,
        guild: "g1".into(),
        channel: "c1".into(),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: true,
        now,
        locale: Locale::default(),
    }
}

/// Prose of exactly `n` characters.
fn words(n: usize) -> String {
    "lorem ipsum dolor sit amet ".chars().cycle().take(n).collect()
}

/// The largest suggestion the form takes.
fn largest_draft() -> Draft {
    let lines: Vec<String> = (0..5).map(|i| format!("{i} {}", words(Field::Options.max_chars() / 5 - 3))).collect();
    Draft {
        prompt: words(Field::Prompt.max_chars()),
        options: lines.join("\n"),
        answer: "E".into(),
        explanation: words(Field::Explanation.max_chars()),
        category: "apis".into(),
        discussion: false,
    }
}

/// Every kind of reply, from the service: private and public, forms,
/// refusals, boards with eleven long names, the daily question, its reveal
/// and the weekly recap as they are delivered.
fn every_reply() -> Vec<Reply> {
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    let store = crate::store::Store::open(&dir.path().join("quizmaster.db"), Default::default()).expect("a database");
    let bank = crate::content::Bank::from_sources(&crate::content::Bank::bundled_sources()).expect("the bank");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let svc = &Service::start(store, bank, crate::service::Rules::default(), Some(7)).expect("the service starts");
    let morning = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let admin = ctx(NAME, morning);
    let mut out = Vec::new();
    // What the bot sends on its own: questions, reveals, the recap.
    let sent = |now: DateTime<Utc>| -> Vec<Reply> {
        let collector = Collector::default();
        rt.block_on(crate::scheduler::pass(svc, now, &collector)).expect("a scheduler pass");
        collector.0.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let mut say = |c: &Ctx, line: &str| out.push(svc.handle_text(c, line));
    for line in ["help", "play", "answer b", "play", "answer the wrong words", "stats", "streak", "review"] {
        say(&admin, line);
    }
    for line in ["admin setup", "admin schedule 09:00 Europe/Berlin weekdays 8h", "admin recap fri 16:00"] {
        say(&admin, line);
    }
    for line in [
        "admin post-now",
        "admin status",
        "admin check",
        "suggest",
        "suggest discussion",
        "suggestions",
        "web",
        "forget-me",
    ] {
        say(&admin, line);
    }
    let question = sent(morning);
    for line in ["bogus", "admin bogus", "admin schedule 25:00 Europe/Berln", "answer", "admin season start S1"] {
        say(&admin, line);
    }
    for i in 0..12 {
        say(&ctx(&format!("{NAME:.30}{i:02}"), morning), "answer a");
    }
    say(&admin, "admin reveal-now");
    let reveal = sent(morning);
    for line in ["leaderboard", "leaderboard all accuracy", "leaderboard streak", "leaderboard season", "archive 10"] {
        say(&admin, line);
    }
    out.push(svc.handle(&admin, Command::SubmitSuggestion(largest_draft())));
    out.push(svc.handle(&admin, Command::SubmitSuggestion(Draft::default())));
    let talk = Draft { discussion: true, answer: String::new(), explanation: String::new(), ..largest_draft() };
    out.push(svc.handle(&admin, Command::SubmitSuggestion(talk)));
    out.push(svc.handle(&admin, Command::SubmitSuggestion(Draft { discussion: true, ..Draft::default() })));
    out.push(svc.handle(&admin, Command::Admin(AdminCommand::Review(Review::Next))));
    out.push(svc.handle(&admin, Command::Admin(AdminCommand::Review(Review::Edit(1)))));
    out.push(svc.handle(&admin, Command::Admin(AdminCommand::Review(Review::RejectForm(1)))));
    let recap = sent(Utc.with_ymd_and_hms(2026, 11, 27, 15, 30, 0).unwrap());
    // A discussion day: its post, taking part, the wrap-up, the stats line.
    let day = Utc.with_ymd_and_hms(2026, 11, 28, 7, 0, 0).unwrap();
    out.push(svc.handle_text(&ctx(NAME, day), "admin schedule 09:00 Europe/Berlin daily 8h kind alternate"));
    let talk = sent(day + chrono::Duration::hours(1));
    for (i, line) in ["answer my take: measure first", "answer another take", "answer"].iter().enumerate() {
        out.push(svc.handle_text(&ctx(&format!("{NAME:.30}{i:02}"), day + chrono::Duration::hours(2)), line));
    }
    let wrap = sent(day + chrono::Duration::hours(9));
    out.push(svc.handle_text(&ctx(&format!("{NAME:.30}00"), day + chrono::Duration::hours(10)), "stats"));
    assert!(wrap.iter().any(|r| matches!(&r.body, Body::Reveal(r) if !r.notes.is_empty())), "a wrap-up: {wrap:?}");
    out.extend(question.into_iter().chain(reveal).chain(recap).chain(talk).chain(wrap));
    let has = |kind: fn(&Body) -> bool| out.iter().any(|r| kind(&r.body));
    assert!(has(|b| matches!(b, Body::Help(_))) && has(|b| matches!(b, Body::Form(_))), "help and a form");
    assert!(has(|b| matches!(b, Body::Invalid(_))) && has(|b| matches!(b, Body::Error(_))), "refusals");
    assert!(has(|b| matches!(b, Body::Question(_))) && has(|b| matches!(b, Body::Reveal(_))), "the daily question");
    assert!(has(|b| matches!(b, Body::Verdict(_))) && has(|b| matches!(b, Body::Stats(_))), "a verdict and stats");
    assert!(out.iter().any(|r| matches!(r.body, Body::Recap(_))), "the recap was sent");
    assert!(out.iter().any(|r| matches!(r.body, Body::Review(_))), "a review card");
    assert!(out.iter().any(|r| matches!(&r.body, Body::Leaderboard(b) if b.rows.len() >= 10)), "a full board");
    out
}
