//! Adapters: each turns its platform's input into `Command`s and renders
//! `Reply`s back. No decisions are made here.

pub mod console;
pub mod discord;
pub mod listen;
pub mod pacing;
#[cfg(test)]
pub(crate) mod samples;
pub mod slack;
