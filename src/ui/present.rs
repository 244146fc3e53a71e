//! A presentation slide, full screen and without chrome, painted from its
//! layout (`app::view::slide_pages`): the number in big letters (when they
//! fit), the title, the summary under its label, the critique lines, and a
//! discreet `3/12` in a corner; a blank screen when the presenter blanks it.

use super::pane::to_line;
use super::theme::Theme;
use crate::app::state::deck::Presentation;
use crate::app::view::lines::Role;
use crate::app::view::slide_pages::{BigSize, Row, layout, margins};
use crate::app::view::slides::deck_text;
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

fn pixel(size: BigSize) -> PixelSize {
    match size {
        BigSize::Full => PixelSize::Full,
        BigSize::HalfHeight => PixelSize::HalfHeight,
        BigSize::Quadrant => PixelSize::Quadrant,
    }
}

/// Draws the slide on screen over the whole area.
pub fn draw(
    buf: &mut Buffer,
    theme: &Theme,
    area: Rect,
    p: &Presentation,
    corpus: &Corpus,
    graph: &LinkGraph,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    buf.set_style(area, theme.base());
    if p.blank {
        // Nothing for the room, not even the progress marker.
        return;
    }
    let (mx, my) = margins(area.width, area.height);
    let inner = Rect {
        x: area.x + mx,
        y: area.y + my,
        width: area.width.saturating_sub(2 * mx),
        height: area.height.saturating_sub(2 * my + 1),
    };
    let footer_y = area.y + area.height - 1 - my.min(1).min(area.height.saturating_sub(1));
    if let (Some(slide), Some(page)) = (p.slide(), p.page()) {
        let text = deck_text(corpus, graph, p, slide);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        for row in layout(
            &text,
            page,
            usize::from(inner.width),
            usize::from(inner.height),
        ) {
            if y >= bottom {
                break;
            }
            match row {
                Row::Big { text, size, rows } => {
                    let r = Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: rows.min(bottom - y),
                    };
                    BigText::builder()
                        .pixel_size(pixel(size))
                        .style(theme.big())
                        .alignment(Alignment::Left)
                        .lines(vec![Line::from(text)])
                        .build()
                        .render(r, buf);
                    y += rows;
                }
                Row::Text(line) => {
                    buf.set_line(inner.x, y, &to_line(theme, &line), inner.width);
                    y += 1;
                }
            }
        }
    } else {
        buf.set_stringn(
            inner.x,
            inner.y,
            "This deck has no slides.",
            usize::from(inner.width),
            theme.role(Role::Note),
        );
    }
    footer(buf, theme, area, footer_y, mx, p);
}

/// `Go to slide: 3` or a message at the left, `3/12` at the right.
fn footer(buf: &mut Buffer, theme: &Theme, area: Rect, y: u16, mx: u16, p: &Presentation) {
    let w = usize::from(area.width.saturating_sub(2 * mx));
    if w == 0 {
        return;
    }
    let progress = p.progress();
    let pw = width(&progress);
    let left_room = w.saturating_sub(pw + 2);
    let (left, style) = if !p.jump.is_empty() {
        (format!("Go to slide: {}", p.jump), theme.key())
    } else if let Some(m) = &p.message {
        (m.clone(), theme.error())
    } else {
        (p.title.clone(), theme.discreet())
    };
    if left_room > 0 {
        buf.set_stringn(area.x + mx, y, truncate(&left, left_room), left_room, style);
    }
    let shown = truncate(&progress, w);
    let x = area.x + mx + (w - width(&shown)) as u16;
    buf.set_stringn(x, y, &shown, w, theme.discreet());
}
