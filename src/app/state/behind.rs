//! Building what the explorer needs off the UI thread (the search index,
//! the suggested links): on a thread of its own below the UI's priority,
//! the result sent back and the event loop woken for it.

use crate::search::{Waker, lower_this_thread};
use std::sync::mpsc::{self, Receiver};

/// Runs `build` on a thread named `name`; its result arrives on the
/// receiver, after which `waker` is called. `None` when no thread could be
/// started (the caller then does without, or builds on first use).
pub fn build_behind<T: Send + 'static>(
    name: &str,
    waker: Option<Waker>,
    build: impl FnOnce() -> T + Send + 'static,
) -> Option<Receiver<T>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            lower_this_thread();
            let _ = tx.send(build());
            if let Some(wake) = waker {
                wake();
            }
        })
        .ok()
        .map(|_| rx)
}
