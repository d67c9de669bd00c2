//! What processes sharing one database agree on through it: a platform's
//! rate budget, and which events have been handled already.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::Service;
use crate::store::StoreError;

impl Service {
    /// Takes the next of `key`'s send slots, `interval` apart across every
    /// process on the database, and says how long to wait for it.
    pub async fn pace_slot(&self, key: &'static str, interval: Duration) -> Result<Duration, StoreError> {
        self.write(move |state| state.store.take_pace_slot(key, interval)).await
    }

    /// Every process holds `key`'s sends for `wait` from now.
    pub async fn hold_pace(&self, key: &'static str, wait: Duration) -> Result<(), StoreError> {
        self.write(move |state| state.store.hold_pace(key, wait)).await
    }

    /// Whether this process is the first to handle platform event `key`
    /// (an event delivered again to another process is handled once). On a
    /// database of one process's own, that process's memory already knows:
    /// always true.
    pub async fn first_to_handle(&self, key: String, now: DateTime<Utc>) -> Result<bool, StoreError> {
        if !self.shared {
            return Ok(true);
        }
        self.write(move |state| state.store.first_to_handle(&key, now)).await
    }
}
