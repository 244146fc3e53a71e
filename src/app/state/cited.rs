//! What the reader chose for the Cited by lists of this session: the filter
//! and the order (kept from article to article), and the passages opened to
//! be read in place.

use crate::corpus::{PassageId, Target};
use crate::refs::citing::{RefFilter, RefSort};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitedByState {
    pub filter: RefFilter,
    pub sort: RefSort,
    /// Entries shown with their whole passage, by provision and passage, so
    /// an entry stays open when the list is filtered or sorted again.
    pub open: BTreeSet<(Target, PassageId)>,
}

impl CitedByState {
    pub fn is_open(&self, target: Target, passage: PassageId) -> bool {
        self.open.contains(&(target, passage))
    }
}
