//! The authentic text imported with `treaty import-text`: in the explorer its
//! citations are links (Tab steps onto them, Enter and a click follow them,
//! Back returns), and `treaty show` prints it, paragraphs numbered.

mod common;

use common::{App, User, code, json};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use serde_json::Value;
use treaty::app::{PaneId, View};
use treaty::corpus::{Corpus, Source, SourceMeta};

const FIXTURE: &str = common::AUTHENTIC;

/// Article 24 as the official document might set it out, citing other
/// articles; article 25's first paragraph long enough to scroll past.
const ARTICLE_24: &str = "1. Each State Party shall ensure that the powers and procedures \
    of article 23 are subject to conditions and safeguards.\n\n\
    2. The conditions apply to the measures in paragraph 2 of article 25 and in \
    articles 40 to 46.\n\n\
    3. [Placeholder text of paragraph 3 of article 24.]";

fn long_paragraph() -> String {
    let mut p = "1. Opening words of the long first paragraph of article 25.".to_string();
    for i in 0..40 {
        p.push_str(&format!(" Sentence {i} of the first paragraph goes on."));
    }
    p
}

/// The real convention's structure, the fixture's authentic text (article 24
/// and the preamble citing other articles) and one small source, so the
/// links do not move when `data/` grows.
fn corpus() -> Corpus {
    let mut c = common::fixed_convention();
    let text = std::fs::read_to_string(FIXTURE)
        .expect("the fixture")
        .replace("[Placeholder text of article 24.]", ARTICLE_24)
        .replace(
            "1. [Placeholder text of paragraph 1 of article 25.]",
            &long_paragraph(),
        )
        .replace(
            "[Placeholder text of preambular paragraph 2,]",
            "Recalling the purpose set out in article 1,",
        );
    common::lay_authentic_text(&mut c, &text);
    c.sources = vec![Source {
        id: "gamma".into(),
        path: "data/sources/gamma.md".into(),
        meta: SourceMeta {
            title: Some("Safeguards left to national law".into()),
            author: Some("Gil Gamma".into()),
            ..SourceMeta::default()
        },
        passages: vec![common::passage(
            1,
            "Article 24 leaves the safeguards to national law.",
        )],
        headings: vec![],
        user: false,
    }];
    c
}

impl App {
    fn at(place: &str, w: u16, h: u16) -> App {
        Self::open(corpus(), place, w, h)
    }

    /// Whether `text` is on screen drawn as the current link (reversed and
    /// underlined), or as a plain link.
    fn link_style(&self, text: &str) -> Option<(bool, bool)> {
        let (col, row) = self.find(text)?;
        let buf = self.buffer();
        let m = buf[(col, row)].modifier;
        Some((
            m.contains(Modifier::UNDERLINED),
            m.contains(Modifier::REVERSED),
        ))
    }
}

const TAB: KeyCode = KeyCode::Tab;

#[test]
fn tab_reaches_a_citation_in_the_authentic_text_enter_opens_it_back_returns() {
    let mut a = App::at("24", 100, 30);
    let s = a.screen();
    assert!(s.contains("Authentic text"), "{s}");
    assert!(s.contains("1. Each State Party shall ensure"), "{s}");
    assert!(s.contains("2. The conditions apply"), "{s}");
    // The citations are links; none is current yet.
    assert_eq!(a.link_style("article 23 are"), Some((true, false)), "{s}");
    assert_eq!(
        a.state.focus(),
        PaneId::Document,
        "the article itself comes first"
    );
    // Tab: the first citation in the text.
    a.keys(&[code(TAB)]);
    assert_eq!(a.state.focus(), PaneId::Document);
    assert_eq!(
        a.link_style("article 23 are"),
        Some((true, true)),
        "the citation is the current link: {}",
        a.screen()
    );
    let here = a.state.here;
    let depth = a.state.history.back.len();
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(23));
    let s = a.screen();
    assert!(
        s.contains("Article 23 · Scope of procedural measures"),
        "{s}"
    );
    assert_eq!(a.state.history.back.len(), depth + 1);
    // Back: article 24, the same citation current.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.here, here);
    assert_eq!(a.link_style("article 23 are"), Some((true, true)));
    // Shift-Tab from the first citation goes back to the "Cited by".
    a.keys(&[code(KeyCode::BackTab)]);
    assert_eq!(a.state.focus(), PaneId::Links);
    assert_eq!(a.link_style("article 23 are"), Some((true, false)));
}

#[test]
fn a_citation_of_a_paragraph_opens_the_article_at_that_paragraph() {
    let mut a = App::at("24", 100, 30);
    a.keys(&[code(TAB), code(TAB)]);
    assert_eq!(
        a.link_style("paragraph 2 of article"),
        Some((true, true)),
        "{}",
        a.screen()
    );
    let here = a.state.here;
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(25));
    let s = a.screen();
    assert!(
        s.contains("2. [Placeholder text of paragraph 2 of article 25.]"),
        "{s}"
    );
    assert!(
        !s.contains("Opening words of the long first paragraph"),
        "scrolled to paragraph 2: {s}"
    );
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.here, here);
    // A range: its first article, and the footer says so.
    a.keys(&[code(TAB), code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(40));
    let s = a.screen();
    assert!(s.contains("cites 7 provisions: this is Art. 40"), "{s}");
}

#[test]
fn a_citation_of_the_article_itself_moves_within_it_and_back_undoes_it() {
    // Paragraph 3 of article 24 names "paragraph 3 of article 24".
    let mut a = App::at("24", 100, 16);
    for _ in 0..4 {
        a.keys(&[code(TAB)]);
        if a.find("paragraph 3 of article 24").is_some()
            && a.link_style("paragraph 3 of article 24") == Some((true, true))
        {
            break;
        }
    }
    assert_eq!(
        a.link_style("paragraph 3 of article 24"),
        Some((true, true)),
        "{}",
        a.screen()
    );
    let here = a.state.here;
    let depth = a.state.history.back.len();
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(24));
    assert_eq!(a.state.history.back.len(), depth + 1);
    assert!(a.screen().contains("3. [Placeholder text of paragraph 3"));
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.here, here);
    assert_eq!(a.state.history.back.len(), depth);
}

#[test]
fn a_click_on_a_citation_in_the_text_follows_it() {
    let mut a = App::at("24", 100, 30);
    let (col, row) = a.find("article 23 are").expect("on screen");
    a.click_at(col + 2, row);
    assert_eq!(a.state.view(), View::Article(23));
    assert!(
        a.screen()
            .contains("Article 23 · Scope of procedural measures")
    );
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Article(24));
    assert_eq!(a.state.focus(), PaneId::Document);
    assert_eq!(a.link_style("article 23 are"), Some((true, true)));
    // A click on plain text of the paragraph follows nothing.
    let (col, row) = a.find("Each State Party").expect("on screen");
    a.click_at(col, row);
    assert_eq!(a.state.view(), View::Article(24));
}

#[test]
fn the_preamble_text_links_too_and_the_chapter_view_is_unchanged() {
    let mut a = App::at("preamble", 100, 30);
    let s = a.screen();
    assert!(s.contains("Authentic text"), "{s}");
    assert!(
        s.contains("[Placeholder text of preambular paragraph 1,]"),
        "{s}"
    );
    a.keys(&[code(TAB)]);
    assert_eq!(a.link_style("article 1,"), Some((true, true)), "{s}");
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(1));
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Preamble);
    // The chapter: Tab walks its articles and Enter opens one, as before.
    let mut a = App::at("IV", 100, 30);
    a.keys(&[code(TAB), code(KeyCode::Enter)]);
    assert!(
        matches!(a.state.view(), View::Article(_)),
        "{:?}",
        a.state.view()
    );
}

#[test]
fn scrolling_a_current_citation_off_screen_forgets_it() {
    let mut a = App::at("24", 60, 10);
    // Walk to a citation, then scroll the text away from it.
    for _ in 0..6 {
        a.keys(&[code(TAB)]);
        if a.state.here.cite == Some(0) {
            break;
        }
    }
    assert_eq!(a.state.here.cite, Some(0), "{}", a.screen());
    for _ in 0..20 {
        a.keys(&[code(KeyCode::Down)]);
    }
    assert_eq!(a.state.here.cite, None, "{}", a.screen());
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(
        a.state.view(),
        View::Article(24),
        "Enter follows nothing unseen"
    );
}

// ---- treaty show ----

#[test]
fn show_prints_the_authentic_text_of_an_article_numbered_once_imported() {
    let user = User::new();
    let before = user.ok(&["show", "23"]);
    assert!(!before.contains("Authentic text:"), "{before}");
    assert_eq!(
        json(&user.ok(&["show", "23", "--json"]))["text"],
        Value::Null
    );
    user.ok(&["import-text", FIXTURE]);
    let show = user.ok(&["show", "23"]);
    let block = "Authentic text:\n  \
                 1. [Placeholder text of paragraph 1 of article 23, wrapped over two lines.]\n\n  \
                 2. [Placeholder text of paragraph 2 of article 23, which continues after a\n     \
                 page break.]\n     \
                 (a) [Placeholder text of sub-item (a) of paragraph 2 of article 23;]\n     \
                 (b) [Placeholder text of sub-item (b) of paragraph 2 of article 23.]\n\n  \
                 3. [Placeholder text of paragraph 3 of article 23.]\n";
    assert!(show.contains(block), "{show}");
    // The summary is still there, labelled, after the authentic text.
    let text_at = show.find("Authentic text:").expect("the text");
    let summary_at = show
        .find("Summary (the project's own words, not the authentic text):")
        .expect("the summary");
    assert!(text_at < summary_at, "{show}");
    let j = json(&user.ok(&["show", "23", "--json"]));
    assert!(
        j["text"].as_str().is_some_and(|t| t
            .starts_with("1. [Placeholder text of paragraph 1 of article 23")
            && t.contains("\n\n3. [Placeholder text of paragraph 3 of article 23.]")),
        "{j}"
    );
    // An article of one unnumbered paragraph.
    let show = user.ok(&["show", "3"]);
    assert!(
        show.contains("Authentic text:\n  [Placeholder text of article 3.]\n"),
        "{show}"
    );
}

#[test]
fn show_prints_the_authentic_text_of_the_preamble_once_imported() {
    let user = User::new();
    let before = user.ok(&["show", "preamble"]);
    assert!(!before.contains("Authentic text:"), "{before}");
    assert_eq!(
        json(&user.ok(&["show", "preamble", "--json"]))["text"],
        Value::Null
    );
    user.ok(&["import-text", FIXTURE]);
    let show = user.ok(&["show", "preamble"]);
    assert!(
        show.contains(
            "Authentic text:\n  [Placeholder text of preambular paragraph 1,]\n\n  \
             [Placeholder text of preambular paragraph 2,]\n\n  \
             [Placeholder: the States Parties agree as follows:]\n"
        ),
        "{show}"
    );
    assert!(
        show.contains("Summary (the project's own words, not the authentic text):"),
        "{show}"
    );
    let j = json(&user.ok(&["show", "preamble", "--json"]));
    assert_eq!(
        j["text"],
        "[Placeholder text of preambular paragraph 1,]\n\n\
         [Placeholder text of preambular paragraph 2,]\n\n\
         [Placeholder: the States Parties agree as follows:]"
    );
}
