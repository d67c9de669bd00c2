//! Any text as a question pack: items or errors naming the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizmaster::content::{Bank, Source, parse_pack};

fuzz_target!(|text: &str| {
    let (_, errors) = parse_pack("fuzz.toml", text);
    assert!(errors.iter().all(|e| e.to_string().contains("fuzz.toml")));
    if let Err(errors) = Bank::from_sources(&[Source { name: "fuzz.toml".into(), text: text.to_string() }]) {
        assert!(!errors.is_empty());
    }
});
