//! The release binary in a real pseudo-terminal, timed from outside as a
//! user meets it: the generated sources are the user's library (the files
//! `treaty import` writes), `treaty 23` is started in a pseudo-terminal and
//! its output read through a VT100 emulator (`vt100`), bytes are written to
//! it as a terminal writes keys.
//!
//! - **First frame**: from just before the process is spawned to the moment
//!   the emulated screen shows Art. 23 with its footer; **links counted**:
//!   until the Cited by list is filled in (the link graph arrived).
//! - **Echo**: in the search overlay, the time from writing a key's byte to
//!   the moment the screen's input line shows it.
//! - **Complete**: from writing a key to the screen showing the complete
//!   result count for the query typed so far (not "searching…"), when that
//!   comes before the next key is due.
//! - **Peak memory**: VmHWM of the explorer process, read from
//!   `/proc/PID/status` before it quits, after every query was answered: the
//!   corpus, the link graph and the search index.
//!
//! The emulator's condition is checked by the thread that feeds it, right
//! after each chunk of output, so a time is the arrival of the chunk that
//! completed the screen.

use super::XorShift;
use crate::{MB, ms, percentiles};
use portable_pty::{Child, MasterPty};
use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// The tests' way of starting the binary on a pseudo-terminal; only its
// `spawn` is used here, the rest is the tests' harness.
#[allow(dead_code)]
#[path = "../../tests/common/pty.rs"]
mod harness;

/// Starts timed for the first frame; the median is reported.
const STARTS: usize = 5;
/// Terminal sizes the echo is measured at.
const SIZES: [(u16, u16); 2] = [(200, 60), (100, 30)];
/// Time between keys: 30 to 130 ms (80 ms on average, a fast typist).
const GAP_MS: (u64, u64) = (30, 130);
/// Longest wait for anything: a start at 100 MB on a loaded machine.
const PATIENCE: Duration = Duration::from_secs(120);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

type Test = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

/// The emulated screen, and the conditions waited for.
struct Shared {
    parser: vt100::Parser,
    watches: Vec<(Test, Sender<Instant>)>,
}

struct Term {
    shared: Arc<Mutex<Shared>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Term {
    fn spawn(data: &Path, cols: u16, rows: u16) -> std::io::Result<Term> {
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            watches: Vec::new(),
        }));
        let feed = Arc::clone(&shared);
        // The time of a watch is taken here, as each chunk is read: the
        // arrival of the chunk that completed the screen.
        let run = harness::spawn(
            &["23"],
            &[("TREATY_DATA_HOME", data)],
            cols,
            rows,
            move |bytes| {
                let Ok(mut s) = feed.lock() else { return };
                s.parser.process(bytes);
                let now = Instant::now();
                let Shared { parser, watches } = &mut *s;
                watches.retain(|(test, tx)| {
                    if test(parser.screen()) {
                        let _ = tx.send(now);
                        false
                    } else {
                        true
                    }
                });
            },
        )?;
        // Closed here, so that the reader ends when the program does.
        drop(run.slave);
        Ok(Term {
            shared,
            writer: run.writer,
            child: run.child,
            _master: run.master,
        })
    }

    /// A receiver told when the screen first satisfies `test` (at once if it
    /// does now).
    fn watch(&self, test: impl Fn(&vt100::Screen) -> bool + Send + 'static) -> Receiver<Instant> {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut s) = self.shared.lock() {
            if test(s.parser.screen()) {
                let _ = tx.send(Instant::now());
            } else {
                s.watches.push((Box::new(test), tx));
            }
        }
        rx
    }

    fn clear_watches(&self) {
        if let Ok(mut s) = self.shared.lock() {
            s.watches.clear();
        }
    }

    fn send(&mut self, bytes: &[u8]) -> Instant {
        let t = Instant::now();
        let _ = self.writer.write_all(bytes);
        let _ = self.writer.flush();
        t
    }

    fn contents(&self) -> String {
        self.shared
            .lock()
            .map(|s| s.parser.screen().contents())
            .unwrap_or_default()
    }

    /// Peak resident memory of the explorer process, in MB.
    fn peak_mb(&self) -> f64 {
        let Some(pid) = self.child.process_id() else {
            return f64::NAN;
        };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kb| kb * 1024.0 / MB as f64)
    }

    fn quit(mut self) {
        self.send(b"q");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Art. 23 and its footer are on screen: the first frame.
fn first_frame(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains("Art. 23") && c.contains("q quit")
}

/// The Cited by list is filled in: the link graph arrived.
fn links_counted(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains("Cited by (") && !c.contains("Cited by (…)")
}

/// The search overlay's input line, without its frame: `/ query`.
fn input_line(s: &vt100::Screen) -> Option<String> {
    let (_, cols) = s.size();
    s.rows(0, cols.get()).find_map(|row| {
        let inner = row.trim_start_matches('│');
        inner
            .starts_with("/ ")
            .then(|| inner.trim_end_matches([' ', '│']).to_string())
    })
}

/// The input line shows exactly `query` (an empty one shows its hint).
fn echoes(s: &vt100::Screen, query: &str) -> bool {
    input_line(s).is_some_and(|l| {
        l == format!("/ {query}").trim_end() || (query.is_empty() && l.starts_with("/ type to"))
    })
}

/// The results of `query` are complete on screen: its echo, and a count or
/// "no results" where "searching…" was.
fn complete(s: &vt100::Screen, query: &str) -> bool {
    if !echoes(s, query) {
        return false;
    }
    let c = s.contents();
    !c.contains("searching…")
        && !c.contains("indexing the corpus")
        && (c.contains(" results ─") || c.contains(" 1 result ─") || c.contains(" no results "))
}

pub fn run(mb: usize, seed: u64, short: &[&str], long: &[&str]) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pty bench: no temporary directory: {e}");
            return;
        }
    };
    let (files, bytes, _) = match super::explorer::write_library(dir.path(), mb, seed) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("pty bench: cannot write the library: {e}");
            return;
        }
    };
    println!(
        "\n## {mb} MB, the release binary in a pseudo-terminal: {files} library files, {:.1} MB",
        bytes as f64 / MB as f64
    );
    let mut firsts = Vec::new();
    let mut counted = Vec::new();
    for _ in 0..STARTS {
        let t = Instant::now();
        let term = match Term::spawn(dir.path(), 100, 30) {
            Ok(term) => term,
            Err(e) => {
                eprintln!("pty bench: cannot start treaty: {e}");
                return;
            }
        };
        let first = term.watch(first_frame);
        let links = term.watch(links_counted);
        match (first.recv_timeout(PATIENCE), links.recv_timeout(PATIENCE)) {
            (Ok(a), Ok(b)) => {
                firsts.push(a - t);
                counted.push(b - t);
            }
            _ => {
                eprintln!("pty bench: no first screen; screen:\n{}", term.contents());
                term.quit();
                return;
            }
        }
        term.quit();
    }
    firsts.sort();
    counted.sort();
    println!(
        "first frame at 100x30 (process start to Art. 23 on screen, median of {STARTS}): {:.0} ms (min {:.0}, max {:.0}); links counted after {:.0} ms",
        ms(firsts[STARTS / 2]),
        ms(firsts[0]),
        ms(firsts[STARTS - 1]),
        ms(counted[STARTS / 2]),
    );
    let mut rng = XorShift::new(seed ^ mb as u64 ^ 0x9e37);
    for (cols, rows) in SIZES {
        typing(dir.path(), mb, (cols, rows), short, long, &mut rng);
    }
}

/// Types the queries into the search overlay at one size; prints echo and
/// complete-results percentiles and the process's peak memory.
fn typing(
    data: &Path,
    mb: usize,
    (cols, rows): (u16, u16),
    short: &[&str],
    long: &[&str],
    rng: &mut XorShift,
) {
    let Ok(mut term) = Term::spawn(data, cols, rows) else {
        eprintln!("pty bench: cannot start treaty");
        return;
    };
    let ready = term.watch(links_counted);
    if ready.recv_timeout(PATIENCE).is_err() {
        eprintln!("pty bench: no links at {cols}x{rows}:\n{}", term.contents());
        term.quit();
        return;
    }
    // Open search and wait for the index: the first query's results.
    let shown = term.watch(|s| input_line(s).is_some());
    term.send(b"/");
    let _ = shown.recv_timeout(PATIENCE);
    let warm = term.watch(|s| complete(s, "a"));
    term.send(b"a");
    if warm.recv_timeout(PATIENCE).is_err() {
        eprintln!("pty bench: search never answered:\n{}", term.contents());
        term.quit();
        return;
    }
    let cleared = term.watch(|s| echoes(s, ""));
    term.send(b"\x15");
    let _ = cleared.recv_timeout(PATIENCE);

    let mut echo = Vec::new();
    let mut done = Vec::new();
    let mut late = 0;
    let mut lost = 0;
    for query in short.iter().chain(long) {
        let mut typed = String::new();
        for ch in query.chars() {
            typed.push(ch);
            let gap =
                Duration::from_millis(GAP_MS.0 + rng.below((GAP_MS.1 - GAP_MS.0) as usize) as u64);
            let want = typed.clone();
            let seen = term.watch(move |s| echoes(s, &want));
            let want = typed.clone();
            let finished = term.watch(move |s| complete(s, &want));
            let mut buf = [0u8; 4];
            let sent = term.send(ch.encode_utf8(&mut buf).as_bytes());
            let due = sent + gap;
            match seen.recv_timeout(PATIENCE) {
                Ok(at) => echo.push(at - sent),
                Err(_) => lost += 1,
            }
            match finished.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(at) => done.push(at - sent),
                Err(_) => late += 1,
            }
            term.clear_watches();
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
        }
        let cleared = term.watch(|s| echoes(s, ""));
        term.send(b"\x15");
        let _ = cleared.recv_timeout(PATIENCE);
        std::thread::sleep(Duration::from_millis(GAP_MS.1));
    }
    let peak = term.peak_mb();
    let max = echo.iter().max().copied().unwrap_or_default();
    println!(
        "{cols}x{rows}, {} keys: echo {} | max {:.1} ms{}",
        echo.len() + lost,
        percentiles(echo),
        ms(max),
        if lost > 0 {
            format!(" ({lost} never echoed)")
        } else {
            String::new()
        }
    );
    println!(
        "{cols}x{rows}: complete results on screen {} ({late} keys not complete before the next key)",
        percentiles(done)
    );
    println!(
        "{cols}x{rows}: explorer peak memory (VmHWM, corpus + link graph + index, after the queries): {peak:.0} MB = {:.2}x the {mb} MB corpus",
        peak / mb as f64
    );
    term.quit();
}
