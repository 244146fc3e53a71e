//! Scrolling a pane whose entries have different heights, without ever adding
//! up the whole pane: the top is an anchor (entry, line inside it), and every
//! move walks only over the lines it passes. That keeps a 10 MB source as fast
//! as a short one.

/// Heights of a pane's entries at its current width (each at least 1 line).
pub trait Heights {
    fn len(&self) -> usize;
    fn height(&self, item: usize) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The first line shown: entry `item`, its line `line`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    pub item: usize,
    pub line: usize,
}

impl Anchor {
    pub const TOP: Anchor = Anchor { item: 0, line: 0 };
}

fn h(doc: &dyn Heights, item: usize) -> usize {
    doc.height(item).max(1)
}

/// The furthest anchor that still fills the view: the last `view` lines.
pub fn max_anchor(doc: &dyn Heights, view: usize) -> Anchor {
    match doc.len() {
        0 => Anchor::TOP,
        n => bottom_at(doc, view, n - 1),
    }
}

/// Keeps an anchor inside the entries and not past the end.
pub fn clamp(doc: &dyn Heights, view: usize, a: Anchor) -> Anchor {
    if doc.is_empty() {
        return Anchor::TOP;
    }
    let item = a.item.min(doc.len() - 1);
    let a = Anchor {
        item,
        line: a.line.min(h(doc, item) - 1),
    };
    a.min(max_anchor(doc, view))
}

/// Moves the anchor by `delta` lines (negative is up), within bounds.
pub fn scroll(doc: &dyn Heights, view: usize, a: Anchor, delta: isize) -> Anchor {
    let mut a = clamp(doc, view, a);
    if delta > 0 {
        let limit = max_anchor(doc, view);
        let mut left = delta.unsigned_abs();
        while left > 0 && a < limit {
            let rest = h(doc, a.item) - a.line;
            if left < rest {
                a.line += left;
                left = 0;
            } else {
                left -= rest;
                a = Anchor {
                    item: a.item + 1,
                    line: 0,
                };
            }
        }
        a.min(limit)
    } else {
        let mut left = delta.unsigned_abs();
        while left > 0 {
            if a.line >= left {
                a.line -= left;
                break;
            }
            left -= a.line;
            if a.item == 0 {
                a.line = 0;
                break;
            }
            a.item -= 1;
            a.line = h(doc, a.item);
        }
        clamp(doc, view, a)
    }
}

/// Rows from the top of the view to the first line of `item`, if that is
/// within `limit` rows below the anchor (negative when above it).
pub fn row_of(doc: &dyn Heights, a: Anchor, item: usize, limit: usize) -> Option<isize> {
    if item < a.item {
        return None;
    }
    let mut row = -(a.line as isize);
    let mut i = a.item;
    while i < item {
        row += h(doc, i) as isize;
        if row > limit as isize {
            return None;
        }
        i += 1;
    }
    Some(row)
}

/// The smallest scroll that shows `item`: its top if it is above the view or
/// taller than it, else its bottom at the bottom of the view.
pub fn reveal(doc: &dyn Heights, view: usize, a: Anchor, item: usize) -> Anchor {
    if doc.is_empty() {
        return Anchor::TOP;
    }
    let item = item.min(doc.len() - 1);
    let view = view.max(1);
    let height = h(doc, item);
    let top = Anchor { item, line: 0 };
    if item < a.item || (item == a.item && a.line > 0) {
        return clamp(doc, view, top);
    }
    match row_of(doc, a, item, view) {
        Some(row) if row as usize + height <= view => a,
        _ if height >= view => clamp(doc, view, top),
        _ => bottom_at(doc, view, item),
    }
}

/// The anchor that puts the last line of `item` on the last row of the view.
pub fn bottom_at(doc: &dyn Heights, view: usize, item: usize) -> Anchor {
    above(doc, item, h(doc, item) - 1, view.max(1) - 1)
}

/// The anchor `by` lines above line `line` of entry `item` (the top when
/// there are not that many).
pub fn above(doc: &dyn Heights, item: usize, line: usize, by: usize) -> Anchor {
    if line >= by {
        return Anchor {
            item,
            line: line - by,
        };
    }
    let mut left = by - line;
    let mut i = item;
    while i > 0 {
        i -= 1;
        let height = h(doc, i);
        if height >= left {
            return Anchor {
                item: i,
                line: height - left,
            };
        }
        left -= height;
    }
    Anchor::TOP
}

/// Which entry and which of its lines is on `row` of the view.
pub fn at_row(doc: &dyn Heights, a: Anchor, row: usize) -> Option<(usize, usize)> {
    let mut item = a.item;
    let mut line = a.line + row;
    while item < doc.len() {
        let height = h(doc, item);
        if line < height {
            return Some((item, line));
        }
        line -= height;
        item += 1;
    }
    None
}

/// The entries on screen: (entry, first line shown, lines shown, row).
pub fn visible(doc: &dyn Heights, view: usize, a: Anchor) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut row = 0;
    let mut item = a.item;
    let mut line = a.line;
    while row < view && item < doc.len() {
        let height = h(doc, item);
        if line < height {
            let n = (height - line).min(view - row);
            out.push((item, line, n, row));
            row += n;
        }
        item += 1;
        line = 0;
    }
    out
}

/// Whether any line of `item` is in the view.
pub fn is_visible(doc: &dyn Heights, view: usize, a: Anchor, item: usize) -> bool {
    if item < a.item {
        return false;
    }
    matches!(row_of(doc, a, item, view), Some(r) if r < view as isize)
}

/// Whether the last line of `item` is in the view.
pub fn bottom_visible(doc: &dyn Heights, view: usize, a: Anchor, item: usize) -> bool {
    match row_of(doc, a, item, view) {
        Some(r) => r + h(doc, item) as isize <= view as isize,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(Vec<usize>);
    impl Heights for Fixed {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn height(&self, i: usize) -> usize {
            self.0[i]
        }
    }

    #[test]
    fn max_anchor_shows_the_last_lines() {
        let d = Fixed(vec![3, 3, 3]);
        assert_eq!(max_anchor(&d, 4), Anchor { item: 1, line: 2 });
        assert_eq!(max_anchor(&d, 100), Anchor::TOP);
    }

    #[test]
    fn scrolls_both_ways_within_bounds() {
        let d = Fixed(vec![3, 3, 3]);
        let a = scroll(&d, 2, Anchor::TOP, 4);
        assert_eq!(a, Anchor { item: 1, line: 1 });
        assert_eq!(scroll(&d, 2, a, -2), Anchor { item: 0, line: 2 });
        assert_eq!(scroll(&d, 2, a, 100), Anchor { item: 2, line: 1 });
        assert_eq!(scroll(&d, 2, a, -100), Anchor::TOP);
    }

    #[test]
    fn reveal_moves_the_least() {
        let d = Fixed(vec![2, 2, 2, 2, 2]);
        assert_eq!(reveal(&d, 4, Anchor::TOP, 1), Anchor::TOP);
        assert_eq!(reveal(&d, 4, Anchor::TOP, 3), Anchor { item: 2, line: 0 });
        let tall = Fixed(vec![1, 10, 1]);
        assert_eq!(
            reveal(&tall, 4, Anchor::TOP, 1),
            Anchor { item: 1, line: 0 }
        );
    }

    #[test]
    fn finds_rows_and_visible_entries() {
        let d = Fixed(vec![2, 3, 1]);
        let a = Anchor { item: 0, line: 1 };
        assert_eq!(at_row(&d, a, 0), Some((0, 1)));
        assert_eq!(at_row(&d, a, 1), Some((1, 0)));
        assert_eq!(at_row(&d, a, 10), None);
        assert_eq!(visible(&d, 3, a), vec![(0, 1, 1, 0), (1, 0, 2, 1)]);
    }

    #[test]
    fn empty_panes_are_safe() {
        let d = Fixed(vec![]);
        assert_eq!(clamp(&d, 0, Anchor { item: 5, line: 5 }), Anchor::TOP);
        assert_eq!(scroll(&d, 0, Anchor::TOP, 5), Anchor::TOP);
        assert_eq!(reveal(&d, 0, Anchor::TOP, 3), Anchor::TOP);
        assert!(visible(&d, 10, Anchor::TOP).is_empty());
    }
}
