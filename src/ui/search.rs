//! The search overlay: the input under a title naming the scope, the results
//! (kind as a word, where, the matched characters bold and underlined) and,
//! on wide screens, the selected result in its context. Highlights are worked
//! out here, for the results on screen only.

use super::pane::to_line;
use super::theme::Theme;
use crate::app::state::search::SearchOverlay;
use crate::app::view::entry::{SUMMARY_LABEL, TEXT_LABEL};
use crate::app::view::lines::{DocLine, Mark, Piece, Role, marked_line, wrap_pieces};
use crate::app::view::search_layout::{SearchLayout, layout, visible_top};
use crate::app::view::{Breaks, wrap};
use crate::corpus::{Corpus, Target};
use crate::search::{Hit, HitKind, HitPlace, Scope, highlight};
use crate::text::{one_line, truncate, width};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Draws the overlay over whatever is on screen. `indexing`: the index is
/// still being built.
pub fn draw(frame: &mut Frame, theme: &Theme, o: &SearchOverlay, corpus: &Corpus, indexing: bool) {
    let l = layout(frame.area());
    if l.frame.width == 0 || l.frame.height == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    Clear.render(l.frame, buf);
    buf.set_style(l.frame, theme.base());
    title(buf, theme, &l, o.scope);
    let cursor = input(buf, theme, l.input, o);
    if let Some(r) = l.status {
        status(buf, theme, r, o, indexing);
    }
    list(buf, theme, &l, o, corpus);
    if let (Some(div), Some(p)) = (l.divider, l.preview) {
        super::layout::separator(buf, theme, div);
        if let Some(hit) = o.hits.get(o.selected) {
            preview(buf, theme, p, hit, o.answered_query(), corpus);
        }
    }
    frame.set_cursor_position(cursor);
}

fn title(buf: &mut Buffer, theme: &Theme, l: &SearchLayout, scope: Scope) {
    let w = usize::from(l.title.width);
    let mut spans = vec![Span::styled(" Search ", theme.title())];
    if w >= 40 {
        for s in Scope::ALL {
            if s == scope {
                spans.push(Span::styled(
                    format!("[{}]", s.name()),
                    theme.title().add_modifier(Modifier::UNDERLINED),
                ));
            } else {
                spans.push(Span::styled(s.name(), theme.plain()));
            }
            spans.push(Span::raw(" "));
        }
        if w >= 60 {
            spans.push(Span::styled("(Tab) ", theme.plain()));
        }
    } else {
        spans.push(Span::styled(format!("[{}] ", scope.name()), theme.title()));
    }
    let line = Line::from(spans);
    if l.bordered {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(line)
            .border_style(theme.plain());
        block.render(l.frame, buf);
    } else {
        buf.set_style(l.title, theme.title_focused());
        buf.set_line(l.title.x, l.title.y, &line, l.title.width);
        buf.set_style(l.title, Style::default().add_modifier(Modifier::REVERSED));
    }
}

/// The input row; returns where the cursor goes.
fn input(buf: &mut Buffer, theme: &Theme, r: Rect, o: &SearchOverlay) -> Position {
    let prompt = "/ ";
    let room = usize::from(r.width).saturating_sub(width(prompt) + 1);
    buf.set_stringn(r.x, r.y, prompt, usize::from(r.width), theme.key());
    let x0 = r.x + width(prompt).min(usize::from(r.width)) as u16;
    if o.input.is_empty() {
        let hint = truncate(
            "type to search; 'word for exact, spaces for AND",
            room.max(1),
        );
        buf.set_stringn(
            x0,
            r.y,
            &hint,
            room,
            theme.plain().add_modifier(Modifier::ITALIC | Modifier::DIM),
        );
        return Position { x: x0, y: r.y };
    }
    let text = crate::text::clean(&o.input);
    let cursor = o.cursor.min(text.len());
    let (shown, at) = around_cursor(&text, cursor, room);
    buf.set_stringn(x0, r.y, &shown, room, theme.plain());
    Position {
        x: (x0 + at as u16).min(r.x + r.width.saturating_sub(1)),
        y: r.y,
    }
}

/// The part of `text` that fits in `room` cells with the cursor (a byte
/// offset) in it, and the cursor's column in that part.
pub fn around_cursor(text: &str, cursor: usize, room: usize) -> (String, usize) {
    let before = width(&text[..cursor]);
    if width(text) <= room || before < room {
        let shown = truncate_plain(text, room);
        return (shown, before.min(room));
    }
    // Show the end of what is before the cursor.
    let mut start = cursor;
    let mut used = 0;
    for (i, c) in text[..cursor].char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w >= room {
            break;
        }
        used += w;
        start = i;
    }
    (truncate_plain(&text[start..], room), used)
}

/// Cuts to `room` cells without an ellipsis (the input is not a label).
fn truncate_plain(s: &str, room: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

fn status(buf: &mut Buffer, theme: &Theme, r: Rect, o: &SearchOverlay, indexing: bool) {
    let n = o.hits.len();
    let count = match n {
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    };
    let text = if o.input.trim().is_empty() {
        String::new()
    } else if indexing {
        "indexing the corpus…".to_string()
    } else if !o.is_current() {
        "searching…".to_string()
    } else if !o.complete {
        format!("{count} so far, searching…")
    } else if n == 0 {
        "no results".to_string()
    } else {
        count
    };
    let w = usize::from(r.width);
    let label = if text.is_empty() {
        String::new()
    } else {
        format!(" {text} ")
    };
    let label = truncate(&label, w);
    let fill = "─".repeat(w.saturating_sub(width(&label) + 1));
    let line = Line::from(vec![
        Span::styled("─", theme.plain()),
        Span::styled(label, theme.title()),
        Span::styled(fill, theme.plain()),
    ]);
    buf.set_line(r.x, r.y, &line, r.width);
}

/// The word a kind is shown as.
pub fn kind_word(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Article => "Article",
        HitKind::Chapter => "Chapter",
        HitKind::Source => "Source",
        HitKind::Passage => "Passage",
    }
}

fn list(buf: &mut Buffer, theme: &Theme, l: &SearchLayout, o: &SearchOverlay, corpus: &Corpus) {
    let r = l.list;
    if r.width == 0 || r.height == 0 {
        return;
    }
    let w = usize::from(r.width);
    if o.hits.is_empty() {
        let lines: Vec<String> = if o.input.trim().is_empty() {
            vec![
                "Searches article numbers and titles, summaries, chapters, sources and every passage.".into(),
                "'word matches exactly; spaces separate words that must all match.".into(),
                "Tab: scope · ↑: an earlier search · Enter: open · Esc: close".into(),
            ]
        } else if o.is_current() && o.complete {
            let within = match o.scope {
                Scope::All => String::new(),
                s => format!(" in {}", s.name()),
            };
            vec![format!("No results for '{}'{within}.", one_line(&o.input))]
        } else {
            Vec::new()
        };
        let pieces: Vec<DocLine> = lines
            .iter()
            .flat_map(|t| wrap_pieces(&[Piece::new(t.clone(), Role::Note)], w, Breaks::Flow))
            .collect();
        for (i, line) in pieces.iter().take(usize::from(r.height)).enumerate() {
            buf.set_line(r.x, r.y + i as u16, &to_line(theme, line), r.width);
        }
        return;
    }
    let per = l.rows_per_hit.max(1);
    let cap = l.capacity();
    let top = visible_top(o.top, o.selected, cap, o.hits.len());
    let query = o.answered_query();
    for (k, hit) in o.hits.iter().enumerate().skip(top).take(cap) {
        let y = r.y + ((k - top) * per) as u16;
        if y >= r.y + r.height {
            break;
        }
        let selected = k == o.selected;
        let marks = highlight(&hit.snippet, query);
        let mut rows: Vec<Vec<Span>> = Vec::new();
        let marker = if selected { "▸ " } else { "  " };
        let kind = kind_word(hit.kind);
        let location = location_of(hit, corpus);
        if per == 1 {
            let loc_w = (w / 4).clamp(12, 28);
            let mut row = vec![
                Span::styled(marker, theme.title()),
                Span::styled(format!("{kind:<8}"), theme.title()),
                Span::styled(
                    format!("{:<loc_w$} ", fit_location(&location, loc_w)),
                    theme.plain(),
                ),
            ];
            let room = w.saturating_sub(2 + 8 + loc_w + 1);
            row.extend(snippet_spans(theme, &hit.snippet, &marks, room));
            rows.push(row);
        } else {
            let room = w.saturating_sub(2 + width(kind) + 2);
            let location = fit_location(&location, room);
            // The title takes what is left; the location is never cut by it.
            let head = if width(&location) + 4 < room {
                format!("{location} · {}", one_line(&hit.title))
            } else {
                location
            };
            rows.push(vec![
                Span::styled(marker, theme.title()),
                Span::styled(kind, theme.title()),
                Span::raw("  "),
                Span::styled(truncate(&head, room), theme.plain()),
            ]);
            let mut second = vec![Span::raw("    ")];
            second.extend(snippet_spans(
                theme,
                &hit.snippet,
                &marks,
                w.saturating_sub(4),
            ));
            rows.push(second);
        }
        for (j, spans) in rows.into_iter().enumerate() {
            let yy = y + j as u16;
            if yy >= r.y + r.height {
                break;
            }
            let row = Rect {
                y: yy,
                height: 1,
                ..r
            };
            buf.set_line(r.x, yy, &Line::from(spans), r.width);
            if selected {
                buf.set_style(row, theme.selected());
            }
        }
    }
}

/// The snippet cut to `room` cells around its first match, the matched
/// characters bold and underlined.
fn snippet_spans(
    theme: &Theme,
    text: &str,
    marks: &[Range<usize>],
    room: usize,
) -> Vec<Span<'static>> {
    window(text, marks, room)
        .into_iter()
        .map(|(t, marked)| {
            let style = if marked {
                theme.role(Role::Match)
            } else {
                theme.plain()
            };
            Span::styled(t, style)
        })
        .collect()
}

/// `text` cut to at most `room` cells so that its first marked range shows,
/// with `…` where text was left out; each piece says whether it is marked.
/// Counts cells, so wide (CJK, emoji) characters are never split.
pub fn window(text: &str, marks: &[Range<usize>], room: usize) -> Vec<(String, bool)> {
    if room == 0 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cell = |c: char| c.width().unwrap_or(0);
    let total: usize = chars.iter().map(|(_, c)| cell(*c)).sum();
    let mut start = 0;
    if total > room
        && let Some(first) = marks.first()
    {
        let at = chars
            .iter()
            .position(|(i, _)| *i >= first.start)
            .unwrap_or(0);
        let width_to = |end: usize| -> usize {
            chars[at..]
                .iter()
                .take_while(|(i, _)| *i < end)
                .map(|(_, c)| cell(*c))
                .sum()
        };
        // As many of the marked ranges as fit, from the first on.
        let end = marks
            .iter()
            .map(|m| m.end)
            .filter(|&e| width_to(e) + 2 <= room)
            .max()
            .unwrap_or(first.end);
        let match_w = width_to(end);
        let before_w: usize = chars[..at].iter().map(|(_, c)| cell(*c)).sum();
        // Only move when the match would not show from the start.
        if before_w + match_w + 1 > room {
            let context = (room / 4).min(room.saturating_sub(match_w + 2));
            let mut s = at;
            let mut used = 0;
            while s > 0 && used + cell(chars[s - 1].1) <= context {
                s -= 1;
                used += cell(chars[s].1);
            }
            // Start at a word when one begins within the context.
            if let Some(p) = (s..at).find(|&j| j > 0 && chars[j - 1].1 == ' ') {
                s = p;
            }
            start = s;
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut used = 0;
    let push = |out: &mut Vec<(String, bool)>, c: char, marked: bool| match out.last_mut() {
        Some((t, m)) if *m == marked => t.push(c),
        _ => out.push((c.to_string(), marked)),
    };
    if start > 0 {
        push(&mut out, '…', false);
        used += 1;
    }
    let rest: usize = chars[start..].iter().map(|(_, c)| cell(*c)).sum();
    let fits = used + rest <= room;
    let limit = if fits { room } else { room.saturating_sub(1) };
    let mut cut = false;
    for &(i, c) in &chars[start..] {
        let w = cell(c);
        if used + w > limit {
            cut = true;
            break;
        }
        used += w;
        let marked = marks.iter().any(|r| r.start <= i && i < r.end);
        push(&mut out, c, marked);
    }
    if cut && used < room {
        push(&mut out, '…', false);
    }
    out
}

/// `location` in `max` cells with its paragraph number whole: the source's
/// name is shortened first ("Benítez-M…, para 13"), since the number is what
/// tells one result from the next.
fn fit_location(location: &str, max: usize) -> String {
    if width(location) <= max {
        return location.to_string();
    }
    let cut = location.rfind(", para ").or_else(|| location.rfind(", "));
    match cut {
        Some(i) if width(&location[i..]) + 2 <= max => {
            let (name, tail) = location.split_at(i);
            format!("{}{tail}", truncate(name, max - width(tail)))
        }
        _ => truncate(location, max),
    }
}

/// Where a hit is, as the list shows it: a passage or source of the user's
/// own library says so, as everywhere in the explorer.
fn location_of(hit: &Hit, corpus: &Corpus) -> String {
    let location = one_line(&hit.location);
    let source = match hit.place {
        HitPlace::Source(s) | HitPlace::Passage(crate::corpus::PassageId { source: s, .. }) => {
            corpus.sources.get(s)
        }
        HitPlace::Target(_) => None,
    };
    match source {
        Some(s) if s.user => format!("{location} (yours)"),
        _ => location,
    }
}

/// The selected result in its context: what and where, its title, then the
/// text around the match with the matched terms marked.
fn preview(buf: &mut Buffer, theme: &Theme, r: Rect, hit: &Hit, query: &str, corpus: &Corpus) {
    if r.width < 4 || r.height == 0 {
        return;
    }
    let x = r.x + 1;
    let w = usize::from(r.width - 1);
    let mut head: Vec<DocLine> = Vec::new();
    head.push(vec![
        Piece::new(kind_word(hit.kind), Role::Title),
        Piece::new(" · ", Role::Plain),
        Piece::new(location_of(hit, corpus), Role::Plain),
    ]);
    let title = one_line(&hit.title);
    let title_marks = if hit.snippet == title {
        highlight(&title, query)
    } else {
        Vec::new()
    };
    head.extend(marked_text(
        &title,
        &title_marks,
        w,
        Role::Title,
        Breaks::Keep,
    ));
    head.push(Vec::new());
    let (body, focus) = preview_body(hit, query, corpus, w);
    let rows = usize::from(r.height);
    let room = rows.saturating_sub(head.len());
    let skip = match focus {
        Some(f) if f + 1 >= room => f.saturating_sub(1),
        _ => 0,
    };
    let lines = head
        .iter()
        .chain(body.iter().skip(skip))
        .take(rows)
        .enumerate();
    for (i, line) in lines {
        buf.set_line(x, r.y + i as u16, &to_line(theme, line), w as u16);
    }
}

/// The text under a preview's title, and the line of the first match in it.
fn preview_body(
    hit: &Hit,
    query: &str,
    corpus: &Corpus,
    w: usize,
) -> (Vec<DocLine>, Option<usize>) {
    let sentence_marks = |text: &str, span: &Range<usize>| -> Vec<Range<usize>> {
        text.get(span.clone())
            .map(|s| {
                highlight(s, query)
                    .into_iter()
                    .map(|m| span.start + m.start..span.start + m.end)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out: Vec<DocLine> = Vec::new();
    let mut focus = None;
    let mut long = |out: &mut Vec<DocLine>, text: &str, marks: Vec<Range<usize>>| {
        let first = marks.first().map(|m| m.start);
        let w_text = wrap(text, w, Breaks::Flow);
        if let Some(b) = first {
            let at = w_text.map(b);
            let line = w_text
                .lines
                .iter()
                .rposition(|l| l.start <= at)
                .unwrap_or(0);
            focus = Some(out.len() + line);
        }
        let marks: Vec<Mark> = marks
            .into_iter()
            .map(|span| Mark {
                span,
                role: Role::Match,
                link: None,
            })
            .collect();
        out.extend((0..w_text.lines.len()).map(|i| marked_line(&w_text, i, &marks, Role::Plain)));
    };
    match hit.place {
        HitPlace::Passage(p) => {
            if let Some(passage) = corpus.passage(p) {
                let marks = hit
                    .span
                    .as_ref()
                    .map(|s| sentence_marks(&passage.text, s))
                    .unwrap_or_default();
                long(&mut out, &passage.text, marks);
            }
        }
        HitPlace::Target(t @ (Target::Article(_) | Target::Preamble)) => {
            let (summary, official, text) = match t {
                Target::Article(n) => match corpus.article(n) {
                    Some(a) => (a.summary.as_str(), a.summary_is_official, a.text.as_deref()),
                    None => return (out, None),
                },
                _ => {
                    let p = &corpus.convention.preamble;
                    (p.summary.as_str(), p.summary_is_official, p.text.as_deref())
                }
            };
            let in_text =
                hit.span.is_none() && text.is_some() && hit.snippet != one_line(&hit.title);
            if in_text {
                out.push(vec![Piece::new(TEXT_LABEL, Role::Label)]);
                let marks = highlight(&hit.snippet, query);
                long(&mut out, &hit.snippet, marks);
            } else {
                let label = if official { TEXT_LABEL } else { SUMMARY_LABEL };
                out.push(vec![Piece::new(label, Role::Label)]);
                let marks = hit
                    .span
                    .as_ref()
                    .map(|s| sentence_marks(summary, s))
                    .unwrap_or_default();
                long(&mut out, summary, marks);
            }
        }
        HitPlace::Target(Target::Chapter(n)) => {
            if let Some(ch) = corpus.chapter(n) {
                for a in &ch.articles {
                    let line = format!("{:>2} {}", a.number, one_line(&a.title));
                    out.extend(wrap_pieces(
                        &[Piece::new(line, Role::Plain)],
                        w,
                        Breaks::Keep,
                    ));
                }
            }
        }
        HitPlace::Source(i) => {
            if let Some(s) = corpus.sources.get(i) {
                let m = &s.meta;
                for (name, value) in [
                    ("Author", &m.author),
                    ("Publisher", &m.publisher),
                    ("Date", &m.date),
                ] {
                    let v = value.as_deref().map(one_line);
                    let mut pieces = vec![Piece::new(format!("{name}: "), Role::Field)];
                    match v {
                        Some(v) => {
                            let marks = if hit.snippet.contains(&v) {
                                highlight(&v, query)
                            } else {
                                Vec::new()
                            };
                            pieces.extend(split_marked(&v, &marks, Role::Plain));
                        }
                        None => pieces.push(Piece::new("unknown", Role::Unknown)),
                    }
                    out.extend(wrap_pieces(&pieces, w, Breaks::Keep));
                }
                out.push(Vec::new());
                out.push(vec![Piece::new(
                    format!("{} paragraphs", s.passages.len()),
                    Role::Note,
                )]);
            }
        }
    }
    (out, focus)
}

/// A short text wrapped, its marked ranges in the match style.
fn marked_text(
    text: &str,
    marks: &[Range<usize>],
    w: usize,
    role: Role,
    breaks: Breaks,
) -> Vec<DocLine> {
    wrap_pieces(&split_marked(text, marks, role), w, breaks)
}

fn split_marked(text: &str, marks: &[Range<usize>], role: Role) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        let (Some(before), Some(inside)) = (text.get(at..m.start), text.get(m.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Piece::new(before, role));
        }
        out.push(Piece::new(inside, Role::Match));
        at = m.end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        out.push(Piece::new(rest, role));
    }
    out
}

#[cfg(test)]
// Marks are lists of ranges; a list of one is what these tests mean.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn shown(parts: &[(String, bool)]) -> (String, String) {
        let all: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        let marked: String = parts
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        (all, marked)
    }

    #[test]
    fn window_keeps_the_match_in_view() {
        let text = "A long introduction that goes on and on before the dual criminality clause appears here";
        let at = text.find("dual").unwrap_or(0);
        let parts = window(text, &[at..at + 4], 30);
        let (all, marked) = shown(&parts);
        assert!(width(&all) <= 30, "{all}");
        assert!(all.starts_with('…') && all.ends_with('…'), "{all}");
        assert_eq!(marked, "dual");
        // Both terms show when they fit together.
        let crim = text.find("criminality").unwrap_or(0);
        let (all, marked) = shown(&window(text, &[at..at + 4, crim..crim + 11], 30));
        assert!(width(&all) <= 30, "{all}");
        assert_eq!(marked, "dualcriminality", "{all}");
    }

    #[test]
    fn window_never_splits_wide_characters() {
        let text = "国連のサイバー犯罪条約について多くの懸念がある";
        let at = text.find("犯罪").unwrap_or(0);
        for room in 1..20 {
            let (all, marked) = shown(&window(text, &[at..at + "犯罪".len()], room));
            assert!(width(&all) <= room, "{room}: {all}");
            if room >= 8 {
                assert_eq!(marked, "犯罪", "{room}: {all}");
            }
        }
    }

    #[test]
    fn short_text_is_whole() {
        let (all, marked) = shown(&window("Art. 23 Scope", &[5..7], 40));
        assert_eq!((all.as_str(), marked.as_str()), ("Art. 23 Scope", "23"));
    }

    #[test]
    fn cursor_stays_visible() {
        let text = "a very long query that does not fit";
        let (shown, at) = around_cursor(text, text.len(), 10);
        assert!(width(&shown) <= 10 && at <= 10);
        assert!(text.ends_with(shown.as_str()), "{shown}");
        let (shown, at) = around_cursor(text, 0, 10);
        assert_eq!((shown.as_str(), at), ("a very lon", 0));
    }

    #[test]
    fn a_location_keeps_its_paragraph_number_and_shortens_the_name() {
        let loc = "Benítez-Mongelós, para 13";
        assert_eq!(fit_location(loc, 40), loc);
        assert_eq!(fit_location(loc, 20), "Benítez-Mo…, para 13");
        assert_eq!(
            fit_location("hanoi-warning, para 13 (yours)", 24),
            "hanoi-…, para 13 (yours)"
        );
        // Too narrow for the number and a letter of the name: cut plainly.
        assert_eq!(fit_location(loc, 9), "Benítez-…");
        assert_eq!(
            fit_location("Art. 24 Conditions and safeguards", 12),
            "Art. 24 Con…"
        );
    }
}
