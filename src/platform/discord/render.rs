//! Replies as Discord shows them: text with markdown made inert, an embed
//! for boards, and one button per choice. Mentions are always switched off.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, EditInteractionResponse, InputTextStyle,
};

use crate::command::{RETRY_BUTTON, button_value};
use crate::content::letter;
use crate::i18n::{Lang, Msg, Plain, Words};
use crate::msg;
use crate::reply::{self, Body, Reply, Style, Visibility};

/// Markdown made inert, `@` followed by a zero-width space so that even a
/// client ignoring allowed_mentions shows `@everyone` as text, and a bare
/// link wrapped in `<…>`, which Discord shows as a link with no preview.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    // Lowered once; ASCII lowering keeps every byte offset.
    let lower = s.to_ascii_lowercase();
    let mut rest = s;
    while let Some(at) = link_start(&lower[s.len() - rest.len()..]) {
        escape_into(&mut out, &rest[..at]);
        let link = &rest[at..];
        let end =
            link.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '@' | '`' | '|')).unwrap_or(link.len());
        // Punctuation closing the sentence is not part of the link.
        let end = link[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'']).len().max(1);
        out.push('<');
        out.push_str(&link[..end]);
        out.push('>');
        rest = &link[end..];
    }
    escape_into(&mut out, rest);
    out
}

/// Where the next bare `http://` or `https://` link begins, in lowered text.
fn link_start(lower: &str) -> Option<usize> {
    [lower.find("https://"), lower.find("http://")].into_iter().flatten().min()
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
}

/// A time as Discord's timestamp markup: the date and time in the reader's
/// own zone, and how far off it is.
fn time(unix: i64, _fallback: &str) -> String {
    format!("<t:{unix}:f> (<t:{unix}:R>)")
}

pub const STYLE: Style = Style {
    escape,
    bold: |s| format!("**{s}**"),
    time,
    role: |id| format!("<@&{id}>"),
    code_block,
    inline_code: |c| format!("`{}`", c.replace('`', "'")),
    buttons: true,
    admin: "/quizadmin",
};

/// A reply and the language its reader sees it in.
pub(super) struct Said {
    pub reply: Reply,
    pub lang: Lang,
}

/// A message as Discord markdown, made inert.
pub(super) fn t(m: &Msg, lang: Lang) -> String {
    Words { lang, admin: STYLE.admin }.tr(m, &STYLE)
}

/// A message as plain text: a label, a title, a code span.
pub(super) fn plain(m: &Msg, lang: Lang) -> String {
    Words { lang, admin: STYLE.admin }.tr(m, &Plain)
}

/// A fenced block with its language for Discord's highlighter. A fence
/// inside the code (the loader refuses it; a stored item may predate that)
/// is broken with a zero-width space so it cannot close the block.
fn code_block(lang: Option<&str>, code: &str) -> String {
    let lang: String = lang.unwrap_or("").chars().filter(char::is_ascii_alphanumeric).collect();
    format!("```{lang}\n{}\n```", code.replace("```", "``\u{200B}`"))
}

pub(super) fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().empty_users().empty_roles().everyone(false).replied_user(false)
}

/// What a message may ping: nobody, or exactly the role its daily post
/// mentions (never @everyone, never a user).
pub(super) fn mentions_of(reply: &Reply) -> CreateAllowedMentions {
    let role = match &reply.body {
        Body::Question(q) => q.ping.as_deref().and_then(|r| r.parse::<u64>().ok()),
        _ => None,
    };
    match role {
        Some(id) => no_mentions().roles([serenity::all::RoleId::new(id)]),
        None => no_mentions(),
    }
}

/// A reply as Discord shows it: text, an embed for boards, and buttons.
pub(super) struct Rendered {
    pub content: String,
    pub embed: Option<CreateEmbed>,
    pub rows: Vec<CreateActionRow>,
}

/// The most a message's content may hold.
const MAX_CONTENT: usize = 2000;
/// The most an embed's description may hold.
const MAX_DESCRIPTION: usize = 4096;

/// Text cut to `max` characters, marked where it was cut. Forms keep what
/// members type short enough for plain prose; this is the net for text
/// that escaping made longer, and anything else.
fn fit(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    // Never leave a lone escaping backslash at the end.
    while cut.ends_with('\\') {
        cut.pop();
    }
    cut.push('…');
    cut
}

pub(super) fn render(reply: &Reply, lang: Lang) -> Rendered {
    let mut r = render_whole(reply, lang);
    r.content = fit(r.content, MAX_CONTENT);
    r
}

fn render_whole(reply: &Reply, lang: Lang) -> Rendered {
    let t = |m: &Msg| t(m, lang);
    let plain = |m: &Msg| plain(m, lang);
    match &reply.body {
        Body::Leaderboard(board) => {
            let lines: Vec<String> = if board.rows.is_empty() {
                vec![t(&board.empty)]
            } else {
                board
                    .rows
                    .iter()
                    .map(|r| {
                        let you = if r.is_you { format!(" {}", t(&msg!("board-you"))) } else { String::new() };
                        format!("{}. {} — {}{you}", r.rank, escape(&r.name), t(&r.figure))
                    })
                    .collect()
            };
            let embed = CreateEmbed::new().title(t(&board.title)).description(lines.join("\n"));
            Rendered { content: String::new(), embed: Some(embed), rows: Vec::new() }
        }
        // The command list outgrows a message's 2,000 characters; an
        // embed's description holds 4,096.
        Body::Help(h) => {
            let lines: Vec<String> =
                h.commands.iter().map(|row| format!("`{}` — {}", row.typed(STYLE.admin), t(&row.what()))).collect();
            let embed = CreateEmbed::new().title(t(&msg!("help-title"))).description(lines.join("\n"));
            Rendered { content: String::new(), embed: Some(embed), rows: Vec::new() }
        }
        // Discord closes a modal on submit: its problems come with a button
        // that opens it again, filled in.
        Body::Invalid(_) => {
            let retry = CreateButton::new(RETRY_BUTTON).label(plain(&msg!("retry-label"))).style(ButtonStyle::Primary);
            Rendered { content: reply::render(&reply.body, &STYLE, lang), embed: None, rows: rows(vec![retry]) }
        }
        // A form asked for after the answer was deferred cannot be a modal.
        Body::Form(_) => Rendered { content: t(&msg!("form-failed")), embed: None, rows: Vec::new() },
        // A suggestion at the form's limits, with its notes, can outgrow a
        // message: the card is an embed (4,096 characters), the note above it.
        Body::Review(r) => {
            let embed = CreateEmbed::new()
                .title(t(&r.title).chars().take(256).collect::<String>())
                .description(fit(reply::review_details(r, &STYLE, lang), MAX_DESCRIPTION));
            let buttons = reply.actions().iter().map(|a| action_button(a, lang)).collect();
            Rendered { content: r.note.as_ref().map(t).unwrap_or_default(), embed: Some(embed), rows: rows(buttons) }
        }
        Body::Reveal(r) => {
            let buttons: Vec<CreateButton> = (0..r.choice_count)
                .map(|i| {
                    let style = if Some(i) == r.right_choice { ButtonStyle::Success } else { ButtonStyle::Secondary };
                    CreateButton::new(button_value(r.question, letter(i)))
                        .label(letter(i).to_string())
                        .style(style)
                        .disabled(true)
                })
                .collect();
            Rendered { content: reply::render(&reply.body, &STYLE, lang), embed: None, rows: rows(buttons) }
        }
        body => {
            let mut buttons: Vec<CreateButton> = reply
                .buttons()
                .iter()
                .map(|b| {
                    CreateButton::new(button_value(b.question, b.letter))
                        .label(b.letter.to_string())
                        .style(ButtonStyle::Primary)
                })
                .collect();
            buttons.extend(reply.actions().iter().map(|a| action_button(a, lang)));
            Rendered { content: reply::render(body, &STYLE, lang), embed: None, rows: rows(buttons) }
        }
    }
}

fn action_button(a: &reply::Action, lang: Lang) -> CreateButton {
    CreateButton::new(&a.id).label(plain(&a.label, lang)).style(if a.danger {
        ButtonStyle::Danger
    } else {
        ButtonStyle::Primary
    })
}

/// At most five buttons to a row.
fn rows(buttons: Vec<CreateButton>) -> Vec<CreateActionRow> {
    buttons.chunks(5).map(|c| CreateActionRow::Buttons(c.to_vec())).collect()
}

/// The first response to an interaction: a modal for a form, else a message.
pub(super) fn interaction_response(said: &Said) -> CreateInteractionResponse {
    let (reply, lang) = (&said.reply, said.lang);
    let plain = |m: &Msg| plain(m, lang);
    let Body::Form(form) = &reply.body else {
        return CreateInteractionResponse::Message(interaction_message(reply, lang));
    };
    // Discord's limits: 45 characters for a title or label, 100 for a hint, 4000 for a value.
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let rows = form
        .fields
        .iter()
        .take(5)
        .map(|f| {
            let style = if f.long { InputTextStyle::Paragraph } else { InputTextStyle::Short };
            let mut input = CreateInputText::new(style, cut(&plain(&f.label), 45), f.id)
                .placeholder(cut(&plain(&f.hint), 100))
                .required(f.required)
                .max_length(u16::try_from(f.max_chars.min(4000)).unwrap_or(4000));
            if !f.value.is_empty() {
                input = input.value(cut(&f.value, 4000));
            }
            CreateActionRow::InputText(input)
        })
        .collect();
    CreateInteractionResponse::Modal(CreateModal::new(&form.id, cut(&plain(&form.title), 45)).components(rows))
}

pub(super) fn interaction_message(reply: &Reply, lang: Lang) -> CreateInteractionResponseMessage {
    let r = render(reply, lang);
    let mut m = CreateInteractionResponseMessage::new()
        .ephemeral(reply.visibility == Visibility::Private)
        .allowed_mentions(no_mentions())
        .components(r.rows);
    if !r.content.is_empty() {
        m = m.content(r.content);
    }
    if let Some(e) = r.embed {
        m = m.embed(e);
    }
    m
}

pub(super) fn interaction_edit(said: &Said) -> EditInteractionResponse {
    let (reply, lang) = (&said.reply, said.lang);
    let r = render(reply, lang);
    let mut m = EditInteractionResponse::new().allowed_mentions(no_mentions()).components(r.rows).content(r.content);
    if let Some(e) = r.embed {
        m = m.embed(e);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::QuestionRef;
    use crate::content::own::{Draft, Field};
    use crate::ids::PostId;
    use crate::reply::{Mode, QuestionCard, RevealCard, ReviewCard};

    #[test]
    fn member_text_is_inert_and_bare_links_show_no_preview() {
        assert_eq!(escape("*Admin* @everyone"), "\\*Admin\\* @\u{200B}everyone");
        assert_eq!(escape("see https://x.example/a_b?c=1."), "see <https://x.example/a_b?c=1>.");
        assert_eq!(escape("(HTTP://x.example)"), "\\(<HTTP://x.example>\\)");
        // A link cannot carry a mention or close its own brackets.
        assert_eq!(escape("https://x.example/@everyone"), "<https://x.example/>@\u{200B}everyone");
        assert_eq!(escape("https://x>**b**"), "<https://x>\\>\\*\\*b\\*\\*");
        assert_eq!(escape("two http://a.example http://b.example"), "two <http://a.example> <http://b.example>");
    }

    /// Prose of exactly `n` characters.
    fn words(n: usize) -> String {
        "lorem ipsum dolor sit amet ".chars().cycle().take(n).collect()
    }

    #[test]
    fn the_largest_suggestion_fits_a_message_and_anything_longer_is_cut_cleanly() {
        let lines: Vec<String> = (0..5).map(|i| format!("{i} {}", words(Field::Options.max_chars() / 5 - 3))).collect();
        let draft = Draft {
            prompt: words(Field::Prompt.max_chars()),
            options: lines.join("\n"),
            answer: "E".into(),
            explanation: words(Field::Explanation.max_chars()),
            category: "apis".into(),
            discussion: false,
        };
        let item = draft.check("s", &["apis".to_string()]).unwrap();
        let crate::content::ItemKind::Choice { choices, .. } = &item.kind else { panic!() };
        let name = words(32);
        let question = Body::Question(QuestionCard {
            question: QuestionRef::Daily(PostId(1)),
            item: item.id.clone(),
            mode: Mode::Daily,
            category: "APIs".into(),
            difficulty: "medium".into(),
            prompt: item.prompt.clone(),
            choices: choices.clone(),
            discussion: false,
            closes_at: None,
            ping: Some("960000000000000001".into()),
            credit: Some(Box::new(crate::reply::Credit { author: Some(name.clone()), editor: Some(name.clone()) })),
        });
        let reveal = Body::Reveal(Box::new(RevealCard {
            question: QuestionRef::Daily(PostId(1)),
            item: item.id.clone(),
            choice_count: 5,
            right_choice: Some(4),
            prompt: item.prompt.clone(),
            right_answer: item.right_answer(),
            explanation: item.explanation.clone(),
            answered: 10_000,
            correct: 9_999,
            first_correct: Some(name.clone()),
            credit: Some(Box::new(crate::reply::Credit { author: Some(name.clone()), editor: Some(name.clone()) })),
            notes: Vec::new(),
        }));
        let review = Body::Review(Box::new(ReviewCard {
            note: Some(crate::msg!("approved", id = 1, slug = words(120))),
            title: crate::msg!("review-title", id = 1, author = words(120), category = "APIs", pending = 1),
            prompt: item.prompt.clone(),
            choices: choices.clone(),
            right_answer: item.right_answer(),
            explanation: item.explanation.clone(),
            notes: Vec::new(),
            warnings: vec![
                crate::msg!("pack-rule", rule = words(120)),
                crate::msg!("similar-warning", id = words(40), prompt = words(400)),
            ],
            actions: Vec::new(),
        }));
        for body in [question, reveal, review] {
            let r = render(&Reply::public(body.clone()), Lang::EnUs);
            assert!(r.content.chars().count() <= MAX_CONTENT && !r.content.ends_with('…'), "{}", r.content);
            let embed = serde_json::to_value(&r.embed).unwrap();
            assert!(embed["description"].as_str().unwrap_or_default().chars().count() <= 4096, "{embed}");
        }
        // Text made mostly of markup doubles when escaped: it is cut, cleanly.
        let heavy = Body::Review(Box::new(ReviewCard {
            note: None,
            title: crate::msg!("review-title", id = 1, author = "_".repeat(300), category = "_", pending = 1),
            prompt: "*".repeat(300),
            choices: vec!["_".repeat(100); 5],
            right_answer: "`".repeat(100),
            explanation: "|".repeat(600),
            notes: Vec::new(),
            warnings: vec![crate::msg!("pack-rule", rule = "#".repeat(700)); 4],
            actions: Vec::new(),
        }));
        let embed = serde_json::to_value(render(&Reply::private(heavy), Lang::EnUs).embed).unwrap();
        let description = embed["description"].as_str().unwrap();
        assert!(description.chars().count() <= MAX_DESCRIPTION && description.ends_with('…'));
        assert!(embed["title"].as_str().unwrap().chars().count() <= 256);
        let cut = render(&Reply::info(crate::msg!("pack-rule", rule = "*".repeat(3000))), Lang::EnUs).content;
        assert_eq!(cut.chars().count(), MAX_CONTENT - 1, "cut before the escape it would split");
        assert!(cut.ends_with("\\*…"), "{}", &cut[cut.len() - 10..]);
    }
}
