//! The depth of treatment of each link (1 mentions .. 4 examines): the key
//! terms of every provision, and how much of a linked passage bears on it.
//! Computed once, when the link graph is built.

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

/// The key terms of every provision: for an article, its title's words and
/// the distinctive words of its summary; for a chapter, its title's and its
/// articles' titles' words; for the preamble, the distinctive words of its
/// summary. Stems too common in the passages are left out.
pub fn subject_terms(corpus: &Corpus) -> HashMap<Target, Terms> {
    let common = common_stems(corpus, COMMON_IN_PASSAGES);
    let common_in_titles = common_stems(corpus, TITLE_COMMON_IN_PASSAGES);
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

/// Stems found in more than `share` of the corpus's passages.
fn common_stems(corpus: &Corpus, share: f64) -> BTreeSet<String> {
    let texts = corpus
        .sources
        .iter()
        .flat_map(|s| s.passages.iter().map(|p| p.text.as_str()));
    bearing::common_stems(texts, share)
}

/// The depth of a passage's treatment of `target`: the share of its
/// sentences that cite the target or use its key terms. A sentence citing
/// the target among k provisions (`Articles 21, 23, 24 and 35`) counts 1/k,
/// unless it also uses the target's terms.
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
