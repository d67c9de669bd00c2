//! The quiz domain: pure rules with time passed in. No I/O, no SQL, no platform.

pub mod closest;
pub mod discussion;
pub mod grading;
pub mod item;
pub mod leaderboard;
pub mod localtime;
pub mod ratelimit;
pub mod recap;
pub mod schedule;
pub mod scoring;
pub mod selection;
pub mod settle;
pub mod srs;
pub mod streak;
