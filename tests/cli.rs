//! The `treaty` binary's subcommands, run as a user runs them: exit codes,
//! what they print, and the `--json` contract.

mod common;

use common::{User, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs the binary with an empty user library, so what a developer imported
/// on this machine cannot change what the tests see.
fn treaty(args: &[&str]) -> Output {
    User::new().run(args)
}

fn json(o: &Output) -> Value {
    common::json(&stdout(o))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// The default corpus with one bad-data fixture laid over it (files replaced or
/// added; names listed in a REMOVE file deleted).
fn corpus_with(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    copy_dir(&root.join("data"), &dir);
    let overlay = root.join("tests/fixtures/bad").join(fixture);
    copy_dir(&overlay, &dir);
    if let Ok(list) = std::fs::read_to_string(overlay.join("REMOVE")) {
        for name in list.lines().filter(|l| !l.trim().is_empty()) {
            std::fs::remove_file(dir.join(name.trim())).expect("remove");
        }
        std::fs::remove_file(dir.join("REMOVE")).expect("remove REMOVE");
    }
    (tmp, dir)
}

#[test]
fn check_prints_counts_of_the_embedded_corpus() {
    let o = treaty(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in ["chapters       9", "articles      68", "sources        5"] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    let j = json(&treaty(&["check", "--json"]));
    assert_eq!(j["ok"], true);
    assert_eq!(j["counts"]["articles"], 68);
    let links = j["counts"]["links"].as_u64().expect("links");
    let cited = j["counts"]["cited"].as_u64().expect("cited");
    let inferred = j["counts"]["inferred"].as_u64().expect("inferred");
    assert_eq!(links, cited + inferred);
    assert!(
        cited >= 3 && inferred > 100,
        "cited {cited}, inferred {inferred}"
    );
}

#[test]
fn check_accepts_a_copy_of_the_default_corpus_with_data() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        tmp.path(),
    );
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = treaty(&["check", "--data", &dir]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("ok: {dir}")));
}

/// Each kind of bad data exits 2 and names file:line:column with a message.
#[test]
fn check_reports_each_kind_of_bad_data() {
    let cases: &[(&str, &[&str])] = &[
        ("malformed-json", &["links.json:3:1: malformed JSON"]),
        (
            "duplicate-ids",
            &["concerns.json:3:10: duplicate concern id 'scope'"],
        ),
        (
            "article-out-of-range",
            &[
                "links.json:2:71: article 69 does not exist: the articles run from 1 to 68",
                "links.json:3:71: article 0 does not exist",
            ],
        ),
        (
            "quote-no-match",
            &[
                "links.json:2:33: quote matches no passage of 'zamora'",
                "unknown source 'nobody': the sources are",
            ],
        ),
        ("missing-file", &["missing file: ", "timeline.json"]),
        (
            "empty-source",
            &["sources/empty.md:4:1: the source has no body"],
        ),
        (
            "bad-front-matter",
            &["sources/typo.md:3:1: unknown front-matter key 'autor'"],
        ),
        (
            "bad-treatment",
            &[
                "links.json:2:114: treatment 'praises' is not one of criticises, proposes-change, welcomes, mentions",
                "links.json:3:120: a link that proposes a change needs `asks`",
                "links.json:4:139: `asks` belongs to a link that proposes a change; this one criticises",
                "links.json:5:3: a curated link needs a treatment",
            ],
        ),
        (
            "bad-inferred-mark",
            &[
                "sources/guessed.md:5:1: 'kind_inferred' needs its reason",
                "sources/guessed.md:3:1: 'date_inferred' explains a value, but 'date' has none",
            ],
        ),
        (
            "not-utf8",
            &["sources/latin1.txt:2:5: not valid UTF-8 at byte offset 14"],
        ),
        (
            "duplicate-article",
            &[
                "convention.json:196:11: duplicate article number 23 (first given at line 189)",
                "missing articles: 24",
            ],
        ),
    ];
    for (fixture, wants) in cases {
        let (_tmp, dir) = corpus_with(fixture);
        let o = treaty(&["check", "--data", &dir.to_string_lossy()]);
        assert_eq!(o.status.code(), Some(2), "{fixture}: {}", stderr(&o));
        let err = stderr(&o);
        for want in *wants {
            assert!(err.contains(want), "{fixture}: want {want:?} in\n{err}");
        }
        // Other commands refuse the broken corpus too, and say how to see why.
        let o = treaty(&["show", "23", "--data", &dir.to_string_lossy()]);
        assert_eq!(o.status.code(), Some(2), "{fixture}");
        assert!(stderr(&o).contains("treaty check"), "{fixture}");
    }
}

#[test]
fn check_json_lists_problems() {
    let (_tmp, dir) = corpus_with("article-out-of-range");
    let o = treaty(&["check", "--json", "--data", &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    let j = json(&o);
    assert_eq!(j["ok"], false);
    let problems = j["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["line"], 2);
    assert!(
        problems[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("links.json"))
    );
}

#[test]
fn a_missing_data_directory_is_named() {
    let o = treaty(&["check", "--data", "/no/such/corpus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("corpus directory not found: /no/such/corpus"));
}

#[test]
fn show_article_lists_summary_then_cited_by() {
    let o = treaty(&["show", "23"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Article 23 - Scope of procedural measures\n"));
    assert!(out.contains("Chapter IV. Procedural measures and law enforcement"));
    assert!(out.contains("Summary (the project's own words, not the authentic text):"));
    let cited = out.find("[cited]").expect("a cited passage");
    let inferred = out.find("[inferred]").expect("an inferred passage");
    assert!(cited < inferred, "cited before inferred");
    assert!(out.contains("zamora, para 14"));
    assert!(out.contains("reason: "));
}

#[test]
fn show_article_json_contract() {
    let j = json(&treaty(&["show", "23", "--json"]));
    assert_eq!(j["number"], 23);
    assert_eq!(j["title"], "Scope of procedural measures");
    assert_eq!(j["chapter"], "IV");
    assert_eq!(j["summary_is_official"], false);
    assert!(j["text"].is_null());
    let cited_by = j["cited_by"].as_array().expect("cited_by");
    assert_eq!(cited_by[0]["source"], "zamora");
    assert_eq!(cited_by[0]["paragraph"], 14);
    assert_eq!(cited_by[0]["basis"], "cited");
    assert!(cited_by[0]["reason"].is_null());
    assert!(
        cited_by[0]["snippet"]
            .as_str()
            .is_some_and(|s| s.starts_with("Article 23"))
    );
    let inferred: Vec<&Value> = cited_by
        .iter()
        .filter(|c| c["basis"] == "inferred")
        .collect();
    assert!(!inferred.is_empty());
    assert!(
        inferred
            .iter()
            .all(|c| c["reason"].as_str().is_some_and(|r| !r.is_empty()))
    );
}

#[test]
fn show_out_of_range_article_says_which_exist() {
    for arg in ["69", "0"] {
        let o = treaty(&["show", arg]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains(&format!(
                "article {arg} does not exist: the articles run from 1 to 68"
            )),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn show_chapter_preamble_and_source() {
    let o = treaty(&["show", "chapter", "IV"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("Chapter IV. Procedural measures and law enforcement"));
    assert!(out.contains(" 23. Scope of procedural measures ("));
    // The procedural chapter is cited as a whole by the Hanoi statement.
    assert!(out.contains("[cited]"), "{out}");

    let j = json(&treaty(&["show", "chapter", "4", "--json"]));
    assert_eq!(j["chapter"], "IV");
    assert_eq!(j["articles"].as_array().map(Vec::len), Some(12));

    let o = treaty(&["show", "preamble"]);
    assert!(stdout(&o).contains("Summary (the project's own words"));

    let o = treaty(&["show", "source", "zamora"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("title:     unknown"),
        "unknown stays unknown:\n{out}"
    );
    assert!(out.contains("author:    Alexa Zamora"));
    assert!(out.contains("[14]\n  Article 23 allows"));

    let j = json(&treaty(&["show", "source", "benitez-mongelos", "--json"]));
    assert_eq!(j["author"], "Sara Benítez-Mongelós");
    assert_eq!(j["date"], "2025-03-13");
    let paras = j["paragraphs"].as_array().expect("paragraphs");
    assert!(!paras.is_empty());
    assert!(paras.iter().all(|p| {
        p["text"]
            .as_str()
            .is_some_and(|t| !t.contains("Latest Blog Posts"))
    }));

    let o = treaty(&["show", "source", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no source 'nobody': the sources are benitez-mongelos"));
}

#[test]
fn refs_lists_basis_and_reason() {
    let o = treaty(&["refs", "37"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Art. 37 Extradition"));
    assert!(out.contains("[inferred]") && out.contains("reason:"));
    let j = json(&treaty(&["refs", "37", "--json"]));
    let rows = j.as_array().expect("array");
    assert!(rows.iter().any(|r| r["source"] == "zamora"));
    assert!(rows.iter().all(|r| r["target"] == "article:37"));
}

#[test]
fn sources_lists_metadata_with_unknowns_null() {
    let j = json(&treaty(&["sources", "--json"]));
    let rows = j.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    let zamora = rows.iter().find(|r| r["id"] == "zamora").expect("zamora");
    assert!(zamora["title"].is_null());
    assert!(zamora["date"].is_null());
    assert_eq!(zamora["publisher"], "Global Voices");
    let o = treaty(&["sources"]);
    assert!(stdout(&o).contains("publisher: unknown"));
}

#[test]
fn scan_reports_citations_and_unresolved_positions() {
    let memo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/memo/memo.txt");
    let o = treaty(&["scan", &memo.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("1:9 "), "the procedural chapter at 1:9\n{out}");
    assert!(out.contains("-> chapter:IV"));
    assert!(out.contains("-> article:24 (2)(b)"), "{out}");
    assert!(out.contains("UNRESOLVED: article 69 does not exist"));
    assert!(out.contains("UNRESOLVED: reversed range 42-26"));
    assert!(
        !out.contains("article:19"),
        "ARTICLE 19 and the ICCPR are not this convention\n{out}"
    );

    let j = json(&treaty(&["scan", "--json", &memo.to_string_lossy()]));
    let rows = j.as_array().expect("array");
    let art35 = rows
        .iter()
        .find(|r| r["target"] == "article:35")
        .expect("Article\\n35");
    assert_eq!(
        (art35["line"].as_u64(), art35["column"].as_u64()),
        (Some(5), Some(10))
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r["text"] == "Articles 40 to 46")
            .count(),
        7
    );
    let bad = rows.iter().find(|r| r["text"] == "Article 69").expect("69");
    assert!(bad["target"].is_null());
    assert!(
        bad["problem"]
            .as_str()
            .is_some_and(|p| p.contains("1 to 68"))
    );
}

#[test]
fn scan_names_a_missing_file_or_a_directory() {
    let o = treaty(&["scan", "/no/such/memo.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file: /no/such/memo.txt"));
    let o = treaty(&["scan", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a directory"));
}

#[test]
fn scan_output_carries_no_escape_sequences() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("hostile memo.txt");
    std::fs::write(
        &file,
        "Article 23\u{1b}]0;pwned\u{7} and Article\u{1b}[2J 24\u{9b}31m",
    )
    .expect("write");
    let o = treaty(&["scan", &file.to_string_lossy()]);
    assert!(o.status.success());
    assert!(
        !o.stdout.iter().any(|b| *b == 0x1b || *b == 0x07),
        "{:?}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains('\u{9b}'));
}

#[test]
fn search_ranks_what_was_meant_first() {
    let j = json(&treaty(&["search", "23", "--json"]));
    assert_eq!(j[0]["kind"], "article");
    assert_eq!(j[0]["target"], "article:23");
    for key in [
        "kind", "target", "location", "title", "snippet", "score", "why",
    ] {
        assert!(j[0].get(key).is_some(), "search --json has {key}");
    }
    // The provision the words are about first (the subject index says so,
    // and `why` names the term), then the critique that says it.
    let j = json(&treaty(&["search", "dual", "criminality", "--json"]));
    assert_eq!(j[0]["target"], "article:37");
    assert!(
        j[0]["why"].to_string().contains("dual criminality"),
        "{}",
        j[0]
    );
    let j = json(&treaty(&[
        "search",
        "\"dual criminality\"",
        "--json",
        "--limit",
        "30",
    ]));
    let j = serde_json::Value::Array(
        j.as_array()
            .into_iter()
            .flatten()
            .filter(|h| h["kind"] == "passage")
            .cloned()
            .collect(),
    );
    assert!(
        j[0]["snippet"]
            .as_str()
            .is_some_and(|s| s.to_lowercase().contains("dual criminality")),
        "{}",
        j[0]
    );
    let o = treaty(&["search", "--limit", "3", "extradition"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o)
            .lines()
            .filter(|l| l.trim_start().starts_with(char::is_numeric))
            .count(),
        3,
        "{}",
        stdout(&o)
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["check", "show", "refs", "sources", "scan", "search"] {
        let o = treaty(&[sub, "--help"]);
        assert!(o.status.success(), "{sub} --help");
        assert!(stdout(&o).contains("Usage: treaty"), "{sub}");
    }
}

#[test]
fn explorer_without_a_terminal_prints_a_hint() {
    let o = treaty(&[]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("the explorer needs a terminal"));
    let o = treaty(&["69"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the articles run from 1 to 68"));
}
