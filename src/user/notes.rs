//! The user's notes: free, multi-line text attached to an item. Plain data;
//! saving is `UserData`'s job.

use super::item::ItemRef;
use std::collections::BTreeMap;

/// Notes by item, in convention order (articles, then sources, then
/// passages). Stored as a JSON object from item name to text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Notes(BTreeMap<ItemRef, String>);

impl Notes {
    pub fn get(&self, item: &ItemRef) -> Option<&str> {
        self.0.get(item).map(String::as_str)
    }

    /// Sets the note; text that is only whitespace deletes it. Line endings are
    /// normalised to `\n` and trailing whitespace dropped. False when nothing
    /// changed.
    pub fn set(&mut self, item: ItemRef, text: &str) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim_end();
        if text.trim().is_empty() {
            return self.0.remove(&item).is_some();
        }
        if self.get(&item) == Some(text) {
            return false;
        }
        self.0.insert(item, text.to_string());
        true
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&ItemRef, &str)> {
        self.0.iter().map(|(k, v)| (k, v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_deletes() {
        let mut n = Notes::default();
        assert!(n.set(ItemRef::article(23), "Ask about (2)(b).\r\nAnd 24.\n\n"));
        assert_eq!(
            n.get(&ItemRef::article(23)),
            Some("Ask about (2)(b).\nAnd 24.")
        );
        assert!(!n.set(ItemRef::article(23), "Ask about (2)(b).\nAnd 24."));
        assert!(n.set(ItemRef::article(23), "  \n "));
        assert!(n.is_empty());
        assert!(!n.set(ItemRef::article(23), ""));
    }
}
