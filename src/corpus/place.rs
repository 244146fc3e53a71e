//! Reading what a user types to go somewhere (`24(2)`, `art. 24 para 2`,
//! `zamora#10`, `zamora para 10`, a concern's id or name) into a
//! [`Location`]: a place with an optional paragraph, or a concern. Errors say
//! what exists. The go-to prompt and `treaty PLACE` both read through here.

use super::lookup::{LookupError, Place, lookup};
use super::model::Corpus;
use super::target::{Target, parse_article};
use regex::Regex;
use std::sync::LazyLock;

/// Where a go-to leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// An article, a chapter, the preamble or a source.
    Place(Place),
    /// A concern: index into `Corpus::concerns`.
    Concern(usize),
}

/// A place with, for an article or a source, the paragraph asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub to: Destination,
    /// The paragraph: of an article, its numbered paragraph in the authentic
    /// text (checked when the corpus has the text); of a source, its
    /// paragraph as `treaty show source ID` numbers them (always checked).
    pub paragraph: Option<usize>,
    /// A sub-item of an article's paragraph: `b` of `24(2)(b)`.
    pub item: Option<char>,
}

impl Location {
    pub fn place(place: Place) -> Location {
        Location {
            to: Destination::Place(place),
            paragraph: None,
            item: None,
        }
    }

    /// The place to open, when the location is not a concern.
    pub fn as_place(&self) -> Option<Place> {
        match self.to {
            Destination::Place(p) => Some(p),
            Destination::Concern(_) => None,
        }
    }

    /// The location written so that [`locate`] reads it back: `24(2)(b)`,
    /// `chapter IV`, `preamble`, `source zamora#10`, `concern scope`.
    pub fn spelled(&self, corpus: &Corpus) -> String {
        let para = |p: Option<usize>| p.map_or(String::new(), |n| format!("({n})"));
        let item = self.item.map_or(String::new(), |c| format!("({c})"));
        match self.to {
            Destination::Place(Place::Target(Target::Article(n))) => {
                format!("{n}{}{item}", para(self.paragraph))
            }
            Destination::Place(Place::Target(t @ Target::Chapter(_))) => t.label(),
            Destination::Place(Place::Target(Target::Preamble)) => "preamble".to_string(),
            Destination::Place(Place::Source(i)) => {
                let id = corpus.sources.get(i).map_or("?", |s| s.id.as_str());
                match self.paragraph {
                    Some(n) => format!("source {id}#{n}"),
                    None => format!("source {id}"),
                }
            }
            Destination::Concern(i) => {
                let id = corpus.concerns.get(i).map_or("?", |c| c.id.as_str());
                format!("concern {id}")
            }
        }
    }
}

/// The numbers of an authentic text's numbered paragraphs (`1. ...` after a
/// blank line), in order.
pub fn article_paragraphs(text: &str) -> Vec<usize> {
    numbered(text).map(|(n, _)| n).collect()
}

/// Where numbered paragraph `n` of an authentic text starts (a byte offset),
/// so the explorer can scroll to it.
pub fn paragraph_offset(text: &str, n: usize) -> Option<usize> {
    numbered(text).find(|(k, _)| *k == n).map(|(_, at)| at)
}

/// Each numbered paragraph: its number and the byte where its number starts.
fn numbered(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::once(0)
        .chain(text.match_indices("\n\n").map(|(i, _)| i + 2))
        .filter_map(|i| {
            let from = text.get(i..)?;
            let rest = from.trim_start();
            let at = i + (from.len() - rest.len());
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = rest.get(digits.len()..)?;
            (!digits.is_empty() && after.starts_with(". "))
                .then(|| digits.parse().ok().map(|n| (n, at)))
                .flatten()
        })
}

/// `24(2)`, `24(2)(b)`, `article 24(2)`, `art. 24 para 2`, `article 24,
/// paragraph 2(b)`, `paragraph 2 of article 24`.
static ARTICLE_PARAGRAPH: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let art = r"(?:(?:article|art\.?|a\.?)\s*)?";
    let para = r"(?:paragraph|para\.?|par\.?|§|¶)";
    let item = r"(?:\s*\(([a-z])\))?";
    [
        Regex::new(&format!(
            r"(?i)^{art}(\d+)\s*(?:\((\d+)\)|,?\s*{para}\s*(\d+)){item}$"
        )),
        Regex::new(&format!(
            r"(?i)^{para}\s*(\d+){item}\s+of\s+(?:article|art\.?)\s*(\d+)$"
        )),
    ]
    .map(|r| r.expect("the place patterns are valid"))
});

/// `zamora#10`, `zamora 10`, `zamora para 10`, `zamora, paragraph 10`,
/// `source zamora#10`.
static SOURCE_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:source|src)\s+)?([^\s#,:]+)\s*(?:#|,?\s*(?:paragraph|para\.?|par\.?|§|¶)\s*|\s+)(\d+)$",
    )
    .expect("the place pattern is valid")
});

/// Reads what a user typed to go somewhere. Tries, in order: an article with
/// a paragraph; a source with a paragraph; a source id as typed; a concern
/// (`concern ID`, its id, or its name, in any case); then everything
/// [`lookup`] reads (`23`, `IV`, `preamble`, `source ID`, a source id's start).
/// What the user typed is echoed in errors on one line, cleaned of
/// control characters and escape sequences.
pub fn locate(corpus: &Corpus, input: &str) -> Result<Location, LookupError> {
    locate_raw(corpus, input).map_err(tidy)
}

fn tidy(e: LookupError) -> LookupError {
    use crate::text::one_line as l;
    match e {
        LookupError::NoSuchArticle(a) => LookupError::NoSuchArticle(l(&a)),
        LookupError::NoSuchChapter(a) => LookupError::NoSuchChapter(l(&a)),
        LookupError::NoSuchSource(a, b) => LookupError::NoSuchSource(l(&a), l(&b)),
        LookupError::Ambiguous(a, b) => LookupError::Ambiguous(l(&a), l(&b)),
        LookupError::Unknown(a, b) => LookupError::Unknown(l(&a), l(&b)),
        LookupError::NoSuchParagraph(a, b, c) => LookupError::NoSuchParagraph(l(&a), l(&b), l(&c)),
        LookupError::NoSuchConcern(a, b) => LookupError::NoSuchConcern(l(&a), l(&b)),
        LookupError::UnknownPlace(a, b, c) => LookupError::UnknownPlace(l(&a), l(&b), l(&c)),
    }
}

fn locate_raw(corpus: &Corpus, input: &str) -> Result<Location, LookupError> {
    let text = input.trim();
    if let Some(loc) = article_paragraph(corpus, text) {
        return loc;
    }
    if let Some(loc) = source_paragraph(corpus, text) {
        return loc;
    }
    if let Some(i) = corpus.source_index(text) {
        return Ok(Location::place(Place::Source(i)));
    }
    if let Some(found) = concern(corpus, text) {
        return found.map(|i| Location {
            to: Destination::Concern(i),
            paragraph: None,
            item: None,
        });
    }
    lookup(corpus, text)
        .map(Location::place)
        .map_err(|e| match e {
            LookupError::Unknown(what, sources) => {
                LookupError::UnknownPlace(what, sources, super::concern::concern_ids(corpus))
            }
            other => other,
        })
}

fn article_paragraph(corpus: &Corpus, text: &str) -> Option<Result<Location, LookupError>> {
    let [plain, of] = &*ARTICLE_PARAGRAPH;
    let (number, para, item) = if let Some(c) = plain.captures(text) {
        (c.get(1)?, c.get(2).or(c.get(3))?, c.get(4))
    } else {
        let c = of.captures(text)?;
        (c.get(3)?, c.get(1)?, c.get(2))
    };
    let item = item.and_then(|m| m.as_str().chars().next().map(|c| c.to_ascii_lowercase()));
    Some(article_at(corpus, number.as_str(), para.as_str(), item))
}

fn article_at(
    corpus: &Corpus,
    number: &str,
    para: &str,
    item: Option<char>,
) -> Result<Location, LookupError> {
    let n = parse_article(number).map_err(|_| LookupError::NoSuchArticle(number.to_string()))?;
    let p: usize = para.parse().map_err(|_| {
        LookupError::NoSuchParagraph(
            format!("article {n}"),
            para.to_string(),
            "numbered from 1".into(),
        )
    })?;
    // Paragraph numbers are only known from the authentic text; without it
    // the explorer opens the article and says so.
    if let Some(text) = corpus.article(n).and_then(|a| a.text.as_deref()) {
        let numbers = article_paragraphs(text);
        if !numbers.contains(&p) {
            return Err(LookupError::NoSuchParagraph(
                format!("article {n}"),
                p.to_string(),
                ranges(&numbers),
            ));
        }
    } else if p == 0 {
        return Err(LookupError::NoSuchParagraph(
            format!("article {n}"),
            p.to_string(),
            "numbered from 1".into(),
        ));
    }
    Ok(Location {
        to: Destination::Place(Place::Target(Target::Article(n))),
        paragraph: Some(p),
        item,
    })
}

fn source_paragraph(corpus: &Corpus, text: &str) -> Option<Result<Location, LookupError>> {
    let c = SOURCE_PARAGRAPH.captures(text)?;
    let name = c.get(1)?.as_str();
    let para = c.get(2)?.as_str();
    let lower = name.to_lowercase();
    // `article 24`, `chapter 4`, `art 24` are lookup's forms, not sources.
    if name.chars().all(|c| c.is_ascii_digit())
        || matches!(
            lower.trim_end_matches('.'),
            "article" | "art" | "articles" | "a" | "chapter" | "chap" | "ch" | "c"
        )
    {
        return None;
    }
    let i = match corpus.source_index(name) {
        Some(i) => i,
        None => match lookup(corpus, &format!("source {name}")) {
            Ok(Place::Source(i)) => i,
            Ok(_) => return None,
            Err(e) => return Some(Err(e)),
        },
    };
    let src = &corpus.sources[i];
    let n = src.passages.len();
    match para.parse::<usize>() {
        Ok(p) if (1..=n).contains(&p) => Some(Ok(Location {
            to: Destination::Place(Place::Source(i)),
            paragraph: Some(p),
            item: None,
        })),
        _ => Some(Err(LookupError::NoSuchParagraph(
            src.id.clone(),
            para.to_string(),
            match n {
                0 => "no paragraphs".to_string(),
                1 => "one paragraph".to_string(),
                n => format!("paragraphs 1-{n}"),
            },
        ))),
    }
}

/// A concern by `concern ID`, its id or its title, any case, `-` and `_`
/// read as spaces. `None` when the text names no concern; an error when it
/// says `concern` and names none.
fn concern(corpus: &Corpus, text: &str) -> Option<Result<usize, LookupError>> {
    let norm = |s: &str| {
        s.to_lowercase()
            .replace(['-', '_'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = norm(text);
    let (explicit, name) = match wanted.strip_prefix("concern ") {
        Some(rest) => (true, rest.trim().to_string()),
        None => (false, wanted.clone()),
    };
    let found = corpus
        .concerns
        .iter()
        .position(|c| norm(&c.id) == name || norm(&c.title) == name);
    match found {
        Some(i) => Some(Ok(i)),
        None if explicit => Some(Err(LookupError::NoSuchConcern(
            name,
            super::concern::concern_ids(corpus),
        ))),
        None => None,
    }
}

/// `1-3, 5`: numbers as runs.
fn ranges(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return "no numbered paragraphs".to_string();
    }
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut start = sorted[0];
    let mut prev = start;
    for &n in &sorted[1..] {
        if n != prev + 1 {
            runs.push(run(start, prev));
            start = n;
        }
        prev = n;
    }
    runs.push(run(start, prev));
    if runs.len() == 1 && start == prev {
        return format!("one paragraph ({start})");
    }
    format!("paragraphs {}", runs.join(", "))
}

fn run(a: usize, b: usize) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}-{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::load_embedded().expect("embedded corpus")
    }

    fn article(n: u8, p: Option<usize>, item: Option<char>) -> Location {
        Location {
            to: Destination::Place(Place::Target(Target::Article(n))),
            paragraph: p,
            item,
        }
    }

    #[test]
    fn article_paragraph_forms() {
        let c = corpus();
        for form in [
            "24(2)",
            "24 (2)",
            "art. 24 para 2",
            "Art 24 para. 2",
            "article 24(2)",
            "Article 24, paragraph 2",
            "paragraph 2 of article 24",
            "24 § 2",
        ] {
            assert_eq!(locate(&c, form), Ok(article(24, Some(2), None)), "{form}");
        }
        assert_eq!(
            locate(&c, "article 24(2)(b)"),
            Ok(article(24, Some(2), Some('b')))
        );
        assert_eq!(locate(&c, "24"), Ok(article(24, None, None)));
    }

    #[test]
    fn source_paragraph_forms() {
        let c = corpus();
        let z = c.source_index("zamora").expect("zamora");
        let want = Location {
            to: Destination::Place(Place::Source(z)),
            paragraph: Some(10),
            item: None,
        };
        for form in [
            "zamora 10",
            "zamora#10",
            "zamora para 10",
            "Zamora, paragraph 10",
            "source zamora#10",
            "zam#10",
        ] {
            assert_eq!(locate(&c, form), Ok(want), "{form}");
        }
    }

    #[test]
    fn concerns_by_id_or_name() {
        let c = corpus();
        let i = c
            .concerns
            .iter()
            .position(|k| k.id == "dual-criminality")
            .expect("concern");
        let want = Ok(Location {
            to: Destination::Concern(i),
            paragraph: None,
            item: None,
        });
        assert_eq!(locate(&c, "dual-criminality"), want);
        assert_eq!(locate(&c, "concern dual criminality"), want);
        assert_eq!(
            locate(&c, "Dual criminality and transnational repression"),
            want
        );
        let e = locate(&c, "concern nope").expect_err("no such concern");
        assert!(e.to_string().contains("the concerns are "), "{e}");
    }

    #[test]
    fn errors_say_what_exists() {
        let c = corpus();
        assert_eq!(
            locate(&c, "69").map_err(|e| e.to_string()),
            Err("article 69 does not exist: the articles run from 1 to 68".into())
        );
        assert_eq!(
            locate(&c, "69(2)").map_err(|e| e.to_string()),
            Err("article 69 does not exist: the articles run from 1 to 68".into())
        );
        let n = c.sources[c.source_index("zamora").expect("zamora")]
            .passages
            .len();
        assert_eq!(
            locate(&c, "zamora#999").map_err(|e| e.to_string()),
            Err(format!("zamora has paragraphs 1-{n}, not 999"))
        );
        let e = locate(&c, "nowhere at all").expect_err("unknown");
        assert!(e.to_string().contains("concern"), "{e}");
        assert!(e.to_string().contains("zamora"), "{e}");
    }

    #[test]
    fn with_the_authentic_text_paragraphs_are_checked() {
        let mut c = corpus();
        for ch in &mut c.convention.chapters {
            for a in &mut ch.articles {
                if a.number == 24 {
                    a.text = Some("1. One.\n\n2. Two.\n\n(a) Item.\n\n3. Three.".into());
                }
            }
        }
        assert_eq!(article_paragraphs("1. One.\n\n2. Two.\n\n(a) x"), [1, 2]);
        let text = "1. One.\n\n 2. Two.\n\n(a) x";
        assert_eq!(
            paragraph_offset(text, 2).map(|at| &text[at..at + 2]),
            Some("2.")
        );
        assert_eq!(paragraph_offset(text, 1), Some(0));
        assert_eq!(paragraph_offset(text, 3), None);
        assert!(locate(&c, "24(3)").is_ok());
        assert_eq!(
            locate(&c, "24(4)").map_err(|e| e.to_string()),
            Err("article 24 has paragraphs 1-3, not 4".into())
        );
    }

    #[test]
    fn spelled_reads_back() {
        let c = corpus();
        for loc in [
            article(24, Some(2), Some('b')),
            article(1, None, None),
            Location::place(Place::Target(Target::Chapter(4))),
            Location::place(Place::Target(Target::Preamble)),
            Location::place(Place::Source(0)),
            Location {
                to: Destination::Place(Place::Source(1)),
                paragraph: Some(3),
                item: None,
            },
            Location {
                to: Destination::Concern(2),
                paragraph: None,
                item: None,
            },
        ] {
            assert_eq!(locate(&c, &loc.spelled(&c)), Ok(loc), "{}", loc.spelled(&c));
        }
    }
}
