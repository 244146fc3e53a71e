//! The screen as the state lays it out: the layout at the current size and
//! each visible pane with its entries. Built fresh for every update and every
//! frame; the wrapping it needs is cached, so this is cheap.

use crate::app::scroll::Heights;
use crate::app::state::{AppState, PaneId};
use crate::app::view::entry::Ctx;
use crate::app::view::geometry::{Layout, layout};
use crate::app::view::pane::Pane;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use ratatui::layout::Rect;

pub struct Screen<'a> {
    pub layout: Layout,
    pub ctx: Ctx<'a>,
}

impl<'a> Screen<'a> {
    /// The screen at the size the state knows.
    pub fn new(state: &'a AppState, corpus: &'a Corpus, graph: &'a LinkGraph) -> Self {
        let area = Rect::new(0, 0, state.size.0, state.size.1);
        Self::with_area(state, corpus, graph, area)
    }

    /// The screen laid out in `area` (the frame being drawn).
    pub fn with_area(
        state: &'a AppState,
        corpus: &'a Corpus,
        graph: &'a LinkGraph,
        area: Rect,
    ) -> Self {
        crate::app::probe::screen();
        let ctx = Ctx {
            corpus,
            graph,
            cache: &state.cache,
        };
        let layout = layout(area, state.focus(), state.view(), |width| {
            let items = crate::app::view::document::document(ctx, state.view());
            let mut pane = Pane::new(PaneId::Document, items, usize::from(width), 0, ctx);
            pane.user = Some(&state.user);
            (0..pane.len()).map(|i| pane.height(i)).sum()
        });
        Screen { layout, ctx }
    }

    /// A pane as shown now, or `None` when it is not on screen.
    pub fn pane(&self, state: &'a AppState, id: PaneId) -> Option<Pane<'a>> {
        let r = self.layout.content(id)?;
        Some(self.build(state, id, usize::from(r.width), usize::from(r.height)))
    }

    /// A pane at the size it would have if it were on screen: the one the
    /// focus is moving to may be hidden on a small terminal until then.
    pub fn build(&self, state: &'a AppState, id: PaneId, width: usize, rows: usize) -> Pane<'a> {
        let items = crate::app::view::document::items(self.ctx, state, id);
        let mut pane = Pane::new(id, items, width, rows, self.ctx);
        pane.here = state.view();
        pane.user = Some(&state.user);
        // Each pane gets only what its lines read: working out the selected
        // paragraph means listing a whole source, so not for every pane.
        match id {
            PaneId::Outline => pane.expanded = state.outline.expanded.clone(),
            PaneId::Document => {
                pane.current_link = crate::app::view::document::selected_passage(self.ctx, state)
                    .map(|p| (p, state.here.links.selected));
                if state.focus() == PaneId::Document {
                    pane.current_cite = crate::app::view::citations::current(self.ctx, state);
                }
                pane.found = state
                    .search
                    .found
                    .clone()
                    .filter(|f| f.view == state.view());
            }
            PaneId::Links => {}
        }
        pane
    }
}
