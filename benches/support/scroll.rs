//! Scrolling a very long source: one source of many short paragraphs (one
//! line each), opened in a 100x30 explorer, and the time of each scroll key
//! (`update` and the frame drawn after it), as `j`, `PgDn` and `G` are
//! pressed in the text.

use crate::{ms, percentiles};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};
use treaty::app::{self, Action};
use treaty::corpus::{Passage, Place, Source, SourceMeta};
use treaty::refs::graph::LinkGraph;

pub fn run(paragraphs: usize) {
    let mut corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let passages = (1..=paragraphs)
        .map(|n| Passage {
            number: n,
            text: format!("Paragraph {n} says a few words."),
            line: 2 * n,
        })
        .collect();
    corpus.sources.push(Source {
        id: "long".into(),
        path: "long.md".into(),
        meta: SourceMeta::default(),
        passages,
        headings: Vec::new(),
        user: false,
    });
    let source = corpus.sources.len() - 1;
    let graph = LinkGraph::build(&corpus);
    let size = (100, 30);
    let mut state = app::start(&corpus, &graph, Some(Place::Source(source)), size, true);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a terminal");
    let mut draw = |state: &app::AppState| {
        terminal
            .draw(|f| treaty::ui::draw(f, state, &corpus, &graph, &Default::default()))
            .expect("a frame");
    };
    draw(&state);
    let mut keys: Vec<Action> = Vec::new();
    keys.extend(std::iter::repeat_n(Action::Down, 40));
    keys.extend(std::iter::repeat_n(Action::PageDown, 20));
    keys.push(Action::Bottom);
    keys.extend(std::iter::repeat_n(Action::Up, 20));
    let mut times: Vec<Duration> = Vec::new();
    for key in keys {
        let t = Instant::now();
        app::update(&mut state, &corpus, &graph, key);
        draw(&state);
        times.push(t.elapsed());
    }
    let max = times.iter().max().map_or(0.0, |d| ms(*d));
    println!(
        "\n## scrolling a source of {paragraphs} paragraphs (100x30)\n{} scroll keys (j, PgDn, G, k), update and frame: {}, max {max:.1} ms",
        times.len(),
        percentiles(times.clone()),
    );
}
