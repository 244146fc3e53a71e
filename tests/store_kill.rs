//! Saving survives `kill -9`: processes are killed at random moments while
//! they save bookmarks, many times over, and the file must always parse and
//! hold either the state before the save or the state after it.
//!
//! Set `STORE_KILL_SEED` to replay a run; the seed is printed on failure.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use treaty::user::{ItemRef, UserData};

/// Small, seedable, good enough to spread kill times (xorshift64*).
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = std::env::var("STORE_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("STORE_KILL_SEED={seed}");
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `lo..hi` microseconds.
    fn micros(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_micros(lo + self.next() % (hi - lo).max(1))
    }
}

/// The bookmarks on disk; `None` when there is no file yet. Panics (the test
/// fails) when the file does not parse.
fn on_disk(home: &Path) -> Option<Vec<String>> {
    let bytes = match std::fs::read(home.join("bookmarks.json")) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("cannot read bookmarks.json: {e}"),
    };
    match serde_json::from_slice(&bytes) {
        Ok(v) => Some(v),
        Err(e) => panic!(
            "bookmarks.json is broken ({e}): {:?}",
            String::from_utf8_lossy(&bytes)
        ),
    }
}

fn no_corrupt_backups(home: &Path) {
    let backups: Vec<String> = std::fs::read_dir(home)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert!(
        backups.is_empty(),
        "a reader found a corrupt file: {backups:?}"
    );
}

fn kill(mut child: Child) {
    // SIGKILL on Unix; an error only means it had already exited.
    let _ = child.kill();
    let _ = child.wait();
}

fn treaty_cli(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_treaty"));
    c.args(args)
        .env("TREATY_DATA_HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// The real binary, killed at random points of `bookmarks add` / `remove`:
/// each run makes one change, so the file holds the old list or the new one.
#[test]
fn the_cli_killed_while_saving_leaves_the_old_or_the_new_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let mut rng = Rng::new();

    // How long one whole run takes here, so kills spread over all of it and
    // most land late, where the save happens.
    let mut runs = Vec::new();
    for n in ["1", "2", "3"] {
        let start = Instant::now();
        let status = treaty_cli(home, &["bookmarks", "add", n])
            .status()
            .expect("runs");
        assert!(status.success());
        runs.push(start.elapsed());
    }
    runs.sort();
    let run = runs[1].as_micros() as u64;

    let mut old = on_disk(home).unwrap_or_default();
    let (mut kept_old, mut got_new) = (0, 0);
    for _ in 0..100 {
        let n = 1 + rng.next() % 8;
        let item = format!("article:{n}");
        let (action, new) = if old.contains(&item) {
            let new: Vec<String> = old.iter().filter(|i| **i != item).cloned().collect();
            ("remove", new)
        } else {
            let mut new = old.clone();
            new.push(item.clone());
            ("add", new)
        };
        let child = treaty_cli(home, &["bookmarks", action, &item])
            .spawn()
            .expect("spawn");
        std::thread::sleep(rng.micros(run / 3, run + run / 5));
        kill(child);
        let now = on_disk(home).unwrap_or_default();
        assert!(
            now == old || now == new,
            "after a killed `{action} {item}`: {now:?} is neither {old:?} nor {new:?}"
        );
        if now == new {
            got_new += 1;
        } else {
            kept_old += 1;
        }
        old = now;
    }
    no_corrupt_backups(home);
    eprintln!("{kept_old} runs killed before saving, {got_new} after");
    assert!(
        got_new > 0,
        "no killed run ever saved: the kills came too early"
    );
}

const CHILD_ENV: &str = "TREATY_STORE_KILL_CHILD";

/// Not a test on its own: the writer process of the test below, which runs
/// this test binary again with `CHILD_ENV` set (and `--ignored`). It saves in
/// a tight loop through the library, keeping the list a prefix
/// `article:1..=m`.
#[test]
#[ignore = "the writer process of a_writer_killed_mid_save_never_leaves_a_broken_file"]
fn store_kill_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut user, _) = UserData::load_from(Path::new(&dir));
    loop {
        let m = user.bookmarks().len();
        if m >= 20 {
            for k in (1..=m).rev() {
                user.remove_bookmark(&ItemRef::article(k as u8))
                    .expect("remove");
            }
        } else {
            user.add_bookmark(&ItemRef::article(m as u8 + 1))
                .expect("add");
        }
        user.save_last_place(format!("article:{}", m + 1))
            .expect("session");
    }
}

/// A process saving as fast as it can, killed after a random few ms, again
/// and again: every kill lands somewhere inside a save or between two.
#[test]
fn a_writer_killed_mid_save_never_leaves_a_broken_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let mut rng = Rng::new();
    let exe = std::env::current_exe().expect("test binary");
    let writer = || {
        Command::new(&exe)
            .args([
                "store_kill_child_writer",
                "--exact",
                "--ignored",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, home)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    };
    // How long the writer takes to make its first save on this machine, so
    // the kills land while it is saving, not before it starts.
    let start = Instant::now();
    let first = writer();
    while !home.join("bookmarks.json").exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_micros(200));
    }
    let startup = start.elapsed().as_micros() as u64;
    kill(first);
    let mut saw = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let child = writer();
        std::thread::sleep(rng.micros(startup / 2, startup + 15_000));
        kill(child);
        let now = on_disk(home).unwrap_or_default();
        let prefix: Vec<String> = (1..=now.len()).map(|k| format!("article:{k}")).collect();
        assert_eq!(now, prefix, "not a state the writer ever saved");
        saw.insert(now.len());
        let session = std::fs::read(home.join("session.json")).unwrap_or_else(|_| b"{}".to_vec());
        assert!(
            serde_json::from_slice::<serde_json::Value>(&session).is_ok(),
            "session.json is broken: {:?}",
            String::from_utf8_lossy(&session)
        );
    }
    no_corrupt_backups(home);
    assert!(saw.len() > 1, "the writer hardly ran: {saw:?}");
    let leftovers = std::fs::read_dir(home)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    eprintln!(
        "{} states seen; {leftovers} temp files left by killed saves",
        saw.len()
    );
    // Each save sweeps the temps of writers that died, so only the last
    // killed writer's (one per file it saves) can remain.
    assert!(leftovers <= 2, "{leftovers} stale temp files pile up");
}
