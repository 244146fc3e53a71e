//! Settling after a change: every visible pane's scroll and selection kept
//! inside its entries, a selection scrolled into view, the outline following
//! the view, a citation no longer on screen forgotten. Handlers call these;
//! these call no handler.

use crate::app::state::AppState;
use crate::app::state::PaneId;
use crate::app::state::PaneState;
use crate::app::state::View;
use crate::app::view::citations::view_links;
use crate::app::view::entry::Item;
use crate::app::view::entry::OutlineRow;
use crate::app::view::pane::Pane;
use crate::app::view::screen::Screen;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;

/// Keeps every visible pane's scroll and selection inside its entries.
pub fn settle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    // Settling moves scrolls and selections only, never the panes.
    let layout = Screen::new(state, corpus, graph).layout;
    for id in PaneId::CYCLE {
        let fixed = {
            let screen = Screen {
                layout,
                ctx: crate::app::view::entry::ctx(state, corpus, graph),
            };
            screen
                .pane(state, id)
                .map(|pane| settled(&pane, *state.pane(id)))
        };
        if let Some(ps) = fixed {
            *state.pane_mut(id) = ps;
        }
    }
    crate::app::settle::forget_hidden(state, corpus, graph);
}

pub fn settled(pane: &Pane, mut ps: PaneState) -> PaneState {
    ps.top = crate::app::scroll::clamp(pane, pane.rows, ps.top);
    if pane.has_selection() && !pane.selectable(ps.selected) {
        ps.selected = nearest_selectable(pane, ps.selected);
    }
    ps
}

fn nearest_selectable(pane: &Pane, from: usize) -> usize {
    pane.step(from, false)
        .or_else(|| pane.step(from, true))
        .or_else(|| pane.first_selectable())
        .unwrap_or(0)
}

/// Scrolls pane `id` so its selection is in view (when the pane is on screen).
pub fn reveal(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, id: PaneId) {
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, id).and_then(|pane| {
            let ps = state.pane(id);
            pane.has_selection()
                .then(|| crate::app::scroll::reveal(&pane, pane.rows, ps.top, ps.selected))
        })
    };
    if let Some(top) = top {
        state.pane_mut(id).top = top;
    }
}

/// Puts the outline's selection on `row` and scrolls to it.
pub fn select_outline_row(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    row: OutlineRow,
) {
    let index = {
        let screen = Screen::new(state, corpus, graph);
        let pane = screen.build(state, PaneId::Outline, 1, 1);
        pane.items.iter().position(|it| *it == Item::Outline(row))
    };
    if let Some(i) = index {
        state.outline.pane.selected = i;
        reveal(state, corpus, graph, PaneId::Outline);
    }
}

/// The outline follows the view: its chapter open, its row selected.
pub fn sync_outline(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let row = match state.view() {
        View::Preamble => OutlineRow::Preamble,
        View::Chapter(n) => {
            if !state.outline.is_expanded(n) {
                state.outline.expanded.push(n);
            }
            OutlineRow::Chapter(n)
        }
        View::Article(n) => {
            if let Some(a) = corpus.article(n)
                && !state.outline.is_expanded(a.chapter)
            {
                state.outline.expanded.push(a.chapter);
            }
            OutlineRow::Article(n)
        }
        View::Source(i) => OutlineRow::Source(i),
        // The overviews have no row in the outline: it stays as it was.
        View::Overview(_) => return,
    };
    select_outline_row(state, corpus, graph, row);
}

/// The current citation is forgotten once scrolled off screen, so Enter never
/// follows a link the reader cannot see, and once the text it was in is no
/// longer shown (`s` shows the summary).
pub fn forget_hidden(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(k) = state.here.cite else {
        return;
    };
    let keep = {
        let screen = Screen::new(state, corpus, graph);
        match view_links(screen.ctx, state.view()) {
            Some((item, cites)) if k < cites.len() => {
                match screen.pane(state, PaneId::Document) {
                    Some(pane) => {
                        let c = &cites[k];
                        let rows = pane.rows.max(1);
                        let first = pane.line_of(item, c.span.start);
                        let last =
                            pane.line_of(item, c.span.end.saturating_sub(1).max(c.span.start));
                        crate::app::scroll::row_of(&pane, state.here.document.top, item, rows)
                            .is_some_and(|r| {
                                r + last as isize >= 0 && r + (first as isize) < rows as isize
                            })
                    }
                    // The text is not on screen (a small terminal showing the links).
                    None => true,
                }
            }
            _ => false,
        }
    };
    if !keep {
        state.here.cite = None;
    }
}
