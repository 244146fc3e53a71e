//! Enter and Tab: opening what is selected and walking the links of a view,
//! from an article to the passages about it and from a passage to the
//! provisions it is about.

use crate::app::nav::{fresh, go, open_view, selected_item, to_passage, to_target};
use crate::app::scroll::Anchor;
use crate::app::settle::{reveal, settle};
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::citations::current;
use crate::app::view::citations::paragraph;
use crate::app::view::citations::paragraph_start;
use crate::app::view::citations::shown_text;
use crate::app::view::citations::view_links;
use crate::app::view::entry::{Item, OutlineRow, ctx};
use crate::app::view::screen::Screen;
use crate::corpus::{Corpus, PassageId};
use crate::refs::extract::Citation;
use crate::refs::graph::LinkGraph;
use crate::text::one_line;

/// Enter: open the selection or follow its link.
pub fn open(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    if crate::app::links::open_current(state, corpus, graph) {
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
        Some(Item::Desk(d)) => crate::app::desk::open(state, corpus, graph, d),
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
        Some(Item::Suggested(e)) if e.in_cited_by => {
            to_passage(state, corpus, graph, e.passage, e.target)
        }
        Some(Item::Suggested(e)) => to_target(state, corpus, graph, e.passage, e.target),
        _ => {
            let hint = match (focus, state.view().target()) {
                (PaneId::Document, Some(_))
                    if crate::app::links::has_links(state, corpus, graph) =>
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

/// Tab / Shift-Tab: the next or previous link of the view, in whichever pane
/// holds it. Coming from another pane, the current link is taken first.
pub fn step_link(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    match state.view() {
        View::Source(_) => step_source_link(state, corpus, graph, forward),
        // Overviews: handled by `desk::handle`.
        View::Overview(_) => {}
        View::Chapter(_) => step_chapter_link(state, corpus, graph, forward),
        // The citations in the text, then the "Cited by".
        View::Article(_) | View::Preamble => crate::app::links::step(state, corpus, graph, forward),
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
        let items = crate::app::view::document::document(ctx(state, corpus, graph), state.view());
        items
            .iter()
            .enumerate()
            .filter(|(_, it)| matches!(it, Item::ArticleRow(_)))
            .map(|(i, _)| i)
            .collect()
    };
    let cited = crate::app::view::document::entry_rows(ctx(state, corpus, graph), state);
    let mut seq: Vec<(PaneId, usize)> = rows.iter().map(|i| (PaneId::Document, *i)).collect();
    seq.extend(cited.into_iter().map(|i| (PaneId::Links, i)));
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
    // The row shown before the user entered the list is taken first.
    let taken = focus == PaneId::Links || (focus == PaneId::Document && state.here.entered);
    let next = match pos {
        Some(p) if taken => wrap_step(p, seq.len(), forward),
        Some(p) => p,
        None => 0,
    };
    let (pane, sel) = seq[next];
    state.here.focus = pane;
    state.here.entered = true;
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
    let current = crate::app::view::document::selected_passage(ctx(state, corpus, graph), state);
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
    if let Some(item) = crate::app::view::document::passage_item(ctx(state, corpus, graph), p) {
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

/// Rows of the screen each citation's first line is on (negative above
/// it), and the rows the text has on screen.
fn cite_rows(
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    item: usize,
    cites: &[Citation],
) -> (Vec<isize>, usize) {
    let screen = Screen::new(state, corpus, graph);
    let (width, rows) = screen
        .layout
        .content(PaneId::Document)
        .map_or(state.size, |r| (r.width, r.height));
    let rows = usize::from(rows).max(1);
    let pane = screen.build(state, PaneId::Document, usize::from(width), rows);
    let base = crate::app::scroll::row_of(&pane, state.here.document.top, item, usize::MAX / 4)
        .unwrap_or(isize::MIN / 4);
    let at = cites
        .iter()
        .map(|c| base + pane.line_of(item, c.span.start) as isize)
        .collect();
    (at, rows)
}

/// Tab / Shift-Tab in an article or the preamble: the citations in its text,
/// then the passages that cite it, going round. From where no link is
/// current, the first citation on screen (or the last, going back) comes
/// first, else the current "Cited by".
pub fn step(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let ctx = ctx(state, corpus, graph);
    let (item, cites) = view_links(ctx, state.view()).unwrap_or_default();
    // The Cited by entries as the list shows them (filtered, ordered), and
    // its suggested links: their rows in the links pane.
    let rows = crate::app::view::document::entry_rows(ctx, state);
    let n = rows.len();
    let m = cites.len();
    if m + n == 0 {
        state.info("No passage is linked here, so there is no link to follow.");
        return;
    }
    // Links in order: 0..m the citations, m..m+n the "Cited by".
    let total = m + n;
    let sel = rows
        .iter()
        .position(|r| *r >= state.here.links.selected)
        .unwrap_or(n.saturating_sub(1));
    let here = match (state.focus(), current(ctx, state)) {
        (PaneId::Links, _) if n > 0 => Some(m + sel),
        (PaneId::Document, Some(k)) => Some(k),
        _ => None,
    };
    let next = match here {
        Some(i) if forward => (i + 1) % total,
        Some(i) => (i + total - 1) % total,
        None => {
            let (at, rows) = cite_rows(state, corpus, graph, item, &cites);
            let on_or_below = |k: usize| at[k] >= 0;
            let above_bottom = |k: usize| at[k] < rows as isize;
            let from_outline = state.focus() == PaneId::Outline;
            let remembered = state.here.cite.filter(|k| *k < m && from_outline);
            let in_text = if forward {
                (0..m).find(|&k| on_or_below(k))
            } else {
                (0..m).rev().find(|&k| above_bottom(k))
            };
            match (remembered, in_text) {
                (Some(k), _) => k,
                (None, Some(k)) => k,
                (None, None) if n > 0 => m + sel,
                (None, None) => {
                    if forward {
                        0
                    } else {
                        m - 1
                    }
                }
            }
        }
    };
    if next < m {
        state.here.focus = PaneId::Document;
        settle(state, corpus, graph);
        show_cite(state, corpus, graph, item, cites[next].span.start);
        // Set once on screen, so `settle` does not forget it.
        state.here.cite = Some(next);
        settle(state, corpus, graph);
    } else {
        state.here.links.selected = rows[next - m];
        state.here.focus = PaneId::Links;
        state.here.entered = true;
        settle(state, corpus, graph);
        reveal(state, corpus, graph, PaneId::Links);
    }
}

/// Scrolls the text so the line holding byte `at` is on screen.
fn show_cite(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, item: usize, at: usize) {
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let rows = pane.rows.max(1);
            let line = pane.line_of(item, at);
            let top = state.here.document.top;
            let shown = crate::app::scroll::row_of(&pane, top, item, rows)
                .map(|r| r + line as isize)
                .is_some_and(|r| r >= 0 && (r as usize) < rows);
            if shown {
                top
            } else if top.item > item || (top.item == item && top.line > line) {
                // Above the screen: the line at the top, one line of context.
                crate::app::scroll::clamp(
                    &pane,
                    rows,
                    Anchor {
                        item,
                        line: line.saturating_sub(1),
                    },
                )
            } else {
                // Below: the line at the bottom.
                crate::app::scroll::clamp(
                    &pane,
                    rows,
                    crate::app::scroll::above(&pane, item, line, rows - 1),
                )
            }
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
}

/// Enter in the text: follow the current citation. Returns whether there was
/// one to follow.
pub fn open_current(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> bool {
    if state.focus() != PaneId::Document {
        return false;
    }
    let ctx = ctx(state, corpus, graph);
    let Some(k) = current(ctx, state) else {
        return false;
    };
    let Some((_, cites)) = view_links(ctx, state.view()) else {
        return false;
    };
    let Some(c) = cites.get(k).cloned() else {
        return false;
    };
    follow(state, corpus, graph, &c);
    true
}

/// Whether the view's text has citations Tab could reach.
pub fn has_links(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> bool {
    view_links(ctx(state, corpus, graph), state.view()).is_some_and(|(_, l)| !l.is_empty())
}

/// Opens what a citation of the text cites: at the cited paragraph when the
/// citation names one and the provision's authentic text is shown.
fn follow(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, c: &Citation) {
    let here = state.view();
    let para = paragraph(c);
    // A range that starts with the article itself leads on to the others.
    let target = c
        .targets
        .iter()
        .copied()
        .find(|t| para.is_some() || View::from_target(*t) != here)
        .or(c.targets.first().copied());
    let Some(target) = target else {
        return;
    };
    let view = View::from_target(target);
    let to = fresh(corpus, graph, state, view);
    go(state, corpus, graph, to);
    let mut note = None;
    if c.targets.len() > 1 {
        note = Some(format!(
            "“{}” cites {} provisions: this is {}.",
            one_line(&c.text),
            c.targets.len(),
            target.label()
        ));
    }
    let place = para.and_then(|p| {
        shown_text(ctx(state, corpus, graph), view)
            .map(|(item, _, text)| (p, item, paragraph_start(text, p)))
    });
    if let Some((p, item, start)) = place {
        match start {
            Some(at) => {
                state.here.focus = PaneId::Document;
                state.here.document.top = Anchor { item, line: 0 };
                settle(state, corpus, graph);
                to_line_top(state, corpus, graph, item, at);
            }
            None => {
                note = Some(format!(
                    "{} has no numbered paragraph {p}: this is its beginning.",
                    target.label()
                ))
            }
        }
    }
    if let Some(n) = note {
        state.info(n);
    }
}

/// Scrolls the text so the line holding byte `at` is the first on screen.
fn to_line_top(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, item: usize, at: usize) {
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let line = pane.line_of(item, at);
            crate::app::scroll::clamp(&pane, pane.rows.max(1), Anchor { item, line })
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
    settle(state, corpus, graph);
}

/// A click on citation `k` of the text: it becomes current and is followed.
pub fn click(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, k: usize) {
    state.here.focus = PaneId::Document;
    state.here.cite = Some(k);
    open_current(state, corpus, graph);
}
