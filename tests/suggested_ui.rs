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
use treaty::app::view::entry::{Item, SuggestedEntry};
use treaty::user::UserData;
use treaty::user::suggestions::State;

fn app_at(place: &str, home: tempfile::TempDir) -> App {
    app_sized(place, home, 100, 30)
}

/// As `app_at`, in a `w`x`h` terminal.
fn app_sized(place: &str, home: tempfile::TempDir, w: u16, h: u16) -> App {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let mut a = App::with_user(corpus, Some(place), w, h, home);
    // Computed here, so nothing depends on the thread's timing.
    a.state.suggested = SuggestedLinks::inline(&a.corpus, &a.graph);
    a
}

/// The links pane's entries, as the explorer lists them.
fn links_items(a: &App) -> std::rc::Rc<Vec<Item>> {
    let ctx = treaty::app::view::entry::ctx(&a.state, &a.corpus, &a.graph);
    treaty::app::view::document::items(ctx, &a.state, PaneId::Links)
}

/// The suggested entries of the links pane: (source id, paragraph, accepted).
fn suggested_in_links(a: &App) -> Vec<(String, usize, bool)> {
    links_items(a)
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
    select_suggested_where(a, 60, &format!("¶ {paragraph}"), |e| {
        e.passage.index + 1 == paragraph
    });
}

/// Moves the focus to the links pane and down (`j` at most `tries` times) to
/// the first suggested entry that passes `test`; panics with the screen if
/// none does.
fn select_suggested_where(
    a: &mut App,
    tries: usize,
    what: &str,
    test: impl Fn(&SuggestedEntry) -> bool,
) {
    for _ in 0..3 {
        if a.state.focus() == PaneId::Links {
            break;
        }
        a.keys(&[key('w')]);
    }
    assert_eq!(a.state.focus(), PaneId::Links);
    for _ in 0..tries {
        let item = treaty::app::nav::selected_item(&a.state, &a.corpus, &a.graph, PaneId::Links);
        if let Some(Item::Suggested(e)) = item
            && test(&e)
        {
            return;
        }
        a.keys(&[key('j')]);
    }
    panic!("no suggested entry for {what}:\n{}", a.screen());
}

#[test]
fn cited_by_lists_suggestions_apart_with_score_and_reason() {
    let a = app_at("56", home());
    let screen = a.screen();
    assert!(screen.contains("Hanoi warning ¶ 16 [inferred]"), "{screen}");
    assert!(
        screen.contains("[suggested] Zamora ¶ 6 · score 7.15"),
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
    assert!(screen.contains("[suggested] Art. 56 (7.2)"), "{screen}");
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
    assert!(screen.contains("[suggested] Art. 3 (5.7)"), "{screen}");
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

/// The Cited by entries as (basis shown, source id, paragraph).
fn cited_by_entries(a: &App) -> Vec<(String, String, usize)> {
    links_items(a)
        .iter()
        .filter_map(|it| match it {
            Item::CitedBy { target, index } => {
                let l = &a.graph.cited_by(*target)[*index];
                Some((
                    l.basis.name().to_string(),
                    a.corpus.sources[l.passage.source].id.clone(),
                    l.passage.index + 1,
                ))
            }
            Item::Suggested(e) => Some((
                if e.accepted { "yours" } else { "suggested" }.to_string(),
                a.corpus.sources[e.passage.source].id.clone(),
                e.passage.index + 1,
            )),
            _ => None,
        })
        .collect()
}

fn bases(a: &App) -> Vec<String> {
    let mut b: Vec<String> = cited_by_entries(a).into_iter().map(|e| e.0).collect();
    b.dedup();
    b
}

#[test]
fn the_basis_filter_steps_all_cited_inferred_suggested_all() {
    let mut a = app_sized("56", home(), 80, 24);
    let all = cited_by_entries(&a);
    assert!(all.iter().any(|e| e.0 == "suggested"), "{all:?}");
    assert!(all.iter().any(|e| e.0 == "inferred"), "{all:?}");
    // Cited: Art. 56 has no cited link, so a note says so and F clears.
    a.keys(&[key('L')]);
    assert!(
        a.status().starts_with("Cited by: cited only"),
        "{}",
        a.status()
    );
    assert!(cited_by_entries(&a).is_empty());
    assert!(
        a.screen().contains("show: cited only (F: all)"),
        "{}",
        a.screen()
    );
    assert!(!a.screen().contains("[suggested]"), "{}", a.screen());
    // Inferred: the analysts' links, no suggestion.
    a.keys(&[key('L')]);
    assert!(
        a.status().starts_with("Cited by: inferred only"),
        "{}",
        a.status()
    );
    assert_eq!(bases(&a), ["inferred"]);
    assert!(!a.screen().contains("[suggested]"), "{}", a.screen());
    // Suggested: the suggestions only, with their count in the footer.
    a.keys(&[key('L')]);
    assert_eq!(
        a.status(),
        format!("Cited by: suggested only, cited first: 1 of {}.", all.len())
    );
    assert_eq!(
        cited_by_entries(&a),
        [("suggested".to_string(), "zamora".to_string(), 6)]
    );
    let screen = a.screen();
    assert!(screen.contains("show: suggested only"), "{screen}");
    assert!(
        screen.contains("Cited by (0 of 1) · 1 suggested"),
        "{screen}"
    );
    assert!(
        screen.contains("[suggested] Zamora ¶ 6 · score 7.15"),
        "{screen}"
    );
    assert!(!screen.contains("[inferred]"), "{screen}");
    insta::assert_snapshot!("article_56_suggested_only_80x24", screen);
    // And round to all.
    a.keys(&[key('L')]);
    assert_eq!(cited_by_entries(&a), all);
    assert!(
        a.status().starts_with("Cited by: all passages"),
        "{}",
        a.status()
    );
}

#[test]
fn an_accepted_suggestion_is_inferred_not_suggested() {
    let mut a = app_sized("56", home(), 80, 24);
    select_suggested(&mut a, 6);
    a.keys(&[key('+')]);
    a.keys(&[key('L'), key('L')]);
    assert!(
        a.status().starts_with("Cited by: inferred only"),
        "{}",
        a.status()
    );
    assert!(
        cited_by_entries(&a).contains(&("yours".to_string(), "zamora".to_string(), 6)),
        "{:?}",
        cited_by_entries(&a)
    );
    a.keys(&[key('L')]);
    assert!(cited_by_entries(&a).is_empty());
    assert!(
        a.screen()
            .contains("No suggested link here matches the filter"),
        "{}",
        a.screen()
    );
}

/// The links pane's selected entry, if a suggestion: (target, paragraph).
fn selected_suggestion(a: &App) -> Option<(String, usize)> {
    match treaty::app::nav::selected_item(&a.state, &a.corpus, &a.graph, PaneId::Links) {
        Some(Item::Suggested(e)) => Some((e.target.label(), e.passage.index + 1)),
        _ => None,
    }
}

#[test]
fn enter_on_a_suggestion_arrives_with_it_selected_and_plus_accepts_it() {
    let mut a = app_sized("56", home(), 80, 24);
    select_suggested(&mut a, 6);
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(
        a.state.view(),
        treaty::app::View::Source(a.corpus.source_index("zamora").unwrap())
    );
    // The suggestion followed is selected. (¶ 6 has only this one: that the
    // right one of two is chosen is the next test's, on ¶ 1.)
    assert_eq!(selected_suggestion(&a), Some(("Art. 56".to_string(), 6)));
    let screen = a.screen();
    assert!(screen.contains("Links of ¶ 6"), "{screen}");
    insta::assert_snapshot!("zamora_6_from_suggested_80x24", screen);
    // + acts on it at once, without moving to the links pane first.
    a.keys(&[key('+')]);
    assert!(
        a.status().starts_with("Accepted zamora ¶ 6 -> Art. 56"),
        "{}",
        a.status()
    );
    // Back at the article, it is the user's own link now.
    a.keys(&[code(KeyCode::Backspace)]);
    assert!(
        a.screen().contains("[inferred · yours] Zamora ¶ 6"),
        "{}",
        a.screen()
    );
}

#[test]
fn arriving_from_the_second_suggestion_of_a_paragraph_selects_that_one() {
    let mut a = app_at("3", home());
    let zamora = a.corpus.source_index("zamora").unwrap();
    select_suggested_where(&mut a, 80, "Zamora ¶ 1", |e| {
        e.passage.source == zamora && e.passage.index == 0
    });
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), treaty::app::View::Source(zamora));
    assert_eq!(selected_suggestion(&a), Some(("Art. 3".to_string(), 1)));
    a.keys(&[key('-')]);
    assert!(
        a.status().starts_with("Rejected zamora ¶ 1 -> Art. 3"),
        "{}",
        a.status()
    );
}

#[test]
fn tab_steps_onto_suggestions_too_even_when_only_they_are_shown() {
    let mut a = app_sized("56", home(), 100, 30);
    // All: the inferred link, then the suggestion, then round.
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(selected_suggestion(&a), None);
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(selected_suggestion(&a), Some(("Art. 56".to_string(), 6)));
    assert_eq!(a.state.focus(), PaneId::Links);
    // Suggested only: Tab goes to it (it said no passage was linked).
    let mut b = app_sized("56", home(), 100, 30);
    b.keys(&[key('L'), key('L'), key('L'), code(KeyCode::Tab)]);
    assert_eq!(selected_suggestion(&b), Some(("Art. 56".to_string(), 6)));
    assert_eq!(b.state.focus(), PaneId::Links);
    // Enter, then + at once: accepted from where the user landed.
    b.keys(&[code(KeyCode::Enter), key('+')]);
    assert!(
        b.status().starts_with("Accepted zamora ¶ 6 -> Art. 56"),
        "{}",
        b.status()
    );
}

#[test]
fn an_accepted_suggestion_counts_among_the_paragraphs_links() {
    let mut a = app_at("zamora", home());
    for _ in 0..5 {
        a.keys(&[key('j')]);
    }
    assert!(a.screen().contains("Links of ¶ 6 (0)"), "{}", a.screen());
    a.keys(&[key('+')]);
    assert!(
        a.status().starts_with("Accepted zamora ¶ 6 -> Art. 56"),
        "{}",
        a.status()
    );
    let screen = a.screen();
    assert!(screen.contains("[inferred · yours] Art. 56"), "{screen}");
    assert!(screen.contains("Links of ¶ 6 (1)"), "{screen}");
}
