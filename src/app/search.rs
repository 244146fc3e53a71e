//! The search overlay (`/`): what is typed, the scope, the results as they
//! stream in from the engine, the one selected, and the queries of this
//! session. Its keys arrive here from `update`; opening a result and `n` /
//! `N` are in `occurrence`.

use crate::app::action::{Action, Effect, MouseInput, MouseKind};
use crate::app::nav::fresh;
use crate::app::nav::go;
use crate::app::nav::passage_changed;
use crate::app::scroll::Anchor;
use crate::app::settle::settle;
use crate::app::state::PaneId;
use crate::app::state::View;
use crate::app::state::editor::one_line_paste;
use crate::app::state::search::Found;
use crate::app::state::search::INPUT_LIMIT;
use crate::app::state::search::Occurrence;
use crate::app::state::search::SearchOverlay;
use crate::app::state::{AppState, Overlay};
use crate::app::view::entry::Item;
use crate::app::view::matches::occurrences;
use crate::app::view::matches::pick;
use crate::app::view::matches::view_of;
use crate::app::view::screen::Screen;
use crate::app::view::search_layout::SearchLayout;
use crate::app::view::search_layout::{layout, visible_top};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::search::HitPlace;
use crate::search::{Hit, Scope, SearchResults};
use crate::text::one_line;
use ratatui::layout::Rect;

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
        Action::Paste(ref text) => {
            changed = edit(o, &|o| {
                let room = INPUT_LIMIT.saturating_sub(o.input.chars().count());
                let text = one_line_paste(text, room);
                o.input.insert_str(o.cursor, &text);
                o.cursor += text.len();
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
                    state.status = Some(crate::app::state::Status {
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
            if matches!(
                action,
                Action::PromptChar(_) | Action::PromptBackspace | Action::Paste(_)
            ) || matches!(action, Action::PromptDelete | Action::PromptClear)
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
    crate::app::search::open_hit(state, corpus, graph, &hit, &query);
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

/// Enter on a search result: its place opens with the match marked and in
/// view; the place search started from is the one step back.
pub fn open_hit(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, hit: &Hit, query: &str) {
    let view = view_of(hit.place);
    let ctx = crate::app::view::entry::ctx(state, corpus, graph);
    let occs = occurrences(ctx, view, query);
    let at = pick(ctx, view, &occs, hit);
    let mut to = fresh(corpus, graph, state, view);
    to.focus = PaneId::Document;
    if let HitPlace::Passage(p) = hit.place
        && let Some(item) = crate::app::view::document::passage_item(ctx, p)
    {
        to.document.selected = item;
    }
    let before = state.here;
    let moves = to != before;
    go(state, corpus, graph, to);
    state.search.last = Some(query.to_string());
    state.search.found = None;
    if let Some(i) = at {
        state.search.found = Some(Found {
            view,
            query: query.to_string(),
            at: occs[i].clone(),
        });
        show(state, corpus, graph, &occs[i]);
        state.info(format!(
            "{}/{} {} · n and N go to the others",
            i + 1,
            occs.len(),
            quoted(query)
        ));
    } else {
        settle(state, corpus, graph);
        reveal_selection(state, corpus, graph);
    }
    // `go` records nothing when the place was the same; the scroll may
    // still have moved: Back must return to where search started.
    if !moves && state.here != before {
        state.history.leave(before);
    }
}

fn reveal_selection(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    crate::app::settle::reveal(state, corpus, graph, PaneId::Document);
}

/// Scrolls the text to an occurrence (selecting its paragraph in a source).
fn show(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, o: &Occurrence) {
    let text_shown = Screen::new(state, corpus, graph).layout.document.is_some();
    if !text_shown {
        state.here.focus = PaneId::Document;
    }
    let ctx = crate::app::view::entry::ctx(state, corpus, graph);
    let before = crate::app::view::document::selected_passage(ctx, state);
    let selectable = crate::app::view::document::document(ctx, state.view())
        .get(o.item)
        .is_some_and(Item::selectable);
    if selectable {
        state.here.document.selected = o.item;
    }
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let rows = pane.rows.max(1);
            let line = pane.line_of(o.item, o.span.start);
            let top = state.here.document.top;
            let shown = crate::app::scroll::row_of(&pane, top, o.item, rows)
                .map(|r| r + line as isize)
                .is_some_and(|r| r >= 0 && (r as usize) < rows);
            if shown {
                top
            } else {
                let line = if line + 1 < rows { 0 } else { line - 1 };
                crate::app::scroll::clamp(&pane, rows, Anchor { item: o.item, line })
            }
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
    passage_changed(state, corpus, graph, before);
    settle(state, corpus, graph);
}

/// `n` / `N`: the next or previous occurrence of the last query in the view.
pub fn step(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let Some(query) = state.search.last.clone() else {
        state.info("No search yet: / searches, then n and N step through the matches.");
        return;
    };
    let view = state.view();
    let ctx = crate::app::view::entry::ctx(state, corpus, graph);
    let occs = occurrences(ctx, view, &query);
    let q = quoted(&query);
    if occs.is_empty() {
        state.info(format!("No matches of {q} in this view."));
        return;
    }
    let current = state
        .search
        .found
        .as_ref()
        .filter(|f| f.view == view && f.query == query)
        .and_then(|f| occs.iter().position(|o| *o == f.at));
    let next = match current {
        Some(i) if forward => (i + 1 < occs.len()).then_some(i + 1),
        Some(i) => i.checked_sub(1),
        None => {
            // From where the user is reading: the selected paragraph of a
            // source, else the first line shown.
            let at = match view {
                View::Source(_) => state.here.document.selected,
                _ => state.here.document.top.item,
            };
            if forward {
                occs.iter().position(|o| o.item >= at)
            } else {
                occs.iter().rposition(|o| o.item < at)
            }
        }
    };
    let Some(next) = next else {
        let (dir, at) = match current {
            Some(i) => (if forward { "below" } else { "above" }, i + 1),
            None => (if forward { "below" } else { "above" }, 0),
        };
        let here = if at > 0 {
            format!(" ({at}/{})", occs.len())
        } else {
            String::new()
        };
        state.info(format!("No more matches of {q} {dir}{here}."));
        return;
    };
    state.search.found = Some(Found {
        view,
        query: query.clone(),
        at: occs[next].clone(),
    });
    show(state, corpus, graph, &occs[next]);
    state.info(format!("{}/{} {q}", next + 1, occs.len()));
}

/// A query as the footer quotes it: in single quotes, or in double ones when
/// it holds an apostrophe itself (an exact term, `'extradition`, would
/// otherwise read `''extradition'`).
fn quoted(query: &str) -> String {
    let q = one_line(query);
    if q.contains('\'') {
        format!("“{q}”")
    } else {
        format!("'{q}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::search::SearchSession;
    use crate::app::view::geometry::{MIN_HEIGHT, MIN_WIDTH};
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

    #[test]
    fn an_exact_query_is_quoted_without_doubling_its_apostrophe() {
        assert_eq!(quoted("dual criminality"), "'dual criminality'");
        assert_eq!(quoted("'extradition"), "“'extradition”");
    }
}
