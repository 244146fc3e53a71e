//! `update`: the one place the state changes. Every key, click and resize
//! arrives here as an [`Action`].

use crate::app::action::{Action, Effect, Outcome};
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

/// Applies one action; returns what the event loop must do besides drawing
/// (quit, suspend, save, copy, write a brief, import), in order. `update`
/// writes no file and reads no environment: the loop performs the effects
/// and tells the outcome back as [`Action::Performed`].
pub fn update(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: Action,
) -> Vec<Effect> {
    let mut effects = apply(state, corpus, graph, action);
    effects.retain(|e| *e != Effect::Nothing);
    effects
}

fn apply(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, action: Action) -> Vec<Effect> {
    if !matches!(
        action,
        Action::Resize(..)
            | Action::Mouse(_)
            | Action::SearchPoll
            | Action::Paste(_)
            | Action::Performed(_)
    ) {
        state.status = None;
    }
    // Before any overlay takes the keys: an outcome is told whatever is open.
    if let Action::Performed(outcome) = action {
        let effects = match *outcome {
            Outcome::ImportProgress(_) | Outcome::Imported(_) => {
                crate::app::import::performed(state, corpus, graph, *outcome);
                Vec::new()
            }
            outcome => crate::app::desk::performed(state, corpus, graph, outcome),
        };
        settle(state, corpus, graph);
        return effects;
    }
    if let Some(effect) = crate::app::search::intercept(state, corpus, graph, action.clone()) {
        return vec![effect];
    }
    if let Some(effect) = crate::app::index::handle(state, corpus, graph, &action) {
        return vec![effect];
    }
    if let Some(effects) = crate::app::suggested::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effects;
    }
    if let Some(effect) = crate::app::start::handle(state, corpus, graph, &action) {
        return vec![effect];
    }
    if let Some(effects) = crate::app::desk::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return effects;
    }
    if let Some(effect) = crate::app::present::handle(state, corpus, graph, &action) {
        settle(state, corpus, graph);
        return vec![effect];
    }
    if let Some(effect) = crate::app::import::handle(state, &action) {
        settle(state, corpus, graph);
        return vec![effect];
    }
    if crate::app::cited_by::handle(state, corpus, graph, &action).is_some() {
        settle(state, corpus, graph);
        return Vec::new();
    }
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::Resize(w, h) => {
            state.size = (w, h);
            settle(state, corpus, graph);
            crate::app::cited_by::realign(state, corpus, graph);
            reveal(state, corpus, graph, state.focus());
        }
        Action::Mouse(m) => match mouse::overlay_action(state, m) {
            Some(action) => return apply(state, corpus, graph, action),
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
        // Taken at the top.
        Action::Performed(_) => {}
    }
    settle(state, corpus, graph);
    Vec::new()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Save;
    use crate::corpus::{Place, Target};
    use crate::user::{ItemRef, UserData};

    /// Every file under `dir`, with its contents.
    fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).expect("readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files(&p));
            } else {
                out.push((p.clone(), std::fs::read(&p).expect("readable")));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_key_that_saves_returns_the_save_and_writes_nothing() {
        let home = tempfile::tempdir().expect("tempdir");
        let corpus = crate::corpus::load_embedded().expect("the corpus");
        let graph = LinkGraph::build(&corpus);
        let (user, warnings) = UserData::load_from(home.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        let start = Some(Place::Target(Target::Article(23)));
        let mut state = crate::app::nav::start(&corpus, &graph, start, (100, 30), false);
        state.user = user;
        state.desk.export_dir = Some(home.path().to_path_buf());
        let before = files(home.path());

        let b = update(&mut state, &corpus, &graph, Action::ToggleBookmark);
        assert_eq!(
            b,
            vec![Effect::Save(Save::ToggleBookmark(ItemRef::article(23)))]
        );
        assert!(!state.user.is_bookmarked(&ItemRef::article(23)));

        let x = update(&mut state, &corpus, &graph, Action::Export);
        assert!(
            matches!(&x[..], [Effect::WriteBrief { what, .. }] if what == "art. 23"),
            "{x:?}"
        );

        update(&mut state, &corpus, &graph, Action::EditNote);
        update(&mut state, &corpus, &graph, Action::Paste("mine".into()));
        let q = update(&mut state, &corpus, &graph, Action::Quit);
        assert!(
            matches!(&q[..], [Effect::Save(Save::Note { text, .. }), Effect::Quit] if text == "mine"),
            "{q:?}"
        );
        assert_eq!(files(home.path()), before, "update wrote to the disk");
    }

    #[test]
    fn what_the_loop_did_is_told_in_the_footer() {
        let corpus = crate::corpus::load_embedded().expect("the corpus");
        let graph = LinkGraph::build(&corpus);
        let start = Some(Place::Target(Target::Article(23)));
        let mut state = crate::app::nav::start(&corpus, &graph, start, (100, 30), false);
        let outcome = Outcome::Saved {
            change: Save::ToggleBookmark(ItemRef::article(23)),
            result: Err("not saved: the disk is full".into()),
            notices: vec!["bookmarks.json was set aside".into()],
        };
        let more = update(
            &mut state,
            &corpus,
            &graph,
            Action::Performed(Box::new(outcome)),
        );
        assert!(more.is_empty());
        let status = state.status.expect("a message");
        assert_eq!(
            status.text,
            "bookmark not saved: the disk is full · bookmarks.json was set aside"
        );
    }

    /// The app reads no environment: paths come from the loop.
    #[test]
    fn nothing_in_app_reads_the_environment() {
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).expect("readable").flatten() {
                let p = e.path();
                if p.is_dir() {
                    sources(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut all = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
            &mut all,
        );
        assert!(all.len() > 10, "{all:?}");
        // Spelled in two pieces, so this file does not find itself.
        let needles = [concat!("env", "::var"), concat!("env", "::home_dir")];
        for p in all {
            let text = std::fs::read_to_string(&p).expect("readable");
            for n in needles {
                assert!(
                    !text.contains(n),
                    "{} reads the environment ({n})",
                    p.display()
                );
            }
        }
    }
}
