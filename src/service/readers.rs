//! A small pool of read-only connections for boards and stats. WAL lets them
//! read while the writer commits; a connection is opened when none is idle
//! and kept for the next read.

use std::sync::{Arc, Mutex};

use chrono_tz::Tz;

use super::Ctx;
use super::writer::{Scope, Who};
use crate::store::{self, Location, Store, StoreError};

/// At most this many idle connections are kept.
const KEEP: usize = 4;

#[derive(Clone)]
pub(super) struct Readers(Arc<Pool>);

struct Pool {
    location: Location,
    idle: Mutex<Vec<Store>>,
}

impl Readers {
    pub fn new(location: Location) -> Readers {
        Readers(Arc::new(Pool { location, idle: Mutex::new(Vec::new()) }))
    }

    /// Runs `f` on an idle connection, or a new one. Blocking: call it off
    /// the async threads.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> store::Result<T>) -> store::Result<T> {
        let idle = self.0.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let conn = match idle {
            Some(c) => c,
            None => Store::open_reader_at(&self.0.location)?,
        };
        let out = f(&conn);
        let mut idle = self.0.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < KEEP {
            idle.push(conn);
        }
        out
    }

    /// [`Readers::with`] on the caller's thread (`inline`, for callers that
    /// may block) or on the blocking pool, never on an async worker.
    pub async fn read<T: Send + 'static>(
        &self,
        inline: bool,
        f: impl FnOnce(&Store) -> store::Result<T> + Send + 'static,
    ) -> store::Result<T> {
        // Off a runtime (a tool, a test driving the async API by hand)
        // there is no blocking pool: the caller's thread may block. On one,
        // a blocking caller's PostgreSQL reads still go to the pool: that
        // client may not block a thread that drives async tasks.
        let on_runtime = tokio::runtime::Handle::try_current().is_ok();
        let postgres = matches!(self.0.location, Location::Postgres(_));
        if !on_runtime || (inline && !postgres) {
            return self.with(f);
        }
        let readers = self.clone();
        tokio::task::spawn_blocking(move || readers.with(f)).await.unwrap_or_else(|e| {
            Err(StoreError::Failed { temporary: false, message: format!("the read task failed: {e}") })
        })
    }
}

/// A command's rows as a reader finds them; `None` unless all exist and the
/// user's name is the one stored (a new name is written by the writer).
pub(super) fn known_scope(r: &Store, ctx: &Ctx, default_tz: Tz) -> store::Result<Option<Scope>> {
    let Some((guild, channel, user, name)) = r.known(ctx.platform, &ctx.guild, &ctx.channel, &ctx.user_id)? else {
        return Ok(None);
    };
    if name != ctx.user_name {
        return Ok(None);
    }
    let (tz, totals_built) = r.guild_zone(guild, default_tz)?;
    Ok(Some(Scope { who: Who { guild, channel, user, fresh: false }, tz, totals_built }))
}
