//! How much of a passage bears on a subject (a provision, a concern): the
//! passage's sentences, the subject's key terms as stems, and the depth mark
//! from 1 to 4 a legal citator gives a citing reference.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// How deeply a passage treats what it is linked to, as a legal citator
/// grades the depth of treatment of a citing reference: from a passing
/// mention (1) to a passage wholly about it (4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Depth {
    /// A passing reference: less than a quarter of the passage bears on it.
    Mentions = 1,
    /// A quarter of the passage or more.
    Cites = 2,
    /// Half of the passage or more.
    Discusses = 3,
    /// Three quarters or more: the passage is about it.
    Examines = 4,
}

impl Depth {
    /// Deepest first.
    pub const ALL: [Depth; 4] = [
        Depth::Examines,
        Depth::Discusses,
        Depth::Cites,
        Depth::Mentions,
    ];

    /// The mark, 1 to 4.
    pub fn mark(self) -> u8 {
        self as u8
    }

    pub fn from_mark(mark: u8) -> Option<Depth> {
        Depth::ALL.into_iter().find(|d| d.mark() == mark)
    }

    /// The word used in text output and `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Depth::Mentions => "mentions",
            Depth::Cites => "cites",
            Depth::Discusses => "discusses",
            Depth::Examines => "examines",
        }
    }

    /// The mark as four cells that read without colour: `■■■□`.
    pub fn bars(self) -> &'static str {
        match self {
            Depth::Mentions => "■□□□",
            Depth::Cites => "■■□□",
            Depth::Discusses => "■■■□",
            Depth::Examines => "■■■■",
        }
    }

    /// The mark for `weight` bearing sentences out of `sentences`: the share
    /// graded in quarters. A passage with no bearing sentence is a mention
    /// (the link rests on reading, not on the words).
    pub fn from_share(weight: f64, sentences: usize) -> Depth {
        if sentences == 0 || weight <= 0.0 {
            return Depth::Mentions;
        }
        let share = weight / sentences as f64;
        if share >= 0.75 {
            Depth::Examines
        } else if share >= 0.5 {
            Depth::Discusses
        } else if share >= 0.25 {
            Depth::Cites
        } else {
            Depth::Mentions
        }
    }
}

/// Words that end a sentence-like stop without ending the sentence.
const ABBREVIATIONS: [&str; 14] = [
    "art", "arts", "para", "paras", "e.g", "i.e", "no", "nos", "cf", "mr", "ms", "dr", "p", "vs",
];

/// The sentences of a text as byte ranges: split after `.`, `!`, `?` or `;`
/// followed by a space, unless the full stop ends an abbreviation (`art.`,
/// `e.g.`) or an initial. Every byte of the text is in exactly one range.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | ';') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if matches!(q, '"' | '\'' | '”' | '’' | ')' | ']') {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let followed_by_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if !followed_by_space || (c == '.' && is_abbreviation(&text[start..i])) {
            continue;
        }
        if !text[start..end].trim().is_empty() {
            out.push(start..end);
        }
        start = end;
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    } else if let Some(last) = out.last_mut() {
        last.end = text.len();
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word.as_str()) || (word.chars().count() == 1 && word != "a")
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words too common to say what a sentence is about.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "being", "between", "both", "but", "by", "can", "could", "do", "does", "each", "for",
    "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "more",
    "most", "must", "no", "not", "of", "on", "one", "only", "or", "other", "over", "own", "same",
    "shall", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "up", "upon", "was", "we",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "will", "with",
    "within", "without", "would", "you",
];

/// The stems of a text's content words, in order: lowercased, stop words and
/// words of fewer than three letters left out, digits kept out.
pub fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| STEMMER.stem(&w).into_owned())
        .collect()
}

/// Words a summary uses to explain, not to name its subject: they say what
/// an article does (`provides`, `other`), so they tell no article apart.
const SUMMARY_FILLER: &[&str] = &[
    "also",
    "allow",
    "allows",
    "cannot",
    "covers",
    "even",
    "every",
    "example",
    "five",
    "four",
    "general",
    "generally",
    "give",
    "gives",
    "given",
    "held",
    "like",
    "line",
    "made",
    "make",
    "makes",
    "meet",
    "met",
    "name",
    "named",
    "names",
    "new",
    "other",
    "others",
    "project",
    "provides",
    "read",
    "reads",
    "says",
    "set",
    "sets",
    "someone",
    "still",
    "take",
    "takes",
    "three",
    "tried",
    "try",
    "two",
    "unless",
    "way",
    "ways",
    "well",
    "whatever",
    "especially",
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "party",
    "parties",
    "likely",
    "tries",
];

/// [`SUMMARY_FILLER`] as stems, so that every form of a word is left out.
static FILLER_STEMS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    SUMMARY_FILLER
        .iter()
        .map(|w| STEMMER.stem(w).into_owned())
        .collect()
});

/// The stems of a summary's content words: [`stems`] without the words
/// summaries use to explain ([`SUMMARY_FILLER`]) and without words of fewer
/// than four letters.
pub fn summary_stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| STEMMER.stem(&w).into_owned())
        .filter(|s| !FILLER_STEMS.contains(s))
        .collect()
}

/// Stems found in more than each share of `texts`, from one reading of
/// them: too common to say what a sentence is about.
pub fn common_stems<const N: usize>(texts: &[&str], shares: [f64; N]) -> [BTreeSet<String>; N] {
    let mut df: std::collections::HashMap<String, usize> = Default::default();
    for text in texts {
        let set: BTreeSet<String> = stems(text).into_iter().collect();
        for stem in set {
            *df.entry(stem).or_default() += 1;
        }
    }
    shares.map(|share| {
        let limit = (texts.len() as f64 * share).max(1.0);
        df.iter()
            .filter(|(_, count)| **count as f64 > limit)
            .map(|(stem, _)| stem.clone())
            .collect()
    })
}

/// The key terms of a subject, as stems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms(BTreeSet<String>);

impl Terms {
    pub fn new(stems: impl IntoIterator<Item = String>) -> Terms {
        Terms(stems.into_iter().collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// Whether `text` uses one of the terms.
    pub fn used_in(&self, text: &str) -> bool {
        !self.0.is_empty() && stems(text).iter().any(|s| self.0.contains(s))
    }
}

/// The depth of a passage on a subject: the share of its sentences that use
/// the subject's terms, graded by [`Depth::from_share`]. `weight_of` may give
/// a sentence more weight than its terms do (a citation of the subject); the
/// sentence counts for the larger of the two.
pub fn depth(text: &str, terms: &Terms, weight_of: impl Fn(Range<usize>) -> f64) -> Depth {
    let ranges = sentences(text);
    let weight: f64 = ranges
        .iter()
        .map(|r| {
            let by_terms = if terms.used_in(&text[r.clone()]) {
                1.0
            } else {
                0.0
            };
            f64::max(by_terms, weight_of(r.clone()).clamp(0.0, 1.0))
        })
        .sum();
    Depth::from_share(weight, ranges.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_but_not_abbreviations() {
        let t = "Art. 24 needs safeguards. It has none, e.g. no judge! Does it? Yes";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            got,
            [
                "Art. 24 needs safeguards.",
                "It has none, e.g. no judge!",
                "Does it?",
                "Yes"
            ]
        );
    }

    #[test]
    fn sentences_cover_the_text() {
        let t = "One. Two.  ";
        let r = sentences(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].start, 0);
        assert_eq!(r[1].end, t.len());
        assert!(sentences("").is_empty());
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn stems_match_inflections() {
        let terms = Terms::new(stems("Conditions and safeguards"));
        assert!(terms.used_in("without any safeguard at all"));
        assert!(terms.used_in("conditional on a court"));
        assert!(!terms.used_in("and the of"));
    }

    #[test]
    fn depth_is_the_share_of_bearing_sentences() {
        let terms = Terms::new(stems("safeguards"));
        let none = |_| 0.0;
        assert_eq!(
            depth("Safeguards are weak. Safeguards matter.", &terms, none),
            Depth::Examines
        );
        assert_eq!(
            depth("Safeguards are weak. The rest is fine.", &terms, none),
            Depth::Discusses
        );
        assert_eq!(
            depth("Safeguards are weak. One. Two. Three.", &terms, none),
            Depth::Cites
        );
        assert_eq!(
            depth("Safeguards are weak. One. Two. Three. Four.", &terms, none),
            Depth::Mentions
        );
        assert_eq!(depth("Nothing here.", &terms, none), Depth::Mentions);
        // A citation of the subject counts even without its terms.
        assert_eq!(depth("It is bad.", &terms, |_| 1.0), Depth::Examines);
    }

    #[test]
    fn depth_marks_round_trip() {
        for d in Depth::ALL {
            assert_eq!(Depth::from_mark(d.mark()), Some(d));
        }
        assert_eq!(Depth::from_mark(0), None);
        assert_eq!(Depth::from_mark(5), None);
    }
}
