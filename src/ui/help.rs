//! The help overlay, generated from the key table and grouped by purpose.

use super::theme;
use crate::app::geometry::help_rect;
use crate::app::keymap::{HelpLine, help_lines};
use crate::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

const KEYS_WIDTH: usize = 30;

pub fn draw(buf: &mut Buffer, area: Rect, top: usize) {
    let lines = help_lines();
    let r = help_rect(area, lines.len());
    if r.width < 4 || r.height < 3 {
        return;
    }
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys · Esc closes ")
        .title_style(theme::title());
    let inner = block.inner(r);
    block.render(r, buf);
    let w = usize::from(inner.width);
    let keys_w = KEYS_WIDTH.min(w / 2);
    for (i, line) in lines
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        match line {
            HelpLine::Group(g) => {
                buf.set_stringn(
                    inner.x,
                    y,
                    truncate(g, w),
                    w,
                    theme::role(crate::app::lines::Role::Label),
                );
            }
            HelpLine::Entry { keys, help } => {
                let k = truncate(keys, keys_w.saturating_sub(1));
                buf.set_stringn(inner.x + 1, y, &k, keys_w, theme::key());
                let rest = w.saturating_sub(keys_w + 1);
                buf.set_stringn(
                    inner.x + 1 + keys_w as u16,
                    y,
                    truncate(help, rest),
                    rest,
                    theme::plain(),
                );
            }
            HelpLine::Blank => {}
        }
    }
    let more = lines.len().saturating_sub(top + usize::from(inner.height));
    if more > 0 && r.width > 12 {
        let text = format!(" ↓ {more} more ");
        let x = r.x + r.width - 1 - crate::text::width(&text) as u16;
        buf.set_stringn(x, r.y + r.height - 1, &text, text.len(), theme::title());
    }
}
