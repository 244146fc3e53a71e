//! The footer: where you are (a breadcrumb) and the few keys that matter
//! here, generated from the key table; or the go-to prompt; or a message.

use super::theme::Theme;
use crate::app::keymap::Action;
use crate::app::keymap::mode;
use crate::app::keymap::{Mode, first_key};
use crate::app::state::{AppState, Overlay, PaneId, View};
use crate::app::view::screen::Screen;
use crate::app::view::{Breaks, wrap};
use crate::text::{one_line, truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, theme: &Theme, screen: &Screen, state: &AppState) {
    let area = screen.layout.footer;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let w = usize::from(area.width);
    let mut rows: Vec<Line> = Vec::new();
    let mut cursor = None;
    // While an import runs, its progress line stands where the breadcrumb is.
    let crumb = Line::from(Span::styled(
        truncate(
            &match &state.importing {
                Some(i) => i.line.clone(),
                None => crate::app::view::document::breadcrumb(screen.ctx, state),
            },
            w,
        ),
        theme.breadcrumb(),
    ));
    // A message says what went wrong: it may take both rows rather than be cut.
    let message: Option<Vec<Line>> = state.status.as_ref().map(|s| {
        let (text, style) = if s.error {
            (format!("Error: {}", one_line(&s.text)), theme.error())
        } else {
            (one_line(&s.text), theme.plain())
        };
        let wrapped = wrap(&text, w, Breaks::Flow);
        let rows = usize::from(area.height).min(wrapped.lines.len()).max(1);
        (0..rows)
            .map(|i| {
                let mut line = wrapped.line(i).to_string();
                if i + 1 == rows && wrapped.lines.len() > rows {
                    line = truncate(&format!("{line} …"), w);
                }
                Line::from(Span::styled(line, style))
            })
            .collect()
    });
    let prompt = match &state.overlay {
        Some(Overlay::GoTo { input }) => Some(("Go to: ", input)),
        Some(Overlay::Import { input }) => Some(("Import file: ", input)),
        _ => None,
    };
    if let Some((prompt, input)) = prompt {
        let shown = tail(input, w.saturating_sub(width(prompt) + 1));
        cursor = Some((width(prompt) + width(&shown)) as u16);
        rows.push(Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::raw(shown),
        ]));
        // A failed import keeps the prompt open: its reason shows under it.
        match message {
            Some(m) => rows.extend(m.into_iter().take(1)),
            None => rows.push(hints(theme, screen, state, w)),
        }
    } else if let Some(message) = message {
        if message.len() < usize::from(area.height) {
            rows.push(crumb);
        }
        rows.extend(message);
    } else {
        rows.push(crumb);
        rows.push(hints(theme, screen, state, w));
    }
    for (i, line) in rows.iter().take(usize::from(area.height)).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.buffer_mut().set_line(row.x, row.y, line, row.width);
    }
    if let Some(x) = cursor {
        frame.set_cursor_position(Position {
            x: area.x + x.min(area.width.saturating_sub(1)),
            y: area.y,
        });
    }
}

/// The end of what was typed, when it is longer than the room.
fn tail(s: &str, max: usize) -> String {
    let s = one_line(s);
    if width(&s) <= max {
        return s;
    }
    let mut start = s.len();
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > max {
            break;
        }
        start = i;
    }
    s[start..].to_string()
}

/// The main tasks, hinted wherever there is room, most useful first.
const MAIN_TASKS: [(Action, &str); 6] = [
    (Action::Search, "search"),
    (Action::Concerns, "concerns"),
    (Action::Coverage, "coverage"),
    (Action::Bookmarks, "bookmarks"),
    (Action::Present, "present"),
    (Action::Export, "brief"),
];

/// The keys that matter here, most useful first, as many as fit.
fn hints(theme: &Theme, screen: &Screen, state: &AppState, w: usize) -> Line<'static> {
    let m = mode(state);
    // What `b` (and `e`, `y`, `x`) act on, by name, so the focus is never a
    // guess.
    let (corpus, graph) = (screen.ctx.corpus, screen.ctx.graph);
    let target = (m == Mode::Normal)
        .then(|| crate::app::view::selection::item_in_view(state, corpus, graph))
        .flatten()
        .map(|item| {
            format!(
                "bookmark {}",
                crate::app::view::selection::short(corpus, &item)
            )
        });
    let wanted: Vec<(Action, &str)> = match m {
        Mode::Prompt if matches!(state.overlay, Some(Overlay::Import { .. })) => {
            vec![(Action::PromptSubmit, "import"), (Action::Close, "cancel")]
        }
        Mode::Prompt => vec![(Action::PromptSubmit, "go"), (Action::Close, "cancel")],
        // The subject index draws its own keys line.
        Mode::Present | Mode::Speaker | Mode::Index => Vec::new(),
        Mode::Search => vec![
            (Action::PromptSubmit, "open"),
            (Action::Down, "next result"),
            (Action::NextScope, "scope"),
            (Action::OlderQuery, "earlier search"),
            (Action::Close, "close"),
        ],
        Mode::Help => vec![
            (Action::Close, "close"),
            (Action::Down, "scroll"),
            (Action::Quit, "quit"),
        ],
        Mode::Note => vec![
            (Action::SaveNote, "save and close"),
            (
                Action::Edit(crate::app::state::editor::EditKey::Newline),
                "new line",
            ),
            (Action::Quit, "save and quit"),
        ],
        Mode::Normal if matches!(state.view(), View::Overview(_)) => {
            let mut v = crate::ui::views::hints(state);
            // `b` names what it bookmarks here too; with nothing to bookmark
            // (a concern as a whole) it is not offered.
            let at = v.iter().position(|(a, _)| *a == Action::ToggleBookmark);
            match (at, &target) {
                (Some(i), Some(t)) => v[i].1 = t.as_str(),
                (Some(i), None) => {
                    v.remove(i);
                }
                _ => {}
            }
            for task in MAIN_TASKS {
                if !v.iter().any(|(a, _)| *a == task.0) {
                    v.push(task);
                }
            }
            v
        }
        Mode::Normal => {
            let open = match (state.focus(), state.view()) {
                (PaneId::Outline, _) => "open",
                (PaneId::Document, View::Chapter(_)) => "open",
                // A citation of the authentic text is current.
                (PaneId::Document, View::Article(_) | View::Preamble)
                    if state.here.cite.is_some() =>
                {
                    "follow"
                }
                (PaneId::Document, View::Article(_) | View::Preamble) => "",
                _ => "follow",
            };
            let mut v = vec![(Action::Help, "help")];
            if !open.is_empty() {
                v.push((Action::Open, open));
            }
            if let Some(target) = &target {
                v.push((Action::ToggleBookmark, target.as_str()));
            }
            // In a Cited by list: reading in place, its order and filters.
            if state.focus() == PaneId::Links && state.view().target().is_some() {
                v.extend([
                    (Action::ReadHere, "read here"),
                    (Action::ReadAll, "read all"),
                    (Action::CitedOrder, "order"),
                    (Action::CitedTreatment, "treatment"),
                    (Action::CitedDepth, "depth"),
                    (Action::CitedSource, "source"),
                    (Action::CitedBasis, "basis"),
                    (Action::CitedYear, "year"),
                    (Action::CitedClear, "all"),
                ]);
            }
            v.push((Action::NextLink, "next link"));
            if !state.history.back.is_empty() {
                v.push((Action::Back, "back"));
            }
            v.push((Action::GoTo, "go to"));
            v.extend(MAIN_TASKS.into_iter().take(2));
            // How to leave is never crowded out.
            v.push((Action::Quit, "quit"));
            v.push((Action::NextPane, "pane"));
            v.extend(MAIN_TASKS.into_iter().skip(2));
            v.push((Action::NextArticle, "next"));
            v
        }
    };
    let mut spans = Vec::new();
    let mut used = 0;
    let need_of = |action: &Action, word: &str| {
        first_key(&state.keymap, m, action).map(|key| width(&key) + 1 + width(word) + 2)
    };
    // How to leave is never crowded out: its room is kept until it comes.
    let mut kept = wanted
        .iter()
        .find(|(a, _)| *a == Action::Quit)
        .and_then(|(a, word)| need_of(a, word))
        .unwrap_or(0);
    for (action, word) in wanted {
        let Some(key) = first_key(&state.keymap, m, &action) else {
            continue;
        };
        let need = width(&key) + 1 + width(word) + 2;
        if action == Action::Quit {
            kept = 0;
        }
        // A hint is shown whole or not at all; a shorter one further down
        // the list may still fit.
        if used + need + kept > w + 2 {
            continue;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {word}  ")));
        used += need;
    }
    Line::from(spans)
}
