//! Short names as a user sees them in `sources --json`, `show` and briefs:
//! from the title, then the publisher, then the file name, never a fragment
//! of an author; unique; set with `--short` and changed with `--rename`.

mod common;

use common::{User, json, stderr};
use serde_json::Value;

fn names(user: &User) -> Vec<(String, String)> {
    let all = json(&user.ok(&["sources", "--json"]));
    all.as_array()
        .expect("an array")
        .iter()
        .map(|s: &Value| {
            (
                s["id"].as_str().unwrap_or_default().to_string(),
                s["short_name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn write(user: &User, name: &str, text: &str) -> String {
    let path = user.home.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn names_come_from_title_publisher_or_file_never_the_author() {
    let user = User::new();
    let titled = write(
        &user,
        "memo.md",
        "---\ntitle: Memo on Chapter IV safeguards for the delegation\nauthor: Policy Unit, Ministry of Foreign Affairs\n---\n\nArticle 24 matters.\n",
    );
    let published = write(&user, "advice.txt", "Article 23 reaches too far.\n");
    let bare = write(&user, "Notes by Jane.txt", "Article 30 too.\n");
    user.ok(&["import", &titled]);
    user.ok(&[
        "import",
        &published,
        "--author",
        "Office of the Legal Adviser",
        "--publisher",
        "Ministry of Justice",
    ]);
    user.ok(&["import", &bare, "--author", "Jane Smith"]);
    let got = names(&user);
    for (id, short) in [
        ("zamora", "Zamora"),
        ("benitez-mongelos", "Benítez-Mongelós"),
        ("hanoi-warning", "Hanoi warning"),
        ("memo", "Memo on Chapter IV safeguards"),
        ("advice", "Ministry of Justice"),
        ("notes-by-jane", "Notes by Jane"),
    ] {
        assert!(
            got.contains(&(id.to_string(), short.to_string())),
            "{id} as {short:?} in {got:?}"
        );
    }
    for (_, short) in &got {
        assert!(
            !["Affairs", "Adviser", "Smith"].contains(&short.as_str()),
            "{got:?}"
        );
    }
    let shown = user.ok(&["show", "source", "memo"]);
    assert!(
        shown.contains("  short:     Memo on Chapter IV safeguards\n"),
        "{shown}"
    );
    // The same name in a brief.
    user.ok(&["bookmarks", "add", "24"]);
    let brief = user.ok(&["export", "--bookmarks", "--include-mine"]);
    assert!(
        brief.contains("— Memo on Chapter IV safeguards (yours), para 1 ["),
        "{brief}"
    );
}

#[test]
fn short_and_rename_are_kept_and_unique() {
    let user = User::new();
    let memo = write(&user, "memo.md", "---\ntitle: A memo\n---\n\nArticle 24.\n");
    let other = write(
        &user,
        "other.md",
        "---\ntitle: Another memo\n---\n\nArticle 23.\n",
    );
    user.ok(&["import", &memo, "--short", "MFA memo"]);
    user.ok(&["import", &other]);
    assert!(names(&user).contains(&("memo".into(), "MFA memo".into())));

    // Taken names are refused with who has them, and nothing changes.
    let o = user.run(&["import", &other, "--short", "zamora"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the short name 'zamora' is taken by source 'zamora'"),
        "{}",
        stderr(&o)
    );
    let o = user.run(&["import", "--rename", "other", "mfa MEMO"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is taken by source 'memo'"),
        "{}",
        stderr(&o)
    );
    let o = user.run(&["import", "--rename", "zamora", "Z"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("only the sources of your library"),
        "{}",
        stderr(&o)
    );

    let said = user.ok(&["import", "--rename", "other", "Legal advice"]);
    assert_eq!(
        said,
        "source 'other' was 'Another memo', is now 'Legal advice' everywhere\n"
    );
    assert!(names(&user).contains(&("other".into(), "Legal advice".into())));
    // Importing the file again keeps the name it was given.
    user.ok(&["import", &other]);
    user.ok(&["import", &memo]);
    let got = names(&user);
    assert!(
        got.contains(&("other".into(), "Legal advice".into())),
        "{got:?}"
    );
    assert!(got.contains(&("memo".into(), "MFA memo".into())), "{got:?}");
}

#[test]
fn clashing_names_are_made_unique() {
    let user = User::new();
    let a = write(&user, "a.md", "---\ntitle: Statement\n---\n\nArticle 24.\n");
    let b = write(&user, "b.md", "---\ntitle: Statement\n---\n\nArticle 23.\n");
    user.ok(&["import", &a, &b]);
    let got = names(&user);
    assert!(got.contains(&("a".into(), "Statement".into())), "{got:?}");
    assert!(got.contains(&("b".into(), "Statement 2".into())), "{got:?}");
}
