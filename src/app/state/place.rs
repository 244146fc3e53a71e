//! Where the user can be: the views of the main area, and the overviews of
//! the corpus as a whole.

use crate::corpus::{Place, Target};

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Preamble,
    Chapter(u8),
    Article(u8),
    /// Index into `Corpus::sources`.
    Source(usize),
    /// Concerns, coverage, timeline or bookmarks: the corpus as a whole.
    Overview(Overview),
}

impl View {
    pub fn from_place(place: Place) -> View {
        match place {
            Place::Target(t) => View::from_target(t),
            Place::Source(i) => View::Source(i),
        }
    }

    pub fn from_target(t: Target) -> View {
        match t {
            Target::Preamble => View::Preamble,
            Target::Chapter(n) => View::Chapter(n),
            Target::Article(n) => View::Article(n),
        }
    }

    /// The provision the view is about; none for a source.
    pub fn target(self) -> Option<Target> {
        match self {
            View::Preamble => Some(Target::Preamble),
            View::Chapter(n) => Some(Target::Chapter(n)),
            View::Article(n) => Some(Target::Article(n)),
            View::Source(_) | View::Overview(_) => None,
        }
    }
}

/// A view of the corpus as a whole, rather than of one provision or source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Overview {
    Concerns,
    Coverage,
    Timeline,
    Bookmarks,
}

impl Overview {
    pub const ALL: [Overview; 4] = [
        Overview::Concerns,
        Overview::Coverage,
        Overview::Timeline,
        Overview::Bookmarks,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Overview::Concerns => "Concerns",
            Overview::Coverage => "Coverage",
            Overview::Timeline => "Timeline",
            Overview::Bookmarks => "Bookmarks",
        }
    }

    /// The name kept as the last place (`concerns`).
    pub fn name(self) -> &'static str {
        match self {
            Overview::Concerns => "concerns",
            Overview::Coverage => "coverage",
            Overview::Timeline => "timeline",
            Overview::Bookmarks => "bookmarks",
        }
    }

    pub fn from_name(name: &str) -> Option<Overview> {
        Overview::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether the view has a second pane (a concern's passages).
    pub fn has_links(self) -> bool {
        self == Overview::Concerns
    }
}
