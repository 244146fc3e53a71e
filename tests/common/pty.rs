//! The real binary in a pseudo-terminal, for tests that need more than one
//! at a time (the speaker view and the room's presentation): keys in, the
//! screen out through a VT100 emulator, environment of the test's choosing.
//! Each run has its own data directory.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_treaty");

/// Longest wait for a screen to show what a test expects.
pub const WAIT: Duration = Duration::from_secs(15);

pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    _slave: Box<dyn portable_pty::SlavePty + Send>,
    _data: tempfile::TempDir,
}

impl Pty {
    /// `treaty ARGS` in a `cols` x `rows` terminal, with `env` set.
    pub fn start(args: &[&str], env: &[(&str, &Path)], cols: u16, rows: u16) -> Pty {
        let data = tempfile::tempdir().expect("tempdir");
        let nz = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TREATY_DATA_HOME", data.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("treaty starts");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Pty {
            screen,
            writer,
            child,
            _master: pair.master,
            _slave: pair.slave,
            _data: data,
        }
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen passes `test`; panics with the screen after
    /// [`WAIT`].
    pub fn until(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            let text = self.contents();
            if test(&text) {
                return text;
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
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("treaty did not exit; screen:\n{}", self.contents());
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
