//! The entries of the link lists: a "Cited by" entry (source, paragraph,
//! basis, snippet, reason) and a paragraph's link (provision, as written or
//! why). Lines are built only for entries on screen.

use crate::app::view::lines::{DocLine, Piece, Role, fit, pad, plain, wrap_capped};
use crate::app::view::pane::Pane;
use crate::app::wrap::{Breaks, TextKey};
use crate::corpus::{PassageId, Target};
use crate::refs::graph::{Basis, Link};
use crate::text::{one_line, snippet};

/// How many lines of passage text a "Cited by" entry shows.
const SNIPPET_LINES: usize = 2;
/// How many lines of an analyst's reason an entry shows.
const REASON_LINES: usize = 3;

impl Pane<'_> {
    pub(super) fn indent(&self) -> usize {
        (self.width / 8).min(4)
    }

    fn marker(l: &Link) -> Piece {
        Piece::new(format!("[{}]", l.basis.name()), Role::Marker)
    }

    fn reason_lines(&self, reason: &str) -> Vec<DocLine> {
        self.field_lines("why: ", reason, REASON_LINES)
    }

    /// `why: …` wrapped under an entry, at most `max` lines.
    fn field_lines(&self, field: &str, text: &str, max: usize) -> Vec<DocLine> {
        let ind = self.indent();
        wrap_capped(
            &[
                Piece::new(field, Role::Field),
                Piece::new(one_line(text), Role::Plain),
            ],
            self.width.saturating_sub(ind).max(1),
            max,
        )
        .into_iter()
        .map(|mut l| {
            l.insert(0, pad(ind));
            l
        })
        .collect()
    }

    /// `■■■□ criticises · Zamora ¶ 9 [inferred]` (the depth mark, the
    /// treatment in words when one is recorded), then a snippet, or the whole
    /// passage when the entry is open to be read in place; and the reason of
    /// an inferred link, with what a proposal asks for.
    pub(super) fn cited_by_lines(&self, target: Target, index: usize) -> Vec<DocLine> {
        let open = self
            .ctx
            .graph
            .cited_by(target)
            .get(index)
            .is_some_and(|l| self.cited.is_some_and(|s| s.is_open(target, l.passage)));
        let mut out = self.entry_lines(target, index, open);
        if open {
            // A blank line ends an entry read in full, before the next.
            out.push(Vec::new());
        }
        out
    }

    /// Entry `index` of the Cited by of `target` in full, as the reading
    /// pane shows it beside the list.
    pub fn passage_in_full(&self, target: Target, index: usize) -> Vec<DocLine> {
        self.entry_lines(target, index, true)
    }

    fn entry_lines(&self, target: Target, index: usize, open: bool) -> Vec<DocLine> {
        let links = self.ctx.graph.cited_by(target);
        let Some(l) = links.get(index) else {
            return vec![plain("")];
        };
        let c = self.ctx.corpus;
        let name = c
            .sources
            .get(l.passage.source)
            .map(|s| s.marked_name())
            .unwrap_or_default();
        let mut first = vec![pad(2), Piece::new(l.depth.bars(), Role::Count), pad(1)];
        let treatment = crate::refs::citing::treatment_of(c, l);
        if let Some(t) = treatment {
            first.push(Piece::new(
                crate::app::view::cited_by::treatment_words(t),
                Role::Field,
            ));
            first.push(Piece::new(" · ", Role::Plain));
        }
        let item = crate::user::ItemRef::passage(c, l.passage);
        if let (Some(u), Some(item)) = (self.user, &item)
            && u.is_bookmarked(item)
        {
            first.push(Piece::new("★ ", Role::Marker));
        }
        first.push(Piece::link(
            format!("{} ¶ {}", one_line(&name), l.passage.index + 1),
            Role::Link,
            0,
        ));
        first.push(pad(1));
        first.push(Self::marker(l));
        if let Basis::Cited { text } = &l.basis {
            first.push(Piece::new(" · ", Role::Plain));
            first.push(Piece::new(one_line(text), Role::Plain));
        }
        let mut out = vec![fit(first, self.width)];
        let text = c.passage(l.passage).map_or("", |p| p.text.as_str());
        let ind = self.indent();
        let room = self.width.saturating_sub(ind).max(1);
        let body = if open {
            let w = self
                .ctx
                .cache
                .get(TextKey::Passage(l.passage), room, text, Breaks::Flow);
            (0..w.lines.len())
                .map(|i| vec![Piece::new(w.line(i), Role::Plain)])
                .collect()
        } else {
            let at = self.anchor_in_passage(l, text);
            let snip = snippet(text, at, room * SNIPPET_LINES + room / 2);
            wrap_capped(&[Piece::new(snip, Role::Plain)], room, SNIPPET_LINES)
        };
        for mut line in body {
            line.insert(0, pad(ind));
            out.push(line);
        }
        if let Some(reason) = l.basis.reason() {
            let max = if open { usize::MAX } else { REASON_LINES };
            out.extend(self.field_lines("why: ", reason, max));
        }
        if open
            && let Some(asks) = c
                .curated_link(l.passage, target)
                .and_then(|cl| cl.asks.as_deref())
        {
            out.extend(self.field_lines("asks: ", asks, usize::MAX));
        }
        out
    }

    /// Where in the passage the link points: the citation, or the analyst's quote.
    fn anchor_in_passage(&self, l: &Link, text: &str) -> usize {
        if l.basis.is_cited() {
            return self
                .ctx
                .graph
                .citations(l.passage)
                .iter()
                .find(|c| c.targets.contains(&l.target))
                .map_or(0, |c| c.span.start);
        }
        self.ctx
            .corpus
            .curated
            .iter()
            .find(|cl| cl.passage == l.passage && cl.targets.contains(&l.target))
            .and_then(|cl| text.find(cl.quote.as_str()))
            .unwrap_or(0)
    }

    /// `[cited] Art. 23 Scope of procedural measures` and how it was written or why.
    pub(super) fn link_lines(&self, passage: PassageId, index: usize) -> Vec<DocLine> {
        let links = self.ctx.graph.links_of(passage);
        let Some(l) = links.get(index) else {
            return vec![plain("")];
        };
        let heading = one_line(&self.ctx.corpus.target_heading(l.target));
        let first = vec![
            pad(2),
            Self::marker(l),
            pad(1),
            Piece::link(heading, Role::Link, 0),
        ];
        let mut out = vec![fit(first, self.width)];
        match &l.basis {
            Basis::Cited { text } => {
                let line = vec![
                    pad(self.indent()),
                    Piece::new("as written: ", Role::Field),
                    Piece::new(one_line(text), Role::Plain),
                ];
                out.push(fit(line, self.width));
            }
            Basis::Inferred { reason } => out.extend(self.reason_lines(reason)),
        }
        out
    }
}
