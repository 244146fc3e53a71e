//! The search engine as the explorer holds it: an index built off the UI
//! thread, a background worker that answers queries, and a way for tests to
//! answer them on the spot. The UI thread only submits and polls.

use crate::app::state::behind::build_behind;
use crate::corpus::Corpus;
use crate::search::{DEFAULT_LIMIT, Scope, SearchIndex, SearchResults, SearchWorker, Waker};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Where the engine is in its life.
enum Stage {
    /// Nothing built yet: the first search builds the index (on the UI
    /// thread; `Engine::background` avoids that for the real binary).
    Unstarted,
    /// A thread is building the index.
    Building(Receiver<SearchIndex>),
    /// Searches run on the worker's threads.
    Ready(SearchWorker),
    /// Searches run inside `submit` (headless tests): no thread timing.
    Inline {
        index: Arc<SearchIndex>,
        outbox: Option<SearchResults>,
    },
}

pub struct Engine {
    stage: Stage,
    /// Told when the index is built and when results are ready, so the
    /// event loop wakes for them.
    waker: Option<Waker>,
    /// The query submitted last, still to be answered in full.
    waiting: Option<(String, Scope)>,
    /// A query typed while the index was being built, sent once it is ready.
    queued: Option<(String, Scope)>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stage = match &self.stage {
            Stage::Unstarted => "unstarted",
            Stage::Building(_) => "building",
            Stage::Ready(_) => "ready",
            Stage::Inline { .. } => "inline",
        };
        f.debug_struct("Engine")
            .field("stage", &stage)
            .field("waiting", &self.waiting)
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            stage: Stage::Unstarted,
            waker: None,
            waiting: None,
            queued: None,
        }
    }
}

impl Engine {
    /// Starts building the index on its own thread, below the UI's priority;
    /// searches use the worker. `waker`, if any, is called when the index is
    /// built and whenever results are ready.
    pub fn background(corpus: Arc<Corpus>, waker: Option<Waker>) -> Engine {
        let built = build_behind("search-index", waker.clone(), move || {
            SearchIndex::build(&corpus)
        });
        Engine {
            stage: match built {
                Some(rx) => Stage::Building(rx),
                // No thread: build on first use instead.
                None => Stage::Unstarted,
            },
            waker,
            ..Engine::default()
        }
    }

    /// Answers every query inside `submit`, so results are there at once.
    /// For headless tests; the binary uses [`Engine::background`].
    pub fn inline(index: Arc<SearchIndex>) -> Engine {
        Engine {
            stage: Stage::Inline {
                index,
                outbox: None,
            },
            ..Engine::default()
        }
    }

    /// Whether the event loop should poll soon: a query is being answered,
    /// or waits for the index.
    pub fn busy(&self) -> bool {
        self.waiting.is_some() || self.queued.is_some()
    }

    /// Whether the index is still being built.
    pub fn indexing(&self) -> bool {
        matches!(self.stage, Stage::Building(_))
    }

    /// Starts answering `query`; never waits for the answer.
    pub fn submit(&mut self, corpus: &Corpus, query: &str, scope: Scope) {
        self.advance(corpus);
        self.waiting = Some((query.to_string(), scope));
        match &mut self.stage {
            Stage::Ready(worker) => worker.submit(query.to_string(), scope),
            Stage::Inline { index, outbox } => {
                *outbox = Some(SearchResults {
                    query: query.to_string(),
                    scope,
                    hits: index.search(query, scope, DEFAULT_LIMIT),
                    done: true,
                })
            }
            Stage::Building(_) | Stage::Unstarted => {
                self.queued = Some((query.to_string(), scope));
            }
        }
    }

    /// The newest results, once each; `None` when nothing new arrived.
    pub fn poll(&mut self, corpus: &Corpus) -> Option<SearchResults> {
        self.advance(corpus);
        let got = match &mut self.stage {
            Stage::Ready(worker) => worker.poll(),
            Stage::Inline { outbox, .. } => outbox.take(),
            _ => None,
        }?;
        let answers = self
            .waiting
            .as_ref()
            .is_some_and(|(q, s)| *q == got.query && *s == got.scope);
        if answers && got.done {
            self.waiting = None;
        }
        Some(got)
    }

    /// Moves on when the index is ready, and sends a query that waited.
    fn advance(&mut self, corpus: &Corpus) {
        let index = match &self.stage {
            Stage::Unstarted => Some(SearchIndex::build(corpus)),
            Stage::Building(rx) => match rx.try_recv() {
                Ok(index) => Some(index),
                Err(TryRecvError::Empty) => None,
                // The builder died: build here rather than never search.
                Err(TryRecvError::Disconnected) => Some(SearchIndex::build(corpus)),
            },
            _ => None,
        };
        let Some(index) = index else { return };
        let worker = SearchWorker::new(Arc::new(index));
        if let Some(wake) = &self.waker {
            worker.set_waker(Arc::clone(wake));
        }
        if let Some((q, s)) = self.queued.take() {
            worker.submit(q, s);
        }
        self.stage = Stage::Ready(worker);
    }
}
