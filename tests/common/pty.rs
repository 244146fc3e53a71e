//! The real binary in a pseudo-terminal: keys in, the screen out through a
//! VT100 emulator, environment of the test's choosing, one or more at a time
//! (the speaker view and the room's presentation). Each run has its own data
//! directory. The benchmarks start the binary through [`spawn`] too (they
//! include this file by path), with their own reader of its output.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_treaty");

/// Longest wait for a screen to show what a test expects.
pub const WAIT: Duration = Duration::from_secs(15);

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// A `treaty` process on a pseudo-terminal of its own.
pub struct Spawned {
    pub child: Box<dyn Child + Send + Sync>,
    /// Bytes written here reach the program as typed keys.
    pub writer: Box<dyn Write + Send>,
    pub master: Box<dyn MasterPty + Send>,
    /// The terminal's other end: while it is open, the reader does not see
    /// the end of the output when the program exits.
    pub slave: Box<dyn SlavePty + Send>,
}

/// `treaty ARGS` in a new `cols` x `rows` pseudo-terminal, with `TERM` and
/// `env` set; a thread hands each chunk the program writes to `feed`, in
/// order, as it arrives (so a benchmark can time it), until the terminal
/// closes.
pub fn spawn(
    args: &[&str],
    env: &[(&str, &Path)],
    cols: u16,
    rows: u16,
    mut feed: impl FnMut(&[u8]) + Send + 'static,
) -> std::io::Result<Spawned> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(std::io::Error::other)?;
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair
        .slave
        .spawn_command(cmd)
        .map_err(std::io::Error::other)?;
    let mut reader = pair
        .master
        .try_clone_reader()
        .map_err(std::io::Error::other)?;
    let writer = pair.master.take_writer().map_err(std::io::Error::other)?;
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed(&buf[..n]);
        }
    });
    Ok(Spawned {
        child,
        writer,
        master: pair.master,
        slave: pair.slave,
    })
}

pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept open so the terminal stays there to be inspected after exit.
    _slave: Box<dyn SlavePty + Send>,
    /// The run's own data directory (bookmarks, the last place kept on
    /// quit); `None` only once [`Pty::into_data`] took it.
    data: Option<tempfile::TempDir>,
}

impl Pty {
    /// `treaty ARGS` in a `cols` x `rows` terminal, with `env` set.
    pub fn start(args: &[&str], env: &[(&str, &Path)], cols: u16, rows: u16) -> Pty {
        Self::start_in(tempfile::tempdir().expect("tempdir"), args, env, cols, rows)
    }

    /// As `start`, with `data` (which may hold bookmarks or a last place
    /// already) as the data directory.
    pub fn start_in(
        data: tempfile::TempDir,
        args: &[&str],
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let feed = Arc::clone(&screen);
        let mut all_env = vec![("TREATY_DATA_HOME", data.path())];
        all_env.extend_from_slice(env);
        let run = spawn(args, &all_env, cols, rows, move |bytes| {
            if let Ok(mut p) = feed.lock() {
                p.process(bytes);
            }
        })
        .expect("treaty starts in a pseudo-terminal");
        Pty {
            screen,
            writer: run.writer,
            child: run.child,
            master: run.master,
            _slave: run.slave,
            data: Some(data),
        }
    }

    pub fn contents(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// `f` of the emulated screen as it is now (its modes as well as its
    /// text).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        let p = self.screen.lock().expect("the screen");
        f(p.screen())
    }

    /// Waits until the screen's text passes `test`, and returns that text;
    /// panics with the screen after [`WAIT`].
    pub fn until(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        self.poll(WAIT, what, |s| {
            let text = s.contents();
            test(&text).then_some(text)
        })
    }

    /// As `until`, testing the whole screen (its modes as well as its text).
    pub fn until_screen(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        self.until_screen_within(WAIT, what, test)
    }

    /// As `until_screen`, waiting up to `wait`.
    pub fn until_screen_within(
        &self,
        wait: Duration,
        what: &str,
        test: impl Fn(&vt100::Screen) -> bool,
    ) {
        self.poll(wait, what, |s| test(s).then_some(()))
    }

    /// The first `Some` of `test` on the screen, tried every 30 ms for up to
    /// `wait`; panics with the screen after that.
    fn poll<T>(&self, wait: Duration, what: &str, test: impl Fn(&vt100::Screen) -> Option<T>) -> T {
        let start = Instant::now();
        while start.elapsed() < wait {
            if let Some(found) = self.with_screen(&test) {
                return found;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    pub fn expect(&self, text: &str) -> String {
        self.until(text, |s| s.contains(text))
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("typing");
        self.writer.flush().expect("typing");
    }

    /// Sends `signal` (`-TERM`, `-KILL`) to the program, as `kill` does.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a process id").to_string();
        let ok = std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill runs");
        assert!(ok.success());
    }

    /// Waits for the program to end; its exit status.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader take in the last bytes written.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("treaty did not exit; screen:\n{}", self.contents());
    }

    /// The terminal resized to `cols` x `rows`, as a window is: the program
    /// is told, and the emulator takes the new size.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        if let Ok(mut p) = self.screen.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
    }

    /// The terminal's line settings, as `stty -a` prints them.
    pub fn stty(&self) -> String {
        let tty = self.master.tty_name().expect("the terminal's name");
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()
            .expect("stty runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The run's data directory.
    pub fn data(&self) -> &Path {
        self.data.as_ref().expect("the data directory").path()
    }

    /// The run's data directory, kept for another run after this one.
    pub fn into_data(mut self) -> tempfile::TempDir {
        self.data.take().expect("the data directory")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A test that failed half-way leaves no treaty running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
