//! How well a query's terms match one unit of text (a sentence, a title, an
//! index term): whole words, stems, prefixes, typo corrections and, for a short
//! word being typed, letters in order inside one word. The ranker and the index
//! both call it; it knows nothing of either.

use super::matcher::Matcher;
use super::query::{Query, Term};

/// How well one word of a unit matches a term, 0 for not at all.
const WHOLE: f32 = 1.0;
const SAME_STEM: f32 = 0.9;
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.55;
const FUZZY: f32 = 0.3;

/// A stem match only counts as the same word when the word adds at most
/// this many bytes (`extradit` + `ion`), else it is a longer word.
const SAME_STEM_SLACK: usize = 4;

/// Endings that make another form of the same word (`extradit-ion`,
/// `nation-als`): a stem followed by anything else is another word
/// (`secret-ary`).
const ENDINGS: &[&str] = &[
    "", "s", "e", "es", "ed", "d", "ing", "ion", "ions", "ation", "er", "ers", "or", "ors", "al",
    "als", "ly", "ity", "ies", "y", "i", "ive", "ment", "ance", "ence", "ant", "ent", "ate",
    "ated", "ism", "ist", "ists", "ize", "ise", "ful", "ous", "ic", "ical", "ure", "ures",
    "ations", "ings", "ness", "able", "ible",
];

fn is_ending(rest: &str) -> bool {
    ENDINGS.iter().any(|e| rest.eq_ignore_ascii_case(e))
}
/// `word` equals `want` (folded, lower case), ignoring ASCII case.
fn eq_ci(word: &str, want: &str) -> bool {
    word.len() == want.len() && word.as_bytes().eq_ignore_ascii_case(want.as_bytes())
}

/// `word` starts with `want` (folded, lower case), ignoring ASCII case.
fn starts_ci(word: &str, want: &str) -> bool {
    word.len() >= want.len() && word.as_bytes()[..want.len()].eq_ignore_ascii_case(want.as_bytes())
}

/// Whether the chars of `pattern` appear in order in `word`, the first at
/// its start: letters typed quickly, inside one word only.
fn in_order(word: &str, pattern: &str) -> bool {
    let mut want = pattern.chars();
    let mut next = want.next();
    let mut first = true;
    for c in word.chars() {
        let Some(w) = next else { break };
        let c = c.to_ascii_lowercase();
        if c == w {
            next = want.next();
        } else if first {
            return false;
        }
        first = false;
    }
    next.is_none()
}

/// Whether a term is written in a script without spaces between words
/// (CJK) or holds pictographs: it matches inside a word, as a substring.
pub(super) fn scattered_script(text: &str) -> bool {
    text.chars().any(|c| c >= '\u{2E80}')
}

/// How well one word of a unit matches a (non-required) term. `fuzzy`: the
/// matcher that scores letters typed in order inside the word, for a short
/// word being typed.
pub(super) fn word_quality(term: &Term, word: &str, fuzzy: Option<&dyn Matcher>) -> f32 {
    if eq_ci(word, &term.text) {
        return WHOLE;
    }
    if scattered_script(&term.text) {
        return if word.contains(term.text.as_str()) {
            SAME_STEM
        } else {
            0.0
        };
    }
    let stem_ok = term.stem.len() >= 3;
    if stem_ok
        && starts_ci(word, &term.stem)
        && word.len() <= term.stem.len() + SAME_STEM_SLACK
        && is_ending(&word[term.stem.len()..])
    {
        return SAME_STEM;
    }
    // A word being typed; a longer word sharing only the stem (`sign`,
    // `signature`) is another word.
    if starts_ci(word, &term.text) {
        return PREFIX;
    }
    for c in &term.corrections {
        // The word itself, or its family (`confiscat` for `confiscation`).
        let family = c.len().saturating_sub(SAME_STEM_SLACK).max(3).min(c.len());
        let shared = c.get(..family).unwrap_or(c);
        if eq_ci(word, c)
            || (starts_ci(word, shared)
                && word.len() <= c.len() + 1
                && word.len() + SAME_STEM_SLACK >= c.len())
        {
            return TYPO;
        }
    }
    if let Some(m) = fuzzy
        && term.chars >= 3
        && word.len() > term.text.len()
        && in_order(word, &term.text)
    {
        // skim's score of the alignment against that of the letters as one
        // run: tight alignments (`extrd`) beat loose ones (`etn`).
        let ideal = m.score(&term.text, &term.text).unwrap_or(1).max(1) as f32;
        let got = m.score(word, &term.text).unwrap_or(0).max(0) as f32;
        return FUZZY * (got / ideal).min(1.0);
    }
    0.0
}

/// Where `needle` (folded, lower case) occurs in `hay` as whole words (no
/// letter or digit on either side), ignoring ASCII case: a byte offset.
pub(super) fn find_whole(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    let boundary = |i: usize| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let after = |i: usize| hay[i..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    (0..=h.len() - n.len()).find(|&i| {
        h[i..i + n.len()].eq_ignore_ascii_case(n)
            && hay.is_char_boundary(i)
            && hay.is_char_boundary(i + n.len())
            && boundary(i)
            && after(i + n.len())
    })
}

/// Whether a byte belongs to a word: ASCII letters and digits, and every
/// byte of a non-ASCII char (letters, once folded; CJK; emoji).
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The best quality of each term in one unit's text (written into `qual`),
/// and how many pairs of consecutive query words stand next to each other.
/// `spans`, when given, receives the byte range of each term's best word.
///
/// A word can only match a term if it starts with the term's first letter
/// (or a correction's): those word starts are found with memchr, and only
/// those words are read, so a unit without them costs one pass of memchr.
pub(super) fn match_unit(
    q: &Query,
    matcher: &dyn Matcher,
    text: &str,
    qual: &mut [f32],
    mut spans: Option<&mut [Option<(usize, usize)>]>,
) -> u32 {
    qual.iter_mut().for_each(|x| *x = 0.0);
    let bytes = text.as_bytes();
    let fuzzy = q.fuzzy.then_some(matcher);
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (j, term) in q.terms.iter().enumerate() {
        if term.required() {
            if let Some(at) = find_whole(text, &term.text) {
                qual[j] = WHOLE;
                if let Some(s) = spans.as_deref_mut() {
                    s[j] = Some((at, at + term.text.len()));
                }
            }
            continue;
        }
        if scattered_script(&term.text) {
            if let Some(at) = text.find(term.text.as_str()) {
                qual[j] = SAME_STEM;
                if let Some(s) = spans.as_deref_mut() {
                    s[j] = Some((at, at + term.text.len()));
                }
            }
            continue;
        }
        let mut firsts: Vec<u8> = std::iter::once(term.text.as_bytes()[0])
            .chain(
                term.corrections
                    .iter()
                    .filter_map(|c| c.as_bytes().first().copied()),
            )
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        for first in firsts {
            for start in memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes) {
                if start > 0 && word_byte(bytes[start - 1]) {
                    continue;
                }
                let end = bytes[start..]
                    .iter()
                    .position(|&b| !word_byte(b))
                    .map_or(bytes.len(), |n| start + n);
                let Some(word) = text.get(start..end) else {
                    continue;
                };
                let quality = word_quality(term, word, fuzzy);
                if quality > 0.0 {
                    found.push((start, end, j));
                    if quality > qual[j] {
                        qual[j] = quality;
                        if let Some(s) = spans.as_deref_mut() {
                            s[j] = Some((start, end));
                        }
                    }
                }
            }
        }
    }
    // Query words in a row: word j then word j + 1 with nothing but spaces
    // and punctuation between them.
    let mut pairs = 0;
    if found.len() > 1 {
        found.sort_unstable();
        for w in found.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.2 + 1 == b.2 && a.1 <= b.0 && !bytes[a.1..b.0].iter().any(|&x| word_byte(x)) {
                pairs += 1;
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_phrases() {
        assert_eq!(find_whole("an Individual right", "individual"), Some(3));
        assert_eq!(find_whole("individual", "dual"), None);
        assert_eq!(find_whole("dual criminality.", "dual criminality"), Some(0));
        assert!(in_order("extradition", "extrd"));
        assert!(!in_order("extradition", "xtrd"));
    }
}
