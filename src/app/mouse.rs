//! The mouse: the wheel scrolls the pane under the pointer, a click selects,
//! a click on a link (or on the entry already selected) follows it.

use super::action::{MouseInput, MouseKind};
use super::document::Item;
use super::follow;
use super::lines::piece_at;
use super::screen::Screen;
use super::scroll;
use super::state::{AppState, Overlay, PaneId};
use super::update::{passage_changed, settle};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: isize = 3;

pub fn handle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, m: MouseInput) {
    match &state.overlay {
        Some(Overlay::Help { .. }) => {
            let action = match m.kind {
                MouseKind::WheelUp => super::action::Action::Up,
                MouseKind::WheelDown => super::action::Action::Down,
                MouseKind::Click => return,
            };
            super::update::update(state, corpus, graph, action);
            return;
        }
        Some(Overlay::GoTo { .. } | Overlay::Note { .. } | Overlay::Import { .. }) => return,
        // `search::intercept` takes the mouse while the overlay is open.
        Some(Overlay::Search(_)) => return,
        Some(Overlay::Present(_)) => {
            let action = match m.kind {
                MouseKind::WheelUp => super::action::Action::PrevSlide,
                MouseKind::WheelDown => super::action::Action::NextSlide,
                MouseKind::Click => return,
            };
            super::update::update(state, corpus, graph, action);
            return;
        }
        None => {}
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
                Hit::Scroll(id, scroll::scroll(&pane, pane.rows, top, delta))
            }
            MouseKind::Click if m.row == frame.y || m.row < content.y => Hit::Focus(id),
            MouseKind::Click => {
                let row = usize::from(m.row - content.y);
                let col = usize::from(m.column.saturating_sub(content.x));
                match scroll::at_row(&pane, top, row) {
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
        Hit::Cite(k) => super::text_links::click(state, corpus, graph, k),
    }
    settle(state, corpus, graph);
}

enum Hit {
    Scroll(PaneId, scroll::Anchor),
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
    let before =
        super::document::selected_passage(super::document::ctx(state, corpus, graph), state);
    state.here.focus = id;
    state.pane_mut(id).selected = item;
    passage_changed(state, corpus, graph, before);
    let is_passage = matches!(
        follow::selected_item(state, corpus, graph, id),
        Some(Item::Passage(_))
    );
    match (is_passage, link) {
        // A citation or an inferred link in a paragraph: make it current, follow it.
        (true, Some(k)) => {
            state.here.links.selected = k;
            follow::open(state, corpus, graph);
        }
        (true, None) => {}
        // In the outline a click only selects; a second click opens.
        (false, Some(_)) if id != PaneId::Outline => follow::open(state, corpus, graph),
        (false, _) if again => follow::open(state, corpus, graph),
        _ => {}
    }
}
