//! Where a query matches inside a text the user is reading: the sentences
//! (the same units the index scans) that the query matches.
//! `n` / `N` in the explorer walk these; ranking is not involved.

use super::fold::fold;
use super::query::{Query, Term};
use super::rank::{find_whole, word_quality};
use super::sentences::sentences;
use super::words::{edit_distance, typo_budget, word_ranges};
use std::ops::Range;

/// How closely a term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closeness {
    /// Every term as it is written (ignoring case and accents): what a
    /// reader looks for when stepping through a text.
    Words,
    /// As the search itself matches: some word of the query as a word
    /// (stem, prefix, typo), `'` terms and phrases as written.
    Fuzzy,
}

/// Whether every term of `query` matches `text` as one unit. A query
/// without terms matches nothing.
pub fn matches(text: &str, query: &str, closeness: Closeness) -> bool {
    matches_parsed(text, &Query::parse(query), closeness)
}

fn matches_parsed(text: &str, q: &Query, closeness: Closeness) -> bool {
    if q.terms.is_empty() {
        return false;
    }
    let folded = fold(text);
    if closeness == Closeness::Words {
        return q.terms.iter().all(|t| folded.contains(t.text.as_str()));
    }
    // As the search matches: every exact term and phrase as whole words,
    // and some word of the query as a word (stem, prefix, typo).
    let required = q.terms.iter().filter(|t| t.required());
    if !required
        .clone()
        .all(|t| find_whole(&folded, &t.text).is_some())
    {
        return false;
    }
    let words: Vec<&Term> = q.terms.iter().filter(|t| !t.required()).collect();
    words.is_empty()
        || word_ranges(&folded).any(|(s, e)| words.iter().any(|t| term_matches(&folded[s..e], t)))
}

/// Whether one word of a text matches a query word.
fn term_matches(word: &str, term: &Term) -> bool {
    word_quality(term, word, None) > 0.0
        || edit_distance(&term.text, word, typo_budget(term.chars)).is_some()
}

/// Byte ranges of the sentences of `text` that `query` matches, in order.
pub fn matching_sentences(text: &str, query: &str, closeness: Closeness) -> Vec<Range<usize>> {
    let q = Query::parse(query);
    if q.terms.is_empty() {
        return Vec::new();
    }
    sentences(text)
        .into_iter()
        .filter(|r| matches_parsed(&text[r.clone()], &q, closeness))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Closeness::{Fuzzy, Words};

    #[test]
    fn words_match_as_the_search_does() {
        assert!(matches("The dual criminality rule", "dual crim", Words));
        assert!(!matches("The dual criminality rule", "dual zebra", Words));
        assert!(matches("The dual criminality rule", "criminal", Fuzzy));
        assert!(matches("The dual criminality rule", "dual zebra", Fuzzy));
        assert!(!matches("The individual rule", "dual", Fuzzy));
        assert!(matches("Extradition of nationals", "extradtion", Fuzzy));
        assert!(!matches("anything", "", Fuzzy));
    }

    #[test]
    fn exact_terms_are_substrings_ignoring_accents() {
        assert!(matches("Sara Benítez-Mongelós", "'benitez", Fuzzy));
        assert!(matches("Sara Benítez-Mongelós", "MONGELOS", Words));
        assert!(!matches("b e n i t e z", "'benitez", Fuzzy));
        assert!(
            !matches("b e n i t e z", "benitez", Fuzzy),
            "letters across words"
        );
    }

    #[test]
    fn sentences_that_match_in_order() {
        let text = "Dual criminality is optional. Nothing here. Again dual criminality.";
        let found: Vec<&str> = matching_sentences(text, "dual", Words)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            ["Dual criminality is optional.", "Again dual criminality."]
        );
    }
}
