//! The start screen's keys: Up and Down pick a place, Enter opens it, Esc
//! shows the view under it; every other key closes it and does what it does
//! everywhere (`:` goes to, `/` searches, `c` lists the concerns...).

use crate::app::action::{Action, Effect};
use crate::app::state::{AppState, Overlay, Overview};
use crate::app::view::entry::DeskItem;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::user::ItemRef;

/// Handles `action` while the start screen is open; `None` leaves it to
/// `update` (the screen closed first when the key goes somewhere).
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<Effect> {
    let Some(Overlay::Start { places, selected }) = &mut state.overlay else {
        return None;
    };
    let last = places.len().saturating_sub(1);
    match action {
        Action::Down | Action::NextLink => *selected = (*selected + 1).min(last),
        Action::Up | Action::PrevLink => *selected = selected.saturating_sub(1),
        Action::Top | Action::PageUp => *selected = 0,
        Action::Bottom | Action::PageDown => *selected = last,
        Action::Open => {
            let name = places.get(*selected).cloned();
            state.overlay = None;
            if let Some(name) = name {
                open_place(state, corpus, graph, &name);
            }
        }
        Action::Close => {
            state.overlay = None;
            state.blank_start = false;
        }
        Action::Back => state.info("This is the start: Esc shows the view under it."),
        // Kept open: the screen follows the terminal and the results arrive.
        Action::Resize(..) | Action::SearchPoll | Action::Suspend | Action::Quit => return None,
        Action::Mouse(_) | Action::Paste(_) => {}
        _ => {
            state.overlay = None;
            // Keys that go somewhere leave the view under the start screen
            // unseen; any other shows it, and it becomes a place.
            state.blank_start &= matches!(
                action,
                Action::GoTo
                    | Action::Search
                    | Action::Concerns
                    | Action::Coverage
                    | Action::Timeline
                    | Action::Bookmarks
                    | Action::NextArticle
                    | Action::PrevArticle
            );
            return None;
        }
    }
    Some(Effect::Nothing)
}

/// Opens a place the start screen offers: an overview by its name, anything
/// else as a bookmark would be (a passage in its source).
fn open_place(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, name: &str) {
    if let Some(o) = Overview::from_name(name) {
        crate::app::desk::open_overview(state, corpus, graph, o);
        return;
    }
    match name.parse::<ItemRef>() {
        Ok(r) => crate::app::desk::open(state, corpus, graph, DeskItem::Bookmark(r)),
        Err(e) => state.error(format!("{}: {e}", crate::text::one_line(name))),
    }
}
