//! Quizmaster: a backend-engineering quiz bot for Discord, Slack and a local
//! console. One platform-neutral core (`quiz`, `store`, `service`) with thin
//! adapters in `platform`.

pub mod app;
pub mod chart;
pub mod cli;
pub mod command;
pub mod config;
pub mod content;
pub mod delivery;
pub mod doctor;
pub mod i18n;
pub mod ids;
pub mod metrics;
pub mod platform;
pub mod quiz;
pub mod reply;
pub mod scheduler;
pub mod service;
pub mod setup;
pub mod store;
pub mod web;
