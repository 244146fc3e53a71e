//! The speaker view (`treaty present … --speaker`): its screen as a user
//! sees it, and two real `treaty` processes in pseudo-terminals following
//! each other over the speaker link, either one driving.

#![cfg(unix)]

mod common;

use common::pty::Pty;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use treaty::speaker::follow::Link;
use treaty::speaker::notes::Frame;
use treaty::speaker::protocol::NoteKind;
use treaty::speaker::state::Speaker;
use treaty::ui::theme::Theme;

fn following(frame: Frame) -> Speaker {
    let mut s = Speaker::new(
        "Chapter IV. Procedural measures and law enforcement",
        "treaty present --deck \"chapter IV\"",
    );
    s.link(&Link::Frame(frame), Instant::now());
    s
}

fn article_24(blank: bool) -> Frame {
    Frame {
        number: 3,
        total: 13,
        blank,
        elapsed: 0,
        title: "Art. 24 · Conditions and safeguards".into(),
        upcoming: "Art. 25 · Expedited preservation of stored computer data".into(),
        notes: vec![
            (
                NoteKind::Mine,
                "Ask the room: who checks proportionality in practice?".into(),
            ),
            (NoteKind::Mine, String::new()),
            (NoteKind::Mine, "Then show para 14 of the MRA brief.".into()),
            (
                NoteKind::Why,
                "Zamora, para 10: names the safeguards of Art. 24 (judicial review, \
                 proportionality) without citing it"
                    .into(),
            ),
            (
                NoteKind::More,
                "Benítez-Mongelós, para 13 — cited as “Article 24”: “The safeguards are \
                 left to domestic law, which is the problem.”"
                    .into(),
            ),
        ],
    }
}

fn screen(s: &Speaker, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a terminal");
    let theme = Theme::new(Default::default(), false);
    t.draw(|f| {
        let area = f.area();
        treaty::ui::speaker::draw(f.buffer_mut(), &theme, area, s, Some(754), "14:05");
    })
    .expect("draws");
    common::text_of(t.backend().buffer())
}

#[test]
fn speaker_screen_80x24() {
    insta::assert_snapshot!(
        "speaker_80x24",
        screen(&following(article_24(false)), 80, 24)
    );
}

#[test]
fn the_blanked_room_shows_in_the_speaker_view_at_any_size() {
    for (w, h) in [(80, 24), (40, 12)] {
        let text = screen(&following(article_24(true)), w, h);
        assert!(text.contains("Room screen blanked"), "{w}x{h}:\n{text}");
        assert!(text.contains("Slide 3/13"), "{w}x{h}:\n{text}");
        let text = screen(&following(article_24(false)), w, h);
        assert!(!text.contains("blanked"), "{w}x{h}:\n{text}");
    }
}

// ---- two real processes ----

/// A private directory standing in for `$XDG_RUNTIME_DIR`.
fn runtime_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// `treaty present --deck "chapter IV"` in a 100x30 terminal, with `run` as
/// its runtime directory.
fn start_room(run: &Path) -> Pty {
    Pty::start(
        &["present", "--deck", "chapter IV"],
        &[("XDG_RUNTIME_DIR", run)],
        100,
        30,
    )
}

/// The speaker view of the same deck in an 80x24 terminal.
fn start_speaker(run: &Path) -> Pty {
    Pty::start(
        &["present", "--deck", "chapter IV", "--speaker"],
        &[("XDG_RUNTIME_DIR", run)],
        80,
        24,
    )
}

/// The speaker view's line `Next: …`, without the label.
fn next_title(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("Next: "))
        .unwrap_or_else(|| panic!("no Next: line in\n{screen}"))
        .trim()
        .to_string()
}

/// The speaker view's title row: the second line on screen.
fn title_row(screen: &str) -> String {
    screen.lines().nth(1).unwrap_or_default().trim().to_string()
}

#[test]
fn two_terminals_follow_each_other() {
    let run = runtime_dir();
    // The speaker first: no presentation yet, and it says so.
    let mut speaker = start_speaker(run.path());
    speaker.expect("No presentation of this deck is running");
    speaker.expect("treaty present --deck \"chapter IV\"");
    let mut room = start_room(run.path());
    let first = speaker.expect("Slide 1/");
    let total: String = first
        .split("Slide 1/")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .expect("a total")
        .to_string();
    room.expect(&format!("1/{total}"));

    // A key in the room's terminal: the speaker shows the next slide.
    let next = next_title(&first);
    room.send("\x1b[C");
    let second = speaker.until("slide 2 in the speaker view", |s| {
        s.contains(&format!("Slide 2/{total}")) && title_row(s) == next
    });

    // A key in the speaker's terminal: the room moves, and the speaker
    // shows what the room now shows.
    let next = next_title(&second);
    speaker.send(" ");
    room.expect(&format!("3/{total}"));
    speaker.until("slide 3 in the speaker view", |s| {
        s.contains(&format!("Slide 3/{total}")) && title_row(s) == next
    });
    // A slide number typed in the speaker view.
    speaker.send("1\r");
    room.expect(&format!("1/{total}"));

    // The room's presentation ends: the speaker says so and waits.
    room.send("q");
    assert!(room.wait_exit().success());
    speaker.expect("The presentation ended");
    speaker.send("q");
    assert!(speaker.wait_exit().success());
}

/// The deck's socket in the runtime directory, once the room listens.
fn socket_in(dir: &Path) -> PathBuf {
    let start = Instant::now();
    while start.elapsed() < common::pty::WAIT {
        let found = std::fs::read_dir(dir.join("treaty")).ok().and_then(|d| {
            d.flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "sock"))
        });
        if let Some(p) = found {
            return p;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    panic!("no socket in {}", dir.display());
}

/// Reads protocol lines until one satisfies `want`.
fn read_until(r: &mut impl BufRead, want: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        let n = r.read_line(&mut line).expect("reads");
        assert!(n > 0, "the room hung up; read {seen:?}");
        seen.push(line.trim_end().to_string());
        if line.trim_end() == want {
            return seen;
        }
    }
}

#[test]
fn the_room_takes_only_a_speaker_of_its_deck_and_mirrors_the_blank() {
    let run = runtime_dir();
    let mut room = start_room(run.path());
    room.expect("1/");
    let path = socket_in(run.path());
    let mode = std::fs::metadata(path.parent().expect("a directory"))
        .expect("there")
        .permissions();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777,
        0o700
    );
    // Garbage instead of a hello: dropped, and the room goes on.
    let mut bad = UnixStream::connect(&path).expect("connects");
    bad.write_all(b"\x1b[2J\xff\xfe goto 5\n").expect("writes");
    // Dropped: the read ends (at the end of the stream, or reset), rather
    // than waiting forever on a room that kept the connection.
    bad.set_read_timeout(Some(common::pty::WAIT))
        .expect("timeout");
    let mut rest = Vec::new();
    let read = std::io::Read::read_to_end(&mut bad, &mut rest);
    assert!(
        !read.as_ref().is_err_and(|e| matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )),
        "the room kept a connection that sent garbage: {read:?}"
    );
    assert!(rest.is_empty(), "{:?}", String::from_utf8_lossy(&rest));

    let deck = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("deck-"))
        .expect("deck-ID.sock")
        .to_string();
    let s = UnixStream::connect(&path).expect("connects");
    s.set_read_timeout(Some(common::pty::WAIT))
        .expect("timeout");
    let mut w = s.try_clone().expect("clone");
    let mut r = BufReader::new(s);
    w.write_all(format!("hello 1 {deck}\n").as_bytes())
        .expect("hello");
    let frame = read_until(&mut r, "end");
    assert!(frame[0].starts_with("slide 1 "), "{frame:?}");
    assert!(frame.contains(&"blank off".to_string()), "{frame:?}");
    // Unknown words are ignored; a known one is acted on.
    w.write_all(b"dance\ngoto 999999\nblank on\n")
        .expect("writes");
    let frame = read_until(&mut r, "end");
    assert!(frame.contains(&"blank on".to_string()), "{frame:?}");
    assert!(frame[0].starts_with("slide 1 "), "{frame:?}");
    w.write_all(b"goto 2\n").expect("writes");
    let frame = read_until(&mut r, "end");
    assert!(frame[0].starts_with("slide 2 "), "{frame:?}");
    // A blanked room shows nothing, not even its counter: bring it back.
    w.write_all(b"blank off\n").expect("writes");
    let frame = read_until(&mut r, "end");
    assert!(frame.contains(&"blank off".to_string()), "{frame:?}");
    room.until("slide 2 in the room", |s| s.contains("2/"));
    room.send("q");
    assert_eq!(
        read_until(&mut r, "quit").last().map(String::as_str),
        Some("quit")
    );
    assert!(room.wait_exit().success());
    assert!(!path.exists(), "the socket is removed when the room ends");
}

#[test]
fn a_stale_socket_does_not_stop_the_room_and_a_live_one_is_kept() {
    let run = runtime_dir();
    let dir = run.path().join("treaty");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .expect("chmod");
    // A room killed without a word leaves its socket: the next one takes
    // its place and a speaker follows it.
    let mut first = start_room(run.path());
    first.expect("1/");
    let path = socket_in(run.path());
    // A second room of the same deck while the first runs: it presents,
    // and says no speaker can follow it.
    let mut second = start_room(run.path());
    second.expect("No speaker view: another presentation of this deck");
    second.send("q");
    assert!(second.wait_exit().success());
    first.signal("-KILL");
    first.wait_exit();
    assert!(path.exists(), "a killed room leaves its socket behind");
    let mut room = start_room(run.path());
    room.expect("1/");
    let mut speaker = start_speaker(run.path());
    speaker.expect("Slide 1/");
    speaker.send("q");
    assert!(speaker.wait_exit().success());
    room.send("q");
    assert!(room.wait_exit().success());
}

#[test]
fn sigterm_on_the_room_tells_the_speaker_and_removes_the_socket() {
    let run = runtime_dir();
    let room = start_room(run.path());
    room.expect("1/");
    let path = socket_in(run.path());
    let mut speaker = start_speaker(run.path());
    speaker.expect("Slide 1/");
    room.signal("-TERM");
    speaker.expect("The presentation ended");
    assert!(!path.exists(), "the socket is removed");
    speaker.send("q");
    assert!(speaker.wait_exit().success());
}

#[test]
fn a_speaker_view_of_no_deck_or_without_a_terminal_says_so() {
    let user = common::User::new();
    let o = user.run(&["present", "--deck", "nonsense", "--speaker"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("no deck \"nonsense\""),
        "{}",
        common::stderr(&o)
    );
    let out = user.ok(&["present", "--deck", "chapter IV", "--speaker"]);
    assert!(
        out.contains("the speaker view needs a terminal")
            && out.contains("treaty present --deck \"chapter IV\""),
        "{out}"
    );
}
