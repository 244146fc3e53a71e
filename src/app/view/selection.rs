//! What is selected and what the desk's keys act on, read from the state
//! and the view: the selected entry of a pane, the item `b`, `e` and `y`
//! act on, and its short name for the footer.

use crate::app::state::{AppState, PaneId, View};
use crate::app::view::entry::{DeskItem, Item, ctx};
use crate::corpus::{Corpus, Target};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use crate::user::{ItemRef, Resolved};

/// The selected entry of a pane (its entries as they are now).
pub fn selected_item(
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    id: PaneId,
) -> Option<Item> {
    let items = crate::app::view::document::items(ctx(state, corpus, graph), state, id);
    items.get(state.pane(id).selected).cloned()
}

/// The thing `b`, `e` and `y` act on: the selected passage (in a source, a
/// "Cited by" list the user has moved into, or a concern), else the article,
/// chapter, source or preamble in view; in the lists, the selected entry.
pub fn item_in_view(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> Option<ItemRef> {
    let c = ctx(state, corpus, graph);
    let focus = state.focus();
    match state.view() {
        View::Overview(_) => {
            if focus == PaneId::Outline {
                return None;
            }
            match crate::app::view::overviews::selected_item(c, state)? {
                DeskItem::ConcernPassage(p) => ItemRef::passage(corpus, p),
                DeskItem::ConcernTarget(t, _) => Some(ItemRef::Target(t)),
                DeskItem::CoverageArticle(n) => Some(ItemRef::article(n)),
                DeskItem::CoverageChapter(n) => Some(ItemRef::Target(Target::Chapter(n))),
                DeskItem::Event(i) => corpus
                    .timeline
                    .get(i)
                    .and_then(|e| e.passage)
                    .and_then(|p| ItemRef::passage(corpus, p)),
                DeskItem::Bookmark(r) => Some(r),
                _ => None,
            }
        }
        View::Source(i) => {
            let source = Some(ItemRef::Source(corpus.sources.get(i)?.id.clone()));
            if focus == PaneId::Outline {
                return source;
            }
            match crate::app::view::document::selected_passage(c, state) {
                Some(p) => ItemRef::passage(corpus, p),
                None => source,
            }
        }
        view => {
            let target = view.target()?;
            match (focus, selected_item(state, corpus, graph, focus)) {
                (PaneId::Links, Some(Item::CitedBy { target, index })) => graph
                    .cited_by(target)
                    .get(index)
                    .and_then(|l| ItemRef::passage(corpus, l.passage)),
                // A chapter's row counts once the user has moved into the list.
                (PaneId::Document, Some(Item::ArticleRow(n))) if state.here.entered => {
                    Some(ItemRef::article(n))
                }
                _ => Some(ItemRef::Target(target)),
            }
        }
    }
}

/// A short name for the footer: `Art. 23`, `Zamora ¶ 14`, `source Zamora`.
pub fn short(corpus: &Corpus, item: &ItemRef) -> String {
    match item.resolve(corpus) {
        Ok(Resolved::Target(t)) => t.label(),
        Ok(Resolved::Source(i)) => format!("source {}", one_line(&corpus.sources[i].short_name())),
        Ok(Resolved::Passage(p)) => one_line(&corpus.passage_location(p)),
        Err(_) => match item {
            ItemRef::Brief(subject) => format!("the key points of the brief ({subject})"),
            _ => item.to_string(),
        },
    }
}
