//! What the service answers: structured cards that say what to show and to
//! whom. Every string in a card is plain text (user names included); adapters
//! escape it for their platform and add their own markup through [`Style`].

use chrono::{DateTime, Utc};

use crate::command::QuestionRef;
use crate::content::letter;

/// Who sees a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Only the user who asked (ephemeral).
    Private,
    /// Everyone in the channel.
    Public,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub visibility: Visibility,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Question(QuestionCard),
    Verdict(VerdictCard),
    Reveal(RevealCard),
    Leaderboard(BoardCard),
    Stats(StatsCard),
    Streak(StreakCard),
    Help(HelpCard),
    Recap(Box<RecapCard>),
    /// A form to fill in: a modal on Discord and Slack, lines in the console.
    Form(FormCard),
    /// A suggestion shown to a reviewer, with what they can do.
    Review(Box<ReviewCard>),
    /// A form that was not accepted, each problem naming its field.
    Invalid(InvalidCard),
    Info(String),
    Error(String),
}

/// A form: its id comes back with the values (see [`crate::command::parse_form`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCard {
    pub id: String,
    pub title: String,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// The name its value comes back under.
    pub id: &'static str,
    pub label: String,
    /// Shown in the empty field: what to write.
    pub hint: String,
    /// What the field holds to begin with.
    pub value: String,
    /// Several lines rather than one.
    pub long: bool,
    pub required: bool,
    pub max_chars: usize,
}

/// A suggestion waiting for review, with the reviewer's actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCard {
    /// What the last action did, shown above.
    pub note: Option<String>,
    pub title: String,
    pub prompt: String,
    /// The choices, for a multiple-choice question.
    pub choices: Vec<String>,
    pub right_answer: String,
    pub explanation: String,
    /// Lint and similar-question warnings.
    pub warnings: Vec<String>,
    pub actions: Vec<Action>,
}

/// A button that is not an answer: its value comes back to
/// [`crate::command::parse_button`]; `command` is the same as typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    pub label: String,
    pub danger: bool,
    pub command: String,
}

/// A form that was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCard {
    pub title: String,
    /// (field id, field label, what is wrong)
    pub problems: Vec<(&'static str, String, String)>,
    /// The same form filled with what was sent, to fix and send again.
    pub retry: FormCard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Daily,
    Practice,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionCard {
    pub question: QuestionRef,
    pub mode: Mode,
    pub category: String,
    pub difficulty: String,
    pub prompt: String,
    /// The choices of a choice item; empty for a text item.
    pub choices: Vec<String>,
    pub closes_at: Option<DateTime<Utc>>,
    /// The role (Discord) or user group (Slack) a daily post mentions.
    pub ping: Option<String>,
    /// Who suggested the question, for a server's own item.
    pub credit: Option<String>,
}

/// One button to offer under a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceButton {
    pub question: QuestionRef,
    pub letter: char,
    pub label: String,
}

impl QuestionCard {
    pub fn buttons(&self) -> Vec<ChoiceButton> {
        self.choices
            .iter()
            .enumerate()
            .map(|(i, c)| ChoiceButton { question: self.question, letter: letter(i), label: c.clone() })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Correct,
    Wrong,
    /// A daily answer: recorded, graded at the reveal.
    Recorded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VerdictCard {
    pub question: QuestionRef,
    pub mode: Mode,
    /// A short name for the question: its first words.
    pub title: String,
    pub your_answer: String,
    pub verdict: Verdict,
    /// Shown for practice answers only; the daily one waits for the reveal.
    pub right_answer: Option<String>,
    pub explanation: Option<String>,
    pub reveal_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RevealCard {
    pub question: QuestionRef,
    /// How many choices the question offered (0 for a text question), so a
    /// platform can show its buttons again, disabled.
    pub choice_count: usize,
    /// The right choice's index, for a choice question.
    pub right_choice: Option<usize>,
    pub prompt: String,
    pub right_answer: String,
    pub explanation: String,
    pub answered: i64,
    pub correct: i64,
    pub first_correct: Option<String>,
    /// Who suggested the question, for a server's own item.
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoardCard {
    pub title: String,
    pub rows: Vec<BoardRow>,
    /// Shown when there are no rows.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub rank: usize,
    pub name: String,
    pub figure: String,
    pub is_you: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsCard {
    pub name: String,
    pub lines: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreakCard {
    pub current: i64,
    pub best: i64,
    pub freezes: i64,
}

/// A channel's (or server's) week: figures in words, and the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapCard {
    pub title: String,
    pub answered: u32,
    pub right: u32,
    pub questions: usize,
    /// The week's top five by points.
    pub top: Vec<BoardRow>,
    /// Who holds the longest current streak, and how long it is.
    pub longest_streak: Option<(String, i64)>,
    /// The question fewest got right: its prompt, answers and right ones.
    pub hardest: Option<(String, u32, u32)>,
    pub chart: crate::chart::WeekChart,
    /// The chart drawn, once the sender has drawn it.
    pub image: Option<Image>,
}

/// A picture sent with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub file_name: String,
    pub title: String,
    /// What it shows, for screen readers and for platforms that show a title.
    pub alt: String,
    pub png: std::sync::Arc<[u8]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpCard {
    pub commands: Vec<(String, String)>,
}

impl Reply {
    pub fn private(body: Body) -> Reply {
        Reply { visibility: Visibility::Private, body }
    }

    pub fn public(body: Body) -> Reply {
        Reply { visibility: Visibility::Public, body }
    }

    pub fn error(text: impl Into<String>) -> Reply {
        Reply::private(Body::Error(text.into()))
    }

    pub fn info(text: impl Into<String>) -> Reply {
        Reply::private(Body::Info(text.into()))
    }

    /// The picture to send with this reply, if any.
    pub fn image(&self) -> Option<&Image> {
        match &self.body {
            Body::Recap(r) => r.image.as_ref(),
            _ => None,
        }
    }

    /// The other buttons to offer with this reply.
    pub fn actions(&self) -> &[Action] {
        match &self.body {
            Body::Review(r) => &r.actions,
            _ => &[],
        }
    }

    /// The choice buttons to offer with this reply.
    pub fn buttons(&self) -> Vec<ChoiceButton> {
        match &self.body {
            Body::Question(q) => q.buttons(),
            _ => Vec::new(),
        }
    }
}

/// How a platform marks text up. `escape` must make any user text inert;
/// `time` shows an instant (Unix seconds) given its plain-text `fallback`.
pub struct Style {
    pub escape: fn(&str) -> String,
    pub bold: fn(&str) -> String,
    pub time: fn(i64, &str) -> String,
    /// A mention of a role or user group by id (ids are checked to be
    /// letters and digits before they are stored).
    pub role: fn(&str) -> String,
    /// A fenced code block from a question (its language, if named, and its
    /// lines), made inert and shown as the platform shows code.
    pub code_block: fn(Option<&str>, &str) -> String,
    /// `inline code` from a question, made inert.
    pub inline_code: fn(&str) -> String,
    /// Whether a question's choices show as buttons (its "how to answer" says so).
    pub buttons: bool,
}

/// Plain text, as the console shows it.
pub const PLAIN: Style = Style {
    escape: |s| s.to_string(),
    bold: |s| s.to_string(),
    time: |_, fallback| fallback.into(),
    role: |id| format!("@{id}"),
    code_block: |_, code| code.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"),
    inline_code: |code| format!("`{code}`"),
    buttons: false,
};

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

// A time inside a reply's text is marked so each platform can show it its
// own way (Discord and Slack in each reader's own zone). The marks are
// private-use characters, which no escape touches; user text cannot forge
// one that shows more than a time, because only digits are read as the instant.
const TIME_START: char = '\u{E000}';
const TIME_SPLIT: char = '\u{E001}';
const TIME_END: char = '\u{E002}';

/// `at` marked as a time in reply text; platforms that cannot localise it show `fallback`.
pub fn time_mark(at: DateTime<Utc>, fallback: &str) -> String {
    format!("{TIME_START}{}{TIME_SPLIT}{fallback}{TIME_END}", at.timestamp())
}

/// `text` with every time mark shown by `show(unix_seconds, fallback)`.
pub fn show_times(text: &str, show: fn(i64, &str) -> String) -> String {
    let plain = |out: &mut String, s: &str| out.extend(s.chars().filter(|c| ![TIME_SPLIT, TIME_END].contains(c)));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(TIME_START) {
        plain(&mut out, &rest[..start]);
        let after = &rest[start + TIME_START.len_utf8()..];
        let parsed = after.split_once(TIME_SPLIT).and_then(|(secs, tail)| {
            let (fallback, tail) = tail.split_once(TIME_END)?;
            // A mark the service wrote holds no other mark: anything else is
            // user text imitating one, and is shown as text.
            let nested = |s: &str| s.contains([TIME_START, TIME_SPLIT]);
            if nested(secs) || nested(fallback) {
                return None;
            }
            Some((secs.parse::<i64>().ok()?, fallback, tail))
        });
        match parsed {
            Some((secs, fallback, tail)) => {
                out.push_str(&show(secs, fallback));
                rest = tail;
            }
            // Not a mark the service wrote: drop the stray character.
            None => rest = after,
        }
    }
    plain(&mut out, rest);
    out
}

/// A review card below its title: the question, its choices, the answer,
/// the explanation and the notes.
pub fn review_details(r: &ReviewCard, style: &Style) -> String {
    let e = style.escape;
    let b = |s: &str| (style.bold)(&e(s));
    let r_ = |s: &str| rich(s, style);
    let mut out = r_(&r.prompt);
    for (i, c) in r.choices.iter().enumerate() {
        out.push_str(&format!("\n  {}) {}", letter(i), r_(c)));
    }
    out.push_str(&format!("\nAnswer: {}\n{}", (style.bold)(&r_(&r.right_answer)), r_(&r.explanation)));
    for w in &r.warnings {
        out.push_str(&format!("\n{} {}", b("Note:"), e(w)));
    }
    out
}

/// Renders a reply body as lines of text in a platform's style.
pub fn render(body: &Body, style: &Style) -> String {
    show_times(&render_marked(body, style), style.time)
}

/// A time shown in UTC where a platform cannot localise it.
fn utc_mark(t: DateTime<Utc>) -> String {
    time_mark(t, &t.format("%Y-%m-%d %H:%M UTC").to_string())
}

fn render_marked(body: &Body, style: &Style) -> String {
    let e = style.escape;
    let b = |s: &str| (style.bold)(&e(s));
    match body {
        Body::Question(q) => {
            let head = match q.mode {
                Mode::Daily => "Question of the day",
                Mode::Practice => "Practice question",
            };
            let mut out =
                format!("{} · {} · {}\n{}", b(head), e(&q.category), e(&q.difficulty), rich(&q.prompt, style));
            if let Some(role) = &q.ping {
                out = format!("{} {out}", (style.role)(role));
            }
            for (i, c) in q.choices.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", letter(i), rich(c, style)));
            }
            if let Some(name) = &q.credit {
                out.push_str(&format!("\n{}", e(&crate::service::text::suggested_by(name))));
            }
            out.push_str(&format!("\n{}", e(&crate::service::text::how_to_answer(q.choices.len(), style.buttons))));
            if let Some(t) = q.closes_at {
                out.push_str(&format!(" · closes {}", utc_mark(t)));
            }
            out
        }
        Body::Verdict(v) => {
            let head = match v.verdict {
                Verdict::Correct => "Correct!",
                Verdict::Wrong => "Not quite.",
                Verdict::Recorded => "Answer recorded.",
            };
            let what = match v.mode {
                Mode::Daily => "today's question",
                Mode::Practice => "your practice question",
            };
            let mut out = format!("{} You answered {} to {} ({}).", b(head), e(&v.your_answer), what, e(&v.title));
            if let Some(r) = &v.right_answer {
                out.push_str(&format!("\nAnswer: {}", (style.bold)(&rich(r, style))));
            }
            if let Some(x) = &v.explanation {
                out.push_str(&format!("\n{}", rich(x, style)));
            }
            if v.verdict == Verdict::Recorded {
                out.push_str("\nThe answer and the results are revealed when the question closes");
                if let Some(t) = v.reveal_at {
                    out.push_str(&format!(" ({})", utc_mark(t)));
                }
                out.push('.');
            }
            out
        }
        Body::Reveal(r) => {
            let mut out = format!(
                "{}\n{}\nAnswer: {}\n{}",
                b("Question of the day: the answer"),
                rich(&r.prompt, style),
                (style.bold)(&rich(&r.right_answer, style)),
                rich(&r.explanation, style)
            );
            let share = crate::quiz::leaderboard::accuracy_percent(r.correct, r.answered);
            out.push_str(&format!("\n{} answered, {} correct ({share}%).", r.answered, r.correct));
            if let Some(name) = &r.first_correct {
                out.push_str(&format!(" First correct: {}.", b(name)));
            }
            if let Some(name) = &r.credit {
                out.push_str(&format!("\n{}", e(&crate::service::text::suggested_by(name))));
            }
            out
        }
        Body::Leaderboard(board) => {
            let mut out = b(&board.title);
            if board.rows.is_empty() {
                out.push_str(&format!("\n{}", e(&board.empty)));
            }
            for row in &board.rows {
                let you = if row.is_you { " (you)" } else { "" };
                out.push_str(&format!("\n{:>3}. {} — {}{you}", row.rank, e(&row.name), e(&row.figure)));
            }
            out
        }
        Body::Stats(s) => {
            let mut out = b(&format!("Stats for {}", s.name));
            for (k, v) in &s.lines {
                out.push_str(&format!("\n  {}: {}", e(k), e(v)));
            }
            out
        }
        Body::Streak(s) => format!(
            "{} {} in a row (best {}), {} freeze{} held.",
            b("Your streak:"),
            s.current,
            s.best,
            s.freezes,
            if s.freezes == 1 { "" } else { "s" }
        ),
        Body::Help(h) => {
            let mut out = b(crate::service::text::HELP_TITLE);
            for (usage, what) in &h.commands {
                out.push_str(&format!("\n  {} — {}", e(usage), e(what)));
            }
            out
        }
        Body::Recap(r) => {
            let mut out = b(&r.title);
            let share = crate::quiz::leaderboard::accuracy_percent(i64::from(r.right), i64::from(r.answered));
            let questions =
                if r.questions == 1 { "1 question".to_string() } else { format!("{} questions", r.questions) };
            out.push_str(&format!("\n{} answers to {questions}, {} right ({share}%).", r.answered, r.right));
            if !r.top.is_empty() {
                let top: Vec<String> =
                    r.top.iter().map(|row| format!("{}. {} ({})", row.rank, b(&row.name), e(&row.figure))).collect();
                out.push_str(&format!("\nTop five: {}", top.join(", ")));
            }
            if let Some((name, days)) = &r.longest_streak {
                out.push_str(&format!("\nLongest streak: {}, {days} in a row.", b(name)));
            }
            if let Some((prompt, answered, right)) = &r.hardest {
                let share = crate::quiz::leaderboard::accuracy_percent(i64::from(*right), i64::from(*answered));
                out.push_str(&format!(
                    "\nHardest question: {} ({right} of {answered} right, {share}%).",
                    rich(prompt, style)
                ));
            }
            out
        }
        Body::Form(f) => {
            let mut out = b(&f.title);
            for field in &f.fields {
                out.push_str(&format!("\n  {}: {}", e(field.id), e(&field.hint)));
            }
            out
        }
        Body::Review(r) => {
            let note = r.note.as_ref().map(|n| format!("{}\n", e(n))).unwrap_or_default();
            format!("{note}{}\n{}", b(&r.title), review_details(r, style))
        }
        Body::Invalid(inv) => {
            let mut out = format!("{} {}", b("Sorry:"), e(&inv.title));
            for (_, label, message) in &inv.problems {
                out.push_str(&format!("\n  {}: {}", b(label), e(message)));
            }
            out
        }
        Body::Info(t) => e(t),
        Body::Error(t) => format!("{} {}", b("Sorry:"), e(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn angle(unix: i64, fallback: &str) -> String {
        format!("<{unix}|{fallback}>")
    }

    #[test]
    fn times_are_shown_the_platforms_way_and_stray_marks_are_dropped() {
        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        let text = format!("Next post: {}. Then {}.", time_mark(at, "Tue 09:00"), time_mark(at, "x"));
        assert_eq!(show_times(&text, angle), "Next post: <1764000000|Tue 09:00>. Then <1764000000|x>.");
        assert_eq!(show_times(&text, PLAIN.time), "Next post: Tue 09:00. Then x.");
        // A forged mark whose instant is not a number shows as plain text.
        let forged = format!("{TIME_START}<@&1>{TIME_SPLIT}y{TIME_END} and {TIME_START}");
        assert_eq!(show_times(&forged, angle), "<@&1>y and ");
        // User text that opens a mark cannot swallow what follows it.
        let name = format!("Eve{TIME_START}1{TIME_SPLIT}");
        let text = format!("{name} hidden? {}", time_mark(at, "x"));
        assert_eq!(show_times(&text, angle), "Eve1 hidden? <1764000000|x>");
    }
}
