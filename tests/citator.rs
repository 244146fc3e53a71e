//! Cited by as a legal citator's citing references, on the real corpus's
//! Article 24: treatment in words and depth marks, the header's summary, the
//! filter and order bar (kept from article to article), reading passages in
//! place, the wide layout with its reading pane, and resizing.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::view::screen::Screen;
use treaty::app::view::{Breaks, wrap};
use treaty::app::{PaneId, View};
use treaty::corpus::{Corpus, Target, Treatment};

fn corpus() -> Corpus {
    treaty::corpus::load_embedded().expect("the embedded corpus loads")
}

fn art24(w: u16, h: u16) -> App {
    App::open(corpus(), "24", w, h)
}

fn snap(name: &str, a: &App) {
    insta::assert_snapshot!(name, a.screen());
}

/// The lines of the Cited by list on screen, as drawn.
fn list_lines(a: &App) -> Vec<String> {
    let screen = Screen::new(&a.state, &a.corpus, &a.graph);
    let r = screen
        .layout
        .content(PaneId::Links)
        .expect("Cited by on screen");
    let buf = a.buffer();
    (r.y..r.y + r.height)
        .map(|y| {
            (r.x..r.x + r.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn entries_show_treatment_and_depth_and_the_header_sums_them_up() {
    let a = art24(80, 24);
    let s = a.screen();
    let summary = treaty::refs::citing::summary(&a.corpus, &a.graph, Target::Article(24));
    // "Cited by 11 passages · 5 sources · 5 criticise …", wrapped in the pane.
    let head = format!(
        "Cited by {} passages · {} sources · {} criticise",
        summary.passages,
        summary.sources,
        summary.treatment(Some(Treatment::Criticises))
    );
    assert!(s.contains(&head), "{head}\n{s}");
    assert!(
        s.contains("■■■□ criticises · Benítez-Mongelós ¶ 7 [inferred]"),
        "{s}"
    );
    assert!(
        s.contains("order (o): cited first · show (T D S L Y): all"),
        "{s}"
    );
    snap("article_24_80x24", &a);
}

#[test]
fn a_treatment_filter_is_kept_from_article_to_article_and_f_clears_it() {
    let mut a = art24(80, 24);
    a.keys(&[code(KeyCode::Tab), key('T')]);
    let s = a.screen();
    let total = a.graph.count(Target::Article(24));
    let crit = treaty::refs::citing::summary(&a.corpus, &a.graph, Target::Article(24))
        .treatment(Some(Treatment::Criticises));
    assert!(s.contains(&format!("Cited by ({crit} of {total})")), "{s}");
    assert!(s.contains("show: criticises (F: all)"), "{s}");
    assert!(!s.contains("proposes change ·"), "only criticisms: {s}");
    snap("article_24_criticises_80x24", &a);
    // The next article keeps the filter.
    a.keys(&[key(']')]);
    assert_eq!(a.state.view(), View::Article(25));
    a.keys(&[key('['), key('[')]);
    assert_eq!(a.state.view(), View::Article(23));
    let s = a.screen();
    assert!(s.contains("criticises (F: all)"), "{s}");
    a.keys(&[code(KeyCode::Tab), key('F')]);
    assert!(a.state.cited.filter.is_empty());
    assert!(a.screen().contains("show (T D S L Y): all"));
}

#[test]
fn most_critical_first_puts_criticisms_then_proposals_first() {
    let mut a = art24(200, 60);
    // cited first → source by source → deepest first → newest first → most critical.
    a.keys(&[code(KeyCode::Tab), key('o'), key('o'), key('o'), key('o')]);
    let s = a.screen();
    assert!(s.contains("order (o): most critical first"), "{s}");
    let lines = list_lines(&a);
    let heads: Vec<&String> = lines.iter().filter(|l| l.contains('¶')).collect();
    let rank = |l: &str| {
        if l.contains("criticises ·") {
            0
        } else if l.contains("proposes change ·") {
            1
        } else {
            2
        }
    };
    assert!(heads.len() > 3, "{s}");
    assert!(
        heads.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{heads:#?}"
    );
}

#[test]
fn v_reads_a_passage_in_place_and_v_again_folds_it() {
    let mut a = art24(80, 24);
    a.keys(&[code(KeyCode::Tab)]);
    let first = a.graph.cited_by(Target::Article(24))[0].passage;
    let text = &a.corpus.passage(first).expect("the passage").text;
    let opening: String = text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!a.screen().contains(&opening), "a snippet only at first");
    a.keys(&[key('v')]);
    assert!(a.screen().contains(&opening), "{}", a.screen());
    assert_eq!(a.state.focus(), PaneId::Links);
    snap("article_24_read_in_place_80x24", &a);
    a.keys(&[key('v')]);
    assert!(!a.screen().contains(&opening));
}

/// Every passage on Art. 24, read whole without leaving the article: Tab,
/// V, then PgDn to the end. The figure is printed for the closing note.
#[test]
fn every_passage_on_article_24_reads_in_place() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut a = art24(w, h);
        let mut presses = 2;
        a.keys(&[code(KeyCode::Tab), key('V')]);
        let mut seen: std::collections::HashSet<String> = list_lines(&a).into_iter().collect();
        for _ in 0..200 {
            let before = a.state.here.links;
            a.keys(&[code(KeyCode::PageDown)]);
            if a.state.here.links.top <= before.top {
                break;
            }
            presses += 1;
            seen.extend(list_lines(&a));
        }
        let room = {
            let screen = Screen::new(&a.state, &a.corpus, &a.graph);
            let r = screen.layout.content(PaneId::Links).expect("list");
            usize::from(r.width) - (usize::from(r.width) / 8).min(4)
        };
        for l in a.graph.cited_by(Target::Article(24)) {
            let text = &a.corpus.passage(l.passage).expect("passage").text;
            let wrapped = wrap(text, room, Breaks::Flow);
            for i in 0..wrapped.lines.len() {
                let line = wrapped.line(i).trim();
                assert!(seen.contains(line), "{w}x{h}: never shown: {line:?}");
            }
        }
        eprintln!(
            "{w}x{h}: all {} passages on Art. 24 read in {presses} key presses",
            a.graph.count(Target::Article(24))
        );
        assert!(presses < 13 * 2, "{w}x{h}: {presses}");
    }
}

#[test]
fn wide_screens_show_the_selected_passage_in_a_reading_pane() {
    let mut a = art24(200, 60);
    let s = a.screen();
    assert!(s.contains("Reading: Benítez-Mongelós ¶ 3"), "{s}");
    // Full outline titles where they fit.
    assert!(
        s.contains("IV Procedural measures and law enforcement "),
        "{s}"
    );
    a.keys(&[code(KeyCode::Tab), key('j')]);
    let s = a.screen();
    assert!(s.contains("Reading: Benítez-Mongelós ¶ 7"), "{s}");
    // A readable measure: no pane's line runs past 80 cells.
    let screen = Screen::new(&a.state, &a.corpus, &a.graph);
    for r in [
        screen.layout.content(PaneId::Document),
        screen.layout.content(PaneId::Links),
        screen.layout.reading_content(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(r.width <= 80, "{r:?}");
    }
    snap("article_24_200x60", &a);
}

#[test]
fn a_wide_source_view_gives_the_paragraph_every_row() {
    let mut a = art24(200, 60);
    a.keys(&[code(KeyCode::Tab), key('j'), code(KeyCode::Enter)]);
    assert!(matches!(a.state.view(), View::Source(_)));
    let screen = Screen::new(&a.state, &a.corpus, &a.graph);
    let (d, l) = (
        screen.layout.frame(PaneId::Document).expect("text"),
        screen.layout.frame(PaneId::Links).expect("links"),
    );
    assert_eq!(d.height, l.height, "side by side, not stacked");
    assert_eq!(d.height, 58);
    snap("source_from_article_24_200x60", &a);
}

#[test]
fn narrower_screens_keep_their_layout() {
    for (w, h) in [(40, 12), (80, 24), (100, 30), (159, 40)] {
        let a = art24(w, h);
        let screen = Screen::new(&a.state, &a.corpus, &a.graph);
        assert!(screen.layout.reading.is_none(), "{w}x{h}");
        assert!(screen.layout.separator2.is_none(), "{w}x{h}");
    }
}

#[test]
fn after_growing_from_40x12_no_entry_shows_without_its_first_line() {
    let mut a = art24(40, 12);
    a.keys(&[code(KeyCode::Tab), key('j'), key('j'), key('j')]);
    assert!(a.state.here.links.top.line > 0, "mid-entry at 40x12");
    a.resize(200, 60);
    assert_eq!(a.state.here.links.top.line, 0);
    let lines = list_lines(&a);
    assert!(lines[0].contains('¶'), "{lines:#?}");
}
