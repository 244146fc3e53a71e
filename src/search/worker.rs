//! The background search: two threads share each search in pieces, a newer
//! query cancels an older one, a query that extends an earlier one scans only
//! the earlier one's matches, and results stream best-first (a first batch
//! from the first piece, then the complete list).

use super::index::SearchIndex;
use super::query::Query;
use super::rank::{Scored, candidates, merge};
use super::unitset::{SharedUnitSet, UnitSet};
use super::{Hit, Scope};
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// Threads that scan; the machine this is built for has two cores.
const THREADS: usize = 2;
/// Units per piece: small enough that the first batch arrives quickly and a
/// cancelled search stops soon, large enough to keep hand-offs rare.
const PIECE: u32 = 8192;
/// Below this, splitting a scope costs more than it saves.
const MIN_PIECE: u32 = 256;
/// Hits kept per search: several screens. Ranking costs grow with it (skim
/// scores `2 * limit + 64` candidates), so a larger list is opt-in
/// ([`SearchWorker::with_limit`]).
pub const DEFAULT_LIMIT: usize = 250;
/// Match sets of recent searches kept for narrowing (typing and erasing);
/// a bit per unit each.
const RECENT: usize = 6;

/// What a search found so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    pub query: String,
    pub scope: Scope,
    /// Best first.
    pub hits: Vec<Hit>,
    /// False for a first batch; the complete list follows.
    pub done: bool,
}

/// Runs searches on background threads; the caller never blocks.
pub struct SearchWorker {
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

struct Shared {
    index: Arc<SearchIndex>,
    limit: usize,
    /// Bumped by every submit: a job whose generation is older is stale.
    generation: AtomicU64,
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    job: Option<Arc<Job>>,
    /// The latest results not yet polled.
    outbox: Option<SearchResults>,
    /// Units matched by recent complete searches, newest last.
    recent: VecDeque<Matched>,
    shutdown: bool,
}

struct Matched {
    query: String,
    scope: Scope,
    units: Arc<UnitSet>,
}

struct Job {
    generation: u64,
    raw: String,
    scope: Scope,
    query: Query,
    /// The matches of an earlier query this one narrows, if any: only they
    /// are scanned.
    filter: Option<Arc<UnitSet>>,
    /// The scope's units, in pieces that never cut a place's units apart.
    pieces: Vec<Range<u32>>,
    next: AtomicUsize,
    matched: SharedUnitSet,
    progress: Mutex<Progress>,
    /// The complete list went out: a first batch ranked more slowly by the
    /// other thread must not replace it. Changed under the state lock.
    completed: AtomicBool,
}

#[derive(Default)]
struct Progress {
    scored: Vec<Option<Vec<Scored>>>,
    done: usize,
    first_sent: bool,
}

/// Locks, ignoring poisoning: a panicking worker must not take the UI down,
/// and every state it leaves is consistent between statements.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl SearchWorker {
    /// Starts the threads, keeping [`DEFAULT_LIMIT`] hits per search.
    pub fn new(index: Arc<SearchIndex>) -> Self {
        Self::with_limit(index, DEFAULT_LIMIT)
    }

    pub fn with_limit(index: Arc<SearchIndex>, limit: usize) -> Self {
        let shared = Arc::new(Shared {
            index,
            limit,
            generation: AtomicU64::new(0),
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let threads = (0..THREADS)
            .filter_map(|i| {
                let shared = Arc::clone(&shared);
                std::thread::Builder::new()
                    .name(format!("search-{i}"))
                    .spawn(move || run(&shared))
                    .ok()
            })
            .collect();
        SearchWorker { shared, threads }
    }

    /// Starts a search and returns at once; any older search is cancelled and
    /// its results are never delivered.
    pub fn submit(&self, query: String, scope: Scope) {
        let shared = &self.shared;
        let mut st = lock(&shared.state);
        let generation = shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let q = shared.index.prepare(&query);
        st.outbox = None;
        st.job = None;
        if q.is_empty() {
            st.outbox = Some(SearchResults {
                query,
                scope,
                hits: Vec::new(),
                done: true,
            });
            return;
        }
        let index = &shared.index;
        let filter = st
            .recent
            .iter()
            .filter(|m| {
                (m.scope == scope || m.scope == Scope::All)
                    && shared.index.narrows(&m.query, &query)
            })
            // The smallest set that applies: the fewest units to scan.
            .min_by_key(|m| m.units.len())
            .map(|m| Arc::clone(&m.units));
        let range = index.scope_units(scope);
        // Small scopes still go to both threads.
        let size = PIECE
            .min(range.len().div_ceil(THREADS) as u32)
            .max(MIN_PIECE);
        let pieces = index.pieces(range, size);
        let job = Arc::new(Job {
            generation,
            raw: query,
            scope,
            progress: Mutex::new(Progress {
                scored: vec![None; pieces.len()],
                ..Progress::default()
            }),
            query: q,
            filter,
            pieces,
            next: AtomicUsize::new(0),
            matched: SharedUnitSet::new(index.len()),
            completed: AtomicBool::new(false),
        });
        if job.pieces.is_empty() {
            st.outbox = Some(job.results(&shared.index, &[], shared.limit, true));
            return;
        }
        if self.threads.is_empty() {
            // No thread could be started: searching here, blocking, is still
            // better than never answering.
            let hits = shared.index.search(&job.raw, scope, shared.limit);
            st.outbox = Some(SearchResults {
                hits,
                done: true,
                ..job.results(&shared.index, &[], 0, true)
            });
            return;
        }
        st.job = Some(job);
        drop(st);
        shared.wake.notify_all();
    }

    /// The latest results of the latest query, once each; `None` when nothing
    /// new arrived since the last call. Never blocks on a search.
    pub fn poll(&self) -> Option<SearchResults> {
        lock(&self.shared.state).outbox.take()
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        lock(&self.shared.state).shutdown = true;
        self.shared.wake.notify_all();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Job {
    fn is_current(&self, shared: &Shared) -> bool {
        shared.generation.load(Ordering::SeqCst) == self.generation
    }

    fn has_work(&self) -> bool {
        self.next.load(Ordering::SeqCst) < self.pieces.len()
    }

    fn results(
        &self,
        index: &SearchIndex,
        scored: &[Scored],
        limit: usize,
        done: bool,
    ) -> SearchResults {
        SearchResults {
            query: self.raw.clone(),
            scope: self.scope,
            hits: index.assemble(&self.query, self.scope, scored, limit),
            done,
        }
    }

    /// Scans piece `p`; `None` when cancelled.
    fn scan_piece(&self, shared: &Shared, p: usize) -> Option<Vec<Scored>> {
        let index = &shared.index;
        let cancelled = || !self.is_current(shared);
        let piece = self.pieces[p].clone();
        let (q, keep, matched) = (&self.query, candidates(shared.limit), Some(&self.matched));
        match &self.filter {
            Some(set) => index.scan(q, set.iter(piece), keep, matched, &cancelled),
            None => index.scan(q, piece, keep, matched, &cancelled),
        }
    }

    /// Records a finished piece; publishes a first batch or the complete list.
    fn finish_piece(&self, shared: &Shared, p: usize, scored: Vec<Scored>) {
        if !self.is_current(shared) {
            return;
        }
        let (merged, done) = {
            let mut pr = lock(&self.progress);
            pr.scored[p] = Some(scored);
            pr.done += 1;
            let done = pr.done == self.pieces.len();
            // A first batch only pays off when the scan is long.
            if !done && (pr.first_sent || self.pieces.len() <= THREADS) {
                return;
            }
            pr.first_sent = true;
            let lists = pr.scored.iter().flatten().map(Vec::as_slice);
            (merge(lists, candidates(shared.limit)), done)
        };
        let results = self.results(&shared.index, &merged, shared.limit, done);
        let matched = done.then(|| self.matched.snapshot());
        let mut st = lock(&shared.state);
        if !self.is_current(shared) || self.completed.load(Ordering::SeqCst) {
            return;
        }
        self.completed.store(done, Ordering::SeqCst);
        st.outbox = Some(results);
        if let Some(units) = matched {
            st.recent
                .retain(|m| !(m.query == self.raw && m.scope == self.scope));
            if st.recent.len() >= RECENT {
                st.recent.pop_front();
            }
            st.recent.push_back(Matched {
                query: self.raw.clone(),
                scope: self.scope,
                units: Arc::new(units),
            });
            st.job = None;
        }
    }
}

/// A worker thread: waits for a job with pieces left, scans pieces until none
/// are left or the job is stale, then waits again.
fn run(shared: &Shared) {
    loop {
        let job = {
            let mut st = lock(&shared.state);
            loop {
                if st.shutdown {
                    return;
                }
                if let Some(job) = st
                    .job
                    .as_ref()
                    .filter(|j| j.has_work() && j.is_current(shared))
                {
                    break Arc::clone(job);
                }
                st = shared.wake.wait(st).unwrap_or_else(|e| e.into_inner());
            }
        };
        loop {
            let p = job.next.fetch_add(1, Ordering::SeqCst);
            if p >= job.pieces.len() || !job.is_current(shared) {
                break;
            }
            let Some(scored) = job.scan_piece(shared, p) else {
                break;
            };
            job.finish_piece(shared, p, scored);
        }
    }
}
