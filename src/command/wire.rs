//! The bot's own ids on the wire: which question a button answers, a
//! review button's action, a form's id, and reading them back.

use super::{AdminCommand, Command, Review, SetupAnswers, clean};
use crate::content::own::{Draft, Field};
use crate::ids::{PostId, PracticeId};

/// A question a button or answer refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionRef {
    Daily(PostId),
    Practice(PracticeId),
}

impl QuestionRef {
    /// A compact form for button ids: `d12`, `p34`.
    pub fn encode(self) -> String {
        match self {
            Self::Daily(id) => format!("d{id}"),
            Self::Practice(id) => format!("p{id}"),
        }
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (kind, id) = s.split_at_checked(1)?;
        let id = positive(id)?;
        match kind {
            "d" => Some(Self::Daily(PostId(id))),
            "p" => Some(Self::Practice(PracticeId(id))),
            _ => None,
        }
    }
}

/// A button's value: `qm:d12:B` is choice B of daily question 12.
pub fn button_value(question: QuestionRef, choice: char) -> String {
    format!("qm:{}:{choice}", question.encode())
}

/// A review button's value: `qm:review:approve:12`.
pub fn review_button(action: &str, suggestion: i64) -> String {
    format!("qm:review:{action}:{suggestion}")
}

/// A form's id (a modal's custom id or callback id): `qm:form:suggest`,
/// `qm:form:edit:12`, `qm:form:reject:12`.
pub fn form_id(form: &str, suggestion: Option<i64>) -> String {
    match suggestion {
        Some(id) => format!("qm:form:{form}:{id}"),
        None => format!("qm:form:{form}"),
    }
}

/// The button under a form's problems that opens it again, filled in
/// (Discord, whose modals cannot stay open to show them).
pub const RETRY_BUTTON: &str = "qm:retry";

/// The longest reason a reviewer may give.
pub const MAX_REASON_CHARS: usize = 300;

/// A submitted form as a command: its id and its fields' values by name.
/// `None` for a form that is not ours.
pub fn parse_form(form: &str, fields: &[(String, String)]) -> Option<Command> {
    let rest = form.strip_prefix("qm:form:")?;
    let draft = |discussion: bool| {
        let mut d = Draft { discussion, ..Draft::default() };
        for (name, value) in fields {
            if let Some(f) = Field::parse(name) {
                // Lines stay; what would change how they read does not.
                d.set(f, value.chars().filter(|c| !crate::i18n::is_invisible(*c)).collect());
            }
        }
        d
    };
    match rest.split_once(':') {
        None if rest == "suggest" => Some(Command::SubmitSuggestion(draft(false))),
        None if rest == "suggest-discussion" => Some(Command::SubmitSuggestion(draft(true))),
        None if rest == "setup" => Some(Command::Admin(AdminCommand::Setup(Some(SetupAnswers::from_fields(fields))))),
        Some((form @ ("edit" | "edit-discussion"), id)) => {
            let draft = draft(form == "edit-discussion");
            Some(Command::Admin(AdminCommand::Review(Review::SubmitEdit { id: positive(id)?, draft })))
        }
        Some(("reject", id)) => {
            let reason = fields.iter().find(|(n, _)| n == "reason").and_then(|(_, v)| reason(v));
            Some(Command::Admin(AdminCommand::Review(Review::Reject { id: positive(id)?, reason })))
        }
        _ => None,
    }
}

/// A row number as ids and commands give it: a positive integer.
pub(super) fn positive(s: &str) -> Option<i64> {
    s.parse::<i64>().ok().filter(|n| *n > 0)
}

/// A reviewer's reason as kept: cleaned, at most [`MAX_REASON_CHARS`], none if empty.
pub(super) fn reason(typed: &str) -> Option<String> {
    let r = clean(typed);
    (!r.is_empty()).then(|| r.chars().take(MAX_REASON_CHARS).collect())
}

/// The answer a button gives, or `None` for a value that is not one of ours.
/// Values without the `qm:` prefix are from buttons posted by older versions.
pub fn parse_button(value: &str) -> Option<Command> {
    if let Some(review) = value.strip_prefix("qm:review:") {
        let (action, id) = review.split_once(':')?;
        let id = positive(id)?;
        return Some(Command::Admin(AdminCommand::Review(match action {
            "approve" => Review::Approve(id),
            "reject" => Review::RejectForm(id),
            "edit" => Review::Edit(id),
            _ => return None,
        })));
    }
    let rest = value.strip_prefix("qm:").unwrap_or(value);
    let (question, choice) = rest.split_once(':')?;
    let mut chars = choice.chars();
    match (QuestionRef::decode(question), chars.next(), chars.next()) {
        (Some(q), Some(c), None) if c.is_ascii_uppercase() => {
            Some(Command::Answer { answer: c.to_string(), question: Some(q) })
        }
        _ => None,
    }
}
