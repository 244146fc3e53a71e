//! The search overlay driven headless: keys through the real key table,
//! screens drawn into a `TestBackend`, on the embedded corpus (the one a
//! user searches). Searches are answered inline so nothing depends on thread
//! timing, except in the one test that checks the real worker.

mod common;

use common::{App, code, ctrl, key, text_of};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use std::sync::Arc;
use std::time::{Duration, Instant};
use treaty::app::keymap;
use treaty::app::keymap::{HelpLine, Mode};
use treaty::app::state::Overlay;
use treaty::app::state::engine::Engine;
use treaty::app::{self, Action, PaneId, View};
use treaty::corpus::{PassageId, Place};
use treaty::search::{HitKind, Scope, SearchIndex};

impl App {
    /// On the embedded corpus (the one a user searches), with searches
    /// answered inline.
    fn new(w: u16, h: u16, start: Option<&str>) -> App {
        let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
        let place: Option<Place> =
            start.map(|p| treaty::corpus::lookup(&corpus, p).expect("a place of the corpus"));
        let mut a = App::with(corpus, w, h, place);
        a.state.search.engine = Engine::inline(Arc::new(SearchIndex::build(&a.corpus)));
        a
    }

    fn search(&mut self, query: &str) -> &mut Self {
        self.keys(&[key('/')]).typed(query)
    }

    fn zamora(&self) -> usize {
        self.corpus
            .sources
            .iter()
            .position(|s| s.id == "zamora")
            .expect("the Zamora source")
    }

    fn overlay(&self) -> &treaty::app::state::search::SearchOverlay {
        match &self.state.overlay {
            Some(Overlay::Search(o)) => o,
            other => panic!("the search overlay is not open: {other:?}"),
        }
    }

    fn selected_passage(&self) -> Option<PassageId> {
        let ctx = treaty::app::view::entry::Ctx {
            corpus: &self.corpus,
            graph: &self.graph,
            cache: &self.state.cache,
            keys: &self.state.keymap,
        };
        treaty::app::view::document::selected_passage(ctx, &self.state)
    }
}

/// Cells (column, row) where `word` is drawn, for every row it is on.
fn cells_of(buf: &Buffer, word: &str) -> Vec<Vec<(u16, u16)>> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        let syms: Vec<(u16, String)> = (0..area.width)
            .map(|x| (x, buf[(x, y)].symbol().to_string()))
            .collect();
        let chars: Vec<char> = word.chars().collect();
        for start in 0..syms.len() {
            if start + chars.len() > syms.len() {
                break;
            }
            if chars
                .iter()
                .enumerate()
                .all(|(i, c)| syms[start + i].1 == c.to_string())
            {
                out.push((0..chars.len()).map(|i| (syms[start + i].0, y)).collect());
            }
        }
    }
    out
}

fn marked(buf: &Buffer, cells: &[(u16, u16)]) -> bool {
    cells.iter().all(|&(x, y)| {
        let m = buf[(x, y)].modifier;
        m.contains(Modifier::BOLD) && m.contains(Modifier::UNDERLINED)
    })
}

/// The search overlay shows `word` in its result list, marked every time.
fn assert_marked_in_the_list(a: &App, word: &str) {
    let buf = a.buffer();
    let list = treaty::app::view::search_layout::layout(buf.area).list;
    let in_list: Vec<Vec<(u16, u16)>> = cells_of(&buf, word)
        .into_iter()
        .filter(|c| {
            c.iter()
                .all(|&(x, y)| x < list.x + list.width && y >= list.y)
        })
        .collect();
    let s = text_of(&buf);
    assert!(!in_list.is_empty(), "{word:?} is not in the list: {s}");
    assert!(in_list.iter().all(|c| marked(&buf, c)), "{s}");
}

// ---- the overlay ----

#[test]
fn typing_shows_results_with_kind_location_and_marked_matches() {
    let mut a = App::new(100, 30, None);
    a.search("dual criminality optional");
    let s = a.screen();
    assert!(s.contains("/ dual criminality optional"), "{s}");
    assert!(s.contains("Passage  Zamora, para 10"), "{s}");
    assert!(s.contains("Article  Art. 37"), "{s}");
    assert!(s.contains("[all]"), "the scope is in the title: {s}");
    let o = a.overlay();
    assert_eq!(o.hits[0].kind, HitKind::Passage);
    assert_eq!(o.hits[0].location, "Zamora, para 10");
    // The matched characters are bold and underlined, in the list.
    assert_marked_in_the_list(&a, "criminality");
    // Text around them is not.
    let buf = a.buffer();
    let plain = cells_of(&buf, "missing");
    assert!(!plain.is_empty() && !marked(&buf, &plain[0]), "{s}");
}

#[test]
fn results_follow_every_keystroke() {
    let mut a = App::new(100, 30, None);
    a.search("extradit");
    let first = a.overlay().hits.len();
    assert!(first > 0);
    assert!(a.overlay().is_current());
    a.typed(" 'refuge");
    let o = a.overlay();
    assert!(o.is_current());
    assert!(o.hits.len() < first, "{} then {}", first, o.hits.len());
    assert!(!o.hits.is_empty(), "'refuge narrows, it does not empty");
    assert!(
        o.hits
            .iter()
            .all(|h| h.snippet.to_lowercase().contains("refuge"))
    );
    // Backspace and Ctrl-U edit the query and search again.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.overlay().input, "extradit 'refug");
    a.keys(&[ctrl('u')]);
    assert_eq!(a.overlay().input, "");
    assert!(a.overlay().hits.is_empty());
    // The cursor moves, and typing goes where it is.
    a.typed("dual crim");
    a.keys(&[code(KeyCode::Home)]).typed("'");
    assert_eq!(a.overlay().input, "'dual crim");
    a.keys(&[
        code(KeyCode::End),
        code(KeyCode::Left),
        code(KeyCode::Delete),
    ]);
    assert_eq!(a.overlay().input, "'dual cri");
}

#[test]
fn enter_lands_on_the_zamora_passage_with_the_match_marked_and_back_returns() {
    let mut a = App::new(100, 30, Some("23"));
    a.act(&[Action::Down]);
    let before = a.state.here;
    let screen_before = a.screen();
    a.search("dual criminality optional");
    assert_eq!(a.state.here, before, "searching does not move the view");
    a.keys(&[code(KeyCode::Enter)]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.view(), View::Source(a.zamora()));
    assert_eq!(a.state.focus(), PaneId::Document);
    assert_eq!(
        a.selected_passage(),
        Some(PassageId {
            source: a.zamora(),
            index: 9
        })
    );
    // Only paragraph 10 says all three words in one sentence.
    assert!(
        a.status().starts_with("1/1 'dual criminality optional'"),
        "{}",
        a.status()
    );
    let s = a.screen();
    assert!(s.contains("Source: Zamora · ¶ 10 of"), "{s}");
    let buf = a.buffer();
    let doc = cells_of(&buf, "criminality");
    assert!(!doc.is_empty(), "the match is in view: {s}");
    assert!(marked(&buf, &doc[0]), "the match is marked: {s}");
    // Back is the place search started from, exactly: view, focus, scroll
    // and selections. (The outline beside it is not part of the history,
    // in search as in every other move: it may have scrolled.)
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.here, before);
    assert_eq!(
        right_of_outline(&a.screen()),
        right_of_outline(&screen_before)
    );
}

/// Each line's part right of the outline's separator.
fn right_of_outline(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.split_once('│').map_or(l, |(_, r)| r).to_string())
        .collect()
}

#[test]
fn an_article_number_opens_the_article() {
    let mut a = App::new(100, 30, None);
    a.search("23");
    let o = a.overlay();
    assert_eq!(o.hits[0].location, "Art. 23");
    assert_eq!(o.hits[0].kind, HitKind::Article);
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(23));
    assert_eq!(a.state.focus(), PaneId::Document);
    let buf = a.buffer();
    let s = text_of(&buf);
    assert!(
        s.contains("Article 23 · Scope of procedural measures"),
        "{s}"
    );
    let title = cells_of(&buf, "Article 23 · Scope");
    let cells = &title[title.len() - 1];
    // "23" in the heading is marked.
    assert!(marked(&buf, &cells[8..10]), "{s}");
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Preamble);
}

#[test]
fn esc_closes_and_leaves_the_view_untouched() {
    let mut a = App::new(60, 20, Some("zamora"));
    a.act(&[Action::Down, Action::Down]);
    let before = a.state.here;
    let history = a.state.history.back.len();
    let screen_before = a.screen();
    a.search("dual criminality optional");
    a.keys(&[ctrl('n'), ctrl('n')]);
    assert_eq!(a.overlay().selected, 2);
    a.keys(&[code(KeyCode::Esc)]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.here, before);
    assert_eq!(a.state.history.back.len(), history);
    assert_eq!(a.screen(), screen_before);
}

#[test]
fn ctrl_r_recalls_earlier_queries_and_ctrl_s_comes_back() {
    let mut a = App::new(100, 30, None);
    a.search("dual criminality optional")
        .keys(&[code(KeyCode::Enter)]);
    a.search("surveillance").keys(&[code(KeyCode::Esc)]);
    a.search("hum");
    // The footer says where the history is.
    assert!(
        a.screen().contains("Ctrl-R earlier search"),
        "{}",
        a.screen()
    );
    a.keys(&[ctrl('r')]);
    assert_eq!(a.overlay().input, "surveillance");
    assert!(a.overlay().is_current() && !a.overlay().hits.is_empty());
    a.keys(&[ctrl('r')]);
    assert_eq!(a.overlay().input, "dual criminality optional");
    assert!(a.screen().contains("/ dual criminality optional"));
    assert_eq!(a.overlay().hits[0].location, "Zamora, para 10");
    a.keys(&[ctrl('s'), ctrl('s')]);
    assert_eq!(a.overlay().input, "hum", "the draft comes back");
}

#[test]
fn up_and_down_move_through_the_results_as_in_fzf() {
    let mut a = App::new(100, 30, None);
    a.search("rights");
    a.keys(&[code(KeyCode::Down), code(KeyCode::Down)]);
    assert_eq!(a.overlay().selected, 2);
    assert_eq!(a.overlay().input, "rights", "the query stays");
    a.keys(&[code(KeyCode::Up)]);
    assert_eq!(a.overlay().selected, 1);
    assert!(a.screen().contains("↓ next result"), "{}", a.screen());
}

#[test]
fn a_result_s_paragraph_number_is_never_cut() {
    for (w, h) in [
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 40),
        (200, 60),
    ] {
        let mut a = App::new(w, h, None);
        a.search("human rights safeguards");
        let s = a.screen();
        assert!(
            !s.contains("para …") && !s.contains(", par…"),
            "{w}x{h}:\n{s}"
        );
        // Every passage shown in the list ends its location with a number.
        let cut = s
            .lines()
            .filter(|l| l.contains(", p") && !l.contains(", para "))
            .count();
        assert_eq!(cut, 0, "{w}x{h}:\n{s}");
    }
}

#[test]
fn the_result_list_moves_with_its_own_keys() {
    let mut a = App::new(100, 30, None);
    a.search("rights");
    let n = a.overlay().hits.len();
    assert!(n > 20, "{n}");
    a.keys(&[ctrl('n'), ctrl('j')]);
    assert_eq!(a.overlay().selected, 2);
    a.keys(&[ctrl('p')]);
    assert_eq!(a.overlay().selected, 1);
    a.keys(&[code(KeyCode::PageDown), code(KeyCode::PageDown)]);
    let sel = a.overlay().selected;
    assert!(sel > 12, "{sel}");
    // The selected result is on screen.
    let hit = a.overlay().hits[sel].location.clone();
    let start: String = hit.chars().take(10).collect();
    let s = a.screen();
    assert!(
        s.lines().any(|l| l.contains("▸ ") && l.contains(&start)),
        "{hit}: {s}"
    );
    a.keys(&[
        code(KeyCode::PageUp),
        code(KeyCode::PageUp),
        code(KeyCode::PageUp),
    ]);
    assert_eq!(a.overlay().selected, 0);
}

#[test]
fn tab_cycles_the_scope() {
    let mut a = App::new(100, 30, None);
    a.search("dual criminality optional");
    let kinds = |a: &App| -> Vec<HitKind> { a.overlay().hits.iter().map(|h| h.kind).collect() };
    assert!(kinds(&a).contains(&HitKind::Passage) && kinds(&a).contains(&HitKind::Article));
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(a.overlay().scope, Scope::Articles);
    assert!(a.screen().contains("[articles]"), "{}", a.screen());
    assert!(!kinds(&a).is_empty());
    assert!(
        kinds(&a)
            .iter()
            .all(|k| matches!(k, HitKind::Article | HitKind::Chapter))
    );
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(a.overlay().scope, Scope::Sources);
    assert!(a.screen().contains("[sources]"));
    assert!(!kinds(&a).is_empty());
    assert!(
        kinds(&a)
            .iter()
            .all(|k| matches!(k, HitKind::Passage | HitKind::Source))
    );
    // The scope is remembered for the next search, and Tab comes round.
    a.keys(&[code(KeyCode::Esc), key('/')]);
    assert_eq!(a.overlay().scope, Scope::Sources);
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(a.overlay().scope, Scope::All);
}

#[test]
fn n_and_shift_n_walk_the_matches_in_the_view() {
    let mut a = App::new(100, 30, None);
    // In the sources (Tab twice): in everything, the article comes first.
    a.search("dual criminality").keys(&[
        code(KeyCode::Tab),
        code(KeyCode::Tab),
        code(KeyCode::Enter),
    ]);
    let z = a.zamora();
    let at = |a: &App| a.selected_passage().map(|p| p.index);
    assert_eq!(at(&a), Some(9));
    // The second sentence of the same paragraph.
    a.keys(&[key('n')]);
    assert_eq!(a.status(), "2/4 'dual criminality'");
    assert_eq!(at(&a), Some(9));
    a.keys(&[key('n')]);
    assert_eq!(a.status(), "3/4 'dual criminality'");
    assert_eq!(at(&a), Some(12));
    let buf = a.buffer();
    let s = text_of(&buf);
    assert!(s.contains("¶ 13 of"), "{s}");
    let shown = cells_of(&buf, "criminality");
    assert!(shown.iter().any(|c| marked(&buf, c)), "{s}");
    a.keys(&[key('n')]);
    assert_eq!(a.status(), "4/4 'dual criminality'");
    assert_eq!(at(&a), Some(18));
    a.keys(&[key('n')]);
    assert!(a.status().starts_with("No more matches"), "{}", a.status());
    assert_eq!(at(&a), Some(18));
    a.keys(&[key('N'), key('N'), key('N')]);
    assert_eq!(a.status(), "1/4 'dual criminality'");
    a.keys(&[key('N')]);
    assert!(a.status().starts_with("No more matches"), "{}", a.status());
    assert_eq!(a.state.view(), View::Source(z));
    // n and N never leave the view, and Back still goes where search began.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Preamble);
}

#[test]
fn n_in_an_article_scrolls_to_the_next_sentence() {
    let mut a = App::new(60, 12, None);
    a.search("'extradition").keys(&[code(KeyCode::Enter)]);
    let view = a.state.view();
    assert!(matches!(view, View::Article(_)), "{view:?}");
    let first = a.status();
    assert!(first.contains("“'extradition”"), "{first}");
    a.keys(&[key('n')]);
    let s = a.status();
    assert!(s.starts_with("2/"), "the article has more than one: {s}");
    let buf = a.buffer();
    assert!(
        cells_of(&buf, "xtradition").iter().any(|c| marked(&buf, c)),
        "{}",
        text_of(&buf)
    );
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut a = App::new(100, 30, None);
    a.keys(&[key('n')]);
    assert!(a.status().contains("/ searches"), "{}", a.status());
}

#[test]
fn help_shows_the_search_keys() {
    let lines = keymap::help_lines(&keymap::Keymap::default());
    for b in keymap::BINDINGS.iter().filter(|b| b.mode == Mode::Search) {
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, HelpLine::Entry { help, .. } if *help == b.help)),
            "{}",
            b.help
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| matches!(l, HelpLine::Group(g) if g.contains("search overlay")))
    );
    // `/` works from the help too.
    let mut a = App::new(100, 30, None);
    a.keys(&[key('?'), key('/')]);
    assert!(matches!(a.state.overlay, Some(Overlay::Search(_))));
}

#[test]
fn every_size_draws_and_small_ones_stay_usable() {
    let mut a = App::new(100, 30, None);
    a.search("dual criminality optional");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (19, 5),
        (20, 6),
        (30, 8),
        (40, 12),
        (60, 20),
        (80, 24),
        (100, 30),
        (200, 60),
    ] {
        a.act(&[Action::Resize(w, h)]);
        let s = a.screen();
        if w >= 20 && h >= 6 {
            assert!(s.contains("optional"), "{w}x{h}:\n{s}");
            assert!(s.contains("Passage"), "{w}x{h}:\n{s}");
            assert!(s.contains("Zamora"), "{w}x{h}:\n{s}");
        }
    }
    // Moving and opening at the smallest size works too.
    a.act(&[Action::Resize(20, 6)]);
    a.keys(&[ctrl('n'), ctrl('p'), code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Source(a.zamora()));
}

#[test]
fn a_click_selects_and_a_second_click_opens() {
    let mut a = App::new(100, 30, None);
    a.search("dual criminality optional");
    let l = treaty::app::view::search_layout::layout(a.buffer().area);
    let row = l.list.y + 2 * l.rows_per_hit as u16;
    let click = Action::Mouse(app::MouseInput {
        kind: app::MouseKind::Click,
        column: l.list.x + 3,
        row,
    });
    a.act(std::slice::from_ref(&click));
    assert_eq!(a.overlay().selected, 2);
    let place = a.overlay().hits[2].place;
    a.act(&[click]);
    assert!(a.state.overlay.is_none());
    assert_eq!(
        a.state.view(),
        treaty::app::view::matches::view_of(place),
        "the clicked result opened"
    );
}

#[test]
fn the_real_worker_streams_results_in() {
    let corpus = treaty::corpus::load_embedded().expect("corpus");
    let mut a = App::with(corpus, 100, 30, None);
    a.state
        .search
        .index_in_background(&Arc::new(a.corpus.clone()));
    a.search("dual criminality optional");
    // Nothing blocks: results arrive through polls, as the event loop does.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !(a.overlay().is_current() && a.overlay().complete) {
        assert!(Instant::now() < deadline, "no results from the worker");
        std::thread::sleep(Duration::from_millis(5));
        a.act(&[Action::SearchPoll]);
    }
    assert!(!a.state.search.engine.busy());
    assert_eq!(a.overlay().hits[0].location, "Zamora, para 10");
    // Enter before the results are in opens the first when they come.
    a.keys(&[ctrl('u')]).typed("'refuge abroad");
    a.keys(&[code(KeyCode::Enter)]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while a.state.overlay.is_some() {
        assert!(Instant::now() < deadline, "Enter never opened a result");
        std::thread::sleep(Duration::from_millis(5));
        a.act(&[Action::SearchPoll]);
    }
    assert_eq!(a.state.view(), View::Source(a.zamora()));
}

// ---- what the overlay looks like ----

#[test]
fn snapshot_overlay_100x30() {
    let mut a = App::new(100, 30, Some("23"));
    a.search("dual criminality optional");
    // The text snapshot cannot show the marks: they are checked here.
    assert_marked_in_the_list(&a, "criminality");
    insta::assert_snapshot!("search_overlay_100x30", a.screen());
}

#[test]
fn snapshot_overlay_60x20() {
    let mut a = App::new(60, 20, Some("23"));
    a.search("dual criminality optional");
    assert_marked_in_the_list(&a, "criminality");
    insta::assert_snapshot!("search_overlay_60x20", a.screen());
}
