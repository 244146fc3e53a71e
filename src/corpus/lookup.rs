//! Reading a place the user names (`23`, `art. 23`, `IV`, `chapter 4`,
//! `preamble`, `source zamora`, `zamora`) against a corpus, with errors that say
//! what does exist.

use super::model::Corpus;
use super::target::{Target, from_roman, parse_article, parse_chapter};

/// A place in the corpus a user can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Target(Target),
    /// Index into `Corpus::sources`.
    Source(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("article {0} does not exist: the articles run from 1 to 68")]
    NoSuchArticle(String),
    #[error("chapter {0} does not exist: the chapters run from I to IX")]
    NoSuchChapter(String),
    #[error("no source '{0}': the sources are {1}")]
    NoSuchSource(String, String),
    #[error("'{0}' could be any of the sources {1}: type more of its id")]
    Ambiguous(String, String),
    #[error(
        "'{0}' names no place: give an article (23), a chapter (IV, chapter 4), preamble, or a source id ({1})"
    )]
    Unknown(String, String),
    /// A place, the paragraph asked for, and the paragraphs it has.
    #[error("{0} has {2}, not {1}")]
    NoSuchParagraph(String, String, String),
    #[error("no concern '{0}': the concerns are {1}")]
    NoSuchConcern(String, String),
    #[error(
        "'{0}' names no place: give an article (23, 24(2)), a chapter (IV, chapter 4), preamble, a source id ({1}) with a paragraph if you like (zamora#10), or a concern ({2})"
    )]
    UnknownPlace(String, String, String),
}

/// The ids of the sources, for messages that say what exists: `a, b, c`.
/// The ids of the sources, for a message; a corpus without any says so
/// rather than ending the sentence on nothing.
pub fn source_list(corpus: &Corpus) -> String {
    if corpus.sources.is_empty() {
        return "none (this corpus has no sources)".to_string();
    }
    corpus
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the words of a place, as typed on the command line or in the go-to
/// prompt.
pub fn lookup(corpus: &Corpus, input: &str) -> Result<Place, LookupError> {
    let text = input.trim();
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    let unknown = || LookupError::Unknown(text.to_string(), source_list(corpus));
    match words.as_slice() {
        [] => Err(unknown()),
        ["preamble"] => Ok(Place::Target(Target::Preamble)),
        ["source", id] | ["src", id] => find_source(corpus, id, text),
        [kw, n] if is_article_word(kw) => article(n),
        [kw, n] if is_chapter_word(kw) => chapter(n),
        [one] => {
            let one = one.trim_start_matches('#');
            if let Some(n) = one.strip_prefix("art.").or(one.strip_prefix("art"))
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
            {
                return article(n);
            }
            if one.chars().all(|c| c.is_ascii_digit()) {
                return article(one);
            }
            if let Some(n) = from_roman(one) {
                return Ok(Place::Target(Target::Chapter(n)));
            }
            if let Some(i) = corpus.source_index(one) {
                return Ok(Place::Source(i));
            }
            // Case-sensitive ids: look again with the original spelling.
            if let Some(i) = corpus.source_index(text) {
                return Ok(Place::Source(i));
            }
            if one.chars().all(|c| "ivxlcdm".contains(c)) {
                return Err(LookupError::NoSuchChapter(one.to_uppercase()));
            }
            match by_prefix(corpus, one) {
                Some(found) => found,
                None => Err(unknown()),
            }
        }
        _ => Err(unknown()),
    }
}

/// A source named by the start of its id (`zam` for `zamora`): the one
/// source whose id starts so, an error naming them when several do, `None`
/// when none does.
fn by_prefix(corpus: &Corpus, prefix: &str) -> Option<Result<Place, LookupError>> {
    if prefix.chars().count() < 2 {
        return None;
    }
    let found: Vec<usize> = corpus
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.id.to_lowercase().starts_with(prefix))
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [] => None,
        [i] => Some(Ok(Place::Source(*i))),
        many => Some(Err(LookupError::Ambiguous(
            prefix.to_string(),
            many.iter()
                .map(|i| corpus.sources[*i].id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ))),
    }
}

fn is_article_word(w: &str) -> bool {
    matches!(w, "article" | "art" | "art." | "articles" | "a")
}

fn is_chapter_word(w: &str) -> bool {
    matches!(w, "chapter" | "chap" | "chap." | "ch" | "ch." | "c")
}

fn article(n: &str) -> Result<Place, LookupError> {
    parse_article(n)
        .map(|a| Place::Target(Target::Article(a)))
        .map_err(|_| LookupError::NoSuchArticle(n.to_string()))
}

fn chapter(n: &str) -> Result<Place, LookupError> {
    parse_chapter(n)
        .map(|c| Place::Target(Target::Chapter(c)))
        .map_err(|_| LookupError::NoSuchChapter(n.to_uppercase()))
}

fn find_source(corpus: &Corpus, id: &str, original: &str) -> Result<Place, LookupError> {
    corpus
        .source_index(id)
        .or_else(|| {
            let raw = original.split_whitespace().last().unwrap_or(id);
            corpus.source_index(raw)
        })
        .map(|i| Ok(Place::Source(i)))
        .or_else(|| by_prefix(corpus, id))
        .unwrap_or_else(|| {
            Err(LookupError::NoSuchSource(
                id.to_string(),
                source_list(corpus),
            ))
        })
}
