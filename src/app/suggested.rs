//! Deciding on a suggested link from the explorer: `+` on a `[suggested]`
//! entry makes it the user's own inferred link (kept with its reason in
//! their library), `-` hides it and remembers that; the same file as
//! `treaty links accept|reject` writes.

use crate::app::action::{Action, Effect, Save};
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::entry::{Item, SuggestedEntry};
use crate::app::view::selection::selected_item;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::user::suggestions::Decision;

/// `+` and `-` (and taking the table in when it arrives); `None` for
/// every other action.
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<Vec<Effect>> {
    let accept = match action {
        Action::AcceptSuggestion => true,
        Action::RejectSuggestion => false,
        _ => return None,
    };
    // In a source, the paragraph's current link (marked in its links) is
    // the one meant while the paragraph itself is focused.
    let meant = state.focus() == PaneId::Links
        || (state.focus() == PaneId::Document && matches!(state.view(), View::Source(_)));
    let selected = match selected_item(state, corpus, graph, PaneId::Links) {
        Some(Item::Suggested(e)) if meant => Some(e),
        _ => None,
    };
    let Some(e) = selected else {
        state.info(
            "Select a [suggested] link in the links pane first (w moves there): + accepts it, - rejects it.",
        );
        return Some(Vec::new());
    };
    Some(decide(corpus, &e, accept).into_iter().collect())
}

/// The decision, for the loop to save; the footer says what came of it
/// once saved (see `desk::performed`).
fn decide(corpus: &Corpus, e: &SuggestedEntry, accept: bool) -> Option<Effect> {
    let source = corpus.sources.get(e.passage.source)?;
    let decision = Decision {
        source: source.id.clone(),
        paragraph: e.passage.index + 1,
        target: e.target.to_string(),
        reason: e.reason.clone(),
        score: e.score as f32 / 100.0,
    };
    let what = format!(
        "{} ¶ {} -> {}",
        crate::text::one_line(&source.id),
        e.passage.index + 1,
        e.target.label()
    );
    Some(Effect::Save(Save::Decide {
        decision,
        accept,
        what,
    }))
}
