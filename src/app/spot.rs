//! Reopening exactly where the user left: the state's place turned into the
//! `Spot` the user's data keeps (with the paragraph or concern it shows, in
//! the corpus's words) and back, and the places of this session for the
//! recent list.

use crate::app::scroll::Anchor;
use crate::app::settle::{reveal, settle, sync_outline};
use crate::app::state::{AppState, Location, Overlay, Overview, PaneId, PaneState, View};
use crate::app::view::entry::{DeskItem, Item, ctx};
use crate::corpus::{Corpus, PassageId};
use crate::refs::graph::LinkGraph;
use crate::user::{ItemRef, PaneSpot, Resolved, Spot};

/// The name the start screen is kept under as the last place.
pub const START: &str = "start";

fn pane_spot(ps: PaneState) -> PaneSpot {
    PaneSpot {
        selected: ps.selected,
        top: ps.top.item,
        top_line: ps.top.line,
    }
}

fn pane_state(s: PaneSpot) -> PaneState {
    PaneState {
        top: Anchor {
            item: s.top,
            line: s.top_line,
        },
        selected: s.selected,
    }
}

fn focus_name(f: PaneId) -> &'static str {
    match f {
        PaneId::Outline => "outline",
        PaneId::Document => "document",
        PaneId::Links => "links",
    }
}

/// Where the user is now, to keep; `None` for a place that has no name.
pub fn spot_of(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> Option<Spot> {
    // Quit on the start screen: it opens again.
    if matches!(state.overlay, Some(Overlay::Start { .. })) {
        return Some(Spot {
            place: START.to_string(),
            ..Spot::default()
        });
    }
    let place = place_name(corpus, state.view())?;
    let c = ctx(state, corpus, graph);
    let paragraph = crate::app::view::document::selected_passage(c, state).map(|p| p.index + 1);
    let concern = match state.view() {
        View::Overview(Overview::Concerns) => {
            crate::app::view::overviews::selected_concern(c, state)
                .and_then(|i| corpus.concerns.get(i))
                .map(|c| c.id.clone())
        }
        _ => None,
    };
    Some(Spot {
        place,
        focus: focus_name(state.focus()).to_string(),
        document: pane_spot(state.here.document),
        links: pane_spot(state.here.links),
        entered: state.here.entered,
        paragraph,
        concern,
    })
}

/// The places of this session: where the user is, then those ahead of it
/// (left by going back), newest first, then the history behind.
pub fn visited(state: &AppState, corpus: &Corpus) -> Vec<String> {
    // The start screen already lists them (and the view under it may be one
    // the user never chose, as on the first launch).
    if let Some(Overlay::Start { places, .. }) = &state.overlay {
        return places.clone();
    }
    std::iter::once(&state.here)
        .chain(state.history.forward.iter())
        .chain(state.history.back.iter().rev())
        .filter_map(|l| place_name(corpus, l.view))
        .collect()
}

/// Puts the state on `spot` when it is about the view in state (which
/// `desk::start` opened from the same name). A paragraph or concern that has
/// moved in the corpus is found by what it is, not by where it was.
pub fn reopen(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, spot: &Spot) {
    if place_name(corpus, state.view()).as_deref() != Some(spot.place.as_str()) {
        return;
    }
    let view = state.view();
    let mut here = Location {
        view,
        focus: match spot.focus.as_str() {
            "outline" => PaneId::Outline,
            "links" => PaneId::Links,
            _ => PaneId::Document,
        },
        document: pane_state(spot.document),
        links: pane_state(spot.links),
        cite: None,
        entered: spot.entered,
    };
    let c = ctx(state, corpus, graph);
    let wanted = match (view, spot.paragraph, &spot.concern) {
        (View::Source(source), Some(n), _) if n > 0 => crate::app::view::document::passage_item(
            c,
            PassageId {
                source,
                index: n - 1,
            },
        ),
        (View::Overview(Overview::Concerns), _, Some(id)) => {
            crate::app::view::overviews::document(c, Overview::Concerns, None)
                .iter()
                .position(|it| {
                    matches!(it, Item::Desk(DeskItem::Concern(i))
                        if corpus.concerns.get(*i).is_some_and(|k| &k.id == id))
                })
        }
        _ => None,
    };
    if let Some(item) = wanted
        && item != here.document.selected
    {
        // The corpus changed since: the same paragraph or concern, at its
        // new place, with its links from the first.
        here.document = PaneState {
            top: Anchor { item, line: 0 },
            selected: item,
        };
        here.links = PaneState::default();
    }
    state.here = here;
    sync_outline(state, corpus, graph);
    settle(state, corpus, graph);
    reveal(state, corpus, graph, state.focus());
}

/// The name the last place is kept under: `article:23`, `source:zamora`,
/// `concerns`.
pub fn place_name(corpus: &Corpus, view: View) -> Option<String> {
    match view {
        View::Overview(o) => Some(o.name().to_string()),
        View::Source(i) => corpus.sources.get(i).map(|s| format!("source:{}", s.id)),
        v => v.target().map(|t| ItemRef::Target(t).to_string()),
    }
}

/// The view a kept name opens, if it still exists.
pub fn place_view(corpus: &Corpus, name: &str) -> Option<View> {
    if let Some(o) = Overview::from_name(name) {
        return Some(View::Overview(o));
    }
    match name.parse::<ItemRef>().ok()?.resolve(corpus).ok()? {
        Resolved::Target(t) => Some(View::from_target(t)),
        Resolved::Source(i) => Some(View::Source(i)),
        Resolved::Passage(p) => Some(View::Source(p.source)),
    }
}

/// Opens the start screen, listing `visited` (this session's places) with
/// the recent ones and the bookmarks.
pub fn open_start(state: &mut AppState, corpus: &Corpus, visited: &[String]) {
    let places = crate::app::view::start::places(corpus, &state.user, visited);
    state.overlay = Some(Overlay::Start {
        places,
        selected: 0,
    });
}
