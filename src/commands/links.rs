//! `treaty links suggest SOURCE`, `treaty links accept|reject SOURCE#N
//! TARGET`: the suggested links of a source's passages, and the user's
//! decisions on them (stored in the data directory).

use super::{CitedByJson, Failure, Outcome, write_json};
use crate::corpus::{Corpus, PassageId, Target};
use crate::refs::graph::LinkGraph;
use crate::search::suggest::{Suggester, Suggestion, examples};
use crate::user::UserData;
use crate::user::suggestions::{Decision, Decisions, State};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SuggestionJson {
    /// `zamora#3`
    passage: String,
    source: String,
    paragraph: usize,
    target: String,
    basis: &'static str,
    score: f32,
    reason: String,
    state: State,
}

pub fn links(
    corpus: &Corpus,
    action: &str,
    args: &[String],
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let mut user = super::load_user();
    match (action, args) {
        ("suggest", [source]) => {
            let s = source_index(corpus, source)?;
            let graph = LinkGraph::build(corpus);
            let linked = |id: PassageId| !graph.links_of(id).is_empty();
            let found = learned(corpus, &graph).for_source(corpus, s, &linked);
            let rows: Vec<SuggestionJson> = found
                .iter()
                .map(|sug| row(corpus, sug, user.decisions()))
                .filter(|r| r.state != State::Rejected)
                .collect();
            if json {
                return write_json(out, &rows);
            }
            if rows.is_empty() {
                writeln!(out, "no suggestions for {}", crate::text::one_line(source))?;
            }
            for r in &rows {
                let mark = if r.state == State::Accepted {
                    " [accepted]"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{:<20} {:<12} {:>5.1}  {}{mark}",
                    crate::text::truncate(&crate::text::one_line(&r.passage), 20),
                    r.target,
                    r.score,
                    crate::text::one_line(&r.reason)
                )?;
            }
            Ok(())
        }
        ("accept" | "reject", [passage, target]) => {
            let id = passage_id(corpus, passage)?;
            let target = parse_target(target)?;
            let graph = LinkGraph::build(corpus);
            let found = learned(corpus, &graph).for_passage(corpus, id);
            let Some(sug) = found.iter().find(|s| s.target == target) else {
                let offered: Vec<String> = found.iter().map(|s| s.target.to_string()).collect();
                return Err(Failure::usage(format!(
                    "{} is not suggested for {}; suggested: {}",
                    target,
                    crate::text::one_line(passage),
                    if offered.is_empty() {
                        "nothing".to_string()
                    } else {
                        offered.join(", ")
                    }
                )));
            };
            let source = &corpus.sources[id.source];
            let decision = Decision {
                source: source.id.clone(),
                paragraph: id.index + 1,
                target: target.to_string(),
                reason: sug.reason.clone(),
                score: sug.score,
            };
            user.decide(decision, action == "accept")
                .map_err(|e| Failure::runtime(e.to_string()))?;
            let r = row(corpus, sug, user.decisions());
            if json {
                return write_json(out, &r);
            }
            writeln!(
                out,
                "{} {} -> {}: {}",
                if action == "accept" {
                    "accepted"
                } else {
                    "rejected"
                },
                r.passage,
                r.target,
                crate::text::one_line(&r.reason)
            )?;
            Ok(())
        }
        _ => Err(Failure::usage(
            "write: treaty links suggest SOURCE, or treaty links accept|reject SOURCE#N TARGET",
        )),
    }
}

/// The suggester, having learnt from every passage the graph links: what
/// the explorer suggests, the command line suggests too.
fn learned(corpus: &Corpus, graph: &LinkGraph) -> Suggester {
    let links = graph.links().iter().map(|l| (l.passage, l.target));
    Suggester::new(corpus).learn(corpus, examples(corpus, links))
}

/// Whose suggested links `show` and `refs` want.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// Those of one provision, from every source.
    Target(Target),
    /// Those of one source's passages (an index into `Corpus::sources`).
    Source(usize),
}

/// The suggested links of every passage without a link, as `show` and
/// `refs --json` add them to a provision's entries: pending suggestions with
/// basis `suggested`, score and reason; accepted ones as the user's own
/// inferred links, with the reason; rejected ones not at all. Only those
/// `wanted` are computed, never the whole library's.
pub fn suggested_entries(corpus: &Corpus, graph: &LinkGraph, wanted: Wanted) -> Vec<CitedByJson> {
    let (user, _) = UserData::load();
    let decisions = user.decisions();
    let suggester = learned(corpus, graph);
    let linked = |id: PassageId| !graph.links_of(id).is_empty();
    // Graded as the graph grades a link, so a suggestion shows its depth too.
    let mut grader = crate::refs::depth::Grader::new(corpus);
    let found = match wanted {
        Wanted::Target(t) => suggester.for_target(corpus, t, &linked),
        Wanted::Source(s) => suggester.for_source(corpus, s, &linked),
    };
    found
        .into_iter()
        .filter_map(|sug| {
            let r = row(corpus, &sug, decisions);
            let (basis, reason, score) = match r.state {
                State::Rejected => return None,
                State::Accepted => (
                    "inferred",
                    format!("accepted suggestion: {}", r.reason),
                    None,
                ),
                State::Suggested => ("suggested", r.reason.clone(), Some(r.score)),
            };
            let (snippet, depth) = match corpus.passage(sug.passage) {
                Some(p) => (
                    crate::text::snippet(&p.text, 0, 100),
                    grader.depths(&p.text, &graph.citations(sug.passage), &[sug.target])[0],
                ),
                None => (String::new(), crate::refs::depth::Depth::Mentions),
            };
            Some(CitedByJson {
                source: r.source,
                paragraph: r.paragraph,
                basis,
                reason: Some(reason),
                snippet,
                citation: None,
                target: r.target,
                treatment: None,
                asks: None,
                depth: depth.mark(),
                depth_name: depth.name(),
                score,
            })
        })
        .collect()
}

fn row(corpus: &Corpus, sug: &Suggestion, decisions: &Decisions) -> SuggestionJson {
    let source = &corpus.sources[sug.passage.source];
    let paragraph = sug.passage.index + 1;
    let target = sug.target.to_string();
    SuggestionJson {
        passage: format!("{}#{paragraph}", source.id),
        source: source.id.clone(),
        paragraph,
        state: decisions.state(&source.id, paragraph, &target),
        target,
        basis: "suggested",
        score: (sug.score * 100.0).round() / 100.0,
        reason: sug.reason.clone(),
    }
}

fn source_index(corpus: &Corpus, id: &str) -> Result<usize, Failure> {
    corpus.source_index(id).ok_or_else(|| {
        let ids: Vec<&str> = corpus.sources.iter().map(|s| s.id.as_str()).collect();
        Failure::usage(format!(
            "no source '{}': the sources are {}",
            crate::text::one_line(id),
            ids.join(", ")
        ))
    })
}

/// `zamora#3` (or `passage:zamora#3`).
fn passage_id(corpus: &Corpus, text: &str) -> Result<PassageId, Failure> {
    let body = text.strip_prefix("passage:").unwrap_or(text);
    let Some((id, n)) = body.rsplit_once('#') else {
        return Err(Failure::usage(format!(
            "'{}' is not a passage: write SOURCE#N, e.g. zamora#3",
            crate::text::one_line(text)
        )));
    };
    let source = source_index(corpus, id)?;
    let count = corpus.sources[source].passages.len();
    match n.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok(PassageId {
            source,
            index: n - 1,
        }),
        _ => Err(Failure::usage(format!(
            "{} has paragraphs 1 to {count}, not '{}'",
            crate::text::one_line(id),
            crate::text::one_line(n)
        ))),
    }
}

fn parse_target(text: &str) -> Result<Target, Failure> {
    crate::search::named_target(text)
        .map(Ok)
        .unwrap_or_else(|| text.parse::<Target>())
        .map_err(|e| Failure::usage(e.to_string()))
}
