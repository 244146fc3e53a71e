//! Where the search overlay's parts go at a terminal size.

use crate::app::view::geometry::MIN_HEIGHT;
use crate::app::view::geometry::MIN_WIDTH;
use ratatui::layout::Rect;

/// Where the overlay's parts are at a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SearchLayout {
    /// The whole overlay; empty when the terminal is too small.
    pub frame: Rect,
    /// With a border, the title is on the top border; without, on its own row.
    pub bordered: bool,
    pub title: Rect,
    pub input: Rect,
    /// The row under the input saying how many results there are.
    pub status: Option<Rect>,
    pub list: Rect,
    /// The selected result in context, beside the list on wide screens.
    pub preview: Option<Rect>,
    /// The column between the list and the preview.
    pub divider: Option<Rect>,
    /// Rows each result takes: one on a wide list, else two.
    pub rows_per_hit: usize,
}

impl SearchLayout {
    /// Results that fit in the list.
    pub fn capacity(&self) -> usize {
        (usize::from(self.list.height) / self.rows_per_hit.max(1)).max(1)
    }
}

/// From this inner width the preview stands beside the list.
pub const PREVIEW_WIDTH: u16 = 90;

/// From this list width a result takes one row.
pub const ONE_ROW_WIDTH: u16 = 70;

/// Lays the overlay out over the views; the footer stays visible below it.
pub fn layout(area: Rect) -> SearchLayout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return SearchLayout::default();
    }
    let footer_h = if area.height >= 10 { 2 } else { 1 };
    let frame = Rect {
        height: area.height - footer_h,
        ..area
    };
    let bordered = frame.width >= 40 && frame.height >= 10;
    let (title, inner) = if bordered {
        (
            Rect { height: 1, ..frame },
            Rect {
                x: frame.x + 1,
                y: frame.y + 1,
                width: frame.width - 2,
                height: frame.height - 2,
            },
        )
    } else {
        (
            Rect { height: 1, ..frame },
            Rect {
                y: frame.y + 1,
                height: frame.height - 1,
                ..frame
            },
        )
    };
    let input = Rect { height: 1, ..inner };
    let has_status = inner.height >= 5;
    let status = has_status.then_some(Rect {
        y: inner.y + 1,
        height: 1,
        ..inner
    });
    let used = if has_status { 2 } else { 1 };
    let rest = Rect {
        y: inner.y + used,
        height: inner.height.saturating_sub(used),
        ..inner
    };
    let (list, divider, preview) = if rest.width >= PREVIEW_WIDTH {
        let list_w = (rest.width - 1) * 52 / 100;
        (
            Rect {
                width: list_w,
                ..rest
            },
            Some(Rect {
                x: rest.x + list_w,
                width: 1,
                ..rest
            }),
            Some(Rect {
                x: rest.x + list_w + 1,
                width: rest.width - list_w - 1,
                ..rest
            }),
        )
    } else {
        (rest, None, None)
    };
    SearchLayout {
        frame,
        bordered,
        title,
        input,
        status,
        list,
        preview,
        divider,
        rows_per_hit: if list.width >= ONE_ROW_WIDTH { 1 } else { 2 },
    }
}

/// The first row to show so that `selected` is in view, moving as little as
/// possible from `top`.
pub fn visible_top(top: usize, selected: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let top = if selected < top {
        selected
    } else if selected >= top + rows {
        selected + 1 - rows
    } else {
        top
    };
    top.min(len.saturating_sub(rows))
}
