//! The search index: every searchable unit of a corpus, its text in one arena,
//! a char mask for the prefilter, and what place it belongs to.

use super::fold::{char_mask, fold, fold_char, needs_fold};
use super::matcher::{Matcher, SkimMatcher};
use super::query::Query;
use super::sentences::sentences;
use super::unit_match::match_unit;
use super::words::word_ranges;
use super::{HitPlace, Scope};
use crate::corpus::{Corpus, PassageId, Target};
use crate::text::one_line;
use std::collections::HashMap;
use std::ops::Range;

/// Bytes of passage text read for the vocabulary (see `Builder::vocabulary`).
const VOCAB_SAMPLE: usize = 256 * 1024;

/// Which part of its place a unit comes from; decides the field bonus and
/// what the hit's span refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// An article, chapter or preamble heading.
    Heading,
    /// A sentence of an article's or the preamble's summary.
    Summary,
    /// A sentence of an authentic text.
    Text,
    /// A source's title.
    Title,
    /// A source's author and publisher.
    Byline,
    /// A sentence of a passage.
    Sentence,
    /// A term of the subject index pointing at the place.
    IndexTerm,
}

/// One searchable unit. Kept small (32 bytes): a 100 MB corpus has about a
/// million of them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// Byte range of the unit's one-line text in the arena.
    pub start: u32,
    pub len: u16,
    /// Chars present, see [`super::fold::char_mask`].
    pub mask: u64,
    /// Index into the owners (places).
    pub owner: u32,
    /// Byte offset and length of the unit in the original passage or summary.
    pub span_start: u32,
    pub span_len: u16,
    pub field: Field,
    /// The matcher must see the text folded (non-ASCII text that folds);
    /// folded on the fly rather than stored, which would cost memory.
    pub folded: bool,
}

/// What hits need to know about a source without keeping the corpus.
#[derive(Debug, Clone)]
pub(super) struct SourceInfo {
    pub id: String,
    pub title: String,
    pub short_name: String,
}

/// The units of a corpus, ready to search. Owns its text: it does not borrow
/// the corpus, so it can move to worker threads behind an `Arc`.
pub struct SearchIndex {
    pub(super) arena: String,
    pub(super) units: Vec<Unit>,
    pub(super) owners: Vec<HitPlace>,
    pub(super) headings: HashMap<Target, String>,
    pub(super) sources: Vec<SourceInfo>,
    /// First unit of the sources: the convention's units come before it.
    pub(super) source_start: u32,
    pub(super) matcher: Box<dyn Matcher>,
    /// The words of the convention's places and of a sample of the
    /// passages, each with the number of those documents holding it: the
    /// inverse document frequency of a query word and its typo corrections
    /// come from here.
    pub(super) vocab: HashMap<String, u32>,
    /// Documents counted in `vocab`.
    pub(super) documents: u32,
    /// Mean length of a unit in bytes, for length normalisation.
    pub(super) mean_len: f32,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("units", &self.units.len())
            .field("text_bytes", &self.arena.len())
            .field("heap_bytes", &self.heap_bytes())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes a corpus with the default (skim) matcher.
    pub fn build(corpus: &Corpus) -> Self {
        Self::build_with(corpus, Box::new(SkimMatcher::default()))
    }

    /// Indexes a corpus with the given matcher.
    pub fn build_with(corpus: &Corpus, matcher: Box<dyn Matcher>) -> Self {
        Self::build_inner(corpus, matcher, None)
    }

    /// An index of the convention, the sources' titles and bylines, and only
    /// the passages that can match `query`: what a one-off search (`treaty
    /// search`) needs. Its results for `query` are those of the full index
    /// (word statistics come from the whole corpus); a query that matches
    /// nothing costs one memchr pass over the text.
    pub fn build_for_query(corpus: &Corpus, query: &str) -> Self {
        Self::build_inner(corpus, Box::new(SkimMatcher::default()), Some(query))
    }

    fn build_inner(corpus: &Corpus, matcher: Box<dyn Matcher>, query: Option<&str>) -> Self {
        let mut b = Builder {
            index: SearchIndex {
                arena: String::new(),
                units: Vec::new(),
                owners: Vec::new(),
                headings: HashMap::new(),
                sources: Vec::new(),
                source_start: 0,
                matcher,
                vocab: HashMap::new(),
                documents: 0,
                mean_len: 1.0,
            },
        };
        if query.is_none() {
            // Reserve the text up front: growing by doubling would leave up
            // to twice the text allocated at the peak.
            let passages: usize = corpus
                .sources
                .iter()
                .flat_map(|s| &s.passages)
                .map(|p| p.text.len())
                .sum();
            b.index.arena.reserve(passages + 64 * 1024);
        }
        b.convention(corpus);
        b.index.source_start = b.index.units.len() as u32;
        b.vocabulary(corpus);
        let q = query.map(|raw| b.index.prepare(raw));
        b.sources(corpus, q.as_ref());
        let mut index = b.index;
        index.arena.shrink_to_fit();
        index.units.shrink_to_fit();
        index.owners.shrink_to_fit();
        index
    }

    /// Whether a passage's text can hold a hit for `q`: some term of the
    /// query matches in it, and every exact term and phrase is in it.
    fn may_match(&self, q: &Query, text: &str) -> bool {
        // A phrase is matched as the units hold text: on one line.
        let joined;
        let text = if q.terms.iter().any(|t| t.required()) {
            joined = one_line(text);
            joined.as_str()
        } else {
            text
        };
        let folded;
        let text = if needs_fold(text) {
            folded = fold(text);
            folded.as_str()
        } else {
            text
        };
        let mut qual = vec![0.0f32; q.terms.len()];
        match_unit(q, self.matcher.as_ref(), text, &mut qual, None);
        let all_required = q
            .terms
            .iter()
            .zip(&qual)
            .all(|(t, &x)| !t.required() || x > 0.0);
        all_required && qual.iter().any(|&x| x > 0.0)
    }

    /// Bytes allocated for the index's own data (not counting the corpus).
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.units.capacity() * std::mem::size_of::<Unit>()
            + self.owners.capacity() * std::mem::size_of::<HitPlace>()
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The one-line text of unit `i`, as shown in a hit's snippet.
    pub(super) fn text(&self, i: u32) -> &str {
        let u = &self.units[i as usize];
        let start = u.start as usize;
        &self.arena[start..start + usize::from(u.len)]
    }

    /// The text the matcher sees for unit `i`: the unit's text, or its folded
    /// form written into `buf` when it needs folding.
    pub(super) fn match_text<'a>(&'a self, i: u32, buf: &'a mut String) -> &'a str {
        let text = self.text(i);
        if !self.units[i as usize].folded {
            return text;
        }
        buf.clear();
        buf.extend(text.chars().map(fold_char));
        buf
    }

    /// The range of units a scope searches.
    pub(super) fn scope_units(&self, scope: Scope) -> Range<u32> {
        let n = self.units.len() as u32;
        match scope {
            Scope::All => 0..n,
            Scope::Articles => 0..self.source_start,
            Scope::Sources => self.source_start..n,
        }
    }

    /// Splits `range` into pieces of about `size` units that never cut a
    /// place's units apart, so each piece can keep the best unit per place.
    pub(super) fn pieces(&self, range: Range<u32>, size: u32) -> Vec<Range<u32>> {
        let mut out = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let mut end = start.saturating_add(size.max(1)).min(range.end);
            while end < range.end
                && self.units[end as usize].owner == self.units[end as usize - 1].owner
            {
                end += 1;
            }
            out.push(start..end);
            start = end;
        }
        out
    }
}

struct Builder {
    index: SearchIndex,
}

impl Builder {
    fn convention(&mut self, corpus: &Corpus) {
        let conv = &corpus.convention;
        let preamble = self.owner(HitPlace::Target(Target::Preamble), "Preamble".into());
        self.unit(preamble, Field::Heading, "Preamble", 0);
        self.sentences(preamble, Field::Summary, &conv.preamble.summary);
        if let Some(text) = &conv.preamble.text {
            self.sentences(preamble, Field::Text, text);
        }
        self.index_terms(preamble, corpus, Target::Preamble);
        for chapter in &conv.chapters {
            let heading = chapter.heading();
            let owner = self.owner(HitPlace::Target(chapter.target()), heading.clone());
            self.unit(owner, Field::Heading, &heading, 0);
            self.index_terms(owner, corpus, chapter.target());
            for article in &chapter.articles {
                let heading = article.heading();
                let owner = self.owner(HitPlace::Target(article.target()), heading.clone());
                self.unit(owner, Field::Heading, &heading, 0);
                self.sentences(owner, Field::Summary, &article.summary);
                if let Some(text) = &article.text {
                    self.sentences(owner, Field::Text, text);
                }
                self.index_terms(owner, corpus, article.target());
            }
        }
    }

    /// The subject index's terms for `target`, as units of its place.
    fn index_terms(&mut self, owner: u32, corpus: &Corpus, target: Target) {
        for term in corpus.subject.terms_of(target) {
            self.unit(owner, Field::IndexTerm, &term.text, 0);
        }
    }

    /// Counts the words of every convention place and of a sample of the
    /// passages (about [`VOCAB_SAMPLE`] bytes, spread evenly): enough to
    /// tell a rare word from a common one without reading a large corpus
    /// twice.
    fn vocabulary(&mut self, corpus: &Corpus) {
        let mut docs: Vec<String> = Vec::new();
        let mut current: Option<u32> = None;
        for u in &self.index.units[..self.index.source_start as usize] {
            let start = u.start as usize;
            let text = &self.index.arena[start..start + usize::from(u.len)];
            if current != Some(u.owner) {
                docs.push(String::new());
                current = Some(u.owner);
            }
            if let Some(doc) = docs.last_mut() {
                doc.push(' ');
                doc.push_str(text);
            }
        }
        let sample = corpus.passage_sample(VOCAB_SAMPLE);
        let sampled = sample.iter().copied();
        // The mean length of a sentence, from the convention's prose and the
        // same sample: the same for a full index and one built for a query.
        // Headings and index terms are short by nature and would make every
        // sentence look long.
        let (mut total, mut count) = (0u64, 0u64);
        for u in &self.index.units[..self.index.source_start as usize] {
            if !matches!(u.field, Field::IndexTerm | Field::Heading) {
                total += u64::from(u.len);
                count += 1;
            }
        }
        for p in sampled.clone() {
            for r in sentences(p) {
                total += r.len() as u64;
                count += 1;
            }
        }
        self.index.mean_len = (total as f32 / count.max(1) as f32).max(1.0);
        let vocab = &mut self.index.vocab;
        let mut documents = 0u32;
        for doc in docs.iter().map(String::as_str).chain(sampled) {
            documents += 1;
            let folded = fold(doc);
            let mut words: Vec<&str> = word_ranges(&folded).map(|(s, e)| &folded[s..e]).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                match vocab.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        vocab.insert(w.to_string(), 1);
                    }
                }
            }
        }
        self.index.documents = documents;
    }

    /// The sources and their passages; with a query, only the passages
    /// that can match it.
    fn sources(&mut self, corpus: &Corpus, query: Option<&Query>) {
        for (s, source) in corpus.sources.iter().enumerate() {
            self.index.sources.push(SourceInfo {
                id: source.id.clone(),
                title: source.display_title(),
                short_name: source.short_name(),
            });
            let owner = self.owner(HitPlace::Source(s), String::new());
            if let Some(title) = &source.meta.title {
                self.unit(owner, Field::Title, title, 0);
            }
            let byline: Vec<&str> = [&source.meta.author, &source.meta.publisher]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !byline.is_empty() {
                self.unit(owner, Field::Byline, &byline.join(", "), 0);
            }
            for (index, passage) in source.passages.iter().enumerate() {
                if query.is_some_and(|q| !self.index.may_match(q, &passage.text)) {
                    continue;
                }
                let owner = self.owner(
                    HitPlace::Passage(PassageId { source: s, index }),
                    String::new(),
                );
                self.sentences(owner, Field::Sentence, &passage.text);
            }
        }
    }

    /// Registers a place; `heading` is kept for convention targets.
    fn owner(&mut self, place: HitPlace, heading: String) -> u32 {
        if let HitPlace::Target(t) = place {
            self.index.headings.insert(t, heading);
        }
        self.index.owners.push(place);
        (self.index.owners.len() - 1) as u32
    }

    fn sentences(&mut self, owner: u32, field: Field, text: &str) {
        for range in sentences(text) {
            let start = range.start;
            self.unit(owner, field, &text[range], start);
        }
    }

    /// Adds one unit. Units are short by construction (sentences are cut at
    /// [`super::sentences::MAX_UNIT`]); a heading too long for the 16-bit
    /// length is cut, and past 4 GiB of text the index stops growing rather
    /// than wrapping its 32-bit offsets.
    fn unit(&mut self, owner: u32, field: Field, original: &str, span_start: usize) {
        let mut text = one_line(original);
        if text.len() > usize::from(u16::MAX) {
            text.truncate(text.floor_char_boundary(usize::from(u16::MAX)));
        }
        let ix = &mut self.index;
        let (Ok(start), Ok(len), Ok(span_start)) = (
            u32::try_from(ix.arena.len()),
            u16::try_from(text.len()),
            u32::try_from(span_start),
        ) else {
            return;
        };
        let span_len = u16::try_from(original.len()).unwrap_or(u16::MAX);
        if text.is_empty() || start.checked_add(u32::from(len)).is_none() {
            return;
        }
        let folded = needs_fold(&text);
        ix.arena.push_str(&text);
        ix.units.push(Unit {
            start,
            len,
            mask: char_mask(&text),
            owner,
            span_start,
            span_len,
            field,
            folded,
        });
    }
}
