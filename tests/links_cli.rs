//! `treaty links` and the subject index from the command line, on the real
//! binary: suggestions with score and reason, accept and reject remembered,
//! the basis `suggested` in `refs --json`, and `check` locating index
//! problems.

mod common;

use common::{User, json, stderr, stdout};
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).expect("copy");
        }
    }
}

#[test]
fn suggest_accept_and_reject() {
    let user = User::new();
    let rows = json(&user.ok(&["links", "suggest", "zamora", "--json"]));
    let rows = rows.as_array().expect("a list");
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r["basis"], "suggested");
        assert_eq!(r["state"], "suggested");
        assert!(r["score"].as_f64().is_some_and(|s| s > 0.0));
        let reason = r["reason"].as_str().expect("a reason");
        assert!(
            reason.contains("' -> ") || reason.contains("'-> "),
            "{reason}"
        );
    }
    let first = &rows[0];
    let passage = first["passage"].as_str().expect("passage");
    let target = first["target"].as_str().expect("target");
    let accepted = json(&user.ok(&["links", "accept", passage, target, "--json"]));
    assert_eq!(accepted["state"], "accepted");
    // Accepted: the user's own inferred link, with the reason, in refs.
    let refs = json(&user.ok(&["refs", target, "--json"]));
    let mine = refs
        .as_array()
        .expect("refs")
        .iter()
        .find(|r| r["source"] == "zamora" && r["paragraph"] == first["paragraph"])
        .expect("the accepted link in refs");
    assert_eq!(mine["basis"], "inferred");
    assert!(
        mine["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("accepted suggestion"))
    );
    // Rejected: no longer suggested.
    user.ok(&["links", "reject", passage, target]);
    let again = json(&user.ok(&["links", "suggest", "zamora", "--json"]));
    assert!(
        !again
            .as_array()
            .expect("a list")
            .iter()
            .any(|r| r["passage"] == passage && r["target"] == target)
    );
}

#[test]
fn refs_json_adds_suggested_entries_with_score() {
    let user = User::new();
    let refs = json(&user.ok(&["refs", "6", "--json"]));
    let list = refs.as_array().expect("refs");
    let suggested: Vec<_> = list.iter().filter(|r| r["basis"] == "suggested").collect();
    assert!(!suggested.is_empty());
    assert!(
        suggested
            .iter()
            .all(|r| r["score"].is_number() && r["reason"].is_string())
    );
    assert!(
        list.iter()
            .filter(|r| r["basis"] != "suggested")
            .all(|r| r.get("score").is_none())
    );
}

#[test]
fn bad_input_is_refused_with_what_exists() {
    let user = User::new();
    let o = user.run(&["links", "accept", "zamora#999", "6"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("paragraphs 1 to"), "{}", stderr(&o));
    let o = user.run(&["links", "suggest", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the sources are"), "{}", stderr(&o));
    let o = user.run(&["links", "accept", "zamora#1", "article:9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not suggested"), "{}", stderr(&o));
}

#[test]
fn check_locates_subject_index_problems() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        tmp.path(),
    );
    std::fs::write(
        tmp.path().join("index.json"),
        "[\n  {\"target\": \"article:70\", \"en\": [\"x\"]},\n  {\"target\": \"article:7\", \"en\": [\"hacking\", \"Hacking\"]},\n  {\"target\": \"article:8\"}\n]\n",
    )
    .expect("write");
    let user = User::new();
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = user.run(&["check", "--data", &dir]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for want in [
        "index.json:2:14: index entry: article 70 does not exist",
        "index.json:3:45: duplicate term \"Hacking\" for article:7 (first given at 3:34)",
        "index.json:4:3: the index entry for article:8 has no terms",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // Without index.json a corpus directory still loads.
    std::fs::remove_file(tmp.path().join("index.json")).expect("rm");
    let o = user.run(&["check", "--data", &dir]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("index terms    0"), "{}", stdout(&o));
}
