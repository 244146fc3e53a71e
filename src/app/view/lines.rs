//! Display lines with meaning attached: each piece of text says what it is
//! (a link, a marker, a number…) and the theme decides how that looks. The
//! same lines serve drawing, heights and mouse hits, so they always agree.

use crate::app::wrap::{Breaks, Wrapped, wrap};
use crate::text::{truncate, width};
use std::ops::Range;

/// What a piece of text is, for the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    Title,
    /// "Summary - not the authentic text", section labels.
    Label,
    /// "Author:", "why:".
    Field,
    /// A value the corpus does not know.
    Unknown,
    /// Paragraph and article numbers.
    Number,
    /// "[cited]" / "[inferred]".
    Marker,
    /// A link the user can follow.
    Link,
    /// The link Tab and Enter act on.
    CurrentLink,
    Heading,
    /// Linked-passage counts.
    Count,
    /// A remark such as "No passage is linked to this article."
    Note,
    /// The view currently open, in the outline.
    Here,
    /// What a search matched.
    Match,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
    /// Which link of the entry this piece follows, if it is one.
    pub link: Option<usize>,
}

impl Piece {
    pub fn new(text: impl Into<String>, role: Role) -> Self {
        Piece {
            text: text.into(),
            role,
            link: None,
        }
    }

    pub fn link(text: impl Into<String>, role: Role, link: usize) -> Self {
        Piece {
            text: text.into(),
            role,
            link: Some(link),
        }
    }
}

pub type DocLine = Vec<Piece>;

pub fn plain(text: impl Into<String>) -> DocLine {
    vec![Piece::new(text, Role::Plain)]
}

/// Cells a line occupies.
pub fn line_width(line: &DocLine) -> usize {
    line.iter().map(|p| width(&p.text)).sum()
}

/// Cuts a line to `max` cells, ending in `…` when cut.
pub fn fit(line: DocLine, max: usize) -> DocLine {
    if line_width(&line) <= max {
        return line;
    }
    let mut out = Vec::new();
    let mut left = max;
    for p in line {
        let w = width(&p.text);
        if w < left {
            left -= w;
            out.push(p);
            continue;
        }
        let text = truncate(&p.text, left);
        out.push(Piece { text, ..p });
        break;
    }
    out
}

/// The piece under column `col` (in cells from the line start).
pub fn piece_at(line: &DocLine, col: usize) -> Option<&Piece> {
    let mut x = 0;
    for p in line {
        let w = width(&p.text);
        if col < x + w {
            return Some(p);
        }
        x += w;
    }
    None
}

/// A marked range of a text: bytes of the original, role, link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub span: Range<usize>,
    pub role: Role,
    pub link: Option<usize>,
}

/// Display line `i` of a wrapped text, cut into pieces by the marks.
pub fn marked_line(w: &Wrapped, i: usize, marks: &[Mark], base: Role) -> DocLine {
    let Some(range) = w.lines.get(i).cloned() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = range.start;
    for m in marks {
        let s = w.map(m.span.start).max(at);
        let e = w.map(m.span.end).min(range.end);
        if s >= e || s >= range.end {
            continue;
        }
        if s > at {
            push(&mut out, w, at..s, base, None);
        }
        push(&mut out, w, s..e, m.role, m.link);
        at = e;
    }
    if at < range.end {
        push(&mut out, w, at..range.end, base, None);
    }
    out
}

fn push(out: &mut DocLine, w: &Wrapped, r: Range<usize>, role: Role, link: Option<usize>) {
    if let Some(text) = w.text.get(r) {
        out.push(Piece {
            text: text.to_string(),
            role,
            link,
        });
    }
}

/// Wraps pieces of text to `width` and keeps what each piece is.
pub fn wrap_pieces(pieces: &[Piece], width: usize, breaks: Breaks) -> Vec<DocLine> {
    let mut text = String::new();
    let mut marks = Vec::new();
    for p in pieces {
        let start = text.len();
        text.push_str(&p.text);
        marks.push(Mark {
            span: start..text.len(),
            role: p.role,
            link: p.link,
        });
    }
    let w = wrap(&text, width, breaks);
    (0..w.lines.len())
        .map(|i| marked_line(&w, i, &marks, Role::Plain))
        .collect()
}

/// Like [`wrap_pieces`], keeping at most `max` lines; the last one kept ends in
/// `…` when text was left out.
pub fn wrap_capped(pieces: &[Piece], width: usize, max: usize) -> Vec<DocLine> {
    let mut lines = wrap_pieces(pieces, width, Breaks::Flow);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(mut last) = lines.pop() {
            let ends_cut = last.last().is_some_and(|p| p.text.ends_with('…'));
            if !ends_cut {
                last = fit(last, width.saturating_sub(1));
                if !last.last().is_some_and(|p| p.text.ends_with('…')) {
                    last.push(Piece::new("…", Role::Plain));
                }
            }
            lines.push(last);
        }
    }
    lines
}

/// `n` spaces.
pub fn pad(n: usize) -> Piece {
    Piece::new(" ".repeat(n), Role::Plain)
}

pub const BOOKMARK_MARK: &str = "★";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_split_lines_into_pieces() {
        let text = "see Art. 23 and Art. 24 here";
        let w = wrap(text, 15, Breaks::Flow);
        let marks = [Mark {
            span: 4..11,
            role: Role::Link,
            link: Some(0),
        }];
        let first = marked_line(&w, 0, &marks, Role::Plain);
        assert_eq!(first[1].text, "Art. 23");
        assert_eq!(first[1].role, Role::Link);
    }

    #[test]
    fn capped_wrap_marks_the_cut() {
        let p = [Piece::new("one two three four five six", Role::Plain)];
        let lines = wrap_capped(&p, 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].last().is_some_and(|p| p.text == "…"));
        assert!(lines.iter().all(|l| line_width(l) <= 9));
    }

    #[test]
    fn fit_and_piece_at_count_cells() {
        let l = vec![
            Piece::new("日本", Role::Plain),
            Piece::link("Art. 2", Role::Link, 3),
        ];
        assert_eq!(piece_at(&l, 4).and_then(|p| p.link), Some(3));
        assert_eq!(line_width(&fit(l, 6)), 6);
    }
}
