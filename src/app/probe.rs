//! Counts of the costly steps a keystroke takes (citation extractions, screen
//! layouts, item-list builds), so a test can hold the explorer to one pass
//! per keystroke. Per thread, so tests running side by side do not mix.

use std::cell::Cell;

/// How often each costly step ran since the last [`take`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Citations extracted from an authentic text.
    pub extractions: usize,
    /// Screens laid out (the panes' places at a size).
    pub screens: usize,
    /// Item lists of a view's main pane built.
    pub documents: usize,
}

thread_local! {
    static COUNTS: Cell<Counts> = const { Cell::new(Counts { extractions: 0, screens: 0, documents: 0 }) };
}

fn bump(f: impl FnOnce(&mut Counts)) {
    COUNTS.with(|c| {
        let mut v = c.get();
        f(&mut v);
        c.set(v);
    });
}

pub fn extraction() {
    bump(|c| c.extractions += 1);
}

pub fn screen() {
    bump(|c| c.screens += 1);
}

pub fn document() {
    bump(|c| c.documents += 1);
}

/// The counts so far, which start again from zero.
pub fn take() -> Counts {
    COUNTS.with(|c| c.replace(Counts::default()))
}
