//! What each pane lists, view by view: the entries of an article, a chapter, the
//! preamble, a source, the "Cited by" of a provision, the links of a paragraph,
//! and the outline. Titles and the breadcrumb are named here too.

use crate::app::state::{AppState, PaneId, View};
use crate::app::view::entry::Ctx;
use crate::app::view::entry::Item;
use crate::app::view::entry::OutlineRow;
use crate::app::view::entry::SUMMARY_LABEL;
use crate::app::view::entry::TEXT_LABEL;
use crate::app::wrap::Derived;
use crate::app::wrap::TextKey;
use crate::corpus::{Corpus, PassageId, Target};
use crate::text::one_line;
use crate::user::ItemRef;
use std::rc::Rc;

/// The entries of a pane for the current state.
pub fn items(ctx: Ctx, state: &AppState, pane: PaneId) -> Rc<Vec<Item>> {
    match pane {
        PaneId::Outline => {
            let key = state.outline.expanded.clone();
            ctx.cache
                .memo(Derived::Outline, key, || outline(ctx, state))
        }
        PaneId::Document => match state.view() {
            View::Overview(o) => Rc::new(crate::app::view::overviews::document(
                ctx,
                o,
                Some(&state.user),
            )),
            view => document(ctx, view),
        },
        PaneId::Links => match state.view() {
            View::Overview(_) => Rc::new(links(ctx, state)),
            // Asked for several times a key and a frame (the pane, the
            // footer's item, the reading pane): listed once while nothing
            // it reads has changed.
            view => {
                let key = (
                    view,
                    ctx.graph.is_pending(),
                    selected_passage(ctx, state),
                    state.cited.filter.clone(),
                    state.cited.sort,
                    state.suggested.table().map(std::ptr::from_ref),
                    state.user.decisions().clone(),
                    crate::app::keymap::first_key(
                        ctx.keys,
                        crate::app::keymap::Mode::Normal,
                        &crate::app::action::Action::CitedClear,
                    ),
                );
                ctx.cache.memo(Derived::Links, key, || links(ctx, state))
            }
        },
    }
}

fn outline(ctx: Ctx, state: &AppState) -> Vec<Item> {
    let mut out = vec![Item::Outline(OutlineRow::Preamble)];
    for ch in &ctx.corpus.convention.chapters {
        out.push(Item::Outline(OutlineRow::Chapter(ch.number)));
        if state.outline.is_expanded(ch.number) {
            out.extend(
                ch.articles
                    .iter()
                    .map(|a| Item::Outline(OutlineRow::Article(a.number))),
            );
        }
    }
    out.push(Item::Outline(OutlineRow::SourcesLabel));
    out.extend((0..ctx.corpus.sources.len()).map(|i| Item::Outline(OutlineRow::Source(i))));
    out
}

/// The entries of the main text of a view, built once per view (and per
/// choice of summary or authentic text) and kept: a source of a million
/// paragraphs is listed once, not on every key. The overviews, which read
/// the user's data, are short and built each time.
pub fn document(ctx: Ctx, view: View) -> Rc<Vec<Item>> {
    if let View::Overview(o) = view {
        return Rc::new(crate::app::view::overviews::document(ctx, o, None));
    }
    let key = (view, ctx.cache.shows_summary());
    ctx.cache.memo(Derived::Document, key, || build(ctx, view))
}

fn build(ctx: Ctx, view: View) -> Vec<Item> {
    crate::app::probe::document();
    let c = ctx.corpus;
    match view {
        View::Preamble => {
            let p = &c.convention.preamble;
            let mut out = vec![
                Item::Title("Preamble".into()),
                Item::Plain(format!(
                    "{} ({})",
                    one_line(&c.convention.title),
                    one_line(&c.convention.resolution)
                )),
            ];
            out.extend(cited_summary(ctx, Target::Preamble));
            out.push(marks(ItemRef::Target(Target::Preamble)));
            provision_text(
                &mut out,
                (p.text.is_some(), ctx.cache.shows_summary()),
                p.summary_is_official,
                TextKey::PreambleText,
                TextKey::PreambleSummary,
            );
            out
        }
        View::Article(n) => {
            let Some(a) = c.article(n) else {
                return vec![Item::Note(format!("Article {n} is not in this corpus."))];
            };
            let mut out = vec![Item::Title(format!(
                "Article {} · {}",
                a.number,
                one_line(&a.title)
            ))];
            if let Some(ch) = c.chapter(a.chapter) {
                out.push(Item::Plain(one_line(&ch.heading())));
            }
            out.extend(cited_summary(ctx, Target::Article(n)));
            out.push(marks(ItemRef::article(n)));
            provision_text(
                &mut out,
                (a.text.is_some(), ctx.cache.shows_summary()),
                a.summary_is_official,
                TextKey::ArticleText(n),
                TextKey::ArticleSummary(n),
            );
            out
        }
        View::Chapter(n) => {
            let Some(ch) = c.chapter(n) else {
                return vec![Item::Note(format!("Chapter {n} is not in this corpus."))];
            };
            let mut out = vec![Item::Title(one_line(&ch.heading()))];
            let span = match (ch.articles.first(), ch.articles.last()) {
                (Some(f), Some(l)) => format!(
                    "{} articles, {} to {}. Right: passages linked to each.",
                    ch.articles.len(),
                    f.number,
                    l.number
                ),
                _ => "No articles.".to_string(),
            };
            out.push(Item::Plain(span));
            out.push(marks(ItemRef::Target(Target::Chapter(n))));
            out.extend(ch.articles.iter().map(|a| Item::ArticleRow(a.number)));
            out
        }
        View::Source(i) => source(ctx, i),
        View::Overview(o) => crate::app::view::overviews::document(ctx, o, None),
    }
}

/// `Cited by 13 passages · 5 sources · 9 criticise · 3 propose changes · …`
/// under a provision's heading: its citing references summed up, as a
/// citator's header does. Nothing when no passage is linked to it.
fn cited_summary(ctx: Ctx, target: Target) -> Option<Item> {
    let s = crate::refs::citing::summary(ctx.corpus, ctx.graph, target);
    (s.passages > 0).then(|| Item::Plain(format!("Cited by {}", s.head())))
}

/// The user's bookmark mark and note under a heading; a blank line when
/// there are none.
fn marks(item: ItemRef) -> Item {
    Item::Desk(crate::app::view::entry::DeskItem::Marks(item))
}

/// The provision's text: the authentic text when the library has it (`s`
/// switches to the summary and back), else the summary, always labelled.
fn provision_text(
    out: &mut Vec<Item>,
    (has_text, show_summary): (bool, bool),
    official: bool,
    text: TextKey,
    summary: TextKey,
) {
    if has_text && !official {
        if show_summary {
            out.push(Item::Label(SUMMARY_LABEL));
            out.push(Item::Body(summary));
            out.push(Item::Blank);
            out.push(Item::Note("s: show the authentic text".into()));
        } else {
            out.push(Item::Label(TEXT_LABEL));
            out.push(Item::Body(text));
            out.push(Item::Blank);
            out.push(Item::Note(
                "s: show the summary (the project's words, not the authentic text)".into(),
            ));
        }
    } else if has_text {
        out.push(Item::Label(TEXT_LABEL));
        out.push(Item::Body(text));
    } else if official {
        out.push(Item::Label(TEXT_LABEL));
        out.push(Item::Body(summary));
    } else {
        out.push(Item::Label(SUMMARY_LABEL));
        out.push(Item::Body(summary));
    }
}

fn source(ctx: Ctx, i: usize) -> Vec<Item> {
    let Some(s) = ctx.corpus.sources.get(i) else {
        return vec![Item::Note("This source is not in the corpus.".into())];
    };
    let m = &s.meta;
    let mut out = Vec::with_capacity(s.passages.len() + s.headings.len() + 8);
    match &m.title {
        Some(t) => out.push(Item::Title(one_line(t))),
        None => out.push(Item::Field("Title", None)),
    }
    out.push(Item::Field("Author", m.shown("author")));
    out.push(Item::Field("Publisher", m.shown("publisher")));
    out.push(Item::Field("Date", m.date_shown()));
    out.push(Item::Field("URL", m.url.clone()));
    out.push(Item::Field("Id", Some(s.id.clone())));
    if s.user {
        out.push(Item::Field(
            "Origin",
            Some("your library (imported with treaty import)".into()),
        ));
    }
    out.push(marks(ItemRef::Source(s.id.clone())));
    // Headings are stored by the passage they precede; walk both in order.
    let mut headings: Vec<usize> = (0..s.headings.len()).collect();
    headings.sort_by_key(|&h| s.headings[h].before);
    let mut next = headings.iter().peekable();
    for index in 0..=s.passages.len() {
        while let Some(&&h) = next.peek() {
            if s.headings[h].before > index {
                break;
            }
            out.push(Item::Heading {
                source: i,
                index: h,
            });
            next.next();
        }
        if index < s.passages.len() {
            out.push(Item::Passage(PassageId { source: i, index }));
        }
    }
    out
}

fn links(ctx: Ctx, state: &AppState) -> Vec<Item> {
    let view = state.view();
    if let View::Overview(o) = view {
        return crate::app::view::overviews::links(ctx, state, o);
    }
    if ctx.graph.is_pending() && (view.target().is_some() || selected_passage(ctx, state).is_some())
    {
        return vec![Item::Note(crate::refs::graph::PENDING_NOTE.into())];
    }
    if let Some(target) = view.target() {
        return crate::app::view::cited_by::entries(ctx, state, target);
    }
    match selected_passage(ctx, state) {
        Some(p) => {
            let n = ctx.graph.links_of(p).len();
            let suggested = crate::app::view::suggested_entries::for_passage(state, ctx.corpus, p);
            if n == 0 {
                let mut out = vec![Item::Note(format!(
                    "¶ {} is not linked to any provision.",
                    p.index + 1
                ))];
                out.extend(suggested);
                return out;
            }
            (0..n)
                .map(|index| Item::LinkOf { passage: p, index })
                .chain(suggested)
                .collect()
        }
        None => vec![Item::Note(
            "Select a paragraph to see what it is about.".into(),
        )],
    }
}

/// The paragraph selected in a source view.
pub fn selected_passage(ctx: Ctx, state: &AppState) -> Option<PassageId> {
    let View::Source(_) = state.view() else {
        return None;
    };
    match document(ctx, state.view()).get(state.here.document.selected) {
        Some(Item::Passage(p)) => Some(*p),
        _ => None,
    }
}

/// The entry of passage `p` in its source's document.
pub fn passage_item(ctx: Ctx, p: PassageId) -> Option<usize> {
    document(ctx, View::Source(p.source))
        .iter()
        .position(|it| *it == Item::Passage(p))
}

/// The title over a pane.
pub fn title(ctx: Ctx, state: &AppState, pane: PaneId) -> String {
    match pane {
        PaneId::Outline => "Outline".into(),
        PaneId::Document | PaneId::Links if matches!(state.view(), View::Overview(_)) => {
            match state.view() {
                View::Overview(o) => crate::app::view::overviews::title(ctx, state, o, pane),
                _ => String::new(),
            }
        }
        PaneId::Document => match state.view() {
            View::Source(_) => "Source".into(),
            view => view.target().map(|t| t.label()).unwrap_or_default(),
        },
        PaneId::Links => match state.view().target() {
            Some(t) => {
                let n = ctx.graph.count_label(t);
                let whole = if matches!(t, Target::Chapter(_)) {
                    " the chapter as a whole"
                } else {
                    ""
                };
                // The links the filter keeps, as the pane lists them.
                let shown = items(ctx, state, PaneId::Links)
                    .iter()
                    .filter(|it| matches!(it, Item::CitedBy { .. }))
                    .count();
                if ctx.graph.is_pending() || shown == ctx.graph.count(t) {
                    format!("Cited by{whole} ({n})")
                } else {
                    format!("Cited by{whole} ({shown} of {n})")
                }
            }
            None => match selected_passage(ctx, state) {
                Some(p) if ctx.graph.is_pending() => format!(
                    "Links of ¶ {} ({})",
                    p.index + 1,
                    crate::refs::graph::PENDING_MARK
                ),
                Some(p) => {
                    // The user's accepted suggestions are their own links.
                    let accepted =
                        crate::app::view::suggested_entries::for_passage(state, ctx.corpus, p)
                            .iter()
                            .filter(|it| matches!(it, Item::Suggested(e) if e.accepted))
                            .count();
                    format!(
                        "Links of ¶ {} ({})",
                        p.index + 1,
                        ctx.graph.links_of(p).len() + accepted
                    )
                }
                None => "Links".into(),
            },
        },
    }
    .chars()
    .map(|ch| if ch.is_control() { ' ' } else { ch })
    .collect()
}

/// Where the user is: `Chapter IV > Art. 23 Scope of procedural measures`.
pub fn breadcrumb(ctx: Ctx, state: &AppState) -> String {
    let c = ctx.corpus;
    let text = match state.view() {
        View::Preamble => "Preamble".to_string(),
        View::Chapter(n) => c.target_heading(Target::Chapter(n)),
        View::Article(n) => {
            let a = Target::Article(n);
            match c.article(n) {
                Some(art) => format!(
                    "{} > {}",
                    Target::Chapter(art.chapter).label(),
                    c.target_heading(a)
                ),
                None => a.label(),
            }
        }
        View::Source(i) => {
            let name = c
                .sources
                .get(i)
                .map(|s| s.marked_name())
                .unwrap_or_default();
            match selected_passage(ctx, state) {
                Some(p) => format!("Sources > {name} > ¶ {}", p.index + 1),
                None => format!("Sources > {name}"),
            }
        }
        View::Overview(o) => crate::app::view::overviews::breadcrumb(ctx, state, o),
    };
    one_line(&text)
}

/// The text behind a key, as the corpus has it.
pub fn text_of(corpus: &Corpus, key: TextKey) -> Option<&str> {
    match key {
        TextKey::ArticleSummary(n) => corpus.article(n).map(|a| a.summary.as_str()),
        TextKey::ArticleText(n) => corpus.article(n).and_then(|a| a.text.as_deref()),
        TextKey::PreambleSummary => Some(corpus.convention.preamble.summary.as_str()),
        TextKey::PreambleText => corpus.convention.preamble.text.as_deref(),
        TextKey::Passage(p) => corpus.passage(p).map(|p| p.text.as_str()),
    }
}

/// The rows of the links pane Tab steps through in a provision's view: its
/// Cited by entries as the list shows them, suggested ones included (a note
/// is stepped over).
pub fn entry_rows(ctx: Ctx, state: &AppState) -> Vec<usize> {
    if state.view().target().is_none() {
        return Vec::new();
    }
    items(ctx, state, crate::app::state::PaneId::Links)
        .iter()
        .enumerate()
        .filter(|(_, it)| matches!(it, Item::CitedBy { .. } | Item::Suggested(_)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::suggested::SuggestedLinks;
    use crate::corpus::Place;
    use crate::refs::citing::BasisFilter;
    use crate::refs::graph::LinkGraph;
    use crate::user::suggestions::Decision;

    /// The links pane's entries are listed once and kept while nothing they
    /// read changes; a new filter or a decision on a suggestion lists them
    /// again, so the pane never shows a list the keys have left behind.
    #[test]
    fn the_links_list_is_kept_until_what_it_reads_changes() {
        let home = tempfile::tempdir().expect("tempdir");
        let corpus = crate::corpus::load_embedded().expect("the corpus");
        let graph = LinkGraph::build(&corpus);
        let suggested = SuggestedLinks::inline(&corpus, &graph);
        // A provision with links and a suggestion of its own.
        let target = (1..=68)
            .map(Target::Article)
            .find(|t| {
                graph.count(*t) > 0
                    && suggested
                        .table()
                        .is_some_and(|s| !s.of_target(*t).is_empty())
            })
            .expect("an article with links and a suggestion");
        let mut state = crate::app::nav::start(
            &corpus,
            &graph,
            Some(Place::Target(target)),
            (100, 30),
            false,
        );
        state.user = crate::user::UserData::load_from(home.path()).0;
        state.suggested = suggested;
        let list = |s: &AppState| {
            items(
                crate::app::view::entry::ctx(s, &corpus, &graph),
                s,
                PaneId::Links,
            )
        };
        let suggestions = |l: &[Item]| {
            l.iter()
                .filter_map(|it| match it {
                    Item::Suggested(e) => Some(e.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };

        let all = list(&state);
        assert!(Rc::ptr_eq(&all, &list(&state)), "listed a second time");
        let pending = suggestions(&all);
        assert!(!pending.is_empty(), "{all:?}");
        assert!(all.iter().any(|it| matches!(it, Item::CitedBy { .. })));

        state.cited.filter.basis = Some(BasisFilter::Suggested);
        let only = list(&state);
        assert!(!only.iter().any(|it| matches!(it, Item::CitedBy { .. })));
        assert_eq!(suggestions(&only), pending);

        let e = &pending[0];
        let decision = Decision {
            source: corpus.sources[e.passage.source].id.clone(),
            paragraph: e.passage.index + 1,
            target: e.target.to_string(),
            reason: e.reason.clone(),
            score: 1.0,
        };
        state.user.decide(decision, false).expect("saved");
        let after = list(&state);
        assert_eq!(suggestions(&after), pending[1..].to_vec(), "{after:?}");
    }
}
