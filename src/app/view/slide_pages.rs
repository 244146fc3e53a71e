//! How a slide's text is laid out at a screen size, and how a deck is cut
//! into pages there: an article whose passages do not fit one slide
//! continues on the next ("Art. 24 (2/4)"), so nothing is left for the room
//! to find elsewhere. Pagination and drawing read the same layout, so the
//! page count is what the screen shows; a resize paginates again.

use crate::app::state::deck::{Page, Presentation};
use crate::app::view::Breaks;
use crate::app::view::lines::{DocLine, Piece, Role, fit, line_width, wrap_pieces};
use crate::app::view::slides::{Entry, SlideText, deck_text};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::text::width;

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

/// The pixel sizes of the big letters, the largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigSize {
    Full,
    HalfHeight,
    Quadrant,
}

impl BigSize {
    /// (cells across per glyph, rows)
    pub fn cells(self) -> (usize, u16) {
        match self {
            BigSize::Full => (8, 8),
            BigSize::HalfHeight => (8, 4),
            BigSize::Quadrant => (4, 4),
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

/// Margins around the slide (columns, rows): wider on big screens.
pub fn margins(w: u16, h: u16) -> (u16, u16) {
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

/// The columns and rows a slide's text gets on a `w` x `h` screen: inside
/// the margins, above the footer line.
pub fn text_area(w: u16, h: u16) -> (usize, usize) {
    let (mx, my) = margins(w, h);
    (
        usize::from(w.saturating_sub(2 * mx)),
        usize::from(h.saturating_sub(2 * my + 1)),
    )
}

/// Below this many rows the big letters never show and the slide is
/// compact: its heading on one line, the label run into the text, one page.
const COMPACT: usize = 12;

/// Widest a quote or a reason runs, so eyes can follow it across a wide
/// screen.
const MEASURE: usize = 100;

/// Fewest lines of a quote that a passage squeezed in at a page's end gets.
const MIN_QUOTE: usize = 2;

/// The widest part marker a heading is measured with, so the page count
/// never changes the heading's height.
const WIDEST_PART: &str = "(99/99)";

/// An item's text laid out at one size, in units a page takes whole: the
/// summary's lines (the label with the first), then the entries.
struct Laid<'s> {
    s: &'s SlideText,
    cols: usize,
    rows: usize,
    /// A blank row between groups, when the height allows.
    gap: usize,
    /// A blank row before each critique, when the height allows.
    spaced: bool,
    label: Vec<DocLine>,
    body: Vec<DocLine>,
    /// Each entry's head, whole quote and reason lines, indented.
    entries: Vec<EntryLines>,
    headings: [Vec<DocLine>; 2],
    /// Most lines a quote gets before the page's spare rows are shared out.
    quote_cap: usize,
}

struct EntryLines {
    head: Vec<DocLine>,
    quote: Vec<DocLine>,
    why: Vec<DocLine>,
    /// The quote's measure (for the `…` at a word's end).
    measure: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Body(usize),
    Entry(usize),
}

impl<'s> Laid<'s> {
    fn new(s: &'s SlideText, cols: usize, rows: usize) -> Laid<'s> {
        let cols = cols.max(1);
        let roomy = rows >= 30;
        let measure = cols.min(MEASURE + 2);
        let entries = s
            .lines
            .iter()
            .chain(&s.own)
            .map(|e| entry_lines(e, cols, measure))
            .collect();
        let body = if s.body.is_empty() {
            Vec::new()
        } else {
            wrap_pieces(
                &[Piece::new(s.body.clone(), Role::Plain)],
                cols,
                Breaks::Flow,
            )
        };
        Laid {
            s,
            cols,
            rows,
            gap: usize::from(rows >= 14),
            spaced: rows >= 20,
            label: labelled(&s.label, cols),
            body,
            entries,
            headings: [
                labelled(&s.lines_heading, cols),
                labelled(&s.own_heading, cols),
            ],
            quote_cap: if roomy {
                6
            } else if rows >= 20 {
                4
            } else {
                2
            },
        }
    }

    /// Units the label and the summary take: one a line.
    fn body_units(&self) -> usize {
        self.body.len().max(usize::from(!self.label.is_empty()))
    }

    fn units(&self) -> usize {
        self.body_units() + self.entries.len()
    }

    fn unit(&self, i: usize) -> Unit {
        let body = self.body_units();
        if i < body {
            Unit::Body(i)
        } else {
            Unit::Entry(i - body)
        }
    }

    fn section(&self, entry: usize) -> usize {
        usize::from(entry >= self.s.lines.len())
    }

    /// The lines of unit `i` after unit `prev` of the same page (none: it
    /// opens the page's text), with its quote at most `cap` lines.
    fn lines(&self, i: usize, prev: Option<usize>, cap: usize) -> Vec<DocLine> {
        let mut out = Vec::new();
        match self.unit(i) {
            Unit::Body(k) => {
                if prev.is_none() {
                    out.extend(std::iter::repeat_n(Vec::new(), self.gap));
                }
                if k == 0 {
                    out.extend(self.label.iter().cloned());
                }
                out.extend(self.body.get(k).cloned());
            }
            Unit::Entry(j) => {
                let section = self.section(j);
                let opens = match prev.map(|p| self.unit(p)) {
                    Some(Unit::Entry(p)) => self.section(p) != section,
                    _ => true,
                };
                if opens {
                    out.extend(std::iter::repeat_n(Vec::new(), self.gap));
                    out.extend(self.headings[section].iter().cloned());
                }
                let e = &self.entries[j];
                let has_more = !e.quote.is_empty() || !e.why.is_empty();
                if self.spaced && has_more {
                    out.push(Vec::new());
                }
                out.extend(e.head.iter().cloned());
                out.extend(capped(&e.quote, cap, e.measure));
                out.extend(e.why.iter().cloned());
            }
        }
        out
    }

    fn height(&self, i: usize, prev: Option<usize>) -> usize {
        self.lines(i, prev, self.quote_cap).len()
    }

    /// The rows above the text on part `part` of `parts` (`None`: measured
    /// with the widest marker).
    fn frame(&self, part: usize, parts: Option<usize>) -> Vec<Row> {
        let marker = match parts {
            Some(n) if n > 1 => format!("({}/{n})", part + 1),
            Some(_) => String::new(),
            None if self.units() > 0 => WIDEST_PART.into(),
            None => String::new(),
        };
        if part == 0 {
            header(self.s, self.cols, self.rows, &marker)
        } else {
            let mut out: Vec<Row> = wrap_capped_words(
                &[Piece::new(continued(self.s, &marker), Role::Title)],
                self.cols,
                2,
            )
            .into_iter()
            .map(Row::Text)
            .collect();
            if !self.s.context.is_empty() && self.rows >= 16 {
                out.extend(
                    wrap_capped_words(
                        &[Piece::new(self.s.context.clone(), Role::Plain)],
                        self.cols,
                        1,
                    )
                    .into_iter()
                    .map(Row::Text),
                );
            }
            out
        }
    }

    /// The units of each page, in order; every page after the first takes
    /// at least one unit, so the pages always end.
    fn paginate(&self) -> Vec<std::ops::Range<usize>> {
        let n = self.units();
        if self.rows < COMPACT || n == 0 {
            return std::iter::once(0..n).collect();
        }
        let mut pages = Vec::new();
        let mut start = 0;
        while start < n || pages.is_empty() {
            let part = pages.len();
            let room = self
                .rows
                .saturating_sub(self.frame(part, None).iter().map(row_height).sum());
            let mut used = 0;
            let mut end = start;
            while end < n {
                let prev = (end > start).then(|| end - 1);
                let h = self.height(end, prev);
                if used + h > room && (end > start || part == 0) {
                    // The rows left take one more passage when its quote,
                    // shorter, fits them: the page is filled, not left blank.
                    let least = self.lines(end, prev, MIN_QUOTE).len();
                    if used + least <= room && matches!(self.unit(end), Unit::Entry(_)) {
                        end += 1;
                    }
                    break;
                }
                used += h;
                end += 1;
            }
            // The label never stands without the summary's first line, nor
            // a page with only the heading of the critiques.
            pages.push(start..end);
            start = end;
        }
        pages
    }

    /// The rows of a page: its frame, then its units, with the rows they
    /// leave shared out to the quotes that were cut; and the entries whose
    /// quote is still cut.
    fn page(&self, page: &Page) -> (Vec<Row>, Vec<usize>) {
        if self.rows < COMPACT {
            let all = (0..self.entries.len()).collect();
            return (compact(self.s, self.cols, self.rows), all);
        }
        let mut out = self.frame(page.part, Some(page.parts));
        let units: Vec<usize> = (page.units.start..page.units.end.min(self.units())).collect();
        let prev = |k: usize| k.checked_sub(1).map(|p| units[p]);
        let used: usize = out.iter().map(row_height).sum::<usize>()
            + units
                .iter()
                .enumerate()
                .map(|(k, &i)| self.height(i, prev(k)))
                .sum::<usize>();
        let mut spare = self.rows.saturating_sub(used);
        // The last passage may have been taken with a shorter quote.
        let over = used.saturating_sub(self.rows);
        let mut cut = Vec::new();
        for (k, &i) in units.iter().enumerate() {
            let mut cap = self.quote_cap;
            if k + 1 == units.len() && over > 0 {
                cap = cap.saturating_sub(over).max(MIN_QUOTE);
            }
            if let Unit::Entry(j) = self.unit(i) {
                let whole = self.entries[j].quote.len();
                if whole > cap {
                    let more = spare.min(whole - cap);
                    spare -= more;
                    cap += more;
                }
                if whole > cap {
                    cut.push(j);
                }
            }
            out.extend(self.lines(i, prev(k), cap).into_iter().map(Row::Text));
        }
        (out, cut)
    }
}

/// The rows of slide `page` of `text` in `cols` x `rows`.
pub fn layout(text: &SlideText, page: &Page, cols: usize, rows: usize) -> Vec<Row> {
    if rows == 0 {
        return Vec::new();
    }
    Laid::new(text, cols, rows).page(page).0
}

/// The units of each page `text` takes in `cols` x `rows`.
pub fn pages_of(text: &SlideText, cols: usize, rows: usize) -> Vec<std::ops::Range<usize>> {
    Laid::new(text, cols, rows).paginate()
}

/// Cuts the deck into pages for a `w` x `h` screen, keeping the item (and
/// as near as can be the part) on screen.
pub fn paginate(p: &mut Presentation, corpus: &Corpus, graph: &LinkGraph, size: (u16, u16)) {
    let (item, part) = p.position();
    // The first passage on screen stays on screen, found again by its
    // place among the entries, whatever the summary's lines now take.
    let anchor = p.page().and_then(|pg| {
        let slide = p.slides.get(pg.item)?;
        if p.size == (0, 0) || pg.units.start == 0 {
            return None;
        }
        let (c, r) = text_area(p.size.0, p.size.1);
        let text = deck_text(corpus, graph, p, *slide);
        match Laid::new(&text, c, r).unit(pg.units.start) {
            Unit::Entry(j) => Some(j),
            Unit::Body(_) => None,
        }
    });
    let (cols, rows) = text_area(size.0, size.1);
    let mut pages = Vec::new();
    for (i, slide) in p.slides.iter().enumerate() {
        let text = deck_text(corpus, graph, p, *slide);
        let ranges = pages_of(&text, cols, rows);
        let parts = ranges.len();
        pages.extend(ranges.into_iter().enumerate().map(|(k, units)| Page {
            item: i,
            part: k,
            parts,
            units,
        }));
    }
    p.pages = pages;
    p.size = size;
    p.current = 0;
    p.go_to_item(item, part);
    if let (Some(j), Some(slide)) = (anchor, p.slides.get(item)) {
        let text = deck_text(corpus, graph, p, *slide);
        let want = Laid::new(&text, cols, rows).body_units() + j;
        if let Some(i) = p
            .pages
            .iter()
            .position(|pg| pg.item == item && pg.units.contains(&want))
        {
            p.current = i;
        }
    }
}

/// The quotes slide `page` shows cut, in full: what the presenter may want
/// to read out (the speaker view's "did not fit").
pub fn left_out(text: &SlideText, page: &Page, size: (u16, u16)) -> Vec<String> {
    let (cols, rows) = text_area(size.0, size.1);
    let entries: Vec<&Entry> = text.lines.iter().chain(&text.own).collect();
    Laid::new(text, cols, rows)
        .page(page)
        .1
        .into_iter()
        .filter_map(|j| entries.get(j).and_then(|e| e.quote.clone()))
        .collect()
}

/// `Art. 24 (2/4) · Conditions and safeguards`
fn continued(s: &SlideText, marker: &str) -> String {
    let big = if s.big.is_empty() { &s.heading } else { &s.big };
    let mut out = big.clone();
    if !marker.is_empty() {
        out.push(' ');
        out.push_str(marker);
    }
    if !s.title.is_empty() && !s.big.is_empty() {
        out.push_str(" · ");
        out.push_str(&s.title);
    }
    out
}

/// The first slide's header: the number in big letters (or with the title
/// on one line), the title, where it belongs.
fn header(s: &SlideText, cols: usize, rows: usize, marker: &str) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let roomy = rows >= 30;
    // Big letters take at most a quarter of the height.
    let budget = (rows / 4) as u16;
    let big = big_size(&s.big, cols, budget);
    let mut lines: Vec<DocLine> = Vec::new();
    let with_marker = |t: &str| {
        if marker.is_empty() {
            t.to_string()
        } else if t.is_empty() {
            marker.to_string()
        } else {
            format!("{t} {marker}")
        }
    };
    match big {
        Some(size) => {
            let (_, h) = size.cells();
            out.push(Row::Big {
                text: s.big.clone(),
                size,
                rows: h,
            });
            let used = usize::from(h);
            // The title in big letters too only on a slide of few words
            // (a title slide), where it cannot push anything off.
            let title_big = if rows >= 40 && s.lines.is_empty() && s.own.is_empty() {
                big_size(&s.title, cols, 4).filter(|sz| {
                    *sz == BigSize::Quadrant || usize::from(sz.cells().1) + used <= rows / 3
                })
            } else {
                None
            };
            let title = with_marker(&s.title);
            if !title.is_empty() {
                if roomy || title_big.is_some() {
                    lines.push(Vec::new());
                }
                match title_big {
                    Some(size) => {
                        out.extend(lines.drain(..).map(Row::Text));
                        out.push(Row::Big {
                            text: s.title.clone(),
                            size,
                            rows: size.cells().1,
                        });
                    }
                    None => lines.extend(wrap_capped_words(
                        &[Piece::new(title, Role::Title)],
                        cols,
                        2,
                    )),
                }
            }
        }
        // No big letters: the number and the title share a line.
        None => lines.extend(wrap_capped_words(
            &[Piece::new(continued_first(s, marker), Role::Title)],
            cols,
            2,
        )),
    }
    if !s.context.is_empty() {
        lines.extend(wrap_capped_words(
            &[Piece::new(s.context.clone(), Role::Plain)],
            cols,
            if rows >= 20 { 2 } else { 1 },
        ));
    }
    out.extend(lines.into_iter().map(Row::Text));
    out
}

/// The heading of a first slide without big letters: `Art. 24 (1/4) ·
/// Conditions and safeguards`, or the heading alone.
fn continued_first(s: &SlideText, marker: &str) -> String {
    if marker.is_empty() {
        return heading(s);
    }
    continued(s, marker)
}

/// A label's lines (none when it is empty), at most two.
fn labelled(text: &str, cols: usize) -> Vec<DocLine> {
    if text.is_empty() {
        return Vec::new();
    }
    wrap_capped_words(&[Piece::new(text, Role::Label)], cols, 2)
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
    let mut out: Vec<DocLine> = wrap_capped_words(
        &[Piece::new(heading(s), Role::Title)],
        cols,
        if rows >= 5 { 2 } else { 1 },
    );
    if rows >= 9 && !s.context.is_empty() {
        out.extend(wrap_capped_words(
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
        out.extend(wrap_capped_words(&text, cols, room));
    }
    if count > 0 {
        out.push(fit(
            vec![Piece::new(s.lines_heading.clone(), Role::Label)],
            cols,
        ));
    }
    out.into_iter().map(Row::Text).collect()
}

/// An entry's lines: `• ` and its head, then the whole quote and the reason
/// indented under it (the quote is cut per page, the reason never).
fn entry_lines(e: &Entry, cols: usize, measure: usize) -> EntryLines {
    let inner = measure.min(cols).saturating_sub(indent(cols)).max(1);
    EntryLines {
        head: indented(
            wrap_capped_words(&e.head, cols.saturating_sub(indent(cols)).max(1), 2),
            cols,
            "• ",
        ),
        quote: e.quote.as_ref().map_or_else(Vec::new, |q| {
            indented(
                wrap_pieces(&[Piece::new(q.clone(), Role::Plain)], inner, Breaks::Flow),
                cols,
                "  ",
            )
        }),
        why: e.why.as_ref().map_or_else(Vec::new, |why| {
            indented(
                wrap_pieces(
                    &[
                        Piece::new("why: ", Role::Marker),
                        Piece::new(why.clone(), Role::Note),
                    ],
                    inner,
                    Breaks::Flow,
                ),
                cols,
                "  ",
            )
        }),
        measure: inner + indent(cols),
    }
}

fn indent(cols: usize) -> usize {
    if cols >= 12 { 2 } else { 0 }
}

/// `lines` under a two-cell indent, the first led by `first`; no indent in
/// a very narrow space.
fn indented(lines: Vec<DocLine>, cols: usize, first: &str) -> Vec<DocLine> {
    if indent(cols) == 0 {
        return lines;
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { first } else { "  " };
            let mut line = vec![Piece::new(
                lead,
                if i == 0 && lead.trim().is_empty() {
                    Role::Plain
                } else if i == 0 {
                    Role::Marker
                } else {
                    Role::Plain
                },
            )];
            line.extend(l);
            line
        })
        .collect()
}

/// The first `max` of `lines`; when some are left out, the last one kept
/// ends with `…` after a whole word (and the closing quotation mark, for a
/// quote), never inside one.
fn capped(lines: &[DocLine], max: usize, measure: usize) -> Vec<DocLine> {
    if lines.len() <= max {
        return lines.to_vec();
    }
    let mut out = lines[..max].to_vec();
    if let Some(last) = out.pop() {
        let quoted = lines
            .first()
            .is_some_and(|l| l.iter().any(|p| p.text.contains('“')));
        out.push(end_cut(last, measure, if quoted { "…”" } else { "…" }));
    }
    out
}

/// `line` with `mark` at its end, dropping whole words until it fits
/// `measure` cells.
fn end_cut(mut line: DocLine, measure: usize, mark: &str) -> DocLine {
    let room = measure.saturating_sub(width(mark));
    while let Some(last) = line.pop() {
        let before = line_width(&line);
        let text = last.text.trim_end();
        if before + width(text) <= room {
            if !text.is_empty() {
                line.push(Piece {
                    text: text.to_string(),
                    ..last
                });
            }
            break;
        }
        // Drop the piece's last word (and the space before it).
        match text.rfind(' ') {
            Some(at) if !text[..at].trim().is_empty() => line.push(Piece {
                text: text[..at].to_string(),
                ..last
            }),
            // A piece of one word: drop it, unless it is all there is,
            // a word wider than the measure, cut where it must be.
            _ if !line.is_empty() => {}
            _ => {
                line.push(Piece {
                    text: crate::text::truncate(text, room + width(mark)),
                    ..last
                });
                return line;
            }
        }
    }
    line.push(Piece::new(mark, Role::Plain));
    line
}

/// Like `lines::wrap_capped`, but the `…` comes after a whole word.
fn wrap_capped_words(pieces: &[Piece], cols: usize, max: usize) -> Vec<DocLine> {
    let lines = wrap_pieces(pieces, cols, Breaks::Flow);
    capped_plain(&lines, max, cols)
}

fn capped_plain(lines: &[DocLine], max: usize, measure: usize) -> Vec<DocLine> {
    if lines.len() <= max {
        return lines.to_vec();
    }
    let mut out = lines[..max].to_vec();
    if let Some(last) = out.pop() {
        out.push(end_cut(last, measure, "…"));
    }
    out
}

fn row_height(r: &Row) -> usize {
    match r {
        Row::Big { rows, .. } => usize::from(*rows),
        Row::Text(_) => 1,
    }
}

/// The pages a deck has at a size, for a check or a message.
pub fn count_at(p: &Presentation, corpus: &Corpus, graph: &LinkGraph, size: (u16, u16)) -> usize {
    let mut q = p.clone();
    paginate(&mut q, corpus, graph, size);
    q.pages.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(l: &DocLine) -> String {
        l.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_cut_ends_after_a_whole_word() {
        let line = vec![Piece::new("the powers reach proportionality", Role::Plain)];
        let cut = end_cut(line, 30, "…”");
        assert_eq!(words(&cut), "the powers reach…”");
        let line = vec![Piece::new("short", Role::Plain)];
        assert_eq!(words(&end_cut(line, 30, "…")), "short…");
    }

    #[test]
    fn an_item_with_many_entries_continues_and_every_entry_shows_once() {
        let e = |i: usize| Entry {
            head: vec![Piece::new(format!("Source {i}, para {i}"), Role::Field)],
            quote: Some(format!("“{}”", "word ".repeat(40 + i).trim_end())),
            why: None,
        };
        let s = SlideText {
            big: "Art. 24".into(),
            title: "Conditions and safeguards".into(),
            heading: "Art. 24 · Conditions and safeguards".into(),
            label: "Summary".into(),
            body: "A summary of a few words.".into(),
            lines_heading: "What the critiques say (15)".into(),
            lines: (0..15).map(e).collect(),
            ..SlideText::default()
        };
        for (cols, rows) in [(68, 21), (100, 35), (40, 14), (20, 12)] {
            let laid = Laid::new(&s, cols, rows);
            let pages = laid.paginate();
            assert!(pages.len() > 1, "{cols}x{rows}");
            assert_eq!(pages.first().map(|r| r.start), Some(0));
            assert_eq!(pages.last().map(|r| r.end), Some(laid.units()));
            for w in pages.windows(2) {
                assert_eq!(w[0].end, w[1].start, "{cols}x{rows}: {pages:?}");
            }
            for (k, units) in pages.iter().enumerate() {
                let page = Page {
                    item: 0,
                    part: k,
                    parts: pages.len(),
                    units: units.clone(),
                };
                let rows_used: usize = laid.page(&page).0.iter().map(row_height).sum();
                assert!(rows_used <= rows, "{cols}x{rows} page {k}: {rows_used}");
            }
        }
    }
}
