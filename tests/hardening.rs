//! Issue 11, as a user would meet it: hostile file names, arguments and text
//! never reach the terminal raw, and `... | head` ends quietly. Each test runs
//! the real binary.

mod common;

use common::{User, stderr, stdout};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What must never reach a terminal raw: ESC, BEL, 8-bit CSI/OSC/ST, bidi
/// override, Arabic letter mark, line separator, interlinear annotation.
const RAW: [char; 9] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{9d}', '\u{9c}', '\u{202e}', '\u{61c}', '\u{2028}', '\u{fff9}',
];

fn assert_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in RAW {
        assert!(
            !text.contains(c),
            "{what}: U+{:04X} reached the terminal in {text:?}",
            c as u32
        );
    }
}

fn run(user: &User, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(args)
        .env("TREATY_DATA_HOME", user.data())
        .env("NO_COLOR", "1")
        .output()
        .expect("the treaty binary runs")
}

fn os<'a>(args: &'a [&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(OsStr::new).collect()
}

/// The embedded corpus copied to a directory, with one source whose file
/// name and text are hostile.
fn hostile_corpus(root: &Path) -> (PathBuf, String) {
    let dir = root.join("corpus");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    for f in [
        "convention.json",
        "links.json",
        "concerns.json",
        "timeline.json",
    ] {
        std::fs::copy(data.join(f), dir.join(f)).expect("copy");
    }
    for e in std::fs::read_dir(data.join("sources")).expect("ls") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), dir.join("sources").join(e.file_name())).expect("copy");
    }
    let id = "evil\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}".to_string();
    std::fs::write(
        dir.join("sources").join(format!("{id}.md")),
        "---\ntitle: Title \u{9b}31m\u{202e}reversed\u{2028}x\n---\n\nArticle 23 says \u{1b}[31mred\u{1b}[0m and \u{9d}0;T\u{9c}\u{61c}\u{fff9}.\n",
    )
    .expect("write");
    (dir, id)
}

#[test]
fn case_8_file_names_and_text_of_a_data_corpus_reach_no_terminal_raw() {
    let user = User::new();
    let (dir, id) = hostile_corpus(user.home.path());
    let dir = dir.to_string_lossy().into_owned();
    let source = format!("source {id}");
    for args in [
        vec!["sources", "--data", &dir],
        vec!["sources", "--json", "--data", &dir],
        vec!["show", "23", "--data", &dir],
        vec!["show", "23", "--json", "--data", &dir],
        vec!["show", &source, "--data", &dir],
        vec!["refs", "23", "--data", &dir],
        vec!["refs", "23", "--json", "--data", &dir],
        vec!["search", "red", "--data", &dir],
        vec!["export", "--article", "23", "--data", &dir],
    ] {
        let o = run(&user, &os(&args));
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_safe(&format!("{args:?} stdout"), &o.stdout);
        assert_safe(&format!("{args:?} stderr"), &o.stderr);
    }
    // JSON keeps the exact id (escaped), so a program reading it loses nothing.
    let o = run(&user, &os(&["sources", "--json", "--data", &dir]));
    let j = common::json(&stdout(&o));
    let ids: Vec<&str> = j
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(ids.contains(&id.as_str()), "{ids:?}");
    // Text shows what a reader should see: the sequence gone, the words kept.
    let o = run(&user, &os(&["show", &source, "--data", &dir]));
    let out = stdout(&o);
    assert!(out.contains("says red and"), "{out}");
    assert!(!out.contains("[31m") && !out.contains("0;T"), "{out}");
}

#[test]
fn case_9_arguments_are_never_echoed_raw() {
    let user = User::new();
    let bad = "\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}";
    let missing = format!("/no/such/{bad}");
    let cases: Vec<Vec<&str>> = vec![
        vec!["show", bad],
        vec!["show", "23", bad],
        vec!["refs", bad],
        vec!["notes", "show", bad],
        vec!["bookmarks", "add", bad],
        vec!["bookmarks", "remove", bad],
        vec!["export", "--article", bad],
        vec!["export", "--chapter", bad],
        vec!["export", "--concern", bad],
        vec!["--source", bad],
        vec![bad],
        vec!["show", "23", "--data", &missing],
        vec!["scan", &missing],
        vec!["import", &missing],
        vec!["import", "--remove", bad],
        vec!["present", "--deck", bad],
        vec!["--theme", bad],
        vec!["bookmarks", bad],
        vec!["search", "x", "--limit", bad],
        vec![&missing, "--no-such-flag"],
    ];
    for args in cases {
        let o = run(&user, &os(&args));
        assert!(!o.status.success(), "{args:?} should fail");
        assert!(!o.stderr.is_empty(), "{args:?} says why");
        assert_safe(&format!("{args:?} stderr"), &o.stderr);
        assert_safe(&format!("{args:?} stdout"), &o.stdout);
    }
}

#[test]
fn case_9_wrote_path_names_the_file_safely() {
    let user = User::new();
    let dir = user.home.path().join("out");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let target = dir.join("brief \u{1b}]0;PWN\u{7}.md");
    let o = run(
        &user,
        &[
            OsStr::new("export"),
            OsStr::new("--article"),
            OsStr::new("23"),
            OsStr::new("-o"),
            target.as_os_str(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(target.exists());
    assert_safe("wrote PATH", &o.stdout);
    assert_safe("wrote PATH", &o.stderr);
}

#[test]
fn case_12_a_coloured_log_imports_as_its_words() {
    let user = User::new();
    let memo = user.home.path().join("log.txt");
    std::fs::write(
        &memo,
        "Build \u{1b}[1;31mfailed\u{1b}[0m under Article 23.\n\n\u{1b}]0;PWNED\u{7}Title set.\n\nUnclosed \u{1b}]0;junk\n",
    )
    .expect("write");
    let o = user.run(&["import", &memo.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = user.ok(&["show", "source", "log"]);
    assert!(shown.contains("Build failed under Article 23."), "{shown}");
    assert!(shown.contains("Title set."), "{shown}");
    assert!(
        !shown.contains("[1;31m") && !shown.contains("PWNED"),
        "{shown}"
    );
    assert!(!shown.contains("\u{fffd}]0;PWNED"), "{shown}");
    // An escape that never ends is one replaced character, the words kept.
    assert!(shown.contains("Unclosed \u{fffd}]0;junk"), "{shown}");
}

#[test]
fn case_15_a_closed_pipe_ends_quietly_with_0() {
    let user = User::new();
    for args in [
        &["export", "--chapter", "IV"][..],
        &["sources"][..],
        &["search", "article", "--json"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
            .args(args)
            .env("TREATY_DATA_HOME", user.data())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // The reader goes away before anything is written, as `head` does
        // once it has its lines.
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("ends");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}
