//! A pane as laid out: its entries at its width, each entry's height and
//! lines. Drawing, scrolling and mouse hits all read these same lines.

use crate::app::scroll::Heights;
use crate::app::state::search::Spot;
use crate::app::state::{PaneId, View};
use crate::app::view::entry::{Ctx, Item, OutlineRow};
use crate::app::view::lines::{
    DocLine, Mark, Piece, Role, fit, marked_line, pad, plain, wrap_pieces,
};
use crate::app::wrap::{Breaks, TextKey};
use crate::corpus::{PassageId, Target};
use crate::refs::graph::Link;
use crate::text::{one_line, width};
use std::rc::Rc;

pub struct Pane<'a> {
    pub id: PaneId,
    pub items: Rc<Vec<Item>>,
    /// Cells per line and lines on screen.
    pub width: usize,
    pub rows: usize,
    pub ctx: Ctx<'a>,
    /// The link Tab and Enter act on in a source: (paragraph, link index).
    pub current_link: Option<(PassageId, usize)>,
    /// The citation of the authentic text Tab and Enter act on.
    pub current_cite: Option<usize>,
    /// The view that is open, marked in the outline.
    pub here: View,
    pub expanded: Vec<u8>,
    /// The user's bookmarks and notes, shown where their items are.
    pub user: Option<&'a crate::user::UserData>,
    /// The suggested links, when ready and shown.
    pub suggested: Option<&'a crate::search::suggest::SuggestionTable>,
    /// The search occurrence to mark, in the text of the view.
    pub found: Option<crate::app::state::search::Found>,
    /// The Cited by entries opened to be read in place.
    pub cited: Option<&'a crate::app::state::cited::CitedByState>,
    /// Cells before a paragraph's text: marker, number, space.
    gutter: usize,
}

impl Heights for Pane<'_> {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn height(&self, item: usize) -> usize {
        match self.items.get(item) {
            Some(Item::Passage(p)) => self.passage_height(*p),
            Some(Item::Body(key)) => self.body(*key).lines.len(),
            Some(it) => self.small_lines(it).len().max(1),
            None => 1,
        }
    }
}

impl<'a> Pane<'a> {
    pub fn new(id: PaneId, items: Rc<Vec<Item>>, width: usize, rows: usize, ctx: Ctx<'a>) -> Self {
        // Paragraphs are listed in order: the last has the widest number.
        let most = items
            .iter()
            .rev()
            .find_map(|it| match it {
                Item::Passage(p) => Some(p.index + 1),
                _ => None,
            })
            .unwrap_or(0);
        let gutter = most.to_string().len() + 2;
        Pane {
            id,
            items,
            width: width.max(1),
            rows,
            ctx,
            current_link: None,
            current_cite: None,
            here: View::Preamble,
            expanded: Vec::new(),
            user: None,
            suggested: None,
            found: None,
            cited: None,
            gutter,
        }
    }

    pub fn selectable(&self, item: usize) -> bool {
        self.items.get(item).is_some_and(Item::selectable)
    }

    pub fn first_selectable(&self) -> Option<usize> {
        self.items.iter().position(Item::selectable)
    }

    pub fn last_selectable(&self) -> Option<usize> {
        self.items.iter().rposition(Item::selectable)
    }

    /// The next selectable entry after (`forward`) or before `from`.
    pub fn step(&self, from: usize, forward: bool) -> Option<usize> {
        if forward {
            (from + 1..self.items.len()).find(|&i| self.selectable(i))
        } else {
            (0..from.min(self.items.len()))
                .rev()
                .find(|&i| self.selectable(i))
        }
    }

    pub fn has_selection(&self) -> bool {
        self.first_selectable().is_some()
    }

    /// Lines `from..from + count` of an entry.
    pub fn lines(&self, item: usize, from: usize, count: usize) -> Vec<DocLine> {
        match self.items.get(item) {
            Some(Item::Passage(p)) => self.passage_lines(*p, from, count),
            Some(Item::Body(key)) => {
                let w = self.body(*key);
                let marks = self.with_citations(*key, self.found_marks(Spot::Text(*key), *key));
                (from..(from + count).min(w.lines.len()))
                    .map(|i| marked_line(&w, i, &marks, Role::Plain))
                    .collect()
            }
            Some(it) => self
                .small_lines(it)
                .into_iter()
                .skip(from)
                .take(count)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Marks over the search match in a long text of the view.
    fn found_marks(&self, spot: Spot, key: TextKey) -> Vec<Mark> {
        let Some(f) = &self.found else {
            return Vec::new();
        };
        crate::app::view::document::text_of(self.ctx.corpus, key)
            .map_or_else(Vec::new, |t| f.marks(spot, t))
    }

    /// A short text as pieces, its search match marked.
    fn found_pieces(&self, spot: Spot, text: String, role: Role) -> Vec<Piece> {
        let marks = match &self.found {
            Some(f) => f.marks(spot, &text),
            None => Vec::new(),
        };
        if marks.is_empty() {
            return vec![Piece::new(text, role)];
        }
        let mut out = Vec::new();
        let mut at = 0;
        for m in marks {
            if m.span.start > at {
                out.push(Piece::new(&text[at..m.span.start], role));
            }
            out.push(Piece::new(&text[m.span.clone()], Role::Match));
            at = m.span.end;
        }
        if at < text.len() {
            out.push(Piece::new(&text[at..], role));
        }
        out
    }

    /// Which line of entry `item` shows byte `byte` of its text (0 for
    /// entries that are not long texts).
    pub fn line_of(&self, item: usize, byte: usize) -> usize {
        let w = match self.items.get(item) {
            Some(Item::Passage(p)) => self.passage_text(*p),
            Some(Item::Body(key)) => self.body(*key),
            _ => return 0,
        };
        let at = w.map(byte);
        w.lines.iter().rposition(|r| r.start <= at).unwrap_or(0)
    }

    fn body(&self, key: TextKey) -> std::rc::Rc<crate::app::wrap::Wrapped> {
        // An authentic text keeps its line breaks; summaries and passages flow.
        let breaks = if crate::app::view::citations::owner(key).is_some() {
            Breaks::Keep
        } else {
            Breaks::Flow
        };
        let text = crate::app::view::document::text_of(self.ctx.corpus, key).unwrap_or("");
        self.ctx.cache.get(key, self.width, text, breaks)
    }

    /// Adds to `marks` what an authentic text holds: its paragraph numbers,
    /// and its citations as links, the current one marked (a search match
    /// over one wins).
    fn with_citations(&self, key: TextKey, mut marks: Vec<Mark>) -> Vec<Mark> {
        let Some(text) = crate::app::view::citations::text_of(self.ctx.corpus, key) else {
            return marks;
        };
        let free = |span: &std::ops::Range<usize>, marks: &[Mark]| {
            !marks
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
        };
        let Some(cites) = crate::app::view::citations::links_of(self.ctx.cache, key, text) else {
            return marks;
        };
        let mut add: Vec<Mark> = cites
            .iter()
            .enumerate()
            .filter(|(_, c)| free(&c.span, &marks))
            .map(|(k, c)| Mark {
                span: c.span.clone(),
                role: if self.current_cite == Some(k) {
                    Role::CurrentLink
                } else {
                    Role::Link
                },
                link: Some(k),
            })
            .collect();
        add.extend(
            crate::app::view::citations::numbers(text)
                .into_iter()
                .filter(|span| free(span, &marks))
                .map(|span| Mark {
                    span,
                    role: Role::Number,
                    link: None,
                }),
        );
        marks.extend(add);
        marks.sort_by_key(|m| m.span.start);
        marks
    }

    // ---- paragraphs of a source ----

    pub(super) fn text_width(&self) -> usize {
        self.width.saturating_sub(self.gutter).max(1)
    }

    fn passage_text(&self, p: PassageId) -> std::rc::Rc<crate::app::wrap::Wrapped> {
        let text = self.ctx.corpus.passage(p).map_or("", |x| x.text.as_str());
        self.ctx
            .cache
            .get(TextKey::Passage(p), self.text_width(), text, Breaks::Flow)
    }

    fn passage_height(&self, p: PassageId) -> usize {
        self.passage_text(p).lines.len()
            + self.inferred_lines(p).len()
            + self.suggested_under_passage(p).len()
            + self.passage_marks(p).len()
            + 1
    }

    /// `★ Bookmarked` and the user's note under a paragraph.
    fn passage_marks(&self, p: PassageId) -> Vec<DocLine> {
        match crate::user::ItemRef::passage(self.ctx.corpus, p) {
            Some(item) if self.user.is_some() => self.marks_lines(&item, self.text_width(), None),
            _ => Vec::new(),
        }
    }

    fn current_for(&self, p: PassageId) -> Option<usize> {
        self.current_link.filter(|(q, _)| *q == p).map(|(_, i)| i)
    }

    /// Citations in the text, marked as links to the paragraph's links.
    fn citation_marks(&self, p: PassageId, links: &[&Link]) -> Vec<Mark> {
        let current = self
            .current_for(p)
            .and_then(|i| links.get(i))
            .map(|l| l.target);
        self.ctx
            .graph
            .citations(p)
            .iter()
            .filter(|c| c.is_resolved())
            .map(|c| {
                let link = links
                    .iter()
                    .position(|l| l.basis.is_cited() && c.targets.contains(&l.target));
                let is_current = current.is_some_and(|t| c.targets.contains(&t));
                Mark {
                    span: c.span.clone(),
                    role: if is_current {
                        Role::CurrentLink
                    } else {
                        Role::Link
                    },
                    link,
                }
            })
            .collect()
    }

    /// "[inferred] Art. 2, Art. 3" under a paragraph an analyst linked.
    fn inferred_lines(&self, p: PassageId) -> Vec<DocLine> {
        let links = self.ctx.graph.links_of(p);
        let current = self.current_for(p);
        let mut pieces = Vec::new();
        for (i, l) in links
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.basis.is_cited())
        {
            if pieces.is_empty() {
                pieces.push(Piece::new("[inferred] ", Role::Marker));
            } else {
                pieces.push(Piece::new(", ", Role::Plain));
            }
            let role = if current == Some(i) {
                Role::CurrentLink
            } else {
                Role::Link
            };
            pieces.push(Piece::link(l.target.label(), role, i));
        }
        if pieces.is_empty() {
            return Vec::new();
        }
        wrap_pieces(&pieces, self.text_width(), Breaks::Flow)
    }

    fn passage_lines(&self, p: PassageId, from: usize, count: usize) -> Vec<DocLine> {
        let text = self.passage_text(p);
        let links = self.ctx.graph.links_of(p);
        let marks = crate::app::view::matches::overlay_marks(
            self.citation_marks(p, &links),
            self.found_marks(Spot::Text(TextKey::Passage(p)), TextKey::Passage(p)),
        );
        let mut inferred = self.inferred_lines(p);
        inferred.extend(self.suggested_under_passage(p));
        inferred.extend(self.passage_marks(p));
        let n = text.lines.len();
        let total = n + inferred.len() + 1;
        let digits = self.gutter - 2;
        (from..(from + count).min(total))
            .map(|i| {
                let mut line = if i == 0 {
                    vec![
                        pad(1),
                        Piece::new(format!("{:>digits$}", p.index + 1), Role::Number),
                        pad(1),
                    ]
                } else {
                    vec![pad(self.gutter)]
                };
                if i < n {
                    line.extend(marked_line(&text, i, &marks, Role::Plain));
                } else if i < n + inferred.len() {
                    line.extend(inferred[i - n].iter().cloned());
                } else {
                    line.clear();
                }
                line
            })
            .collect()
    }

    // ---- everything else: a few lines each, built on demand ----

    fn small_lines(&self, it: &Item) -> Vec<DocLine> {
        let w = self.width;
        let c = self.ctx.corpus;
        match it {
            Item::Title(t) => wrap_pieces(
                &self.found_pieces(Spot::Title, t.clone(), Role::Title),
                w,
                Breaks::Keep,
            ),
            Item::Plain(t) => wrap_pieces(&[Piece::new(t.clone(), Role::Plain)], w, Breaks::Keep),
            Item::Label(t) => wrap_pieces(&[Piece::new(*t, Role::Label)], w, Breaks::Keep),
            Item::Note(t) => wrap_pieces(&[Piece::new(t.clone(), Role::Note)], w, Breaks::Keep),
            Item::Field(name, value) => {
                let mut pieces = vec![Piece::new(format!("{name}: "), Role::Field)];
                match value {
                    Some(v) => pieces.extend(self.found_pieces(
                        Spot::Field(name),
                        one_line(v),
                        Role::Plain,
                    )),
                    None => pieces.push(Piece::new("unknown", Role::Unknown)),
                }
                wrap_pieces(&pieces, w, Breaks::Keep)
            }
            Item::Blank => vec![Vec::new()],
            Item::Heading { source, index } => {
                let text = c
                    .sources
                    .get(*source)
                    .and_then(|s| s.headings.get(*index))
                    .map(|h| one_line(&h.text))
                    .unwrap_or_default();
                let mut lines = wrap_pieces(&[Piece::new(text, Role::Heading)], w, Breaks::Keep);
                lines.push(Vec::new());
                lines
            }
            Item::ArticleRow(n) => vec![self.article_row(*n, 2, self.width)],
            Item::CitedBy { target, index } => self.cited_by_lines(*target, *index),
            Item::LinkOf { passage, index } => self.link_lines(*passage, *index),
            Item::Suggested(e) => self.suggested_entry_lines(e),
            Item::Outline(row) => vec![self.outline_row(*row)],
            Item::Desk(d) => self.desk_lines(d),
            Item::Body(_) | Item::Passage(_) => vec![plain("")],
        }
    }

    /// `  23 Scope of procedural measures ……   12`
    fn article_row(&self, n: u8, indent: usize, total: usize) -> DocLine {
        let c = self.ctx.corpus;
        let mut title = c.article(n).map(|a| one_line(&a.title)).unwrap_or_default();
        if self
            .user
            .is_some_and(|u| u.is_bookmarked(&crate::user::ItemRef::article(n)))
        {
            // The bookmark mark is part of the title, so it stays in view.
            title = format!("{} {title}", crate::app::view::lines::BOOKMARK_MARK);
        }
        let count = self.ctx.graph.count_label(Target::Article(n));
        let number = format!("{n:>2} ");
        let fixed = indent + width(&number) + 1 + count.len().max(3);
        let room = total.saturating_sub(fixed);
        let title = crate::text::truncate(&title, room);
        let fill = room.saturating_sub(width(&title));
        let line = vec![
            pad(indent),
            Piece::new(number, Role::Number),
            Piece::link(title, Role::Plain, 0),
            pad(fill + 1 + count.len().max(3) - count.len()),
            Piece::new(count, Role::Count),
        ];
        fit(line, total)
    }

    fn outline_row(&self, row: OutlineRow) -> DocLine {
        let c = self.ctx.corpus;
        let here = match row {
            OutlineRow::Preamble => self.here == View::Preamble,
            OutlineRow::Chapter(n) => self.here == View::Chapter(n),
            OutlineRow::Article(n) => self.here == View::Article(n),
            OutlineRow::Source(i) => self.here == View::Source(i),
            OutlineRow::SourcesLabel => false,
        };
        let mark = Piece::new(if here { "• " } else { "  " }, Role::Here);
        let role = if here { Role::Here } else { Role::Plain };
        let w = self.width.saturating_sub(2);
        let line = match row {
            OutlineRow::Preamble => {
                let count = self.ctx.graph.count_label(Target::Preamble);
                let room = w.saturating_sub(1 + count.len().max(3));
                let name = crate::text::truncate("Preamble", room);
                vec![
                    mark,
                    Piece::new(name.clone(), role),
                    pad(room.saturating_sub(width(&name)) + 1 + count.len().max(3) - count.len()),
                    Piece::new(count, Role::Count),
                ]
            }
            OutlineRow::Chapter(n) => {
                let open = if self.expanded.contains(&n) {
                    "▾ "
                } else {
                    "▸ "
                };
                let ch = c.chapter(n);
                vec![
                    mark,
                    Piece::new(open, Role::Plain),
                    Piece::new(
                        format!("{} ", ch.map_or("?", |ch| ch.roman())),
                        Role::Number,
                    ),
                    Piece::new(ch.map(|ch| one_line(&ch.title)).unwrap_or_default(), role),
                ]
            }
            OutlineRow::Article(n) => {
                let mut l = self.article_row(n, 2, w);
                for p in l.iter_mut() {
                    p.link = None;
                }
                if here {
                    for p in l.iter_mut().skip(2).take(1) {
                        p.role = Role::Here;
                    }
                }
                let mut out = vec![mark];
                out.extend(l);
                out
            }
            OutlineRow::SourcesLabel => vec![pad(2), Piece::new("Sources", Role::Label)],
            OutlineRow::Source(i) => {
                let s = c.sources.get(i);
                vec![
                    mark,
                    pad(2),
                    Piece::new(s.map(|s| s.marked_name()).unwrap_or_default(), role),
                    Piece::new(" · ", Role::Plain),
                    Piece::new(
                        s.map(|s| one_line(&s.display_title())).unwrap_or_default(),
                        Role::Plain,
                    ),
                ]
            }
        };
        fit(line, self.width)
    }
}
