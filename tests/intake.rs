//! Real documents in: PDFs, Word and OpenDocument files and web pages that
//! the tests write themselves, imported with the real binary. Each body
//! paragraph must come out whole, and nothing else: no running header, page
//! counter, job number, navigation or footer; footnotes apart; headings kept.
//! Broken input is refused with a message naming the file, storing nothing.

mod common;
mod docs;

use common::{User, json, stderr};
use docs::{Layout, at, docx, w_p};
use std::path::{Path, PathBuf};
use treaty::corpus::source_file::parse_source;

/// Writes `bytes` as `name` in the user's home and returns its path.
fn file(user: &User, name: &str, bytes: &[u8]) -> PathBuf {
    let path = user.home.path().join(name);
    std::fs::write(&path, bytes).expect("fixture written");
    path
}

/// The one stored source of the user's library: (paragraphs, headings, title, author, date).
fn stored(user: &User) -> (Vec<String>, Vec<String>, treaty::corpus::SourceMeta) {
    let dir = user.data().join("sources");
    let entry = std::fs::read_dir(&dir)
        .expect("sources")
        .filter_map(Result::ok)
        .next()
        .expect("one source");
    let text = std::fs::read_to_string(entry.path()).expect("stored");
    let s = parse_source("x", "x.md", &text).expect("the stored file parses");
    (
        s.passages.into_iter().map(|p| p.text).collect(),
        s.headings.into_iter().map(|h| h.text).collect(),
        s.meta,
    )
}

fn nothing_stored(user: &User) {
    let dir = user.data().join("sources");
    let n = std::fs::read_dir(&dir).map_or(0, |d| d.count());
    assert_eq!(n, 0, "something was stored in {}", dir.display());
}

/// Imports `path`, which must fail with exit 2 and a message naming the
/// file that contains `says`; nothing may be stored.
fn refused(user: &User, path: &Path, says: &str) -> String {
    let o = user.run(&["import", path.to_str().expect("utf-8 path")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(err.contains(name), "the message names the file: {err}");
    assert!(err.contains(says), "{says:?} in {err}");
    nothing_stored(user);
    err
}

const P1: &str = "States Parties shall adopt such legislative and other measures as may be \
    necessary to establish as criminal offences under their domestic law, when committed \
    intentionally, the access to the whole or any part of an information and communications \
    technology system without right.";
const P2: &str = "A State Party may require that the offence be committed by infringing \
    security measures, with the intent of obtaining electronic data or other dishonest or \
    criminal intent, or in relation to an information and communications technology system \
    that is connected to another information and communications technology system.";
const P3: &str = "Each State Party shall ensure that the establishment, implementation and \
    application of the powers and procedures provided for in this chapter are subject to \
    conditions and safeguards provided for under its domestic law, which shall provide for \
    the protection of human rights, in accordance with its obligations under international \
    human rights law, and which shall incorporate the principle of proportionality.";

/// A three-page brief: a running header and job number on every page, a
/// page counter at the foot, a heading that wraps onto two lines, a
/// paragraph with a footnote, words hyphenated at line ends (one of them
/// the keyword of a citation), a real compound kept, and a sentence that
/// runs across a page break.
fn brief_pdf() -> Vec<u8> {
    let mut l = Layout::new("A/AC.291/CRP.9 Comments on the draft convention");
    l.heading("Comments on the criminalization chapter of the draft");
    l.heading("convention against cybercrime");
    l.paragraph_with_note(P1, "See the report of the Ad Hoc Committee, para. 12.");
    l.lines(&[
        "The delegation recalls that, under Arti-",
        "cle 47, cross-border cooperation between law enforcement",
        "authorities is encouraged, and that the inter-",
        "national community has long asked for cyber-related offences to be defined.",
    ]);
    l.paragraph(P2);
    // Fill the page so that the next paragraph runs over the page break.
    while l.lines_left() > 3 {
        l.paragraph("Filler paragraph of the brief, which says little.");
    }
    l.paragraph(P3);
    l.heading("Conclusion");
    l.paragraph("The delegation stands ready to discuss Article 70 as well.");
    docs::pdf(
        &l.pages(),
        Some((
            "Comments on the draft convention",
            "Delegation of Ruritania",
            "D:20240715120000Z",
        )),
    )
}

#[test]
fn a_pdf_brief_imports_as_the_paragraphs_a_person_reads() {
    let user = User::new();
    let path = file(&user, "brief.pdf", &brief_pdf());
    let out = user.ok(&["import", "--json", path.to_str().expect("path")]);
    let j = json(&out);
    assert_eq!(j[0]["format"], "pdf", "{out}");
    let (paragraphs, headings, meta) = stored(&user);
    assert_eq!(
        headings,
        vec![
            "Comments on the criminalization chapter of the draft convention against cybercrime",
            "Conclusion"
        ]
    );
    let fillers = paragraphs
        .iter()
        .filter(|p| p.starts_with("Filler"))
        .count();
    assert!(fillers > 3, "{paragraphs:#?}");
    let body: Vec<&String> = paragraphs
        .iter()
        .filter(|p| !p.starts_with("Filler"))
        .collect();
    assert_eq!(
        body,
        vec![
            &format!("{P1}¹"),
            &"Note 1: See the report of the Ad Hoc Committee, para. 12.".to_string(),
            &"The delegation recalls that, under Article 47, cross-border cooperation between \
              law enforcement authorities is encouraged, and that the international community \
              has long asked for cyber-related offences to be defined."
                .to_string(),
            &P2.to_string(),
            &P3.to_string(),
            &"The delegation stands ready to discuss Article 70 as well.".to_string(),
        ]
    );
    for p in &paragraphs {
        for furniture in ["A/AC.291", "24-25178", "/3", "Comments on the draft"] {
            assert!(!p.contains(furniture), "{furniture:?} in {p:?}");
        }
    }
    assert_eq!(
        meta.title.as_deref(),
        Some("Comments on the draft convention")
    );
    assert_eq!(meta.author.as_deref(), Some("Delegation of Ruritania"));
    assert_eq!(meta.date.as_deref(), Some("2024-07-15"));
    // The hyphenated keyword is a citation.
    assert!(
        j[0]["cited"]
            .as_array()
            .expect("cited")
            .iter()
            .any(|c| c["target"] == "article:47"),
        "{out}"
    );
}

#[test]
fn an_unresolved_citation_in_a_pdf_is_placed_on_its_page() {
    let user = User::new();
    let path = file(&user, "brief.pdf", &brief_pdf());
    let out = user.ok(&["import", path.to_str().expect("path")]);
    assert!(
        out.contains("brief.pdf: page 2: \"Article 70\": article 70 does not exist"),
        "{out}"
    );
}

#[test]
fn flags_win_over_the_documents_own_metadata() {
    let user = User::new();
    let path = file(&user, "brief.pdf", &brief_pdf());
    user.ok(&[
        "import",
        "--title",
        "My title",
        path.to_str().expect("path"),
    ]);
    let (_, _, meta) = stored(&user);
    assert_eq!(meta.title.as_deref(), Some("My title"));
    assert_eq!(meta.author.as_deref(), Some("Delegation of Ruritania"));
}

fn brief_docx() -> Vec<u8> {
    let body = [
        w_p(Some("Title"), "Submission on the draft convention"),
        w_p(Some("Heading1"), "Safeguards"),
        r#"<w:p><w:r><w:t xml:space="preserve">Article 24 must apply to every power</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve">, without exception.</w:t></w:r></w:p>"#
            .to_string(),
        r#"<w:p><w:r><w:t>Deleted </w:t></w:r><w:del><w:r><w:delText>old words </w:delText></w:r></w:del><w:r><w:t>text stays out; fields show their result: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"#.to_string(),
        w_p(None, "A second\u{a0}paragraph with an e\u{FB03}cient ligature & more."),
        r#"<w:sectPr><w:headerReference w:id="rId1"/></w:sectPr>"#.to_string(),
    ]
    .concat();
    let footnotes = r#"<?xml version="1.0"?><w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>As the Committee noted in 2023.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let header = r#"<?xml version="1.0"?><w:hdr xmlns:w="w"><w:p><w:r><w:t>RUNNING HEADER OF THE SUBMISSION</w:t></w:r></w:p></w:hdr>"#;
    let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Submission on safeguards</dc:title><dc:creator>Civil Society Coalition</dc:creator><dcterms:created>2024-02-01T10:00:00Z</dcterms:created></cp:coreProperties>"#;
    docx(
        &body,
        &[
            ("word/footnotes.xml", footnotes),
            ("word/header1.xml", header),
            ("docProps/core.xml", core),
        ],
    )
}

#[test]
fn a_word_file_imports_its_body_headings_and_notes() {
    let user = User::new();
    // Named .bin: the format is known by content.
    let path = file(&user, "submission.bin", &brief_docx());
    user.ok(&["import", path.to_str().expect("path")]);
    let (paragraphs, headings, meta) = stored(&user);
    assert_eq!(
        headings,
        vec!["Submission on the draft convention", "Safeguards"]
    );
    assert_eq!(
        paragraphs,
        vec![
            "Article 24 must apply to every power, without exception. [1]",
            "Note 1: As the Committee noted in 2023.",
            "Deleted text stays out; fields show their result: 7.",
            "A second paragraph with an efficient ligature & more.",
        ]
    );
    assert_eq!(meta.title.as_deref(), Some("Submission on safeguards"));
    assert_eq!(meta.author.as_deref(), Some("Civil Society Coalition"));
    assert_eq!(meta.date.as_deref(), Some("2024-02-01"));
}

fn odt(content: &str, meta: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (path, data) in [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
            ("meta.xml", meta),
        ] {
            zip.start_file(path, stored).expect("entry");
            zip.write_all(data.as_bytes()).expect("write");
        }
        zip.finish().expect("zip");
    }
    buf.into_inner()
}

#[test]
fn an_opendocument_file_imports_its_body_headings_and_notes() {
    let content = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls><text:h text:outline-level="1">Position paper</text:h><text:p>Article 23 should be narrowed<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>See the earlier draft.</text:p></text:note-body></text:note>, as<text:s/>many said.</text:p><text:p>Second<text:tab/>paragraph with <text:span>a span</text:span>.</text:p><office:annotation><text:p>A reviewer's comment.</text:p></office:annotation></office:text></office:body></office:document-content>"#;
    let meta = r#"<?xml version="1.0"?><office:document-meta xmlns:office="o" xmlns:dc="d" xmlns:meta="m"><office:meta><dc:title>Position paper on article 23</dc:title><meta:initial-creator>An NGO</meta:initial-creator><meta:creation-date>2024-03-04T10:00:00</meta:creation-date></office:meta></office:document-meta>"#;
    let user = User::new();
    let path = file(&user, "paper.odt", &odt(content, meta));
    let out = user.ok(&["import", "--json", path.to_str().expect("path")]);
    assert_eq!(json(&out)[0]["format"], "odt", "{out}");
    let (paragraphs, headings, meta) = stored(&user);
    assert_eq!(headings, vec!["Position paper"]);
    assert_eq!(
        paragraphs,
        vec![
            "Article 23 should be narrowed[1], as many said.",
            "Note 1: See the earlier draft.",
            "Second paragraph with a span.",
        ]
    );
    assert_eq!(meta.title.as_deref(), Some("Position paper on article 23"));
    assert_eq!(meta.author.as_deref(), Some("An NGO"));
    assert_eq!(meta.date.as_deref(), Some("2024-03-04"));
}

const PAGE: &str = r##"<!DOCTYPE html>
<html><head><title>Statement at the fifth session</title>
<meta name="author" content="Jane Delegate">
<meta property="article:published_time" content="2024-08-08T09:00:00+02:00">
<style>.x { display: none }</style>
<script>window.analytics = "Article 99";</script></head>
<body>
<div id="cookie-consent"><p>We use cookies. Accept all?</p><button>OK</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="layout">
<article>
<h1>Statement on articles 23 and 24</h1>
<p class="byline">By Jane Delegate</p>
<p>Our delegation welcomes Article&nbsp;23 and the safeguards of article 24.</p>
<p>We ask that <strong>Articles 29 and 30</strong> be read with the chapter on international cooperation.</p>
<div class="related-posts"><h2>Related posts</h2><ul><li><a href="/a">Another statement</a></li></ul></div>
<div class="share"><a href="#">Share on social media</a></div>
</article>
<aside><p>Sidebar: upcoming events.</p></aside>
</div>
<footer><p>Contact us. Copyright 2024.</p></footer>
<script>trackPage();</script>
</body></html>"##;

#[test]
fn a_web_page_imports_its_main_content_only() {
    let user = User::new();
    let path = file(&user, "statement.html", PAGE.as_bytes());
    let out = user.ok(&["import", "--json", path.to_str().expect("path")]);
    let (paragraphs, headings, meta) = stored(&user);
    assert_eq!(headings, vec!["Statement on articles 23 and 24"]);
    assert_eq!(
        paragraphs,
        vec![
            "By Jane Delegate",
            "Our delegation welcomes Article 23 and the safeguards of article 24.",
            "We ask that Articles 29 and 30 be read with the chapter on international cooperation.",
        ]
    );
    assert_eq!(
        meta.title.as_deref(),
        Some("Statement at the fifth session")
    );
    assert_eq!(meta.author.as_deref(), Some("Jane Delegate"));
    assert_eq!(meta.date.as_deref(), Some("2024-08-08"));
    assert_eq!(json(&out)[0]["format"], "html");
}

#[test]
fn utf16_text_is_decoded_not_refused_nor_garbled() {
    let text = "Mémo on Article 23.\r\n\r\nSecond paragraph, article 24.\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        for lossy in [false, true] {
            let user = User::new();
            let path = file(&user, name, &bytes);
            let mut args = vec!["import", path.to_str().expect("path")];
            if lossy {
                args.push("--lossy");
            }
            let out = user.ok(&args);
            assert!(out.contains("2 paragraphs"), "{out}");
            let (paragraphs, _, _) = stored(&user);
            assert_eq!(
                paragraphs,
                vec!["Mémo on Article 23.", "Second paragraph, article 24."]
            );
        }
    }
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let user = User::new();
    let pages = vec![vec![at("Secret text of the brief.", 72.0, 100.0, 10.0)]];
    let path = file(&user, "locked.pdf", &docs::encrypted_pdf(&pages, "secret"));
    refused(&user, &path, "this PDF is encrypted with a password");
}

#[test]
fn a_scanned_pdf_asks_for_ocr() {
    let user = User::new();
    let path = file(&user, "scan.pdf", &docs::scanned_pdf(2));
    refused(&user, &path, "this PDF holds scanned images: run OCR first");
}

#[test]
fn a_corrupt_zip_is_refused() {
    let user = User::new();
    let mut bytes = brief_docx();
    let keep = bytes.len() / 2;
    bytes.truncate(keep);
    let path = file(&user, "broken.docx", &bytes);
    refused(&user, &path, "damaged ZIP archive");
}

#[test]
fn a_page_without_main_content_is_refused() {
    let user = User::new();
    let page = "<!DOCTYPE html><html><head><title>Menu</title><script>go()</script></head>\
        <body><nav><a href='/'>Home</a></nav><div class='cookie-banner'><p>Cookies?</p></div>\
        <footer><p>Contact</p></footer></body></html>";
    let path = file(&user, "menu.html", page.as_bytes());
    refused(&user, &path, "has no main content");
}

#[test]
fn a_damaged_pdf_is_refused() {
    let user = User::new();
    let mut bytes = brief_pdf();
    bytes.truncate(bytes.len() / 3);
    let path = file(&user, "cut.pdf", &bytes);
    let o = user.run(&["import", path.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cut.pdf"), "{}", stderr(&o));
    nothing_stored(&user);
}

/// A chapter: its roman number, its title, and its (article, title) pairs.
type Chapter = (String, String, Vec<(u64, String)>);

/// The chapters and articles of the built-in data.
fn structure() -> Vec<Chapter> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/convention.json");
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("data")).expect("json");
    j["chapters"]
        .as_array()
        .expect("chapters")
        .iter()
        .map(|c| {
            (
                c["number"].as_str().expect("roman").to_string(),
                c["title"].as_str().expect("title").to_string(),
                c["articles"]
                    .as_array()
                    .expect("articles")
                    .iter()
                    .map(|a| {
                        (
                            a["number"].as_u64().expect("n"),
                            a["title"].as_str().expect("t").to_string(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A PDF shaped like the official A/RES/79/243: the resolution's own
/// paragraphs (citing articles), then the annex with the title, preamble,
/// chapters and 68 articles, each heading centred, long titles wrapped onto
/// two lines, numbered paragraphs, a footnote, running headers, the job
/// number and page counters. The text is the test's own, not the
/// convention's. `wrong_title` replaces one article's title.
fn annex_pdf(wrong_title: Option<(u64, &str)>) -> Vec<u8> {
    let mut l = Layout::new("A/RES/79/243 United Nations Convention against Cybercrime");
    l.width = 70;
    l.paragraph("The General Assembly,");
    l.paragraph(
        "1. Adopts the Convention annexed to the present resolution, and notes article 64 \
         and articles 65 and 66 of the Convention;",
    );
    l.paragraph_with_note(
        "2. Requests the Secretary-General to prepare the session referred to in article 57.",
        "Official Records of the General Assembly, Seventy-ninth Session.",
    );
    l.page_break();
    l.centred("Annex");
    l.centred("United Nations Convention against Cybercrime");
    l.space();
    l.centred("Preamble");
    l.paragraph("The States Parties to this Convention,");
    l.paragraph("Fixture preamble paragraph, recalling article 1 and the purposes of the text,");
    l.paragraph("Have agreed as follows:");
    for (roman, chapter, articles) in structure() {
        l.space();
        l.centred(&format!("Chapter {roman}"));
        l.centred(&chapter);
        for (n, title) in articles {
            let title = match wrong_title {
                Some((w, t)) if w == n => t.to_string(),
                _ => title,
            };
            l.space();
            l.centred(&format!("Article {n}"));
            for line in docs::wrap(&title, 40) {
                l.centred(&line);
            }
            l.space();
            l.paragraph(&format!(
                "1. Fixture text of paragraph 1 of article {n}, written by the test and \
                 long enough to wrap onto a second line of the page."
            ));
            l.paragraph(&format!("2. Fixture text of paragraph 2 of article {n}:"));
            l.paragraph("(a) a first item;");
            l.paragraph("(b) a second item.");
        }
    }
    docs::pdf(&l.pages(), None)
}

#[test]
fn the_official_pdf_shape_imports_through_import_text() {
    let user = User::new();
    let path = file(&user, "A_RES_79_243-E.pdf", &annex_pdf(None));
    let out = user.ok(&["import-text", "--json", path.to_str().expect("path")]);
    let j = json(&out);
    let report = &j["report"];
    assert_eq!(
        report["found"].as_array().expect("found").len(),
        68,
        "{out}"
    );
    assert_eq!(report["missing"], serde_json::json!([]), "{out}");
    assert_eq!(report["title_mismatches"], serde_json::json!([]), "{out}");
    assert_eq!(report["chapter_mismatches"], serde_json::json!([]), "{out}");
    assert_eq!(report["preamble"], true, "{out}");
    // The stored text: paragraphs numbered as in the document, the
    // resolution's own paragraphs and footnote left out.
    let stored: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(user.data().join("authentic.json")).expect("stored"),
    )
    .expect("json");
    let a24 = stored["articles"]["24"].as_str().expect("article 24");
    let paragraphs: Vec<&str> = a24.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "1. Fixture text of paragraph 1 of article 24, written by the test and long enough \
             to wrap onto a second line of the page.",
            "2. Fixture text of paragraph 2 of article 24:",
            "(a) a first item;",
            "(b) a second item.",
        ]
    );
    let preamble = stored["preamble"].as_str().expect("preamble");
    assert!(
        preamble.starts_with("The States Parties to this Convention,"),
        "{preamble}"
    );
    let all = stored.to_string();
    for absent in [
        "Adopts the Convention",
        "Official Records",
        "24-25178",
        "A/RES/79/243",
    ] {
        assert!(!all.contains(absent), "{absent:?} was stored");
    }
    let shown = user.ok(&["show", "24"]);
    assert!(
        shown.contains("Fixture text of paragraph 2 of article 24"),
        "{shown}"
    );
}

#[test]
fn a_wrong_title_in_the_pdf_is_named_by_page_and_line() {
    let user = User::new();
    let path = file(
        &user,
        "annex.pdf",
        &annex_pdf(Some((23, "Laundering of the proceeds of something else"))),
    );
    let o = user.run(&["import-text", path.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = common::stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("Art. 23 is titled"))
        .unwrap_or_else(|| panic!("no mismatch line in {out}"));
    assert!(line.contains("annex.pdf: page "), "{line}");
    assert!(line.contains(", line "), "{line}");
    assert!(!user.data().join("authentic.json").exists());
}

/// Writes the files BENCHMARKS.md measures (a 100-page PDF, a 10 MB DOCX, a
/// 1 MB HTML page) into `$TREATY_BENCH_DIR`; run with `--ignored`.
#[test]
#[ignore]
fn write_benchmark_files() {
    let Some(dir) = std::env::var_os("TREATY_BENCH_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let mut l = Layout::new("A/AC.291/CRP.9 Benchmark brief");
    let mut n = 0;
    while l.page_count() < 100 {
        n += 1;
        l.heading(&format!("Section {n}"));
        l.paragraph_with_note(P1, &format!("A note of section {n}."));
        l.paragraph(P2);
        l.paragraph(P3);
    }
    std::fs::write(dir.join("100-pages.pdf"), docs::pdf(&l.pages(), None)).expect("pdf");
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 10 << 20 {
        i += 1;
        body.push_str(&w_p(Some("Heading2"), &format!("Part {i}")));
        for p in [P1, P2, P3] {
            body.push_str(&w_p(None, p));
        }
    }
    std::fs::write(dir.join("10mb.docx"), docx(&body, &[])).expect("docx");
    std::fs::write(dir.join("10mb-stored.docx"), docs::docx_stored(&body, &[])).expect("docx");
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Bench</title></head><body><nav><a>Home</a></nav><main>",
    );
    while html.len() < 1 << 20 {
        html.push_str(&format!("<h2>Part</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
    }
    html.push_str("</main><footer>x</footer></body></html>");
    std::fs::write(dir.join("1mb.html"), html).expect("html");
}

/// The official text's shape as a Word file: the resolution's paragraphs,
/// then the annex, headings and numbered paragraphs each a paragraph.
fn annex_docx(wrong_title: Option<(u64, &str)>) -> Vec<u8> {
    let mut body = String::new();
    for p in [
        "The General Assembly,",
        "1. Adopts the Convention annexed to the present resolution, and notes article 64;",
        "Annex",
        "United Nations Convention against Cybercrime",
        "Preamble",
        "The States Parties to this Convention,",
        "Have agreed as follows:",
    ] {
        body.push_str(&w_p(None, p));
    }
    for (roman, chapter, articles) in structure() {
        body.push_str(&w_p(Some("Heading1"), &format!("Chapter {roman}")));
        body.push_str(&w_p(Some("Heading1"), &chapter));
        for (n, title) in articles {
            let title = match wrong_title {
                Some((w, t)) if w == n => t.to_string(),
                _ => title,
            };
            body.push_str(&w_p(Some("Heading2"), &format!("Article {n}")));
            body.push_str(&w_p(Some("Heading2"), &title));
            body.push_str(&w_p(
                None,
                &format!("1. Fixture paragraph 1 of article {n}."),
            ));
            body.push_str(&w_p(
                None,
                &format!("2. Fixture paragraph 2 of article {n}."),
            ));
        }
    }
    docx(&body, &[])
}

#[test]
fn the_official_word_shape_imports_through_import_text() {
    let user = User::new();
    let path = file(&user, "convention.docx", &annex_docx(None));
    let out = user.ok(&["import-text", "--json", path.to_str().expect("path")]);
    let report = &json(&out)["report"];
    assert_eq!(
        report["found"].as_array().expect("found").len(),
        68,
        "{out}"
    );
    assert_eq!(report["title_mismatches"], serde_json::json!([]), "{out}");
    let bad = User::new();
    let path = file(
        &bad,
        "convention.docx",
        &annex_docx(Some((5, "Something else"))),
    );
    let o = bad.run(&["import-text", path.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    let out = common::stdout(&o);
    assert!(
        out.contains("convention.docx: paragraph ")
            && out.contains("Art. 5 is titled \"Something else\""),
        "{out}"
    );
}
