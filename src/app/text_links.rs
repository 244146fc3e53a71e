//! Citations inside the authentic text of an article or the preamble, as
//! links: which ones the text holds, the one Tab and Enter act on, and where
//! following one leads (the cited provision, at the cited paragraph when its
//! authentic text is there). The "Cited by" of the view comes after them in
//! the order Tab walks.

use super::document::{self, Ctx, Item, ctx};
use super::navigate::{fresh, go};
use super::screen::Screen;
use super::scroll::{self, Anchor};
use super::state::{AppState, PaneId, View};
use super::update::{reveal, settle};
use super::wrap::TextKey;
use crate::corpus::{Corpus, Target};
use crate::refs::extract::{Citation, extract};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use std::ops::Range;

/// The authentic text behind a text key, if the key is one.
pub fn text_of(corpus: &Corpus, key: TextKey) -> Option<&str> {
    owner(key)?;
    super::occurrence::text_of(corpus, key)
}

/// The provision whose authentic text the key is.
pub fn owner(key: TextKey) -> Option<Target> {
    match key {
        TextKey::ArticleText(n) => Some(Target::Article(n)),
        TextKey::PreambleText => Some(Target::Preamble),
        _ => None,
    }
}

/// The authentic text a view shows now (not its summary): its entry in the
/// document, its key and the text.
pub fn shown_text<'a>(ctx: Ctx<'a>, view: View) -> Option<(usize, TextKey, &'a str)> {
    let (item, key) =
        document::document(ctx, view)
            .iter()
            .enumerate()
            .find_map(|(i, it)| match it {
                Item::Body(k @ (TextKey::ArticleText(_) | TextKey::PreambleText)) => Some((i, *k)),
                _ => None,
            })?;
    text_of(ctx.corpus, key).map(|t| (item, key, t))
}

/// The citations of `own`'s authentic text that are links: resolved ones,
/// except a bare mention of `own` itself, which would lead where the reader
/// already is ("paragraph 2 of article 23" inside article 23 is a link: it
/// leads to that paragraph).
pub fn links(text: &str, own: Target) -> Vec<Citation> {
    super::probe::extraction();
    extract(text)
        .into_iter()
        .filter(Citation::is_resolved)
        .filter(|c| paragraph(c).is_some() || c.targets.iter().any(|t| *t != own))
        .collect()
}

/// The links of the text the view shows.
fn view_links(ctx: Ctx, view: View) -> Option<(usize, Vec<Citation>)> {
    let (item, key, text) = shown_text(ctx, view)?;
    Some((item, links(text, owner(key)?)))
}

/// The paragraph number a citation points at: `para. 2`, `(2)(b)`.
pub fn paragraph(c: &Citation) -> Option<usize> {
    let pin = c.pinpoint.as_deref()?;
    let rest = pin
        .strip_prefix("para. ")
        .or_else(|| pin.strip_prefix('('))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Where the paragraphs of an authentic text begin (they are separated by a
/// blank line).
fn paragraph_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices("\n\n").map(|(i, _)| i + 2))
}

/// The byte where numbered paragraph `n` begins.
pub fn paragraph_start(text: &str, n: usize) -> Option<usize> {
    let head = format!("{n}. ");
    paragraph_starts(text).find(|&i| text.get(i..).is_some_and(|t| t.starts_with(&head)))
}

/// The numbers that open paragraphs and sub-items: `1.`, `(a)`, `(iv)`.
pub fn numbers(text: &str) -> Vec<Range<usize>> {
    paragraph_starts(text)
        .filter_map(|i| {
            let label = crate::library::authentic::item_label(text.get(i..)?)?;
            Some(i..i + label.len())
        })
        .collect()
}

/// The current link, if it is one of the text the view shows.
pub fn current(ctx: Ctx, state: &AppState) -> Option<usize> {
    let k = state.here.cite?;
    let (_, links) = view_links(ctx, state.view())?;
    (k < links.len()).then_some(k)
}

/// Rows of the screen each citation's first line is on (negative above
/// it), and the rows the text has on screen.
fn cite_rows(
    state: &AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    item: usize,
    cites: &[Citation],
) -> (Vec<isize>, usize) {
    let screen = Screen::new(state, corpus, graph);
    let (width, rows) = screen
        .layout
        .content(PaneId::Document)
        .map_or(state.size, |r| (r.width, r.height));
    let rows = usize::from(rows).max(1);
    let pane = screen.build(state, PaneId::Document, usize::from(width), rows);
    let base = scroll::row_of(&pane, state.here.document.top, item, usize::MAX / 4)
        .unwrap_or(isize::MIN / 4);
    let at = cites
        .iter()
        .map(|c| base + pane.line_of(item, c.span.start) as isize)
        .collect();
    (at, rows)
}

/// Tab / Shift-Tab in an article or the preamble: the citations in its text,
/// then the passages that cite it, going round. From where no link is
/// current, the first citation on screen (or the last, going back) comes
/// first, else the current "Cited by".
pub fn step(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let ctx = ctx(state, corpus, graph);
    let (item, cites) = view_links(ctx, state.view()).unwrap_or((0, Vec::new()));
    let n = state.view().target().map_or(0, |t| graph.count(t));
    let m = cites.len();
    if m + n == 0 {
        state.info("No passage is linked here, so there is no link to follow.");
        return;
    }
    // Links in order: 0..m the citations, m..m+n the "Cited by".
    let total = m + n;
    let sel = state.here.links.selected.min(n.saturating_sub(1));
    let here = match (state.focus(), current(ctx, state)) {
        (PaneId::Links, _) if n > 0 => Some(m + sel),
        (PaneId::Document, Some(k)) => Some(k),
        _ => None,
    };
    let next = match here {
        Some(i) if forward => (i + 1) % total,
        Some(i) => (i + total - 1) % total,
        None => {
            let (at, rows) = cite_rows(state, corpus, graph, item, &cites);
            let on_or_below = |k: usize| at[k] >= 0;
            let above_bottom = |k: usize| at[k] < rows as isize;
            let from_outline = state.focus() == PaneId::Outline;
            let remembered = state.here.cite.filter(|k| *k < m && from_outline);
            let in_text = if forward {
                (0..m).find(|&k| on_or_below(k))
            } else {
                (0..m).rev().find(|&k| above_bottom(k))
            };
            match (remembered, in_text) {
                (Some(k), _) => k,
                (None, Some(k)) => k,
                (None, None) if n > 0 => m + sel,
                (None, None) => {
                    if forward {
                        0
                    } else {
                        m - 1
                    }
                }
            }
        }
    };
    if next < m {
        state.here.focus = PaneId::Document;
        settle(state, corpus, graph);
        show_cite(state, corpus, graph, item, cites[next].span.start);
        // Set once on screen, so `settle` does not forget it.
        state.here.cite = Some(next);
        settle(state, corpus, graph);
    } else {
        state.here.links.selected = next - m;
        state.here.focus = PaneId::Links;
        settle(state, corpus, graph);
        reveal(state, corpus, graph, PaneId::Links);
    }
}

/// Scrolls the text so the line holding byte `at` is on screen.
fn show_cite(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, item: usize, at: usize) {
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let rows = pane.rows.max(1);
            let line = pane.line_of(item, at);
            let top = state.here.document.top;
            let shown = scroll::row_of(&pane, top, item, rows)
                .map(|r| r + line as isize)
                .is_some_and(|r| r >= 0 && (r as usize) < rows);
            if shown {
                top
            } else if top.item > item || (top.item == item && top.line > line) {
                // Above the screen: the line at the top, one line of context.
                scroll::clamp(
                    &pane,
                    rows,
                    Anchor {
                        item,
                        line: line.saturating_sub(1),
                    },
                )
            } else {
                // Below: the line at the bottom.
                scroll::clamp(&pane, rows, scroll::above(&pane, item, line, rows - 1))
            }
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
}

/// Enter in the text: follow the current citation. Returns whether there was
/// one to follow.
pub fn open_current(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> bool {
    if state.focus() != PaneId::Document {
        return false;
    }
    let ctx = ctx(state, corpus, graph);
    let Some(k) = current(ctx, state) else {
        return false;
    };
    let Some((_, cites)) = view_links(ctx, state.view()) else {
        return false;
    };
    let Some(c) = cites.get(k).cloned() else {
        return false;
    };
    follow(state, corpus, graph, &c);
    true
}

/// Whether the view's text has citations Tab could reach.
pub fn has_links(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> bool {
    view_links(ctx(state, corpus, graph), state.view()).is_some_and(|(_, l)| !l.is_empty())
}

/// Opens what a citation of the text cites: at the cited paragraph when the
/// citation names one and the provision's authentic text is shown.
fn follow(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, c: &Citation) {
    let here = state.view();
    let para = paragraph(c);
    // A range that starts with the article itself leads on to the others.
    let target = c
        .targets
        .iter()
        .copied()
        .find(|t| para.is_some() || View::from_target(*t) != here)
        .or(c.targets.first().copied());
    let Some(target) = target else {
        return;
    };
    let view = View::from_target(target);
    let to = fresh(corpus, graph, state, view);
    go(state, corpus, graph, to);
    let mut note = None;
    if c.targets.len() > 1 {
        note = Some(format!(
            "“{}” cites {} provisions: this is {}.",
            one_line(&c.text),
            c.targets.len(),
            target.label()
        ));
    }
    let place = para.and_then(|p| {
        shown_text(ctx(state, corpus, graph), view)
            .map(|(item, _, text)| (p, item, paragraph_start(text, p)))
    });
    if let Some((p, item, start)) = place {
        match start {
            Some(at) => {
                state.here.focus = PaneId::Document;
                state.here.document.top = Anchor { item, line: 0 };
                settle(state, corpus, graph);
                to_line_top(state, corpus, graph, item, at);
            }
            None => {
                note = Some(format!(
                    "{} has no numbered paragraph {p}: this is its beginning.",
                    target.label()
                ))
            }
        }
    }
    if let Some(n) = note {
        state.info(n);
    }
}

/// Scrolls the text so the line holding byte `at` is the first on screen.
fn to_line_top(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, item: usize, at: usize) {
    let top = {
        let screen = Screen::new(state, corpus, graph);
        screen.pane(state, PaneId::Document).map(|pane| {
            let line = pane.line_of(item, at);
            scroll::clamp(&pane, pane.rows.max(1), Anchor { item, line })
        })
    };
    if let Some(top) = top {
        state.here.document.top = top;
    }
    settle(state, corpus, graph);
}

/// A click on citation `k` of the text: it becomes current and is followed.
pub fn click(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, k: usize) {
    state.here.focus = PaneId::Document;
    state.here.cite = Some(k);
    open_current(state, corpus, graph);
}

/// The current citation is forgotten once scrolled off screen, so Enter never
/// follows a link the reader cannot see, and once the text it was in is no
/// longer shown (`s` shows the summary).
pub fn forget_hidden(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(k) = state.here.cite else {
        return;
    };
    let keep = {
        let screen = Screen::new(state, corpus, graph);
        match view_links(screen.ctx, state.view()) {
            Some((item, cites)) if k < cites.len() => {
                match screen.pane(state, PaneId::Document) {
                    Some(pane) => {
                        let c = &cites[k];
                        let rows = pane.rows.max(1);
                        let first = pane.line_of(item, c.span.start);
                        let last =
                            pane.line_of(item, c.span.end.saturating_sub(1).max(c.span.start));
                        scroll::row_of(&pane, state.here.document.top, item, rows).is_some_and(
                            |r| r + last as isize >= 0 && r + (first as isize) < rows as isize,
                        )
                    }
                    // The text is not on screen (a small terminal showing the links).
                    None => true,
                }
            }
            _ => false,
        }
    };
    if !keep {
        state.here.cite = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_pinpoints_and_starts() {
        let text = "1. First, see paragraph 3 of article 24.\n\n(a) an item;\n\n2. Second, \
                    under article 23 and article 12.\n\n3. Third.";
        let own = Target::Article(23);
        let l = links(text, own);
        let cited: Vec<&str> = l.iter().map(|c| c.text.as_str()).collect();
        // A bare "article 23" inside article 23 leads nowhere: not a link.
        assert_eq!(cited, ["paragraph 3 of article 24", "article 12"]);
        assert_eq!(paragraph(&l[0]), Some(3));
        assert_eq!(paragraph(&l[1]), None);
        assert_eq!(paragraph_start(text, 2), text.find("2. Second"));
        assert_eq!(paragraph_start(text, 3), text.find("3. Third"));
        assert_eq!(paragraph_start(text, 4), None);
        let nums: Vec<&str> = numbers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(nums, ["1.", "(a)", "2.", "3."]);
    }

    #[test]
    fn a_paragraph_of_the_article_itself_is_a_link() {
        let l = links(
            "1. As provided in paragraph 2 of article 23.",
            Target::Article(23),
        );
        assert_eq!(l.len(), 1);
        assert_eq!(paragraph(&l[0]), Some(2));
    }
}
