//! Search over the corpus: short units (titles, summary sentences, passage
//! sentences), a fuzzy matcher behind a trait, ranking, highlight positions,
//! and a background worker that keeps the UI thread free.

mod fold;
mod highlight;
mod index;
mod matcher;
mod occurrences;
mod query;
mod rank;
mod scale;
mod sentences;
pub mod suggest;
mod unit_match;
mod unitset;
mod words;
mod worker;

pub use fold::fold_char;
pub use highlight::highlight;
pub use index::SearchIndex;
pub use matcher::{Matcher, SkimMatcher};
pub use occurrences::{Closeness, matches, matching_sentences};
pub use query::{Query, Term, named_target};
pub use scale::{FLOOR, Scale};
pub use sentences::sentences;
pub use worker::{DEFAULT_LIMIT, SearchResults, SearchWorker, Waker, lower_this_thread};

use crate::corpus::{Corpus, PassageId, Target};
use std::ops::Range;

/// What a search looks at. Tab cycles through them in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    All,
    /// The convention: articles, chapters and the preamble.
    Articles,
    /// The sources and their passages.
    Sources,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::All, Scope::Articles, Scope::Sources];

    /// The scope Tab moves to.
    pub fn next(self) -> Scope {
        match self {
            Scope::All => Scope::Articles,
            Scope::Articles => Scope::Sources,
            Scope::Sources => Scope::All,
        }
    }

    /// `all`, `articles`, `sources`: the word shown in the UI and accepted on
    /// the command line.
    pub fn name(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Articles => "articles",
            Scope::Sources => "sources",
        }
    }

    /// Whether hits on the convention (articles, chapters, preamble) count.
    pub fn has_convention(self) -> bool {
        self != Scope::Sources
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("'{s}' is not a scope: write all, articles or sources"))
    }
}

/// What a hit is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// An article, or the preamble.
    Article,
    Chapter,
    /// A source's title or byline.
    Source,
    Passage,
}

/// Where a hit leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitPlace {
    Target(Target),
    /// Index into `Corpus::sources`.
    Source(usize),
    Passage(PassageId),
}

impl HitPlace {
    pub fn kind(self) -> HitKind {
        match self {
            HitPlace::Target(Target::Chapter(_)) => HitKind::Chapter,
            HitPlace::Target(_) => HitKind::Article,
            HitPlace::Source(_) => HitKind::Source,
            HitPlace::Passage(_) => HitKind::Passage,
        }
    }
}

/// One search result: a place and the unit of it that matched best.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub place: HitPlace,
    /// `Art. 40`, `Chapter IV`, `Preamble`, `Zamora, para 9`, or a source's id.
    pub location: String,
    /// The article or chapter heading, the source's title, or for a passage
    /// its source's display title.
    pub title: String,
    /// The matched unit (sentence, title, byline), on one line, cleaned.
    pub snippet: String,
    /// Higher is better.
    pub score: i64,
    /// Byte span of the matched sentence in the passage text, or in the
    /// article's (or preamble's) summary. `None` for titles, bylines and
    /// sentences of an authentic text.
    pub span: Option<Range<usize>>,
}

impl Hit {
    /// The `--json` `target` field: `article:23`, `chapter:IV`, `preamble`,
    /// or the source id for sources and passages.
    pub fn target_string(&self, corpus: &Corpus) -> String {
        match self.place {
            HitPlace::Target(t) => t.to_string(),
            HitPlace::Source(s) | HitPlace::Passage(PassageId { source: s, .. }) => corpus
                .sources
                .get(s)
                .map(|src| src.id.clone())
                .unwrap_or_default(),
        }
    }
}
