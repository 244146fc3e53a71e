//! The Cited by keys: reading a passage in place (one entry or all of
//! them), and the filter and order the session keeps from article to
//! article.

use crate::app::action::Action;
use crate::app::settle::{reveal, settle};
use crate::app::state::{AppState, PaneId};
use crate::app::view::cited_by::{
    entry_passage, filter_words, order_words, shown, suggested_shown,
};
use crate::app::view::entry::{Item, ctx};
use crate::corpus::{Corpus, PassageId, Target, Treatment};
use crate::refs::citing::{BasisFilter, RefFilter};
use crate::refs::depth::Depth;
use crate::refs::graph::LinkGraph;

/// Handles the Cited by keys; `None` for any other action.
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<()> {
    let is_ours = matches!(
        action,
        Action::ReadHere
            | Action::ReadAll
            | Action::CitedOrder
            | Action::CitedTreatment
            | Action::CitedDepth
            | Action::CitedSource
            | Action::CitedBasis
            | Action::CitedYear
            | Action::CitedClear
    );
    if !is_ours {
        return None;
    }
    let Some(target) = state.view().target() else {
        state.info("These keys read and filter the Cited by list of an article, a chapter or the preamble.");
        return Some(());
    };
    // Every suggestion the list could show, whatever the filter.
    let suggestions = crate::app::view::suggested_entries::for_target(state, corpus, target).len();
    if graph.count(target) == 0 && (suggestions == 0 || is_reading(action)) {
        state.info("No passage is linked here.");
        return Some(());
    }
    match action {
        Action::ReadHere => read_here(state, corpus, graph, target),
        Action::ReadAll => read_all(state, corpus, graph, target),
        _ => {
            let before = selected_passage(state, corpus, graph);
            change_filter(state, corpus, graph, target, action);
            keep_selection(state, corpus, graph, before);
            // What the list shows: links and suggestions alike.
            let n = shown(ctx(state, corpus, graph), &state.cited, target).len()
                + suggested_shown(state, corpus, target).len();
            let words = filter_words(ctx(state, corpus, graph), &state.cited);
            let what = if words.is_empty() {
                "all passages".to_string()
            } else {
                words.join(", ")
            };
            state.info(format!(
                "Cited by: {what}, {}: {n} of {}.",
                order_words(state.cited.sort),
                graph.count(target) + suggestions
            ));
        }
    }
    Some(())
}

/// The keys that read passages in place (the others filter and order).
fn is_reading(action: &Action) -> bool {
    matches!(action, Action::ReadHere | Action::ReadAll)
}

/// The passage of the selected Cited by entry, a link's or a suggestion's.
fn selected_passage(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> Option<PassageId> {
    let item = crate::app::nav::selected_item(state, corpus, graph, PaneId::Links)?;
    entry_passage(ctx(state, corpus, graph), &item)
}

/// After the list changed: the same passage stays selected when it is still
/// shown, else the first entry, scrolled into view.
fn keep_selection(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    passage: Option<PassageId>,
) {
    let at = passage
        .and_then(|p| {
            let c = ctx(state, corpus, graph);
            crate::app::view::document::items(c, state, PaneId::Links)
                .iter()
                .position(|it| entry_passage(c, it) == Some(p))
        })
        .unwrap_or(0);
    state.here.links.selected = at;
    state.here.links.top = crate::app::scroll::Anchor::TOP;
    settle(state, corpus, graph);
    reveal(state, corpus, graph, PaneId::Links);
}

fn read_here(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, target: Target) {
    let selected = crate::app::nav::selected_item(state, corpus, graph, PaneId::Links);
    let p = match selected {
        Some(Item::CitedBy { target: t, index }) if t == target => {
            graph.cited_by(target).get(index).map(|l| l.passage)
        }
        _ => None,
    };
    let Some(p) = p else {
        state.info("Select a passage in Cited by (Tab) to read it here.");
        return;
    };
    let key = (target, p);
    if !state.cited.open.remove(&key) {
        state.cited.open.insert(key);
    }
    state.here.focus = PaneId::Links;
    state.here.entered = true;
    settle(state, corpus, graph);
    // The entry's first line on screen: an opened passage reads from its top.
    let sel = state.here.links.selected;
    let top = &mut state.here.links.top;
    if top.item == sel {
        top.line = 0;
    }
    reveal(state, corpus, graph, PaneId::Links);
}

fn read_all(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, target: Target) {
    let list = shown(ctx(state, corpus, graph), &state.cited, target);
    let links = graph.cited_by(target);
    let keys: Vec<(Target, PassageId)> = list.iter().map(|i| (target, links[*i].passage)).collect();
    let all_open = keys.iter().all(|k| state.cited.open.contains(k));
    for k in keys {
        if all_open {
            state.cited.open.remove(&k);
        } else {
            state.cited.open.insert(k);
        }
    }
    state.here.focus = PaneId::Links;
    state.here.entered = true;
    // Reading starts at the selected entry's first line.
    state.here.links.top = crate::app::scroll::Anchor {
        item: state.here.links.selected,
        line: 0,
    };
    settle(state, corpus, graph);
    reveal(state, corpus, graph, PaneId::Links);
    if !all_open {
        state.info("Every passage is shown in full: j and k read on, V folds them again.");
    }
}

fn change_filter(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    target: Target,
    action: &Action,
) {
    if *action == Action::CitedOrder {
        state.cited.sort = state.cited.sort.next();
        return;
    }
    let links = graph.cited_by(target);
    let f = &mut state.cited.filter;
    match action {
        Action::CitedTreatment => {
            let next = match f.treatments.as_slice() {
                [] => Some(Treatment::ALL[0]),
                [t, ..] => {
                    let i = Treatment::ALL.iter().position(|x| x == t).unwrap_or(0);
                    Treatment::ALL.get(i + 1).copied()
                }
            };
            f.treatments = next.into_iter().collect();
        }
        Action::CitedDepth => {
            f.depth_min = match f.depth_min {
                None => Some(Depth::Cites),
                Some(Depth::Mentions | Depth::Cites) => Some(Depth::Discusses),
                Some(Depth::Discusses) => Some(Depth::Examines),
                Some(Depth::Examines) => None,
            }
        }
        Action::CitedSource => {
            // The sources of this list, in corpus order.
            let mut sources: Vec<usize> = links.iter().map(|l| l.passage.source).collect();
            sources.sort_unstable();
            sources.dedup();
            f.sources = step(&sources, f.sources.first()).into_iter().collect();
        }
        Action::CitedBasis => f.basis = BasisFilter::step(f.basis),
        Action::CitedYear => {
            let mut years: Vec<String> = links
                .iter()
                .filter_map(|l| corpus.sources.get(l.passage.source)?.meta.date.clone())
                .filter_map(|d| d.get(..4).map(str::to_string))
                .collect();
            years.sort_unstable();
            years.dedup();
            let year = step(&years, f.since.as_ref());
            f.since = year.clone();
            f.until = year;
        }
        Action::CitedClear => *f = RefFilter::default(),
        _ => {}
    }
}

/// The value after `current` in `values`, none after the last (all again);
/// the first when `current` is not among them.
fn step<T: Clone + PartialEq>(values: &[T], current: Option<&T>) -> Option<T> {
    match current.and_then(|c| values.iter().position(|v| v == c)) {
        Some(i) => values.get(i + 1).cloned(),
        None => values.first().cloned(),
    }
}

/// After a resize: a list scrolled into the middle of an entry (as a small
/// terminal needs) starts at that entry's first line again once the entry
/// fits, so no entry is shown without its heading line.
pub fn realign(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    for id in [PaneId::Links, PaneId::Document] {
        let top = {
            let screen = crate::app::view::screen::Screen::new(state, corpus, graph);
            screen.pane(state, id).and_then(|pane| {
                use crate::app::scroll::Heights;
                let top = state.pane(id).top;
                (top.line > 0 && pane.height(top.item) <= pane.rows).then(|| {
                    crate::app::scroll::clamp(
                        &pane,
                        pane.rows,
                        crate::app::scroll::Anchor {
                            item: top.item,
                            line: 0,
                        },
                    )
                })
            })
        };
        if let Some(top) = top {
            state.pane_mut(id).top = top;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn steps_go_round_through_all() {
        let v = [1, 2, 3];
        assert_eq!(step(&v, None), Some(1));
        assert_eq!(step(&v, Some(&1)), Some(2));
        assert_eq!(step(&v, Some(&3)), None);
        assert_eq!(step(&v, Some(&9)), Some(1));
    }
}
