//! Drawing the explorer: `draw` is a pure function of the app state (the view
//! cache inside it aside). What each pane lists comes from `app::view`; here
//! it is given a look. `ui` reads `app` through its state, view and keymap
//! only.

mod article;
mod footer;
mod help;
mod index;
pub mod layout;
mod note;
mod outline;
mod pane;
pub mod present;
pub mod search;
mod source;
pub mod speaker;
mod start;
pub mod theme;
pub mod views;

use crate::app::state::{AppState, Overlay, View};
use crate::app::view::screen::Screen;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use ratatui::Frame;

pub fn draw(
    frame: &mut Frame,
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    theme: &theme::Theme,
) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base());
    if let Some(Overlay::Present(p)) = &state.overlay {
        present::draw(frame.buffer_mut(), theme, area, p, corpus, graph);
        return;
    }
    if let Some(Overlay::Start { places, selected }) = &state.overlay {
        if area.width < crate::app::view::geometry::MIN_WIDTH
            || area.height < crate::app::view::geometry::MIN_HEIGHT
        {
            layout::too_small(frame.buffer_mut(), theme, area);
        } else {
            let status = state.status.as_ref();
            let keys = &state.keymap;
            // Under the start screen of a first launch is the preamble, with
            // the outline to browse; otherwise the place the user was.
            let close = if state.history.back.is_empty() && state.view() == View::Preamble {
                "browse the outline"
            } else {
                "close"
            };
            start::draw(
                frame.buffer_mut(),
                theme,
                area,
                corpus,
                keys,
                places,
                *selected,
                status,
                close,
            );
        }
        return;
    }
    let screen = Screen::with_area(state, corpus, graph, area);
    if screen.layout.too_small {
        layout::too_small(frame.buffer_mut(), theme, area);
        return;
    }
    {
        let buf = frame.buffer_mut();
        outline::draw(buf, theme, &screen, state);
        for sep in [screen.layout.separator, screen.layout.separator2]
            .into_iter()
            .flatten()
        {
            layout::separator(buf, theme, sep);
        }
        match state.view() {
            View::Article(_) | View::Preamble | View::Chapter(_) => {
                article::draw(buf, theme, &screen, state)
            }
            View::Source(_) => source::draw(buf, theme, &screen, state),
            View::Overview(_) => views::draw(buf, theme, &screen, state),
        }
    }
    footer::draw(frame, theme, &screen, state);
    note::draw(frame, theme, &screen, state);
    if let Some(Overlay::Help { top }) = &state.overlay {
        help::draw(frame.buffer_mut(), theme, area, &state.keymap, *top);
    }
    if let Some(Overlay::Index(o)) = &state.overlay {
        index::draw(frame.buffer_mut(), theme, area, o, corpus, &state.keymap);
    }
    if let Some(Overlay::Search(o)) = &state.overlay {
        search::draw(frame, theme, o, corpus, state.search.engine.indexing());
    }
}
