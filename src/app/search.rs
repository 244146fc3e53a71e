//! The search overlay (`/`): what is typed, the scope, the results as they
//! stream in from the engine, the one selected, and the queries of this
//! session. Its keys arrive here from `update`; opening a result and `n` /
//! `N` are in `occurrence`.

use super::action::{Action, Effect, MouseInput, MouseKind};
use super::geometry::{MIN_HEIGHT, MIN_WIDTH};
use super::occurrence::{self, Found};
use super::search_engine::Engine;
use super::state::{AppState, Overlay};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::search::{Hit, Scope, SearchResults};
use ratatui::layout::Rect;

/// Longest query kept, in chars.
pub const INPUT_LIMIT: usize = 200;
/// Queries remembered for Up / Down.
pub const HISTORY_LIMIT: usize = 100;

/// What search remembers across overlays, for the whole session.
#[derive(Debug, Default)]
pub struct SearchSession {
    pub engine: Engine,
    /// Queries searched, oldest first, each once.
    pub history: Vec<String>,
    /// The scope the overlay opens with: the one used last.
    pub scope: Scope,
    /// The query `n` / `N` look for: the last one a result was opened from.
    pub last: Option<String>,
    /// The occurrence marked in a view.
    pub found: Option<Found>,
    /// Results taken in so far; the event loop draws again when it grows.
    pub arrivals: u64,
}

impl SearchSession {
    /// Builds the index of `corpus` on its own thread, for the real binary;
    /// again after the corpus changed (an import). The corpus is shared, not
    /// copied, so the UI thread does not stall on a large one.
    pub fn index_in_background(&mut self, corpus: &std::sync::Arc<Corpus>) {
        self.engine = Engine::background(std::sync::Arc::clone(corpus));
        self.found = None;
    }

    /// Remembers `query` as the newest of the session.
    pub fn remember(&mut self, query: &str) {
        let q = query.trim();
        if q.is_empty() {
            return;
        }
        self.history.retain(|h| h != q);
        if self.history.len() >= HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(q.to_string());
    }
}

/// The overlay while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchOverlay {
    pub input: String,
    /// Byte offset of the cursor in `input`, on a char boundary.
    pub cursor: usize,
    pub scope: Scope,
    /// Best first. They answer `answered`, which may lag behind the input
    /// while a newer search runs.
    pub hits: Vec<Hit>,
    pub answered: Option<(String, Scope)>,
    /// The complete list arrived (not only a first batch).
    pub complete: bool,
    pub selected: usize,
    /// First result shown.
    pub top: usize,
    /// Walking the history: the index shown, and what was typed before.
    pub recall: Option<usize>,
    pub draft: String,
    /// Enter came before the results: open the first one when they arrive.
    pub open_when_done: bool,
}

impl SearchOverlay {
    /// Whether the results shown answer what is typed now.
    pub fn is_current(&self) -> bool {
        self.answered
            .as_ref()
            .is_some_and(|(q, s)| *q == self.input && *s == self.scope)
    }

    /// The query the shown hits answer (their highlights are for it).
    pub fn answered_query(&self) -> &str {
        self.answered.as_ref().map_or("", |(q, _)| q.as_str())
    }
}

/// Where the overlay's parts are at a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SearchLayout {
    /// The whole overlay; empty when the terminal is too small.
    pub frame: Rect,
    /// With a border, the title is on the top border; without, on its own row.
    pub bordered: bool,
    pub title: Rect,
    pub input: Rect,
    /// The row under the input saying how many results there are.
    pub status: Option<Rect>,
    pub list: Rect,
    /// The selected result in context, beside the list on wide screens.
    pub preview: Option<Rect>,
    /// The column between the list and the preview.
    pub divider: Option<Rect>,
    /// Rows each result takes: one on a wide list, else two.
    pub rows_per_hit: usize,
}

impl SearchLayout {
    /// Results that fit in the list.
    pub fn capacity(&self) -> usize {
        (usize::from(self.list.height) / self.rows_per_hit.max(1)).max(1)
    }
}

/// From this inner width the preview stands beside the list.
pub const PREVIEW_WIDTH: u16 = 90;
/// From this list width a result takes one row.
pub const ONE_ROW_WIDTH: u16 = 70;

/// Lays the overlay out over the views; the footer stays visible below it.
pub fn layout(area: Rect) -> SearchLayout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return SearchLayout::default();
    }
    let footer_h = if area.height >= 10 { 2 } else { 1 };
    let frame = Rect {
        height: area.height - footer_h,
        ..area
    };
    let bordered = frame.width >= 40 && frame.height >= 10;
    let (title, inner) = if bordered {
        (
            Rect { height: 1, ..frame },
            Rect {
                x: frame.x + 1,
                y: frame.y + 1,
                width: frame.width - 2,
                height: frame.height - 2,
            },
        )
    } else {
        (
            Rect { height: 1, ..frame },
            Rect {
                y: frame.y + 1,
                height: frame.height - 1,
                ..frame
            },
        )
    };
    let input = Rect { height: 1, ..inner };
    let has_status = inner.height >= 5;
    let status = has_status.then_some(Rect {
        y: inner.y + 1,
        height: 1,
        ..inner
    });
    let used = if has_status { 2 } else { 1 };
    let rest = Rect {
        y: inner.y + used,
        height: inner.height.saturating_sub(used),
        ..inner
    };
    let (list, divider, preview) = if rest.width >= PREVIEW_WIDTH {
        let list_w = (rest.width - 1) * 52 / 100;
        (
            Rect {
                width: list_w,
                ..rest
            },
            Some(Rect {
                x: rest.x + list_w,
                width: 1,
                ..rest
            }),
            Some(Rect {
                x: rest.x + list_w + 1,
                width: rest.width - list_w - 1,
                ..rest
            }),
        )
    } else {
        (rest, None, None)
    };
    SearchLayout {
        frame,
        bordered,
        title,
        input,
        status,
        list,
        preview,
        divider,
        rows_per_hit: if list.width >= ONE_ROW_WIDTH { 1 } else { 2 },
    }
}

fn overlay_layout(state: &AppState) -> SearchLayout {
    layout(Rect::new(0, 0, state.size.0, state.size.1))
}

/// `/`: opens the overlay, empty, in the scope used last.
pub fn open(state: &mut AppState, corpus: &Corpus) {
    let scope = state.search.scope;
    state.overlay = Some(Overlay::Search(Box::new(SearchOverlay {
        scope,
        ..SearchOverlay::default()
    })));
    // Starts the index, if it is not built yet, before the first key.
    let _ = state.search.engine.poll(corpus);
}

/// Handles `action` when the overlay is open and the action is one of its
/// own; `None` leaves it to the views (quit, suspend, resize, polling).
pub fn intercept(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: Action,
) -> Option<Effect> {
    let Some(Overlay::Search(o)) = &mut state.overlay else {
        return None;
    };
    let edit = |o: &mut SearchOverlay, f: &dyn Fn(&mut SearchOverlay)| {
        let before = o.input.clone();
        f(o);
        before != o.input
    };
    let mut changed = false;
    match action {
        Action::PromptChar(c) => {
            changed = edit(o, &|o| {
                if !c.is_control() && o.input.chars().count() < INPUT_LIMIT {
                    o.input.insert(o.cursor, c);
                    o.cursor += c.len_utf8();
                }
            })
        }
        Action::PromptBackspace => {
            changed = edit(o, &|o| {
                if let Some((at, _)) = o.input[..o.cursor].char_indices().next_back() {
                    o.input.remove(at);
                    o.cursor = at;
                }
            })
        }
        Action::PromptDelete => {
            changed = edit(o, &|o| {
                if o.cursor < o.input.len() {
                    o.input.remove(o.cursor);
                }
            })
        }
        Action::PromptClear => {
            changed = edit(o, &|o| {
                o.input.clear();
                o.cursor = 0;
            })
        }
        Action::CursorLeft => {
            o.cursor = o.input[..o.cursor]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i)
        }
        Action::CursorRight => {
            o.cursor = o.input[o.cursor..]
                .chars()
                .next()
                .map_or(o.cursor, |c| o.cursor + c.len_utf8())
        }
        Action::CursorStart => o.cursor = 0,
        Action::CursorEnd => o.cursor = o.input.len(),
        Action::OlderQuery | Action::NewerQuery => {
            let history = &state.search.history;
            let to = match (o.recall, action == Action::OlderQuery) {
                (None, true) if !history.is_empty() => {
                    o.draft = o.input.clone();
                    Some(Some(history.len() - 1))
                }
                (Some(i), true) => Some(Some(i.saturating_sub(1))),
                (Some(i), false) if i + 1 < history.len() => Some(Some(i + 1)),
                (Some(_), false) => Some(None),
                (None, true) => {
                    state.status = Some(super::state::Status {
                        text: "No earlier searches in this session yet.".into(),
                        error: false,
                    });
                    None
                }
                _ => None,
            };
            if let Some(to) = to {
                o.recall = to;
                o.input = match to {
                    Some(i) => history[i].clone(),
                    None => std::mem::take(&mut o.draft),
                };
                o.cursor = o.input.len();
                changed = true;
            }
        }
        Action::NextScope => {
            o.scope = o.scope.next();
            state.search.scope = o.scope;
            changed = true;
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let l = overlay_layout(state);
            if let Some(Overlay::Search(o)) = &mut state.overlay {
                move_selection(o, &action, l.capacity());
            }
            return Some(Effect::Nothing);
        }
        Action::PromptSubmit => {
            submit(state, corpus, graph);
            return Some(Effect::Nothing);
        }
        Action::Close => {
            let input = o.input.clone();
            state.search.remember(&input);
            state.overlay = None;
            return Some(Effect::Nothing);
        }
        Action::Mouse(m) => {
            mouse(state, corpus, graph, m);
            return Some(Effect::Nothing);
        }
        // `/` again, or from the help: start afresh.
        Action::Search => {
            open(state, corpus);
            return Some(Effect::Nothing);
        }
        _ => return None,
    }
    if changed {
        let (query, scope) = {
            o.selected = 0;
            o.top = 0;
            o.open_when_done = false;
            if matches!(action, Action::PromptChar(_) | Action::PromptBackspace)
                || matches!(action, Action::PromptDelete | Action::PromptClear)
            {
                o.recall = None;
            }
            (o.input.clone(), o.scope)
        };
        state.search.engine.submit(corpus, &query, scope);
        // An inline engine answers at once; the real one is polled.
        poll(state, corpus, graph);
    }
    Some(Effect::Nothing)
}

/// Moves the selection in the list and keeps it in view.
fn move_selection(o: &mut SearchOverlay, action: &Action, rows: usize) {
    let last = o.hits.len().saturating_sub(1);
    let page = rows.saturating_sub(1).max(1);
    o.selected = match action {
        Action::Up => o.selected.saturating_sub(1),
        Action::Down => (o.selected + 1).min(last),
        Action::PageUp => o.selected.saturating_sub(page),
        Action::PageDown => (o.selected + page).min(last),
        Action::Top => 0,
        _ => last,
    };
    o.top = visible_top(o.top, o.selected, rows, o.hits.len());
}

/// The first row to show so that `selected` is in view, moving as little as
/// possible from `top`.
pub fn visible_top(top: usize, selected: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let top = if selected < top {
        selected
    } else if selected >= top + rows {
        selected + 1 - rows
    } else {
        top
    };
    top.min(len.saturating_sub(rows))
}

/// Enter: opens the selected result, or the first once results arrive.
fn submit(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(Overlay::Search(o)) = &mut state.overlay else {
        return;
    };
    if o.input.trim().is_empty() {
        state.info("Type what to look for; Up recalls an earlier search.");
        return;
    }
    if !o.is_current() || !o.complete {
        o.open_when_done = true;
        return;
    }
    let Some(hit) = o.hits.get(o.selected).cloned() else {
        let (query, scope) = (o.input.clone(), o.scope);
        state.info(no_results(&query, scope));
        return;
    };
    let query = o.input.clone();
    state.search.remember(&query);
    state.overlay = None;
    occurrence::open_hit(state, corpus, graph, &hit, &query);
}

fn no_results(query: &str, scope: Scope) -> String {
    let within = match scope {
        Scope::All => String::new(),
        s => format!(" in {}", s.name()),
    };
    format!(
        "No results for '{}'{within}: Tab changes the scope.",
        crate::text::one_line(query)
    )
}

/// Takes in results that arrived, if any; opens a result Enter asked for.
pub fn poll(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(results) = state.search.engine.poll(corpus) else {
        return;
    };
    state.search.arrivals += 1;
    let rows = overlay_layout(state).capacity();
    let Some(Overlay::Search(o)) = &mut state.overlay else {
        return;
    };
    if results.query != o.input || results.scope != o.scope {
        return;
    }
    take(o, results, rows);
    if o.open_when_done && o.complete {
        o.open_when_done = false;
        submit(state, corpus, graph);
    }
}

/// Puts results in the list; a complete list following a first batch of
/// the same query keeps the place the user moved to selected. Untouched, the
/// selection stays on the best result: a first batch is only the best of
/// part of the corpus, and following its top item down the complete list
/// would scroll the best results out of view.
fn take(o: &mut SearchOverlay, results: SearchResults, rows: usize) {
    let answers = Some((results.query.clone(), results.scope));
    let same = o.answered == answers && o.selected > 0;
    let keep = o.hits.get(o.selected).map(|h| h.place);
    o.hits = results.hits;
    o.answered = answers;
    o.complete = results.done;
    o.selected = if same {
        keep.and_then(|p| o.hits.iter().position(|h| h.place == p))
            .unwrap_or(0)
    } else {
        0
    };
    o.top = visible_top(if same { o.top } else { 0 }, o.selected, rows, o.hits.len());
}

/// The wheel moves the selection; a click selects a result, a click on the
/// selected one opens it.
fn mouse(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, m: MouseInput) {
    let l = overlay_layout(state);
    let Some(Overlay::Search(o)) = &mut state.overlay else {
        return;
    };
    match m.kind {
        MouseKind::WheelUp => move_selection(o, &Action::Up, l.capacity()),
        MouseKind::WheelDown => move_selection(o, &Action::Down, l.capacity()),
        MouseKind::Click => {
            let r = l.list;
            let inside = m.column >= r.x
                && m.column < r.x + r.width
                && m.row >= r.y
                && m.row < r.y + r.height;
            if !inside {
                return;
            }
            let top = visible_top(o.top, o.selected, l.capacity(), o.hits.len());
            let i = top + usize::from(m.row - r.y) / l.rows_per_hit.max(1);
            if i >= o.hits.len() {
                return;
            }
            if i == o.selected {
                submit(state, corpus, graph);
            } else {
                o.selected = i;
                o.top = top;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Target;
    use crate::search::{HitKind, HitPlace};

    fn hit(n: u8) -> Hit {
        Hit {
            kind: HitKind::Article,
            place: HitPlace::Target(Target::Article(n)),
            location: format!("Art. {n}"),
            title: String::new(),
            snippet: String::new(),
            score: 1,
            span: None,
        }
    }

    fn results(query: &str, ns: &[u8], done: bool) -> SearchResults {
        SearchResults {
            query: query.to_string(),
            scope: Scope::All,
            hits: ns.iter().map(|n| hit(*n)).collect(),
            done,
        }
    }

    #[test]
    fn the_complete_list_keeps_an_untouched_selection_on_the_best_result() {
        let mut o = SearchOverlay {
            input: "surv".into(),
            ..SearchOverlay::default()
        };
        // A first batch from part of the corpus, then the complete list in
        // which its top item is far down.
        take(&mut o, results("surv", &[40, 41, 42], false), 5);
        let far: Vec<u8> = (1..=40).collect();
        take(&mut o, results("surv", &far, true), 5);
        assert_eq!((o.selected, o.top), (0, 0));
    }

    #[test]
    fn the_complete_list_keeps_the_result_the_user_moved_to() {
        let mut o = SearchOverlay {
            input: "surv".into(),
            ..SearchOverlay::default()
        };
        take(&mut o, results("surv", &[40, 41, 42], false), 5);
        o.selected = 1;
        let all: Vec<u8> = (1..=45).collect();
        take(&mut o, results("surv", &all, true), 5);
        assert_eq!(o.hits[o.selected].location, "Art. 41");
        assert!(o.top <= o.selected && o.selected < o.top + 5);
    }

    #[test]
    fn layout_fits_every_size() {
        for w in 0..160u16 {
            for h in 0..50u16 {
                let l = layout(Rect::new(0, 0, w, h));
                for r in [
                    Some(l.frame),
                    Some(l.input),
                    Some(l.list),
                    l.preview,
                    l.status,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(r.x + r.width <= w && r.y + r.height <= h, "{w}x{h} {r:?}");
                }
                if w >= MIN_WIDTH && h >= MIN_HEIGHT {
                    assert!(l.input.height == 1 && l.list.height >= 1, "{w}x{h}");
                }
            }
        }
    }

    #[test]
    fn preview_only_when_wide() {
        assert!(layout(Rect::new(0, 0, 100, 30)).preview.is_some());
        assert!(layout(Rect::new(0, 0, 60, 20)).preview.is_none());
        let small = layout(Rect::new(0, 0, 20, 6));
        assert!(!small.bordered && small.list.height >= 2);
    }

    #[test]
    fn the_selection_stays_in_view() {
        assert_eq!(visible_top(0, 12, 5, 40), 8);
        assert_eq!(visible_top(8, 3, 5, 40), 3);
        assert_eq!(visible_top(8, 9, 5, 40), 8);
        assert_eq!(visible_top(38, 39, 5, 40), 35);
        assert_eq!(visible_top(3, 0, 5, 0), 0);
    }

    #[test]
    fn history_keeps_each_query_once_newest_last() {
        let mut s = SearchSession::default();
        for q in ["a", "b", "a", "  ", "c"] {
            s.remember(q);
        }
        assert_eq!(s.history, ["b", "a", "c"]);
    }
}
