//! What the speaker view shows of the slide on the room's screen, worked out
//! by the room's presentation (the one process that knows the deck as the
//! room sees it) and sent as one frame: the slide's number and title, the
//! next slide's title, and the speaker's notes: the user's own note on the
//! slide's item, why each inferred link was made, and the passages the
//! room's slide had no room for.
//!
//! The deck is read only through the few accessors at the end of this file
//! (slide count, a slide's title, its item, its entries, what the room's
//! layout leaves out), so a change in how decks are built is met there.

use super::protocol::{Message, NoteKind};
use crate::app::state::deck::{Presentation, Slide};
use crate::app::view::lines::Role;
use crate::app::view::slide_pages::left_out;
use crate::app::view::slides::{Entry, deck_text, page_title};
use crate::corpus::{Corpus, Target};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use crate::user::{ItemRef, UserData};

/// One frame for the speaker view, as the room's presentation sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    /// 1-based; 0 when the deck is empty.
    pub number: usize,
    pub total: usize,
    /// The room's screen is blanked.
    pub blank: bool,
    /// Seconds since the room's presentation started.
    pub elapsed: u64,
    pub title: String,
    /// The next slide's title; empty on the last slide.
    pub upcoming: String,
    /// Each note line with what it is about, in the order shown.
    pub notes: Vec<(NoteKind, String)>,
}

impl Frame {
    /// The frame as the lines sent, `end` last.
    pub fn messages(&self) -> Vec<Message> {
        let mut out = vec![
            Message::Slide {
                number: self.number,
                total: self.total,
            },
            Message::Blank(self.blank),
            Message::Elapsed(self.elapsed),
            Message::Title(self.title.clone()),
            Message::Upcoming(self.upcoming.clone()),
        ];
        out.extend(self.notes.iter().map(|(k, t)| Message::Note(*k, t.clone())));
        out.push(Message::End);
        out
    }

    /// Takes in one received line; true when it completed the frame
    /// (`end`), which then holds what the room shows. A frame starts
    /// afresh at `slide`.
    pub fn take(&mut self, m: Message) -> bool {
        match m {
            Message::Slide { number, total } => {
                *self = Frame {
                    number,
                    total,
                    ..Frame::default()
                };
            }
            Message::Blank(on) => self.blank = on,
            Message::Elapsed(s) => self.elapsed = s,
            Message::Title(t) => self.title = t,
            Message::Upcoming(t) => self.upcoming = t,
            // A runaway peer cannot grow a frame without bound.
            Message::Note(k, t) if self.notes.len() < MAX_NOTES => self.notes.push((k, t)),
            Message::End => return self.total > 0,
            _ => {}
        }
        false
    }
}

/// Most note lines a frame carries.
pub const MAX_NOTES: usize = 400;

/// The frame for the slide on screen in `p`, with the room's screen
/// `room` (columns, rows) deciding what did not fit.
pub fn frame(
    corpus: &Corpus,
    graph: &LinkGraph,
    user: &UserData,
    p: &Presentation,
    room: (u16, u16),
    elapsed: u64,
) -> Frame {
    let (number, total) = position(p);
    if total == 0 {
        return Frame {
            elapsed,
            title: "This deck has no slides.".into(),
            ..Frame::default()
        };
    }
    let slide = p.slide();
    let text = slide.map(|s| deck_text(corpus, graph, p, s));
    let mut notes = Vec::new();
    if let Some(mine) = slide
        .and_then(|s| item_of(corpus, s))
        .and_then(|item| user.note(&item))
    {
        // A note's own lines are kept (each cleaned); blank ones too, as
        // paragraph breaks, but never at the start or the end.
        notes.extend(
            mine.trim()
                .lines()
                .map(|l| (NoteKind::Mine, one_line(l)))
                .take(MAX_NOTES / 2),
        );
    }
    if let Some(text) = &text {
        for e in &text.lines {
            if let Some(why) = &e.why {
                notes.push((NoteKind::Why, format!("{}: {why}", who(e))));
            }
        }
        // The quotes the room's slide shows cut, in full: the rest of the
        // passages are on the slides that continue this one.
        if let Some(page) = p.page() {
            for quote in left_out(text, page, room) {
                notes.push((NoteKind::More, one_line(&quote)));
            }
        }
    }
    notes.truncate(MAX_NOTES);
    let upcoming = if number < total {
        page_title(corpus, graph, p, p.current + 1)
    } else {
        String::new()
    };
    Frame {
        number,
        total,
        blank: p.blank,
        elapsed,
        title: page_title(corpus, graph, p, p.current),
        upcoming,
        notes,
    }
}

/// The entry's head on one line: `Zamora, para 14 — cited as “Art. 23”`.
fn head(e: &Entry) -> String {
    one_line(&e.head.iter().map(|p| p.text.as_str()).collect::<String>())
}

/// Who an entry is: its first field (`Zamora, para 14`), else its head.
fn who(e: &Entry) -> String {
    e.head
        .iter()
        .find(|p| p.role == Role::Field)
        .map_or_else(|| head(e), |p| one_line(&p.text))
}

// ---- the deck's accessors ----

/// The slide on screen and how many there are, as the room's corner shows
/// them (`3/12`): the deck's own count, whatever its slides are made of.
/// Read from the deck's pages, not by parsing `progress()` back.
pub fn position(p: &Presentation) -> (usize, usize) {
    let (n, total) = (p.current + 1, p.pages.len());
    if n <= total { (n, total) } else { (0, 0) }
}

/// What the user can write a note on, for a slide.
fn item_of(corpus: &Corpus, s: Slide) -> Option<ItemRef> {
    match s {
        Slide::Title => None,
        Slide::Preamble => Some(ItemRef::Target(Target::Preamble)),
        Slide::Chapter(n) => Some(ItemRef::Target(Target::Chapter(n))),
        Slide::Article(n) => Some(ItemRef::article(n)),
        Slide::Passage(id) => ItemRef::passage(corpus, id),
        Slide::Source(i) => corpus.sources.get(i).map(|s| ItemRef::Source(s.id.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::user::{Bookmarks, Notes};

    fn chapter_iv(corpus: &Corpus) -> Presentation {
        crate::app::view::slides::deck_named(corpus, "chapter IV", &[]).expect("chapter IV")
    }

    #[test]
    fn a_frame_reads_back_as_sent() {
        let corpus = crate::corpus::load_embedded().expect("loads");
        let graph = LinkGraph::build(&corpus);
        let mut notes = Notes::default();
        notes.set(ItemRef::article(24), "Ask about (2)(b).\n\nThen 25.");
        let user = UserData::in_memory(Bookmarks::default(), notes);
        let mut deck = chapter_iv(&corpus);
        let at = deck
            .slides
            .iter()
            .position(|s| *s == Slide::Article(24))
            .expect("Art. 24 in chapter IV");
        deck.current = at;
        let f = frame(&corpus, &graph, &user, &deck, (80, 24), 65);
        assert_eq!((f.number, f.total), (at + 1, deck.slides.len()));
        assert!(f.title.starts_with("Art. 24"), "{}", f.title);
        assert!(f.upcoming.starts_with("Art. 25"), "{}", f.upcoming);
        let mine: Vec<&str> = f
            .notes
            .iter()
            .filter(|(k, _)| *k == NoteKind::Mine)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(mine, ["Ask about (2)(b).", "", "Then 25."]);
        // At 80x24 the room sees fewer passages than at 250x70: the rest are
        // the speaker's.
        let small = f.notes.iter().filter(|(k, _)| *k == NoteKind::More).count();
        let big = frame(&corpus, &graph, &user, &deck, (250, 70), 65)
            .notes
            .iter()
            .filter(|(k, _)| *k == NoteKind::More)
            .count();
        assert!(small > big, "{small} left out at 80x24, {big} at 250x70");

        let mut back = Frame::default();
        let mut done = false;
        for m in f.messages() {
            let line = super::super::protocol::format(&m);
            let m = super::super::protocol::parse(line.trim_end().as_bytes()).expect("parses");
            done = back.take(m);
        }
        assert!(done);
        assert_eq!(back, f);
    }

    #[test]
    fn the_last_slide_has_nothing_next() {
        let corpus = crate::corpus::load_embedded().expect("loads");
        let graph = LinkGraph::build(&corpus);
        let user = UserData::in_memory(Bookmarks::default(), Notes::default());
        let mut deck = chapter_iv(&corpus);
        deck.current = deck.slides.len() - 1;
        let f = frame(&corpus, &graph, &user, &deck, (80, 24), 0);
        assert_eq!(f.number, f.total);
        assert_eq!(f.upcoming, "");
    }
}
