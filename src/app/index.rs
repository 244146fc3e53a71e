//! The subject index (`I`): opening it, filtering as the user types, moving
//! through the terms (keys, wheel, clicks), and Enter (or a click on the
//! selected term): the provision the term points to, or a picker when it
//! points to several.

use crate::app::action::{Action, Effect, MouseKind};
use crate::app::state::editor::one_line_paste;
use crate::app::state::index::{IndexOverlay, IndexRow, Picker};
use crate::app::state::{AppState, Overlay, View};
use crate::app::view::index_view::{list_height, picker_row_at, row_at};
use crate::corpus::{Corpus, Target};
use crate::refs::graph::LinkGraph;

/// Longest filter kept; no index term is this long.
const FILTER_LIMIT: usize = 80;

/// Takes `I` (from the views) and every key while the index is open;
/// `None` leaves the action to the rest of `update`.
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<Effect> {
    // The start screen offers `I` too: the index takes its place, as search
    // does (the start screen's own keys come after this in `update`).
    let from_start = matches!(state.overlay, Some(Overlay::Start { .. }));
    if *action == Action::SubjectIndex && (state.overlay.is_none() || from_start) {
        state.overlay = Some(Overlay::Index(Box::new(IndexOverlay::new(&corpus.subject))));
        return Some(Effect::Nothing);
    }
    let height = list_height(state.size);
    let Some(Overlay::Index(o)) = &mut state.overlay else {
        return None;
    };
    if *action == Action::SearchPoll {
        return None;
    }
    if let Some(p) = &mut o.picker {
        if let Action::Mouse(m) = action {
            // A click on a provision selects it, a click on the selected
            // one opens it; a click beside the box leaves the picker.
            match picker_row_at(corpus, state.size, p, m.column, m.row) {
                Some(i) if m.kind == MouseKind::Click && i == p.selected => {
                    let t = p.targets[i];
                    open(state, corpus, graph, t);
                }
                Some(i) if m.kind == MouseKind::Click => p.selected = i,
                None if m.kind == MouseKind::Click => o.picker = None,
                _ => {}
            }
            return Some(Effect::Nothing);
        }
        match action {
            Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::Down => p.selected = (p.selected + 1).min(p.targets.len().saturating_sub(1)),
            Action::Top => p.selected = 0,
            Action::Bottom => p.selected = p.targets.len().saturating_sub(1),
            Action::Close => o.picker = None,
            Action::PromptSubmit => {
                if let Some(&t) = p.targets.get(p.selected) {
                    open(state, corpus, graph, t);
                }
            }
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            Action::Resize(..) => return None,
            _ => {}
        }
        return Some(Effect::Nothing);
    }
    let mut edited = true;
    match action {
        Action::PromptChar(c) => {
            if !c.is_control() && o.filter.chars().count() < FILTER_LIMIT {
                o.filter.push(*c);
            }
        }
        Action::Paste(text) => {
            let room = FILTER_LIMIT.saturating_sub(o.filter.chars().count());
            o.filter.push_str(&one_line_paste(text, room));
        }
        Action::PromptBackspace => {
            o.filter.pop();
        }
        Action::PromptClear => o.filter.clear(),
        _ => edited = false,
    }
    if edited {
        o.refilter();
        return Some(Effect::Nothing);
    }
    match action {
        Action::Up => step(o, -1, height),
        Action::Down => step(o, 1, height),
        Action::PageUp => step(o, -(height as isize), height),
        Action::PageDown => step(o, height as isize, height),
        Action::Top => step(o, -(o.rows.len() as isize), height),
        Action::Bottom => step(o, o.rows.len() as isize, height),
        Action::Mouse(m) if m.kind == MouseKind::WheelUp => step(o, -3, height),
        Action::Mouse(m) if m.kind == MouseKind::WheelDown => step(o, 3, height),
        // A click selects the term under it; a click on the selected term
        // (the second click of a double click too) opens it as Enter does.
        // A letter heading or the space around the list takes no click.
        Action::Mouse(m) if m.kind == MouseKind::Click => {
            match row_at(o, state.size, m.column, m.row) {
                Some(i) if i == o.selected => submit(state, corpus, graph),
                Some(i) if matches!(o.rows[i], IndexRow::Term(_)) => {
                    o.selected = i;
                    keep_in_view(o, height);
                }
                _ => {}
            }
        }
        Action::Close => state.overlay = None,
        Action::PromptSubmit => submit(state, corpus, graph),
        Action::Quit => return Some(Effect::Quit),
        Action::Suspend => return Some(Effect::Suspend),
        Action::Resize(w, h) => {
            keep_in_view(o, list_height((*w, *h)));
            return None;
        }
        // Every other key is the views': the index keeps them from acting
        // behind it.
        _ => {}
    }
    Some(Effect::Nothing)
}

/// Enter on the selected term: the provision it points to, or the picker
/// when it points to several.
fn submit(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(Overlay::Index(o)) = &mut state.overlay else {
        return;
    };
    let Some(line) = o.selected_line() else {
        return;
    };
    let (term, targets) = (line.term.clone(), line.targets.clone());
    match targets.as_slice() {
        [] => {}
        [t] => open(state, corpus, graph, *t),
        _ => {
            o.picker = Some(Picker {
                term,
                targets,
                selected: 0,
            })
        }
    }
}

/// Moves the selection `by` term rows (letter headings are stepped over) and
/// scrolls so it stays in view.
fn step(o: &mut IndexOverlay, by: isize, height: usize) {
    if o.rows.is_empty() {
        return;
    }
    let last = o.rows.len() - 1;
    let to = (o.selected as isize + by).clamp(0, last as isize) as usize;
    o.selected = if by >= 0 {
        o.first_term_from(to, true)
            .or_else(|| o.first_term_from(to, false))
    } else {
        o.first_term_from(to, false)
            .or_else(|| o.first_term_from(to, true))
    }
    .unwrap_or(o.selected);
    keep_in_view(o, height);
}

/// Scrolls the least that shows the selected row, and its letter heading
/// when that is the row just above it.
fn keep_in_view(o: &mut IndexOverlay, height: usize) {
    let want_top = match o.selected.checked_sub(1).map(|i| o.rows[i]) {
        Some(IndexRow::Letter(_)) => o.selected - 1,
        _ => o.selected,
    };
    if want_top < o.top {
        o.top = want_top;
    } else if o.selected >= o.top + height {
        o.top = o.selected + 1 - height;
    }
    let max_top = o.rows.len().saturating_sub(height);
    o.top = o.top.min(max_top);
}

fn open(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, t: Target) {
    state.overlay = None;
    crate::app::nav::open_view(state, corpus, graph, View::from_target(t));
}
