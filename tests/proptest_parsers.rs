//! Property tests of the parsers that read untrusted text: the citation
//! extractor, the source-file paragraph splitter, the importer and the
//! authentic-text parser never panic on arbitrary input, and every position
//! they return is in bounds and on a char boundary.

use proptest::prelude::*;
use std::sync::LazyLock;
use treaty::corpus::Convention;
use treaty::corpus::problem::line_col;
use treaty::corpus::source_file::{parse_source, split_body};
use treaty::library::{ImportOptions, parse_authentic, read_source};
use treaty::refs::extract::extract;
use treaty::text::is_unsafe;

static CONVENTION: LazyLock<Convention> = LazyLock::new(|| {
    treaty::corpus::load_embedded()
        .expect("the embedded corpus loads")
        .convention
});

/// Pieces that steer random text towards what the parsers look for.
const PIECES: &[&str] = &[
    "Article ",
    "Articles ",
    "article",
    "Art. ",
    "arts.",
    "23",
    "69",
    "0",
    "99999999999999999999",
    "(2)(b)",
    "(a)",
    "(iv)",
    " to ",
    "-",
    "\u{2013}",
    ", ",
    " and ",
    "Chapter ",
    "chapters ",
    "IV",
    "X",
    "the procedural chapter",
    "the preamble",
    " of the Convention",
    " of the ICCPR",
    "paragraph 2 of article 24",
    "ARTICLE 19",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "---\n",
    "title: T\n",
    "autor: x\n",
    "# ",
    "## Heading\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{feff}",
    "\x0c",
    "\0",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\u{9b}",
    "\u{202e}",
    "A/RES/79/243",
    "24-25178",
    "2/43",
    "12",
    "1. ",
    "Preamble\n",
    "é",
    "日本語",
    "😀",
    "\u{301}",
];

fn steered() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
            1 => "[a-zA-Z0-9 ]{0,8}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// Text in the layout of the official document, with random numbers, titles
/// (official or not), page furniture and noise.
fn authentic_like() -> impl Strategy<Value = String> {
    let titles: Vec<String> = CONVENTION
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter().map(|a| a.title.clone()))
        .collect();
    let block = prop_oneof![
        (0u8..80, prop::sample::select(titles.clone()))
            .prop_map(|(n, t)| format!("Article {n}\n{t}\n\n")),
        (0u8..80, prop::sample::select(titles)).prop_map(|(n, t)| {
            let mid = t.len() / 2;
            let cut = t.floor_char_boundary(mid);
            format!("Article {n}\n{}\n{}\n", &t[..cut], &t[cut..])
        }),
        (1u8..12).prop_map(|n| format!(
            "Chapter {}\nGeneral provisions\n",
            [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
            ][usize::from(n - 1)]
        )),
        steered(),
        Just("1. [Placeholder.]\n(a) [x;]\n\n".to_string()),
        Just("\x0cA/RES/79/243\n2/43\n".to_string()),
    ];
    prop::collection::vec(block, 0..30).prop_map(|v| v.concat())
}

fn assert_extract_sound(text: &str) {
    let mut previous_end = 0;
    for c in extract(text) {
        assert!(c.span.start >= previous_end, "overlap in {text:?}");
        assert!(c.span.start < c.span.end && c.span.end <= text.len());
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert_eq!(c.text, text[c.span.clone()]);
        assert_eq!((c.line, c.column), line_col(text, c.span.start));
        assert_eq!(c.is_resolved(), c.problem.is_none());
        previous_end = c.span.end;
    }
}

fn assert_source_sound(text: &str) {
    let line_count = text.split('\n').count();
    match parse_source("x", "x.md", text) {
        Ok(s) => {
            assert!(!s.passages.is_empty());
            for (i, p) in s.passages.iter().enumerate() {
                assert_eq!(p.number, i + 1);
                assert!((1..=line_count).contains(&p.line));
                assert!(!p.text.is_empty());
                assert!(!p.text.chars().any(is_unsafe), "{:?}", p.text);
            }
            assert!(s.headings.iter().all(|h| h.before <= s.passages.len()));
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            assert!(
                problems
                    .iter()
                    .all(|p| p.line >= 1 && p.line <= line_count + 1)
            );
        }
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for start in [0, lines.len() / 2, lines.len()] {
        let (passages, headings) = split_body(&lines, start);
        for p in &passages {
            assert!(p.line > start && p.line <= lines.len());
        }
        assert!(headings.iter().all(|h| h.before <= passages.len()));
    }
}

fn assert_import_sound(bytes: &[u8], lossy: bool) {
    let options = ImportOptions {
        lossy,
        ..ImportOptions::default()
    };
    let lines = bytes.split(|b| *b == b'\n' || *b == b'\r').count();
    match read_source(bytes, "f.txt", &options) {
        Ok(r) => {
            assert!(r.paragraphs > 0);
            assert!(
                !r.stored
                    .chars()
                    .any(|c| is_unsafe(c) || c == '\t' || c == '\r')
            );
            // The stored file reads back as exactly what was reported.
            let s = parse_source("f", "f.md", &r.stored).expect("the stored file parses");
            assert_eq!(s.passages.len(), r.paragraphs);
            assert_eq!(s.headings.len(), r.headings);
            let resolved: usize = r.citations - r.unresolved_count;
            assert!(resolved <= r.cited.values().sum::<usize>());
            for u in &r.unresolved {
                assert!(u.line >= 1 && u.line <= lines, "{u:?} of {lines} lines");
                assert!(u.column >= 1);
                assert!(!u.text.chars().any(is_unsafe));
            }
        }
        Err(e) => {
            let m = e.to_string();
            assert!(
                m.contains("nothing to import") || (!lossy && m.contains("not valid UTF-8")),
                "{m}"
            );
        }
    }
}

fn assert_authentic_sound(text: &str) {
    let lines = text.split('\n').count();
    let r = parse_authentic(text, &CONVENTION);
    assert!(r.found.windows(2).all(|w| w[0] < w[1]));
    assert!(r.found.iter().all(|n| (1..=68).contains(n)));
    assert_eq!(r.found.len() + r.missing.len(), 68);
    assert_eq!(r.text.articles.len(), r.found.len());
    for m in r.duplicated.iter().chain(&r.out_of_order) {
        assert!(m.line >= 1 && m.line <= lines);
        assert!(r.found.contains(&m.number));
    }
    for m in r.title_mismatches.iter().chain(&r.chapter_mismatches) {
        assert!(m.line >= 1 && m.line <= lines);
    }
    for t in r.text.articles.values().chain(r.text.preamble.iter()) {
        assert!(!t.chars().any(|c| is_unsafe(c) || c == '\t'), "{t:?}");
    }
    assert_eq!(r.preamble, r.text.preamble.is_some());
    // Refused when fewer than half the articles are found or a title differs.
    assert_eq!(
        r.verdict().is_ok(),
        r.found.len() >= 34 && r.title_mismatches.is_empty(),
        "{:?}",
        r.verdict()
    );
}

/// 512 cases by default; `PROPTEST_CASES=100000` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn extract_on_any_unicode(text in any::<String>()) {
        assert_extract_sound(&text);
    }

    #[test]
    fn extract_on_citation_like_text(text in steered()) {
        assert_extract_sound(&text);
    }

    #[test]
    fn source_files_on_any_unicode(text in any::<String>()) {
        assert_source_sound(&text);
    }

    #[test]
    fn source_files_on_structured_text(text in steered()) {
        assert_source_sound(&text);
    }

    #[test]
    fn import_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), lossy in any::<bool>()) {
        assert_import_sound(&bytes, lossy);
    }

    #[test]
    fn import_on_structured_text(text in steered(), lossy in any::<bool>()) {
        assert_import_sound(text.as_bytes(), lossy);
    }

    #[test]
    fn authentic_on_any_unicode(text in any::<String>()) {
        assert_authentic_sound(&text);
    }

    #[test]
    fn authentic_on_document_like_text(text in authentic_like()) {
        assert_authentic_sound(&text);
    }
}

// ---- the paragraph rebuilder ----

use treaty::intake::BlockKind;
use treaty::intake::rebuild::{Line, Page, rebuild};

/// Lays out paragraphs as a PDF page does: wrapped at `width` chars of 5 pt,
/// 12 pt apart, 8 pt more between paragraphs, a running header and a page
/// counter on each page, a page of `per_page` lines, so paragraphs and
/// sentences run across page breaks. Each paragraph ends with a short line.
fn lay_out(paragraphs: &[Vec<String>], width: usize, per_page: usize) -> Vec<Page> {
    let mut lines: Vec<(String, bool)> = Vec::new();
    for (i, words) in paragraphs.iter().enumerate() {
        let mut line = String::new();
        for w in words {
            if !line.is_empty() && line.len() + 1 + w.len() > width {
                lines.push((std::mem::take(&mut line), false));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        if !line.is_empty() {
            lines.push((line, false));
        }
        lines.push((format!("Part {i} ends."), true));
    }
    let mut pages = Vec::new();
    for (n, chunk) in lines.chunks(per_page).enumerate() {
        let mut page = Page {
            lines: vec![Line {
                text: "A/RES/79/243 Running title".into(),
                left: 72.0,
                right: 300.0,
                top: 40.0,
                size: 9.0,
            }],
        };
        let mut top = 90.0;
        for (text, ends) in chunk {
            page.lines.push(Line {
                text: text.clone(),
                left: 72.0,
                right: 72.0 + text.chars().count() as f32 * 5.0,
                top,
                size: 10.0,
            });
            top += if *ends { 20.0 } else { 12.0 };
        }
        page.lines.push(Line {
            text: format!("{}/99", n + 1),
            left: 300.0,
            right: 320.0,
            top: 760.0,
            size: 9.0,
        });
        pages.push(page);
    }
    pages
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every paragraph comes back whole, in order, and nothing else: no
    /// header, no page counter, no paragraph split at a page break.
    #[test]
    fn rebuilt_paragraphs_are_the_laid_out_ones(
        paragraphs in prop::collection::vec(
            prop::collection::vec("[a-z]{1,12}", 1..60), 1..12),
        width in 50usize..90,
        per_page in 6usize..40,
    ) {
        let pages = lay_out(&paragraphs, width, per_page);
        let blocks = rebuild(&pages);
        let got: Vec<String> = blocks
            .iter()
            .map(|b| {
                assert_eq!(b.kind, BlockKind::Paragraph, "{b:?}");
                b.text.clone()
            })
            .collect();
        let want: Vec<String> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, w)| format!("{} Part {i} ends.", w.join(" ")))
            .collect();
        prop_assert_eq!(got, want);
    }

    /// Arbitrary lines never make the rebuilder panic, and no block text
    /// spans more than one line.
    #[test]
    fn rebuilder_never_panics(
        lines in prop::collection::vec(
            (".{0,40}", 0f32..600.0, 0f32..600.0, 0f32..800.0, 1f32..30.0, 0usize..4), 0..80),
    ) {
        let mut pages = vec![Page::default(); 4];
        for (text, left, width, top, size, page) in lines {
            pages[page].lines.push(Line { text, left, right: left + width, top, size });
        }
        for p in &mut pages {
            p.lines.sort_by(|a, b| a.top.total_cmp(&b.top));
        }
        for b in rebuild(&pages) {
            prop_assert!(!b.text.contains('\n'));
        }
    }
}

/// One paragraph of two lines, the first ending with `stem-`, the second
/// opening with `tail`, and maybe a line elsewhere writing `stem-tail` whole.
fn hyphenated(stem: &str, tail: &str, compound_elsewhere: bool) -> Vec<Page> {
    let line = |text: String, top: f32| Line {
        right: 72.0 + text.chars().count() as f32 * 5.0,
        text,
        left: 72.0,
        top,
        size: 10.0,
    };
    let mut lines = vec![
        line(format!("the words before {stem}-"), 100.0),
        line(format!("{tail} and after it."), 112.0),
    ];
    if compound_elsewhere {
        lines.push(line(format!("Again {stem}-{tail} here."), 140.0));
    }
    vec![Page { lines }]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A line-end hyphen inside a word goes; one of a compound the document
    /// writes whole elsewhere stays.
    #[test]
    fn line_end_hyphens_are_removed_only_inside_words(
        stem in "[a-z]{2,8}",
        tail in "[a-z]{2,8}",
    ) {
        prop_assume!(!["self", "non", "cross", "well", "third"].contains(&stem.as_str()));
        let split = rebuild(&hyphenated(&stem, &tail, false));
        prop_assert_eq!(&split[0].text, &format!("the words before {stem}{tail} and after it."));
        let compound = rebuild(&hyphenated(&stem, &tail, true));
        prop_assert_eq!(&compound[0].text, &format!("the words before {stem}-{tail} and after it."));
    }
}
