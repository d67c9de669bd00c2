//! What the service answers: a model of what to show and to whom. The bot's
//! own words are messages ([`Msg`]: an id in the catalogue and its
//! arguments); every other string in a card is plain text from members or
//! the bank. Adapters render it in the reader's language through
//! [`render`], escaping the text for their platform and adding their own
//! markup through [`Style`].

mod render;

use chrono::{DateTime, Utc};

pub use crate::i18n::marks::{show_times, time_mark};
pub use render::{render, review_details, rich};

use crate::command::QuestionRef;
use crate::content::letter;
use crate::i18n::{Lang, Msg};

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
    /// The language the service chose for its reader (see
    /// `service::language`); `None` for a reply an adapter made itself,
    /// which it shows in the language it knows of.
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Question(QuestionCard),
    Verdict(VerdictCard),
    Reveal(Box<RevealCard>),
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
    /// Lines of the bot's own words.
    Info(Vec<Msg>),
    /// A refusal: nothing was done.
    Error(Msg),
}

/// A form: its id comes back with the values (see [`crate::command::parse_form`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCard {
    pub id: String,
    pub title: Msg,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// The name its value comes back under.
    pub id: &'static str,
    pub label: Msg,
    /// Shown in the empty field: what to write.
    pub hint: Msg,
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
    pub note: Option<Msg>,
    pub title: Msg,
    pub prompt: String,
    /// The choices, for a multiple-choice question.
    pub choices: Vec<String>,
    pub right_answer: String,
    pub explanation: String,
    /// A discussion's notes (what a strong answer covers), shown instead of
    /// an answer and an explanation.
    pub notes: Vec<String>,
    /// Lint and similar-question warnings.
    pub warnings: Vec<Msg>,
    pub actions: Vec<Action>,
}

/// A button that is not an answer: its value comes back to
/// [`crate::command::parse_button`]; `command` is the same as typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    pub label: Msg,
    pub danger: bool,
    pub command: String,
}

/// A form that was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCard {
    pub title: Msg,
    /// (field id, field label, what is wrong)
    pub problems: Vec<(&'static str, Msg, Msg)>,
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
    /// The item asked, by id: its words are put in the reader's language.
    pub item: String,
    pub mode: Mode,
    pub category: String,
    /// `easy`, `medium` or `hard`, shown through the `difficulty` message.
    pub difficulty: String,
    pub prompt: String,
    /// The choices of a choice item; empty for a text item.
    pub choices: Vec<String>,
    /// An open prompt to talk over: no right answer, a thread for replies.
    pub discussion: bool,
    pub closes_at: Option<DateTime<Utc>>,
    /// The role (Discord) or user group (Slack) a daily post mentions.
    pub ping: Option<String>,
    /// Who suggested the question (and changed it in review), for a server's own item.
    pub credit: Option<Box<Credit>>,
}

/// Who a server's own question is credited to: the member who suggested
/// it and the reviewer who changed it, while each is known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Credit {
    pub author: Option<String>,
    pub editor: Option<String>,
}

impl Credit {
    /// The credit line, if there is anyone to name.
    pub fn msg(&self) -> Option<crate::i18n::Msg> {
        Some(match (&self.author, &self.editor) {
            (Some(name), None) => crate::msg!("suggested-by", name = name),
            (Some(name), Some(editor)) => crate::msg!("suggested-by-edited", name = name, editor = editor),
            (None, Some(editor)) => crate::msg!("edited-by", editor = editor),
            (None, None) => return None,
        })
    }
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
    /// The item answered, by id.
    pub item: String,
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
    /// The item revealed, by id.
    pub item: String,
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
    /// Who suggested the question (and changed it in review), for a server's own item.
    pub credit: Option<Box<Credit>>,
    /// A discussion's wrap-up: what a strong answer covers (then `answered`
    /// is how many took part). Empty for a question.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoardCard {
    pub title: Msg,
    pub rows: Vec<BoardRow>,
    /// Shown when there are no rows.
    pub empty: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub rank: usize,
    pub name: String,
    pub figure: Msg,
    pub is_you: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsCard {
    pub name: String,
    /// (what, figure)
    pub lines: Vec<(Msg, Msg)>,
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
    pub title: Msg,
    pub answered: u32,
    pub right: u32,
    pub questions: usize,
    /// The week's top five by points.
    pub top: Vec<BoardRow>,
    /// Who holds the longest current streak, and how long it is.
    pub longest_streak: Option<(String, i64)>,
    /// The question fewest got right: its item id, its first words, answers
    /// and right ones.
    pub hardest: Option<(String, String, u32, u32)>,
    pub chart: crate::chart::WeekChart,
    /// The chart drawn, once the sender has drawn it.
    pub image: Option<Image>,
}

/// A picture sent with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub file_name: String,
    pub title: Msg,
    /// What it shows, for screen readers and for platforms that show a title.
    pub alt: Msg,
    pub png: std::sync::Arc<[u8]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpCard {
    pub commands: Vec<HelpRow>,
}

/// One command in the help list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// An admin command: typed after the platform's admin prefix.
    pub admin: bool,
    /// How it is typed after `/quiz` or the admin prefix (command syntax,
    /// the same in every language).
    pub usage: String,
    /// What it does.
    pub about: Msg,
}

impl HelpRow {
    /// The whole command line as `admin_prefix` (`/quiz admin`, `/quizadmin`) makes it.
    pub fn typed(&self, admin_prefix: &str) -> String {
        if self.admin { format!("{admin_prefix} {}", self.usage) } else { format!("/quiz {}", self.usage) }
    }

    /// What it does, marked as admins' where it is.
    pub fn what(&self) -> Msg {
        if self.admin { crate::msg!("help-admins-only", about = self.about.clone()) } else { self.about.clone() }
    }
}

impl Reply {
    pub fn private(body: Body) -> Reply {
        Reply { visibility: Visibility::Private, body, lang: None }
    }

    pub fn public(body: Body) -> Reply {
        Reply { visibility: Visibility::Public, body, lang: None }
    }

    pub fn error(msg: Msg) -> Reply {
        Reply::private(Body::Error(msg))
    }

    pub fn info(msg: Msg) -> Reply {
        Reply::private(Body::Info(vec![msg]))
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
    /// How this platform's users type an admin command: every message may
    /// read it as `$admin`.
    pub admin: &'static str,
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
    admin: "/quiz admin",
};
