//! Drawing the subject index overlay: letter headings, each term with the
//! provisions it points to (like a book's index), the filter, the keys, and
//! the picker when a term points to several provisions.

use super::theme::Theme;
use crate::app::keymap::{Action, Keymap, Mode, first_key};
use crate::app::state::index::{IndexOverlay, IndexRow};
use crate::app::view::index_view::{
    TARGET_COLUMN, TERM_COLUMN, WIDE, list, panel, picker_rect, picker_skip, picker_title,
    target_title, targets_label, term_label, titles_label,
};
use crate::app::view::lines::Role;
use crate::corpus::Corpus;
use crate::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(
    buf: &mut Buffer,
    theme: &Theme,
    area: Rect,
    o: &IndexOverlay,
    corpus: &Corpus,
    keys: &Keymap,
) {
    let p = panel(area);
    if p.width < 12 || p.height < 6 {
        return;
    }
    let inner = super::layout::overlay_box(buf, p, " Subject index ", theme.title());
    let w = usize::from(inner.width);
    // The filter line: what was typed, and how many terms it keeps.
    let count = format!("{} of {} terms", o.term_count(), o.lines.len());
    let filter = crate::text::one_line(&o.filter);
    let label = "Filter: ";
    buf.set_stringn(inner.x, inner.y, label, w, theme.key());
    let room = w.saturating_sub(width(label) + width(&count) + 3);
    let shown = truncate(&filter, room);
    let x = inner.x + width(label) as u16;
    buf.set_stringn(x, inner.y, &shown, room, theme.plain());
    buf.set_stringn(x + width(&shown) as u16, inner.y, "▏", 1, theme.key());
    if width(&count) + width(label) + 2 <= w {
        let cx = inner.x + (w - width(&count)) as u16;
        buf.set_stringn(cx, inner.y, &count, w, theme.discreet());
    }
    let l = list(area);
    if o.rows.is_empty() {
        let note = if o.lines.is_empty() {
            "This corpus has no subject index (index.json)."
        } else {
            "No term contains what you typed. Backspace erases it."
        };
        buf.set_stringn(
            l.x + 1,
            l.y,
            truncate(note, w - 1),
            w,
            theme.role(Role::Note),
        );
    }
    for (i, row) in o
        .rows
        .iter()
        .enumerate()
        .skip(o.top)
        .take(usize::from(l.height))
    {
        let y = l.y + (i - o.top) as u16;
        match row {
            IndexRow::Letter(c) => {
                buf.set_stringn(l.x + 1, y, c.to_string(), w, theme.role(Role::Heading));
            }
            IndexRow::Term(t) => {
                let Some(line) = o.lines.get(*t) else {
                    continue;
                };
                let selected = i == o.selected;
                let term = term_label(line);
                let targets = targets_label(&line.targets);
                let term_room = w.saturating_sub(4);
                let term = truncate(&term, term_room);
                let (term_style, target_style) = if selected {
                    (theme.selected(), theme.selected())
                } else {
                    (theme.plain(), theme.role(Role::Number))
                };
                if selected {
                    buf.set_stringn(l.x, y, " ".repeat(w), w, theme.selected());
                }
                buf.set_stringn(l.x + 3, y, &term, term_room, term_style);
                if w >= WIDE {
                    // Aligned columns: term, provisions, their titles.
                    let tx = 3 + TERM_COLUMN.max(width(&term) + 2);
                    let targets = truncate(&targets, TARGET_COLUMN - 1);
                    buf.set_stringn(l.x + tx as u16, y, &targets, TARGET_COLUMN, target_style);
                    let x = tx + TARGET_COLUMN;
                    let room = w.saturating_sub(x + 1);
                    let titles = titles_label(corpus, &line.targets);
                    let style = if selected {
                        theme.selected()
                    } else {
                        theme.discreet()
                    };
                    buf.set_stringn(l.x + x as u16, y, truncate(&titles, room), room, style);
                    continue;
                }
                let tx = 3 + width(&term) + 2;
                if tx < w {
                    let room = w - tx;
                    buf.set_stringn(
                        l.x + tx as u16,
                        y,
                        truncate(&targets, room),
                        room,
                        target_style,
                    );
                }
            }
        }
    }
    // Terms below the list, as the filter line counts terms (a letter's
    // heading is not one).
    let more = o
        .rows
        .iter()
        .skip(o.top + usize::from(l.height))
        .filter(|r| matches!(r, IndexRow::Term(_)))
        .count();
    if more > 0 {
        let text = format!(" ↓ {more} more ");
        let x = p.x + p.width.saturating_sub(1 + width(&text) as u16);
        buf.set_stringn(x, p.y + p.height - 1, &text, text.len(), theme.title());
    }
    // The keys line, from the key table.
    let hints = [
        (Action::PromptSubmit, "open"),
        (Action::Down, "next"),
        (Action::PromptClear, "clear"),
        (Action::Close, "close"),
    ];
    let line: Vec<String> = hints
        .iter()
        .filter_map(|(a, what)| first_key(keys, Mode::Index, a).map(|k| format!("{k} {what}")))
        .collect();
    let keys_line = format!("type to filter · {}", line.join(" · "));
    buf.set_stringn(
        inner.x,
        inner.y + inner.height - 1,
        truncate(&keys_line, w),
        w,
        theme.discreet(),
    );
    if let Some(picker) = &o.picker {
        draw_picker(buf, theme, p, picker, corpus);
    }
}

/// The provisions of one term, to pick from, over the list.
fn draw_picker(
    buf: &mut Buffer,
    theme: &Theme,
    p: Rect,
    picker: &crate::app::state::index::Picker,
    corpus: &Corpus,
) {
    let rows: Vec<String> = picker
        .targets
        .iter()
        .map(|t| target_title(corpus, *t))
        .collect();
    let title = picker_title(picker);
    let r = picker_rect(corpus, p, picker);
    let w = r.width;
    let title = truncate(&title, usize::from(w.saturating_sub(2)));
    let inner = super::layout::overlay_box(buf, r, &title, theme.title());
    let iw = usize::from(inner.width);
    let skip = picker_skip(picker, usize::from(inner.height));
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(usize::from(inner.height))
    {
        let style = if i == picker.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        let text = format!(" {row}");
        let text = truncate(&text, iw);
        let pad = iw.saturating_sub(width(&text));
        buf.set_stringn(
            inner.x,
            inner.y + (i - skip) as u16,
            format!("{text}{}", " ".repeat(pad)),
            iw,
            style,
        );
    }
}
