//! The first screen and coming back: the start screen on a first launch and
//! when going back past the first place, what it offers and with which keys,
//! and reopening exactly where the user left (paragraph, selection, scroll,
//! concern). Keys go through the real key table; screens are drawn into a
//! `TestBackend`; the user's files live in a temp dir.

mod common;

use common::{App, code, key, passage};
use ratatui::crossterm::event::KeyCode;
use treaty::app::keymap::{self, Action, Mode};
use treaty::app::state::{Overlay, Overview};
use treaty::app::{PaneId, View};
use treaty::corpus::{Concern, Corpus, PassageId};

fn pid(source: usize, index: usize) -> PassageId {
    PassageId { source, index }
}

fn fixture() -> Corpus {
    let mut c = common::fixed_convention();
    c.convention.preamble.summary = "The introductory part of the Convention.".into();
    let alpha = common::alpha(None, "The drafts were agreed in August 2024.");
    let beta = common::beta(
        (1..=12)
            .map(|n| {
                passage(
                    n,
                    &format!("Paragraph {n} of beta, on the scope of the powers."),
                )
            })
            .collect(),
    );
    c.sources = vec![alpha, beta];
    c.curated = vec![common::scope_link()];
    c.concerns = vec![
        Concern {
            id: "scope".into(),
            title: "Scope".into(),
            description: "Whether the powers reach beyond cybercrime.".into(),
            passages: vec![pid(0, 1), pid(1, 0)],
        },
        Concern {
            id: "dual-criminality".into(),
            title: "Dual criminality".into(),
            description: "Whether help is given for acts not crimes at home.".into(),
            passages: vec![pid(1, 5)],
        },
    ];
    c
}

fn launch(home: tempfile::TempDir, w: u16, h: u16, place: Option<&str>) -> App {
    App::with_user(fixture(), place, w, h, home)
}

fn first_launch(w: u16, h: u16) -> App {
    launch(tempfile::tempdir().expect("tempdir"), w, h, None)
}

/// Quits as the event loop does and starts again on the same user data.
fn quit_and_reopen(mut a: App) -> App {
    let problems = treaty::explorer::on_quit(&mut a.state, &a.corpus, &a.graph);
    assert!(problems.is_empty(), "{problems:?}");
    let (w, h) = a.state.size;
    let home = a.home.take().expect("user data");
    launch(home, w, h, None)
}

fn on_start(a: &App) -> bool {
    matches!(a.state.overlay, Some(Overlay::Start { .. }))
}

// ---- the first launch ----

#[test]
fn the_first_launch_says_what_this_is_and_what_to_do() {
    let a = first_launch(80, 24);
    assert!(on_start(&a));
    let s = a.screen();
    assert!(
        s.contains("United Nations Convention against Cybercrime"),
        "{s}"
    );
    assert!(
        s.contains("Read its 68 articles beside the 2 critiques"),
        "{s}"
    );
    // Every thing to do with the key the key table gives it.
    for (action, what) in [
        (Action::GoTo, "go to an article"),
        (Action::Search, "search the convention"),
        (Action::Concerns, "concerns:"),
        (Action::Coverage, "coverage:"),
        (Action::Bookmarks, "your bookmarks"),
        (Action::Present, "present the convention"),
        (Action::ImportFile, "import a PDF, Word"),
        (Action::SubjectIndex, "subject index"),
    ] {
        let k = keymap::first_key(&a.state.keymap, Mode::Normal, &action).expect("bound");
        assert!(s.contains(&format!("{k}  {what}")), "{k} {what}:\n{s}");
    }
    insta::assert_snapshot!("first_launch_80x24", s);
}

#[test]
fn the_start_screen_fits_small_and_large_terminals() {
    for (w, h) in [(40, 12), (200, 60)] {
        let a = first_launch(w, h);
        let s = a.screen();
        assert!(s.contains("go to an article"), "{s}");
        assert!(s.contains("search the"), "{s}");
        for line in s.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= usize::from(w));
        }
        insta::assert_snapshot!(format!("first_launch_{w}x{h}"), s);
    }
    // Down to the smallest size the explorer draws, and below.
    let mut a = first_launch(20, 6);
    for (w, h) in [(20, 6), (25, 8), (10, 3), (0, 0), (33, 9)] {
        a.resize(w, h);
        let _ = a.screen();
    }
}

#[test]
fn a_key_of_the_explorer_closes_the_start_screen_and_does_its_work() {
    let mut a = first_launch(80, 24);
    a.typed(":23");
    a.keys(&[code(KeyCode::Enter)]);
    assert!(!on_start(&a));
    assert_eq!(a.state.view(), View::Article(23));

    let mut a = first_launch(80, 24);
    a.keys(&[key('c')]);
    assert_eq!(a.state.view(), View::Overview(Overview::Concerns));

    // Esc shows the outline to browse.
    let mut a = first_launch(80, 24);
    a.keys(&[code(KeyCode::Esc)]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.focus(), PaneId::Outline);
    assert!(a.screen().contains("Outline"), "{}", a.screen());
}

#[test]
fn going_back_past_the_first_place_shows_the_start_with_recent_places() {
    let mut a = first_launch(80, 24);
    a.typed(":24");
    a.keys(&[code(KeyCode::Enter)]);
    a.typed(":beta");
    a.keys(&[code(KeyCode::Enter)]);
    // Back to 24, then the start: the preamble under the first launch's
    // start screen was never seen, so it is no place to go back to.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Article(24));
    a.keys(&[code(KeyCode::Backspace)]);
    assert!(on_start(&a));
    let s = a.screen();
    assert!(s.contains("Pick up where you were"), "{s}");
    assert!(
        s.contains("› Art. 24"),
        "the place just left comes first:\n{s}"
    );
    assert!(!s.contains("Preamble"), "{s}");
    // Down to beta, Enter opens it.
    a.keys(&[code(KeyCode::Down)]);
    let s = a.screen();
    assert!(s.contains("› beta"), "{s}");
    a.keys(&[code(KeyCode::Enter)]);
    assert!(!on_start(&a));
    assert_eq!(a.state.view(), View::Source(1));
}

#[test]
fn the_start_screen_lists_last_sessions_places_and_bookmarks() {
    let mut a = launch(tempfile::tempdir().expect("tmp"), 80, 24, Some("23"));
    a.keys(&[key('b')]);
    a.typed(":alpha");
    a.keys(&[code(KeyCode::Enter)]);
    // Quit on the start screen: it is what opens next time.
    a.keys(&[code(KeyCode::Backspace), code(KeyCode::Backspace)]);
    assert!(on_start(&a));
    let a = quit_and_reopen(a);
    assert!(on_start(&a), "left on the start screen, reopened on it");
    let s = a.screen();
    let art = s.find("› Art. 23 Scope").unwrap_or_else(|| panic!("{s}"));
    let alpha = s.find("Alpha").unwrap_or_else(|| panic!("{s}"));
    assert!(art < alpha, "the place left last first:\n{s}");
    insta::assert_snapshot!("start_with_places_80x24", s);
}

// ---- reopening exactly ----

#[test]
fn quitting_on_a_paragraph_reopens_on_it_scrolled_as_it_was() {
    let mut a = launch(tempfile::tempdir().expect("tmp"), 80, 16, Some("beta"));
    for _ in 0..5 {
        a.keys(&[code(KeyCode::Down)]);
    }
    let ctx = treaty::app::view::entry::ctx(&a.state, &a.corpus, &a.graph);
    assert_eq!(
        treaty::app::view::document::selected_passage(ctx, &a.state),
        Some(pid(1, 5))
    );
    let before = a.state.here;
    assert!(
        before.document.top.item > 0,
        "the text has scrolled: {before:?}"
    );
    let screen = a.screen();
    let b = quit_and_reopen(a);
    assert!(!on_start(&b));
    assert_eq!(b.state.here, before);
    assert_eq!(b.screen(), screen);
}

#[test]
fn quitting_on_a_concern_reopens_on_that_concern() {
    let mut a = launch(tempfile::tempdir().expect("tmp"), 80, 24, None);
    a.keys(&[key('c'), code(KeyCode::Down)]);
    assert!(a.screen().contains("Dual criminality"), "{}", a.screen());
    let before = a.state.here;
    let b = quit_and_reopen(a);
    assert_eq!(b.state.view(), View::Overview(Overview::Concerns));
    assert_eq!(b.state.here, before);
    // In its passages too.
    let mut b = b;
    b.keys(&[code(KeyCode::Enter)]);
    assert_eq!(b.state.focus(), PaneId::Links);
    let before = b.state.here;
    let c = quit_and_reopen(b);
    assert_eq!(c.state.here, before);
}

#[test]
fn a_paragraph_that_moved_is_found_by_its_number() {
    let mut a = launch(tempfile::tempdir().expect("tmp"), 80, 24, Some("beta"));
    for _ in 0..5 {
        a.keys(&[code(KeyCode::Down)]);
    }
    treaty::explorer::on_quit(&mut a.state, &a.corpus, &a.graph);
    let home = a.home.take().expect("home");
    // Beta gains headings before its paragraphs: the entries move.
    let mut c = fixture();
    c.sources[1].headings = (0..4)
        .map(|i| treaty::corpus::Heading {
            before: i,
            level: 2,
            text: format!("Part {i}"),
        })
        .collect();
    let b = App::with_user(c, None, 80, 24, home);
    let ctx = treaty::app::view::entry::ctx(&b.state, &b.corpus, &b.graph);
    assert_eq!(
        treaty::app::view::document::selected_passage(ctx, &b.state),
        Some(pid(1, 5))
    );
}

// ---- the footer ----

#[test]
fn the_footer_offers_the_main_tasks_and_names_what_b_bookmarks() {
    let mut a = launch(tempfile::tempdir().expect("tmp"), 120, 30, Some("23"));
    let footer = |a: &App| a.screen().lines().last().unwrap_or("").to_string();
    let f = footer(&a);
    for hint in ["b bookmark Art. 23", "/ search", "c concerns", "q quit"] {
        assert!(f.contains(hint), "{hint}: {f}");
    }
    // In an overview too: the row selected, by name.
    a.keys(&[key('C'), code(KeyCode::Down), code(KeyCode::Down)]);
    let f = footer(&a);
    assert!(f.contains("b bookmark Art. "), "{f}");
    assert!(!f.contains("b bookmark  "), "{f}");
    // Narrow: fewer hints, each whole.
    for w in [40, 57, 63, 80] {
        a.resize(w, 20);
        let f = footer(&a);
        // The check below is per hint: a footer with none would pass it.
        assert!(
            f.split("  ").any(|p| !p.trim().is_empty()),
            "no hint at {w} columns: {f:?}"
        );
        for piece in f.split("  ").filter(|p| !p.is_empty()) {
            let known = [
                "help",
                "open",
                "bookmark",
                "copy",
                "quit",
                "search",
                "concerns",
                "coverage",
                "bookmarks",
                "present",
                "brief",
                "back",
                "pane",
            ];
            assert!(
                known.iter().any(|k| piece.contains(k)),
                "{piece:?} cut in {f:?}"
            );
        }
    }
}
