//! The explorer before and after its link graph arrives: the first frame is
//! drawn with a pending graph, whose counts read `…` and whose Cited by list
//! says it is counting (never a zero that is not known yet); when the graph
//! arrives the counts and the list fill in, and keys work on them.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::corpus::{Place, Target};
use treaty::refs::graph::{LinkGraph, PENDING_NOTE};

/// The built-in corpus at Art. 23, drawn with a graph still being built.
fn pending_at_23() -> App {
    let corpus = treaty::corpus::load_embedded().expect("embedded corpus");
    App::with_graph(
        corpus,
        LinkGraph::pending(),
        100,
        30,
        Some(Place::Target(Target::Article(23))),
    )
}

/// The link graph built and handed to the explorer, as the event loop does
/// when the worker sends it.
fn graph_arrives(app: &mut App) {
    app.graph = LinkGraph::build(&app.corpus);
    treaty::explorer::graph_arrived(&mut app.state, &app.corpus, &app.graph);
}

/// The outline row of Art. `n`, as drawn.
fn outline_row(screen: &str, n: u8) -> String {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{n} ")) || l.contains(&format!(" {n} ")))
        .map(|l| l.split('│').next().unwrap_or("").to_string())
        .unwrap_or_default()
}

#[test]
fn counts_wait_for_the_graph_and_fill_in_when_it_arrives() {
    let mut app = pending_at_23();
    let before = app.screen();
    assert!(before.contains(PENDING_NOTE), "{before}");
    assert!(before.contains("Cited by (…)"), "{before}");
    let row = outline_row(&before, 24);
    assert!(
        row.trim_end().ends_with('…'),
        "Art. 24's count pending: {row:?}"
    );
    assert!(!before.contains("No passage in the corpus"), "{before}");

    graph_arrives(&mut app);
    let after = app.screen();
    assert!(!after.contains(PENDING_NOTE), "{after}");
    let n = app.graph.count(Target::Article(24));
    assert!(n > 0);
    let row = outline_row(&after, 24);
    assert!(
        row.trim_end().ends_with(&n.to_string()),
        "{row:?} ends with {n}"
    );
    assert!(after.contains("Cited by ("), "{after}");

    // Keys walk the links that arrived: Tab takes the first entry of Cited
    // by and Enter opens its passage.
    app.keys(&[code(KeyCode::Tab)]);
    assert!(app.screen().contains("▶ Cited by"), "{}", app.screen());
    app.keys(&[code(KeyCode::Enter)]);
    assert!(app.screen().contains("Links of ¶"), "{}", app.screen());
    app.keys(&[key('q')]);
}

/// A graph arriving while a source is open fills in the links beside its
/// paragraphs.
#[test]
fn a_source_open_before_the_graph_shows_its_links_after() {
    let mut app = pending_at_23();
    app.keys(&[key(':')]);
    app.typed("zamora");
    app.keys(&[code(KeyCode::Enter)]);
    let before = app.screen();
    assert!(before.contains("Links of ¶ 1 (…)"), "{before}");
    graph_arrives(&mut app);
    let after = app.screen();
    assert!(!after.contains("(…)"), "{after}");
    assert!(!after.contains(PENDING_NOTE), "{after}");
}

/// The compact graph answers as a plain list of its links does: every
/// link is found from its target and from its passage, once, and a
/// passage's citations are the ones extraction finds in its text.
#[test]
fn the_compact_graph_agrees_with_its_links() {
    let corpus = treaty::corpus::load_embedded().expect("embedded corpus");
    let g = LinkGraph::build(&corpus);
    // The checks below run once per link: with no link they would prove
    // nothing.
    assert!(!g.links().is_empty(), "the embedded corpus has links");
    let mut from_targets = 0;
    for l in g.links() {
        let by_target = g.cited_by(l.target);
        assert_eq!(by_target.iter().filter(|x| **x == l).count(), 1, "{l:?}");
        let by_passage = g.links_of(l.passage);
        assert_eq!(by_passage.iter().filter(|x| **x == l).count(), 1, "{l:?}");
        // One link per passage and target.
        assert_eq!(
            by_passage.iter().filter(|x| x.target == l.target).count(),
            1
        );
    }
    let targets = std::iter::once(Target::Preamble)
        .chain((1..=9).map(Target::Chapter))
        .chain((1..=68).map(Target::Article));
    for t in targets {
        from_targets += g.count(t);
    }
    assert_eq!(from_targets, g.links().len());
    for id in corpus.passage_ids() {
        let text = &corpus.passage(id).expect("passage").text;
        let found = treaty::refs::extract::extract(text);
        let stored = g.citations(id);
        assert_eq!(found.len(), stored.len(), "{id:?}");
        for (a, b) in found.iter().zip(&stored) {
            assert_eq!(
                (
                    &a.span,
                    a.line,
                    a.column,
                    &a.text,
                    &a.targets,
                    &a.pinpoint,
                    &a.problem
                ),
                (
                    &b.span,
                    b.line,
                    b.column,
                    &b.text,
                    &b.targets,
                    &b.pinpoint,
                    &b.problem
                )
            );
        }
    }
}
