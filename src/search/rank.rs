//! Ranking: scoring units against a query, keeping the best unit per place and
//! the best places overall, and turning them into hits.

use super::index::{Field, SearchIndex};
use super::matcher::{estimate, exact_score, find_exact, fuzzy_score};
use super::query::Query;
use super::unitset::SharedUnitSet;
use super::{Hit, HitPlace, Scope};
use crate::corpus::Target;
use std::cmp::Ordering;

/// The score of a place the query names outright (`23`, `chapter IV`): above
/// any fuzzy score.
pub const TOP_SCORE: i64 = 1 << 40;

/// Bonus per query char for where a unit comes from: a title says what a
/// place is about, a passage sentence only mentions it. Kept below the
/// contiguity bonus (8 per char at a word start), so that a whole word in a
/// passage still beats letters scattered over a title. A critique's own
/// sentence edges out the project's summary of an article for the same
/// match: the summary paraphrases, the passage is the material analysts
/// search for (`dual criminality` finds the critique that says so first).
fn field_bonus(field: Field) -> i64 {
    match field {
        Field::Heading | Field::Title => 6,
        Field::Byline => 4,
        Field::Text => 2,
        Field::Sentence => 1,
        Field::Summary => 0,
    }
}

/// Bonus per query char when a unit holds the terms as one phrase.
const PHRASE_BONUS: i64 = 4;

/// A unit that matched, with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scored {
    pub score: i64,
    pub unit: u32,
}

/// Best first; equal scores in corpus order (units are built in corpus order).
pub(super) fn order(a: &Scored, b: &Scored) -> Ordering {
    b.score.cmp(&a.score).then(a.unit.cmp(&b.unit))
}

/// The best `limit` items seen, in bounded memory.
pub(super) struct TopK {
    limit: usize,
    items: Vec<Scored>,
}

impl TopK {
    pub fn new(limit: usize) -> Self {
        TopK {
            limit,
            items: Vec::new(),
        }
    }

    pub fn push(&mut self, s: Scored) {
        self.items.push(s);
        if self.items.len() >= 2 * self.limit.max(64) {
            self.compact();
        }
    }

    fn compact(&mut self) {
        if self.items.len() > self.limit {
            self.items.select_nth_unstable_by(self.limit, order);
            self.items.truncate(self.limit);
        }
    }

    pub fn into_sorted(mut self) -> Vec<Scored> {
        self.compact();
        self.items.sort_by(order);
        self.items
    }
}

/// Merges sorted lists into the best `limit`.
pub(super) fn merge<'a>(
    lists: impl IntoIterator<Item = &'a [Scored]>,
    limit: usize,
) -> Vec<Scored> {
    let mut top = TopK::new(limit);
    for s in lists.into_iter().flatten() {
        top.push(*s);
    }
    top.into_sorted()
}

/// Whether `pattern` is a subsequence of `text`, ignoring ASCII case; the
/// pattern is lower case. Much cheaper than the matcher, so it runs first.
fn is_subsequence(text: &[u8], pattern: &[u8]) -> bool {
    let mut p = pattern.iter().peekable();
    for &c in text {
        match p.peek() {
            Some(&&want) if c.to_ascii_lowercase() == want => {
                p.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    p.peek().is_none()
}

impl SearchIndex {
    /// A cheap score of unit `i`, or `None` when some term does not match it
    /// (the match decision is exact; only the score is estimated). Fuzzy
    /// terms found as one piece are scored as skim would score them; others
    /// by [`estimate`].
    pub(super) fn estimate_unit(&self, q: &Query, i: u32, buf: &mut String) -> Option<i64> {
        let unit = &self.units[i as usize];
        if q.mask & !unit.mask != 0 {
            return None;
        }
        let text = self.match_text(i, buf);
        let mut total = 0;
        for term in &q.terms {
            total += match find_exact(text, &term.text) {
                Some(at) if term.exact => exact_score(text, at, term.chars),
                found @ Some(_) => fuzzy_score(text, found, term.chars, 0),
                None if term.exact => return None,
                None => {
                    if unit.ascii && term.text.is_ascii() {
                        // Bytes first: most units fail here, cheaply.
                        if !is_subsequence(text.as_bytes(), term.text.as_bytes()) {
                            return None;
                        }
                    }
                    estimate(text, &term.text)?
                }
            };
        }
        Some(total + self.bonuses(q, unit.field, text))
    }

    /// The score of unit `i` with skim's optimal alignment for fuzzy terms.
    pub(super) fn score_unit(&self, q: &Query, i: u32, buf: &mut String) -> Option<i64> {
        let unit = &self.units[i as usize];
        let text = self.match_text(i, buf);
        let mut total = 0;
        for term in &q.terms {
            total += if term.exact {
                let at = find_exact(text, &term.text)?;
                exact_score(text, at, term.chars)
            } else {
                let skim = self.matcher.score(text, &term.text)?;
                fuzzy_score(text, find_exact(text, &term.text), term.chars, skim)
            };
        }
        Some(total + self.bonuses(q, unit.field, text))
    }

    fn bonuses(&self, q: &Query, field: Field, text: &str) -> i64 {
        let chars = q.chars as i64;
        let phrase = match &q.phrase {
            Some(p) if find_exact(text, p).is_some() => PHRASE_BONUS * chars,
            _ => 0,
        };
        phrase + field_bonus(field) * chars
    }

    /// Estimates `units` (ascending, so a place's units are adjacent),
    /// keeping the best unit of each place and the best `keep` places by
    /// estimate: the candidates [`SearchIndex::assemble`] ranks with skim.
    /// Adds every matching unit to `matched` when given. `None` when
    /// `cancelled` said so (asked every few hundred units).
    pub(super) fn scan(
        &self,
        q: &Query,
        units: impl Iterator<Item = u32>,
        keep: usize,
        matched: Option<&SharedUnitSet>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<Scored>> {
        let mut top = TopK::new(keep);
        let mut run: Option<(u32, Scored)> = None;
        let mut buf = String::new();
        for (n, i) in units.enumerate() {
            if n % 512 == 511 && cancelled() {
                return None;
            }
            let Some(score) = self.estimate_unit(q, i, &mut buf) else {
                continue;
            };
            if let Some(m) = matched {
                m.insert(i);
            }
            let owner = self.units[i as usize].owner;
            let scored = Scored { score, unit: i };
            match &mut run {
                Some((o, best)) if *o == owner => {
                    if score > best.score {
                        *best = scored;
                    }
                }
                _ => {
                    if let Some((_, best)) = run.replace((owner, scored)) {
                        top.push(best);
                    }
                }
            }
        }
        if let Some((_, best)) = run {
            top.push(best);
        }
        Some(top.into_sorted())
    }

    /// Scores candidates with skim and keeps the best `limit`.
    fn rank(&self, q: &Query, candidates: &[Scored], limit: usize) -> Vec<Scored> {
        let mut buf = String::new();
        let mut ranked = TopK::new(limit);
        for c in candidates {
            if let Some(score) = self.score_unit(q, c.unit, &mut buf) {
                ranked.push(Scored { score, ..*c });
            }
        }
        ranked.into_sorted()
    }

    /// The hit of a scored unit.
    pub(super) fn hit(&self, s: Scored) -> Hit {
        let unit = &self.units[s.unit as usize];
        let place = self.owners[unit.owner as usize];
        let (location, title) = self.describe(place);
        let span = matches!(unit.field, Field::Summary | Field::Sentence).then(|| {
            let start = unit.span_start as usize;
            start..start + usize::from(unit.span_len)
        });
        Hit {
            kind: place.kind(),
            place,
            location,
            title,
            snippet: self.text(s.unit).to_string(),
            score: s.score,
            span,
        }
    }

    /// Location and title of a place.
    fn describe(&self, place: HitPlace) -> (String, String) {
        match place {
            HitPlace::Target(t) => (t.label(), self.heading(t)),
            HitPlace::Source(s) => match self.sources.get(s) {
                Some(info) => (info.id.clone(), info.title.clone()),
                None => ("?".into(), String::new()),
            },
            HitPlace::Passage(id) => match self.sources.get(id.source) {
                Some(info) => (
                    format!("{}, para {}", info.short_name, id.index + 1),
                    info.title.clone(),
                ),
                None => ("?".into(), String::new()),
            },
        }
    }

    fn heading(&self, t: Target) -> String {
        self.headings.get(&t).cloned().unwrap_or_else(|| t.label())
    }

    /// The hit for a place the query names, if the corpus has it.
    fn named_hit(&self, t: Target) -> Option<Hit> {
        let heading = self.headings.get(&t)?;
        Some(Hit {
            kind: HitPlace::Target(t).kind(),
            place: HitPlace::Target(t),
            location: t.label(),
            title: heading.clone(),
            snippet: heading.clone(),
            score: TOP_SCORE,
            span: None,
        })
    }

    /// The final list from the candidates of [`SearchIndex::scan`]: the
    /// named place first, then the candidates ranked by skim without it, at
    /// most `limit`.
    pub(super) fn assemble(
        &self,
        q: &Query,
        scope: Scope,
        candidates: &[Scored],
        limit: usize,
    ) -> Vec<Hit> {
        let named = q
            .target
            .filter(|_| scope.has_convention())
            .and_then(|t| self.named_hit(t));
        let skip = named.as_ref().map(|h| h.place);
        let ranked = self.rank(q, candidates, limit.saturating_add(1));
        let rest = ranked
            .iter()
            .filter(|s| Some(self.owners[self.units[s.unit as usize].owner as usize]) != skip)
            .map(|s| self.hit(*s));
        named.into_iter().chain(rest).take(limit).collect()
    }

    /// Searches synchronously: best first, equal scores in corpus order.
    /// Large indexes are scanned by two threads.
    pub fn search(&self, query: &str, scope: Scope, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let range = self.scope_units(scope);
        let keep = candidates(limit);
        let never = || false;
        let estimates = if range.len() < 50_000 {
            self.scan(&q, range, keep, None, &never).unwrap_or_default()
        } else {
            let size = (range.end - range.start).div_ceil(2);
            let pieces = self.pieces(range, size);
            let q = &q;
            let lists: Vec<Vec<Scored>> = std::thread::scope(|s| {
                let handles: Vec<_> = pieces
                    .into_iter()
                    .map(|p| s.spawn(move || self.scan(q, p, keep, None, &never)))
                    .collect();
                handles
                    .into_iter()
                    .filter_map(|h| h.join().ok().flatten())
                    .collect()
            });
            merge(lists.iter().map(Vec::as_slice), keep)
        };
        self.assemble(&q, scope, &estimates, limit)
    }
}

/// How many candidates (by estimate) skim ranks for `limit` hits: enough
/// slack that an estimate a little off does not lose a hit.
pub(super) fn candidates(limit: usize) -> usize {
    limit.saturating_mul(2).saturating_add(64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Passage};
    use crate::search::HitKind;

    /// The real convention and one source with the given title and passages.
    fn corpus_with(title: &str, passages: &[&str]) -> Corpus {
        let mut corpus = crate::corpus::load_embedded().expect("the embedded corpus loads");
        let mut source = corpus.sources[0].clone();
        let template = source.passages[0].clone();
        source.passages = passages
            .iter()
            .enumerate()
            .map(|(i, text)| Passage {
                number: i + 1,
                text: text.to_string(),
                ..template.clone()
            })
            .collect();
        source.meta.title = Some(title.to_string());
        source.headings.clear();
        corpus.sources = vec![source];
        corpus
    }

    #[test]
    fn contiguous_phrase_beats_scattered_letters() {
        let corpus = corpus_with(
            "A source",
            &[
                "Data usually are logged, and criminal liability is examined.",
                "The treaty makes dual criminality optional.",
            ],
        );
        let index = SearchIndex::build(&corpus);
        let hits = index.search("dual criminality", Scope::Sources, 10);
        let places: Vec<HitPlace> = hits.iter().map(|h| h.place).collect();
        let passage = |index| HitPlace::Passage(crate::corpus::PassageId { source: 0, index });
        assert_eq!(places, [passage(1), passage(0)], "{hits:#?}");
        assert_eq!(
            hits[0].snippet,
            "The treaty makes dual criminality optional."
        );
        assert_eq!(hits[0].span, Some(0..43));
    }

    #[test]
    fn title_beats_body_and_prefilter_rejects() {
        let corpus = corpus_with("Extradition and its limits", &["Extradition is a concern."]);
        let index = SearchIndex::build(&corpus);
        let hits = index.search("extradition", Scope::Sources, 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].kind, HitKind::Source);
        assert!(index.search("extraditionz", Scope::Sources, 10).is_empty());
        let q = Query::parse("qqq");
        let mut buf = String::new();
        assert!((0..index.len() as u32).all(|i| index.estimate_unit(&q, i, &mut buf).is_none()));
    }

    #[test]
    fn subsequence_ignores_ascii_case() {
        assert!(is_subsequence(b"Dual Criminality", b"dcrim"));
        assert!(!is_subsequence(b"Dual", b"dualx"));
        assert!(is_subsequence(b"abc", b""));
    }

    #[test]
    fn top_k_keeps_best_in_corpus_order() {
        let mut top = TopK::new(3);
        for (unit, score) in [(0, 5), (1, 9), (2, 5), (3, 7), (4, 9), (5, 1)] {
            top.push(Scored { score, unit });
        }
        let units: Vec<u32> = top.into_sorted().iter().map(|s| s.unit).collect();
        assert_eq!(units, [1, 4, 3]);
    }
}
