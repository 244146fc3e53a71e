//! `treaty show`, `treaty refs` and `treaty sources`: reading the corpus from
//! the command line.

use super::{
    CitedByJson, Failure, Outcome, SummaryCountsJson, cited_by_list, link_snippet, link_treatment,
    summary_counts_json, wrap, write_json,
};
use crate::cli::{BasisArg, RefsArgs, SortArg, TreatmentArg};
use crate::corpus::bearing::Depth;
use crate::corpus::{Corpus, Place, Target, Treatment, lookup};
use crate::refs::citing::{self, BasisFilter, RefFilter, RefSort, RefSummary};
use crate::refs::graph::{Basis, Link, LinkGraph};
use crate::text::one_line;
use serde::Serialize;
use std::io::Write;

const WIDTH: usize = 80;
pub use crate::user::brief::SUMMARY_LABEL;

fn place(corpus: &Corpus, words: &[String]) -> Result<Place, Failure> {
    lookup(corpus, &words.join(" ")).map_err(|e| Failure::usage(e.to_string()))
}

pub fn show(corpus: &Corpus, words: &[String], json: bool, out: &mut dyn Write) -> Outcome {
    let graph = LinkGraph::build(corpus);
    match place(corpus, words)? {
        Place::Target(Target::Article(n)) => show_article(corpus, &graph, n, json, out),
        Place::Target(Target::Chapter(n)) => show_chapter(corpus, &graph, n, json, out),
        Place::Target(Target::Preamble) => show_preamble(corpus, &graph, json, out),
        Place::Source(i) => show_source(corpus, &graph, i, json, out),
    }
}

#[derive(Serialize)]
struct ArticleJson {
    number: u8,
    title: String,
    chapter: String,
    chapter_title: String,
    summary: String,
    summary_is_official: bool,
    text: Option<String>,
    cited_by: Vec<CitedByJson>,
    summary_counts: SummaryCountsJson,
}

/// The entries of `links`, then the suggested links to the same provision
/// (added values: basis `suggested`, with `score` and `reason`).
fn with_suggested(
    corpus: &Corpus,
    graph: &LinkGraph,
    links: &[&crate::refs::graph::Link],
    target: Target,
) -> Vec<CitedByJson> {
    let mut list = cited_by_list(corpus, graph, links);
    list.extend(super::suggested_entries(
        corpus,
        graph,
        super::Wanted::Target(target),
    ));
    list
}

fn show_article(
    corpus: &Corpus,
    graph: &LinkGraph,
    n: u8,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let Some(a) = corpus.article(n) else {
        return Err(Failure::usage(format!(
            "article {n} does not exist: the articles run from 1 to 68"
        )));
    };
    let chapter = corpus.chapter(a.chapter);
    let links = graph.cited_by(Target::Article(n));
    let counts = citing::summary(corpus, graph, Target::Article(n));
    if json {
        let j = ArticleJson {
            number: a.number,
            title: a.title.clone(),
            chapter: chapter.map(|c| c.roman().to_string()).unwrap_or_default(),
            chapter_title: chapter.map(|c| c.title.clone()).unwrap_or_default(),
            summary: one_line(&a.summary),
            summary_is_official: a.summary_is_official,
            text: a.text.clone(),
            cited_by: with_suggested(corpus, graph, &links, Target::Article(n)),
            summary_counts: summary_counts_json(&counts),
        };
        return write_json(out, &j);
    }
    writeln!(out, "Article {} - {}", a.number, one_line(&a.title))?;
    if let Some(c) = chapter {
        writeln!(out, "{}", one_line(&c.heading()))?;
    }
    writeln!(out)?;
    write_texts(out, a.text.as_deref(), &a.summary, a.summary_is_official)?;
    write_cited_by(corpus, graph, &links, &counts, out)
}

/// The authentic text first when the library has it, then the summary,
/// each labelled.
fn write_texts(out: &mut dyn Write, text: Option<&str>, summary: &str, official: bool) -> Outcome {
    if let Some(text) = text {
        writeln!(out, "Authentic text:")?;
        write_authentic(out, text)?;
        if official {
            return Ok(());
        }
        writeln!(out)?;
    }
    write_summary(out, summary, official)
}

/// An authentic text as the document sets it out: numbered paragraphs with
/// their continuation lines under the text, sub-items `(a)` indented below
/// their paragraph, a blank line between paragraphs.
fn write_authentic(out: &mut dyn Write, text: &str) -> Outcome {
    for (i, para) in text.split("\n\n").enumerate() {
        let para = one_line(para);
        let (label, body) = split_number(&para);
        let sub = label.is_some_and(|l| l.starts_with('('));
        if i > 0 && !sub {
            writeln!(out)?;
        }
        let margin = if sub { 5 } else { 2 };
        match label {
            Some(label) => {
                let hang = margin + crate::text::width(label) + 1;
                let wrapped = wrap(body, WIDTH, &" ".repeat(hang));
                let first = format!("{}{label} ", " ".repeat(margin));
                write!(out, "{first}{}", &wrapped[hang.min(wrapped.len())..])?;
            }
            None => write!(out, "{}", wrap(&para, WIDTH, &" ".repeat(margin)))?,
        }
    }
    Ok(())
}

/// `("1.", rest)` or `("(a)", rest)` for a paragraph that opens with its
/// number, else `(None, para)`.
fn split_number(para: &str) -> (Option<&str>, &str) {
    match crate::library::authentic::item_label(para) {
        Some(label) if !para[label.len()..].trim().is_empty() => {
            (Some(label), para[label.len()..].trim_start())
        }
        _ => (None, para),
    }
}

fn write_summary(out: &mut dyn Write, summary: &str, official: bool) -> Outcome {
    if official {
        writeln!(out, "Text:")?;
    } else {
        writeln!(out, "{SUMMARY_LABEL}:")?;
    }
    write!(out, "{}", wrap(summary, WIDTH, "  "))?;
    Ok(())
}

/// The Cited by heading, the summary line of all the target's citing
/// references under it, then each of `links`.
fn write_cited_by(
    corpus: &Corpus,
    graph: &LinkGraph,
    links: &[&Link],
    counts: &RefSummary,
    out: &mut dyn Write,
) -> Outcome {
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    writeln!(
        out,
        "\nCited by: {} passage{} ({cited} cited, {} inferred)",
        links.len(),
        crate::text::plural(links.len()),
        links.len() - cited
    )?;
    if counts.passages > 0 {
        writeln!(out, "  {}", counts.line())?;
    }
    if links.is_empty() {
        writeln!(out, "  (no critique in the corpus discusses this)")?;
    }
    for l in links {
        write_link(corpus, graph, l, out)?;
    }
    Ok(())
}

/// `refs --basis suggested` as text: each suggestion as a link is written,
/// with its score and the reason that names what matched.
fn write_suggestions(corpus: &Corpus, kept: &[CitedByJson], out: &mut dyn Write) -> Outcome {
    writeln!(
        out,
        "\nSuggested: {} link{} not yet accepted or rejected",
        kept.len(),
        crate::text::plural(kept.len())
    )?;
    if kept.is_empty() {
        writeln!(out, "  (none matches the filter)")?;
    }
    for e in kept {
        let title = corpus
            .source_index(&e.source)
            .map_or_else(|| e.source.clone(), |i| corpus.sources[i].display_title());
        writeln!(
            out,
            "  [suggested] {} ({}, para {}) · score {:.2}",
            one_line(&title),
            one_line(&e.source),
            e.paragraph,
            e.score.unwrap_or_default()
        )?;
        if let Some(reason) = &e.reason {
            writeln!(out, "      reason: {}", one_line(reason))?;
        }
        writeln!(out, "      depth: {}/4 {}", e.depth, e.depth_name)?;
        writeln!(out, "      \"{}\"", one_line(&e.snippet))?;
    }
    Ok(())
}

fn write_link(corpus: &Corpus, graph: &LinkGraph, l: &Link, out: &mut dyn Write) -> Outcome {
    let src = &corpus.sources[l.passage.source];
    writeln!(
        out,
        "  [{}] {} ({}, para {})",
        l.basis.name(),
        one_line(&src.display_title()),
        src.id,
        l.passage.index + 1
    )?;
    match &l.basis {
        Basis::Cited { text } => writeln!(out, "      cites: {}", one_line(text))?,
        Basis::Inferred { reason } => writeln!(out, "      reason: {}", one_line(reason))?,
    }
    match link_treatment(corpus, l) {
        (Some(t), Some(asks)) => writeln!(out, "      treatment: {t} (asks: {})", one_line(&asks))?,
        (Some(t), None) => writeln!(out, "      treatment: {t}")?,
        _ => {}
    }
    writeln!(out, "      depth: {}/4 {}", l.depth.mark(), l.depth.name())?;
    writeln!(out, "      \"{}\"", link_snippet(corpus, l, graph))?;
    Ok(())
}

#[derive(Serialize)]
struct ChapterArticleJson {
    number: u8,
    title: String,
    links: usize,
}

#[derive(Serialize)]
struct ChapterJson {
    chapter: String,
    title: String,
    articles: Vec<ChapterArticleJson>,
    cited_by: Vec<CitedByJson>,
    summary_counts: SummaryCountsJson,
}

fn show_chapter(
    corpus: &Corpus,
    graph: &LinkGraph,
    n: u8,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let Some(c) = corpus.chapter(n) else {
        return Err(Failure::usage(
            "that chapter does not exist: the chapters run from I to IX",
        ));
    };
    let links = graph.cited_by(Target::Chapter(n));
    let counts = citing::summary(corpus, graph, Target::Chapter(n));
    if json {
        let j = ChapterJson {
            chapter: c.roman().to_string(),
            title: c.title.clone(),
            articles: c
                .articles
                .iter()
                .map(|a| ChapterArticleJson {
                    number: a.number,
                    title: a.title.clone(),
                    links: graph.count(a.target()),
                })
                .collect(),
            cited_by: with_suggested(corpus, graph, &links, Target::Chapter(n)),
            summary_counts: summary_counts_json(&counts),
        };
        return write_json(out, &j);
    }
    writeln!(out, "{}", one_line(&c.heading()))?;
    writeln!(out, "\nArticles (passages linked):")?;
    for a in &c.articles {
        writeln!(
            out,
            "  {:>3}. {} ({})",
            a.number,
            one_line(&a.title),
            graph.count(a.target())
        )?;
    }
    write_cited_by(corpus, graph, &links, &counts, out)
}

#[derive(Serialize)]
struct PreambleJson {
    target: &'static str,
    summary: String,
    summary_is_official: bool,
    text: Option<String>,
    cited_by: Vec<CitedByJson>,
    summary_counts: SummaryCountsJson,
}

fn show_preamble(corpus: &Corpus, graph: &LinkGraph, json: bool, out: &mut dyn Write) -> Outcome {
    let p = &corpus.convention.preamble;
    let links = graph.cited_by(Target::Preamble);
    let counts = citing::summary(corpus, graph, Target::Preamble);
    if json {
        let j = PreambleJson {
            target: "preamble",
            summary: one_line(&p.summary),
            summary_is_official: p.summary_is_official,
            text: p.text.clone(),
            cited_by: with_suggested(corpus, graph, &links, Target::Preamble),
            summary_counts: summary_counts_json(&counts),
        };
        return write_json(out, &j);
    }
    writeln!(out, "Preamble\n")?;
    write_texts(out, p.text.as_deref(), &p.summary, p.summary_is_official)?;
    write_cited_by(corpus, graph, &links, &counts, out)
}

#[derive(Serialize)]
struct LinkJson {
    target: String,
    basis: &'static str,
    reason: Option<String>,
    treatment: Option<&'static str>,
    asks: Option<String>,
    /// How strong a suggested link is (basis `suggested` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

#[derive(Serialize)]
struct PassageJson {
    paragraph: usize,
    line: usize,
    text: String,
    links: Vec<LinkJson>,
}

#[derive(Serialize)]
struct SourceJson {
    id: String,
    /// The name lists, briefs and slides show; unique in the corpus.
    short_name: String,
    title: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    kind: Option<String>,
    user: bool,
    passages: usize,
    /// Why the date is inferred, when the source does not state it.
    date_inferred: Option<String>,
    /// Every inferred field with its reason (`{"date": "..."}`).
    inferred: std::collections::BTreeMap<String, String>,
}

#[derive(Serialize)]
struct SourceFullJson {
    #[serde(flatten)]
    meta: SourceJson,
    paragraphs: Vec<PassageJson>,
}

fn source_json(s: &crate::corpus::Source) -> SourceJson {
    SourceJson {
        id: s.id.clone(),
        short_name: one_line(&s.short_name()),
        title: s.meta.title.clone(),
        author: s.meta.author.clone(),
        publisher: s.meta.publisher.clone(),
        date: s.meta.date.clone(),
        url: s.meta.url.clone(),
        kind: s.meta.kind.clone(),
        user: s.user,
        passages: s.passages.len(),
        date_inferred: s.meta.inferred("date").map(str::to_string),
        inferred: s.meta.inferred.clone(),
    }
}

fn show_source(
    corpus: &Corpus,
    graph: &LinkGraph,
    i: usize,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let s = &corpus.sources[i];
    let id = |index| crate::corpus::PassageId { source: i, index };
    if json {
        let suggested: Vec<CitedByJson> =
            super::suggested_entries(corpus, graph, super::Wanted::Source(i));
        let j = SourceFullJson {
            meta: source_json(s),
            paragraphs: s
                .passages
                .iter()
                .enumerate()
                .map(|(k, p)| PassageJson {
                    paragraph: p.number,
                    line: p.line,
                    text: crate::text::clean(&p.text).into_owned(),
                    links: graph
                        .links_of(id(k))
                        .iter()
                        .map(|l| {
                            let (treatment, asks) = link_treatment(corpus, l);
                            LinkJson {
                                target: l.target.to_string(),
                                basis: l.basis.name(),
                                reason: l.basis.reason().map(str::to_string),
                                treatment,
                                asks,
                                score: None,
                            }
                        })
                        .chain(
                            suggested
                                .iter()
                                .filter(|c| c.paragraph == p.number)
                                .map(|c| LinkJson {
                                    target: c.target.clone(),
                                    basis: c.basis,
                                    reason: c.reason.clone(),
                                    treatment: None,
                                    asks: None,
                                    score: c.score,
                                }),
                        )
                        .collect(),
                })
                .collect(),
        };
        return write_json(out, &j);
    }
    write_meta(s, out)?;
    writeln!(out)?;
    for (k, p) in s.passages.iter().enumerate() {
        for h in s.headings_before(k) {
            writeln!(out, "== {} ==\n", one_line(&h.text))?;
        }
        writeln!(out, "[{}]", p.number)?;
        write!(out, "{}", wrap(&p.text, WIDTH, "  "))?;
        let links = graph.links_of(id(k));
        if !links.is_empty() {
            let names: Vec<String> = links
                .iter()
                .map(|l| format!("{} ({})", l.target.label(), l.basis.name()))
                .collect();
            writeln!(out, "  -> {}", names.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_meta(s: &crate::corpus::Source, out: &mut dyn Write) -> Outcome {
    // A value the source does not state says so, with the reason.
    let shown = |key: &str| {
        s.meta
            .shown(key)
            .map_or("unknown".to_string(), |v| one_line(&v))
    };
    writeln!(out, "{}", one_line(&s.display_title()))?;
    writeln!(out, "  id:        {}", s.id)?;
    writeln!(out, "  short:     {}", one_line(&s.short_name()))?;
    writeln!(out, "  title:     {}", shown("title"))?;
    writeln!(out, "  author:    {}", shown("author"))?;
    writeln!(out, "  publisher: {}", shown("publisher"))?;
    writeln!(out, "  date:      {}", shown("date"))?;
    writeln!(out, "  url:       {}", shown("url"))?;
    writeln!(out, "  kind:      {}", shown("kind"))?;
    writeln!(out, "  passages:  {}", s.passages.len())?;
    if s.user {
        writeln!(out, "  (imported into your library)")?;
    }
    Ok(())
}

pub fn sources(corpus: &Corpus, json: bool, out: &mut dyn Write) -> Outcome {
    if json {
        let j: Vec<SourceJson> = corpus.sources.iter().map(source_json).collect();
        return write_json(out, &j);
    }
    for (i, s) in corpus.sources.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_meta(s, out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct RefJson {
    target: String,
    source: String,
    paragraph: usize,
    basis: &'static str,
    reason: Option<String>,
    citation: Option<String>,
    snippet: String,
    treatment: Option<&'static str>,
    asks: Option<String>,
    depth: u8,
    depth_name: &'static str,
    /// How strong a suggested link is (basis `suggested` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

/// The filter and order `treaty refs` was given, checked against the corpus:
/// an unknown source or a malformed date names what is valid.
fn ref_selection(corpus: &Corpus, args: &RefsArgs) -> Result<(RefFilter, RefSort), Failure> {
    let mut sources = Vec::new();
    for id in &args.source {
        match corpus.source_index(id) {
            Some(i) => sources.push(i),
            None => {
                return Err(Failure::usage(format!(
                    "--source: no source '{}': the sources are {}",
                    one_line(id),
                    crate::corpus::lookup::source_list(corpus)
                )));
            }
        }
    }
    for (flag, date) in [("--since", &args.since), ("--until", &args.until)] {
        if let Some(d) = date
            && !citing::is_date(d)
        {
            return Err(Failure::usage(format!(
                "{flag}: '{}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                one_line(d)
            )));
        }
    }
    let filter = RefFilter {
        treatments: args
            .treatment
            .iter()
            .map(|t| match t {
                TreatmentArg::Criticises => Treatment::Criticises,
                TreatmentArg::ProposesChange => Treatment::ProposesChange,
                TreatmentArg::Welcomes => Treatment::Welcomes,
                TreatmentArg::Mentions => Treatment::Mentions,
            })
            .collect(),
        depth_min: args.depth_min.and_then(Depth::from_mark),
        sources,
        basis: args.basis.map(|b| match b {
            BasisArg::Cited => BasisFilter::Cited,
            BasisArg::Inferred => BasisFilter::Inferred,
            BasisArg::Suggested => BasisFilter::Suggested,
        }),
        since: args.since.clone(),
        until: args.until.clone(),
    };
    let sort = match args.sort {
        SortArg::Basis => RefSort::Basis,
        SortArg::Corpus => RefSort::Corpus,
        SortArg::Depth => RefSort::Depth,
        SortArg::Date => RefSort::Date,
        SortArg::Critical => RefSort::Critical,
    };
    Ok((filter, sort))
}

/// A provision's suggestions, after its links, in the order `--sort` asks
/// for (by date, depth or place; otherwise as found, source by source).
fn suggestions_in_order(
    corpus: &Corpus,
    mut list: Vec<CitedByJson>,
    sort: citing::RefSort,
) -> Vec<CitedByJson> {
    let place = |e: &CitedByJson| (corpus.source_index(&e.source), e.paragraph);
    match sort {
        RefSort::Date => list.sort_by_key(|e| {
            let date = corpus
                .source_index(&e.source)
                .and_then(|i| corpus.sources[i].meta.date.clone());
            (date.is_none(), std::cmp::Reverse(date), place(e))
        }),
        RefSort::Depth => list.sort_by_key(|e| (std::cmp::Reverse(e.depth), place(e))),
        RefSort::Corpus => list.sort_by_key(place),
        RefSort::Basis | RefSort::Critical => {}
    }
    list
}

/// The suggested links of `target` the filter keeps (`suggestion_kept`).
fn kept_suggestions(
    corpus: &Corpus,
    graph: &LinkGraph,
    target: Target,
    filter: &RefFilter,
) -> Vec<CitedByJson> {
    super::suggested_entries(corpus, graph, super::Wanted::Target(target))
        .into_iter()
        .filter(|e| suggestion_kept(corpus, filter, e))
        .collect()
}

/// Whether a suggested entry (not in the link graph, so not in
/// `citing::select`) passes the filter: it has no treatment, its depth,
/// source, basis and date are checked as a link's are. Suggestions follow
/// the sorted links.
fn suggestion_kept(corpus: &Corpus, filter: &RefFilter, e: &CitedByJson) -> bool {
    if !filter.treatments.is_empty() {
        return false;
    }
    if filter.depth_min.is_some_and(|d| e.depth < d.mark()) {
        return false;
    }
    let source = corpus.source_index(&e.source);
    if !filter.sources.is_empty() && !source.is_some_and(|i| filter.sources.contains(&i)) {
        return false;
    }
    match filter.basis {
        Some(BasisFilter::Cited) => return false,
        Some(BasisFilter::Inferred) if e.basis != "inferred" => return false,
        Some(BasisFilter::Suggested) if e.basis != "suggested" => return false,
        _ => {}
    }
    if filter.since.is_some() || filter.until.is_some() {
        let date = source.and_then(|i| corpus.sources[i].meta.date.as_deref());
        let Some(date) = date else {
            return false;
        };
        if filter
            .since
            .as_deref()
            .is_some_and(|s| citing::date_cmp(date, s).is_lt())
            || filter
                .until
                .as_deref()
                .is_some_and(|u| citing::date_cmp(date, u).is_gt())
        {
            return false;
        }
    }
    true
}

pub fn refs(
    corpus: &Corpus,
    words: &[String],
    args: &RefsArgs,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let graph = LinkGraph::build(corpus);
    let target = match place(corpus, words)? {
        Place::Target(t) => t,
        Place::Source(i) => {
            return Err(Failure::usage(format!(
                "'{}' is a source; refs lists the passages linked to an article or chapter (try `treaty show source {}`)",
                corpus.sources[i].id, corpus.sources[i].id
            )));
        }
    };
    let (filter, sort) = ref_selection(corpus, args)?;
    let selected = citing::select(corpus, &graph, target, &filter, sort);
    let links: Vec<&Link> = selected.iter().map(|r| r.link).collect();
    if json {
        let j: Vec<RefJson> = cited_by_list(corpus, &graph, &links)
            .into_iter()
            .chain(suggestions_in_order(
                corpus,
                kept_suggestions(corpus, &graph, target, &filter),
                sort,
            ))
            .map(|c| RefJson {
                target: c.target,
                source: c.source,
                paragraph: c.paragraph,
                basis: c.basis,
                reason: c.reason,
                citation: c.citation,
                snippet: c.snippet,
                treatment: c.treatment,
                asks: c.asks,
                depth: c.depth,
                depth_name: c.depth_name,
                score: c.score,
            })
            .collect();
        return write_json(out, &j);
    }
    writeln!(out, "{}", one_line(&corpus.target_heading(target)))?;
    if filter.basis == Some(BasisFilter::Suggested) {
        // No link of the graph is a suggestion: the list is the suggestions'.
        let kept = kept_suggestions(corpus, &graph, target, &filter);
        return write_suggestions(corpus, &kept, out);
    }
    let counts = citing::summary(corpus, &graph, target);
    if !filter.is_empty() {
        writeln!(
            out,
            "{} of the {} passages match the filter.",
            links.len(),
            counts.passages
        )?;
    }
    write_cited_by(corpus, &graph, &links, &counts, out)
}
