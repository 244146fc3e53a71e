//! The event loop: terminal events become actions through the key table,
//! `update` applies them, the screen is drawn again. Draws only after
//! something changed; several queued events are applied before one draw, so
//! holding a key never lags behind. Terminal events and the search threads'
//! "results ready" arrive on one channel, so results are drawn the moment
//! they exist rather than on the next tick of a timer.

use crate::app::action::{Action, Effect, MouseInput, MouseKind};
use crate::app::keymap::mode;
use crate::app::state::suggested::SuggestedLinks;
use crate::app::state::{AppState, Overlay};
use crate::app::update::update;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::terminal::{Session, Signal, die_of};
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

/// How often signals are looked at while no key comes.
const TICK: Duration = Duration::from_millis(150);

/// What wakes the event loop.
enum Input {
    Event(Event),
    /// The search threads have results (or the index is built).
    Wake,
    /// A speaker view joined or pressed a key (`treaty present`).
    Speaker(crate::speaker::room::Remote),
}

/// Reads terminal events on their own thread into `tx`, so the loop can wait
/// for them and for search results at once. Ends when the terminal cannot be
/// read (it hung up: the loop notices that by itself) or the loop is gone.
fn read_terminal(tx: Sender<Input>) {
    let spawned = std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if tx.send(Input::Event(ev)).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => return,
                }
            }
        });
    // Without the thread no key would ever come: say so rather than hang.
    if let Err(e) = spawned {
        eprintln!("treaty: cannot read the terminal: {e}");
    }
}

/// Events applied before signals are checked and the screen is drawn again.
const MAX_BATCH: usize = 256;

/// What a terminal event means, if anything.
pub fn action_of(state: &AppState, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => crate::app::keymap::action_for(&state.keymap, mode(state), k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(m) => {
            let kind = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::WheelUp,
                MouseEventKind::ScrollDown => MouseKind::WheelDown,
                _ => return None,
            };
            Some(Action::Mouse(MouseInput {
                kind,
                column: m.column,
                row: m.row,
            }))
        }
        _ => None,
    }
}

/// How the explorer starts.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The theme, the keys and the mouse (off leaves text selection to the
    /// terminal), from config.toml and the command line. The loop owns them
    /// and hands them down: the keys to the state, the theme to drawing.
    pub settings: crate::config::Settings,
    /// Where to open (`treaty 24(2)`, `treaty zamora#10`, a concern).
    pub start: Option<crate::corpus::Location>,
}

pub fn run(corpus: Corpus, opts: RunOptions) -> anyhow::Result<()> {
    run_with(corpus, opts, None)
}

/// Runs with `overlay` open from the start (`treaty present` opens its deck).
pub fn run_with(corpus: Corpus, opts: RunOptions, overlay: Option<Overlay>) -> anyhow::Result<()> {
    run_linked(corpus, opts, overlay, None)
}

/// As [`run_with`]; with `speakers` (the deck's title), speaker views of
/// that deck can follow and drive the presentation (`present --speaker`).
pub fn run_linked(
    corpus: Corpus,
    opts: RunOptions,
    overlay: Option<Overlay>,
    speakers: Option<&str>,
) -> anyhow::Result<()> {
    // Shared with the threads that build the link graph and the search index.
    let mut corpus = std::sync::Arc::new(corpus);
    let (tx, rx) = mpsc::channel();
    // The first frame does not wait for the link graph: it is built on its
    // own thread and the outline's counts fill in when it arrives. A deck
    // opened from the start (`treaty present`) counts links on its first
    // slide, so it waits for the graph instead.
    let (mut graph, mut graph_rx) = match overlay {
        Some(_) => (LinkGraph::build(&corpus), None),
        None => graph_in_background(Arc::clone(&corpus), tx.clone()),
    };
    let (user, warnings) = crate::user::UserData::load();
    let crate::config::Settings {
        theme,
        keymap,
        mouse,
        hide_suggested,
    } = opts.settings;
    let mut session = Session::enter(mouse)?;
    let mut state = crate::app::desk::start(
        &corpus,
        &graph,
        opts.start.and_then(|l| l.as_place()),
        user,
        session.size(),
        mouse,
        keymap,
    );
    if let Some(loc) = opts.start {
        crate::app::nav::land_first(&mut state, &corpus, &graph, loc);
    }
    if let Ok(dir) = std::env::current_dir() {
        state.desk.export_dir = Some(dir);
    }
    if !warnings.is_empty() {
        state.error(warnings.join("; "));
    }
    if overlay.is_some() {
        state.overlay = overlay;
        // A deck given at the start is cut into slides for this screen.
        let (w, h) = state.size;
        update(&mut state, &corpus, &graph, Action::Resize(w, h));
    }
    let waker = tx.clone();
    state.search.waker = Some(crate::app::state::search::Wake(Arc::new(move || {
        let _ = waker.send(Input::Wake);
    })));
    let mut room = speakers.and_then(|title| {
        let tx = tx.clone();
        crate::speaker::room::Room::open(title, move |r| {
            let _ = tx.send(Input::Speaker(r));
        })
        .map_err(|e| crate::speaker::unavailable(&mut state, &e))
        .ok()
    });
    let mut rejoined = false;
    let suggestions_waker: crate::search::Waker = {
        let tx = tx.clone();
        Arc::new(move || {
            let _ = tx.send(Input::Wake);
        })
    };
    read_terminal(tx);
    state.search.index_in_background(&corpus);
    // Suggestions leave out passages with a curated link: they wait for
    // the graph.
    if graph_rx.is_none() {
        state.suggested = SuggestedLinks::background(
            Arc::clone(&corpus),
            &graph,
            !hide_suggested,
            Some(Arc::clone(&suggestions_waker)),
        );
    }
    let mut dirty = true;
    loop {
        match session.signal() {
            Signal::Stop(sig) => {
                let problems = crate::app::desk::on_quit(&mut state, &corpus, &graph);
                drop(session);
                // Speakers are told, and the socket goes: die_of runs no
                // destructor.
                drop(room.take());
                tell(&problems);
                die_of(sig);
            }
            Signal::Suspend => {
                session.suspend()?;
                dirty = true;
            }
            Signal::Resumed => {
                session.resume()?;
                dirty = true;
            }
            Signal::None => {}
        }
        if let Some(built) = graph_rx.as_ref().and_then(|rx| arrived(rx, &corpus)) {
            graph = built;
            graph_rx = None;
            graph_arrived(&mut state, &corpus, &graph);
            state.suggested = SuggestedLinks::background(
                Arc::clone(&corpus),
                &graph,
                !hide_suggested,
                Some(Arc::clone(&suggestions_waker)),
            );
            dirty = true;
        }
        // The size is asked every turn: a resize while suspended sends no event.
        // When it cannot be asked the terminal is gone (its window closed
        // without a SIGHUP reaching us): end rather than spin on a dead tty.
        let Some(size) = session.live_size() else {
            let problems = crate::app::desk::on_quit(&mut state, &corpus, &graph);
            drop(session);
            tell(&problems);
            return Ok(());
        };
        if size != state.size {
            update(&mut state, &corpus, &graph, Action::Resize(size.0, size.1));
            dirty = true;
        }
        // Results stream in from the search threads: take them in and draw.
        if state.search.engine.busy() || state.suggested.pending() {
            let seen = state.search.arrivals;
            let computing = state.suggested.pending();
            update(&mut state, &corpus, &graph, Action::SearchPoll);
            dirty |= state.search.arrivals != seen || computing && !state.suggested.pending();
        }
        if let Some(room) = &mut room
            && (dirty || rejoined)
        {
            room.publish(&state, &corpus, &graph, std::mem::take(&mut rejoined));
        }
        if dirty {
            session.draw(|frame| crate::ui::draw(frame, &state, &corpus, &graph, &theme))?;
            dirty = false;
        }
        // A bounded batch: signals are looked at between batches, so a flood
        // of events (or a hung-up terminal that always reads as ready) cannot
        // keep SIGHUP and SIGTERM from being seen.
        let mut next = rx.recv_timeout(TICK);
        let mut batch = 0;
        while batch < MAX_BATCH {
            let ev = match next {
                Ok(Input::Event(ev)) => ev,
                // Taken in at the top of the loop, with the results.
                Ok(Input::Wake) => break,
                Ok(Input::Speaker(r)) => {
                    rejoined |= r == crate::speaker::room::Remote::Joined;
                    if let crate::speaker::room::Remote::Asked(m) = r {
                        crate::speaker::room::apply(&mut state, &m);
                    }
                    dirty = true;
                    break;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    // No reader: the terminal is gone, which the next turn
                    // sees; do not spin meanwhile.
                    std::thread::sleep(TICK);
                    break;
                }
            };
            batch += 1;
            next = rx.try_recv().map_err(|e| match e {
                TryRecvError::Empty => RecvTimeoutError::Timeout,
                TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            });
            let Some(action) = action_of(&state, ev) else {
                continue;
            };
            dirty = true;
            let effect = update(&mut state, &corpus, &graph, action);
            crate::app::desk::flush_outbox(&mut state, &mut std::io::stdout())?;
            match effect {
                Effect::Quit => {
                    let problems = crate::app::desk::on_quit(&mut state, &corpus, &graph);
                    drop(session);
                    tell(&problems);
                    return Ok(());
                }
                Effect::Suspend => session.suspend()?,
                Effect::ReloadLibrary => {
                    // Copies the corpus only if the index thread still reads it.
                    // A graph still being built for the old corpus is dropped.
                    graph_rx = None;
                    graph = crate::app::import::reload(
                        &mut state,
                        std::sync::Arc::make_mut(&mut corpus),
                    );
                    state.search.index_in_background(&corpus);
                    state.suggested = SuggestedLinks::background(
                        Arc::clone(&corpus),
                        &graph,
                        !hide_suggested,
                        Some(Arc::clone(&suggestions_waker)),
                    );
                }
                Effect::Nothing => {}
            }
        }
    }
}

/// Builds the link graph on its own thread, below the UI's priority, and
/// wakes the loop when it is there; until then the explorer holds a pending
/// graph. Without a thread it is built here.
fn graph_in_background(
    corpus: Arc<Corpus>,
    wake: Sender<Input>,
) -> (LinkGraph, Option<Receiver<LinkGraph>>) {
    let (tx, rx) = mpsc::channel();
    let job = Arc::clone(&corpus);
    let spawned = std::thread::Builder::new()
        .name("link-graph".into())
        .spawn(move || {
            crate::search::lower_this_thread();
            if tx.send(LinkGraph::build(&job)).is_ok() {
                let _ = wake.send(Input::Wake);
            }
        });
    match spawned {
        Ok(_) => (LinkGraph::pending(), Some(rx)),
        Err(_) => (LinkGraph::build(&corpus), None),
    }
}

/// The graph from its thread, once it is built; built here if the thread
/// died without sending it.
fn arrived(rx: &Receiver<LinkGraph>, corpus: &Corpus) -> Option<LinkGraph> {
    match rx.try_recv() {
        Ok(graph) => Some(graph),
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => Some(LinkGraph::build(corpus)),
    }
}

/// The graph arrived: what the view derived from the pending one (entries,
/// layout, a text's citations) is dropped, and the selection is placed
/// again among the links now listed.
pub fn graph_arrived(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let summary = state.cache.shows_summary();
    state.cache = crate::app::wrap::WrapCache::default();
    state.cache.set_shows_summary(summary);
    crate::app::settle::settle(state, corpus, graph);
}

/// Says on the normal screen what could not be saved on the way out.
fn tell(problems: &[String]) {
    for p in problems {
        eprintln!("treaty: {p}");
    }
}
