//! The plain renderer every platform builds on: a reply's lines in a
//! platform's [`Style`] and the reader's language, question text with its
//! code, and times each platform shows its own way.

use crate::i18n::marks::show_times;

use super::{
    BoardCard, Body, Credit, Mode, QuestionCard, RecapCard, RevealCard, ReviewCard, Style, Verdict, VerdictCard,
};
use crate::content::letter;
use crate::i18n::{Arg, Lang, Markup, Msg, Words};
use crate::msg;

impl Markup for Style {
    fn escape(&self, text: &str) -> String {
        (self.escape)(text)
    }
    fn bold(&self, marked: &str) -> String {
        (self.bold)(marked)
    }
    fn rich(&self, text: &str) -> String {
        rich(text, self)
    }
}

/// Question text (a prompt, an option, an explanation) in a platform's
/// style: prose escaped, code blocks and inline code shown as code.
pub fn rich(text: &str, style: &Style) -> String {
    use crate::content::code::{Block, Span, spans, split};
    let prose = |p: &str| {
        p.lines()
            .map(|line| {
                spans(line)
                    .into_iter()
                    .map(|s| match s {
                        Span::Text(t) => (style.escape)(t),
                        Span::Code(c) => (style.inline_code)(c),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    split(text)
        .into_iter()
        .map(|b| match b {
            Block::Prose(p) => prose(&p),
            Block::Code { lang, code } => (style.code_block)(lang.as_deref(), &code),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A review card below its title: the question, its choices, the answer,
/// the explanation and the notes.
pub fn review_details(r: &ReviewCard, style: &Style, lang: Lang) -> String {
    show_times(&review_marked(r, style, lang), style.time)
}

/// [`review_details`] with its times still marked, for a renderer that
/// shows the marks of the whole reply at once.
fn review_marked(r: &ReviewCard, style: &Style, lang: Lang) -> String {
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let r_ = |s: &str| rich(s, style);
    let mut out = r_(&r.prompt);
    for (i, c) in r.choices.iter().enumerate() {
        out.push_str(&format!("\n  {}) {}", letter(i), r_(c)));
    }
    if r.notes.is_empty() {
        out.push_str(&format!(
            "\n{}\n{}",
            t(&msg!("answer-is", answer = Arg::strong(Arg::Rich(r.right_answer.clone())))),
            r_(&r.explanation)
        ));
    } else {
        out.push_str(&format!("\n{}", t(&msg!("discussion-notes"))));
        for note in &r.notes {
            out.push_str(&format!("\n  • {}", r_(note)));
        }
    }
    for w in &r.warnings {
        out.push_str(&format!("\n{} {}", (style.bold)(&t(&msg!("note-head"))), t(w)));
    }
    out
}

/// Renders a reply body as lines of text in a platform's style and the
/// reader's language.
pub fn render(body: &Body, style: &Style, lang: Lang) -> String {
    show_times(&render_marked(body, style, lang), style.time)
}

fn words(style: &Style, lang: Lang) -> Words {
    Words { lang, admin: style.admin }
}

fn render_marked(body: &Body, style: &Style, lang: Lang) -> String {
    let e = style.escape;
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let b = |m: &Msg| (style.bold)(&t(m));
    match body {
        Body::Question(q) => question(q, style, lang),
        Body::Verdict(v) => verdict(v, style, lang),
        Body::Reveal(r) if !r.notes.is_empty() => wrap_up(r, style, lang),
        Body::Reveal(r) => {
            let answer = msg!("answer-is", answer = Arg::strong(Arg::Rich(r.right_answer.clone())));
            let mut out = format!(
                "{}\n{}\n{}\n{}",
                b(&msg!("reveal-head")),
                rich(&r.prompt, style),
                t(&answer),
                rich(&r.explanation, style)
            );
            let share = crate::quiz::leaderboard::accuracy_percent(r.correct, r.answered);
            out.push_str(&format!(
                "\n{}",
                t(&msg!("reveal-tally", answered = r.answered, correct = r.correct, share = share))
            ));
            if let Some(name) = &r.first_correct {
                out.push_str(&format!(" {}", t(&msg!("reveal-first", name = Arg::strong(name)))));
            }
            if let Some(credit) = r.credit.as_deref().and_then(Credit::msg) {
                out.push_str(&format!("\n{}", t(&credit)));
            }
            out
        }
        Body::Leaderboard(board) => leaderboard(board, style, lang),
        Body::Stats(s) => {
            let mut out = b(&msg!("stats-title", name = &s.name));
            for (k, v) in &s.lines {
                out.push_str(&format!("\n  {}: {}", t(k), t(v)));
            }
            out
        }
        Body::Streak(s) => t(&msg!(
            "streak-line",
            head = Arg::strong(msg!("streak-head")),
            current = s.current,
            best = s.best,
            freezes = s.freezes
        )),
        Body::Help(h) => {
            let mut out = b(&msg!("help-title"));
            for row in &h.commands {
                out.push_str(&format!("\n  {} — {}", e(&row.typed(style.admin)), t(&row.what())));
            }
            out
        }
        Body::Recap(r) => recap(r, style, lang),
        Body::Form(f) => {
            let mut out = b(&f.title);
            for field in &f.fields {
                out.push_str(&format!("\n  {}: {}", e(field.id), t(&field.hint)));
            }
            out
        }
        Body::Review(r) => {
            let note = r.note.as_ref().map(|n| format!("{}\n", t(n))).unwrap_or_default();
            format!("{note}{}\n{}", b(&r.title), review_marked(r, style, lang))
        }
        Body::Invalid(inv) => {
            let mut out = format!("{} {}", b(&msg!("sorry")), t(&inv.title));
            for (_, label, message) in &inv.problems {
                out.push_str(&format!("\n  {}: {}", b(label), t(message)));
            }
            out
        }
        Body::Info(lines) => lines.iter().map(t).collect::<Vec<_>>().join("\n"),
        Body::Error(m) => format!("{} {}", b(&msg!("sorry")), t(m)),
    }
}

fn leaderboard(board: &BoardCard, style: &Style, lang: Lang) -> String {
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let mut out = (style.bold)(&t(&board.title));
    if board.rows.is_empty() {
        out.push_str(&format!("\n{}", t(&board.empty)));
    }
    for row in &board.rows {
        let you = if row.is_you { format!(" {}", t(&msg!("board-you"))) } else { String::new() };
        out.push_str(&format!("\n{:>3}. {} — {}{you}", row.rank, (style.escape)(&row.name), t(&row.figure)));
    }
    out
}

fn question(q: &QuestionCard, style: &Style, lang: Lang) -> String {
    let e = style.escape;
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let head = match q.mode {
        Mode::Daily if q.discussion => msg!("question-discussion"),
        Mode::Daily => msg!("question-daily"),
        Mode::Practice => msg!("question-practice"),
    };
    let mut out = format!(
        "{} · {} · {}\n{}",
        (style.bold)(&t(&head)),
        e(&q.category),
        t(&crate::msg!("difficulty", level = crate::i18n::Arg::key(&q.difficulty))),
        rich(&q.prompt, style)
    );
    if let Some(role) = &q.ping {
        out = format!("{} {out}", (style.role)(role));
    }
    for (i, c) in q.choices.iter().enumerate() {
        out.push_str(&format!("\n  {}) {}", letter(i), rich(c, style)));
    }
    if let Some(credit) = q.credit.as_deref().and_then(Credit::msg) {
        out.push_str(&format!("\n{}", t(&credit)));
    }
    let how = match (q.choices.len(), style.buttons) {
        _ if q.discussion => msg!("how-to-discuss"),
        (0, _) => msg!("how-to-answer-text"),
        (n, false) => msg!("how-to-answer-letters", last = letter(n - 1)),
        (n, true) => msg!("how-to-answer-buttons", last = letter(n - 1)),
    };
    out.push_str(&format!("\n{}", t(&how)));
    if let Some(at) = q.closes_at {
        out.push_str(&format!(" · {}", t(&msg!("closes-at", at = Arg::Utc(at)))));
    }
    out
}

/// A discussion's close: the prompt, how many took part, and what a strong
/// answer covers.
fn wrap_up(r: &RevealCard, style: &Style, lang: Lang) -> String {
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let mut out = format!(
        "{}\n{}\n{}\n{}",
        (style.bold)(&t(&msg!("discussion-head"))),
        rich(&r.prompt, style),
        t(&msg!("discussion-took-part", count = r.answered)),
        t(&msg!("discussion-notes"))
    );
    for note in &r.notes {
        out.push_str(&format!("\n  • {}", rich(note, style)));
    }
    if let Some(credit) = r.credit.as_deref().and_then(Credit::msg) {
        out.push_str(&format!("\n{}", t(&credit)));
    }
    out
}

fn verdict(v: &VerdictCard, style: &Style, lang: Lang) -> String {
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let head = match v.verdict {
        Verdict::Correct => msg!("verdict-correct"),
        Verdict::Wrong => msg!("verdict-wrong"),
        Verdict::Recorded => msg!("verdict-recorded"),
    };
    let head = Arg::strong(head);
    let line = match v.mode {
        Mode::Daily => msg!("verdict-daily", head = head, answer = &v.your_answer, title = &v.title),
        Mode::Practice => msg!("verdict-practice", head = head, answer = &v.your_answer, title = &v.title),
    };
    let mut out = t(&line);
    if let Some(r) = &v.right_answer {
        out.push_str(&format!("\n{}", t(&msg!("answer-is", answer = Arg::strong(Arg::Rich(r.clone()))))));
    }
    if let Some(x) = &v.explanation {
        out.push_str(&format!("\n{}", rich(x, style)));
    }
    if v.verdict == Verdict::Recorded {
        let when = match v.reveal_at {
            Some(at) => msg!("revealed-at", at = Arg::Utc(at)),
            None => msg!("revealed-when-closed"),
        };
        out.push_str(&format!("\n{}", t(&when)));
    }
    out
}

fn recap(r: &RecapCard, style: &Style, lang: Lang) -> String {
    let t = |m: &Msg| words(style, lang).tr(m, style);
    let mut out = (style.bold)(&t(&r.title));
    let share = crate::quiz::leaderboard::accuracy_percent(i64::from(r.right), i64::from(r.answered));
    let tally = msg!("recap-tally", answered = r.answered, questions = r.questions, right = r.right, share = share);
    out.push_str(&format!("\n{}", t(&tally)));
    if !r.top.is_empty() {
        let rows: Vec<Msg> = r
            .top
            .iter()
            .map(|row| {
                msg!("recap-top-row", rank = row.rank, name = Arg::strong(&row.name), figure = row.figure.clone())
            })
            .collect();
        out.push_str(&format!("\n{}", t(&msg!("recap-top", rows = rows))));
    }
    if let Some((name, days)) = &r.longest_streak {
        out.push_str(&format!("\n{}", t(&msg!("recap-streak", name = Arg::strong(name), days = *days))));
    }
    if let Some((_, prompt, answered, right)) = &r.hardest {
        let share = crate::quiz::leaderboard::accuracy_percent(i64::from(*right), i64::from(*answered));
        let hardest = msg!(
            "recap-hardest",
            prompt = Arg::Rich(prompt.clone()),
            right = *right,
            answered = *answered,
            share = share
        );
        out.push_str(&format!("\n{}", t(&hardest)));
    }
    out
}
