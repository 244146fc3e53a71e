//! Occurrences of a query in the view being read: the sentences (and titles)
//! of its text that the query matches. Enter on a search result lands on one;
//! `n` / `N` walk them; the one the user is at is marked in the text.

use super::document::{self, Ctx, Item};
use super::lines::{Mark, Role};
use super::navigate::{fresh, go};
use super::screen::Screen;
use super::scroll::{self, Anchor};
use super::state::{AppState, PaneId, View};
use super::update::{passage_changed, settle};
use super::wrap::TextKey;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::search::{Closeness, Hit, HitPlace, highlight, matches, matching_sentences};
use crate::text::one_line;
use std::ops::Range;

/// Which part of an entry an occurrence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A long text: a passage, a summary, an authentic text.
    Text(TextKey),
    /// The view's title line.
    Title,
    /// A source's author or publisher.
    Field(&'static str),
    /// An article's row in a chapter.
    Row(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Entry of the document pane.
    pub item: usize,
    pub spot: Spot,
    /// Bytes of the entry's text: the sentence of a long text, all of a
    /// title or field.
    pub span: Range<usize>,
}

/// The occurrence the user is at, in a view, for a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub view: View,
    pub query: String,
    pub at: Occurrence,
}

impl Found {
    /// Marks over the matched terms of a text that holds this occurrence
    /// (bytes of that text), for drawing.
    pub fn marks(&self, spot: Spot, text: &str) -> Vec<Mark> {
        if spot != self.at.spot {
            return Vec::new();
        }
        let span = &self.at.span;
        let Some(part) = text.get(span.clone()) else {
            return Vec::new();
        };
        highlight(part, &self.query)
            .into_iter()
            .map(|r| Mark {
                span: span.start + r.start..span.start + r.end,
                role: Role::Match,
                link: None,
            })
            .collect()
    }
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

/// Every occurrence of `query` in `view`, in reading order: where the
/// words are as written if they are anywhere in the view, else where the
/// query matches as search does (fuzzily).
pub fn occurrences(ctx: Ctx, view: View, query: &str) -> Vec<Occurrence> {
    let words = occurrences_by(ctx, view, query, Closeness::Words);
    if words.is_empty() {
        occurrences_by(ctx, view, query, Closeness::Fuzzy)
    } else {
        words
    }
}

fn occurrences_by(ctx: Ctx, view: View, query: &str, closeness: Closeness) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (item, entry) in document::document(ctx, view).into_iter().enumerate() {
        let whole = |spot: Spot, text: &str| {
            matches(text, query, closeness).then_some(Occurrence {
                item,
                spot,
                span: 0..text.len(),
            })
        };
        let key = match entry {
            Item::Body(key) => Some(key),
            Item::Passage(p) => Some(TextKey::Passage(p)),
            Item::Title(t) => {
                out.extend(whole(Spot::Title, &t));
                None
            }
            Item::Field(name @ ("Author" | "Publisher"), Some(v)) => {
                out.extend(whole(Spot::Field(name), &one_line(&v)));
                None
            }
            Item::ArticleRow(n) => {
                let title = ctx.corpus.article(n).map(|a| one_line(&a.title));
                out.extend(title.and_then(|t| whole(Spot::Row(n), &t)));
                None
            }
            _ => None,
        };
        let Some(key) = key else { continue };
        let Some(text) = text_of(ctx.corpus, key) else {
            continue;
        };
        out.extend(
            matching_sentences(text, query, closeness)
                .into_iter()
                .map(|span| Occurrence {
                    item,
                    spot: Spot::Text(key),
                    span,
                }),
        );
    }
    out
}

/// The text of an occurrence, on one line.
fn occurrence_text(ctx: Ctx, view: View, o: &Occurrence) -> String {
    match o.spot {
        Spot::Text(key) => text_of(ctx.corpus, key)
            .and_then(|t| t.get(o.span.clone()))
            .map(one_line)
            .unwrap_or_default(),
        _ => match document::document(ctx, view).get(o.item) {
            Some(Item::Title(t)) => one_line(t),
            Some(Item::Field(_, Some(v))) => one_line(v),
            Some(Item::ArticleRow(n)) => ctx
                .corpus
                .article(*n)
                .map(|a| one_line(&a.title))
                .unwrap_or_default(),
            _ => String::new(),
        },
    }
}

/// The view a hit opens.
pub fn view_of(place: HitPlace) -> View {
    match place {
        HitPlace::Target(t) => View::from_target(t),
        HitPlace::Source(i) => View::Source(i),
        HitPlace::Passage(p) => View::Source(p.source),
    }
}

/// The occurrence a hit is about: its sentence, else the unit with its
/// text, else the title, else the first in the view.
fn pick(ctx: Ctx, view: View, occs: &[Occurrence], hit: &Hit) -> Option<usize> {
    let key = match hit.place {
        HitPlace::Passage(p) => Some(TextKey::Passage(p)),
        HitPlace::Target(crate::corpus::Target::Article(n)) => Some(TextKey::ArticleSummary(n)),
        HitPlace::Target(crate::corpus::Target::Preamble) => Some(TextKey::PreambleSummary),
        _ => None,
    };
    if let (Some(key), Some(span)) = (key, &hit.span)
        && let Some(i) = occs
            .iter()
            .position(|o| o.spot == Spot::Text(key) && o.span.start == span.start)
    {
        return Some(i);
    }
    if let Some(i) = occs
        .iter()
        .position(|o| occurrence_text(ctx, view, o) == hit.snippet)
    {
        return Some(i);
    }
    if let HitPlace::Passage(p) = hit.place {
        return occs
            .iter()
            .position(|o| o.spot == Spot::Text(TextKey::Passage(p)));
    }
    occs.iter()
        .position(|o| o.spot == Spot::Title)
        .or((!occs.is_empty()).then_some(0))
}

/// Enter on a search result: its place opens with the match marked and in
/// view; the place search started from is the one step back.
pub fn open_hit(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, hit: &Hit, query: &str) {
    let view = view_of(hit.place);
    let ctx = document::ctx(state, corpus, graph);
    let occs = occurrences(ctx, view, query);
    let at = pick(ctx, view, &occs, hit);
    let mut to = fresh(corpus, graph, state, view);
    to.focus = PaneId::Document;
    if let HitPlace::Passage(p) = hit.place
        && let Some(item) = document::passage_item(ctx, p)
    {
        to.document.selected = item;
    }
    let before = state.here;
    let moves = to != before;
    go(state, corpus, graph, to);
    state.search.last = Some(query.to_string());
    state.search.found = None;
    if let Some(i) = at {
        state.search.found = Some(Found {
            view,
            query: query.to_string(),
            at: occs[i].clone(),
        });
        show(state, corpus, graph, &occs[i]);
        state.info(format!(
            "{}/{} {} · n and N go to the others",
            i + 1,
            occs.len(),
            quoted(query)
        ));
    } else {
        settle(state, corpus, graph);
        reveal_selection(state, corpus, graph);
    }
    // `go` records nothing when the place was the same; the scroll may
    // still have moved: Back must return to where search started.
    if !moves && state.here != before {
        state.history.leave(before);
    }
}

fn reveal_selection(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    super::update::reveal(state, corpus, graph, PaneId::Document);
}

/// Scrolls the text to an occurrence (selecting its paragraph in a source).
fn show(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, o: &Occurrence) {
    let text_shown = Screen::new(state, corpus, graph).layout.document.is_some();
    if !text_shown {
        state.here.focus = PaneId::Document;
    }
    let ctx = document::ctx(state, corpus, graph);
    let before = document::selected_passage(ctx, state);
    let selectable = document::document(ctx, state.view())
        .get(o.item)
        .is_some_and(Item::selectable);
    if selectable {
        state.here.document.selected = o.item;
    }
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let rows = pane.rows.max(1);
            let line = pane.line_of(o.item, o.span.start);
            let top = state.here.document.top;
            let shown = scroll::row_of(&pane, top, o.item, rows)
                .map(|r| r + line as isize)
                .is_some_and(|r| r >= 0 && (r as usize) < rows);
            if shown {
                top
            } else {
                let line = if line + 1 < rows { 0 } else { line - 1 };
                scroll::clamp(&pane, rows, Anchor { item: o.item, line })
            }
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
    passage_changed(state, corpus, graph, before);
    settle(state, corpus, graph);
}

/// `n` / `N`: the next or previous occurrence of the last query in the view.
pub fn step(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let Some(query) = state.search.last.clone() else {
        state.info("No search yet: / searches, then n and N step through the matches.");
        return;
    };
    let view = state.view();
    let ctx = document::ctx(state, corpus, graph);
    let occs = occurrences(ctx, view, &query);
    let q = quoted(&query);
    if occs.is_empty() {
        state.info(format!("No matches of {q} in this view."));
        return;
    }
    let current = state
        .search
        .found
        .as_ref()
        .filter(|f| f.view == view && f.query == query)
        .and_then(|f| occs.iter().position(|o| *o == f.at));
    let next = match current {
        Some(i) if forward => (i + 1 < occs.len()).then_some(i + 1),
        Some(i) => i.checked_sub(1),
        None => {
            // From where the user is reading: the selected paragraph of a
            // source, else the first line shown.
            let at = match view {
                View::Source(_) => state.here.document.selected,
                _ => state.here.document.top.item,
            };
            if forward {
                occs.iter().position(|o| o.item >= at)
            } else {
                occs.iter().rposition(|o| o.item < at)
            }
        }
    };
    let Some(next) = next else {
        let (dir, at) = match current {
            Some(i) => (if forward { "below" } else { "above" }, i + 1),
            None => (if forward { "below" } else { "above" }, 0),
        };
        let here = if at > 0 {
            format!(" ({at}/{})", occs.len())
        } else {
            String::new()
        };
        state.info(format!("No more matches of {q} {dir}{here}."));
        return;
    };
    state.search.found = Some(Found {
        view,
        query: query.clone(),
        at: occs[next].clone(),
    });
    show(state, corpus, graph, &occs[next]);
    state.info(format!("{}/{} {q}", next + 1, occs.len()));
}

/// A query as the footer quotes it: in single quotes, or in double ones when
/// it holds an apostrophe itself (an exact term, `'extradition`, would
/// otherwise read `''extradition'`).
fn quoted(query: &str) -> String {
    let q = one_line(query);
    if q.contains('\'') {
        format!("“{q}”")
    } else {
        format!("'{q}'")
    }
}

/// Marks laid over others: the top ones win where they overlap, taking the
/// link of the mark they cover (a matched term inside a citation still
/// follows it). Both lists sorted by start and non-overlapping.
pub fn overlay_marks(base: Vec<Mark>, top: Vec<Mark>) -> Vec<Mark> {
    if top.is_empty() {
        return base;
    }
    let mut out: Vec<Mark> = Vec::new();
    for b in &base {
        let mut at = b.span.start;
        for t in top
            .iter()
            .filter(|t| t.span.start < b.span.end && t.span.end > b.span.start)
        {
            if t.span.start > at {
                out.push(Mark {
                    span: at..t.span.start,
                    ..b.clone()
                });
            }
            at = at.max(t.span.end);
        }
        if at < b.span.end {
            out.push(Mark {
                span: at..b.span.end,
                ..b.clone()
            });
        }
    }
    for mut t in top {
        t.link = base
            .iter()
            .find(|b| t.span.start < b.span.end && t.span.end > b.span.start)
            .and_then(|b| b.link)
            .or(t.link);
        out.push(t);
    }
    out.sort_by_key(|m| m.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn an_exact_query_is_quoted_without_doubling_its_apostrophe() {
        assert_eq!(quoted("dual criminality"), "'dual criminality'");
        assert_eq!(quoted("'extradition"), "“'extradition”");
    }

    use super::*;

    fn mark(span: Range<usize>, role: Role) -> Mark {
        Mark {
            span,
            role,
            link: None,
        }
    }

    #[test]
    fn top_marks_cut_the_ones_below() {
        let base = vec![mark(0..10, Role::Link), mark(20..30, Role::Link)];
        let top = vec![mark(5..8, Role::Match), mark(25..35, Role::Match)];
        let spans: Vec<(Range<usize>, Role)> = overlay_marks(base, top)
            .into_iter()
            .map(|m| (m.span, m.role))
            .collect();
        assert_eq!(
            spans,
            [
                (0..5, Role::Link),
                (5..8, Role::Match),
                (8..10, Role::Link),
                (20..25, Role::Link),
                (25..35, Role::Match),
            ]
        );
    }
}
