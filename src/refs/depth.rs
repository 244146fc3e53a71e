//! The depth of treatment of each link (1 mentions .. 4 examines): the key
//! terms of every provision, and how much of a linked passage bears on it.
//! Computed once, when the link graph is built: [`Grader`] reads each
//! passage's sentences and words once for all its links, and the share of
//! passages that makes a word too common is taken from a sample of them.

pub use crate::corpus::bearing::Depth;
use crate::corpus::bearing::{self, Terms};
use crate::corpus::{Corpus, Target};
use crate::refs::extract::Citation;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// A word of an article's summary is a key term only when at most this many
/// articles' summaries use it: beyond that it does not tell them apart.
const SUMMARY_TERM_MAX_ARTICLES: usize = 3;

/// A summary's word used by more than this share of all passages is too
/// common in the critiques to show what a sentence is about (`convention`,
/// `state`, `human`).
const COMMON_IN_PASSAGES: f64 = 0.25;

/// A title's words are chosen to name the article, so only a word used by
/// more than half of the passages (`rights`) is left out of them.
const TITLE_COMMON_IN_PASSAGES: f64 = 0.5;

/// Word statistics (which stems are too common to tell a subject) are read
/// from about this many bytes of passages, spread evenly over the corpus: a
/// share of passages needs no more, and reading every word of a 100 MB
/// corpus took seconds. A smaller corpus is read whole.
const COMMON_SAMPLE: usize = 256 * 1024;

/// The key terms of every provision: for an article, its title's words and
/// the distinctive words of its summary; for a chapter, its title's and its
/// articles' titles' words; for the preamble, the distinctive words of its
/// summary. Stems too common in the passages are left out.
pub fn subject_terms(corpus: &Corpus) -> HashMap<Target, Terms> {
    let sample = corpus.passage_sample(COMMON_SAMPLE);
    let [common, common_in_titles] =
        bearing::common_stems(&sample, [COMMON_IN_PASSAGES, TITLE_COMMON_IN_PASSAGES]);
    let keep = |stems: Vec<String>| -> Vec<String> {
        stems.into_iter().filter(|s| !common.contains(s)).collect()
    };
    let keep_title = |stems: Vec<String>| -> Vec<String> {
        stems
            .into_iter()
            .filter(|s| !common_in_titles.contains(s))
            .collect()
    };
    let summaries: Vec<BTreeSet<String>> = corpus
        .articles()
        .map(|a| bearing::summary_stems(&a.summary).into_iter().collect())
        .collect();
    let distinctive = |stems: Vec<String>| -> Vec<String> {
        stems
            .into_iter()
            .filter(|s| {
                summaries.iter().filter(|set| set.contains(s)).count() <= SUMMARY_TERM_MAX_ARTICLES
            })
            .collect()
    };
    let mut out = HashMap::new();
    for a in corpus.articles() {
        let mut stems = keep_title(bearing::stems(&a.title));
        stems.extend(keep(distinctive(bearing::summary_stems(&a.summary))));
        out.insert(a.target(), Terms::new(stems));
    }
    for c in &corpus.convention.chapters {
        let mut stems = keep_title(bearing::stems(&c.title));
        for a in &c.articles {
            stems.extend(keep_title(bearing::stems(&a.title)));
        }
        out.insert(c.target(), Terms::new(stems));
    }
    let preamble = &corpus.convention.preamble.summary;
    out.insert(
        Target::Preamble,
        Terms::new(keep(distinctive(bearing::summary_stems(preamble)))),
    );
    out
}

/// Grades the links of one passage after another: each passage's sentences
/// are split and their words stemmed once for all its links, and a word is
/// stemmed once for the whole corpus (the critiques reuse a small
/// vocabulary). Gives what [`link_depth`] gives, link for link.
pub struct Grader {
    terms: HashMap<Target, Vec<u32>>,
    /// A word as written -> its stem's id, or none when `bearing::stems`
    /// leaves it out.
    words: HashMap<String, Option<u32>>,
    stems: HashMap<String, u32>,
}

impl Grader {
    pub fn new(corpus: &Corpus) -> Grader {
        let mut g = Grader {
            terms: HashMap::new(),
            words: HashMap::new(),
            stems: HashMap::new(),
        };
        for (target, terms) in subject_terms(corpus) {
            let mut ids: Vec<u32> = terms.iter().map(|t| g.stem_id(t)).collect();
            ids.sort_unstable();
            g.terms.insert(target, ids);
        }
        g
    }

    fn stem_id(&mut self, stem: &str) -> u32 {
        let next = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
        *self.stems.entry(stem.to_string()).or_insert(next)
    }

    /// The stem ids of a sentence's content words, as `bearing::stems`
    /// finds them.
    fn sentence_stems(&mut self, sentence: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for w in sentence.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let id = match self.words.get(w) {
                Some(id) => *id,
                None => {
                    // One word goes through `bearing::stems` whole: it
                    // yields its stem, or nothing when the word is left out.
                    let stem = bearing::stems(w).pop();
                    let id = stem.map(|s| self.stem_id(&s));
                    self.words.insert(w.to_string(), id);
                    id
                }
            };
            out.extend(id);
        }
        out
    }

    /// The depth of `text`'s treatment of each of `targets`, in order.
    pub fn depths(&mut self, text: &str, citations: &[Citation], targets: &[Target]) -> Vec<Depth> {
        let ranges = bearing::sentences(text);
        let stems: Vec<Vec<u32>> = ranges
            .iter()
            .map(|r| self.sentence_stems(&text[r.clone()]))
            .collect();
        let cited: Vec<BTreeSet<Target>> = ranges
            .iter()
            .map(|r| {
                citations
                    .iter()
                    .filter(|c| c.span.start >= r.start && c.span.start < r.end)
                    .flat_map(|c| c.targets.iter().copied())
                    .collect()
            })
            .collect();
        targets
            .iter()
            .map(|target| {
                let terms = self.terms.get(target).map_or(&[][..], Vec::as_slice);
                let weight: f64 = stems
                    .iter()
                    .zip(&cited)
                    .map(|(words, cited)| {
                        let by_terms = if words.iter().any(|s| terms.binary_search(s).is_ok()) {
                            1.0
                        } else {
                            0.0
                        };
                        let by_citation = if cited.contains(target) {
                            1.0 / cited.len() as f64
                        } else {
                            0.0
                        };
                        f64::max(by_terms, by_citation.clamp(0.0, 1.0))
                    })
                    .sum();
                Depth::from_share(weight, ranges.len())
            })
            .collect()
    }
}

/// The depth of a passage's treatment of `target`: the share of its
/// sentences that cite the target or use its key terms. A sentence citing
/// the target among k provisions (`Articles 21, 23, 24 and 35`) counts 1/k,
/// unless it also uses the target's terms. The definition, sentence by
/// sentence: the graph and the suggestions grade with [`Grader`], which the
/// tests check against this.
pub fn link_depth(text: &str, citations: &[Citation], target: Target, terms: &Terms) -> Depth {
    bearing::depth(text, terms, |sentence: Range<usize>| {
        let cited: BTreeSet<Target> = citations
            .iter()
            .filter(|c| c.span.start >= sentence.start && c.span.start < sentence.end)
            .flat_map(|c| c.targets.iter().copied())
            .collect();
        if cited.contains(&target) {
            1.0 / cited.len() as f64
        } else {
            0.0
        }
    })
}

/// How many links have each depth, deepest first: `[(Examines, 3), ...]`.
pub fn distribution<'a>(depths: impl IntoIterator<Item = Depth> + 'a) -> [(Depth, usize); 4] {
    let mut out = Depth::ALL.map(|d| (d, 0));
    for d in depths {
        if let Some(slot) = out.iter_mut().find(|(k, _)| *k == d) {
            slot.1 += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::extract::extract;

    fn terms(words: &str) -> Terms {
        Terms::new(bearing::stems(words))
    }

    #[test]
    fn a_passage_wholly_about_the_article_examines_it() {
        let text = "Article 24 leaves the safeguards to each State. Its conditions are vague.";
        let d = link_depth(
            text,
            &extract(text),
            Target::Article(24),
            &terms("Conditions and safeguards"),
        );
        assert_eq!(d, Depth::Examines);
    }

    #[test]
    fn a_list_citation_in_a_long_passage_is_a_mention() {
        let text = "The treaty was adopted in 2024. Many states joined. \
                    It covers Articles 21, 23, 24 and 35. Critics spoke up. Talks ended.";
        let d = link_depth(
            text,
            &extract(text),
            Target::Article(24),
            &terms("Conditions and safeguards"),
        );
        assert_eq!(d, Depth::Mentions);
    }

    #[test]
    fn one_sentence_in_two_discusses() {
        let text = "Article 24 has no safeguards. The weather was fine.";
        let d = link_depth(text, &extract(text), Target::Article(24), &Terms::default());
        assert_eq!(d, Depth::Discusses);
    }

    /// README quotes the built-in corpus's depth figures: keep them true.
    #[test]
    fn readme_states_the_builtin_distribution() {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        let graph = crate::refs::graph::LinkGraph::build(&corpus);
        let d = distribution(graph.links().iter().map(|l| l.depth));
        let sentence = format!(
            "over the\nbuilt-in corpus's {} links it is 4 for {}, 3 for {}, 2 for {} and 1 for {}.",
            graph.links().len(),
            d[0].1,
            d[1].1,
            d[2].1,
            d[3].1
        );
        let readme = include_str!("../../README.md").replace('\n', " ");
        assert!(
            readme.contains(&sentence.replace('\n', " ")),
            "README should say: {sentence}"
        );
    }

    /// The grader gives every link of the built-in corpus the depth that
    /// `link_depth`, sentence by sentence and word by word, gives it.
    #[test]
    fn the_grader_agrees_with_link_depth() {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        let terms = subject_terms(&corpus);
        let graph = crate::refs::graph::LinkGraph::build(&corpus);
        let mut differ = Vec::new();
        for l in graph.links() {
            let text = &corpus.passage(l.passage).expect("passage").text;
            let slow = link_depth(
                text,
                &graph.citations(l.passage),
                l.target,
                terms.get(&l.target).unwrap_or(&Terms::default()),
            );
            if slow != l.depth {
                differ.push((l.passage, l.target, slow, l.depth));
            }
        }
        assert!(graph.links().len() > 100);
        assert!(differ.is_empty(), "{differ:?}");
    }

    #[test]
    fn builtin_corpus_gives_every_article_terms() {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        let t = subject_terms(&corpus);
        for a in corpus.articles() {
            assert!(!t[&a.target()].is_empty(), "Art. {} has no terms", a.number);
        }
        assert!(t[&Target::Article(24)].used_in("there are no safeguards"));
        // Too common in the critiques to tell a sentence's subject.
        assert!(!t[&Target::Article(1)].used_in("the convention"));
    }
}
