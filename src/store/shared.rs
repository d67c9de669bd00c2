//! What several processes on one database share besides the quiz itself:
//! a rate budget (the next free send slot of a key, on the database
//! server's clock) and the platform events already handled by one of them.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{Result, Store};

/// How long a handled event is remembered: far longer than any platform
/// retries one.
const REMEMBER_EVENTS: chrono::Duration = chrono::Duration::hours(1);

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl Store {
    /// Takes the next send slot of `key`, slots `interval` apart across
    /// every process on this database, and returns how long to wait for it.
    pub fn take_pace_slot(&mut self, key: &str, interval: Duration) -> Result<Duration> {
        let now = self.conn.now_ms_sql();
        let wait: i64 = self.write(|tx| {
            tx.one(
                &format!(
                    "INSERT INTO pace_slots (key, next_at) VALUES (?1, {now} + ?2)
                     ON CONFLICT (key) DO UPDATE SET next_at =
                         CASE WHEN pace_slots.next_at > {now} THEN pace_slots.next_at ELSE {now} END + ?2
                     RETURNING next_at - ?2 - {now}"
                ),
                sql_params![key, ms(interval)],
                |r| r.get(0),
            )
        })?;
        Ok(Duration::from_millis(u64::try_from(wait).unwrap_or(0)))
    }

    /// No slot of `key` is handed out until `wait` from now (the platform
    /// asked every process to wait).
    pub fn hold_pace(&mut self, key: &str, wait: Duration) -> Result<()> {
        let now = self.conn.now_ms_sql();
        self.write(|tx| {
            tx.exec(
                &format!(
                    "INSERT INTO pace_slots (key, next_at) VALUES (?1, {now} + ?2)
                     ON CONFLICT (key) DO UPDATE SET next_at = CASE WHEN pace_slots.next_at > excluded.next_at
                         THEN pace_slots.next_at ELSE excluded.next_at END"
                ),
                sql_params![key, ms(wait)],
            )
        })?;
        Ok(())
    }

    /// Records that event `key` is being handled; true only for the first
    /// process (or call) to say so within the hour.
    pub fn first_to_handle(&mut self, key: &str, now: DateTime<Utc>) -> Result<bool> {
        let (now_ms, forget_ms) = (super::millis(now), super::millis(now - REMEMBER_EVENTS));
        self.write(|tx| {
            tx.exec("DELETE FROM handled_events WHERE at < ?1", sql_params![forget_ms])?;
            Ok(tx.exec(
                "INSERT INTO handled_events (key, at) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                sql_params![key, now_ms],
            )? == 1)
        })
    }
}
