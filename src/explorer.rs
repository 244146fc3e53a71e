//! The event loop: terminal events become actions through the key table,
//! `update` applies them, the screen is drawn again. Draws only after
//! something changed; several queued events are applied before one draw, so
//! holding a key never lags behind. Terminal events, the search threads'
//! "results ready" and the import's progress arrive on one channel, so they
//! are drawn the moment they exist rather than on the next tick of a timer.
//!
//! The loop, not `update`, touches the world: it performs the effects
//! `update` returns (saves, the clipboard, a brief, an import on its own
//! thread) and tells `update` what came of each.

mod import;
pub mod speaker;

pub use import::{ImportEnd, import_now};

use crate::app::action::{Action, Effect, MouseInput, MouseKind, Outcome, Save};
use crate::app::keymap::mode;
use crate::app::state::suggested::SuggestedLinks;
use crate::app::state::{AppState, Overlay};
use crate::app::update::update;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::terminal::{Session, Signal, die_of};
use crate::user::UserData;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

/// How often signals are looked at while no key comes.
const TICK: Duration = Duration::from_millis(150);

/// What wakes the event loop.
enum Input {
    Event(Event),
    /// The search threads have results (or the index is built), or the
    /// import has news.
    Wake,
    /// A speaker view joined or pressed a key (`treaty present`).
    Speaker(crate::speaker::room::Remote),
}

/// Reads terminal events on their own thread into `tx`, so the loop can wait
/// for them and for search results at once. Ends when the terminal cannot be
/// read (it hung up: the loop notices that by itself) or the loop is gone.
fn read_terminal(tx: Sender<Input>) {
    read_events(tx, Input::Event, "terminal-input");
}

/// Sends each terminal event, as `wrap` makes it, into `tx` from a thread
/// named `name` (the explorer's loop and the speaker view's share this).
fn read_events<T: Send + 'static>(tx: Sender<T>, wrap: fn(event::Event) -> T, name: &str) {
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if tx.send(wrap(ev)).is_err() {
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
    state.desk.home = std::env::var_os("HOME").map(PathBuf::from);
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
    let wake: crate::search::Waker = Arc::new(move || {
        let _ = waker.send(Input::Wake);
    });
    state.search.waker = Some(crate::app::state::search::Wake(Arc::clone(&wake)));
    let mut room = speakers.and_then(|title| {
        let tx = tx.clone();
        crate::speaker::room::Room::open(title, move |r| {
            let _ = tx.send(Input::Speaker(r));
        })
        .map_err(|e| crate::speaker::unavailable(&mut state, &e))
        .ok()
    });
    let mut rejoined = false;
    read_terminal(tx);
    state.search.index_in_background(&corpus);
    // The suggested links of a corpus, on their own thread (one place says
    // how: at the start, when the graph arrives, after an import).
    let suggest = |corpus: &Arc<Corpus>, graph: &LinkGraph| {
        SuggestedLinks::background(
            Arc::clone(corpus),
            graph,
            !hide_suggested,
            Some(Arc::clone(&wake)),
        )
    };
    // Suggestions leave out passages with a curated link: they wait for
    // the graph.
    if graph_rx.is_none() {
        state.suggested = suggest(&corpus, &graph);
    }
    let mut importing: Option<import::Job> = None;
    let mut dirty = true;
    loop {
        match session.signal() {
            Signal::Stop(sig) => {
                let problems = on_quit(&mut state, &corpus, &graph);
                drop(session);
                // Speakers are told, and the socket goes: die_of runs no
                // destructor.
                drop(room.take());
                tell(&problems);
                die_of(sig);
            }
            other => dirty |= session.follow(other)?,
        }
        if let Some(built) = graph_rx.as_ref().and_then(|rx| arrived(rx, &corpus)) {
            graph = built;
            graph_rx = None;
            graph_arrived(&mut state, &corpus, &graph);
            state.suggested = suggest(&corpus, &graph);
            dirty = true;
        }
        // The size is asked every turn: a resize while suspended sends no event.
        // When it cannot be asked the terminal is gone (its window closed
        // without a SIGHUP reaching us): end rather than spin on a dead tty.
        let Some(size) = session.live_size() else {
            let problems = on_quit(&mut state, &corpus, &graph);
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
        // The import's progress, and its end: the corpus it merged replaces
        // this one, and the search index is built again.
        if let Some(job) = &importing {
            for news in job.news() {
                dirty = true;
                let outcome = match news {
                    import::News::Progress(line) => Outcome::ImportProgress(line),
                    import::News::Done(end) => {
                        importing = None;
                        if let Some((merged, new_graph)) = end.merged {
                            corpus = Arc::new(merged);
                            graph = new_graph;
                            // A graph still being built for the old corpus is dropped.
                            graph_rx = None;
                            state.search.index_in_background(&corpus);
                            state.suggested = suggest(&corpus, &graph);
                        }
                        end.outcome
                    }
                };
                let effects = update(
                    &mut state,
                    &corpus,
                    &graph,
                    Action::Performed(Box::new(outcome)),
                );
                perform(&mut state, &corpus, &graph, effects, &mut std::io::stdout())?;
            }
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
            let effects = update(&mut state, &corpus, &graph, action);
            for effect in perform(&mut state, &corpus, &graph, effects, &mut std::io::stdout())? {
                match effect {
                    Effect::Quit => {
                        let problems = on_quit(&mut state, &corpus, &graph);
                        drop(session);
                        tell(&problems);
                        return Ok(());
                    }
                    Effect::Suspend => session.suspend()?,
                    Effect::Import { path } => {
                        importing = Some(import::Job::start(
                            path,
                            Arc::clone(&corpus),
                            Arc::clone(&wake),
                        ))
                    }
                    _ => {}
                }
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

/// Performs the effects that need neither the terminal session nor a new
/// corpus: saves, the brief, the clipboard (written to `out` as OSC 52).
/// What came of each goes back to `update`, and what that returns is
/// performed next. Returns, in order, the effects left to the loop: quit,
/// suspend, import.
pub fn perform(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    effects: Vec<Effect>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Vec<Effect>> {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut left = Vec::new();
    while let Some(effect) = queue.pop_front() {
        let outcome = match effect {
            Effect::Save(change) => {
                let result = save(&mut state.user, &change);
                Outcome::Saved {
                    change,
                    result,
                    notices: state.user.take_notices(),
                }
            }
            Effect::WriteBrief {
                what,
                name,
                dirs,
                text,
            } => Outcome::Brief {
                what,
                result: write_brief(&name, &dirs, &text),
            },
            Effect::Copy(text) => {
                out.write_all(crate::user::osc52(&text).as_bytes())?;
                out.flush()?;
                continue;
            }
            Effect::Nothing => continue,
            Effect::Quit | Effect::Suspend | Effect::Import { .. } => {
                left.push(effect);
                continue;
            }
        };
        let then = update(state, corpus, graph, Action::Performed(Box::new(outcome)));
        // Before what was queued: they follow from this outcome.
        for e in then.into_iter().rev() {
            queue.push_front(e);
        }
    }
    Ok(left)
}

/// Saves one change through `UserData` (locked, re-read, written
/// atomically). `Ok` holds what the change reports: whether the item is
/// bookmarked now, whether a bookmark moved or was removed, whether the item
/// has a note now.
fn save(user: &mut UserData, change: &Save) -> Result<bool, String> {
    let done = match change {
        Save::ToggleBookmark(item) => user.toggle_bookmark(item),
        Save::MoveBookmark { item, up: true } => user.move_bookmark_up(item),
        Save::MoveBookmark { item, up: false } => user.move_bookmark_down(item),
        Save::RemoveBookmark(item) => user.remove_bookmark(item),
        Save::Note { item, text, .. } => user
            .set_note(item, text.clone())
            .map(|()| user.note(item).is_some()),
        Save::LastPlace(name) => user.save_last_place(name.clone()).map(|()| true),
        Save::Session { spot, visited } => user.save_session(spot.clone(), visited).map(|()| true),
        Save::Decide {
            decision, accept, ..
        } => user.decide(decision.clone(), *accept).map(|()| *accept),
    };
    done.map_err(|e| e.to_string())
}

/// Writes a brief as `name` in the first directory that takes it, under a
/// name no file there has yet.
fn write_brief(name: &str, dirs: &[PathBuf], text: &str) -> Result<PathBuf, String> {
    let mut why = None;
    for dir in dirs {
        match crate::user::brief::write_unused(&dir.join(name), text.as_bytes()) {
            Ok(path) => return Ok(path),
            Err(e) => {
                why.get_or_insert(e);
            }
        }
    }
    Err(why.unwrap_or_else(|| "there is no directory to write it to".into()))
}

/// On the way out: an open note is saved, the place is kept for next time,
/// and whatever could not be saved comes back as text to print once the
/// screen is restored, so no note is lost.
pub fn on_quit(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Vec<String> {
    let mut problems = Vec::new();
    for effect in crate::app::desk::closing(state, corpus, graph) {
        match effect {
            // Told on the normal screen, not in a footer about to vanish.
            Effect::Save(change @ (Save::LastPlace(_) | Save::Session { .. })) => {
                if let Err(e) = save(&mut state.user, &change) {
                    problems.push(format!(
                        "last place not saved: {}",
                        crate::app::desk::why(&e)
                    ));
                }
            }
            effect => {
                // Nothing goes to the terminal on the way out.
                let _ = perform(state, corpus, graph, vec![effect], &mut std::io::sink());
            }
        }
    }
    problems.extend(crate::app::desk::drafts(state));
    problems
}

/// Says on the normal screen what could not be saved on the way out.
fn tell(problems: &[String]) {
    for p in problems {
        eprintln!("treaty: {p}");
    }
}
