//! Where a query matches inside a text the user is reading: the sentences
//! (the same units the index scans) that every term of the query matches.
//! `n` / `N` in the explorer walk these; ranking is not involved.

use super::fold::fold;
use super::query::{Query, Term};
use super::sentences::sentences;
use std::ops::Range;

/// How closely a term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closeness {
    /// Every term as it is written (ignoring case and accents): what a
    /// reader looks for when stepping through a text.
    Words,
    /// Fuzzy terms as subsequences, as the search itself matches; `'`
    /// terms still as written.
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
    q.terms.iter().all(|t| term_matches(&folded, t, closeness))
}

fn term_matches(folded: &str, term: &Term, closeness: Closeness) -> bool {
    if term.exact || closeness == Closeness::Words {
        return folded.contains(term.text.as_str());
    }
    let mut want = term.text.chars().peekable();
    for c in folded.chars() {
        match want.peek() {
            Some(&w) if w == c => {
                want.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    want.peek().is_none()
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
    fn every_term_must_match() {
        assert!(matches("The dual criminality rule", "dual crim", Words));
        assert!(matches("The dual criminality rule", "dcr", Fuzzy));
        assert!(!matches("The dual criminality rule", "dcr", Words));
        assert!(!matches("The dual criminality rule", "dual zebra", Fuzzy));
        assert!(!matches("anything", "", Fuzzy));
    }

    #[test]
    fn exact_terms_are_substrings_ignoring_accents() {
        assert!(matches("Sara Benítez-Mongelós", "'benitez", Fuzzy));
        assert!(matches("Sara Benítez-Mongelós", "MONGELOS", Words));
        assert!(!matches("b e n i t e z", "'benitez", Fuzzy));
        assert!(matches("b e n i t e z", "benitez", Fuzzy));
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
