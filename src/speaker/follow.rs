//! The speaker's side of the link: connects to the room's presentation of
//! the deck, says hello, and passes on each whole frame the room sends;
//! when no presentation is running (or it ends), it says so and tries again
//! every half second, so the speaker view can be started first.

use super::notes::Frame;
use super::protocol::{LineReader, Message, VERSION, format};
use super::socket;
use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

/// How often a speaker view looks for the room's presentation.
pub const RETRY: Duration = Duration::from_millis(500);

/// What the link tells the speaker's event loop.
#[derive(Debug)]
pub enum Link {
    /// No presentation of this deck is running (yet).
    Waiting,
    /// Following the room; the stream is where the speaker's keys go.
    Joined(UnixStream),
    /// What the room shows now.
    Frame(Frame),
    /// The room's presentation ended (or went away).
    Ended,
}

/// Follows the presentation on `path` for ever, telling `tell` what happens;
/// stops when `tell` returns false (the speaker view is gone).
pub fn follow(path: &Path, deck: &str, tell: impl Fn(Link) -> bool) {
    let mut waiting = false;
    loop {
        let Ok(stream) = socket::connect(path) else {
            if !waiting && !tell(Link::Waiting) {
                return;
            }
            waiting = true;
            std::thread::sleep(RETRY);
            continue;
        };
        waiting = false;
        let hello = format(&Message::Hello {
            version: VERSION,
            deck: deck.to_string(),
        });
        let Ok(keys) = stream.try_clone() else {
            std::thread::sleep(RETRY);
            continue;
        };
        if socket::send_all(&stream, hello.as_bytes()).is_err() {
            std::thread::sleep(RETRY);
            continue;
        }
        if !tell(Link::Joined(keys)) {
            return;
        }
        let mut lines = LineReader::new(BufReader::new(&stream));
        let mut frame = Frame::default();
        loop {
            match lines.next_message() {
                Ok(Some(Message::Quit)) | Ok(None) | Err(_) => break,
                Ok(Some(m)) => {
                    if frame.take(m) && !tell(Link::Frame(frame.clone())) {
                        return;
                    }
                }
            }
        }
        if !tell(Link::Ended) {
            return;
        }
        std::thread::sleep(RETRY);
    }
}
