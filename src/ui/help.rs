//! The help overlay, generated from the key table and grouped by purpose.

use super::theme::Theme;
use crate::app::keymap::Keymap;
use crate::app::view::geometry::help_rect;
use crate::app::view::help_rows::{HelpRow, keys_width, rows_for};
use crate::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(buf: &mut Buffer, theme: &Theme, area: Rect, keys: &Keymap, top: usize) {
    let rows = rows_for(keys, area);
    let r = help_rect(area, rows.len());
    if r.width < 4 || r.height < 3 {
        return;
    }
    let inner = super::layout::overlay_box(buf, r, " Keys · Esc closes ", theme.title());
    let w = usize::from(inner.width);
    let keys_w = keys_width(keys, w);
    for (i, row) in rows
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        match row {
            HelpRow::Group(g) => {
                buf.set_stringn(
                    inner.x,
                    y,
                    truncate(g, w),
                    w,
                    theme.role(crate::app::view::lines::Role::Label),
                );
            }
            HelpRow::Entry { keys, text } => {
                let k = truncate(keys, keys_w.saturating_sub(1));
                buf.set_stringn(inner.x + 1, y, &k, keys_w, theme.key());
                let rest = w.saturating_sub(keys_w + 1);
                buf.set_stringn(
                    inner.x + 1 + keys_w as u16,
                    y,
                    truncate(text, rest),
                    rest,
                    theme.plain(),
                );
            }
            HelpRow::Blank => {}
        }
    }
    let more = rows.len().saturating_sub(top + usize::from(inner.height));
    if more > 0 && r.width > 12 {
        let text = format!(" ↓ {more} more ");
        let x = r.x + r.width - 1 - crate::text::width(&text) as u16;
        buf.set_stringn(x, r.y + r.height - 1, &text, text.len(), theme.title());
    }
}
