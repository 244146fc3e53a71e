//! The explorer's behaviour: the actions a user can take, the key table, the
//! state and `update`, which alone changes it, and the event loop. Drawing is
//! in `ui`; this module knows where panes are and what they list, not how they
//! look.

pub mod action;
pub mod desk;
pub mod document;
pub mod editor;
mod entries;
pub mod follow;
pub mod geometry;
pub mod helprows;
pub mod import_prompt;
pub mod keymap;
pub mod lines;
pub mod modes;
pub mod mouse;
pub mod navigate;
pub mod occurrence;
pub mod overrides;
pub mod pane;
pub mod present;
pub mod probe;
pub mod run;
pub mod screen;
pub mod scroll;
pub mod search;
pub mod search_engine;
pub mod state;
pub mod text_links;
pub mod update;
pub mod views;
mod views_lines;
pub mod wrap;

pub use action::{Action, Effect, MouseInput, MouseKind};
pub use navigate::start;
pub use state::{AppState, PaneId, View};
pub use update::update;

/// How the explorer starts.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Capture the mouse; off leaves text selection to the terminal.
    pub mouse: bool,
    pub start: Option<crate::corpus::Place>,
}

/// Runs the full-screen explorer until the user quits.
pub fn run(corpus: crate::corpus::Corpus, opts: RunOptions) -> anyhow::Result<()> {
    run::run(corpus, opts)
}
