//! A presentation slide, full screen and without chrome: the number in big
//! letters (when they fit), the title, the summary under its label, the
//! critique lines, and a discreet `3/12` in a corner. Content reflows to any
//! size; what does not fit is cut with a `…` line saying how much is left.

use super::pane::to_line;
use super::theme::Theme;
use crate::app::state::deck::Presentation;
use crate::app::view::Breaks;
use crate::app::view::lines::{DocLine, Piece, Role, fit, wrap_capped, wrap_pieces};
use crate::app::view::slides::{Entry, SlideText, slide_text};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// One row group of a laid-out slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Big letters taking `rows` rows.
    Big {
        text: String,
        size: BigSize,
        rows: u16,
    },
    Text(DocLine),
}

/// The pixel sizes used, the largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigSize {
    Full,
    HalfHeight,
    Quadrant,
}

impl BigSize {
    /// (cells across per glyph, rows)
    fn cells(self) -> (usize, u16) {
        match self {
            BigSize::Full => (8, 8),
            BigSize::HalfHeight => (8, 4),
            BigSize::Quadrant => (4, 4),
        }
    }

    fn pixel(self) -> PixelSize {
        match self {
            BigSize::Full => PixelSize::Full,
            BigSize::HalfHeight => PixelSize::HalfHeight,
            BigSize::Quadrant => PixelSize::Quadrant,
        }
    }
}

/// The largest size in which `text` fits `cols` x `rows`; none when the
/// font has no glyph for it or nothing fits.
fn big_size(text: &str, cols: usize, rows: u16) -> Option<BigSize> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return None;
    }
    let n = text.chars().count();
    [BigSize::Full, BigSize::HalfHeight, BigSize::Quadrant]
        .into_iter()
        .find(|s| {
            let (w, h) = s.cells();
            n * w <= cols && h <= rows
        })
}

/// Widest the slide's column gets: on a wider screen it stands in the
/// middle, so lines stay short enough to read from the back of a room.
const COLUMN: u16 = 120;

/// Margins around the slide: wider on big screens.
fn margins(w: u16, h: u16) -> (u16, u16) {
    let mx = (w / 12)
        .clamp(if w >= 40 { 2 } else { 0 }, 10)
        .max(w.saturating_sub(COLUMN) / 2);
    let my = if h >= 40 {
        2
    } else if h >= 16 {
        1
    } else {
        0
    };
    (mx, my)
}

/// Below this many rows the big letters never show and the slide is
/// compact: its heading on one line, the label run into the text.
const COMPACT: usize = 12;

/// Widest a quote or a reason runs, so eyes can follow it across a wide
/// screen.
const MEASURE: usize = 100;

/// Lays out the slide text in `cols` x `rows`.
pub fn layout(s: &SlideText, cols: usize, rows: usize) -> Vec<Row> {
    let cols = cols.max(1);
    if rows == 0 {
        return Vec::new();
    }
    if rows < COMPACT {
        return compact(s, cols, rows);
    }
    let mut out: Vec<Row> = Vec::new();
    let roomy = rows >= 30;
    // Big letters take at most a quarter of the height (a third with the
    // title in big letters too).
    let budget = (rows / 4) as u16;
    let big = big_size(&s.big, cols, budget);
    let mut header: Vec<DocLine> = Vec::new();
    match big {
        Some(size) => {
            let (_, h) = size.cells();
            out.push(Row::Big {
                text: s.big.clone(),
                size,
                rows: h,
            });
            let used = usize::from(h);
            let title_big = if rows >= 40 {
                big_size(&s.title, cols, 4).filter(|sz| {
                    *sz == BigSize::Quadrant || usize::from(sz.cells().1) + used <= rows / 3
                })
            } else {
                None
            };
            if !s.title.is_empty() {
                if roomy || title_big.is_some() {
                    header.push(Vec::new());
                }
                match title_big {
                    Some(size) => {
                        out.extend(header.drain(..).map(Row::Text));
                        out.push(Row::Big {
                            text: s.title.clone(),
                            size,
                            rows: size.cells().1,
                        });
                    }
                    None => header.extend(wrap_capped(
                        &[Piece::new(s.title.clone(), Role::Title)],
                        cols,
                        2,
                    )),
                }
            }
        }
        // No big letters: the number and the title share a line.
        None => header.extend(wrap_capped(&[Piece::new(heading(s), Role::Title)], cols, 2)),
    }
    if !s.context.is_empty() {
        header.extend(wrap_capped(
            &[Piece::new(s.context.clone(), Role::Plain)],
            cols,
            if rows >= 20 { 2 } else { 1 },
        ));
    }
    out.extend(header.into_iter().map(Row::Text));
    let used: usize = out.iter().map(row_height).sum();
    let avail = rows.saturating_sub(used);
    let gap = usize::from(rows >= 14);
    let body = wrap_pieces(
        &[Piece::new(s.body.clone(), Role::Plain)],
        cols,
        Breaks::Flow,
    );
    // A critique (with its quote or its reason) stands apart from the next
    // one when the height allows; a list of articles stays a list.
    let spaced = rows >= 20;
    let blocks: Vec<(Vec<DocLine>, usize)> = s
        .lines
        .iter()
        .map(|e| {
            let lines = entry(e, cols, roomy);
            let space = usize::from(spaced && (e.quote.is_some() || e.why.is_some()));
            (lines, space)
        })
        .collect();
    let block_rows = |b: &(Vec<DocLine>, usize)| b.0.len() + b.1;
    // The label says what the text is (a summary, not the authentic text):
    // it wraps rather than lose its words.
    let label = labelled(&s.label, cols);
    let lines_heading = labelled(&s.lines_heading, cols);
    let heading_rows = lines_heading.len();
    let fixed = gap + label.len() + gap + heading_rows;
    let all: usize = body.len() + blocks.iter().map(block_rows).sum::<usize>();
    let (body_cap, shown_blocks) = if fixed + all <= avail {
        (body.len(), blocks.len())
    } else {
        let room = avail.saturating_sub(fixed);
        // How many whole entries fit beside `body_cap` lines of text and the
        // `… and N more` line.
        let fits = |body_cap: usize| {
            let mut left = room.saturating_sub(body_cap).saturating_sub(1);
            let mut n = 0;
            for b in &blocks {
                if block_rows(b) > left {
                    break;
                }
                left -= block_rows(b);
                n += 1;
            }
            n
        };
        // The text gets two fifths of the room; if that leaves no room for
        // a single critique, it gets three lines, so one shows.
        let mut body_cap = body.len().min((room * 2 / 5).max(3)).min(room);
        let mut n = fits(body_cap);
        if n == 0 {
            let least = body.len().min(3).min(room);
            if fits(least) > 0 {
                body_cap = least;
                n = fits(least);
            }
        }
        // Room the critique lines did not need goes back to the text.
        let more = usize::from(n < blocks.len());
        let crit: usize = blocks[..n].iter().map(block_rows).sum();
        let body_cap = body
            .len()
            .min(room.saturating_sub(crit + more))
            .max(body_cap.min(room));
        (body_cap, n)
    };
    let mut rest: Vec<DocLine> = Vec::new();
    if gap > 0 {
        rest.push(Vec::new());
    }
    rest.extend(label);
    if body_cap < body.len() {
        rest.extend(wrap_capped(
            &[Piece::new(s.body.clone(), Role::Plain)],
            cols,
            body_cap,
        ));
    } else {
        rest.extend(body);
    }
    if heading_rows > 0 {
        if gap > 0 {
            rest.push(Vec::new());
        }
        rest.extend(lines_heading);
        for (lines, space) in blocks.iter().take(shown_blocks) {
            if *space > 0 {
                rest.push(Vec::new());
            }
            rest.extend(lines.iter().cloned());
        }
        if shown_blocks < blocks.len() {
            let left = blocks.len() - shown_blocks;
            rest.push(fit(
                vec![Piece::new(
                    format!("… and {left} more: see them in the explorer"),
                    Role::Note,
                )],
                cols,
            ));
        }
    }
    out.extend(rest.into_iter().map(Row::Text));
    out
}

/// A label's lines (none when it is empty), at most two.
fn labelled(text: &str, cols: usize) -> Vec<DocLine> {
    if text.is_empty() {
        return Vec::new();
    }
    wrap_capped(&[Piece::new(text, Role::Label)], cols, 2)
}

fn heading(s: &SlideText) -> String {
    if s.heading.is_empty() {
        s.big.clone()
    } else {
        s.heading.clone()
    }
}

/// A slide in fewer than [`COMPACT`] rows: the heading, where it belongs
/// when there is room, then the label and the text run together, and the
/// count of critiques on the last line when there is room for it.
fn compact(s: &SlideText, cols: usize, rows: usize) -> Vec<Row> {
    let mut out: Vec<DocLine> = wrap_capped(
        &[Piece::new(heading(s), Role::Title)],
        cols,
        if rows >= 5 { 2 } else { 1 },
    );
    if rows >= 9 && !s.context.is_empty() {
        out.extend(wrap_capped(
            &[Piece::new(s.context.clone(), Role::Plain)],
            cols,
            1,
        ));
    }
    let count = usize::from(rows >= 8 && !s.lines_heading.is_empty());
    let room = rows.saturating_sub(out.len() + count);
    if room > 0 {
        let mut text = Vec::new();
        if !s.label.is_empty() {
            text.push(Piece::new(format!("{}:", s.label), Role::Label));
            text.push(Piece::new(" ", Role::Plain));
        }
        text.push(Piece::new(s.body.clone(), Role::Plain));
        out.extend(wrap_capped(&text, cols, room));
    }
    if count > 0 {
        out.push(fit(
            vec![Piece::new(s.lines_heading.clone(), Role::Label)],
            cols,
        ));
    }
    out.into_iter().map(Row::Text).collect()
}

/// An entry's lines: `• ` and its head, then the quote and the reason
/// indented under it, each kept to a few lines.
fn entry(e: &Entry, cols: usize, roomy: bool) -> Vec<DocLine> {
    let mut out = indented(&e.head, cols, cols, "• ", 2);
    let measure = cols.min(MEASURE + 2);
    if let Some(q) = &e.quote {
        out.extend(indented(
            &[Piece::new(q.clone(), Role::Plain)],
            cols,
            measure,
            "  ",
            if roomy { 3 } else { 2 },
        ));
    }
    if let Some(why) = &e.why {
        out.extend(indented(
            &[
                Piece::new("why: ", Role::Marker),
                Piece::new(why.clone(), Role::Note),
            ],
            cols,
            measure,
            "  ",
            3,
        ));
    }
    out
}

/// `pieces` wrapped to `measure` columns (at most `cols`) under a two-cell
/// indent, the first line led by `first`; no indent in a very narrow space.
fn indented(
    pieces: &[Piece],
    cols: usize,
    measure: usize,
    first: &str,
    max: usize,
) -> Vec<DocLine> {
    let indent = if cols >= 12 { width(first) } else { 0 };
    let lines = wrap_capped(pieces, measure.min(cols).saturating_sub(indent).max(1), max);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if indent == 0 {
                return l;
            }
            let lead = if i == 0 { first } else { "  " };
            let mut line = vec![Piece::new(
                lead,
                if i == 0 { Role::Marker } else { Role::Plain },
            )];
            line.extend(l);
            line
        })
        .collect()
}

fn row_height(r: &Row) -> usize {
    match r {
        Row::Big { rows, .. } => usize::from(*rows),
        Row::Text(_) => 1,
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
    let (mx, my) = margins(area.width, area.height);
    let inner = Rect {
        x: area.x + mx,
        y: area.y + my,
        width: area.width.saturating_sub(2 * mx),
        height: area.height.saturating_sub(2 * my + 1),
    };
    let footer_y = area.y + area.height - 1 - my.min(1).min(area.height.saturating_sub(1));
    if let Some(slide) = p.slide() {
        let text = slide_text(corpus, graph, slide);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        for row in layout(&text, usize::from(inner.width), usize::from(inner.height)) {
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
                        .pixel_size(size.pixel())
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
