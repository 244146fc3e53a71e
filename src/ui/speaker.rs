//! The speaker view's screen: the slide number and title on the room's
//! screen, whether the room is blanked, the speaker's notes (the user's
//! own, why links were inferred, what the room's slide had no room for),
//! the next slide's title, the time the talk has run and the time of day.
//! At a small size the notes give way first; the header, the title and the
//! key line stay.

use super::pane::to_line;
use super::theme::Theme;
use crate::app::view::lines::{DocLine, Piece, Role, fit, line_width, wrap_capped};
use crate::speaker::clock;
use crate::speaker::protocol::NoteKind;
use crate::speaker::state::{Speaker, Status};
use crate::text::{one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Shown while the room's screen is blanked.
pub const BLANKED: &str = "Room screen blanked";

/// One row of the screen; `alert` rows stand out in reverse video.
struct Row {
    line: DocLine,
    alert: bool,
}

fn row(line: DocLine) -> Row {
    Row { line, alert: false }
}

/// The rows of the screen at `cols` x `rows`, top to bottom, and the
/// furthest the notes can scroll.
fn rows_of(
    s: &Speaker,
    elapsed: Option<u64>,
    clock: &str,
    cols: usize,
    rows: usize,
) -> (Vec<Row>, usize) {
    if rows == 0 || cols == 0 {
        return (Vec::new(), 0);
    }
    let frame = s.frame.as_ref().filter(|_| s.status == Status::Following);
    let header = header(s, frame.map(|f| (f.number, f.total)), elapsed, clock, cols);
    let footer = footer(s, cols);
    let title_text = match (frame, s.status) {
        (Some(f), _) => one_line(&f.title),
        (None, Status::Following) => "Joined: waiting for the room's first slide…".into(),
        (None, Status::Waiting { .. }) => one_line(&s.deck),
    };
    let title_rows = if rows >= 14 { 2 } else { 1 };
    let title = wrap_capped(&[Piece::new(title_text, Role::Title)], cols, title_rows);
    let blank = frame.is_some_and(|f| f.blank);
    let next = frame.map(|f| {
        let upcoming = if f.upcoming.is_empty() {
            Piece::new("none: this is the last slide", Role::Note)
        } else {
            Piece::new(one_line(&f.upcoming), Role::Plain)
        };
        fit(vec![Piece::new("Next: ", Role::Label), upcoming], cols)
    });

    // What stays, in order of need: header, key line, title, the blank
    // notice, the next slide, then separators; the notes take the rest.
    let mut top = vec![row(header)];
    let mut bottom: Vec<Row> = Vec::new();
    let mut left = rows - 1;
    if left > 0 {
        bottom.push(row(footer));
        left -= 1;
    }
    for t in title {
        if left == 0 {
            break;
        }
        top.push(row(t));
        left -= 1;
    }
    if blank && left > 0 {
        top.push(Row {
            line: fit(vec![Piece::new(BLANKED, Role::Title)], cols),
            alert: true,
        });
        left -= 1;
    }
    if let Some(next) = next
        && left > 0
    {
        bottom.insert(0, row(next));
        left -= 1;
    }
    if rows >= 12 && left >= 4 {
        let rule = vec![Piece::new("─".repeat(cols), Role::Note)];
        top.push(row(rule.clone()));
        bottom.insert(0, row(rule));
        left -= 2;
    }
    let mut out = top;
    let all = notes(s, cols);
    let max_scroll = all.len().saturating_sub(left);
    out.extend(
        window(all, left, s.scroll.min(max_scroll), cols)
            .into_iter()
            .map(row),
    );
    // Whatever rows the notes leave stay empty above the bottom lines.
    while out.len() + bottom.len() < rows {
        out.push(row(Vec::new()));
    }
    out.extend(bottom);
    out.truncate(rows);
    (out, max_scroll)
}

/// `Slide 3/12` at the left, `02:05 elapsed · 14:05` at the right.
fn header(
    s: &Speaker,
    at: Option<(usize, usize)>,
    elapsed: Option<u64>,
    wall: &str,
    cols: usize,
) -> DocLine {
    let right = match elapsed {
        Some(e) => format!("{} elapsed · {wall}", clock::elapsed(e)),
        None => wall.to_string(),
    };
    let left = match (at, s.status) {
        (Some((n, total)), _) => format!("Slide {n}/{total}"),
        (None, Status::Following) => "Speaker view".into(),
        (None, Status::Waiting { .. }) => "Speaker view: not following".into(),
    };
    let rw = width(&right);
    if rw + 2 + width(&left) > cols {
        // Too narrow for both: the slide number matters more.
        return fit(vec![Piece::new(left, Role::Number)], cols);
    }
    let gap = cols - rw - width(&left);
    vec![
        Piece::new(left, Role::Number),
        Piece::new(" ".repeat(gap), Role::Plain),
        Piece::new(right, Role::Count),
    ]
}

/// The key line: a slide number being typed, else the keys.
fn footer(s: &Speaker, cols: usize) -> DocLine {
    if !s.jump.is_empty() {
        return fit(
            vec![Piece::new(format!("Go to slide: {}", s.jump), Role::Marker)],
            cols,
        );
    }
    let keys = match s.status {
        Status::Following => {
            "Space → next · ← back · 3 Enter: slide 3 · ↑↓ notes · q leaves this view"
        }
        Status::Waiting { .. } => "q leaves this view",
    };
    fit(vec![Piece::new(keys, Role::Note)], cols)
}

/// `room` rows of `lines` from `top`; the first and last say how many
/// lines are above and below when some are.
fn window(lines: Vec<DocLine>, room: usize, top: usize, cols: usize) -> Vec<DocLine> {
    if room == 0 {
        return Vec::new();
    }
    if lines.len() <= room {
        return lines;
    }
    let marker = |text: String| fit(vec![Piece::new(text, Role::Note)], cols);
    let lines_word = |n: usize| format!("line{}", crate::text::plural(n));
    let mut out = Vec::with_capacity(room);
    let mut start = top;
    if top > 0 && room >= 2 {
        // The marker takes the row of a line, which then counts as above.
        start += 1;
        out.push(marker(format!(
            "↑ {start} {} above (↑ scrolls)",
            lines_word(start)
        )));
    }
    let space = room - out.len();
    let end = (start + space).min(lines.len());
    let below = lines.len() - end;
    if below > 0 {
        let end = end - 1;
        out.extend(lines[start..end].iter().cloned());
        let below = lines.len() - end;
        out.push(marker(format!(
            "↓ {below} more {} of notes (↓ scrolls)",
            lines_word(below)
        )));
    } else {
        out.extend(lines[start..end].iter().cloned());
    }
    out
}

/// The notes, or what to do while no presentation is followed.
fn notes(s: &Speaker, cols: usize) -> Vec<DocLine> {
    let mut lines: Vec<DocLine> = Vec::new();
    let wrap = |lines: &mut Vec<DocLine>, pieces: &[Piece], lead: &str| {
        let indent = width(lead);
        let inner = cols.saturating_sub(indent).max(1);
        for (i, mut l) in wrap_capped(pieces, inner, usize::MAX)
            .into_iter()
            .enumerate()
        {
            if indent > 0 && cols > indent {
                let lead = if i == 0 {
                    lead.to_string()
                } else {
                    " ".repeat(indent)
                };
                l.insert(0, Piece::new(lead, Role::Marker));
            }
            lines.push(l);
        }
    };
    match (&s.frame, s.status) {
        (Some(f), Status::Following) => {
            let sections = [
                (NoteKind::Mine, "Your notes", ""),
                (NoteKind::Why, "Why these links were inferred", "• "),
                (NoteKind::More, "Not on the room's slide", "• "),
            ];
            for (kind, heading, lead) in sections {
                let of: Vec<&str> = f
                    .notes
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, t)| t.as_str())
                    .collect();
                if of.is_empty() {
                    continue;
                }
                if !lines.is_empty() {
                    lines.push(Vec::new());
                }
                lines.push(fit(vec![Piece::new(heading, Role::Label)], cols));
                for t in of {
                    if t.is_empty() {
                        lines.push(Vec::new());
                    } else {
                        wrap(&mut lines, &[Piece::new(one_line(t), Role::Plain)], lead);
                    }
                }
            }
            if lines.is_empty() {
                lines.push(fit(
                    vec![Piece::new("No notes for this slide.", Role::Note)],
                    cols,
                ));
            }
        }
        (_, Status::Following) => {}
        (_, Status::Waiting { ended }) => {
            let first = if ended {
                "The presentation ended."
            } else {
                "No presentation of this deck is running."
            };
            wrap(&mut lines, &[Piece::new(first, Role::Plain)], "");
            wrap(
                &mut lines,
                &[Piece::new(
                    "Start it in the room's terminal; this view follows it as soon as it runs:",
                    Role::Plain,
                )],
                "",
            );
            wrap(
                &mut lines,
                &[Piece::new(one_line(&s.start), Role::Field)],
                "  ",
            );
        }
    }
    lines
}

/// Draws the speaker view over `area`; returns the furthest the notes
/// can scroll at this size.
pub fn draw(
    buf: &mut Buffer,
    theme: &Theme,
    area: Rect,
    s: &Speaker,
    elapsed: Option<u64>,
    clock: &str,
) -> usize {
    if area.width == 0 || area.height == 0 {
        return 0;
    }
    buf.set_style(area, theme.base());
    // A column of margin each side when there is room for it.
    let mx = u16::from(area.width >= 40);
    let cols = area.width.saturating_sub(2 * mx);
    let (rows, max_scroll) = rows_of(
        s,
        elapsed,
        clock,
        usize::from(cols),
        usize::from(area.height),
    );
    for (i, r) in rows.iter().enumerate() {
        let y = area.y + i as u16;
        debug_assert!(line_width(&r.line) <= usize::from(cols));
        buf.set_line(area.x + mx, y, &to_line(theme, &r.line), cols);
        if r.alert {
            let w = (line_width(&r.line) as u16).min(cols);
            buf.set_style(
                Rect {
                    x: area.x + mx,
                    y,
                    width: w,
                    height: 1,
                },
                theme.error(),
            );
        }
    }
    max_scroll
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speaker::follow::Link;
    use crate::speaker::notes::Frame;
    use std::time::Instant;

    fn screen(s: &Speaker, w: u16, h: u16) -> String {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let theme = Theme::new(Default::default(), false);
        draw(&mut buf, &theme, area, s, Some(125), "14:05");
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn with_notes(n: usize, blank: bool) -> Speaker {
        let mut s = Speaker::new("Chapter IV", "treaty present --deck iv");
        let mut notes = vec![(
            NoteKind::Mine,
            "Ask about (2)(b): is ‘proportionality’ defined?".into(),
        )];
        notes.extend((0..n).map(|i| {
            (
                NoteKind::More,
                format!("Zamora, para {i} — cited as “Art. 24” “A long quote that wraps”"),
            )
        }));
        s.link(
            &Link::Frame(Frame {
                number: 3,
                total: 12,
                blank,
                elapsed: 0,
                title: "Art. 24 · Conditions and safeguards".into(),
                upcoming: "Art. 25 · Expedited preservation of stored computer data".into(),
                notes,
            }),
            Instant::now(),
        );
        s
    }

    #[test]
    fn every_size_draws_without_panic() {
        let speakers = [
            with_notes(0, false),
            with_notes(40, true),
            Speaker::new("Chapter IV: a long deck title ".repeat(5), "treaty present"),
        ];
        for s in &speakers {
            for (w, h) in [
                (80, 24),
                (40, 12),
                (1, 1),
                (10, 3),
                (20, 5),
                (250, 70),
                (39, 11),
            ] {
                let text = screen(s, w, h);
                assert_eq!(text.lines().count(), usize::from(h));
            }
        }
    }

    #[test]
    fn the_notes_scroll_to_their_last_line() {
        let mut s = with_notes(40, false);
        let area = Rect::new(0, 0, 80, 24);
        let theme = Theme::new(Default::default(), false);
        let max = draw(&mut Buffer::empty(area), &theme, area, &s, None, "14:05");
        assert!(max > 0);
        assert!(!screen(&s, 80, 24).contains("Zamora, para 39"));
        s.scroll = max;
        let text = screen(&s, 80, 24);
        assert!(text.contains("Zamora, para 39"), "{text}");
        assert!(text.contains("lines above (↑ scrolls)"), "{text}");
        assert!(!text.contains("more lines"), "{text}");
        assert!(text.contains("Next: Art. 25"), "{text}");
    }

    #[test]
    fn the_small_screen_keeps_the_essentials() {
        let text = screen(&with_notes(40, true), 40, 12);
        assert!(text.contains("Slide 3/12"), "{text}");
        assert!(text.contains("Art. 24"), "{text}");
        assert!(text.contains(BLANKED), "{text}");
        assert!(text.contains("Next: Art. 25"), "{text}");
        assert!(text.contains("more lines of notes (↓ scrolls)"), "{text}");
    }
}
