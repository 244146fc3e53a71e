//! The `i` file prompt of the explorer, against a library in a temporary
//! `TREATY_DATA_HOME`: a file imported from the prompt shows in the outline
//! and in "Cited by" at once; a failed import writes nothing and says why.
//! One test only: it sets the process environment.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use treaty::app::import_prompt;
use treaty::app::keymap;
use treaty::app::state::Overlay;
use treaty::app::{self, AppState, Effect, View};
use treaty::corpus::{Corpus, Target};
use treaty::refs::graph::LinkGraph;

struct App {
    corpus: Corpus,
    graph: LinkGraph,
    state: AppState,
}

impl App {
    fn keys(&mut self, keys: &[KeyEvent]) {
        for k in keys {
            let mode = treaty::app::run::mode(&self.state);
            if let Some(a) = keymap::action_for(mode, *k) {
                // What the event loop does with the effect.
                if app::update(&mut self.state, &self.corpus, &self.graph, a)
                    == Effect::ReloadLibrary
                {
                    self.graph = import_prompt::reload(&mut self.state, &mut self.corpus);
                }
            }
        }
    }

    fn typed(&mut self, text: &str) {
        let keys: Vec<KeyEvent> = text
            .chars()
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .collect();
        self.keys(&keys);
    }

    fn screen(&self) -> String {
        let (w, h) = self.state.size;
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        t.draw(|f| treaty::ui::draw(f, &self.state, &self.corpus, &self.graph))
            .expect("draw");
        let buf = t.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..h {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

fn enter() -> KeyEvent {
    KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
}

#[test]
fn the_import_prompt_imports_a_file_and_the_explorer_shows_it() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    // SAFETY: this test binary has this one test, so no other thread reads
    // the environment while it is changed.
    unsafe {
        std::env::set_var("TREATY_DATA_HOME", &data);
    }
    let corpus = treaty::corpus::load_embedded().expect("loads");
    let builtin = corpus.sources.len();
    let graph = LinkGraph::build(&corpus);
    let cited_before = graph.count(Target::Article(23));
    let state = app::start(&corpus, &graph, None, (100, 30), true);
    let mut a = App {
        corpus,
        graph,
        state,
    };

    // A file that is not there: the footer says so, nothing is written.
    a.keys(&[KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE)]);
    assert!(matches!(a.state.overlay, Some(Overlay::Import { .. })));
    a.typed(&home.path().join("missing.txt").display().to_string());
    assert!(a.screen().contains("Import file: "), "{}", a.screen());
    a.keys(&[enter()]);
    let s = a.screen();
    assert!(s.contains("Error: Nothing imported"), "{s}");
    assert!(
        matches!(a.state.overlay, Some(Overlay::Import { .. })),
        "the prompt stays to fix the path"
    );
    assert!(!data.join("sources").exists(), "nothing written");
    a.keys(&[KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)]);
    assert!(a.state.overlay.is_none());

    // A real memo: imported, merged, opened, in the outline and in Cited by.
    let memo = home.path().join("Committee memo.md");
    std::fs::write(
        &memo,
        "---\ntitle: Our committee's memo\nauthor: Ada Memo\n---\n\nWe object to Article 23: its reach is too wide.\n\nAnd to Article 24.\n",
    )
    .expect("write the memo");
    a.keys(&[KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE)]);
    a.typed(&memo.display().to_string());
    a.keys(&[enter()]);
    assert!(a.state.overlay.is_none());
    assert_eq!(a.corpus.sources.len(), builtin + 1);
    let mine = builtin;
    assert!(a.corpus.sources[mine].user);
    assert_eq!(a.state.view(), View::Source(mine));
    let s = a.screen();
    assert!(
        s.contains("Imported 'committee-memo': 2 paragraphs, 2 citations"),
        "{s}"
    );
    assert!(
        s.contains("• ") && s.contains("Memo (yours) · Our comm"),
        "the outline lists it, marked as the user's: {s}"
    );
    assert!(s.contains("Source: Memo (yours)"), "{s}");
    assert!(s.contains("your library"), "{s}");
    assert!(data.join("sources/committee-memo.md").exists());
    assert_eq!(a.graph.count(Target::Article(23)), cited_before + 1);

    // Article 23's Cited by now has the memo.
    a.keys(&[KeyEvent::new(KeyCode::Char(':'), KeyModifiers::NONE)]);
    a.typed("23");
    a.keys(&[enter()]);
    let s = a.screen();
    assert!(
        s.contains(&format!("Cited by ({}", cited_before + 1)),
        "{s}"
    );
    assert!(s.contains("Memo (yours) ¶ 1"), "marked as the user's: {s}");
}
