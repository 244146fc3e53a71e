//! Ranking: words of the query matched against the words of each unit
//! (whole word, stem, prefix, typo correction, letters in order inside one
//! word for a short word being typed), weighed BM25-style by how rare the
//! word is, where it is (index term, heading, summary, passage) and how long
//! the unit is; then summed per place, so that the place that holds most of
//! the query's meaning comes first.

use super::fold::char_mask;
use super::index::{Field, SearchIndex};
use super::query::{Query, Term};
use super::unit_match::{match_unit, word_quality};
use super::unitset::SharedUnitSet;
use super::words::{edit_distance, typo_budget, word_ranges};
use super::{Hit, HitPlace, Scope};
use crate::corpus::Target;
use std::cmp::Ordering;

/// The score of a place the query names outright (`23`, `chapter IV`): above
/// any other score.
pub const TOP_SCORE: i64 = 1 << 40;

/// How much a match counts by where it is: an index term or a heading says
/// what a place is about; a summary paraphrases it; a passage mentions it.
fn field_weight(field: Field) -> f32 {
    match field {
        Field::IndexTerm | Field::Heading | Field::Title | Field::Byline => 2.0,
        Field::Summary => 1.3,
        Field::Text | Field::Sentence => 1.0,
    }
}

/// BM25's length normalisation: a match in a short unit (a heading, an
/// index term) is worth more than the same match in a long sentence.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Extra weight per pair of query words found next to each other, in order.
const ADJACENT: f32 = 0.3;

/// The most a unit can weigh for a query of `terms` words: the heaviest
/// field, the shortest unit, every word next to the one before. A word
/// matched whole counts 1, so a place's score is never above the sum of the
/// words' idf times this (`scale` reads scores against that).
pub(super) fn max_unit_weight(terms: usize) -> f32 {
    let shortest = (K1 + 1.0) / (K1 * (1.0 - B) + 1.0);
    let heaviest = field_weight(Field::IndexTerm);
    heaviest * shortest * (1.0 + ADJACENT * terms.saturating_sub(1) as f32)
}

/// The most typo corrections one word gets.
const MAX_CORRECTIONS: usize = 3;

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

impl SearchIndex {
    /// Parses a query and fills in what the corpus decides: each word's
    /// typo corrections (words of the vocabulary one or two edits away,
    /// only for words the vocabulary does not know) and its weight.
    pub fn prepare(&self, raw: &str) -> Query {
        let raw = self.split_compounds(raw);
        let mut q = Query::parse(&raw);
        let n = self.documents.max(1) as f32;
        for term in &mut q.terms {
            if !term.required() && self.df(term) == 0 {
                term.corrections = self.corrections(term);
            }
            let df = if term.required() {
                self.phrase_df(&term.text)
            } else {
                self.df(term)
            } as f32;
            let df = df.min(n);
            term.idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        }
        q
    }

    /// Words written together that the corpus writes apart (`quickfreeze`,
    /// `dataprotection`) are read as the two words: a word the vocabulary
    /// does not know, with no word one typo away, that splits into two
    /// known words of three letters or more (the split whose rarer half is
    /// commonest wins). Quoted phrases and `'literal` words stay as typed.
    fn split_compounds(&self, raw: &str) -> String {
        if raw.contains('"') {
            return raw.to_string();
        }
        let mut changed = false;
        let tokens: Vec<String> = raw
            .split_whitespace()
            .map(|token| {
                if token.starts_with('\'') {
                    return token.to_string();
                }
                let word = super::fold::fold(token);
                if word.chars().count() < 7
                    || !word.chars().all(char::is_alphanumeric)
                    || self.vocab.contains_key(&word)
                    || self
                        .vocab
                        .keys()
                        .any(|w| edit_distance(&word, w, 1).is_some())
                {
                    return token.to_string();
                }
                let best = word
                    .char_indices()
                    .map(|(i, _)| i)
                    .filter(|&i| i > 0)
                    .filter_map(|i| {
                        let (a, b) = word.split_at(i);
                        let (na, nb) = (self.vocab.get(a)?, self.vocab.get(b)?);
                        (a.chars().count() >= 3 && b.chars().count() >= 3).then_some((
                            *na.min(nb),
                            a,
                            b,
                        ))
                    })
                    .max_by_key(|(n, _, _)| *n);
                match best {
                    Some((_, a, b)) => {
                        changed = true;
                        format!("{a} {b}")
                    }
                    None => token.to_string(),
                }
            })
            .collect();
        if changed {
            tokens.join(" ")
        } else {
            raw.to_string()
        }
    }

    /// Documents of the vocabulary holding a word this term matches (at
    /// most the number of documents).
    fn df(&self, term: &Term) -> u32 {
        let total: u64 = self
            .vocab
            .iter()
            .filter(|(w, _)| word_quality(term, w, None) > 0.0)
            .map(|(_, &n)| u64::from(n))
            .sum();
        total.min(u64::from(self.documents)) as u32
    }

    /// Documents holding the rarest word of a phrase (an upper bound).
    fn phrase_df(&self, text: &str) -> u32 {
        word_ranges(text)
            .map(|(s, e)| self.vocab.get(&text[s..e]).copied().unwrap_or(0))
            .min()
            .unwrap_or(0)
    }

    /// The words of the vocabulary `term` may be a typo of, closest and
    /// commonest first.
    fn corrections(&self, term: &Term) -> Vec<String> {
        let budget = typo_budget(term.chars);
        if budget == 0 {
            return Vec::new();
        }
        let mut found: Vec<(usize, u32, &str)> = self
            .vocab
            .iter()
            .filter_map(|(w, &n)| edit_distance(&term.text, w, budget).map(|d| (d, n, w.as_str())))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found
            .into_iter()
            .take(MAX_CORRECTIONS)
            .map(|(_, _, w)| w.to_string())
            .collect()
    }

    /// The char masks a unit must cover for term `j` to have a chance: its
    /// stem, its text, each correction. A unit covering none is skipped.
    fn term_masks(q: &Query) -> Vec<u64> {
        let mut masks = Vec::new();
        for t in &q.terms {
            if t.required() {
                masks.push(char_mask(&t.text));
                continue;
            }
            masks.push(char_mask(&t.text));
            if t.stem.len() >= 3 {
                masks.push(char_mask(&t.stem));
            }
            masks.extend(t.corrections.iter().map(|c| char_mask(c)));
        }
        masks
    }

    /// The weight of a match in unit `i`, apart from the term's own.
    fn unit_weight(&self, i: u32) -> f32 {
        let u = &self.units[i as usize];
        let len = f32::from(u.len);
        let norm = (K1 + 1.0) / (K1 * (1.0 - B + B * len / self.mean_len) + 1.0);
        field_weight(u.field) * norm
    }

    /// Scores `units` (ascending, so a place's units are adjacent): each
    /// place gets, per term, its best match over its units, summed and
    /// scaled by the share of the query's weight it covers; its best unit is
    /// the one shown. Keeps the best `keep` places. Adds every matching unit
    /// to `matched` when given. `None` when `cancelled` said so (asked every
    /// few hundred units).
    pub(super) fn scan(
        &self,
        q: &Query,
        units: impl Iterator<Item = u32>,
        keep: usize,
        matched: Option<&SharedUnitSet>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<Scored>> {
        let mut top = TopK::new(keep);
        let masks = Self::term_masks(q);
        let terms = q.terms.len();
        let mut qual = vec![0.0f32; terms];
        let mut place = PlaceScore::new(terms);
        let mut buf = String::new();
        for (n, i) in units.enumerate() {
            if n % 512 == 511 && cancelled() {
                return None;
            }
            let unit = &self.units[i as usize];
            if masks.iter().all(|m| m & !unit.mask != 0) {
                continue;
            }
            if place.owner != Some(unit.owner) {
                if let Some(s) = place.finish(q) {
                    top.push(s);
                }
                place.owner = Some(unit.owner);
            }
            let text = self.match_text(i, &mut buf);
            let pairs = match_unit(q, self.matcher.as_ref(), text, &mut qual, None);
            if qual.iter().all(|&x| x == 0.0) {
                continue;
            }
            if let Some(m) = matched {
                m.insert(i);
            }
            let weight = self.unit_weight(i) * (1.0 + ADJACENT * pairs as f32);
            let shown = if unit.field == Field::IndexTerm {
                0.1
            } else {
                1.0
            };
            place.add(q, i, weight, &qual, shown);
        }
        if let Some(s) = place.finish(q) {
            top.push(s);
        }
        Some(top.into_sorted())
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

    /// The final list from the places of [`SearchIndex::scan`]: the named
    /// place first, then the others best first, at most `limit`.
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
        let mut ranked = candidates.to_vec();
        ranked.sort_by(order);
        let rest = ranked
            .into_iter()
            .filter(|s| Some(self.owners[self.units[s.unit as usize].owner as usize]) != skip)
            .map(|s| self.hit(s));
        named.into_iter().chain(rest).take(limit).collect()
    }

    /// Whether a search for `next` may scan only the units `prev` matched
    /// (see [`super::query::narrows`]); never when `next` has typo
    /// corrections, which match words `prev` did not.
    pub(super) fn narrows(&self, prev: &str, next: &str) -> bool {
        super::query::narrows(prev, next)
            && self
                .prepare(next)
                .terms
                .iter()
                .all(|t| t.corrections.is_empty())
    }

    /// Why a hit matched, in words a reader can check: the index terms and
    /// the words of the query found, and where (`index term 'quick
    /// freeze'`, `'extradition' in the heading`). Empty for a place the
    /// query names by number. `q` is the query as [`Self::prepare`] read
    /// it, once for all the hits.
    pub fn why(&self, q: &Query, hit: &Hit) -> Vec<String> {
        let Some(owner) = self.owners.iter().position(|p| *p == hit.place) else {
            return Vec::new();
        };
        let owner = owner as u32;
        let first = self.units.partition_point(|u| u.owner < owner);
        let last = self.units.partition_point(|u| u.owner <= owner);
        let terms = q.terms.len();
        let mut best: Vec<(f32, Option<String>)> = vec![(0.0, None); terms];
        let mut qual = vec![0.0f32; terms];
        let mut spans = vec![None; terms];
        let mut buf = String::new();
        for i in first as u32..last as u32 {
            let text = self.match_text(i, &mut buf).to_string();
            spans.iter_mut().for_each(|s| *s = None);
            match_unit(q, self.matcher.as_ref(), &text, &mut qual, Some(&mut spans));
            let field = self.units[i as usize].field;
            let shown = self.text(i);
            for j in 0..terms {
                let score = qual[j] * self.unit_weight(i);
                if qual[j] > 0.0 && score > best[j].0 {
                    let reason = match (field, spans[j]) {
                        (Field::IndexTerm, _) => format!("index term '{shown}'"),
                        (_, Some((s, e))) => {
                            let word = shown.get(s..e).unwrap_or(&text[s..e]);
                            format!("'{word}' in the {}", field_name(field))
                        }
                        (_, None) => format!("the {}", field_name(field)),
                    };
                    best[j] = (score, Some(reason));
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        for reason in best.into_iter().filter_map(|(_, r)| r) {
            if !out.contains(&reason) {
                out.push(reason);
            }
        }
        out
    }

    /// Searches synchronously: best first, equal scores in corpus order.
    /// Large indexes are scanned by two threads.
    pub fn search(&self, query: &str, scope: Scope, limit: usize) -> Vec<Hit> {
        self.search_prepared(&self.prepare(query), scope, limit)
    }

    /// [`Self::search`] for a query already read by [`Self::prepare`]
    /// (`treaty search` reads it once for the hits, their scale and why
    /// each matched).
    pub fn search_prepared(&self, q: &Query, scope: Scope, limit: usize) -> Vec<Hit> {
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let range = self.scope_units(scope);
        let keep = candidates(limit);
        let never = || false;
        let estimates = if range.len() < 50_000 {
            self.scan(q, range, keep, None, &never).unwrap_or_default()
        } else {
            let size = (range.end - range.start).div_ceil(2);
            let pieces = self.pieces(range, size);
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
        self.assemble(q, scope, &estimates, limit)
    }
}

/// The running score of one place while its units are scanned.
struct PlaceScore {
    owner: Option<u32>,
    /// Per term, its best weighted match over the place's units.
    best: Vec<f32>,
    /// The unit a hit shows: most terms matched, then the best sum (an
    /// index term's counted at a tenth, so that the sentence saying the
    /// same is shown, with its span marking the match in the text).
    best_unit: Option<((usize, f32), u32)>,
}

impl PlaceScore {
    fn new(terms: usize) -> Self {
        PlaceScore {
            owner: None,
            best: vec![0.0; terms],
            best_unit: None,
        }
    }

    /// `shown`: how much the unit's sum counts when choosing the unit a hit
    /// shows.
    fn add(&mut self, q: &Query, unit: u32, weight: f32, qual: &[f32], shown: f32) {
        let mut sum = 0.0;
        for (j, term) in q.terms.iter().enumerate() {
            let s = term.idf * qual[j] * weight;
            sum += s;
            if s > self.best[j] {
                self.best[j] = s;
            }
        }
        let key = (qual.iter().filter(|&&x| x > 0.0).count(), sum * shown);
        if self
            .best_unit
            .is_none_or(|(b, _)| key.0 > b.0 || (key.0 == b.0 && key.1 > b.1))
        {
            self.best_unit = Some((key, unit));
        }
    }

    /// The place's score, and resets for the next place. `None` when nothing
    /// matched or a required term (`'word`, `"phrase"`) is missing.
    fn finish(&mut self, q: &Query) -> Option<Scored> {
        let best = std::mem::replace(&mut self.best, vec![0.0; q.terms.len()]);
        let (_, unit) = self.best_unit.take()?;
        let mut total = 0.0;
        let mut covered = 0.0;
        let mut all = 0.0;
        for (term, &b) in q.terms.iter().zip(&best) {
            all += term.idf;
            if b > 0.0 {
                total += b;
                covered += term.idf;
            } else if term.required() {
                return None;
            }
        }
        let coverage = if all > 0.0 { covered / all } else { 1.0 };
        let score = total * coverage * coverage;
        Some(Scored {
            score: (score * 1000.0).round() as i64,
            unit,
        })
    }
}

/// How `why` names a field.
fn field_name(field: Field) -> &'static str {
    match field {
        Field::Heading => "heading",
        Field::Summary => "summary",
        Field::Text => "text",
        Field::Title => "title",
        Field::Byline => "byline",
        Field::Sentence => "passage",
        Field::IndexTerm => "index",
    }
}

/// How many places a scan keeps for `limit` hits: the named place may take
/// one slot, and a first batch merges pieces.
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
        assert!(index.search("qqqzzz", Scope::Sources, 10).is_empty());
    }

    #[test]
    fn letters_never_match_across_words() {
        let corpus = corpus_with(
            "A source",
            &["Data usually are logged.", "An individual right."],
        );
        let index = SearchIndex::build(&corpus);
        assert!(index.search("dual", Scope::Sources, 10).is_empty());
        assert!(index.search("'dual", Scope::Sources, 10).is_empty());
        assert_eq!(index.search("indiv", Scope::Sources, 10).len(), 1);
        assert_eq!(
            index.search("indvdl", Scope::Sources, 10).len(),
            1,
            "typed fast"
        );
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
