//! Catching copied wording: the runs of words an article summary shares with
//! the authentic text, so a summary that drifts into the official phrasing is
//! reported the day someone imports the text.

use crate::corpus::files::CorpusFiles;
use crate::corpus::jsonpos::{find_in, find_key};
use crate::corpus::problem::line_col;
use crate::corpus::{Corpus, Origin, Target};
use std::collections::HashSet;

/// The shortest run of shared words that counts as copied: below it, common
/// legal phrases ("in accordance with its domestic law") are only idiom.
pub const MIN_RUN: usize = 8;

/// A run of words of a summary that also occurs, word for word, in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// How many words the run has.
    pub words: usize,
    /// The run as the summary writes it.
    pub text: String,
}

/// A word as compared: letters and digits, lower-cased; `’` and `'` are
/// apostrophes inside a word, everything else separates words.
fn words(s: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut word = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
            if inner_apostrophe {
                word.push('\'');
            } else {
                word.extend(c.to_lowercase());
            }
        } else if let Some(from) = start.take() {
            out.push((std::mem::take(&mut word), from..i));
        }
    }
    if let Some(from) = start {
        out.push((word, from..s.len()));
    }
    out
}

/// Every maximal run of at least `min` words of `summary` that `text` also
/// contains, in summary order.
pub fn shared_runs(summary: &str, text: &str, min: usize) -> Vec<Run> {
    let min = min.max(1);
    let ours = words(summary);
    let theirs: Vec<String> = words(text).into_iter().map(|(w, _)| w).collect();
    if ours.len() < min || theirs.len() < min {
        return Vec::new();
    }
    let grams: HashSet<&[String]> = theirs.windows(min).collect();
    let ours_words: Vec<String> = ours.iter().map(|(w, _)| w.clone()).collect();
    let hit: Vec<bool> = ours_words.windows(min).map(|w| grams.contains(w)).collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < hit.len() {
        if !hit[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < hit.len() && hit[i + 1] {
            i += 1;
        }
        let last_word = i + min - 1;
        let span = ours[first].1.start..ours[last_word].1.end;
        runs.push(Run {
            words: last_word - first + 1,
            text: crate::text::one_line(&summary[span]),
        });
        i += 1;
    }
    runs
}

/// A copied run found in the corpus, located where the summary is written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SharedRun {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// `article:23` or `preamble`.
    pub article: String,
    pub words: usize,
    pub run: String,
}

impl SharedRun {
    /// The message of the problem it is.
    pub fn message(&self) -> String {
        let what = match self.article.strip_prefix("article:") {
            Some(n) => format!("the summary of article {n}"),
            None => "the summary of the preamble".to_string(),
        };
        format!(
            "{what} shares {} words with the authentic text: \"{}\"; say it in the project's own words",
            self.words, self.run
        )
    }
}

/// Every summary's runs of `MIN_RUN` or more words shared with the authentic
/// text of its provision, for the provisions that have one. Official
/// summaries (the text itself) are not compared.
pub fn find_shared_runs(corpus: &Corpus) -> Vec<SharedRun> {
    let files = match &corpus.origin {
        Origin::Embedded => CorpusFiles::Embedded,
        Origin::Dir(d) => CorpusFiles::Dir(d.clone()),
    };
    let file = files.read("convention.json").ok();
    let name = file
        .as_ref()
        .map_or_else(|| files.display("convention.json"), |f| f.name.clone());
    let raw = file.as_ref().map_or("", |f| f.text.as_str());
    let preamble = &corpus.convention.preamble;
    let mut provisions: Vec<(Target, &str, Option<&str>, bool)> = vec![(
        Target::Preamble,
        preamble.summary.as_str(),
        preamble.text.as_deref(),
        preamble.summary_is_official,
    )];
    provisions.extend(corpus.articles().map(|a| {
        (
            a.target(),
            a.summary.as_str(),
            a.text.as_deref(),
            a.summary_is_official,
        )
    }));
    let mut out = Vec::new();
    for (target, summary, text, official) in provisions {
        let Some(text) = text.filter(|_| !official) else {
            continue;
        };
        for run in shared_runs(summary, text, MIN_RUN) {
            let offset = locate(raw, target, &run.text);
            let (line, column) = line_col(raw, offset);
            out.push(SharedRun {
                file: name.clone(),
                line,
                column,
                article: target.to_string(),
                words: run.words,
                run: run.text,
            });
        }
    }
    out
}

/// Where in `convention.json` the run is written: at the run when it stands
/// there as written, else at the start of the summary.
fn locate(raw: &str, target: Target, run: &str) -> usize {
    let from = match target {
        // Chapters are numbered with strings, and the comma keeps 2 from 23.
        Target::Article(n) => raw.find(&format!("\"number\": {n},")).unwrap_or(0),
        _ => find_in(raw, 0..raw.len(), "\"preamble\""),
    };
    let summary = find_key(raw, from..raw.len(), "summary");
    let end = raw[summary..].find("\n").map_or(raw.len(), |i| summary + i);
    let at = find_in(raw, summary..end, run);
    if raw[at..].starts_with(run) {
        at
    } else {
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_copied_run_of_eight_words_or_more() {
        let text = "1. Each State Party shall adopt such legislative and other measures as may be necessary to establish the powers.";
        let summary = "States must adopt such legislative and other measures as may be necessary, the article says.";
        let runs = shared_runs(summary, text, 8);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            runs[0].text,
            "adopt such legislative and other measures as may be necessary"
        );
        assert_eq!(runs[0].words, 10);
    }

    #[test]
    fn seven_shared_words_are_not_a_run() {
        let text = "shall adopt such legislative and other measures as appropriate";
        let summary = "States adopt such legislative and other measures as they choose.";
        assert_eq!(shared_runs(summary, text, 8), Vec::new());
    }

    #[test]
    fn case_punctuation_and_line_breaks_do_not_hide_a_copy() {
        let text = "the right to freedom of expression,\nincluding the freedom to seek, receive and impart information";
        let summary = "It protects The Right to Freedom of Expression — including the freedom to seek information.";
        let runs = shared_runs(summary, text, 8);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].text.starts_with("The Right to Freedom"), "{runs:?}");
        assert!(runs[0].text.ends_with("freedom to seek"), "{runs:?}");
    }

    #[test]
    fn two_separate_runs_are_two() {
        let text = "one two three four five six seven eight nine. alpha beta gamma delta epsilon zeta eta theta";
        let summary = "one two three four five six seven eight and then alpha beta gamma delta epsilon zeta eta theta";
        let runs = shared_runs(summary, text, 8);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(runs[1].words, 8);
    }

    #[test]
    fn apostrophes_inside_words_match_either_way() {
        let w: Vec<String> = words("the State’s own law, 'quoted'")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(w, ["the", "state's", "own", "law", "quoted"]);
    }

    fn normal(s: &str) -> String {
        words(s)
            .into_iter()
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        /// A run copied from the text into any summary is always reported, and
        /// every reported run stands in the text word for word.
        #[test]
        fn a_copied_run_is_always_found(
            text in proptest::collection::vec("[a-e]{1,3}", 8..40),
            before in proptest::collection::vec("[a-z]{1,6}", 0..10),
            after in proptest::collection::vec("[a-z]{1,6}", 0..10),
            at in 0usize..32,
            len in 8usize..12,
        ) {
            let at = at % (text.len() - 7);
            let len = len.min(text.len() - at);
            let copied = text[at..at + len].join(" ");
            let summary = format!("{} {} {}", before.join(" "), copied.to_uppercase(), after.join(", "));
            let text = text.join(" ");
            let runs = shared_runs(&summary, &text, MIN_RUN);
            let wanted = normal(&copied);
            proptest::prop_assert!(runs.iter().any(|r| normal(&r.text).contains(&wanted)), "{:?}", runs);
            let hay = format!(" {} ", normal(&text));
            for r in &runs {
                proptest::prop_assert!(r.words >= MIN_RUN);
                let run = normal(&r.text);
                let rw: Vec<&str> = run.split(' ').collect();
                for w in rw.windows(MIN_RUN) {
                    let needle = format!(" {} ", w.join(" "));
                    proptest::prop_assert!(hay.contains(&needle), "{:?} not in {:?}", needle, hay);
                }
            }
        }
    }
}
