//! An article, the preamble or a chapter: the document pane (heading, text,
//! the summary labelled as not the authentic text; or a chapter's articles
//! with their linked-passage counts) and every passage that cites it.

use super::pane::{Selection, to_line};
use super::theme::Theme;
use crate::app::state::{AppState, PaneId};
use crate::app::view::entry::Item;
use crate::app::view::lines::{Piece, Role};
use crate::app::view::pane::Pane;
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
    if let (Some(bar), Some(content)) = (screen.layout.bar, screen.layout.content(PaneId::Links)) {
        let line =
            crate::app::view::cited_by::bar(screen.ctx, &state.cited, usize::from(content.width));
        buf.set_line(content.x, bar.y, &to_line(theme, &line), content.width);
    }
    reading(buf, theme, screen, state);
}

/// The reading pane: the selected Cited by passage in full, beside the list.
fn reading(buf: &mut Buffer, theme: &Theme, screen: &Screen, state: &AppState) {
    let (Some(frame), Some(area)) = (screen.layout.reading, screen.layout.reading_content()) else {
        return;
    };
    let items = crate::app::view::document::items(screen.ctx, state, PaneId::Links);
    let entry = match items.get(state.here.links.selected) {
        Some(Item::CitedBy { target, index }) => Some((*target, *index)),
        _ => None,
    };
    let name = entry
        .and_then(|(t, i)| screen.ctx.graph.cited_by(t).get(i).copied())
        .and_then(|l| {
            let s = screen.ctx.corpus.sources.get(l.passage.source)?;
            Some(format!(
                "{} ¶ {}",
                crate::text::one_line(&s.marked_name()),
                l.passage.index + 1
            ))
        });
    let title = match &name {
        Some(n) => format!("Reading: {n}"),
        None => "Reading".to_string(),
    };
    let Some((target, index)) = entry else {
        super::layout::title_bar(buf, theme, frame, &title, false, false);
        return;
    };
    let pane = Pane::new(
        PaneId::Links,
        std::rc::Rc::new(Vec::new()),
        usize::from(area.width),
        usize::from(area.height),
        screen.ctx,
    );
    let mut lines = pane.passage_in_full(target, index);
    let rows = usize::from(area.height);
    let cut = lines.len() > rows;
    super::layout::title_bar(buf, theme, frame, &title, false, cut);
    if cut {
        // Never cut silently: the list reads the rest in place.
        lines.truncate(rows.saturating_sub(1));
        let key = crate::app::keymap::first_key(
            &state.keymap,
            crate::app::keymap::Mode::Normal,
            &crate::app::keymap::Action::ReadHere,
        )
        .unwrap_or_default();
        lines.push(vec![Piece::new(
            format!("… the rest: {key} shows it whole in Cited by"),
            Role::Note,
        )]);
    }
    for (k, line) in lines.iter().enumerate().take(rows) {
        buf.set_line(area.x, area.y + k as u16, &to_line(theme, line), area.width);
    }
    super::layout::scroll_marks(buf, frame, false, cut);
}

/// `Cited by (12: 9 cited, 3 inferred) · 2 suggested`
fn cited_by_title(screen: &Screen, state: &AppState) -> String {
    let title = links_title(screen, state);
    // The pending suggestions the filter keeps (the user's own are inferred).
    let suggested = state.view().target().map_or(0, |t| {
        crate::app::view::cited_by::suggested_shown(state, screen.ctx.corpus, t)
            .iter()
            .filter(|s| !s.accepted)
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
    // A filtered list says "5 of 11" instead.
    if links.is_empty() || !base.ends_with(&format!(" ({})", links.len())) {
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
