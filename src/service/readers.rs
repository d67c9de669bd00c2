//! A small pool of read-only connections for boards and stats. WAL lets them
//! read while the writer commits; a connection is opened when none is idle
//! and kept for the next read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::{self, Store};

/// At most this many idle connections are kept.
const KEEP: usize = 4;

#[derive(Clone)]
pub(super) struct Readers(Arc<Pool>);

struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Readers {
    pub fn new(path: &Path) -> Readers {
        Readers(Arc::new(Pool { path: path.to_path_buf(), idle: Mutex::new(Vec::new()) }))
    }

    /// Runs `f` on an idle connection, or a new one. Blocking: call it off
    /// the async threads.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> store::Result<T>) -> store::Result<T> {
        let idle = self.0.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let conn = match idle {
            Some(c) => c,
            None => Store::open_reader(&self.0.path)?,
        };
        let out = f(&conn);
        let mut idle = self.0.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < KEEP {
            idle.push(conn);
        }
        out
    }
}
