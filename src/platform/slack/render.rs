//! Replies as Slack shows them: mrkdwn text with user text made inert, and
//! Block Kit buttons for a question's choices.

use serde_json::{Value, json};

use crate::command::button_value;
use crate::i18n::{Lang, Msg, Plain, Words};
use crate::msg;
use crate::reply::{self, Body, FormCard, InvalidCard, Reply, Style, Visibility};

/// Slack's three control characters as entities: `<!channel>`, `<@U123>`
/// and `<url|label>` all need `<`. Enough inside code, which mrkdwn never
/// formats.
fn entities(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Makes member text inert in mrkdwn. mrkdwn has no escape for its style
/// marks, and a mark only opens or closes a style at a word's edge, so a
/// mark there gets a zero-width space beside it: `*Admin*` stays as typed
/// instead of turning bold, while `snake_case` (a mark inside a word) is
/// left alone. Bare links stay links; posts ask Slack for no previews.
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let word = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    let starts_link = |i: usize| {
        let ahead = |word: &str| {
            chars.len() >= i + word.len()
                && chars[i..i + word.len()].iter().zip(word.chars()).all(|(a, b)| a.eq_ignore_ascii_case(&b))
        };
        ahead("http://") || ahead("https://")
    };
    let mut in_link = false;
    for (i, &c) in chars.iter().enumerate() {
        in_link = !c.is_whitespace() && (in_link || (c.eq_ignore_ascii_case(&'h') && starts_link(i)));
        let mark = matches!(c, '*' | '_' | '~' | '`');
        let inside = in_link || (i > 0 && word(chars.get(i - 1)) && word(chars.get(i + 1)));
        if mark && !inside {
            out.push('\u{200B}');
            out.push(c);
            out.push('\u{200B}');
        } else {
            out.push(c);
        }
    }
    entities(&out)
}

/// A time as Slack's date formatting, in the reader's own zone; the
/// fallback (already escaped) is for clients that cannot show it.
fn time(unix: i64, fallback: &str) -> String {
    format!("<!date^{unix}^{{date_short_pretty}} {{time}}|{fallback}>")
}

pub const STYLE: Style = Style {
    escape,
    bold: |s| format!("*{s}*"),
    time,
    role: |id| format!("<!subteam^{id}>"),
    // mrkdwn has no languages; `&`, `<` and `>` are escaped inside code too.
    code_block: |_, code| format!("```\n{}\n```", entities(&code.replace("```", "``\u{200B}`"))),
    inline_code: |c| format!("`{}`", entities(c)),
    buttons: true,
    admin: "/quiz admin",
};

/// A message as plain text: a label, a title, a form's problem.
pub(super) fn plain(m: &Msg, lang: Lang) -> String {
    Words { lang, admin: STYLE.admin }.tr(m, &Plain)
}

/// The language a reply is shown in: the service's choice (en-US for a
/// reply made here, which only ever carries the bot's own words).
fn lang_of(reply: &Reply) -> Lang {
    reply.lang.unwrap_or_default()
}

/// A message body: fallback `text` and Block Kit `blocks` (choice buttons
/// for a question).
pub fn message(reply: &Reply) -> Value {
    let lang = lang_of(reply);
    let text = reply::render(&reply.body, &STYLE, lang);
    let mut blocks = vec![json!({"type": "section", "text": {"type": "mrkdwn", "text": section(&text)}})];
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
    if !reply.actions().is_empty() {
        let elements: Vec<Value> = reply
            .actions()
            .iter()
            .map(|a| {
                json!({
                    "type": "button",
                    "action_id": a.id,
                    "text": {"type": "plain_text", "text": plain(&a.label, lang)},
                    "value": a.id,
                    "style": if a.danger { "danger" } else { "primary" },
                })
            })
            .collect();
        blocks.push(json!({"type": "actions", "elements": elements}));
    }
    json!({"text": text, "blocks": blocks})
}

fn plain_text(s: &str, max: usize) -> Value {
    json!({"type": "plain_text", "text": s.chars().take(max).collect::<String>()})
}

/// A form as a modal view: one input block per field (the block and the
/// action take the field's name), `private_metadata` carried back with the
/// submission. Slack's limits: a title of 24 characters, hints of 150.
pub(super) fn view(form: &FormCard, private_metadata: &str, lang: Lang) -> Value {
    let blocks: Vec<Value> = form
        .fields
        .iter()
        .map(|f| {
            let mut element = json!({
                "type": "plain_text_input",
                "action_id": f.id,
                "multiline": f.long,
                "max_length": f.max_chars,
                "placeholder": plain_text(&plain(&f.hint, lang), 150),
            });
            if !f.value.is_empty() {
                element["initial_value"] = json!(f.value);
            }
            json!({"type": "input", "block_id": f.id, "optional": !f.required, "label": plain_text(&plain(&f.label, lang), 2000), "element": element})
        })
        .collect();
    json!({
        "type": "modal",
        "callback_id": form.id,
        "title": plain_text(&plain(&form.title, lang), 24),
        "submit": plain_text(&plain(&msg!("form-send"), lang), 24),
        "close": plain_text(&plain(&msg!("form-cancel"), lang), 24),
        "private_metadata": private_metadata,
        "blocks": blocks,
    })
}

/// The answer to a `view_submission`: the problems shown under their
/// fields, or the modal turned into the reply.
pub(super) fn submission_response(reply: &Reply) -> Value {
    let lang = lang_of(reply);
    if let Body::Invalid(InvalidCard { problems, .. }) = &reply.body {
        // Every problem of a field, under it.
        let mut errors = serde_json::Map::new();
        for (field, _, message) in problems {
            match errors.get_mut(*field) {
                Some(Value::String(s)) => {
                    s.push_str("; ");
                    s.push_str(&plain(message, lang));
                }
                _ => drop(errors.insert((*field).to_string(), json!(plain(message, lang)))),
            }
        }
        return json!({"response_action": "errors", "errors": errors});
    }
    let text = section(&reply::render(&reply.body, &STYLE, lang));
    json!({
        "response_action": "update",
        "view": {
            "type": "modal",
            "title": plain_text(&plain(&msg!("form-done"), lang), 24),
            "close": plain_text(&plain(&msg!("form-close"), lang), 24),
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}],
        },
    })
}

/// A section block's text holds at most 3,000 characters; forms keep what
/// members type well under that, and this is the net for anything else (the
/// message's `text` keeps it all).
fn section(text: &str) -> String {
    const MAX: usize = 3000;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX - 1).collect();
    // Never leave half an entity or a mark (`&am`, `<!date^…`) at the end.
    if let Some(open) = cut.rfind(['&', '<'])
        && !cut[open..].contains([';', '>'])
    {
        cut.truncate(open);
    }
    cut.push('…');
    cut
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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn style_marks_at_a_word_edge_stay_as_typed_and_marks_inside_words_are_left_alone() {
        let z = '\u{200B}';
        assert_eq!(escape("*Admin*"), format!("{z}*{z}Admin{z}*{z}"));
        assert_eq!(escape("_a_ ~b~ `c`"), format!("{z}_{z}a{z}_{z} {z}~{z}b{z}~{z} {z}`{z}c{z}`{z}"));
        assert_eq!(escape("snake_case_name"), "snake_case_name");
        assert_eq!(escape("<!channel> & <@U1>"), "&lt;!channel&gt; &amp; &lt;@U1&gt;");
        assert_eq!(
            escape("see https://x.example/_a_ *b*"),
            format!("see https://x.example/_a_ {z}*{z}b{z}*{z}"),
            "links stay links"
        );
    }
}
