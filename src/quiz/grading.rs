//! Grading an answer against an item.
//!
//! Choice items take a letter, case-insensitive and trimmed. Text items accept
//! any listed answer after normalising case, punctuation, leading/trailing
//! articles and whitespace; one typo is forgiven when the accepted answer is
//! longer than 5 characters, but anything with a digit must match exactly.

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

/// Grades `input` against an item's answer. `Ok(true)` is right.
pub fn grade(kind: &ItemKind, input: &str) -> Result<bool, GradeError> {
    match kind {
        ItemKind::Choice { choices, answer } => Ok(parse_letter(input, choices.len())? == *answer),
        ItemKind::Text { accept } => {
            let given = normalise(input);
            if given.is_empty() {
                return Err(GradeError::Empty);
            }
            Ok(accept.iter().any(|a| text_matches(&normalise(a), &given)))
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

/// Both sides already normalised.
fn text_matches(accepted: &str, given: &str) -> bool {
    if accepted == given {
        return true;
    }
    let has_digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    if has_digit(accepted) || has_digit(given) {
        return false;
    }
    accepted.chars().count() > 5 && strsim::osa_distance(accepted, given) <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> ItemKind {
        ItemKind::Choice { choices: vec!["w".into(), "x".into(), "y".into(), "z".into()], answer: 1 }
    }

    fn text(accept: &[&str]) -> ItemKind {
        ItemKind::Text { accept: accept.iter().map(|s| s.to_string()).collect() }
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
        ];
        for (kind, input, want) in cases {
            assert_eq!(&grade(kind, input), want, "input {input:?} against {kind:?}");
        }
    }

    #[test]
    fn normalise_keeps_inner_articles() {
        assert_eq!(normalise("The Single Responsibility Principle"), "single responsibility principle");
        assert_eq!(normalise("a"), "a");
        assert_eq!(normalise("one of a kind"), "one of a kind");
    }
}
