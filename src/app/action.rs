//! The vocabulary of the explorer: everything a user can do, as one enum.
//! Keys, mouse and tests all speak it; its serde names are the words a future
//! key-binding file would use.

use crate::user::ItemRef;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
    /// What the event loop did with an [`Effect`] (a save, a brief, an
    /// import's progress and end), fed back so `update` can say so. Never a
    /// key: it has no name in the config file.
    #[serde(skip)]
    Performed(Box<Outcome>),
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

/// What the event loop must do after an update, beyond drawing: `update`
/// itself writes no file, reads no environment and touches no terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Nothing,
    Quit,
    Suspend,
    /// Save one change to the user's files (bookmarks, notes, last place).
    Save(Save),
    /// Put this text on the clipboard (the loop writes it as OSC 52).
    Copy(String),
    /// Write a brief as `name` into the first of `dirs` that takes it.
    WriteBrief {
        /// Says what the brief is on, for the footer: `3 bookmarks`.
        what: String,
        name: String,
        dirs: Vec<PathBuf>,
        text: String,
    },
    /// Import a file into the user's library, in the background.
    Import {
        path: PathBuf,
    },
}

/// One change to the user's files, as the event loop saves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Bookmark the item, or remove its bookmark.
    ToggleBookmark(ItemRef),
    /// Move a bookmark one place up (or down) the list.
    MoveBookmark {
        item: ItemRef,
        up: bool,
    },
    RemoveBookmark(ItemRef),
    /// Set the note on an item (empty text deletes it); `had` says whether
    /// it had one, so the footer can say "deleted".
    Note {
        item: ItemRef,
        text: String,
        had: bool,
    },
    /// Where the user was, for the next run.
    LastPlace(String),
    /// Exactly where the user was (view, paragraph, selection, scroll,
    /// concern) and the places visited in this session, for the next run.
    Session {
        spot: crate::user::Spot,
        visited: Vec<String>,
    },
    /// Accept a suggested link (it becomes the user's own inferred link) or
    /// reject it (hidden, remembered); `what` names it for the footer:
    /// `zamora ¶ 6 -> Art. 56`.
    Decide {
        decision: crate::user::suggestions::Decision,
        accept: bool,
        what: String,
    },
}

/// What came of an effect, told back to `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A change saved: `Ok` holds what the change reports (whether the item
    /// is bookmarked now, whether the bookmark moved or was removed); `Err`
    /// why it was not saved. `notices` say what the write did besides (a
    /// flawed file copied aside), to be told after it.
    Saved {
        change: Save,
        result: Result<bool, String>,
        notices: Vec<String>,
    },
    /// A brief written (where) or not (why).
    Brief {
        what: String,
        result: Result<PathBuf, String>,
    },
    /// How far the import has come, as a line for the footer.
    ImportProgress(String),
    /// The import is over. On success the loop has already merged the
    /// library into the corpus the next update sees.
    Imported(Result<ImportDone, String>),
}

/// An import that succeeded, as the footer tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportDone {
    pub id: String,
    pub updated: bool,
    pub paragraphs: usize,
    pub citations: usize,
    pub warning: Option<String>,
    /// What merging the library into the corpus again warned of.
    pub library_warning: Option<String>,
}
