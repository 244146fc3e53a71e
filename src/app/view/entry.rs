//! The entries panes list (`Item`, `OutlineRow`, `DeskItem`) and `Ctx`, what
//! building them reads: the vocabulary every view module shares.

use crate::app::state::AppState;
use crate::app::wrap::TextKey;
use crate::app::wrap::WrapCache;
use crate::corpus::Corpus;
use crate::corpus::PassageId;
use crate::corpus::Target;
use crate::refs::graph::LinkGraph;
use crate::user::ItemRef;

/// What a pane is drawn from; cheap to copy.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a LinkGraph,
    pub cache: &'a WrapCache,
    /// Texts that name a key (an overview's hints) name the session's.
    pub keys: &'a crate::app::keymap::Keymap,
}

/// The context of the state's panes.
pub fn ctx<'a>(state: &'a AppState, corpus: &'a Corpus, graph: &'a LinkGraph) -> Ctx<'a> {
    Ctx {
        corpus,
        graph,
        cache: &state.cache,
        keys: &state.keymap,
    }
}

/// The label that must stand over every summary written by the project.
pub const SUMMARY_LABEL: &str = "Summary - not the authentic text";

pub const TEXT_LABEL: &str = "Authentic text";

/// One entry of a pane. Entries are what selection and scrolling count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Title(String),
    Plain(String),
    /// A metadata field; `None` shows as "unknown".
    Field(&'static str, Option<String>),
    Label(&'static str),
    Body(TextKey),
    Blank,
    Note(String),
    /// A source's section heading: shown, never numbered.
    Heading {
        source: usize,
        index: usize,
    },
    Passage(PassageId),
    /// An article in a chapter's list.
    ArticleRow(u8),
    /// Entry `index` of `graph.cited_by(target)`.
    CitedBy {
        target: Target,
        index: usize,
    },
    /// Entry `index` of `graph.links_of(passage)`.
    LinkOf {
        passage: PassageId,
        index: usize,
    },
    /// A suggested link: in "Cited by" it names the passage, in a
    /// paragraph's links the provision.
    Suggested(SuggestedEntry),
    Outline(OutlineRow),
    /// An entry of the concerns, coverage, timeline or bookmarks, or the
    /// user's marks under a heading.
    Desk(crate::app::view::entry::DeskItem),
}

impl Item {
    /// Whether the entry can hold the selection.
    pub fn selectable(&self) -> bool {
        if let Item::Desk(d) = self {
            return d.selectable();
        }
        matches!(
            self,
            Item::Passage(_)
                | Item::ArticleRow(_)
                | Item::CitedBy { .. }
                | Item::LinkOf { .. }
                | Item::Suggested(_)
                | Item::Outline(
                    OutlineRow::Preamble
                        | OutlineRow::Chapter(_)
                        | OutlineRow::Article(_)
                        | OutlineRow::Source(_)
                )
        )
    }
}

/// A suggested link as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedEntry {
    pub passage: PassageId,
    pub target: Target,
    /// The suggester's score in hundredths (`3.12` is 312).
    pub score: u32,
    /// What matched: `'quick freeze', 'traffic data' -> Art. 42`.
    pub reason: String,
    /// The user made it their own inferred link.
    pub accepted: bool,
    /// Listed under a provision ("Cited by"), so it names the passage.
    pub in_cited_by: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineRow {
    Preamble,
    Chapter(u8),
    Article(u8),
    SourcesLabel,
    Source(usize),
}

/// An entry of an overview, or the user's marks under a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskItem {
    /// Index into `Corpus::concerns`.
    Concern(usize),
    /// A concern's description.
    ConcernText(usize),
    ConcernPassage(PassageId),
    /// A provision the concern's passages bear on, with how many do.
    ConcernTarget(Target, usize),
    /// The legend and column heads of the coverage chart.
    CoverageHeader,
    CoverageArticle(u8),
    CoverageChapter(u8),
    /// Index into `Corpus::timeline`.
    Event(usize),
    Bookmark(ItemRef),
    /// `★ bookmarked` and the note of the item the view is about; a blank
    /// line when there is neither.
    Marks(ItemRef),
}

impl DeskItem {
    pub fn selectable(&self) -> bool {
        !matches!(
            self,
            DeskItem::ConcernText(_) | DeskItem::CoverageHeader | DeskItem::Marks(_)
        )
    }
}
