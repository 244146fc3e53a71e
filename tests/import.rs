//! `treaty import` and `treaty import-text`, run as a user runs them, each
//! with its own library in a temporary `TREATY_DATA_HOME`: what is found,
//! what other commands then see, and how hostile or broken input is handled.

mod common;

use common::{User, json, stderr, stdout};
use serde_json::Value;
use std::path::Path;

impl User {
    fn sources(&self) -> Vec<String> {
        match std::fs::read_dir(self.data().join("sources")) {
            Ok(d) => {
                let mut v: Vec<String> = d
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                v.sort();
                v
            }
            Err(_) => Vec::new(),
        }
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// No byte that could start or carry an escape sequence, and no bidi override.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
        assert!(!bad, "{what}: {c:?} reaches the output:\n{text}");
    }
    assert!(
        !bytes.iter().any(|b| *b == 0x1b || *b == 0x07 || *b == 0),
        "{what}"
    );
}

#[test]
fn import_plain_text_reports_paragraphs_citations_and_unresolved() {
    let user = User::new();
    let memo = fixture("Mémo du comité.txt");
    let out = user.ok(&["import", &memo]);
    assert!(out.contains("as 'mémo-du-comité': 3 paragraphs"), "{out}");
    assert!(
        out.contains("citations: 5 (3 resolved, 2 unresolved)"),
        "{out}"
    );
    for cited in ["Art. 23 ×1", "Art. 40 ×1", "Art. 42 ×1", "Chapter IV ×1"] {
        assert!(out.contains(cited), "{cited} in {out}");
    }
    // Lines and columns are the file's own, tabs counted as one char.
    assert!(
        out.contains("Mémo du comité.txt:6:18: \"Article 70\""),
        "{out}"
    );
    assert!(
        out.contains("Mémo du comité.txt:7:2: \"Article 0\""),
        "{out}"
    );
    assert_eq!(user.sources(), vec!["mémo-du-comité.md"]);
}

#[test]
fn imported_sources_appear_in_show_search_sources_and_refs() {
    let user = User::new();
    user.ok(&["import", &fixture("statement.md")]);
    let show = user.ok(&["show", "23"]);
    assert!(
        show.contains("Joint statement on the convention (statement, para 1)"),
        "{show}"
    );
    let source = user.ok(&["show", "source", "statement"]);
    assert!(
        source.contains("author:    Placeholder Coalition"),
        "{source}"
    );
    assert!(source.contains("(imported into your library)"), "{source}");
    assert!(source.contains("-> Chapter IV (cited)"), "{source}");
    let j = json(&user.ok(&["show", "source", "statement", "--json"]));
    assert_eq!(j["user"], true);
    assert_eq!(j["paragraphs"].as_array().map(Vec::len), Some(2));
    let found = user.ok(&["search", "procedural chapter reaches"]);
    assert!(
        found
            .lines()
            .next()
            // Named by its title, never by a fragment of its author.
            .is_some_and(|l| l.contains("Joint statement, para 2")),
        "the imported paragraph comes first: {found}"
    );
    let refs = user.ok(&["refs", "chapter", "IV"]);
    assert!(refs.contains("statement"), "{refs}");
    let all = json(&user.ok(&["sources", "--json"]));
    let mine: Vec<&Value> = all
        .as_array()
        .expect("array")
        .iter()
        .filter(|s| s["user"] == true)
        .collect();
    assert_eq!(mine.len(), 1);
    let check = user.ok(&["check"]);
    assert!(check.contains("sources        6"), "{check}");
}

#[test]
fn importing_the_same_file_twice_updates_it() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("notes with spaces.txt");
    std::fs::write(&file, "First version, Article 5.\n").expect("write");
    let file = file.to_string_lossy().into_owned();
    let out = user.ok(&["import", &file]);
    assert!(out.starts_with("imported"), "{out}");
    std::fs::write(&file, "Second version, Article 6.\n\nMore.\n").expect("write");
    let out = user.ok(&["import", &file, "--title", "Notes"]);
    assert!(out.starts_with("updated"), "{out}");
    assert!(
        out.contains("as 'notes-with-spaces': 2 paragraphs"),
        "{out}"
    );
    assert_eq!(user.sources(), vec!["notes-with-spaces.md"]);
    let source = user.ok(&["show", "source", "notes-with-spaces"]);
    assert!(source.contains("Second version") && !source.contains("First version"));
    assert!(source.contains("title:     Notes"), "{source}");
}

#[test]
fn an_id_taken_by_a_builtin_source_gets_my_prefix() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("zamora.md");
    std::fs::write(&file, "My own zamora notes on Article 7.\n").expect("write");
    let out = user.ok(&["import", &file.to_string_lossy()]);
    assert!(out.contains("as 'my-zamora'"), "{out}");
    let builtin = user.ok(&["show", "source", "zamora"]);
    assert!(!builtin.contains("imported into your library"));
    let mine = user.ok(&["show", "source", "my-zamora"]);
    assert!(mine.contains("My own zamora notes"), "{mine}");
}

#[test]
fn list_and_remove() {
    let user = User::new();
    let empty = user.ok(&["import", "--list"]);
    assert!(empty.contains("no sources yet"), "{empty}");
    user.ok(&["import", &fixture("statement.md"), &fixture("crlf.txt")]);
    let list = user.ok(&["import", "--list"]);
    assert!(
        list.contains("statement") && list.contains("crlf"),
        "{list}"
    );
    assert!(list.contains("Joint statement on the convention"), "{list}");
    let j = json(&user.ok(&["import", "--list", "--json"]));
    assert_eq!(j["sources"].as_array().map(Vec::len), Some(2));
    let out = user.ok(&["import", "--remove", "crlf"]);
    assert!(out.contains("removed 'crlf'"), "{out}");
    assert_eq!(user.sources(), vec!["statement.md"]);
    let o = user.run(&["import", "--remove", "crlf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no source 'crlf' in your library: it has statement"));
    let o = user.run(&["show", "source", "crlf"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn crlf_and_json_report() {
    let user = User::new();
    let j = json(&user.ok(&["import", "--json", &fixture("crlf.txt")]));
    let one = &j[0];
    assert_eq!(one["id"], "crlf");
    assert_eq!(one["paragraphs"], 2);
    assert_eq!(one["cited"][0]["target"], "article:6");
    let shown = user.ok(&["show", "source", "crlf"]);
    assert!(!shown.contains('\r'));
    assert!(
        shown.contains("Windows line one, line two citing Article 6."),
        "{shown}"
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let user = User::new();
    let hostile = fixture("hostile.txt");
    let raw = std::fs::read(&hostile).expect("fixture");
    for byte in [0x1b, 0x07, 0x00, 0x08, 0x7f] {
        assert!(raw.contains(&byte), "the fixture has byte {byte:#x}");
    }
    for c in ["\u{9b}", "\u{9d}", "\u{202e}", "\u{2066}", "\u{200f}"] {
        assert!(
            String::from_utf8_lossy(&raw).contains(c),
            "fixture has {c:?}"
        );
    }
    let o = user.run(&[
        "import",
        &hostile,
        "--author",
        "Given \u{1b}]0;title\u{7} \u{9b}31m",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_terminal_safe("import", &o.stdout);
    assert_terminal_safe("import stderr", &o.stderr);
    let stored = std::fs::read(user.data().join("sources/hostile.md")).expect("stored");
    assert_terminal_safe(
        "the stored file",
        &stored
            .iter()
            .map(|b| if *b == b'\n' { b' ' } else { *b })
            .collect::<Vec<_>>(),
    );
    for args in [
        &["show", "source", "hostile"][..],
        &["show", "source", "hostile", "--json"],
        &["show", "23"],
        &["show", "23", "--json"],
        &["search", "desrever"],
        &["search", "bell"],
        &["sources"],
        &["sources", "--json"],
        &["refs", "24"],
        &["check"],
        &["import", "--list"],
    ] {
        let o = user.run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_terminal_safe(&format!("{args:?}"), &o.stdout);
        assert_terminal_safe(&format!("{args:?} stderr"), &o.stderr);
    }
    let shown = user.ok(&["show", "source", "hostile"]);
    // Escape sequences are removed whole, their payload with them.
    assert!(shown.contains("title:     Hostile memo\n"), "{shown}");
    assert!(!shown.contains("window title"), "{shown}");
    assert!(shown.contains("author:    Given\n"), "{shown}");
    assert!(
        shown.contains("Colour red text citing Article 23 and OSC."),
        "{shown}"
    );
    assert!(shown.contains("tab here"), "tabs become spaces: {shown}");
}

#[test]
fn hostile_file_names_are_cleaned_in_messages() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    let evil = tmp.path().join("evil \u{1b}]0;x\u{7}.txt");
    std::fs::write(&evil, b"bad \xff byte").expect("write");
    let o = user.run(&["import", &evil.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert_terminal_safe("stderr", &o.stderr);
    let o = user.run(&["import", "--lossy", &evil.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_terminal_safe("stdout", &o.stdout);
    assert_terminal_safe("stderr", &o.stderr);
    assert!(stdout(&o).contains("as 'evil-0-x'"), "{}", stdout(&o));
}

#[test]
fn non_utf8_is_refused_with_the_offset_or_imported_lossily() {
    let user = User::new();
    let latin = fixture("latin1.txt");
    let o = user.run(&["import", &latin]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt:1:4: not valid UTF-8 at byte offset 3"),
        "{err}"
    );
    assert!(err.contains("--lossy"), "{err}");
    assert!(user.sources().is_empty());
    let o = user.run(&["import", "--lossy", &latin]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning") && err.contains("2 invalid byte sequences"),
        "{err}"
    );
    let shown = user.ok(&["show", "source", "latin1"]);
    assert!(shown.contains("Caf\u{FFFD} memo"), "{shown}");
}

#[test]
fn missing_files_and_directories_are_named_and_nothing_is_written() {
    let user = User::new();
    let good = fixture("statement.md");
    let o = user.run(&["import", &good, "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no such file: /no/such/file.txt"),
        "{}",
        stderr(&o)
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let o = user.run(&["import", &good, &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    // A bad file after good ones: validated first, so nothing is written.
    let o = user.run(&["import", &good, &fixture("latin1.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(user.sources().is_empty(), "{:?}", user.sources());
    let tmp = tempfile::tempdir().expect("tempdir");
    let empty = tmp.path().join("empty.md");
    std::fs::write(&empty, "---\ntitle: nothing\n---\n\n").expect("write");
    let o = user.run(&["import", &empty.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("has no text: nothing to import"),
        "{}",
        stderr(&o)
    );
    let o = user.run(&["import", &good, &fixture("crlf.txt"), "--title", "T"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--title names one source"));
    assert!(user.sources().is_empty());
}

#[test]
fn a_broken_library_file_is_a_warning_not_a_failure() {
    let user = User::new();
    user.ok(&["import", &fixture("statement.md")]);
    let dir = user.data().join("sources");
    std::fs::write(dir.join("broken.md"), "---\nautor: typo\n---\nText.\n").expect("write");
    std::fs::write(dir.join("binary.txt"), b"\xff\xfe\x00garbage").expect("write");
    let o = user.run(&["show", "23"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: skipped") && err.contains("broken.md"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt") && err.contains("byte offset 0"),
        "{err}"
    );
    assert!(stdout(&o).contains("(statement, para 1)"));
    std::fs::write(user.data().join("authentic.json"), "{ not json").expect("write");
    let o = user.run(&["show", "23"]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("authentic.json:1:"), "{}", stderr(&o));
}

#[test]
fn import_text_stores_the_authentic_text_and_show_displays_it() {
    let user = User::new();
    let out = user.ok(&["import-text", &fixture("authentic.txt")]);
    assert!(
        out.contains("found 68 of 68 articles and the preamble: 1-68"),
        "{out}"
    );
    assert!(out.contains("missing: none"), "{out}");
    assert!(out.contains("duplicated: none") && out.contains("out of order: none"));
    let show = user.ok(&["show", "23"]);
    assert!(show.contains("Authentic text:"), "{show}");
    // The page header, footer and number inside article 23 are gone, and the
    // paragraph they interrupted is whole again.
    let words = show.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("which continues after a page break.]"),
        "{show}"
    );
    for furniture in ["A/RES/79/243", "24-25178", "\n  12\n"] {
        assert!(!show.contains(furniture), "{furniture:?} in {show}");
    }
    assert!(
        show.contains("(a) [Placeholder text of sub-item (a)"),
        "{show}"
    );
    let j = json(&user.ok(&["show", "12", "--json"]));
    assert_eq!(j["text"], "[Placeholder text of article 12.]");
    let j = json(&user.ok(&["show", "preamble", "--json"]));
    assert!(
        j["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("[Placeholder text of preambular paragraph 1,]\n\n")),
        "{j}"
    );
    let list = user.ok(&["import", "--list"]);
    assert!(
        list.contains("Authentic text: 68 articles and the preamble"),
        "{list}"
    );
    let out = user.ok(&["import-text", "--remove"]);
    assert!(out.contains("removed the authentic text"));
    let j = json(&user.ok(&["show", "23", "--json"]));
    assert_eq!(j["text"], Value::Null);
}

#[test]
fn import_text_changes_nothing_when_the_file_is_not_the_convention() {
    let user = User::new();
    user.ok(&["import-text", &fixture("authentic.txt")]);
    let before = std::fs::read(user.data().join("authentic.json")).expect("stored");
    let o = user.run(&["import-text", &fixture("not-convention.txt")]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("found 2 of 68 articles"), "{out}");
    assert!(
        out.contains(
            "Art. 1 is titled \"Illegal access\"; the official title is \"Statement of purpose\""
        ),
        "{out}"
    );
    assert!(stderr(&o).contains("nothing was changed"), "{}", stderr(&o));
    // A memo is not the convention either.
    let o = user.run(&["import-text", &fixture("statement.md")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("found 0 of 68 articles"));
    // Right number of articles, one title wrong: refused too.
    let text = std::fs::read_to_string(fixture("authentic.txt")).expect("fixture");
    let tmp = tempfile::tempdir().expect("tempdir");
    let tampered = tmp.path().join("tampered.txt");
    std::fs::write(
        &tampered,
        text.replace(
            "Article 36\nProtection of personal data",
            "Article 36\nData retention",
        ),
    )
    .expect("write");
    let o = user.run(&["import-text", &tampered.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the title of article 36 differs"),
        "{}",
        stderr(&o)
    );
    let after = std::fs::read(user.data().join("authentic.json")).expect("stored");
    assert_eq!(before, after);
}

#[test]
fn import_text_reports_missing_duplicated_and_out_of_order_articles() {
    let user = User::new();
    let text = std::fs::read_to_string(fixture("authentic.txt")).expect("fixture");
    let start = text.find("Article 10\n").expect("article 10");
    let end = text.find("Article 11\n").expect("article 11");
    let article_10 = text[start..end].to_string();
    // Article 10 moved after article 20, article 5 given twice, 67 removed.
    let mut t = text.replace(&article_10, "");
    let at = t.find("Article 21\n").expect("article 21");
    t.insert_str(at, &article_10);
    let five = {
        let s = t.find("Article 5\n").expect("5");
        let e = t.find("Article 6\n").expect("6");
        t[s..e].to_string()
    };
    let at = t.find("Article 30\n").expect("30");
    t.insert_str(at, &five);
    let s = t.find("Article 67\n").expect("67");
    let e = t.find("Article 68\n").expect("68");
    t.replace_range(s..e, "");
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("shuffled.txt");
    std::fs::write(&file, t).expect("write");
    let out = user.ok(&["import-text", &file.to_string_lossy()]);
    assert!(out.contains("found 67 of 68 articles"), "{out}");
    assert!(out.contains("missing: 67"), "{out}");
    assert!(out.contains("duplicated: 5 (line"), "{out}");
    assert!(out.contains("out of order: 10 (line"), "{out}");
    let j = json(&user.ok(&["show", "10", "--json"]));
    assert!(j["text"].as_str().is_some_and(|t| t.contains("article 10")));
}

#[test]
fn help_for_import_commands() {
    let user = User::new();
    for sub in ["import", "import-text"] {
        let out = user.ok(&[sub, "--help"]);
        assert!(out.contains("Usage: treaty"), "{sub}");
    }
    let o = user.run(&["import"]);
    assert_eq!(o.status.code(), Some(2), "a file or --list is required");
}

#[test]
fn huge_input_imports_whole() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    // 100 000 paragraphs, and a single line of 10 MB.
    let many = tmp.path().join("many.txt");
    let mut text = String::with_capacity(6_000_000);
    for i in 0..100_000 {
        text.push_str(&format!("Paragraph {i} on Article {}.\n\n", i % 68 + 1));
    }
    std::fs::write(&many, &text).expect("write");
    let long = tmp.path().join("long.txt");
    let line = "word Article 23 ".repeat(10 * 1024 * 1024 / 16);
    std::fs::write(&long, &line).expect("write");
    let out = user.ok(&["import", &many.to_string_lossy(), &long.to_string_lossy()]);
    assert!(out.contains("as 'many': 100000 paragraphs"), "{out}");
    assert!(out.contains("as 'long': 1 paragraph"), "{out}");
    let all = json(&user.ok(&["sources", "--json"]));
    let many = all
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == "many"))
        .expect("listed");
    assert_eq!(many["passages"], 100_000);
    let refs = user.ok(&["refs", "23", "--json"]);
    assert!(refs.contains("\"source\": \"long\""));
}

#[test]
fn a_source_can_be_named_by_the_start_of_its_id() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    for name in ["memo-alpha.txt", "memo-beta.txt"] {
        let f = tmp.path().join(name);
        std::fs::write(&f, "A memo on Article 23.\n").expect("write");
        user.ok(&["import", &f.to_string_lossy()]);
    }
    // A unique start names the source, built-in or imported.
    assert!(user.ok(&["show", "zam"]).contains("Alexa Zamora"));
    assert!(
        user.ok(&["show", "source", "memo-a"])
            .contains("memo-alpha")
    );
    // An ambiguous one says which sources it could be.
    let o = user.run(&["show", "memo"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("memo-alpha") && err.contains("memo-beta") && err.contains("type more"),
        "{err}"
    );
}
