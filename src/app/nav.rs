//! Moving between places: opening a view, the history, next/previous article,
//! the go-to prompt and the place the explorer starts at.

use crate::app::action::Action;
use crate::app::scroll::Anchor;
use crate::app::scroll::Heights;
use crate::app::settle::{reveal, settle, sync_outline};
use crate::app::settle::{select_outline_row, settled};
use crate::app::state::{AppState, Location, Overlay, PaneId, PaneState, View};
use crate::app::view::entry::Item;
use crate::app::view::entry::OutlineRow;
use crate::app::view::entry::ctx;
use crate::app::view::geometry::help_rect;
use crate::app::view::pane::Pane;
use crate::app::view::screen::Screen;
use crate::corpus::PassageId;
use crate::corpus::Target;
use crate::corpus::{Corpus, Place};
use crate::refs::graph::LinkGraph;
use ratatui::layout::Rect;

/// The explorer's first state: at `start`, or at the preamble with the
/// outline focused.
pub fn start(
    corpus: &Corpus,
    graph: &LinkGraph,
    start: Option<Place>,
    size: (u16, u16),
    mouse: bool,
) -> AppState {
    let view = start
        .map(View::from_place)
        .filter(|v| exists(corpus, *v))
        .unwrap_or(View::Preamble);
    let mut state = AppState::blank(view, size, mouse);
    state.here = fresh(corpus, graph, &state, view);
    if start.is_none() {
        state.here.focus = PaneId::Outline;
    }
    sync_outline(&mut state, corpus, graph);
    settle(&mut state, corpus, graph);
    reveal_view(&mut state, corpus, graph);
    state
}

fn exists(corpus: &Corpus, view: View) -> bool {
    match view {
        View::Preamble => true,
        View::Chapter(n) => corpus.chapter(n).is_some(),
        View::Article(n) => corpus.article(n).is_some(),
        View::Source(i) => i < corpus.sources.len(),
        View::Overview(_) => true,
    }
}

/// A view as it opens: at its top, its first entry selected, the view itself
/// focused, so what `b`, `e`, `y` and `x` act on is what the user looks at;
/// Tab or a move takes the user into its links.
pub fn fresh(corpus: &Corpus, graph: &LinkGraph, state: &AppState, view: View) -> Location {
    let ctx = crate::app::view::entry::ctx(state, corpus, graph);
    let items = crate::app::view::document::document(ctx, view);
    let first = items.iter().position(Item::selectable).unwrap_or(0);
    Location {
        view,
        focus: PaneId::Document,
        document: PaneState {
            top: Anchor::TOP,
            selected: first,
        },
        links: PaneState::default(),
        cite: None,
        entered: false,
    }
}

/// Goes to a new place, remembering the current one.
pub fn go(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, to: Location) {
    if to == state.here {
        return;
    }
    if !std::mem::take(&mut state.blank_start) {
        state.history.leave(state.here);
    }
    state.here = to;
    state.overlay = None;
    sync_outline(state, corpus, graph);
    settle(state, corpus, graph);
    reveal_view(state, corpus, graph);
}

/// Opens `view` fresh. From the outline on a wide screen the focus stays in
/// the outline, so one can keep browsing it.
pub fn open_view(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, view: View) {
    let mut to = fresh(corpus, graph, state, view);
    if state.focus() == PaneId::Outline && state.size.0 >= crate::app::view::geometry::WIDE {
        to.focus = PaneId::Outline;
    }
    go(state, corpus, graph, to);
}

fn reveal_view(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    reveal(state, corpus, graph, PaneId::Document);
    reveal(state, corpus, graph, PaneId::Links);
}

/// Back to the exact previous place: same view, scroll and selection.
pub fn back(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    match state.history.back.pop() {
        Some(prev) => {
            state.history.forward.push(state.here);
            restore(state, corpus, graph, prev);
        }
        // Nothing before: the start screen, with this place first in it.
        None => {
            let visited = crate::app::spot::visited(state, corpus);
            crate::app::spot::open_start(state, corpus, &visited);
        }
    }
}

pub fn forward(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    match state.history.forward.pop() {
        Some(next) => {
            state.history.back.push(state.here);
            restore(state, corpus, graph, next);
        }
        None => state.info("Nothing ahead: Alt-→ goes forward after going back."),
    }
}

fn restore(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, to: Location) {
    state.here = to;
    state.overlay = None;
    let outline = state.outline.pane;
    sync_outline(state, corpus, graph);
    if to.focus == PaneId::Outline {
        state.outline.pane = outline;
    }
    settle(state, corpus, graph);
}

/// `]` / `[`: the next or previous article; in a source, the next or
/// previous source.
pub fn next_article(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let articles: Vec<u8> = corpus.articles().map(|a| a.number).collect();
    let to = match state.view() {
        View::Article(n) => {
            let i = articles.iter().position(|a| *a == n);
            match (i, forward) {
                (Some(i), true) => articles.get(i + 1).map(|a| View::Article(*a)),
                (Some(0), false) => Some(View::Preamble),
                (Some(i), false) => articles.get(i - 1).map(|a| View::Article(*a)),
                (None, _) => None,
            }
        }
        View::Preamble if forward => articles.first().map(|a| View::Article(*a)),
        View::Preamble => None,
        View::Chapter(n) => {
            let first = corpus
                .chapter(n)
                .and_then(|c| c.articles.first())
                .map(|a| a.number);
            let i = first.and_then(|f| articles.iter().position(|a| *a == f));
            match (i, forward) {
                (Some(i), true) => articles.get(i).map(|a| View::Article(*a)),
                (Some(0), false) => Some(View::Preamble),
                (Some(i), false) => articles.get(i - 1).map(|a| View::Article(*a)),
                (None, _) => None,
            }
        }
        View::Source(i) => {
            let j = if forward {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            };
            j.filter(|j| *j < corpus.sources.len()).map(View::Source)
        }
        View::Overview(_) => {
            state.info("] and [ step through articles and sources; Enter opens an entry here.");
            return;
        }
    };
    match to {
        Some(view) => open_view(state, corpus, graph, view),
        None => {
            let msg = match (state.view(), forward) {
                (View::Source(_), true) => "This is the last source.",
                (View::Source(_), false) => "This is the first source.",
                (_, true) => "This is the last article.",
                (_, false) => "The preamble comes first: nothing before it.",
            };
            state.info(msg);
        }
    }
}

/// Enter in the go-to prompt: go there, or say why not in the footer.
pub fn submit_prompt(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(Overlay::GoTo { input }) = state.overlay.take() else {
        return;
    };
    if input.trim().is_empty() {
        return;
    }
    // The domain reads every form (`24(2)`, `zamora#10`, a concern); the
    // explorer lands there.
    match crate::corpus::locate(corpus, &input) {
        Ok(loc) => land(state, corpus, graph, loc),
        Err(e) => state.error(e.to_string()),
    }
}

/// Goes to what go-to or `treaty PLACE` read: a source's paragraph selected;
/// an article scrolled to its paragraph when the authentic text is there
/// (otherwise the article, and a line saying why); a concern selected in
/// the concerns.
pub fn land(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    loc: crate::corpus::Location,
) {
    use crate::app::state::Overview;
    use crate::corpus::Destination;
    let place = match loc.to {
        Destination::Concern(i) => {
            let view = View::Overview(Overview::Concerns);
            let mut to = fresh(corpus, graph, state, view);
            let items = crate::app::view::overviews::document(
                ctx(state, corpus, graph),
                Overview::Concerns,
                None,
            );
            if let Some(row) = items
                .iter()
                .position(|it| *it == Item::Desk(crate::app::view::entry::DeskItem::Concern(i)))
            {
                to.document.selected = row;
            }
            go(state, corpus, graph, to);
            return;
        }
        Destination::Place(place) => place,
    };
    let view = View::from_place(place);
    if !exists(corpus, view) {
        state.error(format!("'{}' is not in this corpus", loc.spelled(corpus)));
        return;
    }
    let mut to = fresh(corpus, graph, state, view);
    if let (View::Source(source), Some(n)) = (view, loc.paragraph)
        && let Some(item) = n.checked_sub(1).and_then(|index| {
            crate::app::view::document::passage_item(
                ctx(state, corpus, graph),
                PassageId { source, index },
            )
        })
    {
        to.document.selected = item;
        to.document.top = Anchor { item, line: 0 };
        to.entered = true;
    }
    go(state, corpus, graph, to);
    if let (View::Article(n), Some(p)) = (view, loc.paragraph) {
        to_paragraph(state, corpus, graph, n, p);
    }
}

/// Lands on where the explorer was asked to open (`treaty 24(2)`), the
/// place itself being where the user starts: nothing to go back to.
pub fn land_first(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    loc: crate::corpus::Location,
) {
    state.overlay = None;
    state.blank_start = false;
    land(state, corpus, graph, loc);
    state.history = crate::app::state::History::default();
}

/// Scrolls an open article to its numbered paragraph `p`, or says why not.
fn to_paragraph(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, n: u8, p: usize) {
    let Some(text) = corpus.article(n).and_then(|a| a.text.as_deref()) else {
        state.info(format!(
            "Paragraphs need the authentic text (treaty import-text FILE): this is Art. {n} as a whole."
        ));
        return;
    };
    let Some(byte) = crate::corpus::place::paragraph_offset(text, p) else {
        return;
    };
    let body = Item::Body(crate::app::wrap::TextKey::ArticleText(n));
    let items = crate::app::view::document::document(ctx(state, corpus, graph), state.view());
    let Some(item) = items.iter().position(|it| *it == body) else {
        // The summary is shown: the paragraph is in the text.
        let key = crate::app::keymap::first_key(
            &state.keymap,
            crate::app::keymap::Mode::Normal,
            &Action::ToggleSummary,
        )
        .unwrap_or_default();
        state.info(format!(
            "Art. {n}, paragraph {p} is in the authentic text: {key} shows it."
        ));
        return;
    };
    let line = {
        let screen = Screen::new(state, corpus, graph);
        // On a terminal too short for the text and its links together the
        // text may be hidden: it opens at the paragraph all the same.
        let pane = match screen.pane(state, PaneId::Document) {
            Some(pane) => pane,
            None => screen.build(state, PaneId::Document, usize::from(state.size.0), 1),
        };
        pane.line_of(item, byte)
    };
    state.here.document.top = Anchor { item, line };
    settle(state, corpus, graph);
    state.info(format!("Art. {n}, paragraph {p}."));
}

pub fn help_scroll(state: &AppState, top: usize, action: &Action) -> usize {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    let lines = crate::app::view::help_rows::rows_for(&state.keymap, area).len();
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

pub fn cycle_focus(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, by: usize) {
    let i = PaneId::CYCLE
        .iter()
        .position(|p| *p == state.focus())
        .unwrap_or(0);
    state.here.focus = PaneId::CYCLE[(i + by) % PaneId::CYCLE.len()];
    settle(state, corpus, graph);
    reveal(state, corpus, graph, state.focus());
}

/// Moves the selection (or scrolls, where nothing is selectable) in a pane.
pub fn move_in(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    id: PaneId,
    action: &Action,
) {
    let before = crate::app::view::document::selected_passage(
        crate::app::view::entry::ctx(state, corpus, graph),
        state,
    );
    let moved = {
        let screen = Screen::new(state, corpus, graph);
        screen
            .pane(state, id)
            .map(|pane| moved(&pane, *state.pane(id), action))
    };
    let Some(ps) = moved else { return };
    // The first move in a chapter's list takes the row already shown.
    let first_move = id == PaneId::Document
        && !state.here.entered
        && matches!(state.view(), View::Chapter(_))
        && matches!(action, Action::Down);
    state.here.entered |= id != PaneId::Outline;
    if first_move {
        return;
    }
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
    let ctx = crate::app::view::entry::ctx(state, corpus, graph);
    if crate::app::view::document::selected_passage(ctx, state) != before {
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
            Action::Up => crate::app::scroll::scroll(pane, view, top, -1),
            Action::Down => crate::app::scroll::scroll(pane, view, top, 1),
            Action::PageUp => crate::app::scroll::scroll(pane, view, top, -page),
            Action::PageDown => crate::app::scroll::scroll(pane, view, top, page),
            Action::Top => Anchor::TOP,
            _ => crate::app::scroll::max_anchor(pane, view),
        };
        return ps;
    }
    let sel = ps.selected;
    let shown = crate::app::scroll::is_visible(pane, view, top, sel);
    match action {
        Action::Down | Action::Up if !shown => {
            ps.top = crate::app::scroll::reveal(pane, view, top, sel)
        }
        Action::Down => {
            if !crate::app::scroll::bottom_visible(pane, view, top, sel) {
                ps.top = crate::app::scroll::scroll(pane, view, top, 1);
            } else if let Some(next) = pane.step(sel, true) {
                ps.selected = next;
                ps.top = crate::app::scroll::reveal(pane, view, top, next);
            } else {
                ps.top = crate::app::scroll::scroll(pane, view, top, 1);
            }
        }
        Action::Up => {
            if top.item == sel && top.line > 0 {
                ps.top = crate::app::scroll::scroll(pane, view, top, -1);
            } else if let Some(prev) = pane.step(sel, false) {
                ps.selected = prev;
                let h = pane.height(prev);
                ps.top = if h > view {
                    // Reading upwards, land on the end of a long paragraph.
                    crate::app::scroll::clamp(
                        pane,
                        view,
                        Anchor {
                            item: prev,
                            line: h - view,
                        },
                    )
                } else {
                    crate::app::scroll::reveal(pane, view, top, prev)
                };
            } else {
                ps.top = crate::app::scroll::scroll(pane, view, top, -1);
            }
        }
        Action::PageDown => {
            ps.top = crate::app::scroll::scroll(pane, view, top, page);
            if ps.top == top {
                ps.selected = pane.last_selectable().unwrap_or(sel);
                ps.top = crate::app::scroll::reveal(pane, view, ps.top, ps.selected);
            } else if !crate::app::scroll::is_visible(pane, view, ps.top, sel) {
                ps.selected = visible_selectable(pane, view, ps.top, true).unwrap_or(sel);
            }
        }
        Action::PageUp => {
            ps.top = crate::app::scroll::scroll(pane, view, top, -page);
            if ps.top == top {
                ps.selected = pane.first_selectable().unwrap_or(sel);
                ps.top = crate::app::scroll::reveal(pane, view, ps.top, ps.selected);
            } else if !crate::app::scroll::is_visible(pane, view, ps.top, sel) {
                ps.selected = visible_selectable(pane, view, ps.top, false).unwrap_or(sel);
            }
        }
        Action::Top => {
            ps.top = Anchor::TOP;
            ps.selected = pane.first_selectable().unwrap_or(sel);
        }
        _ => {
            ps.top = crate::app::scroll::max_anchor(pane, view);
            ps.selected = pane.last_selectable().unwrap_or(sel);
        }
    }
    ps
}

/// The first (or last) selectable entry on screen, preferring one whose
/// first line shows.
fn visible_selectable(pane: &Pane, view: usize, top: Anchor, first: bool) -> Option<usize> {
    let shown = crate::app::scroll::visible(pane, view, top);
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
pub fn outline_toggle(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, expand: bool) {
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

pub use crate::app::view::selection::selected_item;

/// Opens a source at passage `p`, its link to `from` selected.
pub fn to_passage(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    p: PassageId,
    from: Target,
) {
    let view = View::Source(p.source);
    let mut to = fresh(corpus, graph, state, view);
    if let Some(item) = crate::app::view::document::passage_item(ctx(state, corpus, graph), p) {
        to.document.selected = item;
        // Show the heading just above the paragraph too, for context.
        let items = crate::app::view::document::document(ctx(state, corpus, graph), view);
        let top = match item.checked_sub(1).and_then(|i| items.get(i)) {
            Some(Item::Heading { .. }) => item - 1,
            _ => item,
        };
        to.document.top = Anchor { item: top, line: 0 };
    }
    let index = graph.links_of(p).iter().position(|l| l.target == from);
    to.links = PaneState {
        top: Anchor::TOP,
        selected: index.unwrap_or(0),
    };
    to.focus = PaneId::Document;
    go(state, corpus, graph, to);
    if index.is_none() {
        // Followed from a suggested link: that suggestion is the current one.
        select_suggested(state, corpus, graph, from);
    }
}

/// Opens a provision with passage `p` selected in its "Cited by".
pub fn to_target(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    p: PassageId,
    target: Target,
) {
    let view = View::from_target(target);
    let mut to = fresh(corpus, graph, state, view);
    // Its place in the list as the reader has filtered and ordered it.
    let index = graph
        .cited_by(target)
        .iter()
        .position(|l| l.passage == p)
        .and_then(|i| {
            crate::app::view::cited_by::position(ctx(state, corpus, graph), &state.cited, target, i)
        })
        .unwrap_or(0);
    to.links = PaneState {
        top: Anchor::TOP,
        selected: index,
    };
    to.focus = PaneId::Links;
    go(state, corpus, graph, to);
}

/// After arriving at a paragraph from its suggested link to `target`: that
/// suggestion is the selected entry of the paragraph's links, in view.
fn select_suggested(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, target: Target) {
    let at = {
        let ctx = crate::app::view::entry::ctx(state, corpus, graph);
        crate::app::view::document::items(ctx, state, PaneId::Links)
            .iter()
            .position(|it| matches!(it, Item::Suggested(e) if e.target == target))
    };
    if let Some(i) = at {
        state.here.links.selected = i;
        settle(state, corpus, graph);
        reveal(state, corpus, graph, PaneId::Links);
    }
}
