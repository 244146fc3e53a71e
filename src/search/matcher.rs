//! The fuzzy matcher behind a small trait (so it can be swapped or compared)
//! and its skim implementation: it scores letters typed in order inside one
//! word, for a short word being typed.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::{SkimMatcherV2, SkimScoreConfig};

/// Scores a pattern against one unit of text. Both are already folded to lower
/// case by the caller, apart from ASCII upper case in the text, which the
/// matcher must ignore.
pub trait Matcher: Send + Sync {
    /// The score of the best alignment, or `None` when `pattern` is not a
    /// subsequence of `text`.
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;
    /// Like [`Matcher::score`], with the CHAR indices of the matched chars.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)>;
}

/// skim's V2 algorithm (fuzzy-matcher), the one fzf and skim users know.
pub struct SkimMatcher(SkimMatcherV2);

impl Default for SkimMatcher {
    fn default() -> Self {
        // Prose starts sentences with capitals: a case mismatch must not cost.
        let config = SkimScoreConfig {
            penalty_case_mismatch: 0,
            ..SkimScoreConfig::default()
        };
        SkimMatcher(SkimMatcherV2::default().ignore_case().score_config(config))
    }
}

impl Matcher for SkimMatcher {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        self.0.fuzzy_match(text, pattern)
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, pattern)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_beats_scattered() {
        let m = SkimMatcher::default();
        let whole = m.score("the principle of dual criminality applies", "dual");
        let scattered = m.score("data usually are logged", "dual");
        assert!(whole > scattered, "{whole:?} vs {scattered:?}");
        assert_eq!(m.score("nothing here", "xyz"), None);
    }

    #[test]
    fn word_start_beats_inside_word() {
        let m = SkimMatcher::default();
        let start = m.score("an interception order", "inter");
        let inside = m.score("a winterless year", "inter");
        assert!(start > inside, "{start:?} vs {inside:?}");
    }

    #[test]
    fn case_is_ignored_without_penalty() {
        let m = SkimMatcher::default();
        assert_eq!(m.score("Dual", "dual"), m.score("dual", "dual"));
    }
}
