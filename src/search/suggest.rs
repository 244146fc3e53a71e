//! Suggested links: for a passage that no citation and no analyst links to
//! the convention, the provisions it seems to discuss, read from the subject
//! index's terms found in it (stem by stem, so `quick-freeze orders` finds
//! `quick freeze`) and from the words it shares with a provision's heading
//! and summary, and from the passages already linked that it reads like
//! (the convention's words they share: a passage like one an analyst linked
//! to Art. 24 is likely about Art. 24 too). Each suggestion has a score and
//! a reason naming what matched; it is a suggestion, never shown as a
//! citation.

use super::fold::fold;
use super::words::{is_stop_word, stem, word_ranges};
use crate::corpus::{Corpus, PassageId, Target};
use std::collections::{HashMap, HashSet};

/// Suggestions scoring below this are not made. Calibrated on two of the
/// five built-in sources (the best F1 against their curated links, in
/// `tests/suggest_eval.rs`), and reported on the other three: a specific
/// two-word index term passes with a little support from the summary; a
/// single common word does not.
pub const THRESHOLD: f32 = 5.0;

/// At most this many provisions are suggested for one passage: analysts
/// link a passage to three provisions on average, and to all five offences
/// against systems when it discusses security research.
pub const MAX_PER_PASSAGE: usize = 5;

/// A provision scoring less than this share of the best one's score is
/// not suggested beside it: one strong reading is not diluted by weak ones.
pub const RELATIVE: f32 = 0.0;

/// Weight of the summary similarity against the index terms: index terms
/// are the evidence, shared summary words a tie-breaker and a help.
const SUMMARY_WEIGHT: f32 = 0.35;

/// Weight of the likeness to passages already linked: a passage that reads
/// like one an analyst linked to a provision is likely about it too.
pub const LIKE_WEIGHT: f32 = 12.0;

/// Two passages sharing fewer of the convention's words than this are not
/// alike, however short they are: one shared 'risks' is no reading.
const LIKE_SHARED: usize = 2;

/// At most this many linked passages are learnt from.
const MAX_EXAMPLES: usize = 4096;

/// Per word, the linked passages kept to compare with: those it weighs most
/// in. A library of imports that cite articles has thousands of linked
/// passages; the built-in one has 62, all kept.
const POSTINGS_KEPT: usize = 64;

/// A word a reason names for likeness is in at most one passage in six of
/// the sample (its rarity, ln(1 + 6), at least this) when such a word is
/// shared: 'persecution' says why two passages are alike, 'cybercrime' not.
const REASON_RARITY: f32 = 1.95;

/// Linked passages less alike than this (cosine of their weighted words)
/// say nothing.
const LIKE_MIN: f32 = 0.15;

/// At most this many of the most alike linked passages are heard.
const LIKE_NEIGHBOURS: usize = 5;

/// Bytes of passages sampled to tell common index terms from rare ones.
const SAMPLE: usize = 256 * 1024;

/// Fewer sampled passages than this say nothing reliable.
const MIN_SAMPLE: u32 = 20;

/// How hard a common term is weighed down: a term in every passage keeps
/// 1 / (1 + COMMON_TERM) of its weight. Chosen with the threshold on the
/// tuning sources: at 8 'human rights' in a critique of human rights counted
/// for almost nothing, though analysts link such passages to Art. 6.
const COMMON_TERM: f32 = 3.0;

/// A word in more summaries than this is too common to suggest anything.
const COMMON_SUMMARY_WORD: u32 = 6;

/// One suggested link.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub passage: PassageId,
    pub target: Target,
    /// Higher is stronger; at least [`THRESHOLD`].
    pub score: f32,
    /// What matched, for a reader to check: `'quick freeze', 'traffic
    /// data' -> Art. 42`.
    pub reason: String,
}

/// A provision suggested for a text (no passage yet).
#[derive(Debug, Clone, PartialEq)]
pub struct TextSuggestion {
    pub target: Target,
    pub score: f32,
    pub reason: String,
}

struct Term {
    text: String,
    stems: Vec<String>,
    targets: Vec<Target>,
    weight: f32,
}

/// What the suggester knows of the convention, built once per corpus.
pub struct Suggester {
    terms: Vec<Term>,
    /// Terms by their first stem.
    by_first: HashMap<String, Vec<usize>>,
    /// Per provision, the stems of its heading and summary with their weight.
    profiles: HashMap<Target, HashMap<String, f32>>,
    /// How rare each stem is among the passages (idf over the sample), for
    /// comparing a passage with the linked ones.
    rarity: HashMap<String, f32>,
    /// The stems that say what a passage is about: the index terms' and the
    /// summaries' distinctive words. Likeness is measured on them alone.
    vocabulary: HashSet<String>,
    /// A stem the sample never saw is as rare as this.
    rarest: f32,
    /// The passages already linked, that a passage like them is compared with.
    learned: Vec<Learned>,
    /// Per stem, its number and the linked passages that use it with its
    /// weight there.
    postings: HashMap<String, Posting>,
    /// Suggestions scoring below this are not made: [`THRESHOLD`], lowered
    /// only by the evaluation, which calibrates it over the whole curve.
    pub threshold: f32,
    /// Weight of the likeness to linked passages against the index terms.
    pub like_weight: f32,
    /// At most this many provisions per passage: [`MAX_PER_PASSAGE`].
    pub most: usize,
    /// A provision scoring less than this share of the passage's best is not
    /// suggested with it: [`RELATIVE`].
    pub relative: f32,
}

/// A passage linked by a citation, an analyst or the user: its words show
/// what a discussion of its provisions looks like in this library.
pub struct Example {
    pub passage: PassageId,
    pub targets: Vec<Target>,
    /// Where it is, for the reason: `HRW, para 12`.
    pub location: String,
}

/// The passages already linked, one example each with all its provisions,
/// in the order of `links` (passage, provision).
pub fn examples(
    corpus: &Corpus,
    links: impl IntoIterator<Item = (PassageId, Target)>,
) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut at: HashMap<PassageId, usize> = HashMap::new();
    for (passage, target) in links {
        let i = *at.entry(passage).or_insert_with(|| {
            out.push(Example {
                passage,
                targets: Vec::new(),
                location: corpus.passage_location(passage),
            });
            out.len() - 1
        });
        if !out[i].targets.contains(&target) {
            out[i].targets.push(target);
        }
    }
    out
}

struct Learned {
    passage: PassageId,
    targets: Vec<Target>,
    location: String,
    /// Its weighted stems (by their number in `postings`, in that order),
    /// to name the words a passage shares with it. Numbers, not the stems'
    /// text: a library learns from thousands of passages.
    words: Vec<(u32, f32)>,
}

/// A stem's number and the linked passages that use it, with its weight in
/// each.
#[derive(Default)]
struct Posting {
    stem: u32,
    passages: Vec<(u32, f32)>,
}

/// The stems of the words of a text, stop words dropped.
fn stems(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(s, _)| s).collect()
}

/// The words of a text as (stem, folded word), stop words dropped.
fn words(text: &str) -> Vec<(String, String)> {
    words_cached(text, &mut HashMap::new())
}

/// [`words`], with the stems of words already seen taken from `cache`: a
/// long import repeats its words, and stemming costs more than a look-up.
fn words_cached(text: &str, cache: &mut HashMap<String, String>) -> Vec<(String, String)> {
    let folded = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        fold(text)
    };
    word_ranges(&folded)
        .map(|(s, e)| &folded[s..e])
        .filter(|w| !is_stop_word(w) && !is_function_word(w))
        .map(|w| {
            let stem = match cache.get(w) {
                Some(s) => s.clone(),
                None => {
                    let s = stem(w);
                    if cache.len() < STEM_CACHE {
                        cache.insert(w.to_string(), s.clone());
                    }
                    s
                }
            };
            (stem, w.to_string())
        })
        .collect()
}

/// Whether a folded word is a function word of English, French or Spanish
/// (`same`, `both`, `because`, `même`, `entre`): the NLTK lists, folded as
/// passages are. The search keeps some of them (`no`, `not` matter in a
/// phrase); to say which provision a passage discusses they are noise that
/// would otherwise count as summary words or likeness.
fn is_function_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            ["en", "fr", "es"]
                .into_iter()
                .filter_map(stop_words::lookup)
                .flatten()
                .map(|w| fold(w))
                .collect()
        })
        .contains(word)
}

/// Distinct words whose stems are kept while suggesting for one source.
const STEM_CACHE: usize = 200_000;

/// Passages per thread below which suggesting stays on one thread.
const PARALLEL_MIN: usize = 512;

impl Suggester {
    pub fn new(corpus: &Corpus) -> Self {
        let mut merged: HashMap<Vec<String>, (String, Vec<Target>, usize)> = HashMap::new();
        let mut order: Vec<Vec<String>> = Vec::new();
        for entry in &corpus.subject.entries {
            for term in &entry.terms {
                // The English stemmer would mangle French and Spanish words
                // into English ones (`considérants` into `consider`): those
                // terms match word for word, accents aside.
                let key: Vec<String> = if term.lang == crate::corpus::Lang::En {
                    stems(&term.text)
                } else {
                    words(&term.text)
                        .into_iter()
                        .map(|(_, w)| format!("={w}"))
                        .collect()
                };
                // A term of several words that comes down to one once its
                // function words go ('own nationals' to 'nationals', 'UN
                // languages' to 'languages') would match any passage using
                // that word ('national borders', 'United Nations'): it is
                // not read, since what made it specific is gone.
                let folded = fold(&term.text);
                let written: Vec<&str> = word_ranges(&folded).map(|(s, e)| &folded[s..e]).collect();
                if key.is_empty() || (key.len() == 1 && written.len() > 1) {
                    continue;
                }
                // A term of several words also matches written as one
                // (`quickfreeze`, `cyberbullying` for `cyber bullying`): the
                // folded words joined, as one word.
                let joined: String = written.concat();
                let length = key.len();
                let mut keys = vec![key];
                if length > 1 && joined.chars().count() >= 6 {
                    keys.push(vec![format!("={joined}")]);
                }
                for key in keys {
                    let slot = merged.entry(key.clone()).or_insert_with(|| {
                        order.push(key.clone());
                        (term.text.clone(), Vec::new(), length)
                    });
                    if !slot.1.contains(&entry.target) {
                        slot.1.push(entry.target);
                    }
                }
            }
        }
        let provisions = corpus.subject.entries.len().max(1) as f32;
        let mut terms = Vec::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for key in order {
            let Some((text, targets, length)) = merged.remove(&key) else {
                continue;
            };
            // Specific (few provisions) and long (several words) terms say
            // more than a common single word; a term written as one word
            // weighs what its words do.
            let length = length as f32;
            let weight = (1.0 + provisions / targets.len() as f32).ln()
                * length.sqrt()
                * if length <= 1.0 { 0.6 } else { 1.0 };
            by_first
                .entry(key[0].clone())
                .or_default()
                .push(terms.len());
            terms.push(Term {
                text,
                stems: key,
                targets,
                weight,
            });
        }
        // A term most passages use ('human rights' in a corpus of human
        // rights critiques) says little about which provision one of them
        // discusses: weighed down by the share of a sample of the passages
        // (about SAMPLE bytes, spread evenly) it is found in. Reading the
        // sample needs the terms only: the rest is filled in at the end.
        let mut this = Suggester {
            terms,
            by_first,
            profiles: HashMap::new(),
            vocabulary: Default::default(),
            rarity: HashMap::new(),
            rarest: 0.0,
            learned: Vec::new(),
            postings: HashMap::new(),
            threshold: THRESHOLD,
            like_weight: LIKE_WEIGHT,
            most: MAX_PER_PASSAGE,
            relative: RELATIVE,
        };
        let mut seen = vec![0u32; this.terms.len()];
        let mut sampled = 0u32;
        let mut cache = HashMap::new();
        let mut df: HashMap<String, u32> = HashMap::new();
        for p in corpus.passage_sample(SAMPLE) {
            sampled += 1;
            let words = words_cached(p, &mut cache);
            for t in this.find_terms(&words) {
                seen[t] += 1;
            }
            let mut stems: Vec<&str> = words.iter().map(|(s, _)| s.as_str()).collect();
            stems.sort_unstable();
            stems.dedup();
            for s in stems {
                match df.get_mut(s) {
                    Some(n) => *n += 1,
                    None => {
                        df.insert(s.to_string(), 1);
                    }
                }
            }
        }
        if sampled >= MIN_SAMPLE {
            for (term, &n) in this.terms.iter_mut().zip(&seen) {
                term.weight /= 1.0 + COMMON_TERM * n as f32 / sampled as f32;
            }
        }
        let total = sampled.max(1) as f32;
        let rarity: HashMap<String, f32> = df
            .into_iter()
            .map(|(s, n)| (s, (1.0 + total / n as f32).ln()))
            .collect();
        let rarest = (1.0 + total).ln();
        let mut profiles: Vec<(Target, Vec<String>)> = Vec::new();
        let conv = &corpus.convention;
        let mut preamble = stems(&conv.preamble.summary);
        preamble.sort();
        preamble.dedup();
        profiles.push((Target::Preamble, preamble));
        for chapter in &conv.chapters {
            for article in &chapter.articles {
                let mut words = stems(&article.title);
                words.extend(stems(&article.summary));
                words.sort();
                words.dedup();
                profiles.push((article.target(), words));
            }
        }
        let mut df: HashMap<&str, u32> = HashMap::new();
        for (_, words) in &profiles {
            for w in words {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let n = profiles.len().max(1) as f32;
        let profiles: HashMap<Target, HashMap<String, f32>> = profiles
            .iter()
            .map(|(t, words)| {
                let norm = (words.len().max(1) as f32).sqrt();
                let weights = words
                    .iter()
                    .map(|w| {
                        // A word most summaries use (`States`, `Convention`)
                        // tells nothing about which provision is meant.
                        let d = df.get(w.as_str()).copied().unwrap_or(1);
                        let idf = if d > COMMON_SUMMARY_WORD {
                            0.0
                        } else {
                            (n / d as f32).ln()
                        };
                        (w.clone(), idf / norm)
                    })
                    .collect();
                (*t, weights)
            })
            .collect();
        // The words of the convention's subjects: those of the index terms
        // and the distinctive words of the headings and summaries.
        let mut vocabulary: HashSet<String> = profiles
            .values()
            .flat_map(|p| p.iter().filter(|(_, w)| **w > 0.0).map(|(s, _)| s.clone()))
            .collect();
        for term in &this.terms {
            for k in &term.stems {
                vocabulary.insert(match k.strip_prefix('=') {
                    Some(w) => stem(w),
                    None => k.clone(),
                });
            }
        }
        Suggester {
            profiles,
            vocabulary,
            rarity,
            rarest,
            ..this
        }
    }

    /// The weighted stems of a text that are the convention's vocabulary,
    /// scaled to length one: the rare ones weigh most.
    fn vector(&self, pairs: &[(String, String)]) -> Vec<(String, f32)> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for (s, _) in pairs {
            // Only the words of the convention's subjects make two passages
            // alike: sharing 'ad hoc committee' or 'finalized' says nothing
            // about which provision either discusses.
            if !self.vocabulary.contains(s) {
                continue;
            }
            *counts.entry(s.as_str()).or_default() += 1;
        }
        let mut v: Vec<(String, f32)> = counts
            .into_iter()
            .map(|(s, n)| {
                let rare = self.rarity.get(s).copied().unwrap_or(self.rarest);
                (s.to_string(), (1.0 + (n as f32).ln()) * rare)
            })
            .collect();
        // In stem order, so that sums (and so scores) are the same on every
        // run and every thread, whatever order the map gave.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }

    /// Learns from the passages already linked: a passage that reads like
    /// one of them is suggested its provisions, the reason naming it.
    pub fn learn(mut self, corpus: &Corpus, examples: Vec<Example>) -> Self {
        let mut cache = HashMap::new();
        // A library with more linked passages than this learns from that
        // many, spread evenly over it: enough to know each provision, and
        // time and memory stay bounded (the built-in library has 62).
        let stride = examples.len().div_ceil(MAX_EXAMPLES).max(1);
        for example in examples.into_iter().step_by(stride) {
            let Some(passage) = corpus.passage(example.passage) else {
                continue;
            };
            let id = self.learned.len() as u32;
            let pairs = words_cached(&passage.text, &mut cache);
            let mut words = Vec::new();
            for (stem, w) in self.vector(&pairs) {
                let next = self.postings.len() as u32;
                let posting = self.postings.entry(stem).or_insert_with(|| Posting {
                    stem: next,
                    passages: Vec::new(),
                });
                posting.passages.push((id, w));
                words.push((posting.stem, w));
            }
            words.sort_by_key(|(stem, _)| *stem);
            self.learned.push(Learned {
                passage: example.passage,
                targets: example.targets,
                location: example.location,
                words,
            });
        }
        // A word many linked passages use keeps only those it weighs most in:
        // comparing a passage with every one of thousands of linked passages
        // that say 'data' would cost more than it tells.
        for posting in self.postings.values_mut() {
            let list = &mut posting.passages;
            if list.len() > POSTINGS_KEPT {
                list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                list.truncate(POSTINGS_KEPT);
            }
        }
        self
    }

    /// The linked passages most like a text (other than `this` passage),
    /// with their likeness, most alike first, at most [`LIKE_NEIGHBOURS`],
    /// none below [`LIKE_MIN`].
    fn alike(&self, pairs: &[(String, String)], this: Option<PassageId>) -> Vec<(usize, f32)> {
        if self.learned.is_empty() {
            return Vec::new();
        }
        // Per linked passage: the likeness, and how many words it shares.
        let mut sims: HashMap<u32, (f32, usize)> = HashMap::new();
        for (stem, w) in self.vector(pairs) {
            let passages = self.postings.get(&stem).map(|p| p.passages.as_slice());
            for &(id, x) in passages.unwrap_or_default() {
                let slot = sims.entry(id).or_default();
                slot.0 += w * x;
                slot.1 += 1;
            }
        }
        let mut out: Vec<(usize, f32)> = sims
            .into_iter()
            .filter(|(_, (_, shared))| *shared >= LIKE_SHARED)
            .map(|(id, (sim, _))| (id as usize, sim))
            .filter(|&(id, sim)| sim >= LIKE_MIN && Some(self.learned[id].passage) != this)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(LIKE_NEIGHBOURS);
        out
    }

    /// The index terms found in a text's words (stem, folded word), each
    /// once: longest match first, and none inside it, so `quick freeze` is
    /// read once, not also as `freezing`.
    fn find_terms(&self, words: &[(String, String)]) -> Vec<usize> {
        let key_matches = |key: &str, (stem, word): &(String, String)| match key.strip_prefix('=') {
            Some(w) => w == word,
            None => key == stem,
        };
        let mut seen: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (stem, word) = &words[i];
            let candidates = self
                .by_first
                .get(stem.as_str())
                .into_iter()
                .chain(self.by_first.get(format!("={word}").as_str()))
                .flatten()
                .copied();
            let longest = candidates
                .filter(|&t| {
                    let key = &self.terms[t].stems;
                    words.len() >= i + key.len()
                        && key.iter().zip(&words[i..]).all(|(k, w)| key_matches(k, w))
                })
                .max_by_key(|&t| self.terms[t].stems.len());
            let Some(t) = longest else {
                i += 1;
                continue;
            };
            if !seen.contains(&t) {
                seen.push(t);
            }
            i += self.terms[t].stems.len();
        }
        seen
    }

    /// The provisions a text seems to discuss, best first, at most
    /// [`MAX_PER_PASSAGE`], each scoring at least [`THRESHOLD`].
    pub fn for_text(&self, text: &str) -> Vec<TextSuggestion> {
        let pairs = words(text);
        self.weigh(&pairs, &self.find_terms(&pairs), &self.alike(&pairs, None))
    }

    /// The provisions a text's words (`pairs`) point to, weighed: `terms`,
    /// the index terms found in them ([`Self::find_terms`]), and `alike`,
    /// the linked passages they read like ([`Self::alike`]), are read once
    /// by the caller, which may pass a passage over on them.
    fn weigh(
        &self,
        pairs: &[(String, String)],
        terms: &[usize],
        alike: &[(usize, f32)],
    ) -> Vec<TextSuggestion> {
        let surface: HashMap<&str, &str> = pairs
            .iter()
            .rev()
            .map(|(s, w)| (s.as_str(), w.as_str()))
            .collect();
        let words: Vec<String> = pairs.iter().map(|(s, _)| s.clone()).collect();
        let mut found: HashMap<Target, (f32, Vec<&str>)> = HashMap::new();
        for &t in terms {
            let term = &self.terms[t];
            for target in &term.targets {
                let slot = found.entry(*target).or_default();
                slot.0 += term.weight;
                slot.1.push(term.text.as_str());
            }
        }
        // The passages already linked that this one reads like: each adds
        // its likeness to its provisions; the most alike is named.
        let mut like: HashMap<Target, (f32, usize)> = HashMap::new();
        for &(id, sim) in alike {
            for target in &self.learned[id].targets {
                like.entry(*target).or_insert((0.0, id)).0 += sim;
                found.entry(*target).or_default();
            }
        }
        let mut distinct: Vec<&str> = words.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut out: Vec<TextSuggestion> = Vec::new();
        // The words a passage shares with a provision's summary add weight
        // and a reason. Chapters have no summary to share words with.
        for (target, (index_score, matched)) in found {
            let empty = HashMap::new();
            let profile = self.profiles.get(&target).unwrap_or(&empty);
            let mut shared: Vec<(&str, f32)> = distinct
                .iter()
                .filter_map(|w| profile.get(*w).map(|&x| (*w, x)))
                .filter(|(_, x)| *x > 0.0)
                .collect();
            let similarity: f32 = shared.iter().map(|(_, x)| x).sum::<f32>() * SUMMARY_WEIGHT * 3.0;
            let (likeness, nearest) = like.get(&target).copied().unwrap_or((0.0, usize::MAX));
            let score = index_score + similarity + self.like_weight * likeness;
            if score < self.threshold {
                continue;
            }
            // Words the index terms already name are not repeated.
            let named: Vec<String> = matched.iter().flat_map(|m| stems(m)).collect();
            shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
            let mut what: Vec<String> = matched.iter().map(|m| format!("'{m}'")).collect();
            let extra: Vec<&str> = shared
                .iter()
                .filter(|(w, _)| !named.iter().any(|n| n == w))
                .take(3usize.saturating_sub(what.len()))
                .map(|(w, _)| surface.get(w).copied().unwrap_or(w))
                .collect();
            if !extra.is_empty() {
                what.push(format!("summary words '{}'", extra.join("', '")));
            }
            if let Some(l) = self.learned.get(nearest) {
                // The words that make them alike, the rarest and weightiest
                // first; words most passages use ('cybercrime', 'treaty')
                // only when there is nothing else to name.
                let rarity = |w: &str| self.rarity.get(w).copied().unwrap_or(self.rarest);
                let mut common: Vec<(&str, f32)> = distinct
                    .iter()
                    .filter_map(|w| {
                        let stem = self.postings.get(*w)?.stem;
                        let i = l.words.binary_search_by_key(&stem, |(s, _)| *s).ok()?;
                        Some((*w, l.words[i].1 * rarity(w)))
                    })
                    .collect();
                common.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
                let rare: Vec<(&str, f32)> = common
                    .iter()
                    .copied()
                    .filter(|(w, _)| rarity(w) >= REASON_RARITY)
                    .collect();
                let named = if rare.is_empty() { &common } else { &rare };
                let common: Vec<&str> = named
                    .iter()
                    .take(3)
                    .map(|(w, _)| surface.get(w).copied().unwrap_or(w))
                    .collect();
                what.push(format!(
                    "like {} (linked to it): '{}'",
                    l.location,
                    common.join("', '")
                ));
            }
            out.push(TextSuggestion {
                target,
                score,
                reason: format!("{} -> {}", what.join(", "), target.label()),
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.target.cmp(&b.target)));
        out.truncate(self.most);
        if let Some(best) = out.first().map(|s| s.score) {
            out.retain(|s| s.score >= self.relative * best);
        }
        out
    }

    /// Suggestions for one passage.
    pub fn for_passage(&self, corpus: &Corpus, id: PassageId) -> Vec<Suggestion> {
        self.for_passages(corpus, &[id], None)
    }

    /// The suggestions of passages `ids`, in their order; with `only`, just
    /// those of that provision, and a passage with no index term and no
    /// alike linked passage pointing to it is passed over before any
    /// weighing.
    fn for_passages(
        &self,
        corpus: &Corpus,
        ids: &[PassageId],
        only: Option<Target>,
    ) -> Vec<Suggestion> {
        let mut cache = HashMap::new();
        let mut out = Vec::new();
        for &id in ids {
            let Some(passage) = corpus.passage(id) else {
                continue;
            };
            let pairs = words_cached(&passage.text, &mut cache);
            let terms = self.find_terms(&pairs);
            let alike = self.alike(&pairs, Some(id));
            if let Some(target) = only {
                let points = terms
                    .iter()
                    .any(|&t| self.terms[t].targets.contains(&target))
                    || alike
                        .iter()
                        .any(|(e, _)| self.learned[*e].targets.contains(&target));
                if !points {
                    continue;
                }
            }
            out.extend(
                self.weigh(&pairs, &terms, &alike)
                    .into_iter()
                    .filter(|s| only.is_none_or(|t| s.target == t))
                    .map(|s| Suggestion {
                        passage: id,
                        target: s.target,
                        score: s.score,
                        reason: s.reason,
                    }),
            );
        }
        out
    }

    /// [`Self::for_passages`] over many passages, shared between two
    /// threads when there are enough (the machine this is built for has two
    /// cores), in passage order.
    fn for_many(
        &self,
        corpus: &Corpus,
        ids: &[PassageId],
        only: Option<Target>,
    ) -> Vec<Suggestion> {
        if ids.len() < 2 * PARALLEL_MIN {
            return self.for_passages(corpus, ids, only);
        }
        let (first, second) = ids.split_at(ids.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| self.for_passages(corpus, second, only));
            let mut out = self.for_passages(corpus, first, only);
            match other.join() {
                Ok(rest) => out.extend(rest),
                // A panic there would have happened here too: do it here.
                Err(_) => out.extend(self.for_passages(corpus, second, only)),
            }
            out
        })
    }

    /// The suggestions of one provision: for every passage of every source
    /// that `linked` says has no link yet, the suggestion of `target` when
    /// it is among that passage's. A passage none of whose index terms or
    /// alike linked passages points to `target` is passed over once they
    /// are read, without weighing the provisions it does suggest: what
    /// `show` and `refs` need for one article, without suggesting for the
    /// whole library.
    pub fn for_target(
        &self,
        corpus: &Corpus,
        target: Target,
        linked: &dyn Fn(PassageId) -> bool,
    ) -> Vec<Suggestion> {
        let ids: Vec<PassageId> = corpus.passage_ids().filter(|id| !linked(*id)).collect();
        self.for_many(corpus, &ids, Some(target))
    }

    /// Suggestions for every passage of source `source` that `linked` says
    /// has no link yet (no citation, no analyst's link), in passage order.
    pub fn for_source(
        &self,
        corpus: &Corpus,
        source: usize,
        linked: &dyn Fn(PassageId) -> bool,
    ) -> Vec<Suggestion> {
        let count = corpus.sources.get(source).map_or(0, |s| s.passages.len());
        let ids: Vec<PassageId> = (0..count)
            .map(|index| PassageId { source, index })
            .filter(|id| !linked(*id))
            .collect();
        self.for_many(corpus, &ids, None)
    }
}

/// Every suggestion of a corpus, by passage and by provision: what the
/// explorer shows beside the cited and inferred links, computed once (off
/// the UI thread) for the corpus as loaded.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SuggestionTable {
    by_passage: HashMap<PassageId, Vec<Suggestion>>,
    by_target: HashMap<Target, Vec<Suggestion>>,
}

impl SuggestionTable {
    /// The suggestions of every passage `linked` says has no link yet,
    /// learning from the passages that have one (`examples`).
    pub fn build(
        corpus: &Corpus,
        linked: &dyn Fn(PassageId) -> bool,
        examples: Vec<Example>,
    ) -> Self {
        let suggester = Suggester::new(corpus).learn(corpus, examples);
        let mut table = SuggestionTable::default();
        for source in 0..corpus.sources.len() {
            for s in suggester.for_source(corpus, source, linked) {
                table.by_target.entry(s.target).or_default().push(s.clone());
                table.by_passage.entry(s.passage).or_default().push(s);
            }
        }
        table
    }

    /// A passage's suggestions, best first.
    pub fn of_passage(&self, p: PassageId) -> &[Suggestion] {
        self.by_passage.get(&p).map_or(&[], Vec::as_slice)
    }

    /// A provision's suggestions, in source and paragraph order.
    pub fn of_target(&self, t: Target) -> &[Suggestion] {
        self.by_target.get(&t).map_or(&[], Vec::as_slice)
    }

    /// Number of suggestions.
    pub fn len(&self) -> usize {
        self.by_passage.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_passage.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggester() -> Suggester {
        Suggester::new(&crate::corpus::load_embedded().expect("the corpus loads"))
    }

    #[test]
    fn index_terms_find_the_provision_with_a_reason() {
        let s = suggester();
        let found = s.for_text(
            "Police could issue quick-freeze orders to keep traffic data before a court decides.",
        );
        let first = found.first().expect("a suggestion");
        assert!(
            matches!(first.target, Target::Article(25 | 26 | 42)),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.reason.contains("'quick freeze'")),
            "{found:?}"
        );
        assert!(first.reason.ends_with(&first.target.label()));
    }

    #[test]
    fn one_provision_gets_what_every_passage_would_suggest_for_it() {
        let corpus = crate::corpus::load_embedded().expect("the corpus loads");
        // Learning from the analysts' links of two sources, suggesting for
        // every passage: likeness alone may point to a provision too.
        let links = corpus
            .curated
            .iter()
            .filter(|l| l.passage.source < 2)
            .flat_map(|l| l.targets.iter().map(move |t| (l.passage, *t)));
        let s = Suggester::new(&corpus).learn(&corpus, examples(&corpus, links));
        let none = |_: PassageId| false;
        let all: Vec<Suggestion> = (0..corpus.sources.len())
            .flat_map(|i| s.for_source(&corpus, i, &none))
            .collect();
        let mut checked = 0;
        for target in [
            Target::Article(42),
            Target::Article(16),
            Target::Article(6),
            Target::Article(3),
            Target::Chapter(5),
        ] {
            let want: Vec<&Suggestion> = all.iter().filter(|x| x.target == target).collect();
            let got = s.for_target(&corpus, target, &none);
            assert_eq!(got.iter().collect::<Vec<_>>(), want, "{target}");
            checked += want.len();
        }
        assert!(checked > 0, "the check compared some suggestions");
    }

    #[test]
    fn a_term_written_as_one_word_is_found() {
        let s = suggester();
        let found = s.for_text("Investigators asked for a quickfreeze of the logs held abroad.");
        assert!(
            found
                .iter()
                .any(|f| f.target == Target::Article(42) && f.reason.contains("'quick freeze'")),
            "{found:?}"
        );
    }

    #[test]
    fn no_suggestion_without_evidence() {
        let s = suggester();
        assert!(s.for_text("The weather was pleasant in spring.").is_empty());
        assert!(s.for_text("").is_empty());
    }

    /// A suggester that learnt from one linked passage: Zamora ¶ 1, linked
    /// to Art. 57 (which nothing in it names).
    fn zamora_1_linked_to_57() -> (Corpus, PassageId, Suggester) {
        let corpus = crate::corpus::load_embedded().expect("the corpus loads");
        let linked = PassageId {
            source: corpus.source_index("zamora").expect("zamora"),
            index: 0,
        };
        let s = Suggester::new(&corpus)
            .learn(&corpus, examples(&corpus, [(linked, Target::Article(57))]));
        (corpus, linked, s)
    }

    #[test]
    fn a_passage_like_a_linked_one_gets_its_provision_and_the_reason_says_so() {
        // One linked passage; a text sharing its rare words, naming no term
        // of its provision.
        let (corpus, linked, s) = zamora_1_linked_to_57();
        let text = corpus.passage(linked).expect("a passage").text.clone();
        let target = Target::Article(57);
        let found = s.for_text(&text);
        let hit = found
            .iter()
            .find(|f| f.target == target)
            .expect("the linked passage's provision is suggested");
        assert!(
            hit.reason.contains("like Zamora, para 1 (linked to it): '"),
            "{}",
            hit.reason
        );
        // The passage itself is never its own example.
        let own = s.for_passage(&corpus, linked);
        assert!(
            own.iter()
                .all(|f| f.target != target || !f.reason.contains("para 1 (linked")),
            "{own:?}"
        );
        // Without the example, nothing points it to Art. 57.
        assert!(
            Suggester::new(&corpus)
                .for_text(&text)
                .iter()
                .all(|f| f.target != target)
        );
    }

    #[test]
    fn one_shared_word_is_no_likeness() {
        let (_, _, mut s) = zamora_1_linked_to_57();
        // Any likeness at all shows.
        s.threshold = 0.01;
        // 'persecution' alone, in a short text: the cosine would be high.
        let found = s.for_text("What of persecution?");
        assert!(
            found.iter().all(|f| !f.reason.contains("like Zamora")),
            "{found:?}"
        );
        let found = s.for_text("What of persecution and of borders?");
        assert!(
            found.iter().any(|f| f.reason.contains("like Zamora")),
            "{found:?}"
        );
    }

    #[test]
    fn a_term_reduced_to_one_common_word_is_not_read() {
        let mut s = suggester();
        // Any score shows.
        s.threshold = 0.01;
        // 'own nationals' (Art. 37) would come down to 'nationals'.
        let found = s.for_text(
            "The treaty could legitimize the persecution of defenders beyond national borders.",
        );
        assert!(
            found.iter().all(|f| !f.reason.contains("'own nationals'")),
            "{found:?}"
        );
        // Terms that keep their specific words still find the provision.
        let found = s.for_text("May a State refuse to extradite its own nationals?");
        assert!(
            found.iter().any(|f| f.target == Target::Article(37)),
            "{found:?}"
        );
    }
}
