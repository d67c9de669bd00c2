//! Any user text in a Slack message stays text: escaped, it has no `<`
//! left, so it cannot become a mention (`<!channel>`, `<@U…>`) or a link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizmaster::platform::slack::{escape, message};
use quizmaster::reply::Reply;

fuzz_target!(|text: &str| {
    let escaped = escape(text);
    assert!(!escaped.contains('<') && !escaped.contains('>'));
    let body = message(&Reply::error(quizmaster::msg!("no-player", name = text))).to_string();
    assert!(!body.contains("<!") && !body.contains("<@") && !body.contains("<#"), "{body}");
});
