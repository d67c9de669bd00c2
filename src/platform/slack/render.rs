//! Replies as Slack shows them: mrkdwn text with user text made inert, and
//! Block Kit buttons for a question's choices.

use serde_json::{Value, json};

use crate::command::button_value;
use crate::reply::{self, Body, Reply, Style, Visibility};
use crate::service::text;

/// Makes user text inert in mrkdwn: `<!channel>`, `<@U123>` and links need `<`.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A time as Slack's date formatting, in the reader's own zone; the
/// fallback (already escaped) is for clients that cannot show it.
fn time(unix: i64, fallback: &str) -> String {
    format!("<!date^{unix}^{{date_short_pretty}} {{time}}|{fallback}>")
}

pub const STYLE: Style = Style { escape, bold: |s| format!("*{s}*"), time, role: |id| format!("<!subteam^{id}>") };

/// A message body: fallback `text` and Block Kit `blocks` (choice buttons
/// for a question).
pub fn message(reply: &Reply) -> Value {
    let text = reply::render(&reply.body, &STYLE);
    let mut blocks = vec![json!({"type": "section", "text": {"type": "mrkdwn", "text": text}})];
    let buttons = reply.buttons();
    if !buttons.is_empty() {
        let elements: Vec<Value> = buttons
            .iter()
            .map(|b| {
                json!({
                    "type": "button",
                    "action_id": format!("answer-{}", b.letter),
                    "text": {"type": "plain_text", "text": b.letter.to_string()},
                    "value": button_value(b.question, b.letter),
                })
            })
            .collect();
        blocks.push(json!({"type": "actions", "elements": elements}));
    }
    if let Body::Question(q) = &reply.body {
        let how = text::how_to_answer(q.choices.len(), true);
        blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn", "text": how}]}));
    }
    json!({"text": text, "blocks": blocks})
}

/// The response to a slash command or the message for a `response_url`.
pub(super) fn response_body(reply: &Reply) -> Value {
    let mut body = message(reply);
    let response_type = match reply.visibility {
        Visibility::Private => "ephemeral",
        Visibility::Public => "in_channel",
    };
    body["response_type"] = json!(response_type);
    body
}
