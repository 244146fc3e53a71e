//! The go-to prompt reads every form of a place the domain reads
//! (`treaty::corpus::locate`): `24(2)` opens Article 24, `zamora#10` the source.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::state::View;

fn go(a: &mut App, typed: &str) {
    a.keys(&[key(':')]);
    for c in typed.chars() {
        a.keys(&[key(c)]);
    }
    a.keys(&[code(KeyCode::Enter)]);
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
