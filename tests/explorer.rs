//! The explorer driven headless: action sequences against a fixed corpus,
//! asserting on the state and on the screen drawn into a `TestBackend`.
//!
//! The fixture keeps the real convention's chapters and article titles but
//! its own summaries, sources and links, so the snapshots change only when
//! the screens do, not when `data/` grows.

mod common;

use common::{App, code, key, passage};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use treaty::app::keymap;
use treaty::app::keymap::Mode;
use treaty::app::state::Overlay;
use treaty::app::{self, Action, Effect, MouseInput, MouseKind, PaneId, View};
use treaty::corpus::{Corpus, Heading, Passage, PassageId, Place, Source, SourceMeta, Target};

fn fixture() -> Corpus {
    let mut c = common::fixed_convention();
    c.convention.preamble.summary = "The introductory part of the Convention.".into();
    common::summarise_article_23(&mut c);
    let mut alpha = common::alpha(
        Some("https://example.org/alpha"),
        "日本語のテキスト with emoji 👩‍💻 and a\ttab: Chapter IV applies to all of it.",
    );
    alpha.headings = vec![Heading {
        before: 1,
        level: 2,
        text: "Procedural powers".into(),
    }];
    let beta = common::beta(vec![
        passage(1, "The scope is too broad, reaching any serious crime."),
        passage(2, "Nothing here is linked."),
    ]);
    c.sources = vec![alpha, beta];
    c.curated = vec![common::scope_link()];
    c
}

impl App {
    fn new(w: u16, h: u16, start: Option<Place>) -> App {
        Self::with(fixture(), w, h, start)
    }

    fn at(place: &str, w: u16, h: u16) -> App {
        Self::open(fixture(), place, w, h)
    }
}

// ---- the journey the explorer exists for ----

#[test]
fn article_to_critique_and_back_lands_on_the_same_selection() {
    let mut a = App::at("23", 100, 30);
    assert_eq!(a.state.view(), View::Article(23));
    assert_eq!(
        a.state.focus(),
        PaneId::Document,
        "an article opens with itself focused"
    );
    assert!(
        a.screen().contains("Cited by (2: 1 cited, 1 inferred)"),
        "{}",
        a.screen()
    );
    // Tab goes to the first passage that cites it.
    a.act(&[Action::NextLink]);
    assert_eq!(a.state.focus(), PaneId::Links);
    assert_eq!(a.state.here.links.selected, 0);
    let before = a.state.here;
    let screen_before = a.screen();
    let first = a.graph.cited_by(Target::Article(23))[0].passage;

    a.act(&[Action::Open]);
    assert_eq!(a.state.view(), View::Source(first.source));
    let s = a.screen();
    assert!(s.contains(&format!("¶ {} of", first.index + 1)), "{s}");
    assert!(s.contains("Links of ¶ 2 (2)"), "{s}");
    assert!(s.contains("Sources > Alpha > ¶ 2"), "breadcrumb: {s}");

    a.act(&[Action::Back]);
    assert_eq!(
        a.state.here, before,
        "same view, focus, scroll and selection"
    );
    assert_eq!(a.screen(), screen_before);

    a.act(&[Action::Forward]);
    assert_eq!(a.state.view(), View::Source(first.source));
}

#[test]
fn back_restores_a_moved_selection_and_scroll() {
    let mut a = App::at("23", 60, 20);
    a.act(&[Action::NextLink, Action::Down]);
    let before = a.state.here;
    assert_eq!(before.links.selected, 1);
    a.act(&[Action::Open]);
    assert_eq!(a.state.view(), View::Source(1));
    a.keys(&[KeyEvent::new(KeyCode::Left, KeyModifiers::ALT)]);
    assert_eq!(a.state.here, before);
    a.keys(&[KeyEvent::new(KeyCode::Char('f'), KeyModifiers::ALT)]);
    assert_eq!(a.state.view(), View::Source(1));
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.here, before);
}

#[test]
fn passage_leads_to_its_article_with_itself_selected_in_cited_by() {
    let mut a = App::at("alpha", 100, 30);
    // Paragraph 2 cites Art. 23 and Art. 24; Tab walks to its links.
    a.act(&[Action::NextLink]);
    let s = a.screen();
    assert!(s.contains("Links of ¶ 2 (2)"), "{s}");
    a.act(&[Action::NextLink]);
    assert_eq!(a.state.here.links.selected, 1);
    a.act(&[Action::PrevLink, Action::Open]);
    assert_eq!(a.state.view(), View::Article(23));
    assert_eq!(a.state.focus(), PaneId::Links);
    let selected = a.graph.cited_by(Target::Article(23))[a.state.here.links.selected].passage;
    assert_eq!(
        selected,
        PassageId {
            source: 0,
            index: 1
        }
    );
}

#[test]
fn tab_goes_round_every_link_of_a_source() {
    let mut a = App::at("alpha", 100, 30);
    let mut seen = Vec::new();
    for _ in 0..5 {
        a.act(&[Action::NextLink]);
        let p = a.state.here.document.selected;
        seen.push((p, a.state.here.links.selected));
    }
    // ¶2: Art. 23, Art. 24; ¶3: Art. 30; ¶4: Chapter IV; then round again.
    assert_eq!(seen[0], seen[4], "{seen:?}");
    assert_eq!(
        seen.iter().collect::<std::collections::HashSet<_>>().len(),
        4
    );
    a.act(&[Action::PrevLink]);
    assert_eq!(
        (a.state.here.document.selected, a.state.here.links.selected),
        seen[3]
    );
}

#[test]
fn inferred_links_show_their_reason_and_basis_in_words() {
    let a = App::at("23", 100, 30);
    let s = a.screen();
    // Each entry: its depth mark, the treatment in words (an inferred link
    // records one; a cited link none), the passage, its basis.
    assert!(s.contains("Alpha ¶ 2 [cited] · Article 23"), "{s}");
    assert!(s.contains("beta ¶ 1 [inferred]"), "{s}");
    assert!(
        s.contains("why: The reach of the powers is set by Art. 23"),
        "{s}"
    );
    let b = App::at("beta", 100, 30);
    let s = b.screen();
    assert!(
        s.contains("[inferred] Art. 2, Art. 23"),
        "inferred links beside the paragraph: {s}"
    );
}

#[test]
fn article_view_labels_the_summary_and_names_its_chapter() {
    let a = App::at("23", 100, 30);
    let s = a.screen();
    assert!(s.contains("Summary - not the authentic text"), "{s}");
    assert!(
        s.contains("Chapter IV. Procedural measures and law enforcement"),
        "{s}"
    );
    assert!(
        s.contains("Chapter IV > Art. 23 Scope of procedural measures"),
        "breadcrumb: {s}"
    );
}

#[test]
fn source_view_shows_unknown_metadata_as_unknown() {
    let a = App::at("beta", 100, 30);
    let s = a.screen();
    assert!(s.contains("Author: unknown"), "{s}");
    assert!(s.contains("Date: unknown"), "{s}");
    assert!(s.contains("URL: unknown"), "{s}");
}

#[test]
fn headings_are_shown_unnumbered_between_paragraphs() {
    let a = App::at("alpha", 100, 30);
    let s = a.screen();
    let heading = s
        .lines()
        .position(|l| l.contains("Procedural powers"))
        .expect("heading shown");
    let para2 = s
        .lines()
        .position(|l| l.contains(" 2 Article 23 extends"))
        .expect("¶2 shown");
    assert!(heading < para2);
    assert!(!s.lines().nth(heading).unwrap_or("").contains(" 2 "));
}

#[test]
fn outline_counts_linked_passages_per_article() {
    let mut a = App::new(100, 30, None);
    assert_eq!(a.state.focus(), PaneId::Outline);
    a.act(&[Action::Down, Action::Down, Action::Down, Action::Down]);
    a.act(&[Action::Expand]);
    let s = a.screen();
    let row = s
        .lines()
        .find(|l| l.contains("23 Scope of proc"))
        .expect("Art. 23 in the outline");
    assert!(
        row.split('│')
            .next()
            .unwrap_or("")
            .trim_end()
            .ends_with('2'),
        "{row}"
    );
    a.act(&[Action::Collapse]);
    assert!(!a.screen().contains("23 Scope of proc"));
}

#[test]
fn outline_enter_opens_and_keeps_browsing_on_wide_screens() {
    let mut a = App::new(100, 30, None);
    a.act(&[Action::Down, Action::Open]);
    assert_eq!(a.state.view(), View::Chapter(1));
    assert_eq!(a.state.focus(), PaneId::Outline);
    let mut narrow = App::new(60, 20, None);
    narrow.act(&[Action::Down, Action::Open]);
    assert_eq!(narrow.state.view(), View::Chapter(1));
    assert_ne!(
        narrow.state.focus(),
        PaneId::Outline,
        "the outline hides the text when narrow"
    );
}

#[test]
fn chapter_view_lists_articles_and_opens_them() {
    let mut a = App::at("IV", 100, 30);
    let s = a.screen();
    assert!(s.contains("Chapter IV. Procedural measures"), "{s}");
    assert!(
        s.contains("Cited by the chapter as a whole (1: 1 cited, 0 inferred)"),
        "{s}"
    );
    a.act(&[Action::Open]);
    assert_eq!(a.state.view(), View::Article(23));
    a.act(&[Action::Back, Action::Bottom, Action::Open]);
    assert_eq!(a.state.view(), View::Article(34));
}

#[test]
fn brackets_step_through_articles() {
    let mut a = App::at("23", 100, 30);
    a.keys(&[key(']')]);
    assert_eq!(a.state.view(), View::Article(24));
    a.keys(&[key('['), key('[')]);
    assert_eq!(a.state.view(), View::Article(22));
    let mut last = App::at("68", 100, 30);
    last.keys(&[key(']')]);
    assert_eq!(last.state.view(), View::Article(68));
    assert!(last.screen().contains("This is the last article."));
    let mut src = App::at("alpha", 100, 30);
    src.keys(&[key(']')]);
    assert_eq!(src.state.view(), View::Source(1));
}

#[test]
fn goto_prompt_jumps_and_reports_errors_in_the_footer() {
    let mut a = App::new(100, 30, None);
    a.keys(&[key(':'), key('6'), key('9'), code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Preamble);
    assert!(
        a.screen()
            .contains("article 69 does not exist: the articles run from 1 to 68"),
        "{}",
        a.screen()
    );
    a.keys(&[key(':'), key('I'), key('V'), code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Chapter(4));
    a.keys(&[
        key(':'),
        key('b'),
        key('e'),
        key('t'),
        key('a'),
        code(KeyCode::Enter),
    ]);
    assert_eq!(a.state.view(), View::Source(1));
    a.keys(&[
        key(':'),
        key('2'),
        code(KeyCode::Backspace),
        key('3'),
        code(KeyCode::Enter),
    ]);
    assert_eq!(a.state.view(), View::Article(3));
    // q is text in the prompt, Esc cancels it.
    a.keys(&[key(':'), key('q')]);
    assert_eq!(a.state.overlay, Some(Overlay::GoTo { input: "q".into() }));
    a.keys(&[code(KeyCode::Esc)]);
    assert_eq!(a.state.overlay, None);
}

#[test]
fn help_is_generated_from_the_key_table() {
    let mut a = App::new(100, 30, None);
    a.keys(&[key('?')]);
    let s = a.screen();
    for text in ["Getting started", "Move", "next link in the view"] {
        assert!(s.contains(text), "{text}: {s}");
    }
    a.keys(&[code(KeyCode::PageDown)]);
    let s = a.screen();
    for text in ["History (like a browser)", "Backspace Alt-← Alt-b"] {
        assert!(s.contains(text), "{text}: {s}");
    }
    a.keys(&[code(KeyCode::Esc)]);
    assert!(!a.screen().contains("History (like a browser)"));
    a.keys(&[code(KeyCode::F(1))]);
    assert!(a.state.overlay.is_some());
    a.keys(&[key('G')]);
    assert!(a.screen().contains("Mouse"), "help scrolls to its end");
}

#[test]
fn quit_and_ctrl_c_quit_from_anywhere() {
    let mut a = App::new(100, 30, None);
    let q = keymap::action_for(&a.state.keymap, Mode::Normal, key('q')).expect("q is bound");
    assert_eq!(
        app::update(&mut a.state, &a.corpus, &a.graph, q),
        vec![Effect::Quit]
    );
    a.act(&[Action::GoTo]);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let act = keymap::action_for(&a.state.keymap, Mode::Prompt, ctrl_c).expect("Ctrl-C is bound");
    assert_eq!(
        app::update(&mut a.state, &a.corpus, &a.graph, act),
        vec![Effect::Quit]
    );
}

#[test]
fn mouse_click_selects_and_click_on_a_link_follows() {
    let mut a = App::at("23", 100, 30);
    a.click("beta ¶ 1");
    assert_eq!(
        a.state.view(),
        View::Source(1),
        "clicking the link follows it"
    );
    a.act(&[Action::Back]);
    assert_eq!(
        a.state.here.links.selected, 1,
        "the clicked entry was selected before following"
    );
    a.click("[cited]");
    assert_eq!(
        a.state.view(),
        View::Article(23),
        "clicking an entry off its link selects it"
    );
    assert_eq!(a.state.here.links.selected, 0);
    a.click("[inferred]");
    assert_eq!(a.state.view(), View::Article(23));
    assert_eq!(a.state.here.links.selected, 1);
    a.click("[inferred]");
    assert_eq!(a.state.view(), View::Source(1), "a second click follows");

    let mut s = App::at("alpha", 100, 30);
    s.click("Art. 30");
    assert_eq!(
        s.state.view(),
        View::Article(30),
        "a citation in the text is a link"
    );
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = App::new(100, 30, None);
    a.act(&[Action::Open]); // the preamble; expand all chapters to make the outline long
    for _ in 0..9 {
        a.act(&[Action::Down, Action::Expand]);
    }
    let top = a.state.outline.pane.top;
    a.act(&[Action::Mouse(MouseInput {
        kind: MouseKind::WheelDown,
        column: 5,
        row: 10,
    })]);
    assert_ne!(a.state.outline.pane.top, top);
    assert_eq!(a.state.here.document.top, Default::default());
}

#[test]
fn resizing_lays_out_again() {
    let mut a = App::at("23", 100, 30);
    assert!(a.screen().contains("Outline"));
    a.act(&[Action::Resize(60, 20)]);
    let s = a.screen();
    assert!(
        !s.contains("Outline"),
        "side pane collapses below 80 columns: {s}"
    );
    assert!(s.contains("Cited by"));
    a.act(&[Action::Resize(19, 5)]);
    assert!(a.screen().contains("Terminal"), "{}", a.screen());
    a.act(&[
        Action::Resize(0, 0),
        Action::Down,
        Action::Open,
        Action::Resize(200, 60),
    ]);
    assert!(a.screen().contains("Outline"));
}

#[test]
fn focus_cycles_and_the_hidden_outline_shows_when_focused() {
    let mut a = App::at("23", 60, 20);
    assert!(!a.screen().contains("Outline"));
    a.keys(&[key('W')]);
    assert_eq!(a.state.focus(), PaneId::Outline);
    assert!(a.screen().contains("Outline"));
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Document);
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Links);
}

#[test]
fn wide_text_aligns_by_cells() {
    let a = App::at("alpha", 100, 30);
    let s = a.screen();
    let line = s
        .lines()
        .find(|l| l.contains("日本語"))
        .expect("CJK paragraph shown");
    assert!(line.contains("👩‍💻") || line.contains("👩"), "{line}");
    assert!(!s.contains('\t'), "tabs are expanded");
    for l in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 100, "{l}");
    }
}

#[test]
fn a_ten_megabyte_source_only_wraps_what_is_seen() {
    let mut corpus = fixture();
    let para = "This long paragraph repeats itself to make a very large source, \
                and it cites Article 23 now and then. "
        .repeat(5);
    let passages: Vec<Passage> = (1..=20_000).map(|n| passage(n, &para)).collect();
    let big: usize = passages.iter().map(|p| p.text.len()).sum();
    assert!(big >= 10_000_000, "{big}");
    corpus.sources.push(Source {
        id: "big".into(),
        path: "big.md".into(),
        meta: SourceMeta::default(),
        passages,
        headings: vec![],
        user: false,
    });
    let mut a = App::with(corpus, 100, 30, None);
    a.act(&[Action::GoTo]);
    for c in "big".chars() {
        a.act(&[Action::PromptChar(c)]);
    }
    a.act(&[Action::PromptSubmit, Action::Bottom]);
    let s = a.screen();
    assert!(s.contains("¶ 20000 of 20000"), "{s}");
    for _ in 0..50 {
        a.act(&[Action::PageUp]);
        a.screen();
    }
    a.act(&[Action::Top, Action::NextLink]);
    a.screen();
    assert!(
        a.state.cache.len() < 2_000,
        "wrapped {} texts: more than what was seen",
        a.state.cache.len()
    );
}

#[test]
fn the_real_corpus_article_23_round_trip() {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let mut a = App::with(corpus, 100, 30, Some(Place::Target(Target::Article(23))));
    assert!(
        a.graph.count(Target::Article(23)) > 0,
        "the real corpus cites article 23"
    );
    a.act(&[Action::NextLink]);
    let before = a.state.here;
    a.act(&[Action::Open]);
    assert!(matches!(a.state.view(), View::Source(_)));
    a.act(&[Action::Back]);
    assert_eq!(a.state.here, before);
}

/// A narrow pane's title that runs under the scroll marks is cut with an
/// ellipsis: "¶ 2 of 24" once read "¶ 2 of 2" at 40 columns.
#[test]
fn a_title_under_the_scroll_marks_is_cut_visibly() {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let p = treaty::corpus::lookup(&corpus, "benitez-mongelos").expect("the source");
    let mut a = App::with(corpus, 40, 12, Some(p));
    a.act(&[Action::Down]);
    let screen = a.screen();
    let title = screen.lines().next().unwrap_or_default();
    assert!(title.contains("↑↓") || title.contains('↓'), "{screen}");
    assert!(title.contains('…'), "the cut is shown: {title:?}");
    assert!(!title.contains("of 2 "), "{title:?}");
}

// ---- snapshots of the main screens, read and accepted by hand ----

fn snap(name: &str, a: &App) {
    insta::assert_snapshot!(name, a.screen());
}

#[test]
fn snapshots_100x30() {
    snap("home_100x30", &App::new(100, 30, None));
    snap("article_23_100x30", &App::at("23", 100, 30));
    let mut a = App::at("23", 100, 30);
    a.act(&[Action::NextLink, Action::Open]);
    snap("source_from_article_23_100x30", &a);
    snap("chapter_iv_100x30", &App::at("IV", 100, 30));
    let mut h = App::new(100, 30, None);
    h.act(&[Action::Help]);
    snap("help_100x30", &h);
}

#[test]
fn snapshots_60x20() {
    snap("article_23_60x20", &App::at("23", 60, 20));
    let mut a = App::at("23", 60, 20);
    a.act(&[Action::NextLink, Action::Open]);
    snap("source_from_article_23_60x20", &a);
    snap("home_60x20", &App::new(60, 20, None));
}

// ---- no size, no key sequence panics ----

#[test]
fn every_size_from_zero_draws() {
    let mut a = App::at("alpha", 0, 0);
    for w in (0..=250u16).step_by(7) {
        for h in (0..=80u16).step_by(5) {
            a.act(&[Action::Resize(w, h)]);
            a.screen();
        }
    }
}

fn any_action() -> impl Strategy<Value = Action> {
    let keys: Vec<Action> = keymap::BINDINGS.iter().map(|b| b.action.clone()).collect();
    prop_oneof![
        4 => proptest::sample::select(keys),
        1 => (0u16..=250, 0u16..=80).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..=250, 0u16..=80, 0u8..3).prop_map(|(column, row, k)| Action::Mouse(MouseInput {
            kind: [MouseKind::Click, MouseKind::WheelUp, MouseKind::WheelDown][usize::from(k)],
            column,
            row,
        })),
        1 => proptest::sample::select(vec!['2', '3', 'I', 'V', 'a', 'b', ' ', 'é'])
            .prop_map(Action::PromptChar),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        w in 0u16..=250,
        h in 0u16..=80,
        start in 0usize..5,
        actions in proptest::collection::vec(any_action(), 1..40),
    ) {
        let corpus = fixture();
        let place = [None, Some("23"), Some("IV"), Some("alpha"), Some("preamble")][start]
            .and_then(|p| treaty::corpus::lookup(&corpus, p).ok());
        let mut a = App::with(corpus, w, h, place);
        for action in actions {
            let action = match action {
                Action::Quit | Action::Suspend => Action::Close,
                other => other,
            };
            a.act(&[action]);
            let _ = a.screen();
        }
    }
}

// ---- one pass per keystroke ----

/// Article 24 citing other articles in its authentic text, as the official
/// document sets it out.
fn authentic_fixture() -> Corpus {
    let mut c = fixture();
    let text = std::fs::read_to_string(common::AUTHENTIC)
        .expect("the fixture")
        .replace(
            "[Placeholder text of article 24.]",
            "1. The powers of article 23 are subject to conditions.\n\n\
             2. They apply to the measures in paragraph 2 of article 25 and in articles 40 to 46.",
        );
    common::lay_authentic_text(&mut c, &text);
    c
}

/// Each Tab (update and the frame drawn after it) extracts the citations of
/// the text, lays the screen out and lists the view's entries at most once
/// (before the view model was kept: 9 extractions, 7 layouts, 22 lists).
#[test]
fn one_tab_in_an_article_extracts_lays_out_and_lists_once() {
    let mut a = App::open(authentic_fixture(), "24", 100, 30);
    a.screen();
    for _ in 0..4 {
        treaty::app::probe::take();
        a.keys(&[code(KeyCode::Tab)]);
        a.screen();
        let n = treaty::app::probe::take();
        assert!(
            n.extractions <= 1 && n.screens <= 1 && n.documents <= 1,
            "{n:?}"
        );
    }
    // The walk still reaches the citations and the "Cited by".
    assert!(a.screen().contains("article 23"), "{}", a.screen());
    // Opening another article lists, extracts and lays it out once.
    treaty::app::probe::take();
    a.keys(&[code(KeyCode::Char(']'))]);
    a.screen();
    let n = treaty::app::probe::take();
    assert_eq!(a.state.view(), View::Article(25));
    assert!(
        n.extractions <= 1 && n.screens <= 2 && n.documents <= 1,
        "{n:?}"
    );
}

/// Scrolling a source lists its paragraphs once, not on every key (a source
/// of a million paragraphs took a third of a second a key when it did).
#[test]
fn scrolling_a_source_lists_it_once() {
    let mut a = App::at("alpha", 100, 30);
    assert!(matches!(a.state.view(), View::Source(_)));
    assert_eq!(a.state.focus(), PaneId::Document);
    let before = a.state.here.document;
    a.screen();
    treaty::app::probe::take();
    for k in [
        key('j'),
        key('j'),
        code(KeyCode::PageDown),
        key('G'),
        key('k'),
    ] {
        a.keys(&[k]);
        a.screen();
    }
    let n = treaty::app::probe::take();
    assert_ne!(a.state.here.document, before, "the keys moved in the text");
    assert_eq!(n.documents, 0, "{n:?}");
    assert!(n.screens <= 2, "{n:?}");
}

/// A paste into the go-to prompt is text on one line, cut to the prompt's
/// length at once; Enter then goes there as if it had been typed.
#[test]
fn a_paste_into_the_go_to_prompt_is_text() {
    let mut a = App::at("23", 100, 30);
    a.keys(&[key(':')]);
    a.act(&[Action::Paste("IV\nq".into())]);
    assert_eq!(
        a.state.overlay,
        Some(Overlay::GoTo {
            input: "IV q".into()
        })
    );
    a.act(&[Action::Paste("x".repeat(100_000))]);
    let Some(Overlay::GoTo { input }) = &a.state.overlay else {
        panic!("the prompt is still open");
    };
    assert_eq!(input.chars().count(), 80);
    assert_eq!(
        a.state.view(),
        View::Article(23),
        "nothing was taken as keys"
    );
    a.keys(&[code(KeyCode::Esc), key(':')]);
    a.act(&[Action::Paste("24".into())]);
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(24));
}
