//! Any answer against a choice item and a text item: graded or refused,
//! never a panic; every accepted spelling grades right.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizmaster::content::ItemKind;
use quizmaster::quiz::grading::{Glossary, grade, normalise};

fuzz_target!(|input: (u8, Vec<String>, &str)| {
    let (right, accept, answer) = input;
    let choices = 2 + usize::from(right % 4);
    let choice = ItemKind::Choice { choices: (0..choices).map(|i| format!("c{i}")).collect(), answer: usize::from(right) % choices };
    let _ = grade(&choice, "", answer, Glossary::curated());
    // Wordings a player can type: the command grammar turns control
    // characters into spaces before any answer reaches the grader.
    let accept: Vec<String> = accept
        .into_iter()
        .filter(|a| !normalise(a).is_empty() && !a.chars().any(char::is_control))
        .take(4)
        .collect();
    if accept.is_empty() {
        return;
    }
    let text = ItemKind::Text { accept: accept.clone(), reject: Vec::new() };
    let _ = grade(&text, "", answer, Glossary::curated());
    for a in &accept {
        assert_eq!(grade(&text, "", a, Glossary::curated()), Ok(true), "{a:?}");
    }
});
