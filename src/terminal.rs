//! The full-screen terminal: entering raw mode, the alternate screen and mouse
//! capture, and putting the terminal back however the explorer ends: normal
//! exit, error, panic, every signal that would end the process (TERM, HUP,
//! INT, QUIT, USR1, USR2, ALRM, PIPE), and around Ctrl-Z.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use std::cell::RefCell;
use std::io::{BufWriter, Stdout, Write, stdout};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A frame, with the cursor shown or hidden after it, is gathered in memory
/// and written with one `write` by [`Session::draw`] (unbuffered, a frame
/// took 11-19 writes; ratatui flushes after the frame and again after each
/// cursor change, so its flushes are only noted here).
#[derive(Clone)]
pub struct FrameWriter(Rc<RefCell<Option<BufWriter<Stdout>>>>);

impl FrameWriter {
    fn new() -> Self {
        let out = BufWriter::with_capacity(FRAME_BUFFER, stdout());
        FrameWriter(Rc::new(RefCell::new(Some(out))))
    }

    /// Writes what was gathered.
    fn send(&self) -> std::io::Result<()> {
        match self.0.borrow_mut().as_mut() {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }

    /// Forgets what was gathered and writes nothing more: a frame cut short
    /// (a panic while drawing) is not written after the terminal was
    /// restored.
    fn discard(&self) {
        if let Some(w) = self.0.borrow_mut().take() {
            let _ = w.into_parts();
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.borrow_mut().as_mut() {
            Some(w) => w.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub type Backend = CrosstermBackend<FrameWriter>;

/// Room for a whole frame of a large terminal with its colours.
const FRAME_BUFFER: usize = 1 << 20;

/// The signals that end the process by default and that a handler may catch.
const ENDING: [i32; 8] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
];

/// Signals the event loop checks between events.
struct Signals {
    /// The number of a terminating signal received, 0 if none.
    stop: Arc<AtomicUsize>,
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: we were stopped and continued; the terminal needs us again.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> std::io::Result<Self> {
        let s = Signals {
            stop: Arc::new(AtomicUsize::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        // Every signal whose default action ends the process and that may be
        // caught: left to its default, it would leave the terminal in raw
        // mode on the alternate screen with the mouse captured.
        for sig in ENDING {
            signal_hook::flag::register_usize(sig, Arc::clone(&s.stop), sig as usize)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&s.suspend))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&s.resumed))?;
        Ok(s)
    }
}

/// What the event loop must do about signals received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    None,
    /// Restore the terminal, then end as the signal would have.
    Stop(i32),
    Suspend,
    /// Continued after a stop we did not arrange: set the terminal up again.
    Resumed,
}

/// The terminal while the explorer owns it. Dropping it restores the terminal.
pub struct Session {
    pub terminal: Terminal<Backend>,
    /// The terminal's output, shared with its backend: written once a frame.
    frames: FrameWriter,
    mouse: bool,
    signals: Signals,
    /// stdin and stdout, those of them that were terminals at the start.
    ttys: Vec<i32>,
}

static PANIC_HOOK: Once = Once::new();

/// A panic restores the terminal first, so its message lands on the normal
/// screen where the user can read it.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

fn enter_modes(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    let mut out = stdout();
    // Bracketed paste: a paste arrives as one text event, never as keys.
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as the shell expects it. Safe to call more than
/// once and from a panic hook: every step is tried, errors are ignored.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

impl Session {
    pub fn enter(mouse: bool) -> anyhow::Result<Self> {
        install_panic_hook();
        let signals = Signals::register()?;
        // From here on any failure must still restore what was entered.
        let guard = RestoreOnDrop;
        enter_modes(mouse)?;
        let frames = FrameWriter::new();
        let terminal = Terminal::new(CrosstermBackend::new(frames.clone()))?;
        let ttys = [libc::STDIN_FILENO, libc::STDOUT_FILENO]
            .into_iter()
            .filter(|fd| is_tty(*fd))
            .collect();
        let mut session = Session {
            terminal,
            frames,
            mouse,
            signals,
            ttys,
        };
        session.wipe()?;
        std::mem::forget(guard);
        Ok(session)
    }

    /// Draws a frame and writes it, cursor included, with one `write`.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> std::io::Result<()> {
        self.terminal.draw(render)?;
        self.frames.send()
    }

    /// Clears the screen and forgets what was drawn, so the next frame is
    /// drawn whole. (`Terminal::clear` would ask the terminal where its cursor
    /// is, which some terminals never answer.)
    fn wipe(&mut self) -> std::io::Result<()> {
        let (w, h) = self.size();
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, w, h))?;
        self.frames.send()
    }

    /// The terminal's size (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        ratatui::crossterm::terminal::size().unwrap_or((0, 0))
    }

    /// The size, or `None` when the terminal is gone: its window closed
    /// without a SIGHUP reaching us (tmux kill-server does this), after which
    /// every read is end-of-file and the event loop would spin forever.
    pub fn live_size(&self) -> Option<(u16, u16)> {
        if self.ttys.iter().any(|fd| hung_up(*fd)) {
            return None;
        }
        ratatui::crossterm::terminal::size().ok()
    }

    pub fn signal(&self) -> Signal {
        let stop = self.signals.stop.swap(0, Ordering::SeqCst);
        if stop != 0 {
            return Signal::Stop(stop as i32);
        }
        if self.signals.suspend.swap(false, Ordering::SeqCst) {
            return Signal::Suspend;
        }
        if self.signals.resumed.swap(false, Ordering::SeqCst) {
            return Signal::Resumed;
        }
        Signal::None
    }

    /// Deals with a suspend or a continue; true when the screen must be
    /// drawn again. A stop is the caller's to end on (it saves first).
    pub fn follow(&mut self, signal: Signal) -> anyhow::Result<bool> {
        match signal {
            Signal::Suspend => self.suspend()?,
            Signal::Resumed => self.resume()?,
            Signal::Stop(_) | Signal::None => return Ok(false),
        }
        Ok(true)
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
    pub fn suspend(&mut self) -> anyhow::Result<()> {
        restore();
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        // Continued: our own SIGCONT flag is set too; this resume handles it.
        self.resume()
    }

    /// Enters the modes again and forces the next frame to be drawn whole.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        self.signals.resumed.store(false, Ordering::SeqCst);
        enter_modes(self.mouse)?;
        self.wipe()?;
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.frames.discard();
        restore();
    }
}

struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether `fd` is a terminal (asked once, when the session starts: a
/// terminal that hung up no longer answers as one).
fn is_tty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor number.
    unsafe { libc::isatty(fd) == 1 }
}

/// Whether the other end of `fd`, a terminal, has closed.
fn hung_up(fd: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: poll reads and writes the one pollfd passed by pointer, which
    // lives on this stack frame for the call; a zero timeout never blocks.
    let ready = unsafe { libc::poll(&mut p, 1, 0) };
    ready == 1 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// After the terminal is restored, ends the process the way `signal` would
/// have, so the shell sees the right status.
pub fn die_of(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

#[cfg(test)]
mod tests {
    use super::{hung_up, is_tty};

    #[test]
    fn a_terminal_whose_window_closed_reads_as_hung_up() {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors into the locals; the null
        // name, termios and winsize pointers are allowed.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(opened, 0, "a pseudo-terminal");
        assert!(is_tty(slave));
        assert!(!hung_up(slave), "an open terminal is not hung up");
        // SAFETY: closing descriptors this test opened and owns.
        unsafe { libc::close(master) };
        assert!(hung_up(slave), "closing the terminal's window hangs it up");
        unsafe { libc::close(slave) };
    }
}
