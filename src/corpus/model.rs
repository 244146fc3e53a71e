//! The data model of a loaded corpus: the convention, the sources and their passages,
//! curated links, concerns and the timeline. Plain data, no I/O.

use super::target::{Target, roman};

/// Where a corpus was loaded from, for messages and for the `--json` output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Dir(std::path::PathBuf),
}

/// A fully loaded and validated corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub origin: Origin,
    pub convention: Convention,
    pub sources: Vec<Source>,
    /// Links an analyst made by reading a passage, resolved to their passage.
    pub curated: Vec<CuratedLink>,
    pub concerns: Vec<Concern>,
    pub timeline: Vec<Event>,
    /// The subject index (`index.json`): the terms that point to each
    /// provision. Empty when a corpus directory has none.
    pub subject: super::subject::SubjectIndex,
}

#[derive(Debug, Clone)]
pub struct Convention {
    pub title: String,
    pub full_title: String,
    pub resolution: String,
    pub adopted: String,
    pub preamble: Preamble,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone)]
pub struct Preamble {
    pub summary: String,
    pub summary_is_official: bool,
    pub text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Chapter {
    /// 1..=9
    pub number: u8,
    pub title: String,
    pub articles: Vec<Article>,
}

impl Chapter {
    pub fn roman(&self) -> &'static str {
        roman(self.number).unwrap_or("?")
    }
    pub fn target(&self) -> Target {
        Target::Chapter(self.number)
    }
    /// `Chapter IV. Procedural measures and law enforcement`
    pub fn heading(&self) -> String {
        format!("Chapter {}. {}", self.roman(), self.title)
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    /// 1..=68
    pub number: u8,
    pub title: String,
    /// Chapter number, 1..=9.
    pub chapter: u8,
    /// Written in the project's own words; never the authentic text unless
    /// `summary_is_official` says so.
    pub summary: String,
    pub summary_is_official: bool,
    /// The authentic text, when the corpus has it.
    pub text: Option<String>,
}

impl Article {
    pub fn target(&self) -> Target {
        Target::Article(self.number)
    }
    /// `Art. 23 Scope of procedural measures`
    pub fn heading(&self) -> String {
        format!("Art. {} {}", self.number, self.title)
    }
}

/// Bibliographic data of a source; `None` means unknown, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub kind: Option<String>,
    pub origin: Option<String>,
    /// The short name the user chose (`short:` in the front matter); once a
    /// corpus is loaded, the unique name every view shows (see
    /// [`Corpus::settle_short_names`]).
    pub short: Option<String>,
    /// Fields the source does not state but an analyst inferred, by key
    /// (`date`), with the reason; a value without an entry here is stated.
    pub inferred: std::collections::BTreeMap<String, String>,
}

impl SourceMeta {
    /// Why the value of `key` is inferred, when the source does not state it.
    pub fn inferred(&self, key: &str) -> Option<&str> {
        self.inferred.get(key).map(String::as_str)
    }

    /// The value of a field by its front-matter key.
    pub fn value(&self, key: &str) -> Option<&str> {
        match key {
            "title" => self.title.as_deref(),
            "author" => self.author.as_deref(),
            "publisher" => self.publisher.as_deref(),
            "date" => self.date.as_deref(),
            "url" => self.url.as_deref(),
            "kind" => self.kind.as_deref(),
            "origin" => self.origin.as_deref(),
            "short" => self.short.as_deref(),
            _ => None,
        }
    }

    /// A field as a reader should see it: `2024-02 (inferred: reason)` for an
    /// inferred value, the value alone for a stated one, `None` when unknown.
    pub fn shown(&self, key: &str) -> Option<String> {
        let value = self.value(key)?;
        Some(match self.inferred(key) {
            Some(why) => format!("{value} (inferred: {why})"),
            None => value.to_string(),
        })
    }

    /// The date as [`SourceMeta::shown`] gives it.
    pub fn date_shown(&self) -> Option<String> {
        self.shown("date")
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    /// The file name without extension; stable, used on the command line.
    pub id: String,
    /// The file it came from, as shown in messages (`data/sources/zamora.md`).
    pub path: String,
    pub meta: SourceMeta,
    pub passages: Vec<Passage>,
    pub headings: Vec<Heading>,
    /// True for sources the user imported into their own library.
    pub user: bool,
}

impl Source {
    /// The short name as the explorer shows it: a source from the user's own
    /// library says so, so it is never taken for one of the seed critiques.
    pub fn marked_name(&self) -> String {
        if self.user {
            format!("{} (yours)", self.short_name())
        } else {
            self.short_name()
        }
    }

    /// The short name for lists, locations, bookmarks, slides and briefs:
    /// the one set in the front matter (made unique when the corpus was
    /// loaded), else one made from the title, then the publisher, then the
    /// file name. Never a fragment of an author field: "Policy Unit, Ministry
    /// of Foreign Affairs" is not "Affairs".
    pub fn short_name(&self) -> String {
        match self.meta.short.as_deref().map(crate::text::one_line) {
            Some(short) if !short.is_empty() => short,
            _ => self.derived_short_name(),
        }
    }

    /// The short name made from the metadata alone.
    fn derived_short_name(&self) -> String {
        let from = |v: &Option<String>| v.as_deref().and_then(shorten);
        from(&self.meta.title)
            .or_else(|| from(&self.meta.publisher))
            .or_else(|| {
                let origin = self.meta.origin.as_deref().unwrap_or_default();
                let file = origin.rsplit(['/', '\\']).next().unwrap_or_default();
                let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
                // Built-in sources' origins are machine names (`003_cc6a…`).
                (self.user && !stem.is_empty())
                    .then(|| shorten(stem))
                    .flatten()
            })
            .unwrap_or_else(|| self.id.clone())
    }

    /// The title, or a clear stand-in when the source has none.
    pub fn display_title(&self) -> String {
        match &self.meta.title {
            Some(t) => t.clone(),
            None => match self.meta.author.as_ref().or(self.meta.publisher.as_ref()) {
                Some(by) => format!("{by} (title unknown)"),
                None => format!("{} (title unknown)", self.id),
            },
        }
    }

    /// Headings that stand right before passage index `index`.
    pub fn headings_before(&self, index: usize) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(move |h| h.before == index)
    }
}

/// Longest short name made from a title or publisher, in words and cells.
const SHORT_WORDS: usize = 5;
const SHORT_CELLS: usize = 32;

/// A name from a title or publisher: its main part (before a colon or a
/// dash), at most [`SHORT_WORDS`] whole words; a long name that ends in an
/// acronym in brackets is the acronym. `None` when nothing is left.
fn shorten(text: &str) -> Option<String> {
    let text = crate::text::one_line(text);
    let main = [": ", " – ", " — ", " - ", "? "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .map_or(text.as_str(), |at| &text[..at])
        .trim();
    let main = if main.is_empty() { text.as_str() } else { main };
    if crate::text::width(main) > SHORT_CELLS
        && let Some(acronym) = main
            .strip_suffix(')')
            .and_then(|m| m.rsplit_once('('))
            .map(|(_, a)| a.trim())
            .filter(|a| !a.is_empty() && !a.contains(' '))
    {
        return Some(acronym.to_string());
    }
    let mut out = String::new();
    for word in main.split(' ').take(SHORT_WORDS) {
        let longer = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if crate::text::width(&longer) > SHORT_CELLS && !out.is_empty() {
            break;
        }
        out = longer;
    }
    // A name does not end on a dangling little word ("Memo on the").
    while let Some((rest, last)) = out.rsplit_once(' ')
        && [
            "a", "an", "the", "of", "on", "in", "for", "and", "to", "by", "with", "de", "du", "la",
            "le", "el",
        ]
        .contains(&last.to_lowercase().as_str())
    {
        out = rest.to_string();
    }
    let out = out.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    (!out.is_empty()).then(|| out.to_string())
}

/// A numbered paragraph of a source's body: the unit that links point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// 1-based paragraph number, as cited (`para 9`).
    pub number: usize,
    /// The paragraph word for word, its lines joined by `\n`.
    pub text: String,
    /// 1-based line in the source file where the paragraph starts.
    pub line: usize,
}

/// A section heading in a source body; not a passage, not numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Index of the passage that follows it (== passages.len() at the end).
    pub before: usize,
    pub level: u8,
    pub text: String,
}

/// Identifies a passage: index of the source in `Corpus::sources`, index of the
/// passage in `Source::passages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassageId {
    pub source: usize,
    pub index: usize,
}

/// How a passage treats the provisions it is linked to, as a legal citator
/// records the treatment of a cited case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Treatment {
    /// Finds fault with the provision.
    Criticises,
    /// Asks to amend or delete it, to add a safeguard, or not to ratify.
    ProposesChange,
    /// Approves of it.
    Welcomes,
    /// Refers to it without judging it.
    Mentions,
}

impl Treatment {
    pub const ALL: [Treatment; 4] = [
        Treatment::Criticises,
        Treatment::ProposesChange,
        Treatment::Welcomes,
        Treatment::Mentions,
    ];

    /// The word used in the data and in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Treatment::Criticises => "criticises",
            Treatment::ProposesChange => "proposes-change",
            Treatment::Welcomes => "welcomes",
            Treatment::Mentions => "mentions",
        }
    }

    pub fn from_name(name: &str) -> Option<Treatment> {
        Treatment::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The rank of a treatment for "most critical first": criticises (0),
    /// proposes a change (1), then anything else or none recorded (2).
    pub fn critical_rank(t: Option<Treatment>) -> u8 {
        match t {
            Some(Treatment::Criticises) => 0,
            Some(Treatment::ProposesChange) => 1,
            _ => 2,
        }
    }
}

/// An analyst's link from a passage to provisions it discusses without citing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CuratedLink {
    pub passage: PassageId,
    pub quote: String,
    pub targets: Vec<Target>,
    pub reason: String,
    pub treatment: Treatment,
    /// For `ProposesChange`: what the passage asks for, in the analyst's words.
    pub asks: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concern {
    pub id: String,
    pub title: String,
    pub description: String,
    pub passages: Vec<PassageId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: String,
    pub event: String,
    /// The passage that states it, when a source does.
    pub passage: Option<PassageId>,
    /// Where the fact comes from when no source passage states it.
    pub reference: Option<String>,
}

impl Corpus {
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.convention
            .chapters
            .iter()
            .flat_map(|c| c.articles.iter())
    }

    pub fn article(&self, number: u8) -> Option<&Article> {
        self.articles().find(|a| a.number == number)
    }

    pub fn chapter(&self, number: u8) -> Option<&Chapter> {
        self.convention.chapters.iter().find(|c| c.number == number)
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// Ids of the sources that come with the corpus, not from the user's
    /// library: an import never takes one of them.
    pub fn builtin_source_ids(&self) -> Vec<String> {
        self.sources
            .iter()
            .filter(|s| !s.user)
            .map(|s| s.id.clone())
            .collect()
    }

    /// The corpus with its short names settled (see
    /// [`Corpus::settle_short_names`]).
    pub fn settled(mut self) -> Self {
        self.settle_short_names();
        self
    }

    /// Gives every source the short name all views show, unique across the
    /// corpus (compared without case): earlier sources (the built-in ones come
    /// first) keep theirs, a later source whose name is taken gets `Name 2`,
    /// `Name 3`. Called once the corpus is loaded and again once the user's
    /// library is merged in.
    pub fn settle_short_names(&mut self) {
        let mut taken: Vec<String> = Vec::new();
        for source in &mut self.sources {
            let base = source.short_name();
            let free = |name: &String| !taken.contains(&name.to_lowercase());
            let name = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base} {n}")))
                .find(free)
                .unwrap_or(base);
            taken.push(name.to_lowercase());
            source.meta.short = Some(name);
        }
    }

    /// The analyst's link from `passage` to `target`, when there is one (a
    /// passage links a target at most once).
    pub fn curated_link(&self, passage: PassageId, target: Target) -> Option<&CuratedLink> {
        self.curated
            .iter()
            .find(|l| l.passage == passage && l.targets.contains(&target))
    }

    /// Every passage's text, one in every few so that about `budget` bytes
    /// are read whatever the corpus's size, spread evenly: word statistics
    /// for the search index and the suggester come from this sample.
    pub fn passage_sample(&self, budget: usize) -> Vec<&str> {
        passage_sample(&self.sources, budget)
    }

    pub fn passage(&self, id: PassageId) -> Option<&Passage> {
        self.sources.get(id.source)?.passages.get(id.index)
    }

    pub fn passage_count(&self) -> usize {
        self.sources.iter().map(|s| s.passages.len()).sum()
    }

    /// All passages in corpus order.
    pub fn passage_ids(&self) -> impl Iterator<Item = PassageId> + '_ {
        self.sources.iter().enumerate().flat_map(|(s, src)| {
            (0..src.passages.len()).map(move |index| PassageId { source: s, index })
        })
    }

    /// `Zamora, para 9`
    pub fn passage_location(&self, id: PassageId) -> String {
        match self.sources.get(id.source) {
            Some(src) => format!("{}, para {}", src.short_name(), id.index + 1),
            None => "?".to_string(),
        }
    }

    /// Human label of a target with its title: `Art. 23 Scope of procedural measures`.
    pub fn target_heading(&self, target: Target) -> String {
        match target {
            Target::Preamble => "Preamble".to_string(),
            Target::Chapter(n) => self
                .chapter(n)
                .map(|c| c.heading())
                .unwrap_or_else(|| target.label()),
            Target::Article(n) => self
                .article(n)
                .map(|a| a.heading())
                .unwrap_or_else(|| target.label()),
        }
    }
}

/// The text of the passages of `sources`, one in every few so that about
/// `budget` bytes are read whatever their size, spread evenly (see
/// [`Corpus::passage_sample`]; the concerns are graded before there is a
/// corpus).
pub fn passage_sample(sources: &[Source], budget: usize) -> Vec<&str> {
    let passages: Vec<&str> = sources
        .iter()
        .flat_map(|s| &s.passages)
        .map(|p| p.text.as_str())
        .collect();
    let bytes: usize = passages.iter().map(|p| p.len()).sum();
    let stride = bytes.div_ceil(budget).max(1);
    passages.into_iter().step_by(stride).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(meta: SourceMeta, user: bool) -> Source {
        Source {
            id: "a-memo".into(),
            path: "a-memo.md".into(),
            meta,
            passages: Vec::new(),
            headings: Vec::new(),
            user,
        }
    }

    #[test]
    fn short_names_never_take_a_fragment_of_the_author() {
        let by = |author: &str| SourceMeta {
            author: Some(author.into()),
            ..SourceMeta::default()
        };
        for author in [
            "Policy Unit, Ministry of Foreign Affairs",
            "Office of the Legal Adviser",
            "Jane Smith",
        ] {
            assert_eq!(source(by(author), true).short_name(), "a-memo", "{author}");
        }
        let meta = SourceMeta {
            title: Some("Memo on Chapter IV safeguards for the delegation".into()),
            publisher: Some("Ministry of Foreign Affairs".into()),
            ..by("Policy Unit, Ministry of Foreign Affairs")
        };
        assert_eq!(
            source(meta.clone(), true).short_name(),
            "Memo on Chapter IV safeguards"
        );
        let meta = SourceMeta {
            title: None,
            ..meta
        };
        assert_eq!(
            source(meta, true).short_name(),
            "Ministry of Foreign Affairs"
        );
        let file = SourceMeta {
            origin: Some("/home/me/Mémo du comité.txt".into()),
            ..by("Jane Smith")
        };
        assert_eq!(source(file, true).short_name(), "Mémo du comité");
    }

    #[test]
    fn shortening_keeps_whole_words_and_the_main_part() {
        assert_eq!(
            shorten("The UN Cybercrime Convention: why it endangers defenders").as_deref(),
            Some("The UN Cybercrime Convention")
        );
        assert_eq!(
            shorten("Global Campus of Human Rights Preparedness Programme (GCHR)").as_deref(),
            Some("GCHR")
        );
        assert_eq!(
            shorten("Notes for the minister on the treaty").as_deref(),
            Some("Notes for the minister")
        );
        assert_eq!(shorten("  \u{1b}  "), Some("\u{FFFD}".to_string()));
        assert_eq!(shorten("   "), None);
    }
}
