//! Where the user was when the explorer closed, exactly (the place, the pane
//! in focus, each pane's scroll and selection), and the places visited
//! lately. The positions are kept with what they mean in the corpus's words
//! (a source's paragraph, a concern's id), so a corpus that changed in
//! between still reopens on the same paragraph or concern.

use serde::{Deserialize, Serialize};

/// How many recent places are kept.
pub const RECENT_LIMIT: usize = 8;

/// One pane's scroll (the entry at the top and the line inside it) and its
/// selected entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaneSpot {
    pub selected: usize,
    pub top: usize,
    pub top_line: usize,
}

/// The exact spot of the last place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Spot {
    /// The place's name, as `last_place` spells it (`source:zamora`); a spot
    /// for another place than `last_place` is ignored.
    pub place: String,
    /// `outline`, `document` or `links`.
    pub focus: String,
    pub document: PaneSpot,
    pub links: PaneSpot,
    /// Whether the user had moved into the view's list (a chapter's
    /// articles), so `b` acts on the row rather than the view.
    pub entered: bool,
    /// In a source, the paragraph selected, as `treaty show` numbers them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// In the concerns, the id of the concern selected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concern: Option<String>,
}

/// `recent` with `place` put first, without repeats, at most
/// [`RECENT_LIMIT`] long.
pub fn remember(recent: &[String], places: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in places.iter().chain(recent) {
        if !p.is_empty() && !out.contains(p) {
            out.push(p.clone());
        }
        if out.len() == RECENT_LIMIT {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_places_keep_the_newest_first_once_each() {
        let old: Vec<String> = ["article:2", "article:3"].map(String::from).to_vec();
        let now: Vec<String> = ["article:3", "concerns"].map(String::from).to_vec();
        assert_eq!(remember(&old, &now), ["article:3", "concerns", "article:2"]);
        let many: Vec<String> = (1..=20).map(|n| format!("article:{n}")).collect();
        assert_eq!(remember(&old, &many).len(), RECENT_LIMIT);
    }
}
