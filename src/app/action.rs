//! The vocabulary of the explorer: everything a user can do, as one enum.
//! Keys, mouse and tests all speak it; its serde names are the words a future
//! key-binding file would use.

use serde::{Deserialize, Serialize};

/// Something the user asked for. `update` is the only place it takes effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection (or scroll) one step up in the focused pane.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected row, or follow the selected link.
    Open,
    /// Outline: show a chapter's articles / hide them.
    Expand,
    Collapse,
    /// Select the next / previous link of the view, whichever pane holds it.
    NextLink,
    PrevLink,
    /// Move the focus to the next / previous pane.
    NextPane,
    PrevPane,
    NextArticle,
    PrevArticle,
    /// Open the go-to prompt.
    GoTo,
    Back,
    Forward,
    /// Show or hide the key help.
    Help,
    /// Close the innermost overlay.
    Close,
    Quit,
    /// Stop the process the way Ctrl-Z does in a shell; `fg` brings it back.
    Suspend,
    /// Open the search overlay.
    Search,
    /// Open the subject index: its terms alphabetically, filtered as typed.
    SubjectIndex,
    /// On a selected suggested link: make it the user's own inferred link,
    /// or hide it for good.
    AcceptSuggestion,
    RejectSuggestion,
    /// Take in results the background search has sent (the event loop asks).
    SearchPoll,
    /// In the search overlay: the next scope (all, articles, sources).
    NextScope,
    /// In the search overlay: an earlier / a later query of this session.
    OlderQuery,
    NewerQuery,
    /// Editing the search input: erase the char under the cursor, erase
    /// everything, move the cursor.
    PromptDelete,
    PromptClear,
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    /// The next / previous occurrence of the last search in the view.
    NextMatch,
    PrevMatch,
    /// Show the view as full-screen slides.
    Present,
    NextSlide,
    PrevSlide,
    /// Presenting: blank the room's screen, or bring the slide back.
    BlankScreen,
    /// Presenting: show the user's own documents in a section of their
    /// own, or leave them out again.
    ToggleOwn,
    /// Open the file prompt that imports a text into the library.
    ImportFile,
    /// An article with authentic text: show the summary instead, and back.
    ToggleSummary,
    /// The analyst's views: concerns, coverage, timeline, bookmarks.
    Concerns,
    Coverage,
    Timeline,
    Bookmarks,
    /// Bookmark the item in view, or remove its bookmark.
    ToggleBookmark,
    /// In the bookmarks list: move the selected one up / down, remove it.
    BookmarkUp,
    BookmarkDown,
    RemoveBookmark,
    /// Edit the note of the item in view.
    EditNote,
    /// A key in the note editor.
    Edit(crate::app::state::editor::EditKey),
    /// Leave the note editor, saving the note.
    SaveNote,
    /// The item in view with its citation onto the clipboard.
    Copy,
    /// Write a briefing pack of the bookmarks (or the article in view).
    Export,
    /// Open the note editor on the key points of the brief `Export` writes.
    EditKeyPoints,
    /// Cited by: the selected entry's whole passage shown in place, or
    /// folded again; every entry's at once.
    ReadHere,
    ReadAll,
    /// Cited by: the next order; the next value of one filter; no filter.
    CitedOrder,
    CitedTreatment,
    CitedDepth,
    CitedSource,
    CitedBasis,
    CitedYear,
    CitedClear,
    /// Typing in the go-to prompt.
    PromptChar(char),
    /// Text pasted into the terminal (bracketed paste): it goes into the
    /// field being typed in, as text and never as keys; elsewhere it is
    /// ignored.
    Paste(String),
    PromptBackspace,
    PromptSubmit,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    Mouse(MouseInput),
}

/// A mouse event reduced to what the explorer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MouseInput {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MouseKind {
    Click,
    WheelUp,
    WheelDown,
}

/// What the event loop must do after an update, beyond drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Nothing,
    Quit,
    Suspend,
    /// The library changed (an import): merge it into the corpus again.
    ReloadLibrary,
}
