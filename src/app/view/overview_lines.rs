//! The lines of the overview entries and of the user's marks: a concern and
//! its passages, the coverage bars (cited `█`, inferred `▒`, with the
//! numbers, so they read without colour), dated events, bookmarks, and the
//! `★ Bookmarked` / `Note:` lines under a heading or a paragraph.

use crate::app::view::entry::DeskItem;
use crate::app::view::lines::BOOKMARK_MARK;
use crate::app::view::lines::{DocLine, Piece, Role, fit, pad, plain, wrap_capped, wrap_pieces};
use crate::app::view::overviews::{article_coverage, chapter_coverage};
use crate::app::view::pane::Pane;
use crate::app::wrap::Breaks;
use crate::corpus::{PassageId, Target};
use crate::text::{one_line, plural, snippet, truncate, width};
use crate::user::{ItemRef, Resolved};

pub const CITED_CELL: char = '█';
pub const INFERRED_CELL: char = '▒';
/// Lines of passage text a concern's passage shows.
const SNIPPET_LINES: usize = 2;
/// Lines of a note shown in a list (the whole note shows on its item).
const NOTE_PREVIEW_LINES: usize = 2;

/// `████▒▒    `: cited cells, then inferred cells, in `cells` columns scaled
/// so that `max` fills them. Any non-zero count shows at least one cell.
pub fn bar(cited: usize, inferred: usize, max: usize, cells: usize) -> String {
    let total = cited + inferred;
    if max == 0 || total == 0 || cells == 0 {
        return " ".repeat(cells);
    }
    let used = (total * cells).div_ceil(max).clamp(1, cells);
    let mut c = (cited * used + total / 2) / total;
    if cited > 0 && c == 0 {
        c = 1;
    }
    if inferred > 0 && c == used && used > 1 {
        c -= 1;
    }
    let i = used - c;
    let mut out = String::new();
    out.extend(std::iter::repeat_n(CITED_CELL, c));
    out.extend(std::iter::repeat_n(INFERRED_CELL, i));
    out.extend(std::iter::repeat_n(' ', cells - used));
    out
}

/// Columns of the bar for a line of `w` cells.
fn bar_cells(w: usize) -> usize {
    match w {
        70.. => 24,
        50.. => 12,
        34.. => 6,
        _ => 0,
    }
}

/// `12 (9+3) 4 src` (`0` when nothing links), right-aligned in a fixed column.
fn numbers(cov: &crate::app::view::overviews::Coverage, w: usize) -> String {
    let (total, cited, inferred, sources) = (cov.total(), cov.cited, cov.inferred, cov.sources);
    let text = if total == 0 {
        "0".to_string()
    } else if w >= 34 {
        format!("{total} ({cited}+{inferred}) {sources} src")
    } else {
        format!("{total} ({cited}+{inferred})")
    };
    let col = if w >= 34 { 17 } else { 9 };
    format!("{text:>col$}")
}

impl Pane<'_> {
    pub(super) fn desk_lines(&self, it: &DeskItem) -> Vec<DocLine> {
        let c = self.ctx.corpus;
        let w = self.width;
        match it {
            DeskItem::Concern(i) => {
                let Some(x) = c.concerns.get(*i) else {
                    return vec![plain("")];
                };
                let sources = x
                    .passages
                    .iter()
                    .map(|p| p.source)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                let count = format!(
                    " · {} passage{}, {sources} source{}",
                    x.passages.len(),
                    plural(x.passages.len()),
                    plural(sources)
                );
                // The id first: what `--concern` and `--deck "concern ID"`
                // take, so the user can type what the view shows.
                vec![fit(
                    vec![
                        pad(2),
                        Piece::new(one_line(&x.id), Role::Field),
                        pad(2),
                        Piece::link(one_line(&x.title), Role::Plain, 0),
                        Piece::new(count, Role::Count),
                    ],
                    w,
                )]
            }
            DeskItem::ConcernText(i) => {
                let text = c
                    .concerns
                    .get(*i)
                    .map(|x| one_line(&x.description))
                    .unwrap_or_default();
                wrap_pieces(&[Piece::new(text, Role::Plain)], w, Breaks::Flow)
            }
            DeskItem::ConcernPassage(p) => self.passage_entry(*p),
            DeskItem::ConcernTarget(t, n) => {
                let count = format!("{n} passage{}", plural(*n));
                let heading = one_line(&c.target_heading(*t));
                let room = w.saturating_sub(2 + 1 + width(&count));
                let heading = truncate(&heading, room);
                let fill = room.saturating_sub(width(&heading)) + 1;
                let mut line = vec![pad(2)];
                line.extend(self.mark_piece(&ItemRef::Target(*t)));
                line.extend([
                    Piece::link(heading, Role::Link, 0),
                    pad(fill),
                    Piece::new(count, Role::Count),
                ]);
                vec![fit(line, w)]
            }
            DeskItem::CoverageHeader => {
                let mut out = wrap_pieces(
                    &[
                        Piece::new(format!("{CITED_CELL} cited"), Role::Marker),
                        Piece::new(" (named in the text)   ", Role::Plain),
                        Piece::new(format!("{INFERRED_CELL} inferred"), Role::Marker),
                        Piece::new(" (linked by an analyst)", Role::Plain),
                    ],
                    w,
                    Breaks::Flow,
                );
                out.extend(wrap_pieces(
                    &[Piece::new(
                        "Numbers: passages (cited+inferred) and distinct sources.",
                        Role::Plain,
                    )],
                    w,
                    Breaks::Flow,
                ));
                out
            }
            DeskItem::CoverageArticle(n) => {
                let cov = article_coverage(self.ctx.graph, *n);
                let max = c
                    .articles()
                    .map(|a| self.ctx.graph.count(Target::Article(a.number)))
                    .max()
                    .unwrap_or(0);
                let title = c
                    .article(*n)
                    .map(|a| one_line(&a.title))
                    .unwrap_or_default();
                let mark = self.mark_piece(&ItemRef::article(*n));
                self.bar_row(format!("{n:>2} "), mark, title, cov, max)
            }
            DeskItem::CoverageChapter(n) => {
                let cov = chapter_coverage(c, self.ctx.graph, *n);
                let max = c
                    .convention
                    .chapters
                    .iter()
                    .map(|ch| chapter_coverage(c, self.ctx.graph, ch.number).total())
                    .max()
                    .unwrap_or(0);
                let ch = c.chapter(*n);
                let roman = ch.map_or("?", |ch| ch.roman());
                let title = ch.map(|ch| one_line(&ch.title)).unwrap_or_default();
                let mark = self.mark_piece(&ItemRef::Target(Target::Chapter(*n)));
                self.bar_row(format!("{roman:>4} "), mark, title, cov, max)
            }
            DeskItem::Event(i) => self.event_lines(*i),
            DeskItem::Bookmark(r) => self.bookmark_lines(r),
            DeskItem::Marks(r) => {
                let mut out = self.marks_lines(r, w, None);
                out.push(Vec::new());
                out
            }
        }
    }

    /// `★ ` when the item is bookmarked.
    fn mark_piece(&self, item: &ItemRef) -> Option<Piece> {
        self.user
            .filter(|u| u.is_bookmarked(item))
            .map(|_| Piece::new(format!("{BOOKMARK_MARK} "), Role::Marker))
    }

    fn bar_row(
        &self,
        number: String,
        mark: Option<Piece>,
        title: String,
        cov: crate::app::view::overviews::Coverage,
        max: usize,
    ) -> Vec<DocLine> {
        let w = self.width;
        let cells = bar_cells(w);
        let nums = numbers(&cov, w);
        let mark_w = mark.as_ref().map_or(0, |p| width(&p.text));
        let fixed = 2 + width(&number) + mark_w + 1 + cells + width(&nums);
        let room = w.saturating_sub(fixed).max(1);
        let title = truncate(&title, room);
        let fill = room.saturating_sub(width(&title)) + 1;
        let b = bar(cov.cited, cov.inferred, max, cells);
        let split = b
            .char_indices()
            .find(|(_, ch)| *ch != CITED_CELL)
            .map_or(b.len(), |(i, _)| i);
        let mut line = vec![pad(2), Piece::new(number, Role::Number)];
        line.extend(mark);
        line.extend([
            Piece::link(title, Role::Plain, 0),
            pad(fill),
            Piece::new(b[..split].to_string(), Role::Marker),
            Piece::new(b[split..].to_string(), Role::Plain),
            Piece::new(nums, Role::Count),
        ]);
        vec![fit(line, w)]
    }

    /// `Zamora ¶ 14` and a snippet of the passage.
    fn passage_entry(&self, p: PassageId) -> Vec<DocLine> {
        let c = self.ctx.corpus;
        let name = c
            .sources
            .get(p.source)
            .map(|s| one_line(&s.short_name()))
            .unwrap_or_default();
        let item = ItemRef::passage(c, p);
        let mut first = vec![pad(2)];
        first.extend(item.as_ref().and_then(|i| self.mark_piece(i)));
        first.push(Piece::link(
            format!("{name} ¶ {}", p.index + 1),
            Role::Link,
            0,
        ));
        if item
            .as_ref()
            .is_some_and(|i| self.user.is_some_and(|u| u.note(i).is_some()))
        {
            first.push(Piece::new(" [note]", Role::Marker));
        }
        let mut out = vec![fit(first, self.width)];
        let text = c.passage(p).map_or("", |x| x.text.as_str());
        let ind = self.indent();
        let room = self.width.saturating_sub(ind).max(1);
        let snip = snippet(text, 0, room * SNIPPET_LINES + room / 2);
        for mut line in wrap_capped(&[Piece::new(snip, Role::Plain)], room, SNIPPET_LINES) {
            line.insert(0, pad(ind));
            out.push(line);
        }
        out
    }

    fn event_lines(&self, i: usize) -> Vec<DocLine> {
        let c = self.ctx.corpus;
        let Some(e) = c.timeline.get(i) else {
            return vec![plain("")];
        };
        let w = self.width;
        let date = one_line(&e.date);
        let hang = 2 + 10.max(width(&date)) + 2;
        let mut out = Vec::new();
        let text = one_line(&e.event);
        if w >= hang + 20 {
            let body = wrap_pieces(&[Piece::new(text, Role::Plain)], w - hang, Breaks::Flow);
            for (k, mut line) in body.into_iter().enumerate() {
                if k == 0 {
                    let d = format!("{date:<width$}", width = hang - 4);
                    line.splice(0..0, [pad(2), Piece::new(d, Role::Number), pad(2)]);
                } else {
                    line.insert(0, pad(hang));
                }
                out.push(line);
            }
        } else {
            out.push(fit(vec![pad(2), Piece::new(date, Role::Number)], w));
            for mut line in wrap_pieces(
                &[Piece::new(text, Role::Plain)],
                w.saturating_sub(2).max(1),
                Breaks::Flow,
            ) {
                line.insert(0, pad(2));
                out.push(line);
            }
        }
        let ind = if w >= hang + 20 { hang } else { 2 };
        let from = match (e.passage, &e.reference) {
            (Some(p), _) => vec![
                Piece::new("source: ", Role::Field),
                Piece::link(one_line(&c.passage_location(p)), Role::Link, 0),
            ],
            (None, Some(r)) => vec![
                Piece::new("reference: ", Role::Field),
                Piece::new(one_line(r), Role::Plain),
            ],
            (None, None) => vec![Piece::new("no source given", Role::Unknown)],
        };
        for mut line in wrap_pieces(&from, w.saturating_sub(ind).max(1), Breaks::Flow) {
            line.insert(0, pad(ind));
            out.push(line);
        }
        out.push(Vec::new());
        out
    }

    fn bookmark_lines(&self, r: &ItemRef) -> Vec<DocLine> {
        let c = self.ctx.corpus;
        let what = match r.resolve(c) {
            Ok(Resolved::Target(Target::Article(_))) => "article",
            Ok(Resolved::Target(Target::Chapter(_))) => "chapter",
            Ok(Resolved::Target(Target::Preamble)) => "",
            Ok(Resolved::Source(_)) => "source",
            Ok(Resolved::Passage(_)) => "passage",
            Err(_) => "missing",
        };
        let heading = match r.resolve(c) {
            Ok(Resolved::Source(i)) => format!(
                "{} · {}",
                one_line(&c.sources[i].short_name()),
                one_line(&c.sources[i].display_title())
            ),
            _ => r.heading(c),
        };
        let mut first = vec![
            pad(2),
            Piece::new(format!("{BOOKMARK_MARK} "), Role::Marker),
        ];
        if !what.is_empty() {
            first.push(Piece::new(format!("[{what}] "), Role::Marker));
        }
        first.push(Piece::link(heading, Role::Link, 0));
        let mut out = vec![fit(first, self.width)];
        let ind = 4.min(self.width / 4);
        out.extend(
            self.marks_lines(
                r,
                self.width.saturating_sub(ind).max(1),
                Some(NOTE_PREVIEW_LINES),
            )
            .into_iter()
            .filter(|l| !l.iter().any(|p| p.text.starts_with(BOOKMARK_MARK)))
            .map(|mut l| {
                l.insert(0, pad(ind));
                l
            }),
        );
        out
    }

    /// `★ Bookmarked` and `Note: …` for an item, at width `w`; `max` caps the
    /// note's lines (a list shows the start of it).
    pub(super) fn marks_lines(&self, item: &ItemRef, w: usize, max: Option<usize>) -> Vec<DocLine> {
        let Some(user) = self.user else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if user.is_bookmarked(item) {
            out.push(vec![Piece::new(
                format!("{BOOKMARK_MARK} Bookmarked"),
                Role::Marker,
            )]);
        }
        if let Some(note) = user.note(item) {
            let label = "Note: ";
            match max {
                Some(m) => out.extend(wrap_capped(
                    &[
                        Piece::new(label, Role::Field),
                        Piece::new(one_line(note), Role::Plain),
                    ],
                    w,
                    m,
                )),
                None => {
                    // The whole note, its own line breaks kept, under its label.
                    let clean = crate::text::clean(note).replace('\t', " ");
                    let ind = width(label);
                    let body = w.saturating_sub(ind).max(1);
                    for (k, mut line) in
                        wrap_pieces(&[Piece::new(clean, Role::Plain)], body, Breaks::Keep)
                            .into_iter()
                            .enumerate()
                    {
                        let head = if k == 0 {
                            Piece::new(label, Role::Field)
                        } else {
                            pad(ind)
                        };
                        line.insert(0, head);
                        out.push(line);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_and_keep_both_kinds_visible() {
        assert_eq!(bar(6, 2, 8, 8), "██████▒▒");
        assert_eq!(bar(4, 0, 8, 8), "████    ");
        assert_eq!(bar(0, 1, 8, 8), "▒       ");
        // One cited among many inferred still shows.
        assert_eq!(bar(1, 30, 31, 6), "█▒▒▒▒▒");
        assert_eq!(bar(0, 0, 8, 4), "    ");
        assert_eq!(bar(3, 3, 0, 4), "    ");
        for (c, i, max, cells) in [(5, 7, 12, 10), (1, 1, 40, 3), (9, 0, 9, 1)] {
            assert_eq!(bar(c, i, max, cells).chars().count(), cells);
        }
    }
}
