//! An article, the preamble or a chapter: the document pane (heading, text,
//! the summary labelled as not the authentic text; or a chapter's articles
//! with their linked-passage counts) and every passage that cites it.

use super::pane::Selection;
use super::theme::Theme;
use crate::app::state::{AppState, PaneId};
use crate::app::view::screen::Screen;
use ratatui::buffer::Buffer;

pub fn draw(buf: &mut Buffer, theme: &Theme, screen: &Screen, state: &AppState) {
    let title = crate::app::view::document::title(screen.ctx, state, PaneId::Document);
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Document,
        &title,
        Selection::Rows,
    );
    super::pane::draw_pane(
        buf,
        theme,
        screen,
        state,
        PaneId::Links,
        &cited_by_title(screen, state),
        Selection::Rows,
    );
}

/// `Cited by (12: 9 cited, 3 inferred) · 2 suggested`
fn cited_by_title(screen: &Screen, state: &AppState) -> String {
    let title = links_title(screen, state);
    let suggested = state.view().target().map_or(0, |t| {
        crate::app::view::suggested_lines::for_target(state, screen.ctx.corpus, t)
            .iter()
            .filter(|e| matches!(e, crate::app::view::entry::Item::Suggested(s) if !s.accepted))
            .count()
    });
    if suggested == 0 {
        return title;
    }
    format!("{title} · {suggested} suggested")
}

fn links_title(screen: &Screen, state: &AppState) -> String {
    let base = crate::app::view::document::title(screen.ctx, state, PaneId::Links);
    let Some(target) = state.view().target() else {
        return base;
    };
    let links = screen.ctx.graph.cited_by(target);
    if links.is_empty() {
        return base;
    }
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    let base = base.trim_end_matches(&format!(" ({})", links.len()));
    format!(
        "{base} ({}: {cited} cited, {} inferred)",
        links.len(),
        links.len() - cited
    )
}
