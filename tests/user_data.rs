//! `treaty bookmarks` and `treaty notes` run as a user runs them, each test
//! with its own data directory: what is printed, what is on disk, and what
//! happens to a corrupt file.

mod common;

use common::{json, ok, stderr, stdout, treaty};
use std::path::Path;
use treaty::user::{ItemRef, UserData};

fn file(home: &Path, name: &str) -> String {
    std::fs::read_to_string(home.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn bookmarks_add_list_and_remove_keep_the_file_in_order() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    assert!(ok(home, &["bookmarks"]).contains("no bookmarks yet"));
    assert!(
        !home.join("bookmarks.json").exists(),
        "listing writes nothing"
    );

    assert_eq!(
        ok(home, &["bookmarks", "add", "23"]),
        "bookmarked article:23  Art. 23 Scope of procedural measures\n"
    );
    ok(home, &["bookmarks", "add", "zamora#14"]);
    ok(home, &["bookmarks", "add", "source", "hanoi-warning"]);
    ok(home, &["bookmarks", "add", "chapter", "IV"]);
    assert!(
        ok(home, &["bookmarks", "add", "article:23"]).starts_with("already bookmarked: article:23")
    );
    assert_eq!(
        file(home, "bookmarks.json"),
        "[\n  \"article:23\",\n  \"passage:zamora#14\",\n  \"source:hanoi-warning\",\n  \"chapter:IV\"\n]\n"
    );

    let list = ok(home, &["bookmarks", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 4, "{list}");
    assert_eq!(lines[0], "article:23  Art. 23 Scope of procedural measures");
    assert!(
        lines[1].starts_with("passage:zamora#14  Zamora, para 14: \"Article 23 allows"),
        "{list}"
    );
    assert_eq!(
        lines[2],
        "source:hanoi-warning  Civil-society groups warn UN cybercrime treaty could threaten human rights"
    );
    assert_eq!(
        lines[3],
        "chapter:IV  Chapter IV. Procedural measures and law enforcement"
    );

    assert!(
        ok(home, &["bookmarks", "remove", "passage:zamora#14"])
            .starts_with("removed passage:zamora#14")
    );
    assert!(
        ok(home, &["bookmarks", "remove", "zamora#14"])
            .starts_with("not bookmarked: passage:zamora#14")
    );
    assert_eq!(
        file(home, "bookmarks.json"),
        "[\n  \"article:23\",\n  \"source:hanoi-warning\",\n  \"chapter:IV\"\n]\n"
    );
}

#[test]
fn bookmarks_json_contract() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let added = json(&ok(home, &["bookmarks", "add", "24", "--json"]));
    assert_eq!(added["item"], "article:24");
    assert_eq!(added["changed"], true);
    assert_eq!(added["bookmarks"], serde_json::json!(["article:24"]));
    let list = json(&ok(home, &["bookmarks", "--json"]));
    assert_eq!(
        list,
        serde_json::json!([{
            "item": "article:24",
            "heading": "Art. 24 Conditions and safeguards",
            "in_corpus": true
        }])
    );
}

#[test]
fn notes_written_by_the_library_are_listed_and_shown() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let (mut user, warnings) = UserData::load_from(home);
    assert!(warnings.is_empty(), "{warnings:?}");
    user.set_note(
        &ItemRef::article(23),
        "Ask the ministry about (2)(b).\nCompare Art. 24.".into(),
    )
    .expect("note");
    let passage: ItemRef = "passage:zamora#14".parse().expect("passage");
    user.set_note(&passage, "Quote this one.".into())
        .expect("note");
    assert_eq!(
        file(home, "notes.json"),
        "{\n  \"article:23\": \"Ask the ministry about (2)(b).\\nCompare Art. 24.\",\n  \"passage:zamora#14\": \"Quote this one.\"\n}\n"
    );

    let list = ok(home, &["notes"]);
    assert!(
        list.starts_with(
            "article:23  Art. 23 Scope of procedural measures\n  Ask the ministry about (2)(b).\n  Compare Art. 24.\n\npassage:zamora#14  Zamora, para 14"
        ),
        "{list}"
    );
    assert_eq!(
        ok(home, &["notes", "show", "23"]),
        "article:23  Art. 23 Scope of procedural measures\n\nAsk the ministry about (2)(b).\nCompare Art. 24.\n"
    );
    let shown = json(&ok(home, &["notes", "show", "zamora#14", "--json"]));
    assert_eq!(shown["item"], "passage:zamora#14");
    assert_eq!(shown["note"], "Quote this one.");
    assert!(ok(home, &["notes", "show", "chapter", "IV"]).starts_with("no note on chapter:IV"));
    let none = json(&ok(home, &["notes", "show", "preamble", "--json"]));
    assert!(none["note"].is_null());
}

#[test]
fn a_hand_written_notes_file_is_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    std::fs::write(
        home.join("notes.json"),
        r#"{"chapter:IV": "Whole chapter.", "source:zamora": "Opinion piece; no date."}"#,
    )
    .expect("fixture");
    let list = json(&ok(home, &["notes", "--json"]));
    assert_eq!(list[0]["item"], "chapter:IV");
    assert_eq!(list[1]["note"], "Opinion piece; no date.");
}

fn backups(home: &Path, name: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(home)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{name}.corrupt-"))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Issue 11, cases 3 and 4 and the "no bookmarks yet" of 15: reading never
/// moves a file; a write keeps a copy under a name of its own, even two
/// within one second.
#[test]
fn a_corrupt_bookmarks_file_is_reported_and_kept_aside_by_the_next_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let broken = b"[\n  \"article:23\",\n  \"article:2";
    std::fs::write(home.join("bookmarks.json"), broken).expect("fixture");

    for args in [
        &["bookmarks"][..],
        &["bookmarks", "--json"],
        &["export", "--bookmarks"],
    ] {
        let o = treaty(home, args);
        let err = stderr(&o);
        assert!(err.contains("treaty: warning: "), "{err}");
        assert!(
            err.contains("bookmarks.json cannot be read (line 3, column 12"),
            "{err}"
        );
        assert!(!stdout(&o).contains("no bookmarks yet"), "{args:?}");
        assert!(
            backups(home, "bookmarks.json").is_empty(),
            "{args:?} only reads"
        );
        assert_eq!(
            std::fs::read(home.join("bookmarks.json")).expect("kept"),
            broken
        );
    }
    let o = treaty(home, &["bookmarks"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing could be read"));

    // A new bookmark keeps a copy first, and says where.
    let o = treaty(home, &["bookmarks", "add", "24"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("is kept as "), "{}", stderr(&o));
    assert_eq!(file(home, "bookmarks.json"), "[\n  \"article:24\"\n]\n");
    let first = backups(home, "bookmarks.json");
    assert_eq!(first.len(), 1);
    assert_eq!(std::fs::read(&first[0]).expect("backup"), broken);

    // Broken again at once: a second backup, the first untouched.
    std::fs::write(home.join("bookmarks.json"), b"{oops").expect("fixture");
    ok(home, &["bookmarks", "add", "25"]);
    let both = backups(home, "bookmarks.json");
    assert_eq!(both.len(), 2, "{both:?}");
    assert_eq!(std::fs::read(&first[0]).expect("backup"), broken);
    assert!(
        both.iter()
            .any(|p| std::fs::read(p).expect("b") == b"{oops")
    );
}

/// Issue 11, case 4: one bad entry (an unknown article, a BOM, a source id
/// with an escape that treaty itself wrote) hides nothing else.
#[test]
fn one_bad_entry_is_skipped_and_named_and_the_rest_listed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let text = "\u{feff}[\"article:23\", \"article:999\", \"source:evil\\u001b]0;x\\u0007\", \"chapter:IV\"]";
    std::fs::write(home.join("bookmarks.json"), text).expect("fixture");
    std::fs::write(
        home.join("notes.json"),
        "{\"article:23\": \"kept\", \"nonsense\": \"x\"}",
    )
    .expect("fixture");
    let o = treaty(home, &["bookmarks"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("article:23") && out.contains("chapter:IV"),
        "{out}"
    );
    assert!(out.contains("source:evil"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    let err = stderr(&o);
    assert!(
        err.contains("bookmark 2 'article:999' was skipped"),
        "{err}"
    );
    let o = treaty(home, &["notes"]);
    assert!(stdout(&o).contains("kept"));
    let err = stderr(&o);
    assert!(err.contains("the note on 'nonsense' was skipped"), "{err}");
    assert!(!err.contains("is not a bookmark"), "{err}");
    let o = treaty(home, &["export", "--bookmarks"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Article 23"), "{}", stdout(&o));
    assert!(
        backups(home, "bookmarks.json").is_empty(),
        "reading moved nothing"
    );
    assert!(
        backups(home, "notes.json").is_empty(),
        "reading moved nothing"
    );
    assert!(file(home, "bookmarks.json").contains("article:999"));
}

#[test]
fn unknown_targets_exit_2_and_say_what_exists() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    let cases: &[(&[&str], &str)] = &[
        (
            &["bookmarks", "add", "69"],
            "article 69 does not exist: the articles run from 1 to 68",
        ),
        (
            &["bookmarks", "add", "article:0"],
            "article 0 does not exist",
        ),
        (
            &["bookmarks", "add", "chapter", "X"],
            "chapter X does not exist",
        ),
        (
            &["bookmarks", "add", "source:nobody"],
            "no source 'nobody': the sources are benitez-mongelos, hanoi-warning, mra-statement, on-pause, zamora",
        ),
        (
            &["bookmarks", "add", "zamora#999"],
            "source 'zamora' has no paragraph 999",
        ),
        (
            &["bookmarks", "add", "nowhere", "at", "all"],
            "names nothing to bookmark",
        ),
        (&["bookmarks", "add"], "say what to add"),
        (&["bookmarks", "list", "23"], "list takes no target"),
        (&["notes", "show", "70"], "article 70 does not exist"),
    ];
    for (args, want) in cases {
        let o = treaty(home, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains(want),
            "{args:?}: want {want:?} in {}",
            stderr(&o)
        );
    }
    assert!(
        !home.join("bookmarks.json").exists(),
        "a refused change writes nothing"
    );
}

#[test]
fn a_bookmark_the_corpus_no_longer_has_is_shown_and_removable() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path();
    std::fs::write(
        home.join("bookmarks.json"),
        r#"["source:gone", "article:1"]"#,
    )
    .expect("fixture");
    let list = ok(home, &["bookmarks"]);
    assert!(
        list.starts_with("source:gone  (no longer in the corpus)\n"),
        "{list}"
    );
    assert!(ok(home, &["bookmarks", "remove", "source:gone"]).starts_with("removed source:gone"));
    assert_eq!(file(home, "bookmarks.json"), "[\n  \"article:1\"\n]\n");
}

#[test]
fn the_new_subcommands_have_help() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for sub in ["bookmarks", "notes", "export"] {
        let o = treaty(tmp.path(), &[sub, "--help"]);
        assert!(o.status.success(), "{sub} --help");
        assert!(stdout(&o).contains("Usage: treaty"), "{sub}");
    }
}
