//! The query language: words (stemmed, stop words dropped, duplicates
//! counted once), `'word` for a whole word exactly as written, `"a phrase"`
//! for words in a row, and queries that name a place (`23`, `art. 23`, `IV`,
//! `chapter 4`, `preamble`) and so jump straight to it.

use super::fold::fold;
use super::words::{is_stop_word, stem, word_ranges};
use crate::corpus::Target;
use crate::corpus::target::{ARTICLE_COUNT, CHAPTER_COUNT, from_roman};

/// At most this many terms count: a pasted paragraph is read by its first
/// words, and the cost of a search stays bounded.
pub const MAX_TERMS: usize = 32;

/// One term of a query, folded (lower case, no accents).
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The word; for a phrase or an exact term, its words joined as written.
    pub text: String,
    /// `'term`: the whole word (or words) exactly as written, required.
    pub exact: bool,
    /// `"a phrase"`: the words in a row, required.
    pub phrase: bool,
    /// The English stem of a word (`extradit` for `extradition`); the text
    /// itself for exact terms and phrases.
    pub stem: String,
    /// Length in chars.
    pub chars: usize,
    /// Words of the corpus this one may be a typo of (filled in by the
    /// index, see `SearchIndex::prepare`).
    pub corrections: Vec<String>,
    /// How much a match of this term says: its inverse document frequency
    /// (filled in by the index; 1 until then).
    pub idf: f32,
}

impl Term {
    fn word(text: String) -> Term {
        Term {
            stem: stem(&text),
            chars: text.chars().count(),
            text,
            exact: false,
            phrase: false,
            corrections: Vec::new(),
            idf: 1.0,
        }
    }

    fn literal(text: String, phrase: bool) -> Term {
        Term {
            stem: text.clone(),
            chars: text.chars().count(),
            text,
            exact: !phrase,
            phrase,
            corrections: Vec::new(),
            idf: 1.0,
        }
    }

    /// Whether a place must match this term to be a hit at all.
    pub fn required(&self) -> bool {
        self.exact || self.phrase
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The place the whole query names, if it names one.
    pub target: Option<Target>,
    /// Total chars of all terms.
    pub chars: usize,
    /// One short word being typed: it may also match as letters in order
    /// inside one word (`extrd` in `extradition`), never across words.
    pub fuzzy: bool,
}

/// The longest word read as being typed (and so matched fuzzily as well).
const FUZZY_MAX_CHARS: usize = 8;

impl Query {
    pub fn parse(raw: &str) -> Query {
        let mut literals: Vec<Term> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut rest = raw;
        while !rest.is_empty() {
            let (outside, quoted, after) = match rest.find('"') {
                Some(open) => {
                    let inner = &rest[open + 1..];
                    match inner.find('"') {
                        Some(close) => (&rest[..open], Some(&inner[..close]), &inner[close + 1..]),
                        None => (&rest[..open], Some(inner), ""),
                    }
                }
                None => (rest, None, ""),
            };
            for token in outside.split_whitespace() {
                match token.strip_prefix('\'') {
                    Some(body) => {
                        let text = fold(body.trim_matches(|c: char| c.is_ascii_punctuation()));
                        if !text.is_empty() {
                            literals.push(Term::literal(text, false));
                        }
                    }
                    None => {
                        let folded = fold(token);
                        words.extend(word_ranges(&folded).map(|(s, e)| folded[s..e].to_string()));
                    }
                }
            }
            if let Some(q) = quoted {
                let folded = fold(q);
                let text = word_ranges(&folded)
                    .map(|(s, e)| &folded[s..e])
                    .collect::<Vec<_>>()
                    .join(" ");
                if !text.is_empty() {
                    literals.push(Term::literal(text, true));
                }
            }
            rest = after;
        }
        // A question is mostly stop words; a query of nothing else keeps them.
        if words.iter().any(|w| !is_stop_word(w)) {
            words.retain(|w| !is_stop_word(w));
        }
        let mut terms: Vec<Term> = Vec::new();
        for term in literals
            .into_iter()
            .chain(words.into_iter().map(Term::word))
        {
            // A repeated term adds nothing (and must cost nothing).
            let seen = terms
                .iter()
                .any(|t| t.text == term.text && t.required() == term.required());
            if !seen && terms.len() < MAX_TERMS {
                terms.push(term);
            }
        }
        let fuzzy = matches!(terms.as_slice(), [t] if !t.required() && t.chars <= FUZZY_MAX_CHARS);
        Query {
            chars: terms.iter().map(|t| t.chars).sum(),
            target: named_target(raw),
            fuzzy,
            terms,
        }
    }

    /// Nothing to match: no terms and no place.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.target.is_none()
    }
}

/// Whether every unit matching `next` also matches `prev`, so that a search
/// for `next` may scan only the units `prev` matched. True when both are one
/// word (not exact) and `next` extends `prev` so that every word `next`
/// matches by prefix or stem starts with `prev`; typo corrections are
/// checked by the index, which knows them.
pub fn narrows(prev: &str, next: &str) -> bool {
    let (p, n) = (Query::parse(prev), Query::parse(next));
    match (p.terms.as_slice(), n.terms.as_slice()) {
        ([a], [b]) => {
            !a.required()
                && !b.required()
                && b.text.starts_with(&a.text)
                && b.stem.starts_with(&a.text)
                // Letters in order are matched from 3 chars on: `se` did
                // not match what `sec` matches that way.
                && (!(n.fuzzy && b.chars >= 3) || (p.fuzzy && a.chars >= 3))
        }
        _ => false,
    }
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
        assert_eq!(terms, [("crim", true), ("dual", false), ("benitez", false)]);
        assert_eq!(q.chars, 15);
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("'").is_empty());
    }

    #[test]
    fn questions_lose_stop_words_and_repeats() {
        let q = Query::parse("Can the State refuse to extradite its own nationals? nationals");
        let words: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["state", "refuse", "extradite", "nationals"]);
        assert_eq!(q.terms[2].stem, "extradit");
        let repeated = Query::parse(&"dat ".repeat(50));
        assert_eq!(repeated.terms.len(), 1);
        assert!(repeated.fuzzy);
        assert_eq!(Query::parse("the").terms.len(), 1);
    }

    #[test]
    fn quotes_make_phrases() {
        let q = Query::parse("\"Dual  criminality\" extradition \"open");
        let terms: Vec<(&str, bool)> = q
            .terms
            .iter()
            .map(|t| (t.text.as_str(), t.phrase))
            .collect();
        assert_eq!(
            terms,
            [
                ("dual criminality", true),
                ("open", true),
                ("extradition", false)
            ]
        );
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
        assert!(!narrows("dual", "dual c"), "another word widens the search");
        assert!(!narrows("'du", "'dual"), "whole words do not nest");
        assert!(!narrows("dual", "dua"));
        assert!(!narrows("", "dual"));
        assert!(
            !narrows("nationa", "national"),
            "the stem is shorter than the prefix"
        );
        assert!(!narrows("se", "sec"), "sec also matches letters in order");
    }
}
