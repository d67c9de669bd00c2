//! `/quiz archive [n]`: the channel's last revealed daily questions with
//! their answers, privately. Discord and Slack reach it in their flow tests
//! (discord_http.rs, slack.rs).

use quizmaster::i18n::Lang;
use quizmaster::reply::{PLAIN, Visibility, render};
use quizmaster::service::Ctx;
use tempfile::TempDir;

use crate::support::{ctx, post_now, reveal_now, service};

#[test]
fn the_archive_lists_the_channels_revealed_questions_newest_first_with_their_answers() {
    let dir = TempDir::new().unwrap();
    let svc = service(dir.path());
    let show = |c: Ctx, line: &str| {
        let r = svc.handle_text(&c, line);
        (r.visibility, render(&r.body, &PLAIN, Lang::EnUs))
    };
    assert!(
        show(ctx("Ann", "2026-11-25 08:00"), "archive").1.contains("No question has been revealed in this channel yet")
    );

    let first = post_now(&svc, &ctx("Admin", "2026-11-25 09:00"));
    let first_prompt = render(&first.body, &PLAIN, Lang::EnUs).lines().nth(1).unwrap().to_string();
    // An open question is never in the archive.
    assert!(show(ctx("Ann", "2026-11-25 09:01"), "archive").1.contains("No question has been revealed"));
    svc.handle_text(&ctx("Ann", "2026-11-25 09:02"), "answer a");
    reveal_now(&svc, &ctx("Admin", "2026-11-25 10:00"));
    post_now(&svc, &ctx("Admin", "2026-11-26 09:00"));
    reveal_now(&svc, &ctx("Admin", "2026-11-26 10:00"));

    let (visibility, text) = show(ctx("Bob", "2026-11-26 10:01"), "archive");
    assert_eq!(visibility, Visibility::Private);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "The last 2 questions revealed in this channel:", "{text}");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with("2026-11-26: ") && lines[1].ends_with("(0 of 0 right)"), "{text}");
    let title: String = first_prompt.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    assert!(lines[2].starts_with(&format!("2026-11-25: {title}")), "{text}");
    assert!(lines[2].contains(" Answer: ") && lines[2].contains("of 1 right)"), "{text}");

    let (_, one) = show(ctx("Bob", "2026-11-26 10:02"), "archive 1");
    assert!(one.starts_with("The last question revealed in this channel:") && one.lines().count() == 2, "{one}");
    // Another channel of the server has its own archive.
    let other = Ctx { channel: "c2".into(), ..ctx("Bob", "2026-11-26 10:03") };
    assert!(show(other, "archive").1.contains("No question has been revealed in this channel yet"));

    for (line, refusal) in [
        ("archive 0", "`/quiz archive`: `0` is not a number from 1 to 10"),
        ("archive 11", "`11` is not a number from 1 to 10"),
        ("archive five", "`five` is not a number"),
        ("archive 3 4", "`/quiz archive` takes no `4`"),
    ] {
        let (_, text) = show(ctx("Bob", "2026-11-26 10:04"), line);
        assert!(text.starts_with("Sorry: ") && text.contains(refusal), "{line}: {text}");
    }
}
