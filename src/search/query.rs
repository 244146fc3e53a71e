//! The query language: space-separated terms that must all match, `'term` for
//! an exact substring, and queries that name a place (`23`, `art. 23`, `IV`,
//! `chapter 4`, `preamble`) and so jump straight to it.

use super::fold::{char_mask, fold};
use crate::corpus::Target;
use crate::corpus::target::{ARTICLE_COUNT, CHAPTER_COUNT, from_roman};

/// One term of a query, folded (lower case, no accents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// `'term`: a case-insensitive substring instead of a fuzzy match.
    pub exact: bool,
    /// Length in chars, which scales the bonuses.
    pub chars: usize,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The folded terms joined by single spaces, when there are two or more:
    /// a unit holding the whole phrase gets a bonus.
    pub phrase: Option<String>,
    /// The place the whole query names, if it names one.
    pub target: Option<Target>,
    /// Union of the terms' char masks, for the prefilter.
    pub mask: u64,
    /// Total chars of all terms.
    pub chars: usize,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let terms: Vec<Term> = raw
            .split_whitespace()
            .filter_map(|token| {
                let (exact, body) = match token.strip_prefix('\'') {
                    Some(rest) => (true, rest),
                    None => (false, token),
                };
                let text = fold(body);
                let chars = text.chars().count();
                (chars > 0).then_some(Term { text, exact, chars })
            })
            .collect();
        let phrase = (terms.len() > 1).then(|| {
            terms
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        Query {
            mask: terms.iter().fold(0, |m, t| m | char_mask(&t.text)),
            chars: terms.iter().map(|t| t.chars).sum(),
            target: named_target(raw),
            phrase,
            terms,
        }
    }

    /// Nothing to match: no terms and no place.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.target.is_none()
    }
}

/// Whether every unit matching `next` also matches `prev`, so that a search
/// for `next` may scan only the units `prev` matched. True when `next` extends
/// `prev`: terms are ANDed, a longer fuzzy term is a longer subsequence, a
/// longer exact term a longer substring. Place hits are found apart from the
/// scan, so they do not matter here.
pub fn narrows(prev: &str, next: &str) -> bool {
    next.starts_with(prev) && !Query::parse(prev).terms.is_empty()
}

/// The place a query names as a whole, the way people write them: `23`,
/// `art 23`, `Art. 23(2)`, `article 23`, `IV`, `chapter 4`, `ch. IV`,
/// `preamble`. A lower-case single-letter numeral (`i`, `v`) is a word being
/// typed, not a chapter.
pub fn named_target(raw: &str) -> Option<Target> {
    let text = raw.trim();
    if let Some(n) = from_roman(text) {
        let typed_as_numeral = text.len() > 1 || text.chars().all(|c| c.is_ascii_uppercase());
        return typed_as_numeral.then_some(Target::Chapter(n));
    }
    let lower = text.to_lowercase();
    if lower == "preamble" {
        return Some(Target::Preamble);
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '.' || c == ':' || c == '#')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [one] => {
            let digits = one.find(|c: char| c.is_ascii_digit()).unwrap_or(one.len());
            let (word, number) = one.split_at(digits);
            if word.is_empty() || is_article_word(word) {
                article_number(number).map(Target::Article)
            } else {
                None
            }
        }
        [word, number] if is_article_word(word) => article_number(number).map(Target::Article),
        [word, number] if is_chapter_word(word) => chapter_number(number).map(Target::Chapter),
        _ => None,
    }
}

fn is_article_word(w: &str) -> bool {
    matches!(w, "art" | "arts" | "article" | "articles")
}

fn is_chapter_word(w: &str) -> bool {
    matches!(w, "chapter" | "chap" | "ch")
}

/// `23`, or `23(2)(a)`: an article number, with any paragraph dropped.
fn article_number(s: &str) -> Option<u8> {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let rest = &s[digits..];
    if digits == 0 || !(rest.is_empty() || rest.starts_with('(')) {
        return None;
    }
    let n: u8 = s[..digits].parse().ok()?;
    (1..=ARTICLE_COUNT).contains(&n).then_some(n)
}

fn chapter_number(s: &str) -> Option<u8> {
    if let Some(n) = from_roman(s) {
        return Some(n);
    }
    let n: u8 = s.parse().ok()?;
    (1..=CHAPTER_COUNT).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_folded_and_exact_marked() {
        let q = Query::parse("  Dual  'Crim Benítez ' ");
        let terms: Vec<(&str, bool)> = q.terms.iter().map(|t| (t.text.as_str(), t.exact)).collect();
        assert_eq!(terms, [("dual", false), ("crim", true), ("benitez", false)]);
        assert_eq!(q.phrase.as_deref(), Some("dual crim benitez"));
        assert_eq!(q.chars, 15);
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("'").is_empty());
    }

    #[test]
    fn names_articles() {
        for q in [
            "23",
            "art 23",
            "article 23",
            "Art. 23",
            "art.23",
            "ART23",
            "Art. 23(2)(b)",
        ] {
            assert_eq!(named_target(q), Some(Target::Article(23)), "{q}");
        }
        for q in [
            "69",
            "0",
            "art",
            "24/7",
            "2024",
            "art 23 x",
            "section 23",
            "23x",
        ] {
            assert_eq!(named_target(q), None, "{q}");
        }
    }

    #[test]
    fn names_chapters_and_preamble() {
        for q in ["IV", "iv", "chapter 4", "chapter IV", "Ch. iv", "chap 4"] {
            assert_eq!(named_target(q), Some(Target::Chapter(4)), "{q}");
        }
        assert_eq!(named_target("I"), Some(Target::Chapter(1)));
        assert_eq!(named_target("i"), None);
        assert_eq!(named_target("v"), None);
        assert_eq!(named_target("chapter 10"), None);
        assert_eq!(named_target("Preamble"), Some(Target::Preamble));
    }

    #[test]
    fn extension_narrows() {
        assert!(narrows("dua", "dual"));
        assert!(narrows("dual", "dual c"));
        assert!(narrows("'du", "'dual"));
        assert!(!narrows("dual", "dua"));
        assert!(!narrows("", "dual"));
        assert!(!narrows("'", "'d"));
    }
}
