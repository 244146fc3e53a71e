//! Painting the start screen laid out by `app::view::start`: a column in the
//! middle of the terminal, the selected place marked by `›` as well as by
//! reverse video, and on the last row the screen's keys or a message.

use super::theme::Theme;
use crate::app::keymap::{Action, Keymap, Mode, first_key};
use crate::app::state::Status;
use crate::app::view::start::{StartLine, fit_words, layout};
use crate::corpus::Corpus;
use crate::text::{one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// `close` says what Esc leads to.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    buf: &mut Buffer,
    theme: &Theme,
    area: Rect,
    corpus: &Corpus,
    keys: &Keymap,
    places: &[String],
    selected: usize,
    status: Option<&Status>,
    close: &str,
) {
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let screen = layout(corpus, keys, places, selected, body);
    let (x, w) = (screen.x, usize::from(screen.width));
    for (i, line) in screen.lines.iter().enumerate() {
        let y = screen.y + i as u16;
        match line {
            StartLine::Title(t) => {
                buf.set_stringn(x, y, t, w, theme.big());
            }
            StartLine::Text(t) => {
                buf.set_stringn(x, y, t, w, theme.plain());
            }
            StartLine::Heading(t) => {
                buf.set_stringn(x, y, t, w, theme.title());
            }
            StartLine::Key { key, text } => {
                buf.set_stringn(x + 2, y, key, screen.keys_width, theme.key());
                let at = 2 + screen.keys_width;
                buf.set_stringn(x + at as u16, y, text, w.saturating_sub(at), theme.plain());
            }
            StartLine::Place { text, index } => {
                let chosen = *index == selected;
                let (mark, style) = if chosen {
                    ("› ", theme.selected())
                } else {
                    ("  ", theme.plain())
                };
                let row = format!("{mark}{text}");
                let row = format!("{row}{}", " ".repeat(w.saturating_sub(width(&row))));
                buf.set_stringn(x, y, &row, w, style);
            }
            StartLine::Blank => {}
        }
    }
    let bottom = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    let line = match status {
        Some(s) if s.error => Line::from(Span::styled(
            fit_words(
                &format!("Error: {}", one_line(&s.text)),
                usize::from(area.width),
            ),
            theme.error(),
        )),
        Some(s) => Line::from(Span::styled(
            fit_words(&one_line(&s.text), usize::from(area.width)),
            theme.plain(),
        )),
        None => hints(
            theme,
            keys,
            !places.is_empty(),
            close,
            usize::from(area.width),
        ),
    };
    buf.set_line(bottom.x, bottom.y, &line, bottom.width);
}

/// The start screen's own keys, as many as fit, whole.
fn hints(theme: &Theme, keys: &Keymap, places: bool, close: &str, w: usize) -> Line<'static> {
    let mut wanted = Vec::new();
    if places {
        wanted.push((Action::Open, "open the place"));
        wanted.push((Action::Down, "next place"));
    }
    wanted.push((Action::Close, close));
    wanted.push((Action::Help, "help"));
    wanted.push((Action::Quit, "quit"));
    let mut spans = Vec::new();
    let mut used = 0;
    for (action, word) in wanted {
        let Some(key) = first_key(keys, Mode::Normal, &action) else {
            continue;
        };
        let need = width(&key) + 1 + width(word) + 2;
        if used + need > w + 2 {
            break;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {word}  ")));
        used += need;
    }
    Line::from(spans)
}
