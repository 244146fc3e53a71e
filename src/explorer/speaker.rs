//! The speaker view's event loop: keys (through the presentation's own key
//! table) become requests to the room, frames from the room are shown, and
//! the screen is drawn again when either comes or the clock's second turns.

use crate::app::keymap::{Mode, action_for};
use crate::config::Settings;
use crate::speaker::follow::{Link, follow};
use crate::speaker::protocol::{Message, format};
use crate::speaker::socket;
use crate::speaker::state::{Speaker, Step};
use crate::terminal::{Session, Signal, die_of};
use ratatui::crossterm::event::Event;
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// Longest wait for a key or a frame before signals and the clock are
/// looked at again.
const TICK: Duration = Duration::from_millis(200);

enum Input {
    Key(Event),
    Link(Link),
}

/// Follows the room's presentation of the deck titled `deck` until the
/// speaker leaves; `start` is the command that starts the room's side.
pub fn run(deck: &str, start: &str, settings: Settings) -> anyhow::Result<()> {
    let path = socket::path_for(&socket::dir()?, deck);
    let Settings { theme, keymap, .. } = settings;
    // The mouse is of no use here; the terminal's own selection is.
    let mut session = Session::enter(false)?;
    let (tx, rx) = mpsc::channel();
    read_keys(tx.clone());
    let id = socket::deck_id(deck);
    std::thread::Builder::new()
        .name("speaker-link".into())
        .spawn(move || follow(&path, &id, |l| tx.send(Input::Link(l)).is_ok()))?;
    let mut speaker = Speaker::new(deck, start);
    let mut room: Option<UnixStream> = None;
    let mut drawn: Option<((u16, u16), u64)> = None;
    let mut dirty = true;
    loop {
        match session.signal() {
            Signal::Stop(sig) => {
                leave(room.as_ref());
                drop(session);
                die_of(sig);
            }
            other => dirty |= session.follow(other)?,
        }
        let Some(size) = session.live_size() else {
            leave(room.as_ref());
            return Ok(());
        };
        let now = Instant::now();
        // One reading of the wall clock: the second that decides a redraw
        // is the one drawn.
        let wall = SystemTime::now();
        let second = wall
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if dirty || drawn != Some((size, second)) {
            let elapsed = speaker.elapsed(now);
            let clock = crate::speaker::clock::wall_clock(wall);
            let mut max_scroll = 0;
            session.draw(|f| {
                let area = f.area();
                max_scroll = crate::ui::speaker::draw(
                    f.buffer_mut(),
                    &theme,
                    area,
                    &speaker,
                    elapsed,
                    &clock,
                );
            })?;
            // Scrolled past the end (or the screen grew): draw again in place.
            if speaker.scroll > max_scroll {
                speaker.clamp_scroll(max_scroll);
                continue;
            }
            drawn = Some((size, second));
            dirty = false;
        }
        let input = match rx.recv_timeout(TICK) {
            Ok(i) => i,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(TICK);
                continue;
            }
        };
        dirty = true;
        match input {
            Input::Link(l) => {
                speaker.link(&l, Instant::now());
                match l {
                    Link::Joined(stream) => room = Some(stream),
                    Link::Ended | Link::Waiting => room = None,
                    Link::Frame(_) => {}
                }
            }
            Input::Key(Event::Key(k)) => {
                let Some(action) = action_for(&keymap, Mode::Speaker, k)
                    .or_else(|| action_for(&keymap, Mode::Present, k))
                else {
                    continue;
                };
                match speaker.key(action) {
                    Step::Nothing => {}
                    Step::Send(m) => {
                        // A room that went away is noticed by the link.
                        if let Some(r) = &room {
                            let _ = socket::send_all(r, format(&m).as_bytes());
                        }
                    }
                    Step::Leave => {
                        leave(room.as_ref());
                        return Ok(());
                    }
                    Step::Suspend => session.suspend()?,
                }
            }
            Input::Key(Event::Resize(..)) => {}
            Input::Key(_) => dirty = false,
        }
    }
}

/// Tells the room this speaker is leaving; the presentation goes on.
fn leave(room: Option<&UnixStream>) {
    if let Some(r) = room {
        let _ = socket::send_all(r, format(&Message::Quit).as_bytes());
    }
}

/// Reads terminal events on their own thread, as the explorer does, so the
/// loop waits for keys and the room's frames at once.
fn read_keys(tx: Sender<Input>) {
    super::read_events(tx, Input::Key, "speaker-keys");
}
