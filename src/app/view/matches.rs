//! Occurrences of a query in the view being read: the sentences (and titles)
//! of its text that the query matches. Enter on a search result lands on one;
//! `n` / `N` walk them; the one the user is at is marked in the text.

use crate::app::state::View;
use crate::app::state::search::Found;
use crate::app::state::search::Occurrence;
use crate::app::state::search::Spot;
use crate::app::view::document::text_of;
use crate::app::view::entry::{Ctx, Item};
use crate::app::view::lines::{Mark, Role};
use crate::app::wrap::TextKey;
use crate::search::{Closeness, Hit, HitPlace, highlight, matches, matching_sentences};
use crate::text::one_line;

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
    for (item, entry) in crate::app::view::document::document(ctx, view)
        .iter()
        .cloned()
        .enumerate()
    {
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
        _ => match crate::app::view::document::document(ctx, view).get(o.item) {
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
pub fn pick(ctx: Ctx, view: View, occs: &[Occurrence], hit: &Hit) -> Option<usize> {
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
    use super::*;
    use std::ops::Range;

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
