//! `update`: the one place the state changes. Every key, click and resize
//! arrives here as an [`Action`].

use crate::app::action::{Action, Effect};
use crate::app::mouse;
use crate::app::nav::{cycle_focus, help_scroll, move_in, outline_toggle};
use crate::app::settle::reveal;
use crate::app::settle::settle;
use crate::app::state::editor::one_line_paste;
use crate::app::state::{AppState, Overlay, PaneId};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;

/// Longest go-to input kept; a place name is never this long.
const PROMPT_LIMIT: usize = 80;

/// Applies one action; tells the event loop whether to quit or suspend.
pub fn update(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, action: Action) -> Effect {
    if !matches!(
        action,
        Action::Resize(..) | Action::Mouse(_) | Action::SearchPoll | Action::Paste(_)
    ) {
        state.status = None;
    }
    if let Some(effect) = crate::app::search::intercept(state, corpus, graph, action.clone()) {
        return effect;
    }
    if let Some(effect) = crate::app::index::handle(state, corpus, graph, &action) {
        return effect;
    }
    if crate::app::suggested::handle(state, corpus, graph, &action).is_some() {
        settle(state, corpus, graph);
        return Effect::Nothing;
    }
    if let Some(effect) = crate::app::start::handle(state, corpus, graph, &action) {
        return effect;
    }
    if let Some(effect) = crate::app::desk::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effect;
    }
    if let Some(effect) = crate::app::present::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effect;
    }
    if let Some(effect) = crate::app::import::handle(state, corpus, &action) {
        settle(state, corpus, graph);
        return effect;
    }
    if crate::app::cited_by::handle(state, corpus, graph, &action).is_some() {
        settle(state, corpus, graph);
        return Effect::Nothing;
    }
    match action {
        Action::Quit => return Effect::Quit,
        Action::Suspend => return Effect::Suspend,
        Action::Resize(w, h) => {
            state.size = (w, h);
            settle(state, corpus, graph);
            crate::app::cited_by::realign(state, corpus, graph);
            reveal(state, corpus, graph, state.focus());
        }
        Action::Mouse(m) => match mouse::overlay_action(state, m) {
            Some(action) => return update(state, corpus, graph, action),
            None => mouse::handle(state, corpus, graph, m),
        },
        Action::Help => {
            state.overlay = match state.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { top: 0 }),
            }
        }
        Action::Close => state.overlay = None,
        Action::GoTo => {
            state.overlay = Some(Overlay::GoTo {
                input: String::new(),
            })
        }
        Action::PromptChar(c) => {
            if let Some(Overlay::GoTo { input }) = &mut state.overlay
                && input.chars().count() < PROMPT_LIMIT
                && !c.is_control()
            {
                input.push(c);
            }
        }
        Action::Paste(ref text) => paste(state, text),
        Action::PromptBackspace => {
            if let Some(Overlay::GoTo { input }) = &mut state.overlay {
                input.pop();
            }
        }
        Action::PromptSubmit => crate::app::nav::submit_prompt(state, corpus, graph),
        Action::Search => crate::app::search::open(state, corpus),
        Action::SearchPoll => {
            // The suggested links arrive on the same wake as search results.
            state.suggested.poll();
            crate::app::search::poll(state, corpus, graph)
        }
        Action::NextMatch => crate::app::search::step(state, corpus, graph, true),
        Action::PrevMatch => crate::app::search::step(state, corpus, graph, false),
        // Keys of the search overlay: `search::intercept` above takes them.
        Action::NextScope
        | Action::OlderQuery
        | Action::NewerQuery
        | Action::PromptDelete
        | Action::PromptClear
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorStart
        | Action::CursorEnd => {}
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            if let Some(Overlay::Help { top }) = state.overlay {
                let top = help_scroll(state, top, &action);
                state.overlay = Some(Overlay::Help { top });
            } else {
                move_in(state, corpus, graph, state.focus(), &action);
            }
        }
        Action::Open => crate::app::links::open(state, corpus, graph),
        Action::Expand => outline_toggle(state, corpus, graph, true),
        Action::Collapse => outline_toggle(state, corpus, graph, false),
        Action::NextLink => crate::app::links::step_link(state, corpus, graph, true),
        Action::PrevLink => crate::app::links::step_link(state, corpus, graph, false),
        Action::NextPane => cycle_focus(state, corpus, graph, 1),
        Action::PrevPane => cycle_focus(state, corpus, graph, PaneId::CYCLE.len() - 1),
        Action::NextArticle => crate::app::nav::next_article(state, corpus, graph, true),
        Action::PrevArticle => crate::app::nav::next_article(state, corpus, graph, false),
        Action::Back => crate::app::nav::back(state, corpus, graph),
        Action::Forward => crate::app::nav::forward(state, corpus, graph),
        // Handled by `present::handle`, `import::handle` and `index::handle`
        // above.
        Action::SubjectIndex
        | Action::AcceptSuggestion
        | Action::RejectSuggestion
        | Action::Present
        | Action::NextSlide
        | Action::PrevSlide
        | Action::BlankScreen
        | Action::ToggleOwn
        | Action::ImportFile
        | Action::ToggleSummary => {}
        // Handled by `desk::handle` above.
        Action::Concerns
        | Action::Coverage
        | Action::Timeline
        | Action::Bookmarks
        | Action::ToggleBookmark
        | Action::BookmarkUp
        | Action::BookmarkDown
        | Action::RemoveBookmark
        | Action::EditNote
        | Action::Edit(_)
        | Action::SaveNote
        | Action::Copy
        | Action::Export
        | Action::EditKeyPoints => {}
        // Handled by `cited_by::handle` above.
        Action::ReadHere
        | Action::ReadAll
        | Action::CitedOrder
        | Action::CitedTreatment
        | Action::CitedDepth
        | Action::CitedSource
        | Action::CitedBasis
        | Action::CitedYear
        | Action::CitedClear => {}
    }
    settle(state, corpus, graph);
    Effect::Nothing
}

/// Pasted text goes into the prompt being typed in, cut to what the prompt
/// holds; with no field open it is ignored. The search overlay and the note
/// editor take theirs in `search::intercept` and `desk::handle`.
fn paste(state: &mut AppState, text: &str) {
    let field = |input: &mut String, limit: usize| {
        let room = limit.saturating_sub(input.chars().count());
        input.push_str(&one_line_paste(text, room));
    };
    match &mut state.overlay {
        Some(Overlay::GoTo { input }) => field(input, PROMPT_LIMIT),
        Some(Overlay::Import { input }) => field(input, crate::app::import::PATH_LIMIT),
        _ => {}
    }
}
