//! `treaty export`: the briefing pack for a known set of bookmarks and notes,
//! in Markdown and plain text, to stdout and to a file.

mod common;

use common::{stderr, stdout, treaty};
use std::path::Path;
use treaty::user::{ItemRef, UserData};

fn export(home: &Path, args: &[&str]) -> String {
    common::ok(home, &[&["export"], args].concat())
}

const ZAMORA_14: &str = "Alexa Zamora, (untitled), Global Voices, n.d., para. 14";

/// A user data directory with `items` bookmarked, in order.
fn bookmarking(items: &[&str]) -> (tempfile::TempDir, UserData) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut user, warnings) = UserData::load_from(tmp.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    for item in items {
        let item: ItemRef = item.parse().expect("an item");
        assert_eq!(user.toggle_bookmark(&item).ok(), Some(true));
    }
    (tmp, user)
}

/// Bookmarks: article 23, Zamora's paragraph 14, the Hanoi news piece; notes
/// on the article and on the paragraph.
fn bookmarked_home() -> tempfile::TempDir {
    let passage = "passage:zamora#14";
    let (tmp, mut user) = bookmarking(&["article:23", passage, "source:hanoi-warning"]);
    let passage: ItemRef = passage.parse().expect("passage");
    user.set_note(
        &ItemRef::article(23),
        "Raise (2)(b) with the ministry.\nSecond line.".into(),
    )
    .expect("note");
    user.set_note(&passage, "Strongest quote on scope.".into())
        .expect("note");
    tmp
}

/// Where `needle` is in `hay`; fails the test when it is not there.
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("missing {needle:?} in\n{hay}"))
}

#[test]
fn markdown_brief_of_bookmarks_has_every_section_in_order() {
    let home = bookmarked_home();
    let md = export(home.path(), &["--bookmarks"]);
    assert!(
        md.starts_with("# Briefing: your bookmarks (3 items)\n\nGenerated on "),
        "{md}"
    );
    let date =
        &md.as_bytes()["# Briefing: your bookmarks (3 items)\n\nGenerated on ".len()..][..10];
    assert!(
        date.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }),
        "a YYYY-MM-DD date: {:?}",
        String::from_utf8_lossy(date)
    );

    let heading = at(&md, "\n## Art. 23 Scope of procedural measures\n");
    let cite_as = at(
        &md,
        "Cite as: UN Convention against Cybercrime (A/RES/79/243), art. 23",
    );
    let summary = at(
        &md,
        "**Summary (the project's own words, not the authentic text)**\n\nThe powers and procedures of Chapter IV",
    );
    let note = at(
        &md,
        "**Your note:**\n\n> Raise (2)(b) with the ministry.\n> Second line.\n",
    );
    let cited = at(
        &md,
        "### Passages that cite it\n\n> \"Article 23 allows criminal procedural measures",
    );
    let citation = at(&md, &format!("> — {ZAMORA_14}\n"));
    let passage_note = at(
        &md,
        "**Your note on this passage:**\n\n> Strongest quote on scope.",
    );
    let inferred = at(
        &md,
        "### Passages that discuss it without citing it (inferred)",
    );
    let bookmarked = at(&md, "\n## Bookmarked passages\n\n### Zamora, para 14\n");
    let sources_bookmarked = at(
        &md,
        "## Bookmarked sources\n\n### Civil-society groups warn UN cybercrime treaty could threaten human rights\n",
    );
    let sources = at(&md, "\n## Sources\n");
    let order = [
        heading,
        cite_as,
        summary,
        note,
        cited,
        citation,
        passage_note,
        inferred,
        bookmarked,
        sources_bookmarked,
        sources,
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {order:?}\n{md}"
    );
    // Inferred passages say why an analyst linked them.
    assert!(md[inferred..bookmarked].contains("*Why it is linked (an analyst's reading):* "));

    // The source list: every source quoted or bookmarked, unknowns said so.
    let list = &md[sources..];
    assert!(list.contains("1. **(untitled) Alexa Zamora**\n   - id: zamora\n   - author: Alexa Zamora\n   - title: unknown\n   - publisher: Global Voices\n   - date: unknown\n   - url: unknown\n"), "{list}");
    assert!(
        list.contains("   - id: hanoi-warning\n   - author: unknown\n"),
        "{list}"
    );
    assert!(
        list.contains("   - id: benitez-mongelos\n"),
        "quoted as inferred for art. 23"
    );
}

#[test]
fn text_brief_has_no_markdown_and_the_same_content() {
    let home = bookmarked_home();
    let txt = export(home.path(), &["--bookmarks", "--format", "txt"]);
    assert!(
        txt.starts_with("Briefing: your bookmarks (3 items)\n==================================\n"),
        "{txt}"
    );
    at(
        &txt,
        "\nArt. 23 Scope of procedural measures\n------------------------------------\n",
    );
    at(
        &txt,
        "Summary (the project's own words, not the authentic text):\n  The powers and procedures of Chapter IV",
    );
    at(
        &txt,
        "Your note:\n  Raise (2)(b) with the ministry.\n  Second line.\n",
    );
    at(&txt, "    \"Article 23 allows criminal procedural measures");
    at(&txt, &format!("    -- {ZAMORA_14}\n"));
    at(
        &txt,
        "Your note on this passage:\n  Strongest quote on scope.\n",
    );
    at(&txt, "\nSources\n-------\n");
    at(&txt, "     title: unknown\n");
    assert!(
        !txt.contains("**") && !txt.contains("\n## ") && !txt.contains("\n> "),
        "{txt}"
    );
}

#[test]
fn output_file_is_written_whole() {
    let home = bookmarked_home();
    let file = home.path().join("out/brief.md");
    let o = treaty(
        home.path(),
        &[
            "export",
            "--article",
            "23",
            "24",
            "-o",
            &file.to_string_lossy(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("wrote {}\n", file.display()));
    let md = std::fs::read_to_string(&file).expect("the brief");
    assert!(md.starts_with("# Briefing: articles 23, 24\n"), "{md}");
    let a23 = at(&md, "\n## Art. 23 Scope of procedural measures\n");
    let a24 = at(&md, "\n## Art. 24 Conditions and safeguards\n");
    assert!(a23 < a24);
    assert!(
        md.contains("> Raise (2)(b) with the ministry."),
        "notes on selected articles"
    );
    assert!(
        !md.contains("## Bookmarked passages"),
        "only bookmarks briefs list bookmarks"
    );
    // Nothing left beside it: the write went through a temp file.
    let names: Vec<String> = std::fs::read_dir(file.parent().expect("dir"))
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["brief.md"]);
}

#[test]
fn concern_and_chapter_briefs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let md = export(tmp.path(), &["--concern", "dual-criminality"]);
    assert!(md.starts_with("# Briefing: concern \""), "{md}");
    at(&md, "## Sources\n");
    let md = export(tmp.path(), &["--chapter", "IV", "--format", "md"]);
    let chapter = at(
        &md,
        "\n## Chapter IV. Procedural measures and law enforcement\n",
    );
    let first = at(&md, "\n## Art. 23 Scope of procedural measures\n");
    let last = at(&md, "\n## Art. 34 ");
    assert!(chapter < first && first < last);
    assert!(
        !md.contains("## Art. 22 ") && !md.contains("## Art. 35 "),
        "only chapter IV"
    );
}

#[test]
fn bad_selections_exit_2_with_what_exists() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases: &[(&[&str], &str)] = &[
        (&["export", "--bookmarks"], "you have no bookmarks yet"),
        (
            &["export", "--concern", "nope"],
            "no concern 'nope': the concerns are scope, ",
        ),
        (
            &["export", "--article", "69"],
            "article 69 does not exist: the articles run from 1 to 68",
        ),
        (&["export", "--chapter", "X"], "chapter X does not exist"),
        (
            &["export", "--article", "1", "--format", "pdf"],
            "invalid value 'pdf'",
        ),
        (&["export"], "required"),
        (
            &["export", "--bookmarks", "--article", "2"],
            "cannot be used with",
        ),
    ];
    for (args, want) in cases {
        let o = treaty(tmp.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains(want),
            "{args:?}: want {want:?} in {}",
            stderr(&o)
        );
    }
}

/// A bookmarked passage's links are listed with their basis, and every
/// inferred one with the analyst's reason: the brief is quoted in meetings.
#[test]
fn a_bookmarked_passage_lists_its_links_with_the_reasons_for_inferred_ones() {
    let (tmp, _) = bookmarking(&["passage:benitez-mongelos#13", "passage:zamora#14"]);
    let brief = export(tmp.path(), &["--bookmarks"]);
    at(&brief, "*Linked to:* Art. 23 (cited)\n");
    at(
        &brief,
        "Art. 23 (inferred; why: Definitions are in Art. 2; reach beyond",
    );
    at(
        &brief,
        " · Art. 6 (inferred; why: Safeguards against censorship and political persecution for speech are the human-rights clause (Art. 6)",
    );
}
