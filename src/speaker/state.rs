//! What a speaker view knows and how its keys become requests to the room:
//! the deck it follows, whether the room's presentation is there, the last
//! whole frame the room sent and when, and a slide number being typed.
//! Plain data, changed only by [`Speaker::key`] and [`Speaker::link`].

use super::follow::Link;
use super::notes::Frame;
use super::protocol::Message;
use crate::app::action::Action;
use std::time::Instant;

/// Where the link to the room's presentation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Looking for the presentation; `ended` when one was followed before.
    Waiting {
        ended: bool,
    },
    Following,
}

#[derive(Debug, Clone)]
pub struct Speaker {
    /// The deck's title, as the room's presentation has it.
    pub deck: String,
    /// The command that starts the room's presentation of this deck.
    pub start: String,
    pub status: Status,
    /// What the room showed last; none before the first frame.
    pub frame: Option<Frame>,
    /// When that frame came, so the elapsed time runs on between frames.
    pub frame_at: Option<Instant>,
    /// Digits typed for a jump (`3` then Enter).
    pub jump: String,
    /// The first line of the notes on screen (Up and Down scroll them);
    /// back to the top on another slide.
    pub scroll: usize,
}

/// What a key asks of the speaker's event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Nothing,
    /// Send this to the room.
    Send(Message),
    /// Leave the speaker view (the room's presentation goes on).
    Leave,
    Suspend,
}

impl Speaker {
    pub fn new(deck: impl Into<String>, start: impl Into<String>) -> Self {
        Speaker {
            deck: deck.into(),
            start: start.into(),
            status: Status::Waiting { ended: false },
            frame: None,
            frame_at: None,
            jump: String::new(),
            scroll: 0,
        }
    }

    /// Takes in what the link reports (the stream of a join is the event
    /// loop's to keep).
    pub fn link(&mut self, l: &Link, now: Instant) {
        match l {
            Link::Waiting => {
                if self.status == Status::Following {
                    self.status = Status::Waiting { ended: true };
                }
            }
            Link::Joined(_) => self.status = Status::Following,
            Link::Frame(f) => {
                if self.frame.as_ref().map(|o| o.number) != Some(f.number) {
                    self.scroll = 0;
                }
                self.status = Status::Following;
                self.frame = Some(f.clone());
                self.frame_at = Some(now);
            }
            Link::Ended => {
                self.status = Status::Waiting { ended: true };
                self.frame = None;
                self.frame_at = None;
            }
        }
    }

    /// Keeps the notes' scroll within `max` (what the screen shows of them).
    pub fn clamp_scroll(&mut self, max: usize) {
        self.scroll = self.scroll.min(max);
    }

    /// Seconds the room's presentation has run, when it is followed.
    pub fn elapsed(&self, now: Instant) -> Option<u64> {
        let (f, at) = (self.frame.as_ref()?, self.frame_at?);
        Some(f.elapsed + now.saturating_duration_since(at).as_secs())
    }

    /// A key of the presentation's table (the room and the speaker share
    /// it): moving keys become requests to the room, which moves and sends
    /// every speaker the new frame; nothing moves here on its own.
    pub fn key(&mut self, action: Action) -> Step {
        let total = self.frame.as_ref().map_or(0, |f| f.total);
        let ask = |m: Message| {
            if total > 0 {
                Step::Send(m)
            } else {
                Step::Nothing
            }
        };
        match action {
            Action::NextSlide => {
                self.jump.clear();
                ask(Message::Forward)
            }
            Action::PrevSlide => {
                self.jump.clear();
                ask(Message::Back)
            }
            Action::Top => ask(Message::GoTo(1)),
            Action::Bottom => ask(Message::GoTo(total.max(1))),
            Action::PromptChar(c) => {
                if c.is_ascii_digit() && self.jump.len() < 6 {
                    self.jump.push(c);
                }
                Step::Nothing
            }
            Action::PromptBackspace => {
                self.jump.pop();
                Step::Nothing
            }
            Action::PromptSubmit => {
                let typed = std::mem::take(&mut self.jump);
                match typed.parse::<usize>() {
                    Err(_) => ask(Message::Forward),
                    Ok(n) if (1..=total).contains(&n) => ask(Message::GoTo(n)),
                    Ok(_) => Step::Nothing,
                }
            }
            Action::Down => {
                self.scroll += 1;
                Step::Nothing
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Step::Nothing
            }
            // The blank key blanks the room's screen (or brings it back).
            Action::BlankScreen => {
                let blank = self.frame.as_ref().is_some_and(|f| f.blank);
                ask(Message::Blank(!blank))
            }
            Action::Close | Action::Quit => Step::Leave,
            Action::Suspend => Step::Suspend,
            _ => Step::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn following(number: usize, total: usize) -> Speaker {
        let mut s = Speaker::new("Chapter IV", "treaty present --deck iv");
        let f = Frame {
            number,
            total,
            elapsed: 60,
            ..Frame::default()
        };
        s.link(&Link::Frame(f), Instant::now());
        s
    }

    #[test]
    fn keys_become_requests_to_the_room() {
        let mut s = following(2, 5);
        assert_eq!(s.key(Action::NextSlide), Step::Send(Message::Forward));
        assert_eq!(s.key(Action::PrevSlide), Step::Send(Message::Back));
        assert_eq!(s.key(Action::Bottom), Step::Send(Message::GoTo(5)));
        assert_eq!(s.key(Action::BlankScreen), Step::Send(Message::Blank(true)));
        s.key(Action::PromptChar('4'));
        assert_eq!(s.jump, "4");
        assert_eq!(s.key(Action::PromptSubmit), Step::Send(Message::GoTo(4)));
        s.key(Action::PromptChar('9'));
        assert_eq!(s.key(Action::PromptSubmit), Step::Nothing, "no slide 9");
        assert_eq!(s.key(Action::PromptSubmit), Step::Send(Message::Forward));
        assert_eq!(s.key(Action::Down), Step::Nothing);
        assert_eq!(s.scroll, 1);
        s.key(Action::Up);
        s.key(Action::Up);
        assert_eq!(s.scroll, 0);
        assert_eq!(s.key(Action::Close), Step::Leave);
    }

    #[test]
    fn nothing_is_asked_of_a_room_not_there() {
        let mut s = Speaker::new("Chapter IV", "treaty present --deck iv");
        assert_eq!(s.key(Action::NextSlide), Step::Nothing);
        assert_eq!(s.elapsed(Instant::now()), None);
        let mut s = following(1, 3);
        assert!(s.elapsed(Instant::now()).is_some_and(|e| e >= 60));
        s.link(&Link::Ended, Instant::now());
        assert_eq!(s.status, Status::Waiting { ended: true });
        assert_eq!(s.key(Action::NextSlide), Step::Nothing);
        s.link(&Link::Waiting, Instant::now());
        assert_eq!(s.status, Status::Waiting { ended: true });
    }
}
