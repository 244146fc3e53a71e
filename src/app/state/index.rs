//! The subject index overlay (`I`): the index as a book prints it, the filter
//! typed into it, the term selected, and the picker shown when a term points
//! to several provisions. Plain data; `app::index` changes it.

use crate::corpus::subject::IndexLine;
use crate::corpus::{SubjectIndex, Target};

/// One row of the list: a letter heading or a term (an index into `lines`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexRow {
    /// `A`, `B`, ... or `0-9`, as a book's index heads its letters.
    Letter(char),
    Term(usize),
}

/// The overlay's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexOverlay {
    /// Every term, alphabetically, taken once when the overlay opens.
    pub lines: Vec<IndexLine>,
    pub filter: String,
    /// The rows the filter keeps, letter headings included.
    pub rows: Vec<IndexRow>,
    /// The selected row (always a term while there is one).
    pub selected: usize,
    /// The first row shown.
    pub top: usize,
    /// The provisions of the term Enter was pressed on, when it has several.
    pub picker: Option<Picker>,
}

/// Choosing among the provisions one term points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub term: String,
    pub targets: Vec<Target>,
    pub selected: usize,
}

impl IndexOverlay {
    pub fn new(index: &SubjectIndex) -> Self {
        let mut o = IndexOverlay {
            lines: index.alphabetical(),
            filter: String::new(),
            rows: Vec::new(),
            selected: 0,
            top: 0,
            picker: None,
        };
        o.refilter();
        o
    }

    /// Number of terms the filter keeps.
    pub fn term_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, IndexRow::Term(_)))
            .count()
    }

    /// The selected term's line, if any.
    pub fn selected_line(&self) -> Option<&IndexLine> {
        match self.rows.get(self.selected) {
            Some(IndexRow::Term(i)) => self.lines.get(*i),
            _ => None,
        }
    }

    /// Rebuilds the rows for the filter and selects the first term.
    pub fn refilter(&mut self) {
        let words: Vec<String> = crate::corpus::subject::sort_key(&self.filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut rows = Vec::new();
        let mut letter = None;
        for (i, line) in self.lines.iter().enumerate() {
            if !words.iter().all(|w| keeps(line, w)) {
                continue;
            }
            let head = heading(&line.term);
            if letter != Some(head) {
                rows.push(IndexRow::Letter(head));
                letter = Some(head);
            }
            rows.push(IndexRow::Term(i));
        }
        self.rows = rows;
        self.top = 0;
        self.selected = self.first_term_from(0, true).unwrap_or(0);
    }

    /// The first term row at or after (`forward`) / at or before `from`.
    pub fn first_term_from(&self, from: usize, forward: bool) -> Option<usize> {
        let is_term = |i: &usize| matches!(self.rows.get(*i), Some(IndexRow::Term(_)));
        if forward {
            (from..self.rows.len()).find(is_term)
        } else {
            (0..=from.min(self.rows.len().saturating_sub(1)))
                .rev()
                .find(is_term)
        }
    }
}

/// Whether a filter word keeps a line: the term contains it (case and
/// accents aside), or the word is the number of an article it points to.
fn keeps(line: &IndexLine, word: &str) -> bool {
    if crate::corpus::subject::sort_key(&line.term).contains(word) {
        return true;
    }
    word.parse::<u8>()
        .is_ok_and(|n| line.targets.contains(&Target::Article(n)))
}

/// The letter a term is listed under: its first letter without accent,
/// upper case; `#` for a term that starts with a digit or a sign (`24/7`).
pub fn heading(term: &str) -> char {
    match crate::corpus::subject::sort_key(term).chars().next() {
        Some(c) if c.is_alphabetic() => c.to_uppercase().next().unwrap_or(c),
        _ => '#',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlay() -> IndexOverlay {
        let corpus = crate::corpus::load_embedded().expect("the corpus loads");
        IndexOverlay::new(&corpus.subject)
    }

    #[test]
    fn letters_head_their_terms_in_order() {
        let o = overlay();
        assert!(matches!(o.rows.first(), Some(IndexRow::Letter(_))));
        let letters: Vec<char> = o
            .rows
            .iter()
            .filter_map(|r| match r {
                IndexRow::Letter(c) => Some(*c),
                _ => None,
            })
            .collect();
        let mut sorted = letters.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(letters, sorted, "each letter once, in order");
        assert_eq!(o.term_count(), o.lines.len());
        assert!(matches!(o.rows.get(o.selected), Some(IndexRow::Term(_))));
    }

    #[test]
    fn the_filter_keeps_terms_with_its_words_or_the_article_number() {
        let mut o = overlay();
        o.filter = "Quick".into();
        o.refilter();
        let terms: Vec<&str> = o
            .rows
            .iter()
            .filter_map(|r| match r {
                IndexRow::Term(i) => Some(o.lines[*i].term.as_str()),
                _ => None,
            })
            .collect();
        assert!(terms.contains(&"quick freeze"), "{terms:?}");
        assert!(terms.iter().all(|t| t.to_lowercase().contains("quick")));
        o.filter = "conservacion".into();
        o.refilter();
        assert!(o.term_count() > 0, "accents aside");
        o.filter = "42".into();
        o.refilter();
        assert!(
            o.rows.iter().all(|r| match r {
                IndexRow::Term(i) => o.lines[*i].targets.contains(&Target::Article(42)),
                IndexRow::Letter(_) => true,
            }),
            "a number keeps the terms of that article"
        );
        o.filter = "zzzzqq".into();
        o.refilter();
        assert!(o.rows.is_empty());
        assert!(o.selected_line().is_none());
    }
}
