//! Words, the unit of meaning search works with: splitting folded text into
//! words, the stop words a question is full of, English stems
//! (rust-stemmers' Snowball stemmer), and the edit distance that forgives a
//! typo.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Byte ranges of the words of `text`: runs of letters and digits, and of
/// the other non-ASCII symbols that are not spaces (CJK, emoji). The text
/// is expected folded (see [`super::fold::fold`]), where quotes and dashes
/// are ASCII.
pub fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if is_word_char(c) {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !matches!(c, '…' | '·' | '§'))
}

/// Words a question or a sentence is full of and that say nothing about
/// its subject, in English, French and Spanish (the index's languages).
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had",
    "has", "have", "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "me", "might", "must", "my", "of", "on", "or", "our", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "too", "us", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "own", "get", "gets",
    "says", "say", "tell", "about", "way", "ways", "le", "la", "les", "des", "du", "de", "un",
    "une", "et", "au", "aux", "l", "d", "el", "los", "las", "del", "y", "una", "por", "para",
    "con", "al", "se", "que", "qui", "en",
];

/// Whether a folded word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The English stem of a folded word (`extradite`, `extradition` ->
/// `extradit`). Words in other languages come out mostly as they are, which
/// still matches them by prefix.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// The edit distance (insertions, deletions, substitutions and swaps of two
/// neighbours) between two words, or `None` once it exceeds `max`: a typo is
/// one or two such edits.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

/// How many edits a word of `chars` chars may have and still be taken for
/// another: none below 5 chars (too many short words are one edit apart),
/// one up to 7, two from 8.
pub fn typo_budget(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "24/7 network: it's dual-criminality";
        let words: Vec<&str> = word_ranges(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            ["24", "7", "network", "it", "s", "dual", "criminality"]
        );
        assert_eq!(word_ranges("  ").count(), 0);
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(stem("extradite"), stem("extradition"));
        assert_eq!(stem("nationals"), stem("national"));
        assert!(is_stop_word("the") && is_stop_word("can") && !is_stop_word("data"));
    }

    #[test]
    fn edit_distance_counts_typos() {
        assert_eq!(edit_distance("extradtion", "extradition", 2), Some(1));
        assert_eq!(edit_distance("extradiiton", "extradition", 2), Some(1));
        assert_eq!(edit_distance("intercpetion", "interception", 2), Some(1));
        assert_eq!(edit_distance("dual", "data", 1), None);
        assert_eq!(edit_distance("abc", "abc", 0), Some(0));
        assert_eq!(edit_distance("", "ab", 2), Some(2));
        assert_eq!(typo_budget(4), 0);
    }
}
