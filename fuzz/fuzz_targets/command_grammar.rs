//! Any text after `/quiz` parses to a command or a named error; an answer
//! that parses is never blank and carries no control characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizmaster::command::{Command, parse};

fuzz_target!(|text: &str| {
    match parse(text, 500) {
        Ok(Command::Answer { answer, .. }) => {
            assert!(!answer.trim().is_empty());
            assert!(!answer.chars().any(char::is_control));
        }
        Ok(_) => {}
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
