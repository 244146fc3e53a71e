//! Highlight positions: which bytes of a shown text the query matched, for the
//! rows on screen only (the scan itself never computes positions).

use super::fold::fold;
use super::matcher::SkimMatcher;
use super::query::Query;
use super::rank::{scattered_script, word_quality};
use super::words::{edit_distance, typo_budget, word_ranges};
use std::ops::Range;
use std::sync::OnceLock;

fn matcher() -> &'static SkimMatcher {
    static MATCHER: OnceLock<SkimMatcher> = OnceLock::new();
    MATCHER.get_or_init(SkimMatcher::default)
}

/// Byte ranges of `text` (on char boundaries, sorted, merged into runs) that
/// `query` matches: every word a query word matches (as written, by stem,
/// by prefix, with a typo), every occurrence of an exact term or phrase.
/// Works on accented, CJK and emoji text.
pub fn highlight(text: &str, query: &str) -> Vec<Range<usize>> {
    let q = Query::parse(query);
    if q.terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // Folding is one char for one char, so char indices into `folded` are
    // char indices into `text`.
    let folded = fold(text);
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut marked = vec![false; starts.len()];
    let char_at = |byte: usize| folded[..byte].chars().count();
    for term in &q.terms {
        if term.required() || scattered_script(&term.text) {
            mark_exact(&folded, &term.text, &mut marked);
        }
    }
    let fuzzy = q.fuzzy.then_some(matcher() as &dyn super::matcher::Matcher);
    for (start, end) in word_ranges(&folded) {
        let word = &folded[start..end];
        let hit = q
            .terms
            .iter()
            .filter(|t| !t.required() && !scattered_script(&t.text))
            .any(|t| {
                word_quality(t, word, fuzzy) > 0.0
                    || edit_distance(&t.text, word, typo_budget(t.chars)).is_some()
            });
        if hit {
            let (from, to) = (char_at(start), char_at(end));
            for m in marked.iter_mut().take(to).skip(from) {
                *m = true;
            }
        }
    }
    runs(text, &starts, &marked)
}

/// Marks the chars of every occurrence of `needle` in `folded`.
fn mark_exact(folded: &str, needle: &str, marked: &mut [bool]) {
    let len = needle.chars().count();
    let mut chars_before = 0;
    let mut last = 0;
    for (at, _) in folded.match_indices(needle) {
        chars_before += folded[last..at].chars().count();
        last = at;
        for m in marked.iter_mut().skip(chars_before).take(len) {
            *m = true;
        }
    }
}

/// Turns marked chars into merged byte ranges.
fn runs(text: &str, starts: &[usize], marked: &[bool]) -> Vec<Range<usize>> {
    let byte_end = |c: usize| starts.get(c + 1).copied().unwrap_or(text.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    for (c, _) in marked.iter().enumerate().filter(|(_, m)| **m) {
        let (start, end) = (starts[c], byte_end(c));
        match out.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => out.push(start..end),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        highlight(text, query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn whole_words_are_marked() {
        assert_eq!(marked("The dual criminality rule", "dual"), ["dual"]);
        assert_eq!(
            marked("The dual criminality rule", "dual crim"),
            ["dual", "criminality"]
        );
        assert_eq!(marked("An individual right", "dual"), Vec::<&str>::new());
        assert_eq!(
            marked("Extradition of nationals", "extradtion"),
            ["Extradition"]
        );
    }

    #[test]
    fn accented_text_maps_chars_to_bytes() {
        let text = "Sara Benítez-Mongelós";
        assert_eq!(marked(text, "benitez"), ["Benítez"]);
        assert_eq!(marked(text, "Mongelós"), ["Mongelós"]);
        for r in highlight(text, "beni mon") {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn cjk_and_emoji() {
        assert_eq!(marked("国連のサイバー犯罪条約", "犯罪"), ["犯罪"]);
        assert_eq!(marked("🙂 emoji 🚀 rocket", "rocket"), ["rocket"]);
        assert_eq!(marked("🙂🚀x", "'🚀x"), ["🚀x"]);
    }

    #[test]
    fn exact_terms_mark_every_occurrence() {
        assert_eq!(
            marked("Data, DATA and data", "'data"),
            ["Data", "DATA", "data"]
        );
        assert_eq!(
            marked("Ünïcödé and ünicode", "'unicode"),
            ["Ünïcödé", "ünicode"]
        );
    }

    #[test]
    fn no_match_no_ranges() {
        assert!(highlight("abc", "xyz").is_empty());
        assert!(highlight("abc", "").is_empty());
        assert!(highlight("", "a").is_empty());
    }
}
