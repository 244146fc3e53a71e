//! The go-to prompt reads every form of a place the domain reads
//! (`treaty::corpus::locate`): `24(2)` opens Article 24, `zamora#10` the source.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::state::View;

fn go(a: &mut App, typed: &str) {
    a.keys(&[key(':')])
        .typed(typed)
        .keys(&[code(KeyCode::Enter)]);
}

#[test]
fn goto_takes_article_paragraphs_and_source_paragraphs() {
    let corpus = treaty::corpus::load_embedded().expect("embedded corpus");
    let zamora = corpus.source_index("zamora").expect("zamora");
    let mut a = App::with(corpus, 100, 30, None);
    go(&mut a, "24(2)");
    assert_eq!(a.state.view(), View::Article(24), "{}", a.screen());
    go(&mut a, "art. 23 para 1");
    assert_eq!(a.state.view(), View::Article(23), "{}", a.screen());
    go(&mut a, "zamora#10");
    assert_eq!(a.state.view(), View::Source(zamora), "{}", a.screen());
    go(&mut a, "zamora#999");
    assert_eq!(a.state.view(), View::Source(zamora));
    assert!(
        a.screen().contains("zamora has paragraphs 1-"),
        "{}",
        a.screen()
    );
}

/// The test convention's text with Article 24 in three numbered paragraphs,
/// the first long enough to fill more than a screen.
fn with_article_24_text() -> treaty::corpus::Corpus {
    let mut c = common::fixed_convention();
    let first = "Each State Party shall see that the powers are bound. ".repeat(40);
    let text = std::fs::read_to_string("tests/fixtures/import/authentic.txt")
        .expect("fixture")
        .replace(
            "[Placeholder text of article 24.]",
            &format!(
                "1. FIRST-PARAGRAPH {first}\n\n2. SECOND-PARAGRAPH is where go-to lands.\n\n\
                 3. THIRD-PARAGRAPH closes the article."
            ),
        );
    common::lay_authentic_text(&mut c, &text);
    c
}

#[test]
fn goto_lands_on_an_articles_paragraph_with_the_authentic_text() {
    let mut a = App::with(with_article_24_text(), 100, 30, None);
    go(&mut a, "24(2)");
    assert_eq!(a.state.view(), View::Article(24));
    let s = a.screen();
    assert!(s.contains("2. SECOND-PARAGRAPH"), "{s}");
    assert!(
        !s.contains("FIRST-PARAGRAPH"),
        "scrolled past paragraph 1:\n{s}"
    );
    assert!(
        a.status().contains("Art. 24, paragraph 2"),
        "{}",
        a.status()
    );
    // The other spellings land there too.
    for typed in ["art. 24 para 3", "paragraph 3 of article 24"] {
        go(&mut a, "1");
        go(&mut a, typed);
        assert!(
            a.screen().contains("3. THIRD-PARAGRAPH"),
            "{typed}: {}",
            a.screen()
        );
    }
}

#[test]
fn without_the_authentic_text_goto_opens_the_article_and_says_why() {
    let corpus = treaty::corpus::load_embedded().expect("embedded corpus");
    let mut a = App::with(corpus, 100, 30, None);
    go(&mut a, "24(2)");
    assert_eq!(a.state.view(), View::Article(24));
    assert_eq!(a.state.here.document.top.item, 0);
    let s = a.screen();
    assert!(s.contains("Paragraphs need the authentic text"), "{s}");
}

#[test]
fn goto_lands_on_a_sources_paragraph_and_on_a_concern() {
    let corpus = treaty::corpus::load_embedded().expect("embedded corpus");
    let zamora = corpus.source_index("zamora").expect("zamora");
    let dual = corpus
        .concerns
        .iter()
        .position(|c| c.id == "dual-criminality")
        .expect("the concern");
    let mut a = App::with(corpus, 100, 30, None);
    for typed in ["zamora 10", "zamora#10", "zamora para 10"] {
        go(&mut a, "1");
        go(&mut a, typed);
        let ctx = treaty::app::view::entry::ctx(&a.state, &a.corpus, &a.graph);
        assert_eq!(
            treaty::app::view::document::selected_passage(ctx, &a.state),
            Some(treaty::corpus::PassageId {
                source: zamora,
                index: 9
            }),
            "{typed}"
        );
        assert!(a.screen().contains("Zamora · ¶ 10 of"), "{}", a.screen());
    }
    for typed in ["dual-criminality", "concern dual-criminality"] {
        go(&mut a, "1");
        go(&mut a, typed);
        assert_eq!(
            a.state.view(),
            View::Overview(treaty::app::state::Overview::Concerns)
        );
        let ctx = treaty::app::view::entry::ctx(&a.state, &a.corpus, &a.graph);
        assert_eq!(
            treaty::app::view::overviews::selected_concern(ctx, &a.state),
            Some(dual),
            "{typed}"
        );
    }
}

#[test]
fn the_place_the_explorer_opens_at_is_landed_on_with_no_way_back() {
    let corpus = with_article_24_text();
    let loc = treaty::corpus::locate(&corpus, "24(2)").expect("a place");
    let mut a = App::with(corpus, 100, 30, loc.as_place());
    treaty::app::nav::land_first(&mut a.state, &a.corpus, &a.graph, loc);
    assert!(a.screen().contains("2. SECOND-PARAGRAPH"), "{}", a.screen());
    assert!(a.state.history.back.is_empty());
}
