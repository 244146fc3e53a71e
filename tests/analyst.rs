//! The analyst's side of the explorer, driven headless: the concerns,
//! coverage and timeline views, bookmarks, notes, copying with a citation,
//! exporting a brief and the last place. Keys go through the real key table;
//! screens are drawn into a `TestBackend`; the user's files live in a temp dir.
//!
//! The fixture keeps the real convention's chapters and titles but its own
//! sources, links, concerns and events, so the snapshots change only when
//! the screens do.

mod common;

use common::{App, code, ctrl, key, passage};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use treaty::app::keymap;
use treaty::app::keymap::Mode;
use treaty::app::state::Overlay;
use treaty::app::state::Overview;
use treaty::app::{self, Action, PaneId, View};
use treaty::corpus::{Concern, Corpus, Event, PassageId};
use treaty::user::UserData;

fn pid(source: usize, index: usize) -> PassageId {
    PassageId { source, index }
}

fn fixture() -> Corpus {
    let mut c = common::fixed_convention();
    c.convention.preamble.summary = "The introductory part of the Convention.".into();
    let alpha = common::alpha(
        Some("https://example.org/alpha"),
        "The drafts were agreed in August 2024 after two years of talks.",
    );
    let beta = common::beta(vec![
        passage(1, "The scope is too broad, reaching any serious crime."),
        passage(2, "Article 23 again: evidence of any crime is in reach."),
    ]);
    c.sources = vec![alpha, beta];
    c.curated = vec![common::scope_link()];
    c.concerns = vec![
        Concern {
            id: "scope".into(),
            title: "Scope".into(),
            description: "Whether the powers reach beyond cybercrime to any crime.".into(),
            passages: vec![pid(0, 1), pid(1, 0), pid(1, 1)],
        },
        Concern {
            id: "safeguards".into(),
            title: "Safeguards".into(),
            description: "Whether human rights conditions bind the powers.".into(),
            passages: vec![pid(0, 2)],
        },
    ];
    c.timeline = vec![
        Event {
            date: "2024-08-08".into(),
            event: "The Ad Hoc Committee agrees the draft text.".into(),
            passage: Some(pid(0, 3)),
            reference: None,
        },
        Event {
            date: "2019".into(),
            event: "The General Assembly decides to develop the convention.".into(),
            passage: None,
            reference: Some("A/RES/74/247".into()),
        },
    ];
    c
}

impl App {
    /// At `place` (or the start), with user data in a fresh temp dir.
    fn new(w: u16, h: u16, place: Option<&str>) -> App {
        let home = tempfile::tempdir().expect("tempdir");
        Self::with_home(home, w, h, place)
    }

    /// At `place` (or the user's last place), with user data in `home` and
    /// the export directory inside it.
    fn with_home(home: tempfile::TempDir, w: u16, h: u16, place: Option<&str>) -> App {
        let mut a = Self::with_user(fixture(), place, w, h, home);
        a.state.desk.export_dir = Some(a.home().join("out"));
        a
    }

    /// Puts the selection of the focused pane on the entry showing `text`.
    fn select(&mut self, text: &str) -> &mut Self {
        for _ in 0..80 {
            let line = self.selected_line();
            if line.contains(text) {
                return self;
            }
            self.act(&[Action::Down]);
        }
        panic!("{text:?} never selected:\n{}", self.screen());
    }

    /// The screen lines marked `▸` right of the outline (the selections of
    /// the text panes; the outline uses `▸` for closed chapters).
    fn selected_line(&self) -> String {
        let outline = if self.state.size.0 >= 80 {
            usize::from((self.state.size.0 * 3 / 10).clamp(26, 40)) + 1
        } else {
            0
        };
        self.screen()
            .lines()
            .map(|l| l.chars().skip(outline).collect::<String>())
            .filter(|l| l.contains('▸'))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

// ---- concerns ----

#[test]
fn concerns_list_passages_and_articles_and_open_both_ways() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('c')]);
    assert_eq!(a.state.view(), View::Overview(Overview::Concerns));
    let s = a.screen();
    assert!(s.contains("Concerns (2)"), "{s}");
    assert!(s.contains("Scope · 3 passages, 2 sources"), "{s}");
    assert!(s.contains("Safeguards · 1 passage, 1 source"), "{s}");
    // The selected concern's passages, across sources, and the articles.
    assert!(s.contains("Concern: Scope"), "{s}");
    assert!(s.contains("Alpha ¶ 2"), "{s}");
    assert!(s.contains("beta ¶ 1"), "{s}");
    assert!(s.contains("Articles these passages bear on (3)"), "{s}");
    assert!(s.contains("Art. 23 Scope of procedural measures"), "{s}");
    assert!(s.contains("3 passages"), "{s}");
    assert!(s.contains("Concerns > Scope"), "breadcrumb: {s}");

    // Enter on the concern goes to its passages; Enter on one opens it.
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.focus(), PaneId::Links);
    let before = a.state.here;
    a.select("beta ¶ 1").keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Source(1));
    assert!(
        a.screen().contains("Sources > beta > ¶ 1"),
        "{}",
        a.screen()
    );
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Overview(Overview::Concerns));
    assert_ne!(a.state.here, before, "the selection moved to beta ¶ 1");
    assert!(a.selected_line().contains("beta ¶ 1"));

    // An article the passages bear on opens too, and Back returns.
    a.select("Art. 2 Use of terms")
        .keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(2));
    a.keys(&[code(KeyCode::Backspace)]);
    assert!(a.selected_line().contains("Art. 2 Use of terms"));
    // Back twice more: the article the user came from.
    a.keys(&[code(KeyCode::Backspace)]);
    assert_eq!(a.state.view(), View::Article(23));
}

#[test]
fn choosing_another_concern_shows_its_passages() {
    let mut a = App::new(100, 30, None);
    a.keys(&[key('c'), key('j')]);
    let s = a.screen();
    assert!(s.contains("Concern: Safeguards"), "{s}");
    assert!(s.contains("Alpha ¶ 3"), "{s}");
    assert!(!s.contains("beta ¶ 1"), "{s}");
    assert!(s.contains("Art. 30"), "{s}");
}

// ---- coverage ----

#[test]
fn coverage_ranks_articles_with_bars_and_lists_the_undiscussed() {
    let mut a = App::new(100, 110, None);
    a.keys(&[key('C')]);
    assert_eq!(a.state.view(), View::Overview(Overview::Coverage));
    let s = a.screen();
    assert!(s.contains("█ cited"), "{s}");
    assert!(s.contains("▒ inferred"), "{s}");
    // Art. 23: alpha ¶ 2 and beta ¶ 2 cite it, beta ¶ 1 is inferred.
    let row = s
        .lines()
        .find(|l| l.contains("23 Scope of procedural"))
        .expect("art. 23 row");
    assert!(row.contains("3 (2+1) 2 src"), "{row}");
    assert!(row.contains("████████▒▒▒▒"), "{row}");
    // It comes first: it has the most passages.
    let first = s
        .lines()
        .skip_while(|l| !l.contains("Articles, most discussed first"))
        .nth(1)
        .unwrap_or_default();
    assert!(first.contains("23 Scope of procedural"), "{s}");
    // The chapter totals and the articles no one discusses are further down.
    assert!(
        s.contains("Not discussed by any critique (64 articles)"),
        "{s}"
    );
    assert!(s.contains("68 Depositary"), "{s}");
    let mut a = App::new(100, 30, None);
    a.keys(&[key('C')]).select("IV Procedural");
    let row = a.selected_line();
    assert!(row.contains("5 (4+1) 2 src"), "{row}");
    // Enter opens the article of a row; Back returns to the same row.
    let mut a = App::new(100, 30, None);
    a.keys(&[key('C')]).select("24 Conditions");
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(24));
    a.keys(&[code(KeyCode::Backspace)]);
    assert!(a.selected_line().contains("24 Conditions"));
}

// ---- timeline ----

#[test]
fn timeline_is_in_date_order_and_opens_the_source() {
    let mut a = App::new(100, 30, None);
    a.keys(&[key('t')]);
    let s = a.screen();
    assert!(s.contains("Timeline (2 events)"), "{s}");
    let first = s.find("2019  ").expect("2019");
    let second = s.find("2024-08-08").expect("2024");
    assert!(first < second, "oldest first:\n{s}");
    assert!(s.contains("reference: A/RES/74/247"), "{s}");
    assert!(s.contains("source: Alpha, para 4"), "{s}");
    // The 2019 event has no source passage: Enter says so and stays.
    a.keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Overview(Overview::Timeline));
    assert!(a.status().contains("A/RES/74/247"), "{}", a.status());
    a.keys(&[key('j'), code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Source(0));
    assert!(
        a.screen().contains("Sources > Alpha > ¶ 4"),
        "{}",
        a.screen()
    );
    a.keys(&[code(KeyCode::Backspace)]);
    assert!(
        a.screen().contains("Timeline > 2024-08-08"),
        "{}",
        a.screen()
    );
}

#[test]
fn overviews_are_places_in_the_history() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('c'), key('C'), key('t'), key('B')]);
    assert!(a.screen().contains("Bookmarks (0)"));
    assert!(a.screen().contains("No bookmarks yet"));
    let back = code(KeyCode::Backspace);
    a.keys(&[back]);
    assert!(a.screen().contains("Timeline"), "{}", a.screen());
    a.keys(&[back]);
    assert!(a.screen().contains("Coverage"), "{}", a.screen());
    // A list without a second pane: w goes between it and the outline.
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Outline);
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Document);
    a.keys(&[back, back]);
    assert_eq!(a.state.view(), View::Article(23));
    a.act(&[Action::Forward]);
    assert_eq!(a.state.view(), View::Overview(Overview::Concerns));
}

// ---- bookmarks ----

#[test]
fn b_bookmarks_what_is_in_view_and_shows_a_mark() {
    let mut a = App::new(100, 30, Some("23"));
    // Tab goes into the Cited by: b takes the first passage.
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(a.state.focus(), PaneId::Links);
    a.keys(&[key('b')]);
    assert!(
        a.status().contains("Bookmarked Alpha, para 2"),
        "{}",
        a.status()
    );
    assert!(a.screen().contains("★ Alpha ¶ 2"), "{}", a.screen());
    // In the text pane, b takes the article.
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Outline);
    a.keys(&[key('w')]);
    assert_eq!(a.state.focus(), PaneId::Document);
    a.keys(&[key('b')]);
    assert!(a.status().contains("Bookmarked Art. 23"), "{}", a.status());
    assert!(a.screen().contains("★ Bookmarked"), "{}", a.screen());
    assert!(
        a.screen().contains("23 ★ Scope of"),
        "the outline marks it too"
    );
    // The file holds both, in order.
    let file = std::fs::read_to_string(a.home().join("bookmarks.json")).expect("saved");
    assert_eq!(file, "[\n  \"passage:alpha#2\",\n  \"article:23\"\n]\n");
    // Again: removed.
    a.keys(&[key('b')]);
    assert!(
        a.status().contains("Bookmark on Art. 23 removed"),
        "{}",
        a.status()
    );
    assert!(!a.screen().contains("★ Bookmarked"), "{}", a.screen());
    // In a source, b takes the selected paragraph and marks it there.
    let mut a = App::new(100, 30, Some("alpha"));
    a.keys(&[key('j'), key('b')]);
    assert!(
        a.status().contains("Bookmarked Alpha, para 2"),
        "{}",
        a.status()
    );
    assert!(a.screen().contains("★ Bookmarked"), "{}", a.screen());
}

/// The footer's hint for `b`: what it acts on, by name.
fn b_hint(a: &App) -> String {
    let screen = a.screen();
    let footer = screen.lines().last().unwrap_or_default().to_string();
    footer
        .split("  ")
        .find(|h| h.starts_with("b bookmark"))
        .unwrap_or_else(|| panic!("no b hint in the footer: {footer:?}"))
        .to_string()
}

#[test]
fn an_article_opens_with_itself_focused_and_b_takes_it() {
    let mut a = App::new(100, 30, Some("24"));
    assert_eq!(a.state.focus(), PaneId::Document);
    assert_eq!(b_hint(&a), "b bookmark Art. 24");
    assert!(a.screen().contains("▶ Art. 24"), "{}", a.screen());
    a.keys(&[key('b')]);
    assert!(a.status().contains("Bookmarked Art. 24"), "{}", a.status());
    let file = std::fs::read_to_string(a.home().join("bookmarks.json")).expect("saved");
    assert_eq!(file, "[\n  \"article:24\"\n]\n");
}

#[test]
fn tab_goes_to_the_first_passage_first_and_b_takes_it() {
    let mut a = App::new(100, 30, Some("24"));
    let first = a.graph.cited_by(treaty::corpus::Target::Article(24))[0].passage;
    let name = a.corpus.passage_location(first);
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(a.state.focus(), PaneId::Links);
    assert_eq!(
        a.state.here.links.selected, 0,
        "the first entry, not the second"
    );
    assert!(a.screen().contains("▶ Cited by"), "{}", a.screen());
    assert_eq!(b_hint(&a), format!("b bookmark {name}"));
    a.keys(&[key('b')]);
    assert!(
        a.status().contains(&format!("Bookmarked {name}")),
        "{}",
        a.status()
    );
}

#[test]
fn go_to_an_article_then_e_opens_the_note_on_the_article() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key(':')])
        .typed("37")
        .keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(37));
    a.keys(&[key('e')]);
    assert!(matches!(a.state.overlay, Some(Overlay::Note { .. })));
    assert!(a.screen().contains("Note on Art. 37"), "{}", a.screen());
}

#[test]
fn a_chapter_opens_with_itself_focused_until_the_user_enters_its_list() {
    let mut a = App::new(100, 30, Some("IV"));
    assert_eq!(b_hint(&a), "b bookmark Chapter IV");
    a.keys(&[key('b')]);
    assert!(
        a.status().contains("Bookmarked Chapter IV"),
        "{}",
        a.status()
    );
    // The first move takes the row already shown: Art. 23, not Art. 24.
    a.keys(&[key('j')]);
    assert_eq!(b_hint(&a), "b bookmark Art. 23");
    let mut a = App::new(100, 30, Some("IV"));
    a.keys(&[code(KeyCode::Tab)]);
    assert_eq!(b_hint(&a), "b bookmark Art. 23");
}

#[test]
fn the_bookmarks_list_reorders_removes_and_opens() {
    let mut a = App::new(100, 30, Some("alpha"));
    // Alpha's ¶ 2, then Art. 24 and the beta source.
    a.keys(&[key('j'), key('b')]);
    a.keys(&[key(':')])
        .typed("24")
        .keys(&[code(KeyCode::Enter)]);
    a.keys(&[key('w'), key('w'), key('b')]);
    a.keys(&[key(':')])
        .typed("beta")
        .keys(&[code(KeyCode::Enter)]);
    a.keys(&[key('w'), key('w'), key('b')]);
    assert!(
        a.status().contains("Bookmarked source beta"),
        "{}",
        a.status()
    );
    a.keys(&[key('B')]);
    let s = a.screen();
    assert!(s.contains("Bookmarks (3)"), "{s}");
    let order = |a: &App| {
        let s = a.screen();
        let at = |t: &str| s.find(t).unwrap_or_else(|| panic!("{t}:\n{s}"));
        let mut v = [
            ("p", at("[passage] Alpha, para 2")),
            ("a", at("[article] Art. 24")),
            ("s", at("[source] beta · A note on scope")),
        ];
        v.sort_by_key(|x| x.1);
        v.iter().map(|x| x.0).collect::<String>()
    };
    assert_eq!(order(&a), "pas");
    // J moves the first down, Shift-↑ moves it back, K once more is refused.
    a.keys(&[key('J')]);
    assert_eq!(order(&a), "aps");
    assert!(
        a.selected_line().contains("Alpha, para 2"),
        "the selection follows"
    );
    a.keys(&[KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT)]);
    assert_eq!(order(&a), "pas");
    a.keys(&[key('K')]);
    assert!(a.status().contains("already the first"), "{}", a.status());
    let file = std::fs::read_to_string(a.home().join("bookmarks.json")).expect("saved");
    assert!(file.find("alpha#2") < file.find("article:24"), "{file}");
    // d removes the selected one (the passage); Delete removes the next.
    a.keys(&[key('d')]);
    assert!(a.screen().contains("Bookmarks (2)"));
    assert!(!a.screen().contains("[passage]"), "{}", a.screen());
    // Enter opens the article bookmark; Back returns to the list.
    a.select("Art. 24").keys(&[code(KeyCode::Enter)]);
    assert_eq!(a.state.view(), View::Article(24));
    a.keys(&[code(KeyCode::Backspace)]);
    a.keys(&[code(KeyCode::Delete)]);
    assert!(a.screen().contains("Bookmarks (1)"), "{}", a.screen());
    let file = std::fs::read_to_string(a.home().join("bookmarks.json")).expect("saved");
    assert_eq!(file, "[\n  \"source:beta\"\n]\n");
}

#[test]
fn bookmark_errors_show_in_the_footer() {
    let mut a = App::new(100, 30, Some("23"));
    // A directory where the file should be: it cannot be read or written.
    std::fs::create_dir(a.home().join("bookmarks.json")).expect("mkdir");
    let (user, warnings) = UserData::load_from(a.home());
    assert_eq!(warnings.len(), 1);
    a.state.user = user;
    a.keys(&[key('b')]);
    let status = a.state.status.clone().expect("a message");
    assert!(status.error, "{status:?}");
    assert!(status.text.contains("bookmark not saved"), "{status:?}");
    assert!(
        a.screen().contains("Error: bookmark not saved"),
        "{}",
        a.screen()
    );
}

/// A bookmarks file with an entry that cannot be read: `b` keeps the rest,
/// copies the file aside before writing, and says where in the footer.
#[test]
fn a_flawed_bookmarks_file_is_kept_aside_and_the_footer_says_where() {
    let mut a = App::new(100, 30, Some("23"));
    std::fs::write(
        a.home().join("bookmarks.json"),
        "[\"article:7\", \"article:999\"]",
    )
    .expect("write");
    let (user, warnings) = UserData::load_from(a.home());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    a.state.user = user;
    a.keys(&[key('b')]);
    let status = a.state.status.clone().expect("a message");
    assert!(!status.error, "{status:?}");
    assert!(status.text.contains("Bookmarked Art. 23"), "{status:?}");
    assert!(
        status.text.contains("bookmarks.json.corrupt-"),
        "{status:?}"
    );
    let file = std::fs::read_to_string(a.home().join("bookmarks.json")).expect("saved");
    assert!(
        file.contains("article:7") && file.contains("article:23"),
        "{file}"
    );
    let kept_aside = std::fs::read_dir(a.home())
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("bookmarks.json.corrupt-")
        });
    assert!(kept_aside);
}

// ---- notes ----

/// A paste in the note editor is text, line breaks kept; a 100 KB paste is
/// cut to the note's limit at once; with no text field open a paste does
/// nothing (it is never taken as keys).
#[test]
fn a_paste_is_text_in_the_note_and_nothing_elsewhere() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('W')]);
    let here = a.state.here;
    a.act(&[Action::Paste("qBdddd\n:69".into())]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.state.here, here, "a paste with no field moved nothing");
    a.keys(&[key('e')]);
    a.act(&[Action::Paste("Ask about (2)(b)\r\nand q.".into())]);
    let s = a.screen();
    assert!(s.contains("Ask about (2)(b)"), "{s}");
    assert!(s.contains("and q."), "{s}");
    assert_eq!(a.state.view(), View::Article(23), "q did not quit");
    let big = "0123456789".repeat(10_000);
    a.act(&[Action::Paste(big)]);
    let Some(Overlay::Note { editor, .. }) = &a.state.overlay else {
        panic!("the editor is still open");
    };
    assert_eq!(
        editor.text().chars().count(),
        treaty::app::state::editor::NOTE_LIMIT
    );
    assert!(editor.text().starts_with("Ask about (2)(b)\nand q.0123"));
}

#[test]
fn a_note_is_typed_saved_on_leaving_and_shown_with_its_item() {
    let mut a = App::new(100, 30, Some("23"));
    // The article opens with itself focused: e takes it.
    assert_eq!(a.state.focus(), PaneId::Document);
    a.keys(&[key('e')]);
    assert!(matches!(a.state.overlay, Some(Overlay::Note { .. })));
    assert!(a.screen().contains("Note on Art. 23"), "{}", a.screen());
    // Keys that mean something elsewhere are text here.
    a.typed("Ask about (2)(b) q").keys(&[code(KeyCode::Enter)]);
    a.typed("and 24.");
    a.keys(&[
        code(KeyCode::Up),
        code(KeyCode::End),
        code(KeyCode::Backspace),
    ]);
    a.keys(&[
        code(KeyCode::Backspace),
        code(KeyCode::Left),
        code(KeyCode::Delete),
    ]);
    a.typed(".");
    assert!(a.screen().contains("Ask about (2)(b."), "{}", a.screen());
    assert_eq!(a.state.view(), View::Article(23), "q did not quit");
    a.keys(&[ctrl('s')]);
    assert!(a.state.overlay.is_none());
    assert!(
        a.status().contains("Note on Art. 23 saved"),
        "{}",
        a.status()
    );
    let s = a.screen();
    assert!(s.contains("Note: Ask about (2)(b."), "{s}");
    assert!(s.contains("      and 24."), "{s}");
    let file = std::fs::read_to_string(a.home().join("notes.json")).expect("saved");
    assert!(
        file.contains(r#""article:23": "Ask about (2)(b.\nand 24.""#),
        "{file}"
    );
    // Editing again starts from the note; emptying it deletes it.
    a.keys(&[key('e')]);
    for _ in 0..30 {
        a.keys(&[code(KeyCode::Backspace)]);
    }
    a.keys(&[code(KeyCode::Esc)]);
    assert!(a.status().contains("deleted"), "{}", a.status());
    assert!(!a.screen().contains("Note:"), "{}", a.screen());
}

#[test]
fn the_editor_puts_the_terminal_cursor_at_the_editing_point() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('W'), key('e')]).typed("Ask 日本");
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    t.draw(|f| treaty::ui::draw(f, &a.state, &a.corpus, &a.graph, &Default::default()))
        .expect("draw");
    let cursor = t.get_cursor_position().expect("cursor");
    let (row, col) = a
        .screen()
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("Ask 日本")
                .map(|b| (i, unicode_width::UnicodeWidthStr::width(&l[..b])))
        })
        .expect("the text is shown");
    assert_eq!((cursor.y as usize, cursor.x as usize), (row, col + 8));
    a.keys(&[code(KeyCode::Left), code(KeyCode::Left)]);
    t.draw(|f| treaty::ui::draw(f, &a.state, &a.corpus, &a.graph, &Default::default()))
        .expect("draw");
    let cursor = t.get_cursor_position().expect("cursor");
    assert_eq!(cursor.x as usize, col + 4, "back over two wide characters");
}

#[test]
fn a_passage_note_shows_under_the_paragraph() {
    let mut a = App::new(100, 30, Some("alpha"));
    a.keys(&[key('j'), key('j'), key('e')]);
    assert!(
        a.screen().contains("Note on Alpha, para 3"),
        "{}",
        a.screen()
    );
    a.typed("Check the Art. 24 conditions.")
        .keys(&[code(KeyCode::Esc)]);
    let s = a.screen();
    assert!(s.contains("Note: Check the Art. 24 conditions."), "{s}");
    let file = std::fs::read_to_string(a.home().join("notes.json")).expect("saved");
    assert!(file.contains("passage:alpha#3"), "{file}");
    // The concerns list marks a passage that has a note.
    a.keys(&[key('c'), key('j')]);
    assert!(a.screen().contains("Alpha ¶ 3 [note]"), "{}", a.screen());
}

#[test]
fn a_note_that_cannot_be_saved_is_kept_and_said() {
    let mut a = App::new(100, 30, Some("23"));
    a.state.user = UserData::default();
    a.keys(&[key('W'), key('e')]);
    a.typed("Keep me").keys(&[code(KeyCode::Esc)]);
    let status = a.state.status.clone().expect("message");
    assert!(
        status.error && status.text.contains("not saved"),
        "{status:?}"
    );
    // e brings the text back.
    a.keys(&[key('e')]);
    assert!(a.screen().contains("Keep me"), "{}", a.screen());
    // Quitting while editing saves (or here, keeps it to print).
    let problems = treaty::explorer::on_quit(&mut a.state, &a.corpus, &a.graph);
    assert!(
        problems.iter().any(|p| p.contains("Keep me")),
        "{problems:?}"
    );
}

#[test]
fn quit_from_the_editor_saves_the_note() {
    let mut a = App::new(100, 30, Some("beta"));
    a.keys(&[key('w'), key('w'), key('e')]);
    assert!(a.screen().contains("Note on source beta"), "{}", a.screen());
    a.typed("whole source");
    // The event loop saves the note before it quits.
    assert_eq!(a.step(Action::Quit), vec![app::Effect::Quit]);
    let file = std::fs::read_to_string(a.home().join("notes.json")).expect("saved");
    assert!(file.contains(r#""source:beta": "whole source""#), "{file}");
}

// ---- copy and export ----

fn osc52_payload(seq: &str) -> String {
    let inner = seq
        .strip_prefix("\u{1b}]52;c;")
        .and_then(|s| s.strip_suffix('\u{7}'))
        .expect("an OSC 52 sequence");
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut bytes = Vec::new();
    for c in inner.bytes().filter(|c| *c != b'=') {
        let v = ALPHABET.iter().position(|a| *a == c).expect("base64") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            bytes.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8(bytes).expect("utf-8")
}

#[test]
fn y_copies_the_passage_or_article_with_its_citation() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[code(KeyCode::Tab), key('y')]);
    assert!(
        a.status().starts_with("Copied: \"Article 23 extends"),
        "{}",
        a.status()
    );
    // The event loop writes the clipboard to the terminal, one sequence.
    let out = String::from_utf8(std::mem::take(&mut a.terminal)).expect("utf-8");
    assert_eq!(out.matches("\x1b]52;").count(), 1, "{out:?}");
    let text = osc52_payload(&out);
    assert!(
        text.starts_with("\"Article 23 extends the procedural powers"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "(Ana Alpha, \"Powers without limits\", Digital Rights Lab, 2025-01-15, para. 2, https://example.org/alpha)"
        ),
        "{text}"
    );
    // The article itself, from its text pane.
    a.keys(&[key('W'), key('y')]);
    let out = String::from_utf8(std::mem::take(&mut a.terminal)).expect("utf-8");
    let text = osc52_payload(&out);
    assert_eq!(
        text,
        "UN Convention against Cybercrime (A/RES/79/243), art. 23 \"Scope of procedural measures\""
    );
    assert!(
        a.screen()
            .contains("Copied: UN Convention against Cybercrime")
    );
}

#[test]
fn x_writes_a_brief_of_the_bookmarks_or_the_article() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('W'), key('x')]);
    let status = a.status();
    assert!(status.contains("Brief on art. 23 written to"), "{status}");
    let name = format!("treaty-brief-{}.md", treaty::user::brief::today());
    let path = a.home().join("out").join(&name);
    assert!(status.contains(&path.display().to_string()), "{status}");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.starts_with("# Brief: Art. 23\n"), "{text}");
    assert!(
        text.contains("## Art. 23 Scope of procedural measures"),
        "{text}"
    );
    assert!(text.contains("Ana Alpha"), "{text}");
    // With bookmarks, the brief is theirs.
    a.keys(&[key('b')]);
    a.keys(&[key(':')])
        .typed("30")
        .keys(&[code(KeyCode::Enter)]);
    a.keys(&[key('W'), key('b'), key('x')]);
    assert!(
        a.status().contains("Brief on 2 bookmarks"),
        "{}",
        a.status()
    );
    // The day's first brief is kept: the second goes next to it.
    let second = a.home().join("out").join(name.replace(".md", "-2.md"));
    assert!(
        a.status().contains(&second.display().to_string()),
        "{}",
        a.status()
    );
    assert!(std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with("# Brief: Art. 23\n")));
    let text = std::fs::read_to_string(&second).expect("written");
    assert!(
        text.contains("## Art. 23 Scope of procedural measures"),
        "{text}"
    );
    assert!(text.contains("## Art. 30"), "{text}");
    assert!(text.contains("Interception under Art. 30"), "{text}");
}

#[test]
fn x_in_a_source_without_bookmarks_says_what_to_do() {
    let mut a = App::new(100, 30, Some("alpha"));
    a.keys(&[key('x')]);
    assert!(a.status().contains("Nothing to export"), "{}", a.status());
    assert!(!a.home().join("out").exists());
}

#[test]
fn x_without_a_directory_writes_nothing_and_says_so() {
    let mut a = App::new(100, 30, Some("23"));
    a.state.desk.export_dir = None;
    a.state.user = UserData::default();
    a.keys(&[key('x')]);
    let status = a.state.status.clone().expect("message");
    assert!(status.error, "{status:?}");
    assert!(status.text.contains("brief not written"), "{status:?}");
}

// ---- the last place ----

#[test]
fn the_last_place_is_kept_and_reopened() {
    let mut a = App::new(100, 30, Some("23"));
    a.keys(&[key('C')]);
    assert!(treaty::explorer::on_quit(&mut a.state, &a.corpus, &a.graph).is_empty());
    let home = a.home.take().expect("the user data");
    let b = App::with_home(home, 100, 30, None);
    assert_eq!(b.state.view(), View::Overview(Overview::Coverage));
    assert!(b.screen().contains("Coverage"), "{}", b.screen());
    // A place given on the command line wins.
    let mut c = App::new(100, 30, Some("alpha"));
    assert!(treaty::explorer::on_quit(&mut c.state, &c.corpus, &c.graph).is_empty());
    let home = c.home.take().expect("the user data");
    let file = std::fs::read_to_string(home.path().join("session.json")).expect("session");
    assert!(file.contains("source:alpha"), "{file}");
    let d = App::with_home(home, 100, 30, Some("24"));
    assert_eq!(d.state.view(), View::Article(24));
}

// ---- sizes ----

#[test]
fn overviews_and_the_editor_draw_at_every_size() {
    for keys in [
        vec![key('c')],
        vec![key('c'), code(KeyCode::Enter)],
        vec![key('C')],
        vec![key('t')],
        vec![key('b'), key('B')],
        vec![key('e'), key('x'), code(KeyCode::Enter), key('日')],
    ] {
        let mut a = App::new(0, 0, Some("23"));
        a.keys(&keys);
        for w in (0..=130u16).step_by(9) {
            for h in (0..=40u16).step_by(4) {
                a.act(&[Action::Resize(w, h)]);
                let _ = a.screen();
            }
        }
    }
}

#[test]
fn narrow_screens_show_one_pane_and_enter_reaches_the_passages() {
    let mut a = App::new(40, 12, None);
    a.keys(&[key('c')]);
    let s = a.screen();
    assert!(s.contains("Scope"), "{s}");
    a.keys(&[code(KeyCode::Enter)]);
    let s = a.screen();
    assert!(s.contains("Alpha ¶ 2"), "{s}");
    let mut a = App::new(40, 12, None);
    a.keys(&[key('C')]);
    let s = a.screen();
    assert!(s.contains("23 Scope"), "{s}");
    assert!(s.contains("3 (2+1) 2 src"), "{s}");
}

#[test]
fn help_lists_the_work_keys() {
    let mut a = App::new(100, 60, None);
    a.keys(&[key('?')]);
    for _ in 0..10 {
        if a.screen().contains("Work with the text") {
            break;
        }
        a.keys(&[code(KeyCode::PageDown)]);
    }
    let s = a.screen();
    assert!(s.contains("Work with the text"), "{s}");
    assert!(keymap::first_key(&a.state.keymap, Mode::Note, &Action::SaveNote).is_some());
}

// ---- snapshots, read and accepted by hand ----

fn snap(name: &str, a: &App) {
    insta::assert_snapshot!(name, a.screen());
}

#[test]
fn snapshots_of_the_overviews() {
    for (w, h) in [(100, 30), (60, 20)] {
        let mut a = App::new(w, h, None);
        a.keys(&[key('c')]);
        snap(&format!("concerns_{w}x{h}"), &a);
        let mut a = App::new(w, h, None);
        a.keys(&[key('C')]);
        snap(&format!("coverage_{w}x{h}"), &a);
        let mut a = App::new(w, h, None);
        a.keys(&[key('t')]);
        snap(&format!("timeline_{w}x{h}"), &a);
    }
}

#[test]
fn a_place_that_is_gone_is_not_reopened() {
    // The file as written here is read: a place that is there reopens.
    let home = tempfile::tempdir().expect("tmp");
    let session = home.path().join("session.json");
    std::fs::write(&session, r#"{"last_place": "source:beta"}"#).expect("write");
    let a = App::with_home(home, 100, 30, None);
    assert_eq!(a.state.view(), View::Source(1));
    let home = tempfile::tempdir().expect("tmp");
    std::fs::write(
        home.path().join("session.json"),
        r#"{"last_place": "source:gone"}"#,
    )
    .expect("write");
    let a = App::with_home(home, 100, 30, None);
    assert_eq!(a.state.view(), View::Preamble);
}
