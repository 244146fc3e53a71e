//! The briefing pack: a Markdown or plain-text document on a set of provisions
//! (the user's bookmarks, some articles, a concern, a chapter) quoting every
//! passage that discusses them with a full citation, the user's notes, and the
//! sources at the end.

use super::cite::{cite_passage, cite_target, convention_name};
use super::data::UserData;
use super::item::{ItemRef, Resolved};
use crate::corpus::target::{TargetError, parse_article};
use crate::corpus::{Corpus, PassageId, Source, Target};
use crate::refs::graph::{Basis, Link, LinkGraph};
use crate::text::{clean, one_line, plural};
use std::str::FromStr;

pub const SUMMARY_LABEL: &str = "Summary (the project's own words, not the authentic text)";
const WIDTH: usize = 78;

/// What goes into a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The user's bookmarks, in their order: provisions, then passages and sources.
    Bookmarks,
    /// Articles by number, in the order given.
    Articles(Vec<u8>),
    /// A concern by id: the provisions its passages discuss.
    Concern(String),
    /// A chapter by number: its own passages, then every article in it.
    Chapter(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Text,
}

impl FromStr for Format {
    type Err = BriefError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "txt" | "text" => Ok(Format::Text),
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
        }
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
    #[error("unknown format '{0}': use md or txt")]
    NoSuchFormat(String),
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

/// The brief, dated today (UTC).
pub fn brief(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
    format: Format,
) -> Result<String, BriefError> {
    brief_on(corpus, graph, user, selection, format, &today())
}

/// The brief with a given date line, so tests are repeatable.
pub fn brief_on(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
    format: Format,
    date: &str,
) -> Result<String, BriefError> {
    let plan = plan(corpus, graph, user, selection)?;
    let mut doc = Doc {
        corpus,
        user,
        format,
        out: String::new(),
        sources: Vec::new(),
    };
    doc.h1(&format!("Briefing: {}", plan.subject));
    doc.para(&format!(
        "Generated on {date} by treaty from the corpus on the {}.",
        convention_name(corpus)
    ));
    doc.para(
        "Article summaries are the project's own words, not the authentic text. \
         Quoted passages are the critics' words, each with its full citation.",
    );
    for text in &plan.intro {
        doc.para(text);
    }
    for section in &plan.sections {
        match section {
            Section::Provision { target, only } => doc.provision(graph, *target, only.as_deref()),
            Section::Passages { heading, passages } => doc.passages(graph, heading, passages),
            Section::Sources(sources) => doc.bookmarked_sources(sources),
            Section::Missing(items) => doc.missing(items),
        }
    }
    doc.source_list();
    Ok(doc.out)
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

struct Plan {
    subject: String,
    intro: Vec<String>,
    sections: Vec<Section>,
}

enum Section {
    /// A provision with the passages linked to it; `only` keeps a subset.
    Provision {
        target: Target,
        only: Option<Vec<PassageId>>,
    },
    Passages {
        heading: String,
        passages: Vec<PassageId>,
    },
    /// Bookmarked sources, by index.
    Sources(Vec<usize>),
    /// Bookmarks that no longer resolve, kept visible rather than dropped.
    Missing(Vec<(ItemRef, String)>),
}

fn plan(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    selection: &Selection,
) -> Result<Plan, BriefError> {
    let provision = |target| Section::Provision { target, only: None };
    match selection {
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
            let names: Vec<String> = seen.iter().map(|n| n.to_string()).collect();
            Ok(Plan {
                subject: format!("article{} {}", plural(seen.len()), names.join(", ")),
                intro: Vec::new(),
                sections: seen
                    .into_iter()
                    .map(|n| provision(Target::Article(n)))
                    .collect(),
            })
        }
        Selection::Chapter(n) => {
            let chapter = corpus
                .chapter(*n)
                .ok_or_else(|| TargetError::NoSuchChapter(n.to_string()))?;
            let mut sections = vec![provision(Target::Chapter(*n))];
            sections.extend(chapter.articles.iter().map(|a| provision(a.target())));
            Ok(Plan {
                subject: one_line(&chapter.heading()),
                intro: Vec::new(),
                sections,
            })
        }
        Selection::Concern(id) => concern_plan(corpus, graph, id),
        Selection::Bookmarks => bookmarks_plan(corpus, user),
    }
}

fn concern_plan(corpus: &Corpus, graph: &LinkGraph, id: &str) -> Result<Plan, BriefError> {
    let Some(concern) = corpus.concerns.iter().find(|c| c.id == id) else {
        let ids: Vec<&str> = corpus.concerns.iter().map(|c| c.id.as_str()).collect();
        return Err(BriefError::NoSuchConcern(id.to_string(), ids.join(", ")));
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
    Ok(Plan {
        subject: format!("concern \"{}\"", one_line(&concern.title)),
        intro: vec![one_line(&concern.description)],
        sections,
    })
}

fn bookmarks_plan(corpus: &Corpus, user: &UserData) -> Result<Plan, BriefError> {
    let bookmarks = user.bookmarks();
    if bookmarks.is_empty() {
        return Err(BriefError::NoBookmarks);
    }
    let mut sections = Vec::new();
    let mut passages = Vec::new();
    let mut sources = Vec::new();
    let mut missing = Vec::new();
    for item in bookmarks {
        match item.resolve(corpus) {
            Ok(Resolved::Target(target)) => {
                sections.push(Section::Provision { target, only: None })
            }
            Ok(Resolved::Passage(id)) => passages.push(id),
            Ok(Resolved::Source(i)) => sources.push(i),
            Err(e) => missing.push((item.clone(), e.to_string())),
        }
    }
    if !passages.is_empty() {
        sections.push(Section::Passages {
            heading: "Bookmarked passages".to_string(),
            passages,
        });
    }
    if !sources.is_empty() {
        sections.push(Section::Sources(sources));
    }
    if !missing.is_empty() {
        sections.push(Section::Missing(missing));
    }
    let n = bookmarks.len();
    Ok(Plan {
        subject: format!("your bookmarks ({n} item{})", plural(n)),
        intro: Vec::new(),
        sections,
    })
}

/// The document being written, and the sources quoted so far (for the list
/// at the end, in order of first quotation).
struct Doc<'a> {
    corpus: &'a Corpus,
    user: &'a UserData,
    format: Format,
    out: String,
    sources: Vec<usize>,
}

impl Doc<'_> {
    fn h1(&mut self, title: &str) {
        let title = one_line(title);
        match self.format {
            Format::Markdown => self.out.push_str(&format!("# {title}\n\n")),
            Format::Text => {
                let rule = "=".repeat(crate::text::width(&title));
                self.out.push_str(&format!("{title}\n{rule}\n\n"));
            }
        }
    }

    fn h2(&mut self, title: &str) {
        let title = one_line(title);
        match self.format {
            Format::Markdown => self.out.push_str(&format!("## {title}\n\n")),
            Format::Text => {
                let rule = "-".repeat(crate::text::width(&title));
                self.out.push_str(&format!("\n{title}\n{rule}\n\n"));
            }
        }
    }

    fn h3(&mut self, title: &str) {
        let title = one_line(title);
        match self.format {
            Format::Markdown => self.out.push_str(&format!("### {title}\n\n")),
            Format::Text => self.out.push_str(&format!("{}\n\n", title.to_uppercase())),
        }
    }

    fn para(&mut self, text: &str) {
        match self.format {
            Format::Markdown => self.out.push_str(&format!("{}\n\n", one_line(text))),
            Format::Text => {
                self.out.push_str(&wrap(text, WIDTH, ""));
                self.out.push('\n');
            }
        }
    }

    /// A label with its text below it: `**Label**` / `Label:`.
    fn labelled(&mut self, label: &str, text: &str) {
        match self.format {
            Format::Markdown => {
                self.out.push_str(&format!("**{label}**\n\n"));
                self.para(text);
            }
            Format::Text => {
                self.out.push_str(&format!("{label}:\n"));
                self.out.push_str(&wrap(text, WIDTH, "  "));
                self.out.push('\n');
            }
        }
    }

    /// Multi-line text of the user's, kept line for line.
    fn note(&mut self, label: &str, text: &str) {
        let text = clean(text);
        match self.format {
            Format::Markdown => {
                self.out.push_str(&format!("**{label}:**\n\n"));
                for line in text.lines() {
                    self.out
                        .push_str(&format!("> {line}\n").replace("> \n", ">\n"));
                }
                self.out.push('\n');
            }
            Format::Text => {
                self.out.push_str(&format!("{label}:\n"));
                for line in text.lines() {
                    self.out.push_str(format!("  {line}").trim_end());
                    self.out.push('\n');
                }
                self.out.push('\n');
            }
        }
    }

    fn item_note(&mut self, label: &str, item: Option<ItemRef>) {
        let user = self.user;
        if let Some(text) = item.as_ref().and_then(|i| user.note(i)) {
            self.note(label, text);
        }
    }

    /// A passage quoted in full, then its citation, then what explains the
    /// link, then the user's note on it.
    fn quote(&mut self, id: PassageId, why: Option<(&str, String)>) {
        let Some(passage) = self.corpus.passage(id) else {
            return;
        };
        if !self.sources.contains(&id.source) {
            self.sources.push(id.source);
        }
        let citation = cite_passage(self.corpus, id);
        match self.format {
            Format::Markdown => {
                self.out.push_str(&format!(
                    "> \"{}\"\n>\n> — {citation}\n\n",
                    one_line(&passage.text)
                ));
                if let Some((label, text)) = why {
                    self.out
                        .push_str(&format!("*{label}:* {}\n\n", one_line(&text)));
                }
            }
            Format::Text => {
                self.out
                    .push_str(&wrap(&format!("\"{}\"", passage.text), WIDTH, "    "));
                self.out
                    .push_str(&wrap(&format!("-- {citation}"), WIDTH, "    "));
                if let Some((label, text)) = why {
                    self.out
                        .push_str(&wrap(&format!("{label}: {text}"), WIDTH, "    "));
                }
                self.out.push('\n');
            }
        }
        let item = ItemRef::passage(self.corpus, id);
        self.item_note("Your note on this passage", item);
    }

    /// A provision's authentic text when the corpus has it, else its summary
    /// labelled for what it is.
    fn provision_text(&mut self, text: Option<&str>, summary: &str, official: bool) {
        match text {
            Some(text) => self.labelled("Authentic text", text),
            None if official => self.labelled("Text", summary),
            None => self.labelled(SUMMARY_LABEL, summary),
        }
    }

    fn provision(&mut self, graph: &LinkGraph, target: Target, only: Option<&[PassageId]>) {
        let corpus = self.corpus;
        self.h2(&corpus.target_heading(target));
        match target {
            Target::Article(n) => {
                if let Some(a) = corpus.article(n) {
                    if let Some(c) = corpus.chapter(a.chapter) {
                        self.para(&c.heading());
                    }
                    self.para(&format!("Cite as: {}", cite_target(corpus, target)));
                    self.provision_text(a.text.as_deref(), &a.summary, a.summary_is_official);
                }
            }
            Target::Chapter(n) => {
                self.para(&format!("Cite as: {}", cite_target(corpus, target)));
                if let Some(c) = corpus.chapter(n) {
                    let list: Vec<String> = c
                        .articles
                        .iter()
                        .map(|a| format!("art. {} {}", a.number, one_line(&a.title)))
                        .collect();
                    self.labelled("Articles in this chapter", &list.join("; "));
                }
            }
            Target::Preamble => {
                let p = &corpus.convention.preamble;
                self.para(&format!("Cite as: {}", cite_target(corpus, target)));
                self.provision_text(p.text.as_deref(), &p.summary, p.summary_is_official);
            }
        }
        self.item_note("Your note", Some(ItemRef::Target(target)));

        let links: Vec<&Link> = graph
            .cited_by(target)
            .into_iter()
            .filter(|l| only.is_none_or(|keep| keep.contains(&l.passage)))
            .collect();
        let (cited, inferred): (Vec<&Link>, Vec<&Link>) =
            links.iter().partition(|l| l.basis.is_cited());
        if links.is_empty() {
            self.para(match only {
                Some(_) => "No passage of this selection discusses it.",
                None => "No passage in the corpus discusses it.",
            });
            return;
        }
        if !cited.is_empty() {
            self.h3("Passages that cite it");
            for l in cited {
                let why = match &l.basis {
                    Basis::Cited { text } => Some(("Cites", one_line(text))),
                    Basis::Inferred { .. } => None,
                };
                self.quote(l.passage, why);
            }
        }
        if !inferred.is_empty() {
            self.h3("Passages that discuss it without citing it (inferred)");
            for l in inferred {
                let why = l
                    .basis
                    .reason()
                    .map(|r| ("Why it is linked (an analyst's reading)", one_line(r)));
                self.quote(l.passage, why);
            }
        }
    }

    fn passages(&mut self, graph: &LinkGraph, heading: &str, passages: &[PassageId]) {
        self.h2(heading);
        let corpus = self.corpus;
        for &id in passages {
            self.h3(&corpus.passage_location(id));
            let linked = linked_to(graph, id);
            let why = (!linked.is_empty()).then_some(("Linked to", linked));
            self.quote(id, why);
        }
    }

    fn bookmarked_sources(&mut self, sources: &[usize]) {
        self.h2("Bookmarked sources");
        for &i in sources {
            let Some(s) = self.corpus.sources.get(i) else {
                continue;
            };
            if !self.sources.contains(&i) {
                self.sources.push(i);
            }
            self.h3(&s.display_title());
            self.para(&super::cite::cite_source(self.corpus, i));
            self.para(&format!(
                "{} passage{} in the corpus; see Sources below.",
                s.passages.len(),
                plural(s.passages.len())
            ));
        }
    }

    fn missing(&mut self, items: &[(ItemRef, String)]) {
        self.h2("Bookmarks not in this corpus");
        for (item, why) in items {
            self.para(&format!("{item}: {why}"));
        }
    }

    /// Every source quoted or bookmarked, with all its metadata.
    fn source_list(&mut self) {
        self.h2("Sources");
        if self.sources.is_empty() {
            self.para("No source is quoted in this brief.");
            return;
        }
        let sources = std::mem::take(&mut self.sources);
        for (k, &i) in sources.iter().enumerate() {
            let Some(s) = self.corpus.sources.get(i) else {
                continue;
            };
            let fields = source_fields(s);
            match self.format {
                Format::Markdown => {
                    self.out.push_str(&format!(
                        "{}. **{}**\n",
                        k + 1,
                        one_line(&s.display_title())
                    ));
                    for (name, value) in fields {
                        self.out.push_str(&format!("   - {name}: {value}\n"));
                    }
                    self.out.push('\n');
                }
                Format::Text => {
                    self.out.push_str(&wrap(
                        &format!("{}. {}", k + 1, s.display_title()),
                        WIDTH,
                        "",
                    ));
                    for (name, value) in fields {
                        self.out
                            .push_str(&wrap(&format!("{name}: {value}"), WIDTH, "     "));
                    }
                    self.out.push('\n');
                }
            }
            let item = Some(ItemRef::Source(s.id.clone()));
            self.item_note("Your note on this source", item);
        }
        self.sources = sources;
    }
}

fn source_fields(s: &Source) -> Vec<(&'static str, String)> {
    let field = |v: &Option<String>| v.as_deref().map_or("unknown".to_string(), one_line);
    let mut fields = vec![
        ("id", s.id.clone()),
        ("author", field(&s.meta.shown("author"))),
        ("title", field(&s.meta.shown("title"))),
        ("publisher", field(&s.meta.shown("publisher"))),
        ("date", field(&s.meta.shown("date"))),
        ("url", field(&s.meta.shown("url"))),
        ("kind", field(&s.meta.shown("kind"))),
    ];
    if s.user {
        fields.push(("in", "your own library (imported)".to_string()));
    }
    fields
}

/// Words wrapped to `width` cells, each line starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let room = width.saturating_sub(crate::text::width(indent)).max(20);
    for word in one_line(text).split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && crate::text::width(&line) + 1 + crate::text::width(word) > room {
            out.push_str(&format!("{indent}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}

/// What a passage is linked to: the provisions it cites, then those an
/// analyst linked it to, grouped by the reason given, which is always shown
/// (`Art. 23 (cited) · Chapter II, Art. 2 (inferred; why: Definitions are ...)`).
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
        parts.push(format!("{} (inferred; why: {reason})", targets.join(", ")));
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

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_723), "2024-01-01");
        assert_eq!(civil_date(20_082), "2024-12-25");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn article_brief_quotes_cited_then_inferred() {
        let c = corpus();
        let g = LinkGraph::build(&c);
        let u = user(
            &[],
            &[
                ("article:23", "Check (2)(b)."),
                ("passage:zamora#14", "Key quote."),
            ],
        );
        let md = brief_on(
            &c,
            &g,
            &u,
            &Selection::Articles(vec![23]),
            Format::Markdown,
            "2025-01-02",
        )
        .expect("brief");
        assert!(
            md.starts_with("# Briefing: article 23\n\nGenerated on 2025-01-02"),
            "{md}"
        );
        assert!(md.contains("## Art. 23 Scope of procedural measures\n"));
        assert!(md.contains(&format!("**{SUMMARY_LABEL}**")));
        assert!(md.contains("**Your note:**\n\n> Check (2)(b).\n"));
        let cited = md.find("### Passages that cite it").expect("cited");
        let inferred = md
            .find("### Passages that discuss it without citing it")
            .expect("inferred");
        assert!(cited < inferred);
        assert!(md.contains("> — Alexa Zamora, (untitled), Global Voices, n.d., para. 14\n"));
        assert!(md.contains("**Your note on this passage:**\n\n> Key quote."));
        assert!(md.contains("*Why it is linked (an analyst's reading):* "));
        let sources = md.find("## Sources").expect("sources");
        assert!(md[sources..].contains("   - title: unknown"));
    }

    #[test]
    fn errors_say_what_exists() {
        let c = corpus();
        let g = LinkGraph::build(&c);
        let u = user(&[], &[]);
        let err = brief(&c, &g, &u, &Selection::Bookmarks, Format::Text).expect_err("none");
        assert_eq!(err, BriefError::NoBookmarks);
        let err = brief(&c, &g, &u, &Selection::Concern("nope".into()), Format::Text)
            .expect_err("concern")
            .to_string();
        assert!(
            err.starts_with("no concern 'nope': the concerns are scope, "),
            "{err}"
        );
        assert_eq!(
            parse_articles(&["23".into(), "art.24,25".into()]),
            Ok(vec![23, 24, 25])
        );
        assert!(parse_articles(&["69".into()]).is_err());
    }

    #[test]
    fn concern_brief_keeps_to_its_passages() {
        let c = corpus();
        let g = LinkGraph::build(&c);
        let u = user(&[], &[]);
        let txt = brief_on(
            &c,
            &g,
            &u,
            &Selection::Concern("scope".into()),
            Format::Text,
            "d",
        )
        .expect("brief");
        assert!(txt.starts_with("Briefing: concern \"Scope\"\n=="), "{txt}");
        assert!(txt.contains("\nSources\n-------\n"));
        assert!(!txt.contains("**"), "no markdown in text");
    }

    #[test]
    fn output_is_clean_of_escapes() {
        let c = corpus();
        let g = LinkGraph::build(&c);
        let u = user(&["article:23"], &[("article:23", "evil\u{1b}[2J note")]);
        let md = brief_on(&c, &g, &u, &Selection::Bookmarks, Format::Markdown, "d").expect("brief");
        assert!(!md.contains('\u{1b}'));
    }
}
