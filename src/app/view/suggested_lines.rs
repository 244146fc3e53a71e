//! Suggested links in the lists: which to show (the user's rejections
//! hidden, their acceptances shown as their own inferred links), and their
//! lines: `[suggested] Zamora ¶ 3 · score 3.1` with a snippet and the
//! reason in "Cited by"; `[suggested] Art. 42 ...` in a paragraph's links;
//! and a `[suggested] Art. 42 (3.1)` line under a paragraph of a source.

use crate::app::state::AppState;
use crate::app::view::entry::{Item, SuggestedEntry};
use crate::app::view::lines::{DocLine, Piece, Role, fit, pad, wrap_capped, wrap_pieces};
use crate::app::view::pane::Pane;
use crate::app::wrap::Breaks;
use crate::corpus::{Corpus, PassageId, Target};
use crate::search::suggest::Suggestion;
use crate::text::{one_line, snippet};
use crate::user::UserData;
use crate::user::suggestions::State;

/// The marker of a suggestion the user accepted: theirs now, inferred.
pub const ACCEPTED_MARK: &str = "[inferred · yours]";
pub const SUGGESTED_MARK: &str = "[suggested]";

fn entry(
    corpus: &Corpus,
    user: &UserData,
    s: &Suggestion,
    in_cited_by: bool,
) -> Option<SuggestedEntry> {
    let source = corpus.sources.get(s.passage.source)?;
    let state = user
        .decisions()
        .state(&source.id, s.passage.index + 1, &s.target.to_string());
    if state == State::Rejected {
        return None;
    }
    Some(SuggestedEntry {
        passage: s.passage,
        target: s.target,
        score: (s.score * 100.0).round().max(0.0) as u32,
        reason: s.reason.clone(),
        accepted: state == State::Accepted,
        in_cited_by,
    })
}

/// The suggested entries of a provision's "Cited by", after its links.
pub fn for_target(state: &AppState, corpus: &Corpus, t: Target) -> Vec<Item> {
    let Some(table) = state.suggested.table() else {
        return Vec::new();
    };
    table
        .of_target(t)
        .iter()
        .filter_map(|s| entry(corpus, &state.user, s, true))
        .map(Item::Suggested)
        .collect()
}

/// The suggested entries of a paragraph's links.
pub fn for_passage(state: &AppState, corpus: &Corpus, p: PassageId) -> Vec<Item> {
    let Some(table) = state.suggested.table() else {
        return Vec::new();
    };
    table
        .of_passage(p)
        .iter()
        .filter_map(|s| entry(corpus, &state.user, s, false))
        .map(Item::Suggested)
        .collect()
}

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
