//! Every kind of reply fits Slack in every language we speak and in the
//! pseudo-locale (each message 40% longer, accented): a section's text
//! 3,000 characters, a button's text 75, a modal's title and buttons 24,
//! its labels 2,000 and its hints 150.

use serde_json::Value;

use super::render::{message, view};
use crate::i18n::Lang;
use crate::reply::{Body, Reply};

fn count(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn check(reply: &Reply, lang: Lang, name: &str, problems: &mut Vec<String>) {
    let reply = Reply { lang: Some(lang), ..reply.clone() };
    let kind = format!("{name}: {}", crate::platform::samples::kind(&reply.body));
    let body = message(&reply);
    for block in body["blocks"].as_array().into_iter().flatten() {
        if block["type"] == "section" && count(&block["text"]["text"]) > 3000 {
            problems.push(format!("{kind}: a section of {} characters", count(&block["text"]["text"])));
        }
        for element in block["elements"].as_array().into_iter().flatten() {
            if count(&element["text"]["text"]) > 75 {
                problems.push(format!("{kind}: a button reading {}", element["text"]["text"]));
            }
        }
    }
    if let Body::Form(form) = &reply.body {
        let modal = view(form, "C1", lang);
        for part in ["title", "submit", "close"] {
            if count(&modal[part]["text"]) > 24 {
                problems.push(format!("{kind}: the modal's {part} {}", modal[part]["text"]));
            }
        }
        for block in modal["blocks"].as_array().into_iter().flatten() {
            if count(&block["label"]["text"]) > 2000 || count(&block["element"]["placeholder"]["text"]) > 150 {
                problems.push(format!("{kind}: a field over Slack's limits"));
            }
        }
    }
}

#[test]
fn every_reply_fits_slack_in_every_language_and_the_pseudo_locale() {
    let problems = crate::platform::samples::in_every_language(check);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
