//! The `i` file prompt of the explorer, against a library in a temporary
//! `TREATY_DATA_HOME`: a file imported from the prompt shows in the outline
//! and in "Cited by" at once; a failed import writes nothing and says why.
//! One test only: it sets the process environment.

mod common;

use common::{App, code, key};
use ratatui::crossterm::event::KeyCode;
use treaty::app::View;
use treaty::app::state::Overlay;
use treaty::corpus::Target;

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
    let mut a = App::with(corpus, 100, 30, None);
    let cited_before = a.graph.count(Target::Article(23));

    // A file that is not there: the footer says so, nothing is written.
    a.keys_reloading(&[key('i')]);
    assert!(matches!(a.state.overlay, Some(Overlay::Import { .. })));
    a.typed(&home.path().join("missing.txt").display().to_string());
    assert!(a.screen().contains("Import file: "), "{}", a.screen());
    a.keys_reloading(&[code(KeyCode::Enter)]);
    let s = a.screen();
    assert!(s.contains("Error: Nothing imported"), "{s}");
    assert!(
        matches!(a.state.overlay, Some(Overlay::Import { .. })),
        "the prompt stays to fix the path"
    );
    assert!(!data.join("sources").exists(), "nothing written");
    a.keys_reloading(&[code(KeyCode::Esc)]);
    assert!(a.state.overlay.is_none());

    // A real memo: imported, merged, opened, in the outline and in Cited by.
    let memo = home.path().join("Committee memo.md");
    std::fs::write(
        &memo,
        "---\ntitle: Our committee's memo\nauthor: Ada Memo\n---\n\nWe object to Article 23: its reach is too wide.\n\nAnd to Article 24.\n",
    )
    .expect("write the memo");
    a.keys_reloading(&[key('i')]);
    a.typed(&memo.display().to_string());
    a.keys_reloading(&[code(KeyCode::Enter)]);
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
        s.contains("• ") && s.contains("Our committee's memo (y"),
        "the outline lists it, marked as the user's: {s}"
    );
    assert!(s.contains("Source: Our committee's memo (yours)"), "{s}");
    assert!(s.contains("your library"), "{s}");
    assert!(data.join("sources/committee-memo.md").exists());
    assert_eq!(a.graph.count(Target::Article(23)), cited_before + 1);

    // Article 23's Cited by now has the memo.
    a.keys_reloading(&[key(':')]);
    a.typed("23");
    a.keys_reloading(&[code(KeyCode::Enter)]);
    let s = a.screen();
    assert!(
        s.contains(&format!("Cited by ({}", cited_before + 1)),
        "{s}"
    );
    assert!(s.contains("memo (yours) ¶ 1"), "marked as the user's: {s}");

    // Search finds it, and says it is the user's.
    a.state.search.engine = treaty::app::search_engine::Engine::inline(std::sync::Arc::new(
        treaty::search::SearchIndex::build(&a.corpus),
    ));
    a.keys(&[key('/')]).typed("reach is too wide");
    let s = a.screen();
    assert!(s.contains("memo, para 1 (yours)"), "{s}");
}
