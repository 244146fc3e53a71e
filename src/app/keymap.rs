//! The one key table: which key does what, in which mode, for which purpose.
//! The help overlay and the footer hints are generated from it, so they can
//! never disagree with the keys.

// The keymap speaks in actions: who reads it gets them from here.
pub use crate::app::action::Action;
use crate::app::state::editor::EditKey;
// The session's keys are state (plain data); the table reads them here.
pub use crate::app::state::keys::{Key, KeyOverrides, Keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Which table a key is looked up in: the overlays take keys before the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Prompt,
    /// The note editor: printable keys are text.
    Note,
    /// Presentation slides: digits are a slide number.
    Present,
    /// The speaker view (`present --speaker`): its own keys, looked up
    /// before the presentation's, which it shares.
    Speaker,
    /// The search overlay: printable keys are the query.
    Search,
    /// The subject index: printable keys filter it.
    Index,
}

/// What a binding is for; the help overlay groups by it, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Move,
    Follow,
    /// The Cited by list: reading in place, filters and order.
    CitedBy,
    Panes,
    History,
    GoTo,
    /// The search overlay and `n` / `N`.
    Search,
    /// Bookmarks, notes, copying, briefs and the analyst's views.
    Work,
    /// Slides, importing a text, the authentic text.
    Show,
    Quit,
}

impl Purpose {
    pub const ALL: [Purpose; 10] = [
        Purpose::Move,
        Purpose::Follow,
        Purpose::Panes,
        Purpose::History,
        Purpose::GoTo,
        Purpose::Search,
        Purpose::Work,
        Purpose::CitedBy,
        Purpose::Show,
        Purpose::Quit,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Purpose::Move => "Move",
            Purpose::Follow => "Open and follow links",
            Purpose::CitedBy => "Cited by (the passages on an article)",
            Purpose::Panes => "Panes and articles",
            Purpose::History => "History (like a browser)",
            Purpose::GoTo => "Go to a place",
            Purpose::Search => "Search",
            Purpose::Work => "Work with the text",
            Purpose::Show => "Present, import, authentic text",
            Purpose::Quit => "Help and quit",
        }
    }
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub action: Action,
    pub purpose: Purpose,
    pub help: &'static str,
}

const fn bind(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    purpose: Purpose,
    help: &'static str,
) -> Binding {
    Binding {
        mode,
        keys,
        action,
        purpose,
        help,
    }
}

use crate::app::state::AppState;
use crate::app::state::Overlay;
use KeyCode as K;
use Mode::{Help as H, Normal as N, Prompt as P, Search as S};
use Purpose as G;

/// Every key the user can press.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(N, &[ch('k'), key(K::Up)], Action::Up, G::Move, "up one line or entry"),
    bind(N, &[ch('j'), key(K::Down)], Action::Down, G::Move, "down one line or entry"),
    bind(N, &[key(K::PageUp)], Action::PageUp, G::Move, "up one page"),
    bind(N, &[key(K::PageDown), ch(' ')], Action::PageDown, G::Move, "down one page"),
    bind(N, &[ch('g'), key(K::Home)], Action::Top, G::Move, "to the top"),
    bind(N, &[ch('G'), key(K::End)], Action::Bottom, G::Move, "to the bottom"),
    bind(N, &[key(K::Enter)], Action::Open, G::Follow, "open the selection, or follow its link"),
    bind(N, &[key(K::Tab)], Action::NextLink, G::Follow, "next link in the view"),
    bind(N, &[key(K::BackTab)], Action::PrevLink, G::Follow, "previous link in the view"),
    bind(N, &[ch('l'), key(K::Right)], Action::Expand, G::Follow, "outline: show a chapter's articles"),
    bind(N, &[ch('h'), key(K::Left)], Action::Collapse, G::Follow, "outline: hide a chapter's articles"),
    bind(N, &[ch('v')], Action::ReadHere, G::CitedBy, "read the selected passage here, in full (again: fold it)"),
    bind(N, &[ch('V')], Action::ReadAll, G::CitedBy, "read every passage here, in full (again: fold them all)"),
    bind(N, &[ch('o')], Action::CitedOrder, G::CitedBy, "order: cited first, source by source, deepest first, newest first, most critical first"),
    bind(N, &[ch('T')], Action::CitedTreatment, G::CitedBy, "show one treatment: criticises, proposes change, welcomes, mentions; or all"),
    bind(N, &[ch('D')], Action::CitedDepth, G::CitedBy, "show passages at least this deep: 2, 3, 4; or all"),
    bind(N, &[ch('S')], Action::CitedSource, G::CitedBy, "show one source's passages, or all"),
    bind(N, &[ch('L')], Action::CitedBasis, G::CitedBy, "show cited, inferred or suggested only; or all"),
    bind(N, &[ch('Y')], Action::CitedYear, G::CitedBy, "show one year's sources, or all"),
    bind(N, &[ch('F')], Action::CitedClear, G::CitedBy, "show all passages again (no filter)"),
    bind(N, &[ch('w')], Action::NextPane, G::Panes, "next pane: outline, text, links"),
    bind(N, &[ch('W')], Action::PrevPane, G::Panes, "previous pane"),
    bind(N, &[ch(']')], Action::NextArticle, G::Panes, "next article (or next source)"),
    bind(N, &[ch('[')], Action::PrevArticle, G::Panes, "previous article (or previous source)"),
    bind(N, &[key(K::Backspace), alt(K::Left), alt(K::Char('b')), ctrl('h')], Action::Back, G::History, "back to the previous place"),
    bind(N, &[alt(K::Right), alt(K::Char('f'))], Action::Forward, G::History, "forward again"),
    bind(N, &[ch(':')], Action::GoTo, G::GoTo, "go to: 23, IV, preamble or a source id"),
    bind(P, &[key(K::Enter)], Action::PromptSubmit, G::GoTo, "go there (in the import prompt: import the file)"),
    bind(P, &[key(K::Backspace), ctrl('h')], Action::PromptBackspace, G::GoTo, "erase a character"),
    bind(P, &[key(K::Esc)], Action::Close, G::GoTo, "cancel"),
    bind(N, &[ch('/')], Action::Search, G::Search, "search articles, chapters, sources and passages"),
    bind(N, &[ch('I')], Action::SubjectIndex, G::Search, "subject index: terms of art, synonyms, acronyms, A to Z"),
    bind(N, &[ch('n')], Action::NextMatch, G::Search, "next match of the last search in this view"),
    bind(N, &[ch('N')], Action::PrevMatch, G::Search, "previous match of the last search in this view"),
    bind(H, &[ch('/')], Action::Search, G::Search, "search"),
    bind(S, &[key(K::Enter)], Action::PromptSubmit, G::Search, "open the selected result, the match marked"),
    bind(S, &[key(K::Esc)], Action::Close, G::Search, "close search; the view stays as it was"),
    bind(S, &[key(K::Tab)], Action::NextScope, G::Search, "scope: all, articles, sources"),
    bind(S, &[key(K::Down), ctrl('n'), ctrl('j')], Action::Down, G::Search, "next result"),
    bind(S, &[key(K::Up), ctrl('p'), ctrl('k')], Action::Up, G::Search, "previous result"),
    bind(S, &[key(K::PageDown)], Action::PageDown, G::Search, "results: a page down"),
    bind(S, &[key(K::PageUp)], Action::PageUp, G::Search, "results: a page up"),
    bind(S, &[ctrl('r')], Action::OlderQuery, G::Search, "an earlier search of this session"),
    bind(S, &[ctrl('s')], Action::NewerQuery, G::Search, "a later search (back to what you typed)"),
    bind(S, &[key(K::Backspace), ctrl('h')], Action::PromptBackspace, G::Search, "erase the character before the cursor"),
    bind(S, &[key(K::Delete)], Action::PromptDelete, G::Search, "erase the character under the cursor"),
    bind(S, &[ctrl('u')], Action::PromptClear, G::Search, "clear the input"),
    bind(S, &[key(K::Left)], Action::CursorLeft, G::Search, "cursor left"),
    bind(S, &[key(K::Right)], Action::CursorRight, G::Search, "cursor right"),
    bind(S, &[key(K::Home), ctrl('a')], Action::CursorStart, G::Search, "cursor to the start"),
    bind(S, &[key(K::End), ctrl('e')], Action::CursorEnd, G::Search, "cursor to the end"),
    bind(Mode::Index, &[key(K::Enter)], Action::PromptSubmit, G::Search, "open the provision of the term (a list to pick from when it has several)"),
    bind(Mode::Index, &[key(K::Esc)], Action::Close, G::Search, "close the index (the list to pick from first)"),
    bind(Mode::Index, &[key(K::Down), ctrl('n'), ctrl('j')], Action::Down, G::Search, "next term"),
    bind(Mode::Index, &[key(K::Up), ctrl('p'), ctrl('k')], Action::Up, G::Search, "previous term"),
    bind(Mode::Index, &[key(K::PageDown)], Action::PageDown, G::Search, "a page down"),
    bind(Mode::Index, &[key(K::PageUp)], Action::PageUp, G::Search, "a page up"),
    bind(Mode::Index, &[key(K::Home)], Action::Top, G::Search, "the first term"),
    bind(Mode::Index, &[key(K::End)], Action::Bottom, G::Search, "the last term"),
    bind(Mode::Index, &[key(K::Backspace), ctrl('h')], Action::PromptBackspace, G::Search, "erase the last character of the filter"),
    bind(Mode::Index, &[ctrl('u')], Action::PromptClear, G::Search, "clear the filter"),
    bind(Mode::Index, &[ctrl('c')], Action::Quit, G::Quit, "quit"),
    bind(Mode::Index, &[ctrl('z')], Action::Suspend, G::Quit, "suspend"),
    bind(S, &[ctrl('c')], Action::Quit, G::Quit, "quit"),
    bind(S, &[ctrl('z')], Action::Suspend, G::Quit, "suspend"),
    bind(N, &[ch('?'), key(K::F(1))], Action::Help, G::Quit, "show or hide this help"),
    bind(N, &[key(K::Esc)], Action::Close, G::Quit, "close the innermost overlay"),
    bind(N, &[ch('q')], Action::Quit, G::Quit, "quit"),
    bind(N, &[ctrl('c')], Action::Quit, G::Quit, "quit, from anywhere"),
    bind(N, &[ctrl('z')], Action::Suspend, G::Quit, "suspend; `fg` in the shell comes back"),
    bind(H, &[ch('k'), key(K::Up)], Action::Up, G::Move, "scroll the help up"),
    bind(H, &[ch('j'), key(K::Down)], Action::Down, G::Move, "scroll the help down"),
    bind(H, &[key(K::PageUp)], Action::PageUp, G::Move, "page up"),
    bind(H, &[key(K::PageDown), ch(' ')], Action::PageDown, G::Move, "page down"),
    bind(H, &[ch('g'), key(K::Home)], Action::Top, G::Move, "top"),
    bind(H, &[ch('G'), key(K::End)], Action::Bottom, G::Move, "bottom"),
    bind(H, &[ch('?'), key(K::F(1)), key(K::Esc)], Action::Close, G::Quit, "close the help"),
    bind(H, &[ch('q')], Action::Quit, G::Quit, "quit"),
    bind(H, &[ctrl('c')], Action::Quit, G::Quit, "quit"),
    bind(H, &[ctrl('z')], Action::Suspend, G::Quit, "suspend"),
    bind(P, &[ctrl('c')], Action::Quit, G::Quit, "quit"),
    bind(P, &[ctrl('z')], Action::Suspend, G::Quit, "suspend"),
    bind(N, &[ch('c')], Action::Concerns, G::Work, "concerns: what the critiques worry about, with their passages"),
    bind(N, &[ch('C')], Action::Coverage, G::Work, "coverage: articles by how much the critiques discuss them"),
    bind(N, &[ch('t')], Action::Timeline, G::Work, "timeline: the dated events, each with its source"),
    bind(N, &[ch('b')], Action::ToggleBookmark, G::Work, "bookmark the article, passage or source in view (again: remove)"),
    bind(N, &[ch('B')], Action::Bookmarks, G::Work, "bookmarks: the list, to open, order and remove"),
    bind(N, &[ch('K'), shift(K::Up)], Action::BookmarkUp, G::Work, "bookmarks list: move the selected bookmark up"),
    bind(N, &[ch('J'), shift(K::Down)], Action::BookmarkDown, G::Work, "bookmarks list: move the selected bookmark down"),
    bind(N, &[ch('d'), key(K::Delete)], Action::RemoveBookmark, G::Work, "bookmarks list: remove the selected bookmark"),
    bind(N, &[ch('e')], Action::EditNote, G::Work, "edit your note on the article, passage or source in view"),
    bind(N, &[ch('+')], Action::AcceptSuggestion, G::Work, "on a [suggested] link: accept it, as your own inferred link with its reason"),
    bind(N, &[ch('-')], Action::RejectSuggestion, G::Work, "on a [suggested] link: reject it; it is hidden and not suggested again"),
    bind(N, &[ch('y')], Action::Copy, G::Work, "copy the passage or article with its citation (OSC 52)"),
    bind(N, &[ch('x')], Action::Export, G::Work, "export a Markdown brief of your bookmarks (or this article)"),
    bind(N, &[ch('X')], Action::EditKeyPoints, G::Work, "write the key points of that brief (your words, first in it)"),
    bind(Mode::Note, &[ctrl('s'), key(K::Esc)], Action::SaveNote, G::Work, "save the note and close the editor"),
    bind(Mode::Note, &[key(K::Enter)], Action::Edit(EditKey::Newline), G::Work, "new line"),
    bind(Mode::Note, &[key(K::Backspace), ctrl('h')], Action::Edit(EditKey::Backspace), G::Work, "erase the character before the cursor"),
    bind(Mode::Note, &[key(K::Delete)], Action::Edit(EditKey::Delete), G::Work, "erase the character under the cursor"),
    bind(Mode::Note, &[key(K::Left)], Action::Edit(EditKey::Left), G::Work, "cursor left"),
    bind(Mode::Note, &[key(K::Right)], Action::Edit(EditKey::Right), G::Work, "cursor right"),
    bind(Mode::Note, &[key(K::Up)], Action::Edit(EditKey::Up), G::Work, "cursor up a line"),
    bind(Mode::Note, &[key(K::Down)], Action::Edit(EditKey::Down), G::Work, "cursor down a line"),
    bind(Mode::Note, &[key(K::Home)], Action::Edit(EditKey::Home), G::Work, "start of the line"),
    bind(Mode::Note, &[key(K::End)], Action::Edit(EditKey::End), G::Work, "end of the line"),
    bind(Mode::Note, &[ctrl('c')], Action::Quit, G::Quit, "save the note and quit"),
    bind(N, &[ch('p')], Action::Present, G::Show, "present: full-screen slides of the chapter, source, concern or bookmarks in view"),
    bind(N, &[ch('i')], Action::ImportFile, G::Show, "import a text or Markdown file into your library (asks for its path)"),
    bind(N, &[ch('s')], Action::ToggleSummary, G::Show, "article with authentic text: switch to the summary and back"),
    bind(Mode::Present, &[ch(' '), key(K::Right), key(K::PageDown)], Action::NextSlide, G::Show, "next slide"),
    bind(Mode::Present, &[key(K::Left), key(K::PageUp)], Action::PrevSlide, G::Show, "previous slide"),
    bind(Mode::Present, &[key(K::Home), ch('g')], Action::Top, G::Show, "first slide"),
    bind(Mode::Present, &[key(K::End), ch('G')], Action::Bottom, G::Show, "last slide"),
    bind(Mode::Present, &[ch('b'), ch('.')], Action::BlankScreen, G::Show, "blank the screen; again: bring the slide back"),
    bind(Mode::Present, &[ch('o')], Action::ToggleOwn, G::Show, "show your own documents in a section of their own (again: leave them out)"),
    bind(Mode::Present, &[key(K::Enter)], Action::PromptSubmit, G::Show, "go to the slide whose number was typed (3 Enter)"),
    bind(Mode::Present, &[key(K::Backspace)], Action::PromptBackspace, G::Show, "erase a typed digit"),
    bind(Mode::Present, &[ch('q'), key(K::Esc)], Action::Close, G::Show, "leave the slides, back where you were"),
    bind(Mode::Present, &[ctrl('c')], Action::Quit, G::Quit, "quit"),
    bind(Mode::Present, &[ctrl('z')], Action::Suspend, G::Quit, "suspend"),
    bind(Mode::Speaker, &[key(K::Down), ch('j')], Action::Down, G::Show, "scroll the notes down"),
    bind(Mode::Speaker, &[key(K::Up), ch('k')], Action::Up, G::Show, "scroll the notes up"),
];

/// Shift is part of the character itself (`G`, `?`, `:`), so it is ignored for
/// characters; terminals disagree about reporting it.
fn normalize(code: KeyCode, mods: KeyModifiers) -> Key {
    let mods = match code {
        KeyCode::Char(_) | KeyCode::BackTab => mods.difference(KeyModifiers::SHIFT),
        _ => mods,
    };
    Key { code, mods }
}

/// The action a key press means in `mode`, if any.
pub fn action_for(keys: &Keymap, mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = normalize(event.code, event.modifiers);
    let found = BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .find(|b| {
            keys_of(keys, b)
                .iter()
                .any(|k| normalize(k.code, k.mods) == pressed)
        })
        .map(|b| b.action.clone());
    if found.is_some() {
        return found;
    }
    // In the prompt every other printable character is text.
    match (mode, event.code) {
        (Mode::Prompt, KeyCode::Char(c))
            if !pressed
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::PromptChar(c))
        }
        (Mode::Note, KeyCode::Char(c))
            if !pressed
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Edit(EditKey::Char(c)))
        }
        (Mode::Note, KeyCode::Tab) => Some(Action::Edit(EditKey::Char(' '))),
        (Mode::Present, KeyCode::Char(c)) if c.is_ascii_digit() => Some(Action::PromptChar(c)),
        (Mode::Search | Mode::Index, KeyCode::Char(c))
            if !pressed
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::PromptChar(c))
        }
        _ => None,
    }
}

/// How a key is written on screen: `j`, `↓`, `PgDn`, `Alt-←`, `Ctrl-C`.
pub fn label(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if k.mods.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut out = String::new();
    if k.mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if k.mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    if k.mods.contains(KeyModifiers::SHIFT) && !matches!(k.code, KeyCode::Char(_)) {
        out.push_str("Shift-");
    }
    out.push_str(&base);
    out
}

/// All keys of a binding, `j ↓`.
pub fn labels(keys: &Keymap, b: &Binding) -> String {
    keys_of(keys, b)
        .iter()
        .map(label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first key bound to `action` in `mode`, for footer hints.
pub fn first_key(keys: &Keymap, mode: Mode, action: &Action) -> Option<String> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && &b.action == action)
        .find_map(|b| keys_of(keys, b).first().map(label))
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Group(&'static str),
    Entry { keys: String, help: &'static str },
    Blank,
}

/// The help text: normal-mode keys by purpose, then each overlay's keys.
pub fn help_lines(keys: &Keymap) -> Vec<HelpLine> {
    let mut out = Vec::new();
    let entries = |mode: Mode, purpose: Option<Purpose>| {
        BINDINGS
            .iter()
            .filter(move |b| b.mode == mode && purpose.is_none_or(|p| b.purpose == p))
            .map(|b| HelpLine::Entry {
                keys: labels(keys, b),
                help: b.help,
            })
    };
    for purpose in Purpose::ALL {
        let rows: Vec<HelpLine> = entries(Mode::Normal, Some(purpose)).collect();
        if rows.is_empty() {
            continue;
        }
        out.push(HelpLine::Group(purpose.title()));
        out.extend(rows);
        out.push(HelpLine::Blank);
    }
    for (title, mode) in [
        ("In the go-to and import prompts", Mode::Prompt),
        (
            "In the search overlay (typing writes the query)",
            Mode::Search,
        ),
        (
            "In the subject index (typing filters it; a number keeps an article's terms)",
            Mode::Index,
        ),
        ("In the note editor (typing writes the note)", Mode::Note),
        ("In presentation mode (p)", Mode::Present),
        (
            "In the speaker view (present --speaker), besides those of presentation mode",
            Mode::Speaker,
        ),
    ] {
        out.push(HelpLine::Group(title));
        if mode == Mode::Present {
            out.push(HelpLine::Entry {
                keys: "0-9".to_string(),
                help: "type a slide number, then Enter",
            });
        }
        out.extend(entries(mode, None));
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Group("Mouse"));
    for (keys, help) in [
        ("wheel", "scroll the pane under the pointer"),
        (
            "click",
            "select; click a link (or the selected entry) to follow it",
        ),
    ] {
        out.push(HelpLine::Entry {
            keys: keys.to_string(),
            help,
        });
    }
    out
}

/// The help as Markdown tables, one per group: what README.md shows under
/// "Keys" (a test keeps the two equal).
pub fn markdown_table(keys: &Keymap) -> String {
    let mut out = String::new();
    let mut open = false;
    for line in help_lines(keys) {
        match line {
            HelpLine::Group(title) => {
                if open {
                    out.push('\n');
                }
                out.push_str(&format!(
                    "**{title}**\n\n| keys | what they do |\n| --- | --- |\n"
                ));
                open = true;
            }
            HelpLine::Entry { keys, help } => {
                let keys = keys
                    .split(' ')
                    .map(|k| format!("`{}`", k.replace('|', "\\|")))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&format!("| {keys} | {} |\n", help.replace('|', "\\|")));
            }
            HelpLine::Blank => {}
        }
    }
    out
}

/// The keys a binding answers to now. An override replaces the keys of the
/// action's first explorer-mode row, and a key it takes leaves every other
/// explorer-mode row, so no key means two things.
pub fn keys_of(keys: &Keymap, b: &Binding) -> Vec<Key> {
    let o = keys.overrides();
    if o.is_empty() || b.mode != Mode::Normal {
        return b.keys.to_vec();
    }
    if let Some(keys) = o.keys_for(&b.action)
        && first_row(&b.action).is_some_and(|first| std::ptr::eq(first, b))
    {
        return keys.to_vec();
    }
    b.keys.iter().copied().filter(|k| !o.takes(k)).collect()
}

/// The key table a state listens to.
pub fn mode(state: &AppState) -> Mode {
    match state.overlay {
        Some(Overlay::Help { .. }) => Mode::Help,
        Some(Overlay::GoTo { .. }) => Mode::Prompt,
        Some(Overlay::Import { .. }) => Mode::Prompt,
        Some(Overlay::Present(_)) => Mode::Present,
        Some(Overlay::Note { .. }) => Mode::Note,
        Some(Overlay::Search(_)) => Mode::Search,
        Some(Overlay::Index(_)) => Mode::Index,
        // Every key of the explorer works from the start screen.
        Some(Overlay::Start { .. }) | None => Mode::Normal,
    }
}

fn first_row(action: &Action) -> Option<&'static Binding> {
    BINDINGS
        .iter()
        .find(|b| b.mode == Mode::Normal && &b.action == action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.mode != b.mode {
                    continue;
                }
                for k in a.keys {
                    assert!(!b.keys.contains(k), "{} bound twice", label(k));
                }
            }
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let e = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, e),
            Some(Action::Bottom)
        );
        let e = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, e),
            Some(Action::PrevLink)
        );
    }

    #[test]
    fn prompt_takes_text_but_ctrl_c_still_quits() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Prompt, q),
            Some(Action::PromptChar('q'))
        );
        let c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Prompt, c),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&Keymap::default(), Mode::Help, c),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, c),
            Some(Action::Quit)
        );
    }

    #[test]
    fn alt_arrows_and_letters_walk_history() {
        let e = press(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, e),
            Some(Action::Back)
        );
        let e = press(KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, e),
            Some(Action::Forward)
        );
    }

    #[test]
    fn help_lists_every_normal_binding() {
        let lines = help_lines(&Keymap::default());
        for b in BINDINGS.iter().filter(|b| b.mode == Mode::Normal) {
            assert!(
                lines
                    .iter()
                    .any(|l| matches!(l, HelpLine::Entry { help, .. } if *help == b.help))
            );
        }
    }
}
