//! Loading and validating a corpus. Every problem is collected (not just the
//! first) and located at file:line:column; a corpus with problems is refused.

use super::files::{CorpusFiles, FileText};
use super::jsonpos::{array_elements, element_range, find_in, find_key, json_string};
use super::model::*;
use super::problem::{Problem, Problems, line_col};
use super::source_file::parse_source;
use super::subject::SubjectIndex;
use super::target::{ARTICLE_COUNT, CHAPTER_COUNT, Target, roman};
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConvention {
    title: String,
    full_title: String,
    resolution: String,
    adopted: String,
    preamble: RawPreamble,
    chapters: Vec<RawChapter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPreamble {
    summary: String,
    #[serde(default)]
    summary_is_official: bool,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChapter {
    number: String,
    title: String,
    articles: Vec<RawArticle>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    number: i64,
    title: String,
    summary: String,
    #[serde(default)]
    summary_is_official: bool,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    source: String,
    quote: String,
    targets: Vec<String>,
    #[serde(default)]
    basis: Option<String>,
    reason: String,
    #[serde(default)]
    treatment: Option<String>,
    #[serde(default)]
    asks: Option<String>,
}

/// The longest `asks` the data may give: a short phrase, not a quotation.
const ASKS_MAX_CHARS: usize = 120;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcern {
    id: String,
    title: String,
    description: String,
    passages: Vec<RawAnchor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnchor {
    source: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    date: String,
    event: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    reference: Option<String>,
}

/// Loads the corpus embedded in the binary.
pub fn load_embedded() -> Result<Corpus, Problems> {
    load(&CorpusFiles::Embedded)
}

/// Loads a corpus directory with the layout of `data/`.
pub fn load_dir(dir: &std::path::Path) -> Result<Corpus, Problems> {
    if !dir.is_dir() {
        let name = dir.display().to_string();
        let why = if dir.exists() {
            format!("{name} is not a directory")
        } else {
            format!("corpus directory not found: {name}")
        };
        return Err(Problems(vec![Problem::file(&name, why)]));
    }
    load(&CorpusFiles::Dir(dir.to_path_buf()))
}

/// Loads and validates every file of a corpus.
pub fn load(files: &CorpusFiles) -> Result<Corpus, Problems> {
    let mut problems = Vec::new();
    let convention = match files.read("convention.json") {
        Ok(f) => parse_convention(&f, &mut problems),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let sources = load_sources(files, &mut problems);
    let curated = read_json::<RawLink>(files, "links.json", &mut problems)
        .map(|(f, raw)| resolve_links(&f, raw, &sources, &mut problems))
        .unwrap_or_default();
    let mut concerns = read_json::<RawConcern>(files, "concerns.json", &mut problems)
        .map(|(f, raw)| resolve_concerns(&f, raw, &sources, &mut problems))
        .unwrap_or_default();
    // Listed by how squarely they raise the concern, not in file order.
    super::concern::order_concern_passages(&mut concerns, &sources, &curated);
    let timeline = read_json::<RawEvent>(files, "timeline.json", &mut problems)
        .map(|(f, raw)| resolve_timeline(&f, raw, &sources, &mut problems))
        .unwrap_or_default();
    let subject = read_subject_index(files, &mut problems);
    match convention {
        Some(convention) if problems.is_empty() => Ok(Corpus::settled(Corpus {
            origin: match files {
                CorpusFiles::Embedded => Origin::Embedded,
                CorpusFiles::Dir(d) => Origin::Dir(d.clone()),
            },
            convention,
            sources,
            curated,
            concerns,
            timeline,
            subject,
        })),
        _ => Err(Problems(problems)),
    }
}

/// The subject index: required in the embedded corpus, optional in a
/// directory (one written before the index existed still loads).
fn read_subject_index(files: &CorpusFiles, problems: &mut Vec<Problem>) -> SubjectIndex {
    const REL: &str = "index.json";
    if let CorpusFiles::Dir(dir) = files
        && !dir.join(REL).exists()
    {
        return SubjectIndex::default();
    }
    match files.read(REL) {
        Ok(f) => super::subject::parse_subject_index(&f, problems),
        Err(p) => {
            problems.push(p);
            SubjectIndex::default()
        }
    }
}

fn json_problem(f: &FileText, e: &serde_json::Error) -> Problem {
    // serde_json reports the column in bytes; convert to chars on that line.
    let line = e.line().max(1);
    let line_text = f.text.split('\n').nth(line - 1).unwrap_or("");
    let byte_col = e.column().saturating_sub(1).min(line_text.len());
    let column = line_text[..line_text.floor_char_boundary(byte_col)]
        .chars()
        .count()
        + 1;
    let msg = e.to_string();
    // Drop serde_json's own " at line L column C" suffix: we say it in front.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    Problem::at(&f.name, line, column, format!("malformed JSON: {msg}"))
}

/// An element of a JSON array with the byte range it spans in its file.
type Located<T> = (Range<usize>, T);

/// Reads a file holding a JSON array; each element comes with the byte range
/// it spans in the file, so problems found later are located in it.
fn read_json<T: for<'de> Deserialize<'de>>(
    files: &CorpusFiles,
    rel: &str,
    problems: &mut Vec<Problem>,
) -> Option<(FileText, Vec<Located<T>>)> {
    let f = match files.read(rel) {
        Ok(f) => f,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    match serde_json::from_str::<Vec<T>>(&f.text) {
        Ok(v) => {
            let starts = array_elements(&f.text);
            let v = v
                .into_iter()
                .enumerate()
                .map(|(i, t)| (element_range(&f.text, &starts, i), t))
                .collect();
            Some((f, v))
        }
        Err(e) => {
            problems.push(json_problem(&f, &e));
            None
        }
    }
}

fn at(f: &FileText, offset: usize, message: impl Into<String>) -> Problem {
    let (line, column) = line_col(&f.text, offset);
    Problem::at(&f.name, line, column, message)
}

fn parse_convention(f: &FileText, problems: &mut Vec<Problem>) -> Option<Convention> {
    let raw: RawConvention = match serde_json::from_str(&f.text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(json_problem(f, &e));
            return None;
        }
    };
    let before = problems.len();
    let whole = 0..f.text.len();
    if raw.chapters.len() != usize::from(CHAPTER_COUNT) {
        problems.push(at(
            f,
            find_key(&f.text, whole.clone(), "chapters"),
            format!(
                "the convention has 9 chapters (I to IX); this file has {}",
                raw.chapters.len()
            ),
        ));
    }
    let mut chapters = Vec::new();
    let mut seen_articles: HashMap<i64, usize> = HashMap::new();
    let mut expected_article = 1i64;
    let mut cursor = 0usize;
    for (ci, rc) in raw.chapters.into_iter().enumerate() {
        let chapter_at = find_in(
            &f.text,
            cursor..f.text.len(),
            &format!("\"number\": {}", json_string(&rc.number)),
        );
        cursor = chapter_at + 1;
        let want = roman(u8::try_from(ci + 1).unwrap_or(0)).unwrap_or("?");
        let number = super::target::from_roman(&rc.number);
        if rc.number != want {
            problems.push(at(
                f,
                chapter_at,
                format!(
                    "chapter {} is out of place: chapter {} of I to IX was expected here",
                    rc.number, want
                ),
            ));
        }
        let number = number.unwrap_or(u8::try_from(ci + 1).unwrap_or(0));
        let mut articles = Vec::new();
        for ra in rc.articles {
            let article_at = find_in(
                &f.text,
                cursor..f.text.len(),
                &format!("\"number\": {}", ra.number),
            );
            cursor = article_at.max(cursor) + 1;
            let in_range = (1..=i64::from(ARTICLE_COUNT)).contains(&ra.number);
            if !in_range {
                problems.push(at(
                    f,
                    article_at,
                    format!(
                        "article {} does not exist: the articles run from 1 to 68",
                        ra.number
                    ),
                ));
            } else if let Some(first) = seen_articles.get(&ra.number) {
                let (line, _) = line_col(&f.text, *first);
                problems.push(at(
                    f,
                    article_at,
                    format!(
                        "duplicate article number {} (first given at line {line})",
                        ra.number
                    ),
                ));
            } else if ra.number < expected_article {
                problems.push(at(
                    f,
                    article_at,
                    format!(
                        "article {} is out of order: it comes after article {}",
                        ra.number,
                        expected_article - 1
                    ),
                ));
            }
            if in_range {
                seen_articles.entry(ra.number).or_insert(article_at);
                expected_article = expected_article.max(ra.number + 1);
            }
            if ra.title.trim().is_empty() || ra.summary.trim().is_empty() {
                problems.push(at(
                    f,
                    article_at,
                    format!("article {} needs a title and a summary", ra.number),
                ));
            }
            articles.push(Article {
                number: u8::try_from(ra.number).unwrap_or(0),
                title: crate::text::one_line(&ra.title),
                chapter: number,
                summary: crate::text::clean(ra.summary.trim()).into_owned(),
                summary_is_official: ra.summary_is_official,
                text: non_empty(ra.text),
            });
        }
        chapters.push(Chapter {
            number,
            title: crate::text::one_line(&rc.title),
            articles,
        });
    }
    let missing: Vec<String> = (1..=i64::from(ARTICLE_COUNT))
        .filter(|n| !seen_articles.contains_key(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::at(
            &f.name,
            1,
            1,
            format!("missing articles: {}", missing.join(", ")),
        ));
    }
    if problems.len() > before {
        return None;
    }
    Some(Convention {
        title: crate::text::one_line(&raw.title),
        full_title: crate::text::one_line(&raw.full_title),
        resolution: crate::text::one_line(&raw.resolution),
        adopted: crate::text::one_line(&raw.adopted),
        preamble: Preamble {
            summary: crate::text::clean(raw.preamble.summary.trim()).into_owned(),
            summary_is_official: raw.preamble.summary_is_official,
            text: non_empty(raw.preamble.text),
        },
        chapters,
    })
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| crate::text::clean(&t).into_owned())
}

fn load_sources(files: &CorpusFiles, problems: &mut Vec<Problem>) -> Vec<Source> {
    let names = match files.source_files() {
        Ok(n) => n,
        Err(p) => {
            problems.push(p);
            return Vec::new();
        }
    };
    if names.is_empty() {
        problems.push(Problem::file(
            &files.display("sources"),
            format!(
                "no sources: put .md or .txt files in {}",
                files.display("sources")
            ),
        ));
    }
    let mut sources: Vec<Source> = Vec::new();
    for rel in names {
        let f = match files.read(&rel) {
            Ok(f) => f,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let id = source_id(&rel);
        if let Some(other) = sources.iter().find(|s| s.id == id) {
            problems.push(Problem::file(
                &f.name,
                format!(
                    "duplicate source id '{id}': {} has the same name",
                    other.path
                ),
            ));
            continue;
        }
        match parse_source(&id, &f.name, &f.text) {
            Ok(s) => sources.push(s),
            Err(ps) => problems.extend(ps),
        }
    }
    sources
}

/// `sources/zamora.md` -> `zamora`
pub fn source_id(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}

/// Collapses runs of whitespace to one space, for quote matching.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the one passage of `source` that contains `quote`.
fn anchor(
    f: &FileText,
    offset: usize,
    sources: &[Source],
    source: &str,
    quote: &str,
) -> Result<PassageId, Problem> {
    let Some(si) = sources.iter().position(|s| s.id == source) else {
        let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        return Err(at(
            f,
            offset,
            if ids.is_empty() {
                format!("unknown source '{source}': this corpus has no sources")
            } else {
                format!(
                    "unknown source '{source}': the sources are {}",
                    ids.join(", ")
                )
            },
        ));
    };
    let q = squash(quote);
    if q.is_empty() {
        return Err(at(
            f,
            offset,
            "empty quote: quote a few words of the passage",
        ));
    }
    let hits: Vec<usize> = sources[si]
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| squash(&p.text).contains(&q))
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => Ok(PassageId {
            source: si,
            index: *one,
        }),
        [] => Err(at(
            f,
            offset,
            format!("quote matches no passage of '{source}': {quote:?}"),
        )),
        many => Err(at(
            f,
            offset,
            format!(
                "quote matches {} passages of '{source}' (paras {}): quote more words to pick one",
                many.len(),
                many.iter()
                    .map(|i| (i + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn resolve_links(
    f: &FileText,
    raw: Vec<Located<RawLink>>,
    sources: &[Source],
    problems: &mut Vec<Problem>,
) -> Vec<CuratedLink> {
    let mut out: Vec<CuratedLink> = Vec::new();
    for (range, link) in raw {
        if let Some(basis) = &link.basis
            && basis != "inferred"
        {
            problems.push(at(
                    f,
                    find_key(&f.text, range.clone(), "basis"),
                    format!("basis '{basis}' is not allowed here: curated links are 'inferred' (cited links come from the text itself)"),
                ));
        }
        if link.reason.trim().is_empty() {
            problems.push(at(
                f,
                find_key(&f.text, range.clone(), "reason"),
                "an inferred link needs a one-line reason",
            ));
        }
        let (treatment, asks) = link_treatment(f, &range, &link, problems);
        let mut targets = Vec::new();
        for t in &link.targets {
            match t.parse::<Target>() {
                Ok(target) if targets.contains(&target) => problems.push(at(
                    f,
                    find_in(&f.text, range.clone(), &json_string(t)),
                    format!("target {t} is listed twice"),
                )),
                Ok(target) => targets.push(target),
                Err(e) => problems.push(at(
                    f,
                    find_in(&f.text, range.clone(), &json_string(t)),
                    e.to_string(),
                )),
            }
        }
        if link.targets.is_empty() {
            problems.push(at(
                f,
                find_key(&f.text, range.clone(), "targets"),
                "a link needs at least one target",
            ));
        }
        match anchor(
            f,
            find_key(&f.text, range.clone(), "quote"),
            sources,
            &link.source,
            &link.quote,
        ) {
            Ok(passage) => {
                if let Some(dup) = out
                    .iter()
                    .find(|l| l.passage == passage && l.targets.iter().any(|t| targets.contains(t)))
                {
                    problems.push(at(
                        f,
                        range.start,
                        format!(
                            "duplicate link: this passage is already linked to {} by the entry quoting {:?}",
                            dup.targets
                                .iter()
                                .filter(|t| targets.contains(t))
                                .map(|t| t.to_string())
                                .collect::<Vec<_>>()
                                .join(", "),
                            dup.quote
                        ),
                    ));
                }
                out.push(CuratedLink {
                    passage,
                    quote: link.quote,
                    targets,
                    reason: crate::text::one_line(&link.reason),
                    treatment,
                    asks,
                });
            }
            Err(p) => problems.push(p),
        }
    }
    out
}

/// The link's treatment and, for a proposed change, what it asks; a missing
/// or unknown treatment, or an `asks` that does not fit it, is a problem.
fn link_treatment(
    f: &FileText,
    range: &Range<usize>,
    link: &RawLink,
    problems: &mut Vec<Problem>,
) -> (Treatment, Option<String>) {
    let names = Treatment::ALL.map(Treatment::name).join(", ");
    let treatment = match link.treatment.as_deref() {
        None => {
            problems.push(at(
                f,
                range.start,
                format!("a curated link needs a treatment: one of {names}"),
            ));
            Treatment::Mentions
        }
        Some(name) => Treatment::from_name(name).unwrap_or_else(|| {
            problems.push(at(
                f,
                find_in(&f.text, range.clone(), &json_string(name)),
                format!("treatment '{name}' is not one of {names}"),
            ));
            Treatment::Mentions
        }),
    };
    let asks = link.asks.as_deref().map(crate::text::one_line);
    let asks_at = || find_key(&f.text, range.clone(), "asks");
    match (&asks, treatment) {
        (None, Treatment::ProposesChange) if link.treatment.is_some() => problems.push(at(
            f,
            find_key(&f.text, range.clone(), "treatment"),
            "a link that proposes a change needs `asks`: what the passage asks for, in a few words of your own",
        )),
        (Some(a), Treatment::ProposesChange) if a.trim().is_empty() => {
            problems.push(at(f, asks_at(), "`asks` is empty: say what the passage asks for"));
        }
        (Some(a), Treatment::ProposesChange) if a.chars().count() > ASKS_MAX_CHARS => {
            problems.push(at(
                f,
                asks_at(),
                format!(
                    "`asks` has {} characters: keep it under {ASKS_MAX_CHARS}, in your own words",
                    a.chars().count()
                ),
            ));
        }
        (Some(_), t) if t != Treatment::ProposesChange && link.treatment.is_some() => {
            problems.push(at(
                f,
                asks_at(),
                format!(
                    "`asks` belongs to a link that proposes a change; this one {}",
                    t.name()
                ),
            ));
        }
        _ => {}
    }
    (treatment, asks.filter(|a| !a.trim().is_empty()))
}

fn resolve_concerns(
    f: &FileText,
    raw: Vec<Located<RawConcern>>,
    sources: &[Source],
    problems: &mut Vec<Problem>,
) -> Vec<Concern> {
    let mut out: Vec<Concern> = Vec::new();
    for (range, c) in raw {
        if out.iter().any(|o| o.id == c.id) {
            problems.push(at(
                f,
                find_key(&f.text, range.clone(), "id"),
                format!("duplicate concern id '{}'", c.id),
            ));
        }
        let mut passages = Vec::new();
        let mut cursor = range.start;
        for a in c.passages {
            let q = find_in(&f.text, cursor..range.end, &json_string(&a.quote));
            cursor = q.max(cursor);
            match anchor(f, q, sources, &a.source, &a.quote) {
                Ok(p) if !passages.contains(&p) => passages.push(p),
                Ok(_) => {}
                Err(p) => problems.push(p),
            }
        }
        out.push(Concern {
            id: c.id,
            title: crate::text::one_line(&c.title),
            description: crate::text::one_line(&c.description),
            passages,
        });
    }
    out
}

fn resolve_timeline(
    f: &FileText,
    raw: Vec<Located<RawEvent>>,
    sources: &[Source],
    problems: &mut Vec<Problem>,
) -> Vec<Event> {
    let mut out = Vec::new();
    for (range, e) in raw {
        let passage = match (&e.source, &e.quote) {
            (Some(s), Some(q)) => {
                match anchor(f, find_key(&f.text, range.clone(), "quote"), sources, s, q) {
                    Ok(p) => Some(p),
                    Err(p) => {
                        problems.push(p);
                        None
                    }
                }
            }
            (None, None) => None,
            _ => {
                problems.push(at(
                    f,
                    range.start,
                    "an event gives both a source and a quote, or neither",
                ));
                None
            }
        };
        if passage.is_none()
            && e.reference.as_deref().is_none_or(|r| r.trim().is_empty())
            && e.source.is_none()
        {
            problems.push(at(
                f,
                range.start,
                "an event needs its source: a source and quote, or a reference",
            ));
        }
        out.push(Event {
            date: crate::text::one_line(&e.date),
            event: crate::text::one_line(&e.event),
            passage,
            reference: e.reference.map(|r| crate::text::one_line(&r)),
        });
    }
    out
}
