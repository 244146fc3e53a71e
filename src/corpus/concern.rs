//! A concern's passages in the order a reader needs them: those that raise
//! the concern most squarely first (depth on the concern's terms, then the
//! most critical treatment), ordered once when the corpus is loaded.

use super::bearing::{self, Depth, Terms};
use super::model::{Concern, Corpus, CuratedLink, PassageId, Source, Treatment};
use std::collections::BTreeSet;

/// A concern's description word used by more than this share of all
/// passages does not tell whether a sentence raises it (as for article
/// summaries, see `refs::depth`).
const COMMON_IN_PASSAGES: f64 = 0.25;
/// A concern's title names it: only a word in more than half the passages is
/// left out.
const TITLE_COMMON_IN_PASSAGES: f64 = 0.5;

/// One passage of a concern, with how squarely it raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernPassage {
    pub passage: PassageId,
    /// The share of the passage's sentences that use the concern's terms.
    pub depth: Depth,
    /// The most critical treatment the passage's curated links record.
    pub treatment: Option<Treatment>,
}

/// Bytes of passages read for word statistics; a smaller corpus is read
/// whole.
const COMMON_SAMPLE: usize = 256 * 1024;

/// The key terms of every concern: its title's words and the distinctive
/// words of its description.
pub fn concern_terms(concerns: &[Concern], sources: &[Source]) -> Vec<Terms> {
    // A share of passages needs no more than a sample of them, spread evenly
    // (as the index takes one): stemming every word of a 100 MB `--data`
    // corpus took seconds at every load. Both shares come from one reading.
    let sample = super::model::passage_sample(sources, COMMON_SAMPLE);
    let [common, common_in_titles] =
        bearing::common_stems(&sample, [COMMON_IN_PASSAGES, TITLE_COMMON_IN_PASSAGES]);
    concerns
        .iter()
        .map(|c| {
            let title = bearing::stems(&c.title.replace(['-', '_'], " "))
                .into_iter()
                .filter(|s| !common_in_titles.contains(s));
            let description = bearing::summary_stems(&c.description)
                .into_iter()
                .filter(|s| !common.contains(s));
            Terms::new(title.chain(description))
        })
        .collect()
}

/// The most critical treatment recorded for any link of `passage`.
fn strongest_treatment(curated: &[CuratedLink], passage: PassageId) -> Option<Treatment> {
    curated
        .iter()
        .filter(|l| l.passage == passage)
        .map(|l| l.treatment)
        .min_by_key(|t| Treatment::critical_rank(Some(*t)))
}

fn rank(
    concern: &Concern,
    terms: &Terms,
    sources: &[Source],
    curated: &[CuratedLink],
) -> Vec<ConcernPassage> {
    let mut out: Vec<ConcernPassage> = concern
        .passages
        .iter()
        .map(|&passage| {
            let text = sources
                .get(passage.source)
                .and_then(|s| s.passages.get(passage.index))
                .map_or("", |p| p.text.as_str());
            ConcernPassage {
                passage,
                depth: bearing::depth(text, terms, |_| 0.0),
                treatment: strongest_treatment(curated, passage),
            }
        })
        .collect();
    out.sort_by_key(|p| {
        (
            std::cmp::Reverse(p.depth),
            Treatment::critical_rank(p.treatment),
            p.passage,
        )
    });
    out
}

/// Puts every concern's passages in order: deepest first, then criticises,
/// proposes a change, the rest; ties in corpus order. Run once at load, so
/// that every view, deck and brief lists them alike.
pub fn order_concern_passages(
    concerns: &mut [Concern],
    sources: &[Source],
    curated: &[CuratedLink],
) {
    let terms = concern_terms(concerns, sources);
    for (c, t) in concerns.iter_mut().zip(&terms) {
        c.passages = rank(c, t, sources, curated)
            .into_iter()
            .map(|p| p.passage)
            .collect();
    }
}

impl Corpus {
    /// The passages of concern `index` (into `Corpus::concerns`) with their
    /// depth and treatment, most squarely raising it first (the order
    /// `Concern::passages` already has); empty for an index out of range.
    /// It grades the passages again: call it when a concern is chosen, not
    /// per frame.
    pub fn concern_passages(&self, index: usize) -> Vec<ConcernPassage> {
        let Some(concern) = self.concerns.get(index) else {
            return Vec::new();
        };
        let terms = concern_terms(&self.concerns, &self.sources);
        rank(concern, &terms[index], &self.sources, &self.curated)
    }
}

/// The concern ids, for messages that say what exists.
pub fn concern_ids(corpus: &Corpus) -> String {
    let ids: BTreeSet<&str> = corpus.concerns.iter().map(|c| c.id.as_str()).collect();
    ids.into_iter().collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_concerns_are_ordered_by_depth_then_treatment() {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        assert!(!corpus.concerns.is_empty());
        for (i, c) in corpus.concerns.iter().enumerate() {
            let ranked = corpus.concern_passages(i);
            let order: Vec<PassageId> = ranked.iter().map(|p| p.passage).collect();
            assert_eq!(
                order, c.passages,
                "concern {} is kept in its ranked order",
                c.id
            );
            for w in ranked.windows(2) {
                assert!(w[0].depth >= w[1].depth, "concern {}", c.id);
                if w[0].depth == w[1].depth {
                    assert!(
                        Treatment::critical_rank(w[0].treatment)
                            <= Treatment::critical_rank(w[1].treatment)
                    );
                }
            }
        }
        assert!(corpus.concern_passages(corpus.concerns.len()).is_empty());
    }

    #[test]
    fn passages_that_name_the_concern_come_before_those_that_do_not() {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        let i = corpus
            .concerns
            .iter()
            .position(|c| c.id == "dual-criminality")
            .expect("the dual criminality concern");
        let ranked = corpus.concern_passages(i);
        let names = |p: &ConcernPassage| {
            let text = &corpus.passage(p.passage).expect("passage").text;
            text.to_lowercase().contains("dual criminality")
        };
        let last_naming = ranked.iter().rposition(names).expect("one names it");
        let first_silent = ranked
            .iter()
            .position(|p| p.depth == Depth::Mentions)
            .unwrap_or(ranked.len());
        assert!(last_naming < first_silent);
        assert_eq!(ranked[0].depth, Depth::Examines);
    }
}
