//! The frame around the panes: title bars, the separator column and the
//! "terminal too small" message. Where things go is decided in
//! `app::geometry`; this only draws it.

use super::theme::Theme;
use crate::app::view::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The widest scroll marks, and the narrowest pane that shows them.
const MARKS_WIDTH: usize = 4;
const MARKS_MIN_WIDTH: u16 = MARKS_WIDTH as u16 + 10;

/// A bordered box drawn over what is under `r` (help, the subject index,
/// the note editor), titled; returns the room inside it.
pub fn overlay_box(buf: &mut Buffer, r: Rect, title: &str, style: Style) -> Rect {
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string())
        .title_style(style);
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

/// A pane's title row, `▶` and reverse video when the pane has the focus; `marks`
/// when scroll marks will be drawn at its end.
pub fn title_bar(
    buf: &mut Buffer,
    theme: &Theme,
    frame: Rect,
    title: &str,
    focused: bool,
    marks: bool,
) {
    if frame.width == 0 || frame.height == 0 {
        return;
    }
    let row = Rect { height: 1, ..frame };
    let w = usize::from(frame.width);
    // The scroll marks (` ↑↓ `) take the right end: a title that would run
    // under them is cut with an ellipsis, never silently ("¶ 2 of 24" must
    // not read "¶ 2 of 2").
    let room = if marks && frame.width >= MARKS_MIN_WIDTH {
        w - MARKS_WIDTH
    } else {
        w
    };
    // The focus is said by a mark, not only by reverse video.
    let text = if focused {
        truncate(&format!(" ▶ {title} "), room)
    } else {
        truncate(&format!(" {title} "), room)
    };
    if focused {
        buf.set_style(row, theme.title_focused());
        buf.set_stringn(row.x, row.y, &text, w, theme.title_focused());
    } else {
        let used = width(&text);
        buf.set_stringn(row.x, row.y, &text, w, theme.title());
        let fill = "─".repeat(w.saturating_sub(used));
        buf.set_stringn(row.x + used as u16, row.y, &fill, w - used, theme.plain());
    }
}

/// `↑` / `↓` at the right of a title bar when there is more above / below.
pub fn scroll_marks(buf: &mut Buffer, frame: Rect, above: bool, below: bool) {
    let text = match (above, below) {
        (true, true) => " ↑↓ ",
        (true, false) => " ↑ ",
        (false, true) => " ↓ ",
        (false, false) => return,
    };
    let w = width(text) as u16;
    if frame.width < MARKS_MIN_WIDTH || frame.height == 0 {
        return;
    }
    let style = buf[(frame.x + frame.width - w, frame.y)].style();
    buf.set_stringn(
        frame.x + frame.width - w,
        frame.y,
        text,
        usize::from(w),
        style,
    );
}

pub fn separator(buf: &mut Buffer, theme: &Theme, area: Rect) {
    for y in area.y..area.y + area.height {
        buf.set_stringn(area.x, y, "│", 1, theme.plain());
    }
}

/// Below the smallest usable size: say so, as much as fits.
pub fn too_small(buf: &mut Buffer, theme: &Theme, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = [
        "Terminal too small".to_string(),
        format!("need {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("now {}x{}", area.width, area.height),
    ];
    let shown = lines.len().min(usize::from(area.height));
    let top = area.y + (area.height - shown as u16) / 2;
    for (i, l) in lines.iter().take(shown).enumerate() {
        let text = truncate(l, usize::from(area.width));
        let x = area.x + (area.width - width(&text) as u16) / 2;
        buf.set_stringn(
            x,
            top + i as u16,
            &text,
            usize::from(area.width),
            theme.title(),
        );
    }
}
