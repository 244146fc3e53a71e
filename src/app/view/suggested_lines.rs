//! Suggested links' lines in the lists (which to show is
//! `suggested_entries`): `[suggested] Zamora ¶ 3 · score 3.1` with a snippet and the
//! reason in "Cited by"; `[suggested] Art. 42 ...` in a paragraph's links;
//! and a `[suggested] Art. 42 (3.1)` line under a paragraph of a source.

use crate::app::view::entry::SuggestedEntry;
use crate::app::view::lines::{DocLine, Piece, Role, fit, pad, wrap_capped, wrap_pieces};
use crate::app::view::pane::Pane;
use crate::app::view::suggested_entries::entry;
use crate::app::wrap::Breaks;
use crate::corpus::PassageId;
use crate::text::{one_line, snippet};

/// The marker of a suggestion the user accepted: theirs now, inferred.
pub const ACCEPTED_MARK: &str = "[inferred · yours]";
pub const SUGGESTED_MARK: &str = "[suggested]";

fn score_text(score: u32) -> String {
    format!("score {}.{:02}", score / 100, score % 100)
}

impl Pane<'_> {
    /// A suggested entry of a list.
    pub(super) fn suggested_entry_lines(&self, e: &SuggestedEntry) -> Vec<DocLine> {
        let c = self.ctx.corpus;
        let (mark, role) = if e.accepted {
            (ACCEPTED_MARK, Role::Marker)
        } else {
            (SUGGESTED_MARK, Role::Note)
        };
        let mut first = vec![pad(2), Piece::new(mark, role), pad(1)];
        let name = if e.in_cited_by {
            let source = c
                .sources
                .get(e.passage.source)
                .map(|s| s.marked_name())
                .unwrap_or_default();
            format!("{} ¶ {}", one_line(&source), e.passage.index + 1)
        } else {
            one_line(&c.target_heading(e.target))
        };
        first.push(Piece::link(name, Role::Link, 0));
        if !e.accepted {
            first.push(Piece::new(
                format!(" · {}", score_text(e.score)),
                Role::Note,
            ));
        }
        let mut out = vec![fit(first, self.width)];
        let ind = self.indent();
        let room = self.width.saturating_sub(ind).max(1);
        if e.in_cited_by {
            let text = c.passage(e.passage).map_or("", |p| p.text.as_str());
            let snip = snippet(text, 0, room * 2 + room / 2);
            for mut line in wrap_capped(&[Piece::new(snip, Role::Plain)], room, 2) {
                line.insert(0, pad(ind));
                out.push(line);
            }
        }
        let why = if e.accepted {
            format!("accepted suggestion: {}", one_line(&e.reason))
        } else {
            one_line(&e.reason)
        };
        for mut line in wrap_capped(
            &[
                Piece::new("why: ", Role::Field),
                Piece::new(why, Role::Plain),
            ],
            room,
            3,
        ) {
            line.insert(0, pad(ind));
            out.push(line);
        }
        out
    }

    /// `[suggested] Art. 42 (3.1), Art. 25 (2.9)` under a paragraph.
    pub(super) fn suggested_under_passage(&self, p: PassageId) -> Vec<DocLine> {
        let (Some(table), Some(user)) = (self.suggested, self.user) else {
            return Vec::new();
        };
        let entries: Vec<SuggestedEntry> = table
            .of_passage(p)
            .iter()
            .filter_map(|s| entry(self.ctx.corpus, user, s, false))
            .collect();
        let mut pending = Vec::new();
        let mut accepted = Vec::new();
        for e in &entries {
            if e.accepted {
                accepted.push(e.target.label());
            } else {
                pending.push(format!(
                    "{} ({:.1})",
                    e.target.label(),
                    e.score as f32 / 100.0
                ));
            }
        }
        let mut out = Vec::new();
        for (mark, role, list) in [
            (ACCEPTED_MARK, Role::Marker, accepted),
            (SUGGESTED_MARK, Role::Note, pending),
        ] {
            if list.is_empty() {
                continue;
            }
            out.extend(wrap_pieces(
                &[
                    Piece::new(format!("{mark} "), role),
                    Piece::new(list.join(", "), Role::Note),
                ],
                self.text_width(),
                Breaks::Flow,
            ));
        }
        out
    }
}
