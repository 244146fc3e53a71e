//! Enter and Tab: opening what is selected and walking the links of a view,
//! from an article to the passages about it and from a passage to the
//! provisions it is about.

use super::document::{self, Item, OutlineRow, ctx};
use super::navigate::{fresh, go, open_view};
use super::scroll::Anchor;
use super::state::{AppState, PaneId, PaneState, View};
use super::update::{reveal, settle};
use crate::corpus::{Corpus, PassageId, Target};
use crate::refs::graph::LinkGraph;

/// The selected entry of a pane (its entries as they are now).
pub fn selected_item(
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    id: PaneId,
) -> Option<Item> {
    let items = document::items(ctx(state, corpus, graph), state, id);
    items.get(state.pane(id).selected).cloned()
}

/// Enter: open the selection or follow its link.
pub fn open(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    if super::text_links::open_current(state, corpus, graph) {
        return;
    }
    let focus = state.focus();
    match selected_item(state, corpus, graph, focus) {
        Some(Item::Outline(row)) => match row {
            OutlineRow::Preamble => open_view(state, corpus, graph, View::Preamble),
            OutlineRow::Chapter(n) => {
                if !state.outline.is_expanded(n) {
                    state.outline.expanded.push(n);
                }
                open_view(state, corpus, graph, View::Chapter(n));
            }
            OutlineRow::Article(n) => open_view(state, corpus, graph, View::Article(n)),
            OutlineRow::Source(i) => open_view(state, corpus, graph, View::Source(i)),
            OutlineRow::SourcesLabel => {}
        },
        Some(Item::ArticleRow(n)) => open_view(state, corpus, graph, View::Article(n)),
        Some(Item::Desk(d)) => super::desk::open(state, corpus, graph, d),
        Some(Item::Passage(p)) => follow_current(state, corpus, graph, p),
        Some(Item::CitedBy { target, index }) => {
            if let Some(l) = graph.cited_by(target).get(index) {
                to_passage(state, corpus, graph, l.passage, target);
            }
        }
        Some(Item::LinkOf { passage, index }) => {
            if let Some(l) = graph.links_of(passage).get(index) {
                to_target(state, corpus, graph, passage, l.target);
            }
        }
        _ => {
            let hint = match (focus, state.view().target()) {
                (PaneId::Document, Some(_))
                    if super::text_links::has_links(state, corpus, graph) =>
                {
                    "Tab steps onto the citations in the text; Enter follows the one marked."
                }
                (PaneId::Document, Some(t)) if graph.count(t) > 0 => {
                    "Nothing to open in the text: Tab goes to the passages that cite it."
                }
                _ => "Nothing to open here.",
            };
            state.info(hint);
        }
    }
}

/// Enter on a paragraph: follow its current link.
fn follow_current(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, p: PassageId) {
    let links = graph.links_of(p);
    match links.get(state.here.links.selected).or(links.first()) {
        Some(l) => to_target(state, corpus, graph, p, l.target),
        None => state.info(format!(
            "¶ {} is not linked to any provision: Tab goes to the next paragraph that is.",
            p.index + 1
        )),
    }
}

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
    if let Some(item) = document::passage_item(ctx(state, corpus, graph), p) {
        to.document.selected = item;
        // Show the heading just above the paragraph too, for context.
        let items = document::document(ctx(state, corpus, graph), view);
        let top = match item.checked_sub(1).and_then(|i| items.get(i)) {
            Some(Item::Heading { .. }) => item - 1,
            _ => item,
        };
        to.document.top = Anchor { item: top, line: 0 };
    }
    let index = graph
        .links_of(p)
        .iter()
        .position(|l| l.target == from)
        .unwrap_or(0);
    to.links = PaneState {
        top: Anchor::TOP,
        selected: index,
    };
    to.focus = PaneId::Document;
    go(state, corpus, graph, to);
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
    let index = graph
        .cited_by(target)
        .iter()
        .position(|l| l.passage == p)
        .unwrap_or(0);
    to.links = PaneState {
        top: Anchor::TOP,
        selected: index,
    };
    to.focus = PaneId::Links;
    go(state, corpus, graph, to);
}

/// Tab / Shift-Tab: the next or previous link of the view, in whichever pane
/// holds it. Coming from another pane, the current link is taken first.
pub fn step_link(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    match state.view() {
        View::Source(_) => step_source_link(state, corpus, graph, forward),
        // Overviews: handled by `desk::handle`.
        View::Overview(_) => {}
        View::Chapter(_) => step_chapter_link(state, corpus, graph, forward),
        // The citations in the text, then the "Cited by".
        View::Article(_) | View::Preamble => super::text_links::step(state, corpus, graph, forward),
    }
}

fn wrap_step(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

/// A chapter's links: its articles, then the passages citing it as a whole.
fn step_chapter_link(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let rows: Vec<usize> = {
        let items = document::document(ctx(state, corpus, graph), state.view());
        items
            .iter()
            .enumerate()
            .filter(|(_, it)| matches!(it, Item::ArticleRow(_)))
            .map(|(i, _)| i)
            .collect()
    };
    let cited = state.view().target().map_or(0, |t| graph.count(t));
    let mut seq: Vec<(PaneId, usize)> = rows.iter().map(|i| (PaneId::Document, *i)).collect();
    seq.extend((0..cited).map(|i| (PaneId::Links, i)));
    if seq.is_empty() {
        state.info("No links in this chapter.");
        return;
    }
    let focus = state.focus();
    let here = match focus {
        PaneId::Outline => (PaneId::Document, state.here.document.selected),
        f => (f, state.pane(f).selected),
    };
    let pos = seq.iter().position(|s| *s == here);
    let next = match pos {
        Some(p) if focus != PaneId::Outline => wrap_step(p, seq.len(), forward),
        Some(p) => p,
        None => 0,
    };
    let (pane, sel) = seq[next];
    state.here.focus = pane;
    state.pane_mut(pane).selected = sel;
    settle(state, corpus, graph);
    reveal(state, corpus, graph, pane);
}

/// A source's links: each paragraph's links in turn.
fn step_source_link(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let View::Source(s) = state.view() else {
        return;
    };
    let Some(source) = corpus.sources.get(s) else {
        return;
    };
    let count = source.passages.len();
    let links_of = |i: usize| {
        graph
            .links_of(PassageId {
                source: s,
                index: i,
            })
            .len()
    };
    let current = document::selected_passage(ctx(state, corpus, graph), state);
    let k = state.here.links.selected;
    let from_outside = state.focus() == PaneId::Outline;
    let target = match current {
        Some(p) if from_outside && k < links_of(p.index) => Some((p.index, k)),
        Some(p) if forward && k + 1 < links_of(p.index) => Some((p.index, k + 1)),
        Some(p) if !forward && k > 0 && links_of(p.index) > 0 => {
            Some((p.index, (k - 1).min(links_of(p.index) - 1)))
        }
        _ => {
            // Another paragraph: the next one with links, going round the end.
            let start = current.map(|p| p.index);
            let order: Box<dyn Iterator<Item = usize>> = match (start, forward) {
                (Some(i), true) => Box::new((i + 1..count).chain(0..=i)),
                (Some(i), false) => Box::new((0..i).rev().chain((i..count).rev())),
                (None, true) => Box::new(0..count),
                (None, false) => Box::new((0..count).rev()),
            };
            order
                .map(|i| (i, links_of(i)))
                .find(|(_, n)| *n > 0)
                .map(|(i, n)| (i, if forward { 0 } else { n - 1 }))
        }
    };
    let Some((index, link)) = target else {
        state.info("No paragraph of this source is linked to a provision.");
        return;
    };
    let p = PassageId { source: s, index };
    if let Some(item) = document::passage_item(ctx(state, corpus, graph), p) {
        state.here.document.selected = item;
    }
    state.here.links.selected = link;
    if state.focus() == PaneId::Outline {
        state.here.focus = PaneId::Document;
    }
    settle(state, corpus, graph);
    reveal(state, corpus, graph, PaneId::Document);
    reveal(state, corpus, graph, PaneId::Links);
}
