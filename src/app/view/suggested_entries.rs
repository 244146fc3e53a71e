//! Which suggested links the lists show: the user's rejections hidden,
//! their acceptances shown as their own inferred links. Their lines are
//! drawn by `suggested_lines`.

use crate::app::state::AppState;
use crate::app::view::entry::{Item, SuggestedEntry};
use crate::corpus::{Corpus, PassageId, Target};
use crate::search::suggest::{Suggestion, SuggestionTable};
use crate::user::UserData;
use crate::user::suggestions::State;

/// A suggestion as an entry of a list; `None` when the user rejected it.
pub fn entry(
    corpus: &Corpus,
    user: &UserData,
    s: &Suggestion,
    in_cited_by: bool,
) -> Option<SuggestedEntry> {
    let source = corpus.sources.get(s.passage.source)?;
    let state = user
        .decisions()
        .state(&source.id, s.passage.index + 1, &s.target.to_string());
    if state == State::Rejected {
        return None;
    }
    Some(SuggestedEntry {
        passage: s.passage,
        target: s.target,
        score: (s.score * 100.0).round().max(0.0) as u32,
        reason: s.reason.clone(),
        accepted: state == State::Accepted,
        in_cited_by,
    })
}

/// The suggested entries of a provision's "Cited by", after its links.
pub fn for_target(state: &AppState, corpus: &Corpus, t: Target) -> Vec<Item> {
    listed(state, corpus, true, |table| table.of_target(t))
}

/// The suggested entries of a paragraph's links.
pub fn for_passage(state: &AppState, corpus: &Corpus, p: PassageId) -> Vec<Item> {
    listed(state, corpus, false, |table| table.of_passage(p))
}

/// The entries of the suggestions `of` picks from the table; none before
/// the table is ready or when the user hides suggestions.
fn listed<'a>(
    state: &'a AppState,
    corpus: &Corpus,
    in_cited_by: bool,
    of: impl FnOnce(&'a SuggestionTable) -> &'a [Suggestion],
) -> Vec<Item> {
    let Some(table) = state.suggested.table() else {
        return Vec::new();
    };
    of(table)
        .iter()
        .filter_map(|s| entry(corpus, &state.user, s, in_cited_by))
        .map(Item::Suggested)
        .collect()
}
