//! `treaty export`: the brief for a known set of bookmarks and notes, as a
//! user gets it: Markdown and plain text on stdout, HTML and DOCX files (the
//! DOCX opened and read back), hostile sources and notes kept as text.

mod common;

use common::{stderr, stdout, treaty};
use std::path::Path;
use treaty::user::{ItemRef, UserData};

fn export(home: &Path, args: &[&str]) -> String {
    common::ok(home, &[&["export"], args].concat())
}

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
fn markdown_brief_of_bookmarks_is_short_and_in_the_users_order() {
    let home = bookmarked_home();
    let md = export(home.path(), &["--bookmarks"]);
    assert!(
        md.starts_with("# Brief: Art. 23 and Hanoi warning\n\n**Date:** "),
        "{md}"
    );
    let date = &md.as_bytes()["# Brief: Art. 23 and Hanoi warning\n\n**Date:** ".len()..][..10];
    assert!(
        date.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }),
        "a YYYY-MM-DD date: {:?}",
        String::from_utf8_lossy(date)
    );
    let purpose = at(
        &md,
        "**Purpose:** What civil-society critiques say about Art. 23 and Hanoi warning",
    );
    let heading = at(&md, "\n## Art. 23 Scope of procedural measures\n");
    let summary = at(
        &md,
        "**Summary (the project's own words, not the authentic text):** The powers and procedures of Chapter IV",
    );
    let note = at(
        &md,
        "**Your note:**\n\n> Raise (2)(b) with the ministry.\n> Second line.\n",
    );
    let counted = at(
        &md,
        "**What the critiques say:** 5 passages in 5 sources: 1 cites it, 4 discuss it without citing it (linked by an analyst's reading: 3 criticise it, 1 proposes a change); 3 quoted below.",
    );
    // The bookmarked passage is quoted first, under the provision it cites.
    let quote = at(&md, "> \"Article 23 allows criminal procedural measures");
    let citation = at(&md, "> — Zamora, para 14 [1]\n");
    let passage_note = at(
        &md,
        "**Your note on this passage:**\n\n> Strongest quote on scope.",
    );
    let inferred = at(
        &md,
        "*Linked by an analyst's reading, not by a citation (criticises it):* ",
    );
    let source = at(
        &md,
        "\n## Hanoi warning\n\n\"Civil-society groups warn UN cybercrime treaty could threaten human rights\", 2025-10 (date inferred) [",
    );
    let sources = at(&md, "\n## Sources\n\n1. Alexa Zamora, Global Voices\n");
    let order = [
        purpose,
        heading,
        summary,
        note,
        counted,
        quote,
        citation,
        passage_note,
        inferred,
        source,
        sources,
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {order:?}\n{md}"
    );
    assert_eq!(
        md.matches("Zamora, para 14").count(),
        1,
        "quoted once: {md}"
    );
    assert_eq!(md.matches("\n> \"").count(), 3, "at most 3 quotes: {md}");
    for never in [
        "(untitled)",
        "n.d.",
        "unknown",
        "id:",
        "## Bookmarked passages",
    ] {
        assert!(!md.contains(never), "{never:?} in {md}");
    }
    let words = md.split_whitespace().count();
    assert!(words < 900, "{words} words");
}

#[test]
fn max_quotes_and_text_format() {
    let home = bookmarked_home();
    let txt = export(
        home.path(),
        &["--bookmarks", "--format", "txt", "--max-quotes", "1"],
    );
    assert!(
        txt.starts_with("Brief: Art. 23 and Hanoi warning\n================================\n"),
        "{txt}"
    );
    at(
        &txt,
        "\nArt. 23 Scope of procedural measures\n------------------------------------\n",
    );
    at(
        &txt,
        "Your note:\n  Raise (2)(b) with the ministry.\n  Second line.\n",
    );
    at(&txt, "    \"Article 23 allows criminal procedural measures");
    at(&txt, "    -- Zamora, para 14 [1]\n");
    at(&txt, "1 quoted below.");
    assert_eq!(txt.matches("    -- ").count(), 1, "{txt}");
    at(
        &txt,
        "\nSources\n-------\n\n1. Alexa Zamora, Global Voices\n",
    );
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
            "--title",
            "Chapter IV: what to say on Thursday",
            "--purpose",
            "Speaking points for the committee",
            "-o",
            &file.to_string_lossy(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("wrote {}\n", file.display()));
    let md = std::fs::read_to_string(&file).expect("the brief");
    assert!(
        md.starts_with("# Chapter IV: what to say on Thursday\n\n**Date:** "),
        "{md}"
    );
    at(&md, "**Purpose:** Speaking points for the committee\n");
    let a23 = at(&md, "\n## Art. 23 Scope of procedural measures\n");
    let a24 = at(&md, "\n## Art. 24 Conditions and safeguards\n");
    assert!(a23 < a24);
    assert!(
        md.contains("> Raise (2)(b) with the ministry."),
        "notes on selected articles"
    );
    let names: Vec<String> = std::fs::read_dir(file.parent().expect("dir"))
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["brief.md"]);
}

#[test]
fn concern_by_name_and_chapter_briefs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let by_id = export(tmp.path(), &["--concern", "dual-criminality"]);
    let by_name = export(tmp.path(), &["--concern", "dual criminality"]);
    assert_eq!(by_id, by_name);
    assert!(
        by_name.starts_with(
            "# Brief: the concern \"Dual criminality and transnational repression\"\n"
        ),
        "{by_name}"
    );
    at(&by_name, "**The concern:** ");
    at(&by_name, "## Sources\n");
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
    // Every passage at most once in the whole brief.
    let quotes: Vec<&str> = md.lines().filter(|l| l.starts_with("> — ")).collect();
    let mut unique = quotes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(quotes.len(), unique.len());
}

#[test]
fn bad_selections_exit_2_with_what_exists() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases: &[(&[&str], &str)] = &[
        (&["export", "--bookmarks"], "you have no bookmarks yet"),
        (
            &["export", "--concern", "nope"],
            "no concern 'nope': the concerns are scope (Scope), ",
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
        (
            &["export", "--article", "1", "--format", "docx"],
            "write it to a file",
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

/// A bookmarked passage no bookmarked provision quotes stands on its own,
/// with what it discusses, a link by reading saying so and why.
#[test]
fn a_lone_bookmarked_passage_says_what_it_discusses() {
    let (tmp, _) = bookmarking(&["passage:benitez-mongelos#13", "passage:zamora#14"]);
    let brief = export(tmp.path(), &["--bookmarks"]);
    let first = at(&brief, "\n## Benítez-Mongelós, para 13\n");
    let second = at(
        &brief,
        "\n## Zamora, para 14\n\n**Discusses:** Art. 23 (cited)\n",
    );
    assert!(first < second, "the user's order");
    at(
        &brief,
        " · Art. 6 (linked by an analyst's reading: Safeguards against censorship and political persecution for speech are the human-rights clause (Art. 6)",
    );
}

/// The text of a DOCX file: every `<w:t>` run of word/document.xml, one
/// paragraph a line.
fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        for run in para.split("<w:t").skip(1) {
            let Some((_, rest)) = run.split_once('>') else {
                continue;
            };
            let text = rest.split("</w:t>").next().unwrap_or_default();
            out.push_str(
                &text
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
        }
        out.push('\n');
    }
    out
}

#[test]
fn docx_and_html_briefs_are_written_and_read_back() {
    let home = bookmarked_home();
    let docx = home.path().join("brief.docx");
    let o = treaty(
        home.path(),
        &["export", "--bookmarks", "-o", &docx.to_string_lossy()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&docx).expect("written");
    let text = docx_text(&bytes);
    let title = at(&text, "Brief: Art. 23 and Hanoi warning\n");
    let heading = at(&text, "\nArt. 23 Scope of procedural measures\n");
    let summary = at(
        &text,
        "Summary (the project's own words, not the authentic text): The powers and procedures of Chapter IV",
    );
    let counted = at(&text, "What the critiques say: 5 passages in 5 sources");
    let quote = at(&text, "“Article 23 allows criminal procedural measures");
    let by = at(&text, "— Zamora, para 14 [1]\n");
    let note = at(&text, "Raise (2)(b) with the ministry.\nSecond line.\n");
    let sources = at(&text, "\nSources\n1.\tAlexa Zamora, Global Voices\n");
    assert!(title < heading && heading < summary && summary < note && note < counted);
    assert!(counted < quote && quote < by && by < sources, "{text}");
    assert!(!text.contains("(untitled)") && !text.contains("n.d."));

    let html_file = home.path().join("brief.html");
    let o = treaty(
        home.path(),
        &["export", "--bookmarks", "-o", &html_file.to_string_lossy()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&html_file).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    at(&html, "<title>Brief: Art. 23 and Hanoi warning</title>");
    at(&html, "@media print");
    at(&html, "<h2>Art. 23 Scope of procedural measures</h2>");
    at(&html, "<p class=\"by\">— Zamora, para 14 [1]</p>");
    // Self-contained: nothing is fetched, nothing runs.
    for never in ["<script", "src=", "<link", "@import"] {
        assert!(!html.contains(never), "{never} in {html}");
    }
}

/// Hostile text in an imported source and in a note is text in every format:
/// no tag, no link to `javascript:`, no escape sequence.
#[test]
fn hostile_sources_and_notes_are_escaped() {
    let home = common::User::new();
    let file = home.home.path().join("hostile.md");
    std::fs::write(
        &file,
        "---\ntitle: Hostile <img src=x onerror=alert(1)>\nurl: javascript:alert(2)\n---\n\n\
         Article 23 [click](javascript:alert(3)) <script>alert(4)</script> \u{1b}]0;PWNED\u{7}\n",
    )
    .expect("write");
    home.ok(&["import", &file.to_string_lossy()]);
    home.ok(&["bookmarks", "add", "23"]);
    home.ok(&["bookmarks", "add", "hostile#1"]);
    let md = home.ok(&["export", "--bookmarks", "--include-mine"]);
    at(
        &md,
        "\\[click\\](javascript:alert(3)) \\<script\\>alert(4)\\</script\\>",
    );
    assert!(!md.contains("alert(2)"), "an unsafe URL is left out: {md}");
    assert!(!md.contains('\u{1b}'));
    let html_file = home.home.path().join("b.html");
    home.ok(&[
        "export",
        "--bookmarks",
        "--include-mine",
        "-o",
        &html_file.to_string_lossy(),
    ]);
    let html = std::fs::read_to_string(&html_file).expect("html");
    at(&html, "&lt;script&gt;alert(4)&lt;/script&gt;");
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("alert(2)"));
    assert!(!html.contains("href=\"javascript"));
    let docx = home.home.path().join("b.docx");
    home.ok(&[
        "export",
        "--bookmarks",
        "--include-mine",
        "-o",
        &docx.to_string_lossy(),
    ]);
    let text = docx_text(&std::fs::read(&docx).expect("docx"));
    at(
        &text,
        "[click](javascript:alert(3)) <script>alert(4)</script>",
    );
    assert!(
        !text.contains('\u{1b}') && !text.contains("alert(2)"),
        "{text}"
    );
}

/// The user's own documents are never what the critiques say: left out by
/// default, counted as left out; with --include-mine, in their own section.
#[test]
fn own_documents_are_left_out_unless_asked_for() {
    let home = common::User::new();
    let file = home.home.path().join("memo.md");
    std::fs::write(
        &file,
        "---\ntitle: Our position on Article 23\nauthor: Policy Unit, Ministry of Foreign Affairs\n---\n\n\
         We support Article 23 with reservations.\n",
    )
    .expect("write");
    home.ok(&["import", &file.to_string_lossy()]);
    let md = home.ok(&["export", "--article", "23"]);
    assert!(!md.contains("We support Article 23"), "{md}");
    at(&md, "**What the critiques say:** 5 passages in 5 sources");
    at(&md, "Left out: 1 passage of your own documents");
    let with = home.ok(&["export", "--article", "23", "--include-mine"]);
    // `--with-own`, as `present` takes it, is the same option.
    assert_eq!(home.ok(&["export", "--article", "23", "--with-own"]), with);
    at(&with, "**What the critiques say:** 5 passages in 5 sources");
    let mine = at(
        &with,
        "**From your own documents (not critiques):** 1 passage in 1 document: 1 cites it; it is quoted below.",
    );
    let quote = at(
        &with,
        "> \"We support Article 23 with reservations.\"\n>\n> — Our position on Article 23 (yours), para 1 [",
    );
    assert!(mine < quote);
    at(&with, "(your own document)");
    assert!(
        !with.contains("Affairs, para"),
        "never a fragment of the author: {with}"
    );
    at(
        &with,
        "4. Policy Unit, Ministry of Foreign Affairs, \"Our position on Article 23\" (your own document)",
    );
}

#[test]
fn key_points_are_kept_as_the_briefs_note() {
    let home = bookmarked_home();
    let md = export(
        home.path(),
        &[
            "--bookmarks",
            "--key-points",
            "Support Art. 23 only with (2)(b) narrowed.",
        ],
    );
    let points = at(
        &md,
        "## Key points\n\n**Written by you:**\n\n> Support Art. 23 only with (2)(b) narrowed.\n",
    );
    assert!(points < at(&md, "\n## Art. 23 "));
    // Kept: the next brief has them without the flag, and notes list them.
    let again = export(home.path(), &["--bookmarks"]);
    at(&again, "> Support Art. 23 only with (2)(b) narrowed.");
    let notes = common::ok(home.path(), &["notes", "show", "brief:bookmarks"]);
    at(&notes, "Key points of the brief on bookmarks");
}

/// `present --deck` takes a concern's title as `export --concern` does.
#[test]
fn decks_take_a_concern_by_title() {
    let corpus = treaty::corpus::load_embedded().expect("corpus");
    let by_id = treaty::app::view::slides::deck_named(&corpus, "concern dual-criminality", &[])
        .expect("by id");
    for name in ["concern dual criminality", "Dual criminality"] {
        let deck = treaty::app::view::slides::deck_named(&corpus, name, &[]).expect(name);
        assert_eq!(deck.title, by_id.title, "{name}");
    }
    assert!(
        treaty::app::view::slides::deck_named(&corpus, "concern nothing like it", &[]).is_err()
    );
}

/// `X` in the explorer opens the note editor on the key points of the brief
/// `x` writes (here the bookmarks'), and the brief shows what was written
/// there, first, as the user's words.
#[test]
fn x_capital_writes_the_key_points_the_brief_shows() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let home = tempfile::tempdir().expect("tempdir");
    let mut a = common::App::with_user(corpus, Some("24"), 100, 30, home);
    a.keys(&[common::key('b'), common::key('B'), common::key('X')]);
    let s = a.screen();
    assert!(
        s.contains("Key points of the brief on 1 bookmarks (x writes it)"),
        "{s}"
    );
    a.typed("Ask that a judge authorise every power.");
    a.keys(&[KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)]);
    assert!(a.state.overlay.is_none());
    assert!(
        a.status()
            .contains("key points of the brief (bookmarks) saved"),
        "{}",
        a.status()
    );
    let item: ItemRef = "brief:bookmarks".parse().expect("an item");
    assert_eq!(
        a.state.user.note(&item),
        Some("Ask that a judge authorise every power.")
    );
    // The brief x writes now opens with them.
    let md = treaty::user::brief::brief(
        &a.corpus,
        &a.graph,
        &a.state.user,
        &treaty::user::brief::Selection::Bookmarks,
        treaty::user::brief::Format::Markdown,
    )
    .expect("a brief");
    let points = md.find("## Key points").expect("the key points");
    let said = md
        .find("Ask that a judge authorise every power.")
        .expect("the words");
    assert!(points < said, "{md}");
    assert!(
        md[said..].contains("Conditions and safeguards"),
        "then the provision: {md}"
    );
    // X again brings the words back to edit.
    a.keys(&[common::key('X')]);
    assert!(
        a.screen().contains("Ask that a judge authorise"),
        "{}",
        a.screen()
    );
}
