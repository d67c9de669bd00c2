//! Integration tests: real SQLite files in temp dirs, the real binary for the
//! console. One test binary, modules by area.

mod archive;
mod cli;
mod code_items;
mod config;
mod console;
mod content;
mod discord;
mod discord_http;
mod discussions;
mod docs;
mod doctor;
mod failover;
mod faults;
mod hostile;
mod languages;
mod listen;
mod postgres;
mod practice;
mod probes;
mod recap;
mod restart;
mod schedule;
mod seasons;
mod service;
mod side_by_side;
mod slack;
mod slack_oauth;
mod slack_socket;
mod store;
mod suggestions;
mod support;
mod translations;
mod web;
