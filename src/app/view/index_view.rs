//! Where the subject index overlay draws (a full-screen panel: the filter,
//! the list, the keys; the picker's box over it) and what a row of it reads,
//! shared by drawing and by `app::index`, which keeps the selection in view
//! and finds the row a click lands on.

use crate::app::state::index::{IndexOverlay, Picker};
use crate::corpus::subject::IndexLine;
use crate::corpus::{Corpus, Lang, Target};
use crate::text::width;
use ratatui::layout::Rect;

/// The panel: the whole screen, so the list is as long as it can be.
pub fn panel(area: Rect) -> Rect {
    area
}

/// The list inside the panel: below the border and the filter line (and a
/// blank line), above the keys line and the border.
pub fn list(area: Rect) -> Rect {
    let p = panel(area);
    Rect {
        x: p.x.saturating_add(1),
        y: p.y.saturating_add(3),
        width: p.width.saturating_sub(2),
        height: p.height.saturating_sub(5),
    }
}

/// Rows of the list for a terminal of `size`.
pub fn list_height(size: (u16, u16)) -> usize {
    usize::from(list(Rect::new(0, 0, size.0, size.1)).height).max(1)
}

/// The picker's box, centred on the panel: as wide as its longest row or
/// title (within the panel), as tall as its rows.
pub fn picker_rect(corpus: &Corpus, area: Rect, picker: &Picker) -> Rect {
    let p = panel(area);
    let want = picker
        .targets
        .iter()
        .map(|t| width(&target_title(corpus, *t)))
        .chain([width(&picker_title(picker))])
        .max()
        .unwrap_or(0)
        + 4;
    let w = (want.min(usize::from(u16::MAX)) as u16)
        .min(p.width.saturating_sub(4))
        .max(10);
    let h = (picker.targets.len().min(usize::from(u16::MAX - 2)) as u16 + 2)
        .min(p.height.saturating_sub(2));
    Rect {
        x: p.x + (p.width.saturating_sub(w)) / 2,
        y: p.y + (p.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    }
}

/// The picker's title: `'quick freeze' points to 2 provisions`.
pub fn picker_title(picker: &Picker) -> String {
    format!(
        " '{}' points to {} provisions ",
        crate::text::one_line(&picker.term),
        picker.targets.len()
    )
}

/// The first of the picker's rows shown when `rows` fit in its box: the
/// selected one stays in view.
pub fn picker_skip(picker: &Picker, rows: usize) -> usize {
    picker.selected.saturating_sub(rows.saturating_sub(1))
}

/// The list row (an index into `IndexOverlay::rows`) drawn at screen row
/// `y`, if `(x, y)` is inside the list.
pub fn row_at(o: &IndexOverlay, size: (u16, u16), x: u16, y: u16) -> Option<usize> {
    let l = list(Rect::new(0, 0, size.0, size.1));
    let inside = x >= l.x && x < l.x + l.width && y >= l.y && y < l.y + l.height;
    let i = o.top + usize::from(y.checked_sub(l.y)?);
    (inside && i < o.rows.len()).then_some(i)
}

/// The picker row (an index into `Picker::targets`) drawn at `(x, y)`.
pub fn picker_row_at(
    corpus: &Corpus,
    size: (u16, u16),
    picker: &Picker,
    x: u16,
    y: u16,
) -> Option<usize> {
    let r = picker_rect(corpus, Rect::new(0, 0, size.0, size.1), picker);
    let inner_h = usize::from(r.height.saturating_sub(2));
    let inside = x > r.x && x + 1 < r.x + r.width && y > r.y && y + 1 < r.y + r.height;
    if !inside {
        return None;
    }
    let i = picker_skip(picker, inner_h) + usize::from(y - r.y - 1);
    (i < picker.targets.len()).then_some(i)
}

/// A term as the list shows it: the term, its language when not English.
pub fn term_label(line: &IndexLine) -> String {
    let term = crate::text::one_line(&line.term);
    match line.lang {
        Lang::En => term,
        other => format!("{term} ({})", other.code()),
    }
}

/// The provisions of a line, as a book's index gives its page numbers:
/// `Art. 25, 42` (articles after the first without `Art.`).
pub fn targets_label(targets: &[Target]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut article_seen = false;
    for t in targets {
        match t {
            Target::Article(n) if article_seen => out.push(n.to_string()),
            Target::Article(_) => {
                article_seen = true;
                out.push(t.label());
            }
            _ => out.push(t.label()),
        }
    }
    out.join(", ")
}

/// Width from which each term is followed by the titles of its provisions,
/// in aligned columns.
pub const WIDE: usize = 120;

/// Cells the term column takes on a wide screen.
pub const TERM_COLUMN: usize = 44;

/// Cells the provisions column takes on a wide screen.
pub const TARGET_COLUMN: usize = 22;

/// The titles of a line's provisions, for a wide screen: `Expedited
/// preservation of stored electronic data; International cooperation ...`.
pub fn titles_label(corpus: &Corpus, targets: &[Target]) -> String {
    targets
        .iter()
        .map(|t| {
            let full = target_title(corpus, *t);
            let label = t.label();
            full.strip_prefix(&label)
                .map(|rest| rest.trim_start().to_string())
                .unwrap_or(full)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A provision with its title, for the picker: `Art. 42  International
/// cooperation for ...`.
pub fn target_title(corpus: &Corpus, target: Target) -> String {
    let conv = &corpus.convention;
    let title = match target {
        Target::Preamble => Some("Preamble".to_string()),
        Target::Chapter(n) => conv
            .chapters
            .iter()
            .find(|c| c.number == n)
            .map(|c| c.title.clone()),
        Target::Article(n) => conv
            .chapters
            .iter()
            .flat_map(|c| &c.articles)
            .find(|a| a.number == n)
            .map(|a| a.title.clone()),
    };
    match (target, title) {
        (Target::Preamble, _) => "Preamble".to_string(),
        (_, Some(t)) => format!("{}  {}", target.label(), crate::text::one_line(&t)),
        (_, None) => target.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_like_page_numbers() {
        assert_eq!(
            targets_label(&[Target::Chapter(5), Target::Article(25), Target::Article(42)]),
            "Chapter V, Art. 25, 42"
        );
        assert_eq!(targets_label(&[Target::Preamble]), "Preamble");
    }
}
