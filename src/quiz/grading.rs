//! Grading an answer against an item.
//!
//! Choice items take a letter, case-insensitive and trimmed. Text items are
//! graded on normalised text (case, punctuation, surrounding articles and
//! spacing do not matter), in this order:
//!
//! 1. an accepted wording, exactly: right;
//! 2. a `reject` entry, exactly, as whole words inside the answer, or one typo
//!    away: wrong, before any leniency;
//! 3. an answer with a number: right when its numbers are an accepted
//!    wording's numbers and its other words come from the accepted wordings or
//!    are generic ("HTTP 429", "status code 429", "429 Too Many Requests");
//! 4. `Full Name (ABBR)`: right when both parts are right on their own;
//! 5. one typo in an accepted wording longer than five characters, unless the
//!    difference is a negating prefix ("synchronous" for "asynchronous").

use crate::content::{ItemKind, letter};

/// Why an answer could not be graded at all (nothing is recorded).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error("the answer is empty")]
    Empty,
    #[error("choose a letter A-{last}")]
    NotALetter { last: char },
    #[error("there is no choice {given}: choose A-{last}")]
    OutOfRange { given: char, last: char },
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
    /// Matches this reject entry.
    Rejected(String),
    /// One typo away, but the difference is a negating prefix.
    Opposite(String),
    /// The numbers differ from every accepted wording.
    WrongNumber,
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
            Why::Rejected(r) => write!(f, "matches the reject entry \"{r}\""),
            Why::Opposite(a) => write!(f, "differs from \"{a}\" by a negating prefix, which is never a typo"),
            Why::WrongNumber => f.write_str("its number is not the number of any accepted wording"),
            Why::NoMatch => f.write_str("no accepted wording is equal or one typo away"),
        }
    }
}

/// Grades `input` against an item's answer. `Ok(true)` is right.
pub fn grade(kind: &ItemKind, input: &str) -> Result<bool, GradeError> {
    explain(kind, input).map(|g| g.correct)
}

/// Grades `input` and says why.
pub fn explain(kind: &ItemKind, input: &str) -> Result<Graded, GradeError> {
    match kind {
        ItemKind::Choice { choices, answer } => {
            Ok(Graded { correct: parse_letter(input, choices.len())? == *answer, why: Why::Letter })
        }
        ItemKind::Text { accept, reject } => {
            let given = normalise(input);
            if given.is_empty() {
                return Err(GradeError::Empty);
            }
            let accept: Vec<(String, &str)> = accept.iter().map(|a| (normalise(a), a.as_str())).collect();
            let reject: Vec<(String, &str)> = reject.iter().map(|r| (normalise(r), r.as_str())).collect();
            Ok(grade_text(&accept, &reject, input, &given, true))
        }
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

const ARTICLES: &[&str] = &["a", "an", "the"];

/// Lowercases, turns punctuation into spaces, collapses whitespace and drops
/// articles at either end: "  The Sharding! " -> "sharding".
pub fn normalise(s: &str) -> String {
    let cleaned: String =
        s.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && ARTICLES.contains(&words[0]) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| ARTICLES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Words an answer with a number may carry besides the accepted wording's own.
const GENERIC: &[&str] = &["http", "https", "status", "code", "port", "tcp", "error", "response", "number", "version"];

/// Prefixes that turn a term into its opposite; never counted as a typo.
const NEGATING: &[&str] = &["a", "an", "un", "non", "in", "im", "dis", "de"];

fn right(why: Why) -> Graded {
    Graded { correct: true, why }
}

fn wrong(why: Why) -> Graded {
    Graded { correct: false, why }
}

/// `accept` and `reject` as (normalised, as written); `given` is `raw` normalised.
fn grade_text(accept: &[(String, &str)], reject: &[(String, &str)], raw: &str, given: &str, whole: bool) -> Graded {
    if let Some((_, a)) = accept.iter().find(|(a, _)| a == given) {
        return right(Why::Exact((*a).to_string()));
    }
    let padded = format!(" {given} ");
    for (r, written) in reject {
        let inside = !r.is_empty() && padded.contains(&format!(" {r} "));
        if inside || typo_close(r, given) {
            return wrong(Why::Rejected((*written).to_string()));
        }
    }
    if has_digit(given) {
        return by_number(accept, given);
    }
    if whole && let Some(both) = both_parts(accept, reject, raw) {
        return both;
    }
    for (a, written) in accept {
        if has_digit(a) || !typo_close(a, given) {
            continue;
        }
        if negation_of(a, given) {
            return wrong(Why::Opposite((*written).to_string()));
        }
        return right(Why::Typo((*written).to_string()));
    }
    wrong(Why::NoMatch)
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// At most one typo apart, for wordings long enough to have one.
fn typo_close(accepted: &str, given: &str) -> bool {
    accepted.chars().count() > 5 && strsim::osa_distance(accepted, given) <= 1
}

/// Whether one is the other with a negating prefix on one of its words.
fn negation_of(a: &str, b: &str) -> bool {
    let (aw, bw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    aw.len() == bw.len()
        && aw.iter().zip(&bw).all(|(x, y)| {
            x == y || NEGATING.iter().any(|p| x.strip_prefix(p) == Some(*y) || y.strip_prefix(p) == Some(*x))
        })
}

/// The numbers in a normalised text, in order.
fn numbers(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| has_digit(w)).collect()
}

/// Right when the numbers match an accepted wording's and every other word is
/// one of the accepted wordings' words or a generic one.
fn by_number(accept: &[(String, &str)], given: &str) -> Graded {
    let wanted = numbers(given);
    let Some((_, written)) = accept.iter().find(|(a, _)| numbers(a) == wanted) else {
        return wrong(Why::WrongNumber);
    };
    let known = |w: &str| GENERIC.contains(&w) || accept.iter().any(|(a, _)| a.split(' ').any(|x| x == w));
    if given.split(' ').filter(|w| !has_digit(w)).all(known) {
        right(Why::Number((*written).to_string()))
    } else {
        wrong(Why::NoMatch)
    }
}

/// `Full Name (ABBR)` or `ABBR (Full Name)`: both parts graded on their own.
fn both_parts(accept: &[(String, &str)], reject: &[(String, &str)], raw: &str) -> Option<Graded> {
    let (outer, rest) = raw.trim().split_once('(')?;
    let inner = rest.trim_end().strip_suffix(')')?;
    let (o, i) = (normalise(outer), normalise(inner));
    if o.is_empty() || i.is_empty() {
        return None;
    }
    let (a, b) = (grade_text(accept, reject, outer, &o, false), grade_text(accept, reject, inner, &i, false));
    Some(if a.correct && b.correct {
        let name = |g: Graded| match g.why {
            Why::Exact(s) | Why::Typo(s) | Why::Number(s) => s,
            _ => String::new(),
        };
        right(Why::Both(name(a), name(b)))
    } else if !a.correct && matches!(a.why, Why::Rejected(_)) {
        a
    } else if !b.correct && matches!(b.why, Why::Rejected(_)) {
        b
    } else {
        wrong(Why::NoMatch)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> ItemKind {
        ItemKind::Choice { choices: vec!["w".into(), "x".into(), "y".into(), "z".into()], answer: 1 }
    }

    fn text(accept: &[&str]) -> ItemKind {
        text_with(accept, &[])
    }

    fn text_with(accept: &[&str], reject: &[&str]) -> ItemKind {
        ItemKind::Text {
            accept: accept.iter().map(|s| s.to_string()).collect(),
            reject: reject.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn grading_table() {
        let cases: &[(ItemKind, &str, Result<bool, GradeError>)] = &[
            (choice(), "b", Ok(true)),
            (choice(), "B", Ok(true)),
            (choice(), " b ", Ok(true)),
            (choice(), "a", Ok(false)),
            (choice(), "D", Ok(false)),
            (choice(), "Z", Err(GradeError::OutOfRange { given: 'Z', last: 'D' })),
            (choice(), "e", Err(GradeError::OutOfRange { given: 'E', last: 'D' })),
            (choice(), "bb", Err(GradeError::NotALetter { last: 'D' })),
            (choice(), "1", Err(GradeError::NotALetter { last: 'D' })),
            (choice(), "", Err(GradeError::Empty)),
            (choice(), "   ", Err(GradeError::Empty)),
            (text(&["consistency"]), "consistency", Ok(true)),
            (text(&["consistency"]), "  Consistency. ", Ok(true)),
            (text(&["consistency"]), "the consistency", Ok(true)),
            (text(&["consistency"]), "consistancy", Ok(true)),
            (text(&["consistency"]), "consistenyc", Ok(true)),
            (text(&["consistency"]), "consistensy!!", Ok(true)),
            (text(&["consistency"]), "constancy", Ok(false)),
            (text(&["consistency"]), "availability", Ok(false)),
            (text(&["shard"]), "shard", Ok(true)),
            (text(&["shard"]), "shart", Ok(false)),
            (text(&["idempotent", "idempotency"]), "Idempotency", Ok(true)),
            (text(&["load balancer"]), "a load-balancer", Ok(true)),
            (text(&["load balancer"]), "load  balancer the", Ok(true)),
            (text(&["443"]), "443", Ok(true)),
            (text(&["443"]), "444", Ok(false)),
            (text(&["http 2"]), "http 3", Ok(false)),
            (text(&["consistency"]), "", Err(GradeError::Empty)),
            (text(&["consistency"]), "?!", Err(GradeError::Empty)),
            // Opposites and look-alike terms are never one typo away.
            (text(&["asynchronous"]), "synchronous", Ok(false)),
            (text(&["asynchronous"]), "asynchronus", Ok(true)),
            (text(&["asynchronous programming"]), "synchronous programming", Ok(false)),
            (text_with(&["pooling", "connection pooling"], &["polling"]), "polling", Ok(false)),
            (text_with(&["pooling", "connection pooling"], &["polling"]), "connection polling", Ok(false)),
            (text_with(&["pooling", "connection pooling"], &["polling"]), "poling", Ok(false)),
            (text_with(&["pooling", "connection pooling"], &["polling"]), "connection poolng", Ok(true)),
            (text_with(&["authorization", "authz"], &["authentication"]), "authentification", Ok(false)),
            // Numbers with the usual words around them.
            (text(&["429", "Too Many Requests"]), "HTTP 429", Ok(true)),
            (text(&["429", "Too Many Requests"]), "429 Too Many Requests", Ok(true)),
            (text(&["429", "Too Many Requests"]), "status code 429", Ok(true)),
            (text(&["429", "Too Many Requests"]), "HTTP 428", Ok(false)),
            (text(&["429", "Too Many Requests"]), "429 Not Found", Ok(false)),
            (text(&["443", "HTTPS port"]), "port 443", Ok(true)),
            (text(&["443", "HTTPS port"]), "TCP port 443", Ok(true)),
            (text(&["443", "HTTPS port"]), "port 80", Ok(false)),
            // The full name with its abbreviation, either way round.
            (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Scripting (XSS)", Ok(true)),
            (text(&["XSS", "Cross-Site Scripting"]), "XSS (cross site scripting)", Ok(true)),
            (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Request Forgery (CSRF)", Ok(false)),
            (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Scripting (CSRF)", Ok(false)),
        ];
        for (kind, input, want) in cases {
            assert_eq!(&grade(kind, input), want, "input {input:?} against {kind:?}");
        }
    }

    #[test]
    fn reject_entries_win_over_typo_tolerance() {
        let kind = text_with(&["sharding", "database sharding"], &["sharing"]);
        let g = explain(&kind, "sharing").unwrap();
        assert_eq!(g, Graded { correct: false, why: Why::Rejected("sharing".into()) });
        assert_eq!(g.to_string(), "matches the reject entry \"sharing\"");
        assert_eq!(explain(&kind, "shardnig").unwrap().why, Why::Typo("sharding".into()));
        assert_eq!(explain(&kind, "Database Sharding").unwrap().why, Why::Exact("database sharding".into()));
    }

    #[test]
    fn explanations_name_the_wording_that_matched() {
        let kind = text(&["429", "Too Many Requests"]);
        assert_eq!(explain(&kind, "HTTP 429").unwrap().why, Why::Number("429".into()));
        assert_eq!(explain(&kind, "HTTP 500").unwrap().why, Why::WrongNumber);
        let kind = text(&["asynchronous"]);
        assert_eq!(explain(&kind, "synchronous").unwrap().why, Why::Opposite("asynchronous".into()));
        assert_eq!(explain(&kind, "threads").unwrap().why, Why::NoMatch);
    }

    #[test]
    fn normalise_keeps_inner_articles() {
        assert_eq!(normalise("The Single Responsibility Principle"), "single responsibility principle");
        assert_eq!(normalise("a"), "a");
        assert_eq!(normalise("one of a kind"), "one of a kind");
    }
}
