//! `update`: the one place the state changes. Every key, click and resize
//! arrives here as an [`Action`].

use super::action::{Action, Effect};
use super::document::{self, Item, OutlineRow};
use super::geometry::help_rect;
use super::pane::Pane;
use super::screen::Screen;
use super::scroll::{self, Anchor, Heights};
use super::state::{AppState, Overlay, PaneId, PaneState, View};
use super::{follow, mouse, navigate};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use ratatui::layout::Rect;

/// Longest go-to input kept; a place name is never this long.
const PROMPT_LIMIT: usize = 80;

/// Applies one action; tells the event loop whether to quit or suspend.
pub fn update(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, action: Action) -> Effect {
    if !matches!(
        action,
        Action::Resize(..) | Action::Mouse(_) | Action::SearchPoll
    ) {
        state.status = None;
    }
    if let Some(effect) = super::search::intercept(state, corpus, graph, action) {
        return effect;
    }
    if let Some(effect) = super::desk::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effect;
    }
    if let Some(effect) = super::modes::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effect;
    }
    match action {
        Action::Quit => return Effect::Quit,
        Action::Suspend => return Effect::Suspend,
        Action::Resize(w, h) => {
            state.size = (w, h);
            settle(state, corpus, graph);
            reveal(state, corpus, graph, state.focus());
        }
        Action::Mouse(m) => mouse::handle(state, corpus, graph, m),
        Action::Help => {
            state.overlay = match state.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { top: 0 }),
            }
        }
        Action::Close => state.overlay = None,
        Action::GoTo => {
            state.overlay = Some(Overlay::GoTo {
                input: String::new(),
            })
        }
        Action::PromptChar(c) => {
            if let Some(Overlay::GoTo { input }) = &mut state.overlay
                && input.chars().count() < PROMPT_LIMIT
                && !c.is_control()
            {
                input.push(c);
            }
        }
        Action::PromptBackspace => {
            if let Some(Overlay::GoTo { input }) = &mut state.overlay {
                input.pop();
            }
        }
        Action::PromptSubmit => navigate::submit_prompt(state, corpus, graph),
        Action::Search => super::search::open(state, corpus),
        Action::SearchPoll => super::search::poll(state, corpus, graph),
        Action::NextMatch => super::occurrence::step(state, corpus, graph, true),
        Action::PrevMatch => super::occurrence::step(state, corpus, graph, false),
        // Keys of the search overlay: `search::intercept` above takes them.
        Action::NextScope
        | Action::OlderQuery
        | Action::NewerQuery
        | Action::PromptDelete
        | Action::PromptClear
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorStart
        | Action::CursorEnd => {}
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            if let Some(Overlay::Help { top }) = state.overlay {
                let top = help_scroll(state, top, &action);
                state.overlay = Some(Overlay::Help { top });
            } else {
                move_in(state, corpus, graph, state.focus(), &action);
            }
        }
        Action::Open => follow::open(state, corpus, graph),
        Action::Expand => outline_toggle(state, corpus, graph, true),
        Action::Collapse => outline_toggle(state, corpus, graph, false),
        Action::NextLink => follow::step_link(state, corpus, graph, true),
        Action::PrevLink => follow::step_link(state, corpus, graph, false),
        Action::NextPane => cycle_focus(state, corpus, graph, 1),
        Action::PrevPane => cycle_focus(state, corpus, graph, PaneId::CYCLE.len() - 1),
        Action::NextArticle => navigate::next_article(state, corpus, graph, true),
        Action::PrevArticle => navigate::next_article(state, corpus, graph, false),
        Action::Back => navigate::back(state, corpus, graph),
        Action::Forward => navigate::forward(state, corpus, graph),
        // Handled by `modes::handle` above.
        Action::Present
        | Action::NextSlide
        | Action::PrevSlide
        | Action::ImportFile
        | Action::ToggleSummary => {}
        // Handled by `desk::handle` above.
        Action::Concerns
        | Action::Coverage
        | Action::Timeline
        | Action::Bookmarks
        | Action::ToggleBookmark
        | Action::BookmarkUp
        | Action::BookmarkDown
        | Action::RemoveBookmark
        | Action::EditNote
        | Action::Edit(_)
        | Action::SaveNote
        | Action::Copy
        | Action::Export => {}
    }
    settle(state, corpus, graph);
    Effect::Nothing
}

fn help_scroll(state: &AppState, top: usize, action: &Action) -> usize {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    let lines = super::helprows::rows_for(area).len();
    let rows = usize::from(help_rect(area, lines).height.saturating_sub(2)).max(1);
    let max = lines.saturating_sub(rows);
    let top = match action {
        Action::Up => top.saturating_sub(1),
        Action::Down => top + 1,
        Action::PageUp => top.saturating_sub(rows.saturating_sub(1).max(1)),
        Action::PageDown => top + rows.saturating_sub(1).max(1),
        Action::Top => 0,
        _ => max,
    };
    top.min(max)
}

fn cycle_focus(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, by: usize) {
    let i = PaneId::CYCLE
        .iter()
        .position(|p| *p == state.focus())
        .unwrap_or(0);
    state.here.focus = PaneId::CYCLE[(i + by) % PaneId::CYCLE.len()];
    settle(state, corpus, graph);
    reveal(state, corpus, graph, state.focus());
}

/// Keeps every visible pane's scroll and selection inside its entries.
pub fn settle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    // Settling moves scrolls and selections only, never the panes.
    let layout = Screen::new(state, corpus, graph).layout;
    for id in PaneId::CYCLE {
        let fixed = {
            let screen = Screen {
                layout,
                ctx: document::ctx(state, corpus, graph),
            };
            screen
                .pane(state, id)
                .map(|pane| settled(&pane, *state.pane(id)))
        };
        if let Some(ps) = fixed {
            *state.pane_mut(id) = ps;
        }
    }
    super::text_links::forget_hidden(state, corpus, graph);
}

fn settled(pane: &Pane, mut ps: PaneState) -> PaneState {
    ps.top = scroll::clamp(pane, pane.rows, ps.top);
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
                .then(|| scroll::reveal(&pane, pane.rows, ps.top, ps.selected))
        })
    };
    if let Some(top) = top {
        state.pane_mut(id).top = top;
    }
}

/// Moves the selection (or scrolls, where nothing is selectable) in a pane.
pub fn move_in(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    id: PaneId,
    action: &Action,
) {
    let before = document::selected_passage(document::ctx(state, corpus, graph), state);
    let moved = {
        let screen = Screen::new(state, corpus, graph);
        screen
            .pane(state, id)
            .map(|pane| moved(&pane, *state.pane(id), action))
    };
    let Some(ps) = moved else { return };
    *state.pane_mut(id) = ps;
    passage_changed(state, corpus, graph, before);
}

/// A new paragraph selected in a source: its links start from the first.
pub fn passage_changed(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    before: Option<crate::corpus::PassageId>,
) {
    let ctx = document::ctx(state, corpus, graph);
    if document::selected_passage(ctx, state) != before {
        state.here.links = PaneState::default();
    }
}

fn moved(pane: &Pane, ps: PaneState, action: &Action) -> PaneState {
    let view = pane.rows.max(1);
    let page = view.saturating_sub(1).max(1) as isize;
    let mut ps = settled(pane, ps);
    let top = ps.top;
    if !pane.has_selection() {
        ps.top = match action {
            Action::Up => scroll::scroll(pane, view, top, -1),
            Action::Down => scroll::scroll(pane, view, top, 1),
            Action::PageUp => scroll::scroll(pane, view, top, -page),
            Action::PageDown => scroll::scroll(pane, view, top, page),
            Action::Top => Anchor::TOP,
            _ => scroll::max_anchor(pane, view),
        };
        return ps;
    }
    let sel = ps.selected;
    let shown = scroll::is_visible(pane, view, top, sel);
    match action {
        Action::Down | Action::Up if !shown => ps.top = scroll::reveal(pane, view, top, sel),
        Action::Down => {
            if !scroll::bottom_visible(pane, view, top, sel) {
                ps.top = scroll::scroll(pane, view, top, 1);
            } else if let Some(next) = pane.step(sel, true) {
                ps.selected = next;
                ps.top = scroll::reveal(pane, view, top, next);
            } else {
                ps.top = scroll::scroll(pane, view, top, 1);
            }
        }
        Action::Up => {
            if top.item == sel && top.line > 0 {
                ps.top = scroll::scroll(pane, view, top, -1);
            } else if let Some(prev) = pane.step(sel, false) {
                ps.selected = prev;
                let h = pane.height(prev);
                ps.top = if h > view {
                    // Reading upwards, land on the end of a long paragraph.
                    scroll::clamp(
                        pane,
                        view,
                        Anchor {
                            item: prev,
                            line: h - view,
                        },
                    )
                } else {
                    scroll::reveal(pane, view, top, prev)
                };
            } else {
                ps.top = scroll::scroll(pane, view, top, -1);
            }
        }
        Action::PageDown => {
            ps.top = scroll::scroll(pane, view, top, page);
            if ps.top == top {
                ps.selected = pane.last_selectable().unwrap_or(sel);
                ps.top = scroll::reveal(pane, view, ps.top, ps.selected);
            } else if !scroll::is_visible(pane, view, ps.top, sel) {
                ps.selected = visible_selectable(pane, view, ps.top, true).unwrap_or(sel);
            }
        }
        Action::PageUp => {
            ps.top = scroll::scroll(pane, view, top, -page);
            if ps.top == top {
                ps.selected = pane.first_selectable().unwrap_or(sel);
                ps.top = scroll::reveal(pane, view, ps.top, ps.selected);
            } else if !scroll::is_visible(pane, view, ps.top, sel) {
                ps.selected = visible_selectable(pane, view, ps.top, false).unwrap_or(sel);
            }
        }
        Action::Top => {
            ps.top = Anchor::TOP;
            ps.selected = pane.first_selectable().unwrap_or(sel);
        }
        _ => {
            ps.top = scroll::max_anchor(pane, view);
            ps.selected = pane.last_selectable().unwrap_or(sel);
        }
    }
    ps
}

/// The first (or last) selectable entry on screen, preferring one whose
/// first line shows.
fn visible_selectable(pane: &Pane, view: usize, top: Anchor, first: bool) -> Option<usize> {
    let shown = scroll::visible(pane, view, top);
    let mut candidates: Vec<(usize, bool)> = shown
        .iter()
        .filter(|(i, ..)| pane.selectable(*i))
        .map(|(i, from, ..)| (*i, *from == 0))
        .collect();
    if !first {
        candidates.reverse();
    }
    candidates
        .iter()
        .find(|(_, whole)| *whole)
        .or(candidates.first())
        .map(|(i, _)| *i)
}

/// Outline: show or hide a chapter's articles (on an article: hide its chapter's).
fn outline_toggle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, expand: bool) {
    if state.focus() != PaneId::Outline {
        return;
    }
    let row = {
        let screen = Screen::new(state, corpus, graph);
        let pane = screen.build(state, PaneId::Outline, 1, 1);
        match pane.items.get(state.outline.pane.selected) {
            Some(Item::Outline(r)) => Some(*r),
            _ => None,
        }
    };
    let chapter = match row {
        Some(OutlineRow::Chapter(n)) => n,
        Some(OutlineRow::Article(n)) if !expand => match corpus.article(n) {
            Some(a) => a.chapter,
            None => return,
        },
        _ => return,
    };
    let open = state.outline.is_expanded(chapter);
    let mut select = OutlineRow::Chapter(chapter);
    if expand && !open {
        state.outline.expanded.push(chapter);
    } else if expand {
        // Already open: step into its first article.
        if let Some(a) = corpus.chapter(chapter).and_then(|c| c.articles.first()) {
            select = OutlineRow::Article(a.number);
        }
    } else {
        state.outline.expanded.retain(|c| *c != chapter);
    }
    select_outline_row(state, corpus, graph, select);
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
