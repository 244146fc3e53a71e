//! Presenting: `p` opens the slides of what is on screen, the keys that step
//! through them, jump to a slide by number or to either end, blank the
//! room's screen and show the user's own documents; a resize paginates the
//! deck again. Also `s`, which shows a provision's summary or its authentic
//! text. Called by `update` before the views take a key.

use crate::app::action::{Action, Effect};
use crate::app::state::{AppState, Overlay, View};
use crate::app::view::slide_pages::paginate;
use crate::app::view::slides::deck_from_explorer;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;

/// Handles `action` when it is one of ours; `None` leaves it to `update`.
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<Effect> {
    let size = state.size;
    match (action, &mut state.overlay) {
        (Action::Present, None) => {
            let ctx = crate::app::view::entry::ctx(state, corpus, graph);
            match deck_from_explorer(ctx, state) {
                Ok(mut deck) => {
                    paginate(&mut deck, corpus, graph, size);
                    state.overlay = Some(Overlay::Present(deck));
                }
                Err(why) => state.error(why),
            }
            Some(Effect::Nothing)
        }
        // The deck is cut for the new size, the same article kept in view;
        // `update` then takes the size as for every view.
        (Action::Resize(w, h), Some(Overlay::Present(p))) => {
            if p.size != (*w, *h) {
                paginate(p, corpus, graph, (*w, *h));
            }
            None
        }
        (Action::NextSlide, Some(Overlay::Present(p))) => {
            p.step(true);
            Some(Effect::Nothing)
        }
        (Action::PrevSlide, Some(Overlay::Present(p))) => {
            p.step(false);
            Some(Effect::Nothing)
        }
        (Action::Top | Action::Bottom, Some(Overlay::Present(p))) => {
            p.jump_to_end(*action == Action::Bottom);
            Some(Effect::Nothing)
        }
        (Action::BlankScreen, Some(Overlay::Present(p))) => {
            p.toggle_blank();
            Some(Effect::Nothing)
        }
        (Action::ToggleOwn, Some(Overlay::Present(p))) => {
            p.with_own = !p.with_own;
            let at = p.size;
            paginate(p, corpus, graph, at);
            Some(Effect::Nothing)
        }
        (Action::PromptChar(c), Some(Overlay::Present(p))) => {
            p.type_digit(*c);
            Some(Effect::Nothing)
        }
        (Action::PromptBackspace, Some(Overlay::Present(p))) => {
            p.erase_digit();
            Some(Effect::Nothing)
        }
        (Action::PromptSubmit, Some(Overlay::Present(p))) => {
            p.submit_jump();
            Some(Effect::Nothing)
        }
        (Action::Close, Some(Overlay::Present(p))) => {
            // The explorer under the slides was never touched: closing them
            // is all it takes to be back where the user was.
            let exit = p.exit_on_close;
            state.overlay = None;
            Some(if exit { Effect::Quit } else { Effect::Nothing })
        }
        (Action::ToggleSummary, None) => {
            toggle_summary(state, corpus);
            Some(Effect::Nothing)
        }
        // Keys of an overlay that is not open do nothing.
        (
            Action::Present
            | Action::NextSlide
            | Action::PrevSlide
            | Action::BlankScreen
            | Action::ToggleOwn
            | Action::ToggleSummary,
            _,
        ) => Some(Effect::Nothing),
        _ => None,
    }
}

fn toggle_summary(state: &mut AppState, corpus: &Corpus) {
    let has_text = match state.view() {
        View::Article(n) => corpus.article(n).is_some_and(|a| a.text.is_some()),
        View::Preamble => corpus.convention.preamble.text.is_some(),
        _ => false,
    };
    if !has_text {
        state.info(
            "Only the summary is here: `treaty import-text FILE` adds the authentic text, \
             then s switches between the two.",
        );
        return;
    }
    let on = !state.cache.shows_summary();
    state.cache.set_shows_summary(on);
    // The text changed under the scroll: start from its top.
    state.here.document = Default::default();
    state.info(if on {
        "Showing the summary (not the authentic text); s shows the authentic text."
    } else {
        "Showing the authentic text; s shows the summary."
    });
}
