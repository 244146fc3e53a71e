//! A source: its bibliographic data (unknown shown as unknown), its numbered
//! paragraphs with citations underlined as links and inferred links beside
//! them, and the links of the selected paragraph.

use super::pane::Selection;
use super::theme::Theme;
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::screen::Screen;
use ratatui::buffer::Buffer;

pub fn draw(buf: &mut Buffer, theme: &Theme, screen: &Screen, state: &AppState) {
    let mut title = String::from("Source");
    if let View::Source(i) = state.view()
        && let Some(s) = screen.ctx.corpus.sources.get(i)
    {
        title = format!("Source: {}", s.marked_name());
        if let Some(p) = crate::app::view::document::selected_passage(screen.ctx, state) {
            title = format!("{title} · ¶ {} of {}", p.index + 1, s.passages.len());
        }
    }
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Document,
        &title,
        Selection::Gutter,
    );
    let links = crate::app::view::document::title(screen.ctx, state, PaneId::Links);
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Links,
        &links,
        Selection::Rows,
    );
}
