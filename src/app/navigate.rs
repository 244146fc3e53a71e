//! Moving between places: opening a view, the history, next/previous article,
//! the go-to prompt and the place the explorer starts at.

use super::document::{self, Item};
use super::scroll::Anchor;
use super::state::{AppState, Location, Overlay, PaneId, PaneState, View};
use super::update::{reveal, settle, sync_outline};
use crate::corpus::{Corpus, Place};
use crate::refs::graph::LinkGraph;

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

/// A view as it opens: at its top, its first entry selected; an article's
/// focus on its "Cited by" when something cites it and the screen shows the
/// article above it (on a short screen, which shows one pane at a time, the
/// article comes first and Tab reaches its links).
pub fn fresh(corpus: &Corpus, graph: &LinkGraph, state: &AppState, view: View) -> Location {
    let ctx = super::document::ctx(state, corpus, graph);
    let items = document::document(ctx, view);
    let first = items.iter().position(Item::selectable).unwrap_or(0);
    let focus = match view.target() {
        Some(t)
            if matches!(view, View::Article(_) | View::Preamble)
                && graph.count(t) > 0
                && super::geometry::shows_text_and_links(state.size.1) =>
        {
            PaneId::Links
        }
        _ => PaneId::Document,
    };
    Location {
        view,
        focus,
        document: PaneState {
            top: Anchor::TOP,
            selected: first,
        },
        links: PaneState::default(),
        cite: None,
    }
}

/// Goes to a new place, remembering the current one.
pub fn go(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, to: Location) {
    if to == state.here {
        return;
    }
    state.history.leave(state.here);
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
    if state.focus() == PaneId::Outline && state.size.0 >= super::geometry::WIDE {
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
        None => state.info("This is where you started: nothing to go back to."),
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
    // The domain reads every form (`24(2)`, `zamora#10`); the explorer
    // opens the article or source.
    match crate::corpus::locate(corpus, &input).map(|l| l.as_place()) {
        Ok(None) => state.error(format!(
            "'{}' is a concern: c lists the concerns",
            crate::text::one_line(&input)
        )),
        Ok(Some(place)) => {
            let view = View::from_place(place);
            if exists(corpus, view) {
                let to = fresh(corpus, graph, state, view);
                go(state, corpus, graph, to);
            } else {
                state.error(format!(
                    "'{}' is not in this corpus",
                    crate::text::one_line(&input)
                ));
            }
        }
        Err(e) => state.error(e.to_string()),
    }
}
