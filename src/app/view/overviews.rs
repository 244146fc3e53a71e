//! The analyst's overviews: the concerns raised across the critiques, the
//! coverage of each article, the timeline and the user's bookmarks. What
//! each lists (as pane entries), the numbers behind the coverage chart, and
//! the names and titles they go by. Lines are built in `views_lines`.

use crate::app::keymap::{Keymap, Mode, first_key};
use crate::app::state::Overview;
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::entry::DeskItem;
use crate::app::view::entry::{Ctx, Item};
use crate::corpus::{Corpus, Target};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use crate::user::{ItemRef, UserData};
use std::collections::BTreeSet;

/// Links to one provision (or chapter with its articles), told apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub cited: usize,
    pub inferred: usize,
    /// Distinct passages and distinct sources among the links.
    pub passages: usize,
    pub sources: usize,
}

impl Coverage {
    pub fn total(&self) -> usize {
        self.cited + self.inferred
    }

    fn of(graph: &LinkGraph, targets: &[Target]) -> Coverage {
        let mut out = Coverage::default();
        let mut passages = BTreeSet::new();
        let mut sources = BTreeSet::new();
        for t in targets {
            for l in graph.cited_by(*t) {
                if l.basis.is_cited() {
                    out.cited += 1;
                } else {
                    out.inferred += 1;
                }
                passages.insert(l.passage);
                sources.insert(l.passage.source);
            }
        }
        out.passages = passages.len();
        out.sources = sources.len();
        out
    }
}

pub fn article_coverage(graph: &LinkGraph, n: u8) -> Coverage {
    Coverage::of(graph, &[Target::Article(n)])
}

/// A chapter's own links and its articles' together.
pub fn chapter_coverage(corpus: &Corpus, graph: &LinkGraph, n: u8) -> Coverage {
    let mut targets = vec![Target::Chapter(n)];
    if let Some(ch) = corpus.chapter(n) {
        targets.extend(ch.articles.iter().map(|a| Target::Article(a.number)));
    }
    Coverage::of(graph, &targets)
}

/// Articles most discussed first (passages, then sources, then number);
/// those no critique discusses are left for a list of their own.
pub fn ranked_articles(corpus: &Corpus, graph: &LinkGraph) -> (Vec<u8>, Vec<u8>) {
    let mut covered: Vec<(u8, Coverage)> = Vec::new();
    let mut silent = Vec::new();
    for a in corpus.articles() {
        let c = article_coverage(graph, a.number);
        if c.total() == 0 {
            silent.push(a.number);
        } else {
            covered.push((a.number, c));
        }
    }
    covered.sort_by(|(a, x), (b, y)| {
        y.passages
            .cmp(&x.passages)
            .then(y.sources.cmp(&x.sources))
            .then(a.cmp(b))
    });
    (covered.into_iter().map(|(n, _)| n).collect(), silent)
}

/// The provisions a concern's passages bear on, most often first.
pub fn concern_targets(corpus: &Corpus, graph: &LinkGraph, concern: usize) -> Vec<(Target, usize)> {
    let Some(c) = corpus.concerns.get(concern) else {
        return Vec::new();
    };
    let mut counts: Vec<(Target, usize)> = Vec::new();
    for p in &c.passages {
        let targets: BTreeSet<Target> = graph.links_of(*p).iter().map(|l| l.target).collect();
        for t in targets {
            match counts.iter_mut().find(|(x, _)| *x == t) {
                Some((_, n)) => *n += 1,
                None => counts.push((t, 1)),
            }
        }
    }
    counts.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
    counts
}

/// Events by date, oldest first (dates are ISO prefixes, so text order is
/// date order); events of the same date keep the corpus order.
pub fn events_in_order(corpus: &Corpus) -> Vec<usize> {
    let mut order: Vec<usize> = (0..corpus.timeline.len()).collect();
    order.sort_by(|a, b| corpus.timeline[*a].date.cmp(&corpus.timeline[*b].date));
    order
}

fn key(keys: &Keymap, action: crate::app::action::Action) -> String {
    first_key(keys, Mode::Normal, &action).unwrap_or_else(|| "?".into())
}

/// The entries of an overview's main pane. `user` is needed for the
/// bookmarks only; without it that list is empty.
pub fn document(ctx: Ctx, view: Overview, user: Option<&UserData>) -> Vec<Item> {
    crate::app::probe::document();
    use crate::app::action::Action as A;
    let c = ctx.corpus;
    let d = Item::Desk;
    match view {
        Overview::Concerns => {
            let mut out = vec![
                Item::Plain(
                    "What the critiques worry about, across sources. Choose one: its passages and \
                     the articles they bear on are listed with it."
                        .into(),
                ),
                Item::Blank,
            ];
            if c.concerns.is_empty() {
                out.push(Item::Note("This corpus names no concerns.".into()));
            }
            out.extend((0..c.concerns.len()).map(|i| d(DeskItem::Concern(i))));
            out
        }
        Overview::Coverage => {
            let (covered, silent) = ranked_articles(c, ctx.graph);
            let mut out = vec![
                d(DeskItem::CoverageHeader),
                Item::Blank,
                Item::Label("Articles, most discussed first"),
            ];
            out.extend(covered.iter().map(|n| d(DeskItem::CoverageArticle(*n))));
            out.push(Item::Blank);
            out.push(Item::Label(
                "Chapters: their articles and the chapter as a whole",
            ));
            out.extend(
                c.convention
                    .chapters
                    .iter()
                    .map(|ch| d(DeskItem::CoverageChapter(ch.number))),
            );
            out.push(Item::Blank);
            out.push(Item::Title(format!(
                "Not discussed by any critique ({} articles)",
                silent.len()
            )));
            if silent.is_empty() {
                out.push(Item::Note("Every article is discussed somewhere.".into()));
            }
            out.extend(silent.iter().map(|n| d(DeskItem::CoverageArticle(*n))));
            out
        }
        Overview::Timeline => {
            let mut out = vec![
                Item::Plain(format!(
                    "Oldest first. {} opens the source that states an event.",
                    key(ctx.keys, A::Open)
                )),
                Item::Blank,
            ];
            if c.timeline.is_empty() {
                out.push(Item::Note("This corpus has no dated events.".into()));
            }
            out.extend(
                events_in_order(c)
                    .into_iter()
                    .map(|i| d(DeskItem::Event(i))),
            );
            out
        }
        Overview::Bookmarks => {
            let marks: Vec<ItemRef> = user
                .map(|u| u.bookmarks().iter().cloned().collect())
                .unwrap_or_default();
            let mut out = vec![
                Item::Plain(format!(
                    "{} opens · {} {} move up and down · {} removes · {} writes a brief of them all, \
                     {} its key points",
                    key(ctx.keys, A::Open),
                    key(ctx.keys, A::BookmarkUp),
                    key(ctx.keys, A::BookmarkDown),
                    key(ctx.keys, A::RemoveBookmark),
                    key(ctx.keys, A::Export),
                    key(ctx.keys, A::EditKeyPoints),
                )),
                Item::Blank,
            ];
            if marks.is_empty() {
                out.push(Item::Note(format!(
                    "No bookmarks yet: {} on an article, a passage or a source adds one.",
                    key(ctx.keys, A::ToggleBookmark)
                )));
            }
            out.extend(marks.into_iter().map(|m| d(DeskItem::Bookmark(m))));
            out
        }
    }
}

/// The concern selected in the concerns list.
pub fn selected_concern(ctx: Ctx, state: &AppState) -> Option<usize> {
    let items = document(ctx, Overview::Concerns, None);
    match items.get(state.here.document.selected) {
        Some(Item::Desk(DeskItem::Concern(i))) => Some(*i),
        _ => None,
    }
}

/// The second pane of an overview: a concern's passages and provisions.
pub fn links(ctx: Ctx, state: &AppState, view: Overview) -> Vec<Item> {
    if view != Overview::Concerns {
        return Vec::new();
    }
    let Some(i) = selected_concern(ctx, state) else {
        return vec![Item::Note("Choose a concern to see its passages.".into())];
    };
    let c = ctx.corpus;
    let Some(concern) = c.concerns.get(i) else {
        return Vec::new();
    };
    let targets = concern_targets(c, ctx.graph, i);
    let mut out = vec![
        Item::Desk(DeskItem::ConcernText(i)),
        Item::Blank,
        Item::Title(format!(
            "Passages that raise it ({}, from {} sources)",
            concern.passages.len(),
            concern
                .passages
                .iter()
                .map(|p| p.source)
                .collect::<BTreeSet<_>>()
                .len()
        )),
    ];
    out.extend(
        concern
            .passages
            .iter()
            .map(|p| Item::Desk(DeskItem::ConcernPassage(*p))),
    );
    out.push(Item::Blank);
    out.push(Item::Title(format!(
        "Articles these passages bear on ({})",
        targets.len()
    )));
    if targets.is_empty() {
        out.push(Item::Note(
            "None of these passages is linked to a provision.".into(),
        ));
    }
    out.extend(
        targets
            .into_iter()
            .map(|(t, n)| Item::Desk(DeskItem::ConcernTarget(t, n))),
    );
    out
}

/// The title over an overview's pane.
pub fn title(ctx: Ctx, state: &AppState, view: Overview, pane: PaneId) -> String {
    let c = ctx.corpus;
    match (view, pane) {
        (Overview::Concerns, PaneId::Links) => match selected_concern(ctx, state) {
            Some(i) => c
                .concerns
                .get(i)
                .map(|x| format!("Concern: {}", one_line(&x.title)))
                .unwrap_or_default(),
            None => "Concern".into(),
        },
        (Overview::Concerns, _) => format!("Concerns ({})", c.concerns.len()),
        (Overview::Coverage, _) => "Coverage: how much each article is discussed".into(),
        (Overview::Timeline, _) => format!("Timeline ({} events)", c.timeline.len()),
        (Overview::Bookmarks, _) => format!("Bookmarks ({})", state.user.bookmarks().len()),
    }
}

/// `Concerns > Scope`, `Coverage > Art. 23 …`, `Timeline > 2024-02-09`.
pub fn breadcrumb(ctx: Ctx, state: &AppState, view: Overview) -> String {
    let c = ctx.corpus;
    let concern = || {
        selected_concern(ctx, state)
            .and_then(|i| c.concerns.get(i))
            .map(|x| one_line(&x.title))
            .unwrap_or_default()
    };
    let detail = match selected_item(ctx, state) {
        Some(DeskItem::Concern(i)) => c.concerns.get(i).map(|x| one_line(&x.title)),
        Some(DeskItem::ConcernPassage(p)) => {
            Some(format!("{} > {}", concern(), c.passage_location(p)))
        }
        Some(DeskItem::ConcernTarget(t, _)) => Some(format!("{} > {}", concern(), t.label())),
        Some(DeskItem::CoverageArticle(n)) => Some(c.target_heading(Target::Article(n))),
        Some(DeskItem::CoverageChapter(n)) => Some(c.target_heading(Target::Chapter(n))),
        Some(DeskItem::Event(i)) => c.timeline.get(i).map(|e| one_line(&e.date)),
        Some(DeskItem::Bookmark(r)) => Some(r.heading(c)),
        _ => None,
    };
    match detail {
        Some(d) => one_line(&format!("{} > {d}", view.title())),
        None => view.title().to_string(),
    }
}

/// The entry selected in the focused pane of an overview (the main pane when
/// the outline has the focus).
pub fn selected_item(ctx: Ctx, state: &AppState) -> Option<DeskItem> {
    let View::Overview(view) = state.view() else {
        return None;
    };
    let (items, sel) = match state.focus() {
        PaneId::Links if view.has_links() => (links(ctx, state, view), state.here.links.selected),
        _ => (
            document(ctx, view, Some(&state.user)),
            state.here.document.selected,
        ),
    };
    match items.get(sel) {
        Some(Item::Desk(d)) => Some(d.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for o in Overview::ALL {
            assert_eq!(Overview::from_name(o.name()), Some(o));
        }
        assert_eq!(Overview::from_name("Timeline"), Some(Overview::Timeline));
        assert_eq!(Overview::from_name("article:2"), None);
    }

    #[test]
    fn the_real_corpus_ranks_and_counts() {
        let c = crate::corpus::load_embedded().expect("corpus");
        let g = LinkGraph::build(&c);
        let (covered, silent) = ranked_articles(&c, &g);
        assert_eq!(covered.len() + silent.len(), c.articles().count());
        let first = article_coverage(&g, covered[0]);
        for n in &covered {
            assert!(article_coverage(&g, *n).passages <= first.passages);
        }
        for n in &silent {
            assert_eq!(g.count(Target::Article(*n)), 0);
        }
        let events = events_in_order(&c);
        assert!(
            events
                .windows(2)
                .all(|w| c.timeline[w[0]].date <= c.timeline[w[1]].date)
        );
    }
}
