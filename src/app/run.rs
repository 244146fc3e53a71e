//! The event loop: terminal events become actions through the key table,
//! `update` applies them, the screen is drawn again. Draws only after
//! something changed; several queued events are applied before one draw, so
//! holding a key never lags behind.

use super::action::{Action, Effect, MouseInput, MouseKind};
use super::keymap::{self, Mode};
use super::state::{AppState, Overlay};
use super::{RunOptions, navigate, update::update};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::terminal::{Session, Signal, die_of};
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use std::time::Duration;

/// How often signals are looked at while no key comes.
const TICK: Duration = Duration::from_millis(150);

/// Events applied before signals are checked and the screen is drawn again.
const MAX_BATCH: usize = 256;

/// The key table a state listens to.
pub fn mode(state: &AppState) -> Mode {
    match state.overlay {
        Some(Overlay::Help { .. }) => Mode::Help,
        Some(Overlay::GoTo { .. }) => Mode::Prompt,
        None => Mode::Normal,
    }
}

/// What a terminal event means, if anything.
pub fn action_of(state: &AppState, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for(mode(state), k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
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

pub fn run(corpus: Corpus, opts: RunOptions) -> anyhow::Result<()> {
    let graph = LinkGraph::build(&corpus);
    let mut session = Session::enter(opts.mouse)?;
    let mut state = navigate::start(&corpus, &graph, opts.start, session.size(), opts.mouse);
    let mut dirty = true;
    loop {
        match session.signal() {
            Signal::Stop(sig) => {
                drop(session);
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
        // The size is asked every turn: a resize while suspended sends no event.
        // When it cannot be asked the terminal is gone (its window closed
        // without a SIGHUP reaching us): end rather than spin on a dead tty.
        let Some(size) = session.live_size() else {
            return Ok(());
        };
        if size != state.size {
            update(&mut state, &corpus, &graph, Action::Resize(size.0, size.1));
            dirty = true;
        }
        if dirty {
            session
                .terminal
                .draw(|frame| crate::ui::draw(frame, &state, &corpus, &graph))?;
            dirty = false;
        }
        let mut wait = TICK;
        // A bounded batch: signals are looked at between batches, so a flood
        // of events (or a hung-up terminal that always reads as ready) cannot
        // keep SIGHUP and SIGTERM from being seen.
        let mut batch = 0;
        while batch < MAX_BATCH && event::poll(wait)? {
            wait = Duration::ZERO;
            batch += 1;
            let Some(action) = action_of(&state, event::read()?) else {
                continue;
            };
            dirty = true;
            match update(&mut state, &corpus, &graph, action) {
                Effect::Quit => return Ok(()),
                Effect::Suspend => session.suspend()?,
                Effect::Nothing => {}
            }
        }
    }
}
