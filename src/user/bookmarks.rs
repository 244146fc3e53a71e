//! The user's bookmarks: an ordered list without duplicates, in the order the
//! user chose. Plain data; saving is `UserData`'s job.

use super::item::ItemRef;

/// Bookmarks in the user's order. Stored as a JSON array of item names.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Bookmarks(Vec<ItemRef>);

impl Bookmarks {
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &ItemRef> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, item: &ItemRef) -> bool {
        self.0.contains(item)
    }

    pub fn position(&self, item: &ItemRef) -> Option<usize> {
        self.0.iter().position(|i| i == item)
    }

    /// Adds at the end; false when it was already there (nothing changes).
    pub fn add(&mut self, item: ItemRef) -> bool {
        if self.contains(&item) {
            return false;
        }
        self.0.push(item);
        true
    }

    /// False when it was not there.
    pub fn remove(&mut self, item: &ItemRef) -> bool {
        match self.position(item) {
            Some(i) => {
                self.0.remove(i);
                true
            }
            None => false,
        }
    }

    /// Moves one place towards the top; false at the top or when absent.
    pub fn move_up(&mut self, item: &ItemRef) -> bool {
        match self.position(item) {
            Some(i) if i > 0 => {
                self.0.swap(i - 1, i);
                true
            }
            _ => false,
        }
    }

    /// Moves one place towards the bottom; false at the bottom or when absent.
    pub fn move_down(&mut self, item: &ItemRef) -> bool {
        match self.position(item) {
            Some(i) if i + 1 < self.0.len() => {
                self.0.swap(i, i + 1);
                true
            }
            _ => false,
        }
    }
}

impl<'a> IntoIterator for &'a Bookmarks {
    type Item = &'a ItemRef;
    type IntoIter = std::slice::Iter<'a, ItemRef>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<ItemRef> for Bookmarks {
    /// Keeps the first of any duplicates.
    fn from_iter<I: IntoIterator<Item = ItemRef>>(iter: I) -> Self {
        let mut b = Bookmarks::default();
        for item in iter {
            b.add(item);
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(b: &Bookmarks) -> Vec<String> {
        b.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn add_remove_and_move() {
        let mut b = Bookmarks::default();
        assert!(b.add(ItemRef::article(23)));
        assert!(!b.add(ItemRef::article(23)), "no duplicates");
        assert!(b.add(ItemRef::Source("zamora".into())));
        assert!(b.add(ItemRef::article(1)));
        assert_eq!(names(&b), ["article:23", "source:zamora", "article:1"]);
        assert!(b.move_up(&ItemRef::article(1)));
        assert_eq!(names(&b), ["article:23", "article:1", "source:zamora"]);
        assert!(!b.move_up(&ItemRef::article(23)), "already at the top");
        assert!(b.move_down(&ItemRef::article(23)));
        assert!(
            !b.move_down(&ItemRef::Source("zamora".into())),
            "already at the bottom"
        );
        assert!(b.remove(&ItemRef::article(23)));
        assert!(!b.remove(&ItemRef::article(23)));
        assert_eq!(names(&b), ["article:1", "source:zamora"]);
    }
}
