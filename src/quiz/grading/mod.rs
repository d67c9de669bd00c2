//! Grading an answer against an item.
//!
//! Choice items take a letter, case-insensitive and trimmed. Text items are
//! graded on normalised text (case, punctuation, surrounding articles and
//! spacing do not matter; "non-" and "anti-" stay joined to their word), by
//! the first of these rules that decides:
//!
//! 1. an accepted wording, exactly (also without its spaces, or without
//!    command-line flags and URL paths: "terraform plan -out=tfplan", "PUT
//!    /users/7"): right;
//! 2. `X (Y)`: right when both parts are right, when one is right and the
//!    other abbreviates it ("Object-Relational Mapping (ORM)"), or when `X`
//!    is right and `Y` is a note that names no wrong term ("Pod (group of
//!    containers)"); wrong when either part is wrong by a reject entry or
//!    names a different known term;
//! 3. a `reject` entry, exactly, one typo away, or as whole words inside the
//!    answer: wrong, unless a negation turns it around ("non-blocking",
//!    "not blocking") or it is part of a right wording in the answer;
//! 4. an item whose answer is a number: right when the numbers are an
//!    accepted wording's and the other words come from the accepted
//!    wordings or qualify it ("HTTP 429", "roughly 300 ms"); elsewhere
//!    digits are words ("OAuth 2.0 access token");
//! 5. an accepted wording inside the answer, not negated, with every other
//!    word generic ("HTTP GET method", "distributed monolith anti-pattern"),
//!    a version, or a word of the accepted wordings; after a command
//!    ("docker build"), any arguments;
//! 6. the initials of an accepted wording ("IaC");
//! 7. one typo in an accepted wording longer than five characters, unless the
//!    difference is a negating prefix ("synchronous" for "asynchronous"), or
//!    the typed text is, or is one typo from, a different known term
//!    ("R-tree" for "B-tree", "connection poll" for "connection pool"; see
//!    [`glossary`]).

pub mod glossary;
mod text;
pub mod words;

pub use glossary::Glossary;
pub use words::normalise;

use super::item::{ItemKind, letter};

/// Why an answer could not be graded at all (nothing is recorded).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error("the answer is empty")]
    Empty,
    #[error("choose a letter A-{last}")]
    NotALetter { last: char },
    #[error("there is no choice {given}: choose A-{last}")]
    OutOfRange { given: char, last: char },
    #[error("a discussion question has no right answer to grade against")]
    NotGraded,
}

/// How an answer was graded, for pack authors trying their accept lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A choice letter, right or wrong.
    Letter,
    /// Equal to this accepted wording.
    Exact(String),
    /// One typo away from this accepted wording.
    Typo(String),
    /// Its number and words fit this accepted wording.
    Number(String),
    /// `Full Name (ABBR)`, both parts accepted.
    Both(String, String),
    /// This accepted wording with words that only qualify it.
    Qualified(String),
    /// This accepted wording with a note in brackets.
    Note(String),
    /// This accepted wording together with its abbreviation or expansion.
    Abbreviation(String),
    /// This accepted wording with command-line flags, arguments or a URL path.
    Command(String),
    /// Matches this reject entry.
    Rejected(String),
    /// One typo away, but the difference is a negating prefix.
    Opposite(String),
    /// Names this accepted wording only to negate it.
    Negated(String),
    /// Close to an accepted wording, but this is a different known term.
    OtherTerm(String),
    /// The numbers differ from every accepted wording.
    WrongNumber,
    /// The number is right but its unit is not ("900 minutes" for "900 seconds").
    WrongUnit,
    /// Nothing accepted is close.
    NoMatch,
}

/// A verdict and the reason for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub correct: bool,
    pub why: Why,
}

impl std::fmt::Display for Graded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.why {
            Why::Letter => Ok(()),
            Why::Exact(a) => write!(f, "matches the accepted wording \"{a}\""),
            Why::Typo(a) => write!(f, "one typo away from the accepted wording \"{a}\""),
            Why::Number(a) => write!(f, "its number and words fit the accepted wording \"{a}\""),
            Why::Both(a, b) => write!(f, "both parts are accepted: \"{a}\" and \"{b}\""),
            Why::Qualified(a) => write!(f, "the accepted wording \"{a}\" with words that only qualify it"),
            Why::Note(a) => write!(f, "the accepted wording \"{a}\" with a note in brackets"),
            Why::Abbreviation(a) => write!(f, "the accepted wording \"{a}\" with its abbreviation or expansion"),
            Why::Command(a) => write!(f, "the accepted wording \"{a}\" with flags, arguments or a path"),
            Why::Rejected(r) => write!(f, "matches the reject entry \"{r}\""),
            Why::Opposite(a) => write!(f, "differs from \"{a}\" by a negating prefix, which is never a typo"),
            Why::Negated(a) => write!(f, "names the accepted wording \"{a}\" only to negate it"),
            Why::OtherTerm(t) => {
                write!(f, "is close to an accepted wording but is, or is next to, the different term \"{t}\"")
            }
            Why::WrongNumber => f.write_str("its number is not the number of any accepted wording"),
            Why::WrongUnit => f.write_str("its number is right but its unit is not an accepted wording's"),
            Why::NoMatch => f.write_str("no accepted wording is equal, contained or one typo away"),
        }
    }
}

/// Grades `input` against an item's answer. `Ok(true)` is right. The
/// prompt's words may stand beside a right answer ("bcrypt cost").
pub fn grade(kind: &ItemKind, prompt: &str, input: &str, glossary: &Glossary) -> Result<bool, GradeError> {
    explain(kind, prompt, input, glossary).map(|g| g.correct)
}

/// Grades `input` and says why.
pub fn explain(kind: &ItemKind, prompt: &str, input: &str, glossary: &Glossary) -> Result<Graded, GradeError> {
    match kind {
        ItemKind::Choice { choices, answer } => {
            Ok(Graded { correct: parse_letter(input, choices.len())? == *answer, why: Why::Letter })
        }
        ItemKind::Text { accept, reject } => {
            if normalise(input).is_empty() {
                return Err(GradeError::Empty);
            }
            Ok(text::Answer::new(accept, reject, prompt, glossary).grade(input))
        }
        ItemKind::Discussion { .. } => Err(GradeError::NotGraded),
    }
}

/// Reads a choice letter: "b", " B " -> 1. The letter must be one of the item's.
pub fn parse_letter(input: &str, choices: usize) -> Result<usize, GradeError> {
    let last = letter(choices.saturating_sub(1));
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(GradeError::Empty);
    }
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => {
            let upper = c.to_ascii_uppercase();
            let index = usize::from(upper as u8 - b'A');
            if index < choices { Ok(index) } else { Err(GradeError::OutOfRange { given: upper, last }) }
        }
        _ => Err(GradeError::NotALetter { last }),
    }
}

#[cfg(test)]
mod tests;
