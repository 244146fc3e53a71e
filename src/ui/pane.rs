//! Drawing a pane's visible lines, and marking its selection. Only the lines
//! on screen are asked for, so long texts cost no more than short ones.

use super::layout;
use super::theme::Theme;
use crate::app::state::PaneState;
use crate::app::state::{AppState, PaneId};
use crate::app::view::Anchor;
use crate::app::view::lines::DocLine;
use crate::app::view::pane::Pane;
use crate::app::view::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// How a pane shows its selected entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// `▸` before the entry, and reverse video over it when focused.
    Rows,
    /// Reverse video when focused, nothing otherwise (the outline marks
    /// the open view instead).
    RowsWhenFocused,
    /// `▸` before a paragraph's number and `│` down its side.
    Gutter,
}

/// A line of pieces, each in its role's style.
pub(super) fn to_line<'a>(theme: &Theme, line: &'a DocLine) -> Line<'a> {
    Line::from(
        line.iter()
            .map(|p| Span::styled(p.text.as_str(), theme.role(p.role)))
            .collect::<Vec<_>>(),
    )
}

pub fn draw(
    buf: &mut Buffer,
    theme: &Theme,
    area: Rect,
    pane: &Pane,
    ps: &PaneState,
    focused: bool,
    sel: Selection,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let rows = usize::from(area.height);
    let selected = pane.has_selection().then_some(ps.selected);
    for (item, from, count, row) in crate::app::view::scroll::visible(pane, rows, ps.top) {
        let is_sel = selected == Some(item);
        for (k, line) in pane.lines(item, from, count).iter().enumerate() {
            let y = area.y + (row + k) as u16;
            buf.set_line(area.x, y, &to_line(theme, line), area.width);
            if !is_sel {
                continue;
            }
            let first = from + k == 0;
            let row_rect = Rect {
                y,
                height: 1,
                ..area
            };
            match sel {
                Selection::Rows | Selection::RowsWhenFocused if focused => {
                    buf.set_style(row_rect, theme.selected());
                    if first && sel == Selection::Rows {
                        buf.set_stringn(area.x, y, "▸", 1, theme.selected());
                    }
                }
                Selection::Rows if first => {
                    buf.set_stringn(area.x, y, "▸", 1, theme.title());
                }
                Selection::Gutter => {
                    let mark = if first { "▸" } else { "│" };
                    buf.set_stringn(area.x, y, mark, 1, theme.title());
                    if first && focused {
                        // The paragraph number, reversed.
                        let num = line.get(1).map_or(0, |p| p.text.chars().count()) as u16;
                        let r = Rect {
                            x: area.x + 1,
                            width: num.min(area.width.saturating_sub(1)),
                            ..row_rect
                        };
                        buf.set_style(r, theme.selected());
                    }
                }
                _ => {}
            }
        }
    }
}

/// Draws pane `id` with its title, if it is on screen.
pub fn draw_pane(
    buf: &mut Buffer,
    theme: &Theme,
    screen: &Screen,
    state: &AppState,
    id: PaneId,
    title: &str,
    sel: Selection,
) {
    let (Some(frame), Some(content)) = (screen.layout.frame(id), screen.layout.content(id)) else {
        return;
    };
    let focused = state.focus() == id;
    let Some(p) = screen.pane(state, id) else {
        layout::title_bar(buf, theme, frame, title, focused, false);
        return;
    };
    let ps = state.pane(id);
    let above = ps.top != Anchor::TOP;
    let below = ps.top < crate::app::view::scroll::max_anchor(&p, p.rows);
    layout::title_bar(buf, theme, frame, title, focused, above || below);
    // A chapter's first row is only shown until the user enters the list:
    // the chapter itself has the focus.
    let shown_only = id == PaneId::Document
        && !state.here.entered
        && matches!(state.view(), crate::app::state::View::Chapter(_));
    draw(buf, theme, content, &p, ps, focused && !shown_only, sel);
    layout::scroll_marks(buf, frame, above, below);
}
