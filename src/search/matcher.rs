//! The fuzzy matcher behind a small trait (so it can be swapped or compared),
//! its skim implementation, and the scoring of exact terms on the same scale.

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

/// What skim gives a contiguous match of `n` chars, measured rather than
/// derived from its constants: 16 per char, 4 per consecutive char, 8 for a
/// word start (16 at the very start), 1 off for the leading gap.
fn contiguous_skim_score(n: i64, at_start: bool, at_word: bool) -> i64 {
    let head = if at_start {
        16
    } else if at_word {
        8
    } else {
        0
    };
    16 * n + 4 * (n - 1) + head - 1
}

/// Extra per char for a term found as one piece, more at a word start. skim
/// alone scores letters scattered over word starts ("cHANge Of Information"
/// for `hanoi`) about as high as the word itself; readers expect the word.
const CONTIGUOUS_BONUS: i64 = 4;
const WORD_START_BONUS: i64 = 4;

/// Where `needle` (folded, lower case) first occurs in `hay` ignoring ASCII
/// case, preferring an occurrence at a word start; byte offset into `hay`.
pub fn find_exact(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (&first, rest) = n.split_first()?;
    if n.len() > h.len() {
        return None;
    }
    let mut found = None;
    for i in 0..=h.len() - n.len() {
        if h[i].to_ascii_lowercase() == first
            && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest)
            && hay.is_char_boundary(i)
        {
            if at_word_start(hay, i) {
                return Some(i);
            }
            found.get_or_insert(i);
        }
    }
    found
}

/// The score of a term of `chars` chars found as one piece at byte `at`: what
/// skim gives a contiguous match there, plus the contiguity bonuses.
pub fn exact_score(hay: &str, at: usize, chars: usize) -> i64 {
    fuzzy_score(hay, Some(at), chars, 0)
}

/// The score of a fuzzy term: skim's, or what skim gives the term's
/// occurrence as one piece at byte `at` (see [`find_exact`]) if higher, plus
/// the contiguity bonuses for that occurrence.
pub fn fuzzy_score(hay: &str, at: Option<usize>, chars: usize, skim: i64) -> i64 {
    let Some(at) = at else { return skim };
    let n = chars as i64;
    let word = at_word_start(hay, at);
    let bonus = CONTIGUOUS_BONUS + if word { WORD_START_BONUS } else { 0 };
    skim.max(contiguous_skim_score(n, at == 0, word)) + bonus * n
}

/// A cheap estimate of skim's score for a term that does not occur as one
/// piece: the leftmost alignment, scored the way skim scores one (16 a char,
/// word starts and runs earn bonuses, gaps cost). Linear and allocation-free;
/// it only decides which units skim will score. `None` when `pattern` is not
/// a subsequence of `text` (ignoring ASCII case), exactly when skim finds no
/// match either.
pub fn estimate(text: &str, pattern: &str) -> Option<i64> {
    let mut want = pattern.chars().peekable();
    let mut prev = '\0';
    let mut last: Option<usize> = None;
    let mut score = 0;
    for (i, c) in text.chars().enumerate() {
        let Some(&p) = want.peek() else { break };
        if c.to_ascii_lowercase() == p {
            let head = match i {
                0 => 16,
                _ if !prev.is_alphanumeric() => 8,
                _ => 0,
            };
            score += match last {
                Some(j) if j + 1 == i => 20.max(16 + head),
                Some(j) => 16 + head - 3 - (i - j - 1) as i64,
                None => 16 + head - 1,
            };
            last = Some(i);
            want.next();
        }
        prev = c;
    }
    want.peek().is_none().then_some(score)
}

fn at_word_start(hay: &str, at: usize) -> bool {
    hay[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
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

    #[test]
    fn exact_prefers_word_start() {
        assert_eq!(find_exact("Subversion and version", "version"), Some(15));
        assert_eq!(find_exact("Subversion", "version"), Some(3));
        assert_eq!(find_exact("abc", "abcd"), None);
        assert_eq!(find_exact("abc", ""), None);
        assert!(exact_score("x version", 2, 7) > exact_score("subversion", 3, 7));
        assert!(exact_score("dual", 0, 4) > exact_score("a dual", 2, 4));
    }

    #[test]
    fn contiguous_score_is_what_skim_gives() {
        let m = SkimMatcher::default();
        for (hay, at) in [("in hanoi now", 3), ("hanoi", 0), ("xhanoi", 1)] {
            let skim = m.score(hay, "hanoi");
            let word = at_word_start(hay, at);
            assert_eq!(skim, Some(contiguous_skim_score(5, at == 0, word)), "{hay}");
        }
    }

    #[test]
    fn estimate_agrees_with_skim_on_matching() {
        let m = SkimMatcher::default();
        for (hay, pat) in [
            ("Dual Criminality", "dcrim"),
            ("abc", "abd"),
            ("x-y z", "xyz"),
            ("", "a"),
        ] {
            assert_eq!(
                estimate(hay, pat).is_some(),
                m.score(hay, pat).is_some(),
                "{hay} {pat}"
            );
        }
        let tight = estimate("the data are", "dta");
        let loose = estimate("odd sit is that a", "dta");
        assert!(tight > loose, "{tight:?} {loose:?}");
    }

    #[test]
    fn contiguous_beats_letters_on_word_starts() {
        let m = SkimMatcher::default();
        let score = |hay: &str| {
            let skim = m.score(hay, "hanoi").unwrap_or(0);
            fuzzy_score(hay, find_exact(hay, "hanoi"), 5, skim)
        };
        let scattered = score("Exchange of information");
        let word = score("opened for signature in Hanoi");
        assert!(word > scattered + 5 * 6, "{word} vs {scattered}");
    }
}
