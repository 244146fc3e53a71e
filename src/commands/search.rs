//! `treaty search QUERY`: the same engine as the explorer's search overlay.

use super::{Failure, Outcome, write_json};
use crate::corpus::Corpus;
use crate::search::{HitKind, Scope, SearchIndex};
use crate::text::one_line;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct HitJson {
    kind: &'static str,
    target: String,
    location: String,
    title: String,
    snippet: String,
    /// The engine's points: comparable only within one query; never
    /// negative; a place the query names is at the query's ceiling.
    score: i64,
    /// 0 to 100, on one scale for every query (`search::Scale`).
    relevance: f64,
    /// Why it matched: the index terms and words of the query found, and
    /// where (`index term 'quick freeze'`, `'extradition' in the heading`).
    why: Vec<String>,
}

pub fn search(
    corpus: &Corpus,
    words: &[String],
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    let query = words.join(" ");
    if query.trim().is_empty() {
        return Err(Failure::usage("give something to search for"));
    }
    // Only the passages that can match are indexed: the results are those
    // of the full index, for a fraction of the work.
    let index = SearchIndex::build_for_query(corpus, &query);
    // Read once: the hits, their scale and why each matched all need it.
    let prepared = index.prepare(&query);
    let scale = index.scale(&prepared);
    // Hits under the floor match a word of the query in passing: not listed.
    let (hits, weak): (Vec<_>, Vec<_>) = index
        .search_prepared(&prepared, Scope::All, limit)
        .into_iter()
        .partition(|h| scale.relevance(h.score) >= crate::search::FLOOR);
    if json {
        let rows: Vec<HitJson> = hits
            .iter()
            .map(|h| HitJson {
                kind: kind_name(&h.kind),
                target: h.target_string(corpus),
                location: one_line(&h.location),
                title: one_line(&h.title),
                snippet: one_line(&h.snippet),
                score: scale.points(h.score),
                relevance: scale.relevance(h.score),
                why: index
                    .why(&prepared, h)
                    .iter()
                    .map(|w| one_line(w))
                    .collect(),
            })
            .collect();
        return write_json(out, &rows);
    }
    if hits.is_empty() && !weak.is_empty() {
        writeln!(
            out,
            "no good match for {:?}: {} weaker hit{} (relevance under {} of 100) not listed",
            one_line(&query),
            weak.len(),
            crate::text::plural(weak.len()),
            crate::search::FLOOR
        )?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "no match for {query:?}")?;
        return Ok(());
    }
    for (i, h) in hits.iter().enumerate() {
        writeln!(
            out,
            "{:>2}. {:<8} {:<24} {}",
            i + 1,
            kind_name(&h.kind),
            crate::text::truncate(&one_line(&h.location), 24),
            crate::text::truncate(&one_line(&h.title), 60)
        )?;
        if one_line(&h.snippet) != one_line(&h.title) {
            writeln!(
                out,
                "    {}",
                crate::text::truncate(&one_line(&h.snippet), 100)
            )?;
        }
    }
    Ok(())
}

fn kind_name(kind: &HitKind) -> &'static str {
    match kind {
        HitKind::Article => "article",
        HitKind::Chapter => "chapter",
        HitKind::Source => "source",
        HitKind::Passage => "passage",
    }
}
