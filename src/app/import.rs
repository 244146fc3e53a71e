//! The `i` file prompt: imports a text into the user's library the way
//! `treaty import FILE` does, then has the event loop merge the library into
//! the corpus again so the new source shows in the outline and in "Cited by".
//! Nothing is written when the import fails; the footer says why.

use crate::app::action::{Action, Effect};
use crate::app::state::{AppState, Overlay, View};
use crate::app::wrap::WrapCache;
use crate::corpus::Corpus;
use crate::library::{ImportOptions, Library};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use std::path::PathBuf;

/// Longest path kept in the prompt.
pub const PATH_LIMIT: usize = 4096;

/// The keys of the file prompt: `i` opens it, the prompt keys edit the path,
/// Enter imports; `None` leaves any other action to `update`.
pub fn handle(state: &mut AppState, corpus: &Corpus, action: &Action) -> Option<Effect> {
    match (action, &mut state.overlay) {
        (Action::ImportFile, None) => {
            state.overlay = Some(Overlay::Import {
                input: String::new(),
            });
            Some(Effect::Nothing)
        }
        (Action::PromptChar(c), Some(Overlay::Import { input })) => {
            if input.chars().count() < PATH_LIMIT && !c.is_control() {
                input.push(*c);
            }
            Some(Effect::Nothing)
        }
        (Action::PromptBackspace, Some(Overlay::Import { input })) => {
            input.pop();
            Some(Effect::Nothing)
        }
        (Action::PromptSubmit, Some(Overlay::Import { .. })) => {
            state.status = None;
            Some(submit(state, corpus))
        }
        // `i` over another overlay does nothing.
        (Action::ImportFile, _) => Some(Effect::Nothing),
        _ => None,
    }
}

/// `~/x` is the home directory's `x`, as a shell would read it.
fn expand(input: &str) -> PathBuf {
    let t = input.trim();
    if let Some(rest) = t.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(t)
}

/// Enter in the prompt: import the file into the library in the user's data
/// directory. On success the prompt closes and the loop must reload.
pub fn submit(state: &mut AppState, corpus: &Corpus) -> Effect {
    let Some(Overlay::Import { input }) = &state.overlay else {
        return Effect::Nothing;
    };
    if input.trim().is_empty() {
        state.error("Type the path of a text or Markdown file to import, or Esc to cancel.");
        return Effect::Nothing;
    }
    let path = expand(input);
    let library = match Library::open() {
        Ok(l) => l,
        Err(e) => {
            state.error(format!("Nothing imported: {}", one_line(&e.to_string())));
            return Effect::Nothing;
        }
    };
    // Built-in ids are never shadowed, as with `treaty import`.
    let taken = corpus.builtin_source_ids();
    match library.import_files(
        std::slice::from_ref(&path),
        &ImportOptions::default(),
        &taken,
    ) {
        Ok(done) => {
            state.overlay = None;
            let Some(d) = done.first() else {
                state.error("Nothing was imported.");
                return Effect::Nothing;
            };
            let r = &d.reading;
            let warn = r
                .warnings
                .first()
                .map(|w| format!(" Warning: {}", one_line(w)))
                .unwrap_or_default();
            state.info(format!(
                "{} '{}': {} paragraph{}, {} citation{} of the convention. It is under Sources.{warn}",
                if d.updated { "Updated" } else { "Imported" },
                one_line(&d.id),
                r.paragraphs,
                crate::text::plural(r.paragraphs),
                r.citations,
                crate::text::plural(r.citations),
            ));
            state.imported = Some(d.id.clone());
            Effect::ReloadLibrary
        }
        Err(e) => {
            state.error(format!("Nothing imported: {}", one_line(&e.to_string())));
            Effect::Nothing
        }
    }
}

/// Merges the library into `corpus` again after an import, rebuilds the
/// links and opens the source just imported. Returns the new link graph.
pub fn reload(state: &mut AppState, corpus: &mut Corpus) -> LinkGraph {
    let warnings = match Library::open() {
        Ok(l) => l.merge_into(corpus),
        Err(e) => vec![e.to_string()],
    };
    let graph = LinkGraph::build(corpus);
    // Indices of the user's sources may have moved: wrapped texts and places
    // that named them are dropped.
    let summary = state.cache.shows_summary();
    state.cache = WrapCache::default();
    state.cache.set_shows_summary(summary);
    let n = corpus.sources.len();
    let valid = |v: View| !matches!(v, View::Source(i) if i >= n);
    state.history.back.retain(|l| valid(l.view));
    state.history.forward.retain(|l| valid(l.view));
    if !valid(state.view()) {
        state.here = crate::app::nav::fresh(corpus, &graph, state, View::Preamble);
    }
    let id = state.imported.take();
    let status = state.status.clone();
    if let Some(i) = id.as_deref().and_then(|id| {
        // A user source whose id a built-in one has is merged as `my-ID`.
        corpus
            .sources
            .iter()
            .rposition(|s| s.user && (s.id == id || s.id == format!("my-{id}")))
    }) {
        crate::app::nav::open_view(state, corpus, &graph, View::Source(i));
    }
    crate::app::settle::settle(state, corpus, &graph);
    state.status = status;
    if let Some(w) = warnings.first() {
        state.error(format!("Your library: {}", one_line(w)));
    }
    graph
}
