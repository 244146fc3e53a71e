//! The room's side of the speaker link: `treaty present` listens on its
//! deck's socket, greets each speaker view that says hello for this deck,
//! sends every speaker a frame whenever what the room shows changes, and
//! hands the speakers' keys to the event loop, which applies them as if
//! pressed here.

use super::notes::{Frame, frame};
use super::protocol::{LineReader, Message, VERSION, format};
use super::socket::{self, LinkError};
use crate::app::state::{AppState, Overlay};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use std::io::BufReader;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the listening threads tell the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remote {
    /// A speaker view joined: it needs the current frame.
    Joined,
    /// A speaker pressed a key.
    Asked(Message),
}

/// Speaker views followed at once; more are turned away.
const MAX_SPEAKERS: usize = 8;

/// How long a new connection has to say hello before it is dropped.
const HELLO_WAIT: Duration = Duration::from_secs(3);

/// A speaker that does not take a frame in this time is dropped, so a
/// stalled one never holds up the room's screen.
const WRITE_WAIT: Duration = Duration::from_millis(200);

type Peers = Arc<Mutex<Vec<UnixStream>>>;

/// The listening socket of one deck and the speakers following it.
pub struct Room {
    path: PathBuf,
    peers: Peers,
    started: Instant,
    /// The last frame sent, so an unchanged screen sends nothing.
    sent: Option<Frame>,
}

impl Room {
    /// Listens for speakers of the deck titled `title`; `tell` wakes the
    /// event loop with what they do.
    pub fn open(
        title: &str,
        tell: impl Fn(Remote) + Send + Sync + 'static,
    ) -> Result<Room, LinkError> {
        let path = socket::path_for(&socket::dir()?, title);
        let listener = socket::listen(&path)?;
        let peers: Peers = Arc::default();
        let deck = socket::deck_id(title);
        let tell: Arc<dyn Fn(Remote) + Send + Sync> = Arc::new(tell);
        let accepting = Arc::clone(&peers);
        std::thread::Builder::new()
            .name("speaker-listen".into())
            .spawn(move || accept(listener, accepting, deck, tell))
            .map_err(|source| LinkError::Listen {
                path: path.clone(),
                source,
            })?;
        Ok(Room {
            path,
            peers,
            started: Instant::now(),
            sent: None,
        })
    }

    /// Sends the frame of what `state` shows to every speaker, when it
    /// differs from the last one sent (or `again`, for a speaker that just
    /// joined). The elapsed time alone is no reason to send: each speaker
    /// counts from the last frame.
    pub fn publish(&mut self, state: &AppState, corpus: &Corpus, graph: &LinkGraph, again: bool) {
        let Some(Overlay::Present(p)) = &state.overlay else {
            return;
        };
        let elapsed = self.started.elapsed().as_secs();
        let f = frame(corpus, graph, &state.user, p, state.size, elapsed);
        let same = self.sent.as_ref().is_some_and(|s| {
            Frame {
                elapsed: f.elapsed,
                ..s.clone()
            } == f
        });
        if same && !again {
            return;
        }
        let text: String = f.messages().iter().map(format).collect();
        self.send(&text);
        self.sent = Some(f);
    }

    fn send(&self, text: &str) {
        let Ok(mut peers) = self.peers.lock() else {
            return;
        };
        peers.retain(|s| socket::send_all(s, text.as_bytes()).is_ok());
    }
}

impl Drop for Room {
    /// Tells the speakers the presentation ended and removes the socket.
    fn drop(&mut self) {
        self.send(&format(&Message::Quit));
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A key a speaker pressed, applied to the presentation on screen as the
/// same key here would be.
pub fn apply(state: &mut AppState, m: &Message) {
    let Some(Overlay::Present(p)) = &mut state.overlay else {
        return;
    };
    match m {
        Message::Forward => p.step(true),
        Message::Back => p.step(false),
        // Through the deck's own jump, as digits and Enter here would; a
        // number out of range is ignored rather than shown to the room.
        Message::GoTo(n) if (1..=super::notes::position(p).1).contains(n) => {
            p.jump = n.to_string();
            p.submit_jump();
        }
        Message::Blank(on) => p.blank = *on,
        _ => {}
    }
}

fn accept(
    listener: UnixListener,
    peers: Peers,
    deck: String,
    tell: Arc<dyn Fn(Remote) + Send + Sync>,
) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let full = peers.lock().map_or(true, |p| p.len() >= MAX_SPEAKERS);
        if full {
            continue;
        }
        let (peers, deck, tell) = (Arc::clone(&peers), deck.clone(), Arc::clone(&tell));
        let _ = std::thread::Builder::new()
            .name("speaker".into())
            .spawn(move || follow(stream, peers, &deck, tell));
    }
}

/// One speaker: its hello, then its keys until it leaves.
fn follow(stream: UnixStream, peers: Peers, deck: &str, tell: Arc<dyn Fn(Remote) + Send + Sync>) {
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    if stream.set_read_timeout(Some(HELLO_WAIT)).is_err()
        || writer.set_write_timeout(Some(WRITE_WAIT)).is_err()
    {
        return;
    }
    let mut lines = LineReader::new(BufReader::new(&stream));
    match lines.next_line() {
        Ok(Some(line)) => match super::protocol::parse(&line) {
            Some(Message::Hello { version, deck: d }) if version == VERSION && d == deck => {}
            _ => return,
        },
        _ => return,
    }
    if stream.set_read_timeout(None).is_err() {
        return;
    }
    match peers.lock() {
        Ok(mut p) => p.push(writer),
        Err(_) => return,
    }
    tell(Remote::Joined);
    while let Ok(Some(m)) = lines.next_message() {
        match m {
            Message::Quit => break,
            Message::Forward | Message::Back | Message::GoTo(_) | Message::Blank(_) => {
                tell(Remote::Asked(m))
            }
            _ => {}
        }
    }
}
