//! A slide deck being shown: its slides, the one on screen and a slide number
//! being typed. Plain data with the steps that move through it.

use crate::corpus::PassageId;

/// One slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Preamble,
    Chapter(u8),
    Article(u8),
    Passage(PassageId),
    /// Index into `Corpus::sources`.
    Source(usize),
}

/// A deck being shown, with the slide on screen and a slide number being
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// What the deck is, in words: `Chapter IV`, `Your bookmarks`.
    pub title: String,
    pub slides: Vec<Slide>,
    pub current: usize,
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
    pub fn new(title: impl Into<String>, slides: Vec<Slide>, current: usize) -> Self {
        let current = current.min(slides.len().saturating_sub(1));
        Presentation {
            title: title.into(),
            slides,
            current,
            blank: false,
            jump: String::new(),
            message: None,
            exit_on_close: false,
        }
    }

    pub fn slide(&self) -> Option<Slide> {
        self.slides.get(self.current).copied()
    }

    /// `3/12`
    pub fn progress(&self) -> String {
        if self.slides.is_empty() {
            return "0/0".into();
        }
        format!("{}/{}", self.current + 1, self.slides.len())
    }

    pub fn step(&mut self, forward: bool) {
        self.jump.clear();
        self.message = None;
        if forward {
            if self.current + 1 < self.slides.len() {
                self.current += 1;
            }
        } else {
            self.current = self.current.saturating_sub(1);
        }
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
            Ok(n) if (1..=self.slides.len()).contains(&n) => {
                self.current = n - 1;
                self.message = None;
            }
            _ => {
                self.message = Some(format!(
                    "No slide {typed}: the slides are 1 to {}",
                    self.slides.len()
                ))
            }
        }
    }
}
