//! Every kind of reply fits Discord in every language we speak and in the
//! pseudo-locale (each message 40% longer, accented): message content 2,000
//! characters, an embed's description 4,096 and title 256, a button's
//! label 80, a modal's title and labels 45 and its hints 100.

use serde_json::Value;

use super::render::{Said, interaction_response, render};
use crate::i18n::Lang;
use crate::reply::{Body, Reply};

fn count(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Every `label` of every component, however deep.
fn labels(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(label)) = map.get("label") {
                out.push(label.clone());
            }
            map.values().for_each(|v| labels(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| labels(v, out)),
        _ => {}
    }
}

fn check(reply: &Reply, lang: Lang, name: &str, problems: &mut Vec<String>) {
    let r = render(reply, lang);
    let kind = format!("{name}: {}", crate::platform::samples::kind(&reply.body));
    if r.content.chars().count() > 2000 {
        problems.push(format!("{kind}: content of {} characters", r.content.chars().count()));
    }
    let embed = serde_json::to_value(&r.embed).expect("an embed serialises");
    if count(&embed["description"]) > 4096 || count(&embed["title"]) > 256 {
        problems.push(format!("{kind}: an embed over Discord's limits"));
    }
    let mut found = Vec::new();
    labels(&serde_json::to_value(&r.rows).expect("rows serialise"), &mut found);
    for label in found.iter().filter(|l| l.chars().count() > 80) {
        problems.push(format!("{kind}: a button labelled {label:?}"));
    }
    if let Body::Form(_) = reply.body {
        let modal = serde_json::to_value(interaction_response(&Said { reply: reply.clone(), lang })).expect("a modal");
        let data = &modal["data"];
        let mut found = Vec::new();
        labels(&data["components"], &mut found);
        if count(&data["title"]) > 45 || found.iter().any(|l| l.chars().count() > 45) {
            problems.push(format!("{kind}: a modal title or label over 45 characters"));
        }
        if data.to_string().contains("\"placeholder\"") {
            let hints = data["components"].to_string();
            if hints
                .split("\"placeholder\":\"")
                .skip(1)
                .any(|h| h.split('"').next().unwrap_or("").chars().count() > 100)
            {
                problems.push(format!("{kind}: a hint over 100 characters"));
            }
        }
    }
}

#[test]
fn every_reply_fits_discord_in_every_language_and_the_pseudo_locale() {
    let problems = crate::platform::samples::in_every_language(check);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
