//! The brief: a short document on a set of provisions (the user's bookmarks,
//! some articles, a concern, a chapter) for a minister or a meeting. A title,
//! the date and the purpose; the user's key points; then per provision its
//! summary (labelled), what the critiques say in one counted line, and at
//! most a few quotations (the user's bookmarked passages first), each passage
//! quoted once; then the sources. The user's own documents are theirs, never
//! "what the critiques say": left out unless asked for, then apart.
//! Writing it as Markdown, text, HTML or DOCX is `crate::export`'s job.

use super::cite::{cite_source, cite_source_entry, convention_name};
use super::data::UserData;
use super::item::{ItemRef, Resolved};
use crate::corpus::target::{TargetError, parse_article};
use crate::corpus::{Corpus, PassageId, Target, Treatment};
use crate::export::{Block, Document, Inline, labelled, para, text};
use crate::refs::graph::{Basis, Link, LinkGraph};
use crate::text::{one_line, plural};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub const SUMMARY_LABEL: &str = "Summary (the project's own words, not the authentic text)";

/// How many quotations a provision gets unless the user says otherwise.
pub const MAX_QUOTES: usize = 3;

/// What goes into a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The user's bookmarks, in their order.
    Bookmarks,
    /// Articles by number, in the order given.
    Articles(Vec<u8>),
    /// A concern by id or title: the provisions its passages discuss.
    Concern(String),
    /// A chapter by number: the chapter as a whole, then every article in it.
    Chapter(u8),
}

impl Selection {
    /// The note that holds this brief's key points (`brief:bookmarks`,
    /// `brief:concern:scope`, `brief:chapter:IV`, `brief:articles:23,24`).
    pub fn key_points_item(&self, corpus: &Corpus) -> ItemRef {
        ItemRef::Brief(match self {
            Selection::Bookmarks => "bookmarks".to_string(),
            Selection::Articles(numbers) => {
                let n: Vec<String> = numbers.iter().map(u8::to_string).collect();
                format!("articles:{}", n.join(","))
            }
            Selection::Concern(name) => format!(
                "concern:{}",
                find_concern(corpus, name).map_or(name.as_str(), |c| c.id.as_str())
            ),
            Selection::Chapter(n) => Target::Chapter(*n).to_string(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Text,
    /// One self-contained HTML file that prints well.
    Html,
    /// A Word document.
    Docx,
}

impl FromStr for Format {
    type Err = BriefError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "txt" | "text" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "docx" | "word" => Ok(Format::Docx),
            other => Err(BriefError::NoSuchFormat(other.to_string())),
        }
    }
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BriefError {
    #[error(
        "you have no bookmarks yet: add some with `treaty bookmarks add 23` (or in the explorer)"
    )]
    NoBookmarks,
    #[error("no concern '{0}': the concerns are {1}")]
    NoSuchConcern(String, String),
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(
        "say which articles to export: --article 23 (or --bookmarks, --concern ID, --chapter IV)"
    )]
    NoArticles,
    #[error("unknown format '{0}': use md, txt, html or docx")]
    NoSuchFormat(String),
    #[error("a DOCX brief is not text: write it to a file (treaty export ... -o brief.docx)")]
    NotText,
    #[error("{0}")]
    Write(String),
}

/// What the user chose besides the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// At most this many quotations per provision.
    pub max_quotes: usize,
    /// Quote the user's own documents too, in a section of their own.
    pub include_mine: bool,
    /// The title; by default one made from the selection.
    pub title: Option<String>,
    /// What the brief is for, in a line under the title.
    pub purpose: Option<String>,
    /// The date line (`YYYY-MM-DD`); by default today.
    pub date: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_quotes: MAX_QUOTES,
            include_mine: false,
            title: None,
            purpose: None,
            date: None,
        }
    }
}

/// Reads article numbers as given on the command line (`23`, `art. 23`).
pub fn parse_articles(words: &[String]) -> Result<Vec<u8>, BriefError> {
    words
        .iter()
        .flat_map(|w| w.split(','))
        .map(|w| {
            w.trim()
                .trim_start_matches("art.")
                .trim_start_matches("article")
        })
        .filter(|w| !w.trim().is_empty())
        .map(|w| parse_article(w).map_err(BriefError::from))
        .collect()
}

/// The brief as text, dated today, with the default options (what `x` in
/// the explorer writes). DOCX is not text: see [`render`].
pub fn brief(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
    format: Format,
) -> Result<String, BriefError> {
    let doc = document(corpus, graph, user, selection, &Options::default())?;
    let bytes = render(&doc, format)?;
    String::from_utf8(bytes).map_err(|_| BriefError::NotText)
}

/// The brief in `format`: UTF-8 text, or the bytes of a DOCX file.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, BriefError> {
    Ok(match format {
        Format::Markdown => crate::export::markdown(doc).into_bytes(),
        Format::Text => crate::export::plain(doc).into_bytes(),
        Format::Html => crate::export::html(doc).into_bytes(),
        Format::Docx => crate::export::docx(doc).map_err(BriefError::Write)?,
    })
}

/// Writes `bytes` to `dir/NAME` where NAME is `stem.ext`, or `stem-2.ext`,
/// `stem-3.ext`... whichever does not exist yet: a brief never overwrites
/// another. The name is taken with an exclusive create before the content
/// is written atomically, so two writers cannot pick the same one.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => {
                return match crate::store::write_atomic(&path, bytes) {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        let _ = std::fs::remove_file(&path);
                        Err(e.to_string())
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("cannot write {}: {e}", path.display())),
        }
    }
    Err(format!(
        "{} holds too many briefs named {stem}",
        dir.display()
    ))
}

/// [`write_new`] for a wished-for path: `dir/treaty-brief-2025-01-02.md`
/// is written as it is, or as `...-2.md` when that exists. Returns the path
/// written.
pub fn write_unused(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "treaty-brief".into());
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), "md"));
    write_new(dir, stem, ext, bytes)
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A concern by id or by title, without case, spaces and dashes alike, or
/// by the start of one title only (`dual criminality` finds "Dual
/// criminality and transnational repression", id `dual-criminality`).
pub fn find_concern<'c>(corpus: &'c Corpus, name: &str) -> Option<&'c crate::corpus::Concern> {
    let words = |s: &str| -> String {
        one_line(s)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = words(name);
    let wanted = wanted
        .strip_prefix("concern ")
        .map_or(wanted.as_str(), str::trim)
        .to_string();
    if wanted.is_empty() {
        return None;
    }
    let concerns = &corpus.concerns;
    if let Some(c) = concerns
        .iter()
        .find(|c| words(&c.id) == wanted || words(&c.title) == wanted)
    {
        return Some(c);
    }
    let prefix = format!("{wanted} ");
    let mut starts = concerns
        .iter()
        .filter(|c| words(&c.title).starts_with(&prefix) || words(&c.id).starts_with(&prefix));
    match (starts.next(), starts.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The brief as a document, ready for any format.
pub fn document(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
    options: &Options,
) -> Result<Document, BriefError> {
    let plan = plan(corpus, graph, user, selection, options)?;
    let mut w = Writer {
        corpus,
        graph,
        user,
        options,
        doc: Document::default(),
        quoted: HashSet::new(),
        sources: Vec::new(),
        bookmarked: plan.bookmarked.clone(),
    };
    let title = match &options.title {
        Some(t) if !t.trim().is_empty() => one_line(t),
        _ => format!("Brief: {}", plan.subject),
    };
    w.doc.push(Block::Title(title));
    let date = options.date.clone().unwrap_or_else(today);
    w.doc.push(labelled("Date", vec![text(date)]));
    let purpose = match &options.purpose {
        Some(p) if !p.trim().is_empty() => one_line(p),
        _ => format!(
            "What civil-society critiques say about {}{}.",
            plan.about,
            if options.max_quotes == 0 {
                ""
            } else {
                ", with a few quotations from them"
            }
        ),
    };
    w.doc.push(labelled("Purpose", vec![text(purpose)]));
    w.doc.push(para(format!(
        "On the {}. Article summaries are the project's own words, not the authentic text; \
         quotations are the critics' own words, numbered to the sources at the end.",
        convention_name(corpus)
    )));
    if let Some(points) = user.note(&selection.key_points_item(corpus)) {
        w.doc.push(Block::Heading(1, "Key points".to_string()));
        w.doc.push(Block::Note {
            label: "Written by you".to_string(),
            text: points.to_string(),
        });
    }
    if let Some(intro) = &plan.intro {
        w.doc
            .push(labelled("The concern", vec![text(intro.clone())]));
    }
    for section in &plan.sections {
        match section {
            Section::Provision { target, only } => w.provision(*target, only.as_deref()),
            Section::Passage(id) => w.lone_passage(*id),
            Section::Passages { heading, passages } => w.passages(heading, passages),
            Section::Source(i) => w.source(*i),
            Section::Missing(items) => w.missing(items),
        }
    }
    if plan.mine_left_out > 0 {
        w.doc.push(para(format!(
            "Left out: {} passage{} of your own documents; they are yours, not the critiques. \
             Export with --include-mine (or --with-own) to add them in a section of their own.",
            plan.mine_left_out,
            plural(plan.mine_left_out)
        )));
    }
    w.source_list();
    Ok(w.doc)
}

struct Plan {
    /// `Art. 24 and Art. 23` for the title.
    subject: String,
    /// The same in words for the purpose line.
    about: String,
    intro: Option<String>,
    sections: Vec<Section>,
    /// Bookmarked passages, in the user's order: quoted first where they fit.
    bookmarked: Vec<PassageId>,
    /// Passages of the user's own documents the brief would otherwise show.
    mine_left_out: usize,
}

enum Section {
    /// A provision; `only` keeps the passages of a concern.
    Provision {
        target: Target,
        only: Option<Vec<PassageId>>,
    },
    /// A bookmarked passage that none of the brief's provisions quotes.
    Passage(PassageId),
    Passages {
        heading: String,
        passages: Vec<PassageId>,
    },
    /// A bookmarked source, by index.
    Source(usize),
    /// Bookmarks that no longer resolve, kept visible rather than dropped.
    Missing(Vec<(ItemRef, String)>),
}

fn plan(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
    options: &Options,
) -> Result<Plan, BriefError> {
    let provision = |target| Section::Provision { target, only: None };
    let mine = |id: PassageId| corpus.sources.get(id.source).is_some_and(|s| s.user);
    let mut plan = match selection {
        Selection::Articles(numbers) => {
            let mut seen = Vec::new();
            for &n in numbers {
                if corpus.article(n).is_none() {
                    return Err(TargetError::NoSuchArticle(n.to_string()).into());
                }
                if !seen.contains(&n) {
                    seen.push(n);
                }
            }
            if seen.is_empty() {
                return Err(BriefError::NoArticles);
            }
            let labels: Vec<String> = seen.iter().map(|n| format!("Art. {n}")).collect();
            Plan {
                subject: and_list(&labels),
                about: and_list(&labels),
                intro: None,
                sections: seen
                    .into_iter()
                    .map(|n| provision(Target::Article(n)))
                    .collect(),
                bookmarked: Vec::new(),
                mine_left_out: 0,
            }
        }
        Selection::Chapter(n) => {
            let chapter = corpus
                .chapter(*n)
                .ok_or_else(|| TargetError::NoSuchChapter(n.to_string()))?;
            let mut sections = vec![provision(Target::Chapter(*n))];
            sections.extend(chapter.articles.iter().map(|a| provision(a.target())));
            Plan {
                subject: one_line(&chapter.heading()),
                about: format!("{} and its articles", Target::Chapter(*n).label()),
                intro: None,
                sections,
                bookmarked: Vec::new(),
                mine_left_out: 0,
            }
        }
        Selection::Concern(name) => concern_plan(corpus, graph, name)?,
        Selection::Bookmarks => bookmarks_plan(corpus, graph, user, options)?,
    };
    if !options.include_mine {
        // Counted once per passage, over what the brief's provisions show.
        let mut left: HashSet<PassageId> = HashSet::new();
        for section in &plan.sections {
            if let Section::Provision { target, only } = section {
                left.extend(
                    graph
                        .cited_by(*target)
                        .into_iter()
                        .map(|l| l.passage)
                        .filter(|p| mine(*p) && only.as_ref().is_none_or(|o| o.contains(p))),
                );
            }
        }
        plan.mine_left_out += left.len();
    }
    Ok(plan)
}

/// `Art. 24`, `Art. 24 and Art. 23`, `Art. 24, Art. 23 and Art. 30`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn concern_plan(corpus: &Corpus, graph: &LinkGraph, name: &str) -> Result<Plan, BriefError> {
    let Some(concern) = find_concern(corpus, name) else {
        let ids: Vec<String> = corpus
            .concerns
            .iter()
            .map(|c| format!("{} ({})", c.id, one_line(&c.title)))
            .collect();
        return Err(BriefError::NoSuchConcern(one_line(name), ids.join(", ")));
    };
    let mut targets: Vec<Target> = Vec::new();
    let mut unlinked = Vec::new();
    for &p in &concern.passages {
        let links = graph.links_of(p);
        if links.is_empty() {
            unlinked.push(p);
        }
        targets.extend(links.iter().map(|l| l.target));
    }
    // Convention order: each chapter as a whole, then its articles.
    targets.sort_by_key(|t| match *t {
        Target::Preamble => (0, 0, 0),
        Target::Chapter(n) => (n, 0, 0),
        Target::Article(a) => (corpus.article(a).map_or(u8::MAX, |x| x.chapter), 1, a),
    });
    targets.dedup();
    let mut sections: Vec<Section> = targets
        .into_iter()
        .map(|target| Section::Provision {
            target,
            only: Some(concern.passages.clone()),
        })
        .collect();
    if !unlinked.is_empty() {
        sections.push(Section::Passages {
            heading: "Other passages on this concern".to_string(),
            passages: unlinked,
        });
    }
    let title = one_line(&concern.title);
    Ok(Plan {
        subject: format!("the concern \"{title}\""),
        about: format!("the concern \"{title}\" ({})", concern.id),
        intro: Some(one_line(&concern.description)),
        sections,
        bookmarked: Vec::new(),
        mine_left_out: 0,
    })
}

fn bookmarks_plan(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    options: &Options,
) -> Result<Plan, BriefError> {
    let bookmarks = user.bookmarks();
    if bookmarks.is_empty() {
        return Err(BriefError::NoBookmarks);
    }
    let mut resolved = Vec::new();
    let mut missing = Vec::new();
    for item in bookmarks.iter() {
        match item.resolve(corpus) {
            Ok(r) => resolved.push(r),
            Err(e) => missing.push((item.clone(), e.to_string())),
        }
    }
    let targets: Vec<Target> = resolved
        .iter()
        .filter_map(|r| match r {
            Resolved::Target(t) => Some(*t),
            _ => None,
        })
        .collect();
    let mine = |id: PassageId| corpus.sources.get(id.source).is_some_and(|s| s.user);
    let mut sections = Vec::new();
    let mut bookmarked = Vec::new();
    let mut mine_left_out = 0;
    let mut labels = Vec::new();
    for r in resolved {
        match r {
            Resolved::Target(target) => {
                labels.push(target.label());
                sections.push(Section::Provision { target, only: None });
            }
            Resolved::Passage(id) if mine(id) && !options.include_mine => mine_left_out += 1,
            Resolved::Passage(id) => {
                bookmarked.push(id);
                // Quoted under a bookmarked provision it discusses, if any;
                // else on its own, where the user put it.
                let under = graph
                    .links_of(id)
                    .iter()
                    .any(|l| targets.contains(&l.target));
                if !under {
                    labels.push(corpus.passage_location(id));
                    sections.push(Section::Passage(id));
                }
            }
            Resolved::Source(i) => {
                if let Some(s) = corpus.sources.get(i) {
                    labels.push(one_line(&s.short_name()));
                }
                sections.push(Section::Source(i));
            }
        }
    }
    if !missing.is_empty() {
        sections.push(Section::Missing(missing));
    }
    let n = bookmarks.len();
    let subject = if labels.is_empty() {
        format!("your bookmarks ({n} item{})", plural(n))
    } else {
        and_list(&labels)
    };
    Ok(Plan {
        about: subject.clone(),
        subject,
        intro: None,
        sections,
        bookmarked,
        mine_left_out,
    })
}

/// The document being written, what it has quoted, and the sources in the
/// order of their first quotation (their numbers in the list at the end).
struct Writer<'a> {
    corpus: &'a Corpus,
    graph: &'a LinkGraph,
    user: &'a UserData,
    options: &'a Options,
    doc: Document,
    quoted: HashSet<PassageId>,
    sources: Vec<usize>,
    bookmarked: Vec<PassageId>,
}

impl Writer<'_> {
    fn is_mine(&self, id: PassageId) -> bool {
        self.corpus.sources.get(id.source).is_some_and(|s| s.user)
    }

    /// `[2]`: the number of the source in the list at the end.
    fn source_number(&mut self, source: usize) -> usize {
        match self.sources.iter().position(|&s| s == source) {
            Some(k) => k + 1,
            None => {
                self.sources.push(source);
                self.sources.len()
            }
        }
    }

    /// A passage quoted in full with where it is from; a link made by
    /// reading says so and why; then the user's note on it.
    fn quote(&mut self, id: PassageId, link: Option<&Link>) {
        let Some(passage) = self.corpus.passage(id) else {
            return;
        };
        self.quoted.insert(id);
        let number = self.source_number(id.source);
        let name = self.corpus.sources[id.source].marked_name();
        self.doc.push(Block::Quote {
            text: passage.text.clone(),
            attribution: vec![
                text(format!("{}, para {} ", one_line(&name), passage.number)),
                Inline::SourceRef(number),
            ],
        });
        if let Some(l) = link
            && let Basis::Inferred { reason } = &l.basis
        {
            let how = treatment(self.corpus, l);
            let label = match &how {
                Some((t, _)) => format!(
                    "Linked by an analyst's reading, not by a citation ({}):",
                    treats(*t, 1)
                ),
                None => "Linked by an analyst's reading, not by a citation:".to_string(),
            };
            let mut runs = vec![
                Inline::Emphasis(label),
                text(format!(" {}", one_line(reason))),
            ];
            if let Some((_, Some(asks))) = how {
                runs.push(text(" "));
                runs.push(Inline::Emphasis("It asks:".into()));
                runs.push(text(format!(" {}", one_line(&asks))));
            }
            self.doc.push(Block::Paragraph(runs));
        }
        if let Some(note) = ItemRef::passage(self.corpus, id).and_then(|i| self.user.note(&i)) {
            self.doc.push(Block::Note {
                label: "Your note on this passage".into(),
                text: note.to_string(),
            });
        }
    }

    /// The passages to quote from `links`: bookmarked ones first (in the
    /// user's order), then those that cite the provision, then those that
    /// discuss it, most on-point first (linked to fewer provisions), one per
    /// source before a second from the same; none quoted before.
    fn choose<'l>(&self, links: &[&'l Link]) -> Vec<&'l Link> {
        let mut candidates: Vec<&Link> = links
            .iter()
            .copied()
            .filter(|l| !self.quoted.contains(&l.passage))
            .collect();
        candidates.sort_by_key(|l| {
            (
                self.bookmarked
                    .iter()
                    .position(|&b| b == l.passage)
                    .unwrap_or(usize::MAX),
                !l.basis.is_cited(),
                self.graph.links_of(l.passage).len(),
                l.passage,
            )
        });
        let mut chosen: Vec<&Link> = Vec::new();
        let max = self.options.max_quotes;
        for pass in 0..2 {
            for &l in &candidates {
                if chosen.len() >= max {
                    break;
                }
                let first_of_source = !chosen.iter().any(|c| c.passage.source == l.passage.source);
                let wanted = self.bookmarked.contains(&l.passage) || first_of_source || pass == 1;
                if wanted && !chosen.iter().any(|c| c.passage == l.passage) {
                    chosen.push(l);
                }
            }
        }
        // Shown in the order chosen; bookmarks lead.
        chosen
    }

    fn provision(&mut self, target: Target, only: Option<&[PassageId]>) {
        let corpus = self.corpus;
        self.doc
            .push(Block::Heading(1, one_line(&corpus.target_heading(target))));
        match target {
            Target::Article(n) => {
                if let Some(a) = corpus.article(n) {
                    if let Some(c) = corpus.chapter(a.chapter) {
                        self.doc
                            .push(Block::Paragraph(vec![Inline::Emphasis(one_line(
                                &c.heading(),
                            ))]));
                    }
                    let label = if a.summary_is_official {
                        "Text"
                    } else {
                        SUMMARY_LABEL
                    };
                    self.doc
                        .push(labelled(label, vec![text(a.summary.clone())]));
                }
            }
            Target::Chapter(n) => {
                if let Some(c) = corpus.chapter(n) {
                    let list: Vec<String> = c
                        .articles
                        .iter()
                        .map(|a| format!("{} {}", a.number, one_line(&a.title)))
                        .collect();
                    self.doc
                        .push(labelled("Its articles", vec![text(list.join("; "))]));
                }
            }
            Target::Preamble => {
                let p = &corpus.convention.preamble;
                let label = if p.summary_is_official {
                    "Text"
                } else {
                    SUMMARY_LABEL
                };
                self.doc
                    .push(labelled(label, vec![text(p.summary.clone())]));
            }
        }
        if let Some(note) = self.user.note(&ItemRef::Target(target)) {
            self.doc.push(Block::Note {
                label: "Your note".into(),
                text: note.to_string(),
            });
        }
        let graph = self.graph;
        let links: Vec<&Link> = graph
            .cited_by(target)
            .into_iter()
            .filter(|l| only.is_none_or(|keep| keep.contains(&l.passage)))
            .collect();
        let (mine, critiques): (Vec<&Link>, Vec<&Link>) =
            links.into_iter().partition(|l| self.is_mine(l.passage));
        let chosen = self.choose(&critiques);
        self.doc.push(labelled(
            "What the critiques say",
            vec![text(counted(
                corpus,
                &critiques,
                chosen.len(),
                self.options.max_quotes,
                only.is_some(),
            ))],
        ));
        for l in chosen {
            self.quote(l.passage, Some(l));
        }
        if self.options.include_mine && !mine.is_empty() {
            let chosen = self.choose(&mine);
            self.doc.push(labelled(
                "From your own documents (not critiques)",
                vec![text(
                    counted(corpus, &mine, chosen.len(), self.options.max_quotes, false)
                        .replace(" source", " document"),
                )],
            ));
            for l in chosen {
                self.quote(l.passage, Some(l));
            }
        }
    }

    fn lone_passage(&mut self, id: PassageId) {
        if self.quoted.contains(&id) {
            return;
        }
        let corpus = self.corpus;
        let Some(source) = corpus.sources.get(id.source) else {
            return;
        };
        let number = corpus.passage(id).map_or(id.index + 1, |p| p.number);
        self.doc.push(Block::Heading(
            1,
            format!("{}, para {number}", one_line(&source.marked_name())),
        ));
        let linked = linked_to(self.graph, id);
        if !linked.is_empty() {
            self.doc.push(labelled("Discusses", vec![text(linked)]));
        }
        self.quote(id, None);
    }

    fn passages(&mut self, heading: &str, passages: &[PassageId]) {
        let todo: Vec<PassageId> = passages
            .iter()
            .copied()
            .filter(|p| !self.quoted.contains(p))
            .filter(|p| self.options.include_mine || !self.is_mine(*p))
            .collect();
        if todo.is_empty() {
            return;
        }
        self.doc.push(Block::Heading(1, heading.to_string()));
        for id in todo.into_iter().take(self.options.max_quotes.max(1)) {
            self.quote(id, None);
        }
    }

    fn source(&mut self, i: usize) {
        let Some(s) = self.corpus.sources.get(i) else {
            return;
        };
        let number = self.source_number(i);
        self.doc.push(Block::Heading(1, one_line(&s.marked_name())));
        self.doc.push(Block::Paragraph(vec![
            text(cite_source(self.corpus, i)),
            text(" "),
            Inline::SourceRef(number),
        ]));
        let critiques: Vec<&Link> = (0..s.passages.len())
            .flat_map(|index| self.graph.links_of(PassageId { source: i, index }))
            .collect();
        let provisions: HashSet<Target> = critiques.iter().map(|l| l.target).collect();
        let discussing = critiques
            .iter()
            .map(|l| l.passage)
            .collect::<HashSet<_>>()
            .len();
        self.doc.push(para(format!(
            "{} paragraph{}; {discussing} of them discuss{} {} provision{} of the convention.",
            s.passages.len(),
            plural(s.passages.len()),
            if discussing == 1 { "es" } else { "" },
            provisions.len(),
            plural(provisions.len())
        )));
        if let Some(note) = self.user.note(&ItemRef::Source(s.id.clone())) {
            self.doc.push(Block::Note {
                label: "Your note on this source".into(),
                text: note.to_string(),
            });
        }
    }

    fn missing(&mut self, items: &[(ItemRef, String)]) {
        self.doc.push(Block::Heading(
            1,
            "Bookmarks not in this corpus".to_string(),
        ));
        for (item, why) in items {
            self.doc.push(para(format!("{item}: {why}")));
        }
    }

    /// Every source quoted or bookmarked, numbered as cited in the text,
    /// with what is known of it and nothing for what is not.
    fn source_list(&mut self) {
        if self.sources.is_empty() {
            return;
        }
        self.doc.push(Block::Heading(1, "Sources".to_string()));
        let items = self
            .sources
            .iter()
            .map(|&i| cite_source_entry(self.corpus, i))
            .collect();
        self.doc.push(Block::Numbered(items));
    }
}

/// `7 passages in 4 sources: 3 cite it, 4 discuss it without citing it
/// (linked by an analyst's reading); 3 quoted below.`
fn counted(corpus: &Corpus, links: &[&Link], quoted: usize, max: usize, selection: bool) -> String {
    if links.is_empty() {
        return if selection {
            "no passage on this concern discusses it.".to_string()
        } else {
            "no passage in the corpus discusses it.".to_string()
        };
    }
    let passages: HashSet<PassageId> = links.iter().map(|l| l.passage).collect();
    let sources: HashSet<usize> = passages.iter().map(|p| p.source).collect();
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    let inferred = links.len() - cited;
    let mut parts = Vec::new();
    if cited > 0 {
        parts.push(format!(
            "{cited} cite{} it",
            if cited == 1 { "s" } else { "" }
        ));
    }
    if inferred > 0 {
        // How the passages linked by reading treat it, as the analyst read them.
        let treated: Vec<String> = Treatment::ALL
            .into_iter()
            .filter_map(|t| {
                let n = links
                    .iter()
                    .filter(|l| treatment(corpus, l).is_some_and(|(x, _)| x == t))
                    .count();
                (n > 0).then(|| format!("{n} {}", treats(t, n)))
            })
            .collect();
        let how = if treated.is_empty() {
            String::new()
        } else {
            format!(": {}", treated.join(", "))
        };
        parts.push(format!(
            "{inferred} discuss{} it without citing it (linked by an analyst's reading{how})",
            if inferred == 1 { "es" } else { "" }
        ));
    }
    format!(
        "{} passage{} in {} source{}: {}; {}.",
        passages.len(),
        plural(passages.len()),
        sources.len(),
        plural(sources.len()),
        parts.join(", "),
        match quoted {
            0 if max == 0 => "none quoted".to_string(),
            0 => "none quoted below (each is quoted once, above)".to_string(),
            n if n == passages.len() =>
                format!("{} quoted below", if n == 1 { "it is" } else { "all are" }),
            n => format!("{n} quoted below"),
        }
    )
}

/// How a link made by reading treats its provision, and what the passage
/// asks for when it proposes a change; `None` for a citation.
fn treatment(corpus: &Corpus, link: &Link) -> Option<(Treatment, Option<String>)> {
    match link.basis {
        Basis::Cited { .. } => None,
        Basis::Inferred { .. } => corpus
            .curated_link(link.passage, link.target)
            .map(|c| (c.treatment, c.asks.clone())),
    }
}

/// `criticises it` / `criticise it`, agreeing with a count.
fn treats(t: Treatment, n: usize) -> &'static str {
    match (t, n == 1) {
        (Treatment::Criticises, true) => "criticises it",
        (Treatment::Criticises, false) => "criticise it",
        (Treatment::ProposesChange, true) => "proposes a change",
        (Treatment::ProposesChange, false) => "propose changes",
        (Treatment::Welcomes, true) => "welcomes it",
        (Treatment::Welcomes, false) => "welcome it",
        (Treatment::Mentions, true) => "mentions it",
        (Treatment::Mentions, false) => "mention it",
    }
}

/// What a passage is linked to: the provisions it cites, then those an
/// analyst linked it to by reading, with the reason
/// (`Art. 23 (cited) · Art. 2 (by reading: Definitions are ...)`).
fn linked_to(graph: &LinkGraph, id: PassageId) -> String {
    let mut cited: Vec<String> = Vec::new();
    let mut inferred: Vec<(String, Vec<String>)> = Vec::new();
    for l in graph.links_of(id) {
        match &l.basis {
            Basis::Cited { .. } => cited.push(l.target.label()),
            Basis::Inferred { reason } => {
                let reason = one_line(reason);
                match inferred.iter_mut().find(|(r, _)| *r == reason) {
                    Some((_, targets)) => targets.push(l.target.label()),
                    None => inferred.push((reason, vec![l.target.label()])),
                }
            }
        }
    }
    let mut parts = Vec::new();
    if !cited.is_empty() {
        parts.push(format!("{} (cited)", cited.join(", ")));
    }
    for (reason, targets) in inferred {
        parts.push(format!(
            "{} (linked by an analyst's reading: {reason})",
            targets.join(", ")
        ));
    }
    // Reasons contain semicolons of their own: groups are set apart by a dot.
    parts.join(" · ")
}

/// A chapter for `--chapter`: `IV` or `4`.
pub fn parse_chapter(value: &str) -> Result<u8, BriefError> {
    Ok(crate::corpus::target::parse_chapter(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::user::{Bookmarks, Notes};

    fn corpus() -> Corpus {
        crate::corpus::load_embedded().expect("the embedded corpus loads")
    }

    fn user(items: &[&str], notes: &[(&str, &str)]) -> UserData {
        let bookmarks: Bookmarks = items.iter().map(|s| s.parse().expect(s)).collect();
        let mut n = Notes::default();
        for (item, text) in notes {
            n.set(item.parse().expect(item), text);
        }
        UserData::in_memory(bookmarks, n)
    }

    fn brief_md(c: &Corpus, u: &UserData, selection: Selection, options: &Options) -> String {
        let g = LinkGraph::build(c);
        let options = Options {
            date: Some("2025-01-02".into()),
            ..options.clone()
        };
        let doc = document(c, &g, u, &selection, &options).expect("brief");
        crate::export::markdown(&doc)
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_723), "2024-01-01");
        assert_eq!(civil_date(20_082), "2024-12-25");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn a_provision_has_its_summary_a_counted_line_and_few_quotes() {
        let c = corpus();
        let u = user(&[], &[("article:23", "Check (2)(b).")]);
        let md = brief_md(&c, &u, Selection::Articles(vec![23]), &Options::default());
        assert!(
            md.starts_with("# Brief: Art. 23\n\n**Date:** 2025-01-02\n\n**Purpose:** "),
            "{md}"
        );
        assert!(md.contains("## Art. 23 Scope of procedural measures\n"));
        assert!(md.contains(&format!("**{SUMMARY_LABEL}:** ")));
        assert!(md.contains("**Your note:**\n\n> Check (2)(b).\n"));
        assert!(
            md.contains("**What the critiques say:** 5 passages in 5 sources: 1 cites it, 4 discuss it without citing it (linked by an analyst's reading: 3 criticise it, 1 proposes a change); 3 quoted below."),
            "{md}"
        );
        assert_eq!(md.matches("\n> \"").count(), 3, "{md}");
        // The one that cites it comes first, with its source's number.
        let first = md.find("> \"Article 23 allows").expect("cited first");
        assert!(first < md.find("Linked by an analyst's reading").expect("inferred"));
        assert!(md.contains("> — Zamora, para 14 [1]\n"));
        assert!(
            md.contains("## Sources\n\n1. Alexa Zamora, Global Voices\n"),
            "{md}"
        );
        let one = brief_md(
            &c,
            &u,
            Selection::Articles(vec![23]),
            &Options {
                max_quotes: 1,
                ..Options::default()
            },
        );
        assert_eq!(one.matches("\n> \"").count(), 1, "{one}");
        assert!(one.contains("; 1 quoted below."));
        // A passage that proposes a change says what it asks for.
        let art24 = brief_md(&c, &u, Selection::Articles(vec![24]), &Options::default());
        assert!(
            art24.contains(
                "*Linked by an analyst's reading, not by a citation (proposes a change):* "
            ) && art24.contains(" *It asks:* "),
            "{art24}"
        );
    }

    #[test]
    fn no_passage_is_quoted_twice_and_bookmarks_lead_in_the_users_order() {
        let c = corpus();
        let u = user(
            &["article:24", "passage:benitez-mongelos#13", "article:23"],
            &[],
        );
        let md = brief_md(&c, &u, Selection::Bookmarks, &Options::default());
        assert!(md.starts_with("# Brief: Art. 24 and Art. 23\n"), "{md}");
        assert_eq!(md.matches("Benítez-Mongelós, para 13").count(), 1, "{md}");
        let art24 = md.find("## Art. 24").expect("24");
        let art23 = md.find("## Art. 23").expect("23");
        let para13 = md.find("Benítez-Mongelós, para 13").expect("13");
        let zamora = md
            .find("Zamora, para 14")
            .expect("the passage citing Art. 23");
        assert!(art24 < art23, "the user's order");
        assert!(
            art23 < para13 && para13 < zamora,
            "the bookmark leads under the article it discusses: {md}"
        );
        assert!(
            !md.contains("## Benítez-Mongelós, para 13"),
            "not quoted again on its own"
        );
        let quotes: Vec<&str> = md.lines().filter(|l| l.starts_with("> — ")).collect();
        let mut unique = quotes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(quotes.len(), unique.len(), "{quotes:?}");
    }

    #[test]
    fn key_points_are_the_users_note_on_the_brief() {
        let c = corpus();
        let item = Selection::Bookmarks.key_points_item(&c);
        assert_eq!(item.to_string(), "brief:bookmarks");
        assert_eq!(
            Selection::Concern("Dual criminality".into())
                .key_points_item(&c)
                .to_string(),
            "brief:concern:dual-criminality"
        );
        let u = user(
            &["article:24"],
            &[("brief:bookmarks", "1. Ask for (2).\n- Support 24.")],
        );
        let md = brief_md(&c, &u, Selection::Bookmarks, &Options::default());
        let points = md.find(
            "## Key points\n\n**Written by you:**\n\n> 1\\. Ask for (2).\n> \\- Support 24.\n",
        );
        assert!(points.is_some(), "{md}");
        assert!(points < md.find("## Art. 24"));
    }

    #[test]
    fn concerns_by_id_or_title() {
        let c = corpus();
        for name in [
            "dual-criminality",
            "Dual criminality",
            "concern dual criminality",
            "DUAL CRIMINALITY AND TRANSNATIONAL REPRESSION",
        ] {
            assert_eq!(
                find_concern(&c, name).map(|c| c.id.as_str()),
                Some("dual-criminality"),
                "{name}"
            );
        }
        assert!(find_concern(&c, "").is_none());
        let g = LinkGraph::build(&c);
        let err = document(
            &c,
            &g,
            &user(&[], &[]),
            &Selection::Concern("nope".into()),
            &Options::default(),
        )
        .expect_err("no such concern")
        .to_string();
        assert!(
            err.starts_with("no concern 'nope': the concerns are scope (Scope), "),
            "{err}"
        );
    }

    #[test]
    fn hostile_notes_and_sources_are_text() {
        let mut c = corpus();
        let z = c.source_index("zamora").expect("zamora");
        c.sources[z].passages[13].text =
            "Article 23 <img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold**".into();
        c.sources[z].meta.url = Some("javascript:alert(2)".into());
        let u = user(
            &["article:23"],
            &[("article:23", "<script>alert(3)</script>\n# not a heading")],
        );
        let md = brief_md(&c, &u, Selection::Bookmarks, &Options::default());
        assert!(
            md.contains(
                "\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) \\*\\*bold\\*\\*"
            ),
            "{md}"
        );
        assert!(
            md.contains("> \\<script\\>alert(3)\\</script\\>\n> \\# not a heading\n"),
            "{md}"
        );
        assert!(!md.contains("alert(2)"), "{md}");
        let g = LinkGraph::build(&c);
        let doc = document(&c, &g, &u, &Selection::Bookmarks, &Options::default()).expect("brief");
        let html = crate::export::html(&doc);
        assert!(
            !html.contains("<img") && !html.contains("<script>"),
            "{html}"
        );
        assert!(
            !html.contains("href=\"javascript") && !html.contains("alert(2)"),
            "{html}"
        );
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn write_new_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = write_unused(&dir.path().join("treaty-brief-d.md"), b"one").expect("one");
        let second = write_unused(&dir.path().join("treaty-brief-d.md"), b"two").expect("two");
        assert_eq!(
            first.file_name().and_then(|n| n.to_str()),
            Some("treaty-brief-d.md")
        );
        assert_eq!(
            second.file_name().and_then(|n| n.to_str()),
            Some("treaty-brief-d-2.md")
        );
        assert_eq!(std::fs::read(&first).ok().as_deref(), Some(&b"one"[..]));
        assert_eq!(std::fs::read(&second).ok().as_deref(), Some(&b"two"[..]));
    }
}
