//! What search keeps: the session (engine, past queries, the match marked in a
//! view) and the overlay's own state while it is open.

use crate::app::state::engine::Engine;
use crate::app::state::place::View;
use crate::app::wrap::TextKey;
use crate::corpus::Corpus;
use crate::search::Hit;
use crate::search::Scope;
use std::ops::Range;

/// Longest query kept, in chars.
pub const INPUT_LIMIT: usize = 200;

/// Queries remembered for Up / Down.
pub const HISTORY_LIMIT: usize = 100;

/// How the search threads wake the event loop.
#[derive(Clone)]
pub struct Wake(pub crate::search::Waker);

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wake")
    }
}

/// What search remembers across overlays, for the whole session.
#[derive(Debug, Default)]
pub struct SearchSession {
    pub engine: Engine,
    /// Queries searched, oldest first, each once.
    pub history: Vec<String>,
    /// The scope the overlay opens with: the one used last.
    pub scope: Scope,
    /// The query `n` / `N` look for: the last one a result was opened from.
    pub last: Option<String>,
    /// The occurrence marked in a view.
    pub found: Option<Found>,
    /// Results taken in so far; the event loop draws again when it grows.
    pub arrivals: u64,
    /// How the search threads wake the event loop when results are ready
    /// (set by the event loop before the index is started).
    pub waker: Option<Wake>,
}

impl SearchSession {
    /// Builds the index of `corpus` on its own thread, for the real binary;
    /// again after the corpus changed (an import). The corpus is shared, not
    /// copied, so the UI thread does not stall on a large one.
    pub fn index_in_background(&mut self, corpus: &std::sync::Arc<Corpus>) {
        let waker = self.waker.as_ref().map(|w| std::sync::Arc::clone(&w.0));
        self.engine = Engine::background(std::sync::Arc::clone(corpus), waker);
        self.found = None;
    }

    /// Remembers `query` as the newest of the session.
    pub fn remember(&mut self, query: &str) {
        let q = query.trim();
        if q.is_empty() {
            return;
        }
        self.history.retain(|h| h != q);
        if self.history.len() >= HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(q.to_string());
    }
}

/// The overlay while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchOverlay {
    pub input: String,
    /// Byte offset of the cursor in `input`, on a char boundary.
    pub cursor: usize,
    pub scope: Scope,
    /// Best first. They answer `answered`, which may lag behind the input
    /// while a newer search runs.
    pub hits: Vec<Hit>,
    pub answered: Option<(String, Scope)>,
    /// The complete list arrived (not only a first batch).
    pub complete: bool,
    pub selected: usize,
    /// First result shown.
    pub top: usize,
    /// Walking the history: the index shown, and what was typed before.
    pub recall: Option<usize>,
    pub draft: String,
    /// Enter came before the results: open the first one when they arrive.
    pub open_when_done: bool,
}

impl SearchOverlay {
    /// Whether the results shown answer what is typed now.
    pub fn is_current(&self) -> bool {
        self.answered
            .as_ref()
            .is_some_and(|(q, s)| *q == self.input && *s == self.scope)
    }

    /// The query the shown hits answer (their highlights are for it).
    pub fn answered_query(&self) -> &str {
        self.answered.as_ref().map_or("", |(q, _)| q.as_str())
    }
}

/// Which part of an entry an occurrence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A long text: a passage, a summary, an authentic text.
    Text(TextKey),
    /// The view's title line.
    Title,
    /// A source's author or publisher.
    Field(&'static str),
    /// An article's row in a chapter.
    Row(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Entry of the document pane.
    pub item: usize,
    pub spot: Spot,
    /// Bytes of the entry's text: the sentence of a long text, all of a
    /// title or field.
    pub span: Range<usize>,
}

/// The occurrence the user is at, in a view, for a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub view: View,
    pub query: String,
    pub at: Occurrence,
}
