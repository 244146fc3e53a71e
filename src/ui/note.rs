//! The note editor, drawn over the text it is about: a framed box with the
//! item's name, the note wrapped to the box, and the terminal cursor at the
//! editing point.

use super::theme::Theme;
use crate::app::state::{AppState, Overlay, PaneId};
use crate::app::view::screen::Screen;
use crate::text::truncate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// Where the editor goes: over the main pane(s), else over the whole body.
pub fn area(screen: &Screen) -> Rect {
    let l = &screen.layout;
    let main = match (l.frame(PaneId::Document), l.frame(PaneId::Links)) {
        (Some(d), Some(k)) => d.union(k),
        (Some(r), None) | (None, Some(r)) => r,
        (None, None) => l.outline.unwrap_or(l.area),
    };
    let body_h = l.area.height.saturating_sub(l.footer.height);
    Rect {
        height: main.height.min(body_h),
        ..main
    }
}

pub fn draw(frame: &mut Frame, theme: &Theme, screen: &Screen, state: &AppState) {
    let Some(Overlay::Note { title, editor, .. }) = &state.overlay else {
        return;
    };
    let r = area(screen);
    if r.width < 6 || r.height < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    let head = truncate(
        &format!(" {title} "),
        usize::from(r.width).saturating_sub(2),
    );
    let inner = super::layout::overlay_box(buf, r, &head, theme.title_focused());
    let w = usize::from(inner.width);
    let h = usize::from(inner.height);
    if w == 0 || h == 0 {
        return;
    }
    let (rows, (cur_row, cur_col)) = editor.view(w.saturating_sub(1).max(1));
    // Keep the cursor's row in sight: the last rows when it is at the end.
    let top = (cur_row + 1).saturating_sub(h);
    for (i, row) in rows.iter().skip(top).take(h).enumerate() {
        let text = crate::text::clean(&row.text);
        buf.set_stringn(inner.x, inner.y + i as u16, &*text, w, theme.plain());
    }
    if rows.len() == 1 && rows[0].text.is_empty() && h >= 2 && w > 10 {
        let key = crate::app::keymap::first_key(
            &state.keymap,
            crate::app::keymap::Mode::Note,
            &crate::app::keymap::Action::SaveNote,
        )
        .unwrap_or_default();
        let hint = truncate(&format!("Type your note; {key} saves it."), w);
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            &hint,
            w,
            theme.role(crate::app::view::lines::Role::Note),
        );
    }
    let y = inner.y + (cur_row - top) as u16;
    let x = inner.x + (cur_col.min(w.saturating_sub(1))) as u16;
    frame.set_cursor_position(Position { x, y });
}
