//! Highlight positions: which bytes of a shown text the query matched, for the
//! rows on screen only (the scan itself never computes positions).

use super::fold::fold;
use super::matcher::{Matcher, SkimMatcher};
use super::query::Query;
use std::ops::Range;
use std::sync::OnceLock;

fn matcher() -> &'static SkimMatcher {
    static MATCHER: OnceLock<SkimMatcher> = OnceLock::new();
    MATCHER.get_or_init(SkimMatcher::default)
}

/// Byte ranges of `text` (on char boundaries, sorted, merged into runs) that
/// `query` matches: the best alignment of each fuzzy term, every occurrence of
/// each exact term. Works on accented, CJK and emoji text: the matcher reports
/// char indices, mapped back to bytes here.
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
    for term in &q.terms {
        if term.exact {
            mark_exact(&folded, &term.text, &mut marked);
        } else if let Some((_, chars)) = matcher().indices(&folded, &term.text) {
            for c in chars {
                if let Some(m) = marked.get_mut(c) {
                    *m = true;
                }
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
    fn contiguous_match_is_one_run() {
        assert_eq!(marked("The dual criminality rule", "dual"), ["dual"]);
        assert_eq!(
            marked("The dual criminality rule", "dual crim"),
            ["dual", "crim"]
        );
    }

    #[test]
    fn accented_text_maps_chars_to_bytes() {
        let text = "Sara Benítez-Mongelós";
        assert_eq!(marked(text, "benitez"), ["Benítez"]);
        assert_eq!(marked(text, "Mongelós"), ["Mongelós"]);
        for r in highlight(text, "tez mon") {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn cjk_and_emoji() {
        assert_eq!(marked("国連のサイバー犯罪条約", "犯罪"), ["犯罪"]);
        assert_eq!(marked("🙂 emoji 🚀 rocket", "rocket"), ["rocket"]);
        assert_eq!(marked("🙂🚀x", "🚀x"), ["🚀x"]);
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
