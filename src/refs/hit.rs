//! A citation found in text before its place is known, and the resolution of
//! the numbers it writes to the convention's articles and chapters: shared by
//! the English patterns (`extract`) and the other UN languages (`languages`).

use std::ops::Range;

use crate::corpus::target::{
    ARTICLE_COUNT, CHAPTER_COUNT, Target, TargetError, parse_article, parse_chapter, roman,
};

/// A citation before its line and column are known.
pub(super) struct Hit {
    pub(super) span: Range<usize>,
    pub(super) targets: Vec<Target>,
    pub(super) pinpoint: Option<String>,
    pub(super) problem: Option<String>,
}

impl Hit {
    /// An article, or a range of articles when `to` is given.
    pub(super) fn article(
        span: Range<usize>,
        from: &str,
        to: Option<&str>,
        pinpoint: Option<String>,
    ) -> Self {
        let resolved = match to {
            Some(to) => resolve_range(Kind::Article, from, to),
            None => resolve_article(from),
        };
        Hit::new(span, resolved, pinpoint)
    }

    /// A chapter, or a range of chapters when `to` is given.
    pub(super) fn chapter(span: Range<usize>, from: &str, to: Option<&str>) -> Self {
        let resolved = match to {
            Some(to) => resolve_range(Kind::Chapter, from, to),
            None => resolve_chapter(from),
        };
        Hit::new(span, resolved, None)
    }

    pub(super) fn new(
        span: Range<usize>,
        resolved: Result<Vec<Target>, String>,
        pinpoint: Option<String>,
    ) -> Self {
        let (targets, problem) = match resolved {
            Ok(targets) => (targets, None),
            Err(problem) => (Vec::new(), Some(problem)),
        };
        Hit {
            span,
            targets,
            pinpoint,
            problem,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) enum Kind {
    Article,
    Chapter,
}

impl Kind {
    /// The number as written, if it is one of the convention's articles or
    /// chapters (roman or arabic figures for a chapter).
    fn number(self, written: &str) -> Option<u8> {
        match self {
            Kind::Article => parse_article(written).ok(),
            Kind::Chapter => parse_chapter(written).ok(),
        }
    }

    fn target(self, n: u8) -> Target {
        match self {
            Kind::Article => Target::Article(n),
            Kind::Chapter => Target::Chapter(n),
        }
    }
}

pub(super) fn resolve_article(written: &str) -> Result<Vec<Target>, String> {
    parse_article(written)
        .map(|n| vec![Target::Article(n)])
        .map_err(|_| TargetError::NoSuchArticle(written.to_string()).to_string())
}

pub(super) fn resolve_chapter(written: &str) -> Result<Vec<Target>, String> {
    parse_chapter(written)
        .map(|n| vec![Target::Chapter(n)])
        .map_err(|_| TargetError::NoSuchChapter(written.to_string()).to_string())
}

pub(super) fn resolve_range(kind: Kind, from: &str, to: &str) -> Result<Vec<Target>, String> {
    match (kind.number(from), kind.number(to)) {
        (Some(a), Some(b)) if a <= b => Ok((a..=b).map(|n| kind.target(n)).collect()),
        (Some(_), Some(_)) => Err(format!(
            "reversed range {from}-{to}: a range runs from the lower number to the higher"
        )),
        _ => Err(match kind {
            Kind::Article => format!(
                "range {from}-{to} reaches outside the articles, which run from 1 to {ARTICLE_COUNT}"
            ),
            Kind::Chapter => format!(
                "range {from}-{to} reaches outside the chapters, which run from I to {}",
                roman(CHAPTER_COUNT).unwrap_or("IX")
            ),
        }),
    }
}
