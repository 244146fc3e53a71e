//! The link graph on a generated corpus: how long `LinkGraph::build` takes
//! (citations extracted, curated links joined, every link's depth graded)
//! and how much memory the built graph holds, as resident anonymous memory
//! before and after the build (the corpus is built first and kept).

use crate::{MB, ms, status_mb};
use std::time::Instant;
use treaty::refs::graph::LinkGraph;

pub fn run(mb: usize, seed: u64) {
    let corpus = super::corpus(mb * MB, seed);
    let text = super::passage_bytes(&corpus) as f64 / MB as f64;
    let before = status_mb("RssAnon");
    let t = Instant::now();
    let graph = LinkGraph::build(&corpus);
    let build = t.elapsed();
    let held = status_mb("RssAnon") - before;
    let citations: usize = corpus.passage_ids().map(|p| graph.citations(p).len()).sum();
    println!(
        "\n## {mb} MB, the link graph: {} links ({} cited), {citations} citations, {:.1} MB of passages",
        graph.links().len(),
        graph.cited_count(),
        text
    );
    println!(
        "link graph: built in {:.0} ms; holds {held:.1} MB = {:.2}x the passage text",
        ms(build),
        held / text
    );
    drop(graph);
}
