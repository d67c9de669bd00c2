//! Any body sent to the Slack endpoints or Discord's interactions endpoint
//! is read as they read it (after the signature check, which a fuzzer cannot
//! pass) down to the command it carries: never a panic, and a command only
//! from a form, button or text of ours.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizmaster::platform::{discord, slack};

const MAX_CHARS: usize = 500;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else { return };
    let read = match which % 4 {
        0 => slack::read_request("/slack/commands", body, MAX_CHARS),
        1 => slack::read_request("/slack/interactivity", body, MAX_CHARS),
        2 => slack::read_request("/slack/events", body, MAX_CHARS),
        _ => discord::read_interaction(body, MAX_CHARS),
    };
    if let Err(why) = read {
        assert!(!why.is_empty());
    }
});
