//! Everything the explorer remembers: where the user is (view, focus, scroll and
//! selection of each pane), the history behind and ahead, the outline, the
//! overlays and the status message. Changed only by `update`.

pub mod behind;
pub mod cited;
pub mod deck;
pub mod editor;
pub mod engine;
pub mod index;
pub mod keys;
pub mod place;
pub mod search;
pub mod suggested;

pub use place::{Overview, View};

use crate::app::scroll::Anchor;
use crate::app::wrap::WrapCache;
use crate::user::ItemRef;
use std::path::PathBuf;

/// The panes a user moves between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    /// Preamble, chapters and their articles, sources.
    Outline,
    /// The text of the view: an article, a chapter's articles, a source.
    Document,
    /// "Cited by" of a provision, or the links of a source's paragraph.
    Links,
}

impl PaneId {
    pub const CYCLE: [PaneId; 3] = [PaneId::Outline, PaneId::Document, PaneId::Links];
}

/// Scroll and selection of one pane. `selected` is an entry index; in panes
/// where nothing is selectable it is ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneState {
    pub top: Anchor,
    pub selected: usize,
}

/// A place in the history: the view with its focus, scroll and selections,
/// so going back lands exactly where the user was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub view: View,
    pub focus: PaneId,
    pub document: PaneState,
    pub links: PaneState,
    /// The citation inside the authentic text that Tab and Enter act on (an
    /// index into `text_links::links`), when one is current.
    pub cite: Option<usize>,
    /// Whether the user has moved into the view's list (a chapter's
    /// articles): until then its first row is only shown, and `b`, `e`, `y`
    /// and `x` act on the view itself.
    pub entered: bool,
}

impl Location {
    pub fn pane(&self, id: PaneId) -> Option<&PaneState> {
        match id {
            PaneId::Outline => None,
            PaneId::Document => Some(&self.document),
            PaneId::Links => Some(&self.links),
        }
    }
}

/// Back and forward stacks, like a browser's.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub back: Vec<Location>,
    pub forward: Vec<Location>,
}

/// How many places are remembered behind the current one.
pub const HISTORY_LIMIT: usize = 500;

impl History {
    /// Remembers `from` before moving to a new place; the forward stack is
    /// dropped, as in a browser.
    pub fn leave(&mut self, from: Location) {
        if self.back.len() >= HISTORY_LIMIT {
            self.back.remove(0);
        }
        self.back.push(from);
        self.forward.clear();
    }
}

/// The outline pane is not part of the history: it stays as the user left it.
#[derive(Debug, Clone, Default)]
pub struct OutlineState {
    /// Chapter numbers shown with their articles.
    pub expanded: Vec<u8>,
    pub pane: PaneState,
}

impl OutlineState {
    pub fn is_expanded(&self, chapter: u8) -> bool {
        self.expanded.contains(&chapter)
    }
}

/// What is drawn over the views and takes the keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        top: usize,
    },
    GoTo {
        input: String,
    },
    /// The note editor on an item (`e`); leaving it saves the note.
    Note {
        item: crate::user::ItemRef,
        title: String,
        editor: crate::app::state::editor::Editor,
    },
    /// A slide deck shown full screen (`p`, `treaty present`).
    Present(crate::app::state::deck::Presentation),
    /// The file prompt of `i`: a path to import into the library.
    Import {
        input: String,
    },
    /// The search overlay (`/`), fed by the background search.
    Search(Box<crate::app::state::search::SearchOverlay>),
    /// The subject index (`I`), filtered as the user types.
    Index(Box<crate::app::state::index::IndexOverlay>),
    /// The start screen: on the first launch, and when going back past the
    /// first place. `places` are the names of the places it offers (see
    /// `view::start::places`), fixed when it opens; `selected` indexes them.
    Start {
        places: Vec<String>,
        selected: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub struct AppState {
    pub here: Location,
    pub history: History,
    pub outline: OutlineState,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    pub mouse: bool,
    /// The import running in the background (`i`), while it runs.
    pub importing: Option<Importing>,
    /// Wrapped texts by width, shared by `update` and drawing.
    pub cache: WrapCache,
    /// The search engine, the queries of the session, the match marked.
    pub search: crate::app::state::search::SearchSession,
    /// Bookmarks, notes and the last place, saved as they change.
    pub user: crate::user::UserData,
    /// Clipboard output for the terminal, unsaved notes, where briefs go.
    pub desk: crate::app::state::Desk,
    /// The keys of this session (config.toml's overrides on the table).
    pub keymap: crate::app::state::keys::Keymap,
    /// The suggested links, computed off the UI thread.
    pub suggested: crate::app::state::suggested::SuggestedLinks,
    /// The view under the start screen of a first launch, until the user
    /// sees it: no place to go back to.
    pub blank_start: bool,
    /// The Cited by lists' filter, order and passages opened in place.
    pub cited: crate::app::state::cited::CitedByState,
}

impl AppState {
    /// A state at `view` with nothing selected yet; `update::start` settles it.
    pub fn blank(view: View, size: (u16, u16), mouse: bool) -> Self {
        AppState {
            here: Location {
                view,
                focus: PaneId::Outline,
                document: PaneState::default(),
                links: PaneState::default(),
                cite: None,
                entered: false,
            },
            history: History::default(),
            outline: OutlineState::default(),
            overlay: None,
            status: None,
            size,
            mouse,
            importing: None,
            cache: WrapCache::default(),
            search: crate::app::state::search::SearchSession::default(),
            user: crate::user::UserData::default(),
            desk: crate::app::state::Desk::default(),
            keymap: crate::app::state::keys::Keymap::default(),
            suggested: crate::app::state::suggested::SuggestedLinks::default(),
            blank_start: false,
            cited: crate::app::state::cited::CitedByState::default(),
        }
    }

    pub fn view(&self) -> View {
        self.here.view
    }

    pub fn focus(&self) -> PaneId {
        self.here.focus
    }

    pub fn pane(&self, id: PaneId) -> &PaneState {
        match id {
            PaneId::Outline => &self.outline.pane,
            PaneId::Document => &self.here.document,
            PaneId::Links => &self.here.links,
        }
    }

    pub fn pane_mut(&mut self, id: PaneId) -> &mut PaneState {
        match id {
            PaneId::Outline => &mut self.outline.pane,
            PaneId::Document => &mut self.here.document,
            PaneId::Links => &mut self.here.links,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

/// An import running in the background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Importing {
    /// What was typed in the prompt: a failed import opens it again with
    /// this, so the path can be fixed.
    pub input: String,
    /// The progress line the footer shows: `Importing memo.md: 40% of 50 MB`.
    pub line: String,
}

/// What the desk keeps besides the user's data.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    /// Notes that could not be saved, by item: reopening the editor on the
    /// item brings the text back, and they are printed on quit.
    pub drafts: Vec<(ItemRef, String)>,
    /// Where `x` writes the brief: the directory treaty was started in.
    /// Without one (a state built in a test), the data directory.
    pub export_dir: Option<PathBuf>,
    /// The user's home directory, which `~/` names in the import prompt;
    /// the event loop gives it (the app reads no environment).
    pub home: Option<PathBuf>,
}
