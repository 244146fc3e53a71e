//! `treaty check`: validate a corpus and report its size, and, once the
//! authentic text is imported, the summaries that copy runs of it.

use super::shared_runs::{MIN_RUN, SharedRun, find_shared_runs};
use super::{Failure, Outcome, write_json};
use crate::corpus::{Corpus, Origin, Problem};
use crate::refs::graph::LinkGraph;
use crate::text::plural;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct Counts {
    chapters: usize,
    articles: usize,
    sources: usize,
    passages: usize,
    links: usize,
    cited: usize,
    inferred: usize,
    concerns: usize,
    timeline: usize,
    /// Terms of the subject index (`index.json`).
    index_terms: usize,
}

#[derive(Serialize)]
struct UnresolvedJson {
    file: String,
    line: usize,
    column: usize,
    text: String,
    problem: String,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    ok: bool,
    corpus: String,
    counts: Option<Counts>,
    unresolved: Vec<UnresolvedJson>,
    problems: &'a [Problem],
    /// Runs of 8 or more words a summary shares with the authentic text;
    /// each is also a problem. Empty without the authentic text.
    shared_runs: Vec<SharedRun>,
}

fn origin_name(data: Option<&Path>) -> String {
    data.map_or_else(|| "embedded".to_string(), |d| d.display().to_string())
}

fn counts(corpus: &Corpus, graph: &LinkGraph) -> Counts {
    Counts {
        chapters: corpus.convention.chapters.len(),
        articles: corpus.articles().count(),
        sources: corpus.sources.len(),
        passages: corpus.passage_count(),
        links: graph.links().len(),
        cited: graph.cited_count(),
        inferred: graph.inferred_count(),
        concerns: corpus.concerns.len(),
        timeline: corpus.timeline.len(),
        index_terms: corpus.subject.term_count(),
    }
}

/// Unresolved citations in the corpus's own texts, located in their files.
fn unresolved(corpus: &Corpus, graph: &LinkGraph) -> Vec<UnresolvedJson> {
    graph
        .unresolved
        .iter()
        .filter_map(|u| {
            let src = corpus.sources.get(u.passage.source)?;
            let p = corpus.passage(u.passage)?;
            Some(UnresolvedJson {
                file: src.path.clone(),
                line: p.line + u.citation.line - 1,
                // Passage lines are the file's lines, so columns carry over.
                column: u.citation.column,
                text: crate::text::one_line(&u.citation.text),
                problem: u.citation.problem.clone().unwrap_or_default(),
            })
        })
        .collect()
}

pub fn check(data: Option<&Path>, json: bool, out: &mut dyn Write) -> Outcome {
    let corpus_name = origin_name(data);
    match super::load(data) {
        Ok(corpus) => {
            let graph = LinkGraph::build(&corpus);
            let c = counts(&corpus, &graph);
            let unresolved = unresolved(&corpus, &graph);
            let shared = find_shared_runs(&corpus);
            if !shared.is_empty() {
                return copied_summaries(corpus_name, c, unresolved, shared, json, out);
            }
            if json {
                return write_json(
                    out,
                    &CheckJson {
                        ok: true,
                        corpus: corpus_name,
                        counts: Some(c),
                        unresolved,
                        problems: &[],
                        shared_runs: Vec::new(),
                    },
                );
            }
            let origin = match &corpus.origin {
                Origin::Embedded => "embedded corpus".to_string(),
                Origin::Dir(d) => d.display().to_string(),
            };
            writeln!(out, "ok: {origin}")?;
            writeln!(out, "chapters   {:>5}", c.chapters)?;
            writeln!(out, "articles   {:>5}", c.articles)?;
            writeln!(out, "sources    {:>5}", c.sources)?;
            writeln!(out, "passages   {:>5}", c.passages)?;
            writeln!(
                out,
                "links      {:>5}  ({} cited, {} inferred)",
                c.links, c.cited, c.inferred
            )?;
            writeln!(out, "concerns   {:>5}", c.concerns)?;
            writeln!(out, "timeline   {:>5}", c.timeline)?;
            writeln!(out, "index terms{:>5}", c.index_terms)?;
            if !unresolved.is_empty() {
                writeln!(
                    out,
                    "\n{} unresolved citation{} (not linked):",
                    unresolved.len(),
                    plural(unresolved.len())
                )?;
                for u in &unresolved {
                    writeln!(
                        out,
                        "  {}:{}:{}: {:?}: {}",
                        u.file, u.line, u.column, u.text, u.problem
                    )?;
                }
            }
            Ok(())
        }
        Err(problems) => {
            if json {
                write_json(
                    out,
                    &CheckJson {
                        ok: false,
                        corpus: corpus_name,
                        counts: None,
                        unresolved: Vec::new(),
                        problems: &problems.0,
                        shared_runs: Vec::new(),
                    },
                )?;
                // The problems are in the JSON; nothing more for stderr.
                return Err(Failure::usage(String::new()));
            }
            let n = problems.0.len();
            Err(Failure::usage(format!(
                "{problems}{n} problem{} in {corpus_name}",
                plural(n)
            )))
        }
    }
}

/// A corpus that loads but whose summaries copy the authentic text: each run
/// is a problem at the summary, and the check fails (exit status 2).
fn copied_summaries(
    corpus_name: String,
    counts: Counts,
    unresolved: Vec<UnresolvedJson>,
    shared: Vec<SharedRun>,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let problems: Vec<Problem> = shared
        .iter()
        .map(|r| Problem::at(&r.file, r.line, r.column, r.message()))
        .collect();
    if json {
        write_json(
            out,
            &CheckJson {
                ok: false,
                corpus: corpus_name,
                counts: Some(counts),
                unresolved,
                problems: &problems,
                shared_runs: shared,
            },
        )?;
        return Err(Failure::usage(String::new()));
    }
    let n = problems.len();
    let listed: String = problems.iter().map(|p| format!("{p}\n")).collect();
    Err(Failure::usage(format!(
        "{listed}{n} summar{} share{} a run of {MIN_RUN} or more words with the authentic text in {corpus_name}",
        if n == 1 { "y" } else { "ies" },
        if n == 1 { "s" } else { "" },
    )))
}
