//! The subject index overlay (`I`) driven headless through the real key
//! table on the embedded corpus: the index a user reads, filtered as they
//! type, Enter opening the provision (or a list when a term has several).

mod common;

use common::{App, code, ctrl, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::View;
use treaty::app::state::Overlay;
use treaty::app::state::index::IndexOverlay;

fn app(w: u16, h: u16) -> App {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    App::with(corpus, w, h, None)
}

fn overlay(a: &App) -> &IndexOverlay {
    match &a.state.overlay {
        Some(Overlay::Index(o)) => o,
        other => panic!("the index is not open: {other:?}"),
    }
}

/// The selected term; panics if none is (an empty term would be "on
/// screen" in any screen).
fn selected_term(a: &App) -> String {
    overlay(a)
        .selected_line()
        .map(|l| l.term.clone())
        .unwrap_or_else(|| panic!("no term selected:\n{}", a.screen()))
}

#[test]
fn index_opens_alphabetically_under_letter_headings() {
    let mut a = app(80, 24);
    a.keys(&[key('I')]);
    let screen = a.screen();
    assert!(screen.contains("Subject index"), "{screen}");
    assert!(
        screen.contains("24/7 point of contact  Art. 41"),
        "{screen}"
    );
    assert!(screen.contains(" A "), "a letter heading: {screen}");
    // Down walks the terms in order, skipping the letter headings.
    let first = selected_term(&a);
    a.keys(&[
        code(KeyCode::Down),
        code(KeyCode::Down),
        code(KeyCode::Down),
    ]);
    let fourth = selected_term(&a);
    assert!(first < fourth, "{first} then {fourth}");
    // French and Spanish terms are marked with their language.
    assert!(
        a.screen()
            .contains("24 heures sur 24, 7 jours sur 7 (fr)  Art. 41")
    );
}

#[test]
fn typing_filters_and_enter_opens_the_one_provision() {
    let mut a = app(100, 30);
    a.keys(&[key('I')]).typed("revenge");
    let screen = a.screen();
    assert!(screen.contains("revenge porn  Art. 16"), "{screen}");
    assert!(!screen.contains("quick freeze"), "{screen}");
    a.keys(&[code(KeyCode::Enter)]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.view(), View::Article(16));
    // Back returns where the user was before the index.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_ne!(a.state.view(), View::Article(16));
}

#[test]
fn a_term_with_several_provisions_asks_which() {
    let mut a = app(100, 30);
    a.keys(&[key('I')]).typed("quick freeze");
    assert_eq!(selected_term(&a), "quick freeze");
    a.keys(&[code(KeyCode::Enter)]);
    let screen = a.screen();
    assert!(
        screen.contains("'quick freeze' points to 2 provisions"),
        "{screen}"
    );
    assert!(
        screen.contains("Art. 42  International cooperation"),
        "{screen}"
    );
    // Esc leaves the list, not the index; Enter again, Down, Enter opens 42.
    a.keys(&[code(KeyCode::Esc)]);
    assert!(!a.screen().contains("points to 2 provisions"));
    assert!(matches!(a.state.overlay, Some(Overlay::Index(_))));
    a.keys(&[
        code(KeyCode::Enter),
        code(KeyCode::Down),
        code(KeyCode::Enter),
    ]);
    assert_eq!(a.state.view(), View::Article(42));
    assert!(a.state.overlay.is_none());
}

#[test]
fn filter_edits_and_an_article_number_keep_its_terms() {
    let mut a = app(100, 30);
    a.keys(&[key('I')]).typed("xqzzy");
    assert!(a.screen().contains("No term contains what you typed"));
    a.keys(&[ctrl('u')]).typed("42");
    let o = overlay(&a);
    assert!(o.term_count() > 3);
    assert!(
        a.screen().contains("expedited preservation"),
        "{}",
        a.screen()
    );
    // Letters are text here, not the explorer's keys: `q` does not quit.
    a.keys(&[ctrl('u')]).typed("q");
    assert!(matches!(a.state.overlay, Some(Overlay::Index(_))));
    a.keys(&[code(KeyCode::Esc)]);
    assert!(a.state.overlay.is_none());
}

#[test]
fn paging_keeps_the_selection_in_view() {
    let mut a = app(80, 24);
    a.keys(&[key('I')]);
    for _ in 0..5 {
        a.keys(&[code(KeyCode::PageDown)]);
    }
    let term = selected_term(&a);
    assert!(a.screen().contains(&term), "{term} is shown");
    a.keys(&[code(KeyCode::End)]);
    let last = selected_term(&a);
    assert!(a.screen().contains(&last), "{last} is shown");
    a.keys(&[code(KeyCode::Home)]);
    assert!(a.screen().contains("24/7 network"));
}

#[test]
fn snapshots() {
    let mut a = app(80, 24);
    a.keys(&[key('I')]).typed("data");
    insta::assert_snapshot!("index_data_80x24", a.screen());
    let mut a = app(200, 60);
    a.keys(&[key('I')]);
    a.keys(&[code(KeyCode::Down), code(KeyCode::Down)]);
    insta::assert_snapshot!("index_200x60", a.screen());
}

/// Clicks the second cell of `text` in the list (below the filter line,
/// which repeats what was typed).
fn click_in_list(a: &mut App, text: &str) {
    let screen = a.screen();
    let (row, col) = screen
        .lines()
        .enumerate()
        .skip(3)
        .find_map(|(y, line)| line.find(text).map(|b| (y, line[..b].chars().count())))
        .unwrap_or_else(|| panic!("{text:?} is not in the list:\n{screen}"));
    a.click_at(col as u16 + 1, row as u16);
}

/// The text of the rows drawn in the selection's style (at their fourth
/// cell, where a term or a provision starts).
fn highlighted(a: &App) -> Vec<String> {
    let buf = a.buffer();
    let selected = treaty::ui::theme::Theme::default().selected().add_modifier;
    let screen = a.screen();
    screen
        .lines()
        .enumerate()
        .filter(|(y, _)| buf[(3, *y as u16)].modifier.contains(selected))
        .map(|(_, l)| l.trim_matches(|c: char| c == '│' || c == ' ').to_string())
        .collect()
}

#[test]
fn a_click_selects_a_term_and_a_second_click_opens_it() {
    let mut a = app(80, 24);
    a.keys(&[key('I')]).typed("porn");
    assert_eq!(selected_term(&a), "child pornography");
    // One click: selected, the index still open.
    click_in_list(&mut a, "revenge porn");
    assert_eq!(selected_term(&a), "revenge porn");
    assert!(matches!(a.state.overlay, Some(Overlay::Index(_))));
    assert_eq!(highlighted(&a), ["revenge porn  Art. 16"]);
    insta::assert_snapshot!("index_porn_clicked_80x24", a.screen());
    // A click on a letter heading or on the filter line changes nothing.
    click_in_list(&mut a, "C ");
    a.click("Filter:");
    assert_eq!(selected_term(&a), "revenge porn");
    assert!(matches!(a.state.overlay, Some(Overlay::Index(_))));
    // The second click (or a double click's second) opens it, as Enter does.
    click_in_list(&mut a, "revenge porn");
    assert!(a.state.overlay.is_none(), "{}", a.screen());
    assert_eq!(a.state.view(), View::Article(16));
}

#[test]
fn clicks_in_the_picker_choose_a_provision() {
    let mut a = app(80, 24);
    a.keys(&[key('I')]).typed("quick freeze");
    assert_eq!(selected_term(&a), "quick freeze");
    click_in_list(&mut a, "quick freeze");
    assert!(
        a.screen().contains("'quick freeze' points to 2 provisions"),
        "a click on the selected term opens its list:\n{}",
        a.screen()
    );
    click_in_list(&mut a, "Art. 42  International");
    assert!(matches!(a.state.overlay, Some(Overlay::Index(_))));
    assert!(
        highlighted(&a)
            .iter()
            .any(|r| r.contains("Art. 42  International")),
        "{:?}",
        highlighted(&a)
    );
    insta::assert_snapshot!("index_picker_clicked_80x24", a.screen());
    click_in_list(&mut a, "Art. 42  International");
    assert_eq!(a.state.view(), View::Article(42));
    assert!(a.state.overlay.is_none());
    // A click beside the picker's box leaves the picker, not the index.
    let mut b = app(80, 24);
    b.keys(&[key('I')]).typed("quick freeze");
    b.keys(&[code(KeyCode::Enter)]);
    b.click_at(1, 22);
    assert!(!b.screen().contains("points to 2 provisions"));
    assert!(matches!(b.state.overlay, Some(Overlay::Index(_))));
}

#[test]
fn i_on_the_start_screen_opens_the_index_it_offers() {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let home = tempfile::tempdir().expect("a temp dir");
    let mut a = App::with_user(corpus, None, 80, 24, home);
    assert!(matches!(a.state.overlay, Some(Overlay::Start { .. })));
    assert!(a.screen().contains("I  subject index"), "{}", a.screen());
    a.keys(&[key('I')]).typed("revenge");
    assert!(
        a.screen().contains("revenge porn  Art. 16"),
        "{}",
        a.screen()
    );
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(16));
}
