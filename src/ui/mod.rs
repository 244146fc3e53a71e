//! Drawing the explorer: `draw` is a pure function of the app state (the wrap
//! cache inside it aside). What each pane lists comes from `app::document`;
//! here it is given a look.

mod article;
mod footer;
mod help;
pub mod layout;
mod note;
mod outline;
mod pane;
pub mod present;
pub mod search;
mod source;
pub mod theme;
pub mod views;

use crate::app::scroll::Anchor;
use crate::app::state::{AppState, Overlay, PaneId, View};
use crate::app::view::screen::Screen;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use ratatui::Frame;
use ratatui::buffer::Buffer;

pub fn draw(frame: &mut Frame, state: &AppState, corpus: &Corpus, graph: &LinkGraph) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme::base());
    if let Some(Overlay::Present(p)) = &state.overlay {
        present::draw(frame.buffer_mut(), area, p, corpus, graph);
        return;
    }
    let screen = Screen::with_area(state, corpus, graph, area);
    if screen.layout.too_small {
        layout::too_small(frame.buffer_mut(), area);
        return;
    }
    {
        let buf = frame.buffer_mut();
        outline::draw(buf, &screen, state);
        if let Some(sep) = screen.layout.separator {
            layout::separator(buf, sep);
        }
        match state.view() {
            View::Article(_) | View::Preamble | View::Chapter(_) => {
                article::draw(buf, &screen, state)
            }
            View::Source(_) => source::draw(buf, &screen, state),
            View::Overview(_) => views::draw(buf, &screen, state),
        }
    }
    footer::draw(frame, &screen, state);
    note::draw(frame, &screen, state);
    if let Some(Overlay::Help { top }) = &state.overlay {
        help::draw(frame.buffer_mut(), area, *top);
    }
    if let Some(Overlay::Search(o)) = &state.overlay {
        search::draw(frame, o, corpus, state.search.engine.indexing());
    }
}

/// Draws pane `id` with its title, if it is on screen.
fn draw_pane(
    buf: &mut Buffer,
    screen: &Screen,
    state: &AppState,
    id: PaneId,
    title: &str,
    sel: pane::Selection,
) {
    let (Some(frame), Some(content)) = (screen.layout.frame(id), screen.layout.content(id)) else {
        return;
    };
    let focused = state.focus() == id;
    let Some(p) = screen.pane(state, id) else {
        layout::title_bar(buf, frame, title, focused, false);
        return;
    };
    let ps = state.pane(id);
    let above = ps.top != Anchor::TOP;
    let below = ps.top < crate::app::scroll::max_anchor(&p, p.rows);
    layout::title_bar(buf, frame, title, focused, above || below);
    pane::draw(buf, content, &p, ps, focused, sel);
    layout::scroll_marks(buf, frame, above, below);
}
