//! The outline: preamble, chapters (open to their articles) with how many
//! passages are linked to each article, then the sources.

use super::pane::Selection;
use super::theme::Theme;
use crate::app::state::{AppState, PaneId};
use crate::app::view::screen::Screen;
use ratatui::buffer::Buffer;

pub fn draw(buf: &mut Buffer, theme: &Theme, screen: &Screen, state: &AppState) {
    // The numbers on the right need a word of explanation where it fits.
    let wide = screen.layout.outline.is_some_and(|r| r.width >= 30);
    let title = if wide {
        "Outline · linked passages"
    } else {
        "Outline"
    };
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Outline,
        title,
        Selection::RowsWhenFocused,
    );
}
