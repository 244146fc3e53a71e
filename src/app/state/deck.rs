//! A slide deck being shown: what it covers (its items, in the user's
//! order, the title slide first), the pages they take at the screen's size,
//! the page on screen and a slide number being typed. Plain data with the
//! steps that move through it; `app::view::slide_pages` paginates it.

use crate::corpus::PassageId;
use std::ops::Range;

/// One item of a deck: what a slide (or a run of slides) is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The deck's name, the date and what it covers.
    Title,
    Preamble,
    Chapter(u8),
    Article(u8),
    Passage(PassageId),
    /// Index into `Corpus::sources`.
    Source(usize),
}

/// One slide on screen: part `part` (from 0) of `parts` of the deck's item
/// `item`, showing the units `units` of that item's text (its summary's
/// lines, then its entries) as `app::view::slide_pages` counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub item: usize,
    pub part: usize,
    pub parts: usize,
    pub units: Range<usize>,
}

/// A deck being shown, with the slide on screen and a slide number being
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// What the deck is, in words: `Chapter IV`, `Your bookmarks`.
    pub title: String,
    /// What the deck covers, in a line for its title slide:
    /// `12 articles, 24 to 35`.
    pub covers: String,
    /// The date its title slide shows (`YYYY-MM-DD`).
    pub date: String,
    /// The deck's items in order, [`Slide::Title`] first.
    pub slides: Vec<Slide>,
    /// The slides as shown at [`Presentation::size`]: an item whose
    /// passages do not fit one continues over several.
    pub pages: Vec<Page>,
    /// The page on screen.
    pub current: usize,
    /// The screen size the pages were made for; (0, 0) before the first.
    pub size: (u16, u16),
    /// The user's own documents shown, in a section of their own.
    pub with_own: bool,
    /// The room's screen is blank (the presenter pressed the blank key).
    pub blank: bool,
    /// Digits typed so far for a jump (`3` then Enter).
    pub jump: String,
    /// Why the last jump did not happen.
    pub message: Option<String>,
    /// Started by `treaty present`: leaving ends the program.
    pub exit_on_close: bool,
}

impl Presentation {
    /// A deck of `slides` (the title slide is put first when they lack
    /// one), showing item `current` (0: the title slide); one page an item
    /// until it is paginated.
    pub fn new(title: impl Into<String>, slides: Vec<Slide>, current: usize) -> Self {
        let mut items = Vec::with_capacity(slides.len() + 1);
        if slides.first() != Some(&Slide::Title) {
            items.push(Slide::Title);
        }
        items.extend(slides);
        let current = current.min(items.len().saturating_sub(1));
        let pages = (0..items.len())
            .map(|item| Page {
                item,
                part: 0,
                parts: 1,
                units: 0..usize::MAX,
            })
            .collect();
        Presentation {
            title: title.into(),
            covers: String::new(),
            date: crate::user::brief::today(),
            slides: items,
            pages,
            current,
            size: (0, 0),
            with_own: false,
            blank: false,
            jump: String::new(),
            message: None,
            exit_on_close: false,
        }
    }

    /// The item of the slide on screen.
    pub fn slide(&self) -> Option<Slide> {
        self.page().and_then(|p| self.slides.get(p.item).copied())
    }

    /// The slide on screen.
    pub fn page(&self) -> Option<&Page> {
        self.pages.get(self.current)
    }

    /// The item and part on screen: the same place at any size.
    pub fn position(&self) -> (usize, usize) {
        self.page().map_or((0, 0), |p| (p.item, p.part))
    }

    /// Puts the page of item `item` (its part `part`, or its last) on screen.
    pub fn go_to_item(&mut self, item: usize, part: usize) {
        if let Some(i) = self
            .pages
            .iter()
            .rposition(|p| p.item == item && p.part <= part)
        {
            self.current = i;
        }
    }

    /// `3/12`
    pub fn progress(&self) -> String {
        if self.pages.is_empty() {
            return "0/0".into();
        }
        format!("{}/{}", self.current + 1, self.pages.len())
    }

    pub fn step(&mut self, forward: bool) {
        self.jump.clear();
        self.message = None;
        if forward {
            if self.current + 1 < self.pages.len() {
                self.current += 1;
            }
        } else {
            self.current = self.current.saturating_sub(1);
        }
    }

    /// Home and End: the first or the last slide.
    pub fn jump_to_end(&mut self, last: bool) {
        self.jump.clear();
        self.message = None;
        self.current = if last {
            self.pages.len().saturating_sub(1)
        } else {
            0
        };
    }

    /// The room's screen blank, or back.
    pub fn toggle_blank(&mut self) {
        self.blank = !self.blank;
    }

    pub fn type_digit(&mut self, c: char) {
        self.message = None;
        if c.is_ascii_digit() && self.jump.len() < 6 {
            self.jump.push(c);
        }
    }

    pub fn erase_digit(&mut self) {
        self.message = None;
        self.jump.pop();
    }

    /// Enter: go to the slide whose number was typed.
    pub fn submit_jump(&mut self) {
        let typed = std::mem::take(&mut self.jump);
        if typed.is_empty() {
            self.step(true);
            return;
        }
        match typed.parse::<usize>() {
            Ok(n) if (1..=self.pages.len()).contains(&n) => {
                self.current = n - 1;
                self.message = None;
            }
            _ => {
                self.message = Some(format!(
                    "No slide {typed}: the slides are 1 to {}",
                    self.pages.len()
                ))
            }
        }
    }
}
