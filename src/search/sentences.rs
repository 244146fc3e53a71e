//! Splitting prose into the short units search matches: sentences, with long
//! ones cut at clause breaks, as byte ranges into the original text.

use std::ops::Range;

/// A unit longer than this (in bytes) is cut at a clause or word break: a
/// fuzzy match over a whole paragraph is noise, and matching cost grows with
/// length.
pub const MAX_UNIT: usize = 320;

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "arts", "para", "paras", "no", "nos", "e.g", "i.e", "mr", "mrs", "ms", "dr", "prof",
    "st", "vs", "cf", "fig", "p", "pp", "vol", "ch", "chap", "sec", "inc", "ltd", "co", "jr", "sr",
    "al", "op", "ibid", "approx", "dept", "res", "doc",
];

/// Byte ranges of the sentences of `text`, trimmed, non-empty, in order, each
/// at most about [`MAX_UNIT`] bytes.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in boundaries(text) {
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Byte offsets where a sentence ends (the next one starts there).
fn boundaries(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut sentence_start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = match c {
            '.' | '!' | '?' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if matches!(
                        d,
                        '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
                    ) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                let ends_sentence = match it.peek() {
                    None => false,
                    Some(&(_, next)) => {
                        next.is_whitespace()
                            && !(c == '.' && is_abbreviation(&text[sentence_start..i]))
                            && !next_word_is_lowercase(&text[end..])
                    }
                };
                ends_sentence.then_some(end)
            }
            '。' | '！' | '？' => Some(i + c.len_utf8()),
            '\n' if starts_list_item(&text[i + 1..]) => Some(i),
            _ => None,
        };
        if let Some(end) = end {
            ends.push(end);
            sentence_start = end;
        }
    }
    ends
}

/// Whether the last word of `before` (the text of the sentence up to a full
/// stop) is an abbreviation, an initial, or a list number at the start.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let last = lower.rsplit('.').next().unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true;
    }
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) && before.trim() == word {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

fn next_word_is_lowercase(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '“' | '‘'))
        .is_some_and(char::is_lowercase)
}

fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// Trims `range` and pushes it, cut into pieces of at most [`MAX_UNIT`] bytes.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    if start >= end {
        return;
    }
    let mut at = start;
    while end - at > MAX_UNIT {
        let cut = cut_point(&text[at..end]);
        push_trimmed_once(text, at..at + cut, out);
        at += cut;
    }
    push_trimmed_once(text, at..end, out);
}

fn push_trimmed_once(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

/// Where to cut a long sentence (a byte offset within it, > 0, on a char
/// boundary): after a clause mark, else after a comma, else at a space, else
/// anywhere.
fn cut_point(s: &str) -> usize {
    let window = &s[..s.floor_char_boundary(MAX_UNIT)];
    let after = |marks: &[&str], min: usize| {
        marks
            .iter()
            .filter_map(|m| window.rfind(m).map(|i| i + m.len()))
            .filter(|&i| i >= min)
            .max()
    };
    after(&["; ", ": ", " – ", " — "], MAX_UNIT / 3)
        .or_else(|| after(&[", "], MAX_UNIT / 2))
        .or_else(|| after(&[" "], MAX_UNIT / 4))
        .unwrap_or_else(|| window.len().max(s.ceil_char_boundary(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences_keeping_offsets() {
        let text = "  First one. Second (Art. 23) here! Third? \"Quoted.\" Last";
        assert_eq!(
            split(text),
            [
                "First one.",
                "Second (Art. 23) here!",
                "Third?",
                "\"Quoted.\"",
                "Last"
            ]
        );
        for r in sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn keeps_abbreviations_and_lowercase_continuations() {
        assert_eq!(
            split("See e.g. the U.N. Office. Then Mr. Smith spoke."),
            ["See e.g. the U.N. Office.", "Then Mr. Smith spoke."]
        );
        assert_eq!(
            split("1. The first point. 2. The second."),
            ["1. The first point.", "2. The second."]
        );
    }

    #[test]
    fn splits_cjk_and_list_lines() {
        assert_eq!(split("日本語。テキスト！"), ["日本語。", "テキスト！"]);
        assert_eq!(split("Items:\n- one\n- two"), ["Items:", "- one", "- two"]);
    }

    #[test]
    fn cuts_long_sentences() {
        let long = "word ".repeat(200) + "and the end";
        let parts = sentences(&long);
        assert!(parts.len() > 2);
        assert!(parts.iter().all(|r| r.len() <= MAX_UNIT));
        let joined: Vec<&str> = parts.iter().map(|r| &long[r.clone()]).collect();
        assert_eq!(joined.join(" "), long.trim_end());
        let cjk = "語".repeat(400);
        assert!(sentences(&cjk).iter().all(|r| r.len() <= MAX_UNIT));
    }
}
