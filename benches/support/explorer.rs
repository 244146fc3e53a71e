//! The explorer as a user meets it, on a generated corpus written to disk:
//! how long from the files to a usable screen (load time), and how long each
//! key typed into the search overlay takes to reach the screen while the
//! real background search runs (keystroke echo).
//!
//! The generated sources are written as the user's library (`sources/*.md`,
//! the Markdown source format `treaty import` writes) and loaded the way
//! `treaty` loads them (`commands::load`: the embedded corpus, then the
//! library merged in), then `LinkGraph::build`, the user's data, the first
//! state, the search index started in the background, the first frame.
//!
//! The event loop of `explorer::run` is replayed on this thread: a key is
//! applied with `update`, results are taken in (`SearchPoll`) and the frame
//! is drawn into a `TestBackend`; between keys the thread waits to be woken
//! by the search threads (the engine's waker, as the real loop is) and the
//! frame is drawn again when results arrived. A key's echo is the time from the
//! moment it is due to the frame that shows it, so a redraw for results that
//! was under way when the key came counts against it.

use super::{XorShift, corpus};
use crate::{MB, ms, percentiles};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};
use treaty::app::state::search::Wake;
use treaty::app::{self, Action, AppState};
use treaty::corpus::Corpus;
use treaty::library::Library;
use treaty::refs::graph::LinkGraph;
use treaty::user::UserData;

/// Times the whole start this many times; the medians are reported.
const STARTS: usize = 3;
/// The first screen's size, as a common terminal.
const FIRST_SIZE: (u16, u16) = (100, 30);
/// Terminal sizes the echo is measured at.
const SIZES: [(u16, u16); 2] = [(100, 30), (200, 60)];
/// Time between keys: 30 to 130 ms (80 ms on average, a fast typist).
const GAP_MS: (u64, u64) = (30, 130);

/// One start of the explorer, stage by stage.
struct Start {
    /// `load_embedded` and the library merged in: files read and parsed.
    load: Duration,
    graph: Duration,
    /// The user's data and the first state (`desk::start`).
    state: Duration,
    /// The search index started on its thread (the corpus is cloned for it).
    engine: Duration,
    /// The first frame drawn: the explorer is usable from here.
    usable: Duration,
    /// From the start until the index is built and searches are answered.
    searchable: Duration,
}

/// A started explorer, kept for the echo measurement.
struct Explorer {
    corpus: std::sync::Arc<Corpus>,
    graph: LinkGraph,
    state: AppState,
    /// Woken by the search threads when results are ready.
    woken: Receiver<()>,
}

pub fn run(mb: usize, seed: u64, short: &[&str], long: &[&str]) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("explorer bench: no temporary directory: {e}");
            return;
        }
    };
    let (files, bytes, passages) = match write_library(dir.path(), mb, seed) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("explorer bench: cannot write the library: {e}");
            return;
        }
    };
    println!(
        "\n## {mb} MB, the explorer: {files} library files, {:.1} MB on disk",
        bytes as f64 / MB as f64
    );
    let mut starts = Vec::new();
    let mut explorer = None;
    for _ in 0..STARTS {
        let (start, e) = start(dir.path());
        starts.push(start);
        explorer = Some(e);
    }
    let Some(mut explorer) = explorer else {
        return;
    };
    let loaded: usize = explorer
        .corpus
        .sources
        .iter()
        .filter(|s| s.user)
        .map(|s| s.passages.len())
        .sum();
    assert_eq!(loaded, passages, "every generated passage is loaded");
    let median = |f: fn(&Start) -> Duration| {
        let mut v: Vec<Duration> = starts.iter().map(f).collect();
        v.sort();
        ms(v[v.len() / 2])
    };
    println!(
        "load time (median of {STARTS}): usable {:.0} ms = read and parse {:.0} ms + link graph {:.0} ms + first state {:.1} ms + index thread started {:.1} ms + first frame {:.1} ms; searchable after {:.0} ms",
        median(|s| s.usable),
        median(|s| s.load),
        median(|s| s.graph),
        median(|s| s.state),
        median(|s| s.engine),
        median(|s| s.usable - s.load - s.graph - s.state - s.engine),
        median(|s| s.searchable),
    );
    let mut rng = XorShift::new(seed ^ mb as u64);
    for size in SIZES {
        echo(&mut explorer, size, short, long, &mut rng);
    }
}

/// Writes the generated sources as library files; returns how many files,
/// their bytes, and the passages they hold.
pub fn write_library(dir: &Path, mb: usize, seed: u64) -> std::io::Result<(usize, usize, usize)> {
    let sources = Library::at(dir).sources_dir();
    std::fs::create_dir_all(&sources)?;
    // The generator's corpus is dropped before anything is timed.
    let generated = corpus(mb * MB, seed);
    let (mut files, mut bytes, mut passages) = (0, 0, 0);
    for source in &generated.sources {
        let mut text = String::from("---\n");
        let _ = writeln!(
            text,
            "title: {}",
            source.meta.title.as_deref().unwrap_or("")
        );
        let _ = writeln!(
            text,
            "author: {}",
            source.meta.author.as_deref().unwrap_or("")
        );
        text.push_str("---\n");
        for p in &source.passages {
            text.push('\n');
            text.push_str(&p.text);
            text.push('\n');
        }
        std::fs::write(sources.join(format!("{}.md", source.id)), &text)?;
        files += 1;
        bytes += text.len();
        passages += source.passages.len();
    }
    Ok((files, bytes, passages))
}

/// Starts the explorer from the files in `dir` as `treaty` does.
fn start(dir: &Path) -> (Start, Explorer) {
    let t = Instant::now();
    let mut corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    // `commands::load` merges the library of the data directory; this is
    // the same merge on the temporary one.
    let warnings = Library::at(dir).merge_into(&mut corpus);
    assert!(warnings.is_empty(), "the library loads: {warnings:?}");
    // As in the explorer: shared with the index thread, never copied.
    let corpus = std::sync::Arc::new(corpus);
    let load = t.elapsed();
    let graph = LinkGraph::build(&corpus);
    let graph_done = t.elapsed();
    let (user, _) = UserData::load_from(dir);
    let mut state = app::desk::start(
        &corpus,
        &graph,
        None,
        user,
        FIRST_SIZE,
        true,
        Default::default(),
    );
    let state_done = t.elapsed();
    let (wake, woken) = mpsc::channel();
    state.search.waker = Some(Wake(std::sync::Arc::new(move || {
        let _ = wake.send(());
    })));
    state.search.index_in_background(&corpus);
    let engine_done = t.elapsed();
    let mut terminal = terminal(FIRST_SIZE);
    draw(&mut terminal, &state, &corpus, &graph);
    let usable = t.elapsed();
    while state.search.engine.indexing() {
        std::thread::sleep(Duration::from_millis(1));
        let _ = state.search.engine.poll(&corpus);
    }
    let searchable = t.elapsed();
    (
        Start {
            load,
            graph: graph_done - load,
            state: state_done - graph_done,
            engine: engine_done - state_done,
            usable,
            searchable,
        },
        Explorer {
            corpus,
            graph,
            state,
            woken,
        },
    )
}

fn terminal((w, h): (u16, u16)) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("a test terminal")
}

fn draw(
    terminal: &mut Terminal<TestBackend>,
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
) {
    terminal
        .draw(|frame| treaty::ui::draw(frame, state, corpus, graph, &Default::default()))
        .expect("a frame is drawn");
}

/// Types every query into the overlay at `size`, keys apart as a fast
/// typist types them; prints the echo and the redraws for results.
fn echo(e: &mut Explorer, size: (u16, u16), short: &[&str], long: &[&str], rng: &mut XorShift) {
    let Explorer {
        corpus,
        graph,
        state,
        woken,
    } = e;
    app::update(state, corpus, graph, Action::Resize(size.0, size.1));
    let mut terminal = terminal(size);
    draw(&mut terminal, state, corpus, graph);
    let mut echoes = Vec::new();
    let mut work = Vec::new();
    let mut redraws = Vec::new();
    let mut complete = Vec::new();
    for query in short.iter().chain(long) {
        let keys = std::iter::once(Action::Search).chain(query.chars().map(Action::PromptChar));
        let mut due = Instant::now();
        for key in keys {
            let gap = GAP_MS.0 + rng.below((GAP_MS.1 - GAP_MS.0) as usize) as u64;
            due += Duration::from_millis(gap);
            // The loop until the key comes: results taken in and drawn.
            loop {
                let now = Instant::now();
                if now >= due {
                    break;
                }
                // Woken by results, or the key is due.
                if woken.recv_timeout(due - now).is_ok()
                    && let Some(d) = take_results(&mut terminal, state, corpus, graph)
                {
                    redraws.push(d);
                }
            }
            let started = Instant::now();
            app::update(state, corpus, graph, key);
            if state.search.engine.busy() {
                app::update(state, corpus, graph, Action::SearchPoll);
            }
            draw(&mut terminal, state, corpus, graph);
            let end = Instant::now();
            echoes.push(end - due);
            work.push(end - started);
        }
        // The last key's search runs to its end, then Esc. From the last
        // key due to the frame with the complete results.
        while state.search.engine.busy() {
            let _ = woken.recv_timeout(Duration::from_millis(150));
            if let Some(d) = take_results(&mut terminal, state, corpus, graph) {
                redraws.push(d);
            }
        }
        complete.push(due.elapsed());
        app::update(state, corpus, graph, Action::Close);
        draw(&mut terminal, state, corpus, graph);
    }
    let worst = |v: &[Duration]| v.iter().max().map_or(0.0, |d| ms(*d));
    println!(
        "complete results on screen {}x{}, {} queries, from the last key due: {}, max {:.1} ms",
        size.0,
        size.1,
        complete.len(),
        percentiles(complete.clone()),
        worst(&complete),
    );
    println!(
        "echo {}x{}, {} keys: key to frame {}, max {:.1} ms | the key's own work {}, max {:.1} ms | {} redraws for results {}, max {:.1} ms",
        size.0,
        size.1,
        echoes.len(),
        percentiles(echoes.clone()),
        worst(&echoes),
        percentiles(work.clone()),
        worst(&work),
        redraws.len(),
        percentiles(redraws.clone()),
        worst(&redraws),
    );
}

/// What the event loop does on a tick while a search runs: take in results
/// and draw when some arrived. Returns how long that took when it drew.
fn take_results(
    terminal: &mut Terminal<TestBackend>,
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
) -> Option<Duration> {
    let t = Instant::now();
    let seen = state.search.arrivals;
    app::update(state, corpus, graph, Action::SearchPoll);
    if state.search.arrivals == seen {
        return None;
    }
    draw(terminal, state, corpus, graph);
    Some(t.elapsed())
}
