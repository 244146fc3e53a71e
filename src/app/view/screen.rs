//! The screen as the state lays it out: the layout at the current size and
//! each visible pane with its entries. Built fresh for every update and every
//! frame; the wrapping it needs is cached, so this is cheap.

use crate::app::scroll::Heights;
use crate::app::state::{AppState, PaneId, View};
use crate::app::view::entry::Ctx;
use crate::app::view::geometry::{Layout, layout};
use crate::app::view::pane::Pane;
use crate::app::wrap::Derived;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use ratatui::layout::Rect;

/// The lines of an article kept on screen while its passages are read in
/// place: its title and chapter.
const HEADING_LINES: usize = 2;

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
        let ctx = Ctx {
            corpus,
            graph,
            cache: &state.cache,
            keys: &state.keymap,
        };
        let (focus, view) = (state.focus(), state.view());
        let summary = state.cache.shows_summary();
        // The layout reads the height of an article's text, which holds the
        // user's mark and note on it: they are part of the key.
        let marks = match view {
            View::Article(n) => Some(crate::user::ItemRef::article(n)),
            View::Preamble => Some(crate::user::ItemRef::Target(
                crate::corpus::Target::Preamble,
            )),
            _ => None,
        }
        .map(|item| {
            (
                state.user.is_bookmarked(&item),
                state.user.note(&item).map(str::to_string),
            )
        });
        // Suggested links add lines under paragraphs: their arrival and the
        // user's decisions change the heights.
        let decisions = state.user.decisions();
        let suggested = (
            state.suggested.table().map(|t| t.len()),
            decisions.accepted.len(),
            decisions.rejected.len(),
        );
        let expanded = state.outline.expanded.clone();
        // While the reader reads passages in place in Cited by, the list
        // takes the room and the article keeps its heading lines.
        let reading_in_place = focus == PaneId::Links
            && view
                .target()
                .is_some_and(|t| state.cited.open.iter().any(|(o, _)| *o == t));
        let has_cited = view.target().is_some_and(|t| graph.count(t) > 0);
        let key = (
            area,
            focus,
            view,
            summary,
            marks,
            suggested,
            expanded,
            reading_in_place,
        );
        let layout = *state.cache.memo(Derived::Layout, key, || {
            crate::app::probe::screen();
            // What the outline's titles need: read only when the layout is
            // computed again, not on every update and frame.
            let want = outline_want(corpus, &state.outline.expanded);
            layout(area, focus, (view, has_cited), want, |width| {
                if reading_in_place {
                    return HEADING_LINES;
                }
                let items = crate::app::view::document::document(ctx, view);
                let mut pane = Pane::new(PaneId::Document, items, usize::from(width), 0, ctx);
                pane.user = Some(&state.user);
                pane.suggested = state.suggested.table();
                (0..pane.len()).map(|i| pane.height(i)).sum()
            })
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
        pane.suggested = state.suggested.table();
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
            PaneId::Links => pane.cited = Some(&state.cited),
        }
        pane
    }
}

/// How wide the outline would be with every title of its open chapters
/// whole (borders included), up to a limit: the sources' long titles may be
/// cut, the provisions' should not.
fn outline_want(corpus: &Corpus, expanded: &[u8]) -> u16 {
    use crate::text::{one_line, width};
    let mut want = 0;
    for ch in &corpus.convention.chapters {
        // `• ▾ IV Title`
        want = want.max(6 + ch.roman().len() + width(&one_line(&ch.title)));
        if expanded.contains(&ch.number) {
            for a in &ch.articles {
                // `•   24 Title   11`
                want = want.max(11 + width(&one_line(&a.title)));
            }
        }
    }
    (want + 2).min(64) as u16
}
