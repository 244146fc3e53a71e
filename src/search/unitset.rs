//! A set of units, one bit each: the matches of a search, kept so that the
//! next, longer query scans only them. A bit a unit keeps the sets small (a
//! million units in 125 KB) however many units match.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// A finished set, read by later searches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct UnitSet {
    words: Vec<u64>,
}

impl UnitSet {
    /// The units of the set within `range`, ascending.
    pub fn iter(&self, range: Range<u32>) -> impl Iterator<Item = u32> + '_ {
        let (start, end) = (range.start as usize, range.end as usize);
        let words = if start < end {
            start / 64..end.div_ceil(64)
        } else {
            0..0
        };
        words.flat_map(move |w| {
            let mut bits = self.words.get(w).copied().unwrap_or(0);
            let base = w * 64;
            if start > base {
                bits &= !0 << (start - base);
            }
            if end < base + 64 {
                bits &= (1u64 << (end - base)) - 1;
            }
            Bits { bits, base }
        })
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }
}

struct Bits {
    bits: u64,
    base: usize,
}

impl Iterator for Bits {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.bits == 0 {
            return None;
        }
        let at = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        u32::try_from(self.base + at).ok()
    }
}

/// A set being filled by several threads at once (pieces of a scan may share
/// a word at their edges).
pub(super) struct SharedUnitSet {
    words: Vec<AtomicU64>,
}

impl SharedUnitSet {
    /// An empty set for units `0..units`.
    pub fn new(units: usize) -> Self {
        SharedUnitSet {
            words: (0..units.div_ceil(64)).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    pub fn insert(&self, unit: u32) {
        let u = unit as usize;
        if let Some(w) = self.words.get(u / 64) {
            w.fetch_or(1 << (u % 64), Ordering::Relaxed);
        }
    }

    /// The set as it is now; call once every writer is done.
    pub fn snapshot(&self) -> UnitSet {
        UnitSet {
            words: self
                .words
                .iter()
                .map(|w| w.load(Ordering::Relaxed))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterates_within_a_range() {
        let shared = SharedUnitSet::new(200);
        for u in [0, 1, 63, 64, 65, 127, 128, 150, 199, 500] {
            shared.insert(u);
        }
        let set = shared.snapshot();
        assert_eq!(set.len(), 9);
        let all: Vec<u32> = set.iter(0..200).collect();
        assert_eq!(all, [0, 1, 63, 64, 65, 127, 128, 150, 199]);
        let mid: Vec<u32> = set.iter(1..128).collect();
        assert_eq!(mid, [1, 63, 64, 65, 127]);
        let word: Vec<u32> = set.iter(64..64).collect();
        assert!(word.is_empty());
        let edge: Vec<u32> = set.iter(63..65).collect();
        assert_eq!(edge, [63, 64]);
        let past: Vec<u32> = set.iter(190..400).collect();
        assert_eq!(past, [199]);
    }
}
