//! Suggested links in the explorer, driven headless through the real key
//! table on the embedded corpus: listed apart from the cited and inferred
//! links with their score and reason, under a paragraph of a source, and
//! accepted or rejected with `+` and `-`, the decision kept in the user's
//! data directory.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::PaneId;
use treaty::app::state::suggested::SuggestedLinks;
use treaty::app::view::entry::Item;
use treaty::user::UserData;
use treaty::user::suggestions::State;

fn app_at(place: &str, home: tempfile::TempDir) -> App {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let mut a = App::with_user(corpus, Some(place), 100, 30, home);
    // Computed here, so nothing depends on the thread's timing.
    a.state.suggested = SuggestedLinks::inline(&a.corpus, &a.graph);
    a
}

/// The suggested entries of the links pane: (source id, paragraph, accepted).
fn suggested_in_links(a: &App) -> Vec<(String, usize, bool)> {
    let ctx = treaty::app::view::entry::ctx(&a.state, &a.corpus, &a.graph);
    treaty::app::view::document::items(ctx, &a.state, PaneId::Links)
        .iter()
        .filter_map(|it| match it {
            Item::Suggested(e) => Some((
                a.corpus.sources[e.passage.source].id.clone(),
                e.passage.index + 1,
                e.accepted,
            )),
            _ => None,
        })
        .collect()
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

/// Moves the focus to the links pane and down to the first suggested entry
/// whose passage is ¶ `paragraph`.
fn select_suggested(a: &mut App, paragraph: usize) {
    for _ in 0..3 {
        if a.state.focus() == PaneId::Links {
            break;
        }
        a.keys(&[key('w')]);
    }
    assert_eq!(a.state.focus(), PaneId::Links);
    for _ in 0..60 {
        let item = treaty::app::nav::selected_item(&a.state, &a.corpus, &a.graph, PaneId::Links);
        if let Some(Item::Suggested(e)) = item
            && e.passage.index + 1 == paragraph
        {
            return;
        }
        a.keys(&[key('j')]);
    }
    panic!("no suggested entry for ¶ {paragraph}:\n{}", a.screen());
}

#[test]
fn cited_by_lists_suggestions_apart_with_score_and_reason() {
    let a = app_at("56", home());
    let screen = a.screen();
    assert!(screen.contains("Hanoi warning ¶ 16 [inferred]"), "{screen}");
    assert!(
        screen.contains("[suggested] Zamora ¶ 6 · score 7.11"),
        "{screen}"
    );
    assert!(screen.contains("why: 'economic development'"), "{screen}");
    assert!(
        screen.contains("· 1 suggested"),
        "the title counts them: {screen}"
    );
    insta::assert_snapshot!("article_56_suggested_100x30", screen);
}

#[test]
fn a_paragraph_shows_its_suggestions_under_it_and_in_its_links() {
    let mut a = app_at("zamora", home());
    for _ in 0..5 {
        a.keys(&[key('j')]);
    }
    let screen = a.screen();
    assert!(
        screen.contains("[suggested] Art. 56 (7.1), Art. 6 (4.4)"),
        "{screen}"
    );
    // The selected paragraph's links list them too, after its note.
    assert!(screen.contains("Links of ¶ 6"), "{screen}");
    assert!(
        screen.contains("[suggested] Art. 56 Implementation of the Convention"),
        "{screen}"
    );
}

#[test]
fn plus_accepts_as_the_users_inferred_link_and_it_persists() {
    let mut a = app_at("56", home());
    select_suggested(&mut a, 6);
    a.keys(&[key('+')]);
    assert!(
        a.status().starts_with("Accepted zamora ¶ 6 -> Art. 56"),
        "{}",
        a.status()
    );
    let screen = a.screen();
    assert!(screen.contains("[inferred · yours] Zamora ¶ 6"), "{screen}");
    assert!(
        screen.contains("why: accepted suggestion: 'economic development'"),
        "{screen}"
    );
    assert!(!screen.contains("[suggested] Zamora ¶ 6"), "{screen}");
    // Kept in the library, with its reason, for the next session and the CLI.
    let (user, warnings) = UserData::load_from(a.home());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        user.decisions().state("zamora", 6, "article:56"),
        State::Accepted
    );
    assert!(
        user.decisions().accepted[0]
            .reason
            .contains("'economic development'")
    );
    let home = a.home.take().expect("the home");
    let b = app_at("56", home);
    assert!(
        b.screen().contains("[inferred · yours] Zamora ¶ 6"),
        "{}",
        b.screen()
    );
}

#[test]
fn minus_rejects_it_is_hidden_and_stays_hidden() {
    let mut a = app_at("6", home());
    let zamora_1 = ("zamora".to_string(), 1, false);
    assert!(suggested_in_links(&a).contains(&zamora_1));
    select_suggested(&mut a, 1);
    a.keys(&[key('-')]);
    assert!(
        a.status().starts_with("Rejected zamora ¶ 1 -> Art. 6"),
        "{}",
        a.status()
    );
    assert!(
        !suggested_in_links(&a)
            .iter()
            .any(|(s, n, _)| s == "zamora" && *n == 1)
    );
    let home = a.home.take().expect("the home");
    let mut b = app_at("6", home);
    assert!(
        !suggested_in_links(&b)
            .iter()
            .any(|(s, n, _)| s == "zamora" && *n == 1)
    );
    // Nor under the paragraph in the source, where Art. 37 stays.
    b.keys(&[key(':')]).typed("zamora");
    b.keys(&[code(KeyCode::Enter)]);
    let screen = b.screen();
    assert!(
        screen.contains("[suggested] Art. 37 (4.1), Art. 24 (3.1)"),
        "{screen}"
    );
}

#[test]
fn keys_off_a_suggestion_say_what_they_need() {
    let mut a = app_at("56", home());
    a.keys(&[key('+')]);
    assert!(
        a.status().contains("Select a [suggested] link"),
        "{}",
        a.status()
    );
    let (user, _) = UserData::load_from(a.home());
    assert!(user.decisions().accepted.is_empty());
}

#[test]
fn the_setting_hides_them() {
    let mut a = app_at("56", home());
    a.state.suggested.show = false;
    let screen = a.screen();
    assert!(!screen.contains("[suggested]"), "{screen}");
    assert!(!screen.contains("suggested"), "{screen}");
}

#[test]
fn computed_off_the_ui_thread_they_arrive_whole() {
    let corpus = std::sync::Arc::new(treaty::corpus::load_embedded().expect("loads"));
    let graph = treaty::refs::graph::LinkGraph::build(&corpus);
    let (tx, rx) = std::sync::mpsc::channel();
    let waker: treaty::search::Waker = std::sync::Arc::new(move || {
        let _ = tx.send(());
    });
    let mut bg =
        SuggestedLinks::background(std::sync::Arc::clone(&corpus), &graph, true, Some(waker));
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("the thread wakes the loop");
    assert!(bg.poll(), "taken in once");
    let inline = SuggestedLinks::inline(&corpus, &graph);
    assert_eq!(bg.table(), inline.table());
    assert!(bg.table().is_some_and(|t| !t.is_empty()));
    let off = SuggestedLinks::background(corpus, &graph, false, None);
    assert!(
        !off.pending() && off.table().is_none(),
        "hidden: nothing computed"
    );
}
