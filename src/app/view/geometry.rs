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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub area: Rect,
    pub too_small: bool,
    /// Each pane's rectangle, its title on the first row.
    pub outline: Option<Rect>,
    pub document: Option<Rect>,
    pub links: Option<Rect>,
    /// The column between the outline and the text.
    pub separator: Option<Rect>,
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
        Some(Rect {
            x,
            y: r.y.saturating_add(1),
            width,
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
/// "Cited by".
pub fn layout(area: Rect, focus: PaneId, view: View, doc_lines: impl Fn(u16) -> usize) -> Layout {
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
    let main = if area.width >= WIDE {
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
        layout(Rect::new(0, 0, w, h), focus, view, |_| 6)
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
