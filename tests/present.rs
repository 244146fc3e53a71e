//! Presentation mode, themes, key overrides and the authentic-text toggle,
//! driven headless: keys through the real key table, `update`, and the
//! screen drawn into a `TestBackend`.

mod common;

use common::{App, code, key, passage, text_of};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use treaty::app::keymap;
use treaty::app::state::Overlay;
use treaty::app::{Action, Effect, View};
use treaty::corpus::{Corpus, PassageId, Target};
use treaty::refs::graph::LinkGraph;
use treaty::ui::theme::{Theme, ThemeName};

/// The real convention's structure with fixed summaries and two small
/// sources, so snapshots do not move when `data/` grows.
fn fixture() -> Corpus {
    let mut c = common::fixed_convention();
    common::summarise_article_23(&mut c);
    let alpha = common::alpha(
        None,
        "Article 23 again: its reach is the problem, says this paragraph.",
    );
    let beta = common::beta(vec![passage(
        1,
        "Under Article 23 the scope is too broad, reaching any serious crime.",
    )]);
    c.sources = vec![alpha, beta];
    c
}

fn present(app: &App) -> &treaty::app::state::deck::Presentation {
    match &app.state.overlay {
        Some(Overlay::Present(p)) => p,
        other => panic!("not presenting: {other:?}"),
    }
}

// ---- presentation mode ----

#[test]
fn p_presents_the_chapter_from_the_article_and_q_comes_back_exactly() {
    let mut a = App::open(fixture(), "23", 100, 30);
    a.keys(&[code(KeyCode::Down)]);
    let here = a.state.here;
    let explorer = a.screen();
    a.keys(&[key('p')]);
    let deck = present(&a);
    assert_eq!(
        deck.title,
        "Chapter IV. Procedural measures and law enforcement"
    );
    // The title slide, the chapter, then Art. 23, where the user was.
    assert_eq!(deck.current, 2);
    let slides = deck.pages.len();
    let s = a.screen();
    assert!(s.contains("Scope of procedural measures"), "{s}");
    assert!(s.contains("Summary - not the authentic text"), "{s}");
    assert!(
        s.contains("What the critiques say (3: 3 cited, 0 inferred)"),
        "{s}"
    );
    assert!(s.contains("Alpha, para 2 — cited as “Article 23”"), "{s}");
    assert!(s.contains(&format!("3/{slides}")), "progress marker: {s}");
    assert!(!s.contains("Outline"), "no chrome: {s}");
    // Space Space, then 5 Enter, as a presenter would.
    a.keys(&[key(' '), key(' ')]);
    assert_eq!(present(&a).current, 4);
    let s = a.screen();
    assert!(s.contains(&format!("5/{slides}")), "{s}");
    assert!(
        s.contains("Expedited preservation of stored"),
        "Art. 25: {s}"
    );
    a.keys(&[key('5')]);
    assert!(a.screen().contains("Go to slide: 5"), "{}", a.screen());
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(present(&a).current, 4);
    a.keys(&[code(KeyCode::Left), code(KeyCode::PageUp)]);
    assert_eq!(present(&a).current, 2);
    a.keys(&[key('q')]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.here, here);
    assert_eq!(a.screen(), explorer);
}

#[test]
fn home_end_g_and_capital_g_jump_to_the_first_and_last_slide() {
    let mut a = App::open(fixture(), "24", 80, 24);
    a.keys(&[key('p')]);
    let last = present(&a).pages.len() - 1;
    a.keys(&[code(KeyCode::End)]);
    assert_eq!(present(&a).current, last);
    let s = a.screen();
    assert!(s.contains(&format!("{}/{}", last + 1, last + 1)), "{s}");
    a.keys(&[code(KeyCode::Home)]);
    assert_eq!(present(&a).current, 0);
    assert!(
        flowing(&a.screen()).contains("What it covers"),
        "{}",
        a.screen()
    );
    a.keys(&[key('G')]);
    assert_eq!(present(&a).current, last);
    a.keys(&[key('g')]);
    assert_eq!(present(&a).current, 0);
}

#[test]
fn b_blanks_the_room_s_screen_and_brings_the_slide_back() {
    let mut a = App::open(fixture(), "23", 80, 24);
    a.keys(&[key('p')]);
    let shown = a.screen();
    a.keys(&[key('b')]);
    let blank = a.screen();
    assert!(
        blank.chars().all(char::is_whitespace),
        "nothing for the room, not even 3/14:\n{blank}"
    );
    a.keys(&[key('b')]);
    assert_eq!(a.screen(), shown);
    a.keys(&[key('.'), key('.')]);
    assert_eq!(a.screen(), shown, ". does the same");
}

#[test]
fn a_passage_slide_names_the_provisions_it_discusses() {
    let corpus = fixture();
    let graph = LinkGraph::build(&corpus);
    let p = PassageId {
        source: 0,
        index: 1,
    };
    let t = treaty::app::view::slides::slide_text(
        &corpus,
        &graph,
        treaty::app::state::deck::Slide::Passage(p),
    );
    assert_eq!(t.title, "Alpha, para 2");
    assert!(t.body.starts_with("Article 23 extends"));
    let lines: Vec<String> = t
        .lines
        .iter()
        .map(|l| l.head.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Art. 23 Scope of procedural measures — cited")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.starts_with("Art. 24")), "{lines:?}");
}

fn slide_app(w: u16, h: u16) -> App {
    let mut a = App::open(fixture(), "23", w, h);
    a.keys(&[key('p')]);
    a
}

#[test]
fn slide_at_80x24() {
    let a = slide_app(80, 24);
    let s = a.screen();
    assert!(s.contains("Scope of procedural measures"), "{s}");
    assert!(
        s.contains("█") || s.contains("▀") || s.contains("▄"),
        "big letters: {s}"
    );
    insta::assert_snapshot!("slide_article_23_80x24", s);
}

#[test]
fn slide_at_160x50() {
    let a = slide_app(160, 50);
    let s = a.screen();
    assert!(s.contains("Alpha, para 4"), "{s}");
    insta::assert_snapshot!("slide_article_23_160x50", s);
}

#[test]
fn slides_fit_every_size_and_never_panic() {
    let mut a = slide_app(80, 24);
    let mut sizes = Vec::new();
    for w in [
        0u16, 1, 2, 5, 10, 19, 20, 33, 40, 60, 80, 81, 120, 160, 200, 250,
    ] {
        for h in [0u16, 1, 2, 3, 5, 6, 8, 12, 16, 24, 30, 40, 50, 60, 70] {
            sizes.push((w, h));
        }
    }
    for (w, h) in sizes {
        a.resize(w, h);
        for _ in 0..2 {
            let s = a.screen();
            if w >= 20 && h >= 6 {
                // Something sensible: the article named and where we are.
                assert!(
                    s.contains("Art. 2") || s.contains("█") || s.contains("▀"),
                    "{w}x{h}:\n{s}"
                );
                let slides = present(&a).pages.len();
                assert!(s.contains(&format!("/{slides}")), "{w}x{h}:\n{s}");
            }
            a.keys(&[key(' ')]);
        }
        a.keys(&[code(KeyCode::Left), code(KeyCode::Left)]);
    }
    // Big letters give way to bold text when they cannot fit.
    a.resize(30, 10);
    let s = a.screen();
    assert!(s.contains("Art. 23"), "{s}");
    assert!(!s.contains("█"), "{s}");
}

/// The fixture with an inferred link (Alpha's ¶ 3 to Art. 24, for a reason)
/// and two concerns.
fn fixture_with_concerns() -> Corpus {
    let mut c = fixture();
    c.curated.push(treaty::corpus::CuratedLink {
        passage: PassageId {
            source: 0,
            index: 2,
        },
        quote: "Interception".into(),
        targets: vec![Target::Article(24)],
        reason: "Interception without a judge bears on the conditions and safeguards of \
                 the powers (Art. 24)."
            .into(),
        treatment: treaty::corpus::Treatment::Criticises,
        asks: None,
    });
    c.concerns = vec![
        treaty::corpus::Concern {
            id: "scope".into(),
            title: "Scope".into(),
            description: "Whether the powers reach any crime.".into(),
            passages: vec![
                PassageId {
                    source: 0,
                    index: 1,
                },
                PassageId {
                    source: 1,
                    index: 0,
                },
                PassageId {
                    source: 0,
                    index: 3,
                },
            ],
        },
        treaty::corpus::Concern {
            id: "safeguards".into(),
            title: "Safeguards".into(),
            description: "Whether a judge authorises the powers.".into(),
            passages: vec![PassageId {
                source: 0,
                index: 2,
            }],
        },
    ];
    c
}

/// The screen's words on one line, so text that wraps can be looked for.
fn flowing(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn p_in_the_bookmarks_list_presents_the_bookmarks_from_the_selected_one() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut a = App::with_user(fixture(), Some("alpha"), 100, 30, home);
    // Alpha's ¶ 2, then Art. 24.
    a.keys(&[key('j'), key('b')]);
    a.keys(&[key(':')]);
    a.typed("24");
    a.keys(&[code(KeyCode::Enter), key('w'), key('w'), key('b')]);
    a.keys(&[key('B')]);
    assert_eq!(
        a.state.view(),
        View::Overview(treaty::app::state::Overview::Bookmarks)
    );
    a.keys(&[code(KeyCode::Down)]);
    let here = a.state.here;
    let explorer = a.screen();
    assert!(explorer.contains("Bookmarks (2)"), "{explorer}");
    a.keys(&[key('p')]);
    let deck = present(&a);
    assert_eq!(deck.title, "Your bookmarks");
    assert_eq!(
        deck.slides,
        vec![
            treaty::app::state::deck::Slide::Title,
            treaty::app::state::deck::Slide::Passage(PassageId {
                source: 0,
                index: 1
            }),
            treaty::app::state::deck::Slide::Article(24),
        ]
    );
    // It starts at the bookmark that was selected.
    let s = a.screen();
    assert!(s.contains("Conditions and safeguards"), "{s}");
    assert!(s.contains("3/3") && s.contains("Your bookmarks"), "{s}");
    assert!(!s.contains("Bookmarks (2)"), "no chrome: {s}");
    a.keys(&[code(KeyCode::Left)]);
    let s = a.screen();
    assert!(s.contains("Alpha, para 2") && s.contains("2/3"), "{s}");
    assert!(s.contains("The passage, word for word"), "{s}");
    // The deck opens with its title slide: the name, the date, what it covers.
    a.keys(&[code(KeyCode::Home)]);
    let s = flowing(&a.screen());
    assert!(
        s.contains("Your bookmarks") && s.contains("2 bookmarks, in your order"),
        "{s}"
    );
    assert!(s.contains(&present(&a).date), "{s}");
    a.keys(&[key('q')]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.here, here, "back where the explorer was");
    assert_eq!(a.screen(), explorer);
}

#[test]
fn p_with_no_bookmarks_says_how_to_add_one() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut a = App::with_user(fixture(), Some("23"), 100, 30, home);
    a.keys(&[key('B'), key('p')]);
    assert!(a.state.overlay.is_none());
    let s = a.screen();
    assert!(s.contains("no bookmarks to present: press b"), "{s}");
}

#[test]
fn p_in_the_concerns_view_presents_the_selected_concern() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut a = App::with_user(fixture_with_concerns(), Some("23"), 100, 30, home);
    a.keys(&[key('c'), key('j')]);
    assert!(a.screen().contains("Concern: Safeguards"), "{}", a.screen());
    let here = a.state.here;
    let explorer = a.screen();
    a.keys(&[key('p')]);
    assert_eq!(present(&a).title, "Concern: Safeguards");
    // A concern's deck has its title slide too.
    let s = flowing(&a.screen());
    assert!(s.contains("1 passage from 1 source (safeguards)"), "{s}");
    assert!(s.contains("1/2"), "{s}");
    a.keys(&[key(' ')]);
    let s = a.screen();
    assert!(s.contains("Alpha, para 3") && s.contains("2/2"), "{s}");
    assert!(
        s.contains("Interception under Art. 30 needs no judicial authorisation."),
        "{s}"
    );
    a.keys(&[code(KeyCode::Esc)]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.here, here);
    assert_eq!(a.screen(), explorer);
    // From a passage of the concern, the deck starts at that passage.
    a.keys(&[key('k'), code(KeyCode::Enter), code(KeyCode::Down)]);
    let explorer = a.screen();
    let here = a.state.here;
    a.keys(&[key('p')]);
    assert_eq!(present(&a).title, "Concern: Scope");
    let s = a.screen();
    assert!(s.contains("beta, para 1") && s.contains("3/4"), "{s}");
    a.keys(&[key('q')]);
    assert_eq!(a.state.here, here);
    assert_eq!(a.screen(), explorer);
}

#[test]
fn an_inferred_critique_shows_its_reason_on_a_line_of_its_own() {
    let mut a = App::open(fixture_with_concerns(), "24", 100, 30);
    a.keys(&[key('p')]);
    let s = a.screen();
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == "• Alpha, para 3 — inferred")
        .unwrap_or_else(|| panic!("the head on its own line:\n{s}"));
    assert_eq!(
        lines[at + 1],
        "“Interception under Art. 30 needs no judicial authorisation.”"
    );
    assert!(
        lines[at + 2].starts_with("why: Interception without a judge"),
        "{s}"
    );
    assert!(
        flowing(&s).contains(
            "why: Interception without a judge bears on the conditions and safeguards of the \
             powers (Art. 24)."
        ),
        "the whole reason: {s}"
    );
    // Critiques stand apart: a blank line before each.
    assert_eq!(lines[at - 1], "", "{s}");
    assert!(
        s.contains("What the critiques say (2: 1 cited, 1 inferred)"),
        "{s}"
    );
    insta::assert_snapshot!("slide_article_24_inferred_100x30", s);
    // At 80x24 the reason still shows whole.
    a.resize(80, 24);
    let s = a.screen();
    assert!(
        flowing(&s).contains("the conditions and safeguards of the powers (Art. 24)."),
        "{s}"
    );
}

#[test]
fn small_slides_show_the_title_and_the_start_of_the_summary() {
    let mut a = slide_app(80, 24);
    for (w, h) in [
        (20u16, 6u16),
        (24, 7),
        (30, 8),
        (40, 10),
        (60, 11),
        (60, 14),
        (79, 23),
    ] {
        a.resize(w, h);
        let s = a.screen();
        let words = flowing(&s);
        assert!(
            words.contains("Art. 23") || s.contains('▀'),
            "the number, in big letters or not: {w}x{h}:\n{s}"
        );
        assert!(words.contains("Scope of procedural"), "{w}x{h}:\n{s}");
        // The label's words are whole, and the summary starts after them.
        assert!(
            words.contains("Summary - not the authentic text"),
            "{w}x{h}:\n{s}"
        );
        assert!(words.contains("Sets the reach"), "{w}x{h}:\n{s}");
        // Paginated for this size, still on Art. 23.
        let deck = present(&a);
        assert_eq!(
            deck.slide(),
            Some(treaty::app::state::deck::Slide::Article(23))
        );
        assert!(s.contains(&deck.progress()), "{w}x{h}:\n{s}");
    }
}

// ---- themes ----

fn render_with(a: &App, t: Theme) -> Buffer {
    a.buffer_in(&t)
}

#[test]
fn no_color_has_no_colours_but_keeps_the_attributes() {
    let a = App::open(fixture(), "23", 100, 30);
    let plain = render_with(&a, Theme::new(ThemeName::Dark, false));
    let mut mods = Modifier::empty();
    for cell in plain.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
        mods |= cell.modifier;
    }
    assert!(mods.contains(Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED));
    // The same screen with colour does use colour, with the same words.
    let light = render_with(&a, Theme::new(ThemeName::Light, true));
    assert!(light.content().iter().any(|c| c.bg == Color::White));
    assert!(light.content().iter().any(|c| c.fg == Color::Blue));
    assert_eq!(text_of(&light), text_of(&plain));
    let dark = render_with(&a, Theme::new(ThemeName::Dark, true));
    assert!(dark.content().iter().all(|c| c.bg == Color::Black));
    let high = render_with(&a, Theme::new(ThemeName::HighContrast, true));
    assert!(high.content().iter().any(|c| c.fg == Color::White));
}

#[test]
fn slides_keep_their_meaning_without_colour() {
    let a = slide_app(100, 30);
    let plain = render_with(&a, Theme::new(ThemeName::Light, false));
    assert!(
        plain
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let s = text_of(&plain);
    assert!(
        s.contains("cited") && s.contains("Summary - not the authentic text"),
        "{s}"
    );
}

#[test]
fn config_errors_name_the_file_line_and_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "theme = \"light\"\n\n[keys]\nquit = \"Q\"\nserch = \"ctrl-f\"\n",
    )
    .expect("write");
    let e = treaty::config::load_from(&path).expect_err("a bad action");
    let msg = e.to_string();
    assert!(msg.starts_with(&format!("{}:5: ", path.display())), "{msg}");
    assert!(msg.contains("\"serch\"") && msg.contains("search"), "{msg}");
    std::fs::write(&path, "theme = \"neon\"\n").expect("write");
    let msg = treaty::config::load_from(&path)
        .expect_err("bad theme")
        .to_string();
    assert!(
        msg.contains(":1: ") && msg.contains("\"neon\"") && msg.contains("light"),
        "{msg}"
    );
    std::fs::write(&path, "theme = \"high-contrast\"\nmouse = false\n").expect("write");
    let c = treaty::config::load_from(&path).expect("good");
    assert_eq!(c.theme, Some(ThemeName::HighContrast));
    assert_eq!(c.mouse, Some(false));
    let missing = treaty::config::load_from(&dir.path().join("none.toml")).expect("no file");
    assert_eq!(missing, treaty::config::Config::default());
}

// ---- key overrides ----

#[test]
fn a_key_override_changes_what_the_key_does_and_what_help_shows() {
    let cfg = treaty::config::parse("[keys]\nquit = \"Q\"\nhelp = \"ctrl-y\"\n", "config.toml")
        .expect("parses");
    {
        let mut a = App::open(fixture(), "23", 100, 30);
        a.state.keymap = keymap::Keymap::new(cfg.keys);
        assert_eq!(a.effects(&[key('q')]), vec![], "q no longer quits");
        assert_eq!(a.effects(&[key('?')]), vec![], "? no longer opens the help");
        assert!(a.state.overlay.is_none());
        // The footer hints come from the same table.
        let s = a.screen();
        assert!(s.contains("Ctrl-Y help") && s.contains("Q quit"), "{s}");
        a.keys(&[KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL)]);
        assert!(matches!(a.state.overlay, Some(Overlay::Help { .. })));
        let mut seen = false;
        for _ in 0..20 {
            seen |= a
                .screen()
                .lines()
                .any(|l| l.contains("Ctrl-Y") && l.contains("show or hide this help"));
            a.keys(&[code(KeyCode::PageDown)]);
        }
        assert!(seen, "the help overlay shows the new key");
        let help = keymap::help_lines(&a.state.keymap);
        let quit = help
            .iter()
            .find_map(|l| match l {
                keymap::HelpLine::Entry { keys, help } if *help == "quit" => Some(keys.clone()),
                _ => None,
            })
            .expect("quit is in the help");
        assert_eq!(quit, "Q");
        a.keys(&[code(KeyCode::Esc)]);
        assert_eq!(
            a.effects(&[KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT)]),
            vec![Effect::Quit]
        );
    }
    // The built-in table is untouched: a keymap without overrides quits on q.
    assert_eq!(
        keymap::action_for(&keymap::Keymap::default(), keymap::Mode::Normal, key('q')),
        Some(Action::Quit)
    );
}

// ---- authentic text and summary ----

fn with_authentic_text() -> Corpus {
    let mut c = fixture();
    let text = std::fs::read_to_string(common::AUTHENTIC).expect("the fixture");
    common::lay_authentic_text(&mut c, &text);
    c
}

#[test]
fn s_switches_between_the_authentic_text_and_the_summary() {
    let mut a = App::open(with_authentic_text(), "23", 100, 40);
    let s = a.screen();
    assert!(s.contains("Authentic text"), "{s}");
    assert!(
        s.contains("1. [Placeholder text of paragraph 1 of article 23"),
        "{s}"
    );
    assert!(!s.contains("Summary - not the authentic text"), "{s}");
    assert!(
        !s.contains("Sets the reach of the procedural powers"),
        "{s}"
    );
    a.keys(&[key('s')]);
    let s = a.screen();
    assert!(s.contains("Summary - not the authentic text"), "{s}");
    assert!(s.contains("Sets the reach of the procedural powers"), "{s}");
    assert!(!s.contains("[Placeholder text of paragraph 1"), "{s}");
    a.keys(&[key('s')]);
    let s = a.screen();
    assert!(
        s.contains("Authentic text") && s.contains("[Placeholder text of paragraph 1"),
        "{s}"
    );
    // The citation inside the authentic text is drawn as a link.
    let (col, row) = a.find("article 23,").expect("the paragraph shows");
    assert!(
        a.buffer()[(col, row)]
            .modifier
            .contains(Modifier::UNDERLINED),
        "a link"
    );
}

#[test]
fn s_without_authentic_text_says_how_to_get_it() {
    let mut a = App::open(fixture(), "23", 100, 30);
    a.keys(&[key('s')]);
    let s = a.screen();
    assert!(s.contains("treaty import-text"), "{s}");
    assert!(s.contains("Summary - not the authentic text"), "{s}");
}

/// In the coverage view `p` presents the selected article, within its
/// chapter, as it would from the article itself (not the whole convention
/// from the preamble).
#[test]
fn p_in_the_coverage_view_presents_the_selected_article() {
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    let home = tempfile::tempdir().expect("tempdir");
    let mut a = App::with_user(corpus, None, 100, 30, home);
    a.keys(&[key('C')]);
    // The most discussed article comes first: Art. 40, in Chapter V.
    assert!(a.screen().contains("Coverage > Art. 40"), "{}", a.screen());
    let here = a.state.here;
    a.keys(&[key('p')]);
    let deck = present(&a);
    assert_eq!(deck.title, "Chapter V. International cooperation");
    let s = a.screen();
    assert!(
        s.contains("General principles and procedures relating to mutual legal assistance"),
        "{s}"
    );
    a.keys(&[code(KeyCode::Esc)]);
    assert_eq!(a.state.here, here);
}

// ---- pagination: every passage shows, whole words, the rows filled ----

/// Art. 24 discussed by twelve paragraphs of a critique (words `x0001`…,
/// all five letters long, so a word cut short shows) and two of the
/// user's own memo.
fn crowded() -> Corpus {
    let mut c = fixture();
    let mut n = 0;
    let mut words = |count: usize| {
        (0..count)
            .map(|_| {
                n += 1;
                format!("x{n:04}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let passages = (1..=12)
        .map(|i| passage(i, &format!("Article 24 {}.", words(10 + 9 * i))))
        .collect();
    c.sources.push(treaty::corpus::Source {
        id: "gamma".into(),
        path: "data/sources/gamma.md".into(),
        meta: treaty::corpus::SourceMeta {
            title: Some("Safeguards in practice".into()),
            short: Some("Gamma".into()),
            ..Default::default()
        },
        passages,
        headings: vec![],
        user: false,
    });
    c.sources.push(treaty::corpus::Source {
        id: "memo".into(),
        path: "memo.md".into(),
        meta: treaty::corpus::SourceMeta {
            title: Some("Our position".into()),
            short: Some("Ministry memo".into()),
            ..Default::default()
        },
        passages: vec![
            passage(1, "Article 24: we support the safeguards as drafted."),
            passage(2, "Article 24 needs no change in our view."),
        ],
        headings: vec![],
        user: true,
    });
    c
}

/// Every slide of the deck from where it is to its last, as text.
fn every_slide(a: &mut App) -> Vec<String> {
    a.keys(&[code(KeyCode::Home)]);
    let mut out = Vec::new();
    loop {
        out.push(a.screen());
        let at = present(a).current;
        a.keys(&[key(' ')]);
        if present(a).current == at {
            return out;
        }
    }
}

#[test]
fn an_article_continues_over_slides_until_every_passage_has_shown() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut a = App::open(crowded(), "24", w, h);
        a.keys(&[key('p')]);
        let slides = every_slide(&mut a);
        let all = slides.join("\n");
        for i in 1..=12 {
            let head = format!("• Gamma, para {i} — cited");
            let shown = slides.iter().filter(|s| s.contains(&head)).count();
            assert_eq!(shown, 1, "{w}x{h}: {head} on {shown} slides:\n{all}");
        }
        assert!(!all.contains("see them in the explorer"), "{all}");
        assert!(!all.contains("more:"), "{all}");
        // The user's own memo is never a critique: left out by default.
        assert!(!all.contains("Ministry memo"), "{w}x{h}:\n{all}");
        assert!(
            all.contains("What the critiques say (13: 13 cited, 0 inferred)"),
            "{all}"
        );
        // Continuation slides are titled with their part.
        let parts = slides
            .iter()
            .filter(|s| s.contains("Art. 24 (") && s.contains(" · Conditions and safeguards"))
            .count();
        assert!(parts >= 2, "{w}x{h}:\n{all}");
        assert!(all.contains("Art. 24 (2/"), "{all}");
        // The two checks below are each made inside an `if`: count how often
        // they run, so that a deck showing no x-word, or no cut quote,
        // fails rather than passes untested.
        let (mut words_seen, mut cuts_seen) = (0, 0);
        for s in &slides {
            // Never a word cut short: each x-word has its four digits.
            for word in s.split(|c: char| !c.is_alphanumeric()) {
                if word.starts_with('x') && word[1..].chars().all(|c| c.is_ascii_digit()) {
                    assert_eq!(word.len(), 5, "{w}x{h}: {word:?} cut:\n{s}");
                    words_seen += 1;
                }
            }
            // A cut quote has taken the rows there were: no blank row
            // left between the text and the progress line.
            if s.contains("…”") {
                cuts_seen += 1;
                let lines: Vec<&str> = s.lines().collect();
                let footer = lines
                    .iter()
                    .rposition(|l| !l.trim().is_empty())
                    .expect("a footer");
                // (On a tall screen a margin row stands above the footer.)
                let above = footer - 1 - usize::from(h >= 40);
                assert!(
                    !lines[above].trim().is_empty(),
                    "{w}x{h}: rows left blank under a cut quote:\n{s}"
                );
            }
        }
        assert!(words_seen > 0, "{w}x{h}: no x-word shown:\n{all}");
        assert!(cuts_seen > 0, "{w}x{h}: no quote cut:\n{all}");
    }
}

#[test]
fn continuation_slides_at_80x24_and_120x40() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut a = App::open(crowded(), "24", w, h);
        a.keys(&[key('p'), key(' ')]);
        let s = a.screen();
        assert!(s.contains("Art. 24 (2/"), "{s}");
        insta::assert_snapshot!(format!("slide_article_24_part_2_{w}x{h}"), s);
    }
}

#[test]
fn a_resize_paginates_again_and_keeps_the_article_in_view() {
    let mut a = App::open(crowded(), "24", 80, 24);
    a.keys(&[key('p'), key(' '), key(' ')]);
    let small = present(&a).pages.len();
    assert_eq!(
        present(&a).slide(),
        Some(treaty::app::state::deck::Slide::Article(24))
    );
    let first = a
        .screen()
        .lines()
        .find_map(|l| l.trim().strip_prefix("• ").map(str::to_string))
        .expect("a passage on screen");
    a.resize(120, 40);
    // The passage that led the slide is still on screen.
    assert!(a.screen().contains(&first), "{first}:\n{}", a.screen());
    let deck = present(&a);
    assert!(deck.pages.len() < small, "{} < {small}", deck.pages.len());
    assert_eq!(
        deck.slide(),
        Some(treaty::app::state::deck::Slide::Article(24))
    );
    assert!(a.screen().contains(&deck.progress()));
    a.resize(80, 24);
    assert_eq!(present(&a).pages.len(), small);
}

#[test]
fn o_shows_the_user_s_own_documents_apart_from_the_critiques() {
    let mut a = App::open(crowded(), "24", 120, 40);
    a.keys(&[key('p'), key('o')]);
    let all = every_slide(&mut a).join("\n");
    assert!(all.contains("Your documents (2, not critiques)"), "{all}");
    assert!(all.contains("• Ministry memo, para 1"), "{all}");
    assert!(
        all.contains("What the critiques say (13: 13 cited, 0 inferred)"),
        "the count is the critiques' only: {all}"
    );
    a.keys(&[key('o')]);
    let all = every_slide(&mut a).join("\n");
    assert!(!all.contains("Ministry memo"), "{all}");
}

#[test]
fn the_title_slide_at_80x24_and_120x40() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut a = App::open(crowded(), "IV", w, h);
        a.keys(&[key('p')]);
        if let Some(Overlay::Present(p)) = &mut a.state.overlay {
            p.date = "2026-11-30".into();
        }
        let s = a.screen();
        assert!(flowing(&s).contains("12 articles (23 to 34)"), "{s}");
        insta::assert_snapshot!(format!("title_slide_chapter_iv_{w}x{h}"), s);
    }
}

#[test]
fn p_and_present_deck_build_the_same_deck() {
    let corpus = crowded();
    let graph = LinkGraph::build(&corpus);
    for place in ["IV", "23", "24", "34"] {
        let mut a = App::open(crowded(), place, 100, 30);
        a.keys(&[key('p')]);
        let mut named =
            treaty::app::view::slides::deck_named(&corpus, "chapter IV", &[]).expect("a deck");
        treaty::app::view::slide_pages::paginate(&mut named, &corpus, &graph, (100, 30));
        let from_p = present(&a);
        assert_eq!(from_p.slides, named.slides, "p on {place}");
        assert_eq!(from_p.pages, named.pages, "p on {place}");
    }
}

/// What a speaker view reads of the slide on screen: its title with its
/// part, and the quotes it shows cut, in full.
#[test]
fn a_slide_names_its_part_and_what_it_cut() {
    let mut a = App::open(crowded(), "24", 80, 24);
    a.keys(&[key('p'), key(' ')]);
    let deck = present(&a);
    let title = treaty::app::view::slides::page_title(&a.corpus, &a.graph, deck, deck.current);
    assert!(
        title.starts_with("Art. 24 (2/") && title.ends_with(" · Conditions and safeguards"),
        "{title}"
    );
    let first = treaty::app::view::slides::page_title(&a.corpus, &a.graph, deck, 0);
    assert_eq!(first, "Chapter IV. Procedural measures and law enforcement");
    let page = deck.page().expect("a page");
    let slide = deck.slide().expect("a slide");
    let text = treaty::app::view::slides::deck_text(&a.corpus, &a.graph, deck, slide);
    let cut = treaty::app::view::slide_pages::left_out(&text, page, deck.size);
    let s = a.screen();
    assert_eq!(cut.is_empty(), !s.contains("…”"), "{cut:?}\n{s}");
    // The checks per quote below need a quote to check.
    assert!(!cut.is_empty(), "this slide cuts a quote:\n{s}");
    for q in &cut {
        // Whole, where the screen shows its start.
        assert!(q.ends_with(".”"), "{q}");
        let start: String = q.chars().take(25).collect();
        assert!(s.contains(&start), "{start}\n{s}");
    }
}
