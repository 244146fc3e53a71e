//! The suggested links as the explorer holds them: computed on a thread of
//! their own when the corpus is loaded (a long library takes a second or
//! two, and no key waits for that), taken in by the event loop when ready,
//! and whether the user wants them shown (`suggested_links` in config.toml).

use crate::app::state::behind::build_behind;
use crate::corpus::{Corpus, PassageId, Target};
use crate::refs::graph::LinkGraph;
use crate::search::suggest::{Example, SuggestionTable, examples};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

enum Stage {
    /// Not asked for (a state built in a test, or hidden by the setting).
    Off,
    Computing(Receiver<SuggestionTable>),
    Ready(Arc<SuggestionTable>),
}

pub struct SuggestedLinks {
    stage: Stage,
    /// False when config.toml hides them.
    pub show: bool,
}

impl std::fmt::Debug for SuggestedLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stage = match &self.stage {
            Stage::Off => "off".to_string(),
            Stage::Computing(_) => "computing".to_string(),
            Stage::Ready(t) => format!("{} ready", t.len()),
        };
        f.debug_struct("SuggestedLinks")
            .field("stage", &stage)
            .field("show", &self.show)
            .finish()
    }
}

impl Default for SuggestedLinks {
    fn default() -> Self {
        SuggestedLinks {
            stage: Stage::Off,
            show: true,
        }
    }
}

/// Every link of the graph, as (passage, provision): all the UI thread
/// copies out of the graph, which stays there.
fn graph_links(graph: &LinkGraph) -> Vec<(PassageId, Target)> {
    graph
        .links()
        .iter()
        .map(|l| (l.passage, l.target))
        .collect()
}

/// The passages that have a link (a citation or an analyst's): they get no
/// suggestion, and the suggester learns from them.
fn linked(corpus: &Corpus, links: Vec<(PassageId, Target)>) -> (HashSet<PassageId>, Vec<Example>) {
    let examples = examples(corpus, links);
    (examples.iter().map(|e| e.passage).collect(), examples)
}

impl SuggestedLinks {
    /// Computed here and now (headless tests: nothing depends on timing).
    pub fn inline(corpus: &Corpus, graph: &LinkGraph) -> Self {
        let (linked, examples) = linked(corpus, graph_links(graph));
        SuggestedLinks {
            stage: Stage::Ready(Arc::new(SuggestionTable::build(
                corpus,
                &|p| linked.contains(&p),
                examples,
            ))),
            show: true,
        }
    }

    /// Computed on a thread below the UI's priority; `waker` is called when
    /// they are ready. With `show` false nothing is computed.
    pub fn background(
        corpus: Arc<Corpus>,
        graph: &LinkGraph,
        show: bool,
        waker: Option<crate::search::Waker>,
    ) -> Self {
        if !show {
            return SuggestedLinks {
                stage: Stage::Off,
                show,
            };
        }
        // The examples (each with its place's name) are made on the
        // worker: at 100 MB they are over a hundred thousand.
        let links = graph_links(graph);
        let spawned = build_behind("suggested-links", waker, move || {
            let (linked, examples) = linked(&corpus, links);
            SuggestionTable::build(&corpus, &|p| linked.contains(&p), examples)
        });
        SuggestedLinks {
            stage: match spawned {
                Some(rx) => Stage::Computing(rx),
                None => Stage::Off,
            },
            show,
        }
    }

    /// Whether the table is still being computed.
    pub fn pending(&self) -> bool {
        matches!(self.stage, Stage::Computing(_))
    }

    /// Takes the table in if it has arrived; true when it just did.
    pub fn poll(&mut self) -> bool {
        let Stage::Computing(rx) = &self.stage else {
            return false;
        };
        match rx.try_recv() {
            Ok(table) => {
                self.stage = Stage::Ready(Arc::new(table));
                true
            }
            Err(TryRecvError::Empty) => false,
            // The thread died: no suggestions rather than a hang.
            Err(TryRecvError::Disconnected) => {
                self.stage = Stage::Off;
                true
            }
        }
    }

    /// The suggestions to show: none when hidden or not ready yet.
    pub fn table(&self) -> Option<&SuggestionTable> {
        match &self.stage {
            Stage::Ready(t) if self.show => Some(t),
            _ => None,
        }
    }
}
