//! A chapter: its articles with their linked-passage counts, and the passages
//! that cite the chapter as a whole.

use super::pane::Selection;
use crate::app::document;
use crate::app::screen::Screen;
use crate::app::state::{AppState, PaneId};
use ratatui::buffer::Buffer;

pub fn draw(buf: &mut Buffer, screen: &Screen, state: &AppState) {
    let title = document::title(screen.ctx, state, PaneId::Document);
    super::draw_pane(
        buf,
        screen,
        state,
        PaneId::Document,
        &title,
        Selection::Rows,
    );
    let links = super::article::cited_by_title(screen, state);
    super::draw_pane(buf, screen, state, PaneId::Links, &links, Selection::Rows);
}
