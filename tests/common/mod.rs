//! What the integration tests share: the explorer driven headless (`App`,
//! keys through the real key table, the screen drawn into a `TestBackend`
//! and read back as text), the pieces of the fixed corpora the headless tests
//! build on, and the `treaty` binary run as a user runs it.
//!
//! Each test file includes this with `mod common;` and uses what it needs;
//! hence the `dead_code` allowance: no one file uses every piece.

#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use treaty::app::keymap;
use treaty::app::{self, Action, AppState, Effect, MouseInput, MouseKind};
use treaty::corpus::{Corpus, CuratedLink, Passage, PassageId, Place, Source, SourceMeta, Target};
use treaty::refs::graph::LinkGraph;
use treaty::ui::theme::Theme;
use treaty::user::UserData;

// ---- the explorer, headless ----

/// The explorer as the event loop holds it: a corpus, its link graph and the
/// state `update` changes, and the user's data directory when the harness
/// owns one. Effects are performed as the loop performs them
/// (`treaty::explorer::perform`); what it writes to the terminal (the OSC 52
/// clipboard) is kept in `terminal`.
pub struct App {
    pub corpus: Corpus,
    pub graph: LinkGraph,
    pub state: AppState,
    /// Removed with the `App`; `None` when the state has no user data.
    pub home: Option<tempfile::TempDir>,
    /// What the loop wrote to the terminal besides the screen.
    pub terminal: Vec<u8>,
}

impl App {
    /// `app::start` (no user data) at `start`, or at the start, in a `w`x`h`
    /// terminal.
    pub fn with(corpus: Corpus, w: u16, h: u16, start: Option<Place>) -> App {
        let graph = LinkGraph::build(&corpus);
        Self::with_graph(corpus, graph, w, h, start)
    }

    /// As `with`, with `graph` as the link graph (a pending one, say, as
    /// the first frame has it).
    pub fn with_graph(
        corpus: Corpus,
        graph: LinkGraph,
        w: u16,
        h: u16,
        start: Option<Place>,
    ) -> App {
        let state = app::start(&corpus, &graph, start, (w, h), true);
        App {
            corpus,
            graph,
            state,
            home: None,
            terminal: Vec::new(),
        }
    }

    /// As `with`, at `place` as `treaty::corpus::lookup` reads it ("23",
    /// "IV", "alpha", "preamble").
    pub fn open(corpus: Corpus, place: &str, w: u16, h: u16) -> App {
        let p = treaty::corpus::lookup(&corpus, place).expect("a place of the corpus");
        Self::with(corpus, w, h, Some(p))
    }

    /// `app::desk::start` with the bookmarks, notes and last place kept in
    /// `home` (which must load without warnings), at `place` or where the
    /// user data says. The `App` owns `home`.
    pub fn with_user(
        corpus: Corpus,
        place: Option<&str>,
        w: u16,
        h: u16,
        home: tempfile::TempDir,
    ) -> App {
        let graph = LinkGraph::build(&corpus);
        let (user, warnings) = UserData::load_from(home.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        let start =
            place.map(|p| treaty::corpus::lookup(&corpus, p).expect("a place of the corpus"));
        let state = app::desk::start(
            &corpus,
            &graph,
            start,
            user,
            (w, h),
            true,
            keymap::Keymap::default(),
        );
        App {
            corpus,
            graph,
            state,
            home: Some(home),
            terminal: Vec::new(),
        }
    }

    /// The user's data directory (only for an `App` made `with_user`).
    pub fn home(&self) -> &Path {
        self.home.as_ref().expect("an App with user data").path()
    }

    pub fn act(&mut self, actions: &[Action]) -> &mut Self {
        for a in actions {
            self.step(a.clone());
        }
        self
    }

    /// One action as the event loop takes it: `update`, then the effects
    /// performed; returns those left to the loop itself (quit, suspend,
    /// import).
    pub fn step(&mut self, action: Action) -> Vec<Effect> {
        let effects = app::update(&mut self.state, &self.corpus, &self.graph, action);
        treaty::explorer::perform(
            &mut self.state,
            &self.corpus,
            &self.graph,
            effects,
            &mut self.terminal,
        )
        .expect("writing to a Vec")
    }

    /// Types keys through the real key table, as the event loop does.
    pub fn keys(&mut self, keys: &[KeyEvent]) -> &mut Self {
        self.effects(keys);
        self
    }

    /// As `keys`, returning what the bound keys left to the event loop
    /// (quit, suspend, import), in order.
    pub fn effects(&mut self, keys: &[KeyEvent]) -> Vec<Effect> {
        let mut effects = Vec::new();
        for k in keys {
            let mode = treaty::app::keymap::mode(&self.state);
            if let Some(a) = keymap::action_for(&self.state.keymap, mode, *k) {
                effects.extend(self.step(a));
            }
        }
        effects
    }

    /// As `keys`, and an import the keys ask for runs to its end (into the
    /// library of `TREATY_DATA_HOME`), its corpus and graph taken in, as the
    /// event loop does when the import's thread is done.
    pub fn keys_reloading(&mut self, keys: &[KeyEvent]) -> &mut Self {
        for effect in self.effects(keys) {
            if let Effect::Import { path } = effect {
                let end = treaty::explorer::import_now(&path, &self.corpus, &mut |_| {});
                if let Some((corpus, graph)) = end.merged {
                    self.corpus = corpus;
                    self.graph = graph;
                }
                self.step(Action::Performed(Box::new(end.outcome)));
            }
        }
        self
    }

    /// Types text key by key, as a user does.
    pub fn typed(&mut self, text: &str) -> &mut Self {
        let keys: Vec<KeyEvent> = text.chars().map(key).collect();
        self.keys(&keys)
    }

    pub fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.act(&[Action::Resize(w, h)])
    }

    /// A click at a cell.
    pub fn click_at(&mut self, column: u16, row: u16) -> &mut Self {
        self.act(&[Action::Mouse(MouseInput {
            kind: MouseKind::Click,
            column,
            row,
        })])
    }

    /// A click on the second cell of the first place `text` shows on screen.
    pub fn click(&mut self, text: &str) -> &mut Self {
        let (column, row) = self
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", self.screen()));
        self.click_at(column + 1, row)
    }

    /// The screen drawn into a `TestBackend` of the state's size, in the
    /// default theme.
    pub fn buffer(&self) -> Buffer {
        self.buffer_in(&Theme::default())
    }

    /// The screen drawn in `theme`.
    pub fn buffer_in(&self, theme: &Theme) -> Buffer {
        let (w, h) = self.state.size;
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        t.draw(|f| treaty::ui::draw(f, &self.state, &self.corpus, &self.graph, theme))
            .expect("draw");
        t.backend().buffer().clone()
    }

    pub fn screen(&self) -> String {
        text_of(&self.buffer())
    }

    /// Where `text` first starts on screen: (column, row) in cells.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        self.screen().lines().enumerate().find_map(|(row, line)| {
            line.find(text).map(|at| {
                let col = unicode_width::UnicodeWidthStr::width(&line[..at]);
                (col as u16, row as u16)
            })
        })
    }

    /// The footer's message, or "".
    pub fn status(&self) -> String {
        self.state
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}

/// A buffer as text: one line a row, wide characters once, trailing blanks
/// trimmed.
pub fn text_of(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
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

pub fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

// ---- pieces of the fixed corpora ----

pub fn passage(number: usize, text: &str) -> Passage {
    Passage {
        number,
        text: text.to_string(),
        line: number * 2,
    }
}

/// The real convention's chapters and article titles with the project's
/// summaries replaced by fixed words and no authentic text, and no sources,
/// links, concerns or events: each test file adds its own, so its snapshots
/// change only when the screens do, not when `data/` grows.
pub fn fixed_convention() -> Corpus {
    let mut c = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    c.convention.preamble.text = None;
    for ch in &mut c.convention.chapters {
        for a in &mut ch.articles {
            a.summary = format!(
                "What article {} provides, in the project's words.",
                a.number
            );
            a.summary_is_official = false;
            a.text = None;
        }
    }
    c.sources.clear();
    c.curated.clear();
    c.concerns.clear();
    c.timeline.clear();
    c
}

/// The authentic text as `treaty import-text` reads it: the official
/// document's layout, with placeholders for its words.
pub const AUTHENTIC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/authentic.txt"
);

/// Gives the preamble and every article the authentic text in `text` (in the
/// layout of `AUTHENTIC`), which must be accepted as the convention's.
pub fn lay_authentic_text(c: &mut Corpus, text: &str) {
    let report = treaty::library::parse_authentic(text, &c.convention);
    assert!(report.verdict().is_ok(), "{:?}", report.verdict());
    c.convention.preamble.text = report.text.preamble.clone();
    for ch in &mut c.convention.chapters {
        for a in &mut ch.articles {
            a.text = report.text.articles.get(&a.number).cloned();
        }
    }
}

/// Gives article 23 a summary of its own, for tests that read it.
pub fn summarise_article_23(c: &mut Corpus) {
    if let Some(a) = c
        .convention
        .chapters
        .iter_mut()
        .flat_map(|c| c.articles.iter_mut())
        .find(|a| a.number == 23)
    {
        a.summary = "Sets the reach of the procedural powers of Chapter IV: the offences of the \
                     Convention, other crimes committed with ICT systems, and electronic evidence \
                     of any crime."
            .into();
    }
}

/// Source 0, "alpha": three paragraphs that cite articles 23, 24 and 30
/// (the second and third) and a `fourth` paragraph each file chooses; `url`
/// is the one field of its meta the fixtures differ in. No headings.
pub fn alpha(url: Option<&str>, fourth: &str) -> Source {
    Source {
        id: "alpha".into(),
        path: "data/sources/alpha.md".into(),
        meta: SourceMeta {
            title: Some("Powers without limits".into()),
            author: Some("Ana Alpha".into()),
            publisher: Some("Digital Rights Lab".into()),
            date: Some("2025-01-15".into()),
            url: url.map(Into::into),
            kind: None,
            origin: None,
            // Named as its author's surname by choice, as the seeds are.
            short: Some("Alpha".into()),
            inferred: Default::default(),
        },
        passages: vec![
            passage(1, "An introduction that cites nothing at all."),
            passage(
                2,
                "Article 23 extends the procedural powers to any crime, and the safeguards of Article 24 are left to national law.",
            ),
            passage(
                3,
                "Interception under Art. 30 needs no judicial authorisation.",
            ),
            passage(4, fourth),
        ],
        headings: vec![],
        user: false,
    }
}

/// Source 1, "beta": a title only, and the given paragraphs.
pub fn beta(passages: Vec<Passage>) -> Source {
    Source {
        id: "beta".into(),
        path: "data/sources/beta.md".into(),
        meta: SourceMeta {
            title: Some("A note on scope".into()),
            short: Some("beta".into()),
            ..SourceMeta::default()
        },
        passages,
        headings: vec![],
        user: false,
    }
}

/// The curated (inferred) link from beta's first paragraph, which names no
/// article, to articles 23 and 2.
pub fn scope_link() -> CuratedLink {
    CuratedLink {
        passage: PassageId {
            source: 1,
            index: 0,
        },
        quote: "reaching any serious crime".into(),
        targets: vec![Target::Article(23), Target::Article(2)],
        reason: "The reach of the powers is set by Art. 23; serious crime is defined in Art. 2."
            .into(),
        treatment: treaty::corpus::Treatment::Criticises,
        asks: None,
    }
}

// ---- the binary ----

/// Runs the `treaty` binary with `args`, and `env` set on top of the test
/// process's environment.
pub fn run_treaty(args: &[&str], env: &[(&str, &OsStr)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the treaty binary runs")
}

/// Runs the binary with its user data in `data_home` and `NO_COLOR` set.
pub fn treaty(data_home: &Path, args: &[&str]) -> Output {
    run_treaty(
        args,
        &[
            ("TREATY_DATA_HOME", data_home.as_os_str()),
            ("NO_COLOR", OsStr::new("1")),
        ],
    )
}

/// A user with an empty library: the binary run with `TREATY_DATA_HOME` in a
/// temp dir of its own, removed with it.
pub struct User {
    pub home: tempfile::TempDir,
}

impl User {
    pub fn new() -> Self {
        User {
            home: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The user's `TREATY_DATA_HOME` (not created until something is written).
    pub fn data(&self) -> PathBuf {
        self.home.path().join("data")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        treaty(&self.data(), args)
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        ok(&self.data(), args)
    }
}

/// Runs the binary as `treaty` does; the command must succeed, and its
/// stdout, which must be UTF-8, is returned.
pub fn ok(data_home: &Path, args: &[&str]) -> String {
    let o = treaty(data_home, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    String::from_utf8(o.stdout).unwrap_or_else(|e| panic!("{args:?}: stdout is not UTF-8: {e}"))
}

/// `--json` output, parsed.
pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
