//! The real binary in a pseudo-terminal: keys in, screen out (read through a
//! VT100 emulator), and the terminal put back after quitting, SIGTERM and
//! Ctrl-Z.

#![cfg(unix)]

mod common;

use common::pty::{Pty, WAIT};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_treaty");

/// `treaty ARGS` in a `cols` x `rows` terminal, with a data directory of its
/// own: bookmarks and the last place kept on quit never touch the user's,
/// nor leak from one test to the next.
fn start(args: &[&str], cols: u16, rows: u16) -> Pty {
    Pty::start(args, &[], cols, rows)
}

/// Waits until the link graph, built after the first frame, is shown: an
/// article's Cited by list no longer says it is counting links.
fn expect_links(run: &Pty) {
    run.until("the link graph", |c| {
        c.contains("Cited by") && !c.contains(treaty::refs::graph::PENDING_NOTE)
    });
}

/// Raw mode off, main screen back, cursor shown, mouse not captured.
fn assert_restored(run: &Pty) {
    let settings = run.stty();
    let words: Vec<&str> = settings.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "raw mode still on: {settings}"
    );
    run.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "cursor still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still captured"
        );
    });
}

#[test]
fn keys_drive_the_real_binary_and_q_restores_the_terminal() {
    let mut run = start(&["23"], 100, 30);
    run.expect("Cited by");
    run.expect("Chapter IV > Art. 23 Scope of procedural measures");
    // Tab below walks the Cited by list, which fills in after the first frame.
    expect_links(&run);
    run.with_screen(|s| {
        assert!(s.alternate_screen());
        assert!(s.hide_cursor());
        assert_ne!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    assert!(
        run.stty().split_whitespace().any(|w| w == "-icanon"),
        "raw mode on while running"
    );
    // Tab to the first "Cited by" entry, follow it, then come back.
    run.send("\t");
    run.expect("▶ Cited by");
    run.send("\r");
    run.expect("Links of ¶");
    run.send("\x7f");
    run.expect("Chapter IV > Art. 23");
    // The go-to prompt, with an error in the footer.
    run.send(":69\r");
    run.expect("article 69 does not exist: the articles run from 1 to 68");
    run.send(":IV\r");
    run.expect("Cited by the chapter as a whole");
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&run);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut run = start(&["--no-mouse", "IV"], 100, 30);
    run.expect("Chapter IV. Procedural measures");
    run.with_screen(|s| {
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "--no-mouse"
        );
    });
    run.signal("-TERM");
    let status = run.wait_exit();
    assert!(!status.success(), "ends as SIGTERM would: {status:?}");
    assert_restored(&run);
}

#[test]
fn sighup_restores_the_terminal() {
    let mut run = start(&[], 80, 24);
    // The first launch opens on the start screen.
    run.expect("Start here");
    run.signal("-HUP");
    run.wait_exit();
    assert_restored(&run);
}

/// Issue 11, case 14: QUIT and USR1 left the alternate screen, mouse
/// reporting, a hidden cursor and raw mode behind; so would USR2, ALRM and
/// PIPE.
#[test]
fn every_ending_signal_restores_the_terminal() {
    for sig in ["-QUIT", "-USR1", "-USR2", "-ALRM", "-PIPE"] {
        let mut run = start(&["23"], 80, 24);
        run.expect("Art. 23");
        run.signal(sig);
        let status = run.wait_exit();
        assert!(
            !status.success(),
            "{sig}: ends as the signal would: {status:?}"
        );
        assert_restored(&run);
    }
}

#[test]
fn ctrl_z_suspends_and_continuing_redraws_fully() {
    let mut run = start(&["--no-mouse", "23"], 90, 26);
    run.expect("Cited by");
    run.send("\x1a");
    run.until_screen("the main screen while suspended", |s| !s.alternate_screen());
    assert!(
        run.stty().split_whitespace().any(|w| w == "icanon"),
        "cooked while suspended"
    );
    // Continue, as `fg` does: going back to the alternate screen clears it,
    // so what shows next is a full redraw, not a diff against the old frame.
    run.signal("-CONT");
    run.until_screen("the explorer back", |s| s.alternate_screen());
    run.expect("Chapter IV > Art. 23 Scope of procedural measures");
    run.expect("Cited by");
    run.send("q");
    run.wait_exit();
    assert_restored(&run);
}

#[test]
fn a_resize_lays_out_again_at_once() {
    let mut run = start(&["--no-mouse", "23"], 100, 30);
    run.expect("Outline");
    run.resize(60, 20);
    run.until_screen("the outline to collapse", |s| {
        let c = s.contents();
        !c.contains("Outline") && c.contains("Cited by")
    });
    run.send("q");
    run.wait_exit();
    assert_restored(&run);
}

/// tmux kill-server closes the terminal without a SIGHUP reaching the
/// program; it must still end (it once spun at full CPU forever).
#[test]
fn the_explorer_ends_when_its_terminal_window_closes() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("tmux is not installed: this check needs it and was skipped");
        return;
    }
    let socket = format!("treaty-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let data = tempfile::tempdir().expect("tempdir");
    let started = tmux(&[
        "new-session",
        "-d",
        "-x",
        "80",
        "-y",
        "24",
        "env",
        &format!("TREATY_DATA_HOME={}", data.path().display()),
        BIN,
    ]);
    assert!(started.status.success(), "{started:?}");
    let pid = String::from_utf8_lossy(&tmux(&["display-message", "-p", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    assert!(!pid.is_empty(), "tmux names the pane's process");
    // Running, not a zombie waiting to be reaped (PID 1 may never reap it).
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit(')').next().map(|r| r.trim_start().to_string()))
            .is_some_and(|rest| !rest.starts_with('Z') && !rest.starts_with('X'))
    };
    let start = Instant::now();
    let mut screen = String::new();
    while start.elapsed() < WAIT {
        screen = String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).into_owned();
        if screen.contains("Start here") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // It must be up and drawing, or its ending proves nothing.
    let came_up = alive() && screen.contains("Start here");
    tmux(&["kill-server"]);
    assert!(
        came_up,
        "the explorer (pid {pid}) never came up in tmux:\n{screen}"
    );
    let start = Instant::now();
    while alive() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let still = alive();
    if still {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status();
    }
    assert!(
        !still,
        "treaty (pid {pid}) kept running after its terminal closed"
    );
}

/// A paste is text in the field being typed in, never keys: pasting
/// "article 23", a line break and "Bdddd" into search neither opens a result
/// (Enter) nor goes to the bookmarks (B) to remove four (d).
#[test]
fn a_paste_into_search_is_text_and_never_keys() {
    let data = tempfile::tempdir().expect("tempdir");
    for place in ["23", "24"] {
        common::ok(data.path(), &["bookmarks", "add", place]);
    }
    let mut run = Pty::start_in(data, &["--no-mouse", "23"], &[], 100, 30);
    run.expect("Cited by");
    run.send("/");
    run.expect("Search");
    run.send("\x1b[200~article 23\nBdddd\x1b[201~");
    run.expect("article 23 Bdddd");
    let s = run.contents();
    assert!(
        !s.contains("Bookmarks ("),
        "the paste opened the bookmarks:\n{s}"
    );
    // Esc closes the search; the bookmarks are both still there.
    run.send("\x1b");
    run.until_screen("the search to close", |s| {
        !s.contents().contains("Search [")
    });
    run.send("B");
    run.expect("Bookmarks (2)");
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&run);
    let list = common::ok(run.data(), &["bookmarks", "list", "--json"]);
    assert!(list.contains("23") && list.contains("24"), "{list}");
}

/// Issue 16: the first launch opens on the start screen, which says what
/// treaty is and what to do; quitting on a paragraph and starting again
/// reopens on that paragraph.
#[test]
fn the_first_launch_shows_the_start_and_quitting_reopens_exactly() {
    let mut run = start(&["--no-mouse"], 80, 24);
    run.expect("Start here");
    let first = run.contents();
    for what in [
        "United Nations Convention against Cybercrime",
        ":  go to an article",
        "/  search",
    ] {
        assert!(first.contains(what), "{what}:\n{first}");
    }
    run.send(":zamora\r");
    run.expect("Zamora · ¶ 1 of");
    for _ in 0..5 {
        run.send("\x1b[B");
    }
    run.expect("Zamora · ¶ 6 of");
    run.send("q");
    run.wait_exit();
    let data = run.into_data();
    let mut again = Pty::start_in(data, &["--no-mouse"], &[], 80, 24);
    again.expect("Zamora · ¶ 6 of");
    assert!(!again.contents().contains("Start here"));
    again.send("q");
    again.wait_exit();
    assert_restored(&again);
}

/// Issue 16: `treaty PLACE` lands on a paragraph or a concern.
#[test]
fn treaty_place_lands_on_a_paragraph_or_a_concern() {
    let mut run = start(&["--no-mouse", "zamora#10"], 100, 30);
    run.expect("Zamora · ¶ 10 of");
    run.send("q");
    run.wait_exit();
    let mut run = start(&["--no-mouse", "dual-criminality"], 100, 30);
    run.expect("Dual criminality");
    run.expect("Concerns");
    run.send("q");
    run.wait_exit();
}

/// A 20 MB memo imported with `i` is read on a worker: the footer shows how
/// far it has come, and a key typed meanwhile is answered while the import
/// is still running; at the end the memo opens.
#[test]
fn a_large_import_runs_in_the_background_with_a_progress_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memo = dir.path().join("big memo.md");
    let mut text = String::from("---\ntitle: A very long memo\n---\n\n");
    let mut n = 0;
    while text.len() < 20 << 20 {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n} weighs the safeguards of Article {} against the reach of the \
             procedural powers, and asks how a court would review each order.\n\n",
            n % 68 + 1
        ));
    }
    std::fs::write(&memo, &text).expect("the memo is written");
    drop(text);
    let mut run = start(&["23"], 100, 30);
    run.expect("Chapter IV > Art. 23 Scope of procedural measures");
    run.send("i");
    run.expect("Import file:");
    run.send(&format!("{}\r", memo.display()));
    run.until_screen("the progress line", |s| {
        let c = s.contents();
        c.contains("Importing big memo.md") && c.contains("% of 20 MB")
    });
    // A key while importing: the next article shows, and the import has not
    // ended (its line is still there, no "Imported" yet).
    run.send("]");
    run.until_screen("Article 24 while the import runs", |s| {
        let c = s.contents();
        c.contains("Article 24 · Conditions and safeguards")
            && c.contains("Importing big memo.md")
            && !c.contains("Imported 'big-memo'")
    });
    // The end: the memo opens, the footer says what was imported.
    run.until_screen_within(Duration::from_secs(400), "the end of the import", |s| {
        s.contents().contains("Imported 'big-memo'")
    });
    run.expect("Source: A very long memo (yours)");
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&run);
}
