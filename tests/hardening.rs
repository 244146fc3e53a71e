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

/// The binary under test. `TREATY_TEST_BIN` runs these cases against
/// another build (an older one, to see each case fail before its fix).
fn bin() -> PathBuf {
    std::env::var_os("TREATY_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_treaty")))
}

/// `common::treaty`, with [`bin`].
fn treaty_at(data_home: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("TREATY_DATA_HOME", data_home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the treaty binary runs")
}

fn run(user: &User, args: &[&OsStr]) -> Output {
    Command::new(bin())
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
    let o = treaty_at(&user.data(), &["import", &memo.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = stdout(&treaty_at(&user.data(), &["show", "source", "log"]));
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
        let mut child = Command::new(bin())
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

/// Runs a command, killing it (and failing the test) if it is not done in
/// `secs` seconds: a hang must fail, not stall the suite.
fn within(mut cmd: Command, secs: u64) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > std::time::Duration::from_secs(secs) {
            let _ = child.kill();
            let o = child.wait_with_output().expect("output");
            panic!("still running after {secs} s: {}", stderr(&o));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn treaty_cmd(data_home: &Path, args: &[&OsStr]) -> Command {
    let mut c = Command::new(bin());
    c.args(args)
        .env("TREATY_DATA_HOME", data_home)
        .env("NO_COLOR", "1");
    c
}

fn bookmarks_on_disk(home: &Path) -> Vec<String> {
    serde_json::from_slice(&std::fs::read(home.join("bookmarks.json")).expect("file"))
        .expect("bookmarks.json parses")
}

#[test]
fn case_1_two_cli_loops_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().to_path_buf();
    let loops: Vec<_> = [1..=20, 21..=40]
        .into_iter()
        .map(|range| {
            let home = home.clone();
            std::thread::spawn(move || {
                for n in range {
                    let n = n.to_string();
                    let o = treaty_at(&home, &["bookmarks", "add", &n]);
                    assert!(o.status.success(), "{}", stderr(&o));
                }
            })
        })
        .collect();
    for l in loops {
        l.join().expect("loop");
    }
    let kept = bookmarks_on_disk(&home);
    assert_eq!(kept.len(), 40, "{kept:?}");
}

#[test]
fn case_1_the_explorer_saving_while_a_cli_loop_runs_loses_nothing() {
    use treaty::user::{ItemRef, UserData};
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().to_path_buf();
    // The explorer: loaded before the loop starts, saving through the same
    // code as its `b` and note keys.
    let (mut explorer, _) = UserData::load_from(&home);
    let cli = {
        let home = home.clone();
        std::thread::spawn(move || {
            for n in 1..=25 {
                let n = n.to_string();
                let o = treaty_at(&home, &["bookmarks", "add", &n]);
                assert!(o.status.success(), "{}", stderr(&o));
            }
        })
    };
    let mine = [
        ItemRef::Source("zamora".into()),
        ItemRef::Source("on-pause".into()),
        "passage:zamora#14".parse().expect("passage"),
    ];
    // Save for as long as the loop runs, as a user pressing `b` would.
    let mut round = 0;
    while !cli.is_finished() || round < 6 {
        let item = &mine[round % mine.len()];
        explorer.toggle_bookmark(item).expect("toggle");
        explorer
            .set_note(item, format!("round {round}"))
            .expect("note");
        round += 1;
    }
    cli.join().expect("cli loop");
    let kept = bookmarks_on_disk(&home);
    for n in 1..=25 {
        assert!(
            kept.contains(&format!("article:{n}")),
            "article {n} lost: {kept:?}"
        );
    }
    // Each of the explorer's items is on when it was toggled an odd number
    // of times: no toggle was undone by the other process.
    for (i, item) in mine.iter().enumerate() {
        let toggles = (0..round).filter(|r| r % mine.len() == i).count();
        assert_eq!(
            kept.contains(&item.to_string()),
            toggles % 2 == 1,
            "{item} after {toggles} toggles: {kept:?}"
        );
    }
    let (again, warnings) = UserData::load_from(&home);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(again.notes().len(), 3);
}

#[test]
fn case_1_two_files_of_one_name_imported_at_once_get_two_ids() {
    for round in 0..5 {
        let tmp = tempfile::tempdir().expect("tempdir");
        let home = tmp.path().join("data");
        let files: Vec<PathBuf> = ["a", "b"]
            .iter()
            .map(|d| {
                let dir = tmp.path().join(d);
                std::fs::create_dir_all(&dir).expect("mkdir");
                let f = dir.join("memo.txt");
                std::fs::write(&f, format!("Memo from {d}, on Article 23.\n")).expect("write");
                f
            })
            .collect();
        let children: Vec<_> = files
            .iter()
            .map(|f| {
                let mut c = treaty_cmd(&home, &[OsStr::new("import"), f.as_os_str()]);
                c.stdout(Stdio::piped()).stderr(Stdio::piped());
                c.spawn().expect("spawn")
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().expect("ends");
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
        }
        let mut stored: Vec<String> = std::fs::read_dir(home.join("sources"))
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| std::fs::read_to_string(e.path()).expect("read"))
            .collect();
        stored.sort();
        assert_eq!(stored.len(), 2, "round {round}: {stored:?}");
        assert!(stored[0].contains("Memo from a") && stored[1].contains("Memo from b"));
    }
}

#[test]
fn case_2_files_are_told_apart_by_their_exact_names() {
    use std::os::unix::ffi::OsStrExt;
    let user = User::new();
    let dir = user.home.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let pairs: [(&[u8], &[u8]); 3] = [
        (b"Report  final.txt", b"Report final.txt"),
        (b"a\nb.txt", b"a\tb.txt"),
        (b"x\xff.txt", b"x\xfe.txt"),
    ];
    for (n, (first, second)) in pairs.into_iter().enumerate() {
        for (i, name) in [first, second].into_iter().enumerate() {
            let path = dir.join(OsStr::from_bytes(name));
            std::fs::write(&path, format!("Text {n}-{i}, see Article 5.\n")).expect("write");
            let o = run(&user, &[OsStr::new("import"), path.as_os_str()]);
            assert!(o.status.success(), "{}", stderr(&o));
            let said = stdout(&o);
            assert!(!said.contains("updated"), "{name:?}: {said}");
            assert_safe("import report", &o.stdout);
        }
    }
    let listed = stdout(&treaty_at(&user.data(), &["import", "--list", "--json"]));
    let j = common::json(&listed);
    assert_eq!(j["sources"].as_array().map(Vec::len), Some(6), "{listed}");
    // Importing one again updates that one, and only it.
    let again = dir.join("Report final.txt");
    std::fs::write(&again, "Changed, Article 6.\n").expect("write");
    let said = stdout(&run(&user, &[OsStr::new("import"), again.as_os_str()]));
    assert!(said.contains("updated"), "{said}");
    let all = std::fs::read_dir(user.data().join("sources"))
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("Text 0-0") && all.contains("Changed"), "{all}");
}

#[test]
fn case_5_saving_respects_what_stands_at_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("data");
    let dotfiles = tmp.path().join("dotfiles");
    std::fs::create_dir_all(&home).expect("mkdir");
    std::fs::create_dir_all(&dotfiles).expect("mkdir");
    // bookmarks.json a symlink into a dotfiles folder, mode 600.
    let real = dotfiles.join("bookmarks.json");
    std::fs::write(&real, "[\"article:1\"]").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::os::unix::fs::symlink(&real, home.join("bookmarks.json")).expect("symlink");
    let o = treaty_at(&home, &["bookmarks", "add", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let link = std::fs::symlink_metadata(home.join("bookmarks.json")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("article:2")
    );
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    let export = |target: &Path| {
        within(
            treaty_cmd(
                &home,
                &[
                    OsStr::new("export"),
                    OsStr::new("--article"),
                    OsStr::new("23"),
                    OsStr::new("-o"),
                    target.as_os_str(),
                ],
            ),
            20,
        )
    };
    // -o onto a symlink: its target is replaced, the link kept.
    let brief = out.join("brief.md");
    std::fs::write(&brief, "old").expect("write");
    std::os::unix::fs::symlink(&brief, out.join("link.md")).expect("symlink");
    assert!(export(&out.join("link.md")).status.success());
    assert!(
        std::fs::symlink_metadata(out.join("link.md"))
            .expect("m")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&brief)
            .expect("read")
            .contains("# Brief: Art. 23")
    );
    // -o onto a FIFO writes into it, as a shell redirection would.
    let fifo = out.join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    let o = export(&fifo);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(reader.join().expect("reader").contains("# Brief: Art. 23"));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("m")
            .file_type()
            .is_fifo_like()
    );
    // A character device is written into, never replaced: /dev/full says
    // it is full, and stays a device.
    let o = export(Path::new("/dev/full"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/dev/full"), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/full")
            .expect("m")
            .file_type()
            .is_char_device_like()
    );
    // A directory and a read-only file are refused and left as they are.
    let o = export(&out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    let ro = out.join("ro.md");
    std::fs::write(&ro, "keep").expect("write");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let o = export(&ro);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&ro).expect("read"), "keep");
}

trait FileKind {
    fn is_fifo_like(&self) -> bool;
    fn is_char_device_like(&self) -> bool;
}

impl FileKind for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
    fn is_char_device_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_char_device(self)
    }
}

#[test]
fn case_7_remove_is_exact_and_an_unreadable_copy_makes_no_duplicate() {
    use std::os::unix::fs::PermissionsExt;
    let user = User::new();
    let memo = user.home.path().join("t.txt");
    std::fs::write(&memo, "Mine, Article 2.\n").expect("write");
    let memo = memo.to_string_lossy().into_owned();
    assert!(treaty_at(&user.data(), &["import", &memo]).status.success());
    let o = treaty_at(&user.data(), &["import", "--remove", "my-t"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no source 'my-t'"), "{}", stderr(&o));
    assert!(
        user.data().join("sources/t.md").exists(),
        "t is still there"
    );

    let stored = user.data().join("sources/t.md");
    std::fs::set_permissions(&stored, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let o = treaty_at(&user.data(), &["import", &memo]);
    // Refused, saying why: a user cannot read it; root can, but the file is
    // read-only and is not replaced behind the user's back.
    assert!(!o.status.success(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("cannot read") || err.contains("read-only"),
        "{err}"
    );
    std::fs::set_permissions(&stored, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let names: Vec<_> = std::fs::read_dir(user.data().join("sources"))
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, [OsStr::new("t.md")], "never a second copy");
}

#[test]
fn case_13_no_fifo_device_or_huge_file_is_read() {
    let user = User::new();
    let home = user.data();
    std::fs::create_dir_all(&home).expect("mkdir");
    let fifo = user.home.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let huge = user.home.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(65 << 20))
        .expect("sparse file");
    let scan = |p: &Path| within(treaty_cmd(&home, &[OsStr::new("scan"), p.as_os_str()]), 10);
    let o = scan(Path::new("/dev/zero"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("character device"), "{}", stderr(&o));
    let o = scan(&fifo);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
    let o = scan(&huge);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("larger than the 64 MiB limit"),
        "{}",
        stderr(&o)
    );

    // State files: a FIFO or /dev/zero as bookmarks.json.
    for target in [fifo.as_path(), Path::new("/dev/zero")] {
        let link = home.join("bookmarks.json");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(target, &link).expect("symlink");
        let o = within(treaty_cmd(&home, &[OsStr::new("bookmarks")]), 10);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
        assert!(!stdout(&o).contains("no bookmarks yet"));
    }
    std::fs::remove_file(home.join("bookmarks.json")).expect("rm");

    // config.toml a FIFO: start-up does not hang.
    let config = user.home.path().join("config/treaty");
    std::fs::create_dir_all(&config).expect("mkdir");
    assert!(
        Command::new("mkfifo")
            .arg(config.join("config.toml"))
            .status()
            .expect("mkfifo")
            .success()
    );
    let mut present = treaty_cmd(&home, &[OsStr::new("present")]);
    present.env("XDG_CONFIG_HOME", user.home.path().join("config"));
    let o = within(present, 10);
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));

    // --data with /dev/zero as convention.json.
    let (dir, _) = hostile_corpus(&user.home.path().join("z"));
    std::fs::remove_file(dir.join("convention.json")).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", dir.join("convention.json")).expect("symlink");
    let o = within(
        treaty_cmd(
            &home,
            &[OsStr::new("check"), OsStr::new("--data"), dir.as_os_str()],
        ),
        10,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("character device") || stdout(&o).contains("character device"));
}

#[test]
fn case_11_notes_with_invisible_controls_reach_no_terminal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    std::fs::write(
        home.join("notes.json"),
        "{\"article:23\": \"Ask \\u061c about\\u2028(2)\\u2029 \\ufff9x\\ufffay\\ufffb and \\u202eevil\"}",
    )
    .expect("write");
    for args in [
        &["notes"][..],
        &["notes", "--json"],
        &["notes", "show", "23"],
        &["export", "--article", "23"],
    ] {
        let o = treaty_at(home, args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_safe(&format!("{args:?}"), &o.stdout);
    }
    // JSON still carries the exact note, escaped.
    let j = common::json(&stdout(&treaty_at(home, &["notes", "--json"])));
    let note = j[0]["note"].as_str().unwrap_or_default().to_string();
    assert!(note.starts_with("Ask "), "{note:?}");
}

#[test]
fn case_15_messages_say_what_is_true() {
    let user = User::new();
    // A long name in a script of 4-byte letters imports.
    let name = format!("{}.txt", "\u{10348}".repeat(62));
    let long = user.home.path().join(&name);
    std::fs::write(&long, "Long name, Article 3.\n").expect("write");
    let o = treaty_at(&user.data(), &["import", &long.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("too long"));

    // A corpus with no sources says so, instead of "the sources are" and
    // nothing: in the problems of a --data corpus, and in lookups.
    let (dir, _) = hostile_corpus(&user.home.path().join("empty"));
    for e in std::fs::read_dir(dir.join("sources")).expect("ls") {
        std::fs::remove_file(e.expect("e").path()).expect("rm");
    }
    let dir = dir.to_string_lossy().into_owned();
    let o = run(&User::new(), &os(&["check", "--data", &dir]));
    let err = format!("{}{}", stderr(&o), stdout(&o));
    assert!(
        err.contains("unknown source 'zamora': this corpus has no sources"),
        "{err}"
    );
    assert!(
        !err.lines()
            .any(|l| l.trim_end().ends_with("the sources are")),
        "{err}"
    );
    let mut corpus = treaty::corpus::load_embedded().expect("loads");
    corpus.sources.clear();
    for words in ["source nobody", "nothing at all"] {
        let e = treaty::corpus::lookup(&corpus, words)
            .expect_err("none")
            .to_string();
        assert!(e.contains("none (this corpus has no sources)"), "{e}");
    }
}

/// Text made mostly of the pieces escape sequences are built from, so that
/// random strings hit open, closed, nested and cut sequences.
fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("\u{1b}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("P".to_string()),
        Just("\\".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{9c}".to_string()),
        Just("\u{18}".to_string()),
        Just("\n".to_string()),
        Just("31;1m".to_string()),
        Just("\u{202e}\u{61c}\u{2028}\u{fff9}".to_string()),
        "[a-zé日 ;0-9]{0,4}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest::proptest! {
    /// The properties of the `sanitise` fuzz target, on every test run.
    #[test]
    fn cleaned_text_is_safe_and_stays_as_it_is(text in hostile_text(), step in 1usize..9) {
        use std::io::Write;
        use treaty::text::{CleanWriter, clean, is_unsafe};
        let once = clean(&text);
        proptest::prop_assert!(!once.chars().any(is_unsafe), "{:?}", once);
        proptest::prop_assert_eq!(clean(&once), once.clone());
        let mut out = Vec::new();
        {
            let mut w = CleanWriter::new(&mut out);
            for chunk in text.as_bytes().chunks(step) {
                w.write_all(chunk).expect("vec");
            }
            w.flush().expect("vec");
        }
        let written = String::from_utf8(out).expect("utf-8");
        proptest::prop_assert!(!written.chars().any(is_unsafe), "{:?}", written);
    }

    /// The properties of the `user_files` fuzz target: what is read writes
    /// back and reads again the same, with no problem.
    #[test]
    fn what_the_readers_keep_survives_a_save(
        names in proptest::collection::vec(
            proptest::prop_oneof![
                "article:[0-9]{1,3}",
                "chapter:[IVX]{1,4}",
                "source:.{0,6}",
                "passage:.{0,4}#[0-9]{1,2}",
                ".{0,8}",
            ],
            0..8,
        )
    ) {
        use treaty::user::{read_bookmarks, read_notes};
        let list = serde_json::to_vec(&names).expect("json");
        let b = read_bookmarks(&list, "bookmarks.json");
        let again = read_bookmarks(&serde_json::to_vec(&b.value).expect("json"), "b");
        proptest::prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        proptest::prop_assert_eq!(again.value, b.value);
        let map: std::collections::BTreeMap<&String, &String> = names.iter().map(|n| (n, n)).collect();
        let n = read_notes(&serde_json::to_vec(&map).expect("json"), "notes.json");
        let again = read_notes(&serde_json::to_vec(&n.value).expect("json"), "n");
        proptest::prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        proptest::prop_assert_eq!(again.value, n.value);
    }
}

/// Case 11 on the screen: a passage and a note holding U+2028/2029,
/// U+FFF9-FFFB, U+061C and a bidi override draw none of them (they would put
/// the terminal out of step with the app, leaving stale letters).
#[test]
fn case_11_invisible_controls_never_reach_the_screen() {
    let mut corpus = treaty::corpus::load_embedded().expect("loads");
    let hostile =
        "Line\u{2028}sep\u{2029}para \u{fff9}base\u{fffa}note\u{fffb} \u{61c}mark \u{202e}evil";
    let zamora = corpus
        .sources
        .iter_mut()
        .find(|s| s.id == "zamora")
        .expect("zamora");
    zamora.passages[0].text = format!("{hostile} {}", zamora.passages[0].text);
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        home.path().join("notes.json"),
        serde_json::json!({ "source:zamora": hostile }).to_string(),
    )
    .expect("notes");
    let app = common::App::with_user(corpus, Some("source zamora"), 120, 40, home);
    let screen = app.screen();
    assert!(screen.contains("base"), "the passage is in view: {screen}");
    assert_safe("the screen", screen.as_bytes());
}
