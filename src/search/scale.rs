//! Scores on one scale: a hit's relevance from 0 to 100, read against the
//! most any place could score for the query (every word matched whole, next
//! to each other, in a short index term or heading). A place the query names
//! outright (`23`, `chapter IV`) is 100. Hits under [`FLOOR`] are dropped
//! from `treaty search`: they match a word or two of a long query in passing.

use super::index::SearchIndex;
use super::query::Query;
use super::rank::{TOP_SCORE, max_unit_weight};

/// The least relevance a hit needs to be listed by `treaty search`.
pub const FLOOR: f64 = 2.0;

/// The scale of one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The most a place can score for the query, in score points.
    ceiling: f64,
}

impl SearchIndex {
    /// The scale the scores of `q` (as [`Self::prepare`] read it) are
    /// read on.
    pub fn scale(&self, q: &Query) -> Scale {
        let idf: f32 = q.terms.iter().map(|t| t.idf).sum();
        // Scores are kept as thousandths (see `PlaceScore::finish`).
        let ceiling = f64::from(idf * max_unit_weight(q.terms.len())) * 1000.0;
        Scale { ceiling }
    }
}

impl Scale {
    /// A score's relevance, 0 to 100 with one decimal; a named place is 100.
    pub fn relevance(&self, score: i64) -> f64 {
        if score >= TOP_SCORE {
            return 100.0;
        }
        if self.ceiling <= 0.0 {
            return 0.0;
        }
        let r = (score.max(0) as f64 / self.ceiling * 100.0).clamp(0.0, 100.0);
        (r * 10.0).round() / 10.0
    }

    /// The score reported beside the relevance: the engine's points, never
    /// negative, and a named place at the ceiling rather than the engine's
    /// "above everything" mark.
    pub fn points(&self, score: i64) -> i64 {
        if score >= TOP_SCORE {
            return self.ceiling.round() as i64;
        }
        score.max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Scope;

    fn index() -> (crate::corpus::Corpus, SearchIndex) {
        let corpus = crate::corpus::load_embedded().expect("embedded");
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    }

    #[test]
    fn relevance_is_between_0_and_100_and_a_named_place_is_100() {
        let (_, index) = index();
        for q in [
            "23",
            "chapter IV",
            "dual criminality",
            "state party shall",
            "can a country refuse to extradite its own nationals",
            "extradtion",
            "x y z",
        ] {
            let scale = index.scale(&index.prepare(q));
            let hits = index.search(q, Scope::All, 200);
            for h in &hits {
                let r = scale.relevance(h.score);
                assert!((0.0..=100.0).contains(&r), "{q}: {r}");
                assert!(scale.points(h.score) >= 0);
                assert!(scale.points(h.score) < TOP_SCORE);
            }
            for w in hits.windows(2) {
                assert!(
                    scale.relevance(w[0].score) >= scale.relevance(w[1].score),
                    "{q}"
                );
            }
        }
        let scale = index.scale(&index.prepare("23"));
        let hits = index.search("23", Scope::All, 5);
        assert_eq!(scale.relevance(hits[0].score), 100.0);
    }
}
