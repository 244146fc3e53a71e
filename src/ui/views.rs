//! The analyst's overviews on screen: the concerns with the selected one's
//! passages, the coverage chart, the timeline and the bookmarks list; and
//! the footer hints that matter in them.

use super::pane::Selection;
use super::theme::Theme;
use crate::app::keymap::Action;
use crate::app::state::Overview;
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::screen::Screen;
use ratatui::buffer::Buffer;

pub fn draw(buf: &mut Buffer, theme: &Theme, screen: &Screen, state: &AppState) {
    let View::Overview(o) = state.view() else {
        return;
    };
    let title = crate::app::view::overviews::title(screen.ctx, state, o, PaneId::Document);
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Document,
        &title,
        Selection::Rows,
    );
    if o.has_links() {
        let title = crate::app::view::overviews::title(screen.ctx, state, o, PaneId::Links);
        super::pane::draw_pane(
            buf,
            theme,
            screen,
            state,
            PaneId::Links,
            &title,
            Selection::Rows,
        );
    }
}

/// The keys worth showing in an overview, most useful first.
pub fn hints(state: &AppState) -> Vec<(Action, &'static str)> {
    let mut v = vec![(Action::Help, "help"), (Action::Open, "open")];
    if let View::Overview(Overview::Bookmarks) = state.view() {
        v.push((Action::BookmarkUp, "up"));
        v.push((Action::BookmarkDown, "down"));
        v.push((Action::RemoveBookmark, "remove"));
        v.push((Action::Export, "brief"));
    } else {
        v.push((Action::ToggleBookmark, "bookmark"));
        v.push((Action::Copy, "copy"));
    }
    if !state.history.back.is_empty() {
        v.push((Action::Back, "back"));
    }
    if let View::Overview(Overview::Concerns) = state.view() {
        v.push((Action::NextPane, "pane"));
    }
    v.push((Action::Quit, "quit"));
    v
}
