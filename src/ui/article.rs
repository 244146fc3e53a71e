//! An article (or the preamble): its heading, chapter and text, the summary
//! labelled as not the authentic text, and every passage that cites it.

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
    super::draw_pane(
        buf,
        screen,
        state,
        PaneId::Links,
        &cited_by_title(screen, state),
        Selection::Rows,
    );
}

/// `Cited by (12: 9 cited, 3 inferred)`
pub fn cited_by_title(screen: &Screen, state: &AppState) -> String {
    let Some(target) = state.view().target() else {
        return document::title(screen.ctx, state, PaneId::Links);
    };
    let links = screen.ctx.graph.cited_by(target);
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    let base = document::title(screen.ctx, state, PaneId::Links);
    if links.is_empty() {
        return base;
    }
    let base = base
        .trim_end_matches(&format!(" ({})", links.len()))
        .to_string();
    format!(
        "{base} ({}: {cited} cited, {} inferred)",
        links.len(),
        links.len() - cited
    )
}
