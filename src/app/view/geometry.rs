//! Where the panes are at a given terminal size. Here rather than in `ui`
//! because paging, keeping the selection in view and mouse hits need it as
//! much as drawing does.

use crate::app::state::{PaneId, View};
use ratatui::layout::Rect;

/// Below this the explorer only says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the outline stays beside the text.
pub const WIDE: u16 = 80;
/// From this height the text and its links are shown one above the other.
pub const TALL: u16 = 12;
/// Longer lines are hard to read on a wide screen.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// From this width the view takes a third column: the selected passage in
/// full beside an article, or a paragraph's links beside its source.
pub const READING: u16 = 160;
/// A reading column's width, borders included: lines of about 70 to 76
/// cells, a readable measure (the middle column a little wider, for the
/// Cited by entries' indent).
const MEASURE: u16 = 72;
const MIDDLE: u16 = 78;
/// A column narrower than this is not worth a third pane.
const MIN_COLUMN: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub area: Rect,
    pub too_small: bool,
    /// Each pane's rectangle, its title on the first row.
    pub outline: Option<Rect>,
    pub document: Option<Rect>,
    pub links: Option<Rect>,
    /// The row over a Cited by list that shows its order and filter.
    pub bar: Option<Rect>,
    /// At wide sizes, beside an article: the selected Cited by passage in
    /// full. It takes no focus; it follows the selection.
    pub reading: Option<Rect>,
    /// The column between the outline and the text.
    pub separator: Option<Rect>,
    /// The column before a third pane (the reading pane, or a source's links).
    pub separator2: Option<Rect>,
    pub footer: Rect,
}

impl Layout {
    pub fn frame(&self, id: PaneId) -> Option<Rect> {
        match id {
            PaneId::Outline => self.outline,
            PaneId::Document => self.document,
            PaneId::Links => self.links,
        }
    }

    /// The part of a pane that holds its lines.
    pub fn content(&self, id: PaneId) -> Option<Rect> {
        let r = self.frame(id)?;
        let (x, width) = if r.width >= 24 {
            (r.x + 1, r.width - 2)
        } else {
            (r.x, r.width)
        };
        let width = if id == PaneId::Outline {
            width
        } else {
            width.min(MAX_TEXT_WIDTH)
        };
        // The bar row over a Cited by list is not the list's.
        let head = if id == PaneId::Links && self.bar.is_some() {
            2
        } else {
            1
        };
        Some(Rect {
            x,
            y: r.y.saturating_add(head),
            width,
            height: r.height.saturating_sub(head),
        })
    }

    /// Where the lines of the reading pane go, under its title.
    pub fn reading_content(&self) -> Option<Rect> {
        let r = self.reading?;
        Some(Rect {
            x: r.x + 1,
            y: r.y.saturating_add(1),
            width: r.width.saturating_sub(2),
            height: r.height.saturating_sub(1),
        })
    }

    pub fn pane_at(&self, column: u16, row: u16) -> Option<PaneId> {
        PaneId::CYCLE.into_iter().find(|id| {
            self.frame(*id).is_some_and(|r| {
                column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
            })
        })
    }

    /// Whether the text and the links are both on screen.
    pub fn split(&self) -> bool {
        self.document.is_some() && self.links.is_some()
    }
}

/// Whether a terminal of `rows` rows shows an article's text and its links
/// together (otherwise one at a time).
pub fn shows_text_and_links(rows: u16) -> bool {
    let footer_h = if rows >= 10 { 2 } else { 1 };
    rows.saturating_sub(footer_h) >= TALL
}

/// Lays the screen out. `doc_lines(width)` tells how many lines the text of an
/// article or the preamble needs, so a short summary leaves the room to its
/// "Cited by"; `outline_want` how wide the outline's rows are, so that at
/// wide sizes its titles are shown whole when there is room; `has_cited`
/// whether the view has a Cited by list to order and filter.
pub fn layout(
    area: Rect,
    focus: PaneId,
    (view, has_cited): (View, bool),
    outline_want: u16,
    doc_lines: impl Fn(u16) -> usize,
) -> Layout {
    let mut out = inner_layout(area, focus, view, outline_want, doc_lines);
    // The bar over a Cited by list, where the list keeps rows to show.
    if has_cited
        && view.target().is_some()
        && let Some(l) = out.links
        && l.height >= 5
    {
        out.bar = Some(Rect {
            y: l.y + 1,
            height: 1,
            ..l
        });
    }
    out
}

/// The widths of outline, middle and right column at a wide size.
fn columns(width: u16, outline_want: u16) -> (u16, u16, u16) {
    let avail = width - 2;
    let outline = avail
        .saturating_sub(MIDDLE + MEASURE)
        .max(26)
        .min(outline_want.max(26));
    let rest = avail - outline;
    let right = (rest / 2).min(MEASURE);
    (outline, rest - right, right)
}

fn inner_layout(
    area: Rect,
    focus: PaneId,
    view: View,
    outline_want: u16,
    doc_lines: impl Fn(u16) -> usize,
) -> Layout {
    let mut out = Layout {
        area,
        ..Layout::default()
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        out.too_small = true;
        return out;
    }
    let footer_h = if area.height >= 10 { 2 } else { 1 };
    debug_assert_eq!(
        shows_text_and_links(area.height),
        area.height - footer_h >= TALL
    );
    let body = Rect {
        height: area.height - footer_h,
        ..area
    };
    out.footer = Rect {
        y: area.y + body.height,
        height: footer_h,
        ..area
    };
    let third = area.width >= READING
        && body.height >= TALL
        && !matches!(view, View::Overview(_))
        && columns(area.width, outline_want).2 >= MIN_COLUMN;
    let main = if third {
        let (o, middle, right) = columns(area.width, outline_want);
        out.outline = Some(Rect { width: o, ..body });
        out.separator = Some(Rect {
            x: body.x + o,
            width: 1,
            ..body
        });
        let x2 = body.x + o + 1 + middle;
        out.separator2 = Some(Rect {
            x: x2,
            width: 1,
            ..body
        });
        let side = Rect {
            x: x2 + 1,
            width: right,
            ..body
        };
        let main = Rect {
            x: body.x + o + 1,
            width: middle,
            ..body
        };
        if let View::Source(_) = view {
            // A paragraph's links beside it: the text keeps every row.
            out.document = Some(main);
            out.links = Some(side);
            return out;
        }
        out.reading = Some(side);
        main
    } else if area.width >= WIDE {
        let w = (area.width * 3 / 10).clamp(26, 40);
        out.outline = Some(Rect { width: w, ..body });
        out.separator = Some(Rect {
            x: body.x + w,
            width: 1,
            ..body
        });
        Rect {
            x: body.x + w + 1,
            width: body.width - w - 1,
            ..body
        }
    } else if focus == PaneId::Outline {
        out.outline = Some(body);
        return out;
    } else {
        body
    };
    // A list without a second pane takes the whole room.
    if let View::Overview(o) = view
        && !o.has_links()
    {
        out.document = Some(main);
        return out;
    }
    if main.height < TALL {
        if focus == PaneId::Links {
            out.links = Some(main);
        } else {
            out.document = Some(main);
        }
        return out;
    }
    let links_h = match view {
        View::Source(_) => (main.height * 3 / 10).max(5),
        View::Chapter(_) => (main.height * 2 / 5).max(5),
        // The concerns are few; the selected one's passages need the room.
        View::Overview(_) => (main.height * 3 / 5).max(5),
        View::Article(_) | View::Preamble => {
            let text_w = if main.width >= 30 {
                main.width - 2
            } else {
                main.width
            };
            let want = doc_lines(text_w.min(MAX_TEXT_WIDTH)).saturating_add(1);
            let doc_h = (want as u16).clamp(4, main.height * 3 / 5);
            main.height - doc_h
        }
    };
    let doc_h = main.height - links_h;
    out.document = Some(Rect {
        height: doc_h,
        ..main
    });
    out.links = Some(Rect {
        y: main.y + doc_h,
        height: links_h,
        ..main
    });
    out
}

/// The help box: centred, as large as the screen allows.
pub fn help_rect(area: Rect, lines: usize) -> Rect {
    let width = area.width.min(76);
    let height = (lines as u16)
        .saturating_add(2)
        .min(area.height.saturating_sub(2).max(3))
        .min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(w: u16, h: u16, focus: PaneId, view: View) -> Layout {
        layout(Rect::new(0, 0, w, h), focus, (view, true), 40, |_| 6)
    }

    #[test]
    fn wide_screens_take_a_third_column_at_a_readable_measure() {
        let l = at(200, 60, PaneId::Document, View::Article(24));
        let reading = l.reading.expect("a reading pane at 200 columns");
        assert!(reading.width <= MEASURE && reading.width >= MIN_COLUMN);
        assert!(l.document.is_some() && l.links.is_some() && l.bar.is_some());
        let s = at(200, 60, PaneId::Document, View::Source(0));
        let (d, k) = (s.document.unwrap(), s.links.unwrap());
        // Side by side: the paragraph keeps every row of the screen.
        assert_eq!((d.height, d.y), (k.height, k.y));
        assert!(
            at(159, 60, PaneId::Document, View::Article(24))
                .reading
                .is_none()
        );
        assert!(
            at(120, 40, PaneId::Document, View::Source(0))
                .separator2
                .is_none()
        );
    }

    #[test]
    fn wide_screens_keep_the_outline_beside() {
        let l = at(100, 30, PaneId::Document, View::Article(23));
        assert!(l.outline.is_some() && l.split());
        assert_eq!(l.footer.height, 2);
    }

    #[test]
    fn narrow_screens_collapse_to_the_focused_pane() {
        let l = at(60, 20, PaneId::Links, View::Article(23));
        assert!(l.outline.is_none() && l.split());
        let l = at(60, 20, PaneId::Outline, View::Article(23));
        assert!(l.outline.is_some() && l.document.is_none());
        let l = at(20, 6, PaneId::Links, View::Source(0));
        assert!(l.links.is_some() && l.document.is_none());
    }

    #[test]
    fn tiny_and_zero_sizes_are_too_small() {
        assert!(at(0, 0, PaneId::Outline, View::Preamble).too_small);
        assert!(at(19, 40, PaneId::Outline, View::Preamble).too_small);
        assert!(!at(20, 6, PaneId::Outline, View::Preamble).too_small);
    }

    #[test]
    fn panes_never_leave_the_area() {
        for w in 0..120u16 {
            for h in 0..40u16 {
                for focus in PaneId::CYCLE {
                    let a = at(w + 100, h, focus, View::Article(1));
                    for r in [a.document, a.links, a.reading, a.outline]
                        .into_iter()
                        .flatten()
                    {
                        assert!(r.x + r.width <= w + 100 && r.y + r.height <= h);
                    }
                    let l = at(w, h, focus, View::Source(0));
                    for id in PaneId::CYCLE {
                        if let Some(r) = l.frame(id) {
                            assert!(r.x + r.width <= w && r.y + r.height <= h, "{w}x{h}");
                        }
                    }
                }
            }
        }
    }
}
