//! The user's decisions on suggested links, in `suggestions.json` in the data
//! directory: an accepted suggestion becomes the user's own inferred link,
//! kept with its reason; a rejected one is remembered and no longer shown.

use serde::{Deserialize, Serialize};

/// One decision on a suggested link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The source id.
    pub source: String,
    /// The paragraph number, 1-based, as cited (`zamora#3`).
    pub paragraph: usize,
    /// `article:42`, `chapter:IV` or `preamble`.
    pub target: String,
    /// Why it was suggested, kept with the link.
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub score: f32,
}

// A decision's score is a finite product of counts and weights, never NaN,
// so equality is an equivalence: decisions travel in the explorer's effects,
// which are compared in tests.
impl Eq for Decision {}

/// What the user decided on a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Suggested,
    Accepted,
    Rejected,
}

/// Every decision, as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    #[serde(default)]
    pub accepted: Vec<Decision>,
    #[serde(default)]
    pub rejected: Vec<Decision>,
}

fn same(d: &Decision, source: &str, paragraph: usize, target: &str) -> bool {
    d.source == source && d.paragraph == paragraph && d.target == target
}

impl Decisions {
    /// What the user decided on a suggestion (suggested when nothing yet).
    pub fn state(&self, source: &str, paragraph: usize, target: &str) -> State {
        if self
            .accepted
            .iter()
            .any(|d| same(d, source, paragraph, target))
        {
            State::Accepted
        } else if self
            .rejected
            .iter()
            .any(|d| same(d, source, paragraph, target))
        {
            State::Rejected
        } else {
            State::Suggested
        }
    }

    /// Accepts a suggestion (undoing a rejection of it).
    pub fn accept(&mut self, d: Decision) {
        self.rejected
            .retain(|r| !same(r, &d.source, d.paragraph, &d.target));
        self.accepted
            .retain(|r| !same(r, &d.source, d.paragraph, &d.target));
        self.accepted.push(d);
    }

    /// Rejects a suggestion (undoing an acceptance of it).
    pub fn reject(&mut self, d: Decision) {
        self.accepted
            .retain(|r| !same(r, &d.source, d.paragraph, &d.target));
        self.rejected
            .retain(|r| !same(r, &d.source, d.paragraph, &d.target));
        self.rejected.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(target: &str) -> Decision {
        Decision {
            source: "zamora".into(),
            paragraph: 3,
            target: target.into(),
            reason: "'quick freeze' -> Art. 42".into(),
            score: 5.0,
        }
    }

    #[test]
    fn accept_and_reject_replace_each_other() {
        let mut all = Decisions::default();
        all.accept(d("article:42"));
        all.reject(d("article:2"));
        assert_eq!(all.state("zamora", 3, "article:42"), State::Accepted);
        all.reject(d("article:42"));
        assert_eq!(all.state("zamora", 3, "article:42"), State::Rejected);
        assert_eq!(all.state("zamora", 4, "article:42"), State::Suggested);
    }
}
