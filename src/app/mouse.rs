//! The mouse: the wheel scrolls the pane under the pointer, a click selects,
//! a click on a link (or on the entry already selected) follows it.

use crate::app::action::{Action, MouseInput, MouseKind};
use crate::app::nav::passage_changed;
use crate::app::settle::settle;
use crate::app::state::{AppState, Overlay, PaneId};
use crate::app::view::entry::Item;
use crate::app::view::lines::piece_at;
use crate::app::view::screen::Screen;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: isize = 3;

/// The action a wheel turn stands for over an overlay that scrolls or steps
/// (the help, the slides); `update` applies it as if the key were pressed.
pub fn overlay_action(state: &AppState, m: MouseInput) -> Option<Action> {
    match (&state.overlay, m.kind) {
        (Some(Overlay::Help { .. }), MouseKind::WheelUp) => Some(Action::Up),
        (Some(Overlay::Help { .. }), MouseKind::WheelDown) => Some(Action::Down),
        (Some(Overlay::Present(_)), MouseKind::WheelUp) => Some(Action::PrevSlide),
        (Some(Overlay::Present(_)), MouseKind::WheelDown) => Some(Action::NextSlide),
        _ => None,
    }
}

/// A click or a wheel turn over the views; over an overlay it does nothing
/// (the search overlay takes the mouse itself, see `search::intercept`).
pub fn handle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, m: MouseInput) {
    if state.overlay.is_some() {
        return;
    }
    let hit = {
        let screen = Screen::new(state, corpus, graph);
        let layout = screen.layout;
        let Some(id) = layout.pane_at(m.column, m.row) else {
            return;
        };
        let (Some(frame), Some(content)) = (layout.frame(id), layout.content(id)) else {
            return;
        };
        let Some(pane) = screen.pane(state, id) else {
            return;
        };
        let top = state.pane(id).top;
        match m.kind {
            MouseKind::WheelUp | MouseKind::WheelDown => {
                let delta = if m.kind == MouseKind::WheelUp {
                    -WHEEL_LINES
                } else {
                    WHEEL_LINES
                };
                Hit::Scroll(id, crate::app::scroll::scroll(&pane, pane.rows, top, delta))
            }
            MouseKind::Click if m.row == frame.y || m.row < content.y => Hit::Focus(id),
            MouseKind::Click => {
                let row = usize::from(m.row - content.y);
                let col = usize::from(m.column.saturating_sub(content.x));
                match crate::app::scroll::at_row(&pane, top, row) {
                    Some((item, line)) if pane.selectable(item) => {
                        let link = pane
                            .lines(item, line, 1)
                            .first()
                            .and_then(|l| piece_at(l, col).and_then(|p| p.link));
                        Hit::Entry { id, item, link }
                    }
                    // A citation inside an authentic text.
                    Some((item, line)) if matches!(pane.items.get(item), Some(Item::Body(_))) => {
                        let link = pane
                            .lines(item, line, 1)
                            .first()
                            .and_then(|l| piece_at(l, col).and_then(|p| p.link));
                        match link {
                            Some(k) => Hit::Cite(k),
                            None => Hit::Focus(id),
                        }
                    }
                    _ => Hit::Focus(id),
                }
            }
        }
    };
    match hit {
        Hit::Scroll(id, top) => state.pane_mut(id).top = top,
        Hit::Focus(id) => state.here.focus = id,
        Hit::Entry { id, item, link } => click_entry(state, corpus, graph, id, item, link),
        Hit::Cite(k) => crate::app::links::click(state, corpus, graph, k),
    }
    settle(state, corpus, graph);
}

enum Hit {
    Scroll(PaneId, crate::app::scroll::Anchor),
    Focus(PaneId),
    Entry {
        id: PaneId,
        item: usize,
        link: Option<usize>,
    },
    /// Citation `k` of the authentic text the view shows.
    Cite(usize),
}

fn click_entry(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    id: PaneId,
    item: usize,
    link: Option<usize>,
) {
    let again = state.focus() == id && state.pane(id).selected == item;
    let before = crate::app::view::document::selected_passage(
        crate::app::view::entry::ctx(state, corpus, graph),
        state,
    );
    state.here.focus = id;
    state.here.entered |= id != PaneId::Outline;
    state.pane_mut(id).selected = item;
    passage_changed(state, corpus, graph, before);
    let is_passage = matches!(
        crate::app::nav::selected_item(state, corpus, graph, id),
        Some(Item::Passage(_))
    );
    match (is_passage, link) {
        // A citation or an inferred link in a paragraph: make it current, follow it.
        (true, Some(k)) => {
            state.here.links.selected = k;
            crate::app::links::open(state, corpus, graph);
        }
        (true, None) => {}
        // In the outline a click only selects; a second click opens.
        (false, Some(_)) if id != PaneId::Outline => crate::app::links::open(state, corpus, graph),
        (false, _) if again => crate::app::links::open(state, corpus, graph),
        _ => {}
    }
}
